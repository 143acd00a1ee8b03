"""The records of an inventory export: which JSON object is which resource, and the fields migcheck reads
from each. `readers/inventory.py` finds the objects and where they start; this module turns one object
into the records `migcheck.inventory_model` defines, and builds nothing for objects no rule reads.

Field names are matched without regard to case (`properties`/`Properties`, `id`/`ResourceId`), and so are
resource types and ids. Shapes and the evidence for them are in the research notes (INVENTORY.md); where a
shape is only inferred, the documented variants are accepted, as each builder says.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, ValuesView
from dataclasses import dataclass, replace
from sys import intern
from typing import ClassVar, TypeGuard

from migcheck.clouds import cloud_of_url
from migcheck.inventory_model import (
    CLASSIC_ROLES,
    AlertRule,
    ApplicationGateway,
    AutoscaleSetting,
    CircuitLink,
    ClassicNetwork,
    ClassicNetworkSecurityGroup,
    ClassicReservedIp,
    ClassicStorageAccount,
    ClassicVm,
    DefenderPlan,
    ExpressRouteCircuit,
    LinkAuthorization,
    ResourceId,
    RoleAssignment,
    ServiceInVnet,
    ServiceKind,
    UncheckedResource,
    VnetPeering,
    key,
    own_type,
    parse_id,
    subscription_key,
)
from migcheck.model import (
    DEPLOYMENT_LOCKED,
    KIND_UNSAID_BY_EXPORT,
    AclRule,
    AddressPrefix,
    AffinityGroupRegion,
    CloudInUse,
    ConnectionState,
    Deployment,
    Disk,
    DiskPlace,
    DnsServer,
    EndpointAcl,
    ExtendedSupportService,
    Extension,
    ExtensionStatus,
    Image,
    InputEndpoint,
    InternalLoadBalancer,
    Mark,
    NameRef,
    Role,
    RoleInstance,
    RoleType,
    ServiceRegion,
    Subnet,
    UnplacedDisk,
    VirtualNetwork,
    is_stand_in,
    lun_key,
    shown_at,
    storage_account,
)
from migcheck.readers.xml import Unreadable, local_name, parse

# --- reading values whatever their case ----------------------------------------------------------------


def get(obj: object, name: str, *others: str) -> object:
    """The value of the first of `name` and `others` that `obj` (a JSON object) has, matched exactly first
    and then without regard to case; None when it has none of them or is not an object. (The first name
    apart: a builder asks for one name half a million times in a large export, and one name packs no
    tuple of them.)"""
    if not isinstance(obj, dict):
        return None
    if name in obj:
        return obj[name]
    for other in others:
        if other in obj:
            return obj[other]
    names = (name, *others)
    wanted = _FOLDED.get(names)
    if wanted is None:
        wanted = _FOLDED[names] = frozenset(n.casefold() for n in names)
    for k, v in obj.items():
        if isinstance(k, str) and k.casefold() in wanted:
            return v
    return None


# The names `get` is asked for, case-folded: the builders ask for a few dozen sets of names, hundreds of
# thousands of times in a large export.
_FOLDED: dict[tuple[str, ...], frozenset[str]] = {}


def has(obj: object, name: str) -> bool:
    return isinstance(obj, dict) and (
        name in obj or any(isinstance(k, str) and k.casefold() == name.casefold() for k in obj)
    )


def text(value: object) -> str:
    """A string, stripped; anything else (null, a boolean, a number, an object, a list) as "": what names
    something (an id, a name, a state, an address) is a string, and a value of another JSON type says
    nothing of it (`"attachedTo": {"id": 5}` names no cloud service, `"powerState": true` is no state)."""
    if type(value) is str:  # nearly always: tested first
        # One object for each value however many records hold it (a size, a protocol, a state, a
        # publisher): the decoder makes a string per occurrence, 15 MB of a 50 MB export's peak.
        return intern(value.strip())
    return value.strip() if isinstance(value, str) else ""


# Each set of facts a VM's row leaves unknown, once: most rows leave out the same few (none, mostly), and an
# empty frozenset alone is 216 bytes, 3 MB of a 50 MB export's records when each VM had its own.
_FACTS_UNKNOWN: dict[frozenset[str], frozenset[str]] = {}


def facts_unknown(unknown: set[str]) -> frozenset[str]:
    """`unknown` as the frozenset `Role.unknown` holds, shared with every other VM that leaves out the same."""
    found = frozenset(unknown)
    return _FACTS_UNKNOWN.setdefault(found, found)


def number_text(value: object) -> str:
    """A whole number or a string as text: a port, a LUN, a rule's order, which exports write either way;
    anything else (a boolean, a fraction, `1e308`, an object) as ""."""
    if isinstance(value, int) and not isinstance(value, bool):
        # One string per port however many endpoints name it, as `text` keeps one per value: a string per
        # endpoint was 3 MB of a 50 MB export's records.
        return intern(str(value))
    return text(value)


def boolean(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and key(value) in ("true", "false"):
        return key(value) == "true"
    return None


def integer(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdecimal() and len(value.strip()) < 10:
        return int(value.strip())
    return None


def items(value: object) -> list:
    """A JSON array as a list; a single object where an array was expected (ConvertTo-Json writes one
    item without its array) as a list of one; anything else as empty."""
    if isinstance(value, list):
        return value
    return [value] if isinstance(value, dict) else []


def strings(value: object) -> tuple[str, ...]:
    return tuple(s for s in (text(v) for v in items(value) or [value]) if s)


# --- one object of the export ----------------------------------------------------------------------------


# What may follow a key's closing quote: JSON's whitespace, then its colon.
_KEY_END = re.compile(r"[ \t\r\n]*:")


def _written_ways(value: str) -> list[str]:
    """How JSON writers write the string `value`: as it is, with `/` escaped (.NET's serializers write
    `\\/`), with everything but ASCII escaped (`ensure_ascii`), and with both."""
    import json

    plain = value.isprintable() and '"' not in value and "\\" not in value
    raw = f'"{value}"' if plain else json.dumps(value, ensure_ascii=False)
    ascii_only = raw if raw.isascii() else json.dumps(value)
    ways = [raw, raw.replace("/", "\\/"), ascii_only, ascii_only.replace("/", "\\/")]
    return list(dict.fromkeys(ways))


# How many values `Spots.values` looks for in an object's text without finding them, before it looks for the
# rest only among those its callers pass (each such search reads the rest of the object).
_MISSES_SEARCHED = 16


class Spots:
    """Where values of one object of an export are written, so that a finding about a field points at the
    field rather than at the object's `{` (a classic VM's object runs to a hundred lines and more).

    Values are found in the object's text as JSON writes them. A list's values are looked for one after
    the other, each after the one before, so the cost stays linear in the object however long the list;
    once one is not found (written with other escapes), the rest of the list keeps the object's mark."""

    # Whether the object is a resource the file creates (a template's, a script's call, a Terraform
    # block) rather than a row of an export that lists what exists (`ServiceInVnet.created`).
    creates: ClassVar[bool] = False

    __slots__ = (
        "_cut_at",
        "_keys",
        "_line",
        "_line_start",
        "_offset",
        "_way",
        "end",
        "mark",
        "passed",
        "start",
        "text",
    )

    def __init__(
        self, text: str, start: int, end: int, mark: Mark, *, cut_at: Sequence[int] | None = None
    ) -> None:
        self.text = text
        self.start = start  # the object's `{`
        self.end = end  # just after its `}`
        self.mark = mark  # the object's own
        self._keys: dict[str, int] = {}
        self._way = 0  # of `_written_ways`: the one that found the last value
        # Where the whole text has a string that starts as a value ConvertTo-Json cut short does, but those
        # no walk reads (`cut_short_values`), found once for the text: an object holds one only if one of
        # these is inside it. None when not known: every object may then hold one.
        self._cut_at = cut_at
        # The last offset marked, its line and where that line starts (before the object's `{` on its
        # first line, so that columns there count from the object's own): each mark counts the lines
        # between it and the one before, not the whole object.
        self._offset, self._line, self._line_start = start, mark.line, start - mark.column + 1
        # Where another file writes the strings it passes the object's file (a Bicep module's caller its
        # `params`, an ARM deployment its linked template's `parameters`), by value: a value the object
        # does not write is marked there, where a user changes it.
        self.passed: Mapping[str, Mark] | None = None

    def key(self, name: str) -> int:
        """The offset of the first key `name` in the object, in the case written or another; -1 if none.
        Asked only for keys whose value the object has, so the slower search for another case is rare."""
        found = self._keys.get(name)
        if found is None:
            found = self._keys[name] = self._find_key(name)
        return found

    def _find_key(self, name: str) -> int:
        written = f'"{name}"'
        text, end = self.text, self.end
        at = text.find(written, self.start, end)
        # Most writers put the colon right after the key (`"name": value`): tested before the pattern.
        while at >= 0 and not (
            text.startswith(":", at + len(written), end) or _KEY_END.match(text, at + len(written), end)
        ):
            at = text.find(written, at + 1, end)  # the name as a value: look further
        if at >= 0:
            return at
        other = re.compile(re.escape(written) + _KEY_END.pattern, re.IGNORECASE)
        found = other.search(self.text, self.start, self.end)
        return found.start() if found else -1

    def value(self, name: str) -> Mark:
        """Where the value of the first key `name` is written, past its colon (`null` too, which says
        "none" of the field); the object's mark when the object has no such key."""
        at = self.value_offset(name)
        return self._mark_of(at) if at >= 0 else self.mark

    def value_offset(self, name: str) -> int:
        """The offset in `text` where the value of the first key `name` is written, past its colon; -1 when
        the object has no such key."""
        at = self.key(name)
        if at < 0:
            return -1
        text, end = self.text, self.end
        at = text.find(":", at + len(name) + 2, end) + 1  # the key was found followed by its colon
        while at < end and text[at] in " \t\r\n":
            at += 1
        return at

    def values(self, values: list[str], under: str) -> list[Mark]:
        """The marks of `values` (strings), written in this order after the key `under` (from the object's
        start when `under` is ""); lines are counted from one to the next, once."""

        marks: list[Mark] = []
        at = (self.key(under) if under else self.start) if values else -1
        misses = 0
        for value in values:
            found = self._find(value, at) if at >= 0 else -1
            if found < 0:
                elsewhere = self.passed.get(value) if self.passed else None
                marks.append(elsewhere or self.mark)
                misses += 1
                # Each value not written here is looked for to the object's end: past a few, those after are
                # looked for only among the values passed, so that the object is read a bounded number of times.
                at = at if elsewhere is not None and misses < _MISSES_SEARCHED else -1
                continue
            marks.append(self._mark_of(found))
            at = found + 1
        return marks

    def keys(self, name: str) -> list[Mark]:
        """The marks of every key `name` in the object (at any depth), in the order written: in the case
        written, else in any case; lines are counted from one to the next, once."""
        written = f'"{name}"'
        offsets = []
        at = self.text.find(written, self.start, self.end)
        while at >= 0:
            if _KEY_END.match(self.text, at + len(written), self.end):
                offsets.append(at)
            at = self.text.find(written, at + 1, self.end)
        if not offsets and self.end > self.start:
            other = re.compile(re.escape(written) + _KEY_END.pattern, re.IGNORECASE)
            offsets = [found.start() for found in other.finditer(self.text, self.start, self.end)]
        return [self._mark_of(offset) for offset in offsets]

    def _find(self, value: str, after: int) -> int:
        """Where the string `value` is written, from `after`; -1 if in none of the ways JSON writers write
        it. The way that found the last value is tried first: an export writes every value one way, and a
        way that misses costs a search to the end of the object."""
        if self._way == 0 and value.isprintable() and '"' not in value and "\\" not in value:
            found = self.text.find(
                f'"{value}"', after, self.end
            )  # the common case, without building the others
            if found >= 0:
                return found
        ways = _written_ways(value)
        first = ways[self._way] if self._way < len(ways) else ways[0]
        found = self.text.find(first, after, self.end)
        for index, written in enumerate(ways):
            if found >= 0:
                break
            if written != first:
                found = self.text.find(written, after, self.end)
                self._way = index if found >= 0 else self._way
        return found

    def may_hold_collapsed(self) -> bool:
        """Whether the object's text has a string that starts as ConvertTo-Json writes a value it cut short
        (`"@{`, `"System.`, `"Microsoft.WindowsAzure.`, `"Microsoft.Azure.`); always, when the text is not at
        hand or where such strings are is not known. Most objects have none, and need not be walked for one."""
        if self.end <= self.start:
            return True
        if self._cut_at is None:
            return any(self.text.find(start, self.start, self.end) >= 0 for start in _COLLAPSED_STARTS)
        first = bisect_left(self._cut_at, self.start)
        return first < len(self._cut_at) and self._cut_at[first] < self.end

    def at(self, offset: int) -> Mark:
        """The mark of an offset inside the object (`-1`: the object's own)."""
        return self.mark if offset < 0 else self._mark_of(offset)

    def _mark_of(self, offset: int) -> Mark:
        """The mark of an offset inside the object: its line counted from the offset marked before, in
        either direction. The builders mark values mostly in the order written, so the object's lines are
        counted about once however many values are marked (splitting the object into lines for it cost
        more than the counting)."""
        text, before = self.text, self._offset
        if offset >= before:
            newlines = text.count("\n", before, offset)
            if newlines:
                self._line += newlines
                self._line_start = text.rfind("\n", before, offset) + 1
        else:
            self._line -= text.count("\n", offset, before)
            start = text.rfind("\n", self.start, offset) + 1
            self._line_start = start if start else self.start - self.mark.column + 1
        self._offset = offset
        # By position (path, line, tag, nth, column): a quarter cheaper than by keyword, for each of the
        # ten values a VM's row marks.
        return Mark(self.mark.path, self._line, "", 0, offset - self._line_start + 1)

    def counted(self) -> tuple[int, int, int]:
        """(offset, line, offset of that line's start) of the value marked last: how far the object's lines
        have been counted, for the walk to count on from there to the next object."""
        return self._offset, self._line, self._line_start

    @classmethod
    def nowhere(cls, mark: Mark) -> Spots:
        """For an object whose text is not at hand: every value is at its mark."""
        return cls("", 0, 0, mark)


# Not frozen: a frozen dataclass sets each field through `object.__setattr__`, which made an item cost five
# times as much to build, once for each row of an export. Nothing changes one once built.


@dataclass(frozen=True, slots=True)
class Written:
    """Where a file that is not JSON writes the keys and strings of its objects, as its parser found them (a
    Bicep file's syntax tree), each list in the order written: `keys` as (offset of the key, the key, offset
    of its value), `strings` as (offset of the string's opening quote, its value)."""

    keys: tuple[tuple[int, str, int], ...]
    strings: tuple[tuple[int, str], ...]


class CreatedSpots(Spots):
    """The `Spots` of a JSON template's classic resource: its values searched for as JSON writes them, as
    an export row's are, but of a resource the file creates (`_states_nothing_read`)."""

    creates = True

    __slots__ = ()


class WrittenSpots(Spots):
    """The `Spots` of an object whose keys and strings are located already (`Written`): looked up there,
    not searched for as JSON writes them."""

    creates = True  # a template's resource

    __slots__ = ("_string_offsets", "_written")

    def __init__(self, text: str, start: int, end: int, mark: Mark, written: Written) -> None:
        super().__init__(text, start, end, mark, cut_at=[])
        self._written = written
        self._string_offsets = [at for at, _ in written.strings]

    def _find_key(self, name: str) -> int:
        keys = self._written.keys
        found = next((at for at, written, _ in keys if written == name), -1)
        if found < 0:
            folded = name.casefold()
            found = next((at for at, written, _ in keys if written.casefold() == folded), -1)
        return found

    def value_offset(self, name: str) -> int:
        at = self.key(name)
        return next((value for offset, _, value in self._written.keys if offset == at), -1)

    def keys(self, name: str) -> list[Mark]:
        keys = self._written.keys
        offsets = [at for at, written, _ in keys if written == name]
        if not offsets:
            folded = name.casefold()
            offsets = [at for at, written, _ in keys if written.casefold() == folded]
        return [self._mark_of(offset) for offset in offsets]

    def _find(self, value: str, after: int) -> int:
        strings = self._written.strings
        for index in range(bisect_left(self._string_offsets, after), len(strings)):
            if strings[index][1] == value:
                return strings[index][0]
        return -1


class ExpressionSpots(Spots):
    """The `Spots` of a deployment template's resource whose values its expressions work out: a value not
    written as it is is looked for as the expression that gives it is written (`written_as`)."""

    creates = True  # a template's resource

    __slots__ = ("_written_as",)

    def __init__(self, text: str, start: int, end: int, mark: Mark, written_as: dict[str, str]) -> None:
        super().__init__(text, start, end, mark, cut_at=[])
        self._written_as = written_as

    def _find(self, value: str, after: int) -> int:
        found = super()._find(value, after)
        written = self._written_as.get(value)
        return super()._find(written, after) if found < 0 and written is not None else found


@dataclass(slots=True, eq=False)
class Item:
    """One resource object of an export, with what every builder needs."""

    obj: dict
    id: ResourceId
    name: str
    subscription: str
    properties: object  # the `properties` object; None (or not an object) when the export leaves it out
    mark: Mark
    spots: Spots
    # The key the properties are written under: "" when the row writes them at its top (`az network vnet
    # list` and the az CLI's other `list` commands), where they are looked for from the row's start.
    under: str = "properties"


Builder = Callable[[Item], Iterable[object]]


# --- values ConvertTo-Json cut short ---------------------------------------------------------------------

# What ConvertTo-Json writes for an object or array nested deeper than its `-Depth` (2 unless told): the
# value's ToString(), `@{name=value; ...}` for the objects Search-AzGraph and Get-AzResource return,
# `System.Object[]` for an array, a .NET type name (`System.Collections.Hashtable`) for others, among them
# the classic module's own (`Microsoft.WindowsAzure.Commands.ServiceManagement.Model.PersistentVM`) and the
# Az modules' (`Microsoft.Azure.Commands.Network.Models.PSResourceId`, from `Get-AzVirtualNetwork`).
_TYPE_NAME = r"(?:System|Microsoft\.WindowsAzure|Microsoft\.Azure)\.[\w.`]+(?:\[[^\]]*\])*"
# (A list whose items PowerShell turns into text one by one is written as their names, space-separated.)
_COLLAPSED = re.compile(rf"@\{{.*\}}|{_TYPE_NAME}(?: {_TYPE_NAME})*", re.DOTALL)
_COLLAPSED_STARTS = ('"@{', '"System.', '"Microsoft.WindowsAzure.', '"Microsoft.Azure.')


