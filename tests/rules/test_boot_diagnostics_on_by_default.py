"""MIG205 where the command that created a VM turns boot diagnostics on unless told not to (`azure vm
create` without --disable-boot-diagnostics, New-AzureVMConfig without -DisableBootDiagnostics) and its disks
are in a Premium storage account: a warning that the VM may have it on, at the creating command; silent
where the script or another file turns it off, or the disks are on Standard storage."""

from __future__ import annotations

import json

import pytest

from tests.lint_support import lint_files, where

SHELL = """\
azure storage account create premacct --type PLRS -l "West Europe"
azure vm create db img user pass -u https://premacct.blob.core.windows.net/vhds/db01.vhd -l "West Europe"
"""
POWERSHELL = """\
New-AzureStorageAccount -StorageAccountName premacct -Location "West Europe" -Type Premium_LRS
New-AzureVMConfig -Name db -InstanceSize Standard_DS2 -ImageName img `
    -MediaLocation https://premacct.blob.core.windows.net/vhds/db01.vhd |
  Add-AzureProvisioningConfig -Windows -AdminUsername u -Password p |
  New-AzureVM -ServiceName db -Location "West Europe"
"""
CASES = {
    "shell": ("create.sh", SHELL, "create.sh:2:1", "azure vm create"),
    "cli in powershell": ("create.ps1", SHELL, "create.ps1:2:1", "azure vm create"),
    "cmdlets": ("create.ps1", POWERSHELL, "create.ps1:2:1", "New-AzureVMConfig"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_vm_created_on_premium_storage_may_have_boot_diagnostics_on(tmp_path, monkeypatch, case):
    name, text, at, command = CASES[case]
    (found,) = lint_files(tmp_path, monkeypatch, {name: text}, "MIG205").findings
    assert where([found]) == [f"MIG205 {at}"]
    assert str(found.severity) == "warning"
    assert f"may have boot diagnostics enabled, and has Premium storage disks (db01.vhd): {command}" in (
        found.message
    )


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("create.sh", SHELL.replace(' -l "West Europe"\n', ' -l "West Europe" --disable-boot-diagnostics\n')),
        ("create.sh", SHELL.replace("--type PLRS", "--type LRS")),
        ("create.ps1", POWERSHELL.replace("-ImageName img", "-ImageName img -DisableBootDiagnostics")),
        ("create.ps1", POWERSHELL.replace("Premium_LRS", "Standard_LRS")),
        (
            "create.ps1",
            POWERSHELL.replace("  New-AzureVM", "  Set-AzureVMBootDiagnostics -Disable |\n  New-AzureVM"),
        ),
    ],
)
def test_silent_where_boot_diagnostics_is_off_or_the_storage_standard(tmp_path, monkeypatch, name, text):
    assert lint_files(tmp_path, monkeypatch, {name: text}, "MIG205").findings == []


def test_a_later_change_that_turns_it_on_is_the_certain_error(tmp_path, monkeypatch):
    script = (
        POWERSHELL
        + "Get-AzureVM -ServiceName db -Name db | Set-AzureVMBootDiagnostics -Enable | Update-AzureVM\n"
    )
    (found,) = lint_files(tmp_path, monkeypatch, {"create.ps1": script}, "MIG205").findings
    assert str(found.severity) == "error" and found.message.startswith("VM 'db' has boot diagnostics enabled")


def test_an_export_that_says_it_is_off_wins(tmp_path, monkeypatch):
    row = {
        "id": "/subscriptions/0000/resourceGroups/db/providers/Microsoft.ClassicCompute/virtualMachines/db",
        "name": "db",
        "type": "microsoft.classiccompute/virtualmachines",
        "location": "westeurope",
        "properties": {
            "domainName": {"name": "db", "type": "Microsoft.ClassicCompute/domainNames"},
            "hardwareProfile": {"size": "Standard_DS2", "deploymentName": "db"},
            "debugProfile": {"bootDiagnosticsEnabled": False},
        },
    }
    files = {"create.sh": SHELL, "classic.json": json.dumps({"data": [row]})}
    assert lint_files(tmp_path, monkeypatch, files, "MIG205").findings == []
    row["properties"]["debugProfile"]["bootDiagnosticsEnabled"] = True
    files["classic.json"] = json.dumps({"data": [row]})
    (found,) = lint_files(tmp_path, monkeypatch, files, "MIG205").findings
    assert str(found.severity) == "error"


def test_a_disk_two_branches_describe_is_named_once(tmp_path, monkeypatch):
    create = 'azure vm create db img user pass -u https://premacct.blob.core.windows.net/vhds/db01.vhd -l "West Europe"'
    script = (
        'azure storage account create premacct --type PLRS -l "West Europe"\n'
        f'if [ "$X" ]; then\n{create}\nelse\n{create} --disable-boot-diagnostics\nfi\n'
    )
    (found,) = lint_files(tmp_path, monkeypatch, {"c.sh": script}, "MIG205").findings
    assert "Premium storage disks (db01.vhd):" in found.message
