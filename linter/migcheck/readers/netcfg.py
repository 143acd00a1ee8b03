"""Read a network configuration (`.netcfg`, `NetworkConfig.xml`): DNS servers, local network sites and
virtual network sites with their address spaces, subnets, DNS references and gateway. Address prefixes are
kept exactly as written (stripped): a rule checks that they are strict CIDR."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from migcheck.model import (
    AddressPrefix,
    DnsServer,
    Gateway,
    GatewayConnection,
    LocalNetworkSite,
    Mark,
    NameRef,
    NetworkConfiguration,
    Subnet,
    VirtualNetwork,
    at_attribute,
)
from migcheck.readers.role import mark_of
from migcheck.readers.xml import Element, Marker, attr, child, children, text_of

DEFAULT_CONNECTION = "IPsec"  # a LocalNetworkSiteRef without a Connection is a site-to-site VPN


def read(root: Element, marker: Marker) -> tuple[object, ...]:
    config = child(root, "VirtualNetworkConfiguration")
    if config is None:
        return (NetworkConfiguration((), (), (), marker.mark(root)),)
    network = NetworkConfiguration(
        virtual_networks=tuple(
            read_virtual_network(el, marker)
            for el in children(config, "VirtualNetworkSites/VirtualNetworkSite")
        ),
        local_sites=tuple(
            _local_site(el, marker) for el in children(config, "LocalNetworkSites/LocalNetworkSite")
        ),
        dns_servers=tuple(
            DnsServer(attr(el, "name"), attr(el, "IPAddress"), marker.mark(el))
            for el in children(config, "Dns/DnsServers/DnsServer")
        ),
        mark=marker.mark(root),
    )
    return (network,)


def prefixes(parent: Element | None, path: str, marker: Marker) -> tuple[AddressPrefix, ...]:
    if parent is None:
        return ()
    return tuple(AddressPrefix(text_of(el), marker.mark(el)) for el in children(parent, path))


def _local_site(el: Element, marker: Marker) -> LocalNetworkSite:
    return LocalNetworkSite(
        name=attr(el, "name"),
        address_space=prefixes(el, "AddressSpace/AddressPrefix", marker),
        vpn_gateway_address=text_of(el, "VPNGatewayAddress"),
        mark=marker.mark(el),
    )


@dataclass(frozen=True, slots=True)
class NetworkShape:
    """Where a virtual network's facts sit in one format. A netcfg writes names as attributes and nests
    its lists one way; a REST `VirtualNetworkSite` writes them as child elements and nests another."""

    value: Callable[[Element, str], str]  # a named value of an element: attribute or child text
    address_space: str
    dns_servers: str
    sites: str  # the gateway's local network sites
    connections: str  # below one site
    client_pool: str
    # REST bodies write DNS servers and the gateway's local sites in full inside the network: the
    # element below a DNS server holding its address, and where a site's address space sits ("" for a
    # netcfg, which only refers to servers and sites defined beside its networks).
    dns_address: str = ""
    site_address_space: str = ""


NETCFG = NetworkShape(
    value=attr,
    address_space="AddressSpace/AddressPrefix",
    dns_servers="DnsServersRef/DnsServerRef",
    sites="ConnectionsToLocalNetwork/LocalNetworkSiteRef",
    connections="Connection",
    client_pool="VPNClientAddressPool/AddressPrefix",
)
REST_NETWORK = NetworkShape(
    value=text_of,
    address_space="AddressSpace/AddressPrefixes/AddressPrefix",
    dns_servers="Dns/DnsServers/DnsServer",
    sites="Sites/LocalNetworkSite",
    connections="Connections/Connection",
    client_pool="VPNClientAddressPool/AddressPrefixes/AddressPrefix",
    dns_address="Address",
    site_address_space="AddressSpace/AddressPrefixes/AddressPrefix",
)


def read_virtual_network(el: Element, marker: Marker, shape: NetworkShape = NETCFG) -> VirtualNetwork:
    value = shape.value
    gateway = child(el, "Gateway")
    mark = marker.mark(el)
    affinity_group = value(el, "AffinityGroup")
    return VirtualNetwork(
        name=value(el, "Name"),  # attributes are matched without regard to case: `name` in a netcfg
        mark=mark,
        location=value(el, "Location"),
        affinity_group=affinity_group,
        affinity_group_mark=_affinity_group_mark(el, mark, marker, shape) if affinity_group else None,
        address_space=prefixes(el, shape.address_space, marker),
        subnets=tuple(_subnet(s, marker, value) for s in children(el, "Subnets/Subnet")),
        dns_servers=tuple(
            NameRef(value(ref, "Name"), _named_at(ref, marker, shape))
            for ref in children(el, shape.dns_servers)
        ),
        gateway=_gateway(gateway, marker, shape) if gateway is not None else None,
        inline_dns_servers=tuple(
            DnsServer(value(ref, "Name"), text_of(ref, shape.dns_address), marker.mark(ref))
            for ref in children(el, shape.dns_servers)
        )
        if shape.dns_address
        else (),
        inline_local_sites=tuple(
            LocalNetworkSite(
                name=value(site, "Name"),
                address_space=prefixes(site, shape.site_address_space, marker),
                vpn_gateway_address=text_of(site, "VpnGatewayAddress") or text_of(site, "VPNGatewayAddress"),
                mark=marker.mark(site),
            )
            for site in children(gateway, shape.sites)
        )
        if gateway is not None and shape.site_address_space
        else (),
    )


def _affinity_group_mark(el: Element, mark: Mark, marker: Marker, shape: NetworkShape) -> Mark | None:
    """Where a network's affinity group is written: a netcfg's `AffinityGroup` attribute, a REST body's
    element."""
    return (
        at_attribute(mark, "AffinityGroup")
        if shape is NETCFG
        else mark_of(child(el, "AffinityGroup"), marker)
    )


def _named_at(el: Element, marker: Marker, shape: NetworkShape) -> Mark:
    """Where a reference names what it refers to (`DnsServerRef`, `LocalNetworkSiteRef`): a netcfg's `name`
    attribute, whose value a finding about the name points at; a REST body's element."""
    mark = marker.mark(el)
    return at_attribute(mark, "name") if shape is NETCFG else mark


def _subnet(el: Element, marker: Marker, value: Callable[[Element, str], str]) -> Subnet:
    prefix = prefixes(el, "AddressPrefix", marker)
    return Subnet(
        value(el, "Name"),
        prefix[0] if prefix else None,
        marker.mark(el),
        security_group=text_of(el, "NetworkSecurityGroup"),  # REST bodies only: never in a .netcfg
        route_table=text_of(el, "RouteTableName"),
    )


def _gateway(el: Element, marker: Marker, shape: NetworkShape) -> Gateway:
    connections: list[GatewayConnection] = []
    for site in children(el, shape.sites):
        name = shape.value(site, "Name")
        found = children(site, shape.connections)
        named_at = _named_at(site, marker, shape)
        connections.extend(
            GatewayConnection(name, shape.value(c, "Type") or DEFAULT_CONNECTION, marker.mark(c), named_at)
            for c in found
        )
        if not found:
            connections.append(GatewayConnection(name, DEFAULT_CONNECTION, marker.mark(site)))
    return Gateway(
        connections=tuple(connections),
        client_address_pool=prefixes(el, shape.client_pool, marker),
        mark=marker.mark(el),
    )
