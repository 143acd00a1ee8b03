"""Inventory exports: the JSON that Azure Resource Graph, resource lists, Resource Manager list calls and the
classic Service Management cmdlets write. One export file becomes one `Document` of inventory records
(`migcheck.inventory_model`), each marked at the `{` that starts its object.

Accepted envelopes (keys matched without regard to case):

- `az graph query`: `{"count", "data": [...], "skip_token", "total_records"}`, or a bare array (extension
  1.x); each page of a paged query is one file, and a folder of pages is read page by page;
- `Search-AzGraph ... | ConvertTo-Json -Depth 100`: `{"Data": [...], "SkipToken"}`, a bare array, or
  `Data` written as `{"value": [...], "Count"}` by Windows PowerShell;
- `az resource list` / `Get-AzResource`: a bare array, PascalCase keys in PowerShell's case; `properties`
  is null there, so such a file shows which resources exist and nothing more;
- the az CLI's other `list` commands (`az network vnet list`, `az role assignment list`, `az security
  pricing list`, ...) and the Az cmdlets through ConvertTo-Json (`Get-AzVirtualNetwork`): no `properties`
  key, each resource's properties written at its top beside its id, name and type, and read from there;
- Resource Manager list responses, `{"value": [...]}` (classic alert rules from the `alertrules` call, a
  network's peerings from its `virtualNetworkPeerings` call; `az network vnet peering list` writes the
  same peerings as a bare array, their properties at the top). Each file is one page of its list, and
  `az rest` does not follow `nextLink`: a page's `nextLink` is a `ListPage` naming the list it asks the
  next page of, and a page without one a `ListPage` of the lists its rows are of, so that a link whose
  list no file completes (no last page holding a row of it, nor an empty last page in its folder) is
  MIG003, at the link;
- `Get-AzureDedicatedCircuitLinkAuthorization`, `Get-AzureDedicatedCircuitLink`,
  `Get-AzureApplicationGateway` through `ConvertTo-Json`: an object, or an array of them;
- `Get-AzureVNetConfig` through `ConvertTo-Json`: the subscription's network configuration, a .netcfg's
  text as the string `XMLConfiguration`, read as a .netcfg is, each element marked where the string
  writes it (see `vnet_config_export`);
- `Get-AzureReservedIP` through `ConvertTo-Json`: a `ReservedIPContext` per reserved IP (`ReservedIPName`,
  `Address`, `InUse`, and the `ServiceName` and `DeploymentName` whose VIP it is), read into the same
  classic reserved IP records as a Resource Graph row; so is one a `Select-Object` cut down to its name and
  some of these (`Select-Object ReservedIPName, ServiceName`);
- `Get-AzureStorageAccount` through `ConvertTo-Json`: a `StorageServicePropertiesOperationContext` per
  storage account (`StorageAccountName`, `StorageAccountStatus`, `AccountType`, ...), read into the same
  classic storage account records as a Resource Graph row (its type, `Standard_GRS`, `Premium_LRS`); so is
  one a `Select-Object` cut down to its name and type (`Select-Object StorageAccountName, AccountType`);
- `Get-AzureService` through `ConvertTo-Json`: a `HostedServiceDetailedContext` per cloud service
  (`ServiceName`, `DateCreated`, `DateModified`, `Location` or `AffinityGroup`, ...), read for the region the
  service is in, as a classic VM row's `location` is (`ServiceRegion`); one in an affinity group is in the
  group's region;
- `Get-AzureAffinityGroup` through `ConvertTo-Json`: an `AffinityGroupContext` per affinity group (`Name`,
  `Location`, `HostedServices`, `StorageServices`, ...), read for the region of the group
  (`AffinityGroupRegion`), which the networks and cloud services placed in it are in;
- `Get-AzureVM` through `ConvertTo-Json`: a `PersistentVMRoleContext` per VM (its state and its `VM`), an
  object or an array of them, read into the same classic VM records as a Resource Graph row; columns a
  `Select-Object` picks without the `VM` are read for what they say, the rest unknown;
- `Get-AzureVM ... | Select-Object -ExpandProperty VM` (or `(Get-AzureVM ...).VM`) through `ConvertTo-Json`:
  the `PersistentVM` of each VM without its context, the JSON form of an Export-AzureVM file (`RoleName`,
  `ConfigurationSets`, `OSVirtualHardDisk`, ...), an object or an array of them, read into the same classic
  VM records with no cloud service, deployment, network or state: the VMs of one such file are one cloud
  service no file names, as the Export-AzureVM files of one folder are.
- `Get-AzureDisk` through `ConvertTo-Json`: a `DiskContext` per disk of the subscription's disk repository
  (`DiskName`, `MediaLink`, `AttachedTo`, `IOType`, ...), read into the same disks as a REST `Disks` list:
  Resource Graph does not list classic disks.
- `Get-AzureVMImage` through `ConvertTo-Json`: an `OSImageContext` per OS image (`ImageName`, `Category`,
  `MediaLink`, ...) and a `VMImageContext` per VM image (`OSDiskConfiguration`, `DataDiskConfigurations`),
  read into the same images as a REST `Images` or `VMImages` list: the storage accounts their VHDs are in.
- the classic Azure CLI's `azure vm list --json` and `azure vm show --json` (`azure config mode asm`): a
  view per VM (`DNSName`, `VMName`, `InstanceStatus`, `InstanceSize`, `OSDisk`, `DataDisks`,
  `Network.Endpoints`), an array of them or one, read into the same classic VM records; what the view
  leaves out (availability set, virtual network, subnets, extensions) is unknown.
- `Get-AzRoleAssignment` through `ConvertTo-Json`: a `PSRoleAssignment` per assignment (`RoleAssignmentId`,
  `Scope`, `RoleDefinitionId`, `ObjectId`, ..., no type), read as the row `az role assignment list` writes
  for it.

Each cmdlet object is told by properties only its class has (a circuit link by holding nothing but its
network and its state), and a resource row by its type (`namespace/type`) or a resource id: what the other
classic cmdlets write (Get-AzureDeployment's `VNetName` and `VirtualIPs`, Get-AzureVNetSite's `Subnets`
and GUID `Id`, an Application Gateway's rows trimmed to `Name`, `VnetName` and `State`, ...) is not an
export.

A deployment template (its `$schema` names `deploymentTemplate.json`) is not an export, but one that
declares resources of the classic types, or of type `Microsoft.Compute/cloudServices`, is read by
`readers.template`: the classic ones into the records the same types give as rows of an export (the
builders of `inventory_shapes`), with the template's `Script` for MIG601, and the cloud services into the
evidence of Cloud Services (extended support) they are (`ExtendedSupportService`). Its parameters file
(`$schema` naming `deploymentParameters.json`) is read for it, and is no export. Any other template is read
as before: silent in a folder walk.

An export written by `ConvertTo-Json` without enough `-Depth` has strings (`"@{id=; name=}"`,
`"System.Object[]"`, a .NET type name such as the classic module's `PersistentVM`) where nested objects
and arrays belong: the resource rows it cut short give no records, and the file has one problem (MIG001) at
the first such value, since what they say cannot be read. A `Get-AzureVM` object is read in part instead:
its own properties (cloud service, availability set, state, network, size) are at the top, where no
`-Depth` cuts them, so its VM is a record with what was cut unknown, and the file holds one
problem (MIG001) at the first value cut short, as for a script read up to where it stops parsing. So is a
`PersistentVM` written on its own, whose name, availability set and size are at its top (and its OS disk,
one level down, in an object written alone).
So has a resource list whose `properties` are null (`az resource list`), or left out with none of the
properties its reader reads at the row's top (`| project id, name, type, status=properties.status`), at the
first of them, naming the resources left unchecked and what the rules read of each, cloud services
(`domainNames`, described by their VMs' rows) included; each is kept in the document as an
`UncheckedResource`, for a plan with no step to name. A resource whose properties no rule reads (a classic
network security group, moved by its name) is read whole without them.

The file is walked once: the envelope's keys are scanned in order and each item of its array is decoded on
its own (`JSONDecoder.raw_decode`, in C), turned into records and dropped, so a large export costs time and
memory in proportion to its size and the records built from it, never a second pass per item.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from migcheck.frames import with_frames_to_spare
from migcheck.inventory_model import (
    CLASSIC,
    CLASSIC_ROLES,
    DEFENDER_PRICINGS,
    REACHING_INTO_CLASSIC,
    ExportPage,
    ListPage,
    UncheckedResource,
)
from migcheck.model import (
    Document,
    FileKind,
    FileProblem,
    Mark,
    Severity,
)
from migcheck.readers.encoding import not_decoded

if TYPE_CHECKING:
    import json

    from migcheck.readers.inventory_shapes import Collapsed

# What the folder walk looks for in a `.json` file's bytes before it decodes any of it: for each shape the
# reader reads, something every export of that shape writes, so that a walk keeps what the command line
# reads (the tests walk an export of each resource type of `inventory_shapes.BUILDERS` and each cmdlet of
# `inventory_shapes.CMDLET_OBJECTS`, in each envelope and encoding). A row names its type in its `type` or
# its id (`ResourceType`, `ResourceId` in PowerShell's case, and Get-AzRoleAssignment's `RoleAssignmentId`
# too): a classic type, or a Resource Manager type whose resources may use classic ones (a peering's type
# starts with its network's). The classic cmdlets' objects have no type, and each is marked by a property
# its class always writes, even when `Select-Object` picks some (Get-AzureVM's `ServiceName`: not its
# `VM.RoleType`, which may be left out). What else writes these (a Kubernetes service's `serviceName`,
# Get-AzureDeployment's `VNetName`) is then ruled out by its first item, which is no record.
_TYPE_MARKERS = (
    "microsoft.classic",
    "microsoft.network/expressroutecircuits",
    "microsoft.compute/cloudservices",  # Cloud Services (extended support): which projects are not classic
    *(type_ for type_ in REACHING_INTO_CLASSIC if not type_.endswith("/virtualnetworkpeerings")),
)
_CMDLET_MARKERS = (
    '"servicename"',  # Get-AzureVM
    '"configurationsets"',  # Get-AzureVM's `VM` on its own (`Select-Object -ExpandProperty VM`)
    '"osvirtualharddisk"',
    '"attachedto"',  # Get-AzureDisk
    '"linkauthorizationid"',  # Get-AzureDedicatedCircuitLinkAuthorization, or its `MicrosoftIds`
    '"microsoftids"',
    '"vnetname"',  # Get-AzureDedicatedCircuitLink, Get-AzureApplicationGateway
    '"connectivitystate"',  # Get-AzureVNetConnection
    '"reservedipname"',  # Get-AzureReservedIP
    '"storageaccountname"',  # Get-AzureStorageAccount, whose status and operation a Select-Object may leave out
    '"imagename"',  # Get-AzureVMImage
    '"xmlconfiguration"',  # Get-AzureVNetConfig
    '"vmname"',  # the classic Azure CLI's `azure vm list --json`, `azure vm show --json`
    '"operationdescription"',  # another classic cmdlet's object, read only to say it is not read
)
_MARKERS = (*_TYPE_MARKERS, *_CMDLET_MARKERS)
_T = TypeVar("_T")
# The types with `/` escaped as `\/`, as .NET's serializers write it: looked for only in a file that has
# such an escape.
_ESCAPED_MARKERS = tuple(m.replace("/", "\\/") for m in _TYPE_MARKERS if "/" in m)
_UTF8_MARKERS = tuple(m.encode() for m in _MARKERS)
_UTF8_ESCAPED_MARKERS = tuple(m.encode() for m in _ESCAPED_MARKERS)
_CODECS = ("utf-8", "utf-16-le", "utf-16-be")
_FIRST_KEY = re.compile(r'\{\s*"\$')  # `{"$schema": ...}`: a template, parameters file or JSON schema
# A deployment template that may declare a cloud service of extended support or a classic resource names its
# schema and one of these, in any case (a type may be written `Microsoft.Compute\/cloudServices`: the last
# word is enough to look further; `Microsoft.Classic` has no `/` to escape).
# A template that links another by its path (`templateLink`) is read for what the linked one declares.
# `_names_a_classic_provider` looks for the third.
# A template that assigns a built-in role that grants rights on classic resources only (by its definition's
# GUID) is read for that assignment, whatever else it declares.
_TEMPLATE_MARKERS = (
    "deploymenttemplate.json",
    "cloudservices",
    "microsoft.classic",
    "templatelink",
    *sorted(CLASSIC_ROLES),
    DEFENDER_PRICINGS,  # the subscription's Defender plan, whose Standard tier for VMs reaches the classic ones
)
# Each marker as UTF-8 and UTF-16 bytes, to look for in the file's bytes with ASCII letters lower-cased (a
# case-insensitive regular expression over a megabyte of export cost 15 ms a marker; this costs one pass).
# A marker with a `/` is looked for with it escaped too (`Microsoft.Security\/pricings`, as PHP's and .NET's
# serializers write it), which the template reader decodes to the same type.
_TEMPLATE_SNIFF = tuple(
    tuple(form.encode(codec) for form in dict.fromkeys((m, m.replace("/", "\\/"))) for codec in _CODECS)
    for m in _TEMPLATE_MARKERS
)
_WS = re.compile(r"[ \t\n\r]*")
_ENVELOPE_KEYS = ("data", "value")
# How a Resource Graph page names the token of the next page and the query's number of rows: `az graph
# query`, the REST API, Search-AzGraph (which states no total).
_TOKEN_KEYS = ("skip_token", "$skiptoken", "skiptoken")
_TOTAL_KEYS = ("total_records", "totalrecords")
# How a Resource Manager list response names the address of its next page (OData's names too).
_LINK_KEYS = ("nextlink", "@odata.nextlink", "odata.nextlink")
_PAGING_KEYS = (*_TOKEN_KEYS, *_LINK_KEYS)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def sniff(data: bytes) -> bool:
    """Whether a `.json` file met in a folder walk is an inventory export: it starts as JSON does, names
    what marks one of the shapes the reader reads (`_MARKERS`), and its first item is a resource or a cmdlet
    object. ARM templates and parameter files (their first key is `$schema`) mention classic types too,
    and are not exports; nor is a settings file that mentions them. A deployment template that declares
    classic resources or a cloud service of extended support is read too, as a template (a byte search
    first, then a parse of the few files that name both a template's schema and a classic provider or cloud
    services), and so is one that names them and does not parse, for its syntax error."""
    head = _head(data)
    if not head.startswith(("[", "{")):
        return False
    # ASCII letters only, in UTF-16 too: their other byte is zero. Lower-casing costs 10 instructions a
    # byte, so it is done only for a file that may be a template or whose first bytes name no shape.
    lowered = data.lower() if _may_name_a_schema(data) else None
    if lowered is not None and _may_be_a_template(lowered):
        text, problem = _decode(data)
        if problem is None and _template("", text) is not None:
            return True
        if _names_a_classic_provider(lowered) and (problem is not None or not _parses(text)):
            return True  # what may be a template of classic resources, and breaks: read, to say where
    if _FIRST_KEY.match(head):
        return False
    return _names_a_shape(data, lowered, _encoding(data)) and _first_item_is_a_record(data)


# How far into a file the markers are looked for as written before the file is lower-cased: an export
# names its shape in its first row, and mostly in lower case (the types Resource Graph writes).
_HEAD_BYTES = 65536


def _names_a_shape(data: bytes, lowered: bytes | None, encoding: str) -> bool:
    """Whether the bytes, their ASCII letters lower-cased (`lowered`, made here when None), hold one of the
    markers: one search a marker (a case-insensitive regular expression of them all, in the three
    encodings at once, cost 240 ms a megabyte; this costs 10). UTF-16 is searched as text: in its bytes
    half of each marker is NUL bytes, which a byte search skips ten times slower."""
    if encoding.startswith("utf-16"):
        text = (data.lower() if lowered is None else lowered).decode(encoding, errors="replace")
        return any(m in text for m in _MARKERS) or (
            "\\/" in text and any(m in text for m in _ESCAPED_MARKERS)
        )
    # A marker written in lower case in the first bytes is one in the bytes lower-cased too.
    head = data[:_HEAD_BYTES]
    if any(m in head for m in _UTF8_MARKERS):
        return True
    lowered = data.lower() if lowered is None else lowered
    if any(m in lowered for m in _UTF8_MARKERS):
        return True
    return b"\\/" in lowered and any(m in lowered for m in _UTF8_ESCAPED_MARKERS)


# How many frames below its caller an export's walk may use: the JSON decoder counts one per level of
# nesting, so an export nested deeper (about 950 levels; real ones nest a dozen) is refused as "nested
# too deeply to read", wherever the walk is called from.
_WALK_FRAMES = 960


def _at_a_fixed_depth(walk: Callable[[], _T]) -> _T:
    """`walk()`, with the recursion limit set `_WALK_FRAMES` above the caller's depth for the time of it.
    Python's JSON decoder counts the nesting it decodes against the recursion limit from wherever it is
    called, so a deeply nested export was read from the command line and refused under pytest or in a
    worker process, whose stacks are deeper. (A thread of its own, with a stack of its own, did the same
    but cost each thread's malloc arena: 70 MB more for 48 exports.)"""
    return with_frames_to_spare(_WALK_FRAMES, walk)


def _first_item_is_a_record(data: bytes) -> bool:
    """Walk the export only as far as its first item. JSON that does not parse is let through: reading
    it reports where it breaks."""
    import json

    text, problem = _decode(data)
    if problem is not None:
        return True
    reader = _Reader("", text, json.JSONDecoder(), first_only=True)
    try:
        _at_a_fixed_depth(reader.walk)
    except _First as first:
        return first.is_record or first.unread
    except (_Malformed, ValueError, RecursionError):  # JSONDecodeError is a ValueError
        return True
    return reader.inventory


def read(path: str, data: bytes) -> Document:
    """The inventory records of one export. Never raises: malformed JSON is a syntax problem at its line
    and column, and JSON that is not an export (named on the command line) is a root problem."""
    import json  # imported when an export is read, not at start-up

    from migcheck.readers.inventory_shapes import settle_availability_sets

    text, problem = _decode(data)
    if problem is not None:
        undecoded = _syntax(path, data, problem)
        return Document(path, FileKind.INVENTORY, "", problem=undecoded, text=_shown_text(data))
    if _may_name_a_schema(data) and _may_be_a_template(data.lower()):
        found = _template(path, text)
        if found is not None:
            from migcheck.readers.template import template_suppressions

            suppressions, marked = template_suppressions(path, text)
            # One another template links and reads declares nothing of its own (`read_template`).
            kind = FileKind.INVENTORY if found else None
            return Document(path, kind, "template", found, suppressions, marked, text=text)
    if _is_parameters_file(data, text):
        # Read for the template it gives values to (`readers.template`), as a settings file is for its
        # script: nothing classic of its own, and no export.
        return Document(path, None, "parameters", text=text)
    reader = _Reader(path, text, json.JSONDecoder())
    try:
        envelope = _at_a_fixed_depth(reader.walk)
    except json.JSONDecodeError as error:
        return reader.broken(error.msg, error.pos)
    except _Malformed as error:
        return reader.broken(error.message, error.pos)
    except RecursionError:
        return reader.broken("nested too deeply to read", reader.pos)
    except ValueError:  # a number with more digits than Python converts (4,300)
        return reader.broken("a number of thousands of digits, which no export writes", reader.pos)
    if not reader.inventory:
        problem_ = FileProblem(
            "root",
            "not an inventory export: no Resource Graph rows, resource list or objects of the classic cmdlets "
            "migcheck reads",
            Mark(path, 1, column=1),
            "Name the JSON files an inventory export wrote (az graph query, Search-AzGraph, az resource "
            "list, the alertrules list call, Get-AzRoleAssignment, Get-AzureVM (or its VM alone), Get-AzureDisk, "
            "Get-AzureVNetConnection, Get-AzureVNetConfig, Get-AzureApplicationGateway, Get-AzureReservedIP, "
            "Get-AzureStorageAccount, Get-AzureService, Get-AzureVMImage, "
            "Get-AzureDedicatedCircuitLink and "
            "Get-AzureDedicatedCircuitLinkAuthorization through ConvertTo-Json; the classic Azure CLI's "
            "`azure vm list --json`).",
        )
        return Document(path, None, envelope, problem=problem_, text=text)
    unread = _cut_short(reader.collapsed) if reader.collapsed else None
    if unread is None and reader.unstated:
        unread = _unstated(reader.unstated)
    if unread is None and reader.partial:
        unread = _read_in_part(reader.partial)
    if unread is None and reader.unread:
        unread = _not_read(reader.unread, bool(reader.records))
    records = tuple(settle_availability_sets(reader.records))
    return Document(path, FileKind.INVENTORY, envelope, records, problem=unread, text=text)


def _cut_short(collapsed: list[Collapsed]) -> FileProblem:
    """One problem for the whole export, at the first value ConvertTo-Json cut short: the export was
    written without enough `-Depth`, and every object it cut short is left unchecked."""
    first, count = collapsed[0], len(collapsed)
    value = first.value if len(first.value) <= 60 else first.value[:57] + "..."
    resources = "1 resource was" if count == 1 else f"{count} resources were"
    message = (
        f"nested properties were cut short by ConvertTo-Json: '{first.field}' is written as \"{value}\" "
        f"in place of what it holds; {resources} not checked"
    )
    return FileProblem("syntax", message, first.mark, _DEPTH_FIX)


def _read_in_part(partial: list[Collapsed]) -> FileProblem:
    """One problem for the whole export, at the first value ConvertTo-Json cut short in the VMs read in
    part: what it cut of them is not checked, what it still says is (as a script that stops parsing part-way
    is read up to there)."""
    first = min(partial, key=lambda c: (c.mark.line, c.mark.column))
    value = first.value if len(first.value) <= 60 else first.value[:57] + "..."
    vms = "1 VM" if len(partial) == 1 else f"{len(partial)} VMs"
    message = (
        f"nested properties were cut short by ConvertTo-Json: '{first.field}' is written as \"{value}\" in "
        f"place of what it holds; what was cut of {vms} (endpoints and their ACLs, subnets, extensions, disks, "
        f"boot diagnostics) is not checked, only what the export still says ({first.kept})"
    )
    return FileProblem("syntax", message, first.mark, _DEPTH_FIX)


def _not_read(unread: dict[str, tuple[str, Mark, int]], others: bool) -> FileProblem:
    """A note for an export that holds objects of classic cmdlets the reader does not read (`unread_cmdlet`),
    at the first of them: what it is, by the cmdlet's name, and that what it says is not checked; what to
    export instead, where the rules read the same facts from another export. It does not say no rule reads
    them: a Get-AzureRole object's role is one the rules read from a .csdef or a Get-AzureVM export. A note, not a warning: the file is
    well-formed and classic, and contradicts nothing; it is only not checked."""
    from migcheck.readers.inventory_shapes import UNREAD_CMDLET_INSTEAD

    first = min((mark for _, mark, _ in unread.values()), key=lambda mark: (mark.line, mark.column))
    parts = [f"{count} object{'s' if count > 1 else ''} of {name}" for name, _, count in unread.values()]
    instead = [UNREAD_CMDLET_INSTEAD[key] for key in unread if key in UNREAD_CMDLET_INSTEAD]
    rest = "; its other objects are read" if others else ""
    message = (
        f"a classic export that migcheck does not read: {', '.join(parts)} written by ConvertTo-Json, "
        f"so what the file says of them is not checked{rest}"
    )
    fix = (
        "Export what the rules read in its place: "
        + ("; ".join(instead) + "; or " if instead else "")
        + f"the classic resources from Azure Resource Graph, {_RESOURCE_GRAPH_QUERY}. Leave the file out of the "
        "check if it is kept for another use."
    )
    return FileProblem("syntax", message, first, fix, Severity.INFO)


# What an export whose first resource left unchecked writes its properties as `{}` has, in its MIG001's
# opening (`the export has ...`): what tells that warning from one of null properties (the readiness row).
EMPTY_PROPERTIES = "properties that hold nothing the rules read for its resources"


def _unstated(unstated: list[UncheckedResource]) -> FileProblem:
    """One problem for the whole export, at the first resource whose `properties` it writes as null (a
    resource list), leaves out (a query that did not project the column), or writes as an object that holds
    nothing the rules read (`{}`): it says which resources exist and nothing the rules read."""
    count = len(unstated)
    resources = "1 resource was" if count == 1 else f"{count} resources were"
    unknown = _what_is_unknown(unstated)
    # Well-formed, and true of what exists: a warning that it cannot be checked, not a broken file.
    if unstated[0].left_out:
        why = (
            "no `properties` column for its resources (the query's `project`, or the command's `--query`, "
            "leaves it out)"
        )
        fix = _column_fix(_queries(unstated))
    elif unstated[0].empty:
        why = (
            f"{EMPTY_PROPERTIES} (written as `{{}}`, as a value that is no object, or with no more than values "
            "such as `provisioningState`)"
        )
        fix = _empty_fix(_queries(unstated))
    else:
        why = (
            "no properties for its resources ('properties' is null, as `az resource list` and `Get-AzResource` "
            "write it)"
        )
        fix = _properties_fix(_queries(unstated))
    message = f"the export has {why}: {resources} not checked, for want of what the rules read: {unknown}"
    return FileProblem("syntax", message, unstated[0].mark, fix, Severity.WARNING)


_NAMES_SHOWN = 3  # names of each type of resource a problem lists before it counts the rest


def _what_is_unknown(unstated: list[UncheckedResource]) -> str:
    """Each type of the resources left unchecked, in the order the export first writes one, with the
    first names of them and what the rules read of such a resource: `classic VMs 'vm1', 'vm2' (cloud
    service, ...)`."""
    from migcheck.readers.inventory_shapes import unknown_without_properties

    by_type: dict[str, list[str]] = {}
    for resource in unstated:
        by_type.setdefault(resource.type, []).append(resource.name)
    parts = []
    for rtype, names in by_type.items():
        noun, what = unknown_without_properties(rtype)
        named = [f"'{n}'" for n in names if n][:_NAMES_SHOWN]
        more = len(names) - len(named)
        if more and named:
            named.append(f"{more} more")
        shown = ", ".join(named) if named else str(len(names))
        parts.append(f"{noun}{'s' if len(names) > 1 else ''} {shown} ({what})")
    return "; ".join(parts)


_RESOURCE_GRAPH_QUERY = (
    "`az graph query --first 1000 -o json -q \"resources | where type startswith 'microsoft.classic' | project "
    'id,name,type,kind,location,resourceGroup,subscriptionId,apiVersion,properties"` (page on with '
    "`--skip-token`)"
)


def _properties_fix(query: str) -> str:
    return (
        f"Export the resources with their properties from Azure Resource Graph: {query}, or "
        "`Search-AzGraph -Query ... -First 1000` piped to `ConvertTo-Json -Depth 100`. Resource lists serve "
        "properties from a cache that holds none."
    )


def _empty_fix(query: str) -> str:
    return (
        f"Export the resources again with their whole properties, as Resource Graph writes them: "
        f"{query}; a row whose properties were emptied or trimmed by hand says nothing of the "
        "resource, and is not read as a resource that has none of what it leaves out."
    )


def _column_fix(query: str) -> str:
    return (
        "Export the `properties` column with the rest: end a Resource Graph query's `project` with `properties` "
        f"(or leave out the `project`), as in {query}; migcheck reads the properties whole, not "
        "columns computed from them (`status=properties.status`)."
    )


# The Resource Graph table of each Resource Manager type the rules read that is not in `resources`
# (INVENTORY.md, exports C and D); classic alert rules are in none, and are listed through `az rest`.
_GRAPH_TABLES = {
    "microsoft.authorization/roleassignments": "authorizationresources",
    "microsoft.security/pricings": "securityresources",
}
_CLASSIC_ALERT_RULES = "microsoft.insights/alertrules"
_ALERT_RULES_CALL = (
    "for classic alert rules, which Resource Graph does not hold, `az rest --method get --url "
    '"https://management.azure.com/subscriptions/<subscription id>/providers/microsoft.insights/alertrules'
    '?api-version=2016-03-01"`'
)


def _queries(unstated: list[UncheckedResource]) -> str:
    """The commands that list the resources left unchecked with their properties: the query of the classic
    resources (`_RESOURCE_GRAPH_QUERY`) for classic ones, and, for the Resource Manager ones, which that
    query does not list, a query of the table that holds their types (or `az rest`, for classic alert
    rules)."""
    types = list(dict.fromkeys(r.type for r in unstated))
    others = [t for t in types if not t.startswith(CLASSIC)]
    if not others:
        return _RESOURCE_GRAPH_QUERY
    said = [_RESOURCE_GRAPH_QUERY] if len(others) < len(types) else []
    by_table: dict[str, list[str]] = {}
    for rtype in others:
        if rtype != _CLASSIC_ALERT_RULES:
            by_table.setdefault(_GRAPH_TABLES.get(rtype, "resources"), []).append(rtype)
    for table, listed in by_table.items():
        named = ", ".join(f"'{t}'" for t in listed)
        said.append(
            f'`az graph query --first 1000 -o json -q "{table} | where type in~ ({named}) | project '
            'id,name,type,kind,location,resourceGroup,subscriptionId,properties"`'
        )
    if _CLASSIC_ALERT_RULES in others:
        said.append(_ALERT_RULES_CALL)
    return "; ".join(said)


_DEPTH_FIX = (
    "Export again with every level written: pipe to `ConvertTo-Json -Depth 100` (without `-Depth`, "
    "PowerShell writes two levels and turns deeper objects into strings such as `@{id=; name=}` or a type "
    "name), or use `az graph query -o json`, which writes them all."
)


# --- decoding ------------------------------------------------------------------------------------------


def _decode(data: bytes) -> tuple[str, UnicodeDecodeError | None]:
    """The text of an export: UTF-8 (what az and PowerShell 7 write), or UTF-16 with a BOM or without
    one (what Windows PowerShell's Out-File writes), told by the BOM or by NUL bytes around the first
    character."""
    try:
        text = data.decode(_encoding(data))
    except UnicodeDecodeError as error:
        return "", error
    return (text[1:] if text.startswith("\ufeff") else text), None


def _head(data: bytes) -> str:
    """The first characters of an export, past its BOM and white space."""
    encoding = _encoding(data)
    text = data[:256].decode(encoding, errors="replace")
    return text.lstrip("\ufeff \t\r\n")


def _encoding(data: bytes) -> str:
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "")
    if encoding:
        return encoding
    return "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be" if data[:1] == b"\x00" else "utf-8"


