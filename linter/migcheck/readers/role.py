"""Read one role (VM or web/worker) as REST bodies and Export-AzureVM files write it. The two formats
differ in a few element names only; `RoleShape` names those differences."""

from __future__ import annotations

from dataclasses import dataclass

from migcheck.model import (
    AclRule,
    Disk,
    EndpointAcl,
    Extension,
    InputEndpoint,
    Mark,
    NameRef,
    Role,
    RoleType,
    VirtualMachine,
)
from migcheck.readers.xml import Element, Marker, attr, child, child_elements, children, local_name, text_of

# What reading a role produces, in REST bodies and Export-AzureVM files alike.
ROLE_RESOURCES = frozenset({Role, VirtualMachine, InputEndpoint, EndpointAcl, AclRule, Extension, Disk})

VM_ELEMENTS = frozenset({"PersistentVMRole", "PersistentVM"})


@dataclass(frozen=True, slots=True)
class RoleShape:
    """Where a format keeps what varies: the endpoint ACL (container, rule element) and the items of
    `SubnetNames` ("" takes every child element, as .NET's XmlSerializer writes `<string>` items)."""

    acls: tuple[tuple[str, str], ...]
    subnet_item: str


REST = RoleShape(acls=(("EndpointAcl", "Rule"),), subnet_item="SubnetName")
VM_EXPORT = RoleShape(
    acls=(("EndpointAccessControlList", "AccessControlListRule"), ("EndpointAcl", "Rule")),
    subnet_item="",
)


def read_role(el: Element, marker: Marker, shape: RoleShape) -> Role:
    name = text_of(el, "RoleName")
    network_sets = [s for s in children(el, "ConfigurationSets/ConfigurationSet") if _is_network_set(s)]
    return Role(
        name=name,
        type=_role_type(el),
        mark=marker.mark(el),
        size=text_of(el, "RoleSize"),
        availability_set=text_of(el, "AvailabilitySetName"),
        endpoints=tuple(
            _endpoint(e, name, marker, shape)
            for s in network_sets
            for e in children(s, "InputEndpoints/InputEndpoint")
        ),
        subnets=tuple(ref for s in network_sets for ref in _subnets(s, marker, shape)),
        extensions=tuple(
            _extension(e, marker)
            for e in children(el, "ResourceExtensionReferences/ResourceExtensionReference")
        ),
        disks=_disks(el, name, marker),
        boot_diagnostics=_flag(child(el, "DebugSettings/BootDiagnosticsEnabled")),
        availability_set_mark=_mark_of(child(el, "AvailabilitySetName"), marker),
        boot_diagnostics_mark=_mark_of(child(el, "DebugSettings"), marker),
    )


def _mark_of(el: Element | None, marker: Marker) -> Mark | None:
    return marker.mark(el) if el is not None else None


def _disks(role: Element, name: str, marker: Marker) -> tuple[Disk, ...]:
    found = (
        *children(role, "OSVirtualHardDisk"),
        *children(role, "DataVirtualHardDisks/DataVirtualHardDisk"),
    )
    return tuple(disk(d, marker, name=text_of(d, "DiskName"), attached_to=name) for d in found)


def disk(el: Element, marker: Marker, *, name: str, attached_to: str) -> Disk:
    return Disk(name, text_of(el, "MediaLink"), text_of(el, "IOType"), attached_to, marker.mark(el))


def _role_type(el: Element) -> RoleType:
    """`RoleType` PersistentVMRole is a VM; web/worker roles in a GET response often have no `RoleType`."""
    written = text_of(el, "RoleType") or _xsi_type(el)
    if written == "PersistentVMRole" or (not written and local_name(el) in VM_ELEMENTS):
        return RoleType.PERSISTENT_VM
    return RoleType.WEB if written == "WebRole" else RoleType.WORKER


def _xsi_type(el: Element) -> str:
    return attr(el, "type")  # `i:type` / `xsi:type`: the only attribute named `type` on these elements


def _is_network_set(el: Element) -> bool:
    kind = text_of(el, "ConfigurationSetType")
    return kind == "NetworkConfiguration" or (not kind and _xsi_type(el) == "NetworkConfigurationSet")


def _endpoint(el: Element, role: str, marker: Marker, shape: RoleShape) -> InputEndpoint:
    name = text_of(el, "Name")
    return InputEndpoint(
        name=name,
        protocol=text_of(el, "Protocol"),
        port=text_of(el, "Port"),
        local_port=text_of(el, "LocalPort"),
        acl=_acl(el, role, name, marker, shape),
        mark=marker.mark(el),
    )


def _acl(endpoint: Element, role: str, name: str, marker: Marker, shape: RoleShape) -> EndpointAcl | None:
    """The ACL written on an endpoint, even one with no rules; None when there is none (or it is nil)."""
    for container, rule in shape.acls:
        el = child(endpoint, container)
        if el is not None and attr(el, "nil") != "true":
            rules = tuple(_rule(r, marker) for r in children(el, "Rules/" + rule))
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


def _subnets(network_set: Element, marker: Marker, shape: RoleShape) -> list[NameRef]:
    names = child(network_set, "SubnetNames")
    items = (
        children(names, shape.subnet_item)
        if names is not None and shape.subnet_item
        else child_elements(names)
    )
    return [NameRef(text_of(item), marker.mark(item)) for item in items if text_of(item)]


def _extension(el: Element, marker: Marker) -> Extension:
    return Extension(
        publisher=text_of(el, "Publisher"),
        name=text_of(el, "Name"),
        version=text_of(el, "Version"),
        state=text_of(el, "State"),
        mark=marker.mark(el),
    )


def _flag(el: Element | None) -> bool | None:
    """An xsd:boolean element: None when absent or not a boolean."""
    value = text_of(el).lower()
    return {"true": True, "1": True, "false": False, "0": False}.get(value) if el is not None else None
