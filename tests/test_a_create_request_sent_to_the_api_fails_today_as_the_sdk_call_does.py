"""A request of the script's own that creates a classic resource (Create Virtual Machine Deployment, a POST to
`.../hostedservices/<service>/deployments`; Create Cloud Service, Add Role, Create Storage Account) fails today,
as the SDK's `create_virtual_machine_deployment` does: MIG601 says so, in a runbook (which MIG602 checks) and in
a script that migrates nothing, from Python's requests and from PowerShell's Invoke-RestMethod alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

SM = "https://management.core.windows.net/00000000-0000-0000-0000-000000000001/services"
MIGRATE = "requests.post(S + '/hostedservices/leg4-svc/deployments/leg4/migration?comp=validate', headers=H, cert=C)\n"

PY = f"""\
import requests
S = '{SM}'
H = {{'x-ms-version': '2015-04-01'}}
C = ('c.pem', 'k.pem')
requests.post(S + 'PATH', data=open('body.xml').read(), headers=H, cert=C)
"""

CREATES = [
    ("/hostedservices/leg4-svc/deployments", "classic VMs", "Microsoft.Compute/virtualMachines"),
    ("/hostedservices/leg4-svc/deployments/leg4/roles", "classic VMs", "Microsoft.Compute/virtualMachines"),
    ("/hostedservices", "classic cloud services", "a resource group"),
    ("/hostedservices/leg4-svc/deploymentslots/production", "classic cloud services", "a resource group"),
    ("/storageservices", "classic storage accounts", "Microsoft.Storage/storageAccounts"),
]


@pytest.mark.parametrize(("path", "kind", "instead"), CREATES, ids=[c[0] for c in CREATES])
def test_a_runbook_s_create_request_fails_today(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: str, kind: str, instead: str
) -> None:
    files = {"m.py": PY.replace("PATH", path) + MIGRATE}
    result = lint_files(tmp_path, monkeypatch, files, "MIG601")
    assert where(result.findings) == ["MIG601 m.py:5:10"]
    assert f"calls that create {kind} (POST management.core.windows.net/" in result.findings[0].message
    assert "fail today" in result.findings[0].message
    assert instead in (result.findings[0].fix or "")


def test_a_create_request_of_a_script_that_migrates_nothing_fails_today(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"m.py": PY.replace("PATH", "/hostedservices/leg4-svc/deployments")}
    result = lint_files(tmp_path, monkeypatch, files, "MIG601")
    assert "its calls that create classic VMs (POST " in result.findings[0].message
    assert "fail today, since IaaS VMs (classic) were retired" in result.findings[0].message


def test_a_powershell_create_request_fails_today(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = f"""\
    $h = @{{ 'x-ms-version' = '2015-04-01' }}
    Invoke-RestMethod -Method Post -Uri '{SM}/hostedservices/leg4-svc/deployments' -InFile "$PSScriptRoot\\body.xml" -Certificate $cert -Headers $h
    Invoke-RestMethod -Method Post -Uri '{SM}/hostedservices/leg4-svc/deployments/leg4/migration?comp=validate' -Certificate $cert -Headers $h
    """
    result = lint_files(tmp_path, monkeypatch, {"m.ps1": script}, "MIG601")
    assert [f.location.line for f in result.findings if f.location] == [2]
    assert "calls that create classic VMs (POST " in result.findings[0].message


@pytest.mark.parametrize("verb", ["get", "delete"])
def test_a_request_that_reads_or_deletes_creates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, verb: str
) -> None:
    script = PY.replace(
        "requests.post(S + 'PATH', data=open('body.xml').read(),", f"requests.{verb}(S + 'PATH',"
    )
    files = {"m.py": script.replace("PATH", "/hostedservices/leg4-svc/deployments") + MIGRATE}
    assert lint_files(tmp_path, monkeypatch, files, "MIG601").findings == []
