"""A Capture Role request (a `CaptureRoleOperation` body POSTed to the VM's `.../roleinstances/<vm>/Operations`)
whose PostCaptureAction is `Delete` has the platform delete the VM once it is captured, whoever sends it: a
PowerShell script's `Invoke-RestMethod` or `Invoke-WebRequest` deletes it as Save-AzureVMImage without
`-OSState` and Python's capture_role do, so the plan moves no such VM and no finding is about it; with
`Reprovision` the VM stays. Before, the VM a PowerShell request captured and deleted was still moved and
reported."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

CREATE = """\
param($sub, $cert)
foreach ($name in "web1", "web2") {
    New-AzureVMConfig -Name $name -InstanceSize Small -ImageName "img" `
        -MediaLocation "https://acct1.blob.core.windows.net/vhds/$name.vhd" |
        Add-AzureProvisioningConfig -Windows -AdminUsername "u" -Password "p" |
        New-AzureVM -ServiceName "shop" -Location "West US"
}
"""
BODY = (
    '$body = \'<CaptureRoleOperation xmlns="http://schemas.microsoft.com/windowsazure">'
    "<OperationType>CaptureRoleOperation</OperationType><PostCaptureAction>{action}</PostCaptureAction>"
    "<TargetImageName>golden</TargetImageName><TargetImageLabel>golden image</TargetImageLabel>"
    "</CaptureRoleOperation>'\n"
)
URI = '"https://management.core.windows.net/$sub/services/hostedservices/shop/deployments/shop/roleinstances/web2/Operations"'
SENDS = {
    "invoke-restmethod": f"Invoke-RestMethod -Method POST -Uri {URI} -Certificate $cert -Body $body "
    '-ContentType "application/xml"\n',
    "invoke-webrequest": f"Invoke-WebRequest -Method Post -Uri {URI} -Certificate $cert -Body $body "
    '-ContentType "application/xml"\n',
}


def _plan(tmp_path, monkeypatch, action: str, send: str) -> tuple[str, list[str]]:
    """The findings' messages, and what the plan's steps move."""
    script = CREATE + BODY.format(action=action) + SENDS[send]
    result = lint_files(tmp_path, monkeypatch, {"capture.ps1": script}, dedent=False)
    data = json.loads(render_plan(build_plan(result), "json"))
    moves = [move for sub in data["subscriptions"] for step in sub["steps"] for move in step["moves"]]
    return "\n".join(f.message for f in result.findings), moves


@pytest.mark.parametrize("send", list(SENDS))
@pytest.mark.parametrize("action", ["Delete", "delete"])
def test_a_capture_that_deletes_the_vm_leaves_it_out_of_the_plan(tmp_path, monkeypatch, action, send):
    messages, moves = _plan(tmp_path, monkeypatch, action, send)
    assert "cloud service 'shop', deployment 'shop': VMs web1" in moves, moves
    assert "'web2'" not in messages


@pytest.mark.parametrize("send", list(SENDS))
def test_a_capture_that_reprovisions_keeps_the_vm(tmp_path, monkeypatch, send):
    messages, moves = _plan(tmp_path, monkeypatch, "Reprovision", send)
    assert "cloud service 'shop', deployment 'shop': VMs web1, web2" in moves, moves
    assert "'web1', 'web2'" in messages  # still in no network, with web1