def _syntax(path: str, data: bytes, error: UnicodeDecodeError) -> FileProblem:
    """The first byte that is not text of the file's encoding, at its line and column, with what to do for
    the kind of file it is: a template is saved by a person, an export written by a command."""
    is_template = _may_name_a_schema(data) and _may_be_a_template(data.lower())
    fix = _TEMPLATE_ENCODING_FIX if is_template else _EXPORT_ENCODING_FIX
    return not_decoded(path, data, error.encoding, fix)


_TEMPLATE_ENCODING_FIX = (
    "Save the template as UTF-8 (in your editor, or `iconv -f <its encoding> -t UTF-8`): JSON is UTF-8 "
    "text, and a byte of another encoding (Latin-1's 0xe9 for é) is not."
)
_EXPORT_ENCODING_FIX = (
    "Export it again with the encoding set: `az graph query ... -o json > export.json` writes UTF-8; in "
    "Windows PowerShell give `-Encoding utf8` to `Out-File` or `Set-Content` (Set-Content writes the "
    "system's code page otherwise, where é is the byte 0xe9)."
)


def _shown_text(data: bytes) -> str:
    """The text a report shows the lines of for a file that does not decode: what decodes, and U+FFFD for
    each byte that does not."""
    return data.decode(_encoding(data), errors="replace").removeprefix("\ufeff")


