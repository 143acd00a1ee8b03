"""The shared vocabulary of migcheck: where things are written, how bad a finding is, and the typed
resources that readers produce and rules inspect. Nothing here knows XML."""

from __future__ import annotations

import ast
import copyreg
import dataclasses
import enum
import functools
import inspect
import re
import reprlib
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeVar

from migcheck.extensions import (
    is_backup_extension,
    is_security_monitoring_extension,
    is_site_recovery_extension,
    is_xml_extension,
)

# The records of the model (here, in `inventory_model`, `estate` and `suppress`) are slotted dataclasses,
# compared and hashed by their fields, which the type checker holds frozen: an assignment to a field is a
# type error. Every command imports seventy of them, and a dataclass compiles each method it writes with
# `exec`, which made the records a third of the start-up of every command. So only `__init__` is written per
# class; the rest is one function for all:
# - not `frozen=True` at run time: that compiles `__setattr__` and `__delattr__` per class, to guard against
#   an assignment the type checker already refuses;
# - `__eq__` and `__hash__` compare and hash the tuple of the compared fields, as a frozen dataclass's do,
#   through an `attrgetter` made once per class (a record changed after it is hashed is what the type
#   checker rules out);
# - `__repr__` writes what the dataclass's would;
# - a record pickles as its class and the tuple of its fields, where the default way builds a dict of its
#   slots per record: documents read in worker processes cross back pickled (`migcheck.workers`), in half
#   the time and bytes. Registered with `copyreg` rather than set as `__reduce__`: the pickler finds it by
#   the record's class, where `__reduce__` is reached through `object.__reduce_ex__` and two look-ups per
#   record (a fifth of pickling a document). A record with a field its `__init__` does not take by
#   position keeps the default way.
# - `__init__` itself is written when the class is first made an instance of, not when it is defined: of the
#   hundred records a command imports, most are never made in a given run (none in `--version` or a check
#   of an empty folder), and writing the hundred was 40% of importing this module.
_Record = TypeVar("_Record")

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform

    from migcheck.estate import CloudService

    @dataclass_transform(frozen_default=True, field_specifiers=(field,))
    def record(cls: type[_Record]) -> type[_Record]: ...

else:

    def record(cls):
        """A record of the model: a slotted dataclass, frozen for the type checker (see above)."""
        documented = bool(cls.__doc__)
        # A class with no docstring is given one of its fields below: left to `dataclass`, which writes its
        # signature, it would be found by parsing the text of `object.__init__`'s, with no `__init__` yet.
        cls.__doc__ = cls.__doc__ or "-"
        cls = _as_dataclass(cls)
        if not documented:
            cls.__doc__ = f"{cls.__name__}({', '.join(f.name for f in fields(cls))})"
        if "__init__" not in cls.__dict__:  # as `dataclass` keeps one the class writes
            cls.__init__ = _written_when_first_called(cls)
        compared = [f.name for f in fields(cls) if f.compare]
        key = attrgetter(*compared) if compared else lambda _: ()
        cls.__eq__ = lambda self, other: (
            key(self) == key(other) if other.__class__ is self.__class__ else NotImplemented
        )
        if cls.__dict__.get("__hash__") is None:  # as `dataclass` keeps one the class writes
            cls.__hash__ = lambda self: hash(key(self))
        cls.__repr__ = _record_repr
        if fields(cls) and all(f.init and not f.kw_only for f in fields(cls)):
            copyreg.pickle(cls, _reducer(cls))
        return cls

    def _as_dataclass(cls):
        """`cls` made a slotted dataclass, each field's annotation still the string it is written as.

        `dataclass` asks of every annotation that is a string (all of them, under `from __future__ import
        annotations`) whether it names `ClassVar`, `InitVar` or `KW_ONLY`, three pattern matches and module
        look-ups a field: 40% of making the records' classes. Only an annotation that holds one of those
        words can be one, so the others are shown to `dataclass` as a plain type, which it tells apart in a
        comparison, and put back once the class is made."""
        written = inspect.get_annotations(cls)  # the class's own, not its bases'
        plain = {name: _PLAIN if _plain(text) else text for name, text in written.items()}
        cls.__annotations__ = plain
        try:
            made = dataclass(slots=True, eq=False, repr=False, init=False)(cls)
        finally:
            cls.__annotations__ = written
        made.__annotations__ = written
        for each in made.__dataclass_fields__.values():
            if each.type is _PLAIN:
                each.type = written[each.name]
        return made

    def _plain(annotation):
        """Whether `annotation` cannot be one of the annotations `dataclass` treats apart (`_as_dataclass`):
        a string holding none of their names."""
        return isinstance(annotation, str) and not any(word in annotation for word in _SPECIAL_ANNOTATIONS)

    class _PLAIN:
        """What `_as_dataclass` shows `dataclass` in place of an annotation that is a plain type."""

    _SPECIAL_ANNOTATIONS = ("ClassVar", "InitVar", "KW_ONLY")

    def _written_when_first_called(cls):
        """An `__init__` that writes the dataclass's `__init__` of `cls`, puts it in its place and calls it."""

        def __init__(self, *args, **kwargs):
            written = _dataclass_init(cls)
            cls.__init__ = written
            written(self, *args, **kwargs)

        return __init__

    def _dataclass_init(cls):
        """The `__init__` `dataclass` writes for the fields of `cls` (not frozen): each field set from its
        parameter, its default or its default factory, in the order of the fields; the fields that are
        keyword-only taken after the others."""
        given, positional, keywords, body = {"MISSING": dataclasses.MISSING}, [], [], []
        for f in fields(cls):
            default, factory = f"_default_{f.name}", f"_factory_{f.name}"
            given[default], given[factory] = f.default, f.default_factory
            if f.default_factory is not dataclasses.MISSING:
                value = f"{factory}() if {f.name} is MISSING else {f.name}" if f.init else f"{factory}()"
                parameter = f"{f.name}=MISSING"
            elif f.init or f.default is not dataclasses.MISSING:
                value = f.name if f.init else default
                parameter = f.name if f.default is dataclasses.MISSING else f"{f.name}={default}"
            else:
                continue  # neither taken nor defaulted: left unset, as `dataclass` does
            if f.init:
                (keywords if f.kw_only else positional).append(parameter)
            body.append(f"    self.{f.name} = {value}")
        if hasattr(cls, "__post_init__"):
            body.append("    self.__post_init__()")
        parameters = ", ".join(["self", *positional, *(["*", *keywords] if keywords else [])])
        exec(f"def __init__({parameters}):\n" + ("\n".join(body) or "    pass"), given)
        written = given["__init__"]
        written.__qualname__ = f"{cls.__qualname__}.__init__"
        return written

    def _reducer(cls):
        names = [f.name for f in fields(cls)]
        values = attrgetter(*names)
        if len(names) == 1:
            return lambda self: (cls, (values(self),))
        return lambda self: (cls, values(self))


@reprlib.recursive_repr()  # as a dataclass's: `...` for a record met again inside itself
def _record_repr(self: object) -> str:
    shown = (f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.repr)  # type: ignore[arg-type]
    return f"{self.__class__.__qualname__}({', '.join(shown)})"


class Severity(enum.IntEnum):
    """How bad a finding is; ordered so that `severity >= fail_on` reads naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {text!r} (choose one of {', '.join(SEVERITY_NAMES)})"
            ) from None


# The severities by name, the worst first: in this one order wherever they are offered (`--fail-on`, the
# settings' `fail-on` and `severity`, the pytest plugin's option, which write it out so as not to import
# this module to build their options), so every message lists them alike.
SEVERITY_NAMES = tuple(str(s) for s in sorted(Severity, reverse=True))


@record
class Mark:
    """Where a resource is written, as cheaply as the reader can record it.

    Readers store the line lxml reports (the line where the start tag *ends*) and the tag as written;
    the column of the `<` is found only for what gets reported (see `migcheck.source`). A parser error
    has an exact column already and no tag.
    """

    path: str
    line: int
    tag: str = ""
    nth: int = 0  # same-tag elements whose start tags end earlier on the same line (document order)
    column: int = 0  # exact column when known at read time (parser errors)

    def __hash__(self) -> int:
        # The hash of its compared fields, as every record's (see `record`), read here without a call: a
        # check of 4,000 files hashes 15,000 marks (nearly all for the readiness summary's index of what
        # each item owns), and a record's `hash(key(self))` took half as long again.
        return hash((self.path, self.line, self.tag, self.nth, self.column))


@record
class AttributeMark(Mark):
    """The mark of the value of one attribute of an element's start tag (`attribute`, its local name, matched
    without regard to case), for what is said of that value alone: a name that points at nothing, a value
    out of range. Located at the first character inside its quotes, on the attribute's own line where the
    start tag spans several (see `migcheck.source`); at the start tag where the tag does not write it. A
    subclass, not a field of every mark: few marks are of an attribute, and a mark is made per element read.

    It is equal to its element's mark, and hashed alike: what matches findings to the resources they are
    about (the readiness summary, the plan, suppressions) takes it for the element; only where it is shown
    differs."""

    attribute: str = field(default="", compare=False)


@record
class TextMark(Mark):
    """The mark of an element's text (`<ReservedIPName>web-vip</ReservedIPName>`), or of the text of its
    first child of local name `child` (`<ReservedIP><Name>web-vip</Name>...`), for what is said of that text
    alone, as `AttributeMark` is of an attribute's value: located at its first character that is not blank
    (see `migcheck.source`); at the start tag where the element holds anything but text. Equal to its
    element's mark, and hashed alike."""

    child: str = field(default="", compare=False)


@record
class ShownMark(Mark):
    """The mark of a resource an export writes as a JSON object (its `{`), shown where the object writes
    the resource's name (`shown_line`, `shown_column`): a finding about it points at its name, as one about
    an XML element's name points at the attribute or text that writes it. Equal to the object's mark, and
    hashed alike."""

    shown_line: int = field(default=0, compare=False)
    shown_column: int = field(default=0, compare=False)


@record
class CommentMark(Mark):
    """The mark of a comment's opener (`<!--`, `#`, `<#`), for what is said of the comment as a whole (a
    suppression comment's own problem): located from the opener to the comment's end (`-->`, `#>`, the end
    of the line), as every report and the editor underline it. Equal to the opener's mark, and hashed alike."""


def comment_at(mark: Mark) -> Mark:
    """`mark`, a comment opener's, shown as the whole comment (`CommentMark`)."""
    return CommentMark(mark.path, mark.line, mark.tag, mark.nth, mark.column)


def shown_at(mark: Mark, shown: Mark) -> Mark:
    """`mark`, shown at `shown` (where the same file writes a value of it); `mark` itself where `shown` is
    not a position of its file."""
    if shown.path != mark.path or not shown.column or shown == mark:
        return mark
    return ShownMark(mark.path, mark.line, mark.tag, mark.nth, mark.column, shown.line, shown.column)


def _same_element(self: Mark, other: object) -> bool:
    if not isinstance(other, Mark):
        return NotImplemented
    return (self.path, self.line, self.tag, self.nth, self.column) == (
        other.path,
        other.line,
        other.tag,
        other.nth,
        other.column,
    )


def placed_like(mark: Mark, placed: Mark) -> Mark:
    """`placed`, where a reader puts an element of XML a script holds in a string (`mark`, in that XML) in
    the script's text: of the same attribute, or text, when `mark` is of one, and `placed` is the element's
    start tag as the script writes it."""
    if type(mark) is AttributeMark and placed.tag:
        return at_attribute(placed, mark.attribute)
    if type(mark) is TextMark and placed.tag:
        return at_text(placed, mark.child)
    return placed


# Set after `record`, which compares records of one class only: a subclass's own `__eq__` is tried first on
# either side of `==`, so a mark and its attribute's compare equal both ways.
AttributeMark.__eq__ = _same_element  # type: ignore[method-assign,assignment]
TextMark.__eq__ = _same_element  # type: ignore[method-assign,assignment]
ShownMark.__eq__ = _same_element  # type: ignore[method-assign,assignment]
CommentMark.__eq__ = _same_element  # type: ignore[method-assign,assignment]
# `record` gives each class a hash of its own compared fields, which for these are a mark's: hashed alike.
AttributeMark.__hash__ = Mark.__hash__  # type: ignore[method-assign]
TextMark.__hash__ = Mark.__hash__  # type: ignore[method-assign]
ShownMark.__hash__ = Mark.__hash__  # type: ignore[method-assign]
CommentMark.__hash__ = Mark.__hash__  # type: ignore[method-assign]
# The classes of marks: a mark, and those equal to it that are shown elsewhere.
MARK_KINDS: frozenset[type] = frozenset({Mark, AttributeMark, TextMark, ShownMark, CommentMark})


def at_attribute(mark: Mark, attribute: str) -> Mark:
    """The mark of attribute `attribute` of the element `mark` points at; `mark` itself where it is no
    element's start tag (a script's position, a JSON value, a comment)."""
    if not mark.tag or mark.tag == "!--":
        return mark
    return AttributeMark(mark.path, mark.line, mark.tag, mark.nth, mark.column, attribute)


def at_text(mark: Mark, child: str = "") -> Mark:
    """The mark of the text of the element `mark` points at, or of its first child of local name `child`;
    `mark` itself where it is no element's start tag (a script's position, a JSON value, a comment)."""
    if not mark.tag or mark.tag == "!--":
        return mark
    return TextMark(mark.path, mark.line, mark.tag, mark.nth, mark.column, child)


# How an element writes the name of what it stands for, by its local name: in an attribute (a .cscfg's
# and a .netcfg's elements) or as its text (a REST body's, an Export-AzureVM file's).
_NAME_ATTRIBUTE = {"ReservedIP": "name", "Subnet": "name"}
_NAME_TEXT = frozenset({"ReservedIPName", "SubnetName", "string"})


def at_name(mark: Mark) -> Mark:
    """Where the element `mark` points at writes the name a finding quotes: the value of its `name`
    attribute (`<ReservedIP name="web-vip"/>`), or its text (`<ReservedIPName>web-vip</ReservedIPName>`);
    `mark` itself for other elements, where it is no element's start tag, and where the reader marked the
    name already (a REST list's `<ReservedIP><Name>`)."""
    if type(mark) is not Mark:
        return mark
    local = mark.tag.rpartition(":")[2]
    if local in _NAME_TEXT:
        return at_text(mark)
    attribute = _NAME_ATTRIBUTE.get(local)
    return at_attribute(mark, attribute) if attribute else mark


@record
class Location:
    """A resolved position: 1-based line and column of the `<` that starts the element, and where the
    reported text ends — the end of the start tag (not the whole subtree), of a script's call or of a JSON
    value — as the line and column just past its last character (exclusive, as LSP and SARIF count). An
    end of 0 means it was not resolved."""

    path: str
    line: int
    column: int
    end_line: int = 0
    end_column: int = 0


class FileKind(str, enum.Enum):
    """What a file is, decided from its extension and its root element."""

    SERVICE_DEFINITION = "csdef"
    SERVICE_CONFIGURATION = "cscfg"
    NETWORK_CONFIGURATION = "netcfg"
    REST = "rest"  # a Service Management REST request or response body
    VM_EXPORT = "vmexport"  # an Export-AzureVM file
    PYTHON = "python"  # a Python script that uses the classic Service Management SDK
    POWERSHELL = "powershell"  # a PowerShell script or module that uses the classic Azure module
    SHELL = "shell"  # a shell script that runs the classic cross-platform CLI (`azure`, ASM mode)
    INVENTORY = "inventory"  # an inventory export (Resource Graph, resource lists) or declarations
    PUBLISH_PROFILE = "azurepubxml"  # a Visual Studio publish profile of a cloud service project

    def __str__(self) -> str:
        return self.value


# --- resources -------------------------------------------------------------------------------------
# Every resource has a `mark` and a `kind` (the resource type reported in findings). Names that point at
# something defined elsewhere are `NameRef`s so that a finding about a dangling name can point at it.


@record
class NameRef:
    kind: ClassVar[str] = "Reference"
    name: str
    mark: Mark
    # For a reserved IP of a deployment with several virtual IPs: the one it is on. None when the files do
    # not tell the VIPs apart (a deployment with one VIP, a .cscfg, an inventory export). One with no name:
    # a script names a VIP it does not state (`-VirtualIPName $vip`), the default one or another.
    virtual_ip: VirtualIp | None = None


@record
class VirtualIp:
    """One of the virtual IPs of a deployment that has several (REST `VirtualIPs/VirtualIP`)."""

    kind: ClassVar[str] = "VirtualIp"
    name: str
    mark: Mark
    # The VIP an input endpoint that names none is on: the one whose `IsDnsProgrammed` is true, else the
    # first.
    default: bool

    def holds(self, endpoint: InputEndpoint) -> bool:
        """Whether the endpoint may be on this VIP: it names it (`VirtualIPName`), or names none and this is
        the default VIP, or the files do not tell which it is on."""
        if endpoint.vip_unknown:
            return True
        named = endpoint.virtual_ip.strip().casefold()
        return named == self.name.strip().casefold() if named else self.default


@record
class AddressPrefix:
    kind: ClassVar[str] = "AddressPrefix"
    text: str
    mark: Mark

    @property
    def name(self) -> str:
        return self.text


@record
class AclRule:
    kind: ClassVar[str] = "AclRule"
    order: str
    action: str
    remote_subnet: str
    description: str
    mark: Mark

    @property
    def name(self) -> str:
        return self.order or self.remote_subnet


@record
class AccessControl:
    """A named set of ACL rules in a cscfg's `AccessControls`."""

    kind: ClassVar[str] = "AccessControl"
    name: str
    rules: tuple[AclRule, ...]
    mark: Mark


@record
class EndpointAcl:
    """An ACL on one endpoint: a cscfg `EndpointAcl` binding (rules by `access_control` name) or the
    rules written inline on a VM endpoint (REST `EndpointAcl`, Export-AzureVM `EndpointAccessControlList`)."""

    kind: ClassVar[str] = "EndpointAcl"
    role: str
    endpoint: str
    access_control: str  # empty when the rules are inline
    rules: tuple[AclRule, ...]
    mark: Mark
    # False when `rules` may not be all of them: a script added some where it may not run, or more than
    # once (in a loop), or to rules it read from an existing VM (`Get-AzureAclConfig`).
    all_rules_known: bool = True
    # Of a change, an ACL a script read from the VM (PowerShell's `Get-AzureAclConfig`) and set back: the
    # rules it surely removed from it (`Set-AzureAclConfig -RemoveRule -RuleId`), each by its RuleId, the
    # rule's place among the VM's rules from 0; `rules` are those the script added. The linker takes the
    # VM's ACL as a file describes it, without those rules and with the added ones. None for an ACL the
    # script builds itself (`New-AzureAclConfig`), or whose rules as read it does not follow.
    removed_from_vm: tuple[int, ...] | None = None

    @property
    def name(self) -> str:
        return f"{self.role}/{self.endpoint}"


@record
class InputEndpoint:
    kind: ClassVar[str] = "InputEndpoint"
    name: str
    protocol: str
    port: str
    local_port: str
    acl: EndpointAcl | None
    mark: Mark
    # The internal load balancer the endpoint is on (REST `LoadBalancerName`, csdef `@loadBalancer`);
    # "" for an endpoint on the deployment's public VIP.
    load_balancer: str = ""
    # The virtual IP the endpoint is on, when the deployment has several (REST and Export-AzureVM
    # `VirtualIPName`); "" for the deployment's default VIP.
    virtual_ip: str = ""
    # The files do not tell which of several VIPs it is on: it names none and gives an address (`Vip`) that
    # is none of the deployment's, or two's. It may be on any, so no VIP is said to lack it.
    vip_unknown: bool = False

    @property
    def is_public(self) -> bool:
        """On the deployment's public VIP: not on an internal load balancer."""
        return not self.load_balancer.strip()


@record
class InternalLoadBalancer:
    """An internal load balancer of a deployment (REST `LoadBalancers/LoadBalancer`, a .cscfg's
    `NetworkConfiguration/LoadBalancers/LoadBalancer`, `Add-AzureInternalLoadBalancer`, Python's
    `create_load_balancer`): its private frontend is in `subnet` of the deployment's network (None when the
    files do not state it)."""

    kind: ClassVar[str] = "InternalLoadBalancer"
    name: str
    mark: Mark
    subnet: NameRef | None = None
    # The other subnets other descriptions of it put it in (MIG004 says they differ): either description may
    # be what is deployed, so each subnet is checked as its own is (`estate.balancer_subnets`), while the
    # plan describes the balancer as `subnet` says.
    other_subnets: tuple[NameRef, ...] = field(default=(), compare=False)


@record
class Extension:
    """A VM extension reference (REST `ResourceExtensionReference`)."""

    kind: ClassVar[str] = "Extension"
    publisher: str
    name: str
    version: str
    state: str
    mark: Mark
    # The command that installs it where the files do not write the extension itself: turning on Azure
    # Backup for the VM (`Enable-AzRecoveryServicesBackupProtection -ServiceName`) installs its snapshot
    # extension, VMSnapshot or VMSnapshotLinux by the VM's platform. "" for a reference a file writes.
    installed_by: str = ""
    # The reference name the VM's configuration gives it (`ReferenceName`), by which a script may remove it
    # (`Remove-AzureVMExtension -ReferenceName`); "" where the file does not state it (a Resource Graph row).
    reference: str = ""

    @property
    def installed(self) -> bool:
        """False for a reference that asks to uninstall the extension."""
        return self.state.casefold() != "uninstall"

    @property
    def is_xml(self) -> bool:
        """An XML (1.*-era) extension the migration drops: see `migcheck.extensions`."""
        return _is_xml_extension(self.publisher, self.name, self.version)

    @property
    def is_backup(self) -> bool:
        """Azure Backup's VM snapshot extension, for Windows or Linux."""
        return _is_backup_extension(self.publisher, self.name)

    @property
    def is_security_monitoring(self) -> bool:
        """The monitoring extension Microsoft Defender for Cloud (formerly Security Center) installs."""
        return is_security_monitoring_extension(self.publisher)

    @property
    def is_site_recovery(self) -> bool:
        """Azure Site Recovery's agent extension (the Mobility service), for Windows or Linux."""
        return is_site_recovery_extension(self.publisher)


