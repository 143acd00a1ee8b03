"""Migration readiness by scope: the findings grouped the way the platform's Validate answers, per
subscription. Grouping only: every fact comes from the linked estate, every finding from the rules.

The platform validates one migration scope at a time, and so does this summary:

- **VMs in a virtual network** — one item per virtual network (`Move-AzureVirtualNetwork -Validate`): every
  network the files define, place a service in, or name through its gateway or what sits in it (not one only
  an ExpressRoute authorization link names: that is another subscription's, see `linked_from_elsewhere`;
  nor what an export says of another subscription's network). The item covers the network (subnets,
  gateway, the local network sites and DNS servers it uses) and every cloud service in it: of a service
  deployed in several networks, its deployments in this one, each with the service configuration it is made
  of (a finding in a configuration is the network's it names; one in the definition, every network's); of a
  service deployed in this one only, its deployments whose network the files do not state too (VMs a script
  adds to a deployment an export shows in it).
- **VMs not in a virtual network** — one item per cloud service of VMs whose files say it is in no virtual
  network (`Move-AzureService -Validate`).
- **Cloud services with web/worker roles** — services outside any virtual network that hold web/worker
  roles. The platform migration does not move them (MIG101); they are listed so that nothing is silently
  left out of the plan.
- **Cloud services of extended support** — services the files show are deployed as Cloud Services
  (extended support), a Resource Manager resource: the migration does not apply to them, and they retire
  on the date MIG101 gives. Listed so that the repository's every service is accounted for.
- **Cloud services, virtual network not known** — services known only from files that do not say whether
  they are in a virtual network (Export-AzureVM files, a lone .csdef), or that name it by a value they do
  not state (a script parameter): migcheck does not guess which Validate covers them.
- **Reserved IPs of cloud services the files do not describe** — a reserved IP that a script, a REST body
  or an inventory export binds to a cloud service no file describes. It is migrated with that service,
  not on its own (deep dive: "Reserved IPs associated with the load balancer are migrated, along with the
  migration of the cloud service or the virtual machine"), and what that takes the files do not say: it is
  listed so that the plan can say what to check.
- **Storage accounts** — one item per account (`Move-AzureStorageAccount`): those that hold a disk or
  image, and those the files show with none (an inventory export's, one a script creates).
- **Unattached resources** — network security groups, route tables, and reserved IPs that no deployment
  uses and that name no cloud service (an export's reserved IP attached to none among them), nor may be a
  deployment's VIP (a script's association that may not run: listed with that deployment). One an export
  lists without saying what uses it (a security group whose row writes no subnets, a reserved IP whose row
  writes neither `attachedTo` nor `inUse`, or says it is in use without naming a cloud service) may be
  attached: its `migrates` says so (`attachment`: "unknown", or "in use"), and its row.
- **Files** — findings that belong to none of the above, one item per file. A finding on an element no item
  owns goes to the one item that owns the rest of its file, but for a local network site no gateway
  connects to: a network configuration is the subscription's, and that site moves with none of its networks.

Findings about migcheck's own suppression comments (MIG005, MIG006, `ABOUT_COMMENTS`) are in no item: the
platform never sees a comment, so they neither change a verdict nor list a file under Files (`check` lists
them with the other findings).

How a finding is attached (rules need to know nothing about it): every item *owns* the source positions
(`Mark`s) of everything it is made of, found by walking the linked resources, so a new resource field is
covered without changing this module. A finding attaches to every item that owns the element it points at:
an endpoint ACL of a VM in a VNet counts against that VNet; a disk whose blob name has a `/` counts against
its VNet (or cloud service) *and* its storage account, as the platform reports it for both. A finding on an
element the estate does not model attaches to the one item that owns the rest of its file, if exactly one
does; otherwise it is listed under Files.

The verdict is worded like Validate's result: any error fails validation, warnings alone pass it with
warnings, information does not change it. Some problems Validate does not check (the deep dive's "Checks not
done in the validate operation": the rules whose `found_at` is Prepare): when all that stops an item is of
those, its verdict is "Validation passed, Prepare will fail". Suppressed and baselined findings still count
toward the verdict — the platform will refuse the migration all the same — and are shown as such. When
nothing stops an item but it moves a cloud service the files may describe only in part (a script adds a VM
to a deployment that exists, and no file creates that deployment or describes it whole: see
`CloudService.partly_described`), or creates a VM of it from an Export-AzureVM file the files lack
(`CloudService.imports_unseen_export`), Validate's answer turns on VMs no file shows (their availability sets,
the VIP, their addresses, endpoints): its verdict is "Not decided", never "passed"; so is a network's that no file defines
(only its members are known), whose definition may hold what blocks it (its gateway's connections).
"""

from __future__ import annotations

import dataclasses
import enum
import inspect
import sys
import types
import typing
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, partial
from itertools import compress
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar, cast

from migcheck import model
from migcheck.automation import TEMPLATE_LANGUAGES
from migcheck.estate import (
    UnstatedAccount,
    every_disk_listed,
    in_unnamed_networks,
    is_pipeline_token,
    join_key,
    key,
    origins,
    records_in_networks,
    unique_by_name,
    unstated_disk_accounts,
)
from migcheck.estate import apart as estate_apart
from migcheck.inventory_model import (
    ClassicReservedIp,
    LinkAuthorization,
    ServiceInVnet,
    VnetPeering,
)
from migcheck.model import (
    MARK_KINDS,
    ConnectionState,
    Finding,
    Mark,
    ReservedIp,
    Script,
    ServiceConfiguration,
    Severity,
    is_placeholder,
    is_stand_in,
)
from migcheck.retirements import CLASSIC_STORAGE, CLASSIC_STORAGE_READ_ONLY, CLOUD_SERVICES_CLASSIC
from migcheck.rule import UNREADABLE, Stage
from migcheck.suppress import INVALID_SUPPRESSION, UNUSED_SUPPRESSION

if TYPE_CHECKING:
    from migcheck.engine import LintResult
    from migcheck.estate import Circuit, CloudService, Estate, Network, Placement, StorageAccount
    from migcheck.model import Disk, NameRef, ServiceDefinition
    from migcheck.suppress import Suppressed


class ScopeKind(str, enum.Enum):
    """A migration scope, as the platform's Validate operations divide an estate."""

    CIRCUITS = "ExpressRoute circuits"
    IN_VNET = "VMs in a virtual network"
    NO_VNET = "VMs not in a virtual network"
    WEB_WORKER = "Cloud services with web/worker roles"
    EXTENDED_SUPPORT = "Cloud services of extended support (not classic, nothing to migrate)"
    NETWORK_NOT_STATED = "Cloud services, virtual network not known"
    RESERVED_FOR_UNDESCRIBED = "Reserved IPs of cloud services the files do not describe"
    STORAGE = "Storage accounts"
    UNATTACHED = "Unattached resources"
    FILES = "Files"

    def __str__(self) -> str:
        return self.value


# What a scope's heading says of the retirement its items are past, when the items' verdicts do not:
# Validate's answer is not the whole story for them.
RETIREMENT_NOTES = {
    ScopeKind.WEB_WORKER: f"Cloud Services (classic), retired on {CLOUD_SERVICES_CLASSIC}: rebuild the roles "
    "on a service that remains",
    ScopeKind.STORAGE: f"retired on {CLASSIC_STORAGE}; Microsoft migrates the rest itself since "
    f"{CLASSIC_STORAGE_READ_ONLY}: an account may be moved already",
}


# The type of the items of `ScopeKind.EXTENDED_SUPPORT`: services that are not classic, so no Validate applies.
EXTENDED_SUPPORT = "ExtendedSupportCloudService"
# The type of the items of `ScopeKind.CIRCUITS`.
CIRCUIT = "ExpressRouteCircuit"
# The type of the items of `ScopeKind.FILES`: a file whose findings no migration scope holds (a script, an
# export, a file that does not parse), which no Validate sees.
FILE = "File"


# Rules whose warnings are of a state the platform's Validate refuses for as long as it lasts (a VM in
# RoleStateUnknown, a guest agent not ready): warnings, since the state may have settled since the files
# were exported, but Validate run on what the files show fails, and a plan must not call the step ready.
REFUSED_WHILE_IT_LASTS = frozenset({"MIG208"})


# Rules about migcheck's own suppression comments: what they report is no resource's, and no Validate's.
ABOUT_COMMENTS = frozenset({INVALID_SUPPRESSION, UNUSED_SUPPRESSION})


def of_the_platform(finding: Finding) -> bool:
    """Whether `finding` is about what the platform migrates, not about one of migcheck's own comments."""
    return finding.code not in ABOUT_COMMENTS


def refused(finding: Finding) -> bool:
    """Whether Validate refuses what `finding` reports: an error of its rule, whatever severity the config
    gives it (that sets the exit code, not what the platform does), or a warning of a refused state (one a
    config turned down to info is a state the team knows has passed)."""
    if finding.code in REFUSED_WHILE_IT_LASTS:
        return finding.severity > Severity.INFO
    return finding.platform_severity is Severity.ERROR


def blocks_migration(finding: Finding) -> bool:
    """Whether `finding` blocks the migration: what Validate refuses (`refused`), less the files migcheck
    could not read (MIG001), which the plan lists apart. The text summary's `20 block the migration`, the
    plan's blockers and the badge count these; the machine formats say it of each finding."""
    return refused(finding) and finding.code != UNREADABLE


