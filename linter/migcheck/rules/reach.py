"""Where a virtual network's gateway leads: whether the VMs of a network reach on-premises only through
another virtual network (classic transit), or through an ExpressRoute gateway to on-premises DNS servers.
Both are cut during migration (network-gateway-migration: "the transit scenario loses on-premises
connectivity"; overview 2017: an ExpressRoute gateway is not kept in place). Shared by MIG207, MIG210 and
MIG305. And whether a network security group's rules let a VM reach the Internet (`outbound_internet`):
the planning guide asks that they do not restrict outbound Internet access, which extensions need to be
migrated (MIG210)."""

from __future__ import annotations

import bisect
import enum
import ipaddress
import itertools
import re
from collections.abc import Callable, Iterable, Iterator

from migcheck.estate import Estate, Network, Placement, key
from migcheck.model import AddressPrefix, DnsServer, LocalNetworkSite, Mark, SecurityRule, Subnet, record

__all__ = ["Outbound", "Reach", "outbound_internet", "subnet_range"]


class Reach:
    """What cuts a network's VMs off from on-premises during migration. The address ranges of every local
    site and virtual network are indexed once per estate (`_Blocks`), so each question costs the same
    whatever the number of sites, networks and DNS servers: the rule stays linear in the estate."""

    def __init__(self, estate: Estate) -> None:
        self.sites = _Blocks(
            (net, site) for site in estate.local_sites for net in ipv4_networks(site.address_space)
        )
        # A network's own ranges include its gateway's point-to-site client pool: those clients are
        # reached through the network, they are not on-premises.
        self.vnets = _Blocks(
            (net, v)
            for v in estate.virtual_networks
            for net in ipv4_networks(
                (*v.address_space, *(v.gateway.client_address_pool if v.gateway else ()))
            )
        )
        self._site_on_premises: dict[int, bool] = {}  # id(local site) -> `_on_premises`
        self._vnet_facts: dict[int, _SiteFacts] = {}  # id(local site) -> the networks it overlaps
        self._vpn_blocks: dict[int, dict[tuple[int, int], str]] = {}  # id(network) -> its VPN sites' blocks
        self._linked = _linked_to_circuits(estate)
        # The ranges of the networks linked to ExpressRoute, which reach one another through ExpressRoute.
        self._expressroute_vnets = _Blocks(
            (net, v)
            for v in estate.virtual_networks
            if self.expressroute(v)
            for net in ipv4_networks(v.address_space)
        )
        # A hub is a network whose own gateway reaches on-premises: through ExpressRoute, or a site-to-site
        # connection to a site with addresses in no virtual network that stands for no other network.
        # Transit through a network that reaches nothing beyond other networks has no on-premises
        # connectivity to lose.
        hubs = [v for v in estate.virtual_networks if self._reaches_on_premises(v)]
        self.hubs = _Blocks((net, v) for v in hubs for net in ipv4_networks(v.address_space))
        # Hubs whose on-premises ranges the files do not bound: ExpressRoute (its routes are not in the
        # files) or a site whose address space a script leaves to a value it does not state.
        self.open_hubs = _Blocks(
            (net, v) for v in hubs if self._reaches_anywhere(v) for net in ipv4_networks(v.address_space)
        )
        # The on-premises ranges the other hubs reach, each owned by its hub (or shared by several).
        self.reached = _Blocks(self._reached_on_premises(hubs))
        self._transit: dict[int, str] = {}  # id(network) -> its transit site's name, or ""
        self._site_off_network: dict[int, list[tuple[int, int]]] = {}  # id(site) -> `_off_network_starts`
        self._sites: dict[int, _SiteFacts] = {}  # id(local site) -> what transit through it depends on
        self._open_sites: dict[int, _SiteFacts] = {}  # id(local site) -> the open hubs it overlaps
        self._reached_sites: dict[int, _SiteFacts] = {}  # id(local site) -> the hubs' ranges it overlaps

    def expressroute(self, network: Network) -> bool:
        """Whether `network` is linked to ExpressRoute: by a `Dedicated` connection of its gateway, by a
        script's circuit link, or by an export of a circuit's links, as MIG301 and MIG302 take it."""
        gateway = network.gateway
        return (gateway is not None and gateway.has_expressroute) or key(network.name) in self._linked

    def _reaches_on_premises(self, network: Network) -> bool:
        if self.expressroute(network):
            return True
        return any(self._own_on_premises_sites(network))  # its gateway's, or a script's, connections

    def _own_on_premises_sites(self, network: Network) -> Iterator[LocalNetworkSite]:
        """The sites through which `network`'s own gateway reaches on-premises."""
        return (
            site
            for site in network.vpn_sites
            if self._on_premises(site) and not self._stands_for_another(site, network)
        )

    def _reaches_anywhere(self, hub: Network) -> bool:
        if self.expressroute(hub):
            return True
        return any(not site.address_space_known for site in self._own_on_premises_sites(hub))

    def _reached_on_premises(self, hubs: list[Network]) -> Iterator[tuple[ipaddress.IPv4Network, object]]:
        """The prefixes of the hubs' own on-premises sites that hold addresses of no virtual network, each
        once, owned by the one hub that reaches it or by `_SHARED`: a site many hubs connect to is indexed
        once, so the index stays as large as the sites."""
        owners: dict[int, object] = {}
        sites: list[LocalNetworkSite] = []
        for hub in hubs:
            for site in self._own_on_premises_sites(hub):
                if id(site) not in owners:
                    sites.append(site)
                owners[id(site)] = hub if owners.get(id(site), hub) is hub else _SHARED
        for site in sites:
            for net in self._off_network(site):
                yield net, owners[id(site)]

    def _off_network(self, site: LocalNetworkSite) -> list[ipaddress.IPv4Network]:
        """The prefixes of `site` that hold addresses of no virtual network."""
        return [p for p in ipv4_networks(site.address_space) if not self.vnets.holding(p)]

    def stands_for_another(self, site: LocalNetworkSite, network: Network) -> bool:
        """Whether `network`'s VPN connection to `site` is one side of a VNet-to-VNet connection: the site
        holds, or lies in, the range of another virtual network of the files."""
        return self._stands_for_another(site, network)

    def _stands_for_another(self, site: LocalNetworkSite, network: Network) -> bool:
        """Whether `site` holds or lies in the range of a virtual network other than `network`: the local
        site of a VNet-to-VNet connection, often written wider than the network it stands for. What else it
        holds is reached through that network's gateway, not by `network`'s own."""
        return _overlaps_another(site, network, self.vnets, self._vnet_facts)

    def _on_premises(self, site: LocalNetworkSite) -> bool:
        """Whether a prefix of `site` holds addresses of no virtual network; once per site, which many
        networks may connect to."""
        found = self._site_on_premises.get(id(site))
        if found is None:
            found = self._site_on_premises[id(site)] = any(
                not self.vnets.holding(p) for p in ipv4_networks(site.address_space)
            )
        return found

    def cut(self, network: Network, placement: Placement) -> str:
        """Why the VMs of `placement` in `network` lose their way to on-premises, or "" when the files do
        not show that they would."""
        if self.expressroute(network):
            lost = self._on_premises_dns(network, (*placement.dns_servers, *network.dns_servers))
            if lost:
                return lost
        if not network.vpn_sites:  # a gateway connected to no site by VPN, or none
            return ""
        site = self.transit_site(network)
        return (
            f"has a VPN gateway in transit connectivity through local network site '{site}'" if site else ""
        )

    def _on_premises_dns(self, network: Network, servers: Iterable[DnsServer]) -> str:
        """How an ExpressRoute network uses the first of `servers` that is on-premises, or "" for none: one
        whose address is in a local network site and in no virtual network, or, with no site holding it, a
        private address (RFC 1918, RFC 6598) in no virtual network: the circuit's BGP routes reach the
        on-premises ranges without a local site stating them, and no other way leads to a private address
        outside Azure. A server in a site the network's gateway reaches by a site-to-site VPN is reached
        through that VPN, not the circuit: the ExpressRoute migration removes every connection of the
        network's gateway (its ConnectionsToLocalNetwork emptied), so the VPN's way is cut all the same. So
        is a server in another virtual network that such a site stands for (a VNet-to-VNet connection):
        not on-premises, but reached through the same gateway's connection."""
        for server in servers:
            address = _address(server.address)
            if address is None:
                continue
            host = ipaddress.IPv4Network(address)
            if self.vnets.holding(host):
                peer = "" if self._reached_in_azure(host, network) else self._vpn_site_holding(network, host)
                if peer:
                    return (
                        f"is linked to ExpressRoute and uses DNS server {_named(server, address)} of another "
                        f"virtual network through its VNet-to-VNet VPN to local network site '{peer}' (the "
                        "migration of a network linked to ExpressRoute removes its gateway's connections)"
                    )
                continue
            if self.sites.holding(host):
                named = _named(server, address)
                vpn = self._vpn_site_holding(network, host)
                if vpn:
                    return (
                        f"is linked to ExpressRoute and uses on-premises DNS server {named} through its "
                        f"site-to-site VPN to local network site '{vpn}' (the migration of a network linked to "
                        "ExpressRoute removes its gateway's connections)"
                    )
                return f"has an ExpressRoute gateway and uses on-premises DNS server {named}"
            if any(address in private for private in _PRIVATE_RANGES):
                return (
                    f"is linked to ExpressRoute and uses DNS server {_named(server, address)}, on-premises (a "
                    "private address in no virtual network of the files) and reached through the circuit"
                )
        return ""

    def _reached_in_azure(self, host: ipaddress.IPv4Network, network: Network) -> bool:
        """Whether `network` reaches `host`, an address of a virtual network, without its gateway's VPN
        connections: the address is its own, or that of a network also linked to ExpressRoute, reached
        through ExpressRoute, which the ExpressRoute migration keeps (the circuit's links stay)."""
        return self.vnets.held_by(host, network) or self._expressroute_vnets.holding(host)

    def _vpn_site_holding(self, network: Network, host: ipaddress.IPv4Network) -> str:
        """The name of the first local site the network's gateway reaches by VPN whose range holds `host`,
        or "" for none: the network's VPN sites' prefixes are indexed by block once per network, so a
        question is one of the host's 33 enclosing blocks."""
        blocks = self._vpn_blocks.get(id(network))
        if blocks is None:
            blocks = self._vpn_blocks[id(network)] = {}
            for site in network.vpn_sites:
                for net in ipv4_networks(site.address_space):
                    blocks.setdefault(_key(net), site.name)
        address = int(host.network_address)
        return next(
            (blocks[k] for length in range(33) if (k := (address & _MASKS[length], length)) in blocks), ""
        )

    def transit_site(self, network: Network) -> str:
        """The local network site through which `network` reaches on-premises via another virtual network.

        Classic transit is written as a site-to-site connection to a local site whose prefixes aggregate a
        hub network (one with a gateway of its own) and on-premises addresses (outside every virtual
        network). Asked once per placement (MIG207, MIG210) and per network (MIG305): answered once per
        network, from what is worked out once per site."""
        found = self._transit.get(id(network))
        if found is None:
            found = self._transit[id(network)] = next(
                (
                    site.name
                    for site in network.vpn_sites
                    if self._via_hub(site, network) and not self._reached_directly(site, network)
                ),
                "",
            )
        return found

    def _reached_directly(self, site: LocalNetworkSite, network: Network) -> bool:
        """Whether `network`'s own gateway reaches every on-premises range of the transit `site` through
        site-to-site connections of its own: the gateway guide's remedy (a direct connection to the
        on-premises local network gateway) is in place already, so migration cuts nothing off. A site
        whose address space the files leave unstated covers nothing that can be told."""
        own = [
            net
            for other in self._own_on_premises_sites(network)
            if other is not site and other.address_space_known
            for net in ipv4_networks(other.address_space)
        ]
        if not own:
            return False
        starts = self._off_network_starts(site)
        return sum(_count_within(starts, net) for net in _outermost(own)) == len(starts)

    def _off_network_starts(self, site: LocalNetworkSite) -> list[tuple[int, int]]:
        """The distinct prefixes of `site` that hold addresses of no virtual network, as sorted (start,
        length) pairs; once per site, which many networks may connect to."""
        found = self._site_off_network.get(id(site))
        if found is None:
            found = self._site_off_network[id(site)] = sorted({_key(p) for p in self._off_network(site)})
        return found

    def _via_hub(self, site: LocalNetworkSite, network: Network) -> bool:
        """Whether `site` aggregates a hub other than `network` and on-premises addresses that hub reaches:
        a hub's block encloses one of its prefixes, or starts inside one (counted over the site's prefixes,
        less the blocks of `network` itself, which it may be a hub of). The gateway guide asks a transit
        site for "both the connected VNet and on-premises address space": a VNet-to-VNet site written wide
        (10.0.0.0/8 for a hub's 10.1.0.0/16) holds addresses in no network, but is transit only when they
        meet the ranges a hub reaches on-premises (any, for a hub whose ranges the files do not bound)."""
        if not self._on_premises(site):
            return False
        if _overlaps_another(site, network, self.open_hubs, self._open_sites):
            return True
        return _overlaps_another(site, network, self.hubs, self._sites) and _overlaps_another(
            site, network, self.reached, self._reached_sites, self._off_network
        )


