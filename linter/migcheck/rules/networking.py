"""Rules about virtual networks and their gateways: ExpressRoute and VPN, gateway connections that are down,
affinity groups, and address prefixes that Resource Manager's stricter CIDR check would reject."""

from __future__ import annotations

import bisect
import ipaddress
import itertools
import re
from collections.abc import Iterable, Iterator

from migcheck.automation import CIRCUIT_LINK_REQUEST, SITE_CONNECTS, SITE_KEYS, VPN_SITE_EVIDENCE
from migcheck.estate import (
    CloudService,
    Estate,
    Network,
    ScriptedGateway,
    join_key,
    key,
    named,
    network_of_connections_file,
    region_name,
)
from migcheck.formats import is_script
from migcheck.inventory_model import CircuitLink
from migcheck.model import (
    AddressPrefix,
    AffinityGroupRegion,
    AttributeMark,
    ConnectionState,
    Edit,
    FileKind,
    Finding,
    Fix,
    Gateway,
    GatewayConnection,
    LocalNetworkSite,
    Mark,
    NameRef,
    NetworkConfiguration,
    Part,
    Role,
    Severity,
    Subnet,
    Together,
    VirtualMachine,
    VirtualNetwork,
    VnetGatewayFact,
    is_placeholder,
    record,
)
from migcheck.quoting import ps_quoted
from migcheck.retirements import BASIC_SKU, LEGACY_GATEWAY_SKUS, NON_ZONAL_GATEWAY_SKUS, VPN_GATEWAY_SKU
from migcheck.rule import Docs, Example, Rule, Scope, Stage, listed
from migcheck.rules.cloud_services import folder_grouping_note
from migcheck.rules.inventory import network_subscription
from migcheck.rules.reach import DOTTED, Reach, canonical_prefix, denoted_range
from migcheck.wording import Tool


def _netcfg(sites: str) -> str:
    """A network configuration holding `sites` (VirtualNetworkSite elements), for the examples."""
    return (
        '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">\n'
        "  <VirtualNetworkConfiguration>\n"
        "    <VirtualNetworkSites>\n"
        f"{sites}"
        "    </VirtualNetworkSites>\n"
        "  </VirtualNetworkConfiguration>\n"
        "</NetworkConfiguration>\n"
    )


def _netcfg_with_sites(local_sites: str, sites: str) -> str:
    """A network configuration holding `local_sites` (LocalNetworkSite elements) and `sites`."""
    return (
        '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">\n'
        "  <VirtualNetworkConfiguration>\n"
        "    <LocalNetworkSites>\n"
        f"{local_sites}"
        "    </LocalNetworkSites>\n"
        "    <VirtualNetworkSites>\n"
        f"{sites}"
        "    </VirtualNetworkSites>\n"
        "  </VirtualNetworkConfiguration>\n"
        "</NetworkConfiguration>\n"
    )


def _vpn_kinds(gateway: Gateway, peer_sites: frozenset[str] = frozenset()) -> list[str]:
    """How the gateway does VPN, in words: site-to-site connections, VNet-to-VNet ones (to the sites whose
    keys are `peer_sites`, which stand for other virtual networks) and a point-to-site client pool."""
    kinds = [
        f"VNet-to-VNet VPN through local network site '{c.local_site}'"
        if key(c.local_site) in peer_sites
        else f"site-to-site VPN to '{c.local_site}'"
        for c in gateway.connections
        if c.type.lower() != "dedicated"
    ]
    if gateway.client_address_pool:
        kinds.append("point-to-site VPN clients")
    return kinds


# What each script call says of a network's gateway, in words (see `VnetGatewayFact.how`).
_CALL_WORDS = {
    "New-AzureDedicatedCircuitLink": "a circuit link",
    CIRCUIT_LINK_REQUEST: "a circuit link",
    "New-AzureVirtualNetworkGateway": "a site-to-site VPN gateway",
    **dict.fromkeys(SITE_CONNECTS, "a site-to-site VPN connection"),
    **dict.fromkeys(SITE_KEYS, "the shared key of a site-to-site VPN connection"),
}


def _scripted(facts: list[VnetGatewayFact], peer_sites: frozenset[str] = frozenset()) -> str:
    """The first of a network's script calls on one side, in words, with where it is, and how many more
    there are: "a site-to-site VPN gateway by New-AzureVirtualNetworkGateway at coexist.ps1:3". A connection
    to a site that stands for another virtual network (`peer_sites`) is said as VNet-to-VNet."""
    first = facts[0]
    words = _CALL_WORDS.get(first.how, "a gateway change")
    if first.how in VPN_SITE_EVIDENCE and key(first.local_site) in peer_sites:
        words = words.replace("site-to-site", "VNet-to-VNet")
        words += f" through local network site {listed([first.local_site])}"
    elif first.local_site:
        words += f" to {listed([first.local_site])}"
    more = len(facts) - 1
    tail = f" and {more} more {'call' if more == 1 else 'calls'}" if more else ""
    return f"{words} by {first.how} at {first.mark.path}:{first.mark.line}{tail}"


def _sides(
    gateway: Gateway | None,
    facts: tuple[VnetGatewayFact, ...],
    exported: list[CircuitLink],
    peer_sites: frozenset[str] = frozenset(),
) -> tuple[list[str], list[str]]:
    """Where a network's ExpressRoute and its VPN come from, in words: its gateway in a network configuration
    or REST body (its VNet-to-VNet connections to `peer_sites` said as such), the script calls that add to
    it, and the export of circuit links that lists it (when nothing else shows its ExpressRoute: `exported`
    is then the network's links in that export)."""
    expressroute: list[str] = []
    vpn: list[str] = []
    if gateway is not None and gateway.has_expressroute:
        circuits = [c for c in gateway.connections if c.is_expressroute]
        expressroute.append(f"to {listed(c.local_site for c in circuits)}, in {_files(circuits)}")
    if gateway is not None and gateway.has_vpn:
        vpn.append(f"{' and '.join(_vpn_kinds(gateway, peer_sites))}, in {_files(_vpn_facts(gateway))}")
    linked = [f for f in facts if f.is_expressroute]
    # Connecting the gateway to a site connects it as the configuration types it: a Dedicated site is
    # ExpressRoute, not a VPN.
    dedicated = {key(c.local_site) for c in gateway.connections if c.is_expressroute} if gateway else set()
    added = [f for f in facts if f.is_vpn and key(f.local_site) not in dedicated]
    expressroute += [_scripted(linked)] if linked else []
    expressroute += [_exported(exported)] if exported and not expressroute else []
    vpn += [_scripted(added, peer_sites)] if added else []
    return expressroute, vpn


def _exported(links: list[CircuitLink]) -> str:
    """A network's links in an export of circuit links, in words: "a circuit link in the export links.json"."""
    return f"a circuit link in the export {links[0].mark.path}"


def _exported_links(estate: Estate) -> dict[str, list[CircuitLink]]:
    """The links to a classic circuit that an export of circuit links (`Get-AzureDedicatedCircuitLink |
    ConvertTo-Json`) lists, by the key of the network each links, in this subscription: as a script's circuit
    link does, each makes the network's gateway an ExpressRoute one. Built once per check, so that the cost
    stays linear in networks and links."""
    links: dict[str, list[CircuitLink]] = {}
    for link in estate.circuit_links():
        if link.linked:
            links.setdefault(key(link.vnet), []).append(link)
    return links


def _vpn_facts(gateway: Gateway) -> list[GatewayConnection | AddressPrefix]:
    """What makes a gateway a VPN gateway: its site-to-site connections and its client pool."""
    return [*(c for c in gateway.connections if not c.is_expressroute), *gateway.client_address_pool]


def unstated_gateway(estate: Estate, network: Network | ScriptedGateway | str) -> VnetGatewayFact | None:
    """The gateway a script creates for `network` (its first `New-AzureVNetGateway`), when no
    file checked states what the gateway serves: the network's gateway in a network configuration or REST
    body has no connection and no client pool, no script links a circuit to it or connects it to a local
    site (nor disconnects it from one: see `Estate.disconnections`), and no export of circuit links lists
    the network. A classic network has one gateway, ExpressRoute
    or VPN by what connects to it; whatever states that joins with the created gateway, and makes it no
    longer unstated. None when the files state the kind, or no script creates the gateway.

    A site-to-site gateway created beside it (`New-AzureVirtualNetworkGateway`) is another gateway: it
    leaves this one's kind unstated (the ExpressRoute coexistence setup makes it beside an ExpressRoute
    gateway, but the files do not show the circuit)."""
    scripted = estate.scripted_gateway(network)
    facts = scripted.facts if scripted is not None else ()
    created = [f for f in facts if f.creates_gateway]
    if not created or any(f.is_expressroute or f.how in VPN_SITE_EVIDENCE for f in facts):
        return None
    if estate.disconnections(network):  # a site-to-site connection the script disconnects
        return None
    name = network if isinstance(network, str) else network.name
    defined = estate.virtual_network(name)
    gateway = defined.gateway if defined is not None else None
    if gateway is not None and (gateway.connections or gateway.client_address_pool):
        return None
    if any(link.linked and key(link.vnet) == key(name) for link in estate.circuit_links()):
        return None
    return created[0]


def created_words(created: VnetGatewayFact) -> str:
    """How a script creates a gateway, in words: "New-AzureVNetGateway, DynamicRouting, SKU HighPerformance"."""
    said = [created.how]
    said += [created.gateway_type] if created.gateway_type else []
    said += [f"SKU {created.sku}"] if created.sku else []
    return ", ".join(said)


def check_unstated_gateway(network: str) -> str:
    """How to find what a gateway serves before migrating its network (the ExpressRoute migration's
    preparation starts from the exported network configuration)."""
    return (
        f"Get-AzureVNetGateway -VNetName {_quoted(network)}, and the network's ConnectionsToLocalNetwork in "
        "Get-AzureVNetConfig -ExportToFile (a Dedicated connection is ExpressRoute)"
    )


def _quoted(name: str) -> str:
    """A name as a PowerShell argument: single-quoted, quotes doubled."""
    return "'" + name.replace("'", "''") + "'"


def _files(facts: Iterable[GatewayConnection | AddressPrefix]) -> str:
    """The files that state `facts`, once each, in order: the descriptions of one network's gateway may
    be several (a network configuration and a REST body), each stating a part of it."""
    return ", ".join(dict.fromkeys(fact.mark.path for fact in facts))


def _stated_in_one_file(gateway: Gateway) -> bool:
    """Whether one file states the whole gateway (not a gateway merged from several descriptions)."""
    paths = {gateway.mark.path}
    paths.update(c.mark.path for c in gateway.connections)
    paths.update(p.mark.path for p in gateway.client_address_pool)
    return len(paths) == 1


def _configured_gateways(network: Network) -> tuple[Gateway | None, ...]:
    """The network's gateway as each description of it states it, for MIG301. Each is a whole
    configuration (a network configuration, an export of one, a REST `VirtualNetworkSites` body):
    `Set-AzureVNetConfig` replaces the whole configuration, so two that state the gateway differently are
    alternatives, and neither has what only the other states (MIG004 says they differ). What scripts do
    to the network (a circuit link, a connection) is a change to the configuration in place: it joins
    each of them. A network one file describes has that file's gateway."""
    if len(network.definitions) < 2:
        return (network.gateway,)
    # Descriptions that state one gateway alike are checked once: many copies of one network stay linear.
    return tuple(dict.fromkeys(v.gateway for v in network.definitions))


def _first_per_script(facts: Iterable[VnetGatewayFact]) -> list[VnetGatewayFact]:
    """The first of `facts` each script states."""
    first: dict[str, VnetGatewayFact] = {}
    for fact in facts:
        first.setdefault(fact.mark.path, fact)
    return list(first.values())


_SCRIPTED_VPN_FIX = (
    "Remove the VPN side before migrating: delete the site-to-site gateway and connections the script sets "
    "up beside ExpressRoute (Remove-AzureVirtualNetworkGateway) and take those calls out of the script; "
    "recreate the VPN in Resource Manager afterwards as a gateway beside the ExpressRoute one, on a current "
    "SKU with a Standard SKU public IP."
)