# What an extension is, told once per publisher, name and version: an estate holds a few dozen of them on
# thousands of VMs, and the rules about VMs and extensions ask of each one several times.
_is_xml_extension = functools.lru_cache(maxsize=1024)(is_xml_extension)
_is_backup_extension = functools.lru_cache(maxsize=1024)(is_backup_extension)


# The VM a data disk body is attached to: its request's URI names it (`.../roles/<role-name>/DataDisks`), the
# body does not. A stand-in (`is_stand_in`), which no platform name matches.
VM_OF_REQUEST_URI = "<the VM its request URI names>"


@record
class Disk:
    """A VM's OS or data disk, or a disk listed on its own (REST `Disks`, `Disk`)."""

    kind: ClassVar[str] = "Disk"
    name: str
    media_link: str
    io_type: str  # "Provisioned" means Premium storage; empty when the file does not say
    attached_to: str  # VM (role) name when known, for disks listed on their own
    mark: Mark

    # Set by link when more than one place describes it: every one, `mark` first. See `described_at`.
    sources: tuple[Mark, ...] = field(default=(), compare=False)
    # Where the blob is named (an XML `MediaLink`), for findings about the blob rather than the disk.
    media_link_mark: Mark | None = field(default=None, compare=False)
    # Whether `attached_to` names a VM the disk may be attached to, not one it surely is: a script gives
    # that VM a disk by a name it does not state, which may be this disk's. Such a disk is not reported as
    # attached to none, nor as surely that VM's.
    maybe_attached: bool = False
    # The LUN a data disk is attached at, as the file states it (a number); "" for an OS disk, or where the
    # file does not say. What a change that removes a data disk names it by (`Role.removed_luns`).
    lun: str = field(default="", compare=False)
    # Of a data disk the classic CLI attaches (`vm disk attach`, `attach-new`) to a VM the file does not
    # create: at the LUN after the highest the VM's data disks use, which its description (another file's)
    # tells at the link stage; `lun` is "" until then.
    lun_after_highest: bool = field(default=False, compare=False)
    # Whether the file adds the disk as a data disk (a data disk element, property or call), whatever LUN it
    # states, if any: what tells a data disk at no LUN the file states from the VM's OS disk.
    data: bool = field(default=False, compare=False)
    # The cloud service and deployment of the VM `attached_to` names, where the file states them (a REST
    # `Disks` list's or a Get-AzureDisk export's `AttachedTo`); "" elsewhere. What a VM no file describes is
    # migrated by (Move-AzureService), when a disk of it holds back its storage account.
    attached_service: str = field(default="", compare=False)
    attached_deployment: str = field(default="", compare=False)
    # The storage account of a disk whose blob the platform names, where the file says which account (a
    # script's VM created without `-MediaLocation`: its OS disk goes into the subscription's current storage
    # account, as `vhds/<service>-<VM>-<date>.vhd`); `media_link` is then empty, and `storage_account`
    # gives this one.
    account: str = ""
    # Of a disk a script registers (`vm disk create`): as `Deployment.read_once_in`.
    read_once_in: str = field(default="", compare=False)
    selected_in: str = field(
        default="", compare=False
    )  # of one a script registers: as `Deployment.selected_in`

    @property
    def described_at(self) -> tuple[Mark, ...]:
        return self.sources or (self.mark,)

    @property
    def blob_name(self) -> str:
        """The blob's name inside its container: the path after `https://acct.blob.../container/`, without
        a query (a SAS token) or fragment, percent-decoded as the storage service decodes it (`%2F` is a
        `/` in the name)."""
        rest = self.media_link.split("://", 1)[-1].split("?", 1)[0].split("#", 1)[0]
        parts = rest.split("/", 2)
        name = parts[2] if len(parts) == 3 else ""
        if "%" not in name:
            return name  # as `unquote` returns it, without importing urllib.parse for nearly every name
        from urllib.parse import unquote

        return unquote(name)

    @property
    def premium(self) -> bool:
        """`IOType` Provisioned is Premium storage; Standard or an unstated IOType is not evidence of it."""
        return self.io_type.casefold() == "provisioned"

    @property
    def storage_account(self) -> str:
        """The storage account its blob is in: the one `media_link` names, else the one the file says the
        platform puts it in (`account`), lower-cased where it is an account's name (`account_name`)."""
        return storage_account(self.media_link) or account_name(self.account)


@record
class Image:
    """An OS or VM image (REST `OSImage`, `VMImage`)."""

    kind: ClassVar[str] = "Image"
    name: str
    media_link: str
    mark: Mark
    category: str = ""  # "User" for your own images; a publisher's ("Public", "Microsoft"...) otherwise
    # A VM image's data disks (REST `DataDiskConfigurations`), each a VHD blob as a VM's data disk is: part
    # of the image, not disks of their own (no VM has them, and they are not registered as classic disks).
    data_disks: tuple[Disk, ...] = field(default=(), compare=False)
    # The storage account of its blob where a script builds the blob's address around a value it does not
    # state for the account (`"https://$sa.blob.core.windows.net/..."`): that value's stand-in, as a disk's
    # `account`; `media_link` is then empty.
    account: str = field(default="", compare=False)
    read_once_in: str = field(
        default="", compare=False
    )  # of one a script registers or captures: as `Deployment.read_once_in`
    selected_in: str = field(
        default="", compare=False
    )  # of one a script registers: as `Deployment.selected_in`

    @property
    def storage_account(self) -> str:
        return storage_account(self.media_link) or account_name(self.account)

    @property
    def storage_accounts(self) -> tuple[str, ...]:
        """Every storage account that holds one of the image's VHDs, its OS disk's first, once each: the
        migration of each may fail while the image is registered."""
        found = (self.storage_account, *(disk.storage_account for disk in self.data_disks))
        return tuple(dict.fromkeys(name for name in found if name))

    @property
    def is_yours(self) -> bool:
        """An image with no category (a request body) or category User; gallery images are publishers'."""
        return not self.category or self.category.casefold() == "user"


def account_name(written: str) -> str:
    """A storage account's name as a file writes it, lower-cased where it is one the platform accepts (3 to
    24 letters and digits: written in upper case, it is the same account); anything else, a placeholder
    (`"[STORAGE ACCOUNT NAME]"`) or a typo, is no account's name, and is shown as written."""
    name = written.strip()
    folded = name.casefold()
    return folded if 3 <= len(folded) <= 24 and folded.isascii() and folded.isalnum() else name


# A disk's account is asked for again and again as the link and the rules pass over every disk (five
# times each in a large inventory export); one link is one string, the same account each time.
@functools.lru_cache(maxsize=1 << 15)
def storage_account(media_link: str) -> str:
    """The storage account a blob URL lives in: `https://acct.blob.core.windows.net/vhds/x.vhd` → `acct`,
    in any cloud's blob endpoint (`.blob.core.chinacloudapi.cn`, ...), lower-cased as the platform
    compares account names (`account_name`). "" for anything that is not an account's blob endpoint: a
    relative name, the storage emulator (`http://127.0.0.1:10000/devstoreaccount1/...`, which is never
    deployed), a typo."""
    host = media_link.strip().split("://", 1)[-1].split("/", 1)[0]
    account = blob_host_account(host)
    return account_name(account) if account else ""


# The endpoint suffixes of the clouds migcheck knows (Azure's global cloud, Azure China, Azure Government,
# Azure Germany): a storage account's blobs are at `<account>.blob.<suffix>`, the Service Management API
# at `management.<suffix>`.
ENDPOINT_SUFFIXES = (
    "core.windows.net",
    "core.chinacloudapi.cn",
    "core.usgovcloudapi.net",
    "core.cloudapi.de",
)


def blob_host_account(host: str, hole: str = "") -> str:
    """The first label of `host` (what names the storage account, as written) where `host` is a blob
    endpoint of a cloud migcheck knows (`acct.blob.core.windows.net`, in any case, with a port or the root's
    dot or not); with `hole` (a piece a script does not state), one whose suffix holds such a piece too (a
    cloud the script does not state). "" for any other host: `acct.blob.core.windows.net.evil.com` is
    another site's, whatever its first labels."""
    labels = host.split(":", 1)[0].split(".", 2)
    if len(labels) < 3 or not labels[0] or labels[1].casefold() != "blob":
        return ""
    suffix = labels[2].rstrip(".").casefold()
    return labels[0] if suffix in ENDPOINT_SUFFIXES or (hole and hole in suffix) else ""


# The facts of a VM one description may leave unsaid (`Role.unknown`) and another, or a later change, state.
VM_FACTS = (
    "size",
    "availability_set",
    "endpoints",
    "subnets",
    "extensions",
    "disks",
    "static_ips",
    "public_ips",
)


class RoleType(str, enum.Enum):
    WEB = "WebRole"
    WORKER = "WorkerRole"
    VM_ROLE = "VirtualMachineRole"  # a csdef VM role (legacy); a cloud-service role, not an IaaS VM
    PERSISTENT_VM = "PersistentVMRole"  # an IaaS virtual machine
    # A role of a cloud service known only from files that do not say which kind it is (a .cscfg without
    # its .csdef, a package a script deploys): taken for a web or a worker role (see `Role.kind_evidence`).
    WEB_OR_WORKER = "web or worker role"

    def __str__(self) -> str:
        return self.value


# A member looked up on its enum class goes through `EnumType.__getattr__`'s hook on Python 3.11 (about 860
# instructions): `Role.is_vm`, asked thousands of times a run, compares with this one.
_PERSISTENT_VM = RoleType.PERSISTENT_VM


# The `Role.migration_state` of a classic VM whose Resource Graph row says its deployment is locked
# (`hardwareProfile.deploymentLocked`: true). The name is the one the row writes (the classic compute GET's
# `hardwareProfile`); what it means is not documented for that GET. It mirrors the Service Management
# deployment's `Locked`: "True if the deployment is locked because an existing operation is updating the
# deployment" (Get Cloud Service Properties), and a Prepare locks what it prepares against any change until
# Commit or Abort (migration errors: "the VM is in Prepare state and therefore locked for any update/delete
# operation"). So the deployment may be prepared for migration, or held by another operation: it may be
# locked, and is not known to be prepared.
DEPLOYMENT_LOCKED = "deploymentLocked"


# The `Role.kind_evidence` of a role a Get-AzureDeployment export lists by its instances only: it does not say
# whether the role is a VM or a web or worker role, and a file that does (a Get-AzureVM export, a .csdef)
# tells it in its place (see `Role.kind_unsaid`).
KIND_UNSAID_BY_EXPORT = "a Get-AzureDeployment export lists its instances without saying its kind"


def may_be_prepared(state: str) -> bool:
    """Whether a migration state is `DEPLOYMENT_LOCKED`: locked, perhaps by a migration's Prepare."""
    return state == DEPLOYMENT_LOCKED


class DiskPlace(str, enum.Enum):
    """How the files leave the storage account of a created VM's OS disk unstated (`UnplacedDisk`)."""

    # Left to the platform: PowerShell's New-AzureVMConfig or New-AzureQuickVM without -MediaLocation puts
    # it in the subscription's current storage account, one account for every such VM of the subscription;
    # the classic CLI's `vm create` without `-u` in the first storage account of the VM's location (or
    # affinity group) the subscription lists, one it creates if there is none (lib/util/utils.js
    # `getOrCreateBlobStorage` of the Azure xplat CLI): one account per location.
    CURRENT_ACCOUNT = "current account"
    # A blob address the files pass and do not state (a parameter, a loop's value, a template's
    # placeholder, an address whose host names no account): each VM's may be another account.
    PASSED_BLOB = "passed blob"
    # A registered disk given by name (New-AzureVMConfig -DiskName): the account is that disk's.
    REGISTERED_DISK = "registered disk"
    # An inventory export's row without storageProfile: the export's query left the disks out.
    LEFT_OUT = "left out"
    # A Terraform `azure_instance` without `storage_service_name` (`scope` its address, `azure_instance.web`):
    # the classic provider refuses a platform image without it (its PlatformStorageError), and puts the disks
    # of a VM image (one captured of a VM) in the image's own storage account. Which the image is, the
    # configuration does not say.
    PROVIDER_IMAGE = "provider image"


@record
class UnplacedDisk:
    """Why a VM the files create has its OS disk in a storage account no file states (`Role.unknown`
    holds "disks"), and where that is written: the blob's value (`-MediaLocation $Disk`, `media_link=`,
    `<MediaLink>`), the disk's name (-DiskName), the command that leaves it to the platform, the export's
    row. `scope` is what the account is shared by: of CURRENT_ACCOUNT, the location or affinity group the
    classic CLI picks in ("" for PowerShell's current account, or a location the script does not state);
    of REGISTERED_DISK, the disk's name."""

    place: DiskPlace
    mark: Mark
    scope: str = ""


@record
class Role:
    """A role of a cloud service. `type` PERSISTENT_VM is an IaaS virtual machine; the others are
    web/worker roles. Fields a format cannot express stay empty (or None for "not said")."""

    kind: ClassVar[str] = "Role"
    name: str
    type: RoleType
    mark: Mark
    size: str = ""
    instances: int | None = None
    availability_set: str = ""
    endpoints: tuple[InputEndpoint, ...] = ()
    subnets: tuple[NameRef, ...] = ()
    extensions: tuple[Extension, ...] = ()
    disks: tuple[Disk, ...] = ()
    boot_diagnostics: bool | None = None
    # The command that created the VM when it turns boot diagnostics on unless told not to and the files
    # state nothing either way (`azure vm create` without --disable-boot-diagnostics; New-AzureVMConfig
    # without -DisableBootDiagnostics, in the module's later revisions): the VM may have it on.
    # `boot_diagnostics` stays None, so another description's stated value wins.
    boot_diagnostics_default: str = ""
    # How `type` was decided when the file does not state it, in words a message can quote ("its body
    # does not state RoleType; it has no disks"); "" when the file states the kind. `kind_known` is False
    # when nothing told the kind at all and `type` is only a stand-in (`kind_evidence` says why).
    kind_evidence: str = ""
    kind_known: bool = True
    # Where `AvailabilitySetName` and `DebugSettings` are written, so findings about them can point there.
    # Positions only: they take no part in equality, like a mark would not change what the role is.
    availability_set_mark: Mark | None = field(default=None, compare=False)
    boot_diagnostics_mark: Mark | None = field(default=None, compare=False)
    # The blobs boot diagnostics writes the VM's serial log and screenshot to, where an inventory export
    # states them (`debugProfile.serialOutputBlobUri`, `consoleScreenshotBlobUri`): in a Premium account,
    # they are boot diagnostics on Premium storage (MIG205). No part of equality, as a mark.
    boot_diagnostics_blobs: tuple[str, ...] = field(default=(), compare=False)
    # The subnets named in the primary configuration's `SubnetNames`, apart from those of secondary network
    # interfaces: an edit that keeps one subnet may remove the former, never the latter. Positions only.
    primary_subnets: tuple[NameRef, ...] = field(default=(), compare=False)
    # Where the file writes the VM's subnets when it writes none (an inventory row's `"subnetNames": []`):
    # what a finding about a VM without a subnet points at. Positions only.
    subnets_mark: Mark | None = field(default=None, compare=False)
    # Facts the file sets to a value that cannot be known without running it (a script passing a
    # parameter or an environment variable): "subnets", "availability_set", "endpoints", "extensions",
    # "public_ips". The field keeps its "not said" value and rules about that fact stay silent for this
    # role.
    unknown: frozenset[str] = frozenset()
    # The private addresses the VM asks for in its virtual network (`StaticVirtualNetworkIPAddress` of its
    # network interfaces, `Set-AzureStaticVNetIP`), each where it is written: the address is the name.
    static_ips: tuple[NameRef, ...] = ()
    # Of a VM the classic CLI creates with a static address in a network the script does not make (`azure
    # vm create -w <vnet> -S <ip>`): that address, where it is written. The CLI puts the VM in the subnet of
    # the network that holds it, which the link stage finds in the network's definition (another file's);
    # until then the subnets are not known. None for any other VM.
    subnet_of_address: NameRef | None = field(default=None, compare=False)
    # The network security group set on the VM itself (`Set-AzureNetworkSecurityGroupConfig`, a network
    # configuration set's `NetworkSecurityGroup`), where its name is written; None when the file sets none.
    # The migration clones it with the VM (deep dive), as a subnet's with its network.
    security_group: NameRef | None = None
    # The VM's migration state as an export of the platform's states it (Get-AzureVM's `VM.MigrationState`:
    # `Prepared` from the Prepare of its cloud service or virtual network until Commit or Abort), where it
    # is written; None when the file states none (null, `None`) or does not say. `DEPLOYMENT_LOCKED` for a
    # Resource Graph row whose deployment is locked, which may mean a migration is prepared.
    migration_state: NameRef | None = field(default=None, compare=False)
    # The VM's own (instance-level) public IPs, by the name each is given where it is written (a network
    # configuration set's `PublicIPs`, `Set-AzurePublicIP -PublicIPName`); empty when the file states none,
    # and "public_ips" in `unknown` when it leaves them unsaid (a change to a VM that exists). The migration
    # makes each a public IP address resource with dynamic allocation (deep dive).
    public_ips: tuple[NameRef, ...] = ()
    # Set by link when more than one element describes the role (a csdef role and its cscfg settings, a
    # REST role and an Export-AzureVM file): every one, `mark` first. See `described_at`.
    sources: tuple[Mark, ...] = field(default=(), compare=False)
    # Of a VM a script creates from an Export-AzureVM file (`Import-AzureVM -Path`): the file's name (the
    # path's last part) when the script states it. The link stage takes the VM that file describes, when
    # it is checked, to be this one, created in the script's cloud service and network.
    imported_from: str = field(default="", compare=False)
    # Of a VM a script creates from an Export-AzureVM file (`Import-AzureVM`), stated by name or not: until
    # the link stage joins the file's description to it (`changes_existing` then), what the file holds
    # (endpoints, subnets, availability set, extensions, disks) is not known.
    imported: bool = field(default=False, compare=False)
    # A description of changes to a VM that exists already (`Get-AzureVM | … | Update-AzureVM`,
    # `update_role`), not of the VM as created: it runs after the VM was created, and what it does not
    # state is as it was (see `unknown`).
    changes_existing: bool = field(default=False, compare=False)
    # A change made to every VM of its cloud service at once (`Get-AzureVM -ServiceName` without `-Name`):
    # the linker makes it to each VM the files describe there, and keeps it as one VM when they describe none.
    every_vm: bool = field(default=False, compare=False)
    # Of a change (`changes_existing`): the LUNs of the data disks it removes from the VM as it was
    # (`Get-AzureVM | Remove-AzureDataDisk -LUN 0 | Update-AzureVM`), each once, "" for a removal whose LUN
    # the file does not state (it may be that of any data disk). The linker takes the disks at those LUNs
    # (`Disk.lun`) off the VM a file creates; only removals that surely run are recorded.
    removed_luns: tuple[str, ...] = field(default=(), compare=False)
    # Of a change, likewise: the input endpoints it removes by name (`Remove-AzureEndpoint -Name`), each once,
    # as the file spells the name first; the linker takes the endpoints of those names (and their ACLs) off
    # the VM as it was. Only removals that surely run and state the name are recorded.
    removed_endpoints: tuple[str, ...] = field(default=(), compare=False)
    # Of a change, likewise: the ACL rules it deletes from an endpoint of the VM as it was (the classic CLI's
    # `vm endpoint acl-rule delete <vm> <endpoint> <order>`), each as the endpoint's name and the rule's
    # order; the linker takes the rules of that order off that endpoint's ACL, and the ACL itself when it
    # held no other. Only deletions that surely run and state both are recorded.
    removed_acl_rules: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    # The VM's secondary network interfaces the file names (`Add-AzureNetworkInterfaceConfig -Name`): each
    # interface's name, the subnets it is in (those references are among `subnets`) and the static private
    # address it asks for (among `static_ips`), or None. Of a change, the interfaces it removes by name
    # (`Remove-AzureNetworkInterfaceConfig -Name`, surely run): the linker takes them, with their subnets and
    # address, off the VM a file creates when that file names them.
    interfaces: tuple[tuple[str, tuple[NameRef, ...], NameRef | None], ...] = field(default=(), compare=False)
    # Where the file writes the interfaces in a shape no documentation shows (a Resource Graph row), what
    # that shape rests on, in words a message about their subnets quotes; "" when the shape is documented.
    interfaces_shape: str = field(default="", compare=False)
    removed_interfaces: tuple[str, ...] = field(default=(), compare=False)
    # Of a change: the VM is deleted (`Remove-AzureVM`, surely run). The linker takes the VM of that name off
    # the cloud service the change names, whichever file describes it.
    deleted: bool = field(default=False, compare=False)
    # Where a script creates the VM only on some of the branches of a choice only one of which it takes (an
    # `if` and its `else`): (choice, branch) pairs, outermost first. Two roles on different branches of one
    # choice are never both created (see `Together`). Empty when it is created whichever way the script
    # goes, as every file but a script says.
    branches: tuple[tuple[str, int], ...] = field(default=(), compare=False)
    # What some of the paths a script may take leave the VM without while others give it (see
    # `joined_paths`), each with the place a message names: "virtual_network", at the call that creates it
    # in no virtual network on one path (its deployment's `virtual_network` is the one another path
    # names); "subnets", where a path that puts it in a subnet names one. Whichever path runs is the VM
    # that migrates, so rules that report the absence say it may be so.
    absent_on_some_paths: tuple[tuple[str, Mark], ...] = field(default=(), compare=False)
    # Of a VM whose deployment a script creates in a virtual network on some paths and in none on another
    # ("virtual_network" in `absent_on_some_paths`), where each path that gives one names a network the
    # script states (`if ($P) { $VNet = 'a' } elseif ($T) { $VNet = 'b' }`): those names, in the order of the
    # paths; () where they name one, or one the script does not state.
    candidate_networks: tuple[str, ...] = field(default=(), compare=False)
    # Of a VM in a deployment that may be in a virtual network or in none (see `absent_on_some_paths`),
    # whether the call that creates the deployment in none is the one call that makes it: the VM is in
    # that deployment, in none, whichever path puts its deployment elsewhere for the VMs of other calls.
    # So is a VM a script creates only on branches apart from every one that names its deployment's network
    # (the `else` of `if [ "$VNET" ]`): the network is not the one that VM's run puts it in.
    made_in_none: bool = field(default=False, compare=False)
    # Of facts in `absent_on_some_paths` that a script reads from a variable it assigns nowhere (`-VNetName
    # $VNet`, not a parameter, nothing it loads sets it), by fact: that variable as written. The script has
    # no other path there: run in a session of its own the variable is $null and the fact absent, run from
    # one that set it the fact is that value, so a rule says which its finding assumes (`session_sets`).
    # Also "several_subnets": the variables assigned nowhere a VM is in a second subnet by, apart by spaces
    # (`-SubnetNames $Sub1, $Sub2`: "$Sub1 $Sub2"). So too, as its caller writes it, a Python script's option the caller may leave out (`--vnet`, None
    # then) and an environment variable it reads with no default (`VNET`).
    # Also "placed": the variable that alone names the place of a call creating its deployment in no
    # network (`-Location $Location`); without it the call adds the VM to a deployment that may exist.
    left_to_session: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    # Of a VM a script creates in each round of a loop over a list it does not write out (`foreach ($n in
    # $Names)`, `for x in $LIST`, `while read`, Python's `for n in names` of a parameter) under a name the
    # loop's item gives: that list as written (`$Names`). The description stands for one VM per item, an
    # unknown number of them (one or more), which the readiness summary and the plan say.
    looped_over: str = field(default="", compare=False)
    # Of a created VM whose OS disk is in a storage account no file states ("disks" in `unknown`): why and
    # where (see `UnplacedDisk`); None where the reader does not say.
    unplaced_disk: UnplacedDisk | None = field(default=None, compare=False)
    # Of a created VM whose OS disk the platform puts in the subscription's current storage account, which
    # no file states (`unplaced_disk` of CURRENT_ACCOUNT): the new data disks it puts there too (PowerShell's
    # Add-AzureDataDisk -CreateNew without -MediaLocation), each named by a stand-in and with no account.
    # Not among `disks`, where a disk with neither blob nor account is one given by name.
    unplaced_data_disks: tuple[Disk, ...] = field(default=(), compare=False)

    @property
    def candidate_networks_said(self) -> str:
        """`candidate_networks` as a message says them (`'a' or 'b'`, `'a', 'b' or 'c'`); "" for none."""
        quoted = [f"'{name}'" for name in self.candidate_networks]
        return " or ".join([", ".join(quoted[:-1]), quoted[-1]]) if len(quoted) > 1 else "".join(quoted)

    def absent_on_some_path(self, fact: str) -> Mark | None:
        """Where a path that leaves out `fact` is told apart (see `absent_on_some_paths`), or None."""
        return next((at for name, at in self.absent_on_some_paths if name == fact), None)

    def session_variable(self, fact: str) -> str:
        """The variable assigned nowhere whose value alone decides `fact` (see `left_to_session`), or ""."""
        return next((variable for name, variable in self.left_to_session if name == fact), "")

    @property
    def described_at(self) -> tuple[Mark, ...]:
        return self.sources or (self.mark,)

    @property
    def is_vm(self) -> bool:
        return self.type is _PERSISTENT_VM

    @property
    def kind_unsaid(self) -> bool:
        """Whether it is a role an export lists without saying its kind, and no other file tells it: it may
        be a VM or a web or worker role, so it is counted as neither (`KIND_UNSAID_BY_EXPORT`)."""
        return not self.kind_known and self.kind_evidence == KIND_UNSAID_BY_EXPORT

    @property
    def stands_for_set(self) -> bool:
        """Whether it stands for the VMs of a load-balanced set a change names without naming them
        (`<VMs of load-balanced set web>`, from Set-AzureLoadBalancedEndpoint or an UpdateLbSet body): some
        of its deployment's VMs, however many, not a VM of its own."""
        return self.name.startswith(_SET_VMS) and self.name.endswith(">")

    @property
    def from_unseen_file(self) -> bool:
        """Whether a script creates it from a file that describes it (an Export-AzureVM file Import-AzureVM
        reads, a role file of the classic CLI's `vm create-from`) that is not among the files checked: the
        link stage joins a checked one's description to it (`changes_existing` then), so what the file
        holds (endpoints, subnets, availability set, extensions) is not known."""
        return (self.imported or bool(self.imported_from)) and not self.changes_existing

    @property
    def label(self) -> str:
        """How messages name it: `VM 'sql01'`, `WebRole 'Storefront'`."""
        kind = "VM" if self.is_vm else ("role" if self.type is RoleType.WEB_OR_WORKER else self.type.value)
        return f"{kind} '{self.name}'"

    @property
    def distinct_subnets(self) -> tuple[NameRef, ...]:
        """The subnets it is in, once each: "FrontEnd, frontend" is one subnet (names compare without
        regard to case), the first reference kept."""
        seen: dict[str, NameRef] = {}
        for ref in self.subnets:
            seen.setdefault(ref.name.strip().casefold(), ref)
        return tuple(seen.values())

    @property
    def premium_disks(self) -> tuple[Disk, ...]:
        return tuple(d for d in self.disks if d.premium)

    def installed_extensions(self) -> tuple[Extension, ...]:
        return tuple(e for e in self.extensions if e.installed)


