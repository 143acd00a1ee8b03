"""Write model resources out as the classic formats, in a chosen style, for the property tests.

A tree of `El` is rendered with a `Style`: attribute order, indentation, line ends, comments between
elements, a namespace prefix instead of the default namespace, and the encoding. Every style says the same
thing, so whatever a reader makes of one rendering it must make of all of them. The writers turn model
objects (`Role`, `Deployment`, `ServiceConfiguration`, ...) into the element layout each format uses, so a
round trip compares the model with itself."""

from __future__ import annotations

import random
from dataclasses import dataclass, fields, is_dataclass, replace
from xml.sax.saxutils import escape, quoteattr

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
    InputEndpoint,
    InstanceAddress,
    LocalNetworkSite,
    Mark,
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

AZURE_NS = "http://schemas.microsoft.com/windowsazure"
CSCFG_NS = "http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration"
CSDEF_NS = "http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition"
NETCFG_NS = "http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
XSD_NS = "http://www.w3.org/2001/XMLSchema"

NOWHERE = Mark("", 0)  # generated resources are written nowhere yet; marks take no part in comparisons


# --- rendering -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class El:
    """An element: attributes as written (namespaced ones with their prefix), children or text."""

    tag: str
    kids: tuple[El, ...] = ()
    text: str = ""
    attrs: tuple[tuple[str, str], ...] = ()


def el(tag: str, *kids: El | None, text: str = "", attrs: tuple[tuple[str, str], ...] = ()) -> El:
    """An element; `None` children are left out, so optional parts can be written inline."""
    return El(tag, tuple(k for k in kids if k is not None), text, attrs)


@dataclass(frozen=True, slots=True)
class Style:
    """How a document is laid out. `seed` 0 keeps attributes in the order the writer gives them."""

    seed: int = 0
    indent: str = "  "
    newline: str = "\n"
    attr_gap: str = " "
    comments: bool = False
    prefix: str = ""
    encoding: str = "utf-8"


PLAIN = Style()


@dataclass(frozen=True, slots=True)
class Written:
    """A document ready to render: its root, the root's namespace ("" for none) and extra declarations."""

    root: El
    namespace: str = ""
    declarations: tuple[tuple[str, str], ...] = ()

    def render(self, style: Style = PLAIN) -> bytes:
        return render(self, style)


def render(doc: Written, style: Style) -> bytes:
    prefix = style.prefix if doc.namespace else ""  # a prefix needs a namespace to bind
    own = (f"xmlns:{prefix}" if prefix else "xmlns", doc.namespace) if doc.namespace else None
    root = replace(doc.root, attrs=doc.root.attrs + ((own,) if own else ()) + doc.declarations)
    writer = _Writer(style, f"{prefix}:" if prefix else "", random.Random(style.seed))
    # The declared encoding must match the bytes: a mismatch is a different document, not a style.
    declared = "utf-16" if style.encoding == "utf-16" else "utf-8"
    head = f'<?xml version="1.0" encoding="{declared}"?>{style.newline}'
    if style.comments:
        head += f"<!-- written for a property test -->{style.newline}"
    return (head + writer.element(root, 0) + style.newline).encode(style.encoding)


class _Writer:
    def __init__(self, style: Style, prefix: str, rng: random.Random) -> None:
        self.style = style
        self.prefix = prefix
        self.rng = rng

    def element(self, node: El, depth: int) -> str:
        tag = self.prefix + node.tag
        start = f"<{tag}{self._attributes(node.attrs)}"
        if node.kids:
            inner = "".join(
                self._pad(depth + 1) + self._comment(depth + 1) + self.element(k, depth + 1)
                for k in node.kids
            )
            return f"{start}>{inner}{self._pad(depth)}</{tag}>"
        if node.text:
            return f"{start}>{escape(node.text)}</{tag}>"
        return start + "/>"

    def _attributes(self, attrs: tuple[tuple[str, str], ...]) -> str:
        ordered = list(attrs)
        if self.style.seed:
            self.rng.shuffle(ordered)
        return "".join(f"{self.style.attr_gap}{name}={quoteattr(value)}" for name, value in ordered)

    def _pad(self, depth: int) -> str:
        return self.style.newline + self.style.indent * depth

    def _comment(self, depth: int) -> str:
        # A comment before every child element: between elements, never inside a text value.
        return f"<!-- note {depth} -->{self._pad(depth)}" if self.style.comments else ""