# A finding's `checked_at`: the step of the platform's migration that looks at it.
CHECKED_AT_VALIDATE = "validate"
CHECKED_AT_PREPARE = "prepare"
# Rows no Validate is run on: a file (a script, an export), an ExpressRoute circuit (its move has no
# Validate of its own), a service of extended support (not classic).
_SEEN_BY_NO_VALIDATE = frozenset({FILE, CIRCUIT, EXTENDED_SUPPORT})


def checked_at(
    result: LintResult, summaries: Iterable[SubscriptionReadiness] | None = None
) -> Callable[[Finding], str | None]:
    """For each finding of `result`, the step that finds it: "validate", "prepare" for the rules Validate
    does not check (`Rule.found_at`), or None when no item Validate is run on holds it (a file's finding,
    a circuit's, one of migcheck's own comments). Findings are told apart by identity, as report-json's
    indices are. `summaries`: `readiness(result)`, when made already."""
    prepare_only = found_at_prepare(result)
    validated: set[int] = set()
    if summaries is None:  # what holds each finding, without the summary's items (`_attached`)
        # Items made as the summary makes them but not described, nor put in the plan's order: which
        # holds what does not depend on either.
        for _, drafts in _attached(result, partial(_drafted, described=False)):
            for draft in drafts:
                if draft.type not in _SEEN_BY_NO_VALIDATE:
                    validated.update(map(id, draft.findings))
                    validated.update(id(suppressed.finding) for suppressed in draft.held_back)
    for summary in summaries or ():
        for item in summary.items:
            if item.type not in _SEEN_BY_NO_VALIDATE:
                validated.update(id(f) for f in item.every)

    def step(finding: Finding) -> str | None:
        if id(finding) not in validated:
            return None
        return CHECKED_AT_PREPARE if finding.code in prepare_only else CHECKED_AT_VALIDATE

    return step


class Verdict(str, enum.Enum):
    """The result line of the platform's Validate operation, in the order of the work they ask for."""

    FAILED = "Validation failed"
    # Every problem that stops the item is one Validate does not check: Prepare is where it fails.
    PREPARE_FAILS = "Validation passed, Prepare will fail"
    # Nothing the files show stops it, but a deployment it moves may hold VMs no file describes (a script
    # adds one to a cloud service that exists): what needs every VM of the service is not decided.
    NOT_DECIDED = "Not decided: the service may have VMs the files do not describe"
    # Nothing the files show stops it, but no file defines the network: its definition may hold what does
    # (its gateway's connections, other cloud services in it).
    NETWORK_NOT_DECIDED = "Not decided: the network's definition is not in the files"
    # Nothing the files show stops it, but every description of the network leaves its subnets out (an
    # export's row without them, `VirtualNetwork.subnets_known`): what its subnets hold is not known.
    SUBNETS_NOT_STATED = "Not decided: the files do not state the network's subnets"
    # A storage account no file states, that holds the disks of a VM the files create (see
    # `estate.UnstatedAccount`): which account migrates, and what else is in it, is not known.
    ACCOUNT_NOT_STATED = "Not decided: the files do not state which account it is"
    # Another resource a stand-in names (`<cloud service name, deploy.py:48>`, a circuit whose service key
    # no file states): which one migrates, and what it holds, is not known; the plan's step waits for the
    # name to be filled in.
    NAME_NOT_STATED = "Not decided: the files do not state which one it is"
    WARNINGS = "Validation passed with warnings"
    PASSED = "Validation passed"

    def __str__(self) -> str:
        return self.value


def found_at_prepare(result: LintResult) -> frozenset[str]:
    """The codes of the rules whose problems the platform finds only at Prepare (`Rule.found_at`)."""
    return frozenset(rule.code for rule in result.rules if rule.found_at is Stage.PREPARE)


@model.record
class ScopeItem:
    """One thing Validate would be run on: what it moves, and the findings that concern it, reported and
    held back (suppressed in config or a comment, or known from a baseline)."""

    name: str
    type: str  # CloudService, VirtualNetwork, StorageAccount, NetworkSecurityGroup, RouteTable, ...
    migrates: dict[str, Any]
    findings: tuple[Finding, ...] = ()
    held_back: tuple[Suppressed, ...] = ()
    # The estate's resource the item is about (a network, a cloud service, an account...; None for a
    # file): names need not be unique (two services no file names, one per role body), the resource is.
    subject: object = field(default=None, compare=False, repr=False)
    # The codes of the rules whose problems Validate does not check (`found_at_prepare`).
    prepare_only: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    # Of a file: the findings in it that another item holds (an error on a network the file defines,
    # reported at the network's scope). Not counted again, and not the file's: its row says them apart,
    # and its verdict goes by its own findings, as its counts do.
    described: tuple[Finding, ...] = field(default=(), compare=False, repr=False)
    # A cloud service it moves may have VMs no file describes (`CloudService.partly_described`), or one
    # created from an Export-AzureVM file the files lack (`CloudService.imports_unseen_export`).
    partly_described: bool = field(default=False, compare=False, repr=False)
    # A network no file defines (`Network.defined`): only its members are known.
    network_undefined: bool = field(default=False, compare=False, repr=False)
    # Of a cloud service another's name is shown alike: where it comes from (`estate.origins`), which its
    # name ends with in brackets and the summary's row says beside what it moves.
    origin: str = field(default="", compare=False, repr=False)
    # Of a storage account: the subjects (networks, cloud services) of the items that move the VMs its disks
    # are attached to, which migrate before it; of a network: the ExpressRoute circuits it is linked to,
    # which the platform moves before it. The summary says which of them are not ready.
    after: tuple[object, ...] = field(default=(), compare=False, repr=False)
    # No file states which resource it is: a storage account no file places (`estate.UnstatedAccount`), or
    # any item named by a stand-in, as the plan's step asks for its name (`_name_unstated`).
    unstated: bool = field(default=False, compare=False, repr=False)

    def count(self, severity: Severity) -> int:
        """Reported findings of `severity`."""
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def every(self) -> tuple[Finding, ...]:
        """Its findings, reported and held back: both decide the verdict."""
        return (*self.findings, *(s.finding for s in self.held_back))

    def found_at_prepare(self, finding: Finding) -> bool:
        """Whether Validate passes what `finding` reports, and Prepare is where it fails."""
        return finding.code in self.prepare_only

    def _stops(self, finding: Finding) -> bool:
        """Whether one of the item's own findings fails it: what Validate refuses, or for a file (which no
        Validate sees: a script, an export) an error as the settings grade it."""
        if self.type == FILE and finding.code not in REFUSED_WHILE_IT_LASTS:
            return finding.severity is Severity.ERROR
        return refused(finding)

    @property
    def subnets_unstated(self) -> bool:
        """Of a network: whether it is described and none of its descriptions states its subnets."""
        definitions = getattr(self.subject, "definitions", ()) if self.type == "VirtualNetwork" else ()
        return bool(definitions) and not any(v.subnets_known for v in definitions)

    @property
    def verdict(self) -> Verdict:
        stopping = [f for f in self.every if self._stops(f)]
        if stopping:
            at_prepare = all(self.found_at_prepare(f) for f in stopping)
            return Verdict.PREPARE_FAILS if at_prepare else Verdict.FAILED
        if self.network_undefined:
            return Verdict.NETWORK_NOT_DECIDED
        if self.subnets_unstated:
            return Verdict.SUBNETS_NOT_STATED
        if self.partly_described:
            return Verdict.NOT_DECIDED
        if self.unstated:
            return Verdict.ACCOUNT_NOT_STATED if self.type == "StorageAccount" else Verdict.NAME_NOT_STATED
        # What the platform passes warns as the team grades it: turned down to info, it is no warning; held
        # back (suppressed, or known from the baseline), it is no warning left to read, and only counted.
        worst = max((f.severity for f in self.findings), default=Severity.INFO)
        return Verdict.WARNINGS if worst >= Severity.WARNING else Verdict.PASSED


@model.record
class ScopeSummary:
    scope: ScopeKind
    items: tuple[ScopeItem, ...]


@model.record
class SubscriptionReadiness:
    subscription: str
    scopes: tuple[ScopeSummary, ...]  # every scope, in `ScopeKind` order, empty ones included

    @property
    def items(self) -> Iterator[ScopeItem]:
        return (item for scope in self.scopes for item in scope.items)


_T = TypeVar("_T")


def _appended(held: list[_T] | tuple[()], value: _T) -> list[_T]:
    """`held` with `value` at its end: the list itself, or a new one in place of the empty tuple."""
    kept = held if isinstance(held, list) else []
    kept.append(value)
    return kept


