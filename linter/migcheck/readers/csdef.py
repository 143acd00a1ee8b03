"""Read a service definition (`.csdef`): the service's name and its web, worker and VM roles with their
sizes and input endpoints, those the modules it imports add among them."""

from __future__ import annotations

from collections.abc import Iterator

from migcheck.model import InputEndpoint, Role, RoleType, ServiceDefinition
from migcheck.readers.xml import Element, Marker, attr, attrs, grouped_children, local_name, named_children

ROLE_TYPES = {
    "WebRole": RoleType.WEB,
    "WorkerRole": RoleType.WORKER,
    "VirtualMachineRole": RoleType.VM_ROLE,
}


def read(root: Element, marker: Marker) -> tuple[object, ...]:
    # A definition is read per file: its roles, of three names, are found in one pass over the root's few
    # children (`named_children`), cheaper than lxml's tag filter for several names.
    # Records are built with their fields in order (`name`, `roles`, `mark`): a record called with keywords
    # costs a dict of them on every call, and these are built for every role and endpoint of every file.
    roles = tuple([_role(el, marker) for el in named_children(root, ROLE_TYPES)])
    return (ServiceDefinition(attr(root, "name"), roles, marker.mark(root)),)


def _role(el: Element, marker: Marker) -> Role:
    # Instance input endpoints are public too (a port range on the service's VIP), so they count as input
    # endpoints wherever "does the VIP have an endpoint" matters.
    # A role's children are many and the lists few: lxml's tag filter finds them; a list's own children
    # are looked at once for both kinds of endpoint. A role's imports are found once too, and looked at only
    # where it has some (every definition the SDK writes imports Diagnostics or RemoteAccess).
    lists = [grouped_children(listed, _ENDPOINTS) for listed in el.iterchildren(*_LISTS)]
    imports = list(el.iterchildren(_IMPORTS))
    endpoints = [
        _endpoint(e, marker) for name in _ENDPOINTS for listed in lists for e in listed.get(name, ())
    ]
    name, size = attrs(el, "name", "vmsize")
    # In the order of `Role`'s fields (name, type, mark, size, instances, availability set, endpoints).
    return Role(
        name,
        ROLE_TYPES[local_name(el)],
        marker.mark(el),
        size,
        None,
        "",
        _with_imported(imports, endpoints, marker) if imports else tuple(endpoints),
    )


# The input endpoints of a role's `Endpoints`, by local name: every input endpoint, then every instance one.
_ENDPOINTS = ("InputEndpoint", "InstanceInputEndpoint")
# The lists that hold them: `Endpoints`, and the first SDKs' `InputEndpoints` and `InternalEndpoints`, which a
# definition of that schema still deploys with (an internal list's endpoints are not on the VIP: none is read).
_LISTS = ("{*}Endpoints", "{*}InputEndpoints", "{*}InternalEndpoints")
_IMPORTS = "{*}Imports"


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
    imports: list[Element], endpoints: list[InputEndpoint], marker: Marker
) -> tuple[InputEndpoint, ...]:
    """`endpoints`, then those the modules a role imports (`imports`, its `Imports` children) add to it: not
    one the role defines itself (a WebDeploy role may write its module's endpoint out, with a probe of its
    own), nor one twice."""
    by_name: dict[str, InputEndpoint] = {}
    for e in _module_endpoints(imports, marker):
        by_name.setdefault(e.name.casefold(), e)  # marked at the first import of its module
    if not by_name:  # most roles: modules that add no endpoint on the VIP
        return tuple(endpoints)
    for e in endpoints:
        by_name.pop(e.name.casefold(), None)
    return (*endpoints, *by_name.values())


def _module_endpoints(imports: list[Element], marker: Marker) -> Iterator[InputEndpoint]:
    """The input endpoints of the modules a role imports, each marked at its `Import`."""
    for listed in imports:
        for imported in named_children(listed, ("Import",)):
            for fields in _MODULE_ENDPOINTS.get(attr(imported, "moduleName").casefold(), ()):
                yield InputEndpoint(*fields, None, marker.mark(imported))


def _endpoint(el: Element, marker: Marker) -> InputEndpoint:
    name, protocol, port, local_port, load_balancer = attrs(
        el, "name", "protocol", "port", "localPort", "loadBalancer"
    )
    # In the order of `InputEndpoint`'s fields (see `read`), its ACL unknown here. An endpoint on an internal
    # load balancer (defined in the .cscfg's `LoadBalancers`) is not on the service's public VIP.
    return InputEndpoint(name, protocol, port, local_port, None, marker.mark(el), load_balancer)
