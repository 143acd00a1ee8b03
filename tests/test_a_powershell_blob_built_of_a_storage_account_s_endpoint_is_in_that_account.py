"""A PowerShell script that builds a disk's blob address from the endpoint of the account Get-AzureStorageAccount
gives (`$account.Endpoints[0] + "vhds/" + $name`) puts the disk in that account: `.Endpoints[0]` is the
account's blob address, `https://<name>.blob.core.windows.net/`, so the disk is one of the account the
script names, where it was in a stand-in account of its own."""

from __future__ import annotations

import pytest

SCRIPT = """\
param([string] $DestStorageAccountName = "telingastorage", [string] $name = "os")
$destStorageAccount = Get-AzureStorageAccount -StorageAccountName $DestStorageAccountName
$targetBlob = $destStorageAccount.Endpoints[0] + "vhds/"
Add-AzureDisk -OS Linux -DiskName "osdisk" -MediaLocation ($targetBlob + $name + ".vhd")
"""


def test_the_disk_is_in_the_account_the_script_names(plan_of) -> None:
    plan = plan_of({"copy.ps1": SCRIPT})
    accounts = [step.id for step in plan.steps if "torage" in step.id]
    assert len(accounts) == 1 and "telingastorage" in accounts[0], [step.id for step in plan.steps]


@pytest.mark.parametrize("index", ["1", "2"])
def test_its_queue_and_table_endpoints_hold_no_disk_of_it(plan_of, index) -> None:
    # `.Endpoints[1]` and `[2]` are the account's queue and table addresses, where no disk is.
    plan = plan_of({"copy.ps1": SCRIPT.replace("Endpoints[0]", f"Endpoints[{index}]")})
    assert not [step.id for step in plan.steps if "telingastorage" in step.id]


def test_its_name_is_the_name_it_was_got_by(plan_of) -> None:
    script = SCRIPT.replace(
        "$destStorageAccount.Endpoints[0]",
        '"https://" + $destStorageAccount.StorageAccountName + ".blob.core.windows.net/"',
    )
    plan = plan_of({"copy.ps1": script})
    assert [step.id for step in plan.steps if "telingastorage" in step.id]