# --- the walk ------------------------------------------------------------------------------------------


class _First(Exception):
    """Raised at the first item when only that one is wanted (sniffing)."""

    def __init__(self, is_record: bool, unread: bool) -> None:
        super().__init__()
        self.is_record = is_record
        self.unread = unread  # an object of a classic cmdlet the reader does not read


class _Malformed(Exception):
    def __init__(self, message: str, pos: int) -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos


class _Scanner:
    """A position in a JSON text, moved by the walks below: whole values are decoded by the JSON decoder,
    in C; the walks step only over the punctuation of what they descend into."""

    text: str
    pos: int
    _decode: Callable[[str, int], tuple[object, int]]

    def _value(self) -> object:
        value, self.pos = self._decode(self.text, self.pos)
        return value

    def _space(self) -> None:
        match = _WS.match(self.text, self.pos)
        self.pos = match.end() if match else self.pos

    def _at(self, chars: str | tuple[str, ...]) -> bool:
        return self.text.startswith(chars, self.pos)

    def _expect(self, char: str) -> None:
        if not self._at(char):
            raise _Malformed(f"expected '{char}'", self.pos)
        self.pos += 1


class _Reader(_Scanner):
    """One pass over an export's text: the envelope's keys in order, and each item of its array decoded
    on its own and turned into records at the line and column where its object starts."""

    def __init__(self, path: str, text: str, decoder: json.JSONDecoder, *, first_only: bool = False) -> None:
        from migcheck.readers.inventory_shapes import (
            Collapsed,
            Spots,
            cut_short_values,
            is_record,
            records,
            unread_cmdlet,
        )

        self.path = path
        self.text = text
        self.pos = 0
        self._decode = decoder.raw_decode
        self._records_of = records
        self._spots = Spots
        self._is_record = is_record
        self._unread_cmdlet = unread_cmdlet
        # The classic cmdlets whose objects the export holds and no rule reads, by name case-folded: the
        # name as first written, the first object's mark, and how many it holds (see `_not_read`).
        self.unread: dict[str, tuple[str, Mark, int]] = {}
        self.records: list[object] = []
        self._collapsed_type = Collapsed
        self.collapsed: list[Collapsed] = []  # objects whose nested properties ConvertTo-Json cut short
        self.partial: list[Collapsed] = []  # objects read in part, where ConvertTo-Json cut them short
        self.unstated: list[UncheckedResource] = []  # resources whose `properties` the export writes as null
        self.inventory = False  # an envelope, or an object that is a record
        # While the items of a root `value` are read: the list calls whose pages may hold them (see
        # `ListPage`), gathered for when the page turns out to be a last page; None elsewhere.
        self._lists: set[str] | None = None
        self._first_only = first_only
        # Line counting moves forward only: items come in order, so the whole walk counts each line once.
        self._line, self._line_start, self._counted = 1, 0, 0
        # Where a value ConvertTo-Json cut short may start: looked for once in the whole text, not in each
        # object (most exports hold none).
        self._cut_at = None if first_only else cut_short_values(text)

    def walk(self) -> str:
        """Read the whole export; the envelope it has ("array", "data", "value", "object")."""
        self._space()
        if self._at("["):
            if not self._array():
                self.inventory = True  # an empty page: an export of nothing, not some other JSON
            envelope = "array"
        elif self._at("{"):
            envelope = self._object(nested=False)
        else:
            raise _Malformed("an inventory export starts with '[' or '{'", self.pos)
        self._space()
        if self.pos != len(self.text):
            raise _Malformed("unexpected text after the end of the export", self.pos)
        return envelope

    def _array(self) -> int:
        """Each item of the array at `pos`, in order; how many there were."""
        self.pos += 1
        self._space()
        if self._at("]"):
            self.pos += 1
            return 0
        count = 0
        while True:
            start = self.pos
            self._item(start, self._value())
            count += 1
            self._space()
            if not self._at(","):
                self._expect("]")
                return count
            self.pos += 1
            self._space()

    def _object(self, *, nested: bool) -> str:
        """The root object: an envelope when one of its keys holds the items (`data`, `value`; `Data`
        may itself be `{"value": [...]}`), else itself one record (a single cmdlet object)."""
        start, own, envelope = self.pos, {}, ""
        rows, token_at = 0, -1
        lists: set[str] | None = None
        self.pos += 1
        self._space()
        while not self._at("}"):
            name = self._value()
            if not isinstance(name, str):
                raise _Malformed("expected a property name in double quotes", start)
            self._space()
            self._expect(":")
            self._space()
            folded = name.casefold()
            if folded in _ENVELOPE_KEYS and self._at("["):
                self.inventory = True  # an envelope, even of an empty page
                self._lists = set() if folded == "value" and not nested else None
                rows = self._array()
                envelope, lists, self._lists = folded, self._lists, None
            elif folded == "data" and self._at("{") and not nested:
                envelope = self._object(nested=True) and folded
            else:
                token_at = self.pos if folded in _PAGING_KEYS else token_at
                own[name] = self._value()
            self._space()
            if not self._at(","):
                break
            self.pos += 1
            self._space()
        self._expect("}")
        if envelope == "value" and lists is not None and not self._names_a_query(own):
            self._list_page(own, rows, token_at if token_at >= 0 else start, lists)
        elif envelope and not nested:
            self._page(own, rows, token_at if token_at >= 0 else start)
        if not envelope and (self._is_record(own) or self._unread_cmdlet(own)):
            self._item(start, own)
            self.inventory = True
            envelope = "object"
        return envelope

    def _page(self, own: dict, rows: int, at: int) -> None:
        """The page record of an envelope that states the query's number of rows (see `ExportPage`),
        unless it holds them all, marked at its skip token (`at`): counted from the start when the token is
        written before the rows, whose walk has moved the line count past it."""
        folded = {k.casefold(): v for k, v in own.items()}
        total = next((folded[k] for k in _TOTAL_KEYS if k in folded), None)
        name = next((k for k in own if k.casefold() in _TOKEN_KEYS), "")
        if total is None and name:
            total = -1  # Search-AzGraph's page names its token and no total
        if not isinstance(total, int) or isinstance(total, bool):
            return
        token = own.get(name) if name else None
        token = token.strip() if isinstance(token, str) else ""
        if not token and 0 <= total <= rows:
            return  # the whole query in one page: no other page to look for
        if at >= self._counted:  # a token after the rows (`az graph query`): counted on from the last row
            line, column = self._position(at)
        else:
            line = self.text.count("\n", 0, at) + 1
            column = at - (self.text.rfind("\n", 0, at) + 1) + 1
        mark = Mark(self.path, line, column=column)
        self.records.append(ExportPage(name if token else "", mark, rows, total, token))

    @staticmethod
    def _names_a_query(own: dict) -> bool:
        """Whether an envelope's keys are a Resource Graph page's (a skip token, a number of rows)."""
        return any(k.casefold() in _TOKEN_KEYS or k.casefold() in _TOTAL_KEYS for k in own)

    def _list_page(self, own: dict, rows: int, at: int, lists: set[str]) -> None:
        """The `ListPage` of a Resource Manager list response: at its `nextLink` (the list it asks the next
        page of), or, on a last page, at the envelope with the lists its rows may be of."""
        name = next((k for k in own if k.casefold() in _LINK_KEYS), "")
        link = own.get(name) if name else None
        link = link.strip() if isinstance(link, str) else ""
        line = self.text.count("\n", 0, at) + 1
        column = at - (self.text.rfind("\n", 0, at) + 1) + 1
        mark = Mark(self.path, line, column=column)
        if link:
            self.records.append(ListPage(name, mark, list=_list_of(link), rows=rows))
        else:
            self.records.append(ListPage("", mark, lists=frozenset(lists), rows=rows))

    def _item(self, start: int, obj: object) -> None:
        if self._first_only:
            raise _First(self._is_record(obj), bool(self._unread_cmdlet(obj)))
        if self._lists is not None and isinstance(obj, dict) and isinstance(obj.get("id"), str):
            self._lists.update(_lists_holding(obj["id"]))
        if not self.inventory:  # a bare array: an export once one item is a resource or cmdlet object
            self.inventory = self._is_record(obj)
        line, column = self._position(start)
        if self._not_read(obj, line, column):
            return
        mark = Mark(self.path, line, "", 0, column)  # by position: a quarter cheaper than by keyword
        spots = self._spots(self.text, start, self.pos, mark, cut_at=self._cut_at)
        found = self._records_of(obj, mark, spots)
        # The lines up to the object's last value marked are counted: the next object's are counted on from
        # there rather than again from this object's `{` (a VM's marks reach its last lines).
        offset, line, line_start = spots.counted()
        if offset > self._counted:
            self._counted, self._line, self._line_start = offset, line, line_start
        if found and type(found[0]) is self._collapsed_type:
            self.collapsed.append(found[0])
        elif found and type(found[0]) is UncheckedResource:
            # Kept in the document too: a plan with no step names what the export lists and left unchecked.
            self.unstated.append(found[0])
            self.records.append(found[0])
        elif found and type(found[-1]) is self._collapsed_type:  # a Get-AzureVM object read in part
            self.records.extend(found[:-1])
            self.partial.append(found[-1])
        else:
            self.records.extend(found)

    def _not_read(self, obj: object, line: int, column: int) -> bool:
        """Whether `obj` is an object of a classic cmdlet no rule reads (Get-AzureDeployment's, ...):
        counted under its cmdlet, the first one's mark kept, the export an inventory export of it."""
        cmdlet = self._unread_cmdlet(obj)
        if not cmdlet:
            return False
        key = cmdlet.casefold()
        name, mark, count = self.unread.get(key, (cmdlet, Mark(self.path, line, "", 0, column), 0))
        self.unread[key] = (name, mark, count + 1)
        self.inventory = True
        return True

    def _position(self, offset: int) -> tuple[int, int]:
        newlines = self.text.count("\n", self._counted, offset)
        if newlines:
            self._line += newlines
            self._line_start = self.text.rfind("\n", self._counted, offset) + 1
        self._counted = offset
        return self._line, offset - self._line_start + 1

    def broken(self, message: str, pos: int) -> Document:
        """The document of an export that does not parse: the problem at the line and column of `pos`."""
        fix = ""
        in_template = _template_error(self.text)
        if in_template is not None:  # where Resource Manager, which reads comments, finds it
            (message, pos), fix = in_template, _TEMPLATE_SYNTAX_FIX
        message, pos = _at_the_end(self.text, message, pos)
        pos = min(max(pos, 0), len(self.text))
        line = self.text.count("\n", 0, pos) + 1
        column = pos - (self.text.rfind("\n", 0, pos) + 1) + 1
        mark = Mark(self.path, line, column=column)
        problem = FileProblem("syntax", f"not valid JSON: {message}", mark, fix=fix)
        return Document(self.path, FileKind.INVENTORY, "", problem=problem, text=self.text)