# The owner of an on-premises range that several hubs reach: never the network asked about.
_SHARED = object()


def _linked_to_circuits(estate: Estate) -> frozenset[str]:
    """The keys of the networks that scripts link to an ExpressRoute circuit (`New-AzureDedicatedCircuitLink`
    not removed again) or that an export of a circuit's links lists as linked: their gateway is an
    ExpressRoute one whatever their network configuration says, as for MIG301 and MIG302."""
    scripted = (s.name for s in estate.scripted_gateways if any(f.is_expressroute for f in s.facts))
    exported = (link.vnet for link in estate.circuit_links() if link.linked)
    return frozenset(key(name) for name in itertools.chain(scripted, exported))


def _overlaps_another(
    site: LocalNetworkSite,
    network: Network,
    blocks: _Blocks,
    known: dict[int, _SiteFacts],
    prefixes_of: Callable[[LocalNetworkSite], list[ipaddress.IPv4Network]] | None = None,
) -> bool:
    """Whether a block of `blocks` owned by another network than `network` encloses one of the site's
    `prefixes_of` (all its prefixes unless told), or starts inside one (counted over those prefixes, less
    `network`'s own blocks). What a site overlaps is worked out once per site and kept in `known`, which
    many networks may connect to."""
    facts = known.get(id(site))
    if facts is None:
        prefixes = prefixes_of(site) if prefixes_of else ipv4_networks(site.address_space)
        facts = known[id(site)] = _SiteFacts(
            enclosing=blocks.enclosing_owners(prefixes),
            inside=sum(blocks.count_inside(p) for p in prefixes),
            keys=frozenset(_key(p) for p in prefixes),
        )
    if facts.enclosing - {id(network)}:
        return True
    return facts.inside > blocks.starts_inside(id(network), facts.keys)


