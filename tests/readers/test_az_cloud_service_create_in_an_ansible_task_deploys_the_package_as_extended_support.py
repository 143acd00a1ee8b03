"""`az cloud-service create` run by an Ansible task (`shell:`, `command:`, `ansible.builtin.command: cmd:`)
was not read: the playbook was taken for one that runs no Azure tool (its file was passed over, and a task's
line was run only where it named `azure`), where the same line in a CI pipeline's step is read. It is now read
through the same shell reader: the package it deploys is of Cloud Services (extended support), and MIG101 is
a warning about the retirement, not a web/worker role's error. So is `az resource create` of a classic type."""

from __future__ import annotations

import pytest
from lint_support import WEB_ROLE_PACKAGE, lint_files, where

from migcheck.model import ExtendedSupportService, Severity
from migcheck.readers import ansible

COMMAND = (
    "az cloud-service create -g shop-rg -n store --roles Web:Standard_D1_v2:2:Standard"
    ' --package-url "$PKG" --configuration @shop/ServiceConfiguration.Cloud.cscfg'
)
TASKS = {
    "shell": f"      shell: {COMMAND}\n",
    "command": f"      command: {COMMAND}\n",
    "cmd": f"      ansible.builtin.command:\n        cmd: {COMMAND}\n",
}


def _playbook(task: str) -> str:
    return f"- hosts: localhost\n  tasks:\n    - name: deploy the package\n{task}"


@pytest.mark.parametrize("task", TASKS)
def test_the_task_creates_a_cloud_service_of_extended_support(task):
    data = _playbook(TASKS[task]).encode()
    assert ansible.sniff(data)
    document = ansible.read("deploy.yml", data)
    (record,) = [r for r in document.resources if isinstance(r, ExtendedSupportService)]
    assert (record.name, record.mark.line) == ("store", 4 if task != "cmd" else 5)
    assert (record.package, record.roles) == ("shop/ServiceConfiguration.Cloud.cscfg", ("Web",))


@pytest.mark.parametrize("task", TASKS)
def test_mig101_says_the_package_is_of_extended_support(tmp_path, monkeypatch, task):
    files = {**WEB_ROLE_PACKAGE, "deploy.yml": _playbook(TASKS[task])}
    found = lint_files(tmp_path, monkeypatch, files, dedent=False).findings
    assert where(found) == ["MIG101 shop/ServiceDefinition.csdef:2:3"]
    assert found[0].severity is Severity.WARNING
    assert "creates it with az cloud-service create" in found[0].message


def test_a_classic_type_az_resource_create_creates_is_a_classic_call():
    line = "az resource create -g rg -n web --resource-type Microsoft.ClassicCompute/domainNames -p '{}'"
    data = _playbook(f"      shell: {line}\n").encode()
    assert ansible.sniff(data)
    (script,) = [r for r in ansible.read("deploy.yml", data).resources if hasattr(r, "calls")]
    assert [call.mark.line for call in script.calls] == [4]
