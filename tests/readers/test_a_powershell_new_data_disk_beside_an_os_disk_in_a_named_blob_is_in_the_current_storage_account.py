"""`Add-AzureDataDisk -CreateNew` without `-MediaLocation` on a VM whose OS disk is not left to the
platform (its blob named with `-MediaLocation`, or a registered disk given with `-DiskName`): New-AzureVM
names the new disk's blob in the subscription's current storage account all the same, whatever account the
OS disk is in, and fails when none is set. Where the script sets none, that account is a stand-in, told apart
by where the disk is added, and gets the storage step that moves it, where the disk was in no step."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.plan import StepKind, build_plan

DATA = "Add-AzureDataDisk -CreateNew -DiskLabel 'data' -DiskSizeInGB 100 -LUN 0"
NAMED_BLOB = (
    "New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img "
    "-MediaLocation 'https://osstore.blob.core.windows.net/vhds/vm1-os.vhd'"
)
REGISTERED = "New-AzureVMConfig -Name vm1 -InstanceSize Small -DiskName 'vm1-os'"
ACCOUNT = "<current storage account of the subscription, deploy.ps1:1>"


def _script(config: str) -> str:
    return f"{config} | {DATA} | New-AzureVM -ServiceName svc -Location 'West US'\n"


@pytest.mark.parametrize("config", [NAMED_BLOB, REGISTERED], ids=["os-blob-named", "registered-os-disk"])
def test_the_new_data_disk_is_in_a_stand_in_for_the_current_account(tmp_path, monkeypatch, config):
    script = _script(config)
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script})
    [estate] = result.estates
    accounts = {a.name: [(d.name, d.attached_to, d.lun) for d in a.disks] for a in estate.storage_accounts}
    column = script.index(DATA) + 1
    assert accounts[ACCOUNT] == [(f"<data disk of VM vm1 at LUN 0, deploy.ps1:1:{column}>", "vm1", "0")]
    [subscription] = build_plan(result).subscriptions
    steps = [s for s in subscription.steps if s.kind is StepKind.STORAGE]
    assert any(f"storage account '{ACCOUNT}' (1 disk)" in step.moves for step in steps)


def test_the_os_disk_s_named_account_keeps_only_the_os_disk(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": _script(NAMED_BLOB)})
    [estate] = result.estates
    accounts = {a.name: [d.lun for d in a.disks] for a in estate.storage_accounts}
    assert accounts == {"osstore": [""], ACCOUNT: ["0"]}