@record
class _SiteFacts:
    """What transit through one local network site depends on, whichever network connects to it."""

    enclosing: frozenset[int]  # hubs whose blocks enclose one of its prefixes (two at most: one more is any)
    inside: int  # hub blocks starting inside its prefixes, counted once per prefix they are in
    keys: frozenset[tuple[int, int]]  # its prefixes, as `_key` gives them


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
        self._starts_of: dict[int, list[int]] = {owner: sorted(owned) for owner, owned in starts.items()}

    def holding(self, net: ipaddress.IPv4Network) -> bool:
        """Whether a block holds every address of `net`."""
        return any(self._enclosing(net))

    def held_by(self, net: ipaddress.IPv4Network, owner: object) -> bool:
        """Whether a block of `owner` holds every address of `net`."""
        return any(id(owner) in owners for owners in self._enclosing(net))

    def enclosing_owners(self, nets: Iterable[ipaddress.IPv4Network]) -> frozenset[int]:
        """Owners of blocks that enclose one of `nets`; at most two are gathered, which is enough to tell
        that one other than a given owner is among them."""
        found: set[int] = set()
        for net in nets:
            for owners in self._enclosing(net):
                found.update(itertools.islice(owners, 2))
                if len(found) >= 2:
                    return frozenset(found)
        return frozenset(found)

    def count_inside(self, net: ipaddress.IPv4Network) -> int:
        """How many blocks start inside `net`."""
        return _count(self._starts, int(net.network_address), int(net.broadcast_address))

    def starts_inside(self, owner: int, keys: frozenset[tuple[int, int]]) -> int:
        """How many of `owner`'s blocks start inside the ranges `keys`, counted once per range they are in:
        a range holding a start is one of its 33 enclosing ranges, and a range holds the starts found by
        bisection. Whichever side is smaller is walked, so an owner of many blocks (a hub's offices) asked
        about many sites of few prefixes costs what those sites hold."""
        starts = self._starts_of.get(owner, [])
        if len(keys) < len(starts):
            return sum(
                _count(starts, address, address | ~_MASKS[length] & 0xFFFFFFFF) for address, length in keys
            )
        return sum((start & _MASKS[length], length) in keys for start in starts for length in range(33))

    def _enclosing(self, net: ipaddress.IPv4Network) -> Iterator[set[int]]:
        address = int(net.network_address)
        for length in range(net.prefixlen + 1):
            owners = self._owners.get((address & _MASKS[length], length))
            if owners:
                yield owners


