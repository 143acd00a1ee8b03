"""`Select-Object` over a storage account Get-AzureStorageAccount gives, or over its `.Endpoints`, keeps what
PowerShell keeps: `-ExpandProperty Endpoints` outputs the account's blob, queue and table addresses one by
one, and `-First N`, `-Last N` and `-Index i` pick of them. So `Get-AzureStorageAccount -StorageAccountName
x | Select-Object -ExpandProperty Endpoints | Select-Object -First 1` is x's blob address, as
`.Endpoints[0]` is, and a disk built from it is one of x, where it was in a second, stand-in account."""

from __future__ import annotations

import pytest

SCRIPT = """\
param([string] $name = "os")
$blob = {picked}
Add-AzureDisk -OS Linux -DiskName "osdisk" -MediaLocation ($blob + "vhds/" + $name + ".vhd")
"""

ACCOUNT = "Get-AzureStorageAccount -StorageAccountName telingastorage"


def accounts(plan_of, picked: str) -> list[str]:
    plan = plan_of({"copy.ps1": SCRIPT.format(picked=picked)})
    return [step.id for step in plan.steps if "torage" in step.id]


@pytest.mark.parametrize(
    "picked",
    [
        f"{ACCOUNT} | Select-Object -ExpandProperty Endpoints | Select-Object -First 1",
        f"{ACCOUNT} | Select -First 1 -ExpandProperty Endpoints | Select-Object -Index 0",
        "(Get-AzureStorageAccount telingastorage).Endpoints | Select-Object -First 1",
        "(Get-AzureStorageAccount telingastorage).Endpoints | Select-Object -Last 3 | Select-Object -First 1",
        f"({ACCOUNT}).Endpoints[0]",  # as it was read before
    ],
    ids=["expand-then-first", "first-expand-index", "member-first", "last-then-first", "index"],
)
def test_the_disk_is_in_the_account_the_script_names(plan_of, picked) -> None:
    (account,) = accounts(plan_of, picked)
    assert "telingastorage" in account


@pytest.mark.parametrize(
    "picked",
    [
        f"{ACCOUNT} | Select-Object -ExpandProperty Endpoints | Select-Object -Last 1",
        "(Get-AzureStorageAccount telingastorage).Endpoints | Select-Object -Index 2",
    ],
)
def test_its_table_endpoint_holds_no_disk_of_it(plan_of, picked) -> None:
    assert not [account for account in accounts(plan_of, picked) if "telingastorage" in account]
