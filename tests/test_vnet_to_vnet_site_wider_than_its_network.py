"""Two virtual networks joined VNet-to-VNet, each local site written wider than the network it stands for
(a /24 for a /25, as network configurations often have it): what a site holds beyond its network is reached
through that network's gateway, so neither network reaches on-premises, and MIG305 (transit) has no
on-premises connectivity to report lost. A hub that also connects to an office still carries a spoke's
transit, and the hub's own site for the spoke does not make the spoke a hub in turn."""

from __future__ import annotations

import pytest
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


# --- a spoke's site for its hub written wide: transit only if it holds what the hub reaches ---------------

HQ_HUB_AND_SPOKE = (
    _site("HQ", "192.168.0.0/16") + _site("NetB-site", "172.20.0.0/16"),
    _network("NetA", "10.1.0.0/16", "NetB-site", "HQ"),
)


def _hub_and_spoke(*spoke_site: str) -> str:
    sites, hub = HQ_HUB_AND_SPOKE
    return _netcfg(
        sites + _site("NetA-site", *spoke_site), hub + _network("NetB", "172.20.0.0/16", "NetA-site")
    )


def test_a_spoke_s_site_for_the_hub_written_as_10_slash_8_is_no_transit(tmp_path, monkeypatch):
    """NetB's site for NetA is the usual 10.0.0.0/8: it holds NetA's range and addresses of no network,
    but not HQ, the one office NetA reaches. The gateway guide's transit site aggregates "both the
    connected VNet and on-premises address space": this one is a plain VNet-to-VNet connection."""
    netcfg = _hub_and_spoke("10.0.0.0/8")
    result = lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": netcfg}, "MIG305")
    assert result.findings == []


def test_the_same_wide_site_holding_the_office_too_is_transit(tmp_path, monkeypatch):
    netcfg = _hub_and_spoke("10.0.0.0/8", "192.168.0.0/16")
    result = lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": netcfg}, "MIG305")
    assert [(f.code, f.resource_name) for f in result.findings] == [("MIG305", "NetB")]
    assert "local network site 'NetA-site'" in result.findings[0].message


def test_a_wide_site_holding_part_of_the_office_is_transit(tmp_path, monkeypatch):
    """The office is inside the site's wide range (HQ's 10.200.0.0/16 within 10.0.0.0/8)."""
    netcfg = _hub_and_spoke("10.0.0.0/8").replace("192.168.0.0/16", "10.200.0.0/16")
    result = lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": netcfg}, "MIG305")
    assert [f.resource_name for f in result.findings] == ["NetB"]


def test_a_wide_site_for_a_hub_with_expressroute_is_transit(tmp_path, monkeypatch):
    """What an ExpressRoute circuit reaches on-premises is announced by BGP, not written in the files: any
    address of no network the site holds may be one of them."""
    netcfg = _hub_and_spoke("10.0.0.0/8").replace(
        '<LocalNetworkSiteRef name="HQ"><Connection type="IPsec"/>',
        '<LocalNetworkSiteRef name="HQ"><Connection type="Dedicated"/>',
    )
    result = lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": netcfg}, "MIG305")
    assert [f.resource_name for f in result.findings] == ["NetB"]


