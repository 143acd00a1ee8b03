"""Read one role (VM or web/worker) as REST bodies and Export-AzureVM files write it. The two formats
differ in a few element names only; `RoleShape` names those differences."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from migcheck.model import (
    AclRule,
    Disk,
    DiskPlace,
    EndpointAcl,
    Extension,
    InputEndpoint,
    Mark,
    NameRef,
    Role,
    RoleType,
    UnplacedDisk,
    lun_key,
    storage_account,
)
from migcheck.readers.xml import (
    Element,
    Marker,
    attr,
    child,
    child_elements,
    children,
    grouped_children,
    local_name,
    named_children,
    text_of,
)

_NO_VIPS: Mapping[str, str] = MappingProxyType({})

VM_ELEMENTS = frozenset({"PersistentVMRole", "PersistentVM"})
ROLE_TYPES = {t.value.casefold(): t for t in (RoleType.PERSISTENT_VM, RoleType.WEB, RoleType.WORKER)}
# Configuration sets that provision an operating system: only a VM has one.
PROVISIONING_SETS = {
    "windowsprovisioningconfiguration": "a Windows provisioning configuration",
    "windowsprovisioningconfigurationset": "a Windows provisioning configuration",
    "linuxprovisioningconfiguration": "a Linux provisioning configuration",
    "linuxprovisioningconfigurationset": "a Linux provisioning configuration",
}


@dataclass(frozen=True, slots=True)
class RoleShape:
    """Where a format keeps what varies: the endpoint ACL (container, rule item), the items of
    `SubnetNames`, the items of `NetworkInterfaces` and of a network interface's `IPConfigurations`, and
    those of `PublicIPs`.
    An item name "" takes every child element: .NET's XmlSerializer names list items after their type
    (`<string>`, `<AssignNetworkInterface>`), not as the REST body does."""

    acls: tuple[tuple[str, str], ...]
    subnet_item: str
    nic_item: str = ""
    ip_configuration_item: str = ""
    public_ip_item: str = ""


REST = RoleShape(
    # Microsoft's pages for Update Load-Balanced Endpoint Set spell it `EndpointACL`, and bodies are
    # copied from them.
    acls=(("EndpointAcl", "Rule"), ("EndpointACL", "Rule")),
    subnet_item="SubnetName",
    nic_item="NetworkInterface",
    ip_configuration_item="IPConfiguration",
    public_ip_item="PublicIP",
)
VM_EXPORT = RoleShape(
    # XmlSerializer names the rules after their type (`AccessControlListRule`); a file that names them as
    # the REST body does (`Rule`) holds rules all the same, so every item of `Rules` is one.
    acls=(("EndpointAccessControlList", ""), ("EndpointAcl", "")),
    subnet_item="",
)


def read_role(el: Element, marker: Marker, shape: RoleShape, vips: Mapping[str, str] = _NO_VIPS) -> Role:
    """A role; `vips` names its deployment's virtual IPs by address (see `endpoint`)."""
    # The children of the role, of its network configuration sets and of each endpoint, disk and extension
    # are looked at in one pass each (`grouped_children`): each of the dozens of lookups by name a role
    # took built lxml's tag matcher anew, which cost more than the pass.
    parts = grouped_children(el, _ROLE_PARTS)
    name = _text(parts, "RoleName")
    sets = [s for listed in parts.get("ConfigurationSets", ()) for s in named_children(listed, _SET)]
    network_sets = [grouped_children(s, _NETWORK_SET_PARTS) for s in sets if is_network_set(s)]
    role_type, evidence, known = _role_kind(el, parts)
    availability_set = _first(parts, "AvailabilitySetName")
    debug = _first(parts, "DebugSettings")
    unplaced = _os_disk_unplaced(parts, marker)
    return Role(
        name=name,
        type=role_type,
        mark=marker.mark(el),
        size=_text(parts, "RoleSize"),
        availability_set=text_of(availability_set),
        endpoints=tuple(
            endpoint(e, name, marker, shape, vips=vips)
            for s in network_sets
            for listed in s.get("InputEndpoints", ())
            for e in named_children(listed, _INPUT_ENDPOINT)
        ),
        subnets=tuple(ref for s in network_sets for ref in _subnets(s, marker, shape)),
        static_ips=tuple(ref for s in network_sets for ref in _static_ips(s, marker, shape)),
        interfaces=tuple(nic for s in network_sets for nic in _interfaces(s, marker, shape)),
        security_group=next((ref for s in network_sets for ref in _security_group(s, marker)), None),
        public_ips=tuple(ref for s in network_sets for ref in _public_ips(s, marker, shape)),
        primary_subnets=tuple(
            NameRef(text_of(item), marker.mark(item))
            for s in network_sets
            for item in _items(_first(s, "SubnetNames"), shape.subnet_item)
            if text_of(item)
        ),
        extensions=tuple(
            _extension(e, marker)
            for listed in parts.get("ResourceExtensionReferences", ())
            for e in named_children(listed, _EXTENSION_REFERENCE)
        ),
        disks=_disks(parts, name, marker),
        unknown=frozenset({"disks"}) if unplaced is not None else frozenset(),
        unplaced_disk=UnplacedDisk(DiskPlace.PASSED_BLOB, unplaced) if unplaced is not None else None,
        boot_diagnostics=_flag(_first_below(parts, "DebugSettings", "BootDiagnosticsEnabled")),
        kind_evidence=evidence,
        kind_known=known,
        availability_set_mark=mark_of(availability_set, marker),
        boot_diagnostics_mark=mark_of(debug, marker),
    )


