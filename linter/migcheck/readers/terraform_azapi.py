"""Terraform's `azapi` provider: an `azapi_resource` declares one resource of a deployment template, by its
`type` (`"Microsoft.ClassicCompute/virtualMachines@2017-04-01"`: the type before `@`, the API version after
it), `name`, `parent_id` (the id of the group, subscription or parent resource it is made in; of a role
assignment, its scope), `location`, and `body`, which holds the template resource's other members
(`properties`, `sku`, `tags`) as an HCL object, or `jsonencode({...})` in azapi 1.x. An
`azapi_update_resource` changes the resource of its `resource_id` (else of `parent_id` and `name`) with its
`body`, as a template that declares it again does. Each is read as the template reader reads the resource it
writes (`template_values.records_of`): a classic one gives the rows of its type, a Resource Manager one that
may reach into classic ones (`template_values.read_type`) its row, and one of `Microsoft.Compute/
cloudServices` the evidence of Cloud Services (extended support) it is (`ExtendedSupportService`), each value
marked where the `.tf` file writes it (`inventory_shapes.Written`): a body of a local of any file of the module,
of `merge(...)` or of a JSON file (`jsondecode(file(...))`, `file(...)`) at the reference to it. A `name` not
stated is a stand-in named where the block writes it (`name_mark`). The evidence of extended support is read
as the Bicep reader reads it (`template_values.extended_support_service`)."""

from __future__ import annotations

from dataclasses import dataclass

from migcheck import inventory_model as inv
from migcheck.automation import AZAPI_LANGUAGE
from migcheck.model import ExtendedSupportService, Mark
from migcheck.readers.inventory_shapes import Written
from migcheck.readers.template_values import (
    ROLE_ASSIGNMENT,
    Declared,
    Unknown,
    extended_support_service,
    group_stated,
    names_its_group,
    read_type,
    records_of,
    resource_name,
)

READ = frozenset({"azapi_resource", "azapi_update_resource"})
# The arguments of a block besides `type` and `body` that `Resource` holds, in its order, each by the member of
# a template's resource it stands for: `parent_id` is an extension resource's (a role assignment's) scope.
ARGUMENTS = {"name": "name", "parent_id": "scope", "resource_id": "id", "location": "location"}
_CLOUD_SERVICE_TYPE = "microsoft.compute/cloudservices"
# What the type of a resource the rules read starts with (`declares`), in bytes as a file's sniff looks for it.
NAMESPACES = tuple(
    dict.fromkeys(
        [b"microsoft.classic", _CLOUD_SERVICE_TYPE.encode()]
        + [f"{kind.partition('/')[0]}/".encode() for kind in inv.REACHING_INTO_CLASSIC]
    )
)
_VIA = "declares it as an azapi_resource of type Microsoft.Compute/cloudServices"


@dataclass(frozen=True, slots=True)
class Resource:
    """One azapi resource block, its arguments worked out: each text None where the configuration does not
    state it; `body` the plain value of its `body` (`Unknown` where not stated), and `written` where its keys
    and strings are in `text`, the file's; `start` and `end` the offsets of the block's text."""

    path: str
    text: str
    mark: Mark  # the block's `resource` keyword
    type: str | None
    type_mark: Mark
    name: str | None
    parent_id: str | None
    resource_id: str | None
    location: str | None
    body: object
    written: Written
    start: int
    end: int
    # Where the block writes its `name` (None: it writes none), a stand-in's place where its value is not stated.
    name_mark: Mark | None = None


def declares(type_written: str | None) -> bool:
    """Whether an azapi resource of the `type` as written (`<type>@<api version>`) is one the rules read."""
    rtype = resource_type(type_written)
    return bool(rtype) and (read_type(rtype) or rtype.casefold() == _CLOUD_SERVICE_TYPE)


def resource_type(type_written: str | None) -> str:
    return (type_written or "").partition("@")[0].strip()


