"""A script that turns on Azure Backup for a classic VM (`Enable-AzRecoveryServicesBackupProtection` or AzureRM's
`Enable-AzureRmRecoveryServicesBackupProtection`, given `-ServiceName`: the parameter set for a classic VM)
has Azure Backup install its snapshot extension on the VM: MIG206 warns at the call that the VM may still
have it when migrated. The same cmdlet given `-ResourceGroupName` protects a Resource Manager VM."""

from __future__ import annotations

import json

import pytest
from lint_support import graph_page, graph_vm, lint_files, where

from migcheck.model import Severity

SUBSCRIPTION = "11111111-1111-1111-1111-111111111111"

AZ = """\
$vault = Get-AzRecoveryServicesVault -ResourceGroupName backup-rg -Name contoso-vault
Set-AzRecoveryServicesVaultContext -Vault $vault
$pol = Get-AzRecoveryServicesBackupProtectionPolicy -Name DefaultPolicy
Enable-AzRecoveryServicesBackupProtection -Policy $pol -Name app01 -ServiceName contoso-app
"""

AZURE_RM = """\
$pol = Get-AzureRmRecoveryServicesBackupProtectionPolicy -Name DefaultPolicy
Enable-AzureRmRecoveryServicesBackupProtection $pol "app01" -ServiceName "contoso-app"
"""


@pytest.mark.parametrize(
    ("text", "at", "cmdlet"),
    [
        (AZ, "protect.ps1:4:1", "Enable-AzRecoveryServicesBackupProtection"),
        (AZURE_RM, "protect.ps1:2:1", "Enable-AzureRmRecoveryServicesBackupProtection"),
    ],
)
def test_turning_on_backup_for_a_classic_vm_is_a_warning_at_the_call(
    tmp_path, monkeypatch, text: str, at: str, cmdlet: str
) -> None:
    rows = graph_page(graph_vm(SUBSCRIPTION, "contoso-app", "app01"))
    result = lint_files(tmp_path, monkeypatch, {"protect.ps1": text, "classic.json": rows}, "MIG206")
    assert where(result.findings) == [f"MIG206 {at}"]
    finding = result.findings[0]
    assert finding.severity is Severity.WARNING
    assert finding.message.startswith(
        f"{cmdlet} turns on Azure Backup for VM 'app01', which installs its snapshot extension (VMSnapshot, "
        "VMSnapshotLinux) on the VM: it may still have it"
    )


def test_the_vm_it_protects_is_the_one_the_export_holds(tmp_path, monkeypatch) -> None:
    rows = graph_page(graph_vm(SUBSCRIPTION, "contoso-app", "app01"))
    result = lint_files(tmp_path, monkeypatch, {"protect.ps1": AZ, "classic.json": rows})
    assert {f.resource_name for f in result.findings if f.code == "MIG206"} == {"VMSnapshot"}
    services = [s for s in result.estate.cloud_services if s.vms]
    assert [(s.name, [vm.name for vm in s.vms]) for s in services] == [("contoso-app", ["app01"])]


@pytest.mark.parametrize(
    "text",
    [
        "Enable-AzRecoveryServicesBackupProtection -Policy $pol -Name app01 -ResourceGroupName app-rg\n",
        "Enable-AzRecoveryServicesBackupProtection -Policy $pol -Item $item\n",
        "Disable-AzRecoveryServicesBackupProtection -Item $item -Force\n",
    ],
)
def test_protecting_a_resource_manager_vm_is_not_reported(tmp_path, monkeypatch, text: str) -> None:
    result = lint_files(tmp_path, monkeypatch, {"protect.ps1": text}, "MIG206")
    assert where(result.findings) == []
    assert json.dumps([f.code for f in result.findings]) == "[]"
