"""The classic CLI migrates a storage account with `azure storage account prepare-migration`,
`commit-migration` and `abort-migration` only: its prepare validates the account first, and it has no
`validate-migration` for one (the CLI's walkthrough and its `storage account` commands list those three).
So a runbook that validates its network and then prepares a storage account is not told that the Prepare
comes with no Validate, as a PowerShell or REST runbook is (each has a Validate of its own); and an
`azure storage account validate-migration`, which the CLI refuses, fails at once (MIG602), where it was
read as a Validate that ran. So whether a shell script or a Python one runs the CLI."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

SHELL = """\
azure config mode asm
azure network vnet validate-migration erp-vnet
azure network vnet prepare-migration erp-vnet
azure network vnet commit-migration erp-vnet
{validate}azure storage account prepare-migration erpstd01
azure storage account commit-migration erpstd01
"""
PYTHON = """\
import subprocess
subprocess.run(["azure", "network", "vnet", "validate-migration", "erp-vnet"], check=True)
subprocess.run(["azure", "network", "vnet", "prepare-migration", "erp-vnet"], check=True)
subprocess.run(["azure", "network", "vnet", "commit-migration", "erp-vnet"], check=True)
{validate}subprocess.run(["azure", "storage", "account", "prepare-migration", "erpstd01"], check=True)
subprocess.run(["azure", "storage", "account", "commit-migration", "erpstd01"], check=True)
"""
VALIDATES = {
    "migrate.sh": "azure storage account validate-migration erpstd01\n",
    "migrate.py": 'subprocess.run(["azure", "storage", "account", "validate-migration", "erpstd01"])\n',
}
POWERSHELL = """\
Move-AzureVirtualNetwork -Validate -VirtualNetworkName erp-vnet
Move-AzureVirtualNetwork -Prepare -VirtualNetworkName erp-vnet
Move-AzureVirtualNetwork -Commit -VirtualNetworkName erp-vnet
Move-AzureStorageAccount -Prepare -StorageAccountName erpstd01
Move-AzureStorageAccount -Commit -StorageAccountName erpstd01
"""
RUNBOOKS = {"migrate.sh": SHELL, "migrate.py": PYTHON}


@pytest.mark.parametrize("name", sorted(RUNBOOKS))
def test_a_storage_prepare_of_the_classic_cli_needs_no_validate(tmp_path, monkeypatch, name):
    runbook = RUNBOOKS[name].format(validate="")
    assert lint_files(tmp_path, monkeypatch, {name: runbook}, "MIG602").findings == []


def test_a_powershell_storage_prepare_with_no_validate_is_told(tmp_path, monkeypatch):
    (finding,) = lint_files(tmp_path, monkeypatch, {"migrate.ps1": POWERSHELL}, "MIG602").findings
    assert "is not preceded by a Validate of storage account 'erpstd01'" in finding.message


@pytest.mark.parametrize("name", sorted(RUNBOOKS))
def test_a_storage_validate_of_the_classic_cli_fails_at_once(tmp_path, monkeypatch, name):
    runbook = RUNBOOKS[name].format(validate=VALIDATES[name])
    result = lint_files(tmp_path, monkeypatch, {name: runbook}, "MIG602")
    assert [w.split(":")[0] + ":" + w.split(":")[1] for w in where(result.findings)] == [f"MIG602 {name}:5"]
    (finding,) = result.findings
    assert finding.severity.name == "ERROR"
    assert "fails at once: the classic CLI has no `storage account validate-migration`" in finding.message
