"""A network linked to ExpressRoute whose gateway also has VPN connections: each is said as what it is.

MIG301: a connection to a local network site that stands for another virtual network of the files (the
classic VNet-to-VNet connection, a local site per network) is a VNet-to-VNet VPN, not a site-to-site one to
an office; the platform still refuses it beside ExpressRoute, as it takes a VPN gateway (gateway migration:
"VNet with both an ExpressRoute gateway and a VPN gateway isn't currently supported").

MIG210: a DNS server in a site the gateway reaches by site-to-site VPN is reached through that VPN, not the
circuit: the message names the VPN and its site, where it said the server was reached through the
ExpressRoute gateway. The ExpressRoute migration empties the network's ConnectionsToLocalNetwork, so the VPN
is cut all the same; so is a DNS server in the virtual network a VNet-to-VNet site stands for, which is no
on-premises server but is reached through the same gateway's connection. One in the network itself, or in
another network linked to ExpressRoute (reached through ExpressRoute, which stays), is not cut off."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

# er-vnet is on ExpressRoute through dc-frankfurt and connects by IPsec to vnet-b-site (10.5.0.0/16), which is
# the range of vnet-b when `{vnet_b}` defines it. dc01 is at `{dns}`.
NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <Dns><DnsServers><DnsServer name="dc01" IPAddress="{dns}"/></DnsServers></Dns>
    <LocalNetworkSites>
      <LocalNetworkSite name="dc-frankfurt">
        <AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
      </LocalNetworkSite>
      <LocalNetworkSite name="vnet-b-site">
        <AddressSpace><AddressPrefix>10.5.0.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>203.0.113.7</VPNGatewayAddress>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="er-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.4.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="app"><AddressPrefix>10.4.1.0/24</AddressPrefix></Subnet></Subnets>
        <DnsServersRef><DnsServerRef name="dc01"/></DnsServersRef>
        <Gateway>
          <ConnectionsToLocalNetwork>
            <LocalNetworkSiteRef name="dc-frankfurt"><Connection type="Dedicated"/></LocalNetworkSiteRef>
            <LocalNetworkSiteRef name="vnet-b-site"><Connection type="IPsec"/></LocalNetworkSiteRef>
          </ConnectionsToLocalNetwork>
        </Gateway>
      </VirtualNetworkSite>{vnet_b}
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
VNET_B = """
      <VirtualNetworkSite name="vnet-b" Location="West Europe">
        <AddressSpace><AddressPrefix>10.5.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="dc"><AddressPrefix>10.5.0.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>"""
DEPLOYMENT = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>app</Name>
  <RoleList>
    <Role>
      <RoleName>app01</RoleName><RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
        <SubnetNames><SubnetName>app</SubnetName></SubnetNames></ConfigurationSet></ConfigurationSets>
      <ResourceExtensionReferences><ResourceExtensionReference><Publisher>Microsoft.Compute</Publisher>
        <Name>CustomScriptExtension</Name><Version>1.*</Version></ResourceExtensionReference></ResourceExtensionReferences>
    </Role>
  </RoleList>
  <VirtualNetworkName>er-vnet</VirtualNetworkName>
</Deployment>
"""


def _lint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dns: str, vnet_b: str, *codes: str) -> list[str]:
    files = {
        "NetworkConfig.netcfg": NETCFG.format(dns=dns, vnet_b=vnet_b),
        "app.deployment.xml": DEPLOYMENT,
    }
    result = lint_files(tmp_path, monkeypatch, files, *codes)
    return [
        f"{f.code} {f.location.line}:{f.location.column} {f.message}" for f in result.findings if f.location
    ]


def test_a_connection_to_a_site_standing_for_another_network_is_said_as_vnet_to_vnet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    [found] = _lint(tmp_path, monkeypatch, "192.168.10.4", VNET_B, "MIG301")
    assert found == (
        "MIG301 18:9 the gateway of virtual network 'er-vnet' has ExpressRoute (to 'dc-frankfurt') and also "
        "VNet-to-VNet VPN through local network site 'vnet-b-site': the platform does not migrate a gateway "
        "where ExpressRoute and a VPN coexist"
    )