def _key(net: ipaddress.IPv4Network) -> tuple[int, int]:
    return int(net.network_address), net.prefixlen


def _outermost(nets: list[ipaddress.IPv4Network]) -> list[tuple[int, int]]:
    """The distinct (start, length) pairs of `nets` that no other of them encloses: CIDR blocks are nested
    or apart, so these are apart, and a range lies within at most one of them."""
    keys = {_key(net) for net in nets}
    return [
        (address, length)
        for address, length in keys
        if not any((address & _MASKS[outer], outer) in keys for outer in range(length))
    ]


def _count_within(prefixes: list[tuple[int, int]], block: tuple[int, int]) -> int:
    """How many of the sorted (start, length) `prefixes` lie within `block`: those that start in it, less
    the wider ones starting where it does (a range starting inside a CIDR block is within it or holds it)."""
    address, length = block
    last = address | ~_MASKS[length] & 0xFFFFFFFF
    inside = bisect.bisect_right(prefixes, (last, 33)) - bisect.bisect_left(prefixes, (address, 0))
    wider = bisect.bisect_left(prefixes, (address, length)) - bisect.bisect_left(prefixes, (address, 0))
    return inside - wider


def _count(starts: list[int], first: int, last: int) -> int:
    """How many of the sorted `starts` lie in [first, last]."""
    return bisect.bisect_right(starts, last) - bisect.bisect_left(starts, first)


