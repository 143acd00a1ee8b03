"""The Service Management API's host is the same in any case (`https://Management.Core.Windows.Net/...`,
`MANAGEMENT.CORE.WINDOWS.NET`): a request to it is one to the API in every reader that sends one (Python,
PowerShell, shell curl, CI steps, a command a Python script runs). A Python script whose only sign of the
API was its host in upper case (httpx, a path of no collection the reader knows) was not read, its request
not found."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

HOSTS = ["management.core.windows.net", "Management.Core.Windows.Net", "MANAGEMENT.CORE.WINDOWS.NET"]
SCRIPTS = {
    "get.py": 'import httpx\n\nBASE = "https://{host}"\nhttpx.get(BASE + "/sub1/operations/x")\n',
    "run.py": (
        'import subprocess\n\nBASE = "https://{host}"\n'
        'subprocess.check_call(["curl", "-E", "c.pem", BASE + "/sub1/operations/x"])\n'
    ),
    "get.ps1": '$base = "https://{host}"\nInvoke-RestMethod -Uri ($base + "/sub1/operations/x") -Certificate $c\n',
    "get.sh": 'BASE=https://{host}\ncurl -E c.pem "$BASE/sub1/operations/x"\n',
    ".github/workflows/ci.yml": (
        "on: push\nenv:\n  BASE: https://{host}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        '      - run: curl -E c.pem "$BASE/sub1/operations/x"\n'
    ),
}
EXPECTED = {
    "get.py": "get.py:4:7",
    "run.py": "run.py:4:24",
    "get.ps1": "get.ps1:2:1",
    "get.sh": "get.sh:2:1",
    ".github/workflows/ci.yml": ".github/workflows/ci.yml:8:14",
}


@pytest.mark.parametrize("host", HOSTS)
@pytest.mark.parametrize("name", list(SCRIPTS))
def test_a_request_to_the_host_in_any_case_is_one_to_the_api(tmp_path, monkeypatch, name, host):
    files = {name: SCRIPTS[name].format(host=host)}
    result = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False)
    assert where(result.findings) == [f"MIG601 {EXPECTED[name]}"]
    (finding,) = result.findings
    assert "(GET management.core.windows.net/<subscription-id>/operations/x)" in finding.message
