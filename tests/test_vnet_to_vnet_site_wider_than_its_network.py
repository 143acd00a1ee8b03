"""Two virtual networks joined VNet-to-VNet, each local site written wider than the network it stands for
(a /24 for a /25, as network configurations often have it): what a site holds beyond its network is reached
through that network's gateway, so neither network reaches on-premises, and MIG305 (transit) has no
on-premises connectivity to report lost. A hub that also connects to an office still carries a spoke's
transit, and the hub's own site for the spoke does not make the spoke a hub in turn."""

from __future__ import annotations

from lint_support import lint_files


def _netcfg(sites: str, networks: str) -> str:
    return f"""\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
{sites}    </LocalNetworkSites>
    <VirtualNetworkSites>
{networks}    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def _site(name: str, *prefixes: str) -> str:
    space = "".join(f"<AddressPrefix>{p}</AddressPrefix>" for p in prefixes)
    return (
        f'      <LocalNetworkSite name="{name}"><AddressSpace>{space}</AddressSpace>'
        "<VPNGatewayAddress>203.0.113.10</VPNGatewayAddress></LocalNetworkSite>\n"
    )


def _network(name: str, prefix: str, *sites: str) -> str:
    refs = "".join(
        f'<LocalNetworkSiteRef name="{s}"><Connection type="IPsec"/></LocalNetworkSiteRef>' for s in sites
    )
    return (
        f'      <VirtualNetworkSite name="{name}" Location="West Europe">'
        f"<AddressSpace><AddressPrefix>{prefix}</AddressPrefix></AddressSpace>"
        f"<Gateway><ConnectionsToLocalNetwork>{refs}</ConnectionsToLocalNetwork></Gateway>"
        "</VirtualNetworkSite>\n"
    )


PAIR = _netcfg(
    _site("east-site", "192.168.0.0/24") + _site("west-site", "10.0.0.0/24"),
    _network("east", "192.168.0.0/25", "west-site") + _network("west", "10.0.0.0/25", "east-site"),
)


def test_a_vnet_to_vnet_pair_with_wider_sites_is_no_transit(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": PAIR}, "MIG305")
    assert result.findings == []


def test_a_hub_that_also_reaches_an_office_still_carries_the_spoke_s_transit(tmp_path, monkeypatch):
    """The hub connects to the spoke by a site wider than the spoke, and to the office: the spoke's site
    aggregates the hub and the office, so the spoke reaches on-premises through the hub."""
    netcfg = _netcfg(
        _site("office", "172.16.0.0/16")
        + _site("spoke-site", "192.168.0.0/24")
        + _site("hub-and-office", "10.0.0.0/24", "172.16.0.0/16"),
        _network("spoke", "192.168.0.0/25", "hub-and-office")
        + _network("hub", "10.0.0.0/25", "spoke-site", "office"),
    )
    result = lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": netcfg}, "MIG305")
    assert [(f.code, f.resource_name) for f in result.findings] == [("MIG305", "spoke")]


def test_networks_whose_only_sites_stand_for_each_other_reach_no_on_premises(tmp_path, monkeypatch):
    """Each network's one site holds the other's range and more (one of them a second, unrelated range):
    whatever the sites hold beyond the networks is reached through the other network, so neither reaches
    on-premises of its own."""
    netcfg = _netcfg(
        _site("spoke-wide", "192.168.0.0/16") + _site("hub-and-more", "10.0.0.0/24", "172.16.0.0/16"),
        _network("spoke", "192.168.0.0/25", "hub-and-more") + _network("hub", "10.0.0.0/25", "spoke-wide"),
    )
    result = lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": netcfg}, "MIG305")
    assert result.findings == []


def test_the_plan_says_the_pair_becomes_two_vnet2vnet_connections(plan_of):
    plan = plan_of({"NetworkConfig.netcfg": PAIR})
    moves = [m for step in plan.steps for m in step.moves if "connection" in m]
    becomes = [b for step in plan.steps for b in step.becomes if "connection" in b]
    assert moves == [
        "its VNet-to-VNet connection to virtual network 'west' (local network site 'west-site')",
        "its VNet-to-VNet connection to virtual network 'east' (local network site 'east-site')",
    ]
    assert all(b.startswith("a connection of type Vnet2Vnet to ") for b in becomes) and len(becomes) == 2


def _rest_network(name: str, prefix: str, site: str, site_prefix: str) -> str:
    return (
        f"<VirtualNetworkSite><Name>{name}</Name><Location>West Europe</Location>"
        f"<AddressSpace><AddressPrefixes><AddressPrefix>{prefix}</AddressPrefix></AddressPrefixes></AddressSpace>"
        f"<Gateway><Sites><LocalNetworkSite><Name>{site}</Name><AddressSpace><AddressPrefixes>"
        f"<AddressPrefix>{site_prefix}</AddressPrefix></AddressPrefixes></AddressSpace><Connections><Connection>"
        "<Type>IPsec</Type></Connection></Connections></LocalNetworkSite></Sites></Gateway></VirtualNetworkSite>\n"
    )


def test_the_same_pair_in_a_rest_body_is_no_transit(tmp_path, monkeypatch):
    body = (
        '<VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">\n'
        + _rest_network("east", "192.168.0.0/25", "west-site", "10.0.0.0/24")
        + _rest_network("west", "10.0.0.0/25", "east-site", "192.168.0.0/24")
        + "</VirtualNetworkSites>\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"vnets.xml": body}, "MIG305")
    assert result.findings == []