def joined_paths(a: Role, b: Role) -> Role:
    """One VM a script builds differently on the paths it may take (an `if` around a cmdlet, a name bound
    on both branches): a blocker some path sets is kept, since the script can create it (an ACL, an
    extension, a second subnet, a disk, boot diagnostics turned on, a static private address); an absence
    is known only when every path agrees, and a value the paths differ on (availability set, size) is not
    known. A path that puts the VM in no virtual network and names no subnet says nothing of its subnets
    (in none it has no subnet to lack): the other path's stand. Shared by the script readers."""
    a, b = _subnets_of_the_path_in_a_network(a, b), _subnets_of_the_path_in_a_network(b, a)
    unknown = set(a.unknown | b.unknown)
    changes: dict[str, object] = {}
    absent = dict(a.absent_on_some_paths)
    for fact, at in b.absent_on_some_paths:
        absent.setdefault(fact, at)
    if _subnet_names(a.subnets) != _subnet_names(b.subnets):
        wider = max((a.subnets, b.subnets), key=lambda refs: len(_subnet_names(refs)))
        changes["subnets"] = wider if len(_subnet_names(wider)) > 1 else ()  # one path's own subnets
        unknown.add("subnets")
        if _in_no_subnet(a) or _in_no_subnet(b):  # the other path names one: it may have none
            absent.setdefault("subnets", wider[0].mark)
    if absent:
        changes["absent_on_some_paths"] = tuple(absent.items())
        changes["left_to_session"] = tuple(dict((*b.left_to_session, *a.left_to_session)).items())
    if a.availability_set.casefold() != b.availability_set.casefold():
        changes.update(availability_set="", availability_set_mark=None)
        unknown.add("availability_set")
    if a.endpoints != b.endpoints:
        endpoints = {e.name.casefold(): e for e in b.endpoints}
        for endpoint in a.endpoints:
            kept = endpoints.get(endpoint.name.casefold())
            if kept is None or (endpoint.acl is not None and endpoint.acl.rules):
                endpoints[endpoint.name.casefold()] = endpoint
        changes["endpoints"] = tuple(endpoints.values())
        unknown.add("endpoints")
    if a.extensions != b.extensions:
        changes["extensions"] = tuple(dict.fromkeys((*a.extensions, *b.extensions)))
        unknown.add("extensions")
    if a.disks != b.disks:
        changes["disks"] = tuple(dict.fromkeys((*a.disks, *b.disks)))
    if a.static_ips != b.static_ips:  # the VM asks for one of them, whichever path runs
        by_name: dict[str, NameRef] = {}
        for ref in (*a.static_ips, *b.static_ips):
            by_name.setdefault(ref.name, ref)  # where each address is first written
        changes["static_ips"] = tuple(by_name.values())
    if a.public_ips != b.public_ips:  # the VM has one of them, whichever path runs
        public: dict[str, NameRef] = {}
        for ref in (*a.public_ips, *b.public_ips):
            public.setdefault(ref.name.casefold(), ref)
        changes["public_ips"] = tuple(public.values())
    if a.boot_diagnostics_default != b.boot_diagnostics_default:  # on by default on some path
        changes["boot_diagnostics_default"] = a.boot_diagnostics_default or b.boot_diagnostics_default
    if a.boot_diagnostics != b.boot_diagnostics:
        enabled = a if a.boot_diagnostics else b if b.boot_diagnostics else None
        changes.update(
            boot_diagnostics=True if enabled else None,
            boot_diagnostics_mark=enabled.boot_diagnostics_mark if enabled else None,
        )
    if not a.boot_diagnostics_blobs and b.boot_diagnostics_blobs:
        changes["boot_diagnostics_blobs"] = b.boot_diagnostics_blobs
    if a.size.casefold() != b.size.casefold():
        changes["size"] = ""
    if a.security_group is None:  # a group one path sets may be the VM's: it is cloned with it then
        changes["security_group"] = b.security_group
    return dataclasses.replace(a, unknown=frozenset(unknown), **changes)  # type: ignore[arg-type]


def _subnets_of_the_path_in_a_network(role: Role, other: Role) -> Role:
    """`role` as `joined_paths` takes it beside `other`: with the subnets `other` gives, if `role` is the VM
    of a path that puts it in no virtual network (`in_no_network`) and names no subnet while `other` is
    of one into a network."""
    in_none = role.absent_on_some_path("virtual_network") is not None
    if not in_none or role.subnets or other.absent_on_some_path("virtual_network") is not None:
        return role
    unknown = (role.unknown - {"subnets"}) | (other.unknown & {"subnets"})
    return dataclasses.replace(role, subnets=other.subnets, unknown=unknown)


def in_no_network(role: Role, at: Mark) -> Role:
    """The VM of one path that creates its deployment in no virtual network, at `at`: so marked
    (`Role.absent_on_some_paths`) for `joined_paths` to join it with the VM of a path into a network.
    The deployment's reader takes it off once the VM's paths are joined (`without_path_in_none`)."""
    return absent_on_some_path(role, "virtual_network", at)


def without_path_in_none(role: Role) -> Role:
    """The VM without the mark `in_no_network` gives the VM of one path: for a deployment every path
    creates in none, or to be marked where the deployment says (`absent_on_some_path`)."""
    kept = tuple((fact, at) for fact, at in role.absent_on_some_paths if fact != "virtual_network")
    if kept == role.absent_on_some_paths:
        return role
    session = tuple((fact, name) for fact, name in role.left_to_session if fact != "virtual_network")
    return dataclasses.replace(role, absent_on_some_paths=kept, left_to_session=session)


def absent_on_some_path(role: Role, fact: str, at: Mark, variable: str = "") -> Role:
    """A VM that a path leaves without `fact` at `at`, as another path does not (see
    `Role.absent_on_some_paths`), or, where `variable` (as written) is one the script assigns nowhere,
    a session that does not set it (`Role.left_to_session`); a role that is no VM, or already said to lack
    it so, as it is."""
    if not role.is_vm or role.absent_on_some_path(fact) is not None:
        return role
    session = ((fact, variable),) if variable else ()
    return dataclasses.replace(
        role,
        absent_on_some_paths=(*role.absent_on_some_paths, (fact, at)),
        left_to_session=(*role.left_to_session, *session),
    )


def left_to_session(role: Role, fact: str, variable: str) -> Role:
    """A VM whose `fact` the variable assigned nowhere `variable` alone decides (see `Role.left_to_session`):
    "placed", the place a call that creates its deployment in no network names (`-Location $Location`)."""
    if not role.is_vm or role.session_variable(fact):
        return role
    return dataclasses.replace(role, left_to_session=(*role.left_to_session, (fact, variable)))


def session_sets(variable: str) -> str:
    """What a finding that turns on a value whoever runs a script may give or not assumes of it (see
    `Role.left_to_session`), in the words every such finding uses, after "if" or "unless": a PowerShell
    variable the script assigns nowhere (`$VNet`), an option of a Python script's parser (`--vnet`), an
    environment variable a Python script reads with no default (`VNET`)."""
    if variable.startswith("$"):  # several apart by spaces (`$Sub1 $Sub2`): each named
        named = " and ".join(f"`{each}`" for each in variable.split())
        return f"the session that runs the script sets {named}, which the script assigns nowhere"
    if variable.startswith("-"):
        return f"the caller gives `{variable}`"
    return f"the environment that runs the script sets `{variable}`"


def _in_no_subnet(role: Role) -> bool:
    """Whether a path surely leaves the VM in no subnet: it names none, and says so."""
    return not role.subnets and "subnets" not in role.unknown


def _subnet_names(refs: tuple[NameRef, ...]) -> frozenset[str]:
    return frozenset(ref.name.strip().casefold() for ref in refs)


def common_branches(
    a: tuple[tuple[str, int], ...], b: tuple[tuple[str, int], ...]
) -> tuple[tuple[str, int], ...]:
    """The branches a role is created on when two descriptions of it are created on `a` and on `b`: those
    both lie on (a role created on either branch of a choice is created whichever is taken)."""
    shared = 0
    for one, other in zip(a, b, strict=False):
        if one != other:
            break
        shared += 1
    return a[:shared]


class Branched(Protocol):
    """What a script does only on some branches of choices (see `Role.branches`, `MigrationStep.branches`)."""

    @property
    def branches(self) -> tuple[tuple[str, int], ...]: ...


# The end of the name of the choice, outermost of a step's branches, that makes a function no call of the
# script runs a stage of the runbook of its own: "<path>#read once", one branch per such function.
STAGE_CHOICE = "#read once"


def apart(a: tuple[tuple[str, int], ...], b: tuple[tuple[str, int], ...]) -> bool:
    """Whether code on branches `a` and code on branches `b` never both run: they lie on different
    branches of one choice (see `Role.branches`)."""
    taken = dict(a)
    return any(taken.get(choice, branch) != branch for choice, branch in b)


class Together:
    """Which of some roles (or migration steps) a given one can run together with, when a script creates
    some of them only on branches of choices (see `Role.branches`): how many of them are not `apart` from
    it, counted rather than asked one by one. The branches are the choices around it, outermost first, so
    another can diverge from it at one choice at most: counting, per choice, those on each branch is
    enough, and the cost stays linear in their number and their depth of choices."""

    def __init__(self, counted: Iterable[Branched] = ()) -> None:
        self.count = 0
        self.by_choice: dict[str, int] = {}
        self.by_branch: dict[tuple[str, int], int] = {}
        for one in counted:
            self.add(one)

    def add(self, one: Branched) -> None:
        self.count += 1
        for branch in one.branches:
            self.by_choice[branch[0]] = self.by_choice.get(branch[0], 0) + 1
            self.by_branch[branch] = self.by_branch.get(branch, 0) + 1

    def with_(self, one: Branched) -> int:
        """How many of those counted can run together with `one` (itself, if it is counted): all but those
        on another branch of one of its choices."""
        excluded = sum(self.by_choice.get(c, 0) - self.by_branch.get((c, b), 0) for c, b in one.branches)
        return self.count - excluded


class VirtualMachine:
    """Never instantiated. In a rule's `looks_at` it stands for the `Role`s that are IaaS virtual machines
    (a .csdef's roles never are), so that rules about VMs are not run on files that hold none."""

    kind: ClassVar[str] = "VirtualMachine"


class PaasRole:
    """Never instantiated. Held (`resource_types`) by a file with a role that is not an IaaS VM: a web or
    worker role of a .csdef, a REST deployment or a script, or a role whose kind nothing tells. In a rule's
    `cases_in`, the files where a finding about web/worker roles can be."""

    kind: ClassVar[str] = "PaasRole"


class RolesInNetwork:
    """Never instantiated. Held by a file that places web/worker roles in a virtual network: a .cscfg's
    `VirtualNetworkSite` (a .cscfg configures web and worker roles only), or the `VirtualNetworkName` of
    a deployment with a role that is not a VM; not a file that places VMs only."""

    kind: ClassVar[str] = "RolesInNetwork"


class RolesUndefined:
    """Never instantiated. Held by a .cscfg whose cloud service no .csdef among the files checked defines:
    its `Role`s are then the service's only record of its web/worker roles, and findings about those roles
    are there. The link stage tells it, not the file (`engine.LintResult.held`)."""

    kind: ClassVar[str] = "RolesUndefined"


class WithReservedIp:
    """Never instantiated. Held by a file that gives a configuration or deployment a reserved IP (a .cscfg's
    `ReservedIP`, a deployment's `ReservedIPName`, a script's `-ReservedIPName`), like `RolesInNetwork`."""

    kind: ClassVar[str] = "WithReservedIp"


class SeveralSubnets:
    """Never instantiated. Held by a file that names two subnets or more for one role: a role's own
    subnets (a VM's `SubnetNames` and network interfaces, a REST role's), or the `InstanceAddress`es a
    configuration gives one role. Only a VM's subnets are joined across files (two descriptions, a
    script's change), so in a file that holds neither a VM nor a script, a role in two subnets is one
    the file itself puts there (MIG202)."""

    kind: ClassVar[str] = "SeveralSubnets"


@record
class RoleSettings:
    """A cscfg `Role`: the settings of a role defined elsewhere. A cscfg does not say what type a role is
    (web, worker): role types come only from the csdef or a REST body."""

    kind: ClassVar[str] = "Role"
    name: str
    instances: int | None  # `Instances@count`; None when absent or not a number
    mark: Mark


@record
class ExtensionStatus:
    """The status an extension's handler reports on a role instance (REST `ResourceExtensionStatus`)."""

    kind: ClassVar[str] = "ExtensionStatus"
    handler: str  # `Microsoft.Compute.BGInfo`: publisher and name
    status: str  # `Ready`, `NotReady`, `Installing`, `Unresponsive`
    mark: Mark

    @property
    def name(self) -> str:
        return self.handler


@record
class RoleInstance:
    """Runtime state of one role instance, as GET responses report it."""

    kind: ClassVar[str] = "RoleInstance"
    role: str
    name: str
    status: str
    guest_agent_status: str
    mark: Mark
    extension_statuses: tuple[ExtensionStatus, ...] = ()
    # Where the instance's extension status list is written, read in full, even empty (a GET response's
    # `<ResourceExtensionStatusList />`, Get-AzureVM's `[]` or null); None when the file does not write it.
    # A list written empty says that no handler reports a status; one not written says nothing (a body may
    # be trimmed).
    status_list_mark: Mark | None = None
    # Where the file says the VM was given no guest agent (`ProvisionGuestAgent`, Resource Graph's
    # `platformGuestAgent`, false); None when it was given one or the file does not say.
    no_agent_mark: Mark | None = None
    # Where the guest agent's status is written (`GuestAgentStatus`), when it is. Positions only.
    guest_agent_mark: Mark | None = field(default=None, compare=False)


@record
class InstanceAddress:
    """A cscfg `InstanceAddress`: the subnets one role's instances are placed in."""

    kind: ClassVar[str] = "InstanceAddress"
    role: str
    subnets: tuple[NameRef, ...]
    mark: Mark

    @property
    def name(self) -> str:
        return self.role


@record
class Subnet:
    kind: ClassVar[str] = "Subnet"
    name: str
    prefix: AddressPrefix | None
    mark: Mark
    # The network security group and route table associated with the subnet, when the file says (a REST
    # `VirtualNetworkSites` body does; a network configuration never does): they migrate with the network.
    security_group: str = ""
    route_table: str = ""
    # False when the file sets the prefix to a value it does not state (a script's template): `prefix` is
    # then None, and another description's prefix for the subnet is not compared with it (MIG004).
    prefix_known: bool = True
    # Of a subnet a script adds to a network it does not create (the classic CLI's `vnet subnet create`),
    # described on its own: that network's name. "" for a subnet written in its network's description.
    virtual_network: str = field(default="", compare=False)
    selected_in: str = field(default="", compare=False)  # of such a subnet: as `Deployment.selected_in`