def cut_short_starts(text: str) -> list[int]:
    """The offsets, in order, of every string in `text` that starts as ConvertTo-Json writes a value it cut
    short (see `Spots.may_hold_collapsed`): one search of the text for each way such a value starts, rather
    than four searches of each object (an extension's publisher, `"Microsoft.Azure.Security.Monitoring"`,
    starts as a type name does)."""
    found: list[int] = []
    for start in _COLLAPSED_STARTS:
        at = text.find(start)
        while at >= 0:
            found.append(at)
            at = text.find(start, at + 1)
    return sorted(found)


def cut_short_values(text: str) -> list[int]:
    """`cut_short_starts`, but the strings that are surely the values of keys no walk for values cut short
    reads (`_read_elsewhere`): an extension's publisher, `"Microsoft.Azure.Security.Monitoring"`, starts as
    a type name does, and had every VM row that names it walked along every path its builder reads."""
    return [at for at in cut_short_starts(text) if not _read_elsewhere(text, at)]


def _read_elsewhere(text: str, at: int) -> bool:
    """Whether the string whose `"` is at `at` is the value of a key that is no step of the paths the walks
    for values cut short read (`CUT_SHORT_KEYS`), told from the text before it: a `:`, the key's closing
    quote, the key without a `\\`, and the `{` or `,` before it. Anything else (an array's item, a key, a
    key written with escapes) may be on a path, and is kept. Only the objects the decoder read are walked,
    so the text around such a string is JSON: a `"` not escaped is a string's."""
    colon = _before(text, at)
    if colon < 0 or text[colon] != ":":
        return False
    closing = _before(text, colon)
    if closing < 0 or text[closing] != '"':
        return False
    opening = text.rfind('"', 0, closing)
    name = text[opening + 1 : closing]
    if opening < 0 or "\\" in name:
        return False
    opener = _before(text, opening)
    return opener >= 0 and text[opener] in "{," and name.casefold() not in CUT_SHORT_KEYS


def _before(text: str, at: int) -> int:
    """The offset of the last character before `at` that is not JSON's white space; -1 if none."""
    at -= 1
    while at >= 0 and text[at] in " \t\r\n":
        at -= 1
    return at


def collapsed(value: object) -> TypeGuard[str]:
    """Whether `value`, found where an object or an array belongs, is what ConvertTo-Json wrote for one
    nested too deeply."""
    return isinstance(value, str) and _COLLAPSED.fullmatch(value) is not None


@dataclass(frozen=True, slots=True)
class Collapsed:
    """What `records` gives for an object of the export whose nested properties ConvertTo-Json wrote as
    strings: none of its records, since what it says is cut short. `field` is the first such property
    (`properties.hardwareProfile`), `value` what was written for it, `mark` where. `kept`, for a VM read in
    part all the same (`Get-AzureVM`'s), is what the export still says of it."""

    field: str
    value: str
    mark: Mark
    kept: str = ""


def unchecked(
    rtype: str, mark: Mark, name: str, *, left_out: bool = False, empty: bool = False
) -> UncheckedResource:
    """What `records` gives for a resource whose `properties` the export writes as null or leaves out:
    `az resource list` and `Get-AzResource` (without `-ExpandProperties`) list resources from Resource
    Manager's cache, properties null, so nothing of them can be checked; a Resource Graph query whose
    `project` leaves the column out (`left_out`) says as little, and so do properties written as an object
    that holds nothing the rules read (`empty`). `mark` is at its `properties` (its `{` when it has none)."""
    noun, _ = unknown_without_properties(rtype)
    return UncheckedResource(name, mark, rtype, noun, left_out, empty)


def unknown_without_properties(rtype: str) -> tuple[str, str]:
    """What a resource of type `rtype` is called, and what an export that writes no properties for it
    leaves unknown, in words (see `UNKNOWN_WITHOUT_PROPERTIES`, `DESCRIBED_BY_OTHERS`)."""
    return UNKNOWN_WITHOUT_PROPERTIES.get(rtype) or DESCRIBED_BY_OTHERS[rtype]


# The objects and arrays each builder reads, below `properties` (an object itself): the places where an
# export written without enough `-Depth` has strings instead. `name[]` is an array of objects, whose items
# are looked at too; an array of strings (`subnetNames`) is looked at as a whole. Fields that are strings
# by nature are not listed: a name or a description may well start with `@{`.
NESTED: dict[str, tuple[str, ...]] = {
    "microsoft.classiccompute/virtualmachines": (
        "domainName",
        "hardwareProfile",
        "networkProfile.virtualNetwork.subnetNames",
        "networkProfile.virtualNetwork.networkInterfaces[].ipConfigurations[]",
        "storageProfile.operatingSystemDisk",
        "storageProfile.dataDisks[]",
        "instanceView.guestAgentStatus",
        "debugProfile",
        "extensions[]",
    ),
    "microsoft.classicnetwork/reservedips": ("attachedTo",),
    "microsoft.classicnetwork/virtualnetworks": (
        "addressSpace.addressPrefixes",
        "subnets[]",
        "dhcpOptions.dnsServers",
    ),
    "microsoft.network/virtualnetworks": (
        "virtualNetworkPeerings[].properties.remoteVirtualNetwork",
        "virtualNetworkPeerings[].remoteVirtualNetwork",  # a peering's properties at its top (az CLI)
    ),
    "microsoft.network/virtualnetworks/virtualnetworkpeerings": ("remoteVirtualNetwork",),
    "microsoft.network/expressroutecircuits": ("authorizations[].properties",),
    "microsoft.apimanagement/service": (
        "virtualNetworkConfiguration",
        "additionalLocations[].virtualNetworkConfiguration",
    ),
    "microsoft.hdinsight/clusters": ("computeProfile.roles[].virtualNetworkProfile",),
    "microsoft.aad/domainservices": ("replicaSets[]",),
    "microsoft.web/hostingenvironments": ("virtualNetwork",),
    "microsoft.insights/alertrules": ("condition.dataSource",),
    "microsoft.insights/metricalerts": ("scopes", "condition.allOf[]"),
    "microsoft.insights/activitylogalerts": ("scopes", "condition.allOf[]"),
    "microsoft.insights/autoscalesettings": ("profiles[].rules[].metricTrigger",),
}


def _collapsed_in(item: Item, rtype: str) -> Collapsed | None:
    """The first value of `item` (in the text) that ConvertTo-Json cut short, among its `properties` and
    the nested properties its builder reads, each path looked at from its first step (`networkProfile` as
    well as `networkProfile.virtualNetwork`); None when there is none. Looked for only when the object's
    text shows such a value, or when its text is not at hand."""
    if not item.spots.may_hold_collapsed():
        return None
    if collapsed(item.properties):
        return _collapsed_at(item.spots, "properties", item.properties)
    found = (_collapsed_on(item.properties, path.split("."), item.under) for path in NESTED.get(rtype, ()))
    cut = [_collapsed_at(item.spots, where.lstrip("."), value) for where, value in filter(None, found)]
    return min(cut, key=lambda c: (c.mark.line, c.mark.column), default=None)


def _collapsed_on(value: object, steps: list[str], where: str) -> tuple[str, str] | None:
    """(path, value) of the first value cut short along `steps` from `value`: the value of each step,
    and each item of the array of a step `name[]`."""
    step = steps[0]
    name = step.removesuffix("[]")
    child = get(value, name)
    where = f"{where}.{name}"
    nested = items(child) if step.endswith("[]") else [child]
    for one in (child, *nested):
        if collapsed(one):
            return where, one
    for one in nested if len(steps) > 1 else ():
        found = _collapsed_on(one, steps[1:], where)
        if found is not None:
            return found
    return None


def _collapsed_at(spots: Spots, where: str, value: str) -> Collapsed:
    """The value cut short at `where`, marked where it is written after its key."""
    [mark] = spots.values([value], where.rsplit(".", 1)[-1])
    return Collapsed(where, value, mark)


def records(obj: object, mark: Mark, spots: Spots | None = None) -> tuple[object, ...]:
    """The records one object of an export holds: none for an object no rule reads (a resource of a type
    that does not matter here), only an `UncheckedResource` for one whose `properties` the export writes as
    null or leaves out (`unchecked`), a cloud service's included (`DESCRIBED_BY_OTHERS`), and only a
    `Collapsed` for a resource row whose nested properties ConvertTo-Json cut short.
    A `Get-AzureVM` object so cut is read in part: its VM, then the `Collapsed` (see `_get_azure_vm`).
    `spots` says where the object's values are written, when its text is at hand."""
    if not isinstance(obj, dict):
        return ()
    # One look at the row's own keys in any case: large exports are mostly rows of types no rule reads,
    # and those are passed over here before anything else is built.
    folded = {k.casefold(): v for k, v in obj.items() if isinstance(k, str)}
    rtype = key(text(folded.get("type", folded.get("resourcetype"))))
    if rtype and rtype not in BUILDERS:
        return _described_by_others(folded, rtype, mark, spots) if rtype in DESCRIBED_BY_OTHERS else ()
    written_id = text(folded.get("id", folded.get("resourceid")))
    rid = parse_id(written_id)
    # A row without a `type` column (`| project id, name, properties`) is of the type its id ends with.
    rtype = rtype or own_type(written_id)
    if not rtype:
        if is_get_azure_vm(obj):
            return _get_azure_vm(obj, mark, spots or Spots.nowhere(mark))
        if is_persistent_vm(obj):
            return _persistent_vm(obj, mark, spots or Spots.nowhere(mark))
        if is_disk_context(obj):
            return (_disk_context(obj, mark, spots or Spots.nowhere(mark)),)
        if is_ps_role_assignment(obj):
            return tuple(_role_assignment(_ps_role_assignment(obj, mark, spots or Spots.nowhere(mark))))
        if is_cli_vm(obj):
            return _cli_vm(obj, mark, spots or Spots.nowhere(mark))
        if is_deployment_context(obj):
            return _deployment_context(obj, mark, spots or Spots.nowhere(mark))
        if is_internal_load_balancer_context(obj):
            return _internal_load_balancer_context(obj, mark, spots or Spots.nowhere(mark))
        if is_vnet_config(obj):
            from migcheck.readers.vnet_config_export import network_configuration

            return network_configuration(obj, spots or Spots.nowhere(mark))
        return tuple(_asm_records(obj, mark, spots or Spots.nowhere(mark)))
    builder = BUILDERS.get(rtype)
    if builder is None:
        return _described_by_others(folded, rtype, mark, spots) if rtype in DESCRIBED_BY_OTHERS else ()
    name = text(folded.get("name", folded.get("resourcename"))) or rid.name
    if not name and "properties" not in folded:  # a type alone names no resource (`is_resource_row`)
        return ()
    subscription = subscription_key(text(folded.get("subscriptionid"))) or rid.subscription
    spots = spots or Spots.nowhere(mark)
    if "properties" in folded:
        item = Item(obj, rid, name, subscription, folded["properties"], mark, spots)
    elif _writes_read_properties(rtype, folded) or rtype in READ_WITHOUT_PROPERTIES:
        item = Item(obj, rid, name, subscription, _flattened(obj), mark, spots, under="")
    else:  # a projection of nothing its reader reads: it exists
        return (unchecked(rtype, mark, name, left_out=True),)
    if item.properties is None and rtype not in READ_WITHOUT_PROPERTIES:
        return (unchecked(rtype, spots.at(spots.key("properties")), name),)
    if _states_nothing_read(rtype, item.properties, created=spots.creates):
        return (unchecked(rtype, spots.at(spots.key("properties")), name, empty=True),)
    cut_short = _collapsed_in(item, rtype)
    if cut_short is not None:
        return (cut_short,)
    if rtype == _CLASSIC_VM and not isinstance(item.properties, dict):
        # `[]`, `"x"`, `1`: no export writes them, and the VM's reader would pass the row over without a word
        return (unchecked(rtype, spots.at(spots.key("properties")), name, empty=True),)
    return tuple(builder(item))


def _states_nothing_read(rtype: str, properties: object, *, created: bool = False) -> bool:
    """Whether `properties` of a row is an object that holds none of the properties the reader of its type
    reads at its top (`READ_AT_TOP`): `{}`, or only a `provisioningState`. Such a row says no more than one
    whose properties are null, and each reader would take what it leaves out as a fact a rule judges: a VM
    in no network, with no endpoint, disk or state (a VM that passes Validate); a reserved IP of no address
    that the plan moves on its own; a storage account of no type, a Standard one whose VMs' disks pass; a
    Resource Manager network with no classic peering; a circuit, role assignment, alert or autoscale setting
    that reaches no classic resource; a service in no classic network; a Defender plan not on Standard. A
    resource a file creates (a template's `{}`) is created with the platform's defaults, which is what is
    read of it. The types of `_EMPTY_SAYS_IT_EXISTS` keep what such a row says."""
    if rtype in _EMPTY_SAYS_IT_EXISTS or rtype not in READ_AT_TOP or not isinstance(properties, dict):
        return False
    if created and rtype != _CLASSIC_VM:
        return False
    read = READ_AT_TOP[rtype]
    if _EVERY in read:  # every value is read (a RemoteApp collection's): all but its provisioning state
        return all(isinstance(k, str) and k.casefold() == "provisioningstate" for k in properties)
    return not any(isinstance(k, str) and k.casefold() in read for k in properties)


# The types whose row with empty properties (`{}`) says what the rules need of it, that the resource exists:
# a classic network, named, its definition unknown (`ClassicNetwork.network` None); a classic network
# security group, moved by its name and not known to be unattached (`use_known`); a service on Cloud
# Services (extended support), whose name is the evidence. Rows of every other type read (`BUILDERS`) are
# left unchecked, as rows whose properties are null are. A cloud service (`domainnames`) is described by the
# rows of its VMs (`DESCRIBED_BY_OTHERS`); the classic gateways, deployments and roles are children Resource
# Graph does not index: no row of theirs is read.
_EMPTY_SAYS_IT_EXISTS = frozenset(
    {
        "microsoft.classicnetwork/virtualnetworks",
        "microsoft.classicnetwork/networksecuritygroups",
        "microsoft.compute/cloudservices",
    }
)


def _described_by_others(folded: dict, rtype: str, mark: Mark, spots: Spots | None) -> tuple[object, ...]:
    """A row of a type whose resources other rows describe (`DESCRIBED_BY_OTHERS`): nothing when it writes
    its properties, which say nothing the rules read; unchecked when it writes none, since the rows that
    describe it then write none either (an export without properties leaves them out of every row)."""
    if "properties" in folded and folded["properties"] is not None:
        return ()
    written_id = text(folded.get("id", folded.get("resourceid")))
    name = text(folded.get("name", folded.get("resourcename"))) or parse_id(written_id).name
    if not name:  # a type alone names no resource (`is_resource_row`)
        return ()
    if "properties" not in folded:
        return (unchecked(rtype, mark, name, left_out=True),)
    spots = spots or Spots.nowhere(mark)
    return (unchecked(rtype, spots.at(spots.key("properties")), name),)


def _writes_read_properties(rtype: str, folded: dict) -> bool:
    """Whether a row without `properties` (its keys lower-cased in `folded`) writes at its top a property
    that the reader of its type reads (`READ_AT_TOP`), as the az CLI's `list` commands write them (`az
    network vnet list`: `virtualNetworkPeerings`). A projection of the resource's own columns and of values
    computed from its properties (`| project id, name, type, status=properties.status`, or `az resource
    list --query` with `provisioningState`) holds none: nothing of it can be checked."""
    read = READ_AT_TOP[rtype]
    return any(k not in _OWN_KEYS and (k in read or _EVERY in read) for k in folded)


# What a resource row writes of the resource itself, beside its properties: Resource Graph's columns, what
# `az resource list`, `Get-AzResource` and `Search-AzGraph` write, and what every resource of the az CLI's
# `list` commands has (`etag`), lower-cased. A row without `properties` that holds one of the properties
# its reader reads beside them writes its properties at its top (`_writes_read_properties`).
_OWN_KEYS = frozenset(
    {
        "id",
        "resourceid",
        "name",
        "resourcename",
        "type",
        "resourcetype",
        "kind",
        "location",
        "resourcegroup",
        "resourcegroupname",
        "subscriptionid",
        "tenantid",
        "managedby",
        "sku",
        "plan",
        "tags",
        "tagstable",
        "identity",
        "zones",
        "extendedlocation",
        "apiversion",
        "etag",
        "systemdata",
        "createdtime",
        "changedtime",
        "parentresource",
        "extensionresourcename",
        "extensionresourcetype",
    }
)


def _flattened(obj: dict) -> dict:
    """The properties of a row that writes them at its top: the row without the resource's own keys."""
    return {k: v for k, v in obj.items() if not (isinstance(k, str) and k.casefold() in _OWN_KEYS)}


def is_record(obj: object) -> bool:
    """An object an inventory export holds: a resource row, or one of the objects of the Service
    Management cmdlets and of the classic Azure CLI that migcheck reads (`CMDLET_OBJECTS`)."""
    return isinstance(obj, dict) and (is_resource_row(obj) or cmdlet_of(obj) is not None)


def cmdlet_of(obj: object) -> str | None:
    """The command of `CMDLET_OBJECTS` that wrote this object (a cmdlet, or the classic Azure CLI's VM
    view), told by the properties only its objects have; None for a resource row or another command's
    object."""
    if not isinstance(obj, dict):
        return None
    return next((cmdlet for cmdlet, is_one in CMDLET_OBJECTS.items() if is_one(obj)), None)


def is_resource_row(obj: dict) -> bool:
    """A resource as Resource Graph, resource lists and list calls write it: its type written as
    `namespace/type` with its name, or an id that names a provider's resource. The classic cmdlets' objects
    write no type, and the `Id` some of them write (Get-AzureVNetSite's, Get-AzureReservedIP's) is a GUID.
    A type alone names no resource: a count of each type (`summarize count() by type`) or a tool's table of
    the types it reads (`{"type": ..., "sheet": ...}`) is no export of resources. One written with its
    properties and no name is (a role assignment a script creates is named by the platform)."""
    if parse_id(text(get(obj, "id", "ResourceId"))).type:
        return True
    if "/" not in text(get(obj, "type", "ResourceType")):
        return False
    return bool(text(get(obj, "name", "ResourceName"))) or get(obj, "properties", "Properties") is not None


