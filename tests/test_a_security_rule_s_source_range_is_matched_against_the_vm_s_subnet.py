"""MIG210: a network security group rule that denies outbound Internet access from a source range applies
to the VMs of a subnet the range holds, and not to those of a subnet it is apart from; the subnet's prefix
says which, where the files state it. A range that holds part of the subnet still may deny, as a range does
where the subnet's prefix is not known. Read alike from PowerShell and the classic CLI."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules

RULES = load_rules(entry_points=False)

NETCFG = """
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="app-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.4.0.0/16</AddressPrefix></AddressSpace>
        <Subnets>
          <Subnet name="web"><AddressPrefix>10.4.1.0/24</AddressPrefix></Subnet>
          <Subnet name="data"><AddressPrefix>10.4.2.0/24</AddressPrefix></Subnet>
        </Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
VM = """
$vm = New-AzureVMConfig -Name "web01" -InstanceSize "Medium" -ImageName $image |
    Set-AzureSubnet -SubnetNames "web" |
    Set-AzureVMExtension -ExtensionName "CustomScriptExtension" -Publisher "Microsoft.Compute" -Version "1.*"
New-AzureVM -ServiceName "web" -VMs $vm -VNetName "app-vnet" -Location "West Europe"
"""
PS_GROUP = """
New-AzureNetworkSecurityGroup -Name "web-nsg" -Location "West Europe"
$nsg = Get-AzureNetworkSecurityGroup -Name "web-nsg"
Set-AzureNetworkSecurityRule -NetworkSecurityGroup $nsg -Name "no-internet" -Type Outbound -Priority 200 `
    -Action Deny -SourceAddressPrefix "{source}" -SourcePortRange "*" -DestinationAddressPrefix "INTERNET" `
    -DestinationPortRange "*" -Protocol "*"
$nsg | Set-AzureNetworkSecurityGroupToSubnet -VirtualNetworkName "app-vnet" -SubnetName "web"
"""
CLI_GROUP = """
azure config mode asm
azure network nsg create web-nsg westeurope
azure network nsg rule create web-nsg no-internet -r Outbound -y 200 -c Deny -f {source} -o '*' -e Internet -u '*' -p '*'
azure network nsg subnet add web-nsg app-vnet web
"""


def _check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, group: tuple[str, str]) -> list[str]:
    name, text = group
    for path, content in {"NetworkConfig.netcfg": NETCFG, "web.ps1": VM, name: text}.items():
        (tmp_path / path).write_text(textwrap.dedent(content).lstrip(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(select=("MIG210",)), RULES)
    return [f.message for f in result.findings]


GROUPS = [("nsg.ps1", PS_GROUP), ("nsg.sh", CLI_GROUP)]


@pytest.mark.parametrize("group", GROUPS, ids=["powershell", "classic cli"])
def test_a_deny_from_another_subnet_s_range_leaves_the_vm_its_internet_access(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, group: tuple[str, str]
) -> None:
    name, text = group
    assert _check(tmp_path, monkeypatch, (name, text.format(source="10.4.2.0/24"))) == []


@pytest.mark.parametrize("group", GROUPS, ids=["powershell", "classic cli"])
def test_a_deny_from_a_range_that_holds_the_subnet_denies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, group: tuple[str, str]
) -> None:
    name, text = group
    [found] = _check(tmp_path, monkeypatch, (name, text.format(source="10.4.0.0/16")))
    assert "network security group 'web-nsg' of its subnet 'web' denies outbound Internet access" in found


@pytest.mark.parametrize("group", GROUPS, ids=["powershell", "classic cli"])
def test_a_deny_from_part_of_the_subnet_may_deny(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, group: tuple[str, str]
) -> None:
    name, text = group
    [found] = _check(tmp_path, monkeypatch, (name, text.format(source="10.4.1.128/25")))
    assert "network security group 'web-nsg' of its subnet 'web' may deny outbound Internet access" in found