@record
class GatewayConnection:
    """A gateway's connection to a local network site; `type` "IPsec" is a site-to-site VPN,
    "Dedicated" is ExpressRoute."""

    kind: ClassVar[str] = "GatewayConnection"
    local_site: str
    type: str
    mark: Mark
    # Where the local network site is named (`LocalNetworkSiteRef`), when `mark` is its `Connection` child:
    # a name that resolves to nothing is reported there. Positions only.
    site_mark: Mark | None = field(default=None, compare=False)

    @property
    def name(self) -> str:
        return self.local_site

    @property
    def is_expressroute(self) -> bool:
        return self.type.casefold() == "dedicated"


@record
class Gateway:
    kind: ClassVar[str] = "Gateway"
    connections: tuple[GatewayConnection, ...]
    client_address_pool: tuple[AddressPrefix, ...]
    mark: Mark
    name: str = "gateway"

    @property
    def has_expressroute(self) -> bool:
        return any(c.is_expressroute for c in self.connections)

    @property
    def has_vpn(self) -> bool:
        """Site-to-site (any non-ExpressRoute connection) or point-to-site (a client address pool)."""
        return bool(self.client_address_pool) or any(not c.is_expressroute for c in self.connections)


@record
class VirtualNetwork:
    kind: ClassVar[str] = "VirtualNetwork"
    name: str
    mark: Mark
    location: str = ""
    affinity_group: str = ""
    address_space: tuple[AddressPrefix, ...] = ()
    subnets: tuple[Subnet, ...] = ()
    dns_servers: tuple[NameRef, ...] = ()  # references to servers defined beside it (netcfg `DnsServerRef`)
    gateway: Gateway | None = None
    # Written inside the network itself (REST bodies): DNS servers with their addresses, and the local
    # network sites its gateway connects to.
    inline_dns_servers: tuple[DnsServer, ...] = ()
    inline_local_sites: tuple[LocalNetworkSite, ...] = ()
    # False when the file leaves a prefix of the address space to a value it does not state (a script's
    # template): `address_space` holds only those it states, and is not compared with another's (MIG004).
    address_space_known: bool = True
    # False when the file states the network's address space but not its subnets (an export's row that
    # leaves them out): `subnets` is empty, and says nothing of which subnets the network has.
    subnets_known: bool = True
    # A network a script makes anew: the networks of this name the same script made and deleted before
    # (the classic CLI's `vnet create`, then `vnet delete`), which no longer exist, with the subnets they had;
    # or the network as it was before the script took a subnet of it away (`vnet subnet delete`).
    replaced: tuple[VirtualNetwork, ...] = field(default=(), compare=False)
    # Where the affinity group is named apart from the network: a REST body's `AffinityGroup` element, the
    # value of a script's option; None where it is an attribute of the network's own element (a netcfg).
    affinity_group_mark: Mark | None = field(default=None, compare=False)
    selected_in: str = field(default="", compare=False)  # of a script's: as `Deployment.selected_in`


@record
class LocalNetworkSite:
    kind: ClassVar[str] = "LocalNetworkSite"
    name: str
    address_space: tuple[AddressPrefix, ...]
    vpn_gateway_address: str
    mark: Mark
    # False when the file leaves a prefix of the address space to a value it does not state (a script's
    # template): `address_space` holds only those it states, and is not compared with another's (MIG004).
    address_space_known: bool = True
    selected_in: str = field(default="", compare=False)  # of a script's: as `Deployment.selected_in`
    # True for a bare site that is an element of the subscription's network configuration all the same: the
    # classic CLI's `network local-network create` writes it there, as a netcfg's `LocalNetworkSite` is.
    # False for one held by a `NetworkConfiguration` (which says so itself) and for a local network gateway
    # made for one connection (PowerShell's `New-AzureLocalNetworkGateway`).
    in_network_configuration: bool = field(default=False, compare=False)


@record
class DnsServer:
    kind: ClassVar[str] = "DnsServer"
    name: str
    address: str
    mark: Mark


@record
class ReservedIp:
    """A reserved IP: declared on its own (REST `ReservedIP`) or referenced by a deployment."""

    kind: ClassVar[str] = "ReservedIP"
    name: str
    address: str
    service_name: str  # the cloud service it is associated with (REST `ServiceName`), "" for none
    mark: Mark
    deployment_name: str = ""  # and the deployment (REST `DeploymentName`)
    # The cloud service a script takes it off (`Remove-AzureReservedIPAssociation`, surely run): the linker
    # takes it off that service's deployments, whichever file associates it. "" for none.
    released_from: str = field(default="", compare=False)
    # The deployment whose VIP it may be: a script that creates it gives it to that deployment by a call
    # that may not run (`Set-AzureReservedIPAssociation`, `New-AzureReservedIP -ServiceName`,
    # `associate_reserved_ip_address` under an `if`), or takes it off by one (`Remove-AzureReservedIPAssociation`),
    # so that whether the deployment's VIP is reserved is not known (MIG105 says so). Its cloud service,
    # its name and where the call is; "" and None for none. It moves with that deployment if it is its VIP,
    # and on its own if not: not an unattached reserved IP either way.
    maybe_service: str = field(default="", compare=False)
    maybe_deployment: str = field(default="", compare=False)
    maybe_at: Mark | None = field(default=None, compare=False)
    # Whether that call takes it off the deployment (`Remove-AzureReservedIPAssociation`,
    # `disassociate_reserved_ip_address`) rather than gives it to it: MIG105 says which it does.
    maybe_removed: bool = field(default=False, compare=False)
    # Whether that call surely runs, but gives it a virtual IP of the deployment the script does not state
    # (`-VirtualIPName $vip`), which may be the default one or another: MIG105 says so.
    maybe_other_vip: bool = field(default=False, compare=False)
    read_once_in: str = field(default="", compare=False)  # as `Deployment.read_once_in`
    selected_in: str = field(default="", compare=False)  # as `Deployment.selected_in`


def subnet_holding(subnets: Sequence[Subnet], address: str) -> Subnet | None:
    """The first of `subnets` whose prefix holds the IPv4 `address`, as the classic CLI picks a VM's subnet
    from its static IP (`azure vm create -S`); None when it is no IPv4 address or no prefix is known to
    hold it."""
    import ipaddress  # only where an address is looked up: off the start-up path

    try:
        ip = ipaddress.IPv4Address(address.strip())
    except ValueError:
        return None
    for subnet in subnets:
        try:
            if subnet.prefix is not None and ip in ipaddress.IPv4Network(
                subnet.prefix.text.strip(), strict=False
            ):
                return subnet
        except ValueError:
            continue
    return None


def held_by_no_subnet(subnets: Sequence[Subnet], address: str) -> bool:
    """Whether the IPv4 `address` is surely in none of `subnets`: each has a prefix stated and none holds it
    (`subnet_holding`). False for no IPv4 address, or where a subnet's prefix is not stated."""
    import ipaddress  # only where an address is looked up: off the start-up path

    try:
        ipaddress.IPv4Address(address.strip())
    except ValueError:
        return False
    return all(s.prefix is not None for s in subnets) and subnet_holding(subnets, address) is None


def refused_static_address(
    network: VirtualNetwork, address: str, at: Mark, uses: str, made: str
) -> NamedAfterDelete:
    """The refusal of a classic CLI `vm create -w <network> -S <address>` (`uses`, the address written `at`)
    where no subnet of `network` holds the address (`held_by_no_subnet`): the platform refuses a static
    address outside the VM's subnets, and the command creates no VM. `made`: where the network is made or
    defined ("made at line 3")."""
    prefixes = ", ".join(f"{s.name} {s.prefix.text}" for s in network.subnets if s.prefix is not None)
    missing = (
        f"{made}, whose subnets ({prefixes or 'none'}) do not hold {address} (the static address must be"
        " in the subnet the VM goes into)"
    )
    fix = (
        f"Give -S an address inside one of the subnets of '{network.name}', or add a subnet whose prefix holds"
        f" {address} before the command."
    )
    return NamedAfterDelete(network.name, "VirtualNetwork", uses, at, network.mark, missing=missing, fix=fix)