# --- classic resources: runtime facts --------------------------------------------------------------------


def _classic_vm(item: Item) -> Iterator[ClassicVm | ServiceRegion]:
    """A classic VM's GET shape (`microsoft.classiccompute/virtualmachines`): the facts rules read, each
    left unknown when the export leaves it out or writes it as null (only a value says "none": `[]`
    subnets), each marked where the export writes it. The availability set is the exception, as
    `_availability_set` says."""
    props = item.properties
    if not isinstance(props, dict):
        return
    spots = item.spots
    # Values are marked in the order a row writes them (hardware, network, storage, instance view, debug
    # profile, extensions): each mark counts lines on from the one before, and marks made out of that
    # order counted a VM's lines three times over.
    hardware, network = get(props, "hardwareProfile"), get(props, "networkProfile")
    service = text(get(get(props, "domainName"), "name")) or item.id.resource_group
    availability, left_out = _availability_set(hardware)
    availability_mark = _availability_set_mark(spots, availability or "", "availabilitySet")
    locked = _deployment_locked(hardware, spots)
    # Annotated, not written `tuple[NameRef, ...]()`: calling a generic alias builds the alias at each row.
    vnet, group = "", ""
    subnets: tuple[NameRef, ...] = ()
    primary: tuple[NameRef, ...] = ()
    unknown: set[str] = set()
    interfaces: tuple[Interface, ...] = ()
    endpoints = get(network, "inputEndpoints")
    if not isinstance(endpoints, list):
        unknown.add("endpoints")
    endpoint_records = tuple(_endpoints(endpoints, spots))
    # The VM's `virtualNetwork`, looked up once for its name, subnets, interfaces, group and address.
    in_vnet = get(network, "virtualNetwork")
    if isinstance(network, dict):
        vnet, primary, subnets_known = _vm_network(in_vnet, spots)
        interfaces, interfaces_known = _vm_interfaces(in_vnet, spots)
        subnets = (*primary, *(ref for _, refs, _ in interfaces for ref in refs))
        subnets_known = subnets_known and interfaces_known
        group = portal_group(parse_id(text(get(in_vnet, "id"))))
        if not subnets_known:
            unknown.add("subnets")
    else:
        unknown.add("subnets")
    if availability is None:
        unknown.add("availability_set")
    static_ips = _static_ip(in_vnet, spots)
    # A VM in no virtual network writes no `subnetNames` of its own: a finding about its subnets points at
    # its row, and the row is not searched to its end for the key in any case (a fifth of the VMs of
    # `benchmarks/inventory.py`'s estate).
    no_subnet = not subnets and "subnets" not in unknown and isinstance(in_vnet, dict)
    subnets_mark = spots.value("subnetNames") if no_subnet else None
    virtual_network_mark = _value_mark(spots, vnet, "virtualNetwork")
    os_disk, data_disks = _disk_objects(get(props, "storageProfile"))
    disks = tuple(_disks(os_disk, data_disks, item.name, spots))
    accounts = tuple(_disk_accounts(os_disk + data_disks))
    if not _os_disk_placed(disks[: len(os_disk)], accounts):
        unknown.add("disks")
    instance = _instance(get(props, "instanceView"), hardware, item.name, spots)
    debug = get(props, "debugProfile")
    boot = boolean(get(debug, "bootDiagnosticsEnabled"))
    boot_mark = spots.value("bootDiagnosticsEnabled") if boot is not None else None
    blobs = tuple(
        b for b in (text(get(debug, k)) for k in ("serialOutputBlobUri", "consoleScreenshotBlobUri")) if b
    )
    extensions = get(props, "extensions")
    if not isinstance(extensions, list):
        unknown.add("extensions")
    role = Role(
        item.name,
        RoleType.PERSISTENT_VM,
        item.mark,
        size=text(get(hardware, "size")),
        availability_set=availability or "",
        subnets=subnets,
        primary_subnets=primary,
        interfaces=interfaces,
        interfaces_shape=GUESSED_INTERFACES if interfaces else "",
        endpoints=endpoint_records,
        extensions=tuple(_extensions(extensions, spots)),
        disks=disks,
        boot_diagnostics=boot,
        boot_diagnostics_mark=boot_mark,
        boot_diagnostics_blobs=blobs,
        availability_set_mark=availability_mark,
        unknown=facts_unknown(unknown),
        static_ips=static_ips,
        subnets_mark=subnets_mark,
        migration_state=locked,
        unplaced_disk=_disks_left_out(item.mark)
        if "disks" in unknown and not has(props, "storageProfile")
        else None,
    )
    yield ClassicVm(
        item.name,
        item.mark,
        service,
        text(get(hardware, "deploymentName")),  # "" when the row does not name it
        role,
        instance,
        vnet,
        isinstance(network, dict),
        item.subscription,
        accounts,
        availability_set_left_out=left_out,
        virtual_network_mark=virtual_network_mark,
        virtual_network_group=group,
    )
    region = text(get(item.obj, "location"))
    if region and service:  # the region of the VM's cloud service, which the plan's commands name
        yield ServiceRegion(service, region, item.mark, item.subscription)


def _deployment_locked(hardware: object, spots: Spots) -> NameRef | None:
    """`DEPLOYMENT_LOCKED`, marked at the value, for a row whose `hardwareProfile.deploymentLocked` is true:
    the VM's deployment is locked, perhaps by a migration's Prepare (see `DEPLOYMENT_LOCKED`); None when it
    is false or the row does not say."""
    if boolean(get(hardware, "deploymentLocked")) is not True:
        return None
    return NameRef(DEPLOYMENT_LOCKED, spots.value("deploymentLocked"))


def _availability_set(hardware: object) -> tuple[str | None, bool]:
    """(availability set, whether the row leaves out its `hardwareProfile`) of a classic VM: the set's
    name; "" for none; None when not known.

    A GET writes `availabilitySet` only for a VM in a set, so within a `hardwareProfile` a key left out,
    or null, says "in none" as `""` does. Without a `hardwareProfile` the row says nothing of it (a
    projection that leaves it out), and a value that is not a name is not read as one."""
    if not isinstance(hardware, dict):
        return None, True
    value = get(hardware, "availabilitySet")
    if value is None:
        return "", False
    return (value.strip(), False) if isinstance(value, str) else (None, False)


def settle_availability_sets(found: list[object]) -> list[object]:
    """The records of one export, with the availability set of each classic VM whose row leaves out its
    `hardwareProfile` taken as none when another row of the same cloud service states its own (a name,
    or none): the rows of one export share a projection, so the other row shows that this one would
    have held a set if the VM were in one. Left unknown otherwise."""
    stated = {
        (vm.subscription, key(vm.service))
        for vm in found
        if isinstance(vm, ClassicVm) and "availability_set" not in vm.role.unknown
    }
    if not stated:
        return found
    return [_in_no_set(r) if _settled_by(r, stated) else r for r in found]


def _settled_by(record: object, stated: set[tuple[str, str]]) -> TypeGuard[ClassicVm]:
    """Whether `record` is a VM whose row leaves its availability set out in a cloud service where another
    row of the export states one."""
    return (
        isinstance(record, ClassicVm)
        and record.availability_set_left_out
        and "availability_set" in record.role.unknown
        and (record.subscription, key(record.service)) in stated
    )


def _in_no_set(vm: ClassicVm) -> ClassicVm:
    role = replace(vm.role, availability_set="", unknown=vm.role.unknown - {"availability_set"})
    return replace(vm, role=role)


def _vm_network(vnet: object, spots: Spots) -> tuple[str, tuple[NameRef, ...], bool]:
    """(virtual network, subnets, whether the subnets are known) of a classic VM's `networkProfile`, from
    its `virtualNetwork` (`vnet`).

    No `virtualNetwork` (or null) means none: scripts that read these exports take it so, and a GET has
    no other way of saying that a VM is in no network. Its `subnetNames` are known only when written as
    an array of names (`[]`: in no subnet) or as one name (ConvertTo-Json may drop the array of one
    item); left out, null, or with an item that is not a name, they are not known: the classic providers
    publish no schema and the rows seen hold an array, so nothing says a null is empty, as a `Get-AzureVM`
    object's null `SubnetNames` is (ConvertTo-Json writes an empty list of the object so)."""
    if not isinstance(vnet, dict):
        return "", (), True
    name = text(get(vnet, "name")) or parse_id(text(get(vnet, "id"))).name
    written = get(vnet, "subnetNames")
    names = strings(written)
    listed = written if isinstance(written, list) else [written]
    known = all(isinstance(s, str) and s.strip() for s in listed)
    marks = spots.values(list(names), "subnetNames")
    return name, tuple(NameRef(s, mark) for s, mark in zip(names, marks, strict=True)), known


# What MIG202 says of the secondary interfaces it reads from a Resource Graph row.
GUESSED_INTERFACES = (
    "its secondary network interfaces read from networkInterfaces[].ipConfigurations[].subnetName, the shape "
    "Resource Graph is believed to write"
)
# A secondary network interface, as `Role.interfaces` holds it: its name, its subnets, its static address.
Interface = tuple[str, tuple[NameRef, ...], NameRef | None]


def _vm_interfaces(vnet: object, spots: Spots) -> tuple[tuple[Interface, ...], bool]:
    """(secondary network interfaces, whether their subnets are known) of a classic VM's `virtualNetwork`:
    each interface's name and the `subnetName` of each of its `ipConfigurations`, marked at the name.

    A GET writes `networkInterfaces` beside `subnetNames`, but the shape of its items is not documented:
    `{name, ipConfigurations: [{subnetName, ...}]}` is the Service Management body's
    `NetworkInterfaces/NetworkInterface/IPConfigurations/IPConfiguration/SubnetName` in camel case, which is
    what Resource Graph is believed to write. Left out, null or `[]`: no secondary interface. An interface
    written in another shape (no IP configuration naming its subnet) is in a subnet not read, so the VM's
    subnets are not known: whether it is in one subnet only cannot be told."""
    written = get(vnet, "networkInterfaces")
    if written is None:
        return (), True
    found, known = [], isinstance(written, (list, dict))
    for nic in items(written):
        configs = items(get(nic, "ipConfigurations"))
        named = [text(get(config, "subnetName")) for config in configs]
        known = known and bool(named) and all(named)
        found.append((text(get(nic, "name")), [name for name in named if name]))
    marks = iter(spots.values([name for _, names in found for name in names], "networkInterfaces"))
    interfaces = tuple(
        (nic, tuple(NameRef(name, next(marks)) for name in names), None) for nic, names in found
    )
    return interfaces, known


def _static_ip(vnet: object, spots: Spots) -> tuple[NameRef, ...]:
    """The private address a classic VM asks for: `networkProfile.virtualNetwork.staticIpAddress` (`vnet`
    is the `virtualNetwork`)."""
    address = text(get(vnet, "staticIpAddress"))
    return (NameRef(address, spots.value("staticIpAddress")),) if address else ()


def _endpoints(value: object, spots: Spots) -> Iterator[InputEndpoint]:
    """`networkProfile.inputEndpoints[]` of a classic VM (`endpointName`, `protocol`, `publicPort`,
    `privatePort`), each marked at its name. The GET shape names no load balancer: each is taken to be on
    the deployment's VIP."""
    found = [(text(get(e, "endpointName", "name")), e) for e in items(value) if isinstance(e, dict)]
    marks = spots.values([name for name, _ in found], "inputEndpoints")
    for (name, endpoint), mark in zip(found, marks, strict=True):
        port, local = (
            number_text(get(endpoint, "publicPort", "port")),
            number_text(get(endpoint, "privatePort", "localPort")),
        )
        yield InputEndpoint(name, text(get(endpoint, "protocol")), port, local, None, mark)


def _extensions(value: object, spots: Spots, under: str = "extensions") -> Iterator[Extension]:
    """`extensions[]` of a classic VM (or the `under` of another shape), each marked at its name. Its shape
    in a GET is not confirmed: the documented PUT body is `{publisher, extension, version}`, so `extension`
    and `name` are both read as the name."""
    found = [(text(get(ext, "publisher")), text(get(ext, "extension", "name")), ext) for ext in items(value)]
    found = [(publisher, name, ext) for publisher, name, ext in found if publisher or name]
    marks = spots.values([name or publisher for publisher, name, _ in found], under)
    for (publisher, name, ext), mark in zip(found, marks, strict=True):
        reference = text(get(ext, "ReferenceName", "referenceName"))  # Get-AzureVM's; ARG has none
        yield Extension(
            publisher, name, text(get(ext, "version")), text(get(ext, "state")), mark, reference=reference
        )


def _disk_objects(storage: object) -> tuple[list[dict], list[dict]]:
    """The OS disk (a list of one, or none) and the data disks of a classic VM's `storageProfile`: looked
    up once for both `_disks` and `_disk_accounts`."""
    os_disk = get(storage, "operatingSystemDisk")
    data = [d for d in items(get(storage, "dataDisks")) if isinstance(d, dict)]
    return [os_disk] if isinstance(os_disk, dict) else [], data


def _disks_left_out(row: Mark) -> UnplacedDisk:
    """A row that leaves its disks out (no storageProfile; a CLI view without OSDisk and DataDisks): the
    export's query left the field out, of every row alike (see `estate.unstated_disk_accounts`)."""
    return UnplacedDisk(DiskPlace.LEFT_OUT, row)


def _os_disk_placed(os_disk: tuple[Disk, ...], accounts: tuple[str, ...]) -> bool:
    """Whether the export says which storage account the VM's OS disk is in (`vhdUri`'s host, or
    `storageAccount`, INVENTORY.md §4): a row that leaves out `storageProfile` or its `operatingSystemDisk`
    does not, and the account, which migrates after the VM, is then in no file. `os_disk` is the OS disk
    as `_disks` made it (one, or none), `accounts` the disks' accounts in that order (`_disk_accounts`):
    each worked out once for the row."""
    placed = zip(os_disk, accounts[: len(os_disk)], strict=True)
    return any(storage_account(disk.media_link) or account for disk, account in placed)


def _disks(os_disk: list[dict], data: list[dict], vm: str, spots: Spots) -> Iterator[Disk]:
    """The OS disk, then the data disks, each marked at its blob address (or its name)."""
    yield from _disks_of(os_disk, vm, spots, "operatingSystemDisk")
    yield from _disks_of(data, vm, spots, "dataDisks")


def _disk_accounts(disks: list[dict]) -> Iterator[str]:
    """The storage account of each disk `_disks` gives, in its order: `storageAccount.name`, else the name
    in `storageAccount.id` (INVENTORY.md §5); "" when neither is written."""
    for disk in disks:
        account = get(disk, "storageAccount")
        # Interned, as `text` keeps the name: the disks of a VM, and the VMs of an export, share a few accounts.
        yield intern(key(text(get(account, "name")) or parse_id(text(get(account, "id"))).name))


# Where an export lists data disks, as opposed to the OS disk: those carry the LUN they are attached at.
_DATA_DISKS = frozenset({"dataDisks", "DataVirtualHardDisks"})


def _disks_of(disks: list[dict], vm: str, spots: Spots, where: str) -> Iterator[Disk]:
    described = [(_blob_address(get(d, "vhdUri", "mediaLink")), text(get(d, "diskName")), d) for d in disks]
    marks = spots.values([media or name for media, name, _ in described], where)
    for (media, name, disk), mark in zip(described, marks, strict=True):
        lun = lun_key(number_text(get(disk, "lun"))) if where in _DATA_DISKS else ""
        yield Disk(name, media, text(get(disk, "ioType")), vm, mark, lun=lun, data=where in _DATA_DISKS)


def _blob_address(value: object) -> str:
    """A disk's blob address: a string, or a `System.Uri` that a serializer wrote as an object of its
    parts (its `AbsoluteUri`, else `OriginalString`)."""
    if isinstance(value, dict):
        return text(get(value, "AbsoluteUri")) or text(get(value, "OriginalString"))
    return text(value)


def _instance(view: object, hardware: object, vm: str, spots: Spots) -> RoleInstance | None:
    """A classic VM's runtime state (`instanceView`: its `status`, else its `powerState`), with where its
    `hardwareProfile` says it was given no guest agent (`platformGuestAgent` false). The row writes no
    extension status list."""
    status, _ = _state(view, _VIEW_STATES)
    agent = text(get(get(view, "guestAgentStatus"), "status"))
    if not (status or agent):
        return None
    mark = _instance_mark(spots, status, agent, "instanceView", "guestAgentStatus")
    return RoleInstance(
        vm,
        vm,
        status,
        agent,
        mark,
        no_agent_mark=_no_agent_mark(hardware, "platformGuestAgent", spots),
        guest_agent_mark=_agent_mark(spots, agent, "guestAgentStatus"),
    )


# The fields that state a VM's runtime state, the instance status first: `ReadyRole`, `StoppedVM`,
# `StoppedDeallocated`, `RoleStateUnknown`... Its power state (`Started`, `Stopped`, `Starting`, `Stopping`,
# `Unknown`) is read when the instance status is not written (a projection, a row trimmed by hand): it says
# whether the VM runs, not whether a stopped VM is deallocated. Resource Graph writes both in `instanceView`;
# a `Get-AzureVM` context writes them at its top, with `Status`, the instance status again.
_VIEW_STATES = ("status", "powerState")
_CONTEXT_STATES = ("InstanceStatus", "Status", "PowerState")


def _state(obj: object, fields: tuple[str, ...]) -> tuple[str, str]:
    """(the VM's state, the field it is written in) from the first of `fields` that `obj` writes a value
    for; ("", the first field) when it writes none."""
    for field in fields:
        value = text(get(obj, field))
        if value:
            return value, field
    return "", fields[0]


# The state of a VM that runs, in the instance status's words and the power state's: what its guest
# agent's status matters for.
_RUNNING = frozenset({"", "readyrole", "started"})