# The children `read_role` looks at, by local name: a role's, a network configuration set's, an endpoint's
# (its ACL by every name a shape gives it), a disk's and an extension's.
_ROLE_PARTS = frozenset(
    {
        "RoleName",
        "RoleType",
        "RoleSize",
        "AvailabilitySetName",
        "ConfigurationSets",
        "ResourceExtensionReferences",
        "OSVirtualHardDisk",
        "DataVirtualHardDisks",
        "DebugSettings",
    }
)
_SET = frozenset({"ConfigurationSet"})
_NETWORK_SET_PARTS = frozenset(
    {
        "InputEndpoints",
        "SubnetNames",
        "NetworkInterfaces",
        "StaticVirtualNetworkIPAddress",
        "NetworkSecurityGroup",
        "PublicIPs",
    }
)
_INPUT_ENDPOINT = frozenset({"InputEndpoint"})
_ENDPOINT_PARTS = frozenset(
    {"Name", "VirtualIPName", "Vip", "Protocol", "Port", "LocalPort", "LoadBalancerName"}
    | {container for shape in (REST, VM_EXPORT) for container, _ in shape.acls}
)
_DISK_PARTS = frozenset({"IOType", "Lun", "SourceMediaLink", "MediaLink"})
_DATA_DISK = frozenset({"DataVirtualHardDisk"})
_EXTENSION_REFERENCE = frozenset({"ResourceExtensionReference"})
_EXTENSION_PARTS = frozenset({"ReferenceName", "Publisher", "Name", "Version", "State"})
# An element's children that `grouped_children` found, by local name.
Parts = Mapping[str, list[Element]]


def _first(parts: Parts, name: str) -> Element | None:
    """The first of the children `parts` holds by `name`; None when there is none."""
    found = parts.get(name)
    return found[0] if found else None


def _first_below(parts: Parts, name: str, below: str) -> Element | None:
    """The first `below` child of the children `parts` holds by `name`: `child` of "name/below"."""
    return next((found for el in parts.get(name, ()) if (found := child(el, below)) is not None), None)


def _text(parts: Parts, name: str) -> str:
    """`text_of` the first of the children `parts` holds by `name`; "" when there is none."""
    return text_of(_first(parts, name))


def mark_of(el: Element | None, marker: Marker) -> Mark | None:
    """Where `el` is written; None when absent."""
    return marker.mark(el) if el is not None else None


def _disks(role: Parts, name: str, marker: Marker) -> tuple[Disk, ...]:
    """The disks of the role whose children are `role`: its OS disk, then its data disks."""
    found = (
        *role.get("OSVirtualHardDisk", ()),
        *(d for listed in role.get("DataVirtualHardDisks", ()) for d in named_children(listed, _DATA_DISK)),
    )
    # An empty or nil disk element (`<OSVirtualHardDisk i:nil="true"/>`) describes no disk.
    return tuple(disk(d, marker, name=text_of(d, "DiskName"), attached_to=name) for d in found if _present(d))


