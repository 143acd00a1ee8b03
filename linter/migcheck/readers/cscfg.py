"""Read a service configuration (`.cscfg`): role settings (name, instance count) and the
`NetworkConfiguration` section (access controls, endpoint ACLs, virtual network, subnets, reserved IPs,
DNS servers, internal load balancers).

A cscfg does not say whether a role is a web or a worker role, so its roles are `RoleSettings`, not
`Role`s: role types come only from the csdef or a REST body.

A role's setting that is a storage connection string on a cloud's domain (`BlobEndpoint=https://x.blob.core.
chinacloudapi.cn/`, `EndpointSuffix=core.chinacloudapi.cn`) says which Azure cloud the service works in
(`CloudInUse`, the first such setting of the file): the dates a report gives are the global cloud's."""

from __future__ import annotations

from migcheck.clouds import cloud_of_host, cloud_of_url
from migcheck.inventory_model import own_type
from migcheck.model import (
    AccessControl,
    AclRule,
    CloudInUse,
    DnsServer,
    EndpointAcl,
    ExtendedSupportService,
    InstanceAddress,
    InternalLoadBalancer,
    Mark,
    NameRef,
    RoleSettings,
    ServiceConfiguration,
)
from migcheck.readers.xml import Element, Marker, attr, children, grouped_children, named_children


def read(root: Element, marker: Marker) -> tuple[object, ...]:
    # A configuration is read per file: each element's children are looked at in one pass (see
    # `grouped_children`) rather than by one tag-filtered lookup per child wanted.
    top = grouped_children(root, _TOP)
    roles = tuple([_role(el, marker) for el in top.get("Role", ())])
    cloud = _cloud_in_use(top.get("Role", []), marker)
    return (*_configuration(root, marker, top, roles), *cloud)


def _configuration(
    root: Element, marker: Marker, top: dict[str, list[Element]], roles: tuple[RoleSettings, ...]
) -> tuple[object, ...]:
    networks = top.get("NetworkConfiguration")
    if not networks:  # most configurations: roles only, read without a lookup per network part
        return (_roles_only(attr(root, "serviceName"), roles, marker.mark(root)),)
    parts = grouped_children(networks[0], _NETWORK_PARTS)
    sites = parts.get("VirtualNetworkSite")
    # Each AddressAssignments' children looked at once for both kinds it holds.
    assigned = [grouped_children(parent, _ASSIGNED) for parent in parts.get("AddressAssignments", ())]
    # Each part is built only when written: a configuration names a network and its addresses, seldom
    # access controls or DNS servers, and an empty part's records cost a generator each all the same.
    access_controls = _below(parts, "AccessControls", "AccessControl")
    endpoint_acls = _below(parts, "EndpointAcls", "EndpointAcl")
    dns_servers = _below(parts, "Dns", "DnsServers/DnsServer")
    configuration = ServiceConfiguration(
        name=attr(root, "serviceName"),
        roles=roles,
        access_controls=tuple(
            [AccessControl(attr(el, "name"), _rules(el, marker), marker.mark(el)) for el in access_controls]
        )
        if access_controls
        else (),
        endpoint_acls=tuple(
            # `endpoint` is written `endPoint` as often as not: attributes are matched without regard to
            # case. Link looks each binding's access control up (its rules are empty until then).
            [
                EndpointAcl(
                    attr(el, "role"), attr(el, "endpoint"), attr(el, "accessControl"), (), marker.mark(el)
                )
                for el in endpoint_acls
            ]
        )
        if endpoint_acls
        else (),
        virtual_network=NameRef(attr(sites[0], "name"), marker.mark(sites[0])) if sites else None,
        instance_addresses=tuple(
            [
                InstanceAddress(attr(el, "roleName"), _names(el, marker), marker.mark(el))
                for found in assigned
                for el in found.get("InstanceAddress", ())
            ]
        )
        if assigned
        else (),
        reserved_ips=tuple(
            [
                NameRef(attr(el, "name"), marker.mark(el))
                for found in assigned
                for listed in found.get("ReservedIPs", ())
                for el in named_children(listed, _RESERVED_IP)
            ]
        )
        if assigned
        else (),
        dns_servers=tuple(
            [DnsServer(attr(el, "name"), attr(el, "IPAddress"), marker.mark(el)) for el in dns_servers]
        )
        if dns_servers
        else (),
        mark=marker.mark(root),
        internal_load_balancers=tuple(
            [_balancer(el, marker) for el in _below(parts, "LoadBalancers", "LoadBalancer")]
        ),
    )
    extended = _extended_support(configuration)
    return (configuration, extended) if extended is not None else (configuration,)