def _instance_mark(spots: Spots, status: str, agent: str, state_key: str, agent_key: str) -> Mark:
    """Where a VM's runtime state is written: at its guest agent's status when that is what is amiss (the VM
    runs, or its state is not written, and the agent is not Ready), else at its state's value, written
    after the key `state_key` (`InstanceStatus`, or `instanceView` for its `status`), else at that key."""
    if key(status) in _RUNNING and agent and key(agent) != "ready":
        return _agent_mark(spots, agent, agent_key) or spots.mark
    return _value_mark(spots, status, state_key) or spots.value(state_key)


def _agent_mark(spots: Spots, agent: str, agent_key: str) -> Mark | None:
    """Where the guest agent's status `agent` is written (after the key `agent_key`, else at that key);
    None when it is not written."""
    return _value_mark(spots, agent, agent_key)


def _value_mark(spots: Spots, value: str, under: str) -> Mark | None:
    """Where the string `value` is written after the key `under`, else that key's value; None for no
    value."""
    if not value:
        return None
    [found] = spots.values([value], under)
    # `values` gives the object's own mark itself for a value not found: told by identity, without
    # comparing two marks field by field (four times a VM row).
    return found if found is not spots.mark else spots.value(under)


def _availability_set_mark(spots: Spots, name: str, under: str) -> Mark | None:
    """Where a VM's availability set is written: its name, or the value that says it is in none (`null`,
    `""`) after the key `under`; None when the object does not write the key (its own mark then)."""
    if name:
        return _value_mark(spots, name, under)
    return spots.value(under) if spots.key(under) >= 0 else None


def _no_agent_mark(settings: object, flag: str, spots: Spots) -> Mark | None:
    """Where `settings` says the VM was given no guest agent (its `flag` false); None when it was given one
    or does not say."""
    return spots.value(flag) if boolean(get(settings, flag)) is False else None


def _classic_network(item: Item) -> Iterator[ClassicNetwork]:
    """A classic VNet (`microsoft.classicnetwork/virtualnetworks`). It describes the network when it states
    its subnets, each with its name and prefix, and what it states of its address space: the prefixes
    written, the space not known (`address_space_known`) when one is not, or the space is left out or null,
    so that each prefix written is still checked. A row that leaves its subnets out (or null) describes
    its address space, with its subnets not known (`subnets_known`): a subnet missing from it is not
    missing from the network. One that lists a subnet without its name or prefix, or states neither list,
    only says the network exists."""
    props = item.properties
    if not isinstance(props, dict):
        return
    space = get(get(props, "addressSpace"), "addressPrefixes")
    subnets = get(props, "subnets")
    network = None
    spots = item.spots
    listed = isinstance(subnets, list) and _all_stated(subnets)
    if listed or (subnets is None and isinstance(space, list)):
        prefixes = tuple(p for p in strings(space) if not is_stand_in(p)) if isinstance(space, list) else ()
        servers = strings(get(get(props, "dhcpOptions"), "dnsServers"))
        network = VirtualNetwork(
            item.name,
            item.mark,
            address_space=tuple(
                AddressPrefix(p, mark)
                for p, mark in zip(prefixes, spots.values(list(prefixes), "addressPrefixes"), strict=True)
            ),
            subnets=tuple(_subnets(subnets, spots)) if isinstance(subnets, list) and listed else (),
            subnets_known=listed,
            inline_dns_servers=tuple(
                DnsServer(a, a, mark)
                for a, mark in zip(servers, spots.values(list(servers), "dnsServers"), strict=True)
            ),
            address_space_known=isinstance(space, list) and len(prefixes) == len(space),
        )
    yield ClassicNetwork(item.name, item.mark, network, item.subscription, _network_group(item))


# The resource group Resource Manager files the classic networks under that the classic API (a network
# configuration) created.
_CLASSIC_NETWORKS_GROUP = "default-networking"


def classic_peering(remote_id: str, name: str, peer: str, at: Mark, group: str = "") -> VnetPeering | None:
    """The peering a script adds from a Resource Manager network (`peer`) to the remote network `remote_id`
    names, when that is a classic network's id (`.../Microsoft.ClassicNetwork/virtualNetworks/<name>`),
    as an export of the Resource Manager network shows it, marked at the id; None for any other remote
    network. Named `name`, else after the classic network; `group` is the Resource Manager network's
    resource group, where the script states it."""
    network = parse_id(remote_id)
    if not network.is_classic_network or not network.name:
        return None
    return VnetPeering(
        name or network.name,
        network.name,
        peer,
        at,
        vnet_subscription=network.subscription,
        vnet_group=portal_group(network),
        peer_group=group,
    )


class PlacedSpots(Spots):
    """The `Spots` of a resource a file describes in another shape than an export's row (a Terraform block,
    a script's command), built into one: where each of its values is written is given, by the value and
    by the row's key it is put under (`resource_records`)."""

    creates = True  # what a script's call or a Terraform block creates

    __slots__ = ("_by_key", "_by_value")

    def __init__(self, mark: Mark, by_value: dict[str, Mark], by_key: dict[str, Mark]) -> None:
        super().__init__("", 0, 0, mark)
        self._by_value = by_value
        self._by_key = by_key

    def values(self, values: list[str], under: str) -> list[Mark]:
        return [self._by_value.get(value, self.mark) for value in values]

    def value(self, name: str) -> Mark:
        return self._by_key.get(name, self.mark)


def resource_records(
    rtype: str,
    name: str,
    properties: dict,
    mark: Mark,
    by_value: dict[str, Mark],
    by_key: dict[str, Mark],
    group: str | None = None,
) -> tuple[object, ...]:
    """The records a Resource Manager resource of type `rtype` (one of `REACHING_INTO_CLASSIC`) gives of the
    classic resources it reaches into, as its export row of these `properties` gives them: for a file that
    writes the same resource in its own words (a Terraform `azurerm_*` block, an `az` command), each value
    marked where the file writes it (`by_value`, else `by_key`: the row's key it is put under), any other
    finding at `mark`. None for a resource whose properties name no classic one. `group`: the resource
    group the file creates it in, where it states it (the commands that read the resource back name it)."""
    row: dict[str, object] = {"type": rtype, "name": name, "properties": properties}
    if group and not is_stand_in(group):
        row["resourceGroup"] = group
    return records(row, mark, PlacedSpots(mark, by_value, by_key))


def _network_group(item: Item) -> str:
    """`portal_group` of a classic network's row: the group its id files it under, else the one the row
    writes beside it, as a template, Bicep file or azapi resource writes the group it deploys its classic
    network to where it names it (`template_values.group_stated`): created through Resource Manager, as
    the Azure portal creates one. A group it does not name (a stand-in, the one the deployment is given)
    says no name."""
    if item.id.resource_group:
        return portal_group(item.id)
    group = text(get(item.obj, "resourceGroup"))
    return (
        ""
        if (is_stand_in(group) and not _deployment_group(group)) or key(group) == _CLASSIC_NETWORKS_GROUP
        else group
    )


def _deployment_group(group: str) -> bool:
    return group.startswith("<resource group ") and group.endswith(" is deployed to>")


def portal_group(network: ResourceId) -> str:
    """The resource group a classic network's id files it under, when the network may have been created in
    the Azure portal, whose classic name is then `Group <resource group> <name>`; "" in the group of those
    the classic API created."""
    group = network.resource_group
    return "" if key(group) == _CLASSIC_NETWORKS_GROUP else group


def _all_stated(subnets: list) -> bool:
    """Whether every subnet of a classic VNet is written with its name and prefix."""
    return all(text(get(s, "name")) and text(get(s, "addressPrefix")) for s in subnets)


def _subnets(subnets: list, spots: Spots) -> Iterator[Subnet]:
    """Each subnet marked at its name, its prefix at the prefix."""
    named = [(text(get(s, "name")), text(get(s, "addressPrefix"))) for s in subnets]
    named = [(name, prefix) for name, prefix in named if name]
    names = spots.values([name for name, _ in named], "subnets")
    prefixes = iter(spots.values([prefix for _, prefix in named if prefix], "subnets"))
    for (name, prefix), mark in zip(named, names, strict=True):
        at = next(prefixes) if prefix else None
        # A prefix the file leaves to a value it does not state (a template's parameter): none stated.
        stated = at is not None and not is_stand_in(prefix)
        yield Subnet(name, AddressPrefix(prefix, at) if stated and at is not None else None, mark)


def _reserved_ip(item: Item) -> Iterator[ClassicReservedIp]:
    """A reserved IP; the cloud service whose VIP it is, from `attachedTo.id` (a `domainNames` id, or
    one of the service's children), and the slot of its deployment when the id goes on to one. Whether it
    is attached at all is known only when the row writes `inUse` or an `attachedTo` id: a free reserved
    IP's row writes `inUse` false (and no `attachedTo`)."""
    props = item.properties
    if not isinstance(props, dict):
        return
    attached = parse_id(text(get(get(props, "attachedTo"), "id")))
    service = attached.name if attached.type.startswith(_CLOUD_SERVICE) else ""
    said_in_use = boolean(get(props, "inUse"))
    # In use, by what the export does not name as a cloud service: not free to move on its own.
    in_use = not service and (said_in_use is True or bool(attached.text.strip()))
    yield ClassicReservedIp(
        item.name,
        shown_at(item.mark, item.spots.value("name")),  # a finding about it points at its name
        text(get(props, "ipAddress")),
        service,
        item.subscription,
        _slot(attached),
        in_use=in_use,
        use_known=said_in_use is not None or bool(attached.text.strip()),
    )


_CLOUD_SERVICE = "microsoft.classiccompute/domainnames"
_CLASSIC_VM = "microsoft.classiccompute/virtualmachines"


def _slot(attached: ResourceId) -> str:
    """The deployment slot a cloud service's child id names (`.../domainNames/<service>/slots/Production`,
    or a role of it), "" when it names none."""
    if attached.type.startswith(f"{_CLOUD_SERVICE}/slots") and len(attached.names) > 1:
        return attached.names[1].strip()
    return ""


def _network_security_group(item: Item) -> Iterator[ClassicNetworkSecurityGroup]:
    """A classic network security group: its name is what the plan moves it by, and what uses it whether it
    moves on its own. The classic provider has no published schema: the subnets that use it are read from
    `subnets` (ids, or objects with an `id`), as Resource Manager's own network security groups write them,
    and VMs from `virtualMachines` and `networkInterfaces` likewise (inferred). The platform keeps each
    association as a child of the subnet or VM (`.../subnets/<s>/associatedNetworkSecurityGroups`), which
    Resource Graph does not index: a row that does not write `subnets` (null properties, a projection
    without them, a value ConvertTo-Json cut short) does not say the group is unattached."""
    props = item.properties
    subnets: list[tuple[str, str]] = []
    others: list[str] = []
    written = get(props, "subnets")
    for reference in items(written):
        used_by = _reference(reference)
        subnet = parse_id(used_by)
        if subnet.is_classic_network and subnet.child:
            subnets.append((subnet.name, subnet.child))
        elif used_by:
            others.append(used_by)
    for users in ("virtualMachines", "networkInterfaces"):
        others += filter(None, map(_reference, items(get(props, users))))
    use_known = isinstance(written, (list, dict))  # a list, or its one item as ConvertTo-Json writes it
    yield ClassicNetworkSecurityGroup(
        item.name,
        item.mark,
        item.subscription,
        tuple(dict.fromkeys(subnets)),
        tuple(dict.fromkeys(others)),
        use_known,
    )


def _reference(value: object) -> str:
    """The id a reference to a resource holds: the string itself, or its `id`."""
    return text(get(value, "id")) if isinstance(value, dict) else text(value)


def _classic_storage(item: Item) -> Iterator[ClassicStorageAccount]:
    """A classic storage account, whether or not its row states its type (a template may leave
    `properties` empty, and a resource list gives none): it exists either way."""
    account_type = text(get(item.properties, "accountType"))
    yield ClassicStorageAccount(item.name, item.mark, account_type, item.subscription)


# --- Resource Manager resources that reach into classic networks -----------------------------------------


def _peerings(item: Item) -> Iterator[VnetPeering]:
    """`virtualNetworkPeerings` of a Resource Manager network whose remote network is a classic one, each
    marked at its remote network's id (a hub has many peerings)."""
    peerings = [(p, get(p, "properties") or p) for p in items(get(item.properties, "virtualNetworkPeerings"))]
    remotes = [text(get(get(props, "remoteVirtualNetwork"), "id")) for _, props in peerings]
    marks = iter(item.spots.values([r for r in remotes if r], "virtualNetworkPeerings"))
    for (peering, props), remote in zip(peerings, remotes, strict=True):
        mark = next(marks) if remote else item.mark
        found = _classic_peering(props, text(get(peering, "name")), item.name, mark)
        if found is not None:
            yield replace(found, peer_group=_own_group(item))


_PEERING = "microsoft.network/virtualnetworks/virtualnetworkpeerings"


def _peering(item: Item) -> Iterator[VnetPeering]:
    """A peering exported on its own (`az network vnet peering list`, the list call's `{"value": [...]}`)
    whose remote network is a classic one: the record its network's row gives, its network the one its id
    is under (`.../virtualNetworks/<vnet>/virtualNetworkPeerings/<name>`). Marked at its remote network's
    id, since the row is the peering's, not the network's."""
    own = item.id if item.id.type == _PEERING else parse_id("")
    found = _classic_peering(item.properties, own.child or item.name, own.name, item.mark)
    if found is not None:
        remote = text(get(get(item.properties, "remoteVirtualNetwork"), "id"))  # a classic network's: written
        mark = _value_mark(item.spots, remote, "remoteVirtualNetwork") or item.mark
        yield replace(found, mark=mark, peer_group=_own_group(item))


def _classic_peering(props: object, name: str, peer: str, mark: Mark) -> VnetPeering | None:
    """The record of a peering (its properties `props`) of Resource Manager network `peer`, when its remote
    network is a classic one; None otherwise."""
    state = text(get(props, "peeringState"))  # looked up first: what `READ_AT_TOP` finds it reads
    remote = parse_id(text(get(get(props, "remoteVirtualNetwork"), "id")))
    if not remote.is_classic_network:
        return None
    return VnetPeering(
        name or remote.name,
        remote.name,
        peer,
        mark,
        state=state,
        vnet_subscription=remote.subscription,
        vnet_group=portal_group(remote),
    )


def _circuit(item: Item) -> Iterator[ExpressRouteCircuit]:
    props = item.properties
    if not isinstance(props, dict):
        return
    in_use = sum(
        1
        for a in items(get(props, "authorizations"))
        if key(text(get(get(a, "properties") or a, "authorizationUseStatus"))) == "inuse"
    )
    yield ExpressRouteCircuit(
        item.name,
        item.mark,
        text(get(props, "serviceKey")),
        boolean(get(props, "allowClassicOperations")),
        in_use,
        item.subscription,
    )


def _in_classic_vnets(
    item: Item, service: ServiceKind, ids: Iterable[str | tuple[str, str]]
) -> Iterator[ServiceInVnet]:
    """One record per classic network and subnet among `ids` (subnet or network ids, a network id with the
    name of its subnet the row states beside it), as one declaration per subnet says it: a service whose
    parts sit in two subnets of a network (an HDInsight cluster's roles) is named in each. A network no id
    gives a subnet of is one record with none."""
    found: dict[str, dict[str, tuple[str, str, str]]] = {}  # by network, by subnet: (id, spot, subnet)
    for each in ids:
        value, beside = each if isinstance(each, tuple) else (each, "")
        rid = parse_id(value)
        spot = value  # the subnet's id, when the row gives one: where a record of one of several is placed
        if "/" in beside:  # a subnet's id: the subnet of this network only
            of = parse_id(beside)
            spot, beside = (beside, of.child) if key(of.name) == key(rid.name) else (value, "")
        if rid.is_classic_network:
            subnet = rid.child or beside
            found.setdefault(key(rid.name), {}).setdefault(key(subnet), (value, spot, subnet))
    for subnets in found.values():
        named = [each for at, each in subnets.items() if at]
        for value, spot, subnet in named or list(subnets.values()):
            rid = parse_id(value)
            # Where the network's id is written (else the row); each of several subnets where its own is.
            written = spot if len(named) > 1 else value
            yield ServiceInVnet(
                service,
                item.name,
                rid.name,
                item.spots.values([written], item.under)[0],
                subnet=subnet,
                vnet_subscription=rid.subscription,
                vnet_group=portal_group(rid),
                subscription=item.subscription,
                created=item.spots.creates,
            )


def _api_management(item: Item) -> Iterator[ServiceInVnet]:
    """`virtualNetworkConfiguration.subnetResourceId` of the service and of its additional locations."""
    props = item.properties
    if key(text(get(props, "virtualNetworkType"))) == "none":
        return
    configs = [get(props, "virtualNetworkConfiguration")]
    configs += [get(loc, "virtualNetworkConfiguration") for loc in items(get(props, "additionalLocations"))]
    ids = (text(get(c, "subnetResourceId", "subnetId")) for c in configs)
    yield from _in_classic_vnets(item, ServiceKind.API_MANAGEMENT, ids)


def _hdinsight(item: Item) -> Iterator[ServiceInVnet]:
    """`computeProfile.roles[].virtualNetworkProfile.{id, subnet}` (the classic form of the ids is
    inferred: both the network id and a subnet id are read)."""
    roles = items(get(get(item.properties, "computeProfile"), "roles"))
    profiles = [get(role, "virtualNetworkProfile") for role in roles]
    ids: list[str | tuple[str, str]] = [
        (text(get(p, "id")), _subnet_name(text(get(p, "subnet")))) for p in profiles
    ]
    ids += [text(get(p, "subnet")) for p in profiles]
    yield from _in_classic_vnets(item, ServiceKind.HDINSIGHT, ids)


def _subnet_name(value: str) -> str:
    """A subnet a row names beside its network's id: a name as written, or its id (whose network
    `_in_classic_vnets` compares with the row's)."""
    return value.strip()


def _domain_services(item: Item) -> Iterator[ServiceInVnet]:
    """`subnetId`, and `replicaSets[].subnetId` in newer API versions."""
    props = item.properties
    ids = [text(get(props, "subnetId"))]
    ids += [text(get(replica, "subnetId")) for replica in items(get(props, "replicaSets"))]
    yield from _in_classic_vnets(item, ServiceKind.AAD_DOMAIN_SERVICES, ids)


