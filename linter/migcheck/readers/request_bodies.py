"""Service Management requests as the script readers read them: what a request's path names (its cloud
service, deployment and VM, a reserved IP, a data disk, a network security group), the records a body built
with values the script does not state stands for, and how a body's records are taken apart and marked again.
The Python, PowerShell and shell readers share these; kept apart from the Python reader so that reading a
PowerShell or shell script does not import the Python reader and its flow analysis."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable
from dataclasses import fields, is_dataclass, replace
from typing import TYPE_CHECKING

from migcheck.automation import HOLE
from migcheck.model import (
    UNSTATED_TEXT,
    AclRule,
    AddressPrefix,
    AffinityGroupRegion,
    Deployment,
    Disk,
    DnsServer,
    Extension,
    GatewayConnection,
    InputEndpoint,
    LocalNetworkSite,
    Mark,
    NameRef,
    NetworkSecurityGroup,
    ReservedIp,
    Role,
    RoleType,
    ServiceRegion,
    StorageAccountType,
    Subnet,
    VirtualNetwork,
    blob_host_account,
    record,
)

if TYPE_CHECKING:
    from migcheck.readers.xml import Element


# Role.unknown's names.
UNKNOWABLE = frozenset({"availability_set", "endpoints", "subnets", "extensions", "public_ips"})


# What a body POSTed to create a resource states of it, which every reader keeps as the REST reader reads it
# from a body file (in the subscription the script selects), whichever way the script sends it: the region
# of a cloud service (Create Cloud Service) or of an affinity group (Create Affinity Group), the type of a
# storage account (Create Storage Account), a reserved IP (Create Reserved IP).
CREATED = (ServiceRegion, AffinityGroupRegion, StorageAccountType, ReservedIp)


def unsaid(role: Role, fact: str) -> bool:
    value = getattr(role, "availability_set" if fact == "availability_set" else fact)
    return not value or fact in role.unknown


def take_facts(kept: Role, other: Role, facts: set[str] | frozenset[str]) -> Role:
    """`kept` with the facts named taken from `other`."""
    changes: dict[str, object] = {name: getattr(other, name) for name in facts}
    if "availability_set" in facts:
        changes["availability_set_mark"] = other.availability_set_mark
    if other.boot_diagnostics is not None:  # stated by a REST body only: the SDK has no such setting
        changes.update(
            boot_diagnostics=other.boot_diagnostics, boot_diagnostics_mark=other.boot_diagnostics_mark
        )
    changes["unknown"] = (kept.unknown - facts) | (other.unknown & facts)
    # Changes to a VM the file also creates are part of its creation, in whichever order they are read.
    changes["changes_existing"] = kept.changes_existing and other.changes_existing
    return replace(kept, **changes)  # type: ignore[arg-type]


# What a body read from a template holds in place of each value the script does not state: a stand-in as
# names are shown (`<...>`, escaped as XML text), which no Azure name or setting can be (see `is_stand_in`).
UNSTATED = f"&lt;{UNSTATED_TEXT}&gt;"


# The service, deployment and role a Service Management path names
# (`/<subscription>/services/hostedservices/<service>/deployments/<deployment>/roles/<role>`).
_PATH_NAMES = re.compile(
    r"/services/hostedservices/([^/?#]+)(?:/deployments/([^/?#]+)(?:/roles/([^/?#]+))?)?", re.IGNORECASE
)


# The reserved IP an Associate or Disassociate Reserved IP request's path names, and which it is.
_RESERVED_IP_OPERATION = re.compile(
    r"/services/networking/reservedips/([^/?#]+)/operations/(associate|disassociate)/?(?:[?#]|$)",
    re.IGNORECASE,
)


# A path that names a VM itself (Get, Update, Delete Role).
_ROLE_PATH = re.compile(r"/deployments/[^/?#]+/roles/[^/?#]+/?(?:[?#]|$)", re.IGNORECASE)


# The VM and LUN a data disk request's path names (Add, Update, Delete Data Disk).
_DATA_DISK_PATH = re.compile(r"/roles/([^/?#]+)/datadisks(?:/([^/?#]+))?/?(?:[?#]|$)", re.IGNORECASE)


# The network security group and rule a Set Network Security Rule path names.
_RULE_PATH = re.compile(
    r"/services/networking/networksecuritygroups/([^/?#]+)/rules/([^/?#]+)", re.IGNORECASE
)


# Add Network Security Group to Subnet: `.../virtualnetwork/<network>/subnets/<subnet>/networksecuritygroups`.
_SUBNET_GROUP_PATH = re.compile(
    r"/services/networking/virtualnetwork/([^/?#]+)/subnets/([^/?#]+)/networksecuritygroups/?(?=$|[?#])",
    re.IGNORECASE,
)


def unstated_role(resource: Role, stand_in: Callable[[str], str]) -> Role:
    """A role of a body built with values the script does not state (`UNSTATED_TEXT` where they go), as
    the reader of either language reads it: its name and its endpoints' a stand-in, `stand_in("VM")`,
    `stand_in("endpoint")` (`<VM name, deploy.py:7>`); the subnets and the availability set it may be in
    unknown, and the endpoints and extensions it may have more of."""
    unknown = set(resource.unknown)
    subnets = tuple(ref for ref in resource.subnets if UNSTATED_TEXT not in ref.name)
    if len(subnets) < len(resource.subnets):
        unknown.add("subnets")
    availability_set = resource.availability_set
    if UNSTATED_TEXT in availability_set:
        availability_set = ""
        unknown.add("availability_set")
    unknown.update(f for f in ("endpoints", "extensions") if UNSTATED_TEXT in repr(getattr(resource, f)))
    endpoints = []
    for endpoint in resource.endpoints:
        if UNSTATED_TEXT in endpoint.name:
            name = stand_in("endpoint")
            acl = replace(endpoint.acl, endpoint=name) if endpoint.acl is not None else None
            endpoint = replace(endpoint, name=name, acl=acl)
        endpoints.append(endpoint)
    name = resource.name
    if UNSTATED_TEXT in name:  # a VM's name, or a package's the roles are named after
        name = stand_in("VM" if resource.is_vm else "role")
    return replace(
        resource,
        name=name,
        endpoints=tuple(endpoints),
        subnets=subnets,
        primary_subnets=tuple(r for r in resource.primary_subnets if UNSTATED_TEXT not in r.name),
        availability_set=availability_set,
        unknown=frozenset(unknown),
    )


def body_root(text: str) -> Element | None:
    """The root element of a REST body the REST reader reads (`deployment.reads`: of which a script takes
    what it describes, see `_read_body`) or of the subscription's network configuration; None for any other
    text."""
    if "<" not in text:
        return None
    from migcheck.readers import deployment as rest
    from migcheck.readers.xml import Unreadable, local_name, parse

    try:
        root = parse(text.encode("utf-8"), text)
    except (Unreadable, ValueError):
        return None
    return root if rest.reads(root) or local_name(root) == "NetworkConfiguration" else None


def body_file(data: bytes) -> tuple[str, Element] | None:
    """The text and root element of a body file a script sends (`curl -d @capture.xml`, `Invoke-RestMethod
    -InFile capture.xml`), decoded and parsed as the XML reader reads the file itself, so that one it refuses
    (not text in its encoding, not well-formed) is its MIG001 there and says nothing here; None for such a
    file and for a body the REST reader does not read (`deployment.reads`)."""
    from migcheck.readers import deployment as rest
    from migcheck.readers.xml import Unreadable, decode, parse

    text = decode(data)
    try:
        root = parse(data, text)
    except (Unreadable, ValueError):
        return None
    return (text, root) if rest.reads(root) else None


def path_names(path: str) -> tuple[str | None, str | None, str | None]:
    """The service, deployment and role a path names; None for one it does not, or names in part only."""
    found = _PATH_NAMES.search(path)
    names = found.groups() if found else (None, None, None)
    service, deployment, role = (None if name is None or HOLE in name else name for name in names)
    return service, deployment, role


def captured_vm(path: str) -> str | None:
    """The VM a capture request's path names (`.../deployments/<d>/roleinstances/<vm>/Operations`); None for
    another path, or one that does not state the VM."""
    before, found, after = path.split("?", 1)[0].partition("/roleinstances/")
    name = after.split("/", 1)[0] if found and "/deployments/" in before.casefold() else ""
    return urllib.parse.unquote(name) if name and HOLE not in name else None


@record
class ReservedIpRequest:
    """An Associate or Disassociate Reserved IP request (POST `.../services/networking/reservedips/<name>/
    operations/associate` or `/disassociate`): the reserved IP its path names, and the cloud service,
    deployment and virtual IP ("" for the deployment's default one) its `ReservedIPAssociation` body
    names."""

    name: str
    disassociates: bool
    service: str
    deployment: str
    virtual_ip: str


def reserved_ip_request(verb: str, path: str, body: str) -> ReservedIpRequest | None:
    """The reserved IP request a POST to `path` with `body` is, when the path and the body state every
    name; None for any other request."""
    found = _RESERVED_IP_OPERATION.search(path) if verb == "POST" else None
    if found is None or HOLE in found.group(1) or "<" not in body:
        return None
    from migcheck.readers.xml import Unreadable, local_name, parse, text_of

    try:
        root = parse(body.encode("utf-8"), body)
    except (Unreadable, ValueError):
        return None
    if local_name(root) != "ReservedIPAssociation":
        return None
    service, deployment = text_of(root, "ServiceName").strip(), text_of(root, "DeploymentName").strip()
    vip = text_of(root, "VirtualIPName").strip()
    named = (found.group(1), service, deployment, vip)
    if not (service and deployment) or any(UNSTATED_TEXT in name or HOLE in name for name in named):
        return None
    disassociates = found.group(2).casefold() == "disassociate"
    return ReservedIpRequest(urllib.parse.unquote(found.group(1)), disassociates, service, deployment, vip)


def is_role_path(path: str) -> bool:
    """Whether `path` names a VM itself (`.../deployments/<d>/roles/<vm>`), as Delete Role's does."""
    return _ROLE_PATH.search(path) is not None


def data_disk_path(path: str) -> tuple[str, str | None] | None:
    """The VM and LUN a data disk path names (`.../roles/<vm>/DataDisks`, `.../DataDisks/<lun>`), the LUN
    None where the path names none or names it in part only; None for any other path."""
    found = _DATA_DISK_PATH.search(path)
    if found is None or HOLE in found.group(1):
        return None
    lun = found.group(2)
    return found.group(1), None if lun is None or HOLE in lun else lun


def security_rule_path(path: str) -> tuple[str | None, str | None]:
    """The network security group and rule a path names (`.../networksecuritygroups/<group>/rules/<rule>`);
    None for one it does not, or names in part only."""
    found = _RULE_PATH.search(path)
    names = found.groups() if found else (None, None)
    group, rule = (None if name is None or HOLE in name else urllib.parse.unquote(name) for name in names)
    return group, rule


def stated_facts(role: Element) -> frozenset[str]:
    """The facts of a VM a role body states (its `VM_FACTS`), by the elements it holds: an Update Role
    body that leaves one out leaves that fact as it was."""
    from migcheck.readers.role import is_network_set
    from migcheck.readers.xml import child, children

    stated = set()
    if child(role, "RoleSize") is not None:
        stated.add("size")
    if child(role, "AvailabilitySetName") is not None:
        stated.add("availability_set")
    for network in (s for s in children(role, "ConfigurationSets/ConfigurationSet") if is_network_set(s)):
        written = {
            "InputEndpoints": "endpoints",
            "SubnetNames": "subnets",
            "StaticVirtualNetworkIPAddress": "static_ips",
            "PublicIPs": "public_ips",
        }
        stated.update(fact for element, fact in written.items() if child(network, element) is not None)
    if child(role, "ResourceExtensionReferences") is not None:
        stated.add("extensions")
    if child(role, "OSVirtualHardDisk") is not None or child(role, "DataVirtualHardDisks") is not None:
        stated.add("disks")
    return frozenset(stated)


# The fields of the records a body gives that hold a value, not a name: an address, a port, a size, a
# version, a state. Where a body read from a template (`_templated`) has a stand-in there, the value is
# unknown, and left empty as a file that does not state it leaves it, so that no rule checks the stand-in
# as a value or compares it with another (two VMs would ask for the same private address, a DNS server
# would be at another address than a .netcfg says). Names keep their stand-ins: a finding still names what
# it is about. Address prefixes and a VM's static addresses are values too: see `without_unstated_values`.
_VALUE_FIELDS: dict[type, tuple[str, ...]] = {
    Role: ("size",),
    Deployment: ("slot",),
    InputEndpoint: ("protocol", "port", "local_port"),
    AclRule: ("order", "action", "remote_subnet"),
    Extension: ("version", "state"),
    Disk: ("io_type", "lun"),
    VirtualNetwork: ("location",),
    LocalNetworkSite: ("vpn_gateway_address",),
    DnsServer: ("address",),
    ReservedIp: ("address",),
    GatewayConnection: ("type",),
    AffinityGroupRegion: ("location",),
}


def without_unstated_values(value: object) -> object:
    """`value` (a record a body gives, and every record in it however deep) with each value the script
    does not state left out: a field of `_VALUE_FIELDS` emptied, an address prefix dropped (an address
    space or a client pool without it, a subnet without a prefix), a static private address dropped from
    its VM. What is left is what the script states, which rules check as they would in any file; an address
    space or a subnet that lost a prefix says it does not know it, so that it is not compared."""
    if isinstance(value, tuple):
        return tuple(without_unstated_values(item) for item in value if not _unstated_prefix(item))
    if not is_dataclass(value) or isinstance(value, type):
        return value
    changes: dict[str, object] = {}
    for name in _VALUE_FIELDS.get(type(value), ()):
        if UNSTATED_TEXT in getattr(value, name):
            changes[name] = ""
    if isinstance(value, Subnet) and _unstated_prefix(value.prefix):
        changes["prefix"] = None
        changes["prefix_known"] = False
    if isinstance(value, (VirtualNetwork, LocalNetworkSite)) and any(
        map(_unstated_prefix, value.address_space)
    ):
        changes["address_space_known"] = False
    if isinstance(value, Role):
        changes["static_ips"] = tuple(ref for ref in value.static_ips if UNSTATED_TEXT not in ref.name)
        changes["public_ips"] = tuple(ref for ref in value.public_ips if UNSTATED_TEXT not in ref.name)
    for item in fields(value):
        held = changes.get(item.name, getattr(value, item.name))
        if isinstance(held, tuple) or (is_dataclass(held) and not isinstance(held, Mark)):
            changes[item.name] = without_unstated_values(held)
    return replace(value, **changes)


def _unstated_prefix(value: object) -> bool:
    return isinstance(value, AddressPrefix) and UNSTATED_TEXT in value.text


def remarked(value: object, move: Callable[[Mark], Mark]) -> object:
    """`value` with every mark in it, however deep, replaced by `move(mark)`."""
    if isinstance(value, Mark):
        return move(value)
    if isinstance(value, tuple):
        return tuple(remarked(item, move) for item in value)
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: remarked(getattr(value, f.name), move) for f in fields(value)})
    return value