def _at_the_end(text: str, message: str, pos: int) -> tuple[str, int]:
    """The message and position of JSON that breaks where its text ends: an empty file is said to be
    empty, and one cut short (an export interrupted, or copied before it was all written) is said so, at
    the end of its last line, which the report shows, not on the empty line after it."""
    content = len(text.rstrip())
    if pos < content:
        return message, pos
    if not content:
        return "the file is empty (an inventory export or a template is a JSON array or object)", 0
    return f"the file ends before its JSON does ({message}), as a file cut short does", content


# What to do about a deployment template that does not parse (not the advice for an export: export it again).
_TEMPLATE_SYNTAX_FIX = (
    "Fix the JSON of the template at the position shown: Resource Manager refuses to deploy it as it is "
    "(`az deployment group validate` stops there too)."
)


def _template_error(text: str) -> tuple[str, int] | None:
    """Why and where a deployment template of classic resources that does not parse breaks, read with its
    comments as white space, as Resource Manager reads it: the JSON decoder alone stops at the first
    comment. None for a text that is no such template, or whose only fault is its comments."""
    import json

    from migcheck.readers.template import without_comments

    if not _may_be_a_template(text.lower().encode("utf-8", "replace")):
        return None
    try:
        json.loads(without_comments(text))
    except json.JSONDecodeError as error:
        return error.msg, error.pos
    except (ValueError, RecursionError):  # nested too deep, or a number too long: the first error stands
        return None
    return None


