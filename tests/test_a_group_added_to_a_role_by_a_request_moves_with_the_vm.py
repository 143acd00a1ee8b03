"""A script that adds a network security group to a VM by sending the request itself (Add Network Security
Group to Role: a POST to `.../services/hostedservices/<s>/deployments/<d>/roles/<r>/networksecuritygroups`
whose `NetworkSecurityGroup` body names the group), from Python or PowerShell, associates the group with the
VM as `Set-AzureNetworkSecurityGroupAssociation -VM` does: the cloud service's step says the VM's group is
cloned with it, and the group does not move on its own. Reference, vm-migration-deep-dive (NSGs): "Network
security groups associated with a virtual machine or subnet are cloned as part of the migration"."""

from __future__ import annotations

import json

import pytest
from lint_support import run_cli

BASE = "https://management.core.windows.net/0000/services"
GROUP_BODY = (
    '<NetworkSecurityGroup xmlns="http://schemas.microsoft.com/windowsazure"><Name>web-nsg</Name>'
    "<Location>East US</Location></NetworkSecurityGroup>"
)
ADD_BODY = '<NetworkSecurityGroup xmlns="http://schemas.microsoft.com/windowsazure"><Name>web-nsg</Name></NetworkSecurityGroup>'
ROLE_PATH = "/hostedservices/Test7611/deployments/Test7611/roles/web1/networksecuritygroups"

PYTHON = f"""\
import requests

CERT = ("cert.pem", "key.pem")
HEADERS = {{"x-ms-version": "2015-04-01", "Content-Type": "application/xml"}}
requests.post("{BASE}/networking/networksecuritygroups", data='{GROUP_BODY}', headers=HEADERS, cert=CERT)
requests.post("{BASE}{ROLE_PATH}", data='{ADD_BODY}', headers=HEADERS, cert=CERT)
"""

POWERSHELL = f"""\
$headers = @{{ "x-ms-version" = "2015-04-01" }}
Invoke-RestMethod -Method POST -Uri "{BASE}/networking/networksecuritygroups" -Body '{GROUP_BODY}' -Headers $headers -Certificate $cert -ContentType "application/xml"
Invoke-RestMethod -Method POST -Uri "{BASE}{ROLE_PATH}" -Body '{ADD_BODY}' -Headers $headers -Certificate $cert -ContentType "application/xml"
"""


def _steps(tmp_path, monkeypatch, capsys, name: str, script: str) -> list[dict]:
    (tmp_path / name).write_text(script, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    return [s for s in json.loads(out)["subscriptions"][0]["steps"] if s["kind"] != "prerequisites"]


@pytest.mark.parametrize(("name", "script"), [("fix.py", PYTHON), ("fix.ps1", POWERSHELL)], ids=["py", "ps1"])
def test_the_group_of_a_vm_is_cloned_in_its_cloud_service_step(tmp_path, monkeypatch, capsys, name, script):
    steps = _steps(tmp_path, monkeypatch, capsys, name, script)
    moves = [move for step in steps for move in step["moves"]]
    assert any(move.startswith("network security group 'web-nsg' of VM 'web1', cloned") for move in moves)
    assert "network security group 'web-nsg'" not in moves


@pytest.mark.parametrize(("name", "script"), [("fix.py", PYTHON), ("fix.ps1", POWERSHELL)], ids=["py", "ps1"])
def test_without_the_request_the_group_moves_on_its_own(tmp_path, monkeypatch, capsys, name, script):
    alone = "\n".join(line for line in script.splitlines() if "/roles/" not in line) + "\n"
    steps = _steps(tmp_path, monkeypatch, capsys, name, alone)
    assert [s["moves"] for s in steps] == [["network security group 'web-nsg'"]]