def test_a_connection_to_a_site_of_no_network_of_the_files_is_site_to_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    [found] = _lint(tmp_path, monkeypatch, "192.168.10.4", "", "MIG301")
    assert "also site-to-site VPN to 'vnet-b-site': the platform" in found


def test_a_dns_server_in_a_site_reached_by_vpn_is_said_to_be_reached_through_that_vpn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    [found] = _lint(tmp_path, monkeypatch, "10.5.0.4", "", "MIG210")
    assert found.startswith(
        "MIG210 8:36 VM 'app01' has the extension CustomScriptExtension 1.* (Microsoft.Compute) and its virtual "
        "network 'er-vnet' is linked to ExpressRoute and uses on-premises DNS server 'dc01' (10.5.0.4) through "
        "its site-to-site VPN to local network site 'vnet-b-site' (the migration of a network linked to "
        "ExpressRoute removes its gateway's connections), which migration cuts off"
    )
    assert "ExpressRoute gateway" not in found


def test_a_dns_server_in_a_site_of_the_circuit_is_reached_through_the_expressroute_gateway(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    [found] = _lint(tmp_path, monkeypatch, "192.168.10.4", "", "MIG210")
    assert (
        "'er-vnet' has an ExpressRoute gateway and uses on-premises DNS server 'dc01' (192.168.10.4)" in found
    )


def test_a_dns_server_in_the_network_a_vnet_to_vnet_site_stands_for_is_reached_through_that_vpn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    [found] = _lint(tmp_path, monkeypatch, "10.5.0.4", VNET_B, "MIG210")
    assert (
        "'er-vnet' is linked to ExpressRoute and uses DNS server 'dc01' (10.5.0.4) of another virtual network "
        "through its VNet-to-VNet VPN to local network site 'vnet-b-site' (the migration of a network linked to "
        "ExpressRoute removes its gateway's connections), which migration cuts off"
    ) in found
    assert "on-premises" not in found.split(", which migration cuts off")[0]


def test_a_dns_server_of_another_network_on_expressroute_or_of_its_own_is_not_cut_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_the_circuit = VNET_B.replace(
        "      </VirtualNetworkSite>",
        '        <Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="dc-frankfurt">'
        '<Connection type="Dedicated"/></LocalNetworkSiteRef></ConnectionsToLocalNetwork></Gateway>\n'
        "      </VirtualNetworkSite>",
    )
    assert _lint(tmp_path, monkeypatch, "10.5.0.4", on_the_circuit, "MIG210", "MIG207") == []
    assert _lint(tmp_path, monkeypatch, "10.4.1.9", VNET_B, "MIG210", "MIG207") == []


def test_a_vnet_to_vnet_connection_beside_a_scripted_circuit_link_is_said_as_such(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        "NetworkConfig.netcfg": NETCFG.format(dns="192.168.10.4", vnet_b=VNET_B).replace(
            '            <LocalNetworkSiteRef name="dc-frankfurt"><Connection type="Dedicated"/></LocalNetworkSiteRef>\n',
            "",
        ),
        "link.ps1": 'New-AzureDedicatedCircuitLink -ServiceKey $ServiceKey -VNetName "er-vnet"\n',
    }
    [found] = lint_files(tmp_path, monkeypatch, files, "MIG301").findings
    assert found.message == (
        "virtual network 'er-vnet' has ExpressRoute (a circuit link by New-AzureDedicatedCircuitLink at "
        "link.ps1:1) and also a VPN (VNet-to-VNet VPN through local network site 'vnet-b-site', in "
        "NetworkConfig.netcfg): the platform does not migrate a gateway where ExpressRoute and a VPN coexist"
    )
