"""`Add-AzureDataDisk -CreateNew` without `-MediaLocation` has the platform put the new disk in the
subscription's current storage account, as it puts there the OS disk of a VM made from an image: the
cmdlet fails with "Must specify MediaLocation or set a default storage account using Set-AzureSubscription"
when there is none. So a script that sets the account (`Set-AzureSubscription -CurrentStorageAccountName`)
before it creates the VM has every such data disk in that account, each at its LUN, and the account's
storage step and the summary count them; a disk the script names a blob for, or removes again, is not one
of them, and without an account the script surely sets, none is placed."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.plan import StepKind, build_plan

HEAD = "param($sub, $img)\n"
SET = 'Set-AzureSubscription -SubscriptionName $sub -CurrentStorageAccount "vmstore"\n'
DATA = "Add-AzureDataDisk -CreateNew -DiskLabel 'data' -DiskSizeInGB 100 -LUN 0"
LOGS = "Add-AzureDataDisk -CreateNew -DiskLabel 'logs' -DiskSizeInGB 100 -LUN 1"


def _vm(*changes: str) -> str:
    steps = " | ".join(['New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName $img', *changes])
    return f'$vm = {steps}\nNew-AzureVM -ServiceName "svc" -Location "West US" -VMs $vm\n'


def _disks(tmp_path, monkeypatch, script: str) -> dict[str, list[tuple[str, str]]]:
    """The storage accounts the files show, each with its disks' VMs and LUNs."""
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script})
    [estate] = result.estates
    return {a.name: sorted((d.attached_to, d.lun) for d in a.disks) for a in estate.storage_accounts}


def test_new_data_disks_without_a_blob_are_in_the_current_account(tmp_path, monkeypatch):
    script = HEAD + SET + _vm(DATA, LOGS)
    assert _disks(tmp_path, monkeypatch, script) == {"vmstore": [("vm1", ""), ("vm1", "0"), ("vm1", "1")]}
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script})
    [estate] = result.estates
    [vm] = [vm for service in estate.cloud_services for vm in service.vms]
    line = script.splitlines()[2]
    column = {what: line.index(what) + 1 for what in ("$img", DATA, LOGS)}  # where the image, each call is
    assert sorted(d.name for d in vm.disks) == [
        f"<OS disk of VM vm1, deploy.ps1:3:{column['$img']}>",
        f"<data disk of VM vm1 at LUN 0, deploy.ps1:3:{column[DATA]}>",
        f"<data disk of VM vm1 at LUN 1, deploy.ps1:3:{column[LOGS]}>",
    ]
    [subscription] = build_plan(result).subscriptions
    [step] = [s for s in subscription.steps if s.kind is StepKind.STORAGE]
    assert "storage account 'vmstore' (3 disks)" in step.moves


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            (DATA + ' -MediaLocation "https://other.blob.core.windows.net/vhds/d.vhd"',),
            {"vmstore": [""], "other": ["0"]},
        ),
        ((DATA, "Remove-AzureDataDisk -LUN 0"), {"vmstore": [""]}),
        (
            (
                DATA,
                DATA.replace("-CreateNew", "-ImportFrom")
                + ' -MediaLocation "https://other.blob.core.windows.net/vhds/d.vhd"',
            ),
            {"vmstore": [""], "other": ["0"]},
        ),
        ((DATA.replace("-CreateNew", "-Import -DiskName 'kept'"),), {"vmstore": [""]}),
    ],
    ids=["blob-named", "removed-again", "replaced-at-its-lun", "disk-of-the-repository"],
)
def test_only_new_disks_the_script_names_no_blob_for_are_placed(tmp_path, monkeypatch, changes, expected):
    found = _disks(tmp_path, monkeypatch, HEAD + SET + _vm(*changes))
    assert {name: [lun for _, lun in disks] for name, disks in found.items()} == expected


@pytest.mark.parametrize(
    "script",
    [HEAD + _vm(DATA), HEAD + "if ($args) { " + SET + "}\n" + _vm(DATA), HEAD + _vm(DATA) + SET],
    ids=["no-account-set", "may-not-be-set", "set-after-the-vm"],
)
def test_without_an_account_surely_set_no_data_disk_is_placed(tmp_path, monkeypatch, script):
    assert _disks(tmp_path, monkeypatch, script) == {}