def _list_of(link: str) -> str:
    """The list call a `nextLink` asks the next page of: its address's path, lower-cased, as a resource id
    is compared ("" when the link names none)."""
    from urllib.parse import unquote, urlsplit

    try:
        path = urlsplit(link).path
    except ValueError:  # not an address (`http://[`)
        return ""
    return unquote(path).casefold().rstrip("/")


def _lists_holding(resource_id: str) -> tuple[str, ...]:
    """The list calls whose pages may hold the resource of this id, as paths lower-cased: its parent's
    (`<group>/providers/Microsoft.Network/virtualNetworks`, a network's `.../virtualNetworkPeerings`), the
    subscription's list of its type when it is in a resource group, and the `resources` lists of its group
    and its subscription, which hold every type."""
    path = resource_id.strip().casefold().rstrip("/")
    parent, parts = path.rpartition("/")[0], path.split("/")
    if len(parts) < 5 or parts[1] != "subscriptions":
        return (parent,)
    subscription = "/".join(parts[:3])
    if parts[3] != "resourcegroups":
        return (parent, f"{subscription}/resources")
    group = "/".join(parts[:5])
    return (parent, subscription + parent[len(group) :], f"{group}/resources", f"{subscription}/resources")


# --- deployment templates ------------------------------------------------------------------------------


