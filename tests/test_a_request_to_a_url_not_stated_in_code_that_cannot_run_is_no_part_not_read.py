"""A request that may go to the Service Management API at a URL the file does not state is said as a part
not read (`request-url-undecided`); but one written in code that cannot run (`if false; then … fi`, an
Ansible task `when: false`, Python's `if False:`, PowerShell's `if ($false) { … }`) sends nothing, so leaves
no part not read, while the same request where it may run still does."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import Script, undecided_url

BODY = (
    '<CreateHostedService xmlns="http://schemas.microsoft.com/windowsazure">'
    "<ServiceName>shop</ServiceName><Label>c2hvcA==</Label><Location>West US</Location>"
    "</CreateHostedService>\n"
)
SHELL = '#!/bin/bash\nif {test}; then\n  curl -X POST --cert mgmt.pem -d @body.xml "$1"\nfi\n'
ANSIBLE = (
    "- hosts: localhost\n  tasks:\n    - name: deploy through management.core.windows.net\n      uri:\n        url: '{{{{ target }}}}'\n"
    "        method: POST\n        client_cert: mgmt.pem\n      when: {test}\n"
)
PYTHON = (
    "import sys\n\nimport requests\n\nif {test}:\n"
    '    requests.post(sys.argv[1], cert="mgmt.pem", data=open("body.xml"))\n'
)
POWERSHELL = (
    "param([string]$Url)  # the Service Management endpoint, management.core.windows.net\nif ({test}) {{\n"
    "    Invoke-RestMethod -Uri $Url -Method Post -CertificateThumbprint $thumb\n"
    "    curl.exe -X POST --cert mgmt.pem $Url\n}}\n"
)
# Each file: its text, the test that never holds and one that may, and how many requests it sends.
CASES = {
    "deploy.sh": (SHELL, "false", '[ -n "$1" ]', 1),
    "site.yml": (ANSIBLE, "false", "target is defined", 1),
    "deploy.py": (PYTHON, "False", "len(sys.argv) > 1", 1),
    "deploy.ps1": (POWERSHELL, "$false", "$Url", 2),
}


def undecided(tmp_path, monkeypatch, name: str, text: str) -> int:
    result = lint_files(tmp_path, monkeypatch, {name: text, "body.xml": BODY}, dedent=False)
    return sum(
        1
        for estate in result.estates
        for d in estate.documents
        for r in d.resources
        if isinstance(r, Script)
        for m in r.unread
        if undecided_url(m.tag)
    )


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_request_in_code_that_cannot_run_is_no_part_not_read(tmp_path, monkeypatch, name):
    text, never, _, _ = CASES[name]
    assert undecided(tmp_path, monkeypatch, name, text.format(test=never)) == 0


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_same_request_where_it_may_run_is_said_not_read(tmp_path, monkeypatch, name):
    text, _, may, sent = CASES[name]
    assert undecided(tmp_path, monkeypatch, name, text.format(test=may)) == sent
