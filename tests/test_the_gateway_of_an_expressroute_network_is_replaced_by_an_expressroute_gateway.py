"""MIG601: the gateway a script creates for a network linked to an ExpressRoute circuit (a `Dedicated`
connection in its network configuration, or a circuit link the script makes) is the network's ExpressRoute
gateway, as the coexistence walkthrough creates it; its Resource Manager replacement is an ExpressRoute
gateway (`-GatewayType ExpressRoute`, `--gateway-type ExpressRoute`), not a VPN SKU. A network with no
circuit keeps the VPN gateway's advice."""

from __future__ import annotations

import pytest
from lint_support import lint_files

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="MyLocalNetwork">
        <AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>131.107.72.22</VPNGatewayAddress>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="MyAzureVNET" Location="East US">
        <AddressSpace><AddressPrefix>10.17.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="GatewaySubnet"><AddressPrefix>10.17.255.0/27</AddressPrefix></Subnet></Subnets>
        <Gateway>
          <ConnectionsToLocalNetwork>
            <LocalNetworkSiteRef name="MyLocalNetwork"><Connection type="CONNECTION" /></LocalNetworkSiteRef>
          </ConnectionsToLocalNetwork>
        </Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
PS_GATEWAY = (
    "New-AzureVNetGateway -VNetName MyAzureVNET -GatewayType DynamicRouting -GatewaySKU HighPerformance\n"
)
CLI_GATEWAY = "azure config mode asm\nazure network vpn-gateway create MyAzureVNET -t DynamicRouting -k HighPerformance\n"
# Each script, its gateway's replacement on a network linked to a circuit, and on one with a VPN.
SCRIPTS = {
    "gateway.ps1": (
        PS_GATEWAY,
        "New-AzureVNetGateway → New-AzVirtualNetworkGateway -GatewayType ExpressRoute with an ExpressRoute SKU",
        "New-AzureVNetGateway → New-AzVirtualNetworkGateway -GatewaySku VpnGw1AZ",
    ),
    "gateway.sh": (
        CLI_GATEWAY,
        "azure network vpn-gateway create → az network vnet-gateway create --gateway-type ExpressRoute",
        "azure network vpn-gateway create → az network vnet-gateway create --sku VpnGw1AZ",
    ),
}


def _fix(tmp_path, monkeypatch, files: dict[str, str]) -> str:
    result = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False)
    [finding] = result.findings
    return finding.fix


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_the_gateway_of_a_network_with_a_dedicated_connection_is_an_expressroute_gateway(
    tmp_path, monkeypatch, name
):
    script, expressroute, _ = SCRIPTS[name]
    fix = _fix(
        tmp_path,
        monkeypatch,
        {"NetworkConfig.netcfg": NETCFG.replace("CONNECTION", "Dedicated"), name: script},
    )
    assert expressroute in fix
    assert "VpnGw1AZ" not in fix


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_the_gateway_of_a_network_with_a_site_to_site_connection_is_a_vpn_gateway(
    tmp_path, monkeypatch, name
):
    script, _, vpn = SCRIPTS[name]
    fix = _fix(
        tmp_path, monkeypatch, {"NetworkConfig.netcfg": NETCFG.replace("CONNECTION", "IPsec"), name: script}
    )
    assert vpn in fix
    assert "ExpressRoute" not in fix


def test_a_gateway_the_script_links_a_circuit_to_is_an_expressroute_gateway(tmp_path, monkeypatch):
    script = PS_GATEWAY + 'New-AzureDedicatedCircuitLink -ServiceKey "aaaabbbb-0000" -VNetName MyAzureVNET\n'
    fix = _fix(tmp_path, monkeypatch, {"gateway.ps1": script})
    assert SCRIPTS["gateway.ps1"][1] in fix