def ipv4_networks(prefixes: Iterable[AddressPrefix]) -> list[ipaddress.IPv4Network]:
    """The IPv4 networks among `prefixes`: a loosely written one MIG304 reports (`10.0.0.00/24`, host bits
    set) as the range it denotes, which MIG304's fix writes (leading zeros dropped, octets read as decimal
    as the classic platform read them); one that denotes no range (MIG304's business too) is left out."""
    found = []
    for prefix in prefixes:
        try:
            found.append(ipaddress.IPv4Network(prefix.text, strict=False))
        except ValueError:
            denoted = denoted_range(prefix.text)
            if denoted is not None:
                found.append(denoted)
    return found


# A prefix written as dotted decimal and a length, digits as written (leading zeros, octets above 255).
DOTTED = re.compile(r"([0-9]+)\.([0-9]+)\.([0-9]+)\.([0-9]+)/([0-9]+)", re.ASCII)


def denoted_range(text: str) -> ipaddress.IPv4Network | None:
    """The range a prefix denotes, host bits cleared, as the classic platform read it; None for a prefix
    that denotes none (not dotted decimal, an octet above 255, a length above 32)."""
    canonical = canonical_prefix(text)
    return ipaddress.IPv4Network(canonical, strict=False) if canonical else None


def canonical_prefix(text: str) -> str:
    """`text` as dotted decimal without leading zeros, host bits as written; "" when it is not a prefix."""
    match = DOTTED.fullmatch(text)
    values = [int(n) for n in match.groups()] if match else []
    if not values or any(v > 255 for v in values[:4]) or values[4] > 32:
        return ""
    return ".".join(str(v) for v in values[:4]) + f"/{values[4]}"


# The private ranges (RFC 1918) and the shared address space of carriers (RFC 6598): an address in them that
# is in no virtual network is reached through a gateway, not over the Internet.
_PRIVATE_RANGES = tuple(
    ipaddress.IPv4Network(r) for r in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10")
)


