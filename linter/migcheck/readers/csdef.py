"""Read a service definition (`.csdef`): the service's name and its web, worker and VM roles with their
sizes and input endpoints."""

from __future__ import annotations

from migcheck.model import Document, InputEndpoint, Role, RoleType, ServiceDefinition
from migcheck.readers.xml import Element, Marker, attr, children, local_name

# The resource types this reader produces (rules declare which types they look at).
PRODUCES = frozenset({Document, ServiceDefinition, Role, InputEndpoint})

ROLE_TYPES = {
    "WebRole": RoleType.WEB,
    "WorkerRole": RoleType.WORKER,
    "VirtualMachineRole": RoleType.VM_ROLE,
}


def read(root: Element, marker: Marker) -> tuple[object, ...]:
    roles = root.iterchildren(*("{*}" + name for name in ROLE_TYPES))
    definition = ServiceDefinition(
        name=attr(root, "name"),
        roles=tuple(_role(el, marker) for el in roles),
        mark=marker.mark(root),
    )
    return (definition,)


def _role(el: Element, marker: Marker) -> Role:
    return Role(
        name=attr(el, "name"),
        type=ROLE_TYPES[local_name(el)],
        mark=marker.mark(el),
        size=attr(el, "vmsize"),
        # Instance input endpoints are public too (a port range on the service's VIP), so they count as
        # input endpoints wherever "does the VIP have an endpoint" matters.
        endpoints=tuple(
            _endpoint(e, marker)
            for e in (
                *children(el, "Endpoints/InputEndpoint"),
                *children(el, "Endpoints/InstanceInputEndpoint"),
            )
        ),
    )


def _endpoint(el: Element, marker: Marker) -> InputEndpoint:
    return InputEndpoint(
        name=attr(el, "name"),
        protocol=attr(el, "protocol"),
        port=attr(el, "port"),
        local_port=attr(el, "localPort"),
        acl=None,
        mark=marker.mark(el),
        # An endpoint on an internal load balancer (defined in the .cscfg's `LoadBalancers`) is not on
        # the service's public VIP.
        load_balancer=attr(el, "loadBalancer"),
    )
