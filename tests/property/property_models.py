"""Hypothesis strategies that build model resources, as the readers should give them back.

Values are what the formats can carry: no leading or trailing space (readers strip values), no control
characters, but markup characters and non-ASCII letters, which the writers must escape and encode."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import strategies as st
from property_xml import CSDEF_ROLE_TYPES, NOWHERE, Style, is_os_disk

from migcheck.model import (
    AccessControl,
    AclRule,
    AddressPrefix,
    Deployment,
    Disk,
    DnsServer,
    EndpointAcl,
    Extension,
    Gateway,
    GatewayConnection,
    InputEndpoint,
    InstanceAddress,
    LocalNetworkSite,
    NameRef,
    NetworkConfiguration,
    Role,
    RoleInstance,
    RoleSettings,
    RoleType,
    ServiceConfiguration,
    ServiceDefinition,
    Subnet,
    VirtualNetwork,
)

ALPHABET = "abcdefghijkXYZ0123456789-_. &<>\"'éß日"


def words(max_size: int = 12) -> st.SearchStrategy[str]:
    return st.text(alphabet=ALPHABET, min_size=1, max_size=max_size).map(str.strip).filter(bool)


def maybe(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A value or nothing: an empty element reads as an empty string."""
    return st.one_of(st.just(""), strategy)


names = words()
ports = st.integers(1, 65535).map(str)
cidrs = st.builds(
    lambda a, b, n: f"10.{a}.{b}.0/{n}", st.integers(0, 255), st.integers(0, 255), st.integers(8, 29)
)
ips = st.builds(lambda a, b: f"10.0.{a}.{b}", st.integers(0, 255), st.integers(1, 254))
refs = names.map(lambda n: NameRef(n, NOWHERE))


def small(strategy: st.SearchStrategy, size: int = 3) -> st.SearchStrategy[tuple]:
    return st.lists(strategy, max_size=size).map(tuple)


acl_rules = st.builds(
    AclRule,
    order=st.integers(100, 999).map(str),
    action=st.sampled_from(["permit", "deny"]),
    remote_subnet=cidrs,
    description=maybe(words(20)),
    mark=st.just(NOWHERE),
)

# Extensions a real estate carries (XML BGInfo among them), and made-up ones.
KNOWN_EXTENSIONS = (
    ("Microsoft.Compute", "BGInfo", "1.*"),
    ("Microsoft.Compute", "BGInfo", "2.1"),
    ("Microsoft.Compute", "VMAccessAgent", "2.*"),
    ("Microsoft.Azure.Security", "IaaSAntimalware", "1.*"),
)
extensions = st.one_of(
    st.builds(
        lambda known, state: Extension(*known, state, NOWHERE),
        st.sampled_from(KNOWN_EXTENSIONS),
        st.sampled_from(["Enable", "Disable", "Uninstall"]),
    ),
    st.builds(Extension, names, names, maybe(words(6)), maybe(words(8)), st.just(NOWHERE)),
)


@st.composite
def endpoints(draw: st.DrawFn, role: str) -> InputEndpoint:
    name = draw(names)
    rules = draw(st.none() | small(acl_rules))
    acl = EndpointAcl(role, name, "", rules, NOWHERE) if rules is not None else None
    protocol = draw(st.sampled_from(["tcp", "udp"]))
    return InputEndpoint(name, protocol, draw(ports), draw(ports), acl, NOWHERE)


@st.composite
def disks(draw: st.DrawFn, vm: str, prefix: str) -> Disk:
    """A disk whose name starts with `prefix` ("os-" or "data-"): the writer tells them apart by it."""
    name = prefix + draw(names)
    account = draw(st.sampled_from(["acct", "premium01"]))
    link = f"https://{account}.blob.core.windows.net/vhds/{name}.vhd".replace(" ", "%20")
    io_type = draw(st.sampled_from(["", "Standard", "Provisioned"]))
    return Disk(name, link, io_type, vm, NOWHERE, data=prefix == "data-")  # a data disk is read as one


@st.composite
def vms(draw: st.DrawFn, subnet_names: st.SearchStrategy[str] = names, extension=extensions) -> Role:
    """A VM as a REST body or an Export-AzureVM file writes it."""
    name = draw(names)
    os_disk = draw(st.none() | disks(name, "os-"))
    data = draw(small(disks(name, "data-")))
    assert os_disk is None or is_os_disk(os_disk)
    subnets = tuple(NameRef(s, NOWHERE) for s in draw(st.lists(subnet_names, max_size=3)))
    return Role(
        name=name,
        type=RoleType.PERSISTENT_VM,
        mark=NOWHERE,
        size=draw(maybe(st.sampled_from(["Small", "Standard_D2_v2", "Standard_DS13"]))),
        availability_set=draw(maybe(names)),
        endpoints=draw(small(endpoints(name))),
        subnets=subnets,
        extensions=draw(small(extension)),
        disks=(os_disk, *data) if os_disk else data,
        boot_diagnostics=draw(st.none() | st.booleans()),
        primary_subnets=subnets,  # written in SubnetNames: these models have no secondary interfaces
    )


def unique_by_name(strategy: st.SearchStrategy, size: int = 3) -> st.SearchStrategy[tuple]:
    """Resources with distinct names, as a body that lists several of them has."""
    return st.lists(strategy, max_size=size, unique_by=lambda r: r.name).map(tuple)


