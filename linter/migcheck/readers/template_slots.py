"""The deployments of cloud services a template declares: a deployment slot
(`Microsoft.ClassicCompute/domainNames/slots`, named `<service>/<slot>`, or nested in its cloud service) and
the roles of one (`Microsoft.ClassicCompute/domainNames/slots/roles`, `<service>/<slot>/<role>`).

A slot the template declares is a deployment it makes of a service package: the classic VMs a template makes
are `Microsoft.ClassicCompute/virtualMachines` resources, so a declared slot holds web and worker roles. Its
`configuration` is the service configuration (.cscfg) written as one string, read as the configuration a
REST Create Deployment body carries is (`deployment.package_deployment`): the roles it names, where it places
the deployment (virtual network, subnets, reserved IPs, DNS servers, endpoint ACLs), every part marked where
the template writes the string. One loaded from a file (`loadTextContent`) is that file's: the deployment
joins the file, read as the configuration on its own, and says nothing of it again. A configuration the
template does not state, or that is no .cscfg, leaves the package's roles one stand-in and where the
deployment goes not known. A declared role is a web or worker role of the deployment in its slot, as
Resource Manager lists a cloud service's roles under that type.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import NamedTuple

from migcheck.automation import deployed_file
from migcheck.model import Deployment, Mark, Role, RoleType, ServiceConfiguration
from migcheck.readers.deployment import configuration_of, package_deployment
from migcheck.readers.embedded_text import Placed, bicep_string_offsets, json_string_offsets

SLOT = "microsoft.classiccompute/domainnames/slots"
SLOT_ROLE = "microsoft.classiccompute/domainnames/slots/roles"

_SLOT_EVIDENCE = (
    "declared as a deployment slot of the cloud service (Microsoft.ClassicCompute/domainNames/slots), "
    "which deploys a service package, and packages hold web and worker roles only"
)
_ROLE_EVIDENCE = (
    "declared as a role of a deployment slot (Microsoft.ClassicCompute/domainNames/slots/roles), the type "
    "of a cloud service's web and worker roles (a classic VM is Microsoft.ClassicCompute/virtualMachines)"
)


def is_deployment_type(rtype: str) -> bool:
    """Whether a declared type is a slot's or a slot's role's, read by `deployments`."""
    return rtype.strip().casefold() in (SLOT, SLOT_ROLE)


class Slotted(NamedTuple):
    """A declared slot or role: its type, its name in full (`shop/production/WebRole`), its properties
    (each value not stated a stand-in), where it is, where its `configuration` is written (None where it
    writes none), the file that configuration is loaded from, as written ("" for none), and the text of
    the template with the offset where the configuration's value starts in it (-1 where not known)."""

    type: str
    name: object
    properties: object
    mark: Mark
    configuration_at: Mark | None
    configuration_file: str
    text: str = ""
    configuration_offset: int = -1


def deployments(found: list[Slotted]) -> Iterator[Deployment]:
    """The deployment each declared slot makes, with the roles declared under it, and one of each slot
    that only roles are declared in."""
    slots: dict[tuple[str, str], Deployment] = {}
    configurations: dict[tuple[str, Mark], ServiceConfiguration | None] = {}
    for rtype, name, props, mark, configuration_at, loaded_from, text, offset in found:
        service, slot, role = _parts(name)
        place = (service.casefold(), slot.casefold())
        if rtype.strip().casefold() == SLOT:
            if loaded_from:
                made = _of_file(service, slot, mark, configuration_at or mark, deployed_file(loaded_from))
            else:
                placed = _literal(text, offset, configuration_at)
                made = _slot(service, slot, props, mark, configuration_at or mark, configurations, placed)
            earlier = slots.get(place)
            slots[place] = made if earlier is None else _joined(made, earlier.roles)
        elif role:
            declared = Role(role, RoleType.WEB_OR_WORKER, mark, kind_evidence=_ROLE_EVIDENCE)
            earlier = slots.get(place)
            slots[place] = (
                _joined(earlier, (declared,)) if earlier is not None else _of_roles(service, slot, declared)
            )
    yield from slots.values()


def _of_file(service: str, slot: str, mark: Mark, at: Mark, configuration_file: str) -> Deployment:
    """A slot's deployment of a configuration loaded from a file (`loadTextContent`): that file is read as
    the configuration itself, beside its service's definition, and the deployment joins it there
    (`Deployment.configuration_file`), as a script's `New-AzureDeployment -Configuration` of the file does;
    what the configuration says (ACLs, subnets, network, reserved IPs, DNS servers) is said once, where the
    file writes it, not again at the template."""
    unread = f"<roles of the package, {posixpath.basename(mark.path)}:{mark.line}>"
    made = package_deployment(
        None, at, mark, unread, _SLOT_EVIDENCE, service=service, name=service, slot=slot
    )
    return replace(made, configuration_file=configuration_file, configuration_beside=True)


