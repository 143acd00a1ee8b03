"""Read a service definition (`.csdef`): the service's name and its web, worker and VM roles with their
sizes and input endpoints, those the modules it imports add among them."""

from __future__ import annotations

from collections.abc import Iterator

from migcheck.model import InputEndpoint, Role, RoleType, ServiceDefinition
from migcheck.readers.xml import Element, Marker, attr, attrs

ROLE_TYPES = {
    "WebRole": RoleType.WEB,
    "WorkerRole": RoleType.WORKER,
    "VirtualMachineRole": RoleType.VM_ROLE,
}


def read(root: Element, marker: Marker) -> tuple[object, ...]:
    return (ServiceDefinition(attr(root, "name"), _roles(root, marker), marker.mark(root)),)


# The elements a definition is read from, by local name: its roles; a role's endpoint lists, which are
# `Endpoints`, and the first SDKs' `InputEndpoints` and `InternalEndpoints`, which a definition of that schema
# still deploys with (an internal list's endpoints are not on the VIP: none is read); a list's input
# endpoints, every input endpoint, then every instance one; and a role's `Imports`, with their `Import`s.
_LISTS = frozenset({"Endpoints", "InputEndpoints", "InternalEndpoints"})
_ENDPOINTS = ("InputEndpoint", "InstanceInputEndpoint")
_WANTED = tuple("{*}" + name for name in (*ROLE_TYPES, *_LISTS, *_ENDPOINTS, "Imports", "Import"))


class _Found:
    """The elements of one role the pass over its definition found, each where the schema puts it."""

    __slots__ = ("endpoints", "imported", "imports", "listed", "role", "type")

    def __init__(self, role: Element, role_type: RoleType) -> None:
        self.role = role
        self.type = role_type
        self.listed: Element | None = None  # the last endpoint list of the role met
        self.endpoints: tuple[list[Element], list[Element]] = ([], [])  # input, then instance input ones
        self.imports: Element | None = None  # the last `Imports` of the role met
        self.imported: list[Element] = []  # the `Import`s of its `Imports`


def _roles(root: Element, marker: Marker) -> tuple[Role, ...]:
    # One pass of lxml's tag filter over the whole definition finds what is read, in document order: a
    # role's elements come after it and before the next role, a list's endpoints after the list and before
    # the role's next list. Each is kept only where the schema puts it (its parent is what holds it).
    found: list[_Found] = []
    for el in root.iter(_WANTED):
        tag = el.tag  # `local_name` inline: a call per element less
        name = tag.rpartition("}")[2] if isinstance(tag, str) else ""
        parent = el.getparent()
        if name in ROLE_TYPES:
            if parent is root:
                found.append(_Found(el, ROLE_TYPES[name]))
            continue
        if not found:  # the root, or what comes before the first role
            continue
        role = found[-1]
        if name in _ENDPOINTS:
            if parent is role.listed:
                role.endpoints[name != "InputEndpoint"].append(el)
        elif name == "Import":
            if parent is role.imports:
                role.imported.append(el)
        elif parent is role.role:
            if name == "Imports":
                role.imports = el
            else:
                role.listed = el
    return tuple([_role(role, marker) for role in found])


def _role(found: _Found, marker: Marker) -> Role:
    # Instance input endpoints are public too (a port range on the service's VIP), so they count as input
    # endpoints wherever "does the VIP have an endpoint" matters. Every definition the SDK writes imports
    # Diagnostics or RemoteAccess, which add no endpoint on the VIP.
    # Records are built with their fields in order: a record called with keywords costs a dict of them on
    # every call, and these are built for every role and endpoint of every file.
    el = found.role
    endpoints = [_endpoint(e, marker) for listed in found.endpoints for e in listed]
    name, size = attrs(el, "name", "vmsize")
    # In the order of `Role`'s fields (name, type, mark, size, instances, availability set, endpoints).
    return Role(
        name,
        found.type,
        marker.mark(el),
        size,
        None,
        "",
        _with_imported(found.imported, endpoints, marker),
    )


# The input endpoints a module of the SDK adds to the role that imports it (`<Imports><Import
# moduleName="..."/>`), by the module's name casefolded: the package's definition holds them under the
# module's namespace, as a configuration's `EndpointAcl` names them. RemoteForwarder listens for remote
# desktop on the service's VIP (tcp 3389) and passes each connection to the instance it is for; WebDeploy
# takes Web Deploy's publishing on tcp 8172. The other modules add internal endpoints (RemoteAccess's `Rdp`)
# or none, and an internal endpoint is not on the VIP.
_MODULE_ENDPOINTS = {
    "remoteforwarder": (("Microsoft.WindowsAzure.Plugins.RemoteForwarder.RdpInput", "tcp", "3389", "*"),),
    "webdeploy": (("Microsoft.WindowsAzure.Plugins.WebDeploy.InputEndpoint", "tcp", "8172", "8172"),),
}


def _with_imported(
    imported: list[Element], endpoints: list[InputEndpoint], marker: Marker
) -> tuple[InputEndpoint, ...]:
    """`endpoints`, then those the modules a role imports (`imported`, its `Import`s) add to it: not
    one the role defines itself (a WebDeploy role may write its module's endpoint out, with a probe of its
    own), nor one twice."""
    by_name: dict[str, InputEndpoint] = {}
    for e in _module_endpoints(imported, marker):
        by_name.setdefault(e.name.casefold(), e)  # marked at the first import of its module
    if not by_name:  # most roles: modules that add no endpoint on the VIP
        return tuple(endpoints)
    for e in endpoints:
        by_name.pop(e.name.casefold(), None)
    return (*endpoints, *by_name.values())


def _module_endpoints(imported: list[Element], marker: Marker) -> Iterator[InputEndpoint]:
    """The input endpoints of the modules a role imports (`imported`, its `Import`s), each marked at its
    `Import`."""
    for el in imported:
        for fields in _MODULE_ENDPOINTS.get(attr(el, "moduleName").casefold(), ()):
            yield InputEndpoint(*fields, None, marker.mark(el))


def _endpoint(el: Element, marker: Marker) -> InputEndpoint:
    name, protocol, port, local_port, load_balancer = attrs(
        el, "name", "protocol", "port", "localPort", "loadBalancer"
    )
    # In the order of `InputEndpoint`'s fields (see `read`), its ACL unknown here. An endpoint on an internal
    # load balancer (defined in the .cscfg's `LoadBalancers`) is not on the service's public VIP.
    return InputEndpoint(name, protocol, port, local_port, None, marker.mark(el), load_balancer)