@dataclass(slots=True)
class _Draft:
    """An item being built: its description and the marks it owns."""

    scope: ScopeKind
    name: str
    type: str
    # What it migrates (`migrates`), or what makes it when first asked: `checked_at` asks only which items
    # own what findings point at, and describing every item was a tenth of its cost.
    contents: dict[str, Any] | Callable[[], dict[str, Any]]
    subject: object = None
    # What it is made of: what it owns while it is built (`own`, walked for its marks once it is made),
    # then the marks `_Attacher` looks up (`keep_pointed_at`): those on lines findings point at, and the
    # files it has a mark in.
    owned: list[tuple[object, ...]] = field(default_factory=list)
    marks: tuple[Mark, ...] = ()
    files: tuple[str, ...] = ()
    # What it holds (`hold`, `hold_back`, `describe`): a list once it holds one. Most items hold none, and
    # an empty list each, of three, for 16,000 items was a tenth of the summary's memory.
    findings: list[Finding] | tuple[()] = ()
    held_back: list[Suppressed] | tuple[()] = ()
    described: list[Finding] | tuple[()] = ()  # see `ScopeItem.described`
    # Where it comes from, when another item shows its name (`estate.origins`): shown after the name, as
    # the plan's steps show it; not a name findings are matched by (see `names`).
    origin: str = ""
    partly_described: bool = False  # see `ScopeItem.partly_described`
    network_undefined: bool = False  # see `ScopeItem.network_undefined`
    after: tuple[object, ...] = ()  # see `ScopeItem.after`
    unstated: bool = False  # see `ScopeItem.unstated`
    # The cloud services it is or a network holds deployments of (`own_placed`), by `key`: it owns their
    # definition's marks, which a project deployed as another service too shares (see `_named`).
    services: tuple[str, ...] = ()
    _names: frozenset[str] | None = None  # see `names`

    @property
    def migrates(self) -> dict[str, Any]:
        """What it migrates, as the summary's item says it (`ScopeItem.migrates`)."""
        contents = self.contents
        if callable(contents):
            contents = self.contents = contents()
        return contents

    def names(self) -> frozenset[str]:
        """Its name and those of the VMs, roles and disks it migrates, casefolded: made once, when two
        items own one element (see `_named`)."""
        if self._names is None:
            members = (m for ms in self.migrates.values() if isinstance(ms, list | tuple) for m in ms)
            self._names = frozenset({self.name.casefold(), *(str(m).casefold() for m in members)})
        return self._names

    def own(self, *resources: object) -> _Draft:
        self.owned.append(resources)
        return self

    def hold(self, finding: Finding) -> None:
        self.findings = _appended(self.findings, finding)

    def hold_back(self, suppressed: Suppressed) -> None:
        self.held_back = _appended(self.held_back, suppressed)

    def describe(self, finding: Finding) -> None:
        self.described = _appended(self.described, finding)

    def keep_pointed_at(self, pointed_at: frozenset[tuple[str, int]], files: frozenset[str]) -> _Draft:
        """Once it is made: of its marks, only those on the lines findings point at (`pointed_at`), and of
        its files those findings point into (`files`). Most of an estate's marks are on no such line: an
        item lets them go as it is made, not once every item of the estate is (a million marks at 40,000
        files). Walked then, the configurations of files no finding points into are passed over
        (`_collect_marks`): most of an estate's files."""
        marks: list[Mark] = []
        for resources in self.owned:
            _collect_marks(resources, marks, files)
        self.owned = []
        self.files = tuple(files.intersection(map(_PATH, marks)))
        self.marks = tuple(compress(marks, map(pointed_at.__contains__, map(_PATH_LINE, marks))))
        return self

    def own_placed(
        self,
        service: CloudService,
        placements: Sequence[Placement],
        configurations: Sequence[ServiceConfiguration],
    ) -> _Draft:
        """A service as a network holds it: what is the whole service's (its definition), and of its
        deployments only `placements`, those in this network, with the `configurations` they are made of
        (and those no deployment is made of, see `_Configurations`). Each configuration is a deployment
        that may be in a network of its own: a finding on a VM or a configuration deployed elsewhere is
        not this network's. A service deployed in many networks is walked in parts, not whole for each."""
        kind: type = type(service)
        whole = _whole_service_fields(kind)(service)
        return self.own(*whole, *_undeployed(service.definition, placements), *placements, *configurations)

    def item(self, prepare_only: frozenset[str]) -> ScopeItem:
        return ScopeItem(
            f"{self.name} ({self.origin})" if self.origin else self.name,
            self.type,
            self.migrates,
            tuple(self.findings),
            tuple(self.held_back),
            self.subject,
            prepare_only,
            tuple(self.described),
            self.partly_described,
            self.network_undefined,
            self.origin,
            self.after,
            self.unstated,
        )


def readiness(result: LintResult) -> tuple[SubscriptionReadiness, ...]:
    """The readiness summary of `result`: per subscription, one entry per scope in `ScopeKind` order."""
    attached = _attached(result)
    for _, drafts in attached:
        for draft in drafts:
            draft.unstated = draft.unstated or _name_unstated(draft)
    _defined_apart(attached)
    prepare_only = found_at_prepare(result)
    return tuple(
        SubscriptionReadiness(
            estate.subscription,
            tuple(
                ScopeSummary(kind, tuple(d.item(prepare_only) for d in drafts if d.scope is kind))
                for kind in ScopeKind
            ),
        )
        for estate, drafts in attached
    )


def _attached(
    result: LintResult, items: Callable[[Estate], Iterable[_Draft]] | None = None
) -> list[tuple[Estate, list[_Draft]]]:
    """The items of each subscription's estate being made (`items`, `_drafts` by default), every finding
    held by those that own what it points at (or its file's), reported and held back: what the summary is
    made of, and all `checked_at` asks."""
    pointed_at = _pointed_at(result)
    files = frozenset(path for path, _ in pointed_at)
    made = _drafts if items is None else items
    drafted = [
        (estate, [draft.keep_pointed_at(pointed_at, files) for draft in made(estate)])
        for estate in result.estates
    ]
    del pointed_at  # a tuple per finding: 3 MB at 40,000 files, let go before the findings are attached
    attachers = {estate.subscription: _Attacher(drafts, _elsewhere(estate)) for estate, drafts in drafted}
    claimants = _claimants(attachers)
    paths, holders = _holders(result.estates, files)
    exported = _records_of_exported(result.estates)

    def subscription(finding: Finding) -> str:
        """The subscription of the item that owns what the finding points at, else the one the record it is
        about names, else of its file: one export may describe several subscriptions, each checked as an
        estate of its own."""
        by_path = paths.get(finding.mark.path, "")
        held = holders.get(finding.mark.path, ())
        if held:
            # A project's .csdef and .cscfg are of each subscription a deployment of it is made in, each
            # time at the same places: the one of the service the finding names holds it.
            named = next((name for name in held if attachers[name].names_owner(finding)), None)
            if named is not None:
                return named
        # Of several subscriptions, only those whose items own the mark may claim the finding (`_claimants`):
        # its file's first. Asked of them alone, the mark is hashed once where no item owns it (most of the
        # findings of an export), not again for its file's subscription.
        candidates = attachers if claimants is None else claimants.get(finding.mark, ())
        if by_path in candidates and attachers[by_path].claims(finding):
            return by_path
        owning = next((name for name in candidates if attachers[name].claims(finding)), None)
        if owning or not exported:
            return owning or by_path
        return exported.get((finding.mark, finding.resource_type, finding.resource_name), by_path)

    findings: dict[str, list[Finding]] = defaultdict(list)
    held: dict[str, list[Suppressed]] = defaultdict(list)
    # Every finding counts, those past the cap of one rule per file too (`LintResult.uncapped`): the one
    # standing for them is a line of the report, not a problem of the estate.
    for finding in filter(of_the_platform, result.uncapped):
        findings[subscription(finding)].append(finding)
    for suppressed in result.suppressed:
        if of_the_platform(suppressed.finding):
            held[subscription(suppressed.finding)].append(suppressed)
    for estate, drafts in drafted:
        drafts += _attach(
            attachers[estate.subscription], findings[estate.subscription], held[estate.subscription]
        )
    return drafted


def _holders(estates: Iterable[Estate], files: frozenset[str]) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Of each of `files` (those findings point into), the last subscription whose estate holds it, and
    the subscriptions of those more than one holds, in the estates' order (a project's files are each
    subscription's a deployment of it is made in). Only those: one entry per file of the estate was a
    tenth of the summary's memory at 40,000 files."""
    last: dict[str, str] = {}
    shared: dict[str, list[str]] = {}
    for estate in estates:
        for document in estate.documents:
            path, name = document.path, estate.subscription
            before = last.get(path) if path in files else None
            if before is not None and before != name:
                held = shared.setdefault(path, [before])
                held += [] if name in held else [name]
            if path in files:
                last[path] = name
    return last, shared


def _name_unstated(draft: _Draft) -> bool:
    """Whether the item is named by one of migcheck's stand-ins for a value the files do not state (not a
    placeholder a file writes), or by a pipeline token the build fills in, as the plan's step names it and
    asks to fill it in first: a cloud service by
    the name its commands use (`plan.service_name`)."""
    name = draft.name
    if draft.type == "CloudService":
        name = _service_name()(cast("CloudService", draft.subject))
    elif draft.type not in _NAMED_BY_STAND_INS:
        return False
    return (is_stand_in(name) and not is_placeholder(name, draft.type)) or is_pipeline_token(name)


@cache
def _service_name() -> Callable[[CloudService], str]:
    """`plan.service_name`, imported once (the plan imports this module): an `import` in a function run for
    each item cost as much as twenty calls each time it ran."""
    from migcheck.plan import service_name

    return service_name