class ReservingDraft(Protocol):
    """A deployment as a script reader drafts it, as far as `with_maybe_vips` reads it."""

    @property
    def service(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def reserved_ip(self) -> NameRef | None: ...
    @property
    def reserved_ip_unknown(self) -> bool: ...
    @property
    def maybe_reserved(self) -> Sequence[tuple[NameRef, bool]]: ...


def with_maybe_vips(reserved: Iterable[ReservedIp], drafts: Iterable[ReservingDraft]) -> list[ReservedIp]:
    """The reserved IPs a script creates, each with the deployment whose VIP it may be
    (`ReservedIp.maybe_service`): one that calls that may not run give to a deployment or take off it
    (`maybe_reserved`, with whether the call takes it off), while whether that deployment's VIP is reserved
    is not known at the end. Not one the script surely gives a deployment, nor one it reserves for a service
    or takes off one (it is that service's). The PowerShell and Python readers' drafts alike."""
    drafts = list(drafts)
    held = {d.reserved_ip.name.strip().casefold() for d in drafts if d.reserved_ip is not None}
    maybe: dict[str, tuple[ReservingDraft, NameRef, bool]] = {}
    for draft in drafts:
        if draft.reserved_ip is None and draft.reserved_ip_unknown:
            for ref, removes in draft.maybe_reserved:
                maybe.setdefault(ref.name.strip().casefold(), (draft, ref, removes))
    found = []
    for ip in reserved:
        name = ip.name.strip().casefold()
        if name in maybe and name not in held and not ip.service_name and not ip.released_from:
            draft, ref, removes = maybe[name]
            ip = dataclasses.replace(
                ip,
                maybe_service=draft.service,
                maybe_deployment=draft.name,
                maybe_at=ref.mark,
                maybe_removed=removes,
                maybe_other_vip=ref.virtual_ip is not None and not ref.virtual_ip.name,
            )
        found.append(ip)
    return found


def reserved_on_vips(
    own: NameRef | None, own_unknown: bool, others: Iterable[NameRef]
) -> tuple[NameRef, ...]:
    """A deployment's reserved IPs as a script reader gives them (`Deployment.reserved_ip`, then
    `other_reserved_ips`), in the order a REST body's `VirtualIPs` give them: the default VIP's (`own`)
    first, then those the script gives its other VIPs (`others`, each with its `NameRef.virtual_ip`). Those
    only where whether the default VIP is reserved is known (not `own_unknown`): the estate takes a
    deployment whose first reserved IP is another VIP's for one whose default VIP is surely not reserved."""
    if own is None and own_unknown:
        return ()
    return (*((own,) if own is not None else ()), *others)


@record
class ConnectionState:
    """What the platform said of one of a gateway's connections to a local network site when it was asked:
    a List Connections response (`<Connections>`, REST) or `Get-AzureVNetConnection` output. Neither names
    the virtual network: it is the request's."""

    kind: ClassVar[str] = "GatewayConnection"
    local_site: str
    state: str  # as written: "Connected", "Connecting" or "NotConnected"
    mark: Mark
    # A script's disconnection (`Set-AzureVNetGateway -Disconnect`) that no connection of the same network
    # and site follows on every path after it: the network it names (never "" then), and whether the
    # connection is left down on every path the script takes (False: on some only). The state is then
    # "NotConnected"; "" and True for a state the platform reported.
    virtual_network: str = ""
    every_path: bool = True
    # Where the disconnection writes the network's name (the argument, or the literal that states it), for
    # a finding about that name; None where the file does not tell.
    network_mark: Mark | None = field(default=None, compare=False)

    @property
    def name(self) -> str:
        return self.local_site


@record
class NetworkSecurityGroup:
    kind: ClassVar[str] = "NetworkSecurityGroup"
    name: str
    mark: Mark
    # The subnet a script associates it with (`Set-AzureNetworkSecurityGroupToSubnet`), and that subnet's
    # virtual network: the linker gives the subnet of that name this group, as a REST body of the network
    # would (`Subnet.security_group`). "" for none.
    virtual_network: str = field(default="", compare=False)
    subnet: str = field(default="", compare=False)
    # Where the association writes the network's and the subnet's names (the arguments, or the literals
    # that state them), for a finding about either name; None where the reader cannot tell.
    network_mark: Mark | None = field(default=None, compare=False)
    subnet_mark: Mark | None = field(default=None, compare=False)
    selected_in: str = field(default="", compare=False)  # of a script's: as `Deployment.selected_in`


@record
class SecurityRule:
    """A rule of a classic network security group, as a file states it: `Set-AzureNetworkSecurityRule`, a
    Set Network Security Rule request (`<Rule>`, PUT `.../networksecuritygroups/<group>/rules/<rule>`), the
    `<Rules>` of a Get Network Security Group response with its rules (`-Detailed`). Each value as written
    (`direction` is the rule's `Type`: Inbound or Outbound); None for one the file sets to a value it does
    not state (a script's parameter), which a check takes as any value it may be."""

    kind: ClassVar[str] = "NetworkSecurityRule"
    group: str
    name: str
    mark: Mark
    direction: str | None = ""
    priority: str | None = ""
    action: str | None = ""
    source: str | None = "*"
    source_ports: str | None = "*"
    destination: str | None = "*"
    destination_ports: str | None = "*"
    protocol: str | None = "*"
    # Whether the rule is in the group, as `ClassicCall.runs` says whether a call runs: "" surely, as far as
    # the file tells; MAYBE_RUNS when the file sets it on a path that may not run (under a condition the
    # reader cannot decide), or a change that may run replaces or removes it (see `rules_after`). A check
    # takes such a rule as one that may apply, never as one that surely does.
    runs: str = field(default="", compare=False)
    selected_in: str = field(default="", compare=False)  # of a script's: as `Deployment.selected_in`


def rules_after(earlier: list[SecurityRule], rule: SecurityRule) -> list[SecurityRule]:
    """The rules a group may hold under one name once `rule` is set under it, `earlier` those it may hold
    before: `rule` alone when it surely runs; else `rule` or what was there, each of which may not be."""
    if not rule.runs:
        return [rule]
    # Once a rule that may not run is set, every one under the name may be there: only a sure one is copied.
    return [*(each if each.runs else dataclasses.replace(each, runs=MAYBE_RUNS) for each in earlier), rule]


# The values of a network security rule, by `SecurityRule` field: the element of a Set Network Security Rule
# body and the parameter of Set-AzureNetworkSecurityRule, which share their names.
SECURITY_RULE_VALUES = {
    "direction": "Type",
    "priority": "Priority",
    "action": "Action",
    "source": "SourceAddressPrefix",
    "source_ports": "SourcePortRange",
    "destination": "DestinationAddressPrefix",
    "destination_ports": "DestinationPortRange",
    "protocol": "Protocol",
}


@record
class RouteTable:
    kind: ClassVar[str] = "RouteTable"
    name: str
    mark: Mark
    # The subnet a script associates it with (`Set-AzureSubnetRouteTable`), and its virtual network: see
    # `NetworkSecurityGroup`.
    virtual_network: str = field(default="", compare=False)
    subnet: str = field(default="", compare=False)
    network_mark: Mark | None = field(default=None, compare=False)  # see `NetworkSecurityGroup`
    subnet_mark: Mark | None = field(default=None, compare=False)
    selected_in: str = field(default="", compare=False)  # of a script's: as `Deployment.selected_in`


@record
class ServiceRegion:
    """The region a file places a classic cloud service in, as written (`West Europe`, `westeurope`): a REST
    body's `Location` (a HostedService's properties, a Create Hosted Service body), a script's
    `New-AzureService -Location` or `create_hosted_service(location=...)`, an inventory export's `location`
    of a classic VM row (with the row's `subscription`; "" for every other file). The plan's commands name
    it where they need the service's region (`New-AzureReservedIP -Location`, the quotas of step 0)."""

    kind: ClassVar[str] = "CloudService"
    service: str
    location: str
    mark: Mark
    subscription: str = ""
    selected_in: str = field(default="", compare=False)  # of a script's: as `Deployment.selected_in`
    # Of a service placed in an affinity group instead (`location` ""): the service is in the group's region,
    # which an `AffinityGroupRegion` of the same subscription may state.
    affinity_group: str = ""


def is_region_stand_in(location: str) -> bool:
    """Whether a `ServiceRegion.location` stands in for a region a script takes from whoever runs it
    (`<region the caller gives with --location>`, `<region name, deploy.py:7>`): one region the
    subscription's services are in, which step 0's quotas name for the user to fill in."""
    return location.startswith("<region") and location.endswith(">")


@record
class AffinityGroupRegion:
    """The region a file creates a classic affinity group in: `New-AzureAffinityGroup -Location`, `azure
    account affinity-group create --location`, the legacy SDK's `create_affinity_group(name, label,
    location)`, a Create Affinity Group body (`Location`, where `mark` is), or the region a Get or List
    Affinity Groups response states. A cloud service placed in the group (`ServiceRegion.affinity_group`) and
    a virtual network bound to it (`VirtualNetwork.affinity_group`) are in that region, which the plan's
    commands and MIG303 then name as they do a region stated for the service or network itself."""

    kind: ClassVar[str] = "AffinityGroup"
    name: str
    location: str
    mark: Mark
    selected_in: str = field(default="", compare=False)  # as `ServiceRegion.selected_in`


@record
class ServiceCertificate:
    """A file states that a classic cloud service holds service certificates: `Add-AzureCertificate
    -ServiceName`, a VM created with `-X509Certificates` (which uploads them to the VM's service) or
    `-Certificates` (settings of certificates the service holds already) on `New-AzureQuickVM` or
    `Add-AzureProvisioningConfig`, the legacy SDK's `add_service_certificate`, a REST body's VM provisioning
    set's `StoredCertificateSettings/CertificateSetting` (one the service holds). The migration creates a key
    vault for the service and moves its certificates into it; the VMs then reference them from it (deep
    dive: "Virtual machine certificates"). Not a blocker: the plan's step for the service says it. `mark` is
    where the file states the certificate (the argument that passes it, else the call)."""

    kind: ClassVar[str] = "CloudService"
    service: str
    mark: Mark
    stated_by: str  # the cmdlet and parameter, or method, as documented: "Add-AzureCertificate -CertToDeploy"


@record
class StorageAccountType:
    """The type of a classic storage account, as a script creates it (`New-AzureStorageAccount -Type`, the
    legacy SDK's `create_storage_account(account_type=...)`) or a REST body states it (`StorageService`,
    `CreateStorageServiceInput`): `Premium_LRS`,
    `Standard_GRS`, ...; "" where the file names the account and not its type (a publish profile's
    `AzureStorageAccountName`). Every disk whose blob is in a Premium account is a Premium disk, whichever file
    describes it: the link stage marks them so, as it does for an account an inventory export shows as
    Premium."""

    kind: ClassVar[str] = "StorageAccount"
    name: str
    account_type: str
    mark: Mark  # the call that creates the account, or the body's root element
    read_once_in: str = field(default="", compare=False)  # as `Deployment.read_once_in`
    selected_in: str = field(default="", compare=False)  # as `Deployment.selected_in`

    @property
    def premium(self) -> bool:
        return self.account_type.strip().casefold().startswith("premium")


# --- automation scripts ------------------------------------------------------------------------------


@record
class ClassicCall:
    """One call of a classic (Service Management) API in a script: a method of the legacy Python SDK
    (`create_virtual_machine_deployment`) or a cmdlet of the classic `Azure` PowerShell module
    (`New-AzureVM`). `name` is the method or cmdlet as its documentation spells it, whatever the case
    or the alias the script used."""

    kind: ClassVar[str] = "ClassicCall"
    name: str
    mark: Mark
    # Set on the calls of `Script.changes` (and `Script.circuit_moves`) only: the resources the migration locks from Prepare to Commit or
    # Abort that the call changes, as (scope, name) with the scopes of `MigrationStep` ("cloud-service",
    # "virtual-network", "storage-account") and the name as the script states it (`EVERY_NETWORK` for a
    # network configuration upload, which changes every network of the subscription; a VM's name for a
    # change to the VM of that name, whichever service holds it: `SERVICE_OF_VM`); how many of the
    # script's migration steps run before it; and the branches it runs on (see `MigrationStep.branches`).
    changes: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    after: int = field(default=0, compare=False)
    branches: tuple[tuple[str, int], ...] = field(default=(), compare=False)
    # Whether the call runs when the script does: "" surely, as far as the file tells; MAYBE_RUNS only on
    # some paths (under a condition the reader cannot decide, as a create-if-missing is); NEVER_RUNS not at
    # all (code a condition keeps from running); UNCALLED_RUNS not when the script runs (in a function
    # nothing in the file calls: dead code in a runbook, what another file calls in a library of functions),
    # whenever the function does; UNCALLED_MAYBE_RUNS in such a function, on some of its paths only.
    runs: str = field(default="", compare=False)
    # Of a query of a deployment (`automation.DEPLOYMENT_QUERIES`: Get-AzureDeployment -ServiceName,
    # get_deployment_by_name(service_name)): the cloud service it names, as the script states it; "" when it
    # does not. One the files deploy web/worker roles to asks after those roles.
    service: str = field(default="", compare=False)
    # Of a network configuration upload (`changes` `EVERY_NETWORK`): what it uploads on any run, each the
    # name of a file as `Script.uploaded_files` gives it ("" for a file the script does not name) or
    # `WRITTEN_CONFIGURATION` for a configuration the script writes itself; () where the reader does not
    # say (what any upload of the script uploads).
    uploaded: tuple[str, ...] = field(default=(), compare=False)


# What `ClassicCall.uploaded` holds for a network configuration the script writes itself (no file name holds
# a NUL).
WRITTEN_CONFIGURATION = "\0written"

MAYBE_RUNS = "maybe"
NEVER_RUNS = "never"
UNCALLED_RUNS = "uncalled"
UNCALLED_MAYBE_RUNS = "uncalled-maybe"
# The run states of a call that does not run when the script does, and of one that runs on some paths only.
UNCALLED = frozenset({UNCALLED_RUNS, UNCALLED_MAYBE_RUNS})
SOME_PATHS_ONLY = frozenset({MAYBE_RUNS, UNCALLED_MAYBE_RUNS})


# What a network configuration upload (Set-AzureVNetConfig, a PUT to `.../services/networking/media`)
# changes: every virtual network of the subscription, whatever it names.
EVERY_NETWORK = "*"

# The scopes of a change (`ClassicCall.changes`) to a VM a script names without its cloud service, the name
# the VM's: the service of the one VM of that name the files describe (the classic CLI without `-d`, which
# refuses a name VMs of several services have), or of each such VM (PowerShell's `Get-AzureVM |
# Where-Object Name -eq x`), as the linker finds the VM (`Deployment.service_by_vm_name`).
SERVICE_OF_VM = "cloud-service-of-vm"
SERVICES_OF_VMS = "cloud-service-of-every-vm"


@record
class MigrationStep:
    """A call that runs one step of the platform migration: `Move-AzureService -Prepare ...`,
    `azure network vnet commit-migration ...`."""

    kind: ClassVar[str] = "MigrationStep"
    name: str  # the cmdlet or command as documented: "Move-AzureService", "azure service deployment"
    step: str  # "validate" | "prepare" | "commit" | "abort"
    scope: str  # "cloud-service" | "virtual-network" | "storage-account" | "reserved-ip" | "network-security-group" | "route-table"
    target: str  # the name of what moves; "" when the script does not state it
    mark: Mark
    # Where the script runs the step only on some of the branches of a choice only one of which it takes (an
    # `if` and its `else`, the clauses of a `switch` on a `-Step` parameter), as `Role.branches` says of a
    # VM: two steps on different branches of one choice never run in the same invocation. Empty when it
    # runs whichever way the script goes.
    branches: tuple[tuple[str, int], ...] = field(default=(), compare=False)
    # Why the call fails as written, before it reaches the platform (a parameter the cmdlet does not have,
    # Move-AzureService's Prepare without -CreateNewVirtualNetwork or -UseExistingVirtualNetwork); "" when it
    # may run.
    fails: str = field(default="", compare=False)
    # What to change in that call for it to run: remove the parameter it does not have, add the option it
    # lacks; "" when it may run.
    fails_fix: str = field(default="", compare=False)
    # Where the call writes the name of what moves (the argument, the literal that states it, the string of
    # the request's path that holds it), for a finding about that name; None where the reader cannot tell.
    target_mark: Mark | None = field(default=None, compare=False)
    # Of a step a function of the script runs (`mark` is then the command or request in the function): the
    # call in the script's own code that runs it, the outermost that leads to this step alone, which a
    # message names as context; None for a step written where it runs, or in a function no call runs.
    called_at: Mark | None = field(default=None, compare=False)
    # Whether the step runs when the script does, as `ClassicCall.runs` says of a call: "" surely as far as
    # the file tells (on its branches), MAYBE_RUNS only on some paths the branches do not tell apart (a
    # `catch`, the command after `||`, an `except`): one that may run only when an earlier step failed.
    runs: str = field(default="", compare=False)
    # Of a step whose `target` the script does not state: what the reader knows of the value that names it
    # (the parameter, the variable's assignment, `$1`), the same for every step given that one value, so
    # that the order of the steps on it is judged as on a name (`param($VNet)`, then a Commit of `$VNet`
    # before its Prepare); "" where nothing tells, or the target is stated.
    unstated: str = field(default="", compare=False)
    # How the script writes that value (`$VNet`), for a message; "" where `unstated` is.
    unstated_shown: str = field(default="", compare=False)

    @property
    def shown(self) -> str:
        """The step as a message names it, as the script would write it: the classic CLI runs each step as
        a command of its own (`azure network vnet commit-migration`), a Move-Azure* cmdlet takes it as a
        switch (`Move-AzureVirtualNetwork -Commit`); a request's `comp=` is named by the step (`Service
        Management API Commit`)."""
        if self.name.startswith("azure "):
            return f"{self.name} {self.step}-migration"
        if self.name.startswith("Move-"):
            return f"{self.name} -{self.step.capitalize()}"
        return f"{self.name} {self.step.capitalize()}"


# The tag of a `Script.unread` mark of a line that starts with an option after a classic command: the
# command's line most likely lost the `\` that would have continued it.
LOST_CONTINUATION = "\\"
# The start of the tag of a `Script.unread` mark of a shell `azure` command's option its classic form does
# not declare (`-I` where the CLI has `-i`), the command and the option as written after it
# ("refused-option:vm create:--vnet-name", `refused_option`): commander refuses the command, which runs nothing.
REFUSED_OPTION = "refused-option:"
# The start of the tag of a `Script.unread` mark of an option a task gives Ansible's classic `azure` module
# that its argument_spec does not declare (`subnet_name:`), the option after it: Ansible refuses the whole
# task ("Unsupported parameters"), which creates nothing.
REFUSED_MODULE_OPTION = "refused-module-option:"


def refused_option(command: str, option: str) -> str:
    """The tag of a mark of `option`, which the classic CLI's `command` ("vm create") does not declare."""
    return f"{REFUSED_OPTION}{command}:{option}"


# The start of the tag of a `Script.unread` mark of a shell `azure` command's option that takes a value written
# as its last word, with none after it (`--affinity-group` at a line's end, its value on the next line, the
# `\` between them lost), the command and the option as written after it
# ("missing-value:storage account create:--affinity-group", `missing_value`): commander refuses the command
# ("option argument missing"), which runs nothing.
MISSING_VALUE = "missing-value:"


def missing_value(command: str, option: str) -> str:
    """The tag of a mark of `option`, which the classic CLI's `command` is given last, with no value."""
    return f"{MISSING_VALUE}{command}:{option}"


# The tag of a `Script.unread` mark of a classic command's value an Ansible task takes from another task's
# registered result (`{{ out.stdout }}`): what a command printed when the playbook ran, which the file does not
# state, whatever the play's variables give that name.
REGISTERED_OUTPUT = "registered-output"
# The tag of a `Script.unread` mark of a command line another language's script runs through a shell
# (`os.system("azure vm create ... -n 'web1")`) that bash cannot parse (a quote left open): the shell
# refuses it with a syntax error and runs none of it; the script's other commands still run.
UNPARSED_COMMAND_LINE = "unparsed-command-line"
# The tag of a `Script.unread` mark of a shell script's `for` or `select` loop whose body is in braces
# (`for f in *.json; { ...; }`), which bash runs but the grammar migcheck reads shell with does not: the
# commands before it are read, not the loop's nor those after it.
BRACED_LOOP = "braced-loop"
# The tag of a `Script.unread` mark of a shell script's loop that runs more turns than are read one by one (a
# `for` over more than 32 numbers, `$(seq 40)`, `{1..40}`, or words written out; a counter stated in numbers,
# `for ((i = 0; i < 40; i++))`), a Python script's `for` over `range()` of more than 64 numbers around its
# calls of the SDK, or a PowerShell script's loop counted past 64 turns (`foreach ($i in 1..100)`, a `for`,
# `while` or `do` counter): it surely runs, and its turns are read as one, its counter not stated.
LOOP_TURNS_CUT = "loop-turns-cut"
# The tag of a `Script.unread` mark of a file a shell script sources (`source ./env.sh`), or a PowerShell script
# dot-sources (`. .\config.ps1`, after Set-Location or Push-Location), by a path relative to a folder it moved
# to by a `cd` it may not make (in one branch), to a folder it does not state, or to an
# absolute one (`cd /opt/deploy`): which file bash loads is unknown, so the variables and functions it sets
# are not read.
SOURCED_AFTER_CD = "sourced-after-cd"
# The tag of a `Script.unread` mark of a script a PowerShell script runs (`& .\\deploy-vm.ps1`, `.\\x.ps1`) by a
# path relative to a folder it moved to as for `SOURCED_AFTER_CD`: which script PowerShell runs is unknown, so
# what it outputs is not read.
RUN_AFTER_CD = "run-after-cd"
# The tag of a `Script.unread` mark of a file a CI step's inline PowerShell runs, dot-sources or imports by a
# path from `$PSScriptRoot` (or the path `$MyInvocation` gives): the runner writes the step's script to a
# temporary file and runs that, so the folder is the runner's temporary one, not the repository's.
STEP_SCRIPT_ROOT = "step-script-root"
# The tag of a `Script.unread` mark of a file a PowerShell or shell script loads by a path from the folder it
# is run in (`. .\\pslib\\common.ps1`, `source ./lib/env.sh`) that its own folder does not hold, while a folder
# above it does: that is the file loaded when the script runs from there, which the files do not state, so
# it is not read.
LOADED_FROM_ANOTHER_FOLDER = "loaded-from-another-folder"
# The start of the tag of a `Script.unread` mark where a shell script whose `#!` line names another shell
# than bash or sh (zsh) writes what bash cannot parse, the shell's name after it ("other-shell:zsh"): that
# shell may well run it; the commands before it are read as bash, not those from it on.
OTHER_SHELL = "other-shell:"
# The tag of a `Script.unread` mark of a Python call by a method name the script does not state
# (`getattr(sms, sys.argv[1])(...)`): which classic operation it runs is unknown.
CALLED_BY_UNSTATED_NAME = "getattr"
# The start of the tag of a `Script.unread` mark of a PowerShell backtick just before a parameter's dash
# (`` `-DeploymentName``), the parameter's name after it ("`-DeploymentName"): PowerShell reads an escaped
# character as the start of a bare word, so the name is a value given to the command by position, not the
# parameter, and the call does not run as its author meant.
ESCAPED_PARAMETER = "`-"
# The start of the tag of a `Script.unread` mark of a PowerShell call that gives a cmdlet more values by
# position than it takes, then the cmdlet, the first value too many and the parameters it takes by
# position, tab-separated ("positional:Set-AzureSubscription\t"b"\t-SubscriptionName"): PowerShell refuses
# the call ("A positional parameter cannot be found that accepts argument 'b'"), which does nothing.
EXTRA_POSITIONAL = "positional:"
# The tag of a `Script.unread` mark of a script's first edit of an XML document by its methods
# (`$xml.CreateElement(...)`, `SetAttribute`, `AppendChild`, `RemoveChild`) in a script that uploads a network
# configuration: the edits are not followed, so what they add to or take from the upload is unknown.
XML_EDITS_NOT_FOLLOWED = "xml-edits"
# The tag of a `Script.unread` mark of a network configuration a script uploads through a client of its own
# (`$client.ExecuteOperation2(@{ Verb = "PUT"; Resource = "services/networking/media"; Content = $doc.OuterXml
# })`) whose content the reader cannot follow: the networks it uploads are not checked.
CLIENT_UPLOAD_NOT_FOLLOWED = "client-upload"
# The start of the tag of a `Script.unread` mark of a request that may go to the Service Management API (a client
# certificate in a file that names the API, a classic REST body from a file, a URL held by a name of the API) to a
# URL the script does not state (a parameter, an environment variable): what its path names and its body
# describes is not read.
REQUEST_URL_UNDECIDED = "request-url-undecided"
# What makes such a request one that may go to the API, carried in its mark's tag after the prefix
# (`request_url_undecided`), so that each report says the one cause that applies: the client certificate it
# sends, the classic REST body file it sends, or the name of the API that holds its URL.
SENDS_CERTIFICATE = "certificate"
SENDS_CLASSIC_BODY = "body"
URL_NAMES_THE_API = "url-name"


def request_url_undecided(cause: str, named: str) -> str:
    """The tag of a mark of a request to a URL not stated that may go to the API for `cause`
    (`SENDS_CERTIFICATE`, ...), `named` what the script writes for it ("request-url-undecided:body:body.xml")."""
    return f"{REQUEST_URL_UNDECIDED}:{cause}:{named}"


def undecided_url(tag: str) -> bool:
    """Whether `tag` is of a request to a URL not stated that may go to the API (`request_url_undecided`)."""
    return tag.startswith(f"{REQUEST_URL_UNDECIDED}:")


# The tag of a `Script.unread` mark of a request sent to a URL an attribute holds that the script sets to
# several values, one of them on the Service Management API's host (a class's `url = ''` and its `__init__`'s
# `self.url = 'https://management.core.windows.net/...'`; in PowerShell a class's `[string]$Url = ''` and its
# constructor's `$this.Url = '...'`): the request is one to the API, but which of the values it is sent to is
# not decided, so what its path names and its body describes is not read. Said under the same "why" as
# `REQUEST_URL_UNDECIDED`, with its own message.
REQUEST_ATTRIBUTE_UNDECIDED = "request-attribute-undecided"

# The tag of a `Script.unread` mark of the `-ReservedIPName` of a New-AzureVM or New-AzureQuickVM that adds
# VMs to a deployment an earlier call of the script created: a reserved IP binds when the deployment is
# created (Create Virtual Machine Deployment has `ReservedIPName`, Add Role has none), so it is not applied,
# and the deployment keeps the VIP it was created with.
RESERVED_IP_NOT_APPLIED = "reserved-ip-not-applied"

# The tag of a `Script.unread` mark of a VM configuration pipeline's stage that passes no VM on
# (`$vm = New-AzureVMConfig … | Add-AzureEndpoint … | Set-AzureAclConfig …`, which outputs nothing), whose
# output a New-AzureVM is given: it gets no VM, fails, and creates none, so the VM the pipeline describes is
# not checked.
VM_NOT_PASSED_ON = "vm-not-passed-on"

# The tag of a `Script.unread` mark of a command line a script runs from a string it does not state, or that
# does not parse (PowerShell's `Invoke-Expression $cmd`, `iex`; bash's `eval "$cmd"`): which commands it runs
# is unknown.
UNSTATED_COMMAND_LINE = "unstated-command-line"
# The tag of a `Script.unread` mark of a command line a shell script hands on through more levels than migcheck
# follows (`ssh`, `bash -c`, `eval`, `sudo`, a container, one inside another more than 8 deep), at the first
# of them: what the innermost runs is not read.
HANDED_ON_TOO_DEEP = "handed-on-too-deep"

# The tag of a `Script.unread` mark of a file a PowerShell script dot-sources (`. "$configDir\\settings.ps1"`)
# by a path migcheck does not follow: one the script does not state (a value it is not given, an expression),
# an absolute one, which is the machine's, or one to a file that is not among those checked; the values and
# functions it sets are not known.
DOT_SOURCE_NOT_FOLLOWED = "dot-source-not-followed"
# The tag of a `Script.unread` mark of a script a PowerShell script runs (`& "$toolsDir\\get-name.ps1"`) or a
# script module it imports (`Import-Module "$libDir\\deploy.psm1"`) by such a path: what the script outputs,
# and the functions the module defines, are not known.
LOAD_NOT_FOLLOWED = "load-not-followed"
# The tag of a `Script.unread` mark of a runbook a PowerShell script starts (`Start-AzureAutomationRunbook
# -Name New-AvailabilityGroupVM -Parameters $params`, AzureRM's and Az's alike) that is not followed: no file
# checked beside the script defines it, or the script does not state its parameters as a table whose entries
# it knows, so what the runbook creates with them is unknown.
RUNBOOK_NOT_FOLLOWED = "runbook-not-followed"
# The tag of the `Script.unread` mark of a graphical runbook of Azure Automation (`.graphrunbook`), at its first
# line: its activities are a .NET binary graph that migcheck does not read, so the cmdlets they run are unknown.
GRAPHICAL_RUNBOOK = "graphical-runbook"
# The tag of a `Script.unread` mark of a template a CI pipeline includes that migcheck does not read: one in
# another repository (Azure Pipelines' `template: x.yml@tools`, GitLab CI's `include: remote:`/`project:`/
# `template:`/`component:`), one by a path the pipeline does not state (an expression, a wildcard) or from the
# repository's root in Azure Pipelines (`/x.yml`), one not among the files checked, one that does not parse, or
# one included past Azure Pipelines' and GitLab CI's limits (a cycle): the steps it holds are not read.
TEMPLATE_NOT_READ = "template-not-read"
# The tag of a `Script.unread` mark of a CI pipeline's job (at its first line, or the file's) whose steps every
# job runs first, or the jobs it `extends:`, are not read in it: the text read again reached its bound
# (a multiple of the file's size, against a file that makes a small text very large by repeating it).
READ_AGAIN_CUT = "read-again-cut"

# The tag of a `Script.unread` mark of the first positional word a classic `azure` command is given past those
# it takes (`storage account create --description \"Disks for ...\" "$storage"`, whose escaped quotes bash
# splits into words): the CLI binds its positionals in order and drops the rest, so the name it takes is most
# likely not the one meant.
SURPLUS_ARGUMENTS = "surplus-arguments"

# The tags of a `Script.unread` mark of a Terraform resource of the classic `azure` provider that the provider's
# apply fails to make, so it makes nothing of it: a second `azure_instance` in a cloud service whose Production
# slot another instance's deployment holds (the provider creates each VM as a deployment of its own, in that
# slot); an `azure_data_disk` of a VM in a cloud service not of the VM's name (the provider attaches it in the
# cloud service and deployment of the VM's name, AddDataDisk(vm, vm, vm)); an `azure_virtual_network` with no
# `subnet` block (the provider requires one).
SECOND_PROVIDER_DEPLOYMENT = "provider-refuses:second-deployment"
DATA_DISK_SERVICE_MISSING = "provider-refuses:data-disk-service"
NETWORK_WITHOUT_SUBNET = "provider-refuses:network-without-subnet"
# The tag of a `Script.unread` mark of a Terraform `local-exec` provisioner whose command migcheck does not
# read: its `interpreter` is a program other than a shell, PowerShell or Python (`["cmd", "/C"]`, `perl`), or
# one the module does not state, or it is a Python command holding a value the module does not state.
INTERPRETER_NOT_READ = "interpreter-not-read"
# The tag of a `Script.unread` mark of a Terraform `module` block whose `source` is not a folder of the
# configuration's own (a registry's module, a git or HTTP address): the resources it declares are not read.
MODULE_NOT_READ = "module-not-read"
# The tag of a `Script.unread` mark of a Terraform `module` block of a folder of the configuration's own that is
# not read: past migcheck's bound on the module calls one configuration reads (nested ones counted), deeper
# than it follows them, or calling a folder among those that call it (a module calling itself).
MODULE_CALLS_CUT = "module-calls-cut"
# The tag of a `Script.unread` mark of a Terraform `dynamic` block's `for_each` of more items than migcheck
# writes blocks for (`terraform._MOST_COUNT`, or the blocks one resource's `dynamic` blocks write in all): its
# items are read as one block for each classic type their ids name, named by a stand-in.
DYNAMIC_BLOCKS_CUT = "dynamic-blocks-cut"
# The tag of a `Script.unread` mark of a Terraform `module` block of a folder of the configuration's own
# (`../../modules/vm`) none of whose `.tf` files this run checks (outside the folder checked, or excluded):
# settings files are read only when the run checks them, so the resources it declares are not read.
MODULE_NOT_CHECKED = "module-not-checked"
# The tag of a `Script.unread` mark of a file a deployment template uses that is not read: a Bicep module
# from a registry or template spec (`br:`, `ts:`), an ARM template linked by an address (`templateLink.uri`),
# one by a path the file does not state, one that does not parse, or one past the bound on the modules one
# file reads (nested deeper than it follows, or using a file that uses it).
TEMPLATE_FILE_NOT_READ = "template-file-not-read"
# The tag of a `Script.unread` mark of a file of the repository a deployment template uses by its path (a
# Bicep module's, an ARM template linked by `relativePath`) that the run does not check (missing, outside the
# folder checked, excluded): said apart from `TEMPLATE_FILE_NOT_READ`, as a Terraform module's folder not
# checked (`MODULE_NOT_CHECKED`) is, since what to do is to check it with the template.
TEMPLATE_FILE_NOT_CHECKED = "template-file-not-checked"
# The tag of a `Script.unread` mark of a `param name = value` of a `.bicepparam` file that gives values to the
# parameters of a Bicep file migcheck reads (`using './main.bicep'`): tree-sitter-bicep (1.1.0, the latest
# release) does not parse it, so the Bicep file is read with its parameters' defaults.
BICEPPARAM_NOT_READ = "bicepparam-not-read"
# The tag of a `Script.unread` mark of the first `.bicepparam` file (in the order of their paths) past the
# `bicep.PARAMETER_FILES_READ` files of one Bicep file it is read with, each a deployment of its own: the
# Bicep file is not read with its values, nor with those of the files after it. Said once for the Bicep file.
BICEPPARAM_FILES_CUT = "bicepparam-files-cut"
# The tag of a `Script.unread` mark at the start of a `.bicepparam` file the Bicep grammar takes longer to
# parse than a file of its size may (`grammars.parsed_within`): none of its values is read, and which Bicep
# file its `using` names is not known, so each Bicep file read with parameters files says it.
BICEPPARAM_TOO_SLOW = "bicepparam-too-slow"
# The tag of a `Script.unread` mark of an Eclipse `package.xml` (at its project element) whose Ant properties
# were not all resolved (`readers.ant`): a target past the 64 holding the tasks read, or past the steps one
# file's targets may take to resolve, sees the project's own properties only; a value longer than 4,096
# characters, or past the characters one file's properties may put in place of references, is not known.
ANT_PROPERTIES_CUT = "ant-properties-cut"
# The tag of a `Script.unread` mark of Python code a shell script runs inline (`python3 -c "$CODE"`, `python -
# <<EOF` of a here-document whose variables the shell fills in) whose text the script does not state as
# written: the classic calls it makes are not read.
INLINE_PYTHON_NOT_READ = "inline-python-not-read"
# The tag of a `Script.unread` mark of the first value a Python script's reader left unread because the work
# it spends following the script's values (bounded by the script's size) was spent: that value and the
# values read after it are values the script does not state.
VALUES_NOT_FOLLOWED = "values-not-followed"
# The tag of a `Script.unread` mark of a value a Python script builds or takes that is longer than its reader
# keeps: a string holding markup (a REST body) built past 256 KiB, a settings module's value past 256 KiB (or
# past the bound on what one module's values may cost): read as a value the script does not state. Said once
# for the file, at the first such value.
VALUE_TOO_LONG = "value-too-long"
# The tag of a `Script.unread` mark of the first reference to a Makefile variable that migcheck leaves not
# stated because what the file's values expanded to spent its budget (`makefile._Scanner.budget`: four times
# the file's size and 50,000 characters): from there on every value is a stand-in, though the file states it.
# Said once for the file.
MAKE_EXPANSION_SPENT = "make-expansion-spent"
# The tag of a `Script.unread` mark of the first place a Python script's commands of the classic CLI (or curl)
# are past what its reader follows (`python_cli`): statements nested past 40 deep, not read; a list of more
# than 1,000 words, or built of lists past 8 deep, a loop of more than 32 turns written out, or whose body
# written once per turn grows too long, read as words the script does not state. Said once for the file.
PYTHON_COMMANDS_CUT = "python-commands-cut"


@record
class Script:
    """An automation script that calls classic APIs: every such call in source order, and the migration
    steps it runs. `mark` is its first classic call."""

    kind: ClassVar[str] = "Script"
    name: str  # the file's name
    language: str  # "Python" | "PowerShell" | "Shell"
    calls: tuple[ClassicCall, ...]
    migration: tuple[MigrationStep, ...]
    mark: Mark
    # The calls that change a cloud service, virtual network or storage account the script names (see
    # `ClassicCall.changes`), once for each time the reader tells apart that one runs, in the order they run.
    changes: tuple[ClassicCall, ...] = field(default=(), compare=False)
    # Where a part of the script could not be read (a PowerShell error region the grammar could not parse,
    # in a script PowerShell may well run): no value is taken from it, nor from what error recovery made of
    # the code around it, so the facts it would state are unknown.
    # A shell script's line whose command word starts with an option, right after a classic `azure`
    # command, is one too (its mark's tag `LOST_CONTINUATION`): bash runs it as a command of its own, which
    # fails, so the options it holds are not the classic command's, as its author most likely meant. So is
    # a PowerShell backtick before a parameter's dash (tag `ESCAPED_PARAMETER` and the name).
    # A Python call of a method of a classic service by a name the script does not state is one too (its
    # mark's tag `CALLED_BY_UNSTATED_NAME`): what it does is unknown.
    unread: tuple[Mark, ...] = field(default=(), compare=False)
    # The file name (the path's last part, as the script writes it) of each network configuration upload
    # whose content the script does not show (Set-AzureVNetConfig, `azure network import`, a PUT to
    # `.../services/networking/media`), once each; "" for one whose file name the script does not state.
    # The link stage takes an upload of a checked network configuration's file to be of that file.
    uploaded_files: tuple[str, ...] = field(default=(), compare=False)
    # The calls that move a classic ExpressRoute circuit to Resource Manager (`Move-AzExpressRouteCircuit`),
    # in the order they run, each with how many migration steps run before it (`ClassicCall.after`), its
    # branches, and the circuit's service key as `changes` (("expressroute-circuit", key), "" unstated).
    circuit_moves: tuple[ClassicCall, ...] = field(default=(), compare=False)
    # The language of the file, where it is not `language`: a Python script whose classic calls are the
    # classic CLI's commands it runs (`subprocess.call(["azure", ...])`) is "Python", its calls "Shell"'s.
    written_in: str = field(default="", compare=False)
    # What a message calls the script, its name included, where not "<language> script '<name>'": an
    # Ansible file that runs the classic CLI or module is "Ansible playbook 'site.yml'", or a task file
    # ("Ansible task file 'main.yml' of role 'web'"); "" for the rest.
    called: str = field(default="", compare=False)
    # Each deployment body the script sends from a file (`Invoke-RestMethod -InFile deploy.xml`,
    # `data=open('deploy.xml').read()`) to create a deployment (`automation.deployment_created_in`), once: the
    # file as `automation.deployed_file` gives it, and the cloud service the request's path names, "" for one
    # the script does not state. The link stage takes a checked body of that file that names no service to be
    # of that service.
    posted_bodies: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    # Of the uploads of `uploaded_files`, each file named where the script had selected a subscription, with that selection
    # (`SubscriptionSelection.name`) where the upload runs, once each: the file is that subscription's
    # network configuration (`subscriptions.split_subscriptions`).
    uploaded_in: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    # Of a CI pipeline: each step that deploys a classic cloud service itself, not by a script the file
    # writes (the classic cloud deployment task, AppVeyor's AzureCS provider), as the path, line and column
    # the calls it runs are marked at and what a message calls it ("the AzureCloudPowerShellDeployment@1
    # task"): those calls are the step's, not the file's.
    deployed_by: tuple[tuple[str, int, int, str], ...] = field(default=(), compare=False)
    # Of a Terraform configuration: the classic provider's resource types the file declares, in the order
    # Terraform makes them, those of resources the provider or the platform refuses too (an `azure_data_disk`
    # of a VM in a cloud service of another name), whose calls are not in `calls`.
    declared_types: tuple[str, ...] = field(default=(), compare=False)
    # Of a Terraform configuration: where each call of `calls` that a `local-exec` provisioner's shell command
    # makes is marked, the classic CLI's own command line (the others are the provider's, made as the CLI's
    # commands that make its resources), so that advice for that line is in the CLI's words (`wording`).
    provisioner_calls: frozenset[Mark] = field(default=frozenset(), compare=False)
    # Of a CI pipeline's job: the pipeline's path and the job's name (`stage.job` in Azure Pipelines), and
    # the names of the jobs of that pipeline that surely finish before it starts, by the order the file
    # states (`readers.run_order`); jobs that may run at once follow neither the other.
    job: tuple[str, str] = field(default=("", ""), compare=False)
    follows: tuple[str, ...] = field(default=(), compare=False)
    # Of a script that has another machine run a command line (`ssh admin@jump 'azure vm shutdown web1'`):
    # where each call made there is marked, and the machine as the script names it ("" where it does not).
    run_on: tuple[tuple[Mark, str], ...] = field(default=(), compare=False)


@record
class SubscriptionSelection:
    """A subscription a script works in from `mark` on, by the id it states: one it selects
    (`Select-AzureSubscription -SubscriptionId`, `azure account set <id>`; not `Set-AzureSubscription`,
    which sets a subscription's properties only) or gives the classic client (`ServiceManagementService('<id>', ...)`), one record at each place
    it does, and at each call of a Python client made for another than the last. Only a well-formed GUID,
    as the script writes it: the plan's step 0 selects the subscription by it where no inventory export
    states one. A selection by a name the script states (`-SubscriptionName 'Prod'`, `azure account set
    Prod`) has no id and that name as `called`. What a script creates after it selects a subscription is
    that subscription's (`subscriptions.split_subscriptions`)."""

    kind: ClassVar[str] = "Subscription"
    id: str
    mark: Mark
    called: str = ""

    @property
    def name(self) -> str:
        return self.id or self.called


# The `SubscriptionSelection.called` of a selection by a value the script does not state (`Select-AzureSubscription
# -SubscriptionId $TargetSubscriptionId`, `azure account set "$SUB"`, a client made for `sys.argv[1]`), or
# states differently by path: it selects some subscription the files do not name, which ends the one selected
# before it. What the script does after it stays in the subscription of its group, whose id the plan leaves to
# fill in (`subscriptions._parts`). No subscription's name holds a NUL.
UNSTATED_SUBSCRIPTION = "\0unstated"


def unstated_selection(mark: Mark) -> SubscriptionSelection:
    """A selection at `mark` of a subscription the script does not state (`UNSTATED_SUBSCRIPTION`)."""
    return SubscriptionSelection("", mark, UNSTATED_SUBSCRIPTION)


@record
class NamedAfterDelete:
    """A virtual network or reserved IP a script's command names (`vm create -w`, `-R`) after the script
    surely deleted it (`network vnet delete`, `network reserved-ip delete`) and before it makes one of that
    name anew: it does not exist when the command runs, so the platform refuses the command, which fails.
    `target` is the type it should name ("VirtualNetwork", "ReservedIP"), `uses` what names it
    ("azure vm create web10"), `deleted_at` where the deletion is, `undone` what the failed command does
    not do ("creates no VM", "gives the deployment no reserved IP"). A command that names what was never
    there is refused alike (an ACL rule on an endpoint a VM created whole lacks): `missing` says why it is
    not there, in the place of the deletion, and `deleted_at` is where what should hold it is created.
    A command the module refuses for what it names as it stands (a VM call's -Location for a cloud service
    made elsewhere) says so in `missing`, `deleted_at` where it was made, and `fix` what to change."""

    kind: ClassVar[str] = "Reference"
    name: str
    target: str
    uses: str
    mark: Mark
    deleted_at: Mark
    undone: str = "creates no VM"
    missing: str = ""
    fix: str = ""


@record
class CloudInUse:
    """The Azure cloud a file works in from `mark` on, where it says which (`clouds.cloud_of_host`,
    `clouds.cloud_of_environment`): a sign-in to a named environment (`Add-AzureAccount -Environment
    AzureChinaCloud`, `azure login -e AzureChinaCloud`), or a host of that cloud's API the script sends to
    (`ServiceManagementService(sub, cert, 'management.core.chinacloudapi.cn')`, a REST URL on it). The
    plan's step 0 signs in to the cloud its subscription's files work in (`Estate.clouds`); a disk's
    blob address says it too, and the estate reads that from the disk itself."""

    kind: ClassVar[str] = "Cloud"
    environment: (
        str  # as Azure PowerShell and the CLIs name it: AzureCloud, AzureChinaCloud, AzureUSGovernment
    )
    mark: Mark
    # Of a sign-in: the subscriptions the script selects after it runs (where a function that signs in is
    # called, not where it is written), up to its next sign-in, in the order selected, and the one in force
    # where it runs (as `Deployment.selected_in`). A sign-in is the cloud of the subscriptions selected
    # after it (`subscriptions._signed_in_where_selected`); a host of the API names the cloud where it is.
    selected_after: tuple[str, ...] = field(default=(), compare=False)
    selected_in: str = field(default="", compare=False)


# How a script writes a subscription it leaves its user to fill in, by its words (`"your subscription name"`,
# `YOUR_SUBSCRIPTION_NAME`, `<subscription-id>`, the documentation's sample "My Azure Subscription"), all run
# together, casefolded.
_SUBSCRIPTION_BLANKS = frozenset(
    {
        "subscription",
        "subscriptionname",
        "subscriptionid",
        "nameofsubscription",
        "mysubscription",
        "myazuresubscription",
    }
)


def is_placeholder_subscription(text: str) -> bool:
    """Whether `text`, a subscription's name or id as a script states it, is one it leaves to fill in, so
    that it selects no subscription: a placeholder (`is_placeholder`: `<your subscription name>`,
    `[SUBSCRIPTION]`), a name in the words of one (`your subscription name`, `YOUR_SUBSCRIPTION_NAME`,
    `Subscription Name`), or an id of x's (`XXXXXXXX-XXXX-...`) or of zeros (`00000000-0000-...`, the
    empty GUID, which no subscription has)."""
    stripped = text.strip()
    words = "".join(c if c.isalnum() else " " for c in stripped.casefold()).split()
    joined = "".join(words)
    return (
        is_placeholder(stripped)
        or "your" in words
        or joined.startswith("your")
        or joined in _SUBSCRIPTION_BLANKS
        or (bool(joined) and set(joined) in ({"x"}, {"0"}))
    )


def subscription_guid(text: str) -> str:
    """`text` as a subscription id, where it is a well-formed GUID (around blanks) and no placeholder (the
    empty GUID: see `is_placeholder_subscription`); "" otherwise."""
    stripped = text.strip()
    whole = _GUID.fullmatch(stripped) and not is_placeholder_subscription(stripped)
    return stripped.casefold() if whole else ""


_GUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)