def named_group(resource: object, root: str) -> bool:
    """A network security group a body is (`root`, its element, is `NetworkSecurityGroup`: a Create Network
    Security Group body), by a name it states: not one of a list's, nor the rules a response lists."""
    return (
        isinstance(resource, NetworkSecurityGroup)
        and root == "NetworkSecurityGroup"
        and bool(resource.name.strip())
        and UNSTATED_TEXT not in resource.name
    )


def creates_security_group(verb: str, path: str) -> bool:
    """Create Network Security Group: a POST to `.../services/networking/networksecuritygroups` (the Service
    Management REST reference). A route table's create request is not documented, and is not read."""
    where = path.split("?", 1)[0].rstrip("/").casefold()
    return verb == "POST" and where.endswith("/services/networking/networksecuritygroups")


# What marks each value a body is built with that the script does not state, when it is read again to tell
# them apart (a character of Unicode's private use area, which no body writes, and which XML and a blob's
# address keep as they are).
HOLE_MARK = "\ue000"


def marked_host_label(link: str) -> tuple[str, int, str] | None:
    """The first host label of a blob address (its storage account) written with one value marked
    (`HOLE_MARK` <index> `HOLE_MARK`): what goes before the value, its index, and what comes after; None for
    an address whose account is stated, or not a blob's."""
    label = blob_host_account(link.split("://", 1)[-1].split("/", 1)[0], HOLE_MARK).split(HOLE_MARK)
    if len(label) != 3 or not label[1].isdigit():
        return None
    return label[0], int(label[1]), label[2]