# The types of the items whose plan steps wait for a stand-in name to be filled in (`plan._FIND_NAME`).
_NAMED_BY_STAND_INS = frozenset(
    {"StorageAccount", "VirtualNetwork", "ReservedIP", "NetworkSecurityGroup", "RouteTable"}
)


def _defined_apart(drafted: Iterable[tuple[Estate, list[_Draft]]]) -> None:
    """Give the item of a network its subscription's files do not define the file that defines it in
    another subscription of the files (`migrates["defined_apart"]`), one the folders of its files or a
    setting make, not one its scripts select: the folders of two network configurations make two
    subscriptions where no setting says which files are one (`subscriptions.split_subscriptions`), and a
    setting may leave files out, so a network defined in one and used in the other may well be one network
    split from its definition. Findings are not linked across them; the summary and the plan only say
    where the definition is and how to group the files."""
    from migcheck.subscriptions import selected_by_its_scripts

    drafted = list(drafted)
    defined: dict[str, tuple[Estate, str]] = {}
    for estate, drafts in drafted:
        grouped = estate.documents and not selected_by_its_scripts(estate.subscription, estate.documents)
        for draft in _network_drafts(drafts) if grouped else ():
            network = cast("Network", draft.subject)
            if network.defined and network.definitions:
                defined.setdefault(key(network.name), (estate, network.definitions[0].mark.path))
    for estate, drafts in drafted:
        for draft in _network_drafts(drafts):
            elsewhere, path = defined.get(key(draft.name), (estate, ""))
            if elsewhere is not estate and estate.documents and not draft.migrates["defined"]:
                draft.migrates["defined_apart"] = path


def _network_drafts(drafts: Iterable[_Draft]) -> Iterator[_Draft]:
    return (d for d in drafts if d.type == "VirtualNetwork" and d.subject is not None)


def _records_of_exported(estates: Iterable[Estate]) -> dict[tuple[Mark, str, str], str]:
    """The estate each record of the files names as its subscription, where that is one the exports give an
    estate of its own (`Estate.exported`): by position, type and name, as `Rule.finding` states them. A
    Defender plan of that subscription, a peering of a network of it (its network's, `vnet_subscription`,
    not the Resource Manager network's), is that subscription's to act on, whichever file exports it."""
    found: dict[tuple[Mark, str, str], str] = {}
    for estate in estates:
        ids = {key(other.inventory.subscription): other.subscription for other in estate.exported}
        if not ids:
            continue
        for document in estate.documents:
            for record in cast("Iterable[Any]", document.resources):  # records of every kind
                held = getattr(record, "vnet_subscription", None)
                held = getattr(record, "subscription", "") if held is None else held
                named = ids.get(key(held)) if isinstance(held, str) and held else None
                if named is not None and hasattr(record, "name"):  # a region, say, is no finding's
                    found[(record.mark, record.kind, record.name)] = named
    return found


def _pointed_at(result: LintResult) -> frozenset[tuple[str, int]]:
    """The files and lines findings point at, reported or held back: `_Attacher` looks up no other mark."""
    held = (suppressed.finding for suppressed in result.suppressed)
    return frozenset((finding.mark.path, finding.mark.line) for finding in (*result.uncapped, *held))


def _attach(attach: _Attacher, findings: list[Finding], held: list[Suppressed]) -> list[_Draft]:
    """Give each of a subscription's findings, reported and held back, to the items that own what it points
    at (`attach`), else to its file's item; return the files' items, by path."""
    files: dict[str, _Draft] = {}
    owned: list[Finding] = []  # those an item of a scope holds, in whatever file they are
    for finding in findings:
        owners = attach.owners(finding)
        owned += [finding] if owners else []
        for draft in owners or [_file_draft(files, finding)]:
            draft.hold(finding)
    for suppressed in held:
        owners = attach.owners(suppressed.finding)
        # Held back, it still fails what the platform refuses; a warning it passes is only counted.
        owned += [suppressed.finding] if owners and refused(suppressed.finding) else []
        for draft in owners or [_file_draft(files, suppressed.finding)]:
            draft.hold_back(suppressed)
    for finding in owned:  # a file listed for its own findings says too what fails in what it describes
        if finding.mark.path in files:
            files[finding.mark.path].describe(finding)
    return [files[path] for path in sorted(files)]


def _file_draft(files: dict[str, _Draft], finding: Finding) -> _Draft:
    path = finding.mark.path
    return files.setdefault(path, _Draft(ScopeKind.FILES, path, FILE, {}))


def _claimants(attachers: Mapping[str, _Attacher]) -> dict[Mark, tuple[str, ...]] | None:
    """By mark, the subscriptions whose items own it, in the order of `attachers`; None for one subscription,
    whose items are asked directly. What `subscription` asks of each finding its file's subscription does not
    claim: one look-up, where asking every subscription's items was one per subscription and finding (186,000
    for 41,000 findings of an export of four)."""
    if len(attachers) < 2:
        return None
    alone = {name: (name,) for name in attachers}  # shared: nearly every mark is owned in one subscription
    claimants: dict[Mark, tuple[str, ...]] = {}
    for name, attacher in attachers.items():
        for mark in attacher.by_mark:
            held = claimants.setdefault(mark, alone[name])
            if held is not alone[name]:
                claimants[mark] = (*held, name)
    return claimants


# --- attaching findings ------------------------------------------------------------------------------


# The resource types of findings about a file itself, which its own item in the summary holds.
_ABOUT_THE_FILE = frozenset({Script.kind, "File"})
# What a file may describe beside the one item that owns the rest of it, migrated with none: a local network
# site no gateway connects to (a network configuration is the subscription's, not one network's) moves with no
# network, so a finding about it is not the file's one network's.
_STANDING_APART = frozenset({"LocalNetworkSite"})


class _Attacher:
    """The items that own the element a finding points at (see the module docstring). A finding about a
    record of another subscription's network (`elsewhere`) is owned by none, though its export's row holds a
    record of this subscription's too: the row's position is both records' (one Resource Manager network
    peered with classic networks of two subscriptions), and the networks may share a name."""

    def __init__(
        self, drafts: list[_Draft], elsewhere: frozenset[tuple[Mark, str, str]] = frozenset()
    ) -> None:
        """Indexes what `claims` and `owners` are asked about: the marks of `drafts` on the lines findings
        point at, and the items with a mark in each file they point into (`_Draft.keep_pointed_at`). The
        items' marks and files are let go once indexed: nothing else reads them, and they were 3 MB of the
        summary's peak at 40,000 files."""
        self.drafts = drafts
        self.elsewhere = elsewhere
        # The item that owns each mark, or the items, in order, where several do: a list for every mark
        # (nearly all of them owned by one item) was another 4 MB.
        self.by_mark: dict[Mark, _Draft | list[_Draft]] = {}
        # The one item with a mark in each file, by its index; -1 where more than one has.
        self.by_path: dict[str, int] = {}
        for index, draft in enumerate(drafts):
            for path in draft.files:
                self.by_path[path] = index if self.by_path.get(path, index) == index else -1
            for mark in draft.marks:
                self._index(mark, draft)
            draft.marks, draft.files = (), ()

    def _index(self, mark: Mark, draft: _Draft) -> None:
        owners = self.by_mark.setdefault(mark, draft)  # a mark is hashed once: most are indexed once
        if owners is draft:
            return
        if isinstance(owners, list):
            if owners[-1] is not draft:  # a draft's repeats come one after another
                owners.append(draft)
        else:
            self.by_mark[mark] = [owners, draft]

    def _owners_of(self, mark: Mark) -> list[_Draft]:
        owners = self.by_mark.get(mark)
        if owners is None:
            return []
        return owners if isinstance(owners, list) else [owners]

    def claims(self, finding: Finding) -> bool:
        """Whether an item of this subscription owns the element `finding` is about."""
        return finding.mark in self.by_mark and not self._of_elsewhere(finding)

    def names_owner(self, finding: Finding) -> bool:
        """Whether an item of this subscription that owns the element `finding` is about is the cloud
        service its message names (`Finding.names`)."""
        services = _services_named(finding)
        owners = self._owners_of(finding.mark) if services else ()
        return any(draft.name.casefold() in services for draft in owners)

    def _of_elsewhere(self, finding: Finding) -> bool:
        # Asked of every finding, and nearly every estate holds no other subscription's records.
        elsewhere = self.elsewhere
        return bool(elsewhere) and (finding.mark, finding.resource_type, finding.resource_name) in elsewhere

    def owners(self, finding: Finding) -> list[_Draft]:
        if finding.resource_type in _ABOUT_THE_FILE or self._of_elsewhere(finding):
            # About the script itself (its classic calls, the order of its steps) or the file (it does not
            # parse), not about what it deploys, though it points at a call or a line in it: the file's own
            # item holds it. So does one about another subscription's network: none of this one's items,
            # not even the one item that owns the rest of the file, is about it.
            return []
        owners = self._owners_of(finding.mark)
        if owners:
            return _about_storage(_named(owners, finding), finding) if len(owners) > 1 else owners
        in_file = self.by_path.get(finding.mark.path, -1)
        return [self.drafts[in_file]] if in_file >= 0 and finding.resource_type not in _STANDING_APART else []


# What a storage account's Validate reports on: the account, its disks and images, and the names that point
# at them. A finding about anything else (a VM's deployment outside a network, its endpoint's ACL) is not
# the account's, though the statement that creates the VM creates its disk in the account too.
_STORAGE_KINDS = frozenset({"StorageAccount", "Disk", "Image", "Reference"})


