"""An export of a circuit's links (`Get-AzureDedicatedCircuitLink | ConvertTo-Json`) that lists a network makes
its gateway an ExpressRoute one, as a script's `New-AzureDedicatedCircuitLink` does: beside a site-to-site
connection of that network (in a network configuration, a REST body or a script) it is MIG301, a gateway
with both ExpressRoute and VPN, which the platform refuses at Prepare."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import lint_files, where

from migcheck.plugins import load_rules

RULE = next(rule for rule in load_rules(entry_points=False) if rule.code == "MIG301")


def _links(state: str = "Provisioned", vnet: str = "prodnet") -> str:
    return json.dumps([{"State": state, "VnetName": vnet}], indent=2)


# prodnet's gateway connects the office site by IPsec: a site-to-site VPN.
VPN_NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="office">
        <AddressSpace><AddressPrefix>192.168.1.0/24</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>203.0.113.8</VPNGatewayAddress>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="prodnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="GatewaySubnet"><AddressPrefix>10.0.9.0/27</AddressPrefix></Subnet></Subnets>
        <Gateway><ConnectionsToLocalNetwork>
          <LocalNetworkSiteRef name="office"><Connection type="IPsec"/></LocalNetworkSiteRef>
        </ConnectionsToLocalNetwork></Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

# The same network as the List Virtual Network Sites request answers it.
VPN_SITES_BODY = """\
<VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">
  <VirtualNetworkSite>
    <Name>prodnet</Name><Location>West Europe</Location>
    <AddressSpace><AddressPrefixes><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressPrefixes></AddressSpace>
    <Gateway><Sites><LocalNetworkSite>
      <Name>office</Name>
      <Connections><Connection><Type>IPsec</Type></Connection></Connections>
    </LocalNetworkSite></Sites></Gateway>
  </VirtualNetworkSite>
</VirtualNetworkSites>
"""

CONNECT = 'Set-AzureVNetGateway -Connect -VNetName "prodnet" -LocalNetworkSiteName "office"\n'


@pytest.mark.parametrize(
    "vpn", [{"NetworkConfig.netcfg": VPN_NETCFG}, {"vnetsites.xml": VPN_SITES_BODY}], ids=["netcfg", "rest"]
)
def test_a_network_the_export_links_whose_gateway_has_a_site_to_site_connection_is_mig301_at_the_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, vpn: dict[str, str]
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"links.json": _links(), **vpn}, "MIG301")
    assert where(result.findings) == ["MIG301 links.json:2:3"]
    message = result.findings[0].message
    assert "a circuit link in the export links.json" in message
    assert "site-to-site VPN to 'office'" in message


def test_a_network_the_export_links_and_a_script_connects_to_a_site_is_mig301_at_the_connection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"links.json": _links(), "connect.ps1": CONNECT}, "MIG301")
    assert where(result.findings) == ["MIG301 connect.ps1:1:1"]
    assert "a circuit link in the export links.json" in result.findings[0].message


def test_the_export_joins_the_script_form_of_the_same_link_and_is_one_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    link = 'New-AzureDedicatedCircuitLink -ServiceKey "aaaa-bbbb" -VNetName "prodnet"\n'
    files = {"links.json": _links(), "link.ps1": link, "NetworkConfig.netcfg": VPN_NETCFG}
    result = lint_files(tmp_path, monkeypatch, files, "MIG301")
    assert where(result.findings) == ["MIG301 link.ps1:1:1"]


@pytest.mark.parametrize("state", ["Deprovisioned", "NotProvisioned"])
def test_a_link_the_export_shows_removed_adds_no_expressroute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, state: str
) -> None:
    files = {"links.json": _links(state), "NetworkConfig.netcfg": VPN_NETCFG}
    assert lint_files(tmp_path, monkeypatch, files, "MIG301").findings == []


def test_a_link_of_another_network_adds_no_expressroute_to_this_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"links.json": _links(vnet="othernet"), "NetworkConfig.netcfg": VPN_NETCFG}
    assert lint_files(tmp_path, monkeypatch, files, "MIG301").findings == []


def test_an_exported_link_alone_is_expressroute_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert lint_files(tmp_path, monkeypatch, {"links.json": _links()}, "MIG301").findings == []


def test_mig301_says_it_checks_inventory_exports() -> None:
    assert "inventory" in {str(kind) for kind in RULE.file_kinds()}