def registers_in_repository(verb: str, path: str) -> str:
    """Which repository of the subscription a request registers in: `images` for Add OS Image (a POST to
    `.../services/images` with an `OSImage` body), `disks` for Add Disk (a POST to `.../services/disks` with a
    `Disk` body), as the Service Management REST reference gives them; "" for any other request."""
    where = path.split("?", 1)[0].rstrip("/").casefold()
    if verb != "POST":
        return ""
    return next((kind for kind in ("images", "disks") if where.endswith(f"/services/{kind}")), "")


def adds_group_to_role(verb: str, path: str) -> bool:
    """Add Network Security Group to Role: a POST to `.../services/hostedservices/<s>/deployments/<d>/roles/
    <r>/networksecuritygroups` (the Service Management REST reference), whose `NetworkSecurityGroup` body
    names the group, associates it with VM <r>, as `Set-AzureNetworkSecurityGroupAssociation -VM` does."""
    where = path.split("?", 1)[0].rstrip("/").casefold()
    return verb == "POST" and "/roles/" in where and where.endswith("/networksecuritygroups")


def adds_group_to_subnet(verb: str, path: str) -> tuple[str, str] | None:
    """(network, subnet) of Add Network Security Group to Subnet: a POST to `.../services/networking/
    virtualnetwork/<network>/subnets/<subnet>/networksecuritygroups` (the Service Management REST
    reference), whose `NetworkSecurityGroup` body names the group, associates it with that subnet, as
    `Set-AzureNetworkSecurityGroupToSubnet` does. None for any other request, or one whose network or
    subnet the script does not state."""
    found = _SUBNET_GROUP_PATH.search(path) if verb == "POST" else None
    if found is None or any(HOLE in name for name in found.groups()):
        return None
    network, subnet = (urllib.parse.unquote(name) for name in found.groups())
    return network, subnet


def group_on_subnet(group: NetworkSecurityGroup, network: str, subnet: str) -> NetworkSecurityGroup:
    """The association an Add Network Security Group to Subnet request makes: the group its body names,
    used by `subnet` of `network` (`NetworkSecurityGroup.subnet`)."""
    return replace(group, virtual_network=network, subnet=subnet)


def group_on_role(group: NetworkSecurityGroup, role_name: str) -> Role:
    """The change an Add Network Security Group to Role request makes to VM `role_name`, which exists
    already: the group its body names is set on the VM (the migration clones it with the VM), and what the
    request does not state stays as it was (`ROLE_GROUP` is the one fact it changes)."""
    named = NameRef(group.name, group.mark)
    return Role(
        role_name,
        RoleType.PERSISTENT_VM,
        group.mark,
        security_group=named,
        unknown=UNKNOWABLE,
        changes_existing=True,
    )


# What an Add Network Security Group to Role request changes of its VM (see `group_on_role`).
ROLE_GROUP = frozenset({"security_group"})