def _about_storage(owners: list[_Draft], finding: Finding) -> list[_Draft]:
    """`owners` less the storage accounts, where `finding` is about something else that another of them
    (the VM's cloud service or network) holds: one finding is counted once, on the item it is about; the
    account's row says it comes after that item instead (`ScopeItem.after`)."""
    if finding.resource_type in _STORAGE_KINDS:
        return owners
    others = [draft for draft in owners if draft.scope is not ScopeKind.STORAGE]
    return others or owners


def _named(owners: list[_Draft], finding: Finding) -> list[_Draft]:
    """Of the items of one kind that own one element (a statement that creates a service and its VM on
    each turn of a loop, a project's definition two services are deployed from), those the finding is
    about: the cloud service its message names (`Finding.names`: one finding per service, each counted
    once), else the item of its name, or the one that migrates the VM, role or disk of its name; all of
    them when none is. Items of different kinds each keep it (a disk counts against its network and its
    storage account). A network that holds only other services than the one named does not: two services
    deployed from one project share its definition's marks, and each may be in a network of its own."""
    wanted = finding.resource_name.casefold()
    services = _services_named(finding)
    kept = []
    for scope in dict.fromkeys(draft.scope for draft in owners):
        same = [draft for draft in owners if draft.scope is scope]
        if services:
            same = [draft for draft in same if not draft.services or not services.isdisjoint(draft.services)]
        kept += (
            [draft for draft in same if draft.name.casefold() in services]
            or [draft for draft in same if wanted in draft.names()]
            or same
        )
    return kept


# The fields of a cloud service that `_Draft.own_placed` takes in part: its deployments, the configurations
# they are made of, and the placement of each configuration (`configured`, the deployments' source), which
# is no part of the whole service.
_PLACED_APART = frozenset({"placements", "configurations", "configured", "definition"})


def _services_named(finding: Finding) -> frozenset[str]:
    """The cloud services a finding's message names (`Finding.names`), by `key`."""
    return frozenset(key(name) for kind, name in finding.names if kind == "cloud service")


def _undeployed(definition: ServiceDefinition | None, placements: Sequence[Placement]) -> tuple[object, ...]:
    """What of a service's `definition` its `placements` do not hold already: its own mark, and the roles
    none of them deploys. A deployed role is the definition's own, or its copy as a configuration deploys
    it (`model.configured_role`, which keeps the role's mark and every other, but the subnets it replaces):
    walking the definition's roles again through each copy was half of the values the summary walked."""
    if definition is None:
        return ()
    deployed = {id(role.mark) for placement in placements for role in placement.roles}
    return (definition.mark, *(r for r in definition.roles if id(r.mark) not in deployed or r.subnets))


@cache
def _field_names(type_: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(type_))


@cache
def _whole_service_fields(kind: type) -> Callable[[Any], tuple[Any, ...]]:
    """The fields of a cloud service (of type `kind`) that may hold a mark (`_walked_fields`) but those
    `own_placed` takes in part, read in one call: its name and the other texts are not walked."""
    return _reader([name for name in _walked_fields(kind) if name not in _PLACED_APART])


def _parts(kind: type) -> Callable[[Any], Iterable[Any]] | None:
    """What `_collect_marks` walks in a value of type `kind`: a sequence's items, a record's fields that
    may hold a mark (`_walked_fields`, read in one call), nothing (None) in anything else (text, numbers,
    enums)."""
    if issubclass(kind, (tuple, list)):
        return _itself
    if not dataclasses.is_dataclass(kind):
        return None
    walked = _walked_fields(kind)
    return _reader(walked) if walked else None


def _walked_fields(kind: type) -> list[str]:
    """The public fields of `kind`, a dataclass, whose annotations say they may hold a mark."""
    names = [name for name in _field_names(kind) if not name.startswith("_")]
    try:
        hints = _field_hints(kind)
    except NameError:  # an annotation only the type checker resolves: walk every field
        hints = dict.fromkeys(names, Any)
    return [name for name in names if _may_hold_mark(hints[name])]