# --- comparing ---------------------------------------------------------------------------------------


def unmarked(value: object) -> object:
    """A resource as plain data without its marks: where a thing is written is not what it is."""
    if isinstance(value, Mark):
        return None
    if isinstance(value, tuple):
        return tuple(unmarked(v) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        pairs = tuple((f.name, unmarked(getattr(value, f.name))) for f in fields(value))
        return (type(value).__name__, pairs)
    return value


# --- VMs: REST roles and Export-AzureVM files ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VmShape:
    """What differs between a REST role and an Export-AzureVM file."""

    root: str
    type_attr: str
    acl: str
    acl_rule: str
    subnet_item: str
    typed_sets: bool = True  # write `ConfigurationSetType`; without it only `xsi:type` says what a set is


REST_ROLE = VmShape("Role", "i:type", "EndpointAcl", "Rule", "SubnetName")
EXPORT = VmShape("PersistentVM", "xsi:type", "EndpointAccessControlList", "AccessControlListRule", "string")


def vm_element(vm: Role, shape: VmShape) -> El:
    t = shape.type_attr
    attrs = ((t, "PersistentVMRole"),) if shape.root == "Role" else ()
    boot = vm.boot_diagnostics
    return el(
        shape.root,
        el("RoleName", text=vm.name),
        el("RoleType", text="PersistentVMRole"),
        el("AvailabilitySetName", text=vm.availability_set) if vm.availability_set else None,
        el("ConfigurationSets", _provisioning_set(vm, shape), _network_set(vm, shape)),
        el("ResourceExtensionReferences", *(_extension(x) for x in vm.extensions)),
        el("DataVirtualHardDisks", *(_disk("DataVirtualHardDisk", d) for d in _data_disks(vm))),
        _os_disk(vm),
        el("RoleSize", text=vm.size) if vm.size else None,
        el("DebugSettings", el("BootDiagnosticsEnabled", text=str(boot).lower()))
        if boot is not None
        else None,
        attrs=attrs,
    )


def _provisioning_set(vm: Role, shape: VmShape) -> El:
    """A set that is not the network set: its endpoints, if it had any, would not be the VM's."""
    return el(
        "ConfigurationSet",
        el("ConfigurationSetType", text="WindowsProvisioningConfiguration"),
        el("ComputerName", text=vm.name),
        attrs=((shape.type_attr, "WindowsProvisioningConfigurationSet"),),
    )


def _network_set(vm: Role, shape: VmShape) -> El:
    return el(
        "ConfigurationSet",
        el("ConfigurationSetType", text="NetworkConfiguration") if shape.typed_sets else None,
        el("InputEndpoints", *(_endpoint(e, shape) for e in vm.endpoints)),
        el("SubnetNames", *(el(shape.subnet_item, text=s.name) for s in vm.subnets)),
        attrs=((shape.type_attr, "NetworkConfigurationSet"),),
    )


def _endpoint(endpoint: InputEndpoint, shape: VmShape) -> El:
    acl = endpoint.acl
    return el(
        "InputEndpoint",
        el("LocalPort", text=endpoint.local_port),
        el("Name", text=endpoint.name),
        el("Port", text=endpoint.port),
        el("Protocol", text=endpoint.protocol),
        el(shape.acl, el("Rules", *(_rule(r, shape) for r in acl.rules))) if acl is not None else None,
    )


def _rule(rule: AclRule, shape: VmShape) -> El:
    return el(
        shape.acl_rule,
        el("Order", text=rule.order),
        el("Action", text=rule.action),
        el("RemoteSubnet", text=rule.remote_subnet),
        el("Description", text=rule.description),
    )


def _extension(ext: Extension) -> El:
    return el(
        "ResourceExtensionReference",
        el("ReferenceName", text=ext.reference),
        el("Publisher", text=ext.publisher),
        el("Name", text=ext.name),
        el("Version", text=ext.version),
        el("State", text=ext.state),
    )


def _os_disk(vm: Role) -> El | None:
    """The first disk is the OS disk when the generator made one (its name says so)."""
    first = vm.disks[0] if vm.disks else None
    return _disk("OSVirtualHardDisk", first) if first is not None and is_os_disk(first) else None


def _data_disks(vm: Role) -> tuple[Disk, ...]:
    return tuple(d for d in vm.disks if not is_os_disk(d))


def is_os_disk(disk: Disk) -> bool:
    return disk.name.startswith("os-")


def _disk(tag: str, disk: Disk) -> El:
    return el(
        tag,
        el("DiskName", text=disk.name),
        el("MediaLink", text=disk.media_link),
        el("IOType", text=disk.io_type),
    )


def export_vm(vm: Role, *, typed_sets: bool = True) -> Written:
    shape = replace(EXPORT, typed_sets=typed_sets)
    return Written(vm_element(vm, shape), "", (("xmlns:xsi", XSI_NS), ("xmlns:xsd", XSD_NS)))


def rest_deployment(deployment: Deployment) -> Written:
    vnet, reserved = deployment.virtual_network, deployment.reserved_ip
    root = el(
        "Deployment",
        el("Name", text=deployment.name),
        el("DeploymentSlot", text=deployment.slot),
        el("RoleInstanceList", *(_instance(i) for i in deployment.instances)),
        el("RoleList", *(vm_element(r, REST_ROLE) for r in deployment.roles)),
        el("VirtualNetworkName", text=vnet.name) if vnet is not None else None,
        el("ReservedIPName", text=reserved.name) if reserved is not None else None,
    )
    return Written(root, AZURE_NS, (("xmlns:i", XSI_NS),))


def _instance(instance: RoleInstance) -> El:
    return el(
        "RoleInstance",
        el("RoleName", text=instance.role),
        el("InstanceName", text=instance.name),
        el("InstanceStatus", text=instance.status),
        el("GuestAgentStatus", el("Status", text=instance.guest_agent_status)),
    )


# --- cloud service packages ------------------------------------------------------------------------------


def cscfg(config: ServiceConfiguration) -> Written:
    root = el(
        "ServiceConfiguration",
        *(_role_settings(r) for r in config.roles),
        _network_configuration(config),
        attrs=(("serviceName", config.name), ("osFamily", "6"), ("osVersion", "*")),
    )
    return Written(root, CSCFG_NS)


def _role_settings(role: RoleSettings) -> El:
    count = el("Instances", attrs=(("count", str(role.instances)),)) if role.instances is not None else None
    return el("Role", count, el("ConfigurationSettings"), attrs=(("name", role.name),))


def _network_configuration(config: ServiceConfiguration) -> El:
    site = config.virtual_network
    return el(
        "NetworkConfiguration",
        el("Dns", el("DnsServers", *(_dns_server(d) for d in config.dns_servers))),
        el("AccessControls", *(_access_control(a) for a in config.access_controls)),
        el("EndpointAcls", *(_endpoint_acl(a, i) for i, a in enumerate(config.endpoint_acls))),
        el("VirtualNetworkSite", attrs=(("name", site.name),)) if site is not None else None,
        el(
            "AddressAssignments",
            *(_instance_address(a) for a in config.instance_addresses),
            el("ReservedIPs", *(el("ReservedIP", attrs=(("name", r.name),)) for r in config.reserved_ips)),
        ),
    )


def _dns_server(server: DnsServer) -> El:
    return el("DnsServer", attrs=(("name", server.name), ("IPAddress", server.address)))


def _access_control(access_control: AccessControl) -> El:
    rules = (
        el(
            "Rule",
            attrs=(
                ("order", r.order),
                ("action", r.action),
                ("remoteSubnet", r.remote_subnet),
                ("description", r.description),
            ),
        )
        for r in access_control.rules
    )
    return el("AccessControl", *rules, attrs=(("name", access_control.name),))


def _endpoint_acl(acl: EndpointAcl, index: int) -> El:
    # Both spellings of the endpoint attribute are in use; write each in turn.
    endpoint = "endPoint" if index % 2 else "endpoint"
    return el(
        "EndpointAcl",
        attrs=(("role", acl.role), (endpoint, acl.endpoint), ("accessControl", acl.access_control)),
    )


def _instance_address(address: InstanceAddress) -> El:
    subnets = (el("Subnet", attrs=(("name", s.name),)) for s in address.subnets)
    return el("InstanceAddress", el("Subnets", *subnets), attrs=(("roleName", address.role),))


def csdef(definition: ServiceDefinition, instance_endpoints: int = 0) -> Written:
    """A csdef; the last `instance_endpoints` endpoints of each role are instance input endpoints."""
    roles = (_csdef_role(r, instance_endpoints) for r in definition.roles)
    return Written(el("ServiceDefinition", *roles, attrs=(("name", definition.name),)), CSDEF_NS)


def _csdef_role(role: Role, instance_endpoints: int) -> El:
    split = len(role.endpoints) - min(instance_endpoints, len(role.endpoints))
    inputs = (_csdef_endpoint("InputEndpoint", e) for e in role.endpoints[:split])
    instances = (_csdef_endpoint("InstanceInputEndpoint", e) for e in role.endpoints[split:])
    attrs = (("name", role.name), ("vmsize", role.size))
    return el(str(role.type), el("Endpoints", *inputs, *instances), attrs=attrs)


def _csdef_endpoint(tag: str, endpoint: InputEndpoint) -> El:
    attrs = [("name", endpoint.name), ("protocol", endpoint.protocol), ("localPort", endpoint.local_port)]
    if tag == "InputEndpoint":
        attrs.append(("port", endpoint.port))
        return el(tag, attrs=tuple(attrs))
    # An instance input endpoint has a public port range, not a port.
    return el(
        tag,
        el("AllocatePublicPortFrom", el("FixedPortRange", attrs=(("min", "10000"), ("max", "10010")))),
        attrs=tuple(attrs),
    )


CSDEF_ROLE_TYPES = (RoleType.WEB, RoleType.WORKER, RoleType.VM_ROLE)


# --- network configuration -----------------------------------------------------------------------------


def netcfg(config: NetworkConfiguration) -> Written:
    root = el(
        "NetworkConfiguration",
        el(
            "VirtualNetworkConfiguration",
            el("Dns", el("DnsServers", *(_dns_server(d) for d in config.dns_servers))),
            el("LocalNetworkSites", *(_local_site(s) for s in config.local_sites)),
            el("VirtualNetworkSites", *(_vnet(v) for v in config.virtual_networks)),
        ),
    )
    return Written(root, NETCFG_NS)


def _prefixes(container: str, prefixes: tuple[AddressPrefix, ...]) -> El:
    return el(container, *(el("AddressPrefix", text=p.text) for p in prefixes))


def _local_site(site: LocalNetworkSite) -> El:
    return el(
        "LocalNetworkSite",
        _prefixes("AddressSpace", site.address_space),
        el("VPNGatewayAddress", text=site.vpn_gateway_address),
        attrs=(("name", site.name),),
    )


def _vnet(vnet: VirtualNetwork) -> El:
    attrs = [("name", vnet.name)]
    if vnet.location:
        attrs.append(("Location", vnet.location))
    if vnet.affinity_group:
        attrs.append(("AffinityGroup", vnet.affinity_group))
    gateway = vnet.gateway
    return el(
        "VirtualNetworkSite",
        _prefixes("AddressSpace", vnet.address_space),
        el("Subnets", *(_subnet(s) for s in vnet.subnets)),
        el("DnsServersRef", *(el("DnsServerRef", attrs=(("name", d.name),)) for d in vnet.dns_servers)),
        _gateway(gateway) if gateway is not None else None,
        attrs=tuple(attrs),
    )


def _subnet(subnet: Subnet) -> El:
    prefix = el("AddressPrefix", text=subnet.prefix.text) if subnet.prefix is not None else None
    return el("Subnet", prefix, attrs=(("name", subnet.name),))


def _gateway(gateway: Gateway) -> El:
    refs = (
        el(
            "LocalNetworkSiteRef",
            el("Connection", attrs=(("type", c.type),)),
            attrs=(("name", c.local_site),),
        )
        for c in gateway.connections
    )
    return el(
        "Gateway",
        _prefixes("VPNClientAddressPool", gateway.client_address_pool),
        el("ConnectionsToLocalNetwork", *refs),
    )