def _cloud_in_use(roles: list[Element], marker: Marker) -> tuple[CloudInUse, ...]:
    """The cloud the first storage connection string among the roles' settings is on, at its `Setting`;
    none where no setting is one on a cloud's domain (`UseDevelopmentStorage=true`, a placeholder)."""
    if not _may_name_a_cloud(marker.text):  # most configurations: no setting reaches Python
        return ()
    for role in roles:
        for setting in children(role, "ConfigurationSettings/Setting"):
            value = setting.get("value")
            if value is None:  # spelt in another case
                value = attr(setting, "value")
            # Only a setting with a part whose key names an endpoint's URL or is "EndpointSuffix" can name a
            # cloud: the others (most of a configuration's, tens a role) are passed over without splitting them.
            if _names_a_cloud_key(value.casefold()) and (cloud := _cloud_of_connection(value.strip())):
                return (CloudInUse(cloud, marker.mark(setting)),)
    return ()


def _may_name_a_cloud(text: str) -> bool:
    """Whether the configuration's text (`text`, what its root was parsed from; "" when it is not at hand, as
    for one carried in base64 in another file) may hold a connection string that names a cloud: searched in
    C, where walking the settings took a Python step for each (tens a role; 75,000 in the benchmark's
    estate). An attribute's value is its text with no DOCTYPE (refused) and so no entities but the five
    predefined ones, none of which is a letter: only a character reference (`&#66;lobEndpoint`) can write a
    key's letter otherwise, and then, as without a text, the walk decides."""
    if not text or ("&" in text and "&#" in text):  # one-character search (memchr) first
        return True
    return _names_a_cloud_key(text.lower() if text.isascii() else text.casefold())


def _names_a_cloud_key(folded: str) -> bool:
    """Whether `folded` (case folded: folding goes character by character, so a key's folded form is part of
    its text's) holds one of the keys `_cloud_of_connection` finds a cloud by: each says 'endpoint', which
    most connection strings say only in `DefaultEndpointsProtocol`, so each time it does, what is around it
    is looked at."""
    at = folded.find("endpoint")
    while at >= 0:
        if folded.startswith("suffix", at + 8) or folded.endswith(_URL_KEY_STARTS, 0, at):
            return True
        at = folded.find("endpoint", at + 8)
    return False


def _cloud_of_connection(value: str) -> str:
    """The cloud a storage connection string's endpoints or `EndpointSuffix` are on ("" for none): its
    `name=value` parts, separated by `;`, as the storage client reads them."""
    if "=" not in value:
        return ""
    for part in value.split(";"):
        key, _, stated = part.partition("=")
        key = key.strip().casefold()
        if key == "endpointsuffix":
            cloud = cloud_of_host(stated)
        elif key in _ENDPOINTS:
            cloud = cloud_of_url(stated)
        else:
            continue
        if cloud:
            return cloud
    return ""


# The keys of a storage connection string that name an endpoint by its URL.
_ENDPOINTS = frozenset({"blobendpoint", "queueendpoint", "tableendpoint", "fileendpoint"})
_URL_KEY_STARTS = tuple(sorted(key.removesuffix("endpoint") for key in _ENDPOINTS))  # "blob", ...


def _extended_support(configuration: ServiceConfiguration) -> ExtendedSupportService | None:
    """The evidence that a configuration is deployed as Cloud Services (extended support), about the
    configuration itself: it names its virtual network, or a reserved IP, by a Resource Manager id. A classic
    network's or reserved IP's name holds no "/"; extended support takes a network of another resource group
    by its id. None for a configuration that names both by name."""
    named = [configuration.virtual_network, *configuration.reserved_ips]
    for ref in named:
        # A name without a "/" is no id: most configurations' every name, looked at without splitting it.
        if ref is not None and "/" in ref.name and (via := _EXTENDED_VIA.get(own_type(ref.name))):
            return ExtendedSupportService("", ref.mark, via, configuration.mark.path)
    return None


