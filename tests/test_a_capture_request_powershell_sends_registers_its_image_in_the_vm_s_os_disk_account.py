"""A capture request a PowerShell script sends itself (`Invoke-RestMethod -Method POST` to the VM's
`.../roleinstances/<vm>/Operations`, a Capture VM Image or Capture Role body) makes an image of the
script's own, as Save-AzureVMImage does: MIG402 reports it where its body names it, and it is in the storage
account of the VM's OS disk, whose plan step moves it. Before, such a request registered no image."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, where

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

CREATE = """\
param($sub, $cert)
New-AzureVMConfig -Name "web1" -InstanceSize Small -ImageName "img" `
    -MediaLocation "https://acct1.blob.core.windows.net/vhds/web1.vhd" |
    Add-AzureProvisioningConfig -Windows -AdminUsername "u" -Password "p" |
    New-AzureVM -ServiceName "shop" -Location "West US"
"""
BODIES = {
    "capture-role": '<CaptureRoleOperation xmlns="http://schemas.microsoft.com/windowsazure">'
    "<OperationType>CaptureRoleOperation</OperationType><PostCaptureAction>Reprovision</PostCaptureAction>"
    "<TargetImageName>golden</TargetImageName><TargetImageLabel>golden</TargetImageLabel>"
    "</CaptureRoleOperation>",
    "capture-vm-image": '<CaptureRoleAsVMImageOperation xmlns="http://schemas.microsoft.com/windowsazure">'
    "<OperationType>CaptureRoleAsVMImageOperation</OperationType><OSState>Generalized</OSState>"
    "<VMImageName>golden</VMImageName><VMImageLabel>golden</VMImageLabel></CaptureRoleAsVMImageOperation>",
}
SEND = (
    'Invoke-RestMethod -Method POST -Uri "https://management.core.windows.net/$sub/services/hostedservices/'
    'shop/deployments/shop/roleinstances/web1/Operations" -Certificate $cert -Body $body\n'
)


@pytest.mark.parametrize("kind", list(BODIES))
def test_the_captured_image_is_the_script_s_in_the_os_disk_s_account(tmp_path, monkeypatch, kind):
    script = CREATE + f"$body = '{BODIES[kind]}'\n" + SEND
    result = lint_files(tmp_path, monkeypatch, {"capture.ps1": script}, dedent=False)
    [image] = [f for f in result.findings if f.code == "MIG402"]
    assert where([image])[0].startswith("MIG402 capture.ps1:6:")
    assert "image 'golden' is not migrated as an image: its VHD moves with storage account 'acct1'" in (
        image.message
    )
    data = json.loads(render_plan(build_plan(result), "json"))
    moves = [move for sub in data["subscriptions"] for step in sub["steps"] for move in step["moves"]]
    assert "storage account 'acct1' (1 disk, 1 image)" in moves, moves
