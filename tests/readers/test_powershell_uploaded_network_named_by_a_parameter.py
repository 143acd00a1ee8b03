"""A network configuration a PowerShell script uploads may name a network by a value the script does not
state (`<VirtualNetworkSite name="$NetworkName">`, `$NetworkName` a parameter): a call that names a network
by the same value (`New-AzureVM -VNetName $NetworkName`, a gateway call) names that network, whichever comes
first, so the subnets it asks for are checked against the configuration's (MIG003) as they are when the
script states the name. The network is shown as a stand-in that says which parameter names it, never as a
placeholder the file leaves to fill in."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import Deployment, VnetGatewayFact, is_placeholder
from migcheck.readers import read_document

NETCFG = """\
$NetCfg = @"
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="$NetworkName" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/24</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="DC-Subnet"><AddressPrefix>10.0.0.0/28</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"@
$path = "$env:Temp\\$NetworkName.xml"
Set-Content -Value $NetCfg -Path $path
Set-AzureVNetConfig -ConfigurationPath $path
"""
VM = (
    '$vm = New-AzureVMConfig -Name "dc1" -InstanceSize Small -ImageName "img" | Set-AzureSubnet -SubnetNames "{subnet}"\n'
    "New-AzureVM -ServiceName labsvc -VNetName {name} -VMs $vm\n"
)
STAND_IN = "<virtual network name, the value of parameter -NetworkName, net.ps1:6:7>"


def _subnet_findings(tmp_path, monkeypatch, script: str) -> list[str]:
    return where(lint_files(tmp_path, monkeypatch, {"net.ps1": script}, "MIG003", dedent=False).findings)


def _read(script: str) -> list[object]:
    document = read_document("net.ps1", script.encode(), explicit=True)
    assert document is not None and document.problem is None
    return list(document.resources)


@pytest.mark.parametrize("vm_first", [False, True], ids=["uploaded-first", "vm-first"])
def test_a_subnet_the_configuration_lacks_is_found_as_with_a_stated_name(tmp_path, monkeypatch, vm_first):
    vm = VM.format(subnet="App-Subnet", name="$NetworkName")
    body = vm + NETCFG if vm_first else NETCFG + vm
    stated = _subnet_findings(tmp_path, monkeypatch, '$NetworkName = "labnet"\n' + body)
    unstated = _subnet_findings(tmp_path, monkeypatch, "param([string] $NetworkName)\n" + body)
    assert len(stated) == 1
    assert unstated == stated


def test_the_network_is_one_stand_in_that_names_the_parameter():
    script = "param([string] $NetworkName)\n" + NETCFG + VM.format(subnet="DC-Subnet", name="$NetworkName")
    script += "New-AzureVNetGateway -VNetName $NetworkName -GatewayType DynamicRouting\n"
    resources = _read(script)
    [deployment] = [r for r in resources if isinstance(r, Deployment)]
    [gateway] = [r for r in resources if isinstance(r, VnetGatewayFact)]
    assert deployment.virtual_network is not None
    assert deployment.virtual_network.name == gateway.vnet == STAND_IN
    assert not is_placeholder(STAND_IN)


def test_a_value_an_assignment_gives_is_named_by_a_plain_stand_in():
    script = "$NetworkName = Read-Host\n" + NETCFG + VM.format(subnet="DC-Subnet", name="$NetworkName")
    [deployment] = [r for r in _read(script) if isinstance(r, Deployment)]
    assert deployment.virtual_network is not None
    assert deployment.virtual_network.name.startswith("<virtual network name, net.ps1:")


def test_another_value_names_another_network(tmp_path, monkeypatch):
    script = "param([string] $NetworkName, [string] $Other)\n" + NETCFG
    script += VM.format(subnet="App-Subnet", name="$Other")
    assert _subnet_findings(tmp_path, monkeypatch, script) == []
    [deployment] = [r for r in _read(script) if isinstance(r, Deployment)]
    assert deployment.virtual_network is not None
    assert "-NetworkName" not in deployment.virtual_network.name
