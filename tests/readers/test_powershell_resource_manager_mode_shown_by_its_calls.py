"""A script of the Resource Manager mode of Azure PowerShell 0.9 that never switches to it says so by
its calls: a cmdlet only that mode has (`Get-AzureNetworkInterface`, `New-AzureResourceGroup`), or a name
both modes share given `-ResourceGroupName`. A session is in one mode at a time, so the script's other calls
of shared names (`Get-AzureVM`, `Stop-AzureVM`) are Resource Manager calls too, and no classic calls."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import ClassicCall, Mark, Script
from migcheck.readers import read_document

USEFUL_CMDS = """\
Get-AzureVM | Format-Table -Property Name
Get-AzureVM | Stop-AzureVM -Force -Verbose

Get-AzureNetworkInterface | Sort-Object -Property "Name"

((Get-AzureVM -ResourceGroupName "asos-devtest-poc-dns-grp" -Name "dnssrv-11").ResourceExtensionStatusList)
"""


def _calls(text: str) -> tuple[ClassicCall, ...]:
    doc = read_document("ops/cmds.ps1", text.encode(), explicit=True)
    assert doc is not None
    scripts = [r for r in doc.resources if isinstance(r, Script)]
    return scripts[0].calls if scripts else ()


def test_a_script_of_the_resource_manager_mode_makes_no_classic_call(tmp_path, monkeypatch):
    assert _calls(USEFUL_CMDS) == ()
    assert where(lint_files(tmp_path, monkeypatch, {"cmds.ps1": USEFUL_CMDS}, "MIG601").findings) == []


@pytest.mark.parametrize(
    "shown",
    [
        "Get-AzureNetworkInterface -Name nic1\n",
        'New-AzureResourceGroup -Name "rg" -Location "West Europe"\n',
        "Get-AzurePublicIpAddress\n",
        'Get-AzureStorageAccount -ResourceGroupName "rg"\n',
        'Get-AzureVM -ResourceGroup "rg" -Name "vm"\n',
    ],
    ids=["network interface", "resource group", "public IP", "storage account of a group", "prefix"],
)
def test_one_call_of_that_mode_shows_it_for_the_whole_script(shown):
    assert _calls("Get-AzureVM | Stop-AzureVM -Force\n" + shown) == ()


def test_a_call_of_the_service_management_mode_is_still_classic():
    # Get-AzureNetworkInterfaceConfig is the classic cmdlet, not the mode's Get-AzureNetworkInterface.
    assert _calls("Get-AzureVM -ServiceName s | Get-AzureNetworkInterfaceConfig\n") == (
        ClassicCall("Get-AzureVM", Mark("ops/cmds.ps1", 1, column=1)),
        ClassicCall("Get-AzureNetworkInterfaceConfig", Mark("ops/cmds.ps1", 1, column=30)),
    )


def test_a_switch_decides_after_it_and_what_the_script_shows_before_it():
    text = (
        "New-AzureResourceGroup -Name rg -Location l\n"
        "Get-AzureVM\n"
        "Switch-AzureMode AzureServiceManagement\n"
        "Get-AzureVM -ServiceName s\n"
    )
    assert _calls(text) == (ClassicCall("Get-AzureVM", Mark("ops/cmds.ps1", 4, column=1)),)
    # Shown only after the script switches to Service Management: the calls before the switch are not
    # known to be of Resource Manager, and stay classic.
    later = "Get-AzureVM\nSwitch-AzureMode AzureServiceManagement\nGet-AzureVM -ResourceGroupName rg\n"
    assert _calls(later) == (ClassicCall("Get-AzureVM", Mark("ops/cmds.ps1", 1, column=1)),)
