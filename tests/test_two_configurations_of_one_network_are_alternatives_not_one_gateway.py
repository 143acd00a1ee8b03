"""Two network configurations that both define a network (two .netcfg files, a .netcfg and a
`Get-AzureVNetConfig | ConvertTo-Json` export, a .netcfg and a REST `VirtualNetworkSites` body) are
alternatives: `Set-AzureVNetConfig` replaces the whole configuration, so the network has the gateway of the
one applied, never the connections of both. ExpressRoute in one and a VPN in the other is no MIG301; the
two describe the network differently (MIG004), and each is checked as it is (MIG302 at the Dedicated
connection). What a script does to the network (a circuit link, a site-to-site gateway or connection) is a
change to the configuration in place: ExpressRoute in a configuration and a VPN a script adds are still
both sides (MIG301).

Which connections and which point-to-site pool a configuration gives the gateway is part of how it
describes the network: an emptied `ConnectionsToLocalNetwork` (the ExpressRoute migration's preparation)
or a pool only one of them has is a difference MIG004 says."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, where

SITES = """\
    <LocalNetworkSites>
      <LocalNetworkSite name="ER-Amsterdam">
        <AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
      </LocalNetworkSite>
      <LocalNetworkSite name="office">
        <AddressSpace><AddressPrefix>172.20.0.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>203.0.113.10</VPNGatewayAddress>
      </LocalNetworkSite>
    </LocalNetworkSites>
"""

EXPRESSROUTE = """\
          <ConnectionsToLocalNetwork>
            <LocalNetworkSiteRef name="ER-Amsterdam">
              <Connection type="Dedicated" />
            </LocalNetworkSiteRef>
          </ConnectionsToLocalNetwork>
"""
IPSEC = EXPRESSROUTE.replace("Dedicated", "IPsec")
EMPTIED = "          <ConnectionsToLocalNetwork>\n          </ConnectionsToLocalNetwork>\n"
POINT_TO_SITE = (
    "          <VPNClientAddressPool><AddressPrefix>172.16.0.0/24</AddressPrefix></VPNClientAddressPool>\n"
)


def _netcfg(gateway: str) -> str:
    """A network configuration whose network `core` has a gateway holding `gateway`."""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">\n'
        "  <VirtualNetworkConfiguration>\n"
        f"{SITES}"
        "    <VirtualNetworkSites>\n"
        '      <VirtualNetworkSite name="core" Location="North Europe">\n'
        "        <AddressSpace><AddressPrefix>10.40.0.0/16</AddressPrefix></AddressSpace>\n"
        "        <Subnets>\n"
        '          <Subnet name="GatewaySubnet"><AddressPrefix>10.40.255.0/28</AddressPrefix></Subnet>\n'
        "        </Subnets>\n"
        "        <Gateway>\n"
        f"{gateway}"
        "        </Gateway>\n"
        "      </VirtualNetworkSite>\n"
        "    </VirtualNetworkSites>\n"
        "  </VirtualNetworkConfiguration>\n"
        "</NetworkConfiguration>\n"
    )


def _export(gateway: str) -> str:
    """The configuration as `Get-AzureVNetConfig | ConvertTo-Json` writes it."""
    return json.dumps(
        {"XMLConfiguration": _netcfg(gateway), "OperationDescription": "Get-AzureVNetConfig"}, indent=2
    )


def _rest_point_to_site() -> str:
    """The network as a REST `VirtualNetworkSites` body gives it: point-to-site clients only."""
    return """\
<VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">
  <VirtualNetworkSite>
    <Name>core</Name>
    <Location>North Europe</Location>
    <AddressSpace><AddressPrefixes><AddressPrefix>10.40.0.0/16</AddressPrefix></AddressPrefixes></AddressSpace>
    <Subnets><Subnet><Name>GatewaySubnet</Name><AddressPrefix>10.40.255.0/28</AddressPrefix></Subnet></Subnets>
    <Gateway>
      <VPNClientAddressPool>
        <AddressPrefixes><AddressPrefix>172.16.0.0/24</AddressPrefix></AddressPrefixes>
      </VPNClientAddressPool>
    </Gateway>
  </VirtualNetworkSite>