def _may_name_a_schema(data: bytes) -> bool:
    """Whether the bytes may hold a `$schema` key, which every deployment template has: a `$`, or a `\\`
    that may escape one. A file with neither is no template, and is not lower-cased to look for one (an
    export seldom has either; lower-casing it cost 10 instructions a byte)."""
    return b"$" in data or b"\\" in data


def _may_be_a_template(lowered: bytes) -> bool:
    """Whether the bytes (their ASCII letters lower-cased) name both a deployment template's schema and
    cloud services or a classic provider: a byte search, before any parse, which nearly every `.json` file
    fails."""
    schema, *types = _TEMPLATE_SNIFF
    return any(form in lowered for form in schema) and any(
        form in lowered for forms in types for form in forms
    )


def _is_parameters_file(data: bytes, text: str) -> bool:
    """Whether the text is a deployment parameters file: its `$schema` names `deploymentParameters.json`."""
    import json

    # Looked for in the text, which may be UTF-16 (what Windows PowerShell's Out-File writes).
    if not _FIRST_KEY.match(_head(data)) or "deploymentparameters.json" not in text.lower():
        return False
    try:
        schema = _get_folded(json.loads(text), "$schema")
    except (ValueError, RecursionError):
        return False
    return isinstance(schema, str) and "deploymentparameters.json" in schema.casefold()