def subscription_in_scope(stated: str) -> str:
    """A subscription a script selects by `stated` (its id or name), as a scope id writes it: the id, or,
    for a name, a stand-in for its id that says the name (`<id of subscription Contoso Prod>`); "" for one
    left to fill in, or a name no stand-in can say."""
    guid = subscription_guid(stated)
    if guid:
        return guid
    name = " ".join(stated.split())
    unsayable = not name or not name.isprintable() or any(c in name for c in "<>/")
    return "" if unsayable or is_placeholder_subscription(name) else f"<id of subscription {name}>"


EXPRESSROUTE = "expressroute"
VPN = "vpn"
# A gateway a script creates without stating what it serves (`New-AzureVNetGateway`): a classic network has
# one gateway, ExpressRoute or VPN by the connections it is given (a circuit link, a site's `Connection`
# type), which the call does not state.
GATEWAY = "gateway"
# A network whose gateway a script removed after it created or linked it (`Remove-AzureVNetGateway`, `azure
# network vpn-gateway delete`): the gateway is gone, the network is not, and is still one to migrate.
REMOVED = "removed"


@record
class VnetGatewayFact:
    """What a script states about the gateway of a classic virtual network it names: ExpressRoute, when it
    links a circuit to the network (`New-AzureDedicatedCircuitLink`); VPN, when it creates a site-to-site
    gateway beside the ExpressRoute one (`New-AzureVirtualNetworkGateway`, which no network configuration
    can express) or connects the gateway to a local network site (`Set-AzureVNetGateway -Connect`); a
    gateway of a kind it does not state (GATEWAY), when it creates the network's gateway
    (`New-AzureVNetGateway`), with the type and SKU the call gives it. The network need not be defined in
    any file: the link stage groups the facts by its name."""

    kind: ClassVar[str] = "VirtualNetworkGateway"
    vnet: str  # the network's name, as the script states it
    side: str  # EXPRESSROUTE | VPN | GATEWAY
    how: str  # the cmdlet as documented, with the switch that matters: "Set-AzureVNetGateway -Connect"
    mark: Mark  # the call
    local_site: str = ""  # the local network site a VPN connection reaches, when the script states it
    service_key: str = ""  # the circuit's service key a circuit link states (`-ServiceKey`), when it does
    # Of a circuit link by the service key of a circuit the script creates (`$c = New-AzureDedicatedCircuit
    # -CircuitName x`, then `-ServiceKey $c.ServiceKey`): that circuit's name, in this subscription; "" else.
    created_circuit: str = ""
    # Of a circuit link by the service key of a circuit the script finds by its name (`$key =
    # (Get-AzureDedicatedCircuit | Where-Object { $_.CircuitName -eq 'x' }).ServiceKey`): that name, of a
    # circuit of this subscription (the cmdlet lists its circuits only); "" else.
    found_circuit: str = ""
    # Of a circuit link: the circuit the script shows in Resource Manager with classic operations allowed
    # (it allows them on one Resource Manager circuit and links one network in the same run), as a name
    # (a stand-in for one it does not state) where it saves the circuit; None when it shows none so.
    circuit_in_resource_manager: NameRef | None = field(default=None, compare=False)
    # Of a gateway the script creates (GATEWAY): its `-GatewayType` (StaticRouting, DynamicRouting) and
    # `-GatewaySKU` (Default, Standard, HighPerformance) as the script states them; "" where it states none
    # (the platform's default then, which the files do not show).
    gateway_type: str = ""
    sku: str = ""
    # Where the call writes the network's name (the argument, or the literal that states it), for a finding
    # about that name; None where the reader cannot tell.
    vnet_mark: Mark | None = field(default=None, compare=False)
    # Of a call given each network of a configuration file the script reads, in a loop over its network
    # sites (`foreach ($v in $cfg.….VirtualNetworkSite) { New-AzureVNetGateway -VNetName $v.name }`): the
    # file's name as the script writes it, and `vnet` a stand-in that says so. The link stage gives the fact
    # to each network of the configuration checked under that name, when it can tell which that is.
    networks_of: str = ""
    selected_in: str = field(default="", compare=False)  # as `Deployment.selected_in`

    @property
    def name(self) -> str:
        return self.vnet

    @property
    def is_expressroute(self) -> bool:
        return self.side == EXPRESSROUTE

    @property
    def is_vpn(self) -> bool:
        return self.side == VPN

    @property
    def creates_gateway(self) -> bool:
        """Whether the call creates the network's gateway, of a kind it does not state."""
        return self.side == GATEWAY

    @property
    def removes_gateway(self) -> bool:
        """Whether the call removes the network's gateway (`REMOVED`), which says the network exists only."""
        return self.side == REMOVED

    def gateway_removed(self, how: str) -> VnetGatewayFact:
        """What is left of this fact once the script removes the network's gateway by `how`: the network."""
        return VnetGatewayFact(
            self.vnet,
            REMOVED,
            how,
            self.mark,
            vnet_mark=self.vnet_mark,
            networks_of=self.networks_of,
            selected_in=self.selected_in,
        )


# --- Cloud Services (extended support) -------------------------------------------------------------------


@record
class ExtendedSupportService:
    """A cloud service deployed as Cloud Services (extended support), the Azure Resource Manager resource
    `Microsoft.Compute/cloudServices` that deploys the same .csdef and .cscfg files as Cloud Services
    (classic): a resource of that type in a deployment template, or `New-AzCloudService` (or
    `Update-AzCloudService`) in a script.
    Evidence about a packaged service, not a classic resource: the link stage takes the service it names
    out of the classic estate (`migcheck.estate.ExtendedSupport`)."""

    kind: ClassVar[str] = "ExtendedSupportService"
    # As written: a name, an ARM template expression (`[parameters('cloudServiceName')]`), or "" when the
    # file does not state it (a script's `-Name $name`).
    name: str
    mark: Mark  # the resource's `type` value in a template, the command in a script
    via: str  # how the file deploys it, in words a message can quote after the file's name
    # The service configuration or definition a script names (`-ConfigurationFile`), as a display path like
    # the script's own; "" when it names none the reader can state.
    package: str = ""
    # The names of the roles it deploys, as written (a template's `properties.roleProfile.roles[].name`, a
    # script's `New-AzCloudServiceRoleProfilePropertiesObject -Name`); none when the file states none, or
    # states one the reader cannot read: which service it is may then not be told by its roles.
    roles: tuple[str, ...] = ()

    @property
    def literal_name(self) -> str:
        """The name when the file states it, "" for an expression or none. A template string that starts
        with `[` and ends with `]` is an expression, unless it starts with `[[`: the literal text from the second
        bracket on."""
        name = self.name.strip()
        if not (name.startswith("[") and name.endswith("]")):
            return name
        return name[1:] if name.startswith("[[") else ""


# --- documents: what one file says -----------------------------------------------------------------


@record
class ServiceDefinition:
    kind: ClassVar[str] = "ServiceDefinition"
    name: str
    roles: tuple[Role, ...]
    mark: Mark


@record
class ServiceConfiguration:
    kind: ClassVar[str] = "ServiceConfiguration"
    name: str  # serviceName
    roles: tuple[RoleSettings, ...]
    access_controls: tuple[AccessControl, ...]
    endpoint_acls: tuple[EndpointAcl, ...]
    virtual_network: NameRef | None
    instance_addresses: tuple[InstanceAddress, ...]
    reserved_ips: tuple[NameRef, ...]
    dns_servers: tuple[DnsServer, ...]
    mark: Mark
    # Its internal load balancers (`NetworkConfiguration/LoadBalancers`), each in a subnet of its network.
    internal_load_balancers: tuple[InternalLoadBalancer, ...] = ()

    @property
    def is_local(self) -> bool:
        """`ServiceConfiguration.Local.cscfg` configures the local emulator: not deployed unless a
        deployment names it (`Deployment.configuration_file`, see `estate._deployed_configurations`)."""
        return self.mark.path.rsplit("/", 1)[-1].lower().endswith(".local.cscfg")

    def acls_by_role(self) -> dict[str, list[EndpointAcl]]:
        """The endpoint ACLs the configuration binds, by role (its name case-folded), in file order, each
        with the rules of the access control it names; one naming none the file defines, as written."""
        controls = {a.name.strip().casefold(): a for a in self.access_controls}
        found: dict[str, list[EndpointAcl]] = {}
        for acl in self.endpoint_acls:
            control = controls.get(acl.access_control.strip().casefold())
            resolved = dataclasses.replace(acl, rules=control.rules) if control is not None else acl
            found.setdefault(acl.role.strip().casefold(), []).append(resolved)
        return found

    def addresses_by_role(self) -> dict[str, list[InstanceAddress]]:
        """The subnets the configuration places roles' instances in (`InstanceAddress`), by role (its name
        case-folded), in file order."""
        found: dict[str, list[InstanceAddress]] = {}
        for address in self.instance_addresses:
            found.setdefault(address.role.strip().casefold(), []).append(address)
        return found


def _replaced(record: _Record, **changes: object) -> _Record:
    """`dataclasses.replace` for a record whose `__init__` takes every field by position, without looking
    its fields up on each call: a role and its endpoints are copied once per configuration deploying them."""
    kind: type = type(record)
    positional = _positional_fields(kind)
    if positional is None or not changes.keys() <= positional[1].keys():
        return dataclasses.replace(record, **changes)  # type: ignore[type-var]
    values, places = positional
    # Every field read at once (an `attrgetter`, as pickling a record does): a role has thirty.
    copied = list(values(record))
    for name, value in changes.items():
        copied[places[name]] = value
    return kind(*copied)