def _os_disk_unplaced(role: Parts, marker: Marker) -> Mark | None:
    """Where the role's OS disk names its blob by an address that is no storage account's (a template's
    `{{media_link}}`, `$(MediaLink)`, a value a script does not state): the account the disk is in, whose
    blob name Validate checks and which migrates after the VM, is in no file. None where it names one."""
    for el in role.get("OSVirtualHardDisk", ()):
        blob = _blob(grouped_children(el, _DISK_PARTS), data=False) if _present(el) else None
        if blob is not None and not storage_account(text_of(blob)):
            return marker.mark(blob)
    return None


def disk(el: Element, marker: Marker, *, name: str, attached_to: str) -> Disk:
    data = local_name(el) == "DataVirtualHardDisk"
    parts = grouped_children(el, _DISK_PARTS)
    blob = _blob(parts, data)
    return Disk(
        name,
        text_of(blob),
        _text(parts, "IOType"),
        attached_to,
        marker.mark(el),
        media_link_mark=marker.mark(blob) if blob is not None else None,
        lun=lun_key(_text(parts, "Lun")) if data else "",
        data=data,
    )


def _blob(disk: Parts, data: bool) -> Element | None:
    """The element that names a disk's VHD blob, among the children `disk` of a disk (a `data` disk or an
    OS disk); None when none does. A data disk's `SourceMediaLink` (Add Data Disk, and a data disk of a
    role a deployment or Add Role creates) is a blob that holds a VHD already: a disk is registered from it
    and attached, and `MediaLink`, where a new VHD would be made, is then ignored. Otherwise `MediaLink` is
    the disk's blob."""
    for name in ("SourceMediaLink", "MediaLink") if data else ("MediaLink",):
        found = _first(disk, name)
        if found is not None and text_of(found):
            return found
    return None


def _role_kind(el: Element, parts: Parts) -> tuple[RoleType, str, bool]:
    """The role's kind, how it was decided ("" when the body states it) and whether anything told it.

    `RoleType` says it, or else the element: `PersistentVMRole` and `PersistentVM` are VMs, and so is a
    `Role` whose `i:type` is PersistentVMRole. Otherwise the kind is inferred, never guessed: a role that
    carries something only a VM has (disks, a VM image, a provisioning configuration, a load-balanced
    endpoint set or probe) is a VM; a role of a deployment's `RoleList` that carries none is a web/worker
    role, since Get Deployment responses leave `RoleType` out for those and a VM's body always has its OS
    disk; anything else (a role body on its own, a `RoleType` no role has) is of a kind nothing tells.
    `parts` are the role's children."""
    written = _text(parts, "RoleType")
    stated = ROLE_TYPES.get(written.casefold())
    if stated is None and local_name(el) in VM_ELEMENTS:
        stated = RoleType.PERSISTENT_VM
    if stated is None:
        stated = ROLE_TYPES.get(_xsi_type(el).casefold())
    if stated is not None:
        return stated, "", True
    said = f"its RoleType '{written}' is not a role type" if written else "its body does not state RoleType"
    sign = _vm_sign(el)
    if sign:
        return RoleType.PERSISTENT_VM, f"{said}; it has {sign}", True
    parent = el.getparent()
    if not written and parent is not None and local_name(parent) == "RoleList":
        return RoleType.WEB_OR_WORKER, f"{said}; it has no disks", True
    return RoleType.WEB_OR_WORKER, f"{said}, and it has nothing only a VM has, such as disks", False


def _vm_sign(el: Element) -> str:
    """Something in a role body that only a VM has, in words; "" when there is none."""
    if _present(child(el, "OSVirtualHardDisk")):
        return "an OS disk"
    if any(_present(d) for d in children(el, "DataVirtualHardDisks/DataVirtualHardDisk")):
        return "data disks"
    if text_of(el, "VMImageName"):
        return "a VM image"
    for config in children(el, "ConfigurationSets/ConfigurationSet"):
        kind = text_of(config, "ConfigurationSetType") or _xsi_type(config)
        if kind.casefold() in PROVISIONING_SETS:
            return PROVISIONING_SETS[kind.casefold()]
    endpoints = children(el, "ConfigurationSets/ConfigurationSet/InputEndpoints/InputEndpoint")
    if any(text_of(e, "LoadBalancedEndpointSetName") for e in endpoints):
        return "a load-balanced endpoint set"
    if any(_present(child(e, "LoadBalancerProbe")) for e in endpoints):
        return "a load balancer probe"
    return ""


