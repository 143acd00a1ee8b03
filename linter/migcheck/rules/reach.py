"""Where a virtual network's gateway leads: whether the VMs of a network reach on-premises only through
another virtual network (classic transit), or through an ExpressRoute gateway to on-premises DNS servers.
Both are cut during migration (network-gateway-migration: "the transit scenario loses on-premises
connectivity"; overview 2017: an ExpressRoute gateway is not kept in place). Shared by MIG207 and MIG305."""

from __future__ import annotations

import bisect
import ipaddress
from collections.abc import Iterable, Iterator

from migcheck.estate import Estate, Network, Placement
from migcheck.model import AddressPrefix, DnsServer

__all__ = ["Reach"]


class Reach:
    """What cuts a network's VMs off from on-premises during migration. The address ranges of every local
    site and virtual network are indexed once per estate (`_Blocks`), so each question costs the same
    whatever the number of sites, networks and DNS servers: the rule stays linear in the estate."""

    def __init__(self, estate: Estate) -> None:
        self.sites = _Blocks(
            (net, site) for site in estate.local_sites for net in _networks(site.address_space)
        )
        # A network's own ranges include its gateway's point-to-site client pool: those clients are
        # reached through the network, they are not on-premises.
        self.vnets = _Blocks(
            (net, v)
            for v in estate.virtual_networks
            for net in _networks((*v.address_space, *(v.gateway.client_address_pool if v.gateway else ())))
        )
        # A hub is a network whose own gateway reaches on-premises: through ExpressRoute, or a site-to-site
        # connection to a site with addresses in no virtual network. Transit through a network that reaches
        # nothing beyond other networks has no on-premises connectivity to lose.
        self.hubs = _Blocks(
            (net, v)
            for v in estate.virtual_networks
            if v.gateway and self._reaches_on_premises(v)
            for net in _networks(v.address_space)
        )

    def _reaches_on_premises(self, network: Network) -> bool:
        if network.gateway is not None and network.gateway.has_expressroute:
            return True
        return any(
            not self.vnets.holding(prefix)
            for site in network.vpn_sites
            for prefix in _networks(site.address_space)
        )

    def cut(self, network: Network, placement: Placement) -> str:
        """Why the VMs of `placement` in `network` lose their way to on-premises, or "" when the files do
        not show that they would."""
        gateway = network.gateway
        if gateway is None:
            return ""
        if gateway.has_expressroute:
            dns = self._on_premises_dns((*placement.dns_servers, *network.dns_servers))
            if dns is not None:
                return f"has an ExpressRoute gateway and uses on-premises DNS server '{dns.name}' ({dns.address})"
        site = self.transit_site(network)
        return (
            f"has a VPN gateway in transit connectivity through local network site '{site}'" if site else ""
        )

    def _on_premises_dns(self, servers: Iterable[DnsServer]) -> DnsServer | None:
        """The first DNS server whose address is in a local network site and in no virtual network."""
        for server in servers:
            address = _address(server.address)
            if address is None:
                continue
            host = ipaddress.IPv4Network(address)
            if self.sites.holding(host) and not self.vnets.holding(host):
                return server
        return None

    def transit_site(self, network: Network) -> str:
        """The local network site through which `network` reaches on-premises via another virtual network.

        Classic transit is written as a site-to-site connection to a local site whose prefixes aggregate a
        hub network (one with a gateway of its own) and on-premises addresses (outside every virtual
        network)."""
        for site in network.vpn_sites:
            prefixes = _networks(site.address_space)
            via_hub = any(self.hubs.overlapping(p, besides=network) for p in prefixes)
            on_premises = any(not self.vnets.holding(p) for p in prefixes)
            if via_hub and on_premises:
                return site.name
        return ""


_MASKS = tuple((0xFFFFFFFF << (32 - length)) & 0xFFFFFFFF for length in range(33))


class _Blocks:
    """IPv4 address blocks, each with its owner, indexed for two questions asked once per VM or network:
    does a block hold all of a given range, and does one other than a given owner's overlap it. CIDR
    blocks are either nested or apart, so a block holding a range is one of the range's 33 possible
    enclosing blocks (looked up in a set), and one inside it starts within it (found by bisection)."""

    def __init__(self, blocks: Iterable[tuple[ipaddress.IPv4Network, object]]) -> None:
        self._owners: dict[tuple[int, int], set[int]] = {}
        starts: dict[int, list[int]] = {}  # id(owner) -> starts of its blocks
        for net, owner in blocks:
            self._owners.setdefault(_key(net), set()).add(id(owner))
            starts.setdefault(id(owner), []).append(int(net.network_address))
        self._starts = sorted(s for owned in starts.values() for s in owned)
        self._starts_of = {owner: sorted(owned) for owner, owned in starts.items()}

    def holding(self, net: ipaddress.IPv4Network) -> bool:
        """Whether a block holds every address of `net`."""
        return any(self._enclosing(net))

    def overlapping(self, net: ipaddress.IPv4Network, *, besides: object) -> bool:
        """Whether a block of an owner other than `besides` shares an address with `net`."""
        other = id(besides)
        if any(len(owners) > 1 or other not in owners for owners in self._enclosing(net)):
            return True
        first, last = int(net.network_address), int(net.broadcast_address)
        inside = _count(self._starts, first, last) - _count(self._starts_of.get(other, []), first, last)
        return inside > 0

    def _enclosing(self, net: ipaddress.IPv4Network) -> Iterator[set[int]]:
        address = int(net.network_address)
        for length in range(net.prefixlen + 1):
            owners = self._owners.get((address & _MASKS[length], length))
            if owners:
                yield owners


def _key(net: ipaddress.IPv4Network) -> tuple[int, int]:
    return int(net.network_address), net.prefixlen


def _count(starts: list[int], first: int, last: int) -> int:
    """How many of the sorted `starts` lie in [first, last]."""
    return bisect.bisect_right(starts, last) - bisect.bisect_left(starts, first)


def _networks(prefixes: Iterable[AddressPrefix]) -> list[ipaddress.IPv4Network]:
    """The IPv4 networks among `prefixes`; malformed ones (MIG304's business) are left out."""
    found = []
    for prefix in prefixes:
        try:
            found.append(ipaddress.IPv4Network(prefix.text, strict=False))
        except ValueError:
            continue
    return found


def _address(text: str) -> ipaddress.IPv4Address | None:
    try:
        return ipaddress.IPv4Address(text.strip())
    except ValueError:
        return None