def records(resources: list[Resource]) -> tuple[object, ...]:
    """The records the resources give, each file's as one template's resources would (one `Script` of each
    file that declares classic ones), and the evidence of extended support of each cloud service."""
    found: list[object] = []
    by_file: dict[str, list[Declared]] = {}
    texts: dict[str, str] = {}
    for resource in resources:
        made = _declared(resource)
        if isinstance(made, ExtendedSupportService):
            found.append(made)
        else:
            by_file.setdefault(resource.path, []).append(made)
            texts[resource.path] = resource.text
    for path, declared in by_file.items():
        found += records_of(path, texts[path], sorted(declared, key=lambda d: d.start), AZAPI_LANGUAGE)
    return tuple(found)


def _declared(resource: Resource) -> Declared | ExtendedSupportService:
    """The template resource one block writes, or the evidence of extended support it is."""
    rtype = resource_type(resource.type)
    body = resource.body if isinstance(resource.body, dict) else {}
    properties = _member(body, "properties")
    name = _full_name(resource, rtype)
    if rtype.casefold() == _CLOUD_SERVICE_TYPE:
        return _cloud_service(resource, name, properties)
    own: dict[str, object] = {}
    location = resource.location if resource.location is not None else _member(body, "location")
    if location is not None:
        own["location"] = location if isinstance(location, str) else Unknown()
    if rtype.casefold() == ROLE_ASSIGNMENT:  # an extension resource: `parent_id` is its scope
        own["scope"] = resource.parent_id if resource.parent_id is not None else Unknown()
    if names_its_group(rtype):  # the group commands name, where the id states it
        group_stated(own, _segment_after(resource.resource_id or resource.parent_id, "resourcegroups"))
    return Declared(
        rtype,
        name,
        properties,
        resource.mark,
        resource.start,
        resource.end,
        own,
        resource.written,
    )


def _cloud_service(resource: Resource, name: object, properties: object) -> ExtendedSupportService:
    return extended_support_service(name, properties, resource.type_mark, _VIA)


def _full_name(resource: Resource, rtype: str) -> object:
    """The resource's name as a template writes it: a child's after its parents' (`shop/Production` of a
    slot), which `parent_id` names, or all of them from `resource_id`; not known where not stated."""
    levels = max(len(rtype.split("/")) - 1, 1)  # `Microsoft.X/a/b`: a name for `a` and one for `b`
    if resource.resource_id is not None:
        names = _resource_names(resource.resource_id)
        return "/".join(names[-levels:]) if len(names) >= levels else Unknown()
    if resource.name is None:  # a value the module does not state: a stand-in named where it is written
        return Unknown(mark=resource.name_mark)
    if levels == 1:
        return resource_name(resource.name)
    parents = _resource_names(resource.parent_id or "")
    if len(parents) < levels - 1:
        return Unknown()
    return "/".join([*parents[len(parents) - levels + 1 :], resource.name])


def _resource_names(resource_id: str) -> list[str]:
    """The names of the resources an id names after its provider's namespace (`.../providers/
    Microsoft.ClassicCompute/domainNames/shop/slots/Production` → shop, Production)."""
    segments = [s for s in resource_id.split("/") if s]
    folded = [s.casefold() for s in segments]
    if "providers" not in folded:
        return []
    after = segments[len(folded) - folded[::-1].index("providers") + 1 :]  # past the last namespace
    return after[1::2]


def _segment_after(resource_id: str | None, segment: str) -> str | None:
    segments = [s for s in (resource_id or "").split("/") if s]
    folded = [s.casefold() for s in segments]
    return segments[folded.index(segment) + 1] if segment in folded[:-1] else None


def _member(value: object, key: str) -> object:
    """A member of a plain object by its key in any case, as Resource Manager reads one; None where absent."""
    if not isinstance(value, dict):
        return None
    folded = key.casefold()
    return next((v for k, v in value.items() if isinstance(k, str) and k.casefold() == folded), None)
