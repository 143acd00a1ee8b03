"""An Ansible `uri:` task that states no `method:` sends a GET, as the module does: its request to the
Service Management API is a classic call, where the playbook was a MIG001 "failed to read this file"."""

from __future__ import annotations

from lint_support import lint_files

PLAYBOOK = """\
- hosts: localhost
  tasks:
    - name: list the cloud services
      uri:
        url: "https://management.core.windows.net/sub1/services/hostedservices"
        client_cert: mgmt.pem
"""


def test_a_uri_task_without_a_method_is_a_classic_get(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"site.yml": PLAYBOOK}, "MIG001", "MIG601", dedent=False)
    assert [(f.code, f.location.line) for f in result.findings] == [("MIG601", 4)]
    assert (
        "GET management.core.windows.net/<subscription-id>/services/hostedservices"
        in result.findings[0].message
    )
