"""A PowerShell network name that is $null on one path of the script (`$vnet = if (…) { $args[0] } else {
$null }`, or the same assigned in each branch) is read path by path, as the Python reader reads
`sys.argv[1] if … else None`: on that path New-AzureVM creates the deployment in no virtual network, so its
VMs may be in none (MIG105 at that call). And `Set-AzureVMExtension -Publisher $null` is read as an empty
publisher: an Azure Backup extension is still MIG206. An `if` one of whose branches always runs, each
outputting one value, surely gives one: the same network on every branch is that network, never none."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

CONFIG = (
    '$vm = New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img" |\n'
    '    Add-AzureProvisioningConfig -Windows -AdminUsername "u" -Password "p" |\n'
    '    Set-AzureSubnet -SubnetNames "Sub1"\n'
)
CREATE = 'New-AzureVM -ServiceName "cs1" -Location "West Europe" -VMs $vm -VNetName $vnet\n'


def _findings(tmp_path, monkeypatch, assignment: str):
    script = assignment + CONFIG + CREATE
    return lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG105", "MIG203").findings


@pytest.mark.parametrize(
    "assignment",
    [
        "$vnet = if ($args.Count -gt 0) { $args[0] } else { $null }\n",
        "$vnet = if ($args.Count -gt 0) { $null } else { $args[0] }\n",
        "$vnet = if ($args.Count -gt 0) { $args[0] }\n",
        "$vnet = if ($args.Count -gt 0) { $args[0] } else { }\n",
        "if ($args.Count -gt 0) { $vnet = $args[0] } else { $vnet = $null }\n",
    ],
)
def test_a_network_the_script_does_not_state_or_null(tmp_path, monkeypatch, assignment):
    findings = _findings(tmp_path, monkeypatch, "param($Net)\n" + assignment)
    assert where(findings) == ["MIG105 deploy.ps1:6:1"]
    message = findings[0].message
    assert "may be in no virtual network: on one path of the script this call creates it in none" in message
    assert "on another it may be in a virtual network the script does not state" in message


def test_a_named_network_or_null_is_still_named(tmp_path, monkeypatch):
    findings = _findings(tmp_path, monkeypatch, '$vnet = if ($args.Count -gt 0) { "vnet1" } else { $null }\n')
    assert where(findings) == ["MIG105 deploy.ps1:5:1"]
    assert "on another it is in 'vnet1'" in findings[0].message


@pytest.mark.parametrize(
    "assignment",
    [
        "$vnet = $args[0]\n",
        "$vnet = if ($args.Count -gt 0) { $args[0] } else { $args[1] }\n",
        "$vnet = if ($args.Count -gt 0) { $args[0] } else { Read-Host 'network' }\n",
        "$vnet = if ($true) { $args[0] } else { $null }\n",
    ],
)
def test_a_network_not_null_on_any_path_says_nothing(tmp_path, monkeypatch, assignment):
    # Near misses: not stated on any path, or the branch that gives $null never runs.
    assert _findings(tmp_path, monkeypatch, assignment) == []


@pytest.mark.parametrize("publisher", ["$null", '""', '"Microsoft.Azure.RecoveryServices"'])
def test_a_backup_extension_with_a_null_or_empty_publisher_is_reported(tmp_path, monkeypatch, publisher):
    script = (
        '$vm = New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img" |\n'
        '    Add-AzureProvisioningConfig -Linux -LinuxUser "u" -Password "p" |\n'
        f'    Set-AzureVMExtension -ExtensionName "VMSnapshotLinux" -Publisher {publisher} -Version "1.0"\n'
        'New-AzureVM -ServiceName "cs1" -Location "West Europe" -VMs $vm\n'
    )
    findings = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG206").findings
    assert where(findings) == ["MIG206 deploy.ps1:3:41"]  # at its name
    assert "Azure Backup extension VMSnapshotLinux" in findings[0].message


NO_SUBNET = (
    "$r = Get-Random\n"
    "{assignment}"
    'New-AzureVM -VMs (New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img") -VNetName $vnet'
    ' -ServiceName "svc1"\n'
)


def _placed(tmp_path, monkeypatch, assignment: str):
    script = NO_SUBNET.format(assignment=assignment)
    return lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG105", "MIG203").findings


@pytest.mark.parametrize(
    "assignment",
    [
        '$vnet = if ($r -gt 5) { "prodnet" } else { "prodnet" }\n',
        'if ($r -gt 5) { $vnet = "prodnet" } else { $vnet = "prodnet" }\n',
        '$vnet = if ($r -gt 5) { "prodnet" } elseif ($r -gt 2) { "prodnet" } else { "prodnet" }\n',
        '$vnet = if ($r -gt 5) { @("prodnet") } else { "prodnet", $null }\n',
        'function Get-Network { if ($r -gt 5) { "prodnet" } else { "prodnet" } }\n$vnet = Get-Network\n',
        '$vnet = $(if ($r -gt 5) { "prodnet" } else { "prodnet" })\n',
    ],
)
def test_the_same_network_on_every_branch_is_that_network(tmp_path, monkeypatch, assignment):
    # Each branch outputs one value and one of them always runs: no path gives nothing.
    findings = _placed(tmp_path, monkeypatch, assignment)
    assert [f.code for f in findings] == ["MIG203"]
    assert "in virtual network 'prodnet'" in findings[0].message


def test_different_networks_on_each_branch_are_a_network_it_does_not_name(tmp_path, monkeypatch):
    # One network or the other, never none: the VM, given no subnet, surely has none there.
    findings = _placed(tmp_path, monkeypatch, '$vnet = if ($r -gt 5) { "prodnet" } else { "testnet" }\n')
    assert [(f.code, f.severity.name) for f in findings] == [("MIG203", "ERROR")]
    assert "in virtual network '<virtual network name, deploy.ps1:3:97>'" in findings[0].message


@pytest.mark.parametrize(
    "assignment",
    [
        '$vnet = if ($r -gt 5) { "prodnet" }\n',
        '$vnet = if ($r -gt 5) { "prodnet" } else { }\n',
        '$vnet = if ($r -gt 5) { "prodnet" } else { $null }\n',
        '$vnet = if ($r -gt 5) { if ($r -gt 7) { "prodnet" } } else { "prodnet" }\n',
        'function Get-Network { if ($r -gt 5) { "prodnet" } }\n$vnet = Get-Network\n',
    ],
)
def test_a_branch_that_outputs_nothing_may_leave_no_network(tmp_path, monkeypatch, assignment):
    findings = _placed(tmp_path, monkeypatch, assignment)
    assert [f.code for f in findings] == ["MIG105", "MIG203"]
    assert "on one path of the script this call creates it in none, on another it is in 'prodnet'" in (
        findings[0].message
    )


def test_a_switch_over_the_same_value_on_every_branch_is_decided(tmp_path, monkeypatch):
    # The subject is surely "prod", so only its clause runs: the network is never $null.
    assignment = (
        '$site = if ($r -gt 5) { "prod" } else { "prod" }\n'
        "switch ($site) {\n"
        '    "prod" { $vnet = "prodnet" }\n'
        "    default { $vnet = $null }\n"
        "}\n"
    )
    findings = _placed(tmp_path, monkeypatch, assignment)
    assert [f.code for f in findings] == ["MIG203"]
