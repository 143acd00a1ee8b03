"""`Add-AzureDataDisk -CreateNew` without `-MediaLocation` on a VM the script fetches with Get-AzureVM and
updates (`Get-AzureVM ... | Add-AzureDataDisk -CreateNew ... | Update-AzureVM`) is a new disk in the
subscription's current storage account, as it is on a VM New-AzureVM creates: the cmdlets fail with "Must
specify MediaLocation or set a default storage account using Set-AzureSubscription" when there is none. So a
script that surely sets the account before the update has the disk there, at its LUN; without an account it
surely sets, the disk is in the subscription's current storage account all the same, which the files do not
name: a stand-in for it, told apart by where the disk is added, gets the storage step, where the disk was in
no step."""

from __future__ import annotations

import pytest
from lint_support import lint_files

SET = 'Set-AzureSubscription -SubscriptionName $sub -CurrentStorageAccount "vmstore"\n'
UPDATE = (
    'Get-AzureVM -ServiceName "svc" -Name "vm1" '
    "| Add-AzureDataDisk -CreateNew -DiskSizeInGB 100 -DiskLabel 'd' -LUN 1 | Update-AzureVM\n"
)


def _disks(tmp_path, monkeypatch, script: str) -> dict[str, list[tuple[str, str, str]]]:
    """The storage accounts the files show, each with its disks' names, VMs and LUNs."""
    result = lint_files(tmp_path, monkeypatch, {"update.ps1": "param($sub)\n" + script})
    [estate] = result.estates
    return {a.name: sorted((d.name, d.attached_to, d.lun) for d in a.disks) for a in estate.storage_accounts}


def test_a_new_disk_of_an_updated_vm_is_in_the_current_account(tmp_path, monkeypatch):
    column = UPDATE.index("Add-AzureDataDisk") + 1
    assert _disks(tmp_path, monkeypatch, SET + UPDATE) == {
        "vmstore": [(f"<data disk of VM vm1 at LUN 1, update.ps1:3:{column}>", "vm1", "1")]
    }


def test_a_blob_the_script_names_is_where_the_disk_is(tmp_path, monkeypatch):
    named = UPDATE.replace("-LUN 1", '-LUN 1 -MediaLocation "https://other.blob.core.windows.net/vhds/d.vhd"')
    found = _disks(tmp_path, monkeypatch, SET + named)
    assert {name: [lun for _, _, lun in disks] for name, disks in found.items()} == {"other": ["1"]}


@pytest.mark.parametrize(
    "script",
    [UPDATE, "if ($args) { " + SET + "}\n" + UPDATE, UPDATE + SET],
    ids=["no-account-set", "may-not-be-set", "set-after-the-update"],
)
def test_without_an_account_surely_set_the_disk_is_in_a_stand_in_for_the_current_account(
    tmp_path, monkeypatch, script
):
    line = 2 + script[: script.index("Get-AzureVM")].count("\n")
    column = UPDATE.index("Add-AzureDataDisk") + 1
    assert _disks(tmp_path, monkeypatch, script) == {
        f"<current storage account of the subscription, update.ps1:{line}>": [
            (f"<data disk of VM vm1 at LUN 1, update.ps1:{line}:{column}>", "vm1", "1")
        ]
    }
