"""Save-AzureVMImage captures the VM it names as an image whose blobs are copies the platform puts in the storage
account of the VM's OS disk, as the Python reader's capture_role puts them: where the script states that
account (the OS disk's `-MediaLocation`, or the subscription's current storage account the platform puts a
disk made from an image in), the plan's step of that account moves the image with it, and the readiness row
of the account counts it. Before, the image was in no account. Where the script states no account for the
OS disk, the image's is not said."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

STATED = (
    '$vm = New-AzureVMConfig -Name "web2" -InstanceSize Small -ImageName "img" '
    '-MediaLocation "https://acct1.blob.core.windows.net/vhds/web2.vhd" |\n'
)
CURRENT = (
    'Set-AzureSubscription -SubscriptionName "sub" -CurrentStorageAccountName "acct1"\n'
    '$vm = New-AzureVMConfig -Name "web2" -InstanceSize Small -ImageName "img" |\n'
)
UNSTATED = '$vm = New-AzureVMConfig -Name "web2" -InstanceSize Small -ImageName "img" |\n'
REST = (
    '    Add-AzureProvisioningConfig -Windows -AdminUsername "u" -Password "p"\n'
    'New-AzureVM -ServiceName "shop" -Location "West US" -VMs $vm\n'
    'Save-AzureVMImage -ServiceName "shop" -Name "web2" -ImageName "golden"{state}\n'
)


def _moves(tmp_path, monkeypatch, script: str) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, {"capture.ps1": script}, dedent=False)
    data = json.loads(render_plan(build_plan(result), "json"))
    return [move for sub in data["subscriptions"] for step in sub["steps"] for move in step["moves"]]


@pytest.mark.parametrize("start", [STATED, CURRENT], ids=["media-location", "current-account"])
def test_an_os_image_capture_puts_the_image_in_the_os_disk_s_account(tmp_path, monkeypatch, start):
    moves = _moves(tmp_path, monkeypatch, start + REST.format(state=""))
    assert "storage account 'acct1' (1 image)" in moves, moves


def test_a_vm_image_capture_puts_the_image_beside_the_disk_it_leaves(tmp_path, monkeypatch):
    moves = _moves(tmp_path, monkeypatch, STATED + REST.format(state=" -OSState Generalized"))
    assert "storage account 'acct1' (1 disk, 1 image)" in moves, moves


def test_an_os_disk_in_no_stated_account_says_no_account_of_the_image(tmp_path, monkeypatch):
    moves = _moves(tmp_path, monkeypatch, UNSTATED + REST.format(state=""))
    assert not any("image" in move for move in moves), moves