def _present(el: Element | None) -> bool:
    """An element that is there, not nil, and holds something."""
    return el is not None and attr(el, "nil") != "true" and next(child_elements(el), None) is not None


def _xsi_type(el: Element) -> str:
    return attr(el, "type")  # `i:type` / `xsi:type`: the only attribute named `type` on these elements


def is_network_set(el: Element) -> bool:
    """The network configuration set: by its type (in any case), else by its `xsi:type`, else, with
    neither, by what only it holds (endpoints, subnets)."""
    kind = text_of(el, "ConfigurationSetType") or _xsi_type(el)
    if kind:
        return kind.casefold() in ("networkconfiguration", "networkconfigurationset")
    return any(child(el, name) is not None for name in _NETWORK_SET_CONTENT)


_NETWORK_SET_CONTENT = ("InputEndpoints", "SubnetNames", "StaticVirtualNetworkIPAddress", "NetworkInterfaces")


def endpoint(
    el: Element,
    role: str,
    marker: Marker,
    shape: RoleShape,
    unnamed: str = "",
    *,
    vips: Mapping[str, str] = _NO_VIPS,
) -> InputEndpoint:
    """An input endpoint of `role`, named `unnamed` when the element gives no name (an Update
    Load-Balanced Endpoint Set body names the set, not its endpoints).

    The virtual IP it is on is the one it names (`VirtualIPName`), else the one whose address it gives
    (`Vip`, as a Get Deployment response writes it): `vips` are the names of the deployment's virtual IPs
    by address. Neither: the deployment's default VIP, unless it gives an address `vips` does not name, when
    which VIP it is on is unknown."""
    parts = grouped_children(el, _ENDPOINT_PARTS)
    name = _text(parts, "Name") or unnamed
    named = _text(parts, "VirtualIPName")
    address = _text(parts, "Vip").strip()
    by_address = "" if named or not address else vips.get(address, "")
    return InputEndpoint(
        name=name,
        protocol=_text(parts, "Protocol"),
        port=_text(parts, "Port"),
        local_port=_text(parts, "LocalPort"),
        acl=_acl(parts, role, name, marker, shape),
        mark=marker.mark(el),
        load_balancer=_text(parts, "LoadBalancerName"),
        virtual_ip=named or by_address,
        vip_unknown=bool(vips) and bool(address) and not named and not by_address,
    )


def has_acl(endpoint: Element, shape: RoleShape) -> bool:
    """Whether an endpoint writes an ACL, even an empty one."""
    return any(child(endpoint, container) is not None for container, _ in shape.acls)


def _acl(endpoint: Parts, role: str, name: str, marker: Marker, shape: RoleShape) -> EndpointAcl | None:
    """The ACL written on the endpoint whose children are `endpoint`, even one with no rules; None when
    there is none (or it is nil)."""
    for container, rule in shape.acls:
        el = _first(endpoint, container)
        if el is not None and attr(el, "nil") != "true":
            rules = tuple(_rule(r, marker) for r in _items(child(el, "Rules"), rule))
            return EndpointAcl(role, name, "", rules, marker.mark(el))
    return None


def _rule(el: Element, marker: Marker) -> AclRule:
    return AclRule(
        order=text_of(el, "Order"),
        action=text_of(el, "Action"),
        remote_subnet=text_of(el, "RemoteSubnet"),
        description=text_of(el, "Description"),
        mark=marker.mark(el),
    )


def _subnets(network_set: Parts, marker: Marker, shape: RoleShape) -> list[NameRef]:
    """The subnets of the VM's primary network interface (`SubnetNames`), then those of its other
    network interfaces (`NetworkInterfaces/*/IPConfigurations/*/SubnetName`): the first of them are the
    role's `primary_subnets`."""
    items = list(_items(_first(network_set, "SubnetNames"), shape.subnet_item))
    for nic in _items(_first(network_set, "NetworkInterfaces"), shape.nic_item):
        for configuration in _items(child(nic, "IPConfigurations"), shape.ip_configuration_item):
            items.extend(children(configuration, "SubnetName"))
    return [NameRef(text_of(item), marker.mark(item)) for item in items if text_of(item)]