def test_the_wide_site_is_no_transit_in_a_rest_body_either(tmp_path, monkeypatch):
    def network(name: str, prefix: str, *sites: tuple[str, str]) -> str:
        listed = "".join(
            f"<LocalNetworkSite><Name>{site}</Name><AddressSpace><AddressPrefixes><AddressPrefix>{space}"
            "</AddressPrefix></AddressPrefixes></AddressSpace><Connections><Connection><Type>IPsec</Type>"
            "</Connection></Connections></LocalNetworkSite>"
            for site, space in sites
        )
        return (
            f"<VirtualNetworkSite><Name>{name}</Name><Location>West Europe</Location><AddressSpace>"
            f"<AddressPrefixes><AddressPrefix>{prefix}</AddressPrefix></AddressPrefixes></AddressSpace>"
            f"<Gateway><Sites>{listed}</Sites></Gateway></VirtualNetworkSite>\n"
        )

    body = (
        '<VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">\n'
        + network("NetA", "10.1.0.0/16", ("NetB-site", "172.20.0.0/16"), ("HQ", "192.168.0.0/16"))
        + network("NetB", "172.20.0.0/16", ("NetA-site", "10.0.0.0/8"))
        + "</VirtualNetworkSites>\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"vnets.xml": body}, "MIG305")
    assert result.findings == []


VM_WITH_EXTENSIONS_IN_NETB = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>svc</Name>
  <RoleList><Role><RoleName>vm1</RoleName><RoleType>PersistentVMRole</RoleType>
    <ResourceExtensionReferences>
      <ResourceExtensionReference><ReferenceName>cse</ReferenceName><Publisher>Microsoft.Compute</Publisher>
        <Name>CustomScriptExtension</Name><Version>1.*</Version><State>Enable</State></ResourceExtensionReference>
      <ResourceExtensionReference><ReferenceName>asc</ReferenceName>
        <Publisher>Microsoft.Azure.Security.Monitoring</Publisher><Name>AzureSecurityWindowsAgent</Name>
        <Version>1.*</Version><State>Enable</State></ResourceExtensionReference>
    </ResourceExtensionReferences>
  </Role></RoleList>
  <VirtualNetworkName>NetB</VirtualNetworkName>
</Deployment>
"""


@pytest.mark.parametrize(
    ("spoke_site", "in_transit"), [(("10.0.0.0/8",), False), (("10.0.0.0/8", "192.168.0.0/16"), True)]
)
def test_a_vm_behind_the_wide_site_keeps_its_way_to_azure(tmp_path, monkeypatch, spoke_site, in_transit):
    """MIG210 (extensions cut off) and MIG207's transit wording follow the same site."""
    files = {"NetworkConfig.netcfg": _hub_and_spoke(*spoke_site), "vm.xml": VM_WITH_EXTENSIONS_IN_NETB}
    result = lint_files(tmp_path, monkeypatch, files, "MIG207", "MIG210")
    codes = sorted(f.code for f in result.findings)
    assert codes == (["MIG207", "MIG210"] if in_transit else ["MIG207"])
    [mig207] = [f for f in result.findings if f.code == "MIG207"]
    assert ("in transit" in mig207.message) is in_transit


def test_the_plan_keeps_the_spoke_s_route_when_its_wide_site_is_no_transit(plan_of):
    plan = plan_of({"NetworkConfig.netcfg": _hub_and_spoke("10.0.0.0/8")})
    [spoke] = [step for step in plan.steps if step.name == "NetB"]
    assert "route to on-premises" not in spoke.downtime
    assert not any("route to on-premises" in b for b in spoke.becomes)
    assert any(b.startswith("a connection of type Vnet2Vnet to 'NetA'") for b in spoke.becomes)


def test_a_wide_site_for_a_hub_whose_office_a_script_leaves_unstated_is_transit(tmp_path, monkeypatch):
    """The script uploads the configuration with one of HQ's prefixes read from the environment: the
    wide site may hold it, so it may be transit, as before the hub's ranges were compared."""
    netcfg = _hub_and_spoke("10.0.0.0/8").replace(
        "<AddressPrefix>192.168.0.0/16</AddressPrefix>",
        "<AddressPrefix>192.168.0.0/16</AddressPrefix><AddressPrefix>{office}</AddressPrefix>",
    )
    script = (
        "import os\n"
        "from azure.servicemanagement import ServiceManagementService\n"
        "sms = ServiceManagementService('sub', 'cert.pem')\n"
        "office = os.environ['OFFICE']\n"
        f'sms.perform_put("/sub/services/networking/media", f"""{netcfg}""")\n'
    )
    result = lint_files(tmp_path, monkeypatch, {"network.py": script}, "MIG305", dedent=False)
    assert [f.resource_name for f in result.findings] == ["NetB"]
    stated = script.replace("<AddressPrefix>{office}</AddressPrefix>", "")
    result = lint_files(tmp_path, monkeypatch, {"network.py": stated}, "MIG305", dedent=False)
    assert result.findings == []


# --- a pair whose prefixes MIG304 reports, but which still denote ranges -------------------------------------

# (the east network's range, the site that stands for it), then the same for west: leading zeros, host bits
# set, and a zero-padded octet MIG304's fix reads as decimal (`010` is 10, as the classic platform read it).
LOOSE_PAIRS = {
    "leading zeros": (("192.168.0.00/25", "192.168.0.00/24"), ("10.0.0.00/25", "10.0.0.00/24")),
    "host bits": (("192.168.0.0/25", "192.168.0.1/24"), ("10.0.0.5/25", "10.0.0.0/24")),
    "octal-looking octet": (("192.168.010.0/25", "192.168.10.0/24"), ("10.0.0.0/25", "10.000.0.0/24")),
}


@pytest.mark.parametrize("case", LOOSE_PAIRS)
def test_a_pair_with_loose_prefixes_is_paired_by_the_ranges_they_denote(plan_of, case):
    (east, east_site), (west, west_site) = LOOSE_PAIRS[case]
    netcfg = _netcfg(
        _site("east-site", east_site) + _site("west-site", west_site),
        _network("east", east, "west-site") + _network("west", west, "east-site"),
    )
    plan = plan_of({"NetworkConfig.netcfg": netcfg})
    moves = [m for step in plan.steps for m in step.moves if "connection" in m]
    becomes = [b for step in plan.steps for b in step.becomes if "connection" in b]
    assert moves == [
        "its VNet-to-VNet connection to virtual network 'west' (local network site 'west-site')",
        "its VNet-to-VNet connection to virtual network 'east' (local network site 'east-site')",
    ]
    assert all(b.startswith("a connection of type Vnet2Vnet to ") for b in becomes) and len(becomes) == 2
    assert not any("local network gateway for" in b and "without" not in b for b in becomes)


def test_a_rest_body_s_pair_with_leading_zeros_is_vnet_to_vnet_too(plan_of):
    body = (
        '<VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">\n'
        + _rest_network("east", "192.168.0.00/25", "west-site", "10.0.0.00/24")
        + _rest_network("west", "10.0.0.00/25", "east-site", "192.168.0.00/24")
        + "</VirtualNetworkSites>\n"
    )
    plan = plan_of({"vnets.xml": body})
    moves = [m for step in plan.steps for m in step.moves if "connection" in m]
    assert all(m.startswith("its VNet-to-VNet connection to virtual network ") for m in moves) and moves


def test_a_prefix_that_denotes_no_range_still_leaves_the_site_on_premises(plan_of):
    netcfg = _netcfg(
        _site("east-site", "192.168.0.0/24") + _site("west-site", "10.0.0.256/24"),
        _network("east", "192.168.0.0/25", "west-site") + _network("west", "10.0.0.0/25", "east-site"),
    )
    plan = plan_of({"NetworkConfig.netcfg": netcfg})
    moves = [m for step in plan.steps for m in step.moves if "connection" in m]
    assert "its site-to-site VPN connection to local network site 'west-site'" in moves
