"""`Get-AzureStorageAccount | Select-Object StorageAccountName, AccountType | ConvertTo-Json` keeps an account's
name and type and leaves out the status the whole object is told by: it is read for the type it keeps (a
Premium account makes the disks in it Premium, MIG205), as the whole export is. So is an object that names the
cmdlet that wrote it (`OperationDescription`) without its status. Both used to be passed over, the first as a
file with nothing classic in it, the second as an export migcheck does not read. Resource Manager's storage
accounts (AzureRM's and Az's) write their type otherwise and name their resource group: they stay unread."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, run_cli, where
from test_a_get_azurestorageaccount_or_get_azureservice_export_is_read_as_what_it_lists import (
    AT_BOOT_DIAGNOSTICS,
    VM,
)

SELECTED = {"StorageAccountName": "fabrikamdisks", "AccountType": "Premium_LRS"}
NAMED_BY_ITS_CMDLET = {
    "StorageAccountName": "fabrikamdisks",
    "AccountType": "Premium_LRS",
    "OperationDescription": "Get-AzureStorageAccount",
}
# AzureRM 1.x through ConvertTo-Json: its `AccountType` an enum, written as its number (or its name with
# -EnumsAsStrings); Az: the type is the `Sku`'s.
AZURERM = {"ResourceGroupName": "disks-rg", "StorageAccountName": "fabrikamdisks", "AccountType": 4}
AZURERM_NAMED = AZURERM | {"AccountType": "PremiumLRS"}
AZ = {
    "ResourceGroupName": "disks-rg",
    "StorageAccountName": "fabrikamdisks",
    "Sku": {"Name": "Premium_LRS", "Tier": "Premium"},
    "Kind": "Storage",
}


@pytest.mark.parametrize(
    "account", [SELECTED, NAMED_BY_ITS_CMDLET, SELECTED | {"AccountType": "premium_lrs"}]
)
def test_the_account_type_a_cut_down_export_keeps_makes_the_disks_in_it_premium(
    tmp_path, monkeypatch, account
):
    files = {"db.xml": VM, "exports/storage.json": json.dumps([account], indent=4)}
    found = lint_files(tmp_path, monkeypatch, files, "MIG205", dedent=False).findings
    assert [f"{f.code} {f.mark.path}:{f.mark.line}" for f in found] == [AT_BOOT_DIAGNOSTICS]


@pytest.mark.parametrize("account", [AZURERM, AZURERM_NAMED, AZ, {"StorageAccountName": "fabrikamdisks"}])
def test_a_resource_manager_account_or_a_name_alone_is_no_classic_account(tmp_path, monkeypatch, account):
    files = {"db.xml": VM, "exports/storage.json": json.dumps([account], indent=4)}
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG205", dedent=False).findings) == []


def test_the_cut_down_export_is_planned_and_not_said_to_be_unread(tmp_path, monkeypatch, capsys):
    accounts = [
        {"StorageAccountName": "s1", "AccountType": "Standard_GRS"},
        {
            "StorageAccountName": "s2",
            "AccountType": "Standard_LRS",
            "OperationDescription": "Get-AzureStorageAccount",
        },
    ]
    (tmp_path / "storage.json").write_text(json.dumps(accounts, indent=2))
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(capsys, "check", ".")
    assert code == 0
    assert "does not read" not in out
    assert "describe nothing classic" not in out
    code, out, _ = run_cli(capsys, "plan", ".")
    assert "Storage account: s1 [wave 1]" in out
    assert "Storage account: s2 [wave 1]" in out
