"""Values a deployment template (ARM JSON or Bicep) states for the resources it declares, and what is not
known of them: the part of reading a template that both languages share.

A template's reader turns each resource it declares into a `Declared`, its values worked out as far as the
template states them (a parameter's default, a variable, a string built of known parts), and an `Unknown`
where a value is given at deployment (a parameter without a default), computed by the platform
(`uniqueString(...)`, `resourceGroup().location`) or built by what the reader does not evaluate. `records_of`
turns the declared resources of the classic types, and of the Resource Manager types whose rows are read for
the classic resources they name (`read_type`: a service in a classic network, a peering with one, an
alert, autoscale setting or role assignment on a classic resource), into the records the same types give as
rows of an inventory export (`inventory_shapes.records`: one mapping for both), each unknown value a
stand-in named by the file, line and column where it is written (`<virtual network name,
azuredeploy.json:31:21>`), as the script readers name what a script does not state, and gives the `Script`
that MIG601 reports: a template that declares classic resources is automation that manages them.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from migcheck.automation import CLASSIC_RESOURCE_TYPES
from migcheck.inventory_model import REACHING_INTO_CLASSIC
from migcheck.model import (
    TEMPLATE_FILE_NOT_CHECKED,
    TEMPLATE_FILE_NOT_READ,
    ExtendedSupportService,
    Mark,
    Script,
    is_stand_in,
)
from migcheck.readers.template_slots import Slotted, deployments, is_deployment_type

if TYPE_CHECKING:
    from migcheck.readers.inventory_shapes import Spots, Written

# How far a template's values may grow while they are worked out: a string built by `concat` or `format`
# (or Bicep's interpolation) longer than this is not known (a variable that doubles a string at each of
# forty steps would otherwise build a terabyte), nor is a loop's item past `MAX_COPIES`.
MAX_STRING = 64 * 1024
# Resource Manager refuses a copy loop of more than 800 items (its documented limit): a count beyond it,
# or one not known, makes the loop one resource whose index is not known.
MAX_COPIES = 800


@dataclass(frozen=True, slots=True)
class Unknown:
    """A value the template does not state: `why` says what it is in words a stand-in can quote (`the value
    of parameter 'vnetName'`), "" when the words of its field say enough. `raw` is the text written for it
    (an expression), looked for in the resource's text to mark it; `mark` where it is written, when the
    reader knows that already (Bicep's syntax tree)."""

    why: str = ""
    raw: str = ""
    mark: Mark | None = None
    # The stand-in itself, where the value is one whatever field holds it: a parameter given no default is
    # one value wherever it is used (`<value of parameter 'vnetName', azuredeploy.json:6:5>`, at its
    # declaration), so a VM and the network it names by it are in one network, as in a script.
    stand_in: str = ""
    # The file whose text the value is, where the template loads one the run does not hold (Bicep's
    # `loadTextContent('pkg/ServiceConfiguration.Cloud.cscfg')`), as written.
    file: str = ""
    # Whether it is of the scope the template is deployed to (`resourceGroup().name`,
    # `subscription().subscriptionId`, `deployment_group`): an id built of it names that scope, its
    # stand-ins written in, and `resourceId(...)` given it builds the id it builds without it.
    deployment: bool = False
    # Where the value is the address of a file beside the template, which the template is deployed from
    # (`deployment().properties.templateLink.uri`, and `uri(...)` of it and a relative path): that file's path
    # from the template's folder, as a `relativePath` writes it (a folder's ends in `/`).
    beside: str = ""
    # The parts of a string only partly known (`partly_known`), as given, so that a resource's name of such
    # parts may still be read segment by segment (`resource_name`).
    parts: tuple[object, ...] = field(default=(), compare=False)


class LoadedText(str):
    """The text of a file a template loads (Bicep's `loadTextContent(...)`), which says which file that is
    (`file`, the path as written): a deployment slot's configuration so loaded is that file's service's."""

    file: str

    def __new__(cls, text: str, file: str) -> LoadedText:
        loaded = super().__new__(cls, text)
        loaded.file = file
        return loaded


def extended_support_service(
    name: object, properties: object, mark: Mark, via: str
) -> ExtendedSupportService:
    """The evidence of Cloud Services (extended support) a `Microsoft.Compute/cloudServices` resource is, as a
    Bicep file, an ARM template or an azapi resource declares it (`via` says which): its name where stated
    ("" else), and the names of the roles its `roleProfile.roles` lists where it states them all (keys in any
    case, as Resource Manager reads them); found at `mark`."""
    roles = _member(_member(properties, "roleProfile"), "roles")
    names = [_member(role, "name") for role in roles] if isinstance(roles, list) else []
    stated = tuple(n for n in names if isinstance(n, str)) if all(isinstance(n, str) for n in names) else ()
    return ExtendedSupportService(name if isinstance(name, str) else "", mark, via, roles=stated)


def _member(value: object, key: str) -> object:
    """A member of a plain object by its key in any case; None where absent."""
    if not isinstance(value, dict):
        return None
    folded = key.casefold()
    return next((v for k, v in value.items() if isinstance(k, str) and k.casefold() == folded), None)


def passed_at(passed: tuple[tuple[str, Mark], ...]) -> Mapping[str, Mark] | None:
    """Where the callers of a file write each string they pass it, the nearest caller's first (`passed`
    lists the nearest caller's strings first); None when they pass none."""
    return dict(reversed(passed)) if passed else None


def parameter_stand_in(name: str, mark: Mark) -> Unknown:
    """The value of a template's parameter that has no default: given at deployment."""
    file = posixpath.basename(mark.path)
    return Unknown(
        f"the value of parameter '{name}'",
        stand_in=f"<value of parameter '{name}', {file}:{mark.line}:{mark.column}>",
    )


def deployment_subscription(file: str) -> dict[str, object]:
    """What `subscription()` gives: the subscription the template `file` (its name) is deployed to, which it
    does not state, its `id` and `subscriptionId` stand-ins named after the file."""
    subscription = f"<subscription {file} is deployed to>"
    return {
        "id": Unknown(stand_in=f"/subscriptions/{subscription}", deployment=True),
        "subscriptionId": Unknown(stand_in=subscription, deployment=True),
        "tenantId": Unknown(),
        "displayName": Unknown(),
    }


def names_its_group(rtype: str) -> bool:
    """Whether what is said of a declared resource of type `rtype` names the resource group it is deployed
    to: a Resource Manager resource's (the commands that read it back name it), and a classic network's,
    which, created through Resource Manager as the Azure portal creates one, the classic API knows as
    `Group <resource group> <name>` (errors page: "The actual Virtual Network name follows the pattern
    'Group * <VNET name>'"), the name every migration command takes."""
    return not classic_type(rtype) or rtype.strip().casefold() == _VNET


def group_stated(own: dict[str, object], group: object) -> None:
    """`own["resourceGroup"]`: the resource group a template's Resource Manager resource or classic network
    is in (`names_its_group`), where the file names it or a stand-in says which it is; a group of a
    value not known otherwise is left out (the commands leave it to fill in), not searched for in the
    resource's text as its properties' values are."""
    if isinstance(group, str) or (isinstance(group, Unknown) and group.stand_in):
        own["resourceGroup"] = group


def deployment_group(file: str, name: object = None) -> dict[str, object]:
    """What `resourceGroup()` gives: the resource group the template `file` (its name) is deployed to, which
    it does not state, its `id` and `name` stand-ins named after the file, its `location` not known; or, of
    Bicep's `resourceGroup('shop-rg')`, the group `name` of that subscription."""
    subscription = f"/subscriptions/<subscription {file} is deployed to>"
    if isinstance(name, str) and name.strip():
        return {
            "id": Unknown(stand_in=f"{subscription}/resourceGroups/{name.strip()}", deployment=True),
            "name": name.strip(),
            "location": Unknown(),
            "type": "Microsoft.Resources/resourceGroups",
        }
    if name is not None:  # a group named by a value not stated
        return {
            "id": Unknown(),
            "name": name if isinstance(name, Unknown) else Unknown(),
            "location": Unknown(),
        }
    group = f"<resource group {file} is deployed to>"
    return {
        "id": Unknown(stand_in=f"{subscription}/resourceGroups/{group}", deployment=True),
        "name": Unknown(stand_in=group, deployment=True),
        "location": Unknown(),
        "type": "Microsoft.Resources/resourceGroups",
    }


# How long the words of a string only partly known may be (`partly_known`): past it, they say no more than
# that the value is not known.
_MAX_LABEL = 200


def partly_known(parts: list[object]) -> Unknown | str:
    """A string built of parts (`concat(parameters('p'), '-web')`, Bicep's `'${p}-web'`) of which some are not
    known: not known, and not the value of any one part, its words the string as far as known, each part not
    known written `…`, and the parameters those parts are (`…-web (… from parameter 'p')`), so that its
    stand-in keeps what the template states of it. An id whose stated part names a classic type, the rest
    parameters' stand-ins, is that id with the stand-ins written in (`_classic_id`)."""
    classic_id = _classic_id(parts) or _classic_tail(parts)
    if classic_id:
        return classic_id
    scope_id = _deployment_id(parts)
    if scope_id is not None:
        return scope_id
    pattern = "".join("…" if isinstance(part, Unknown) else str(part) for part in parts)
    named = list(dict.fromkeys(name for part in parts if (name := _parameter_named(part))))
    if named:
        listed = ", ".join(f"'{name}'" for name in named)
        pattern += f" (… from parameter{'s' if len(named) > 1 else ''} {listed})"
    return Unknown(pattern if len(pattern) <= _MAX_LABEL and pattern.strip("…") else "", parts=tuple(parts))


def resource_name(name: object) -> object:
    """A resource's name as the platform reads it, segment by segment (`<parent>/<child>`): one built of a
    parameter given no value and stated text (`[concat(parameters('vm'), '/BGInfo')]`, the way the platform's
    own samples name a child) is the child `BGInfo` of the resource the parameter's stand-in names, as that
    parameter names it elsewhere; a name of any segment otherwise not known is not known."""
    if not isinstance(name, Unknown) or not name.parts:
        return name
    segments: list[list[object]] = [[]]
    for part in name.parts:
        pieces = part.split("/") if isinstance(part, str) else [part]
        segments[-1].append(pieces[0])
        segments += [[piece] for piece in pieces[1:]]
    written = [_segment(segment) for segment in segments]
    if len(written) < 2 or any(text is None for text in written):
        return name
    return "/".join(text for text in written if text is not None)


def _segment(parts: list[object]) -> str | None:
    """One segment of a resource's name: its stated text, or one parameter's stand-in alone; None else."""
    stated = [part for part in parts if part != ""]
    if all(isinstance(part, str) for part in stated) and stated:
        return "".join(str(part) for part in stated)
    only = stated[0] if len(stated) == 1 else None
    return only.stand_in if isinstance(only, Unknown) and only.stand_in else None


def _classic_id(parts: list[object]) -> str:
    """`/providers/Microsoft.ClassicCompute/virtualMachines/` followed by a parameter with no value: the id
    of a classic VM named by the parameter's stand-in, as `resourceId(...)` of the same parameter makes it;
    "" when the stated part before the first part not known ends anywhere but at a classic type's name, or
    a part not known is no parameter's."""
    if not all(p.stand_in for p in parts if isinstance(p, Unknown)):
        return ""
    first = next((i for i, p in enumerate(parts) if isinstance(p, Unknown)), 0)
    stated = "".join(str(p) for p in parts[:first])
    at = stated.casefold().rfind("/providers/")
    if at < 0 or not stated.endswith("/"):
        return ""
    kinds = stated[at + len("/providers/") : -1].split("/")  # namespace, type, name, type, ...
    if len(kinds) < 2 or len(kinds) % 2 or not classic_type("/".join([kinds[0], *kinds[1::2]])):
        return ""
    written = "".join(p.stand_in if isinstance(p, Unknown) else str(p) for p in parts)
    return written if len(written) <= MAX_STRING else ""


def _deployment_id(parts: list[object]) -> Unknown | None:
    """An id built of the scope the template is deployed to (`format('/subscriptions/{0}/resourceGroups/
    {1}', subscription().subscriptionId, resourceGroup().name)`, `'${subscription().id}/resourceGroups/
    shop-rg'`): not known, its stand-in the id with the scope's stand-ins written in, as `resourceGroup().id`
    is; None when a part not known is not of that scope, or the string is no id (`'${resourceGroup().name}
    -vnet'` keeps the words of a string partly known)."""
    if not all(p.deployment and p.stand_in for p in parts if isinstance(p, Unknown)):
        return None
    written = "".join(p.stand_in if isinstance(p, Unknown) else str(p) for p in parts)
    if not written.startswith("/") or len(written) > MAX_STRING:
        return None
    return Unknown(stand_in=written, deployment=True)


def _classic_tail(parts: list[object]) -> str:
    """`/subscriptions/<not known>/resourceGroups/x/providers/Microsoft.ClassicCompute/virtualMachines/vm`: an
    id whose parts not known all come before a stated `/providers/` that names a classic type and a name for
    each of its levels, read as the id of that type and name in a subscription and resource group not
    stated (`/providers/Microsoft.ClassicCompute/virtualMachines/vm`), as `resourceId(...)` makes one; ""
    for any other."""
    last = max((i for i, p in enumerate(parts) if isinstance(p, Unknown)), default=-1)
    stated = "".join(str(p) for p in parts[last + 1 :])
    at = stated.casefold().find("/providers/")
    if last < 0 or at < 0:
        return ""
    tail = stated[at:]
    kinds = tail[len("/providers/") :].split("/")  # namespace, type, name, type, name, ...
    if len(kinds) < 3 or len(kinds) % 2 == 0 or not all(kinds):
        return ""
    return tail if classic_type("/".join([kinds[0], *kinds[1::2]])) else ""


def _parameter_named(part: object) -> str:
    """The parameter a part not known is the value of, "" for any other part."""
    if not isinstance(part, Unknown) or not part.stand_in.startswith("<value of parameter '"):
        return ""
    return part.why.removeprefix("the value of parameter ").strip("'")


@dataclass(slots=True)
class Declared:
    """One resource a template declares (a copy loop's item is one each), its values worked out: `type` in
    full (a child's type after its parent's), `name` in full (`vm/ext` for a VM's extension), the other
    top-level values (`location`) in `own`, the `properties` with `Unknown` where not known. `start` and
    `end` are the offsets of the resource's text, where its values are looked for to mark them; `mark` is
    where the resource is written."""

    type: str
    name: object
    properties: object
    mark: Mark
    start: int
    end: int
    own: dict[str, object] = field(default_factory=dict)
    # Where the resource's keys and strings are, when its reader's parser says (Bicep); None for JSON, whose
    # values are found in the text as JSON writes them.
    written: Written | None = None
    # The strings the file's callers pass it, each where a caller writes it (`Spots.passed`, `passed_at`): one
    # mapping for all the resources of one reading of the file.
    passed: Mapping[str, Mark] | None = None


# The classic types whose resources the inventory mapping reads, and the child types whose resources are
# read into their parent's (a VM's extensions).
_VM = "microsoft.classiccompute/virtualmachines"
_VM_EXTENSION = "microsoft.classiccompute/virtualmachines/extensions"
_VM_TYPE = "Microsoft.ClassicCompute/virtualMachines"
_VNET = "microsoft.classicnetwork/virtualnetworks"
# What a stand-in calls a declared resource's name, by its type.
_NOUNS = {
    _VM: "VM",
    "microsoft.classiccompute/domainnames": "cloud service",
    "microsoft.classiccompute/domainnames/slots": "deployment slot",
    "microsoft.classiccompute/domainnames/slots/roles": "role",
    "microsoft.classicstorage/storageaccounts": "storage account",
    "microsoft.classicnetwork/virtualnetworks": "virtual network",
    "microsoft.classicnetwork/reservedips": "reserved IP",
    "microsoft.classicnetwork/networksecuritygroups": "network security group",
}
# What the objects a resource's properties name are (their `name` is that thing's name).
_PARENTS = {
    "virtualnetwork": "virtual network",
    "domainname": "cloud service",
    "storageaccount": "storage account",
}
# What a stand-in calls a value by the key it is written under, where the key's own name says less.
_FIELDS = {
    "subnetnames": "subnet name",
    "availabilityset": "availability set name",
    "vhduri": "blob address",
    "medialink": "blob address",
    "accounttype": "account type",
    "addressprefixes": "address prefix",
    "addressprefix": "address prefix",
    "dnsservers": "DNS server",
    "staticipaddress": "static IP address",
    "extension": "extension name",
    "publisher": "extension publisher",
    "resourcegroup": "resource group",
}


def classic_type(written: str) -> str:
    """The classic type a declared type is of, as `automation.CLASSIC_RESOURCE_TYPES` writes it (a child's,
    `Microsoft.ClassicCompute/virtualMachines/extensions`, is its parent's); "" for any other type."""
    folded = written.strip().casefold()
    for type_, (name, _, _) in CLASSIC_RESOURCE_TYPES.items():
        if folded == type_ or folded.startswith(type_ + "/"):
            return name
    return ""


# A template's resource of a type whose export rows are read for the classic resources they name is read
# through the same mapping (`inventory_shapes.records`), which gives records only for those that reach into
# classic resources.
_REACHING_INTO_CLASSIC = frozenset(REACHING_INTO_CLASSIC)


def read_type(written: str) -> bool:
    """Whether a template's resource of the declared type is read: one of a classic type (`classic_type`),
    or of a Resource Manager type whose rows are read for the classic resources they name."""
    return bool(classic_type(written)) or written.strip().casefold() in _REACHING_INTO_CLASSIC


def by_position(record: object) -> tuple[int, int]:
    """The line and column of a record's mark, to put records in the order written."""
    mark = getattr(record, "mark", None)
    return (mark.line, mark.column) if isinstance(mark, Mark) else (0, 0)


# How deep the files a template uses may use files (Bicep's modules, ARM templates linked by their relative
# path), and how many of their items one file's reading may read between them all (a loop's items each one):
# past either, a file is said not read (`TEMPLATE_FILE_NOT_READ`).
MAX_FILE_DEPTH = 8
MOST_FILE_READS = 64


class FilesRead:
    """What the reading of one template through all the files it uses shares: how many more it may read,
    and how many bytes of them (so that the reading stays linear in the template: a hostile template's loop
    over a large module would read it 800 times), and where it uses a file it does not read (marks tagged
    `TEMPLATE_FILE_NOT_READ`, or `TEMPLATE_FILE_NOT_CHECKED` for a file of the repository not checked)."""

    def __init__(self, size: int) -> None:
        self.left = MOST_FILE_READS
        self.room = 4 * size + 4_000_000
        self.unread: list[Mark] = []
        self.unchecked: set[Mark] = set()

    def take(self, size: int) -> bool:
        self.left -= 1
        self.room -= size
        return self.left >= 0 and self.room >= 0

    def not_read(self, mark: Mark, unchecked: bool = False) -> None:
        """Say the file used at `mark` not read; `unchecked`: it is a file of the repository the run does
        not check (missing, outside the folder checked, excluded), which may declare classic resources, and
        is said so (`TEMPLATE_FILE_NOT_CHECKED`)."""
        marked = replace(mark, tag=TEMPLATE_FILE_NOT_CHECKED if unchecked else TEMPLATE_FILE_NOT_READ)
        self.unread.append(marked)
        if unchecked:
            self.unchecked.add(marked)

    def said(self, classic: bool) -> list[Mark]:
        """What to say not read: every file, of a reading that found something classic; else only the
        files of the repository the run does not check (as a Terraform configuration says of a module's
        folder), not a registry's module or a template at an address, which a repository of Resource
        Manager resources alone uses at will."""
        return self.unread if classic else [mark for mark in self.unread if mark in self.unchecked]


def with_unread(
    found: tuple[object, ...], unread: list[Mark], path: str, language: str
) -> tuple[object, ...]:
    """The records of the template `path` with the files it uses and does not read said, with the
    template's own `Script` (the one `records_of` makes of its classic resources) or with one of their own,
    which declares nothing (MIG601 is not said of it)."""
    if not unread:
        return found
    marks = tuple(dict.fromkeys(unread))
    own = next((r for r in found if isinstance(r, Script) and r.mark.path == path), None)
    if own is not None:
        return tuple(replace(r, unread=r.unread + marks) if r is own else r for r in found)
    name = posixpath.basename(path)
    return (*found, Script(name, "Shell", (), (), marks[0], unread=marks, called=f"{language} '{name}'"))


def used_alone_never(uses: dict[str, set[str]]) -> frozenset[str]:
    """Of the files some file uses (`uses`: each file's, by path, those it uses), those read only through the
    files that use them: all but those on a cycle of uses, which Bicep and Resource Manager refuse, and whose
    files are each read on their own as well (each reading cutting the cycle where it closes), so that what
    they declare is told. Tarjan's strongly connected components, iteratively: linear in the uses."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cyclic: set[str] = set()
    for root in uses:
        if root in index:
            continue
        work = [(root, iter(sorted(uses.get(root, ()))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            successor = next(successors, None)
            if successor is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        cyclic.update(component)
            elif successor not in index:
                index[successor] = low[successor] = len(index)
                stack.append(successor)
                on_stack.add(successor)
                work.append((successor, iter(sorted(uses.get(successor, ())))))
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
    return frozenset(used for targets in uses.values() for used in targets if used not in cyclic)


def records_of(path: str, text: str, declared: list[Declared], language: str) -> tuple[object, ...]:
    """The records of the classic resources among `declared` (in the order written), and the template's
    `Script` when it declares any, at its first; `language` names the template's language in messages
    ("ARM template", "Bicep")."""
    from migcheck.readers.inventory_shapes import records

    read = [e for e in map(_extension, declared) if e is not None and read_type(e.type)]
    classic = [d for d in read if classic_type(d.type)]
    file = posixpath.basename(path)
    turns = _Turns()
    rows = [(d, _row(d, text, file, turns)) for d in read]
    extensions = _extensions_by_vm(rows)
    found: list[object] = list(_deployments(text, rows))
    for resource, row in rows:
        rtype = str(row["type"]).casefold()
        if rtype == _VM_EXTENSION or is_deployment_type(rtype):
            continue
        added = extensions.get(_key(row["name"]), []) if rtype == _VM else []
        if added:
            props = row["properties"] if isinstance(row["properties"], dict) else {}
            props["extensions"] = [*_listed(props.get("extensions")), *(ext for ext, _ in added)]
            row["properties"] = props
        made = records(row, resource.mark, _spots(text, resource))
        found += [_marked_extensions(r, [mark for _, mark in added]) for r in made]
    found += _extended_elsewhere(rows, extensions, text)
    if not classic:  # a template of Resource Manager resources alone manages nothing classic
        return tuple(found)
    types = list(dict.fromkeys(_declared_type(d, classic) for d in classic))
    called = f"{language} '{file}'"
    found.append(
        Script(
            file,
            "Shell",
            (),
            (),
            classic[0].mark,
            written_in=language,
            called=called,
            declared_types=tuple(types),
        )
    )
    return tuple(found)


def _declared_type(resource: Declared, declared: list[Declared]) -> str:
    """How a template's `Script` lists a classic resource it declares (`Script.declared_types`): by the
    classic type it is of (a VM's extension declared with its VM is part of that VM), or, for a child whose
    parent and the parent's own parents the template does not declare (an extension of a VM named alone, or
    declared `existing`), as `<its type> <its name>`: it changes a classic resource, and creates none. Its
    name is "" where the template does not state it."""
    own = resource.type.strip()
    parts = own.split("/")
    name = resource.name if isinstance(resource.name, str) else ""
    names = name.split("/")
    for depth in range(2, len(parts)):  # each parent's type, the top one first
        parent_type = "/".join(parts[:depth]).casefold()
        parent_name = "/".join(names[: depth - 1]).casefold()
        for other in declared:
            if other.type.strip().casefold() != parent_type:
                continue
            if not name or not isinstance(other.name, str) or other.name.strip().casefold() == parent_name:
                return classic_type(own)
    if len(parts) <= 2:
        return classic_type(own)
    return f"{own} {name}"


def _extension(resource: Declared) -> Declared | None:
    """A resource declared as an extension of another by its type and name, as templates wrote one before
    `scope` (`Microsoft.ClassicCompute/virtualMachines/providers/roleAssignments` named `web01/
    Microsoft.Authorization/<guid>`): of the extension's own type and name, the resource it extends its
    `scope`; None when its name is not known (`guid(...)`), which leaves both unsaid. It is no resource of
    the type it extends. Any other resource as it is."""
    parts = resource.type.strip().split("/")
    folded = [p.casefold() for p in parts]
    if "providers" not in folded[2:]:
        return resource
    at = folded.index("providers", 2)
    extended, own = parts[1:at], parts[at + 1 :]
    names = resource.name.strip().split("/") if isinstance(resource.name, str) else []
    if not own or len(names) != len(extended) + 1 + len(own):
        return None
    path = "".join(f"/{kind}/{name}" for kind, name in zip(extended, names, strict=False))
    scope = f"/providers/{parts[0]}{path}"
    rtype = "/".join([names[len(extended)], *own])
    name = "/".join(names[len(extended) + 1 :])
    return replace(resource, type=rtype, name=name, own={**resource.own, "scope": scope})


def _deployments(text: str, rows: list[tuple[Declared, dict]]) -> Iterator[object]:
    """The deployments of the cloud services' slots and roles among the rows (`template_slots`)."""
    found = [
        Slotted(
            str(row["type"]),
            row["name"],
            row["properties"],
            resource.mark,
            _configuration_at(text, resource),
            _loaded_from(resource.properties),
            text,
            _spots(text, resource).value_offset("configuration"),
        )
        for resource, row in rows
        if is_deployment_type(str(row["type"]))
    ]
    return deployments(found) if found else iter(())


def _loaded_from(props: object) -> str:
    """The file a slot's `configuration` is loaded from, as written; "" when it is written in the template."""
    if not isinstance(props, dict):
        return ""
    value = next((v for k, v in props.items() if k.casefold() == "configuration"), None)
    return value.file if isinstance(value, LoadedText | Unknown) else ""


def _configuration_at(text: str, resource: Declared) -> Mark | None:
    """Where a slot's `configuration` value is written; None when it writes none."""
    spots = _spots(text, resource)
    return spots.value("configuration") if spots.value_offset("configuration") >= 0 else None


def _key(value: object) -> str:
    return value.strip().casefold() if isinstance(value, str) else ""


def _listed(value: object) -> list:
    return value if isinstance(value, list) else []


class _Turns:
    """The stand-ins of the resources read so far, and how many resources made each: a copy loop makes one
    resource per item from one text, and a value none of them states is one per item (`<VM name,
    azuredeploy.json:40:15>`, `<VM name, azuredeploy.json:40:15, 2nd>`), as a script's loop makes them. A
    parameter's stand-in stays one: every item is given the same value."""

    def __init__(self) -> None:
        self._made: dict[str, int] = {}

    def numbered(self, made: list[str]) -> dict[str, str]:
        """Each stand-in one resource makes, numbered by the resources that made it before."""
        out = {}
        for shown in dict.fromkeys(made):
            count = self._made.get(shown, 0) + 1
            self._made[shown] = count
            out[shown] = shown if count == 1 else f"{shown[:-1]}, {_ordinal(count)}>"
        return out


def _renamed(value: object, names: dict[str, str]) -> object:
    """`value` with each string that is a key of `names` replaced by its value."""
    if isinstance(value, str):
        return names.get(value, value)
    if isinstance(value, dict):
        return {k: _renamed(v, names) for k, v in value.items()}
    if isinstance(value, list):
        return [_renamed(v, names) for v in value]
    return value


def _ordinal(number: int) -> str:
    """`2nd`, `3rd`, `11th`, `21st`."""
    suffix = "th" if number % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _spots(text: str, resource: Declared) -> Spots:
    """Where the resource's values are written: looked up where its parser located them, else searched
    for in its text as JSON writes them."""
    from migcheck.readers.inventory_shapes import CreatedSpots, WrittenSpots

    if resource.written is not None:
        spots: Spots = WrittenSpots(text, resource.start, resource.end, resource.mark, resource.written)
    elif not classic_type(resource.type):
        spots = _expression_spots(text, resource)
    else:
        spots = CreatedSpots(text, resource.start, resource.end, resource.mark, cut_at=[])
    spots.passed = resource.passed
    return spots


def _expression_spots(text: str, resource: Declared) -> Spots:
    """The `Spots` of a JSON template's Resource Manager resource (`read_type`): a value an expression works
    out (`[concat(variables('vnetId'), '/subnets/web')]`) is looked for as that expression is written, so
    that a finding about it points at it rather than at the resource's `{`."""
    import json

    from migcheck.readers.inventory_shapes import ExpressionSpots

    by_value: dict[str, str] = {}
    try:
        raw = json.loads(text[resource.start : resource.end])
    except (ValueError, RecursionError):  # as read by the walk, it decodes: kept for safety's sake
        raw = None
    if isinstance(raw, dict):
        raw = {k.casefold(): v for k, v in raw.items()}
        evaluated = {**{k.casefold(): v for k, v in resource.own.items()}, "properties": resource.properties}
        _expressions(raw, evaluated, by_value)
    return ExpressionSpots(text, resource.start, resource.end, resource.mark, by_value)


def _expressions(raw: object, value: object, found: dict[str, str]) -> None:
    """Each string of `value` (what `raw`, as written, works out to) that an expression of `raw` gives, by
    that expression; the first expression that gives it wins. Linear: each written value is walked once,
    and what one expression gives at most once."""
    from migcheck.readers.inventory_shapes import strings_in

    stack = [(raw, value)]
    while stack:
        written, worked = stack.pop()
        if isinstance(written, str):
            for each in strings_in(worked, budget=None) if written != worked else ():
                found.setdefault(each, written)
        elif isinstance(written, dict) and isinstance(worked, dict):
            stack.extend((v, worked[k]) for k, v in written.items() if k in worked)
        elif isinstance(written, list) and isinstance(worked, list) and len(written) == len(worked):
            stack.extend(zip(written, worked, strict=True))


def _row(resource: Declared, text: str, file: str, turns: _Turns) -> dict:
    """The resource as a row of an inventory export writes it: its type, name and location, and its
    properties (a copy: a variable's value is one object however many resources it is given to), each
    unknown value a stand-in marked where the template writes it."""
    rtype = resource.type.strip()
    # A resource declared without properties has none: not the row of an export that leaves them out.
    props = {} if resource.properties is None else resource.properties
    row = {"type": rtype, "name": resource.name, **resource.own, "properties": props}
    searched = [u for u in _unknowns(row) if u.mark is None and not u.stand_in]
    marks: dict[int, Mark] = {}
    if searched:
        spots = _spots(text, resource)
        marks = dict(zip(map(id, searched), spots.values([u.raw for u in searched], ""), strict=True))
    noun = _NOUNS.get(rtype.casefold(), "resource")
    made: list[str] = []  # the stand-ins this resource makes, but its parameters'

    def named(unknown: Unknown, what: str) -> str:
        shown = _stand_in(unknown, what, marks.get(id(unknown)), file)
        if not unknown.stand_in:
            made.append(shown)
        return shown

    row = {k: _stand_ins(v, f"{noun} name" if k == "name" else _what(k, noun), named) for k, v in row.items()}
    numbered = {k: v for k, v in turns.numbered(made).items() if k != v}
    if numbered:
        row = {k: _renamed(v, numbered) for k, v in row.items()}
    _template_defaults(row)
    _as_exported(row, file)
    return row


ROLE_ASSIGNMENT = "microsoft.authorization/roleassignments"


def _as_exported(row: dict, file: str) -> None:
    """A Resource Manager resource's row (`read_type`) as an export writes it: with the id `resourceId`
    gives its type and name (a peering declared as its network's child is told by it), and a role
    assignment's `scope`, which a template writes beside its properties (`Microsoft.ClassicCompute/
    virtualMachines/web01`, or an id), among them as an id; one written without a scope is on the resource
    group the template is deployed to (`_deployment_group`)."""
    from migcheck.readers.arm_expressions import resource_id

    rtype, name = str(row["type"]), row.get("name")
    scope, props = row.pop("scope", None), row.get("properties")
    if classic_type(rtype):
        return
    if "id" not in row and isinstance(name, str) and name.strip():
        made = resource_id([rtype, *name.split("/")])
        if isinstance(made, str):
            row["id"] = made
    if rtype.casefold() != ROLE_ASSIGNMENT or not isinstance(props, dict):
        return
    if scope is None and not any(k.casefold() == "scope" for k in props):
        scope = _deployment_group(file)
    if not isinstance(scope, str):
        return
    if not any(k.casefold() == "scope" for k in props):
        stripped = scope.strip()
        props["scope"] = stripped if stripped.startswith("/") else f"/providers/{stripped}"


def _deployment_group(file: str) -> str:
    """The id of the resource group a template is deployed to, which it does not state: the stand-in of
    `resourceGroup().id`, named after the file."""
    group = deployment_group(file)["id"]
    return group.stand_in if isinstance(group, Unknown) else ""


def _unknowns(value: object) -> Iterator[Unknown]:
    """Each `Unknown` in a value, in the order written."""
    if isinstance(value, Unknown):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _unknowns(item)
    elif isinstance(value, list):
        for item in value:
            yield from _unknowns(item)


Named = Callable[[Unknown, str], str]


def _stand_ins(value: object, what: str, named: Named) -> object:
    """`value` with each `Unknown` replaced by what `named(unknown, what)` makes of it; `what` says what
    the value is (a list's items are what their list is of)."""
    if isinstance(value, Unknown):
        return named(value, what)
    if isinstance(value, dict):
        return {k: _stand_ins(v, _what(k, what), named) for k, v in value.items()}
    if isinstance(value, list):
        return [_stand_ins(v, what, named) for v in value]
    return value


def _what(key: str, parent: str) -> str:
    """What the value of `key` is, in an object that is `parent` (`virtual network` for a VM's
    `virtualNetwork`): `virtual network name` for its `name`, `virtual network id` for its `id`."""
    folded = key.casefold()
    if folded in ("name", "id") and parent in _PARENTS.values():
        return f"{parent} {folded}"
    return _PARENTS.get(folded) or _FIELDS.get(folded) or f"value of {key}"


def _stand_in(unknown: Unknown, what: str, searched: Mark | None, file: str) -> str:
    """`<virtual network name, the value of parameter 'vnet', azuredeploy.json:31:21>`: what the value is,
    why it is not known when its field does not say, and where it is written."""
    if unknown.stand_in:
        return unknown.stand_in
    mark = unknown.mark or searched
    where = f"{file}:{mark.line}:{mark.column}" if mark is not None else file
    return f"<{what}, {unknown.why}, {where}>" if unknown.why else f"<{what}, {where}>"


def _template_defaults(row: dict) -> None:
    """What a template means by leaving a value out, where an export leaving it out says nothing: a VM
    declared with a virtual network and no `subnetNames` is in no subnet, one whose virtual network is
    written by an `id` it does not state in the network that id's stand-in names, one without
    `networkProfile` in no network, one without `hardwareProfile` (or its `availabilitySet`) in no
    availability set, one without `inputEndpoints` or `extensions` has none (but the extensions its child resources add), and a reference to its cloud service by `id` alone names the
    service its id ends with. A virtual network declared without `subnets` has none."""
    from migcheck.inventory_model import parse_id

    props = row.get("properties")
    rtype = str(row.get("type", "")).casefold()
    if rtype == _VNET and isinstance(props, dict) and not any(k.casefold() == "subnets" for k in props):
        props["subnets"] = []
    if rtype != _VM or not isinstance(props, dict):
        return
    props.setdefault("extensions", [])
    props.setdefault("hardwareProfile", {})
    network = props.setdefault("networkProfile", {})
    if isinstance(network, dict):
        network.setdefault("inputEndpoints", [])
    vnet = network.get("virtualNetwork") if isinstance(network, dict) else None
    if isinstance(vnet, dict):
        vnet.setdefault("subnetNames", [])
        # Named by an id the file does not state (`[parameters('vnetId')]`): in a network, not known.
        if "name" not in vnet and is_stand_in(str(vnet.get("id", ""))):
            vnet["name"] = vnet["id"]
    domain = props.get("domainName")
    if isinstance(domain, dict) and "name" not in domain and isinstance(domain.get("id"), str):
        domain["name"] = parse_id(domain["id"]).name


def _extensions_by_vm(rows: list[tuple[Declared, dict]]) -> dict[str, list[tuple[dict, Mark]]]:
    """The extensions declared as child resources of VMs (`Microsoft.ClassicCompute/virtualMachines/
    extensions`, named `<vm>/<extension>`), by their VM's name case-folded, each as a VM's row lists its
    extensions, with where the child is written."""
    found: dict[str, list[tuple[dict, Mark]]] = {}
    for resource, row in rows:
        if str(row["type"]).casefold() != _VM_EXTENSION or not isinstance(row["name"], str):
            continue
        vm, _, name = row["name"].partition("/")
        props = row["properties"] if isinstance(row["properties"], dict) else {}
        extension = {"extension": name.strip(), **props}
        found.setdefault(vm.strip().casefold(), []).append((extension, resource.mark))
    return found


def _extended_elsewhere(
    rows: list[tuple[Declared, dict]], extensions: dict[str, list[tuple[dict, Mark]]], text: str
) -> list[object]:
    """The VMs the extensions are installed on that the file does not declare (`"name": "web01/BGInfo"`
    alone, Bicep's `parent:` a VM marked `existing`): each a change to the VM of that name, which exists
    already, holding the extensions and stating nothing else of it (`Role.changes_existing`), so that the
    link stage makes it to the VM another file describes and no finding is about what the file leaves
    unsaid (its network, its endpoints). Marked at the first extension."""
    from migcheck.inventory_model import ClassicVm
    from migcheck.readers.inventory_shapes import records

    declared = {_key(row["name"]) for _, row in rows if str(row["type"]).casefold() == _VM}
    found: list[object] = []
    for resource, row in rows:
        # A name the file does not state (`[concat(parameters('vm'), '/BGInfo')]`) may be of the VM it
        # declares under a stand-in of its own: not told apart from it, it is no other VM.
        if str(row["type"]).casefold() != _VM_EXTENSION or not isinstance(resource.name, str):
            continue
        name = row["name"].partition("/")[0].strip()
        added = extensions.pop(name.casefold(), None) if name.casefold() not in declared else None
        if not added:  # the file's own VM, or one whose extensions are read at its first already
            continue
        vm = {"type": _VM_TYPE, "name": name, "properties": {"extensions": [ext for ext, _ in added]}}
        for record in records(vm, resource.mark, _spots(text, resource)):
            if isinstance(record, ClassicVm):
                role = replace(record.role, changes_existing=True, unknown=_UNSAID_OF_A_CHANGE)
                record = replace(record, role=role)
            found.append(_marked_extensions(record, [mark for _, mark in added]))
    return found


# What a change to a VM that exists states nothing of: all but the extensions it installs.
_UNSAID_OF_A_CHANGE = frozenset({"availability_set", "endpoints", "subnets", "public_ips"})


def _marked_extensions(record: object, marks: list[Mark]) -> object:
    """A VM's record with the extensions its child resources add (the last `len(marks)` of its role's)
    marked where those resources are written."""
    from migcheck.inventory_model import ClassicVm

    if not marks or not isinstance(record, ClassicVm):
        return record
    extensions = list(record.role.extensions)
    first = len(extensions) - len(marks)
    if first < 0:
        return record
    for index, mark in enumerate(marks):
        extensions[first + index] = replace(extensions[first + index], mark=mark)
    return replace(record, role=replace(record.role, extensions=tuple(extensions)))


__all__ = [
    "MAX_COPIES",
    "MAX_STRING",
    "ROLE_ASSIGNMENT",
    "Declared",
    "LoadedText",
    "Unknown",
    "by_position",
    "classic_type",
    "deployment_group",
    "deployment_subscription",
    "names_its_group",
    "parameter_stand_in",
    "partly_known",
    "passed_at",
    "read_type",
    "records_of",
    "resource_name",
]