</VirtualNetworkSites>
"""


CHECKED = ("MIG004", "MIG301", "MIG302")


@pytest.mark.parametrize(
    ("other_name", "other", "said"),
    [
        (
            "old-vpn.netcfg",
            _netcfg(IPSEC),
            "gateway connections ER-Amsterdam (VPN) / ER-Amsterdam (ExpressRoute)",
        ),
        (
            "p2s-era.netcfg",
            _netcfg(POINT_TO_SITE),
            "gateway connections none / ER-Amsterdam (ExpressRoute); VPN client address pool '172.16.0.0/24' / none",
        ),
        (
            "exported-2015.json",
            _export(POINT_TO_SITE),
            "gateway connections none / ER-Amsterdam (ExpressRoute); VPN client address pool '172.16.0.0/24' / none",
        ),
        (
            "vnets.xml",
            _rest_point_to_site(),
            "gateway connections none / ER-Amsterdam (ExpressRoute); VPN client address pool '172.16.0.0/24' / none",
        ),
    ],
    ids=["ipsec-netcfg", "point-to-site-netcfg", "point-to-site-export", "point-to-site-rest-body"],
)
def test_expressroute_in_one_configuration_and_a_vpn_in_another_is_no_mig301(
    tmp_path, monkeypatch, other_name, other, said
):
    files = {"current.netcfg": _netcfg(EXPRESSROUTE), other_name: other}
    found = lint_files(tmp_path, monkeypatch, files, *CHECKED, dedent=False).findings
    assert sorted(f.code for f in found) == ["MIG004", "MIG302"]
    differ = next(f for f in found if f.code == "MIG004")
    assert differ.location is not None and differ.location.path == other_name
    assert f"{said} (here / there)" in differ.message
    expressroute = next(f for f in found if f.code == "MIG302")
    assert expressroute.location is not None and expressroute.location.path == "current.netcfg"


def test_one_configuration_with_both_is_still_mig301_beside_another_without(tmp_path, monkeypatch):
    files = {"both.netcfg": _netcfg(EXPRESSROUTE + POINT_TO_SITE), "emptied.netcfg": _netcfg(EMPTIED)}
    found = lint_files(tmp_path, monkeypatch, files, "MIG301", dedent=False).findings
    assert where(found) == ["MIG301 both.netcfg:19:9"]
    assert "the gateway of virtual network 'core' has ExpressRoute" in found[0].message


def test_the_configuration_with_both_is_found_when_it_comes_second(tmp_path, monkeypatch):
    files = {"a-emptied.netcfg": _netcfg(EMPTIED), "b-both.netcfg": _netcfg(EXPRESSROUTE + POINT_TO_SITE)}
    found = lint_files(tmp_path, monkeypatch, files, "MIG301", dedent=False).findings
    assert where(found) == ["MIG301 b-both.netcfg:19:9"]


def test_an_emptied_copy_of_the_configuration_differs_from_the_one_with_expressroute(tmp_path, monkeypatch):
    files = {"NetworkConfig.netcfg": _netcfg(EXPRESSROUTE), "emptied.netcfg": _netcfg(EMPTIED)}
    found = lint_files(tmp_path, monkeypatch, files, *CHECKED, dedent=False).findings
    assert where(found) == ["MIG302 NetworkConfig.netcfg:22:15", "MIG004 emptied.netcfg:14:7"]
    assert "gateway connections none / ER-Amsterdam (ExpressRoute) (here / there)" in found[1].message


def test_configurations_that_agree_on_the_gateway_do_not_differ(tmp_path, monkeypatch):
    files = {
        "a.netcfg": _netcfg(EXPRESSROUTE + POINT_TO_SITE),
        "b.json": _export(POINT_TO_SITE + EXPRESSROUTE),
    }
    found = lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False).findings
    assert found == []


# A VPN a script adds to the network, in each language that can: the change applies to whichever
# configuration the network has, so the one with ExpressRoute has both.
SCRIPTED_VPN = {
    "coexist.ps1": "New-AzureVirtualNetworkGateway -VNetName 'core' -GatewayName S2SVPN -GatewayType DynamicRouting\n",
    "connect.ps1": "Set-AzureVNetGateway -Connect -VNetName 'core' -LocalNetworkSiteName 'office'\n",
    "connect.sh": "azure network vnet local-network add core office\n",
}


@pytest.mark.parametrize("script", sorted(SCRIPTED_VPN))
def test_a_vpn_a_script_adds_beside_expressroute_in_one_of_two_configurations_is_mig301(
    tmp_path, monkeypatch, script
):
    files = {
        "current.netcfg": _netcfg(EXPRESSROUTE),
        "emptied.netcfg": _netcfg(EMPTIED),
        script: SCRIPTED_VPN[script],
    }
    found = lint_files(tmp_path, monkeypatch, files, "MIG301", dedent=False).findings
    assert where(found) == [f"MIG301 {script}:1:1"]
    assert "to 'ER-Amsterdam', in current.netcfg" in found[0].message


def test_a_circuit_link_a_script_adds_beside_a_vpn_in_one_of_two_configurations_is_mig301(
    tmp_path, monkeypatch
):
    script = (
        "import requests\n"
        "BASE = 'https://management.core.windows.net/00000000-0000-0000-0000-000000000000'\n"
        "requests.put(BASE + '/services/networking/dedicatedcircuits/aaaa-bbbb/vnets/core')\n"
    )
    files = {"vpn.netcfg": _netcfg(POINT_TO_SITE), "emptied.netcfg": _netcfg(EMPTIED), "link.py": script}
    found = lint_files(tmp_path, monkeypatch, files, "MIG301", dedent=False).findings
    assert [f.code for f in found] == ["MIG301"]
    assert "point-to-site VPN clients, in vpn.netcfg" in found[0].message