@functools.cache
def _positional_fields(cls: type) -> tuple[Callable[[object], tuple[object, ...]], dict[str, int]] | None:
    """A getter of every field of `cls` at once, and each field's place in `__init__`; None when its
    `__init__` does not take every field by position."""
    found = fields(cls)
    if len(found) < 2 or not all(f.init and not f.kw_only for f in found):
        return None  # one field: `attrgetter` gives the value, not a tuple
    names = [f.name for f in found]
    return attrgetter(*names), {name: at for at, name in enumerate(names)}


def configured_role(
    role: Role,
    settings: RoleSettings | None,
    acls: Sequence[EndpointAcl],
    addresses: Sequence[InstanceAddress],
) -> Role:
    """A role as one service configuration deploys it (its `settings`, and the `acls` and `addresses` it
    gives the role: see `ServiceConfiguration.acls_by_role`): the role with the configuration's instance
    count, its endpoint ACLs attached to its endpoints, and its instances' subnets; one copy, made only
    when the configuration says something about the role. An ACL for an endpoint the role does not list
    still belongs to the role (the platform sees the binding): an endpoint the package defines, whose
    protocol and ports the files do not say. Shared by the linker (a .cscfg beside its .csdef) and the
    REST reader (the configuration a deployment body carries)."""
    if settings is None and not acls and not addresses:
        return role
    # One instance address (nearly always): its own tuple of subnets, not a copy of it for each role.
    subnets = addresses[0].subnets if len(addresses) == 1 else tuple(s for a in addresses for s in a.subnets)
    sources = (*role.described_at, *((settings.mark,) if settings else ()), *(a.mark for a in addresses))
    values, instances_at, endpoints_at, subnets_at, sources_at = _configured_places()
    copied = list(values(role))
    copied[instances_at] = settings.instances if settings else role.instances
    # Most configurations bind no ACL: the role's endpoints are kept as they are, not indexed.
    copied[endpoints_at] = _with_acls(role.endpoints, acls) if acls else role.endpoints
    copied[subnets_at] = subnets or role.subnets
    copied[sources_at] = sources
    return Role(*copied)


@functools.cache
def _configured_places() -> tuple[Callable[[Role], tuple[Any, ...]], int, int, int, int]:
    """A getter of every field of a `Role` at once, and the places in its `__init__` of the four fields
    `configured_role` sets: a role is copied for each configuration that deploys it (2,470 copies of a
    45-field role on a 4,000-file estate), and `_replaced`, which takes the fields it changes by name,
    checked and looked up the names on each copy, two fifths of the copy's cost."""
    positional = _positional_fields(Role)
    assert positional is not None, "Role's __init__ takes every field by position"
    values, places = positional
    return values, places["instances"], places["endpoints"], places["subnets"], places["sources"]


def _with_acls(
    endpoints: tuple[InputEndpoint, ...], acls: Sequence[EndpointAcl]
) -> tuple[InputEndpoint, ...]:
    """`endpoints` with each ACL attached to the endpoint it names (names compared without regard to case),
    or, for one they do not list, to an endpoint of that name whose protocol and ports are not known."""
    found = list(endpoints)
    index = {e.name.strip().casefold(): i for i, e in enumerate(found)}
    for acl in acls:
        at = index.get(acl.endpoint.strip().casefold())
        if at is None:
            index[acl.endpoint.strip().casefold()] = len(found)
            found.append(InputEndpoint(acl.endpoint, "", "", "", acl, acl.mark))
        else:
            found[at] = _replaced(found[at], acl=acl)
    return tuple(found)


@record
class NetworkConfiguration:
    kind: ClassVar[str] = "NetworkConfiguration"
    virtual_networks: tuple[VirtualNetwork, ...]
    local_sites: tuple[LocalNetworkSite, ...]
    dns_servers: tuple[DnsServer, ...]
    mark: Mark
    name: str = "NetworkConfiguration"
    selected_in: str = field(
        default="", compare=False
    )  # of one a script uploads: as `Deployment.selected_in`


# What reading a network configuration gives (a `.netcfg`, or a body a script uploads): the types rules about
# networks look at. Here, not in the reader, so that the script readers can declare them without importing it.
NETWORK_CONFIGURATION_TYPES = frozenset(
    {
        NetworkConfiguration,
        VirtualNetwork,
        Subnet,
        AddressPrefix,
        Gateway,
        GatewayConnection,
        LocalNetworkSite,
        DnsServer,
    }
)


@record
class Deployment:
    """One deployment of a cloud service, from a REST body (`Deployment`, or inside `HostedService`)."""

    kind: ClassVar[str] = "Deployment"
    service_name: str  # empty when the body does not say
    name: str
    slot: str
    roles: tuple[Role, ...]
    instances: tuple[RoleInstance, ...]
    virtual_network: NameRef | None
    reserved_ip: NameRef | None
    mark: Mark
    dns_servers: tuple[DnsServer, ...] = ()  # the deployment's own `Dns/DnsServers`
    # Of a deployment a script creates in a service whose name it passes but does not state (`service_name=
    # svc`, `service_name` empty): the stand-in for that service where the script passes it (`<cloud service
    # name, deploy.py:8>`); "" where the service is named after the deployment's own stand-in.
    service_stand_in: str = field(default="", compare=False)
    # Of such a deployment a script creates in each round of a loop over a list it does not write out, in
    # the service the loop's item names (`foreach ($vm in $vmList) { New-AzureQuickVM -ServiceName
    # $vm.vmName … }`): that list as written (`$vmList`). The description stands for one cloud service per
    # item, an unknown number of them (one or more), as `Role.looped_over` does for VMs.
    service_looped_over: str = field(default="", compare=False)
    # False when the file places the deployment by a value it cannot state (a script's `-VNetName $name`
    # from a parameter): `virtual_network` is then None and no rule decides whether it is in a network.
    network_known: bool = True
    # False when `reserved_ip` is None only because the file does not state it: a script passes a
    # reserved IP name it cannot know (`-ReservedIPName $ip`, `reserved_ip_name=args.ip`), which may
    # name one or be empty.
    reserved_ip_known: bool = True
    # The reserved IPs on the deployment's other virtual IPs, after `reserved_ip` (REST
    # `VirtualIPs/VirtualIP/ReservedIPName`): a deployment with several VIPs may have one on each.
    other_reserved_ips: tuple[NameRef, ...] = ()
    # Its virtual IPs besides the default one, each by its name where it is given (REST `VirtualIPs/
    # VirtualIP/Name` of a deployment with several, a script's `Add-AzureVirtualIP -VirtualIPName`): one no
    # input endpoint names (`InputEndpoint.virtual_ip`) is not migrated (deep dive: "A virtual IP can only
    # be migrated if there is an input endpoint assigned to it").
    other_vips: tuple[NameRef, ...] = ()
    # A script's deletion of the cloud service (`Remove-AzureService`, surely run), not a deployment: the
    # linker takes the service of that name, with every deployment any file describes, out of the estate.
    deleted: bool = field(default=False, compare=False)
    # The deployment's own unique ID (REST `PrivateID`, or the host of a staging deployment's `Url`), ""
    # when the body does not say: two bodies with one that do not name different deployments are
    # descriptions of one deployment.
    private_id: str = ""
    # A REST body that names no cloud service (no `Url` of one, no enclosing `HostedService`): the service's
    # name is unknown, and the deployment's name, which stands in for it, is no service's.
    service_unnamed: bool = field(default=False, compare=False)
    # The service a package deployment body's configuration names (`serviceName` of the base64 .cscfg a
    # Create Deployment, Upgrade Deployment or Change Configuration body carries): its package's, which
    # is the service's own name only where a file beside the body ties them.
    package_service: str = field(default="", compare=False)
    # The service configuration (.cscfg) file a script deploys a package with (`New-AzureDeployment
    # -Configuration`, `create_deployment(configuration=b64encode(open(path).read()))`): the path it states,
    # taken from its own folder (`/`-separated), else the file's name; "" when it states none. The service
    # configured by a checked file it names is the service this deployment is (see `estate`): the name a
    # project gives its package is the project's, not the cloud service's.
    configuration_file: str = field(default="", compare=False)
    # The service package (.cspkg) file it deploys (`New-AzureDeployment -Package`), as `configuration_file`
    # gives its path: a package Visual Studio publishes into `<project>/bin/<configuration>/app.publish` is
    # that project's, so the deployment is the project's service where the configuration it names is not
    # stated (see `deployed_file`).
    package_file: str = field(default="", compare=False)
    # Its `configuration_file` is a path from the folder of the file that describes it, where a tool writes
    # it (a publish profile's `../ServiceConfiguration.Cloud.cscfg`, a template's `loadTextContent`, an
    # Eclipse project's package.xml), not from a working directory a script may run in: a file of that
    # name elsewhere is another project's.
    configuration_beside: bool = field(default=False, compare=False)
    # Its internal load balancers (REST `LoadBalancers`, a script's `Add-AzureInternalLoadBalancer`).
    internal_load_balancers: tuple[InternalLoadBalancer, ...] = ()
    # A script's changes to a VM it names without its cloud service (the classic CLI without `-d`, which
    # looks the name up in every service of the subscription): `service_name` is a stand-in, and the VM is
    # the one of that name the other files describe, when they describe one (see `estate`).
    service_by_vm_name: bool = field(default=False, compare=False)
    # With `service_by_vm_name`: the change is made to each VM of that name the files describe, however many
    # cloud services hold one (PowerShell's `Get-AzureVM | Where-Object Name -eq x` yields every one), where
    # the classic CLI refuses a name several services give a VM.
    every_vm_of_name: bool = field(default=False, compare=False)
    # The files may not hold all its VMs: a script adds a VM to, or changes one of, a deployment it does not
    # create (`New-AzureVM` without `-Location`, `-AffinityGroup` or `-VNetName`, `add_role`, `vm create
    # --connect`), which may hold VMs no file describes. What needs every VM of the service (availability
    # sets, its VIP, addresses) is then not decided by the files, unless another file describes the
    # deployment whole (creates it, or is a REST body or an export of it): see `estate`.
    partly_described: bool = field(default=False, compare=False)
    # A deployment the file creates in no network it names, though a VM of it names a subnet (New-AzureVM
    # -Location with Set-AzureSubnet and no -VNetName): the platform takes a subnet only with its network,
    # so the call is refused as written, and which network the VM is in, if any, is not known; it is not
    # inferred from the subnet's name (see `estate`).
    subnets_without_network: bool = field(default=False, compare=False)
    # A deployment a script names after its service only because New-AzureVM names one it creates so, where
    # the deployment may exist before the script (`partly_described`), under a name no file states: the
    # name joins it with what else names the service, but is no name to give `-DeploymentName`.
    name_assumed: bool = field(default=False, compare=False)
    # The document that describes it, where that is not the file its mark is in: a function another file
    # defines (a dot-sourced or imported module, a sourced shell library) run at a script's call is marked
    # where that file writes it, and a script file a CI pipeline runs is marked in that file. Set by the link
    # stage (`Estate`), which joins descriptions of one deployment in two files: two scripts that run one
    # library's function are two.
    described_in: str = field(default="", compare=False)
    # A script's function whose body, read once with values it does not know, created the deployment (its
    # name as the script's reader keys it); "" for one the script's own code, or a run at a call, creates.
    # A script that loads the file and runs that function at its calls (`Document.functions_run`) says
    # what it creates there: this stand-in is then not linked (see `estate.without_functions_run`).
    read_once_in: str = field(default="", compare=False)
    # The subscription a script has selected (`SubscriptionSelection.name`) where the call that creates it
    # runs, which a function written above the selections and called after one is not written under; ""
    # before any selection, or where the reader does not follow the order calls run in: by the line the
    # call is written on then (see `subscriptions._parts`). A storage account, reserved IP or network a
    # script creates holds it too.
    selected_in: str = field(default="", compare=False)

    @property
    def deployed_file(self) -> str:
        """The file of its project the deployment names: the configuration, else the package (both are in
        the project's published package folder); "" when it names neither."""
        return self.configuration_file or self.package_file


@record
class Suppression:
    """An inline `migcheck: ignore[...]` comment. A file-wide one has `first_line` 0. One that applies
    to nothing where it stands (no element or statement follows it) covers no line: its `last_line` is
    before its `first_line` (see `nowhere`). Readers keep it all the same, so that the filter reports
    it: MIG005 for a rule it names that does not exist, MIG006 for the rest."""

    codes: tuple[str, ...]
    reason: str
    first_line: int
    last_line: int
    mark: Mark

    @classmethod
    def nowhere(cls, codes: tuple[str, ...], reason: str, mark: Mark) -> Suppression:
        """A comment, at `mark`, that applies to nothing."""
        return cls(codes, reason, mark.line, mark.line - 1, mark)

    @property
    def applies_to_nothing(self) -> bool:
        return self.first_line > 0 and self.last_line < self.first_line

    def covers(self, code: str, name: str, line: int) -> bool:
        """True for a finding of rule `code`/`name` at `line`. The codes are matched as everywhere else
        (a code, a prefix such as MIG2, a name, or ALL): by the filter stage's one matcher."""
        from migcheck.suppress import matches  # imported here: the filter stage imports this module

        if self.first_line and not self.first_line <= line <= self.last_line:
            return False
        return matches(self.codes, code, name)


@record
class DirectiveComment:
    """A comment that starts like a suppression directive (`migcheck:`, `migcheck ignore`), valid or not:
    its text without the comment's markers, and where its opener is. Readers hand every such comment over
    from the syntax they parsed, so that the filter reports the malformed ones (MIG005) and never text
    that only looks like one (in a string, a here-document, CDATA)."""

    text: str
    mark: Mark


@record
class FileProblem:
    """Why a file could not be read as a classic file. `syntax` problems become MIG001, `root`
    problems MIG002."""

    kind: str  # "syntax" | "root"
    message: str
    mark: Mark
    fix: str = ""  # what to do, when it differs from the rule's general advice
    # How bad it is, when it differs from the rule's severity: a well-formed file that says too little to
    # be checked is a warning.
    severity: Severity | None = None


# The name `Document.functions_run` gives a file another reads whole where it includes it (a CI pipeline's
# template that is a pipeline of its own name too): its own read describes nothing more.
WHOLE_FILE_RUN = ""


@record
class Document:
    """Everything a reader learnt from one file. `kind` is None when the file is not a classic file."""

    path: str
    kind: FileKind | None
    root: str  # local name of the root element, "" when there is none
    resources: tuple[object, ...] = ()
    suppressions: tuple[Suppression, ...] = ()
    # Every comment that starts like a directive, the valid ones (`suppressions`) too.
    directive_comments: tuple[DirectiveComment, ...] = ()
    problem: FileProblem | None = None
    # The decoded source, as the reader made it. A lint drops it from files read from disk once they are
    # read (`LintResult.sources` reads it again, checked, for what it reports): rules never read it.
    text: str = field(default="", repr=False, compare=False)
    # The display paths of the settings files whose values a script's reader took (`readers.beside`):
    # marks of those values point into them, so a run reports on them as on the script.
    settings_files: tuple[str, ...] = ()
    # The functions of settings files the script ran at its calls, with the values each call passes: the
    # settings file's display path and the function's name as its reader keys it. What the settings file's
    # own read of each, once with values it does not know, created is not linked (`read_once_in`).
    functions_run: tuple[tuple[str, str], ...] = ()

    def without_text(self) -> Document:
        """The same document without its text. Built field by field (every field but `text`), not with
        `dataclasses.replace`, which looks every field up by name: it runs once per file read."""
        return Document(
            self.path,
            self.kind,
            self.root,
            self.resources,
            self.suppressions,
            self.directive_comments,
            self.problem,
            "",
            self.settings_files,
            self.functions_run,
        )


def lun_key(written: str) -> str:
    """A data disk's LUN as `Disk.lun` and `Role.removed_luns` hold it, whatever file writes it: a number
    without leading zeros (`00` is `0`), else the text as written, in any case; "" when none is written."""
    text = written.strip()
    return str(int(text)) if text.isdecimal() else text.casefold()


def is_unnamed_role(name: str) -> bool:
    """Whether `name` is a script's stand-in for a role it deploys without naming (`<role name,
    publish.ps1:7>`, a package published whole), which says nothing but where: messages say the roles
    are ones the files do not name. Other stand-ins (`<roles of package web.cspkg>`) say what they are."""
    return name.startswith("<role name")


def is_package_roles(name: str) -> bool:
    """Whether `name` is a REST body's stand-in for the roles of the package it deploys, whose configuration
    cannot be read (`<roles of package web.cspkg>`): several roles, none named, though it says which package."""
    return name.startswith("<roles of ")


def is_stand_in(name: str, kind: str = "") -> bool:
    """Whether `name` stands in for one a script does not state (`<deployment name, deploy.py:48>`), or is
    a placeholder a file leaves to fill in (`'<<CONFIGURE>>'`, `'[SPECIFY STORAGE ACCOUNT]'`, a name a
    resource of `kind` cannot have: see `cannot_name`): the names of cloud services, storage accounts,
    VMs, virtual networks and reserved IPs hold no `<`, `>`, `[` or `]`, so such a name is never one the
    platform knows."""
    return _bracketed(name) or UNSTATED_PART in name or cannot_name(kind, name)


# What a script reader writes in a body it reads in place of a value the script does not state (a name built
# of it, `<not stated in the script>vNet1`, is in part a stand-in: never one a plan's command can run with).
UNSTATED_TEXT = "not stated in the script"
UNSTATED_PART = f"<{UNSTATED_TEXT}>"


def _bracketed(name: str) -> bool:
    return (name.startswith("<") and name.endswith(">")) or (name.startswith("[") and name.endswith("]"))


# The kinds of resource whose names hold no white space, by the type names the readiness summary gives
# them: a storage account's is the first label of its endpoints' host names (`<name>.blob.core.windows.net`)
# and a cloud service's its DNS name (`<name>.cloudapp.net`, a DNS name in Resource Manager after migration,
# vm-migration-deep-dive); a VM's is its role's name, which is its host name. A virtual network's, a subnet's
# and a local network site's may hold spaces (a portal-made `Group rg name`), and no rule of the platform's
# that we can point at keeps them out of a deployment's or a reserved IP's: not listed. A service
# definition's name is its project's, not a cloud service's: `estate.CloudService.name_kind`.
SPACELESS_KINDS = frozenset({"StorageAccount", "CloudService", "VM"})


def cannot_name(kind: str, name: str) -> bool:
    """Whether `name` is one no resource of `kind` (see `SPACELESS_KINDS`) can have, so that a file writing it
    leaves it to fill in: `"Storage Account Name"`, `"VM Name"`, which scripts write as values for their
    user to replace; or one written in the words of a placeholder whatever its kind (`YOUR_STORAGE_ACCOUNT`,
    `yourstorageaccount`: see `in_placeholder_words`). Spaces at either end are left to the readers, which
    strip what they read; a stand-in (`<VM name, deploy.ps1:12>`) is told by `is_stand_in` and
    `is_placeholder`, which know migcheck's own."""
    if in_placeholder_words(name):
        return True
    return kind in SPACELESS_KINDS and not _bracketed(name) and any(map(str.isspace, name.strip()))


# How samples and templates begin a name they leave their user to fill in, in upper case (`YOUR_ACCOUNT`,
# `MY_VM`: no name a user picks is written so, since the platform folds the names of storage accounts and
# cloud services to lower case), and in any case the second person (`yourstorageaccount`, `your-service`).
_SHOUTED_BLANKS = ("YOUR_", "MY_", "YOUR-", "MY-")
_SECOND_PERSON = "your"


def in_placeholder_words(name: str) -> bool:
    """Whether `name` is written as samples write a name for their user to fill in: begun by `YOUR_` or
    `MY_` in upper case (`YOUR_STORAGE_ACCOUNT`, `MY_VM_NAME`), or by `your` in any case
    (`yourstorageaccount`, `your-cloud-service`, `YourVmName`). The brackets and format fields the other
    conventions use (`<account>`, `{account}`, `%s`) are told by `is_placeholder`."""
    stripped = name.strip()
    if stripped.startswith(_SHOUTED_BLANKS) and stripped.upper() == stripped:
        return True
    return stripped.casefold().startswith(_SECOND_PERSON) and len(stripped) > len(_SECOND_PERSON)


# How the stand-in begins for the VMs of a load-balanced set (`Role.stands_for_set`), named or not.
_SET_VMS = ("<VMs of load-balanced set ", "<VMs of a load-balanced set")


# How the stand-ins migcheck makes for names no file states begin, besides those that say where the name is
# passed (`<VM name, deploy.ps1:12>`): any other stand-in is a placeholder a file writes (see `is_placeholder`).
_MADE_STAND_INS = (
    "<VMs of ",
    "<endpoints of ",
    "<cloud service of ",
    "<cloud service name",
    "<deployment name",
    "<roles of ",
    "<the VM ",
    "<circuit linked to ",
    "<subnet named by ",
    "<role name",
    "<storage accounts of the disks of ",
)