def _app_service_environment(item: Item) -> Iterator[ServiceInVnet]:
    """`virtualNetwork.id` (and its `subnet`) of an App Service Environment (v1 lived in classic VNets)."""
    props = item.properties
    vnet = get(props, "virtualNetwork")
    network = text(get(vnet, "id"))
    subnets = [text(get(vnet, "subnet")), text(get(props, "vnetSubnetName"))]  # one subnet, said twice
    ids: list[str | tuple[str, str]] = [(network, _subnet_name(s)) for s in subnets if s] or [network]
    yield from _in_classic_vnets(item, ServiceKind.APP_SERVICE_ENVIRONMENT, ids)


def _remoteapp(item: Item) -> Iterator[ServiceInVnet]:
    """A RemoteApp collection's properties are not documented (the service was retired in 2017): any
    string among them that is a classic network or subnet id places it in that network."""
    yield from _in_classic_vnets(item, ServiceKind.REMOTEAPP, strings_in(item.properties))


# --- Cloud Services (extended support) ---------------------------------------------------------------

_EXTENDED_SUPPORT_TYPE = "microsoft.compute/cloudservices"
_EXTENDED_SUPPORT_VIA = "lists it as a Microsoft.Compute/cloudServices resource"


def _extended_support(item: Item) -> Iterator[ExtendedSupportService]:
    """A cloud service the export shows deployed as Cloud Services (extended support): evidence, as a
    template's resource of the type is, that the project of its name is not a classic cloud service. Its
    roles (`roleProfile.roles[].name`) tell the project apart where the name does not."""
    listed = get(get(item.properties, "roleProfile"), "roles")
    roles = [text(get(role, "name")) for role in listed] if isinstance(listed, list) else []
    stated = tuple(roles) if all(roles) else ()
    if item.name:
        yield ExtendedSupportService(item.name, item.mark, _EXTENDED_SUPPORT_VIA, roles=stated)


def strings_in(value: object, budget: int | None = 10_000) -> Iterator[str]:
    """Every string inside a JSON value, however deep; at most `budget` values looked at (an undocumented
    shape is read, not trusted: a hostile one cannot make this cost more than that), or every one where
    the value is bounded already (None: a template's worked-out value, charged to its file's budget)."""
    stack = [value]
    while stack and (budget is None or budget > 0):
        budget = None if budget is None else budget - 1
        current = stack.pop()
        if isinstance(current, str):
            yield current
        elif isinstance(current, dict):
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)


# --- management settings -------------------------------------------------------------------------------


def _role_assignment(item: Item) -> Iterator[RoleAssignment]:
    """An assignment on a classic resource, or of a classic-only built-in role (`CLASSIC_ROLES`) on a
    subscription, one of its resource groups or a management group: the assignments the migration leaves
    without effect."""
    props = item.properties
    scope = parse_id(text(get(props, "scope")))
    definition = key(text(get(props, "roleDefinitionId")).rstrip("/").rsplit("/", 1)[-1])
    if scope.is_classic or (definition in CLASSIC_ROLES and _holds_resources(scope)):
        yield RoleAssignment(
            item.name,
            scope,
            item.mark,
            definition,
            text(get(props, "principalId")),
            text(get(props, "principalType")),
            text(get(props, "principalName", "principalDisplayName", "displayName")),
            scope_mark=_written_at(item, "Scope", "scope"),
            role_mark=_written_at(item, "RoleDefinitionId", "roleDefinitionId"),
        )


def _written_at(item: Item, written: str, read: str) -> Mark | None:
    """Where an assignment's export writes the value read as `read`: under its own key (`written`) in a
    `PSRoleAssignment`, which `_ps_role_assignment` renames; None when it writes none."""
    if get(item.properties, read) is None:
        return None
    return item.spots.value(written if written in item.obj else read)


# `Get-AzRoleAssignment | ConvertTo-Json` writes a `PSRoleAssignment` per assignment, in PascalCase and
# without a type: `RoleAssignmentName` (newer Az.Resources only), `RoleAssignmentId`, `Scope`,
# `DisplayName`, `SignInName`, `RoleDefinitionName`, `RoleDefinitionId` (the bare GUID), `ObjectId`,
# `ObjectType`, `CanDelegate`, `Description`, `Condition`, `ConditionVersion`. Told by the four an
# assignment always has; the Synapse module's role assignments have them too, at workspace scopes of roles
# no classic rule reads.
_PS_ROLE_ASSIGNMENT_KEYS = ("RoleAssignmentId", "Scope", "RoleDefinitionId", "ObjectId")


def is_ps_role_assignment(obj: object) -> bool:
    """A `PSRoleAssignment` of `Get-AzRoleAssignment` written by ConvertTo-Json."""
    return isinstance(obj, dict) and all(has(obj, k) for k in _PS_ROLE_ASSIGNMENT_KEYS)


def _ps_role_assignment(obj: dict, mark: Mark, spots: Spots) -> Item:
    """A `PSRoleAssignment` as the row `az role assignment list` writes for the same assignment (its
    properties at its top): the principal named by its sign-in name (a user's), else its display name, as
    the az CLI names it."""
    written_id = text(get(obj, "RoleAssignmentId"))
    rid = parse_id(written_id)
    principal = text(get(obj, "SignInName")) or text(get(obj, "DisplayName"))
    properties = {
        "scope": get(obj, "Scope"),
        "roleDefinitionId": get(obj, "RoleDefinitionId"),
        "principalId": get(obj, "ObjectId"),
        "principalType": get(obj, "ObjectType"),
        "principalName": principal,
    }
    name = text(get(obj, "RoleAssignmentName")) or written_id.rstrip("/").rsplit("/", 1)[-1]
    subscription = rid.subscription or parse_id(text(get(obj, "Scope"))).subscription
    return Item(obj, rid, name, subscription, properties, mark, spots, under="")


def _holds_resources(scope: ResourceId) -> bool:
    """Whether an assignment's scope is a subscription, one of its resource groups, or a management group.
    A resource group or subscription not stated is one (a template's assignment with no `scope` is on the
    group the template is deployed to)."""
    if scope.type == "microsoft.management/managementgroups":
        return len(scope.names) == 1
    if scope.type:
        return False
    # A subscription's id whose GUID is to fill in (a template's `subscription().id`) names one too.
    return bool(scope.subscription or scope.resource_group) or scope.text.strip().casefold().startswith(
        "/subscriptions/"
    )


# The plans whose Standard tier has Defender for Cloud install its monitoring extension on a subscription's
# VMs: Defender for Servers, and the subscription's one tier in the first API versions (`default`).
_VM_PLANS = frozenset({"virtualmachines", "default"})
_PRICINGS = "microsoft.security/pricings"


def _defender_plan(item: Item) -> Iterator[DefenderPlan]:
    """`properties.pricingTier` of a subscription's plan for its VMs (INVENTORY.md, export D). A plan set on
    one Resource Manager VM (its id under the VM's) is that VM's, not the subscription's: passed over."""
    tier = text(get(item.properties, "pricingTier"))  # looked up first: what `READ_AT_TOP` finds it reads
    if key(item.name) not in _VM_PLANS or (item.id.text.strip() and item.id.type != _PRICINGS):
        return
    yield DefenderPlan(item.name, item.mark, tier, item.subscription)


def _classic_alert(item: Item) -> Iterator[AlertRule]:
    """A classic alert rule (`alertrules`, from the REST list): `condition.dataSource.resourceUri`."""
    props = item.properties
    source = get(get(props, "condition"), "dataSource")
    target = parse_id(text(get(source, "resourceUri")))
    if target.is_classic:
        name = text(get(props, "name")) or item.name
        metric = text(get(source, "metricName"))
        mark = _value_mark(item.spots, target.text, "resourceUri") or item.mark
        enabled = boolean(get(props, "isEnabled"))
        yield AlertRule(name, "classic alert rule", (target,), mark, metric, enabled, _own_group(item))


def _scoped_alert(source: str) -> Builder:
    """Metric alerts and activity log alerts: `scopes[]` that name classic resources (and, for activity
    log alerts, a `resourceId` condition)."""

    def build(item: Item) -> Iterator[AlertRule]:
        props = item.properties
        ids = list(strings(get(props, "scopes")))
        for condition in items(get(get(props, "condition"), "allOf")):
            if key(text(get(condition, "field"))) == "resourceid":
                ids.append(text(get(condition, "equals")))
        targets = tuple(t for t in map(parse_id, ids) if t.is_classic)
        if targets:  # marked at the first classic id, in `scopes` or a condition
            mark = _value_mark(item.spots, targets[0].text, "scopes") or item.mark
            enabled = boolean(get(props, "enabled"))
            yield AlertRule(
                item.name, source, targets, mark, enabled=enabled, resource_group=_own_group(item)
            )

    return build


def _autoscale(item: Item) -> Iterator[AutoscaleSetting]:
    props = item.properties
    target = parse_id(text(get(props, "targetResourceUri")))
    sources: dict[str, ResourceId] = {}
    for profile in items(get(props, "profiles")):
        for rule in items(get(profile, "rules")):
            metric = parse_id(text(get(get(rule, "metricTrigger"), "metricResourceUri")))
            if metric.is_classic:
                sources.setdefault(key(metric.text), metric)
    if target.is_classic or sources:
        name = text(get(props, "name")) or item.name
        # Marked at the classic id it is about: its target, else the first metric source.
        about = target if target.is_classic else next(iter(sources.values()))
        under = "targetResourceUri" if target.is_classic else "metricResourceUri"
        yield AutoscaleSetting(
            name,
            target if target.is_classic else None,
            tuple(sources.values()),
            _value_mark(item.spots, about.text, under) or item.mark,
            boolean(get(props, "enabled")),
            _own_group(item),
        )


def _own_group(item: Item) -> str:
    """The resource group of an item: its id's; else the `resourceGroup` the Azure CLI's rows write beside
    it, which a script's command or a Terraform resource that states its group is read into
    (`resource_records`)."""
    return item.id.resource_group or text(get(item.obj, "resourceGroup"))


BUILDERS: dict[str, Builder] = {
    "microsoft.classiccompute/virtualmachines": _classic_vm,
    "microsoft.classicnetwork/virtualnetworks": _classic_network,
    "microsoft.classicstorage/storageaccounts": _classic_storage,
    "microsoft.classicnetwork/reservedips": _reserved_ip,
    "microsoft.classicnetwork/networksecuritygroups": _network_security_group,
    "microsoft.network/virtualnetworks": _peerings,
    _PEERING: _peering,
    "microsoft.network/expressroutecircuits": _circuit,
    "microsoft.apimanagement/service": _api_management,
    "microsoft.hdinsight/clusters": _hdinsight,
    "microsoft.aad/domainservices": _domain_services,
    "microsoft.web/hostingenvironments": _app_service_environment,
    "microsoft.remoteapp/collections": _remoteapp,
    "microsoft.authorization/roleassignments": _role_assignment,
    "microsoft.security/pricings": _defender_plan,
    "microsoft.insights/alertrules": _classic_alert,
    "microsoft.insights/metricalerts": _scoped_alert("metric alert"),
    "microsoft.insights/activitylogalerts": _scoped_alert("activity log alert"),
    "microsoft.insights/autoscalesettings": _autoscale,
    _EXTENDED_SUPPORT_TYPE: _extended_support,
}


# --- which properties each builder reads ---------------------------------------------------------------