_SCRIPTED_LINK_FIX = (
    "Move the ExpressRoute circuit to Resource Manager with classic operations allowed before migrating this "
    "virtual network, and empty the network's ConnectionsToLocalNetwork in its network configuration "
    "(Set-AzureVNetConfig); if the circuit is in another subscription, remove the circuit link "
    "(Remove-AzureDedicatedCircuitLink) first and link the migrated network again afterwards."
)
# The same, where an export or the script shows the circuit in Resource Manager already.
_UNSTATED_GATEWAY_FIX = (
    "Find what the gateway serves before migrating: export the network configuration "
    "(Get-AzureVNetConfig -ExportToFile) and read the network's ConnectionsToLocalNetwork, and add the export "
    "to the files checked. A Dedicated connection is ExpressRoute (IPsec, or no type, a site-to-site VPN): "
    "move its circuit to Resource Manager with "
    "classic operations allowed and empty the network's ConnectionsToLocalNetwork (Set-AzureVNetConfig) "
    "before Validate. A VPN gateway migrates with the network."
)
_MOVED_LINK_FIX = (
    "Empty the network's ConnectionsToLocalNetwork in its network configuration (Set-AzureVNetConfig) before "
    "migrating it; if the circuit is in another subscription, remove the circuit link "
    "(Remove-AzureDedicatedCircuitLink) first and link the migrated network again afterwards."
)


def _coexistence_script(vnet: str) -> str:
    """The coexistence steps of the ExpressRoute documentation, after the network configuration gives the
    gateway its `Dedicated` connection: an ExpressRoute gateway, its circuit link, a site-to-site gateway
    beside it and that gateway's connection to the office."""
    return f"""\
        param([string] $ServiceKey, [string] $SharedKey)
        New-AzureVNetGateway -VNetName {vnet} -GatewayType DynamicRouting -GatewaySKU HighPerformance
        New-AzureDedicatedCircuitLink -ServiceKey $ServiceKey -VNetName {vnet}
        New-AzureVirtualNetworkGateway -VNetName {vnet} -GatewayName S2SVPN -GatewayType DynamicRouting -GatewaySKU HighPerformance
        $office = New-AzureLocalNetworkGateway -GatewayName MyLocalNetwork -IpAddress 203.0.113.10 -AddressSpace 192.168.0.0/24
        $vpn = Get-AzureVirtualNetworkGateway | Where-Object GatewayName -eq S2SVPN
        New-AzureVirtualNetworkGatewayConnection -connectedEntityId $office.GatewayId -gatewayConnectionName ToOffice `
            -gatewayConnectionType IPsec -sharedKey $SharedKey -virtualNetworkGatewayId $vpn.GatewayId
        """


def _in_cli_network_words(fix: str) -> str:
    """A fix that changes the network configuration with PowerShell, in the classic CLI's words: the CLI
    downloads the whole configuration and uploads it again, as the cmdlets do."""
    return fix.replace("(Get-AzureVNetConfig -ExportToFile)", "(`azure network export <file>`)").replace(
        "(Set-AzureVNetConfig)", "(`azure network export <file>`, then `azure network import <file>`)"
    )


def _in_request_words(fix: str) -> str:
    """The same, in the words of a script that sends the API's requests: Get Network Configuration and
    Set Network Configuration, the operations the cmdlets send."""
    media = "`.../services/networking/media`"
    unlink = "(a DELETE of `.../services/networking/dedicatedcircuits/<service key>/vnets/<network>`)"
    return (
        fix.replace("(Get-AzureVNetConfig -ExportToFile)", f"(a GET of {media})")
        .replace("(Set-AzureVNetConfig)", f"(a GET of {media}, then a PUT of it changed)")
        .replace("(Remove-AzureDedicatedCircuitLink)", unlink)
    )


_CLI_SCRIPTED_VPN_FIX = _SCRIPTED_VPN_FIX.replace(
    "(Remove-AzureVirtualNetworkGateway)",
    "(`azure network vnet local-network remove <network> <site>` for each connection, then `azure network "
    "vpn-gateway delete <network>`)",
)


class _PeerSites:
    """The local sites of a network's VPN connections that stand for other virtual networks (VNet-to-VNet),
    by their keys; the ranges of the estate are indexed (`Reach`) only when a network is asked about."""

    def __init__(self, estate: Estate) -> None:
        self._estate = estate
        self._reach: Reach | None = None

    def of(self, network: Network | ScriptedGateway) -> frozenset[str]:
        if not isinstance(network, Network) or not network.vpn_sites:
            return frozenset()
        if self._reach is None:
            self._reach = Reach(self._estate)
        reach = self._reach
        return frozenset(key(s.name) for s in network.vpn_sites if reach.stands_for_another(s, network))