def is_placeholder(name: str, kind: str = "") -> bool:
    """Whether `name` is a placeholder a file writes for a name it leaves to fill in (`'<<CONFIGURE>>'`,
    `'<enter a storage account>'`, `'[SPECIFY STORAGE ACCOUNT]'`, a format string's field: see
    `is_format_field`; a name a resource of `kind` cannot have: see `cannot_name`), not one of migcheck's
    own stand-ins, which say where the file passes the name it does not state (`<VM name, deploy.ps1:12:5>`)
    or what it stands for (`<VMs of cloud service web>`)."""
    if (name.startswith("[") and name.endswith("]")) or is_format_field(name) or cannot_name(kind, name):
        return True
    if not is_stand_in(name):
        return False
    return not says_where(name) and not name.startswith(_MADE_STAND_INS)


def says_where(name: str) -> bool:
    """Whether `name` is one of migcheck's stand-ins that say where a file passes a value it does not state:
    by the file's name, line and maybe column (`<VM name, deploy.ps1:12>`, `<virtual network name,
    deploy.ps1:3:50>`), maybe for one turn of a call that passes two (`<deployment name, deploy.py:48, turn
    2>`). The file's name is not its path, so such a name is that file's own, as a pipeline token is
    (`estate.join_key`): a copy of the script in another folder passes another value."""
    return bool(stand_in_file(name))


def stand_in_file(name: str) -> str:
    """The file's name a stand-in that says where (`says_where`) names (`deploy.ps1` of `<VM name,
    deploy.ps1:12>`); "" for any other name."""
    if not (name.startswith("<") and name.endswith(">")):
        return ""
    parts = name[1:-1].split(", ")
    if parts[-1].startswith("turn "):
        parts.pop()
    where = parts[-1].split(":")
    if len(parts) < 2 or len(where) < 2 or not where[-1].isdigit():  # `file:line`, `file:line:column`
        return ""
    line = len(where) - (2 if len(where) > 2 and where[-2].isdigit() else 1)
    return ":".join(where[:line])


# What comes just before a `{` that opens a pipeline's variable rather than a format field (`#{Name}#`,
# `${NAME}`, `{{ name }}`): `estate.is_pipeline_token` tells those, and messages call them tokens.
_TOKEN_OPENERS = frozenset("#${")


def is_format_field(name: str) -> bool:
    """Whether `name` holds a format string's field where a value goes, filled in by the program that uses
    the file (a test harness's `<ReservedIP name="{name}"/>`, `'%s-vnet'`, `%(service)s`, a batch file's
    `%NAME%`). No name the platform knows holds one: cloud services, storage accounts, VMs, virtual
    networks and reserved IPs are named with letters, digits, hyphens, underscores and periods, never `%`,
    `{` or `}`. A numbered field (`{0}`) and a pipeline's variable (`#{Name}#`, `${NAME}`, `{{ name }}`) are
    pipeline tokens (`estate.is_pipeline_token`), not told here."""
    if "%" in name:
        return True
    start = name.find("{")
    while start >= 0:
        end = name.find("}", start + 1)
        if end < 0:
            return False
        field_ = name[start + 1 : end]
        opener = name[start - 1] if start else ""
        if field_.strip() and "{" not in field_ and not field_.isdigit() and opener not in _TOKEN_OPENERS:
            return True
        start = name.find("{", start + 1)
    return False


def network_stand_in(mark: Mark) -> str:
    """The stand-in for a virtual network a script passes by a value it does not state (a parameter,
    `Read-Host`, `sys.argv[1]`), passed at `mark`: `<virtual network name, deploy.ps1:12:40>`, by the last
    part of the file's path as shown (`/`-separated, escaped once where it enters: a `\\` in it is an
    escape, never a folder's end), line and column, as every stand-in names its file, so that the name is
    the same from any working directory. Two values passed on one line are two networks; the same script
    in two folders, two as well, since a name that says where is its file's own (`says_where`)."""
    return f"<virtual network name, {_file_name(mark)}:{mark.line}:{mark.column}>"


def local_site_stand_in(mark: Mark, file: str = "") -> str:
    """The stand-in for the local network site a script connects a gateway to by a value it does not state
    (a loop's item over a configuration it reads, a parameter), connected at `mark`: `<local site name,
    connect.ps1:12:5>`, by the file's name, line and column, as `network_stand_in` says; by `file` where
    given (its path, where another file of the run has its name: `stand_in_files`)."""
    return f"<local site name, {file or _file_name(mark)}:{mark.line}:{mark.column}>"


def subnet_stand_in(mark: Mark) -> str:
    """The stand-in for a subnet an uploaded configuration names in part by a value the script does not
    state (`<Subnet name="$Prefix-sub">`), named at `mark`: `<subnet name, net.ps1:14:19>`, by the file's
    name, line and column, as `network_stand_in` says."""
    return f"<subnet name, {_file_name(mark)}:{mark.line}:{mark.column}>"


def sites_and_subnets_stood_in(
    configuration: NetworkConfiguration, stand_ins: dict[str, str]
) -> NetworkConfiguration:
    """An uploaded configuration with each local network site and subnet whose name holds a value the
    script does not state (`name="$($Prefix)Local"`, `name="{prefix}-sub"`) named by a stand-in where it is
    named, and each gateway connection to such a site by the site's: never by the text the reader read it
    with (`'<not stated in the script>Local'`), which the plan would write as a name that runs. `stand_ins`
    holds them by the name read (without case or blanks), so that a call given a string built alike names
    the same one, and a configuration uploaded again names them alike."""

    def site(name: str, mark: Mark) -> str:
        if UNSTATED_PART not in name:
            return name
        return stand_ins.setdefault(f"site\0{name.strip().casefold()}", local_site_stand_in(mark))

    def subnet(name: str, mark: Mark) -> str:
        if UNSTATED_PART not in name:
            return name
        return stand_ins.setdefault(f"subnet\0{name.strip().casefold()}", subnet_stand_in(mark))

    def sites(held: tuple[LocalNetworkSite, ...]) -> tuple[LocalNetworkSite, ...]:
        return tuple(dataclasses.replace(s, name=site(s.name, s.mark)) for s in held)

    def network(held: VirtualNetwork) -> VirtualNetwork:
        gateway = held.gateway
        if gateway is not None:
            connections = tuple(
                dataclasses.replace(c, local_site=site(c.local_site, c.site_mark or c.mark))
                for c in gateway.connections
            )
            gateway = dataclasses.replace(gateway, connections=connections)
        return dataclasses.replace(
            held,
            subnets=tuple(dataclasses.replace(s, name=subnet(s.name, s.mark)) for s in held.subnets),
            gateway=gateway,
            inline_local_sites=sites(held.inline_local_sites),
        )

    local_sites = sites(configuration.local_sites)  # first, so that a connection is named by its site's mark
    return dataclasses.replace(
        configuration,
        local_sites=local_sites,
        virtual_networks=tuple(network(n) for n in configuration.virtual_networks),
    )


def stood_in_site(built: str, stand_ins: dict[str, str]) -> str:
    """The stand-in of the local network site an uploaded configuration names as `built` is (the name
    read with each value the script does not state as `UNSTATED_PART`), "" for none (see
    `sites_and_subnets_stood_in`)."""
    return stand_ins.get(f"site\0{built.strip().casefold()}", "")


def stood_in_subnet(built: str, stand_ins: dict[str, str]) -> str:
    """As `stood_in_site`, of a subnet."""
    return stand_ins.get(f"subnet\0{built.strip().casefold()}", "")


def account_stand_in(mark: Mark) -> str:
    """The stand-in for a storage account a script names by a value it does not state (a parameter,
    `'acct' + random()`, a row of a file it reads), first passed at `mark`: `<storage account name,
    deploy.ps1:12:40>`, by the file's name, line and column, as `network_stand_in` says."""
    return f"<storage account name, {_file_name(mark)}:{mark.line}:{mark.column}>"


def another_turn(stand_in: str, named: dict[str, int]) -> str:
    """The stand-in for one more value the script does not state, named at a place where it named another
    before: a function's call passes `$args[1]` where an earlier call passed `$args[0]`, or a method is
    called for a staging name then a production name. Two values are two resources, so the later one is
    named for its turn, `<reserved IP name, deploy.ps1:3, turn 2>` (see `says_where`), where one name
    would make the plan one resource of them. `named` counts the values named at each place so far."""
    turn = named.get(stand_in, 0) + 1
    named[stand_in] = turn
    return f"{stand_in[:-1]}, turn {turn}>" if turn > 1 else stand_in


def _file_name(mark: Mark) -> str:
    return mark.path.rpartition("/")[2]


def maybe_vips(
    services: Iterable[CloudService], ips: Iterable[ReservedIp]
) -> dict[tuple[str, str], list[ReservedIp]]:
    """The reserved IPs that may be the VIP of a deployment of `services`, by the names of its cloud service
    and its own as the platform compares them: those a script gives it, or takes off it, by a call that
    may not run (`ReservedIp.maybe_service`), once each by name, where the files leave whether its VIP is
    reserved unknown and no deployment surely uses them."""

    def compared(name: str) -> str:
        return name.strip().casefold()

    services = list(services)
    used = {compared(ref.name) for service in services for ref in service.reserved_ip_refs}
    maybe: dict[tuple[str, str], dict[str, ReservedIp]] = {}
    for ip in ips:
        if ip.maybe_service and compared(ip.name) not in used:
            on = maybe.setdefault((compared(ip.maybe_service), compared(ip.maybe_deployment)), {})
            on.setdefault(compared(ip.name), ip)
    found: dict[tuple[str, str], list[ReservedIp]] = {}
    for service in services:
        for placement in service.placements:
            on_it = (compared(service.name), compared(placement.name))
            if on_it in maybe and not placement.reserved_ips and not placement.reserved_ips_known:
                found[on_it] = list(maybe[on_it].values())
    return found


# --- findings ----------------------------------------------------------------------------------------


class Part(str, enum.Enum):
    """What of an element an `Edit` replaces."""

    TEXT = "text"  # its text content, without the whitespace around it; the element holds no child element
    ELEMENT = "element"  # the whole element, start tag to end tag; removed with its line when alone on it
    # One attribute of its start tag, whole (name, `=` and quoted value): the attribute of an `AttributeMark`.
    ATTRIBUTE = "attribute"

    def __str__(self) -> str:
        return self.value


@record
class Edit:
    """One change a fix makes, stated against a reader's mark: replace `part` of the element at `mark` —
    or of its first child element named `child`, when given — with `replacement`. The engine resolves it,
    for the findings it reports, to `start` and `end`: offsets in the decoded text of the file (characters,
    not bytes), -1 while unresolved. `written` is the text the edit replaces, for a value a configuration
    writes in quotes at `mark` (Terraform's `"10.0.02.0/24"`): replaced only where it is still written so,
    whole, between its quotes."""

    mark: Mark
    part: Part
    replacement: str
    child: str = ""
    written: str = ""
    start: int = -1
    end: int = -1

    @property
    def resolved(self) -> bool:
        return self.start >= 0


@record
class Fix:
    """A mechanical change that makes a finding go away. `safe` fixes keep what the deployment does
    (`--fix` applies them); the others change behaviour and need `--unsafe-fixes`."""

    description: str
    edits: tuple[Edit, ...]
    safe: bool = True

    @property
    def resolved(self) -> bool:
        return bool(self.edits) and all(e.resolved for e in self.edits)


@record
class Finding:
    """One problem, as a rule reports it. `severity` is the rule's unless the config overrides it (what a
    run's exit code and every report's level go by)."""

    code: str
    name: str
    severity: Severity
    message: str
    fix: str
    mark: Mark
    resource_type: str
    resource_name: str
    location: Location | None = None  # resolved by the engine for the findings it reports
    # The mechanical fix, when a rule can state one; its edits are resolved with `location`. Not part of
    # what the finding is: two findings differing only in how they could be fixed are one.
    autofix: Fix | None = field(default=None, compare=False)
    # The cloud services, storage accounts and virtual networks the finding names, each by its kind as
    # messages call it ("cloud service") and its name: where another subscription holds a namesake, the
    # message names the subscription after it (`migcheck.namesakes`), however the rule words it.
    names: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    # The severity the rule gave, where the config changed it: the platform refuses what a rule reports as
    # an error whatever a team calls it, so the plan and the readiness verdicts go by this one.
    rule_severity: Severity | None = field(default=None, compare=False)
    # What within `resource_*` the finding is about, by kind and name, where the resource holds several
    # things a rule reports on (a network's subnets, a VM's extension on each VM, a runbook's steps); ("",
    # "") when the finding is about the resource as a whole. A baseline keys the finding by it, so a new
    # subnet's finding is never taken for a known one of its network's.
    subject: tuple[str, str] = field(default=("", ""), compare=False)
    # How the message ends where many findings end it alike (MIG101's tail, a quarter of a kilobyte, on
    # tens of thousands of roles at 40,000 files): the finding holds the rest of its text and this one
    # string, shared, and `message` still reads the whole text. A message not ending with it keeps it whole.
    message_end: str = field(default="", compare=False, repr=False)
    # The fix in the words of other tools, by the tool's name (`migcheck.wording.Tool`), where the rule words
    # it for this finding alone (the VM and endpoint a CLI command names); a rule's fix alike for many
    # findings is worded once, in `Rule.fix_in`. The engine tells the one of the tool the finding's line
    # is written with.
    fix_in: tuple[tuple[str, str], ...] = field(default=(), compare=False, repr=False)

    def __hash__(self) -> int:
        # The hash of the few compared fields that tell findings apart (equal findings hash alike, and
        # unequal ones are compared whole): of every compared field, it hashed the mark's through a call of
        # its own and the severity's through the enum's, each time the engine asked whether a rule had
        # said a finding before, a quarter of the filter's instructions on a 4,000-file estate.
        return hash((self.code, self.mark.path, self.mark.line, self.message))

    @property
    def platform_severity(self) -> Severity:
        """How the platform takes what the finding reports: the rule's severity, not the config's."""
        return self.rule_severity or self.severity

    @property
    def fixable(self) -> bool:
        """A fix is offered and could be placed in the file (`--fix`, or `--unsafe-fixes` if not safe)."""
        return self.autofix is not None and self.autofix.resolved

    def sort_key(self) -> tuple[str, int, int, str]:
        loc = self.location or Location(self.mark.path, self.mark.line, self.mark.column)
        return (loc.path, loc.line, loc.column, self.code)


# `Finding.message` is the whole text wherever it is read or given (a rule, `replace`, pickling), while the
# slot holds only what comes before `message_end`: properties over the two slots, set after `record` made
# them. Setting the end cuts it off the text set before it (`__init__` sets the fields in order).
_MESSAGE_SLOT: Any = vars(Finding)["message"]
_MESSAGE_END_SLOT: Any = vars(Finding)["message_end"]


def _whole_message(finding: Finding) -> str:
    end = _MESSAGE_END_SLOT.__get__(finding)
    return _MESSAGE_SLOT.__get__(finding) + end if end else _MESSAGE_SLOT.__get__(finding)


def _set_message_end(finding: Finding, end: str) -> None:
    said = _MESSAGE_SLOT.__get__(finding)
    if end and said.endswith(end):
        _MESSAGE_SLOT.__set__(finding, said[: -len(end)])
    else:
        end = ""
    _MESSAGE_END_SLOT.__set__(finding, end)


Finding.message = property(_whole_message, _MESSAGE_SLOT.__set__)  # type: ignore[assignment]
Finding.message_end = property(_MESSAGE_END_SLOT.__get__, _set_message_end)  # type: ignore[assignment]

# A finding's fields, in the order `Finding` takes them, the message's and its end's as the slots hold them
# (what `placed` copies), and where `placed` sets its own among them.
_FINDING_FIELDS = tuple(f.name for f in fields(Finding) if f.init)
_other_values = attrgetter(*(name for name in _FINDING_FIELDS if name not in ("message", "message_end")))
_MESSAGE_AT, _END_AT = _FINDING_FIELDS.index("message"), _FINDING_FIELDS.index("message_end")
_LOCATION_AT, _AUTOFIX_AT = _FINDING_FIELDS.index("location"), _FINDING_FIELDS.index("autofix")


def placed(finding: Finding, location: Location, autofix: Fix | None) -> Finding:
    """`replace(finding, location=location, autofix=autofix)`, for every finding reported, in a fraction
    of the time: `replace` looks up what a record holds each time, and would join the message to its end
    (`message_end`) for the new finding to cut it off again."""
    values = list(_other_values(finding))
    values.insert(_MESSAGE_AT, _MESSAGE_SLOT.__get__(finding))
    values.insert(_END_AT, "")  # set after: given, it would be looked for at the end of the message
    values[_LOCATION_AT], values[_AUTOFIX_AT] = location, autofix
    copy = Finding(*values)
    _MESSAGE_END_SLOT.__set__(copy, _MESSAGE_END_SLOT.__get__(finding))
    return copy


def resource_types(document: Document) -> frozenset[type]:
    """The types of every resource a document holds, nested ones included (the endpoints of a role, the
    ACL of an endpoint...): which rules look at the file follows from it."""
    found: set[type] = set()
    stack: list[object] = list(document.resources)
    while stack:
        obj = stack.pop()
        cls = type(obj)
        if cls is tuple:
            stack.extend(obj)  # type: ignore[arg-type]
            continue
        walk = _RECORD_WALKS.get(cls)
        if walk is None:
            if cls in _RECORD_WALKS:  # not a record
                continue
            walk = _RECORD_WALKS[cls] = _record_walk(cls)
            if walk is None:
                continue
        found.add(cls)
        if isinstance(obj, Role):
            found.add(VirtualMachine if obj.is_vm else PaasRole)
            if len(obj.subnets) > 1:
                found.add(SeveralSubnets)
        elif isinstance(obj, (ServiceConfiguration, Deployment)):
            found.update(_placement_facts(obj))
        # Most fields a walk takes are None or an empty tuple (two objects in three of the walk at 4,000
        # files): left out here rather than pushed and popped. A record is never false.
        for value in walk(obj):
            if value:
                stack.append(value)
    return frozenset(found)


def _placement_facts(placed: ServiceConfiguration | Deployment) -> Iterator[type]:
    """What a configuration or deployment states of where it is placed (see `RolesInNetwork`)."""
    if placed.virtual_network is not None and (
        isinstance(placed, ServiceConfiguration) or not all(role.is_vm for role in placed.roles)
    ):
        yield RolesInNetwork
    if isinstance(placed, ServiceConfiguration):
        if placed.reserved_ips:
            yield WithReservedIp
        if placed.instance_addresses and _places_a_role_in_several_subnets(placed):
            yield SeveralSubnets
    elif placed.reserved_ip is not None or placed.other_reserved_ips:
        yield WithReservedIp


def _places_a_role_in_several_subnets(config: ServiceConfiguration) -> bool:
    """Whether the configuration's `InstanceAddress`es name two subnets or more for one role, by the
    grouping the linker gives a role its subnets with (`configured_role`)."""
    return any(sum(len(a.subnets) for a in group) > 1 for group in config.addresses_by_role().values())


# How `resource_types` walks into each type: a getter of the tuple of the fields of a record that may hold
# records (None: not a record, such as the strings most fields hold). Made once per type: asking each value
# whether it is a dataclass was most of the walk (pytest does it for every file it collects), and then
# taking every field of every record, two thirds of them strings, flags, numbers and marks.
_RECORD_WALKS: dict[type, Callable[[object], tuple[object, ...]] | None] = {}
# Names in a field's annotation that stand for no record, nor for a tuple `resource_types` goes into.
_NO_RECORD_NAMES = frozenset(
    {"str", "int", "float", "bool", "bytes", "None", "frozenset", "set", "list", "dict"}
)


def _record_walk(cls: type) -> Callable[[object], tuple[object, ...]] | None:
    if not dataclasses.is_dataclass(cls) or issubclass(cls, Mark) or issubclass(cls, type):
        return None
    scope = vars(sys.modules[cls.__module__])
    names = [f.name for f in fields(cls) if _may_hold_records(f.type, scope)]
    if len(names) > 1:
        return attrgetter(*names)
    return _one_field(names[0]) if names else _no_fields


def _one_field(name: str) -> Callable[[object], tuple[object, ...]]:
    value = attrgetter(name)
    return lambda record: (value(record),)


def _no_fields(record: object) -> tuple[object, ...]:
    return ()


def _may_hold_records(annotation: object, scope: Mapping[str, object]) -> bool:
    """Whether a field annotated `annotation` may hold a record or a tuple `resource_types` goes into: not
    when it names only strings, numbers, flags, enums, marks, the containers the walk does not enter, or a
    tuple of those; when it cannot tell (a name it cannot find, an annotation that is no string), it may."""
    if not isinstance(annotation, str):
        return True
    if annotation in _NO_RECORD_NAMES:  # most fields: no need to parse
        return False
    parsed = _parsed_annotation(annotation)
    return parsed is None or _may_hold(parsed, scope)


@functools.cache
def _parsed_annotation(annotation: str) -> ast.expr | None:
    """An annotation as Python parses it (the records' annotations are strings: `from __future__ import
    annotations`); a few dozen distinct ones, each parsed once."""
    try:
        return ast.parse(annotation, mode="eval").body
    except SyntaxError:
        return None


def _may_hold(node: ast.expr, scope: Mapping[str, object]) -> bool:
    if isinstance(node, ast.Constant):  # None, `...`
        return False
    if isinstance(node, ast.BinOp):  # X | Y
        return _may_hold(node.left, scope) or _may_hold(node.right, scope)
    if isinstance(node, ast.Name):
        if node.id in _NO_RECORD_NAMES:
            return False
        named = scope.get(node.id)
        return not (isinstance(named, type) and issubclass(named, (enum.Enum, Mark)))
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        if node.value.id == "tuple":
            items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            return any(_may_hold(item, scope) for item in items)
        return node.value.id not in _NO_RECORD_NAMES and node.value.id != "Literal"
    return True
