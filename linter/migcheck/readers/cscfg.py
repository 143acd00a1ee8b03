"""Read a service configuration (`.cscfg`): role settings (name, instance count) and the
`NetworkConfiguration` section (access controls, endpoint ACLs, virtual network, subnets, reserved IPs,
DNS servers).

A cscfg does not say whether a role is a web or a worker role, so its roles are `RoleSettings`, not
`Role`s: role types come only from the csdef or a REST body."""

from __future__ import annotations

from migcheck.model import (
    AccessControl,
    AclRule,
    DnsServer,
    Document,
    EndpointAcl,
    InstanceAddress,
    NameRef,
    RoleSettings,
    ServiceConfiguration,
)
from migcheck.readers.xml import Element, Marker, attr, children

# The resource types this reader produces (rules declare which types they look at).
PRODUCES = frozenset(
    {
        Document,
        ServiceConfiguration,
        RoleSettings,
        AccessControl,
        AclRule,
        EndpointAcl,
        InstanceAddress,
        DnsServer,
    }
)


def read(root: Element, marker: Marker) -> tuple[object, ...]:
    # Children are looked up with lxml's C-level tag filter directly rather than through `child` and
    # `children`: a configuration is read per file, and the helpers' own calls were a good part of it.
    network = next(root.iterchildren(_NETWORK), None)
    access_controls = _access_controls(network, marker)
    site = next(network.iterchildren(_SITE), None) if network is not None else None
    configuration = ServiceConfiguration(
        name=attr(root, "serviceName"),
        roles=tuple([_role(el, marker) for el in root.iterchildren(_ROLE)]),
        access_controls=access_controls,
        endpoint_acls=_endpoint_acls(network, marker),
        virtual_network=NameRef(attr(site, "name"), marker.mark(site)) if site is not None else None,
        instance_addresses=_instance_addresses(network, marker),
        reserved_ips=_names(network, "AddressAssignments/ReservedIPs/ReservedIP", marker),
        dns_servers=_dns_servers(network, marker),
        mark=marker.mark(root),
    )
    return (configuration,)


# The children `read` looks up, by local name in any namespace.
_ROLE, _INSTANCES, _NETWORK, _SITE = (
    "{*}" + name for name in ("Role", "Instances", "NetworkConfiguration", "VirtualNetworkSite")
)


def _role(el: Element, marker: Marker) -> RoleSettings:
    instances = next(el.iterchildren(_INSTANCES), None)
    count = attr(instances, "count") if instances is not None else ""
    return RoleSettings(
        attr(el, "name"), int(count) if count.isascii() and count.isdigit() else None, marker.mark(el)
    )


def _access_controls(network: Element | None, marker: Marker) -> tuple[AccessControl, ...]:
    if network is None:
        return ()
    return tuple(
        AccessControl(attr(el, "name"), _rules(el, marker), marker.mark(el))
        for el in children(network, "AccessControls/AccessControl")
    )


def _rules(access_control: Element, marker: Marker) -> tuple[AclRule, ...]:
    return tuple(
        AclRule(
            order=attr(el, "order"),
            action=attr(el, "action"),
            remote_subnet=attr(el, "remoteSubnet"),
            description=attr(el, "description"),
            mark=marker.mark(el),
        )
        for el in children(access_control, "Rule")
    )


def _endpoint_acls(network: Element | None, marker: Marker) -> tuple[EndpointAcl, ...]:
    """The bindings as written; link looks their access control up (its rules are empty until then)."""
    if network is None:
        return ()
    return tuple(
        # `endpoint` is written `endPoint` as often as not: attributes are matched without regard to case.
        EndpointAcl(attr(el, "role"), attr(el, "endpoint"), attr(el, "accessControl"), (), marker.mark(el))
        for el in children(network, "EndpointAcls/EndpointAcl")
    )


def _instance_addresses(network: Element | None, marker: Marker) -> tuple[InstanceAddress, ...]:
    if network is None:
        return ()
    return tuple(
        InstanceAddress(attr(el, "roleName"), _names(el, "Subnets/Subnet", marker), marker.mark(el))
        for el in children(network, "AddressAssignments/InstanceAddress")
    )


def _names(parent: Element | None, path: str, marker: Marker) -> tuple[NameRef, ...]:
    if parent is None:
        return ()
    return tuple(NameRef(attr(el, "name"), marker.mark(el)) for el in children(parent, path))


def _dns_servers(network: Element | None, marker: Marker) -> tuple[DnsServer, ...]:
    if network is None:
        return ()
    return tuple(
        DnsServer(attr(el, "name"), attr(el, "IPAddress"), marker.mark(el))
        for el in children(network, "Dns/DnsServers/DnsServer")
    )