class ExpressRouteAndVpnGateway(Rule):
    code = "MIG301"
    name = "expressroute-and-vpn-gateway"
    severity = Severity.ERROR
    scope = Scope.VIRTUAL_NETWORKS
    found_at = Stage.PREPARE
    looks_at = frozenset({Gateway, VnetGatewayFact, CircuitLink})
    fix_in = {_SCRIPTED_VPN_FIX: {Tool.CLASSIC_CLI: _CLI_SCRIPTED_VPN_FIX}}
    summary = "A virtual network's gateway carries both ExpressRoute and VPN connections."
    fix_hint = (
        "Remove the VPN side (IPsec connections and the VPN client address pool) from the gateway before "
        "migrating; recreate the VPN in Resource Manager afterwards as a gateway beside the ExpressRoute one, "
        f"on {VPN_GATEWAY_SKU} with a Standard SKU public IP."
    )
    source = (
        "VPN Gateway classic to Resource Manager migration — scenarios that aren't supported: VNet with both "
        "an ExpressRoute gateway and a VPN gateway."
    )
    docs = Docs(
        what="A virtual network with ExpressRoute and also a VPN. ExpressRoute: a `Gateway` connection of "
        'type `Dedicated` (`Connection type="Dedicated"`) in a network configuration or a REST '
        "`VirtualNetworkSites` body, a PowerShell script that links a circuit to the network "
        "(`New-AzureDedicatedCircuitLink -VNetName`), or an export of circuit links that lists the network "
        "(`Get-AzureDedicatedCircuitLink | ConvertTo-Json`, a link whose `State` is not `Deprovisioned`). "
        "VPN: a site-to-site connection of the gateway (`IPsec`, the default when no type is written) or "
        "a point-to-site `VPNClientAddressPool` (an IPsec connection to a local site that holds, or lies in, the "
        "range of another virtual network of the files is one side of a VNet-to-VNet connection, said as such, "
        "whether a file or a script's connect makes it: it takes a VPN gateway all the same), or a script that creates a site-to-site gateway beside the ExpressRoute one "
        "(`New-AzureVirtualNetworkGateway -VNetName`: the coexistence setup, which no network configuration "
        "can express), connects the gateway to a local site (`Set-AzureVNetGateway -Connect`) or sets the "
        "shared key of such a connection (`Set-AzureVNetGatewayKey`, which only an IPsec connection has). Both "
        "sides must be in one description of the network (a network configuration, an export of one, a REST "
        "body), with what scripts and exports of circuit links add to it: two descriptions are alternatives, "
        "since applying one (`Set-AzureVNetConfig`) replaces the other, so ExpressRoute in one and a VPN in "
        "the other is no finding here (MIG004 says they differ). Each network is reported once. The finding points at the `Gateway` "
        "element when the network configuration alone shows both; otherwise at the first script call that "
        "adds the side the configuration lacks (the VPN call when it shows neither), or at the network's "
        "first link in the export when only the export shows its ExpressRoute. Scripts count only "
        "where they name the network by a value they state, outside Resource Manager mode and without "
        "`-ResourceGroupName`; a circuit link that a later `Remove-AzureDedicatedCircuitLink` of the same "
        "network surely removes does not count. The network's gateway a script creates "
        "(`New-AzureVNetGateway`) is neither side: a classic network's gateway serves ExpressRoute or VPN by "
        "what connects to it, and the ExpressRoute documentation creates its ExpressRoute gateway with that "
        "call (MIG302 says what such a gateway may be when nothing else does).",
        why="The platform migrates VPN gateways and ExpressRoute gateways, but not both on one virtual network. "
        "The Validate operation does not check this: the prepare step is where such a network fails.",
        fix="Before migrating, take the VPN off the gateway: delete the `IPsec` `LocalNetworkSiteRef` "
        "entries and the `VPNClientAddressPool` from the network configuration and apply it "
        "(`Set-AzureVNetConfig`), keeping only the ExpressRoute connection; delete a coexisting "
        "site-to-site gateway created by cmdlets too (`Remove-AzureVirtualNetworkGateway`), and take those "
        "cmdlets out of the scripts that set the network up. Migrate the virtual network (see MIG302 for "
        "the circuit), then add a VPN gateway beside the ExpressRoute gateway in Resource Manager and "
        "recreate the site-to-site and point-to-site connections there. Give the new gateway a "
        f"zone-redundant SKU, {VPN_GATEWAY_SKU} (the legacy Standard and High Performance SKUs were retired "
        f"on {LEGACY_GATEWAY_SKUS}, the non-zonal VpnGw1-5 on {NON_ZONAL_GATEWAY_SKUS}), and a Standard SKU "
        f"public IP: Basic SKU public IPs were retired on {BASIC_SKU}. The migrated ExpressRoute gateway "
        "keeps its SKU and its public address, which arrive as a legacy SKU and a Basic SKU public IP: move "
        "it to a current SKU with a Standard public IP too (Azure provides a gateway migration for this).",
    )
    invalid = (
        Example(
            {
                "NetworkConfig.netcfg": _netcfg(
                    """\
      <VirtualNetworkSite name="er-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.4.0.0/16</AddressPrefix></AddressSpace>
        <Gateway>
          <ConnectionsToLocalNetwork>
            <LocalNetworkSiteRef name="frankfurt-dc"><Connection type="Dedicated"/></LocalNetworkSiteRef>
            <LocalNetworkSiteRef name="head-office"><Connection type="IPsec"/></LocalNetworkSiteRef>
          </ConnectionsToLocalNetwork>
        </Gateway>
      </VirtualNetworkSite>
"""
                )
            },
            expect=("NetworkConfig.netcfg:6:9",),
        ),
        Example(
            {
                "vnets.xml": """
                <VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">
                  <VirtualNetworkSite>
                    <Name>er-vnet</Name>
                    <Location>West Europe</Location>
                    <Gateway>
                      <Sites>
                        <LocalNetworkSite>
                          <Name>frankfurt-dc</Name>
                          <Connections><Connection><Type>Dedicated</Type></Connection></Connections>
                        </LocalNetworkSite>
                      </Sites>
                      <VPNClientAddressPool>
                        <AddressPrefixes><AddressPrefix>172.16.0.0/24</AddressPrefix></AddressPrefixes>
                      </VPNClientAddressPool>
                    </Gateway>
                  </VirtualNetworkSite>
                </VirtualNetworkSites>
                """
            },
            expect=("vnets.xml:5:5",),
            note="ExpressRoute plus point-to-site clients, in a REST body.",
        ),
        Example(
            {
                "NetworkConfig.netcfg": _netcfg(
                    """\
      <VirtualNetworkSite name="MyAzureVNET" Location="West Europe">
        <AddressSpace><AddressPrefix>10.17.0.0/16</AddressPrefix></AddressSpace>
        <Subnets>
          <Subnet name="GatewaySubnet"><AddressPrefix>10.17.255.0/27</AddressPrefix></Subnet>
        </Subnets>
        <Gateway>
          <ConnectionsToLocalNetwork>
            <LocalNetworkSiteRef name="MyLocalNetwork"><Connection type="Dedicated"/></LocalNetworkSiteRef>
          </ConnectionsToLocalNetwork>
        </Gateway>
      </VirtualNetworkSite>
"""
                ),
                "coexist.ps1": _coexistence_script("MyAzureVNET"),
            },
            expect=("coexist.ps1:4:1",),
            note="The ExpressRoute and site-to-site coexistence of the ExpressRoute documentation: the "
            "network configuration gives the gateway its Dedicated connection, the script the site-to-site "
            "gateway.",
        ),
        Example(
            {
                "connect.ps1": """\
                New-AzureDedicatedCircuitLink -ServiceKey $ServiceKey -VNetName "hub-vnet"
                Set-AzureVNetGateway -Connect -VNetName "hub-vnet" -LocalNetworkSiteName "branch-office"
                """
            },
            expect=("connect.ps1:2:1",),
            note="A script alone: it links the circuit and connects a site by VPN.",
        ),
    )
    valid = (
        Example(
            {
                "NetworkConfig.netcfg": _netcfg(
                    """\
      <VirtualNetworkSite name="er-vnet" Location="West Europe">
        <Gateway>
          <ConnectionsToLocalNetwork>
            <LocalNetworkSiteRef name="frankfurt-dc"><Connection type="Dedicated"/></LocalNetworkSiteRef>
          </ConnectionsToLocalNetwork>
        </Gateway>
      </VirtualNetworkSite>
      <VirtualNetworkSite name="vpn-vnet" Location="West Europe">
        <Gateway>
          <VPNClientAddressPool><AddressPrefix>172.16.0.0/24</AddressPrefix></VPNClientAddressPool>
          <ConnectionsToLocalNetwork>
            <LocalNetworkSiteRef name="head-office"><Connection type="IPsec"/></LocalNetworkSiteRef>
          </ConnectionsToLocalNetwork>
        </Gateway>
      </VirtualNetworkSite>
"""
                )
            },
            note="One network with ExpressRoute only, one with VPN only.",
        ),
        Example(
            {
                "link.ps1": """\
                New-AzureVNetGateway -VNetName "hub-vnet" -GatewayType DynamicRouting
                New-AzureDedicatedCircuitLink -ServiceKey $ServiceKey -VNetName "hub-vnet"
                Set-AzureVNetGateway -Disconnect -VNetName "hub-vnet" -LocalNetworkSiteName "branch-office"
                """
            },
            note="A script that links the circuit only: disconnecting a site adds no VPN.",
        ),
        Example(
            {
                "NetworkConfig.netcfg": _netcfg(
                    """\
      <VirtualNetworkSite name="vpn-vnet" Location="West Europe">
        <Gateway>
          <ConnectionsToLocalNetwork>
            <LocalNetworkSiteRef name="head-office"><Connection type="IPsec"/></LocalNetworkSiteRef>
          </ConnectionsToLocalNetwork>
        </Gateway>
      </VirtualNetworkSite>
"""
                ),
                "vpn.ps1": """\
                New-AzureVirtualNetworkGateway -VNetName "vpn-vnet" -GatewayName S2SVPN -GatewayType DynamicRouting
                New-AzureDedicatedCircuitLink -ServiceKey $ServiceKey -VNetName "other-vnet"
                """,
            },
            note="A VPN gateway on a network without ExpressRoute; the circuit goes to another network.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        exported = _exported_links(estate)
        peers = _PeerSites(estate)
        for network in estate.virtual_networks:
            scripted = estate.scripted_gateway(network)
            links = exported.get(key(network.name), [])
            for gateway in _configured_gateways(network):
                found = list(self._network(network, gateway, scripted, links, peers))
                if found:
                    yield from found
                    break
        for scripted in estate.scripted_gateways:
            if estate.virtual_network(scripted.name) is None:  # no file defines or places the network
                yield from self._network(scripted, None, scripted, exported.get(key(scripted.name), []))

    def _network(
        self,
        network: Network | ScriptedGateway,
        gateway: Gateway | None,
        scripted: ScriptedGateway | None,
        exported: list[CircuitLink],
        peers: _PeerSites | None = None,
    ) -> Iterator[Finding]:
        """One finding when the network has both sides, from its gateway, from scripts or from the export
        of circuit links that lists it (`exported`). A VPN connection to a site that stands for another
        virtual network (`peers`) is said as VNet-to-VNet: the platform refuses it beside ExpressRoute all
        the same, as it takes a VPN gateway."""
        facts = scripted.facts if scripted is not None else ()
        vpn_connected = (gateway is not None and gateway.has_vpn) or any(
            f.how in VPN_SITE_EVIDENCE for f in facts
        )
        peer_sites = peers.of(network) if peers and vpn_connected else frozenset()
        expressroute, vpn = _sides(gateway, facts, exported, peer_sites)
        if not (expressroute and vpn):
            return
        if gateway is not None and gateway.has_expressroute and gateway.has_vpn:
            both = (
                f"the gateway of virtual network '{network.name}' has ExpressRoute (to "
                f"{listed(c.local_site for c in gateway.connections if c.is_expressroute)}) and also "
                f"{' and '.join(_vpn_kinds(gateway, peer_sites))}"
                if _stated_in_one_file(gateway)
                # Described in parts: say which file states each side.
                else f"virtual network '{network.name}' has ExpressRoute ({'; '.join(expressroute)}) and "
                f"also a VPN ({'; '.join(vpn)})"
            )
            # One finding per network, shown at its gateway: about the network, whichever shows it.
            yield self.finding(network, f"{both}: {_BOTH_SIDES}", at=gateway, subject=network)
            return
        configured_vpn = gateway is not None and gateway.has_vpn
        # The side the configuration lacks: a script's call, else the export's link.
        added: list[VnetGatewayFact | CircuitLink] = [
            f for f in facts if (f.is_expressroute if configured_vpn else f.is_vpn)
        ]
        added += exported
        yield self.finding(
            network,
            f"virtual network '{network.name}' has ExpressRoute ({'; '.join(expressroute)}) and also a VPN "
            f"({'; '.join(vpn)}): {_BOTH_SIDES}",
            at=added[0],
            subject=network,
            fix="" if configured_vpn else _SCRIPTED_VPN_FIX,
        )


class ExpressRouteGateway(Rule):
    code = "MIG302"
    name = "expressroute-gateway"
    severity = Severity.WARNING
    scope = Scope.VIRTUAL_NETWORKS
    found_at = Stage.PREPARE
    looks_at = frozenset({GatewayConnection, VnetGatewayFact, CircuitLink})
    summary = "A virtual network is connected to a classic ExpressRoute circuit, which must be moved first."
    fix_hint = (
        "Move the ExpressRoute circuit to Resource Manager with classic operations allowed, empty the "
        "network's ConnectionsToLocalNetwork in its network configuration (Set-AzureVNetConfig), and remove the "
        "circuit link if the circuit is in another subscription, before migrating this virtual network."
    )
    fix_in = {
        fix: {Tool.CLASSIC_CLI: _in_cli_network_words(fix), Tool.REST_API: _in_request_words(fix)}
        for fix in (fix_hint, _SCRIPTED_LINK_FIX, _MOVED_LINK_FIX, _UNSTATED_GATEWAY_FIX)
    }
    source = (
        "Unsupported configurations — Network: Classic Express Route circuits. These circuits need to be "
        "migrated to Azure Resource Manager before beginning IaaS migration (overview, 2018 and later)."
    )
    docs = Docs(
        what="Every ExpressRoute connection of a virtual network's gateway: a `LocalNetworkSiteRef` whose "
        "`Connection` has type `Dedicated` in a network configuration, or a gateway site whose connection "
        "`Type` is `Dedicated` in a REST `VirtualNetworkSites` body. The finding points at that connection. "
        "A script that links a circuit to a network it names (`New-AzureDedicatedCircuitLink -VNetName`, or "
        "the request it sends, a PUT to `.../services/networking/dedicatedcircuits/<service-key>/vnets/"
        "<network>` sent with Python's `perform_put`, a request of its own or `Invoke-RestMethod`; not "
        "removed again by a `Remove-AzureDedicatedCircuitLink` or DELETE of that path that surely runs) is "
        "reported "
        "at its first such call, once per script and network, when no file checked gives that network a "
        "`Dedicated` connection: the connection's finding covers the network otherwise. Likewise a network "
        "an export of a circuit's links lists (`Get-AzureDedicatedCircuitLink | ConvertTo-Json`: objects "
        "of a `VnetName` and a `State` and nothing else, a link whose `State` is not `Deprovisioned`), once per network, at the first such link, when neither a "
        "connection nor a script says so; when the exports span several subscriptions, the message names "
        "the network's (the one whose exported classic network, or VMs in it, bear its name). A gateway a "
        "script creates (`New-AzureVNetGateway -VNetName`, with its `-GatewayType` and `-GatewaySKU`, or the "
        "classic CLI's `azure network vpn-gateway create <vnet> -t -k`) serves "
        "ExpressRoute or VPN by what connects to it, which the call does not state: when no file checked "
        "shows what does (no connection or client pool of the network's gateway in a network configuration "
        "or REST body, no script's circuit link or `Set-AzureVNetGateway -Connect`, no shared key a script "
        "sets for a connection of the gateway (`Set-AzureVNetGatewayKey`, `azure network vpn-gateway "
        "shared-key set|reset`, a request to `.../gateway/connection/<site>/sharedkey`), no export of circuit "
        "links naming the network, no classic CLI `azure network vnet local-network add` that a `vnet "
        "local-network remove` does not take back), it is reported "
        "at the call as a gateway that may be an ExpressRoute one, "
        "with how to check (`Get-AzureVNetGateway -VNetName`, and the network's `ConnectionsToLocalNetwork` "
        "in the exported network configuration).",
        why="A network attached to ExpressRoute can only migrate once its circuit lives in Resource Manager. "
        "A circuit in the same subscription can then be migrated with the network without downtime; a "
        "circuit in another subscription (reached through an authorization link) has to be unlinked first, "
        "which cuts on-premises connectivity until the migrated network is linked again. The Validate "
        "operation does not check that circuits have been moved; the prepare step does. Configuration files and "
        "scripts do not say where the circuit is, so this is a warning to check it, not a blocker by itself; "
        "a Resource Graph export of the circuits shows one already moved (its service key, with classic "
        "operations allowed), and the finding then asks only to empty the network's connections.",
        fix="Move the circuit to Resource Manager first (it keeps working, without downtime) and allow "
        "classic operations on it so the classic network stays connected during the move. Then prepare the "
        "network: export the network configuration (`Get-AzureVNetConfig -ExportToFile`), delete every "
        "reference under the network's `<ConnectionsToLocalNetwork>` (the element stays, empty) and upload "
        "it again (`Set-AzureVNetConfig`). If the circuit belongs to another subscription, also remove the "
        "circuit link from this network (`Remove-AzureDedicatedCircuitLink`), migrate the network, then "
        "connect the migrated gateway to the circuit again. Plan the window: on-premises access is lost in "
        "between. The gateway migrates with its SKU and public address unchanged, so it arrives on a legacy "
        f"SKU with a Basic SKU public IP; Basic SKU public IPs were retired on {BASIC_SKU}, so move the "
        "gateway to a current SKU with a Standard SKU public IP (Azure provides a gateway migration for "
        "this) as soon as the network is in Resource Manager.",
    )
    invalid = (
        Example(
            {
                "NetworkConfig.netcfg": _netcfg(
                    """\
      <VirtualNetworkSite name="er-vnet" Location="West Europe">
        <Gateway>
          <ConnectionsToLocalNetwork>
            <LocalNetworkSiteRef name="frankfurt-dc">
              <Connection type="Dedicated"/>
            </LocalNetworkSiteRef>
          </ConnectionsToLocalNetwork>
        </Gateway>
      </VirtualNetworkSite>
"""
                )
            },
            expect=("NetworkConfig.netcfg:8:15",),
        ),
        Example(
            {
                "vnets.xml": """
                <VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">
                  <VirtualNetworkSite>
                    <Name>er-vnet</Name>
                    <Gateway>
                      <Sites>
                        <LocalNetworkSite>
                          <Name>frankfurt-dc</Name>
                          <Connections>
                            <Connection><Type>Dedicated</Type></Connection>
                          </Connections>
                        </LocalNetworkSite>
                      </Sites>
                      <VPNClientAddressPool><AddressPrefixes/></VPNClientAddressPool>
                    </Gateway>
                  </VirtualNetworkSite>
                </VirtualNetworkSites>
                """
            },
            expect=("vnets.xml:9:13",),
        ),
        Example(
            {
                "link.ps1": """\
                param([string] $ServiceKey)
                New-AzureVNetGateway -VNetName "er-vnet" -GatewayType DynamicRouting -GatewaySKU HighPerformance
                New-AzureDedicatedCircuitLink -ServiceKey $ServiceKey -VNetName "er-vnet"
                """
            },
            expect=("link.ps1:3:1",),
            note="A script that links the circuit to a network no file defines.",
        ),
        Example(
            {
                "gateway.ps1": """\
                New-AzureVNetGateway -VNetName "hub-vnet" -GatewayType DynamicRouting -GatewaySKU HighPerformance
                """
            },
            expect=("gateway.ps1:1:1",),
            note="A script that creates the network's gateway and connects it by other means (the portal, "
            "another script): it may be an ExpressRoute gateway.",
        ),
    )
    valid = (
        Example(
            {
                "NetworkConfig.netcfg": _netcfg(
                    """\
      <VirtualNetworkSite name="vpn-vnet" Location="West Europe">
        <Gateway>
          <ConnectionsToLocalNetwork>
            <LocalNetworkSiteRef name="head-office"/>
          </ConnectionsToLocalNetwork>
        </Gateway>
      </VirtualNetworkSite>
"""
                )
            },
            note="A connection without a type is a site-to-site VPN, not ExpressRoute.",
        ),
        Example(
            {
                "link.ps1": """\
                New-AzureDedicatedCircuitLink -ServiceKey $ServiceKey -VNetName "er-vnet"
                Remove-AzureDedicatedCircuitLink -ServiceKey $ServiceKey -VNetName "er-vnet" -Force
                """
            },
            note="The script removes the link it made: the network is no longer connected.",
        ),
        Example(
            {
                "gateway.ps1": """\
                New-AzureVNetGateway -VNetName "hub-vnet" -GatewayType DynamicRouting
                Set-AzureVNetGateway -Connect -VNetName "hub-vnet" -LocalNetworkSiteName "branch-office"
                """
            },
            note="A gateway the script creates and connects to a site by VPN.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for vnet in estate.virtual_networks:
            connections = vnet.gateway.connections if vnet.gateway else ()
            moved = _moved_words(estate, vnet.name)
            for connection in (c for c in connections if c.is_expressroute):
                yield self.finding(
                    vnet,
                    f"virtual network '{vnet.name}' is connected to ExpressRoute through "
                    f"'{connection.local_site}'{moved}: {_linked_why(bool(moved))}",
                    at=connection,
                    fix=_MOVED_LINK_FIX if moved else self.fix_hint,
                )
        told = set()
        for scripted in estate.scripted_gateways:
            found = list(self._linked_by_scripts(estate, scripted))
            if found:
                told.add(key(scripted.name))
            yield from found
            yield from self._may_be_expressroute(estate, scripted)
        yield from self._linked_by_exports(estate, told)

    def _may_be_expressroute(self, estate: Estate, scripted: ScriptedGateway) -> Iterator[Finding]:
        """A gateway a script creates that no file shows connected (`unstated_gateway`): it may be an
        ExpressRoute gateway, linked in the portal or by a script not checked here, whose circuit must be in
        Resource Manager before Prepare."""
        created = unstated_gateway(estate, scripted)
        if created is None:
            return
        named = estate.virtual_network(scripted.name) or scripted
        yield self.finding(
            named,
            f"virtual network '{named.name}' has a gateway ({created_words(created)}) that no file checked "
            "shows connected: it may be an ExpressRoute gateway, whose classic circuit must be in Resource "
            f"Manager before Prepare; check with {check_unstated_gateway(named.name)}",
            at=created,
            subject=named,  # one per network, at the call that creates its gateway
            fix=_UNSTATED_GATEWAY_FIX,
        )

    def _linked_by_exports(self, estate: Estate, told: set[str]) -> Iterator[Finding]:
        """The networks a `Get-AzureDedicatedCircuitLink` export lists as linked to a classic circuit, once
        each, where neither a `Dedicated` connection nor a script's link says so already."""
        exported: set[tuple[str, str]] = set()  # (network, subscription): two subscriptions' links are two
        for link in estate.inventory.circuit_links:
            name = key(link.vnet)
            if not name or name in told or (name, link.subscription) in exported:
                continue
            exported.add((name, link.subscription))
            network = estate.virtual_network(link.vnet)
            if network is not None and network.gateway is not None and network.gateway.has_expressroute:
                continue  # reported at the connection
            yield self.finding(
                link,
                f"virtual network '{network.name if network else link.vnet}'"
                f"{network_subscription(estate, link.vnet, link.subscription)} is linked to a classic ExpressRoute circuit (the "
                f"export of its circuit links): {_linked_why(False)}",
                fix=_SCRIPTED_LINK_FIX,
            )

    def _linked_by_scripts(self, estate: Estate, scripted: ScriptedGateway) -> Iterator[Finding]:
        """The circuit links scripts make to a network that no file gives a `Dedicated` connection."""
        network = estate.virtual_network(scripted.name)
        gateway = network.gateway if network is not None else None
        if gateway is not None and gateway.has_expressroute:
            return  # reported at the connection
        named = network or scripted  # as the network configuration spells it, when one defines it
        moved = _moved_words(estate, scripted.name)
        for link in _first_per_script(f for f in scripted.facts if f.is_expressroute):
            yield self.finding(
                named,
                f"virtual network '{named.name}' is linked to an ExpressRoute circuit by {link.how}{moved}: "
                f"{_linked_why(bool(moved))}",
                at=link,
                fix=_MOVED_LINK_FIX if moved else _SCRIPTED_LINK_FIX,
            )


# Why MIG301 blocks: the platform migrates no gateway where ExpressRoute and a VPN coexist (the help says
# what to do about it).
_BOTH_SIDES = "the platform does not migrate a gateway where ExpressRoute and a VPN coexist"


def _linked_why(moved: bool) -> str:
    """Why MIG302 blocks a network linked to a circuit: the circuit is classic, or (`moved`) it is in
    Resource Manager already but the network's configuration still holds the connection."""
    if moved:
        return "its network configuration still holds the connection, with which the platform does not migrate it"
    return (
        "a network linked to ExpressRoute migrates only once its circuit is in Resource Manager, which the "
        "files do not show, and Prepare fails while it is classic"
    )


def _moved_words(estate: Estate, network: str) -> str:
    """How a finding says that the network's circuits are in Resource Manager already (see
    `Estate.moved_circuits`); "" when the files do not show them so."""
    moved = estate.moved_circuits(network)
    if not moved:
        return ""
    names = ", ".join(f"'{c.name}'" for c in moved)
    where = moved[0].mark.path
    return f" (circuit {names}, which {where} shows in Resource Manager already, classic operations allowed)"


def _transit(spoke_site: str) -> str:
    """A hub network connected to the office, and a spoke whose one local site is `spoke_site`."""
    return _netcfg_with_sites(
        """\
      <LocalNetworkSite name="office">
        <AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>203.0.113.10</VPNGatewayAddress>
      </LocalNetworkSite>
      <LocalNetworkSite name="hub-and-office">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>198.51.100.20</VPNGatewayAddress>
      </LocalNetworkSite>
      <LocalNetworkSite name="hub-only">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>198.51.100.20</VPNGatewayAddress>
      </LocalNetworkSite>
""",
        f"""\
      <VirtualNetworkSite name="hub" Location="West Europe">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="office"/></ConnectionsToLocalNetwork></Gateway>
      </VirtualNetworkSite>
      <VirtualNetworkSite name="spoke" Location="West Europe">
        <AddressSpace><AddressPrefix>10.2.0.0/16</AddressPrefix></AddressSpace>
        <Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="{spoke_site}"/></ConnectionsToLocalNetwork></Gateway>
      </VirtualNetworkSite>
""",
    )


class TransitVpnConnectivity(Rule):
    code = "MIG305"
    name = "transit-vpn-connectivity"
    severity = Severity.WARNING
    scope = Scope.VIRTUAL_NETWORKS
    # And the scripts' connections of a network's gateway to a site (`Network.scripted_connections`).
    looks_at = frozenset({VirtualNetwork, LocalNetworkSite, VnetGatewayFact})
    # Its findings are at a gateway's connection to a site, a network configuration's or a script's call: an
    # export's or a template's networks, which state no gateway, give it address spaces only.
    fires_on = frozenset({GatewayConnection, VnetGatewayFact})
    summary = (
        "A virtual network reaches on-premises only through another network's VPN gateway (transit): it "
        "loses on-premises connectivity when migrated."
    )
    fix_hint = (
        f"After Commit, move the migrated gateways to {VPN_GATEWAY_SKU} and enable BGP on them, or connect "
        "this network's gateway directly to the on-premises local network gateway; plan for the outage until "
        "then."
    )
    source = (
        "Gateway migration, Transit VPN connectivity: the transit scenario loses on-premises connectivity for "
        "the virtual network that is indirectly connected to on-premises."
    )
    docs = Docs(
        what="A virtual network whose gateway has a site-to-site connection to a local network site whose "
        "address space holds both another virtual network that has a gateway of its own (the hub) and "
        "addresses in no virtual network (on-premises): the way classic transit through a hub is written, in a "
        "network configuration or a REST `VirtualNetworkSites` body. The hub's own gateway must reach "
        "on-premises: by ExpressRoute, or through a site with addresses in no virtual network that stands for "
        "no other network (the two sites of a VNet-to-VNet pair, often written wider than the networks they "
        "stand for, are no way to on-premises). The site's addresses in no virtual network must meet those "
        "the hub reaches on-premises, the prefixes of the hub's own on-premises sites (any, behind "
        "ExpressRoute, whose routes the files do not state): a VNet-to-VNet site written wide (10.0.0.0/8 "
        "for a hub's 10.1.0.0/16) that holds none of the hub's offices is no transit, and neither is a site "
        "whose on-premises ranges the network's own site-to-site connections reach (the direct connection the "
        "gateway guide advises, made already). "
        "The networks, sites and connections a script makes count as "
        "those a file defines: a network configuration it uploads (PowerShell's `Set-AzureVNetConfig`, a "
        "Python script's Set Network Configuration request) and what the classic CLI creates (`azure network "
        "vnet create`, `network local-network create`, `network vpn-gateway create`, `network vnet "
        "local-network add`). So does a connection a script makes from the gateway of a network the files "
        "define to a local site they define, the spoke's or the hub's (`Set-AzureVNetGateway -Connect`, "
        "`azure network vnet local-network add`, the request either sends, or a shared key set for it, "
        "which only such a connection has). An inventory export's classic networks are read for their "
        "address spaces only: addresses in them are a virtual network's, not on-premises. The finding points "
        "at that connection: the network configuration's, else the script's first call that makes it.",
        why="Classic transit needs a local site that aggregates the hub's range and the on-premises ranges. "
        "Migration turns VNet-to-VNet connections into connections that need no local site, so the aggregate "
        "is dropped and the spoke network keeps a route to the hub but none to on-premises through it.",
        fix="Decide before migrating how the network reaches on-premises afterwards, and plan the outage "
        "between Commit and that change: enable BGP on the migrated gateways so the on-premises routes are "
        "learnt through the hub, or create an explicit connection from this network's gateway to the "
        "on-premises local network gateway. Both networks' gateways arrive on their classic SKU with a "
        f"Basic SKU public IP: the legacy gateway SKUs and Basic SKU public IPs were retired on {BASIC_SKU}, "
        f"and the non-zonal VpnGw1-5 on {NON_ZONAL_GATEWAY_SKUS}. Moving them to {VPN_GATEWAY_SKU} with a "
        "Standard SKU public IP is the occasion to turn BGP on.",
    )
    invalid = (
        Example({"NetworkConfig.netcfg": _transit("hub-and-office")}, expect=("NetworkConfig.netcfg:24:45",)),
    )
    valid = (
        Example(
            {"NetworkConfig.netcfg": _transit("hub-only")}, note="VNet-to-VNet only: it migrates as it is."
        ),
        Example(
            {"NetworkConfig.netcfg": _transit("office")},
            note="A direct site-to-site connection to on-premises migrates as it is.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        reach: Reach | None = None  # made when a network is checked: it indexes every range
        for network in estate.virtual_networks:
            if not network.vpn_sites:
                continue
            reach = reach or Reach(estate)
            site = reach.transit_site(network)
            if not site:
                continue
            # The network configuration's connection, else the script's call that makes it.
            connection = next(c for c in network.connections if key(c.local_site) == key(site))
            yield self.finding(
                network,
                f"virtual network '{network.name}' reaches on-premises through another virtual network's "
                f"gateway (local network site '{site}' holds that network's range and on-premises addresses): "
                "migration drops such transit, and the network loses on-premises connectivity",
                at=connection,
                subject=network,  # one per network, at the connection that shows it
            )


def _vm_deployment(name: str, vm: str, address: str, vnet: str = "prod-vnet") -> str:
    """A REST deployment of one VM in `vnet` asking for the private address `address`, for the examples."""
    return f"""
        <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
          <Name>{name}</Name>
          <RoleList>
            <Role>
              <RoleName>{vm}</RoleName><RoleType>PersistentVMRole</RoleType>
              <ConfigurationSets>
                <ConfigurationSet>
                  <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
                  <SubnetNames><SubnetName>data</SubnetName></SubnetNames>
                  <StaticVirtualNetworkIPAddress>{address}</StaticVirtualNetworkIPAddress>
                </ConfigurationSet>
              </ConfigurationSets>
            </Role>
          </RoleList>
          <VirtualNetworkName>{vnet}</VirtualNetworkName>
        </Deployment>
        """


class ConflictingPrivateIp(Rule):
    code = "MIG306"
    name = "conflicting-private-ip"
    severity = Severity.ERROR
    scope = Scope.VIRTUAL_NETWORKS
    found_at = Stage.PREPARE
    looks_at = frozenset({VirtualMachine})
    summary = "Two VMs of one virtual network ask for the same static private IP address."
    fix_hint = (
        "Give one of the VMs another static address (Set-AzureStaticVNetIP), or remove the static address of "
        "the one that does not need it, before migrating."
    )
    fix_in = {
        fix_hint: {
            Tool.CLASSIC_CLI: "Give one of the VMs another static address (`azure vm static-ip set <vm> <address>`), "
            "or remove the static address of the one that does not need it (`azure vm static-ip remove <vm>`), "
            "before migrating."
        }
    }
    source = (
        "Technical deep dive, checks not done in the validate operation: conflicting private IPs between "
        "stop-deallocated VMs in the same virtual network."
    )
    docs = Docs(
        what="VMs placed in one virtual network (by any of the files checked), or of one cloud service whose "
        "network no file names (its deployment is in one network, whichever), whose network interfaces ask "
        "for the same static private address: `StaticVirtualNetworkIPAddress` in a REST body or an "
        "Export-AzureVM file, of the primary interface or of another one, `staticIpAddress` in an inventory "
        "export, the network configuration set of a Python script and `Set-AzureStaticVNetIP` in a "
        "PowerShell script (and `vm create -S`, `vm static-ip set` of the classic CLI). The finding points at "
        "every VM's address after the first, those no script asks for (a REST body's, an export's) taken "
        "first: a conflict between a VM that exists and one a script asks for is reported at the script.",
        why="The classic platform lets a stopped (deallocated) VM keep a static address that another VM "
        "asks for too. Resource Manager gives each address to one network interface, so the move fails. The "
        "Validate operation does not check this; the Prepare step does, after the planning that went into "
        "the window.",
        fix="Decide which VM keeps the address. Give the other one a free address of its subnet with "
        "`Set-AzureStaticVNetIP -IPAddress ... | Update-AzureVM`, or remove its static address "
        "(`Remove-AzureStaticVNetIP`) if nothing depends on it, then migrate.",
    )
    invalid = (
        Example(
            {
                "sql/deployment.xml": _vm_deployment("sql", "sql01", "10.0.2.10"),
                "report/deployment.xml": _vm_deployment("report", "report01", "10.0.2.10"),
            },
            expect=("sql/deployment.xml:10:11",),
        ),
    )
    valid = (
        Example(
            {
                "sql/deployment.xml": _vm_deployment("sql", "sql01", "10.0.2.10"),
                "report/deployment.xml": _vm_deployment("report", "report01", "10.0.2.11"),
            },
            note="Different addresses.",
        ),
        Example(
            {
                "sql/deployment.xml": _vm_deployment("sql", "sql01", "10.0.2.10"),
                "report/deployment.xml": _vm_deployment("report", "report01", "10.0.2.10", vnet="test-vnet"),
            },
            note="The same address in two networks.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        # Conflicts of VMs that take their address from one place (a variable several VMs are given) are one
        # fact: one finding there names them all, in the order of the first conflict found at it.
        told: dict[tuple[str, str, Mark], list[_Conflict]] = {}
        for conflict in _conflicts(estate):
            told.setdefault((conflict.where, conflict.address, conflict.static.mark), []).append(conflict)
        for conflicts in told.values():
            first = conflicts[0]
            yield self.finding(
                first.vm,
                _conflict_message(conflicts),
                at=first.static,
                fix=self.fix_hint + folder_grouping_note(first.service),
            )


@record
class _Conflict:
    """A VM that asks for a static address another VM of its network asks for first (`holder`, with its
    service's label and the address as it writes it)."""

    service: CloudService
    scope: str  # the network, in words
    where: str  # the network, as a key
    address: str
    vm: Role
    static: NameRef
    holder: tuple[Role, str, NameRef]


def _conflicts(estate: Estate) -> Iterator[_Conflict]:
    # address -> the VMs asking for it, per network: each VM known by its service and name (two files
    # may describe one VM without the link joining them: no service name), the first with its label.
    asking: dict[tuple[str, str, Mark | None], dict[tuple[str, str], tuple[Role, str, NameRef]]] = {}
    together: dict[tuple[str, str, Mark | None], Together] = {}  # the same VMs, to tell which can meet
    for service, scope, where, vm, static in _static_addresses(estate):
        address = static.name.strip()
        spot = (where, address, _written_at(address, static))
        vms = asking.setdefault(spot, {})
        identity = (service.label, key(vm.name))
        if identity in vms:
            continue
        same = together.setdefault(spot, Together())
        holder = _created_with(vm, vms.values()) if same.with_(vm) else None
        vms[identity] = (vm, service.label, static)
        same.add(vm)
        if holder is not None:
            yield _Conflict(service, scope, where, address, vm, static, holder)


def _written_at(address: str, static: NameRef) -> Mark | None:
    """Where a placeholder address is written (`"<ip address in that subnet>"`), which is no address: two
    places that write it leave two values for their user to fill in, where one place given to several VMs
    (a variable) is one value they share. None for an address or a stand-in of migcheck's, which say the
    value they are wherever they are written."""
    return static.mark if is_placeholder(address) else None


def _conflict_message(conflicts: list[_Conflict]) -> str:
    """What the conflicts of VMs that take their address from one place say: the VMs asking there, with the
    first VM asking for it when it asks elsewhere (a file that holds it, another line of the script)."""
    first = conflicts[0]
    holder_vm, holder_label, holder_static = first.holder
    asking = [(c.vm.name, c.service.label) for c in conflicts]
    tail = f"in {first.scope}: Prepare fails on it, and Validate does not check it"
    if len(conflicts) == 1:
        return (
            f"VM '{first.vm.name}' of {first.service.label} asks for private IP {first.address}, which VM "
            f"'{holder_vm.name}' of {holder_label} asks for too, {tail}"
        )
    if holder_static.mark == first.static.mark and all(c.holder[0] is holder_vm for c in conflicts):
        return (
            f"{_vms_words([(holder_vm.name, holder_label), *asking])} all ask for private IP {first.address}, "
            f"given to each here, {tail}"
        )
    return (
        f"{_vms_words(asking)} ask for private IP {first.address}, given to each here, which VM "
        f"'{holder_vm.name}' of {holder_label} asks for too, {tail}"
    )


def _vms_words(vms: list[tuple[str, str]]) -> str:
    """`VMs 'a', 'b' and 'c' of cloud service 's'`, or each VM with its service where they differ (a
    handful named, see `listed`)."""
    labels = {label for _, label in vms}
    if len(labels) == 1:
        return f"VMs {listed(name for name, _ in vms)} of {vms[0][1]}"
    return "VMs " + listed((f"'{name}' of {label}" for name, label in vms), quote="")


def _static_addresses(estate: Estate) -> list[tuple[CloudService, str, str, Role, NameRef]]:
    """Every static private address a VM asks for, with its service, its network in words and as a key:
    those no script writes first (a REST body's, an export's), so that a conflict is reported at the
    address a script asks for, which can still change, not at the VM that holds it."""
    found = []
    for service in estate.cloud_services:
        for placement in service.placements:
            # A deployment is in one network, named or not (Export-AzureVM files do not name it).
            ref = placement.virtual_network
            statics = [(vm, static) for vm in placement.vms for static in vm.static_ips]
            if not statics:  # most placements: their network is not put in words
                continue
            scope = f"virtual network {named(ref.name)}" if ref else f"the network of {service.label}"
            # A pipeline token joins the networks of one file only, as the link joins them.
            where = join_key(ref.name, ref.mark) if ref else f"{id(service)}"
            found += [(service, scope, where, vm, static) for vm, static in statics]
    found.sort(key=lambda each: is_script(each[4].mark.path))
    return found


def _created_with(vm: Role, asking: Iterable[tuple[Role, str, NameRef]]) -> tuple[Role, str, NameRef]:
    """The first of the VMs asking for an address (each with its service's label), some of which can be
    created together with `vm`, that can: the first of all, unless a script creates them on branches it
    does not take together (`if ($prod) { … 10.0.1.4 } else { … 10.0.1.4 }`). A handful are looked at,
    then the first is named: the message names one VM, and the cost stays linear."""
    first = None
    for holder in itertools.islice(asking, _LOOKED_AT):
        first = first or holder
        if not holder[0].branches or not vm.branches or Together([holder[0]]).with_(vm):
            return holder
    assert first is not None
    return first


_LOOKED_AT = 16


# --- gateway connections ------------------------------------------------------------------------------

_CONNECTIONS = """\
<Connections xmlns="http://schemas.microsoft.com/windowsazure">
  <Connection>
    <LocalNetworkSiteName>office</LocalNetworkSiteName>
    <ConnectivityState>{state}</ConnectivityState>
  </Connection>
</Connections>
"""


_CONNECTIONS_JSON = """\
{
    "ConnectivityState": "NotConnected",
    "LocalNetworkSiteName": "office",
    "OperationDescription": "Get-AzureVNetConnection"
}
"""


_DISCONNECT = 'Set-AzureVNetGateway -Disconnect -VNetName "vnet1" -LocalNetworkSiteName "office"\n'


def _untied(path: str) -> str:
    """What a finding about a connection state tied to no network adds: how to tie it."""
    named = network_of_connections_file(path)
    if named:
        return f"; the file's name names virtual network '{named}', which no file checked describes"
    suffix = ".xml" if path.casefold().endswith(".xml") else ".json"
    return (
        "; the export does not say which network's gateway this is: name the file "
        f"`<network>-connections{suffix}` for migcheck to tie it to its network"
    )


def _connection_state(written: str) -> str:
    """ "down" for a connection that is not connected, "coming" for one still connecting, "" for a connected
    one or a state this rule does not know. Written as the API does (`NotConnected`) or as people do."""
    state = "".join(written.split()).casefold()
    if state in ("notconnected", "disconnected"):
        return "down"
    return "coming" if state == "connecting" else ""


class DisconnectedGatewayConnection(Rule):
    code = "MIG307"
    name = "disconnected-gateway-connection"
    severity = Severity.ERROR
    scope = Scope.VIRTUAL_NETWORKS
    found_at = Stage.PREPARE
    looks_at = frozenset({ConnectionState})
    summary = "A virtual network gateway's connection to a local network site is not connected."
    fix_hint = (
        "Bring the connection up (Set-AzureVNetGateway -Connect) and check that Get-AzureVNetConnection "
        "says Connected before Prepare; or remove the site from the gateway's connections, and connect it "
        "again in Resource Manager after Commit if it is still used."
    )
    source = (
        "Technical deep dive, checks not done in the validate operation: a virtual network gateway "
        "connection in a disconnected state."
    )
    docs = Docs(
        what="A gateway connection whose state, as the platform reported it, is `NotConnected` (an error) or "
        "still `Connecting` (a warning): a List Connections response saved to a file (`<Connections>`, the "
        "`GET .../services/networking/<network>/gateway/connections` body) or `Get-AzureVNetConnection` "
        "output saved with `ConvertTo-Json`. Neither names the virtual network, which is the request's: the "
        "finding names the network when the repository says which it is, by the file's name "
        "(`<network>-connections.json`, as docs/inventory.md has it saved, or `<network>-connections.xml`; names "
        "compare without regard to case) naming a network the files know, else as the only network whose "
        "gateway the files connect to that local network site; it is then counted against that network in "
        "the readiness summary, and its fix names both. Otherwise it names the local network site, and says "
        "how to name the file. A state is what it was when it was read, so read it again just before the "
        "migration. PowerShell scripts are read too: a network's gateway a script disconnects "
        "from a local network site (`Set-AzureVNetGateway -Disconnect`) and does not connect again after "
        "(`Set-AzureVNetGateway -Connect` of the same network and site) is reported at the call that "
        "disconnects it; when only some paths leave it so (a branch, an `exit`, a `throw` or a function's "
        "`return` between the two), the finding says the script may leave it disconnected. So are Python "
        "scripts, which send the REST operation itself (the SDK has none): an `UpdateConnection` body whose "
        "`Operation` is `Disconnect`, PUT to `.../services/networking/<network>/gateway/connection/<site>` "
        "(`perform_put` or a request of their own), and not followed by a `Connect` of the same network and "
        "site on every path after; and shell scripts and CI steps that send it with curl or wget.",
        why="The migration carries each connection between a gateway and a local network site over to a "
        "Resource Manager connection. Prepare fails on a connection in a disconnected state, and Validate "
        "does not check it, so the failure comes in the migration window rather than in planning.",
        fix="Bring the connection up: check the on-premises VPN device, its public address (the local "
        "network site's `VPNGatewayAddress`) and the shared key (`Get-AzureVNetGatewayKey`, "
        "`Set-AzureVNetGatewayKey`), connect it with `Set-AzureVNetGateway -Connect -VNetName <network> "
        "-LocalNetworkSiteName <site>`, and run `Get-AzureVNetConnection -VNetName <network>` until it says "
        "Connected. If the network no longer uses that site, or the classic gateway will not connect any "
        "more, remove its `LocalNetworkSiteRef` from the gateway's `ConnectionsToLocalNetwork` in the "
        "network configuration and apply it with `Set-AzureVNetConfig` instead; a site still in use is then "
        "connected again in Resource Manager after Commit (`New-AzVirtualNetworkGatewayConnection`).",
    )
    invalid = (
        Example(
            {"office-connections.xml": _CONNECTIONS.format(state="NotConnected")},
            expect=("office-connections.xml:2:3",),
        ),
        Example({"maintenance.ps1": _DISCONNECT}, expect=("maintenance.ps1:1:1",)),
        Example(
            {
                "NetworkConfig.netcfg": _netcfg(
                    """\
      <VirtualNetworkSite name="vnet1" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
      </VirtualNetworkSite>
"""
                ),
                "vnet1-connections.json": _CONNECTIONS_JSON,
            },
            expect=("vnet1-connections.json:1:1",),
            note="Get-AzureVNetConnection output saved as docs/inventory.md has it: the file's name ties it to "
            "virtual network vnet1, which the finding and its fix name.",
        ),
    )
    valid = (Example({"office-connections.xml": _CONNECTIONS.format(state="Connected")}),)

    def check(self, estate: Estate) -> Iterator[Finding]:
        for connection in estate.resources(ConnectionState):
            if connection.virtual_network:
                # A disconnection of a network that does not exist is refused (MIG003 reports the name).
                if not estate.refuses(connection.virtual_network):
                    yield self._left_disconnected(connection)
                continue
            state = _connection_state(connection.state)
            if not state:
                continue
            network = estate.network_of_connection(connection)
            site = (
                f"local network site '{connection.local_site}'"
                if connection.local_site
                else "a local network site"
            )
            connection_words = (
                f"the connection of the gateway of virtual network '{network.name}' to {site}"
                if network
                else f"the gateway's connection to {site}"
            )
            if state == "down":
                message = (
                    f"{connection_words} is {connection.state}: Prepare fails on a disconnected gateway "
                    "connection, and Validate does not check it"
                )
            else:
                message = (
                    f"{connection_words} was still {connection.state} when its state was read: Prepare "
                    "fails unless it is Connected by then, and Validate does not check it"
                )
            if network is None:
                message += _untied(connection.mark.path)
            severity = Severity.ERROR if state == "down" else Severity.WARNING
            yield self.finding(connection, message, fix=self._fix(network, connection), severity=severity)

    def _fix(self, network: Network | None, connection: ConnectionState) -> str:
        """The fix, naming the network and the site when the files say which they are."""
        if network is None or not connection.local_site:
            return self.fix_hint
        names = (
            f"-VNetName {ps_quoted(network.name)} -LocalNetworkSiteName {ps_quoted(connection.local_site)}"
        )
        return (
            f"Bring the connection up (Set-AzureVNetGateway -Connect {names}) and check that "
            f"Get-AzureVNetConnection -VNetName {ps_quoted(network.name)} says Connected before Prepare; or remove the "
            "site from the network's gateway connections (`ConnectionsToLocalNetwork` in the network "
            "configuration), and connect it again in Resource Manager after Commit if it is still used."
        )

    def _left_disconnected(self, connection: ConnectionState) -> Finding:
        """A script's `Set-AzureVNetGateway -Disconnect` that no connection of the same network and site
        follows on every path after it (see `ConnectionState.virtual_network`)."""
        network, site = connection.virtual_network, connection.local_site
        gateway = f"the gateway of virtual network '{network}'"
        if connection.every_path:
            left = f"disconnects {gateway} from local network site '{site}' and does not connect it again"
        else:
            left = (
                f"may leave {gateway} disconnected from local network site '{site}' (it disconnects it, and "
                "does not connect it again on every path after)"
            )
        message = (
            f"the script {left}: Prepare fails while the connection is disconnected, and Validate does not "
            "check it"
        )
        # A script that sends the request itself, or the legacy SDK's, which has no method for it, is told
        # the request that connects again.
        request = _connect_again(
            network,
            "an `UpdateConnection` body whose `Operation` is `Connect`, PUT to "
            f"`.../services/networking/{network}/gateway/connection/{site}`",
        )
        cmdlet = f"Set-AzureVNetGateway -Connect -VNetName {ps_quoted(network)} -LocalNetworkSiteName {ps_quoted(site)}"
        return self.finding(
            connection,
            message,
            fix=_connect_again(network, cmdlet),
            fix_in={Tool.REST_API: request, Tool.PYTHON_SDK: request},
        )


def _connect_again(network: str, again: str) -> str:
    """MIG307's fix for a script that disconnects `network` from a site, `again` connecting it."""
    return (
        f"Connect it again after the disconnection, on every path ({again}), and check that "
        f"Get-AzureVNetConnection -VNetName {ps_quoted(network)} says Connected before Prepare; or remove the site "
        "from the network's gateway connections (`ConnectionsToLocalNetwork` in the network configuration) "
        "before migrating."
    )


class AffinityGroupVnet(Rule):
    code = "MIG303"
    name = "affinity-group-vnet"
    severity = Severity.WARNING
    scope = Scope.VIRTUAL_NETWORKS
    looks_at = frozenset({VirtualNetwork})
    # A classic network as Resource Graph lists it has an address space, subnets and DNS servers only.
    never_stated_in = frozenset({FileKind.INVENTORY})
    summary = "A virtual network is bound to an affinity group instead of a region."
    fix_hint = (
        "Make the virtual network regional (a Location instead of an AffinityGroup), then update each "
        "deployment in it (add an endpoint or a data disk) so that it moves to the regional scope too, and migrate."
    )
    source = (
        "Validation error: Migration isn't allowed for Deployment {deployment-name} in HostedService "
        "{cloud-service-name} as it isn't in the regional scope (networking moved from cluster scope, which "
        "affinity groups are, to regional scope in 2014)."
    )
    docs = Docs(
        what="A `VirtualNetworkSite` with an `AffinityGroup`, in a network configuration or a REST "
        "`VirtualNetworkSites` body; a REST body may state the affinity group's region as `Location` too, and "
        "the network is still bound to the affinity group. So is a network a script makes in an affinity "
        "group: the classic CLI's `azure network vnet create -a` (`--affinity-group`), at the affinity group, "
        "or a network configuration a script writes and uploads (PowerShell's `Set-AzureVNetConfig`, a "
        "Python script's Set Network Configuration request). Such networks date from before regional "
        "virtual networks existed. Inventory exports are not checked: they list a classic network's address "
        "space, subnets and DNS servers, never its affinity group. Where the files create the group in one "
        "region (`New-AzureAffinityGroup -Location`, `azure account affinity-group create --location`, "
        "`create_affinity_group`, Terraform's `azure_affinity_group`, a Create Affinity Group body, a List "
        "Affinity Groups response, an export of `Get-AzureAffinityGroup`), the finding names that region and the "
        "file that states it, and "
        "the fix the `Location` to write.",
        why="Resource Manager knows regions only. An affinity-group network is tied to one cluster of the "
        "classic platform, which limits the VM sizes and features available in it; it has to become a regional "
        "network before the platform can move it, and the deployments in it must be in the regional scope too.",
        fix='Convert the network to a regional one: replace `AffinityGroup="..."` with '
        '`Location="<the affinity group\'s region>"` in the network configuration and apply it with '
        "`Set-AzureVNetConfig`. Then make an update to each deployment in it (add an endpoint or a data disk) "
        "so that it moves to the regional scope as well, and migrate. `migcheck check --fix` makes that "
        "change in a network configuration where the files create the group in one region, written as the "
        "classic platform names it (`West Europe`), and the site states no `Location` of its own (a safe fix: "
        "the same network, in the region its group already placed it in). A REST body or a script that binds a "
        "network to a group is not rewritten: what it created exists already, and changed it would create "
        "another network (`azure network vnet create -l`) rather than make that one regional.",
    )
    invalid = (
        Example(
            {
                "NetworkConfig.netcfg": _netcfg(
                    """\
      <VirtualNetworkSite name="legacy-vnet" AffinityGroup="contoso-ag">
        <AddressSpace><AddressPrefix>10.3.0.0/16</AddressPrefix></AddressSpace>
      </VirtualNetworkSite>
"""
                )
            },
            expect=("NetworkConfig.netcfg:4:61",),
        ),
        Example(
            {
                "vnets.xml": """
                <VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">
                  <VirtualNetworkSite>
                    <Name>legacy-vnet</Name>
                    <AffinityGroup>contoso-ag</AffinityGroup>
                  </VirtualNetworkSite>
                </VirtualNetworkSites>
                """
            },
            expect=("vnets.xml:4:5",),
            note="A REST body names the affinity group in an element of its own: reported there.",
        ),
    )
    valid = (
        Example(
            {
                "NetworkConfig.netcfg": _netcfg(
                    """\
      <VirtualNetworkSite name="prod-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
      </VirtualNetworkSite>
"""
                )
            }
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for network in estate.virtual_networks:
            vnet = network.definition
            # A REST body states an affinity-group network's region too (`Location`): the group still binds it.
            if vnet is not None and vnet.affinity_group:
                group = network.group_region
                yield self.finding(
                    vnet,
                    f"virtual network '{vnet.name}' is bound to affinity group '{vnet.affinity_group}', not "
                    f"to a region: Resource Manager knows regions only{_group_in(group)}",
                    at=vnet.affinity_group_mark,
                    fix=_regional_in(group.location) if group is not None else "",
                    autofix=_located_in_group_region(vnet, group),
                )


def _group_in(group: AffinityGroupRegion | None) -> str:
    """The region of an affinity group and the file that states it (creates the group there, or lists it),
    for MIG303's message."""
    if group is None:
        return ""
    return f"; the group is in {group.location} (stated at {group.mark.path}:{group.mark.line})"


def _regional_in(region: str) -> str:
    """MIG303's fix where the region of the network's affinity group is known."""
    return (
        f'Make the virtual network regional (Location="{region}", its affinity group\'s region, instead of its '
        "AffinityGroup), then update each deployment in it (add an endpoint or a data disk) so that it moves to "
        "the regional scope too, and migrate."
    )


def _located_in_group_region(vnet: VirtualNetwork, group: AffinityGroupRegion | None) -> Fix | None:
    """A network configuration's `AffinityGroup="..."` rewritten as `Location="<the group's region>"`, which
    is how a network is made regional: the same network, in the region its group already placed it in. Only
    where that region is certain and written as a network configuration takes it (the classic name, `West
    Europe`; the files create the group in no other region), and the site states no `Location` of its own;
    a REST body or a script that binds a network to a group is not rewritten (see the report of MIG303)."""
    mark = vnet.affinity_group_mark
    if group is None or not isinstance(mark, AttributeMark) or vnet.location.strip():
        return None
    region = group.location.strip()
    if " " not in region or not region_name(region):  # `westeurope`: a name the classic API does not take
        return None
    edit = Edit(mark, Part.ATTRIBUTE, f'Location="{region}"')
    return Fix(f'Replace AffinityGroup="{vnet.affinity_group}" with Location="{region}"', (edit,))


# --- address prefixes ------------------------------------------------------------------------------------

# ASCII digits only: `\d` also matches the digits of other scripts (Arabic-Indic, fullwidth...), which
# `int()` would quietly read as numbers; no platform accepts them in an address.
ADDRESS = re.compile(r"[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+", re.ASCII)


@record
class PrefixProblem:
    reason: str
    corrected: str  # the strict CIDR the author most likely meant; "" when there is no safe guess


def prefix_problem(text: str) -> PrefixProblem | None:
    """Why `text` is not a strict IPv4 CIDR prefix, or None when it is one."""
    if not text.strip():
        return PrefixProblem("it is empty", "")
    if "/" not in text and ADDRESS.fullmatch(text):
        return PrefixProblem("it has no prefix length", "")
    match = DOTTED.fullmatch(text)
    if match is None:
        return PrefixProblem("it is not an IPv4 address followed by a prefix length", "")
    numbers = match.groups()
    padded = [n for n in numbers if len(n) > 1 and n.startswith("0")]
    values = [int(n) for n in numbers]
    if any(v > 255 for v in values[:4]):
        return PrefixProblem("an octet is greater than 255", "")
    if values[4] > 32:
        return PrefixProblem(f"the prefix length {values[4]} is greater than 32", "")
    canonical = ".".join(str(v) for v in values[:4]) + f"/{values[4]}"  # as `canonical_prefix` writes it
    network = _network_text(values)
    if padded:
        # Leading zeros are ambiguous (some parsers read them as octal); Resource Manager rejects them.
        return PrefixProblem(f"leading zeros ({', '.join(padded)}) are not allowed", network)
    if network != canonical:
        return PrefixProblem(f"host bits are set: the network of {canonical} is {network}", network)
    return None


def _network_text(values: list[int]) -> str:
    """The range of the four octets and the length in `values`, host bits cleared, written as `ipaddress`
    writes an `IPv4Network` (`10.1.0.0/16`): worked out with integers, as every prefix of every network is
    asked about, and nearly all are strict."""
    length = values[4]
    address = values[0] << 24 | values[1] << 16 | values[2] << 8 | values[3]
    network = address & ~((1 << (32 - length)) - 1)
    return f"{network >> 24}.{network >> 16 & 255}.{network >> 8 & 255}.{network & 255}/{length}"


def _connected_local_sites(estate: Estate) -> frozenset[str]:
    """The names (case-folded) of the local network sites a gateway of some description of a virtual network
    connects to: those a network's migration takes with it, as the local network gateway of a connection.
    Also those a script connects a network's gateway to, which no network configuration need show: by
    `Set-AzureVNetGateway -Connect`, or by the pre-shared key of the connection (`Set-AzureVNetGatewayKey`,
    `azure network vpn-gateway shared-key set -t`, the REST `.../gateway/connection/<site>/sharedkey`),
    which only a connection of the gateway to that site has."""
    in_configurations = (
        connection.local_site
        for network in estate.virtual_networks
        for vnet in network.definitions
        if vnet.gateway is not None
        for connection in vnet.gateway.connections
    )
    by_scripts = (
        fact.local_site
        for scripted in estate.scripted_gateways
        for fact in scripted.facts
        if fact.is_vpn and fact.local_site
    )
    return frozenset(site.strip().casefold() for site in (*in_configurations, *by_scripts))


def _unconnected_local_sites(estate: Estate) -> frozenset[Mark]:
    """The marks of the local network sites of the network configurations that no gateway connects to.
    Only a configuration's, a netcfg's or one the classic CLI writes into it (`network local-network
    create`): a local network gateway a script creates beside ExpressRoute (`New-AzureLocalNetworkGateway`)
    is made for a connection, and a site a REST body writes under a gateway is that gateway's."""
    connected = _connected_local_sites(estate)
    configured = (
        *(site for config in estate.resources(NetworkConfiguration) for site in config.local_sites),
        *(site for site in estate.resources(LocalNetworkSite) if site.in_network_configuration),
    )
    return frozenset(site.mark for site in configured if site.name.strip().casefold() not in connected)


def _local_site_definitions(estate: Estate) -> Iterator[LocalNetworkSite]:
    """Every description of a local network site, once each: those of each network configuration, those a
    REST body writes under a virtual network's gateway, not only the one the estate keeps per name, and the
    local network gateways a script creates beside ExpressRoute, which no network configuration holds."""
    seen: set[Mark] = set()
    described = (
        *(site for config in estate.resources(NetworkConfiguration) for site in config.local_sites),
        *estate.resources(LocalNetworkSite),
        *(
            site
            for network in estate.virtual_networks
            for v in network.definitions
            for site in v.inline_local_sites
        ),
        *estate.local_sites,
    )
    for site in described:
        if site.mark not in seen:
            seen.add(site.mark)
            yield site


class InvalidAddressPrefix(Rule):
    code = "MIG304"
    name = "invalid-address-prefix"
    severity = Severity.ERROR
    scope = Scope.VIRTUAL_NETWORKS
    looks_at = frozenset({AddressPrefix})
    summary = "An address prefix is not a strict CIDR range, which Resource Manager rejects."
    fix_hint = (
        "Write the prefix as a strict CIDR range: the network address, no leading zeros, a /0 to /32 length."
    )
    source = (
        "VPN Gateway classic to Resource Manager migration: CIDR validation in Resource Manager is stricter than "
        "in the classic model; virtual networks or local sites with invalid CIDR ranges end in a failed state."
    )
    docs = Docs(
        what="Every address prefix of a virtual network (its address space, its subnets, its gateway's VPN "
        "client address pool) and of a local network site, in a network configuration or a REST "
        "`VirtualNetworkSites` body (where a gateway's local sites are written in full under "
        "`Gateway/Sites`), or of the local network gateway a PowerShell script creates for a site-to-site "
        "connection beside ExpressRoute (`New-AzureLocalNetworkGateway -AddressSpace`, "
        "`Reset-AzureLocalNetworkGateway`), which no network configuration holds, or that a shell script "
        "writes into the network configuration with the classic CLI (`azure network local-network create` "
        "and `local-network set -a`, the prefixes the CLI keeps; `azure network vnet subnet create -a` and "
        "`vnet subnet set -a`, also of a network the script does not create), that is not a strict IPv4 "
        "CIDR range: leading zeros (`192.168.0.00/24`), host bits set (`10.0.0.1/24`, whose network is `10.0.0.0/24`), an octet above 255, a prefix length above 32, "
        "no prefix length at all, or digits other than ASCII `0`-`9` (fullwidth or Arabic-Indic digits, say). "
        "Each file that writes a prefix is checked, also when another file describes the same network or "
        "site. An inventory export's description of a network is a snapshot of what is deployed, which "
        "cannot be edited: its prefix is reported only when no other file of the network writes that prefix. "
        "When the intended range is clear, the finding's fix gives it. A local network site of a network "
        "configuration (a netcfg's, or one `azure network local-network create` writes into it) that no "
        "virtual network's gateway connects to is a warning: it moves with no "
        "network's migration, so it blocks no step (the plan says it as a note), though a network "
        "connected to it later would fail to migrate. A script connects a gateway to a site as the "
        "configuration's `ConnectionsToLocalNetwork` does: `Set-AzureVNetGateway -Connect`, or a pre-shared "
        "key of the connection (`Set-AzureVNetGatewayKey`, `azure network vpn-gateway shared-key set -t`, "
        "the REST `.../gateway/connection/<site>/sharedkey`), which only a connected site has; such a "
        "site's bad prefix is an error.",
        why="The classic platform accepted loosely written prefixes; Resource Manager validates them strictly. "
        "A virtual network or local site with such a prefix fails during migration and is left in a failed "
        "state. A local site migrates only with a network whose gateway connects to it, as the local "
        "network gateway of that connection.",
        fix="Rewrite the prefix as the strict range it stands for (`10.3.0.00/24` → `10.3.0.0/24`, "
        "`10.0.0.1/24` → `10.0.0.0/24`) and apply the network configuration with `Set-AzureVNetConfig` "
        "before migrating. Check that the corrected range is the one you meant: a prefix with host bits set "
        "may have been meant with a longer prefix length. `migcheck check --fix` writes the corrected range "
        "in the file (a safe fix: the same addresses the classic platform used); where a zero-padded octet "
        "reads as another number in octal (`010` is 8 to some parsers), the fix is unsafe and needs "
        "`--unsafe-fixes`. A subnet's corrected range (host bits cleared, leading zeros dropped) that "
        "overlaps another subnet, also one corrected to the same range, or lies outside the network's "
        "address space, cannot be the one meant (`10.1.1.0/16` beside `10.1.2.0/24`, `10.0.5.00/24` beside "
        "`10.0.5.128/25`): no fix is written, safe or unsafe, and the finding says what the range collides "
        "with, what a zero-padded octet reads as in octal, and which prefix lengths keep an address with "
        "host bits set. Nor for an address space prefix whose corrected range overlaps another of the "
        "network's, or leaves outside the address space a subnet its octal reading holds (`10.010.0.0/16` "
        "beside a subnet `10.8.1.0/24`).",
    )
    invalid = (
        Example(
            {
                "NetworkConfig.netcfg": _netcfg(
                    """\
      <VirtualNetworkSite name="legacy-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.3.0.0/16</AddressPrefix></AddressSpace>
        <Subnets>
          <Subnet name="Reporting">
            <AddressPrefix>10.3.0.00/24</AddressPrefix>
          </Subnet>
        </Subnets>
      </VirtualNetworkSite>
"""
                )
            },
            expect=("NetworkConfig.netcfg:8:13",),
        ),
        Example(
            {
                "vnets.xml": """
                <VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">
                  <VirtualNetworkSite>
                    <Name>app-vnet</Name>
                    <AddressSpace>
                      <AddressPrefixes><AddressPrefix>10.0.0.1/16</AddressPrefix></AddressPrefixes>
                    </AddressSpace>
                  </VirtualNetworkSite>
                </VirtualNetworkSites>
                """
            },
            expect=("vnets.xml:5:24",),
        ),
        Example(
            {
                "vnets.xml": """
                <VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">
                  <VirtualNetworkSite>
                    <Name>app-vnet</Name>
                    <AddressSpace>
                      <AddressPrefixes><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressPrefixes>
                    </AddressSpace>
                    <Gateway>
                      <Sites>
                        <LocalNetworkSite>
                          <Name>head-office</Name>
                          <AddressSpace>
                            <AddressPrefixes><AddressPrefix>192.168.1.1/24</AddressPrefix></AddressPrefixes>
                          </AddressSpace>
                          <Connections><Connection><Type>IPsec</Type></Connection></Connections>
                        </LocalNetworkSite>
                      </Sites>
                    </Gateway>
                  </VirtualNetworkSite>
                </VirtualNetworkSites>
                """
            },
            expect=("vnets.xml:12:30",),
            note="A local network site written in full under the gateway of a REST body.",
        ),
        Example(
            {
                "coexist.ps1": """
                New-AzureLocalNetworkGateway -GatewayName "head-office" -IpAddress 203.0.113.10 `
                    -AddressSpace 192.168.1.10/24, 10.50.0.0/16
                """
            },
            expect=("coexist.ps1:2:19",),
            note="The local site of a site-to-site connection beside ExpressRoute, which PowerShell creates.",
        ),
    )
    valid = (
        Example(
            {
                "NetworkConfig.netcfg": """
                <NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
                  <VirtualNetworkConfiguration>
                    <LocalNetworkSites>
                      <LocalNetworkSite name="office">
                        <AddressSpace><AddressPrefix>192.168.0.0/20</AddressPrefix></AddressSpace>
                      </LocalNetworkSite>
                    </LocalNetworkSites>
                    <VirtualNetworkSites>
                      <VirtualNetworkSite name="prod" Location="West Europe">
                        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
                        <Subnets><Subnet name="Web"><AddressPrefix>10.1.1.0/24</AddressPrefix></Subnet></Subnets>
                        <Gateway>
                          <VPNClientAddressPool><AddressPrefix>172.16.0.0/24</AddressPrefix></VPNClientAddressPool>
                        </Gateway>
                      </VirtualNetworkSite>
                    </VirtualNetworkSites>
                  </VirtualNetworkConfiguration>
                </NetworkConfiguration>
                """
            }
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for network in estate.virtual_networks:
            yield from self._network(network)
        unconnected = _unconnected_local_sites(estate)
        for site in _local_site_definitions(estate):
            for prefix in site.address_space:
                problem = prefix_problem(prefix.text)
                if problem is None:
                    continue
                what = f"an address prefix of local network site '{site.name}'"
                yield self._prefix(site, prefix, what, problem, unconnected=site.mark in unconnected)
        for subnet in estate.resources(Subnet):  # one a script adds to a network it does not create
            problem = prefix_problem(subnet.prefix.text) if subnet.prefix is not None else None
            if subnet.prefix is not None and problem is not None:
                where = f"the prefix of subnet '{subnet.name}' in virtual network '{subnet.virtual_network}'"
                yield self._prefix(subnet, subnet.prefix, where, problem, about=subnet)

    def _network(self, network: Network) -> Iterator[Finding]:
        """A bad prefix is wrong text in each file a user edits that writes it (a network configuration, a
        REST body): each is reported. An export is a snapshot of the network as deployed, which cannot be
        edited to fix it: its prefix is reported only when no other file of the network writes it, and
        once however many exports do."""
        exported = {id(v) for v in network.exported_definitions}
        edited = [v for v in network.definitions if id(v) not in exported]
        written = {prefix.text.strip() for vnet in edited for prefix, _ in _vnet_prefixes(vnet)}
        for vnet in edited:
            yield from self._vnet(vnet, list(_vnet_prefixes(vnet)))
        for vnet in network.exported_definitions:
            shown = [(p, what) for p, what in _vnet_prefixes(vnet) if p.text.strip() not in written]
            yield from self._vnet(vnet, shown)
            written.update(p.text.strip() for p, _ in shown)

    def _vnet(self, vnet: VirtualNetwork, prefixes: list[tuple[AddressPrefix, str]]) -> Iterator[Finding]:
        """The findings of the bad prefixes among `prefixes` of one description of a network."""
        bad = [(p, what, problem) for p, what in prefixes if (problem := prefix_problem(p.text)) is not None]
        misfits = _misfits(vnet) if bad else {}  # only a bad prefix can misfit: most networks have none
        # A subnet's finding is about the subnet, however its prefix is written or changed.
        subnets = {id(subnet.prefix): subnet for subnet in vnet.subnets} if bad else {}
        for prefix, what, problem in bad:
            about = subnets.get(id(prefix), prefix)
            yield self._prefix(vnet, prefix, what, problem, misfits.get(id(prefix), ""), about)

    def _prefix(
        self,
        owner: object,
        prefix: AddressPrefix,
        what: str,
        problem: PrefixProblem,
        misfit: str = "",
        about: object = None,
        unconnected: bool = False,
    ) -> Finding:
        """`misfit`: why the range the prefix denotes cannot be the one meant (`_misfits`); then the fix
        asks for the intended range instead of writing that one. `about`: the subnet whose prefix it is
        (`Finding.subject`), else the prefix. `unconnected`: of a local network site no gateway connects to,
        which only a network's migration would take (as the local network gateway of its connection): a
        warning, which blocks no step."""
        fix = f"Write {problem.corrected} instead of {prefix.text}." if problem.corrected else ""
        if misfit:
            meant = f"Write the range you meant: {problem.corrected} {misfit}."
            fix = " ".join(filter(None, (meant, _what_else_it_may_mean(prefix.text))))
        message = f"'{prefix.text}', {what}, is not a strict CIDR range: {problem.reason}"
        if unconnected:
            message += (
                "; no virtual network's gateway connects to the site, so no network's migration takes it, "
                "but a network connected to it later would fail to migrate"
            )
        return self.finding(
            owner,
            message,
            fix=fix,
            at=prefix,
            severity=Severity.WARNING if unconnected else None,
            autofix=None if misfit else _strict_prefix(prefix, problem.corrected),
            subject=about,
        )


def _vnet_prefixes(vnet: VirtualNetwork) -> Iterator[tuple[AddressPrefix, str]]:
    """Every address prefix one description of a network writes, with what it is the prefix of: its
    address space, its subnets and its gateway's VPN client address pool."""
    where = f"virtual network '{vnet.name}'"
    for prefix in vnet.address_space:
        yield prefix, f"an address space prefix of {where}"
    for subnet in vnet.subnets:
        if subnet.prefix is not None:
            yield subnet.prefix, f"the prefix of subnet '{subnet.name}' in {where}"
    for prefix in vnet.gateway.client_address_pool if vnet.gateway else ():
        yield prefix, f"the VPN client address pool of {where}"


def _misfits(vnet: VirtualNetwork) -> dict[int, str]:
    """By id of a subnet's prefix that is not strict: why the range its fix would write cannot be the one
    meant, when that range overlaps another subnet's (as written, or as its own fix would write it: two
    `10.0.0.00/24` become one range twice) or lies outside the network's address space (`10.1.1.0/16`
    beside `10.1.2.0/24` in `10.1.0.0/16`). One check for every kind of fix (host bits cleared, leading
    zeros dropped, an octal-looking octet read as decimal): writing that range would trade one invalid
    configuration for another."""
    subnets = [
        (subnet.name, prefix, network)
        for subnet in vnet.subnets
        if (prefix := subnet.prefix) is not None and (network := denoted_range(prefix.text)) is not None
    ]
    spaces = [
        (prefix, network)
        for prefix in vnet.address_space
        if (network := denoted_range(prefix.text)) is not None
    ]
    space = _Space([network for _, network in spaces])
    misfits = _space_misfits(vnet, spaces, space, subnets)
    # The range `denoted_range` gives is the one the fix writes (`prefix_problem(...).corrected`).
    loose = [(prefix, network) for _, prefix, network in subnets if _loose(prefix, network)]
    if not loose:
        return misfits
    overlapping = _overlapping([network for _, _, network in subnets])
    names = {id(network): name for name, _, network in subnets}
    for prefix, network in loose:
        other = overlapping.get(id(network))
        if other is not None:
            misfits[id(prefix)] = f"overlaps subnet '{names[id(other)]}' ({other})"
        elif space.starts and vnet.address_space_known and not space.holds(network):
            misfits[id(prefix)] = f"lies outside the address space of virtual network '{vnet.name}'"
    return misfits


def _loose(prefix: AddressPrefix, network: ipaddress.IPv4Network) -> bool:
    """Whether `prefix` is written otherwise than as the range it denotes: its fix would write `network`."""
    return str(network) != prefix.text.strip()


def _space_misfits(
    vnet: VirtualNetwork,
    spaces: list[tuple[AddressPrefix, ipaddress.IPv4Network]],
    space: _Space,
    subnets: list[tuple[str, AddressPrefix, ipaddress.IPv4Network]],
) -> dict[int, str]:
    """By id of an address space prefix that is not strict: why the range its fix would write cannot be
    the one meant, when it overlaps another prefix of the address space, or when, read as decimal, it
    leaves outside the address space a subnet its octal reading holds (`10.010.0.0/16` beside a subnet
    `10.8.1.0/24`). Subnets outside every reading are their own findings, not this fix's."""
    loose = [(prefix, network) for prefix, network in spaces if _loose(prefix, network)]
    if not loose:
        return {}
    overlapping = _overlapping([network for _, network in spaces])
    outside = sorted(
        (
            (int(network.network_address), name, network)
            for name, _, network in subnets
            if not space.holds(network)
        ),
        key=lambda each: each[0],
    )
    starts = [start for start, _, _ in outside]
    misfits: dict[int, str] = {}
    for prefix, network in loose:
        other = overlapping.get(id(network))
        octal = _octal_network(prefix.text)
        if other is not None:
            misfits[id(prefix)] = f"overlaps {other}, another prefix of the address space"
        elif octal is not None and vnet.address_space_known:
            # The first subnet left outside that starts at or after the octal reading's start: one look per
            # prefix, however many subnets the network has.
            at = bisect.bisect_left(starts, int(octal.network_address))
            if at < len(outside) and octal.supernet_of(outside[at][2]):
                name, subnet = outside[at][1], outside[at][2]
                misfits[id(prefix)] = f"leaves subnet '{name}' ({subnet}) outside the address space"
    return misfits


def _overlapping(networks: list[ipaddress.IPv4Network]) -> dict[int, ipaddress.IPv4Network]:
    """By id of each of `networks` that overlaps another of them, one it overlaps. Two CIDR ranges are
    nested or apart: sorted by start, widest first, a range overlaps an earlier one exactly when the
    earlier range reaching farthest reaches it, and each overlapping pair is met from its later side."""
    ordered = sorted(networks, key=lambda n: (int(n.network_address), -n.num_addresses))
    found: dict[int, ipaddress.IPv4Network] = {}
    reach: ipaddress.IPv4Network | None = None
    for network in ordered:
        if reach is not None and reach.broadcast_address >= network.network_address:
            found.setdefault(id(network), reach)
            found.setdefault(id(reach), network)
        if reach is None or network.broadcast_address > reach.broadcast_address:
            reach = network
    return found


class _Space:
    """A network's address space, asked whether a range lies inside it by binary search: of its prefixes
    that start at or before the range, the one reaching farthest holds it if any does."""

    def __init__(self, networks: list[ipaddress.IPv4Network]) -> None:
        ordered = sorted(networks, key=lambda n: int(n.network_address))
        self.starts = [int(n.network_address) for n in ordered]
        self.farthest: list[ipaddress.IPv4Network] = list(itertools.accumulate(ordered, _reaching_farther))

    def holds(self, network: ipaddress.IPv4Network) -> bool:
        at = bisect.bisect_right(self.starts, int(network.network_address)) - 1
        return at >= 0 and self.farthest[at].broadcast_address >= network.broadcast_address


def _reaching_farther(a: ipaddress.IPv4Network, b: ipaddress.IPv4Network) -> ipaddress.IPv4Network:
    return b if b.broadcast_address > a.broadcast_address else a


def _what_else_it_may_mean(text: str) -> str:
    """What else the author may have meant by `text`: the range its zero-padded octets give read as
    octal (`10.010.0.0/24` is `10.8.0.0/24` to some parsers), and, where host bits are set, the lengths
    that keep the address written."""
    said = []
    octal = _octal_reading(text)
    if octal:
        said.append(f"Read as octal, '{text.strip()}' is {octal}.")
    if _host_bits_set(text):
        said.append(_lengths_keeping_the_address(text))
    return " ".join(said)


def _host_bits_set(text: str) -> bool:
    """Whether the prefix `text` has bits set past its length (`10.0.1.7/24`); False for no prefix."""
    match = DOTTED.fullmatch(text)
    values = [int(n) for n in match.groups()] if match else []
    if not values or any(v > 255 for v in values[:4]) or values[4] > 32:
        return False
    return _network_text(values) != ".".join(map(str, values[:4])) + f"/{values[4]}"


def _octal_reading(text: str) -> str:
    """The range `text` denotes with its zero-padded octets read as octal, when that differs from the
    decimal reading; "" otherwise."""
    network = _octal_network(text)
    return str(network) if network is not None else ""


def _octal_network(text: str) -> ipaddress.IPv4Network | None:
    """The range `text` denotes with its zero-padded octets read as octal, when that differs from the
    decimal reading (`10.010.0.0/16` is `10.8.0.0/16`); None otherwise."""
    if not _octal_ambiguous(text):
        return None
    match = DOTTED.fullmatch(text)
    if match is None or int(match.group(5)) > 32:
        return None
    numbers = match.groups()
    values = [int(n, 8) if len(n) > 1 and n.startswith("0") else int(n) for n in numbers[:4]]
    if any(v > 255 for v in values):
        return None
    return ipaddress.IPv4Network(_network_text([*values, int(numbers[4])]))


def _lengths_keeping_the_address(text: str) -> str:
    """What lengths keep the written address as a network address: `10.1.1.0` needs /24 or longer."""
    canonical = canonical_prefix(text)
    address = int(ipaddress.IPv4Address(canonical.split("/")[0]))
    shortest = 32 - ((address & -address).bit_length() - 1) if address else 0
    if shortest == 32:
        return f"{canonical.split('/')[0]} is the network address only of a /32, a single address."
    return f"{canonical.split('/')[0]} is the network address of a /{shortest} or longer prefix."


def _strict_prefix(prefix: AddressPrefix, corrected: str) -> Fix | None:
    """The prefix rewritten as the strict range it already denotes: the same addresses, so the same
    network (leading zeros dropped, host bits cleared). Safe when every reading of the text gives that
    range; unsafe when a zero-padded octet reads differently as octal (`010` is 8 to some parsers). No fix
    where no range is certain (a missing length, an octet above 255)."""
    if not corrected:
        return None
    edit = Edit(prefix.mark, Part.TEXT, corrected, written=prefix.text)
    return Fix(f"Replace '{prefix.text}' with '{corrected}'", (edit,), safe=not _octal_ambiguous(prefix.text))


def _octal_ambiguous(text: str) -> bool:
    """A zero-padded octet whose octal reading is another number (`010`; not `00`, `07` or `08`)."""
    match = DOTTED.fullmatch(text)
    octets = match.groups()[:4] if match else ()
    return any(
        len(n) > 1 and n.startswith("0") and set(n) <= set("01234567") and int(n, 8) != int(n) for n in octets
    )