def _static_ips(network_set: Parts, marker: Marker, shape: RoleShape) -> list[NameRef]:
    """The private addresses the VM's network interfaces ask for: the primary one's
    `StaticVirtualNetworkIPAddress`, then those of its other interfaces' IP configurations."""
    items = list(network_set.get("StaticVirtualNetworkIPAddress", ()))
    for nic in _items(_first(network_set, "NetworkInterfaces"), shape.nic_item):
        for configuration in _items(child(nic, "IPConfigurations"), shape.ip_configuration_item):
            items.extend(children(configuration, "StaticVirtualNetworkIPAddress"))
    return [NameRef(text_of(item), marker.mark(item)) for item in items if text_of(item)]


def _interfaces(
    network_set: Parts, marker: Marker, shape: RoleShape
) -> Iterator[tuple[str, tuple[NameRef, ...], NameRef | None]]:
    """The VM's secondary network interfaces (`NetworkInterfaces/*`), as `Role.interfaces` holds them: each
    named one's name, the subnets its IP configurations are in and the static address the first asks for,
    as `_subnets` and `_static_ips` read them, so that a script's `Remove-AzureNetworkInterfaceConfig -Name`
    takes them off the VM this file describes (the fix the overview gives for a VM in several subnets)."""
    for nic in _items(_first(network_set, "NetworkInterfaces"), shape.nic_item):
        name = text_of(child(nic, "Name")).strip()
        if not name:
            continue
        configurations = list(_items(child(nic, "IPConfigurations"), shape.ip_configuration_item))
        subnets = tuple(
            NameRef(text_of(item), marker.mark(item))
            for configuration in configurations
            for item in children(configuration, "SubnetName")
            if text_of(item)
        )
        addresses = [
            NameRef(text_of(item), marker.mark(item))
            for configuration in configurations
            for item in children(configuration, "StaticVirtualNetworkIPAddress")
            if text_of(item)
        ]
        yield name, subnets, addresses[0] if addresses else None


def _security_group(network_set: Parts, marker: Marker) -> list[NameRef]:
    """The network security group set on the VM (`NetworkSecurityGroup`), when the set names one."""
    items = network_set.get("NetworkSecurityGroup", ())
    return [NameRef(text_of(item).strip(), marker.mark(item)) for item in items if text_of(item).strip()]


def _public_ips(network_set: Parts, marker: Marker, shape: RoleShape) -> list[NameRef]:
    """The VM's own public IPs (`PublicIPs`, each item's `Name`; the Service Management schema's
    `ConfigurationSet.PublicIP`), each where its name is written."""
    items = _items(_first(network_set, "PublicIPs"), shape.public_ip_item)
    names = [child(item, "Name") for item in items]
    return [
        NameRef(text_of(n).strip(), marker.mark(n)) for n in names if n is not None and text_of(n).strip()
    ]


def _items(container: Element | None, item: str) -> Iterator[Element]:
    """The items of a list element: those named `item`, or every child element when `item` is ""."""
    if container is not None and item:
        yield from children(container, item)
    else:
        yield from child_elements(container)


def _extension(el: Element, marker: Marker) -> Extension:
    parts = grouped_children(el, _EXTENSION_PARTS)
    return Extension(
        publisher=_text(parts, "Publisher"),
        name=_text(parts, "Name"),
        version=_text(parts, "Version"),
        state=_text(parts, "State"),
        mark=marker.mark(el),
        reference=_text(parts, "ReferenceName").strip(),
    )


def no_guest_agent(el: Element) -> Element | None:
    """A role's `ProvisionGuestAgent` when it says the VM was given no guest agent (false); None when it
    was given one or the role does not say."""
    flag = child(el, "ProvisionGuestAgent")
    return flag if _flag(flag) is False else None


def _flag(el: Element | None) -> bool | None:
    """An xsd:boolean element: None when absent or not a boolean."""
    value = text_of(el).lower()
    return {"true": True, "1": True, "false": False, "0": False}.get(value) if el is not None else None