class _Lookups(dict[str, object]):
    """An empty `properties` object that notes the names a builder looks up in it, lower-cased (`get` and
    `has` ask `name in obj` before anything else), and whether the builder reads every value in it
    (`strings_in` takes `values()`)."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.every = False

    def __contains__(self, name: object) -> bool:
        if isinstance(name, str):
            self.names.add(name.casefold())
        return False

    def values(self) -> ValuesView[object]:  # type: ignore[override]  # a view all the same
        self.every = True
        return super().values()


_EVERY = "*"  # in `READ_AT_TOP`: the builder reads every property (a RemoteApp collection's strings)


def _read_at_top(builder: Builder) -> frozenset[str]:
    """The properties `builder` looks up at the top of a resource's `properties`, lower-cased, found by
    building from an empty object that notes them. Each builder looks its properties up before it passes a
    row over for its name or id (`_defender_plan`), so an empty object shows them all, save those read only
    once another holds a value (a role assignment's principal, read once its scope is one to report), which
    say nothing without it."""
    lookups = _Lookups()
    nowhere = Mark("", 0)
    item = Item({}, parse_id(""), "", "", lookups, nowhere, Spots.nowhere(nowhere), under="")
    for _ in builder(item):
        pass
    return frozenset({_EVERY} if lookups.every else lookups.names)


# By resource type, what its builder reads at the top of its `properties`: what tells a row that writes
# its properties at its top (the az CLI's `list` commands) from one that writes none (`records`).
READ_AT_TOP: dict[str, frozenset[str]] = {rtype: _read_at_top(builder) for rtype, builder in BUILDERS.items()}

# The types read whole without their properties: a network security group, moved by its name, whose row
# says what uses it only when it writes its subnets; the plan says it is not known to be unattached when
# the row does not, rather than the file being left unchecked.
READ_WITHOUT_PROPERTIES = frozenset(
    {
        "microsoft.classicnetwork/networksecuritygroups",
        _EXTENDED_SUPPORT_TYPE,  # its name is the evidence; its roles only help
        *(t for t, read in READ_AT_TOP.items() if not read),
    }
)

# By resource type, what its resource is called and what the rules read of its properties, in words: what
# an export that writes no properties for it leaves unknown (`unchecked`), said in the file's one problem.
# A type read whole without them (`READ_WITHOUT_PROPERTIES`) is not listed.
UNKNOWN_WITHOUT_PROPERTIES: dict[str, tuple[str, str]] = {
    "microsoft.classiccompute/virtualmachines": (
        "classic VM",
        "cloud service, deployment, availability set, network and subnets, endpoints, disks, extensions, "
        "state",
    ),
    "microsoft.classicnetwork/virtualnetworks": ("classic virtual network", "address space, subnets"),
    "microsoft.classicstorage/storageaccounts": ("classic storage account", "account type (Premium or not)"),
    "microsoft.classicnetwork/reservedips": (
        "reserved IP",
        "the cloud service it is attached to (whether it moves with one or on its own), address",
    ),
    "microsoft.network/virtualnetworks": ("virtual network", "peerings with classic networks"),
    _PEERING: ("virtual network peering", "the network it peers with, its state"),
    "microsoft.network/expressroutecircuits": (
        "ExpressRoute circuit",
        "whether classic operations are allowed, service key, authorizations",
    ),
    **{
        rtype: (service.label, "the network it is deployed in")
        for rtype, service in (
            ("microsoft.apimanagement/service", ServiceKind.API_MANAGEMENT),
            ("microsoft.hdinsight/clusters", ServiceKind.HDINSIGHT),
            ("microsoft.aad/domainservices", ServiceKind.AAD_DOMAIN_SERVICES),
            ("microsoft.web/hostingenvironments", ServiceKind.APP_SERVICE_ENVIRONMENT),
            ("microsoft.remoteapp/collections", ServiceKind.REMOTEAPP),
        )
    },
    "microsoft.authorization/roleassignments": ("role assignment", "role, scope"),
    "microsoft.security/pricings": ("Defender for Cloud plan", "pricing tier"),
    "microsoft.insights/alertrules": ("classic alert rule", "the resource it watches"),
    "microsoft.insights/metricalerts": ("metric alert", "the resources it watches"),
    "microsoft.insights/activitylogalerts": ("activity log alert", "the resources it watches"),
    "microsoft.insights/autoscalesettings": (
        "autoscale setting",
        "the resource it scales, the metrics it reads",
    ),
}

# The types no builder reads, whose resources the rows of other types describe, by what they are called and
# what an export without properties leaves unknown of them. A cloud service (`domainnames`), whose own
# properties are a label, a host name and a status, is described by the rows of its VMs, which name it in
# theirs: a resource list without properties names it and says nothing of what it holds.
DESCRIBED_BY_OTHERS: dict[str, tuple[str, str]] = {
    _CLOUD_SERVICE: ("cloud service", "which VMs it holds, as only their rows' properties say"),
}


# --- Service Management cmdlets' objects -------------------------------------------------------------

# Each object is told by properties that no other classic cmdlet's object has (ConvertTo-Json writes every
# public property of its class, null or not): other cmdlets write the rest of them too. Get-AzureDeployment
# writes `VNetName` and `VirtualIPs`, Get-AzureRole `InstanceCount`, Get-AzureVNetSite `Subnets` and
# `State`, Get-AzureVNetGateway `State` (and `GatewaySKU`, not `GatewaySize`).
# A link authorization (`AzureDedicatedCircuitLinkAuthorization`): its id, or its Microsoft ids with their
# use, which only it has.
# An Application Gateway (`ApplicationGateway`): its network with its size, which only it has.
_GATEWAY_KEYS = ("VnetName", "GatewaySize")
# A circuit link (`AzureDedicatedCircuitLink`) is a network and a state and nothing more: an object with
# any other property is not one. Other classic objects write a network and a state too (an Application
# Gateway, or a row trimmed to them, `Select-Object Name, VnetName, State`), and each writes its name.
_LINK_KEYS = frozenset({"vnetname", "state"})
# A gateway's connection (`Get-AzureVNetConnection`, a `GatewayConnectionContext`): its local network site
# with its state, which only it has. It does not name its network.
_CONNECTION_KEYS = ("LocalNetworkSiteName", "ConnectivityState")
# A reserved IP (`Get-AzureReservedIP`, a `ReservedIPContext`): its name with its address and whether it is
# in use, which only it has (the classic CLI's VM view writes a `ReservedIPName` alone). It names the cloud
# service and deployment whose VIP it is (`ServiceName`, `DeploymentName`; null for a free one). Where a
# `Select-Object` kept less (`Select-Object ReservedIPName, ServiceName`), its name with any of these is one
# too: the VM views and deployments that also write a `ReservedIPName` are told apart before it is looked for.
_RESERVED_IP_KEYS = ("ReservedIPName", "Address", "InUse")
_RESERVED_IP_KEPT = ("Address", "InUse", "ServiceName")
# A storage account (`Get-AzureStorageAccount`, a `StorageServicePropertiesOperationContext`): its name with
# its status, which only it has. Its `AccountType` (`Standard_GRS`, `Premium_LRS`; older modules wrote
# `GeoReplicationEnabled` in its place) is what the rules read of it, as of a Resource Graph row's
# `accountType`; its `Location`, `AffinityGroup` and `Label` no rule reads.
_STORAGE_ACCOUNT_KEYS = ("StorageAccountName", "StorageAccountStatus")
# The account types as the Service Management API writes them, which tell a storage account whose status a
# `Select-Object` left out (`Get-AzureStorageAccount | Select-Object StorageAccountName, AccountType`).
# Resource Manager's objects write no such string: AzureRM's `AccountType` is an enum (a number through
# ConvertTo-Json, `PremiumLRS` at best), Az's type is its `Sku`.
_CLASSIC_ACCOUNT_TYPES = frozenset(
    {"standard_lrs", "standard_zrs", "standard_grs", "standard_ragrs", "premium_lrs"}
)
# A cloud service (`Get-AzureService`, a `HostedServiceDetailedContext`): its name with the dates it was
# created and changed, which only it has (a deployment's `DeploymentInfoContext` writes `CreatedTime`). Its
# `Location` is the region the plan's commands name (`ServiceRegion`), as a VM row's `location` is; a service
# in an affinity group writes the group (`AffinityGroup`) and no region. Its `Label` no rule reads. Where a
# `Select-Object` kept less (`Select-Object ServiceName, Location`), its name with one of the dates, or with
# the cmdlet's name (`OperationDescription`), is one too.
_SERVICE_DATES = ("DateCreated", "DateModified")
# An image (`Get-AzureVMImage`: an `OSImageContext`, or a `VMImageContext` for a VM image): its name with its
# category (`User` for the subscription's own, a publisher's for a gallery image), which only it has, and its
# VHD: an OS image's `MediaLink`, a VM image's `OSDiskConfiguration.MediaLink` with its data disks'
# `DataDiskConfigurations[].MediaLink`. What the rules read of it is what they read of a REST `OSImage` or
# `VMImage`: the storage accounts its VHDs are in (MIG402).
_IMAGE_KEYS = ("ImageName", "Category")


# The cmdlets whose objects `_asm_kind` tells apart.
_AUTHORIZATIONS = "Get-AzureDedicatedCircuitLinkAuthorization"
_GATEWAYS = "Get-AzureApplicationGateway"
_LINKS = "Get-AzureDedicatedCircuitLink"
_CONNECTIONS = "Get-AzureVNetConnection"
_RESERVED_IPS = "Get-AzureReservedIP"
_STORAGE_ACCOUNTS = "Get-AzureStorageAccount"
_SERVICES = "Get-AzureService"
_IMAGES = "Get-AzureVMImage"
# An affinity group (`Get-AzureAffinityGroup`, an `AffinityGroupContext`): its name and region with the
# services and storage accounts in it, which only it has, or the cmdlet's name (`OperationDescription`). Its
# `Location` is the region of the networks and cloud services placed in it (`AffinityGroupRegion`).
_AFFINITY_GROUPS = "Get-AzureAffinityGroup"
_AFFINITY_GROUP_KEYS = ("HostedServices", "StorageServices")


def _asm_kind(obj: dict) -> str | None:
    """Which of these classic cmdlets wrote this object (through ConvertTo-Json), by the properties only
    its objects have; None for an object of another cmdlet (or none)."""
    if has(obj, "LinkAuthorizationId") or (has(obj, "MicrosoftIds") and has(obj, "Used")):
        return _AUTHORIZATIONS
    if all(has(obj, k) for k in _GATEWAY_KEYS):
        return _GATEWAYS
    if _is_link(obj):
        return _LINKS
    if all(has(obj, k) for k in _CONNECTION_KEYS):
        return _CONNECTIONS
    if _is_reserved_ip_context(obj):
        return _RESERVED_IPS
    if _is_storage_account_context(obj):
        return _STORAGE_ACCOUNTS
    if _is_service_context(obj):
        return _SERVICES
    if has(obj, "Name") and has(obj, "Location") and _is_affinity_group_context(obj):
        return _AFFINITY_GROUPS
    if all(has(obj, k) for k in _IMAGE_KEYS) and (has(obj, "MediaLink") or has(obj, "OSDiskConfiguration")):
        return _IMAGES
    return None


def _is_reserved_ip_context(obj: dict) -> bool:
    """Whether the object is a reserved IP of `Get-AzureReservedIP`: its name with its address and use; or,
    where a `Select-Object` kept less, with the cmdlet's name (`OperationDescription`) or with any of them or
    the cloud service whose VIP it is. A VM's context or view and a deployment's (which name a reserved IP
    too) are not: `CMDLET_OBJECTS` and the reader tell them first."""
    if all(has(obj, k) for k in _RESERVED_IP_KEYS):
        return True
    if not has(obj, "ReservedIPName") or has(obj, "VM") or has(obj, "VMName") or has(obj, "Slot"):
        return False
    written_by = text(get(obj, "OperationDescription")).casefold() == _RESERVED_IPS.casefold()
    return written_by or any(has(obj, k) for k in _RESERVED_IP_KEPT)


def _is_storage_account_context(obj: dict) -> bool:
    """Whether the object is a storage account of `Get-AzureStorageAccount`: its name with its status; or,
    where a `Select-Object` kept less, with the cmdlet's name (`OperationDescription`) or with an account type
    as only the classic API writes it (`Premium_LRS`). A Resource Manager account names its resource group."""
    if not has(obj, "StorageAccountName"):
        return False
    if has(obj, "StorageAccountStatus"):
        return True
    if has(obj, "ResourceGroupName"):
        return False
    written_by = text(get(obj, "OperationDescription")).casefold() == _STORAGE_ACCOUNTS.casefold()
    return written_by or text(get(obj, "AccountType")).casefold() in _CLASSIC_ACCOUNT_TYPES


def _is_service_context(obj: dict) -> bool:
    """Whether the object is a cloud service of `Get-AzureService`: its name with the dates it was created
    and changed; or, where a `Select-Object` kept less, with either date or the cmdlet's name
    (`OperationDescription`). The objects of other cmdlets that name a cloud service write no such date."""
    if not has(obj, "ServiceName"):
        return False
    written_by = text(get(obj, "OperationDescription")).casefold() == _SERVICES.casefold()
    return written_by or any(has(obj, k) for k in _SERVICE_DATES)


def _is_affinity_group_context(obj: dict) -> bool:
    """Whether an object with a name and a location is an affinity group of `Get-AzureAffinityGroup`."""
    written_by = text(get(obj, "OperationDescription")).casefold() == _AFFINITY_GROUPS.casefold()
    return written_by or all(has(obj, k) for k in _AFFINITY_GROUP_KEYS)


def _is_link(obj: dict) -> bool:
    """Whether the object holds a circuit link's network and state and nothing else."""
    keys = {k.casefold() for k in obj if isinstance(k, str)}
    return keys == _LINK_KEYS and len(obj) == len(_LINK_KEYS)


def _written_by(cmdlet: str) -> Callable[[dict], bool]:
    """Whether an object is one of `cmdlet`'s (of those `_asm_kind` tells)."""
    return lambda obj: _asm_kind(obj) == cmdlet


def _asm_records(obj: dict, mark: Mark, spots: Spots) -> Iterator[object]:
    kind = _asm_kind(obj)
    if kind == _AUTHORIZATIONS:
        description = text(get(obj, "Description"))
        yield LinkAuthorization(
            text(get(obj, "LinkAuthorizationId")) or description or "link authorization",
            mark,
            description=description,
            used=integer(get(obj, "Used")),
            limit=integer(get(obj, "Limit")),
            microsoft_ids=text(get(obj, "MicrosoftIds")),
            used_mark=spots.value("Used") if has(obj, "Used") else None,
        )
    elif kind == _GATEWAYS:
        vnet, subnets = text(get(obj, "VnetName")), strings(get(obj, "Subnets"))
        yield ApplicationGateway(
            text(get(obj, "Name")) or "application gateway",
            vnet,
            mark,
            subnets=subnets,
            state=text(get(obj, "State")),
            vnet_mark=_value_mark(spots, vnet, "VnetName"),
            subnet_marks=tuple(spots.values(list(subnets), "Subnets")),
        )
    elif kind == _LINKS:
        yield CircuitLink(text(get(obj, "VnetName")), text(get(obj, "State")), mark)
    elif kind == _CONNECTIONS and text(get(obj, "ConnectivityState")):
        yield ConnectionState(
            text(get(obj, "LocalNetworkSiteName")),
            text(get(obj, "ConnectivityState")),
            mark,
        )
    elif kind == _RESERVED_IPS and text(get(obj, "ReservedIPName")):
        yield _reserved_ip_context(obj, mark, spots)
    elif kind == _STORAGE_ACCOUNTS and text(get(obj, "StorageAccountName")):
        name = text(get(obj, "StorageAccountName"))
        # A finding about it points at its name; its type is "" where the export does not state it.
        yield ClassicStorageAccount(
            name, shown_at(mark, spots.value("StorageAccountName")), text(get(obj, "AccountType"))
        )
    elif kind == _SERVICES:
        yield from _service_region(obj, mark, spots)
    elif kind == _AFFINITY_GROUPS and text(get(obj, "Name")) and text(get(obj, "Location")):
        # Marked at its region, as a Create Affinity Group body's is: what a message about it names.
        yield AffinityGroupRegion(text(get(obj, "Name")), text(get(obj, "Location")), spots.value("Location"))
    elif kind == _IMAGES and text(get(obj, "ImageName")):
        yield _image_context(obj, mark, spots)


def _service_region(obj: dict, mark: Mark, spots: Spots) -> Iterator[ServiceRegion]:
    """The region of a `Get-AzureService` cloud service, marked at it; of one in an affinity group, the group
    (whose region an `AffinityGroupRegion` may state), as a script's `New-AzureService -AffinityGroup` says."""
    service, region, group = (text(get(obj, k)) for k in ("ServiceName", "Location", "AffinityGroup"))
    if service and group:
        yield ServiceRegion(service, "", shown_at(mark, spots.value("AffinityGroup")), affinity_group=group)
    elif service and region:
        yield ServiceRegion(service, region, shown_at(mark, spots.value("Location")))


def _image_context(obj: dict, mark: Mark, spots: Spots) -> Image:
    """The image of `Get-AzureVMImage`, as a REST `OSImage` or `VMImage` is read: its VHD (an OS image's
    `MediaLink`, a VM image's OS disk's) and its data disks' (each a VHD blob of the image, at its LUN),
    marked at its name. A data disk ConvertTo-Json cut short (its type's name in its place) states no blob."""
    media = _blob_address(get(obj, "MediaLink")) or _blob_address(
        get(get(obj, "OSDiskConfiguration"), "MediaLink")
    )
    configured = [d for d in items(get(obj, "DataDiskConfigurations")) if isinstance(d, dict)]
    blobs = [_blob_address(get(d, "MediaLink")) for d in configured]
    marks = spots.values([b for b in blobs if b], "DataDiskConfigurations")
    at = iter(marks)
    data_disks = tuple(
        Disk(
            text(get(d, "Name")),
            blob,
            text(get(d, "IOType")),
            "",
            next(at) if blob else mark,
            lun=lun_key(number_text(get(d, "Lun"))),
            data=True,
        )
        for d, blob in zip(configured, blobs, strict=True)
    )
    return Image(
        text(get(obj, "ImageName")),
        media,
        shown_at(mark, spots.value("ImageName")),
        text(get(obj, "Category")),
        data_disks,
    )


def _reserved_ip_context(obj: dict, mark: Mark, spots: Spots) -> ClassicReservedIp:
    """A reserved IP of `Get-AzureReservedIP`, the VIP of the cloud service it names (`ServiceName`), as a
    Resource Graph row's `attachedTo` says it. Which deployment of the service it is on is said by the
    deployment's name (`DeploymentName`), not its slot: the link stage takes the slot of the deployment of
    that name the files describe (`ClassicReservedIp.deployment`). One in use (`InUse`) that names no service
    is not known to be unattached."""
    service = text(get(obj, "ServiceName"))
    in_use = boolean(get(obj, "InUse"))
    return ClassicReservedIp(
        text(get(obj, "ReservedIPName")),
        shown_at(mark, spots.value("ReservedIPName")),  # a finding about it points at its name
        text(get(obj, "Address")),
        service,
        deployment=text(get(obj, "DeploymentName")) if service else "",
        in_use=not service and in_use is True,
        use_known=in_use is not None or bool(service),
    )


def is_vnet_config(obj: object) -> bool:
    """A `VirtualNetworkConfigContext` of `Get-AzureVNetConfig`: the subscription's network configuration,
    the text of a .netcfg, as the string `XMLConfiguration` (see `readers.vnet_config_export`)."""
    return isinstance(obj, dict) and isinstance(get(obj, "XMLConfiguration"), str)


# --- Get-AzureDisk through ConvertTo-Json ------------------------------------------------------------------
# `Get-AzureDisk | ConvertTo-Json` writes a `DiskContext` per disk of the subscription's disk repository:
# `DiskName`, `MediaLink` (a `System.Uri`: a string, or an object of its parts from Windows PowerShell),
# `AttachedTo` (a `RoleReference`: `HostedServiceName`, `DeploymentName`, `RoleName`; null for a disk
# attached to no VM), `IOType` (in later module versions), `OS`, `DiskSizeInGB`, `Location`,
# `AffinityGroup`, `Label`, `SourceImageName`, `IsCorrupted`, and the operation's `OperationDescription`,
# `OperationId`, `OperationStatus`. Resource Graph does not list classic disks: this is how they are
# exported. Told by the three every version has and no other cmdlet's object has together.
_DISK_CONTEXT_KEYS = ("DiskName", "MediaLink", "AttachedTo")
# The VM of a disk whose `AttachedTo` ConvertTo-Json cut short (a string where the object belongs): a
# stand-in (`is_stand_in`), so that the disk is not taken for one attached to none.
_VM_CUT_SHORT = "<the VM its export does not name>"


def is_disk_context(obj: object) -> bool:
    """A `DiskContext` of `Get-AzureDisk` written by ConvertTo-Json."""
    return isinstance(obj, dict) and all(has(obj, k) for k in _DISK_CONTEXT_KEYS)


def _disk_context(obj: dict, mark: Mark, spots: Spots) -> Disk:
    """The disk a `DiskContext` describes, as a REST `Disks` list's `Disk` is read: its name, blob and
    `IOType`, and the VM it is attached to (`AttachedTo.RoleName`; "" for none) with that VM's cloud
    service and deployment (`HostedServiceName`, `DeploymentName`), marked at its object, its blob where the
    export writes it."""
    media = _blob_address(get(obj, "MediaLink"))
    attached = get(obj, "AttachedTo")
    service = deployment = ""
    if isinstance(attached, dict):
        vm = text(get(attached, "RoleName")) or _VM_CUT_SHORT
        service, deployment = text(get(attached, "HostedServiceName")), text(get(attached, "DeploymentName"))
    else:
        vm = _VM_CUT_SHORT if text(attached) else ""
    [media_mark] = spots.values([media], "MediaLink") if media else [None]
    return Disk(
        text(get(obj, "DiskName")),
        media,
        text(get(obj, "IOType")),
        vm,
        mark,
        media_link_mark=media_mark if media_mark != spots.mark else None,
        attached_service=service,
        attached_deployment=deployment,
    )


# --- Get-AzureVM through ConvertTo-Json ---------------------------------------------------------------------
# `Get-AzureVM | ConvertTo-Json` writes a `PersistentVMRoleContext` per VM (one object, or an array of them):
# the VM's runtime state at the top (`ServiceName`, `DeploymentName`, `InstanceStatus`, `GuestAgentStatus`,
# `ResourceExtensionStatusList`, `AvailabilitySetName`, `VirtualNetworkName`) and its configuration under
# `VM`, a `PersistentVM` written with the property names of the classic module's classes (`ConfigurationSets`,
# `OSVirtualHardDisk`, `ResourceExtensionReferences`, ...). ConvertTo-Json writes every public property of
# those classes, null when the VM has none: here a null says "none", not "not said".

# The objects and arrays read below the top of the object, where ConvertTo-Json writes a .NET type name once
# its `-Depth` (2 unless told) is exceeded: the properties of `VM` in an array of VMs, and deeper. Each path
# is looked at from its first step; what a value cut short on it held is unknown (`_cut_facts`).
_GET_AZURE_VM_NESTED = (
    "VM",
    "VM.ConfigurationSets[].InputEndpoints[].EndpointAccessControlList.Rules[]",
    "VM.ConfigurationSets[].SubnetNames",
    "VM.ConfigurationSets[].NetworkInterfaces[].IPConfigurations[]",
    "VM.ConfigurationSets[].PublicIPs[]",
    "VM.OSVirtualHardDisk",
    "VM.DataVirtualHardDisks[]",
    "VM.ResourceExtensionReferences[]",
    "VM.DebugSettings",
    "GuestAgentStatus",
    "ResourceExtensionStatusList[]",
)
# The keys whose values the walks for values cut short read, case-folded: each step of the paths of
# `NESTED` and `_GET_AZURE_VM_NESTED`, and `properties` (see `cut_short_starts`).
CUT_SHORT_KEYS = frozenset(
    step.removesuffix("[]").casefold()
    for path in (*(p for paths in NESTED.values() for p in paths), *_GET_AZURE_VM_NESTED)
    for step in path.split(".")
) | {"properties"}

# What the first value cut short of a context says the export still says of its VM.
_CONTEXT_KEPT = "availability set, state, virtual network, size"

# What only a VM's context writes beside its cloud service and name, of what a `Select-Object` may keep.
_VM_CONTEXT_KEYS = (
    "AvailabilitySetName",
    "InstanceStatus",
    "PowerState",
    "GuestAgentStatus",
    "VirtualNetworkName",
)

# What only a VM's network configuration set holds, for one whose `ConfigurationSetType` is not written.
_NETWORK_SET_KEYS = ("InputEndpoints", "SubnetNames", "StaticVirtualNetworkIPAddress", "NetworkInterfaces")


def is_get_azure_vm(obj: object) -> bool:
    """A `PersistentVMRoleContext` of `Get-AzureVM`: a cloud service, a VM's state and the VM itself, a
    `PersistentVM` (or the type name ConvertTo-Json writes for one nested too deeply). The role instances
    of `Get-AzureRole` and `Get-AzureDeployment`, web and worker roles among them, have no `VM`. A context
    whose `VM` a `Select-Object` left out is told by the VM's `Name` beside a property only a VM's context
    has (`_VM_CONTEXT_KEYS`): a role instance writes `RoleName` and `InstanceName`, a deployment no state
    of a VM's."""
    if not (isinstance(obj, dict) and has(obj, "ServiceName")):
        return False
    if not has(obj, "VM"):
        return has(obj, "Name") and any(has(obj, k) for k in _VM_CONTEXT_KEYS)
    if not (has(obj, "InstanceStatus") or has(obj, "DeploymentName")):
        return False
    vm = get(obj, "VM")
    if isinstance(vm, dict):
        return any(has(vm, k) for k in ("RoleName", "RoleType", "ConfigurationSets"))
    return collapsed(vm)


def _get_azure_vm(obj: dict, mark: Mark, spots: Spots) -> tuple[object, ...]:
    """The classic VM a `PersistentVMRoleContext` describes. When ConvertTo-Json cut short parts of it, the
    VM is still read from what the object says (its context's own properties, which no `-Depth` cuts: cloud
    service, availability set, state, network, size), with the facts the cut parts hold unknown, and the
    first value cut short (`Collapsed`) follows it: the export is read in part, and says so once."""
    written = get(obj, "VM")
    vm: dict = written if isinstance(written, dict) else {}
    # The cloud first: a VM read in part is followed by the value cut short, last.
    return (
        *_service_cloud(obj, mark, spots),
        *_vm_read_in_part(obj, vm, mark, spots, _GET_AZURE_VM_NESTED, _CONTEXT_KEPT),
    )


def _vm_read_in_part(
    context: dict, vm: dict, mark: Mark, spots: Spots, nested: tuple[str, ...], kept: str
) -> tuple[object, ...]:
    """The VM of `context` and `vm` (see `_vm_context`), then the first value of the paths `nested` that
    ConvertTo-Json cut short, if any (`Collapsed`, saying that `kept` is what the export still says). The
    paths start at the object the export writes: the context, or the VM written on its own."""
    cut = _values_cut_short(context or vm, spots, nested)
    if not cut:
        return (_vm_context(context, vm, mark, spots),)
    unknown = frozenset().union(*(_cut_facts(c.field) for c in cut))
    first = min(cut, key=lambda c: (c.mark.line, c.mark.column))
    return (_vm_context(context, vm, mark, spots, unknown), replace(first, kept=kept))


def _values_cut_short(obj: dict, spots: Spots, nested: tuple[str, ...]) -> list[Collapsed]:
    """The first value of each path of `nested` that ConvertTo-Json cut short, if any."""
    if not spots.may_hold_collapsed():
        return []
    found = (_collapsed_on(obj, path.split("."), "") for path in nested)
    return [_collapsed_at(spots, where.lstrip("."), value) for where, value in filter(None, found)]


def _cut_facts(where: str) -> frozenset[str]:
    """The facts of `Role.unknown` that a value cut short at `where` (`VM.ConfigurationSets` of a context,
    `ConfigurationSets` of a `PersistentVM` on its own) held. Disks, boot diagnostics, the guest agent's
    status and the extensions' statuses need none: a cut value gives no disk, no setting and no status,
    which is what a file that does not say them gives."""
    if where == "VM":
        return frozenset({"endpoints", "subnets", "public_ips", "extensions"})
    within = where.removeprefix("VM.")
    if within == "ConfigurationSets":
        return frozenset({"endpoints", "subnets", "public_ips"})
    if within.startswith("ConfigurationSets.InputEndpoints"):
        return frozenset({"endpoints"})
    if within.startswith("ConfigurationSets.PublicIPs"):
        return frozenset({"public_ips"})
    if within.startswith("ConfigurationSets."):  # SubnetNames, or a network interface's subnets
        return frozenset({"subnets"})
    if within.startswith("ResourceExtensionReferences"):
        return frozenset({"extensions"})
    return frozenset()


# --- Get-AzureVM's `VM` on its own --------------------------------------------------------------------------
# `Get-AzureVM -ServiceName s | Select-Object -ExpandProperty VM | ConvertTo-Json` (or `(Get-AzureVM ...).VM`)
# writes the `PersistentVM` of each VM without its context: the JSON form of an Export-AzureVM file, in the
# same property names (`RoleName`, `ConfigurationSets`, `OSVirtualHardDisk`, ...). It names no cloud service,
# deployment, network or state: the VM is read as an Export-AzureVM file's, of a service no file names.
_PERSISTENT_VM_NESTED = tuple(p.removeprefix("VM.") for p in _GET_AZURE_VM_NESTED if p.startswith("VM."))
_PERSISTENT_VM_KEPT = "name, availability set, size, and what is written in full"
_PERSISTENT_VM_KEYS = ("ConfigurationSets", "OSVirtualHardDisk")


def is_persistent_vm(obj: object) -> bool:
    """A `PersistentVM` written on its own: a role's name beside its configuration sets or its OS disk, which
    a role instance (`RoleName`, `InstanceName`) does not write, and no cloud service (a context's `VM` is
    under its `VM`)."""
    return (
        isinstance(obj, dict)
        and has(obj, "RoleName")
        and any(has(obj, k) for k in _PERSISTENT_VM_KEYS)
        and not has(obj, "ServiceName")
    )


def _persistent_vm(obj: dict, mark: Mark, spots: Spots) -> tuple[object, ...]:
    """The classic VM of a `PersistentVM`, read in part where ConvertTo-Json cut it short (see
    `_get_azure_vm`)."""
    return _vm_read_in_part({}, obj, mark, spots, _PERSISTENT_VM_NESTED, _PERSISTENT_VM_KEPT)


def _vm_context(
    obj: dict, vm: dict, mark: Mark, spots: Spots, cut: frozenset[str] = frozenset()
) -> ClassicVm:
    """The VM of a context `obj`, whose `VM` is `vm` (`obj` is empty for a `PersistentVM` written on its
    own); `cut`, the facts ConvertTo-Json cut short (see `_cut_facts`), are unknown."""
    name = text(get(obj, "Name")) or text(get(vm, "RoleName"))
    service = text(get(obj, "ServiceName"))
    unknown = set(cut)
    if not has(vm, "ConfigurationSets"):
        unknown |= {"endpoints", "subnets", "public_ips", "static_ips"}
    if not (has(vm, "OSVirtualHardDisk") or has(vm, "DataVirtualHardDisks")):
        unknown.add("disks")  # a context trimmed to some columns (`Select-Object Name, ServiceName`)
    if not has(vm, "ResourceExtensionReferences"):
        unknown.add("extensions")
    availability, left_out = _context_availability_set(obj, vm)
    if availability is None:
        unknown.add("availability_set")
    sets = [s for s in items(get(vm, "ConfigurationSets")) if isinstance(s, dict) and _is_network_set(s)]
    subnets, primary = _context_subnets(sets, spots)
    boot = boolean(get(get(vm, "DebugSettings"), "BootDiagnosticsEnabled"))
    os_disk = get(vm, "OSVirtualHardDisk")
    data_disks = [d for d in items(get(vm, "DataVirtualHardDisks")) if isinstance(d, dict)]
    role = Role(
        name,
        RoleType.PERSISTENT_VM,
        mark,
        size=text(get(vm, "RoleSize")) or text(get(obj, "InstanceSize")),
        availability_set=availability or "",
        subnets=subnets,
        endpoints=tuple(_context_endpoints(sets, name, spots)),
        extensions=tuple(
            _extensions(get(vm, "ResourceExtensionReferences"), spots, "ResourceExtensionReferences")
        ),
        disks=(
            *_disks_of([os_disk] if isinstance(os_disk, dict) else [], name, spots, "OSVirtualHardDisk"),
            *_disks_of(data_disks, name, spots, "DataVirtualHardDisks"),
        ),
        boot_diagnostics=boot,
        boot_diagnostics_mark=spots.value("BootDiagnosticsEnabled") if boot is not None else None,
        availability_set_mark=_availability_set_mark(spots, availability or "", "AvailabilitySetName"),
        primary_subnets=primary,
        subnets_mark=spots.value("SubnetNames") if not subnets and "subnets" not in unknown else None,
        unknown=facts_unknown(unknown),
        static_ips=_context_static_ips(sets, spots),
        security_group=_context_security_group(sets, spots),
        public_ips=_context_public_ips(sets, spots),
        migration_state=_migration_state(vm, spots),
    )
    return ClassicVm(
        name,
        mark,
        service,
        text(get(obj, "DeploymentName")),  # "" when a `Select-Object` leaves it out
        role,
        _context_instance(obj, name, spots),
        text(get(obj, "VirtualNetworkName")),
        has(obj, "VirtualNetworkName"),
        availability_set_left_out=left_out,
        virtual_network_mark=_value_mark(spots, text(get(obj, "VirtualNetworkName")), "VirtualNetworkName"),
    )


def _migration_state(vm: dict, spots: Spots) -> NameRef | None:
    """The VM's `MigrationState` (`Prepared` while a migration of it waits for Commit or Abort), marked at
    its value; None for a VM in none (null, or `None`) or one the object does not say."""
    state = text(get(vm, "MigrationState")).strip()
    if not state or state.casefold() == "none":
        return None
    [mark] = spots.values([state], "MigrationState")
    return NameRef(state, mark)


def _context_availability_set(obj: dict, vm: dict) -> tuple[str | None, bool]:
    """(availability set, whether the object leaves it out) of a VM: `AvailabilitySetName`, written both on
    the context and on its `VM` (null for a VM in none); "" for none, None when not known."""
    values = [
        get(holder, "AvailabilitySetName") for holder in (obj, vm) if has(holder, "AvailabilitySetName")
    ]
    if not values:
        return None, True
    names = [v.strip() for v in values if isinstance(v, str) and v.strip()]
    if names:
        return names[0], False
    return ("", False) if all(v is None or isinstance(v, str) for v in values) else (None, False)


def _is_network_set(config: dict) -> bool:
    """The network configuration set: by its `ConfigurationSetType`, else by what only it holds."""
    kind = key(text(get(config, "ConfigurationSetType")))
    if kind:
        return kind in ("networkconfiguration", "networkconfigurationset")
    return any(has(config, k) for k in _NETWORK_SET_KEYS)


def _context_subnets(sets: list[dict], spots: Spots) -> tuple[tuple[NameRef, ...], tuple[NameRef, ...]]:
    """(every subnet, the primary network interface's) of a VM: the `SubnetNames` of its network set, then
    the `SubnetName` of each IP configuration of its other network interfaces, each marked at its name."""
    primary = [name for s in sets for name in strings(get(s, "SubnetNames"))]
    others = [
        text(get(ip, "SubnetName"))
        for s in sets
        for nic in items(get(s, "NetworkInterfaces"))
        for ip in items(get(nic, "IPConfigurations"))
    ]
    others = [name for name in others if name]
    first = tuple(NameRef(n, m) for n, m in zip(primary, spots.values(primary, "SubnetNames"), strict=True))
    rest = tuple(NameRef(n, m) for n, m in zip(others, spots.values(others, "IPConfigurations"), strict=True))
    return (*first, *rest), first


def _context_static_ips(sets: list[dict], spots: Spots) -> tuple[NameRef, ...]:
    """The private addresses a VM asks for: `StaticVirtualNetworkIPAddress` of its network set, then of the
    IP configurations of its other network interfaces, each marked at its value."""
    addresses = [text(get(s, "StaticVirtualNetworkIPAddress")) for s in sets]
    addresses += [
        text(get(ip, "StaticVirtualNetworkIPAddress"))
        for s in sets
        for nic in items(get(s, "NetworkInterfaces"))
        for ip in items(get(nic, "IPConfigurations"))
    ]
    addresses = [a for a in addresses if a]
    marks = spots.values(addresses, "StaticVirtualNetworkIPAddress")
    return tuple(NameRef(a, m) for a, m in zip(addresses, marks, strict=True))


def _context_security_group(sets: list[dict], spots: Spots) -> NameRef | None:
    """The network security group set on the VM (its network set's `NetworkSecurityGroup`, a name), marked
    at its value; None when it has none."""
    name = next(
        (text(get(s, "NetworkSecurityGroup")) for s in sets if text(get(s, "NetworkSecurityGroup"))), ""
    )
    return NameRef(name, _value_mark(spots, name, "NetworkSecurityGroup") or spots.mark) if name else None


def _context_public_ips(sets: list[dict], spots: Spots) -> tuple[NameRef, ...]:
    """The VM's own public IPs (its network set's `PublicIPs`, each item's `Name`), each marked at its name."""
    names = [text(get(ip, "Name")) for s in sets for ip in items(get(s, "PublicIPs"))]
    names = [name for name in names if name]
    return tuple(NameRef(n, m) for n, m in zip(names, spots.values(names, "PublicIPs"), strict=True))


def _context_endpoints(sets: list[dict], role: str, spots: Spots) -> Iterator[InputEndpoint]:
    """`InputEndpoints` of a VM's network set (see `_input_endpoints`); its ACL is `EndpointAccessControlList`,
    null when it has none. `LoadBalancerName` names the internal load balancer of one that is not on the
    deployment's VIP."""
    found = [e for s in sets for e in items(get(s, "InputEndpoints")) if isinstance(e, dict)]
    return _input_endpoints(found, role, spots, "InputEndpoints", "EndpointAccessControlList")


def _input_endpoints(
    found: list[dict], role: str, spots: Spots, listed_under: str, acl_key: str, vip_key: str = ""
) -> Iterator[InputEndpoint]:
    """Endpoint objects of an export (`found`, listed under the key `listed_under`), each marked at its name,
    its ACL (under `acl_key`) at that key; the VIP it is on under `vip_key`, when the export writes one."""
    names = [text(get(e, "Name")) for e in found]
    marks = spots.values([n for n in names if n], listed_under)
    # Each endpoint that writes the key (null or not) has one of these, in the order written.
    acl_keys = spots.keys(acl_key)
    with_key = [has(e, acl_key) for e in found]
    acl_marks = iter(acl_keys if len(acl_keys) == sum(with_key) else [])
    named = iter(marks)
    for endpoint, name, keyed in zip(found, names, with_key, strict=True):
        mark = next(named) if name else spots.mark
        acl_mark = next(acl_marks, mark) if keyed else mark
        yield InputEndpoint(
            name,
            text(get(endpoint, "Protocol")),
            number_text(get(endpoint, "Port")),
            number_text(get(endpoint, "LocalPort")),
            _endpoint_acl(get(endpoint, acl_key), role, name, acl_mark),
            mark,
            load_balancer=text(get(endpoint, "LoadBalancerName")),
            virtual_ip=text(get(endpoint, vip_key)) if vip_key else "",
        )


def _endpoint_acl(value: object, role: str, endpoint: str, mark: Mark) -> EndpointAcl | None:
    """The ACL of an endpoint, even one with no rules; None when it has none (null)."""
    if not isinstance(value, dict):
        return None
    rules = tuple(
        AclRule(
            number_text(get(rule, "Order")),
            text(get(rule, "Action")),
            text(get(rule, "RemoteSubnet")),
            text(get(rule, "Description")),
            mark,
        )
        for rule in items(get(value, "Rules"))
        if isinstance(rule, dict)
    )
    return EndpointAcl(role, endpoint, "", rules, mark)


def _context_instance(obj: dict, vm: str, spots: Spots) -> RoleInstance | None:
    """The VM's runtime state: `InstanceStatus` (else `Status`, else `PowerState`: `_CONTEXT_STATES`),
    `GuestAgentStatus.Status` and the status each extension's handler reports (`ResourceExtensionStatusList`),
    marked at its handler's name. ConvertTo-Json writes every property, so a status list that is null or
    `[]` says that no handler reports; one left out (by a `Select-Object`) or cut short says nothing."""
    status, state_key = _state(obj, _CONTEXT_STATES)
    agent = text(get(get(obj, "GuestAgentStatus"), "Status"))
    listed = get(obj, "ResourceExtensionStatusList")
    reported = [
        (text(get(s, "HandlerName")), text(get(s, "Status"))) for s in items(listed) if isinstance(s, dict)
    ]
    reported = [(handler, state) for handler, state in reported if handler or state]
    if not (status or agent or reported):
        return None
    at = spots.value(state_key)
    named = iter(spots.values([h for h, _ in reported if h], "ResourceExtensionStatusList"))
    statuses = tuple(ExtensionStatus(h, state, next(named) if h else at) for h, state in reported)
    in_full = has(obj, "ResourceExtensionStatusList") and len(reported) == len(_listed(listed))
    return RoleInstance(
        vm,
        vm,
        status,
        agent,
        _instance_mark(spots, status, agent, state_key, "GuestAgentStatus"),
        extension_statuses=statuses,
        status_list_mark=spots.value("ResourceExtensionStatusList") if in_full else None,
        no_agent_mark=_no_agent_mark(get(obj, "VM"), "ProvisionGuestAgent", spots),
        guest_agent_mark=_agent_mark(spots, agent, "GuestAgentStatus"),
    )


def _listed(value: object) -> list:
    """The items of a list property as ConvertTo-Json writes it: null for none, one item without its
    array; a value cut short (a type name) is an item, which is not read as a status."""
    return [] if value is None else value if isinstance(value, list) else [value]


# --- the classic Azure CLI's `azure vm list --json` and `azure vm show --json` ------------------------------
# The cross-platform CLI (`azure`, in `azure config mode asm`) writes one view per VM: an array of them from
# `vm list`, one object from `vm show` (an array when the name matches several). Verified in
# Azure/azure-xplat-cli `lib/commands/asm/vm/vmclient.js` (`createVMView`): `DNSName` (the host of the
# deployment's URL, `<service>.cloudapp.net`), `Location`, `AffinityGroup`, `VMName`, `IPAddress`,
# `InstanceStatus`, `InstanceSize`, `Image`, `OSDisk`, `DataDisks`, `ReservedIPName`, `VirtualIPAddresses` and
# `Network.Endpoints` (the network configuration set's input endpoints, `{}` when the VM has none); and in
# a real `vm list --json` of CLI 0.7 (jeffwilcox.blog), which writes `InstanceStateDetails` and `OSVersion`
# too, no `OSDisk`, and disks and endpoints in the REST API's names (`DiskName`, `MediaLink`, `LocalPort`,
# `Port`, `Vip`). Later versions write the disks and endpoints as the Node.js SDK names them (`name`,
# `mediaLink`, `logicalUnitNumber`, `localPort`, `endpointAcl.rules[]`, as vmclient.js's ACL commands
# use them); names are read in any case. The view leaves out the availability set, virtual network,
# subnets, extensions and public IPs ("deprecated" in vmclient.js): those stay unknown.
_CLI_VM_KEYS = ("DNSName", "VMName")
_CLI_VM_STATE_KEYS = ("InstanceStatus", "InstanceSize", "Network", "DataDisks")


def is_cli_vm(obj: object) -> bool:
    """A VM view of the classic Azure CLI: its cloud service's DNS name and its VM name (Get-AzureVM's
    context writes `DNSName` too, with `Name`), with its state, size, disks or endpoints."""
    return (
        isinstance(obj, dict)
        and all(has(obj, k) for k in _CLI_VM_KEYS)
        and any(has(obj, k) for k in _CLI_VM_STATE_KEYS)
    )


def _cli_service(dns_name: str) -> str:
    """The cloud service of a DNS name the CLI writes (`shop.cloudapp.net`, or a URL): its first label."""
    host = dns_name.split("://", 1)[-1]
    return host.split("/", 1)[0].split(".", 1)[0].strip()


def _cli_vm(obj: dict, mark: Mark, spots: Spots) -> tuple[object, ...]:
    """The classic VM a CLI view describes, with its cloud service's region when the view states it."""
    name, service = text(get(obj, "VMName")), _cli_service(text(get(obj, "DNSName")))
    os_disk = [d for d in items(get(obj, "OSDisk")) if isinstance(d, dict)]
    data_disks = [d for d in items(get(obj, "DataDisks")) if isinstance(d, dict)]
    role = Role(
        name,
        RoleType.PERSISTENT_VM,
        mark,
        size=text(get(obj, "InstanceSize")),
        endpoints=tuple(_cli_endpoints(get(get(obj, "Network"), "Endpoints"), name, spots)),
        disks=(
            *_cli_disks(os_disk, name, spots, "OSDisk"),
            *_cli_disks(data_disks, name, spots, "DataDisks"),
        ),
        unknown=frozenset({"availability_set", "subnets", "extensions", "public_ips", *_cli_left_out(obj)}),
        unplaced_disk=None if (has(obj, "OSDisk") or has(obj, "DataDisks")) else _disks_left_out(mark),
    )
    status, state_key = _state(obj, ("InstanceStatus",))
    at = _value_mark(spots, status, state_key)
    instance = RoleInstance(name, name, status, "", at) if at else None
    vm = ClassicVm(name, mark, service, "", role, instance)  # the view does not name the deployment
    region = text(get(obj, "Location"))
    regions = (ServiceRegion(service, region, mark),) if region and service else ()
    return (vm, *regions, *_service_cloud(obj, mark, spots))


def _cli_left_out(obj: dict) -> Iterator[str]:
    """The facts of `Role.unknown` a CLI view trimmed to some fields (`jq '{VMName, DNSName, ...}'`) does
    not say: its endpoints without `Network` (the CLI writes `{}` for a VM with no network configuration, which
    is none), its disks without `OSDisk` and `DataDisks`."""
    if not has(obj, "Network"):
        yield "endpoints"
    if not (has(obj, "OSDisk") or has(obj, "DataDisks")):
        yield "disks"


def _service_cloud(obj: dict, mark: Mark, spots: Spots) -> tuple[CloudInUse, ...]:
    """The cloud a VM's cloud service answers in, where its DNS name says which (`DNSName`:
    `shop.chinacloudapp.cn` is Azure China's), as a disk's blob address says it; none for any other."""
    dns_name = text(get(obj, "DNSName"))
    cloud = cloud_of_url(dns_name)
    return (CloudInUse(cloud, _value_mark(spots, dns_name, "DNSName") or mark),) if cloud else ()


def _cli_disks(disks: list[dict], vm: str, spots: Spots, where: str) -> Iterator[Disk]:
    """The disks of a CLI view, each marked at its blob address (or its name), in either naming."""
    described = [(_blob_address(get(d, "MediaLink")), text(get(d, "DiskName", "name")), d) for d in disks]
    marks = spots.values([media or name for media, name, _ in described], where)
    for (media, name, disk), mark in zip(described, marks, strict=True):
        data = where == "DataDisks"
        lun = lun_key(number_text(get(disk, "Lun", "logicalUnitNumber"))) if data else ""
        yield Disk(name, media, text(get(disk, "IOType")), vm, mark, lun=lun, data=data)


def _cli_endpoints(value: object, role: str, spots: Spots) -> Iterator[InputEndpoint]:
    """`Network.Endpoints` of a CLI view (see `_input_endpoints`); its ACL is `EndpointAcl`, when it has one.
    `{}` (no network configuration) is no endpoint."""
    found = [e for e in value if isinstance(e, dict)] if isinstance(value, list) else []
    return _input_endpoints(found, role, spots, "Endpoints", "EndpointAcl", "VirtualIPName")


# --- Get-AzureDeployment and Get-AzureInternalLoadBalancer through ConvertTo-Json ------------------------------
# `Get-AzureDeployment -ServiceName s | ConvertTo-Json` writes a `DeploymentInfoContext` (azure-powershell,
# `Commands.ServiceManagement/Model/DeploymentInfoContext.cs`): its cloud service (`ServiceName`), `Slot`,
# `DeploymentName` (and `Name`, the same), `DeploymentId` (the REST `PrivateID`), `VNetName`, `ReservedIPName`,
# `Locked`, `RoleInstanceList` (the REST API's role instances: `RoleName`, `InstanceName`, `InstanceStatus`,
# `PowerState`, `GuestAgentStatus`), `LoadBalancers` (each `Name` and `FrontEndIpConfiguration.SubnetName`)
# and `Configuration` (the deployment's .cscfg as text), among others no rule reads. It writes no `RoleList`:
# which of its roles are VMs and which web or worker roles it does not say, so each role its instances name is
# a role of a kind not known (a web or worker role would block the service, MIG101, a VM would not), until a
# file that describes it (a Get-AzureVM export, a .csdef) joins the deployment by its service and name and
# tells its kind. `Locked` true is the deployment locked (a migration's Prepare, or another operation): each
# role holds `DEPLOYMENT_LOCKED`, as a Resource Graph row's `deploymentLocked` says of its VM.
# Two things the export may write are a package's only, and then its roles are web or worker roles
# (`_package_evidence`): a non-empty `SdkVersion`, "the version of the Azure SDK that was used to generate
# the .cspkg file that was used to create the deployment" (the Get Deployment response), where a VM
# deployment is made of no package and has none; and a `Configuration` whose `ServiceConfiguration` sets
# `osFamily` or `osVersion`, the Guest OS that runs on the role instances of a cloud service (.cscfg schema),
# which the configuration the platform keeps for a VM deployment does not set. Its `<Role>` and
# `<Instances count=...>` tell nothing, as a VM deployment's configuration has them too.
_DEPLOYMENT_CONTEXT_KEYS = ("ServiceName", "Slot", "DeploymentName")
# `Get-AzureInternalLoadBalancer -ServiceName s | ConvertTo-Json` writes an `InternalLoadBalancerContext` of the
# deployment's internal load balancer: `InternalLoadBalancerName`, `ServiceName`, `DeploymentName`,
# `SubnetName`, `IPAddress`.
_ILB_CONTEXT_KEYS = ("InternalLoadBalancerName", "ServiceName")


def is_deployment_context(obj: object) -> bool:
    """A `DeploymentInfoContext` of `Get-AzureDeployment`: a cloud service's deployment in its slot, which
    no VM's context (`DeploymentName` without `Slot`) writes."""
    return isinstance(obj, dict) and all(has(obj, k) for k in _DEPLOYMENT_CONTEXT_KEYS) and not has(obj, "VM")


def is_internal_load_balancer_context(obj: object) -> bool:
    """An `InternalLoadBalancerContext` of `Get-AzureInternalLoadBalancer`."""
    return isinstance(obj, dict) and all(has(obj, k) for k in _ILB_CONTEXT_KEYS)


def _deployment_context(obj: dict, mark: Mark, spots: Spots) -> tuple[object, ...]:
    """The deployment a `DeploymentInfoContext` describes (see the notes above). Of its `Configuration`, only
    whether it sets a Guest OS is read."""
    instances = tuple(_deployment_instances(get(obj, "RoleInstanceList"), spots))
    deployment = Deployment(
        service_name=text(get(obj, "ServiceName")),
        name=text(get(obj, "DeploymentName", "Name")),
        slot=text(get(obj, "Slot")),
        roles=tuple(_roles_of_instances(instances, _locked_state(obj, spots), _package_evidence(obj))),
        instances=instances,
        virtual_network=_named_at(spots, text(get(obj, "VNetName")), "VNetName"),
        reserved_ip=_named_at(spots, text(get(obj, "ReservedIPName")), "ReservedIPName"),
        mark=mark,
        private_id=key(text(get(obj, "DeploymentId"))),
        internal_load_balancers=tuple(_load_balancers(get(obj, "LoadBalancers"), spots)),
    )
    return (deployment,)


def _roles_of_instances(
    instances: Iterable[RoleInstance], locked: NameRef | None, package_evidence: str
) -> Iterator[Role]:
    """One role for each role the instances name, marked at its first instance: a web or worker role where
    the export shows the deployment is a package's (`package_evidence`), else of a kind not known."""
    seen: set[str] = set()
    for instance in instances:
        if key(instance.role) in seen:
            continue
        seen.add(key(instance.role))
        yield Role(
            name=instance.role,
            type=RoleType.WEB_OR_WORKER,  # without `package_evidence`, a stand-in: `kind_known` False
            mark=instance.mark,
            kind_evidence=package_evidence or KIND_UNSAID_BY_EXPORT,
            kind_known=bool(package_evidence),
            migration_state=locked,
        )


def _package_evidence(obj: dict) -> str:
    """Why the deployment a `DeploymentInfoContext` describes is a package's, in words MIG101's message
    quotes; "" when the export shows nothing only a package's deployment has (see the notes above)."""
    sdk = text(get(obj, "SdkVersion")).strip()
    if sdk:
        return (
            f"its Get-AzureDeployment export states SdkVersion {sdk}, the Azure SDK its service package was "
            "built with, and packages hold web and worker roles"
        )
    guest_os = _guest_os_setting(get(obj, "Configuration"))
    if guest_os:
        return (
            f"the Configuration of its Get-AzureDeployment export sets {guest_os}, the Guest OS of web and "
            "worker role instances"
        )
    return ""


def _guest_os_setting(configuration: object) -> str:
    """The Guest OS attribute (`osFamily`, else `osVersion`) the service configuration a deployment's
    `Configuration` holds sets on its `ServiceConfiguration`, as it is written (`osFamily="5"`); "" for none,
    or for a string that is no service configuration."""
    if not isinstance(configuration, str) or "<" not in configuration:
        return ""
    try:
        root = parse(configuration.encode("utf-8"), configuration)
    except (Unreadable, ValueError):
        return ""
    if local_name(root) != "ServiceConfiguration":
        return ""
    for attribute in ("osFamily", "osVersion"):
        value = root.get(attribute)
        if value is not None and value.strip():
            return f'{attribute}="{value}"'
    return ""


def _locked_state(obj: dict, spots: Spots) -> NameRef | None:
    """`DEPLOYMENT_LOCKED`, marked at the value, for a deployment whose `Locked` is true; None otherwise."""
    if boolean(get(obj, "Locked")) is not True:
        return None
    return NameRef(DEPLOYMENT_LOCKED, spots.value("Locked"))


def _named_at(spots: Spots, name: str, under: str) -> NameRef | None:
    """`name`, marked where it is written after the key `under`; None for no name."""
    at = _value_mark(spots, name, under)
    return NameRef(name, at) if at is not None else None


def _deployment_instances(value: object, spots: Spots) -> Iterator[RoleInstance]:
    """The deployment's role instances (`RoleInstanceList`), each marked at its instance's name; an item
    ConvertTo-Json cut short (its type's name) is none."""
    found = [i for i in items(value) if isinstance(i, dict) and text(get(i, "RoleName"))]
    names = [text(get(i, "InstanceName")) or text(get(i, "RoleName")) for i in found]
    for instance, at in zip(found, spots.values(names, "RoleInstanceList"), strict=True):
        yield RoleInstance(
            text(get(instance, "RoleName")),
            text(get(instance, "InstanceName")),
            text(get(instance, "InstanceStatus")) or text(get(instance, "PowerState")),
            text(get(get(instance, "GuestAgentStatus"), "Status")),
            at,
        )


def _load_balancers(value: object, spots: Spots) -> Iterator[InternalLoadBalancer]:
    """The deployment's internal load balancers (`LoadBalancers`), each with the subnet of its private
    frontend (`FrontEndIpConfiguration.SubnetName`), marked at its name."""
    found = [b for b in items(value) if isinstance(b, dict) and text(get(b, "Name"))]
    for balancer, at in zip(
        found, spots.values([text(get(b, "Name")) for b in found], "LoadBalancers"), strict=True
    ):
        subnet = text(get(get(balancer, "FrontEndIpConfiguration", "FrontendIPConfiguration"), "SubnetName"))
        [subnet_at] = spots.values([subnet], "Name") if subnet else [at]
        yield InternalLoadBalancer(
            text(get(balancer, "Name")), at, NameRef(subnet, subnet_at) if subnet else None
        )


def _internal_load_balancer_context(obj: dict, mark: Mark, spots: Spots) -> tuple[object, ...]:
    """The deployment an `InternalLoadBalancerContext` names, holding that load balancer in its subnet; the
    export says nothing else of the deployment, so it is described in part (what else it holds, other files
    say)."""
    name, subnet = text(get(obj, "InternalLoadBalancerName")), text(get(obj, "SubnetName"))
    if not name:
        return ()
    at = shown_at(mark, spots.value("InternalLoadBalancerName"))
    balancer = InternalLoadBalancer(name, at, _named_at(spots, subnet, "SubnetName"))
    service = text(get(obj, "ServiceName"))
    deployment = Deployment(
        service_name=service,
        name=text(get(obj, "DeploymentName")) or service,
        name_assumed=not text(get(obj, "DeploymentName")),
        slot="",
        roles=(),
        instances=(),
        virtual_network=None,
        reserved_ip=None,
        mark=mark,
        network_known=False,
        reserved_ip_known=False,
        internal_load_balancers=(balancer,),
        partly_described=True,
    )
    return (deployment,)


# --- the cmdlets' objects, all together ---------------------------------------------------------------

# Each classic cmdlet whose objects an export holds (through ConvertTo-Json) and migcheck reads, and the
# classic Azure CLI's VM view (`azure vm list --json`, `azure vm show --json`), with what tells its objects
# from the rest. What the folder walk looks for in a file's bytes (`inventory._CMDLET_MARKERS`) names each
# of them: the tests walk an export of each command listed here.
CMDLET_OBJECTS: dict[str, Callable[[dict], bool]] = {
    "Get-AzureVM": is_get_azure_vm,
    "Get-AzureVM | Select-Object -ExpandProperty VM": is_persistent_vm,
    "Get-AzureDisk": is_disk_context,
    "Get-AzRoleAssignment": is_ps_role_assignment,
    "Get-AzureVNetConfig": is_vnet_config,
    "Get-AzureDeployment": is_deployment_context,
    "Get-AzureInternalLoadBalancer": is_internal_load_balancer_context,
    **{
        cmdlet: _written_by(cmdlet)
        for cmdlet in (
            _AUTHORIZATIONS,
            _GATEWAYS,
            _LINKS,
            _CONNECTIONS,
            _RESERVED_IPS,
            _STORAGE_ACCOUNTS,
            _SERVICES,
            _IMAGES,
            _AFFINITY_GROUPS,
        )
    },
    "azure vm list --json": is_cli_vm,
}


# --- the other classic cmdlets' objects ----------------------------------------------------------------------
# Each context object of the Service Management cmdlets (a `ManagementOperationContext`: Get-AzureDeployment's
# `DeploymentInfoContext`, Get-AzureVNetSite's `VirtualNetworkSiteContext`, Get-AzureRole's, ...) names the
# cmdlet that wrote it in `OperationDescription`. Those `CMDLET_OBJECTS` does not hold are classic exports
# the reader does not read: it says so of the file, by the cmdlet's name, rather than pass it over as
# though it held nothing classic. What to export in their place, by cmdlet, where the rules read the same
# facts from another export.
UNREAD_CMDLET_INSTEAD = {
    "get-azurerole": (
        "`Get-AzureVM -ServiceName <service> | ConvertTo-Json -Depth 100` for a cloud service's VMs, and the "
        "service's .csdef and .cscfg for its web and worker roles"
    ),
    "get-azurevnetgateway": (
        "`Get-AzureVNetConfig | ConvertTo-Json` for each network's gateway and its connections (read as a "
        ".netcfg is), and `Get-AzureVNetConnection -VNetName <network> | ConvertTo-Json` for their state"
    ),
    "get-azurevnetsite": (
        "`Get-AzureVNetConfig | ConvertTo-Json` for the networks' address spaces, subnets, DNS servers and "
        "gateways (read as a .netcfg is), and `Get-AzureVNetConnection -VNetName <network> | ConvertTo-Json` "
        "for the state of a gateway's connections"
    ),
}


def unread_cmdlet(obj: object) -> str:
    """The classic cmdlet whose object this is, as its `OperationDescription` names it (`Get-AzureDeployment`),
    when it is not one of the objects the reader reads; "" for any other object. Only a classic cmdlet's
    name counts (`Get-Azure...`, not an AzureRM, Azure AD or Az cmdlet's)."""
    if not isinstance(obj, dict) or is_record(obj):
        return ""
    cmdlet = text(get(obj, "OperationDescription")).strip()
    folded = cmdlet.casefold()
    if not folded.startswith("get-azure") or folded.startswith(("get-azurerm", "get-azuread")):
        return ""
    return cmdlet if cmdlet.replace("-", "").isalnum() else ""