def _reader(names: Sequence[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The values of the fields `names` (one or more) of a record, read in one call."""
    if len(names) > 1:
        return attrgetter(*names)
    one = attrgetter(names[0])

    def field_of(value: Any) -> tuple[Any]:
        return (one(value),)

    return field_of


def _field_hints(kind: type) -> dict[str, object]:
    """The annotations of the fields of `kind`, a dataclass, as `typing.get_type_hints` resolves them (in
    the module of the class that declares each, then in that class), each annotation's text compiled once
    a run: the records share a few dozen (`str`, `Mark`, `tuple[Role, ...]`), and `get_type_hints` compiled
    each of every class again, most of what walking a type for the first time cost."""
    hints: dict[str, object] = {}
    for base in reversed(kind.__mro__):
        annotations = inspect.get_annotations(base)  # its own, not inherited
        if not annotations:
            continue
        module = vars(sys.modules[base.__module__])
        namespace = dict(vars(base))
        for name, annotation in annotations.items():
            text = annotation if isinstance(annotation, str) else None
            hints[name] = eval(_compiled(text), namespace, module) if text is not None else annotation
    return hints


@cache
def _compiled(annotation: str) -> types.CodeType:
    return compile(annotation, "<annotation>", "eval")


def _itself(value: Iterable[Any]) -> Iterable[Any]:
    return value


def _may_hold_mark(hint: object) -> bool:
    """Whether a value annotated `hint` may be, or lead through records and tuples to, a `Mark`."""
    if hint is Any or hint is object:
        return True
    origin = typing.get_origin(hint)
    if origin is None:
        return isinstance(hint, type) and (hint is Mark or dataclasses.is_dataclass(hint))
    if origin in (tuple, list) or origin is typing.Union or origin is types.UnionType:
        return any(_may_hold_mark(arg) for arg in typing.get_args(hint) if arg is not Ellipsis)
    return False  # frozensets, dicts and literals are not walked


_PARTS: dict[type, Callable[[Any], Iterable[Any]] | None] = {}
_PATH = attrgetter("path")
_PATH_LINE = attrgetter("path", "line")


def _collect_marks(obj: object, out: list[Mark], files: Container[str]) -> None:
    """Every `Mark` reachable from `obj` through dataclass fields and tuples, but those of a configuration
    in none of `files`: a `ServiceConfiguration` is read from one .cscfg file and holds marks of that file
    only, and at 4,000 files those of files no finding points into were two fifths of the walk. A loop over a stack with
    each type's parts looked up once, which leaves out what is false (None, an empty tuple, "") as it
    takes it off the stack: the estate holds a quarter of a million values at 4,000 files, and a record is
    never false. Parts are put on the stack as they are: a filter made for each tuple and record to leave
    out the false ones was a fifth of the walk."""
    stack: list[Any] = [obj]
    pop, push, found = stack.pop, stack.extend, out.append
    while stack:
        value = pop()
        if not value:
            continue
        kind = type(value)
        if kind in MARK_KINDS:  # a mark, or one shown elsewhere, equal to it
            found(value)
        elif kind is tuple or kind is list:  # a third of the values: walked without a call
            push(value)
        else:
            if kind is ServiceConfiguration and value.mark.path not in files:
                continue
            try:
                parts = _PARTS[kind]
            except KeyError:
                parts = _PARTS[kind] = _parts(kind)
            if parts is not None:
                push(parts(value))


# --- the items of each scope -------------------------------------------------------------------------


def _drafts(estate: Estate) -> Iterator[_Draft]:
    """The items of `estate`, each scope's in `ScopeKind` order. A storage account that may hold disks the
    files do not show comes after every item that moves VMs, as the plan orders its step."""
    movers: dict[int, object] = {}  # by identity: a subject's hash walks all it holds
    every_mover: tuple[object, ...] = ()  # shared by the accounts that wait on all of them: no copy each
    listed = every_disk_listed(estate) is not None
    for draft in _drafted(estate):
        if draft.scope is ScopeKind.STORAGE and (
            draft.type == "StorageAccount" and _may_hold_unseen(draft, listed)
        ):
            if len(every_mover) != len(movers):
                every_mover = tuple(movers.values())
            if draft.after:  # what moves its own VMs first, then the others
                own = {id(subject) for subject in draft.after}
                draft.after = (*draft.after, *(m for m in every_mover if id(m) not in own))
            else:
                draft.after = every_mover
        elif _moves_vms(draft):
            movers.setdefault(id(draft.subject), draft.subject)
        yield draft


def _may_hold_unseen(draft: _Draft, every_disk_listed: bool) -> bool:
    """Whether a storage account's item may hold disks the files do not show: one they show no disk or
    image in (`Estate.standalone_storage_accounts`), but where they list every disk of the subscription
    (`estate.every_disk_listed`), or one with disks of VMs no file describes."""
    m = draft.migrates
    if m.get("os_disks_of") or m.get("data_disk_of"):  # a VM's account no file states: after that VM
        return False
    return bool(m.get("vms_first")) or not (m["disks"] or m["images"] or every_disk_listed)


def _moves_vms(draft: _Draft) -> bool:
    """Whether the item moves VMs: a network whose cloud services hold some, or such a cloud service."""
    if draft.type == "VirtualNetwork":
        return any(s["vms"] for s in draft.migrates["cloud_services"])
    return draft.type == "CloudService" and bool(draft.migrates["vms"])


def _drafted(estate: Estate, described: bool = True) -> Iterator[_Draft]:
    """The items of `estate`, with what each owns; with what the summary says of them unless `described`
    is False (`checked_at` asks only which items own what: where services come from, which are partly
    described or in networks no file defines, what migrates before an account and the accounts that own
    nothing were a tenth of what it made)."""
    yield from _circuit_drafts(estate)
    reserved = _ReservedIps(estate)
    inside: dict[str, list[object]] = defaultdict(list)
    for record in estate.records_in_networks():
        inside[key(record.vnet)].append(record)
    unplaced = _unplaced(estate)
    shown = _shown_names(estate) if described else {}
    configurations = _Configurations()
    elsewhere = {id(network) for network in linked_from_elsewhere(estate)}
    connections = _connections_by_network(estate)
    circuits = _circuits_by_network(estate)
    for network in estate.virtual_networks:
        if id(network) in elsewhere:
            continue  # another subscription's
        # What scripts do to its gateway (a circuit link, a VPN beside ExpressRoute, a connection left
        # down), the states of its gateway's connections, and what sits in it or links to it (Application
        # Gateways, services, peerings, circuit links), is the network's too.
        scripted = estate.scripted_gateway(network.name)
        gateway = scripted is not None
        draft = _network_draft(network, reserved, configurations, unplaced, gateway, shown, described)
        draft.own(scripted, *connections.get(id(network), ()))
        draft.after = tuple(circuits.get(id(network), ()))
        yield draft.own(inside.get(key(network.name), ()))
    unnamed = in_unnamed_networks(estate) if described else frozenset()
    for service in estate.cloud_services:
        if service.virtual_network_refs:
            continue  # listed with its network
        if not service.roles and not service.placements:
            continue  # no deployment the files describe (the local emulator's configuration alone), as in the plan
        if service.roles:
            scope = ScopeKind.WEB_WORKER
        else:
            scope = ScopeKind.NO_VNET if service.network_known else ScopeKind.NETWORK_NOT_STATED
        draft = _Draft(
            scope,
            service.listed_name,
            "CloudService",
            partial(_service_contents, service),
            service,
            services=(key(service.name),),
        )
        draft.origin = shown.get(id(service), "")
        draft.partly_described = described and (service.partly_described or service.imports_unseen_export)
        draft.network_undefined = id(service) in unnamed
        # As a network holds it, all its deployments with all its configurations: the placement of each
        # configuration (`configured`) is made of those, and nearly always is one of the deployments, walked
        # twice when the service was walked whole.
        draft.own_placed(service, service.placements, service.configurations)
        yield draft.own(*reserved.of(service))
    for extended in estate.extended_support:
        service = extended.service
        draft = _Draft(
            ScopeKind.EXTENDED_SUPPORT,
            service.name,
            EXTENDED_SUPPORT,
            _contents(service.placements),
            extended,
        )
        yield draft.own(service)
    placeholders = _placeholder_origins((*estate.storage_accounts, *estate.standalone_storage_accounts()))
    # An account no file states that holds a VM's OS disk is the one of that name that holds the data
    # disks a script leaves to it too (the subscription's current account): one row, as the plan's step.
    unstated = {key(a.name): a for a in unstated_disk_accounts(estate)} if described else {}
    for account in estate.storage_accounts:
        joined = unstated.pop(key(account.name), None)
        contents = partial(_account_contents, estate, account, joined)
        draft = _Draft(ScopeKind.STORAGE, account.name, "StorageAccount", contents, account)
        draft.origin = placeholders.get(id(account), "")
        draft.after = _moved_before(estate, account, joined) if described else ()
        # An account a script names by a value it does not state (`-MediaLocation $blob`) is as undecided as
        # one no file places: which account it is, and what else it holds, the files do not say. Not one a
        # file names by a placeholder of its own (`'[MY STORAGE ACCOUNT]'`), which its user knows to fill in,
        # as the plan's step takes it (`plan._unnamed`).
        draft.unstated = is_stand_in(account.name, "StorageAccount") and not is_placeholder(
            account.name, "StorageAccount"
        )
        yield draft.own(account)
    if described:  # what only the summary shows (`checked_at` asks which item holds a finding)
        yield from _unstated_account_drafts(estate, unstated.values())
    for standalone in estate.standalone_storage_accounts():
        empty: dict[str, object] = {"disks": [], "images": []}
        draft = _Draft(ScopeKind.STORAGE, standalone.name, "StorageAccount", empty, standalone)
        draft.origin = placeholders.get(id(standalone), "")
        yield draft.own(standalone)
    for ip in estate.reserved_ips_of_undescribed_services():
        bound = {"address": ip.address, "service": _bound_service(ip)}
        yield _Draft(ScopeKind.RESERVED_FOR_UNDESCRIBED, ip.name, "ReservedIP", bound, ip).own(ip)
    yield from _unattached_drafts(estate, reserved)


def _placeholder_origins(accounts: Iterable[object]) -> dict[int, str]:
    """The file of each storage account named by a placeholder another file writes too (`'[MY STORAGE
    ACCOUNT]'`, each file's own: `estate.file_own`), relative to the folder theirs are in (`estate.apart`), by
    `id()`: its row says it after the name, as the plan's step does."""
    by_name: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for account in accounts:
        name, mark = getattr(account, "name", ""), getattr(account, "mark", None)
        if mark is not None and is_placeholder(name, "StorageAccount"):
            by_name[key(name)].append((id(account), mark.path))
    found: dict[int, str] = {}
    for alike in by_name.values():
        if len({path for _, path in alike}) > 1:
            paths = [path for _, path in alike]
            found.update((at, where) for (at, _), where in zip(alike, estate_apart(paths), strict=True))
    return found


def _account_contents(
    estate: Estate, account: StorageAccount, joined: UnstatedAccount | None = None
) -> dict[str, object]:
    """What the item of a storage account the files place migrates: with the OS disks of the VMs of the
    unstated account of its name it is (`joined`)."""
    migrates: dict[str, object] = {
        "disks": [_disk_described(estate, d) for d in account.disks],
        "images": [i.name for i in account.images],
        **({"looped": looped} if (looped := estate.looped_disks(account)) else {}),
        **({"os_disks_of": [vm.name for _, vm in joined.vms]} if joined is not None else {}),
    }
    vms_first = estate.vms_elsewhere(account)
    if vms_first:  # VMs of its disks that no file describes, which migrate before it
        # Names ("" for a VM a file describes without naming it), then in the same order each one's
        # description where it has no name, its cloud service and deployment ("" where none is stated).
        migrates["vms_first"] = [vm.name for vm in vms_first]
        migrates["vms_first_described"] = [vm.description for vm in vms_first]
        migrates["vms_first_services"] = [vm.service for vm in vms_first]
        migrates["vms_first_deployments"] = [vm.deployment for vm in vms_first]
    return migrates


def _disk_described(estate: Estate, disk: Disk) -> str:
    """A disk as an account's item lists it: by its name, else (a VM created with a blob and no disk name:
    the platform names it) in words, as `vms_first_described` says a VM no file names: the OS or data disk
    of the VM it is attached to, else the blob it is at, else where a file makes it."""
    if disk.name:
        return disk.name
    which = "data disk" if disk.data or disk.lun else "OS disk"
    vms = estate.vms_of(disk)
    if vms:
        return f"<{which} of VM {vms[0][1].name}>"
    if disk.attached_to:
        return f"<{which} of VM {disk.attached_to}>"
    if disk.blob_name:
        return f"<disk at blob {disk.blob_name}>"
    return f"<disk, {disk.mark.path.rsplit('/', 1)[-1]}:{disk.mark.line}>"


def _unstated_account_drafts(estate: Estate, accounts: Iterable[UnstatedAccount]) -> Iterator[_Draft]:
    """The storage account of each created VM's disks that no file states (`estate.UnstatedAccount`): not
    decided, after what moves the VM. It owns no mark: what is found on the VM is its cloud service's."""
    for account in accounts:
        vms = [vm.name for _, vm in account.vms]
        held = "data_disk_of" if account.data_disk is not None else "os_disks_of"
        # the new data disks the platform puts there with the OS disks (`UnstatedAccount.data_disks`)
        disks = [_disk_described(estate, disk) for disk in account.data_disks]
        migrates: dict[str, object] = {"disks": disks, "images": [], held: vms}
        draft = _Draft(ScopeKind.STORAGE, account.name, "StorageAccount", migrates, account)
        draft.after = _moving(estate, [service for service, _ in account.vms])
        draft.unstated = True
        yield draft


def _moved_before(
    estate: Estate, account: StorageAccount, joined: UnstatedAccount | None = None
) -> tuple[object, ...]:
    """What moves the VMs the account's disks are attached to, once each: the networks their deployments
    are in, or their cloud service when it is in none (as the plan orders the account's step after theirs);
    and the VMs whose OS disks it holds where it is the unstated account of its name (`joined`)."""
    services = [service for disk in account.disks for service, _ in estate.vms_of(disk)]
    return _moving(estate, [*services, *(service for service, _ in (joined.vms if joined else ()))])


def _moving(estate: Estate, services: Iterable[CloudService]) -> tuple[object, ...]:
    """What moves the VMs of `services`, once each: the networks they are in, else the service itself."""
    before: dict[int, object] = {}
    for service in services:
        networks = [estate.network_named_at(ref) for ref in service.virtual_network_refs]
        subjects: list[object] = [n for n in networks if n is not None] or [service]
        for subject in subjects:
            before.setdefault(id(subject), subject)
    return tuple(before.values())


def _connections_by_network(estate: Estate) -> dict[int, list[ConnectionState]]:
    """By network (`id`), the states of gateway connections the repository ties to it (a script's
    disconnection names it; an export's file name or the one gateway connected to its site says it, see
    `Estate.network_of_connection`): a finding about one counts against the network."""
    found: dict[int, list[ConnectionState]] = defaultdict(list)
    for connection in estate.resources(ConnectionState):
        network = estate.network_of_connection(connection)
        if network is not None:
            found[id(network)].append(connection)
    return found


def _circuits_by_network(estate: Estate) -> dict[int, list[Circuit]]:
    """The circuits each network (by `id`) is linked to: the plan moves them first, and the network's step
    waits on each that is not ready, so its row says so (`ScopeItem.after`)."""
    found: dict[int, list[Circuit]] = defaultdict(list)
    for circuit in estate.circuits():
        for network in circuit.networks:
            found[id(network)].append(circuit)
    return found


def _circuit_drafts(estate: Estate) -> Iterator[_Draft]:
    """The ExpressRoute circuits the plan moves before the networks linked to them (`Estate.circuits`),
    named as its steps name them, each with the link authorizations that are its (and their findings)."""
    for circuit in estate.circuits():
        migrates: dict[str, object] = {"networks": [network.name for network in circuit.networks]}
        draft = _Draft(ScopeKind.CIRCUITS, circuit_name(circuit), CIRCUIT, migrates, circuit)
        # Its step moves it by its service key: one the files state, or one a script finds by its name.
        found_by_name = circuit.named_by and not circuit.service_keys
        draft.unstated = len(circuit.service_keys) != 1 and not found_by_name
        yield draft.own(*circuit.authorizations)


def circuit_name(circuit: Circuit) -> str:
    """How the readiness summary and the plan's step name a circuit: by the one service key the files link
    its networks with, else by the networks it is linked to. Not by the local network site its networks'
    connections name (`Circuit.name`), which is not the circuit."""
    if len(circuit.service_keys) == 1:
        return circuit.service_keys[0][0]
    if circuit.named_by and not circuit.service_keys:  # a script creates it or finds it: its own name
        return circuit.name
    return f"<circuit linked to {', '.join(n.name for n in circuit.networks)}>"


def _bound_service(ip: ReservedIp | ClassicReservedIp) -> str:
    """The cloud service a reserved IP is bound to, as a declaration or an export names it ("" for none)."""
    return ip.service_name if isinstance(ip, ReservedIp) else ip.service


def _elsewhere(estate: Estate) -> frozenset[tuple[Mark, str, str]]:
    """What tells the findings about records of other subscriptions' networks from those about this
    subscription's records: position, resource type and name, as `Rule.finding` states them. Those are the
    records `records_in_networks` leaves out, and the authorization links of networks `linked_from_elsewhere`
    finds."""
    inventory = estate.inventory
    mine = records_in_networks(inventory)
    kept = {id(record) for record in mine}
    # The records that may name a network's subscription.
    every: tuple[ServiceInVnet | VnetPeering, ...] = (*inventory.services_in_vnets, *inventory.peerings)
    theirs = {(r.mark, r.kind, r.name) for r in every if r.vnet and id(r) not in kept}
    elsewhere = {key(network.name) for network in linked_from_elsewhere(estate)}
    theirs.update((a.mark, a.kind, a.name) for a in inventory.link_authorizations if key(a.vnet) in elsewhere)
    ours = {(r.mark, r.kind, r.name) for r in mine if key(r.vnet) not in elsewhere}
    return frozenset(theirs - ours)


def linked_from_elsewhere(estate: Estate) -> list[Network]:
    """The networks that only ExpressRoute link authorizations name (declared ones name the network linked
    through them): an authorization lets other subscriptions' networks link to a circuit, and nothing
    shows this one in this subscription (no file defines it, places a service in it or links its gateway,
    no other record sits in it or links to it). It is validated and migrated in its own subscription."""
    authorized = {key(a.vnet) for a in estate.inventory.link_authorizations if a.vnet and a.in_use}
    if not authorized:
        return []
    shown = {key(r.vnet) for r in estate.records_in_networks() if r.kind != LinkAuthorization.kind}
    return [
        network
        for network in estate.virtual_networks
        if key(network.name) in authorized - shown
        and not (network.defined or network.members or estate.scripted_gateway(network.name))
    ]


def _contents(placements: Iterable[Placement]) -> dict[str, object]:
    """The VMs and web/worker roles of a service's `placements`, each name once; and, where a script
    creates some of the VMs in a loop over a list it does not write out (`Role.looped_over`), those lists
    by VM: such a VM stands for one or more. The VMs of a load-balanced set a change names without naming
    them, where the files do not show them (`Placement.listed_vms`), are `vm_sets`: no number of VMs."""
    placements = tuple(placements)
    listed = unique_by_name(vm for p in placements for vm in p.listed_vms)
    vms = [vm for vm in listed if not vm.stands_for_set]
    sets = [vm.name for vm in listed if vm.stands_for_set]
    roles = unique_by_name(r for p in placements for r in p.web_worker_roles)
    unsorted = unique_by_name(r for p in placements for r in p.unsorted_roles)
    looped = {vm.name: vm.looped_over for vm in vms if vm.looped_over}
    return {
        "vms": [vm.name for vm in vms],
        **({"vm_sets": sets} if sets else {}),
        "roles": [r.name for r in roles],
        **({"roles_of_unsaid_kind": [r.name for r in unsorted]} if unsorted else {}),
        **({"looped": looped} if looped else {}),
    }


def _service_contents(service: CloudService) -> dict[str, object]:
    """What the item of a cloud service outside any network migrates."""
    return {
        **_contents(service.placements),
        **_migration_state(service.placements),
        **_looped_service(service),
    }


def _looped_service(service: CloudService) -> dict[str, object]:
    """`{"looped_service": "$vmList"}` for a service a script creates in each round of a loop over a list
    it does not write out, named by the loop's item (`CloudService.looped_over`): it stands for one service
    per item, 1 or more; `"looped_changes_only": true` too where the loop only changes VMs it queries
    (`CloudService.looped_changes_only`). Nothing for any other."""
    if not service.looped_over:
        return {}
    changed = {"looped_changes_only": True} if service.looped_changes_only else {}
    return {"looped_service": service.looped_over, **changed}


def _migration_state(placements: Iterable[Placement]) -> dict[str, object]:
    """`{"migration_state": "Prepared"}` when an export gives the VMs of `placements` a migration state
    (Get-AzureVM's `VM.MigrationState`), that of the first; nothing when none has one. Prepared: Validate
    and Prepare have run, Commit or Abort is next, and the plan's step says so."""
    for placement in placements:
        for vm in (*placement.vms, *placement.unsorted_roles):  # a locked deployment's roles say it too
            if vm.migration_state is not None:
                return {"migration_state": vm.migration_state.name}
    return {}


def _unplaced(estate: Estate) -> dict[int, list[Placement]]:
    """By service (`id`), the deployments whose network the files do not state (a script's `add_role` to a
    deployment an export shows in a network) of each service placed in one network: they are in that
    one, as the plan counts them. A service placed in several networks leaves them in none."""
    found: dict[int, list[Placement]] = {}
    for service in estate.cloud_services:
        # Most services have none: their networks are not looked at then.
        loose = [p for p in service.placements if not p.network_known and p.virtual_network is None]
        if loose and len({key(ref.name) for ref in service.virtual_network_refs}) == 1:
            found[id(service)] = loose
    return found


def _shown_names(estate: Estate) -> dict[int, str]:
    """Where each cloud service comes from whose listed name another's is too, by `id()` (the plan's steps
    say the same): items of one name told apart wherever the summary lists them."""
    return origins(estate.cloud_services, lambda service: service.listed_name)


def _network_draft(
    network: Network,
    reserved: _ReservedIps,
    configurations: _Configurations,
    unplaced: dict[int, list[Placement]],
    scripted_gateway: bool,
    shown: Mapping[int, str],
    described: bool = True,
) -> _Draft:
    placed: dict[int, tuple[CloudService, list[Placement]]] = {}
    for service, placement in network.members:
        entry = placed.get(id(service))
        if entry is None:
            entry = placed[id(service)] = (service, list(unplaced.get(id(service), ())))
        entry[1].append(placement)
    state = _migration_state(p for _, here in placed.values() for p in here) if described else {}

    def migrates() -> dict[str, object]:
        return {
            "defined": network.defined,
            "subnets": [s.name for s in network.subnets],
            "gateway": network.gateway is not None or scripted_gateway,
            "cloud_services": [
                {**_listed(s, shown), **_contents(here), **_looped_service(s)} for s, here in placed.values()
            ],
            **state,
        }

    draft = _Draft(ScopeKind.IN_VNET, network.name, "VirtualNetwork", migrates, network)
    # A network in a migration already has passed Validate: what its definition holds is decided then.
    draft.network_undefined = not (network.defined or state.get("migration_state"))
    # The network's own marks, the sites and DNS servers it uses, and every service placed in it: of a
    # service, its deployments here, with their configurations and reserved IPs.
    draft.own(network.definitions, network.local_sites, network.dns_servers)
    draft.services = tuple(key(service.name) for service, _ in placed.values())
    for service, here in placed.values():
        draft.own_placed(service, here, configurations.of(service, here))
        draft.own(*reserved.of(service, here))
        # Validate of the network takes in every VM of its services, those no file describes too.
        draft.partly_described |= described and any(
            p.may_hold_undescribed_vms or p.imports_unseen_export for p in here
        )
    return draft


def _listed(service: CloudService, shown: Mapping[int, str]) -> dict[str, str]:
    """How a network's list names a service: its listed name, and where it comes from when that is not
    unique, after the name in brackets and on its own (`origin`), which the summary's row shows beside
    what the service moves."""
    origin = shown.get(id(service))
    if not origin:
        return {"name": service.listed_name}
    return {"name": f"{service.listed_name} ({origin})", "origin": origin}


class _Configurations:
    """The service configurations of each cloud service by the deployment made of each (a placement is
    marked where its configuration is), and those no deployment is made of (the local emulator's, which is
    never deployed): the whole service's, as its definition is. Indexed once per service."""

    def __init__(self) -> None:
        self._of: dict[int, tuple[dict[Mark, ServiceConfiguration], list[ServiceConfiguration]]] = {}

    def of(self, service: CloudService, placements: Iterable[Placement]) -> list[ServiceConfiguration]:
        """The configurations that go with `placements` of `service`."""
        known = self._of.get(id(service))
        if known is None:
            # Each mark hashed once here: a mark's hash is a call of its own, and every service pays these.
            deployed = {placement.mark for placement in service.placements}
            made_of: dict[Mark, ServiceConfiguration] = {}
            undeployed: list[ServiceConfiguration] = []
            for c in service.configurations:
                if c.mark in deployed:
                    made_of[c.mark] = c
                else:
                    undeployed.append(c)
            known = (made_of, undeployed)
            # Kept for a service in more than one network only, which is asked again for each: one entry
            # for each of 13,000 services was a fifth of the summary's memory at 40,000 files.
            if len(service.virtual_network_refs) > 1:
                self._of[id(service)] = known
        made_of, undeployed = known
        made = (made_of.get(p.mark) for p in placements)
        return [*undeployed, *(c for c in made if c is not None)]


class _ReservedIps:
    """Declared reserved IPs by the name deployments use and by the service they say they belong to. A
    name a pipeline token writes joins only its own file's (`join_key`)."""

    def __init__(self, estate: Estate) -> None:
        self.by_name: dict[str, ReservedIp] = {join_key(ip.name, ip.mark): ip for ip in estate.reserved_ips}
        self.by_service: dict[str, list[ReservedIp]] = defaultdict(list)
        self.used: set[str] = set()
        self.maybe: dict[tuple[str, str], list[ReservedIp]] = {}
        if not self.by_name:
            return  # most estates declare none: no service uses one, and none is free
        for ip in estate.reserved_ips:
            if ip.service_name:
                self.by_service[join_key(ip.service_name, ip.mark)].append(ip)
        # Those an export binds to a service whatever its slot are used too (`bound_reserved_ips`).
        self.used = {
            join_key(ref.name, ref.mark) for s in estate.cloud_services for ref in _used_by(s, s.placements)
        }
        # Those a script may have given a deployment (`maybe_vips`) go with it: its VIP, or moved on their own.
        self.maybe = {
            on: [self.by_name[k] for ip in ips if (k := join_key(ip.name, ip.mark)) in self.by_name]
            for on, ips in estate.maybe_vips().items()
        }

    def of(self, service: CloudService, placements: Iterable[Placement] | None = None) -> list[ReservedIp]:
        """The reserved IPs a service uses or is associated with: they migrate with it. Of its deployments
        in one network (`placements`), those they use, those an export binds to the service whatever its
        slot, and those associated with the service; of all of them when None."""
        if not self.by_name:
            return []
        placements = service.placements if placements is None else placements
        found = {
            k: self.by_name[k]
            for ref in _used_by(service, placements)
            if (k := join_key(ref.name, ref.mark)) in self.by_name
        }
        # Most estates declare no IP for a service, and no script leaves one's VIP open: no name keyed then.
        for ip in self.by_service.get(join_key(service.name, service.mark), ()) if self.by_service else ():
            found.setdefault(join_key(ip.name, ip.mark), ip)
        for placement in placements if self.maybe else ():
            for ip in self.maybe.get((key(service.name), key(placement.name)), ()):
                found.setdefault(join_key(ip.name, ip.mark), ip)
        return list(found.values())

    def free(self) -> list[ReservedIp]:
        maybe = {join_key(ip.name, ip.mark) for ips in self.maybe.values() for ip in ips}
        return [ip for k, ip in self.by_name.items() if not ip.service_name and k not in self.used | maybe]


def _used_by(service: CloudService, placements: Iterable[Placement]) -> Iterator[NameRef]:
    """The reserved IPs `placements` of `service` name, then those an export binds to the service, not to
    one of its deployments (`CloudService.bound_reserved_ips`)."""
    yield from (ref for p in placements for ref in p.reserved_ips)
    yield from service.bound_reserved_ips


def _unattached_drafts(estate: Estate, reserved: _ReservedIps) -> Iterator[_Draft]:
    # An NSG or route table associated with a subnet is cloned with its network (the deep dive); only a
    # REST body of the networks says which are, so the others are validated on their own, as the
    # platform does for unattached resources.
    subnets = [s for network in estate.virtual_networks for s in network.subnets]
    groups = {key(s.security_group) for s in subnets if s.security_group}
    # One an export says a VM uses, or a file sets on a VM, is cloned with the VM.
    groups |= {
        key(vm.security_group.name)
        for service in estate.cloud_services
        for vm in service.vms
        if vm.security_group is not None
    }
    groups |= {
        key(g.name)
        for g in estate.network_security_groups
        if estate.inventory.security_group_use(g.name) == "vms"
    }
    tables = {key(s.route_table) for s in subnets if s.route_table}
    templates = template_names(estate)
    for group in estate.network_security_groups:
        if key(group.name) not in groups:
            unknown = estate.inventory.security_group_use(group.name) == "unknown"
            migrates = {"attachment": "unknown", **_stated_in(templates, group.mark)} if unknown else {}
            yield _Draft(ScopeKind.UNATTACHED, group.name, "NetworkSecurityGroup", migrates, group).own(group)
    yield from _named_drafts((t for t in estate.route_tables if key(t.name) not in tables), "RouteTable")
    free: list[ReservedIp | ClassicReservedIp] = [*reserved.free(), *estate.exported_free_ips()]
    for ip in free:
        migrates = {"address": ip.address, **_attachment(ip, templates)}
        yield _Draft(ScopeKind.UNATTACHED, ip.name, "ReservedIP", migrates, ip).own(ip)


def _attachment(ip: ReservedIp | ClassicReservedIp, templates: Mapping[str, str]) -> dict[str, str]:
    """What an export leaves open of whether the reserved IP is attached (`attachment_unknown`), as the
    plan's step says it: "in use" (by what it does not name as a cloud service), "unknown" (it does not say
    whether anything uses it); nothing when it is known to be free. Such a one may be a deployment's VIP."""
    if not isinstance(ip, ClassicReservedIp) or not ip.attachment_unknown:
        return {}
    return {"attachment": "in use" if ip.in_use else "unknown", **_stated_in(templates, ip.mark)}


def _stated_in(templates: Mapping[str, str], mark: Mark) -> dict[str, str]:
    """Where a resource whose use is left open is declared, when that is a deployment template rather than
    an export (`stated_by`), as `"stated_by"`; nothing for an export's row."""
    by = stated_by(templates, mark)
    return {} if by == EXPORT else {"stated_by": by}


# What a resource read from an inventory export's row is said to be written by.
EXPORT = "the export"


def template_names(estate: Estate) -> dict[str, str]:
    """What messages call each deployment template (ARM, Bicep, Terraform azapi) of the estate that declares
    classic resources (`ARM template 'azuredeploy.json'`), by its path: looked up once, not per resource."""
    names: dict[str, str] = {}
    for script in estate.resources(Script):
        if script.written_in in TEMPLATE_LANGUAGES and script.called:
            names.setdefault(script.mark.path, script.called)
    return names


def stated_by(templates: Mapping[str, str], mark: Mark) -> str:
    """What writes the classic resource recorded at `mark`, as advice names it: the deployment template of
    `templates` (`template_names`) that declares it, whose resources are read as an export's rows are, else
    the export. A template declares what it deploys, not what else uses it: the words that say an export
    leaves the use of a resource open are due to it as well, of it."""
    return templates.get(mark.path, EXPORT)


def _named_drafts(resources: Iterable[object], type_: str) -> Iterator[_Draft]:
    for resource in resources:
        name: str = resource.name  # type: ignore[attr-defined]
        yield _Draft(ScopeKind.UNATTACHED, name, type_, {}, resource).own(resource)
