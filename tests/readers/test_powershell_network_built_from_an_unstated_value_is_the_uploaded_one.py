"""A network a PowerShell script names by a string it builds from a value it does not state
(`"$($ServicePrefix)vNet1"`) is the network of the same name in the network configuration the script uploads,
which it builds the same way (`<VirtualNetworkSite name="$($ServicePrefix)vNet1">` in the here-string it
writes out): the reader names that network by a stand-in where the here-string names it, and the gateway the
script creates, or the deployment it places, is in it, not in a stand-in network of its own. Without such a
configuration the value is a stand-in, as any value the script does not state is."""

from __future__ import annotations

import textwrap

import pytest

from migcheck.model import Deployment, VnetGatewayFact
from migcheck.readers import read_document

UPLOAD = """\
param([String]$ServicePrefix)
$NetCfg = @"
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="$($ServicePrefix)vNet1" Location="East US">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="front"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"@
Set-Content -Value $NetCfg -Path "C:\\temp\\vnet.netcfg"
Set-AzureVNetConfig -ConfigurationPath "C:\\temp\\vnet.netcfg"
"""
UNSTATED = "<virtual network name, vnet.ps1:6:7>"


def _read(script: str):
    document = read_document("vnet.ps1", script.encode(), explicit=True)
    assert document is not None and document.problem is None
    return document.resources


@pytest.mark.parametrize(
    "gateway",
    [
        'New-AzureVNetGateway -VNetName "$($ServicePrefix)vNet1" -GatewayType DynamicRouting',
        '$name = "$($ServicePrefix)vNet1"\nStart-Job { param($n) New-AzureVNetGateway -VNetName $n } -ArgumentList $name',
        'Set-AzureVNetGateway -Connect -VNetName "$($ServicePrefix)vNet1" -LocalNetworkSiteName "office"',
    ],
    ids=["created", "created-in-a-job", "connected"],
)
def test_a_gateway_of_the_network_named_so_is_that_networks(gateway):
    facts = [r for r in _read(UPLOAD + gateway + "\n") if isinstance(r, VnetGatewayFact)]
    assert [f.vnet for f in facts] == [UNSTATED]


def test_a_deployment_placed_in_it_is_in_that_network():
    vm = (
        'New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img" | Set-AzureSubnet -SubnetNames "front" |'
        ' New-AzureVM -ServiceName "svc1" -VNetName "$($ServicePrefix)vNet1"\n'
    )
    [deployment] = [r for r in _read(UPLOAD + vm) if isinstance(r, Deployment)]
    assert deployment.virtual_network is not None
    assert deployment.virtual_network.name == UNSTATED


@pytest.mark.parametrize(
    "script",
    [
        textwrap.dedent(
            """\
            param([String]$ServicePrefix)
            New-AzureVNetGateway -VNetName "$($ServicePrefix)vNet1" -GatewayType DynamicRouting
            """
        ),
        UPLOAD + 'New-AzureVNetGateway -VNetName "$($ServicePrefix)vNet2" -GatewayType DynamicRouting\n',
    ],
    ids=["no-configuration", "another-name"],
)
def test_a_name_no_uploaded_configuration_builds_alike_is_a_stand_in(script):
    facts = [r for r in _read(script) if isinstance(r, VnetGatewayFact)]
    assert [f.vnet.startswith("<virtual network name, vnet.ps1:") for f in facts] == [True]