def _named(server: DnsServer, address: ipaddress.IPv4Address) -> str:
    """A DNS server as a message names it: an export names it by its address, which is said once."""
    return f"'{server.name}' ({address})" if server.name.strip() != str(address) else str(address)


def _address(text: str) -> ipaddress.IPv4Address | None:
    try:
        return ipaddress.IPv4Address(text.strip())
    except ValueError:
        return None


# --- outbound Internet access through a network security group ----------------------------------------


class Outbound(enum.Enum):
    """What a network security group's rules do to a VM's HTTPS traffic to the Internet."""

    ALLOWED = "allowed"
    DENIED = "denied"
    MAYBE_DENIED = "maybe denied"  # a rule may deny it: one of its values is not stated, or may not apply


# The rule every classic group has after those it is given (priorities 100 to 4096): ALLOW INTERNET
# OUTBOUND, priority 65001. A group's `DENY ALL OUTBOUND` (65500) comes after it, and denies nothing to
# the Internet; a rule the files state denies it only before this one.
_DEFAULT_ALLOW = SecurityRule("", "ALLOW INTERNET OUTBOUND", Mark("", 0), "Outbound", "65001", "Allow")
_ANY_ADDRESS = frozenset({"*", "0.0.0.0/0", "internet"})
_ANY_SOURCE = frozenset({"*", "0.0.0.0/0", "virtual_network", "virtualnetwork"})
_NOT_INTERNET = frozenset({"virtual_network", "virtualnetwork", "azure_loadbalancer", "azureloadbalancer"})
_EXTENSIONS_PORT = 443  # the extensions' packages and status go to Azure storage over HTTPS


def outbound_internet(
    rules: Iterable[SecurityRule], vm_range: ipaddress.IPv4Network | None = None
) -> tuple[Outbound, SecurityRule | None]:
    """Whether a group of `rules` lets a VM reach the Internet over HTTPS, as classic groups evaluate
    outbound traffic: by priority, the lowest number first, the first rule that matches decides; the
    default rules allow the Internet. Denied by the first Deny that surely matches (destination `*`,
    `INTERNET` or 0.0.0.0/0, port 443 or `*`, TCP or `*`, from any source) when no Allow that may match
    comes before it; maybe denied by the first rule that may deny when no Allow that surely matches comes
    surely before it. With that rule; None when allowed. A value not stated may be any: it may match, and
    a rule whose priority is not stated may come before any other. A source range is matched against
    `vm_range`, the range the VM's address is in (its subnet's), when known. Linear in the rules but for the sort:
    each rule is matched once, and the Allows before a rule are counted from their priorities."""
    ordered = [(rule, _priority(rule)) for rule in [*rules, _DEFAULT_ALLOW]]
    ordered.sort(key=lambda pair: _sort_key(pair[1]))
    facts = [(rule, priority, _matches(rule, vm_range), _action(rule)) for rule, priority in ordered]
    allows = _Allows(
        [(priority, match) for _, priority, match, action in facts if match is not False and action != "deny"]
    )
    for rule, priority, match, action in facts:
        if match is False or action not in (None, "deny"):
            continue
        if allows.surely_matching_before(priority):
            continue
        surely = (
            match is True and action == "deny" and not allows.maybe_before(priority, itself=action is None)
        )
        return (Outbound.DENIED if surely else Outbound.MAYBE_DENIED), rule
    return Outbound.ALLOWED, None


class _Allows:
    """The rules that may allow a VM's HTTPS traffic to the Internet (`(priority, matches)`: matches True or
    None), asked which come before a given priority."""

    def __init__(self, allows: list[tuple[int | None, bool | None]]) -> None:
        self.known = sorted(p for p, _ in allows if p is not None)
        self.unknown = sum(1 for p, _ in allows if p is None)
        self.first_sure = min((p for p, m in allows if m is True and p is not None), default=None)

    def surely_matching_before(self, priority: int | None) -> bool:
        """Whether an Allow that surely matches surely comes before a rule of `priority`."""
        return priority is not None and self.first_sure is not None and self.first_sure < priority

    def maybe_before(self, priority: int | None, *, itself: bool) -> bool:
        """Whether an Allow other than the rule asked about (counted among them when `itself`) may come
        before a rule of `priority`: one of no stated priority, or of one not surely after it."""
        before = self.unknown + (
            len(self.known) if priority is None else bisect.bisect_right(self.known, priority)
        )
        return before > (1 if itself else 0)


