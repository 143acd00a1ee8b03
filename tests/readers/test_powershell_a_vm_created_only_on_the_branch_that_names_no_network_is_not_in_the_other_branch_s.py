"""A PowerShell call creating a VM on a branch apart from every branch that puts its cloud service's
deployment in a virtual network (`if ($VNet) { New-AzureQuickVM … -VNetName $VNet -SubnetNames s1 } else {
New-AzureQuickVM … -Location "West US" }`) never runs with those: the VM it makes is not in that network, so
it is no VM without a subnet there (MIG203), whether made by New-AzureQuickVM or New-AzureVM, on an `if`,
an `elseif` or an arm of a `switch`, in the script or in a function of it. A VM on the network's branch
without a subnet is still one, and so is a VM made after the choice, which runs with the network's branch."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import Severity

QUICK = 'New-AzureQuickVM -Windows -ServiceName "svc" -Name "{name}" -ImageName "img" -AdminUsername "u" -Password "p" '
IN_NETWORK = QUICK.format(name="web") + '-Location "West US" -VNetName {vnet} {subnet}\n'
IN_NONE = QUICK.format(name="db") + '-Location "West US"\n'
SUBNET = '-SubnetNames "s1"'


def _choice(vnet: str = "$VNet", subnet: str = SUBNET) -> str:
    return f"if ($VNet) {{\n    {IN_NETWORK.format(vnet=vnet, subnet=subnet)}}} else {{\n    {IN_NONE}}}\n"


def no_subnet(tmp_path, monkeypatch, script: str):
    return lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG203", dedent=False).findings


CONFIG = (
    '$vm = New-AzureVMConfig -Name "{name}" -InstanceSize Small -ImageName "img" |\n'
    '    Add-AzureProvisioningConfig -Windows -AdminUsername "u" -Password "p"{subnet}\n'
)
NEW_VM = 'New-AzureVM -ServiceName "svc" -Location "West US" -VMs $vm{vnet}\n'


@pytest.mark.parametrize(
    "script",
    [
        "param($VNet)\n" + _choice(),
        _choice(),  # $VNet set nowhere: the session's
        "param($VNet)\n" + _choice(vnet='"vnet1"'),
        "param($VNet)\n"
        + f"if (-not $VNet) {{\n    {IN_NONE}}} else {{\n    {IN_NETWORK.format(vnet='$VNet', subnet=SUBNET)}}}\n",
        "param($VNet, $Mode)\n"
        + f'if ($Mode -eq "a") {{\n    {IN_NETWORK.format(vnet="$VNet", subnet=SUBNET)}}}'
        + f' elseif ($Mode -eq "b") {{\n    {IN_NONE}}}\n',
        "param($VNet, [string]$Mode)\n"
        + f'switch ($Mode) {{\n  "a" {{ {IN_NETWORK.format(vnet="$VNet", subnet=SUBNET)}  }}\n'
        + f'  "b" {{ {IN_NONE}  }}\n}}\n',
        "function Deploy($VNet) {\n" + _choice() + "}\nDeploy $args[0]\n",
        "function Deploy($VNet) {\n" + _choice() + "}\n",
        "param($VNet)\n"
        + "if ($VNet) {\n"
        + CONFIG.format(name="web", subnet=" |\n    Set-AzureSubnet -SubnetNames s1")
        + NEW_VM.format(vnet=" -VNetName $VNet")
        + "} else {\n"
        + CONFIG.format(name="db", subnet="")
        + NEW_VM.format(vnet="")
        + "}\n",
    ],
    ids=[
        "parameter",
        "set-nowhere",
        "named-network",
        "network-second",
        "elseif",
        "switch",
        "called-function",
        "uncalled-function",
        "new-azurevm",
    ],
)
def test_the_vm_of_the_branch_without_a_network_has_no_missing_subnet(tmp_path, monkeypatch, script):
    assert no_subnet(tmp_path, monkeypatch, script) == []


def test_the_vm_of_the_network_s_branch_without_a_subnet_is_still_found(tmp_path, monkeypatch):
    [finding] = no_subnet(tmp_path, monkeypatch, "param($VNet)\n" + _choice(vnet='"vnet1"', subnet=""))
    assert where([finding]) == ["MIG203 deploy.ps1:3:5"]
    assert finding.severity == Severity.ERROR
    assert "VM 'web'" in finding.message


def test_a_vm_made_after_the_branches_is_in_the_network(tmp_path, monkeypatch):
    after = 'New-AzureQuickVM -Windows -ServiceName "svc" -Name "cache" -ImageName "img" -AdminUsername "u" -Password "p"\n'
    [finding] = no_subnet(tmp_path, monkeypatch, "param($VNet)\n" + _choice(vnet='"vnet1"') + after)
    assert "VM 'cache'" in finding.message
