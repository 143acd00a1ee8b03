"""Add-AzureDataDisk -CreateNew without -MediaLocation makes the disk's blob in the subscription's current
storage account, as New-AzureVMConfig without -MediaLocation does the OS disk's. Where the script states no
current account, the plan's step for the stand-in account moves the data disk too, not the OS disk alone."""

from __future__ import annotations

import json

from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

SCRIPT = (
    "New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img |\n"
    "  Add-AzureProvisioningConfig -Windows -AdminUsername u -Password p |\n"
    "  Add-AzureDataDisk -CreateNew -DiskSizeInGB 128 -DiskLabel data -LUN 0 |\n"
    "  New-AzureVM -ServiceName svc1 -Location 'West US'\n"
)


def _storage_steps(result) -> list[dict]:
    data = json.loads(render_plan(build_plan(result), "json"))
    return [s for sub in data["subscriptions"] for s in sub["steps"] if s["kind"] == "storage"]


def test_the_current_account_step_moves_the_data_disk_as_well_as_the_os_disk(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": SCRIPT}, dedent=False)
    (step,) = _storage_steps(result)
    assert step["name"] == "<current storage account of the subscription, deploy.ps1:1>"
    assert step["moves"] == [
        "storage account <current storage account of the subscription, deploy.ps1:1> "
        "(the OS disk and the data disk at LUN 0 of VM 'vm1')"
    ]
    assert any("Add-AzureDataDisk -CreateNew without -MediaLocation" in note for note in step["notes"])


def test_two_data_disks_are_counted(tmp_path, monkeypatch):
    script = SCRIPT.replace(
        "-LUN 0 |\n", "-LUN 0 |\n  Add-AzureDataDisk -CreateNew -DiskSizeInGB 64 -DiskLabel logs -LUN 1 |\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, dedent=False)
    (step,) = _storage_steps(result)
    assert step["moves"][0].endswith("(the OS disk and 2 data disks of VM 'vm1')")