def _action(rule: SecurityRule) -> str | None:
    return None if rule.action is None else rule.action.strip().casefold()


def _priority(rule: SecurityRule) -> int | None:
    try:
        return int((rule.priority or "").strip())
    except ValueError:
        return None


def _sort_key(priority: int | None) -> float:
    return float("inf") if priority is None else priority


def _may_allow(rule: SecurityRule) -> bool:
    return rule.action is None or rule.action.strip().casefold() != "deny"


def _matches(rule: SecurityRule, vm_range: ipaddress.IPv4Network | None) -> bool | None:
    """Whether the rule matches a VM's HTTPS traffic to the Internet: True, False, or None when that depends
    on a value not stated, the VM's own address (a source range that `vm_range` is neither in nor apart
    from), or which addresses an Allow's range
    holds (it may be those of the Azure storage the extensions use), or whether the rule is there at all
    (`SecurityRule.runs`: a rule that may not be there may match, never surely does)."""
    facts = (
        _word(rule.direction, {"outbound"}),
        _destination(rule),
        _word(rule.protocol, {"*", "tcp"}),
        _ports(rule.destination_ports),
        _word(rule.source, _ANY_SOURCE) or _source_holds(rule.source, vm_range),
        _word(rule.source_ports, {"*"}) or None,
    )
    return False if False in facts else None if None in facts or rule.runs else True


def _word(value: str | None, matching: set[str] | frozenset[str]) -> bool | None:
    return None if value is None else value.strip().casefold() in matching


def _destination(rule: SecurityRule) -> bool | None:
    if rule.destination is None:
        return None
    if _word(rule.destination, _ANY_ADDRESS):
        return True
    public = _public_range(rule.destination)
    return None if public and _may_allow(rule) else False


def _public_range(text: str) -> bool:
    """Whether `text` is an address range with addresses on the Internet (not a private range, nor a tag
    such as VIRTUAL_NETWORK)."""
    try:
        return not ipaddress.IPv4Network(text.strip(), strict=False).is_private
    except ValueError:
        return False


def _may_hold_vm(source: str | None) -> bool:
    """Whether a source other than any address may hold a VM: an address range does (the VM's own address
    is not known), a tag other than VIRTUAL_NETWORK (INTERNET, AZURE_LOADBALANCER) does not."""
    if source is None:
        return True
    try:
        ipaddress.IPv4Network(source.strip(), strict=False)
    except ValueError:
        return False
    return source.strip().casefold() not in _NOT_INTERNET


def _source_holds(source: str | None, vm_range: ipaddress.IPv4Network | None) -> bool | None:
    """Whether a source other than any address holds the VM: False for a tag that holds no VM, True or
    False for a range that holds all or none of `vm_range` (the VM's subnet), else None (it may)."""
    if not _may_hold_vm(source):
        return False
    if source is None or vm_range is None:
        return None
    rule_range = ipaddress.IPv4Network(source.strip(), strict=False)  # `_may_hold_vm` parsed it
    if vm_range.subnet_of(rule_range):
        return True
    return None if vm_range.overlaps(rule_range) else False


def subnet_range(subnet: Subnet) -> ipaddress.IPv4Network | None:
    """The range of a subnet's addresses, as the platform reads its prefix (host bits cleared, leading
    zeros dropped); None when the prefix is not stated or is no IPv4 prefix."""
    canonical = canonical_prefix(subnet.prefix.text.strip()) if subnet.prefix is not None else ""
    return ipaddress.IPv4Network(canonical, strict=False) if canonical else None


def _ports(value: str | None) -> bool | None:
    """Whether a port range (`*`, `443`, `400-500`) holds HTTPS's port; None when not stated."""
    if value is None:
        return None
    text = value.strip()
    if text == "*":
        return True
    low, _, high = text.partition("-")
    try:
        return int(low) <= _EXTENSIONS_PORT <= int(high or low)
    except ValueError:
        return None