def _names_a_classic_provider(lowered: bytes) -> bool:
    """Whether the bytes (their ASCII letters lower-cased) name a classic provider (`Microsoft.Classic...`)."""
    return any(form in lowered for form in _TEMPLATE_SNIFF[2])


def _parses(text: str) -> bool:
    """Whether the text is JSON that parses (nested no deeper than an export may be), comments read as a
    template's are."""
    import json

    from migcheck.readers.template import without_comments

    try:
        _at_a_fixed_depth(lambda: json.loads(without_comments(text)))
    except (ValueError, RecursionError):  # JSONDecodeError is a ValueError
        return False
    return True


def _template(path: str, text: str) -> tuple[object, ...] | None:
    """The records of a deployment template (`readers.template`); None for any other text."""
    from migcheck.readers.template import read_template

    return read_template(path, text)


def _role_names(profile: object) -> tuple[str, ...]:
    """The names of the roles a cloud service's `roleProfile` lists (`roles[].name`, keys compared as
    Resource Manager compares them, without case); none when it lists none, or when a name or the list is
    an expression (`[parameters('role')]`) or not a string: which roles it deploys is then not known."""
    listed = _get_folded(profile, "roles")
    if not isinstance(listed, list):
        return ()
    names = []
    for role in listed:
        name = _get_folded(role, "name")
        if not isinstance(name, str) or _is_expression(name):
            return ()
        names.append(name[1:] if name.startswith("[[") else name)
    return tuple(names)


def _get_folded(obj: object, wanted: str) -> object:
    """The value of a JSON object's key, compared without case; None when it is not an object or lacks it."""
    if not isinstance(obj, dict):
        return None
    return next((value for name, value in obj.items() if name.casefold() == wanted), None)


def _is_expression(text: str) -> bool:
    """Whether a template string is an expression: `[` ... `]`, unless it starts with `[[` (a literal)."""
    return text.startswith("[") and text.endswith("]") and not text.startswith("[[")