def _literal(text: str, offset: int, at: Mark | None) -> Callable[[str], Placed | None] | None:
    """What tells where the template's literal at `offset` writes each character of the configuration it
    decodes to: a JSON string (`"`) or a Bicep one (`'`, `'''`); None where the value is no literal
    (an expression, a parameter)."""
    if at is None or offset < 0 or offset >= len(text) or text[offset] not in "\"'":
        return None
    where = at

    def placed(decoded: str) -> Placed | None:
        if text[offset] == '"':
            offsets = json_string_offsets(text, offset, len(decoded))
        else:
            offsets = bicep_string_offsets(text, offset, decoded)
        return Placed(decoded, text, where, offset, offsets) if offsets is not None else None

    return placed


def _parts(name: object) -> tuple[str, str, str]:
    """A slot's or role's full name taken apart: service, slot and role ("" where it has none). A name the
    template does not state (`<deployment slot name, {prefix}-svc/staging, azuredeploy.json:8:15>`) is of
    a cloud service not stated either, named after it (`<cloud service name, {prefix}-svc/staging, ...>`),
    in a slot not known; a role's is that role's too."""
    if isinstance(name, str) and name.startswith("<") and name.endswith(">") and ", " in name:
        service = "<cloud service name" + name[name.index(", ") :]
        return service, "", name if name.startswith("<role name") else ""
    parts = [part.strip() for part in name.split("/")] if isinstance(name, str) else []
    parts += [""] * (3 - len(parts))
    return parts[0], parts[1], "/".join(parts[2:])


def _slot(
    service: str,
    slot: str,
    props: object,
    mark: Mark,
    at: Mark,
    configurations: dict[tuple[str, Mark], ServiceConfiguration | None],
    placed: Callable[[str], Placed | None] | None = None,
) -> Deployment:
    """A declared slot's deployment, its roles those its configuration names (each configuration read once
    where it is written: a loop's slots have one), each of its elements marked where the template's
    string literal writes it (`placed`) when it is written as one."""
    written = _property(props, "configuration")
    config = None
    if isinstance(written, str):
        if (written, at) not in configurations:
            configurations[written, at] = configuration_of(written.encode(), at, placed)
        config = configurations[written, at]
    unread = f"<roles of the package, {posixpath.basename(mark.path)}:{mark.line}>"
    made = package_deployment(
        config, at, mark, unread, _SLOT_EVIDENCE, service=service, name=service, slot=slot
    )
    return _at_role_elements(made, config) if config is not None and placed is not None else made


def _at_role_elements(deployment: Deployment, config: ServiceConfiguration) -> Deployment:
    """The deployment with each role its configuration names marked at the configuration's `Role` element
    of that name, where the template's literal shows it (`placed`): the template writes the roles there,
    where a REST body's base64 shows them nowhere."""
    written: dict[str, Mark] = {}
    for settings in config.roles:
        written.setdefault(settings.name.strip().casefold(), settings.mark)
    roles = tuple(
        replace(role, mark=written.get(role.name.strip().casefold(), role.mark)) for role in deployment.roles
    )
    return replace(deployment, roles=roles)


def _of_roles(service: str, slot: str, role: Role) -> Deployment:
    """The deployment a role declared without its slot is in: where it goes is not stated."""
    return Deployment(
        service,
        service,
        slot,
        (role,),
        (),
        None,
        None,
        role.mark,
        network_known=False,
        reserved_ip_known=False,
    )


def _joined(deployment: Deployment, roles: tuple[Role, ...]) -> Deployment:
    """The deployment with the declared roles it does not name yet: a role its configuration names keeps
    what the configuration says of it; a stand-in for roles not read gives way to roles declared."""
    named = {role.name.strip().casefold() for role in deployment.roles}
    added = tuple(role for role in roles if role.name.strip().casefold() not in named)
    kept = tuple(role for role in deployment.roles if not (added and role.name.startswith("<roles of")))
    return replace(deployment, roles=kept + added) if added else deployment


def _property(props: object, wanted: str) -> object:
    """A property of a resource's `properties` by name, in any case; None when not written."""
    if not isinstance(props, dict):
        return None
    return next((value for k, value in props.items() if k.casefold() == wanted), None)
