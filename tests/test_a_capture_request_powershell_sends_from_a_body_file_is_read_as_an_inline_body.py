"""A capture request a PowerShell script POSTs to a VM with its body in a file of the repository
(`Invoke-RestMethod -InFile capture.xml`, from the script's folder) is read as one whose body the script
writes inline: the image it names is the script's own, in the storage account of the VM's OS disk (MIG402
once, the account's plan step moving it), and a Capture Role body whose PostCaptureAction is
`Delete` deletes the VM. Before, the file was read on its own only: an image in an account not named, the
VM kept. A file that is not in the repository states nothing."""

from __future__ import annotations

import json

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
SEND = (
    'Invoke-RestMethod -Method POST -Uri "https://management.core.windows.net/$sub/services/hostedservices/'
    'shop/deployments/shop/roleinstances/web1/Operations" -Certificate $cert -InFile {file}\n'
)


def capture_body(action: str) -> str:
    return (
        '<CaptureRoleOperation xmlns="http://schemas.microsoft.com/windowsazure">\n'
        f"  <OperationType>CaptureRoleOperation</OperationType><PostCaptureAction>{action}</PostCaptureAction>\n"
        "  <TargetImageName>golden</TargetImageName><TargetImageLabel>golden</TargetImageLabel>\n"
        "</CaptureRoleOperation>\n"
    )


def moves_of(result) -> list[str]:
    data = json.loads(render_plan(build_plan(result), "json"))
    return [move for sub in data["subscriptions"] for step in sub["steps"] for move in step["moves"]]


def test_the_image_of_the_body_file_is_in_the_os_disk_s_account(tmp_path, monkeypatch):
    files = {
        "ops/capture.ps1": CREATE + SEND.format(file=".\\bodies\\capture.xml"),
        "ops/bodies/capture.xml": capture_body("Reprovision"),
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    [image] = [f for f in result.findings if f.code == "MIG402"]
    # One image, described by the body file and sent by the request: reported at the first of them.
    assert where([image]) == ["MIG402 ops/bodies/capture.xml:3:3"]
    assert "image 'golden' is not migrated as an image: its VHD moves with storage account 'acct1'" in (
        image.message
    )
    moves = moves_of(result)
    assert "storage account 'acct1' (1 disk, 1 image)" in moves, moves
    assert "cloud service 'shop', deployment 'shop': VMs web1" in moves, moves


def test_a_capture_that_deletes_the_vm_leaves_no_vm_to_move(tmp_path, monkeypatch):
    files = {"capture.ps1": CREATE + SEND.format(file="capture.xml"), "capture.xml": capture_body("Delete")}
    moves = moves_of(lint_files(tmp_path, monkeypatch, files, dedent=False))
    assert not any(move.startswith("cloud service 'shop'") for move in moves), moves
    assert "storage account 'acct1' (1 image)" in moves, moves


def test_a_body_file_not_in_the_repository_states_nothing(tmp_path, monkeypatch):
    files = {"capture.ps1": CREATE + SEND.format(file="capture.xml")}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert [f for f in result.findings if f.code == "MIG402"] == []
    moves = moves_of(result)
    assert "cloud service 'shop', deployment 'shop': VMs web1" in moves, moves
    assert "storage account 'acct1' (1 disk)" in moves, moves