@st.composite
def deployments(draw: st.DrawFn, roles: st.SearchStrategy[Role] | None = None) -> Deployment:
    found = draw(unique_by_name(roles if roles is not None else vms(), size=3))
    instances = tuple(
        RoleInstance(
            r.name,
            r.name,
            draw(st.sampled_from(["ReadyRole", "StoppedVM", "RoleStateUnknown"])),
            draw(st.sampled_from(["Ready", "NotReady", ""])),
            NOWHERE,
        )
        for r in found
    )
    return Deployment(
        service_name="",  # a `Deployment` body does not name its service
        name=draw(names),
        slot=draw(st.sampled_from(["Production", "Staging"])),
        roles=found,
        instances=instances,
        virtual_network=draw(st.none() | refs),
        reserved_ip=draw(st.none() | refs),
        mark=NOWHERE,
        service_unnamed=True,  # which the reader records
    )


# --- cloud service packages --------------------------------------------------------------------------


@st.composite
def service_configurations(draw: st.DrawFn) -> ServiceConfiguration:
    roles = draw(
        unique_by_name(st.builds(RoleSettings, names, st.none() | st.integers(0, 99), st.just(NOWHERE)))
    )
    controls = draw(unique_by_name(st.builds(AccessControl, names, small(acl_rules), st.just(NOWHERE))))
    rules_by_name = {a.name: a.rules for a in controls}
    bindings = []
    for _ in range(draw(st.integers(0, 3))):
        # A binding names its access control (perhaps one that is not there); link looks it up, so the
        # reader leaves its rules empty.
        control = draw(st.sampled_from([*rules_by_name, "missing-acl"]))
        bindings.append(EndpointAcl(draw(names), draw(names), control, (), NOWHERE))
    addresses = draw(small(st.builds(InstanceAddress, names, small(refs), st.just(NOWHERE))))
    return ServiceConfiguration(
        name=draw(names),
        roles=roles,
        access_controls=controls,
        endpoint_acls=tuple(bindings),
        virtual_network=draw(st.none() | refs),
        instance_addresses=addresses,
        reserved_ips=draw(small(refs)),
        dns_servers=draw(small(st.builds(DnsServer, names, ips, st.just(NOWHERE)))),
        mark=NOWHERE,
    )


@st.composite
def csdef_roles(draw: st.DrawFn) -> Role:
    role_type = draw(st.sampled_from(CSDEF_ROLE_TYPES))
    endpoint = st.builds(
        InputEndpoint,
        names,
        st.sampled_from(["http", "https", "tcp"]),
        ports,
        ports,
        st.none(),
        st.just(NOWHERE),
    )
    return Role(
        name=draw(names),
        type=role_type,
        mark=NOWHERE,
        size=draw(maybe(st.sampled_from(["Small", "Medium", "Standard_D1_v2"]))),
        endpoints=draw(small(endpoint)),
    )


@st.composite
def service_definitions(draw: st.DrawFn) -> tuple[ServiceDefinition, int]:
    """A definition and how many endpoints at the end of each role are instance input endpoints, whose
    public port is a range: they read back with no port."""
    roles = draw(unique_by_name(csdef_roles()))
    instance_endpoints = draw(st.integers(0, 3))
    roles = tuple(_without_ports(r, instance_endpoints) for r in roles)
    return ServiceDefinition(draw(names), roles, NOWHERE), instance_endpoints


def _without_ports(role: Role, last: int) -> Role:
    split = len(role.endpoints) - min(last, len(role.endpoints))
    endpoints = (*role.endpoints[:split], *(replace(e, port="") for e in role.endpoints[split:]))
    return replace(role, endpoints=endpoints)


# --- network configuration --------------------------------------------------------------------------

prefix_resources = cidrs.map(lambda c: AddressPrefix(c, NOWHERE))


@st.composite
def virtual_networks(draw: st.DrawFn) -> VirtualNetwork:
    # A network is placed by region or (the old way) by affinity group.
    regional = draw(st.booleans())
    subnets = small(st.builds(Subnet, names, st.none() | prefix_resources, st.just(NOWHERE)))
    connection = st.builds(
        GatewayConnection, names, st.sampled_from(["IPsec", "Dedicated"]), st.just(NOWHERE)
    )
    gateway = st.builds(Gateway, small(connection), small(prefix_resources), st.just(NOWHERE))
    return VirtualNetwork(
        name=draw(names),
        mark=NOWHERE,
        location=draw(names) if regional else "",
        affinity_group="" if regional else draw(names),
        address_space=draw(small(prefix_resources)),
        subnets=draw(subnets),
        dns_servers=draw(small(refs)),
        gateway=draw(st.none() | gateway),
    )


network_configurations = st.builds(
    NetworkConfiguration,
    virtual_networks=small(virtual_networks()),
    local_sites=small(st.builds(LocalNetworkSite, names, small(prefix_resources), ips, st.just(NOWHERE))),
    dns_servers=small(st.builds(DnsServer, names, ips, st.just(NOWHERE))),
    mark=st.just(NOWHERE),
)


# --- layout ---------------------------------------------------------------------------------------------

styles = st.builds(
    Style,
    seed=st.integers(0, 2**16),
    indent=st.sampled_from(["", " ", "  ", "\t", "    "]),
    newline=st.sampled_from(["", "\n", "\r\n"]),
    attr_gap=st.sampled_from([" ", "   ", "\n\t", "\r\n  "]),
    comments=st.booleans(),
    prefix=st.sampled_from(["", "wa", "x-1"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
)
