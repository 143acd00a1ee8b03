"""Read a network configuration (`.netcfg`, `NetworkConfig.xml`): DNS servers, local network sites and
virtual network sites with their address spaces, subnets, DNS references and gateway. Address prefixes are
kept exactly as written (stripped): a rule checks that they are strict CIDR."""

from __future__ import annotations

from migcheck.model import (
    AddressPrefix,
    DnsServer,
    Gateway,
    GatewayConnection,
    LocalNetworkSite,
    NameRef,
    NetworkConfiguration,
    Subnet,
    VirtualNetwork,
)
from migcheck.readers.xml import Element, Marker, attr, child, children, text_of

DEFAULT_CONNECTION = "IPsec"  # a LocalNetworkSiteRef without a Connection is a site-to-site VPN


def read(root: Element, marker: Marker) -> tuple[object, ...]:
    config = child(root, "VirtualNetworkConfiguration")
    if config is None:
        return (NetworkConfiguration((), (), (), marker.mark(root)),)
    network = NetworkConfiguration(
        virtual_networks=tuple(
            _virtual_network(el, marker) for el in children(config, "VirtualNetworkSites/VirtualNetworkSite")
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


def _virtual_network(el: Element, marker: Marker) -> VirtualNetwork:
    gateway = child(el, "Gateway")
    return VirtualNetwork(
        name=attr(el, "name"),
        mark=marker.mark(el),
        location=attr(el, "Location"),
        affinity_group=attr(el, "AffinityGroup"),
        address_space=prefixes(el, "AddressSpace/AddressPrefix", marker),
        subnets=tuple(_subnet(s, marker) for s in children(el, "Subnets/Subnet")),
        dns_servers=tuple(
            NameRef(attr(ref, "name"), marker.mark(ref)) for ref in children(el, "DnsServersRef/DnsServerRef")
        ),
        gateway=_gateway(gateway, marker) if gateway is not None else None,
    )


def _subnet(el: Element, marker: Marker) -> Subnet:
    prefix = prefixes(el, "AddressPrefix", marker)
    return Subnet(attr(el, "name"), prefix[0] if prefix else None, marker.mark(el))


def _gateway(el: Element, marker: Marker) -> Gateway:
    connections = []
    for site in children(el, "ConnectionsToLocalNetwork/LocalNetworkSiteRef"):
        name = attr(site, "name")
        found = children(site, "Connection")
        connections.extend(
            GatewayConnection(name, attr(c, "type") or DEFAULT_CONNECTION, marker.mark(c)) for c in found
        )
        if not found:
            connections.append(GatewayConnection(name, DEFAULT_CONNECTION, marker.mark(site)))
    return Gateway(
        connections=tuple(connections),
        client_address_pool=prefixes(el, "VPNClientAddressPool/AddressPrefix", marker),
        mark=marker.mark(el),
    )