# The Resource Manager types a configuration of extended support names by id, with how messages say so.
_EXTENDED_VIA = {
    "microsoft.network/virtualnetworks": "names its virtual network by its Resource Manager id",
    "microsoft.network/publicipaddresses": "names a reserved IP by its Resource Manager id",
}


def _roles_only(name: str, roles: tuple[RoleSettings, ...], mark: Mark) -> ServiceConfiguration:
    return ServiceConfiguration(
        name=name,
        roles=roles,
        access_controls=(),
        endpoint_acls=(),
        virtual_network=None,
        instance_addresses=(),
        reserved_ips=(),
        dns_servers=(),
        mark=mark,
    )


# The children `read` looks at, by local name in any namespace: the root's, and a NetworkConfiguration's.
_TOP = frozenset({"Role", "NetworkConfiguration"})
_NETWORK_PARTS = frozenset(
    {"AccessControls", "EndpointAcls", "VirtualNetworkSite", "AddressAssignments", "Dns", "LoadBalancers"}
)
_ASSIGNED = frozenset({"InstanceAddress", "ReservedIPs"})  # an AddressAssignments' children read
_RESERVED_IP = frozenset({"ReservedIP"})
_SUBNETS = frozenset({"Subnets"})  # an InstanceAddress's children read, and theirs
_SUBNET = frozenset({"Subnet"})


def _below(parts: dict[str, list[Element]], name: str, path: str) -> list[Element]:
    """The elements at `path` below each of the children `parts` holds by `name`, in document order."""
    return [el for parent in parts.get(name, ()) for el in children(parent, path)]


def _role(el: Element, marker: Marker) -> RoleSettings:
    instances = _first_named(el, "Instances")
    count = attr(instances, "count") if instances is not None else ""
    return RoleSettings(
        attr(el, "name"), int(count) if count.isascii() and count.isdigit() else None, marker.mark(el)
    )


def _balancer(el: Element, marker: Marker) -> InternalLoadBalancer:
    """An internal load balancer (`<LoadBalancer name>`), with the subnet its private frontend is in
    (`<FrontendIPConfiguration type="private" subnet>`), None where the configuration names none."""
    frontend = _first_named(el, "FrontendIPConfiguration")
    subnet = attr(frontend, "subnet") if frontend is not None else ""
    return InternalLoadBalancer(
        attr(el, "name"),
        marker.mark(el),
        NameRef(subnet, marker.mark(frontend)) if frontend is not None and subnet else None,
    )


def _first_named(el: Element, name: str) -> Element | None:
    """The first child element of `el` whose local name is `name`: a role's few children looked at in
    turn, cheaper than building a tag matcher for them."""
    for below in el:
        tag = below.tag
        if isinstance(tag, str) and tag.rpartition("}")[2] == name:
            return below
    return None


def _rules(access_control: Element, marker: Marker) -> tuple[AclRule, ...]:
    # In the order of `AclRule`'s fields (order, action, remote subnet, description, mark): a record called
    # with keywords costs a dict of them on every call.
    return tuple(
        [
            AclRule(
                attr(el, "order"),
                attr(el, "action"),
                attr(el, "remoteSubnet"),
                attr(el, "description"),
                marker.mark(el),
            )
            for el in children(access_control, "Rule")
        ]
    )


def _names(parent: Element, marker: Marker) -> tuple[NameRef, ...]:
    """The `Subnet` children of an InstanceAddress's `Subnets` children, by local name, in document order:
    a list's few children looked at in turn, cheaper than building lxml's tag matcher for each step."""
    return tuple(
        [
            NameRef(attr(el, "name"), marker.mark(el))
            for lists in named_children(parent, _SUBNETS)
            for el in named_children(lists, _SUBNET)
        ]
    )
