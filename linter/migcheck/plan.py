"""`migcheck plan`: the migration the platform's process implies, as ordered steps, built from the linked
estates and the readiness summary (the same findings `check` reports, grouped by scope).

One step per thing the platform migrates on its own: an ExpressRoute circuit, a virtual network with every
cloud service in it, a cloud service of VMs outside any network, a storage account, an unattached reserved
IP, network security group or route table; and, without commands of its own, a reserved IP bound to a
cloud service no file describes (it moves with that service: its step says what to check). Order, as the
documents require: circuits before the networks that use them; a storage account only after every step
holding a VM with a disk in it; everything else may run in parallel. Each step says what moves, what it becomes in Resource Manager, what it costs in
downtime, what blocks it (the error findings of its scope), and the commands for Validate → Prepare →
(check) → Commit, or Abort, after what the platform requires first (an ExpressRoute network's emptied
ConnectionsToLocalNetwork). Each subscription starts with its preamble: select it, register the migration
provider. Findings about no step are the subscription's: its errors are blockers outside the steps, its
warnings notes outside the steps, said before the first step when their advice is for before migrating.
Findings held back from `check`'s report (by a suppression comment, the config or the baseline) are in the
plan too, marked so: the platform refuses the migration all the same.

This module only arranges: it derives no finding and resolves no name (the estate did both).
"""

from __future__ import annotations

import bisect
import enum
import ipaddress
import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any

from migcheck import clouds
from migcheck.automation import TEMPLATE_LANGUAGES, TERRAFORM_LANGUAGE, VPN_SITE_EVIDENCE, deploys_packages
from migcheck.config import in_settings_file
from migcheck.estate import (
    UNNAMED_BY_ROLE,
    UnstatedAccount,
    VmElsewhere,
    apart,
    disk_to_look_up,
    every_disk_listed,
    is_pipeline_token,
    join_key,
    key,
    named,
    origins,
    owner_of,
    placement_subnets,
    portal_short_name,
    region_key,
    region_name,
    unstated_disk_accounts,
)
from migcheck.inventory_model import ClassicReservedIp
from migcheck.model import (
    NEVER_RUNS,
    ClassicCall,
    DiskPlace,
    Finding,
    Script,
    ServiceCertificate,
    ServiceRegion,
    Severity,
    cannot_name,
    is_package_roles,
    is_placeholder,
    is_region_stand_in,
    is_stand_in,
    is_unnamed_role,
    local_site_stand_in,
    may_be_prepared,
    says_where,
)
from migcheck.quoting import ps_quoted, sh_quoted
from migcheck.report.readiness import (
    EXPORT,
    ScopeItem,
    ScopeKind,
    ScopeSummary,
    circuit_name,
    linked_from_elsewhere,
    readiness,
    refused,
    stated_by,
    template_names,
)
from migcheck.report.text import plural
from migcheck.retirements import (
    BASIC_SKU,
    CLASSIC_STORAGE,
    CLASSIC_STORAGE_READ_ONLY,
    CLOUD_SERVICES_CLASSIC,
    EXTENDED_SUPPORT_DEPRECATED,
    EXTENDED_SUPPORT_RETIRES,
    LEGACY_GATEWAY_SKUS,
    VMS_DEALLOCATED,
    VMS_START_ONLY_MIGRATED,
    VPN_GATEWAY_SKU,
)
from migcheck.rule import MAX_FINDINGS_PER_FILE, UNREADABLE, Scope, Stage, capped, is_more_findings, listed
from migcheck.rules.cloud_services import _carried, _endpoints, _internal
from migcheck.rules.networking import check_unstated_gateway, created_words, unstated_gateway
from migcheck.rules.reach import ipv4_networks
from migcheck.stand_in_files import files_apart
from migcheck.suppress import BASELINE, CONFIG

if TYPE_CHECKING:
    from migcheck.engine import LintResult
    from migcheck.estate import (
        BoundReservedIp,
        Circuit,
        CloudService,
        ConfigurationApart,
        Estate,
        Network,
        Placement,
        StorageAccount,
    )
    from migcheck.inventory_model import LinkAuthorization
    from migcheck.model import (
        Disk,
        InternalLoadBalancer,
        LocalNetworkSite,
        Mark,
        NameRef,
        ReservedIp,
        Role,
        VnetGatewayFact,
    )
    from migcheck.report.unread import UnreadParts
    from migcheck.rules.reach import Reach
    from migcheck.suppress import Reason

# Dates the advice rests on (say them: the platform's retirements are why the plan exists).
RETIREMENTS = (
    f"{VMS_DEALLOCATED}: no classic VM can be created any more. A deallocated VM keeps its disks but its "
    "cloud service loses its VIP unless that is a reserved IP; whether the platform still migrates it is "
    f"Validate's answer, and {VMS_START_ONLY_MIGRATED}.",
    f"Cloud Services (classic) was retired on {CLOUD_SERVICES_CLASSIC}. Cloud Services (extended support) "
    f"was deprecated on {EXTENDED_SUPPORT_DEPRECATED} and retires on {EXTENDED_SUPPORT_RETIRES}: it is not a "
    "destination.",
    f"Classic storage accounts were retired on {CLASSIC_STORAGE}: since {CLASSIC_STORAGE_READ_ONLY} their "
    "classic management API only reads, and Microsoft moves the remaining ones to Resource Manager itself. "
    "A storage account step may find its account moved already; its data stays available throughout.",
    f"Basic SKU public IP addresses and Basic load balancers were retired on {BASIC_SKU}. A migrated VIP, "
    "reserved IP or gateway address becomes a Basic public IP (a VIP behind a Basic load balancer): upgrade "
    "them to Standard SKU right after Commit, and a VPN gateway's legacy SKU (retired on "
    f"{LEGACY_GATEWAY_SKUS}) to {VPN_GATEWAY_SKU}.",
)

# The Basic SKU notice where the migration may make a public IP, or not: the files hold VMs of which it makes
# none they show (no reserved IP, gateway, VM's own public IP or input endpoint), but do not list every input
# endpoint of them, and a VIP is migrated, as a Basic public IP, only with an input endpoint on it.
BASIC_SKU_IF_ENDPOINTS = (
    f"Basic SKU public IP addresses and Basic load balancers were retired on {BASIC_SKU}. The migration makes "
    "a Basic public IP of a cloud service's VIP only when an input endpoint is on it (and of a VM's own public "
    "IP): the files do not list every endpoint of the VMs, so if any has one, upgrade its public IP and load "
    "balancer to Standard SKU right after Commit."
)


class StepKind(str, enum.Enum):
    CIRCUIT = "ExpressRoute circuit"
    NETWORK = "Virtual network"
    SERVICE = "Cloud service (VMs not in a virtual network)"
    STORAGE = "Storage account"
    UNATTACHED = "Unattached resource"
    RESERVED_FOR_UNDESCRIBED = "Reserved IP of a cloud service the files do not describe"
    WEB_WORKER = "Cloud service with web/worker roles (not migrated by this process)"
    UNKNOWN_NETWORK = "Cloud service whose virtual network is not known"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Commands:
    """What to run, in PowerShell (the classic `Azure` module's Move-* cmdlets) and in the Azure CLI's
    classic (asm) mode."""

    validate: tuple[str, ...]
    prepare: tuple[str, ...]
    check: tuple[str, ...]
    commit: tuple[str, ...]
    abort: tuple[str, ...]
    before: tuple[str, ...] = ()  # what the platform requires done before Validate (ExpressRoute networks)


@dataclass(frozen=True, slots=True)
class Member:
    """A cloud service a step moves, as a picture of the plan draws it inside the step: how messages name
    it, and the names of its VMs and of its web/worker roles."""

    label: str
    vms: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


class Note(str):
    """A step's note, as `Step.notes` gives it (and `--format json`'s `notes`). A note said of warnings knows
    more: the first of them with its position (`finding`), its words without the position and the mark
    of a held-back finding the text may carry (`said`: a format puts them before it, as it does a
    blocker's), and how many more it stands for (`more`). Other notes are plain strings."""

    finding: Finding
    said: str
    more: int

    def __new__(cls, text: str, finding: Finding, said: str, more: int = 0) -> Note:
        note = super().__new__(cls, text)
        note.finding, note.said, note.more = finding, said, more
        return note


class Blockers(tuple[Finding, ...]):
    """A step's blockers, every one, with those a plan lists (`listed`): all of them, unless a rule has more
    than `MAX_FINDINGS_PER_FILE` in one file; then the first of those, and one finding in place of the
    rest that says how many it stands for. As `check` caps its report, so that what the plan writes stays
    proportional to what it read, not to what the files repeat; the step's count says them all."""

    listed: tuple[Finding, ...]

    def __new__(cls, findings: Iterable[Finding]) -> Blockers:
        blockers = super().__new__(cls, findings)
        blockers.listed = _listed(blockers)
        return blockers


def listed_blockers(blockers: Sequence[Finding]) -> Sequence[Finding]:
    """The blockers a plan lists of `blockers` (`Blockers.listed`)."""
    return blockers.listed if isinstance(blockers, Blockers) else _listed(blockers)


def _listed(blockers: Sequence[Finding]) -> tuple[Finding, ...]:
    listed, rest = capped(blockers)
    if not rest:
        return tuple(blockers)
    more = Counter((f.mark.path, f.code) for f in rest)
    return tuple(
        replace(f, message=_more_blockers(f.code, more[f.mark.path, f.code], MAX_FINDINGS_PER_FILE), fix="")
        if is_more_findings(f)
        else f
        for f in listed
    )


def _more_blockers(code: str, more: int, cap: int) -> str:
    return (
        f"{more:,} more {code} blockers in this file are not listed: the plan lists at most {cap} of one "
        "rule per file. Fix those listed and run migcheck again."
    )


def migration_words(step: Step) -> str:
    """A step's verdict when the files say its migration has started: `prepared already: Commit or Abort
    next`; "" for a step they say nothing of."""
    if step.prepared:
        return "prepared already: Commit or Abort next"
    if may_be_prepared(step.migration_state):
        return "may be prepared already: an export says its deployment is locked"
    return f"migration under way (MigrationState {step.migration_state})" if step.migration_state else ""


def held_words(reason: Reason | None) -> str:
    """How the plan marks a finding `check` holds back: `suppressed: <the comment's reason>`, `in the
    baseline`; "" for one it reports."""
    if reason is None:
        return ""
    if reason.kind == BASELINE:
        return "in the baseline"
    if reason.kind == CONFIG:
        return f"suppressed by per-file-ignores '{reason.detail}'"
    return f"suppressed: {reason.detail}" if reason.detail else "suppressed by a comment"


@dataclass(frozen=True, slots=True)
class Step:
    id: str  # stable, for references between steps and for tooling: "network:prod-vnet"
    kind: StepKind
    name: str
    wave: int  # steps of one wave have no dependency on each other and may run in parallel
    after: tuple[str, ...]  # ids of the steps that must be committed first
    moves: tuple[str, ...]
    becomes: tuple[str, ...]
    downtime: str
    blockers: tuple[Finding, ...]
    notes: tuple[str, ...] = ()  # text; a `Note` where it is said of warnings
    powershell: Commands | None = None
    cli: Commands | None = None
    members: tuple[Member, ...] = ()  # the cloud services it moves, with their VMs and roles
    # The migration state an export gives its VMs (`Prepared`: Validate and Prepare have run); "" for none.
    migration_state: str = ""
    # A cloud service it moves may have VMs no file describes (`CloudService.partly_described`): nothing the
    # files show blocks it, but whether Validate passes it is not decided, so it is not ready.
    partly_described: bool = False
    # A network no file defines (`Network.defined`): its definition may hold what blocks it (its gateway's
    # connections, MIG301/MIG302; other cloud services in it), so whether Validate passes it is not decided.
    network_undefined: bool = False
    # A network whose every description leaves its subnets out (an export's row that states its address
    # space alone, `ScopeItem.subnets_unstated`): what its subnets hold is not known, so whether Validate
    # passes it is not decided, as the readiness summary says.
    subnets_unstated: bool = False
    # A VM it moves is created from an Export-AzureVM file the files checked lack
    # (`CloudService.imports_unseen_export`): what blocks that VM is not known, so it is not ready either.
    unseen_export: bool = False
    # A cloud service whose virtual network the files do not state (`StepKind.UNKNOWN_NETWORK`): which
    # network's migration moves it, if any, is not known, nor whether Validate passes it there.
    network_unknown: bool = False
    # What the step moves is named by a stand-in (`<cloud service name, deploy.py:12>`, `<reserved IP name,
    # ip.py:132>`, see `_unnamed`; a circuit's `<service key>`): no command of the step runs as written until
    # it is filled in. What is to fill in, in words (`cloud service's name`, `circuit's service key`), "" for
    # a step whose names are stated.
    name_unstated: str = ""
    # The numbers (from 1, as the formats number the steps) of the steps it comes after that are not ready:
    # it cannot start before they are unblocked and committed, so it is not ready either, blockers or none.
    waits_on: tuple[int, ...] = ()

    @property
    def ready(self) -> bool:
        return not (self._held_up_by_itself or self.waits_on)

    @property
    def only_waits(self) -> bool:
        """Whether the step is not ready only because steps before it are not: nothing of its own (no
        blocker, nothing to decide or fill in) keeps it back, so it is ready once they are committed."""
        return bool(self.waits_on) and not self._held_up_by_itself

    @property
    def _held_up_by_itself(self) -> bool:
        return bool(
            self.blockers
            or self.partly_described
            or self.network_undefined
            or self.subnets_unstated
            or self.network_unknown
            or self.unseen_export
            or self.name_unstated
        )

    @property
    def prepared(self) -> bool:
        """Whether the files say the step is prepared already: Commit or Abort is what it has left."""
        return self.migration_state.casefold() == "prepared"

    @property
    def migrated(self) -> bool:
        """Whether this process migrates what the step is about: web/worker roles it never does, so their
        step is in no wave: it comes after the steps of every wave, but for those that wait for it
        (`wave` means nothing for it)."""
        return self.kind is not StepKind.WEB_WORKER


@dataclass(frozen=True, slots=True)
class Preamble:
    """What to run once in a subscription before its first step: select it, and register the migration
    resource provider there (the Move-* cmdlets and the classic CLI's migration commands need it)."""

    subscription_id: str  # as the files state it; "" when they do not
    powershell: tuple[str, ...]
    cli: tuple[str, ...]
    # Where no inventory export states the id and the scripts select several: each id with where a script
    # first selects it (`a.ps1:3`), in file order, for whoever fills the id in to choose from.
    selected_apart: tuple[str, ...] = ()
    # The cloud to sign in to (`AzureChinaCloud`, `AzureUSGovernment`), where the files work in one other
    # than Azure's global cloud and in no other; "" otherwise.
    cloud: str = ""
    # Where the files work in several clouds: each with where it is first said (`a.py:3`), in file order,
    # for whoever signs in to choose from.
    clouds_apart: tuple[str, ...] = ()
    # The one name the scripts select the subscription by, where the files state no id; "" otherwise.
    subscription_name: str = ""
    # The files that select it by `subscription_name` (scripts, Visual Studio publish profiles), for step 0
    # to say which; not in the JSON plan, which gives the name alone.
    subscription_named_in: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OtherNote:
    """Warnings about no step, folded as a step folds its own: one note per rule and advice. `finding` is
    the first of them, with its position; `more` counts the others, and `files` names the first few of
    their files, unless they are all in the first's, which its position names (`more_files` counts the
    rest)."""

    finding: Finding
    message: str  # the first finding's message, without the advice `fix` gives
    fix: str  # the findings' shared fix, or the rule's own advice when each finding has a fix of its own
    before_steps: bool  # the advice is for before migrating: the plan says it before the first step
    more: int = 0
    files: tuple[str, ...] = ()
    more_files: int = 0


@dataclass(frozen=True, slots=True)
class ApartNote:
    """A deployed configuration set apart (`estate.ConfigurationApart`), as the JSON plan gives it, with the
    note the plan says of it."""

    path: str
    line: int
    column: int
    service: str
    network: str
    others: tuple[str, ...]
    other_networks: tuple[str, ...]
    note: str


@dataclass(frozen=True, slots=True)
class SubscriptionPlan:
    subscription: str
    steps: tuple[Step, ...]
    # Errors about no step: a runbook's order, an authorization of a circuit the files do not show... The
    # platform, or the migration as scripted, still fails on them, so the plan lists them too.
    other_blockers: tuple[Finding, ...] = ()
    preamble: Preamble | None = None
    # Warnings about no step: a Defender plan to set to Free, role assignments and alerts to recreate,
    # scripts to rewrite. They block nothing, but the migration goes wrong, or its aftermath does, without them.
    other_notes: tuple[OtherNote, ...] = ()
    # Why `check` holds back a finding the plan shows (a blocker, or the first of a note), by `_finding_key`.
    held: Mapping[tuple[str, object, str], Reason] = field(default_factory=dict)
    # The rules whose problems the platform finds only at Prepare (`Rule.found_at`): Validate passes on them.
    prepare_only: frozenset[str] = frozenset()
    # The rules of scripts that manage the resources (`Scope.AUTOMATION`): their blockers are in what a script
    # does (a runbook's order), which the script's run fails on, not the plan's steps.
    in_scripts: frozenset[str] = frozenset()
    # The files migcheck could not read (MIG001): not something the platform refuses, but what they describe
    # is missing from the steps, so the plan is not whole until they are fixed.
    unread: tuple[Finding, ...] = ()
    # What the subscription's scripts migrate by a name they state (`cloud service 'shop'`), in file order:
    # what a plan without steps says it lacks a description of (a migration runbook checked on its own).
    migrated: tuple[str, ...] = ()
    # Those of `migrated` that no file checked describes, though others are planned (a runbook beside a
    # script that creates something else): a plan with steps says them as a note outside the steps.
    undescribed: tuple[str, ...] = ()
    # The deployed configurations set apart for a network only they name, which no file defines
    # (`Estate.configurations_apart`), each with the note the plan says of it outside the steps.
    configurations_apart: tuple[ApartNote, ...] = ()
    # The classic resources the subscription's exports name without their properties (`az resource list`),
    # as `cloud service 'web1'`, in file order: what a plan without steps says it could not check (MIG001).
    unchecked: tuple[str, ...] = ()
    # Those the exports name with properties that state nothing the rules read (`{}`, a `provisioningState`
    # alone: `UncheckedResource.empty`): unchecked as well, though not for want of the properties themselves.
    stating_nothing: tuple[str, ...] = ()
    # The parts of the subscription's scripts the parser could not read (`Script.unread`), by file: what they
    # state (a VM, an endpoint, a name) may be missing from the steps, which no finding says.
    unread_parts: tuple[UnreadParts, ...] = ()
    # The folder the subscription is named after when no setting names it (`Estate.folder`); "" otherwise.
    folder: str = ""

    def held_back(self, finding: Finding) -> Reason | None:
        """Why `check` does not report `finding` (a suppression comment, the config, the baseline); None
        when it does."""
        return self.held.get(_finding_key(finding))


@dataclass(frozen=True, slots=True)
class Plan:
    subscriptions: tuple[SubscriptionPlan, ...]
    retirements: tuple[str, ...] = RETIREMENTS
    rules_run: int = 0  # the rules that graded the steps, of `rules_total`
    rules_total: int = 0
    rules_left_out: tuple[str, ...] = ()  # the codes of the rules that did not grade them

    @property
    def steps(self) -> Iterator[Step]:
        return (step for s in self.subscriptions for step in s.steps)

    @property
    def partial(self) -> bool:
        """Whether --select, --ignore or the config left rules out: "ready" then means only that the
        rules that ran found no blocker."""
        return self.rules_run < self.rules_total

    @property
    def graded_by(self) -> str:
        """`checked by 1 of 43 rules`, for a plan that not every rule graded."""
        return f"checked by {self.rules_run} of {self.rules_total} rule{'s' if self.rules_total != 1 else ''}"


@dataclass(frozen=True, slots=True)
class Overview:
    """What a subscription's plan comes to, said before its first step: how many steps it has, how many are
    ready, and why the others are not, each counted once, by its first reason (its own blockers; a name to
    fill in; not decided; only waiting on steps before it that are not ready), and where to start. Step
    numbers are from 1, as the formats number the steps."""

    steps: int = 0
    ready: int = 0
    with_blockers: int = 0
    name_unstated: int = 0
    not_decided: int = 0
    waiting: int = 0  # nothing of their own keeps them back: only steps before them that are not ready
    not_migrated: int = 0  # web/worker roles: this process never migrates them
    # The ready steps to run first: those of the earliest wave any ready step is in.
    start_with: tuple[int, ...] = ()
    # Of the steps not ready for a reason of their own (none they wait on), those the most steps wait on,
    # directly or through steps that wait on it (`waited_by` of them, each), to fix first; when nothing waits on any and nothing is ready, those of
    # the earliest wave. Empty when nothing waits on them and some step is ready.
    fix_first: tuple[int, ...] = ()
    waited_by: int = 0
    # The blockers about no step (`SubscriptionPlan.other_blockers`: a runbook's order, a file the estate
    # does not model): the migration fails on them all the same.
    outside_blockers: int = 0
    # Of them, those that hold up the steps, fixed before any step: all but those in what a script does
    # (a runbook's order, MIG602: `SubscriptionPlan.in_scripts`), which only the script's own run fails on.
    outside_holding_steps: int = 0


def overview(steps: Sequence[Step], outside_blockers: int = 0, outside_holding_steps: int = 0) -> Overview:
    """The overview of a subscription's steps (`Overview`), in one pass over them and their `waits_on`,
    with the count of its blockers outside the steps."""
    counts: Counter[str] = Counter()
    waited = _waited_by(steps)
    for step in steps:
        counts[_overview_reason(step)] += 1
    numbered = list(enumerate(steps, 1))
    ready = [(n, step) for n, step in numbered if step.migrated and step.ready]
    first = min((step.wave for _, step in ready), default=0)
    own = [(n, step) for n, step in numbered if step.migrated and not step.ready and not step.waits_on]
    most = max((waited[n] for n, _ in own), default=0)
    fix_first = [n for n, _ in own if waited[n] == most] if most else []
    if not ready and not fix_first and own:
        earliest = min(step.wave for _, step in own)
        fix_first = [n for n, step in own if step.wave == earliest]
    return Overview(
        steps=len(steps),
        ready=counts["ready"],
        with_blockers=counts["with_blockers"],
        name_unstated=counts["name_unstated"],
        not_decided=counts["not_decided"],
        waiting=counts["waiting"],
        not_migrated=counts["not_migrated"],
        start_with=tuple(n for n, step in ready if step.wave == first),
        fix_first=tuple(fix_first),
        waited_by=most,
        outside_blockers=outside_blockers,
        outside_holding_steps=outside_holding_steps,
    )


def _waited_by(steps: Sequence[Step]) -> Counter[int]:
    """How many steps wait on each step not ready for a reason of its own (none it waits on), directly or
    through steps that wait on it: a storage account that waits on a network that waits on its circuit
    waits on the circuit too. One pass in run order (a step waits only on steps before it), each step
    carrying the set of those steps it waits on. Steps that share one `waits_on` tuple (by identity: every
    storage account no disk is in waits on the same steps that move VMs) share that set, found once, and
    are counted once with how many they are: each finding and counting it for itself cost accounts times
    steps of VMs."""
    behind: dict[int, frozenset[int]] = {}  # by step number: the steps of their own it waits on
    shared: dict[int, frozenset[int]] = {}  # by the id of a `waits_on` tuple: the same, for every step of it
    sharing: Counter[int] = Counter()  # by the id of a `waits_on` tuple: how many steps have it
    for n, step in enumerate(steps, 1):
        if not step.waits_on:
            continue
        key = id(step.waits_on)
        if key not in shared:
            own: set[int] = set()
            for before in step.waits_on:
                own.update(behind.get(before) or (before,))
            shared[key] = frozenset(own)
        behind[n] = shared[key]
        sharing[key] += 1
    waited: Counter[int] = Counter()
    for key, count in sharing.items():
        for before in shared[key]:
            waited[before] += count
    return waited


def _overview_reason(step: Step) -> str:
    """Which count of the overview a step is in: `ready`, or the first reason it is not."""
    if not step.migrated:
        return "not_migrated"
    if step.ready:
        return "ready"
    if step.blockers:
        return "with_blockers"
    if step.name_unstated:
        return "name_unstated"
    if (
        step.partly_described
        or step.network_undefined
        or step.subnets_unstated
        or step.network_unknown
        or step.unseen_export
    ):
        return "not_decided"
    return "waiting"


def build_plan(result: LintResult) -> Plan:
    from migcheck.report import location

    summaries = {s.subscription: s for s in readiness(result)}
    advice = {rule.code: rule.fix_hint for rule in result.rules}
    prepare_only = frozenset(rule.code for rule in result.rules if rule.found_at is Stage.PREPARE)
    in_scripts = frozenset(rule.code for rule in result.rules if rule.scope is Scope.AUTOMATION)

    def locate(finding: Finding) -> Finding:
        return finding if finding.location else replace(finding, location=location(finding, result))

    return Plan(
        tuple(
            replace(
                _subscription_plan(
                    e, summaries[e.subscription].scopes, locate, advice, result.settings_source
                ),
                prepare_only=prepare_only,
                in_scripts=in_scripts,
                migrated=_migrated_by_scripts(e),
                undescribed=_migrated_by_scripts(e, _described(e)),
                configurations_apart=tuple(_apart_note(apart) for apart in e.configurations_apart),
                unchecked=_unchecked_in_exports(e),
                stating_nothing=_unchecked_in_exports(e, empty=True),
                unread_parts=_unread_parts(e),
            )
            for e in result.estates
        ),
        retirements=_retirements(result.estates),
        rules_run=len(result.enabled),
        rules_total=len(result.rules),
        rules_left_out=tuple(sorted(r.code for r in result.rules if r.code not in result.enabled)),
    )


# How a plan names the scope of a migration step (`MigrationStep.scope`).
_SCOPE_WORDS = {"reserved-ip": "reserved IP"}


def _migrated_by_scripts(estate: Estate, described: Mapping[str, set[str]] | None = None) -> tuple[str, ...]:
    """Each resource the estate's scripts migrate (Move-Azure*, `azure ... prepare-migration`) by a name
    they state, once, as `cloud service 'shop'`: not a stand-in for a name given at run time. Given what the
    files describe (`_described`), only those they do not."""
    from migcheck.model import Script

    named: dict[tuple[str, str], str] = {}
    for script in estate.resources(Script):
        for step in script.migration:
            if not step.target or is_stand_in(step.target):
                continue
            if described is not None and key(step.target) in described.get(step.scope, ()):
                continue
            scope = _SCOPE_WORDS.get(step.scope, step.scope.replace("-", " "))
            named.setdefault((step.scope, step.target.casefold()), f"{scope} '{step.target}'")
    return tuple(named.values())


def _described(estate: Estate) -> dict[str, set[str]]:
    """The names (by `key`) of what the files describe, by the scope a migration step names it in
    (`MigrationStep.scope`): the linked resources and the exported ones, a network the files only name
    included (the plan has a step for it)."""
    inventory = estate.inventory
    return {
        "cloud-service": {key(s.name) for s in estate.cloud_services}
        | {key(vm.service) for vm in inventory.vms}
        | {key(r.service) for r in inventory.reserved_ips if r.service},
        "virtual-network": {key(n.name) for n in estate.virtual_networks}
        | {key(n.name) for n in inventory.networks},
        "storage-account": {key(a.name) for a in estate.storage_accounts}
        | {key(a.name) for a in inventory.storage_accounts},
        "reserved-ip": {key(ip.name) for ip in estate.reserved_ips}
        | {key(ip.name) for ip in inventory.reserved_ips},
        "network-security-group": {key(g.name) for g in estate.network_security_groups}
        | {key(g.name) for g in inventory.network_security_groups},
        "route-table": {key(t.name) for t in estate.route_tables},
    }


def _apart_note(apart: ConfigurationApart) -> ApartNote:
    """What the plan says of a configuration set apart: which configurations disagree, that no step moves
    the network only it names, and what to add if that network is classic after all."""
    others = [posixpath.basename(mark.path) for mark in apart.others]
    placed = [f"in '{n}'" if n else "in no virtual network" for n in apart.other_networks]
    said = " and ".join(f"{name} places it {where}" for name, where in zip(others, placed, strict=True))
    network = apart.network.name
    note = (
        f"{apart.mark.path}:{apart.mark.line} places {apart.service} in virtual network '{network}', which no "
        f"file checked defines nor anything else names, while {said}: two deployable configurations of one "
        "service that disagree on its network. No step moves "
        f"'{network}': a configuration for Cloud Services (extended support) names a Resource Manager network, "
        "which this migration does not move, and the files do not say the service is deployed with this one. "
        f"If it is, in a classic network, export the network configuration (Get-AzureVNetConfig -ExportToFile "
        f"<path>.netcfg) and add it to the files checked to plan its step."
    )
    return ApartNote(
        apart.mark.path,
        apart.mark.line,
        apart.mark.column,
        apart.service,
        network,
        tuple(mark.path for mark in apart.others),
        apart.other_networks,
        note,
    )


def _unread_parts(estate: Estate) -> tuple[UnreadParts, ...]:
    """The parts of the estate's scripts the parser could not read, by file."""
    from migcheck.model import Script
    from migcheck.report.unread import unread_parts

    return tuple(unread_parts(estate.resources(Script)))


def _unchecked_in_exports(estate: Estate, *, empty: bool = False) -> tuple[str, ...]:
    """Each classic resource the estate's exports name without what the rules read of it (their MIG001
    warning), once, as `classic VM 'web1'`: those without properties (null, or no column), or with `empty`
    those whose properties state nothing the rules read (`{}`), which the plan says in other words."""
    from migcheck.inventory_model import UncheckedResource

    named: dict[tuple[str, str], str] = {}
    for resource in estate.resources(UncheckedResource):
        if resource.classic and resource.empty is empty:
            named.setdefault((resource.type, key(resource.name)), f"{resource.noun} '{resource.name}'")
    return tuple(named.values())


def _retirements(estates: Iterable[Estate]) -> tuple[str, ...]:
    """The retirement notices about what the estates hold: classic VMs, Cloud Services (web/worker roles, or
    services on extended support), storage accounts, and what becomes a Basic SKU public IP (a VIP with an
    input endpoint on it, a VM's own public IP, a reserved IP, a gateway: `_public_ips`). A plan of
    web/worker roles only says nothing of VMs or storage; one of files that hold none of these (a virtual
    network alone, a runbook, a script) says none."""
    vms = roles = storage = False
    public: bool | None = False
    for estate in _with_exported(estates):
        services = estate.cloud_services
        vms = vms or any(s.vms for s in services) or bool(estate.inventory.vms)
        roles = roles or any(s.roles for s in services) or bool(estate.extended_support)
        # An account with no disk or image the files show (a script, template or publish profile names
        # it) is a step of the plan as well: its notice is due as much as one of disks'.
        storage = storage or bool(
            estate.storage_accounts
            or estate.inventory.storage_accounts
            or estate.standalone_storage_accounts()
        )
        found = _public_ips(estate)
        public = True if True in (public, found) else None if None in (public, found) else False
    held = (vms, roles, storage, public is True)
    notices = tuple(notice for notice, shown in zip(RETIREMENTS, held, strict=True) if shown)
    return (*notices, BASIC_SKU_IF_ENDPOINTS) if public is None else notices


def _public_ips(estate: Estate) -> bool | None:
    """Whether the migration makes a public IP (a Basic SKU one) of what the estate holds: True for a
    reserved IP, a gateway, a VM's own public IP or a VM with an input endpoint (the deep dive: a VIP "can
    only be migrated if there is an input endpoint assigned to it"); None where none of those shows but the
    files do not list every input endpoint or public IP of the VMs; False otherwise."""
    services = estate.cloud_services
    if (
        estate.reserved_ips
        or estate.inventory.reserved_ips
        or any(p.reserved_ips for s in services for p in s.placements)
        or any(n.gateway is not None for n in estate.virtual_networks)
    ):
        return True
    placed = [(p, vm) for s in services for p in s.placements for vm in p.roles if vm.is_vm]
    exported = [(None, record.role) for record in estate.inventory.vms]
    if any(vm.endpoints or vm.public_ips for _, vm in (*placed, *exported)):
        return True
    unlisted = any(p is not None and not p.endpoints_known for p, _ in placed) or any(
        _UNLISTED & vm.unknown for _, vm in (*placed, *exported)
    )
    return None if unlisted else False


_UNLISTED = frozenset({"endpoints", "public_ips"})  # `Role.unknown`'s facts that may hold a public IP


def _with_exported(estates: Iterable[Estate]) -> Iterator[Estate]:
    for estate in estates:
        yield estate
        yield from estate.exported


# --- one subscription --------------------------------------------------------------------------------


@dataclass(slots=True)
class _Builder:
    estate: Estate
    items: tuple[ScopeItem, ...]  # every item of the subscription's readiness, the files' too
    locate: Callable[[Finding], Finding]
    advice: Mapping[str, str] = field(default_factory=dict)  # each rule's own fix, by code
    held: Mapping[tuple[str, object, str], Reason] = field(default_factory=dict)  # as `SubscriptionPlan`'s
    steps: list[Step] = field(default_factory=list)
    by_subject: dict[int, ScopeItem] = field(default_factory=dict)  # by id() of the item's resource
    origins: dict[int, str] = field(default_factory=dict)  # see `estate.origins`, by the services' names
    # The same by the names the steps show (`CloudService.listed_name`): a stand-in tells its service apart.
    shown_origins: dict[int, str] = field(default_factory=dict)
    noted: set[int] = field(default_factory=set)  # id() of the resources whose step says their warnings
    # Site Recovery warnings said on a storage account's step rather than their VM's, by the account's key.
    later: dict[str, list[Finding]] = field(default_factory=dict)
    _ranges: _Ranges | None = None
    _reach: Reach | None = None
    _vms_by_mark: dict[Mark, list[Role]] | None = None
    _disk_accounts: dict[int, str] | None = None
    _blockers: dict[int, Blockers] = field(default_factory=dict)  # see `blockers`, by id() of the subject
    _defender: tuple[tuple[str, ...], bool] | None = None
    # The settings file the run reads, if any: notes name its settings as it writes them (`in_settings_file`).
    settings_source: str = ""
    # By service (`id`): how many of its deployments are in a virtual network (see `placed_in`).
    _in_networks: dict[int, int] | None = None
    _vm_networks: dict[int, list[NameRef]] | None = None  # see `networks_of`
    # By service (`id`): its deployments holding each of its VMs (see `placements_of`), and where its
    # deployments say their network is (see `service_networks`).
    _vm_placements: dict[int, dict[Role, list[Placement]]] = field(default_factory=dict)
    _service_networks: dict[int, tuple[tuple[NameRef, ...], bool]] = field(default_factory=dict)
    _authorized: dict[str, str] | None = None  # see `authorized`
    _certificates: dict[str, ServiceCertificate] | None = None  # see `first_certificate`
    _regions: dict[str, str] | None = None  # see `classic_region`
    _portal_groups: dict[str, str] | None = None  # see `_portal_groups`
    _apart: dict[tuple[str, str], str] | None = None  # see `apart`
    _namesakes: Mapping[str, str] | None = None  # see `file_apart`
    # The networks no file defines whose names are those given in the portal to networks the files define
    # (see `_portal_aliases`): by id() of each, the defined one whose step moves what they hold.
    portal_aliases: dict[int, Network] = field(default_factory=dict)
    _templates: dict[str, str] | None = None  # see `stated_by`

    def undecided_network(self, service: CloudService) -> bool:
        """Whether the readiness summary calls the service's network not decided (`estate.in_unnamed_networks`):
        the plan says of its step what the summary says of its item."""
        item = self.by_subject.get(id(service))
        return item is not None and item.network_undefined

    def __post_init__(self) -> None:
        self.by_subject = {id(item.subject): item for item in self.items if item.subject is not None}
        own_steps = [s for s in self.estate.cloud_services if not s.virtual_network_refs]
        self.origins = origins(own_steps, _id_name)  # of the name a step's id gives (`step_id`)
        self.shown_origins = origins(own_steps, lambda service: service.listed_name)

    def stated_by(self, mark: Mark) -> str:
        """What writes the resource recorded at `mark` (`readiness.stated_by`): a deployment template, by
        the words messages call it, else the export; the templates indexed when a step first asks."""
        if self._templates is None:
            self._templates = template_names(self.estate)
        return stated_by(self._templates, mark)

    @property
    def ranges(self) -> _Ranges:
        """The networks' address ranges, indexed when a gateway's connection first asks."""
        if self._ranges is None:
            self._ranges = _Ranges(self.estate.virtual_networks)
        return self._ranges

    def classic_region(self, service: CloudService) -> str:
        """The classic name of the one region the files place `service` in ("" for none or several),
        indexed when a step first asks (`_classic_regions`). None for a service no file names (named after
        its deployment, a VM or a file): a region a file states for a service of that name is another's,
        as its commands name it by a placeholder, not by that name."""
        if service_name(service) != service.name:
            return ""
        if self._regions is None:
            self._regions = _classic_regions(self.estate)
        return self._regions.get(key(service.name), "")

    def classic_network_name(self, name: str) -> str:
        """The name the classic API, and so every migration command, knows network `name` by: for one an
        export files under a resource group of its own (a network created in the Azure portal), `Group
        <resource group> <name>` (errors page: "The virtual network {virtual-network-name} doesn't exist ...
        if you created the Virtual Network in the new Azure portal. The actual Virtual Network name follows
        the pattern 'Group * <VNET name>'"); `name` for any other. The groups are indexed at the first ask."""
        group = self._exported_networks().get(key(name))
        return f"Group {group} {name}" if group and not portal_short_name(name) else name

    def network_group(self, name: str) -> str:
        """The resource group an export or a template files network `name` under ("" for none)."""
        return self._exported_networks().get(key(name), "")

    def exported_network(self, name: str) -> bool:
        """Whether an export names network `name` by its id (which says what resource group it is in)."""
        return key(name) in self._exported_networks()

    def _exported_networks(self) -> dict[str, str]:
        if self._portal_groups is None:
            self._portal_groups = _portal_groups(self.estate)
        return self._portal_groups

    def apart(self, name: str, mark: Mark) -> str:
        """Where the resource named `name` at `mark` comes from when it is named by a stand-in another
        file's reads alike (`_stand_ins_apart`), or by a placeholder another file writes too (each file's
        own: `estate.file_own`), "" for any other: what its step's id and name add."""
        if not _own_to_its_file(name):
            return ""
        if self._apart is None:
            self._apart = _stand_ins_apart(self.items)
        return self._apart.get((key(name), mark.path), "")

    def file_apart(self, mark: Mark) -> str:
        """The path of the file at `mark` relative to the folder that holds every file of its name the
        estate reads, where there are several (`estate.apart`): what a stand-in, which names the file by its
        name alone, is told apart by. "" where the file's name is its own."""
        if self._namesakes is None:
            self._namesakes = files_apart(doc.path for doc in self.estate.documents)
        return self._namesakes.get(mark.path, "")

    def file_shown(self, mark: Mark) -> str:
        """How a note names the file at `mark`: as the stand-ins name it (`stand_in_files.shown_file`), by
        its name, or by its path (`file_apart`) where another file of the estate has its name."""
        return self.file_apart(mark) or posixpath.basename(mark.path)

    def network_step_id(self, network: Network) -> str:
        """The id of the step that moves `network`: that of the defined network it is the portal name of
        (see `portal_aliases`), else its own."""
        network = self.portal_aliases.get(id(network), network)
        return _network_step_id(network, self.apart(network.name, network.mark))

    def first_certificate(self, service: CloudService) -> ServiceCertificate | None:
        """The first statement (by file and position) of a service certificate of `service`; the
        certificates are indexed by service name when a step first asks, not searched once per step."""
        if self._certificates is None:
            self._certificates = {}
            for stated in self.estate.resources(ServiceCertificate):
                key = stated.service.strip().casefold()
                known = self._certificates.get(key)
                if known is None or _in_order(stated.mark) < _in_order(known.mark):
                    self._certificates[key] = stated
        return self._certificates.get(service.name.strip().casefold())

    @property
    def reach(self) -> Reach:
        """Where the networks' gateways lead, as MIG305 works it out, indexed when a connection first asks."""
        if self._reach is None:
            from migcheck.rules.reach import Reach

            self._reach = Reach(self.estate)
        return self._reach

    def blockers(self, subject: object) -> tuple[Finding, ...]:
        """The error findings of the scope item about `subject`, reported or held back (the platform
        refuses them either way), each with its position. Found once: every step of a cloud service of
        many deployments has the service's (one tuple, not one copy per step)."""
        item = self.by_subject.get(id(subject))
        if item is None:
            return ()
        found = self._blockers.get(id(subject))
        if found is None:
            found = self._blockers[id(subject)] = Blockers(_errors(item, self.locate))
        return found

    def attention(self, subject: object) -> list[Note]:
        """Notes for the warnings of a scope, one per rule: what needs doing though it blocks nothing. Asked
        by the step of `subject` only: its warnings are then the step's, not notes outside the steps. A VM's
        Site Recovery warning waits for the step of the storage account of its disks, when there is one.
        Warnings held back from `check`'s report are noted too, marked so."""
        item = self.by_subject.get(id(subject))
        if item is None:
            return []
        self.noted.add(id(subject))
        found = []
        for finding in item.every:
            if not _noted(finding):
                continue
            account = self.disk_account(finding) if finding.code == _SITE_RECOVERY else None
            if account is None:
                found.append(finding)
            else:
                self.later.setdefault(account, []).append(finding)
        return self.notes(found)

    def notes(self, findings: Iterable[Finding]) -> list[Note]:
        """One note per rule, fix and problem, the others like the first counted. Findings are folded only
        when they share their fix: one rule may advise differently per finding (MIG208: wait for a transient
        state, recreate a VM that timed out, repair its agent); and only when they say the same of different
        resources (`_gist`): one rule's fix may cover problems of different kinds (MIG602: a Prepare with no
        Validate before it, and a storage account prepared before the VMs of its disks), each of which needs
        saying; held-back ones apart, each note marked as its findings are."""
        by_fix: dict[tuple[str, str, str, str, str], list[Finding]] = {}
        for finding in findings:
            covered = self.covered_extension(finding) or ""
            held = held_words(self.held.get(_finding_key(finding)))
            gist = "" if covered else _gist(finding.message)
            by_fix.setdefault((finding.code, finding.fix, covered, held, gist), []).append(finding)
        notes = []
        for (_, fix, covered, held, _), found in by_fix.items():
            if covered:
                said = self._covered_words(covered, found)
            else:
                more = f" (and {len(found) - 1} more like it)" if len(found) > 1 else ""
                said = f"{_without_advice(found[0].message, fix)}{more}.{f' {fix}' if fix else ''}"
            notes.append(_step_note(self.locate(found[0]), said, len(found) - 1, held))
        return notes

    def _covered_words(self, extension: str, found: list[Finding]) -> str:
        """What a note says of VMs with Defender's monitoring extension that the Defender plan's note before
        the first step covers: which VMs have it; the advice is that note's."""
        vms = [vm.name for vm in map(self.vm_of, found) if vm is not None]
        have = "has" if len(vms) == 1 else "have"
        return (
            f"VM{'s' if len(vms) != 1 else ''} {listed(vms, total=len(vms))} {have} the "
            f"Defender for Cloud monitoring extension {extension}: the note on the Defender plan before the "
            "first step says what to do."
        )

    def vm_of(self, finding: Finding) -> Role | None:
        """The VM an extension's finding is about: the one VM with an extension at its position, else the
        one of them its message names (a script writes one extension for the VMs it creates in a loop)."""
        if self._vms_by_mark is None:
            self._vms_by_mark = defaultdict(list)
            for service in self.estate.cloud_services:
                for vm in service.vms:
                    for extension in vm.installed_extensions():
                        self._vms_by_mark[extension.mark].append(vm)
        held = self._vms_by_mark.get(finding.mark, [])
        if len(held) == 1:
            return held[0]
        return next((vm for vm in held if finding.message.startswith(f"VM '{vm.name}' ")), None)

    def disk_account(self, finding: Finding) -> str | None:
        """The key of the storage account whose step the VM of `finding` waits for: the last of those holding
        its disks, in the order their steps are built; None when the plan moves no account of its disks."""
        if self._disk_accounts is None:
            self._disk_accounts = {}
            for account in self.estate.storage_accounts:
                for disk in account.disks:
                    owner = self.estate.vm_of(disk)
                    if owner is not None:
                        self._disk_accounts[id(owner[1])] = join_key(account.name, account.mark)
        vm = self.vm_of(finding)
        return self._disk_accounts.get(id(vm)) if vm is not None else None

    def covered_extension(self, finding: Finding) -> str | None:
        """For a VM's Defender monitoring extension (MIG207) that the note on the subscription's Defender plan
        covers (said before the first step, with the same advice): the extension, as the message names it
        (with why the VM's network cuts it off from on-premises, if it does), without its advice. None
        otherwise: the step's note gives the advice itself."""
        if finding.code != _DEFENDER:
            return None
        said = _MONITORED.match(finding.message)
        vm = self.vm_of(finding) if said else None
        if said is None or vm is None or not self._plan_covers(vm.name):
            return None
        extension = said.group("extension")
        cut = extension.rfind(": ")
        return (
            extension[:cut] if cut >= 0 and extension[cut + 2 :].lower().startswith("disable") else extension
        )

    def _plan_covers(self, vm: str) -> bool:
        """Whether a reported MIG207 warning about a Defender plan on Standard covers the VM: a plan of the
        subscription the files' VMs are of, or one whose message names the VM."""
        if self._defender is None:
            from migcheck.inventory_model import DefenderPlan
            from migcheck.rules.extensions import files_subscription

            every = list(self.estate.resources(DefenderPlan))
            standard = {plan.mark: plan for plan in every if plan.standard}
            found = [
                (f.message, standard[f.mark])
                for item in self.items
                for f in item.every
                if f.code == _DEFENDER and f.platform_severity is Severity.WARNING and f.mark in standard
            ]
            ours = files_subscription(self.estate, {plan.subscription for plan in every}) if found else None
            self._defender = (
                tuple(message for message, _ in found),
                any(ours is not None and plan.subscription == ours for _, plan in found),
            )
        messages, ours_covered = self._defender
        return ours_covered or any(f"'{vm}'" in message for message in messages)

    def placed_in(self, network: Network) -> list[CloudService]:
        """The cloud services placed in `network`, each as the network holds it, as the readiness summary
        counts them: a service placed in this network only whole, its deployments whose network the files
        do not state too; one placed in other networks too with only its deployments here (each
        configuration is a deployment that may be in a network of its own, with its VMs, roles and reserved
        IPs)."""
        here: dict[int, list[Placement]] = defaultdict(list)
        services: dict[int, CloudService] = {}
        for service, placement in network.members:
            services.setdefault(id(service), service)
            here[id(service)].append(placement)
        if self._in_networks is None:
            self._in_networks = {
                id(s): sum(1 for p in s.placements if p.virtual_network is not None)
                for s in self.estate.cloud_services
            }
        return [
            service
            if len(here[id(service)]) == self._in_networks.get(id(service))
            else replace(service, placements=tuple(here[id(service)]))
            for service in services.values()
        ]

    def networks_of(self, vm: Role) -> list[NameRef]:
        """Where the deployments that hold `vm` name their virtual network (none when they do not say),
        indexed on the first call."""
        if self._vm_networks is None:
            self._vm_networks = defaultdict(list)
            for service in self.estate.cloud_services:
                for placement in service.placements:
                    if placement.virtual_network is not None:
                        for held in placement.vms:
                            self._vm_networks[id(held)].append(placement.virtual_network)
        return self._vm_networks.get(id(vm), [])

    def maybe_vips(self, service: CloudService, placement: Placement) -> list[ReservedIp]:
        """The reserved IPs that may be the deployment's VIP (`model.maybe_vips`): the readiness summary
        lists them with it, not as unattached, and its step says what becomes of them either way."""
        return self.estate.maybe_vips().get((key(service.name), key(placement.name)), [])

    def placements_of(self, service: CloudService, vm: Role) -> list[Placement]:
        """The deployments of `service` that hold `vm` (or a VM equal to it), in the service's order,
        indexed once per service: asking each deployment for each disk's VM took disks times deployments."""
        index = self._vm_placements.get(id(service))
        if index is None:
            index = self._vm_placements[id(service)] = {}
            for placement in service.placements:
                for held in placement.vms:
                    holding = index.setdefault(held, [])
                    if not holding or holding[-1] is not placement:
                        holding.append(placement)
        return index.get(vm, [])

    def service_networks(self, service: CloudService) -> tuple[tuple[NameRef, ...], bool]:
        """`service.virtual_network_refs` and `service.network_known`, found once per service: each walks
        every deployment, and each disk of the service's VMs asks."""
        found = self._service_networks.get(id(service))
        if found is None:
            found = (service.virtual_network_refs, service.network_known)
            self._service_networks[id(service)] = found
        return found

    def authorized(self, network: Network) -> str | None:
        """The circuit (as named, "" when not) that an authorization link in use links `network` to, across
        subscriptions; None when none does."""
        if self._authorized is None:
            self._authorized = {}
            for authorization in self.estate.inventory.link_authorizations:
                if authorization.vnet and authorization.in_use:
                    self._authorized.setdefault(key(authorization.vnet), authorization.circuit)
        return self._authorized.get(key(network.name))

    def codes(self, subject: object) -> set[str]:
        item = self.by_subject.get(id(subject))
        return {f.code for f in item.every} if item is not None else set()

    def step_id(self, base: str, service: CloudService) -> str:
        """A step id for one of `service`'s steps: `base`, and where the service comes from when another
        service of its name has steps too (`service:web@vms/a/web.xml`)."""
        origin = self.origins.get(id(service))
        return f"{base}@{origin}" if origin else base

    def step_name(self, name: str, service: CloudService) -> str:
        origin = self.shown_origins.get(id(service))
        return f"{name} ({origin})" if origin else name


_MASKS = tuple((0xFFFFFFFF << (32 - length)) & 0xFFFFFFFF for length in range(33))


class _Ranges:
    """The virtual networks' IPv4 address ranges, indexed by block, to tell what a local network site
    stands for: a CIDR block held by a network's range is within one of its 33 possible enclosing blocks,
    so each question costs the same however many networks there are."""

    def __init__(self, networks: Iterable[Network]) -> None:
        self.blocks: dict[tuple[int, int], list[Network]] = defaultdict(list)
        for network in networks:
            for block in ipv4_networks(network.address_space):
                self.blocks[(int(block.network_address), block.prefixlen)].append(network)
        # The blocks by where they start, to find one inside a wider range (bisection), and for each the
        # next one of another network, to step over the blocks of the network that asks in one move.
        ordered = sorted(
            ((address, network) for (address, _), held in self.blocks.items() for network in held),
            key=lambda start: start[0],
        )
        self.starts = [address for address, _ in ordered]
        self.owners = [network for _, network in ordered]
        self.next_other = [len(ordered)] * len(ordered)
        for i in range(len(ordered) - 2, -1, -1):
            following = self.owners[i + 1] is not self.owners[i]
            self.next_other[i] = i + 1 if following else self.next_other[i + 1]

    def reached(self, site: LocalNetworkSite, network: Network) -> tuple[tuple[str, ...], bool]:
        """The other virtual networks whose ranges hold a range of `site`, and whether a range of the site
        is in none of them (on-premises)."""
        peers: dict[int, str] = {}
        on_premises = False
        for block in ipv4_networks(site.address_space):
            holders = [n for n in self._holding(block) if n is not network]
            peers.update((id(n), n.name) for n in holders[:1])
            on_premises = on_premises or not holders
        return tuple(peers.values()), on_premises

    def inside(self, site: LocalNetworkSite, network: Network) -> tuple[str, ...]:
        """The other virtual networks with a range inside a range of `site`: one per range of the site."""
        peers: dict[int, str] = {}
        for block in ipv4_networks(site.address_space):
            i = bisect.bisect_left(self.starts, int(block.network_address))
            if i < len(self.starts) and self.owners[i] is network:
                i = self.next_other[i]
            if i < len(self.starts) and self.starts[i] <= int(block.broadcast_address):
                peers.setdefault(id(self.owners[i]), self.owners[i].name)
        return tuple(peers.values())

    def _holding(self, block: ipaddress.IPv4Network) -> Iterator[Network]:
        address = int(block.network_address)
        for length in range(block.prefixlen + 1):
            yield from self.blocks.get((address & _MASKS[length], length), ())


def _errors(item: ScopeItem, locate: Callable[[Finding], Finding] | None = None) -> tuple[Finding, ...]:
    """What Validate refuses of the item (`refused`: its errors, and warnings of a state it refuses while
    the state lasts), reported and held back; each with its position when `locate` is given."""
    every = (*item.findings, *(s.finding for s in item.held_back))
    errors = (f for f in every if refused(f))
    return tuple(errors if locate is None else map(locate, errors))


# The names a finding's message quotes ('web01', "Standard-GRS"; not the apostrophe of "service's") and the
# numbers it counts: what two findings that say the same of different resources differ by.
_NAMED = re.compile(r"(?<!\w)'[^']*'(?!\w)|\"[^\"]*\"|\d+")


def _gist(message: str) -> str:
    """What a finding says, without the names it quotes and the numbers it counts: two findings of one rule
    and fix fold into one note only when their gists are the same, so that a note's "more like it" are the
    same problem of other resources, never another problem."""
    return _NAMED.sub("#", message)


def _without_advice(message: str, fix: str) -> str:
    """`message` without its last clause when that clause gives the advice of `fix` (it starts with the
    fix's verb, or the one after its "X, then": "...: make it a regional network before migrating" and
    "Make the virtual network regional...", "...; disable and enable replication again..." and "Migrate,
    then disable replication..."), so a note says it once, as the fix says it (with its commands)."""
    cut = max(message.rfind(": "), message.rfind("; "))
    last = message[cut + 2 :] if cut >= 0 else ""
    words = [word.strip(",.;:").lower() for word in fix.split(" ", 3)[:3]]
    leading = words[:1] + (words[2:3] if words[1:2] == ["then"] else [])
    if fix and last and last.split(" ", 1)[0].lower() in leading:
        return message[:cut]
    return message


# Rules about migcheck's own suppression comments: `check`'s business, not the migration's.
CHECK_ONLY = frozenset({"MIG005", "MIG006"})
# Rules about the files themselves, whose notes must say where: which file is stale, or unreadable.
_FILE_RULES = frozenset({"MIG001", "MIG002", "MIG003", "MIG004"})
_HERE = re.compile(r"\bhere\b", re.IGNORECASE)
_DEFENDER, _SITE_RECOVERY = "MIG207", "MIG209"
# How MIG207 names a VM's monitoring extension, and after it why its network matters, and the advice.
_MONITORED = re.compile(
    r"VM '.*?' has the Defender for Cloud monitoring extension (?P<extension>.+)", re.DOTALL
)


def _noted(finding: Finding) -> bool:
    """Whether the plan says `finding` as a note: a warning, of the migration's business (not one about a
    suppression comment), that does not stop the migration (those are blockers)."""
    platform = finding.platform_severity
    return platform is Severity.WARNING and finding.code not in CHECK_ONLY and not refused(finding)


def _step_note(first: Finding, said: str, more: int, held: str) -> Note:
    """A step's note of warnings, `said` of them after their code: its text names the first's position
    where it matters (`_position_matters`) and the mark of held-back ones."""
    marked = f", {held}" if held else ""
    where = f" at {_position(first)}" if _position_matters(first) else ""
    return Note(
        f"{first.code} (warning{marked}){where}: {said}", first, f"{first.code} (warning): {said}", more
    )


def _position_matters(finding: Finding) -> bool:
    """Whether a step's note must say where its finding is: its message points at "here", or it is about a
    file (a note in a step otherwise stands for the step's resource, and carries no position)."""
    return finding.code in _FILE_RULES or bool(_HERE.search(finding.message))


def _position(finding: Finding) -> str:
    loc = finding.location
    return f"{loc.path}:{loc.line}:{loc.column}" if loc else finding.mark.path


def _subscription_plan(
    estate: Estate,
    scopes: Iterable[ScopeSummary],
    locate: Callable[[Finding], Finding],
    advice: Mapping[str, str],
    settings_source: str = "",
) -> SubscriptionPlan:
    scopes = tuple(scopes)
    items = tuple(item for scope in scopes for item in scope.items)
    held = {_finding_key(s.finding): s.reason for item in items for s in item.held_back}
    builder = _Builder(estate, items, locate, advice, held, settings_source=settings_source)
    circuits = estate.circuits()
    builder.steps += [_circuit_step(circuit, estate) for circuit in circuits]
    # Which circuits each network waits for, found once: asking every circuit for every network took
    # networks times circuits, each a comparison of whole networks. With each circuit's step number, as
    # the formats number the steps, for the network's downtime to point at: the circuits' steps are
    # built first and are all of wave 1, and the steps are sorted by wave (stably), so they come first.
    waits: dict[int, dict[str, int]] = defaultdict(dict)
    for number, circuit in enumerate(circuits, 1):
        for network in circuit.networks:
            waits[id(network)][_circuit_step_id(circuit)] = number
    # A network only an authorization link names is another subscription's: it is migrated there.
    elsewhere = {id(network): network.name for network in linked_from_elsewhere(estate)}
    planned = [n for n in estate.virtual_networks if id(n) not in elsewhere]
    builder.portal_aliases = _portal_aliases(builder, planned)
    aliased: dict[int, list[Network]] = defaultdict(list)
    for alias in planned:
        if id(alias) in builder.portal_aliases:
            aliased[id(builder.portal_aliases[id(alias)])].append(alias)
    builder.steps += [
        _network_step(builder, n, waits[id(n)], aliased[id(n)])
        for n in planned
        if id(n) not in builder.portal_aliases
    ]
    for service in estate.cloud_services:
        builder.steps += _service_steps(builder, service)
    builder.steps += _storage_steps(builder)
    # The waves of the steps they wait on, found once: for each account, they took a pass over every step.
    waves = {step.id: step.wave for step in builder.steps}
    builder.steps = _accounts_joined(
        builder.steps,
        [_unstated_account_step(builder, a, waves) for a in unstated_disk_accounts(builder.estate)],
    )
    builder.steps += _standalone_storage_steps(builder)
    by_scope = {scope.scope: scope.items for scope in scopes}
    builder.steps += _unattached_steps(builder, by_scope.get(ScopeKind.UNATTACHED, ()))
    builder.steps += _bound_reserved_ip_steps(builder, by_scope.get(ScopeKind.RESERVED_FOR_UNDESCRIBED, ()))
    others = _place_other_errors(builder)
    _say_where_linked_from(builder, {key(name) for name in elsewhere.values()})
    notes = _other_notes(builder)
    # In the order they run, for every format alike: step numbers are the same in text, markdown, HTML and JSON.
    steps = _waiting_on_blockers(_run_order(builder.steps))
    # Nothing to select or register for a subscription whose steps run no command (web/worker roles only).
    migrates = any(step.powershell is not None for step in steps)
    preamble = _preamble(estate) if migrates else None
    unread = Blockers(f for f in others if f.code == UNREADABLE)
    others = Blockers(f for f in others if f.code != UNREADABLE)
    return SubscriptionPlan(
        estate.subscription, steps, others, preamble, notes, held, unread=unread, folder=estate.folder
    )


def _run_order(steps: Sequence[Step]) -> list[Step]:
    """The steps in the order they run: wave by wave (stable: within a wave, the order they were built in),
    then the steps in no wave (what this process never migrates: the HTML picture draws them in a last
    column), then, wave by wave, the steps that wait for one of those (a storage account holding a disk of a
    VM in a service of web/worker roles), so that a runbook read top down puts no step before one it waits
    for, and none in no wave between two steps of a wave."""
    by_wave = sorted(steps, key=lambda step: step.wave)
    behind: set[str] = set()  # the steps in no wave and those that wait for one of them, however far back
    # Whether an `after` tuple names a step of `behind`, by the tuple's id: steps that share one (every
    # storage account no disk is in comes after every step that moves VMs) share the answer, found once.
    after_behind: dict[int, bool] = {}
    for step in by_wave:  # a step's wave is after those of the steps it waits for: they are seen first
        key = id(step.after)
        if key not in after_behind:
            after_behind[key] = any(before in behind for before in step.after)
        if not step.migrated or after_behind[key]:
            behind.add(step.id)

    def place(step: Step) -> int:
        if step.id not in behind:
            return 0
        return 2 if step.migrated else 1

    return sorted(by_wave, key=place)


def _waiting_on_blockers(steps: list[Step]) -> tuple[Step, ...]:
    """The steps, a ready one that comes after a step that is not ready (`Step.waits_on`): ready as far as
    its own resources go, it cannot start until that step is unblocked and committed, so it is not ready
    either (and a step after it neither); or after a
    step of web/worker roles (a storage account holding a disk of a VM beside them), which is never
    committed, ready or not: it waits for the roles' rebuild and cut-over, and for those VMs to go. Numbered
    as the formats number the steps (`step 2`), in the order they run."""
    numbers = {step.id: n for n, step in enumerate(steps, 1)}
    not_ready: set[str] = set()  # grows as steps are seen: one after a step that waits is not ready either
    of_roles = {step.id for step in steps if not step.migrated}
    # What an `after` tuple waits on, by the tuple's id: every step it names comes before the steps that
    # have it, so steps that share one (every storage account no disk is in comes after every step that
    # moves VMs) share what it waits on, and what they say of it, found once.
    found: dict[int, tuple[tuple[int, ...], tuple[str, ...]]] = {}
    for n, step in enumerate(steps):
        key = id(step.after)
        if key not in found:
            found[key] = _waits_of(step.after, numbers, not_ready, of_roles)
        waits, notes = found[key]
        if step.ready and notes:  # one with blockers of its own says why it is not ready already
            step = replace(step, notes=(*notes, *step.notes))
        if waits:
            step = replace(step, waits_on=waits)
        steps[n] = step
        if step.migrated and not step.ready:
            not_ready.add(step.id)
    return tuple(steps)


def _waits_of(
    after: tuple[str, ...], numbers: Mapping[str, int], not_ready: set[str], of_roles: set[str]
) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """The numbers of the steps of `after` that are not ready, and what a ready step after them says of
    those and of the steps of web/worker roles among them."""
    waits = tuple(sorted(numbers[before] for before in after if before in not_ready))
    rebuilt = [numbers[before] for before in after if before in of_roles]
    return waits, (*_waits_on_blocked(waits), *_waits_on_roles(rebuilt))


def _waits_on_blocked(waits: Sequence[int]) -> tuple[str, ...]:
    """What a ready step says of the steps it waits on that are not ready (`step 1`, `steps 3-402`, ...)."""
    if not waits:
        return ()
    one = len(waits) == 1
    return (
        f"It waits on {steps_words(waits)}, which {'is' if one else 'are'} not ready: it can start only "
        f"once {'that step' if one else 'those steps'} {'is' if one else 'are'} unblocked and committed.",
    )


def _waits_on_roles(waits: Sequence[int]) -> tuple[str, ...]:
    """What a ready step says of the steps of web/worker roles it waits on (`step 2`, ...): this process
    never migrates nor commits them, and the VMs beside the roles move only once the roles are gone."""
    if not waits:
        return ()
    one = len(waits) == 1
    return (
        f"It waits on {steps_words(waits)}, {'a cloud service' if one else 'cloud services'} of web/worker roles, "
        f"which this process never migrates, so {'it is' if one else 'they are'} never committed: it can "
        "start only once those roles are rebuilt elsewhere and cut over, and the VMs of "
        f"{'that service' if one else 'those services'} are deleted or, once the roles are deleted from "
        f"{'it' if one else 'them'}, migrated (check again to plan their step).",
    )


def _and(words: list[str]) -> str:
    """`step 1`, `step 1 and step 2`, `step 1, step 2 and step 3`."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


@dataclass(frozen=True, slots=True)
class StepRun:
    """Step numbers (from 1, as the formats number the steps) said together: one (`step 4`), or three or
    more consecutive ones (`steps 3-402`)."""

    first: int
    last: int

    def __str__(self) -> str:
        return f"step {self.first}" if self.first == self.last else f"steps {self.first}-{self.last}"


def step_runs(numbers: Iterable[int]) -> list[StepRun]:
    """Step numbers in order, each run of three or more consecutive ones folded into one (`steps 3-402`),
    wherever a list of step numbers is said: a storage account that may hold disks the files do not show
    comes after every step that moves VMs, hundreds of them, which a range says in a few words. Two
    consecutive ones stay apart (`step 3, step 4`), no longer than a range."""
    ordered = sorted(set(numbers))
    runs: list[StepRun] = []
    start = 0
    for end in range(1, len(ordered) + 1):
        if end < len(ordered) and ordered[end] == ordered[end - 1] + 1:
            continue
        first, last = ordered[start], ordered[end - 1]
        runs += [StepRun(first, last)] if last - first >= 2 else [StepRun(n, n) for n in ordered[start:end]]
        start = end
    return runs


def steps_words(numbers: Iterable[int]) -> str:
    """`step 1`, `step 1 and step 2`, `step 1, steps 3-402 and step 405` (`step_runs`)."""
    return _and([str(run) for run in step_runs(numbers)])


MIGRATION_PROVIDER = "Microsoft.ClassicInfrastructureMigrate"
_GUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)


def subscription_id(estate: Estate) -> str:
    """The subscription's id where the files state it: the one an inventory export or a declaration gives
    its classic resources, else the subscription's own name when it is an id, else the one id its scripts
    select (`Estate.selected_subscriptions`); "" otherwise, several the scripts select included, and one id
    where other scripts select a subscription they do not state (a placeholder, a variable never set):
    theirs may be another."""
    for candidate in (estate.inventory.subscription, estate.subscription):
        if _GUID.fullmatch(candidate.strip()):
            return candidate.strip()
    selected = estate.selected_subscriptions
    return selected[0].id if len(selected) == 1 else ""


# How `Preamble.selected_apart` gives a selection of a subscription the script does not state.
UNSTATED_ID = "one they do not state"


def _selected_apart(estate: Estate, found: str) -> tuple[str, ...]:
    """The ids the scripts select, each with where it is first selected, when they select several (one
    they do not state among them) and the files state no id of their own (`subscription_id` is ""): the
    plan cannot tell which to migrate."""
    if found or len(estate.selected_subscriptions) < 2:
        return ()
    return tuple(
        f"{s.id or UNSTATED_ID} ({s.mark.path}:{s.mark.line})" for s in estate.selected_subscriptions
    )


def _preamble(estate: Estate) -> Preamble:
    """Select the subscription and register the migration provider in it: the platform runs no Validate
    before the provider is Registered there (registration takes a few minutes)."""
    from migcheck.subscriptions import DEFAULT_SUBSCRIPTION

    found = subscription_id(estate)
    # Where the scripts select it by one name and by no id (stated or not), step 0 selects it by that name.
    by_name = (
        estate.selected_by_name[0]
        if not found and not estate.selected_subscriptions and len(estate.selected_by_name) == 1
        else ""
    )
    # A subscription named after its folder is told by its files, not by a name no setting gives it.
    named = f"the files under {estate.folder}" if estate.folder else estate.subscription
    chosen = (
        found
        or by_name
        or (f"<subscription id of {named}>" if named != DEFAULT_SUBSCRIPTION else "<subscription id>")
    )
    az_select = "-Subscription" if by_name else "-SubscriptionId"
    classic_select = "-SubscriptionName" if by_name else "-SubscriptionId"
    regions = _regions(estate)
    cloud, clouds_apart = _cloud(estate)
    return Preamble(
        found,
        subscription_name=by_name,
        subscription_named_in=estate.selected_by_name_in[0] if by_name else (),
        selected_apart=_selected_apart(estate, found),
        cloud=cloud,
        clouds_apart=clouds_apart,
        powershell=(
            "# in the Az module, which registers providers:",
            *_signed_in(cloud, clouds_apart, "Connect-AzAccount -Environment {}", ps_quoted),
            f"Select-AzSubscription {az_select} {ps_quoted(chosen)}",
            f"Register-AzResourceProvider -ProviderNamespace {MIGRATION_PROVIDER}",
            "# wait until RegistrationState is Registered:",
            f"Get-AzResourceProvider -ProviderNamespace {MIGRATION_PROVIDER}",
            _QUOTAS,
            *(
                f"Get-AzVMUsage -Location {ps_quoted(r)}; Get-AzNetworkUsage -Location {ps_quoted(r)}"
                for r in regions
            ),
            "# in the classic Azure module, which runs the Move-Azure* cmdlets of the steps:",
            *_signed_in(cloud, clouds_apart, "Add-AzureAccount -Environment {}", ps_quoted),
            f"Select-AzureSubscription {classic_select} {ps_quoted(chosen)}",
        ),
        cli=(
            *_signed_in(cloud, clouds_apart, "azure login -e {}", sh_quoted),
            f"azure account set {sh_quoted(chosen)}",
            "azure config mode arm",
            f"azure provider register {MIGRATION_PROVIDER}",
            "# wait until it says Registered:",
            f"azure provider show {MIGRATION_PROVIDER}",
            f"{_QUOTAS} (with the Azure CLI, az):",
            *_signed_in(cloud, clouds_apart, "az cloud set -n {}; az login", sh_quoted),
            *(
                f"az vm list-usage -l {sh_quoted(r)} -o jsonc; az network list-usages -l {sh_quoted(r)} -o jsonc"
                for r in regions
            ),
            "azure config mode asm",
        ),
    )


def _cloud(estate: Estate) -> tuple[str, tuple[str, ...]]:
    """The cloud the subscription's files work in, where it is not Azure's global cloud (step 0 signs in
    to it: the global cloud holds no subscription of Azure China's or Azure Government's), and where they
    work in several, each with where it is first said."""
    said = {c.environment for c in estate.clouds}
    if len(said) > 1:
        return "", tuple(f"{c.environment} ({c.mark.path}:{c.mark.line})" for c in estate.clouds)
    return next((cloud for cloud in said if cloud != clouds.GLOBAL), ""), ()


def _signed_in(
    cloud: str, clouds_apart: tuple[str, ...], command: str, quoted: Callable[[str], str]
) -> tuple[str, ...]:
    """The sign-in to `cloud` (`command` given the environment's name), or to one of several clouds the
    files work in, left to choose; none for Azure's global cloud, where every command signs in by default."""
    if clouds_apart:
        return (command.format(quoted("<" + " or ".join(_environments(clouds_apart)) + ">")),)
    return (command.format(quoted(cloud)),) if cloud else ()


def _environments(clouds_apart: tuple[str, ...]) -> list[str]:
    return [said.split(" ", 1)[0] for said in clouds_apart]


# The platform's planning guidance: Resource Manager quotas (cores, network interfaces, public and static
# IPs, load balancers, network security groups, route tables) must have room before migration starts, and
# Validate does not check the networking ones; a quota error at Prepare means Abort, raise it, and retry.
_QUOTAS = (
    "# before the first Prepare, check the Resource Manager quotas of each region have room for what moves"
)


def _regions(estate: Estate) -> list[str]:
    """The regions the files place the subscription's networks and cloud services in (`ServiceRegion`), as
    Resource Manager names them (`West Europe` is `westeurope`), then those a script takes from whoever runs
    it, by their stand-ins (see `is_region_stand_in`); `<region>` when they name none."""
    written = {region for network in estate.virtual_networks for region in network.regions}
    written |= {location for _, location in _service_regions(estate)}
    found = {region_key(r) for r in written if region_name(r)}
    return [*sorted(found), *sorted(r for r in written if is_region_stand_in(r))] or ["<region>"]


def _finding_key(finding: Finding) -> tuple[str, object, str]:
    """What tells findings apart in a plan: one two scope items hold (a disk's, in its network and its
    account) is said once, and its position, once resolved, does not change it."""
    return finding.code, finding.mark, finding.message


def _place_other_errors(builder: _Builder) -> tuple[Finding, ...]:
    """Every error of the subscription that no step holds yet (a finding in a file the estate does not
    model, on a resource without a step of its own): on the step of the circuit it concerns, else in
    the list this returns. So the plan never calls ready what `check` fails."""
    placed = {_finding_key(f) for step in builder.steps for f in step.blockers}
    circuits = _circuit_steps(builder)
    # By where a finding about one points: its `Used` in an export, else the authorization itself.
    authorizations = {
        mark: a
        for a in builder.estate.inventory.link_authorizations
        for mark in (a.mark, a.used_mark)
        if mark
    }
    others: list[Finding] = []
    for item in builder.items:
        for finding in _errors(item):
            if _finding_key(finding) in placed:
                continue
            placed.add(_finding_key(finding))
            finding = builder.locate(finding)
            step = _circuit_step_of(builder, authorizations.get(finding.mark), circuits)
            if step is None:
                others.append(finding)
            else:
                circuit = builder.steps[step]
                builder.steps[step] = replace(circuit, blockers=(*circuit.blockers, finding))
    return tuple(sorted(others, key=Finding.sort_key))


# A rule whose warnings outside the steps carry more fixes than this (each naming its own principal, or its
# own script's calls) is said once, with the rule's own advice: a large estate's plan grows by a note per
# rule, not by a note per role assignment or script. `migcheck check` gives each finding's own fix.
_FIXES_SHOWN = 3
# What a note folding findings of many fixes adds: the findings each carry their own facts (a resource's
# new id, a script's calls), which `check` gives.
EACH_LISTED = "`migcheck check --select {code}` lists every one of them, each with its own details."
_FILES_SHOWN = 3  # the files a folded note names
# Advice for before the migration starts, as the rules word it ("Before migrating, set the plan to Free").
_BEFORE_MIGRATING = re.compile(r"\bbefore migrating\b", re.IGNORECASE)


def _other_notes(builder: _Builder) -> tuple[OtherNote, ...]:
    """Every warning of the subscription that no step says, reported or held back: one about no step's
    resource (a file's, an export's, a service of extended support's). Folded as a step folds its own, one
    note per rule and fix, in the order of their first positions; a rule with many fixes is one note."""
    said = {
        _finding_key(f) for item in builder.items if id(item.subject) in builder.noted for f in item.every
    }
    # By rule and by when their advice is for (before migrating, or after): a rule's findings of both
    # kinds (MIG501: a classic role on a whole subscription, and one on a classic VM) fold apart; and
    # those `check` holds back apart from those it reports (and by why), as the notes are marked.
    by_rule: dict[tuple[str, bool, str, str], dict[str, list[Finding]]] = {}
    kinds = _ScriptKinds(builder)
    for item in builder.items:
        if id(item.subject) in builder.noted:
            continue
        for finding in item.every:
            if not _noted(finding):
                continue  # refused ones are among the errors outside the steps (`_place_other_errors`)
            if _finding_key(finding) in said:
                continue
            said.add(_finding_key(finding))  # a finding two items own is said once
            held = held_words(builder.held.get(_finding_key(finding)))
            rule = (
                finding.code,
                _is_before_migrating(finding.fix or finding.message),
                held,
                kinds.of(finding),
            )
            by_rule.setdefault(rule, {}).setdefault(finding.fix, []).append(finding)
    notes = []
    for (code, before, _, kind), by_fix in by_rule.items():
        if len(by_fix) > _FIXES_SHOWN:
            general = _KIND_ADVICE.get(kind) or builder.advice.get(code, "")
            advice = _folded_advice(general, before, by_fix)
            by_fix = {f"{advice} {EACH_LISTED.format(code=code)}": _every(by_fix)}
            notes.append(_other_note(builder, *next(iter(by_fix.items())), before))
            continue
        # A fix's findings fold only when they say the same of different resources (`_gist`).
        for fix, found in by_fix.items():
            by_gist: dict[str, list[Finding]] = {}
            for finding in found:
                by_gist.setdefault(_gist(finding.message), []).append(finding)
            notes += [_other_note(builder, fix, alike, before) for alike in by_gist.values()]
    return tuple(sorted(notes, key=lambda note: note.finding.sort_key()))


# MIG601's advice for the files of a kind that are not scripts, which a note folding their findings gives in
# place of the rule's ("Rewrite the script..."): a Terraform configuration's state, a pipeline's steps.
_KIND_ADVICE = {
    "Terraform": (
        "Rewrite the configurations with the azurerm provider's resources. After the migration's Commit, take "
        "the classic resources out of the state (`terraform state rm`) and `terraform import` the migrated "
        "ones; until then plan no change to the classic resources, or the next `terraform apply` creates them "
        "again."
    ),
    "CI pipeline": (
        "Rewrite the pipelines' steps against Resource Manager before the resources they manage are migrated; "
        "a step that deploys a classic cloud service (the AzureCloudPowerShellDeployment@1 task, AppVeyor's "
        "AzureCS provider) fails already: rebuild its roles on another platform and deploy them with that "
        "platform's own task."
    ),
    "Ansible": "Rewrite the playbooks' tasks against Resource Manager before the resources they manage are migrated.",
    "Template": (
        "Rewrite the templates with Resource Manager's types, describing the resources in the resource groups the "
        "migration makes; deploy them only after the migration's Commit, and until then deploy no change to the "
        "classic resources."
    ),
}


class _ScriptKinds:
    """The kind of file each MIG601 finding is about, so that a note folds only findings of files of one
    kind, each with its own advice: "Terraform", "CI pipeline", "Ansible", else "" (a script)."""

    def __init__(self, builder: _Builder) -> None:
        self.builder = builder
        self.by_path: dict[str, str] | None = None  # made when a MIG601 finding first asks

    def of(self, finding: Finding) -> str:
        if finding.code != "MIG601":
            return ""
        if self.by_path is None:
            self.by_path = {s.mark.path: _script_kind(s) for s in self.builder.estate.resources(Script)}
        return self.by_path.get(finding.mark.path, "")


def _script_kind(script: Script) -> str:
    if script.written_in == TERRAFORM_LANGUAGE:
        return "Terraform"
    if script.written_in in TEMPLATE_LANGUAGES:
        return "Template"
    if script.called.startswith("CI pipeline"):
        return "CI pipeline"
    if script.called.startswith("Ansible") or (
        script.language == "Shell" and script.mark.path.lower().endswith((".yml", ".yaml"))
    ):
        return "Ansible"
    return ""


def _is_before_migrating(advice: str) -> bool:
    return bool(_BEFORE_MIGRATING.search(advice))


def _folded_advice(general: str, before: bool, by_fix: dict[str, list[Finding]]) -> str:
    """The advice of one note for the warnings of a rule with many fixes (one per principal, per script):
    the rule's own, when it is for the same time as theirs; else the first of theirs, said to stand for the
    others (`migcheck check` gives each its own)."""
    if general and _is_before_migrating(general) == before:
        return general
    first = min(by_fix.items(), key=lambda entry: min(f.sort_key() for f in entry[1]))[0]
    return f"{first} Likewise for the others."


def _every(by_fix: dict[str, list[Finding]]) -> list[Finding]:
    return [finding for found in by_fix.values() for finding in found]


def _other_note(builder: _Builder, fix: str, found: list[Finding], before: bool) -> OtherNote:
    """One note for `found`, the warnings of one rule that `fix` advises on: the first with its position,
    the others counted, with their files named when they are not all in the first's file (its position
    names that one)."""
    ordered = sorted(found, key=Finding.sort_key)
    first = builder.locate(ordered[0])
    files = list(dict.fromkeys(f.location.path if f.location else f.mark.path for f in ordered[1:]))
    own = first.location.path if first.location else first.mark.path
    files = [] if files == [own] else files
    return OtherNote(
        first,
        _without_advice(first.message, fix),
        fix,
        before_steps=before,
        more=len(ordered) - 1,
        files=tuple(files[:_FILES_SHOWN]),
        more_files=max(0, len(files) - _FILES_SHOWN),
    )


def _say_where_linked_from(builder: _Builder, elsewhere: set[str]) -> None:
    """On the step of each circuit that networks of other subscriptions (`elsewhere`, by key) are linked to
    through its authorizations, what to do in their subscriptions: they are not steps of this one."""
    if not elsewhere:
        return
    circuits = _circuit_steps(builder)
    linked: dict[int, dict[str, str]] = defaultdict(dict)  # by circuit step: each network once, by key
    for authorization in builder.estate.inventory.link_authorizations:
        if key(authorization.vnet) not in elsewhere:
            continue
        step = _circuit_step_of(builder, authorization, circuits)
        if step is not None:
            linked[step].setdefault(key(authorization.vnet), authorization.vnet)
    for step, networks in linked.items():
        circuit = builder.steps[step]
        note = _linked_from_elsewhere(list(networks.values()))
        builder.steps[step] = replace(circuit, notes=(*circuit.notes, note))


def _linked_from_elsewhere(networks: list[str]) -> str:
    names = ", ".join(f"'{name}'" for name in networks)
    one = len(networks) == 1
    return (
        f"Linked to it through authorizations from other subscriptions: virtual network{'' if one else 's'} "
        f"{names}, not migrated in this subscription. In the subscription of each, remove its link "
        "(Remove-AzureDedicatedCircuitLink -ServiceKey <key> -VNetName <network>) and migrate it there; once "
        "this circuit is in Resource Manager, link it again through an authorization of the circuit "
        "(Add-AzExpressRouteCircuitAuthorization here, a connection that redeems it there). It has downtime "
        "on the circuit from the removal until then (networks linked across subscriptions cannot migrate "
        "without downtime)."
    )


def _circuit_steps(builder: _Builder) -> dict[str, int]:
    """The index of each circuit's step, by its id."""
    return {step.id: n for n, step in enumerate(builder.steps) if step.kind is StepKind.CIRCUIT}


def _circuit_step_of(
    builder: _Builder, authorization: LinkAuthorization | None, steps: Mapping[str, int]
) -> int | None:
    """The index of the step of the circuit an ExpressRoute link authorization belongs to
    (`Estate.circuit_of`), of `steps` (`_circuit_steps`)."""
    circuit = builder.estate.circuit_of(authorization)
    return None if circuit is None else steps.get(_circuit_step_id(circuit))


def _circuit_step_id(circuit: Circuit) -> str:
    return f"circuit:{circuit.name}"


# What a circuit's commands give for its service key when the files state none, or several.
_SERVICE_KEY_STAND_IN = "<service key>"
# The variable the commands keep the service key of a circuit a script creates in, found by its name.
_FOUND_SERVICE_KEY = "$serviceKey"


def _circuit_step(circuit: Circuit, estate: Estate) -> Step:
    networks = circuit.networks
    users = ", ".join(f"'{n.name}'" for n in networks)
    keys = circuit.service_keys
    # One key the files state is the circuit's; that of one a script creates, its commands find by its name
    # (`$serviceKey`); none, or several (which is it?), leave it to fill in: the step is not ready until it
    # is, as no Move-AzExpressRouteCircuit runs with a stand-in for its key.
    service_key = keys[0][0] if len(keys) == 1 else _SERVICE_KEY_STAND_IN
    moved_by = _FOUND_SERVICE_KEY if circuit.named_by and not keys else ps_quoted(service_key)
    if len(keys) == 1 and circuit.key_moved:
        key_note = (
            f"The circuit's service key is the one {keys[0][1]} moves it with: the only key the files move a "
            "circuit by, and none links its networks by a key."
        )
    elif len(keys) == 1:
        key_note = f"The circuit's service key is the one {keys[0][1]} links the network with."
    elif keys:
        stated = ", ".join(f"{k} ({where})" for k, where in keys)
        key_note = f"The files link its networks with several service keys ({stated}): use the circuit's."
    elif circuit.created_by:  # the script creates it here, and links its networks by the key it outputs
        key_note = _created_circuit_note(circuit)
    elif circuit.found_by:  # the script finds its key by its name among this subscription's circuits
        key_note = _found_circuit_note(circuit)
    else:  # which circuit it is, no file says: the step names what it is linked to, and how to find it
        key_note = _exported_circuit_note(estate, _find_circuit(networks))
    moves = f"the ExpressRoute circuit {circuit.behind} (used by {users})"
    if not keys and not circuit.named_by:
        moves = (
            f"the ExpressRoute circuit linked to {users} ({circuit.behind}): the files do not say which circuit "
            "it is (no file states its service key)"
        )
    # A circuit a script creates, or finds among the circuits Get-AzureDedicatedCircuit lists, is in the
    # subscription it runs in: no link to remove first.
    elsewhere = () if circuit.named_by else (_LINKED_ELSEWHERE,)
    named = ps_quoted(circuit.name) if circuit.named_by and not keys else "'<circuit name>'"
    return Step(
        id=_circuit_step_id(circuit),
        kind=StepKind.CIRCUIT,
        name=circuit.name if circuit.named_by and not keys else circuit_name(circuit),
        wave=1,
        after=(),
        moves=(moves,),
        becomes=("the same circuit, managed in Resource Manager, with classic operations still allowed",),
        downtime="None: a circuit moves without downtime. Networks that use it follow once it has moved.",
        blockers=(),
        notes=(key_note, *elsewhere),
        name_unstated="circuit's service key" if moved_by == ps_quoted(_SERVICE_KEY_STAND_IN) else "",
        powershell=Commands(
            before=_find_circuit_commands(networks, circuit) if not keys else (),
            validate=(),
            prepare=(
                *_circuit_resource_group(networks),
                f"Move-AzExpressRouteCircuit -Name {named} -ResourceGroupName '<resource group>' "
                f"-Location '<region>' -ServiceKey {moved_by}",
                f"$circuit = Get-AzExpressRouteCircuit -Name {named} -ResourceGroupName '<resource group>'",
                "$circuit.AllowClassicOperations = $true",
                "Set-AzExpressRouteCircuit -ExpressRouteCircuit $circuit",
            ),
            check=(),
            commit=(),
            abort=(),
        ),
    )


def _circuit_resource_group(networks: Sequence[Network]) -> tuple[str, ...]:
    """The circuit moves into a Resource Manager resource group that must exist (ExpressRoute migration, Step
    2: "Create a new resource group if you don't already have one"); the files name none. It is created in
    the region of the networks linked to the circuit when the files place them all in one."""
    written = {region for network in networks for region in network.regions if region_name(region)}
    regions = {region_key(r) for r in written}
    region = ps_quoted(next(iter(regions))) if len(regions) == 1 else "'<region>'"
    return (
        "# the resource group the circuit moves into, unless you have one already:",
        f"New-AzResourceGroup -Name '<resource group>' -Location {region}",
    )


def _find_circuit(networks: Sequence[Network]) -> str:
    """How to find the circuit a network is linked to when no file states its service key: the classic
    cmdlets list the subscription's circuits with their keys, and each circuit's links by network."""
    names = " or ".join(f"'{n.name}'" for n in networks)
    return (
        "find it before this step (the commands start with it): Get-AzureDedicatedCircuit lists the circuits "
        "of the subscription with their service keys, and Get-AzureDedicatedCircuitLink -ServiceKey <key> the "
        f"virtual networks each is linked to (VnetName): the circuit that lists {names} is this step's. If "
        "none does, the circuit is in another subscription: look there the same way. Move that circuit with "
        "its key; if Get-AzExpressRouteCircuit already shows it in Resource Manager with "
        "AllowClassicOperations true, it has moved and this step is done."
    )


_LINKED_ELSEWHERE = (
    "If the circuit is in another subscription, remove its link to each network first "
    "(Remove-AzureDedicatedCircuitLink -ServiceKey <key> -VNetName <network>): that network then "
    "has downtime until it is linked again in Resource Manager."
)


def _created_circuit_note(circuit: Circuit) -> str:
    """What the step says of a circuit a script creates and links by the service key its creation outputs:
    it is in this subscription, and the classic cmdlets give its key by its name."""
    return (
        f"{circuit.created_by} creates circuit '{circuit.name}' in this subscription (New-AzureDedicatedCircuit) "
        "and links the network by the service key that call outputs: Get-AzureDedicatedCircuit lists it with "
        "its key (the commands start by finding it by the circuit's name, and move the circuit by it)."
    )


def _found_circuit_note(circuit: Circuit) -> str:
    """What the step says of a circuit a script links networks to by the service key it finds by the
    circuit's name: it is in this subscription (Get-AzureDedicatedCircuit lists its circuits only)."""
    return (
        f"{circuit.found_by} links the network by the service key of circuit '{circuit.name}', which it finds "
        "by the circuit's name among the circuits of this subscription (Get-AzureDedicatedCircuit): the "
        "commands start by finding it so, and move the circuit by it."
    )


def _find_circuit_commands(networks: Sequence[Network], circuit: Circuit) -> tuple[str, ...]:
    """The service keys of the subscription's circuits that are linked to `networks`: of the one a script
    creates or finds, by its name."""
    if circuit.named_by:
        return (
            f"# the service key of circuit {ps_quoted(circuit.name)}, which the move below is given:",
            f"{_FOUND_SERVICE_KEY} = (Get-AzureDedicatedCircuit | Where-Object {{ $_.CircuitName -eq "
            f"{ps_quoted(circuit.name)} }}).ServiceKey",
        )
    names = ", ".join(ps_quoted(n.name) for n in networks)
    return (
        "# the service key of the circuit linked to the network (no output: the circuit is in another subscription):",
        "Get-AzureDedicatedCircuit | ForEach-Object { $key = $_.ServiceKey; Get-AzureDedicatedCircuitLink "
        f"-ServiceKey $key | Where-Object {{ $_.VnetName -in @({names}) }} | ForEach-Object {{ $key }} }}",
    )


def _exported_circuit_note(estate: Estate, find: str) -> str:
    """What the step says of a circuit whose service key no script states: the circuit an inventory export
    shows in Resource Manager, when it shows one, may be it; else, or if it is not, how to `find` it."""
    exported = [c for c in estate.inventory.circuits if c.service_key]
    if len(exported) != 1:
        return f"The files do not hold the circuit's service key: {find}"
    circuit = exported[0]
    allowed = " with classic operations allowed" if circuit.allow_classic_operations else ""
    return (
        f"{circuit.mark.path} shows circuit '{circuit.name}' (service key {circuit.service_key}) in Resource "
        f"Manager{allowed}; if it is this one, it has moved already and this step is done"
        + ("" if allowed else " once classic operations are allowed on it")
        + f". Otherwise {find}"
    )


# What becomes of a network security group a subnet or VM uses (deep dive: "cloned as part of the
# migration... The NSG in the classic deployment model is not removed during the migration"): moved,
# the classic one is left behind, still there to delete.
_CLONED_GROUP = ", cloned: the classic one stays, to delete once nothing classic uses it"
# And of a subnet's route table (deep dive: "User-defined routes associated with a subnet are cloned... The
# UDR in the classic deployment model is not removed").
_CLONED_TABLE = _CLONED_GROUP


def _associated(network: Network) -> list[str]:
    """The network security groups and route tables of its subnets: cloned with the network (deep dive:
    "Network security groups associated with a virtual machine or subnet are cloned")."""
    found = []
    for subnet in network.subnets:
        if subnet.security_group:
            found.append(
                f"network security group {named(subnet.security_group)} of subnet {named(subnet.name)}"
                f"{_CLONED_GROUP}"
            )
        if subnet.route_table:
            found.append(
                f"route table {named(subnet.route_table)} of subnet {named(subnet.name)}{_CLONED_TABLE}"
            )
    return list(dict.fromkeys(found))


def _vm_security_groups(vms: Iterable[Role]) -> list[str]:
    """The network security groups set on the VMs themselves: cloned with each VM (deep dive: "Network
    security groups associated with a virtual machine or subnet are cloned"), as a subnet's with its
    network."""
    return list(
        dict.fromkeys(
            f"network security group {named(vm.security_group.name)} of VM {named(vm.name, 'VM')}{_CLONED_GROUP}"
            for vm in vms
            if vm.security_group is not None
        )
    )


# What a VM's own public IP becomes (deep dive: "Public IP address with dynamic allocation method"): a Basic
# SKU one, as every public IP the migration makes.
_DYNAMIC_PUBLIC_IP = (
    f"a public IP address resource with dynamic allocation, a Basic SKU one (retired on {BASIC_SKU}): its "
    "address may change when the VM is deallocated; upgrade it to Standard (static) after Commit if the "
    "address must stay, and update DNS records and allow lists that hold it"
)


def _vm_public_ips(vms: Iterable[Role]) -> list[str]:
    """What the VMs' own (instance-level) public IPs become, each once."""
    return list(
        dict.fromkeys(
            f"public IP {named(ip.name)} of VM {named(vm.name, 'VM')}: {_DYNAMIC_PUBLIC_IP}"
            for vm in vms
            for ip in vm.public_ips
        )
    )


# What becomes of a VM's computer name: the classic platform does not keep one, so its Resource Manager VM's
# osProfile has none after the migration (vm-migration-deep-dive, "Translation of the classic deployment model
# to Resource Manager resources"), whatever name the guest OS goes by.
_COMPUTER_NAME = (
    "no computer name in Resource Manager for {vms} (osProfile.computerName stays empty: the classic platform "
    "never kept it); the guest OS keeps its host name, but what reads the name from Resource Manager "
    "(Get-AzVM, az vm show, inventory, policy or backup reports) finds none: look it up in the guest instead"
)


def _computer_names(vms: Iterable[Role]) -> list[str]:
    """What the steps moving `vms` say of their computer names (`_COMPUTER_NAME`), once; none without VMs.
    A stand-in for many VMs (`<VMs of cloud service web>`) is said as the VMs it stands for, not as a VM."""
    vms = list(vms)
    named_vms = list({vm.name: vm for vm in vms}.values())
    if not named_vms:
        return []
    if len(named_vms) > 1 or _repeated_placeholders(vms):  # `[VM NAME]` twice: two VMs
        return [_COMPUTER_NAME.format(vms="its VMs")]
    only = named_vms[0]
    return [
        _COMPUTER_NAME.format(
            vms=_vms_stood_for(only.name) if only.name.startswith(_VMS_OF) else f"VM {_vm_said(only)}"
        )
    ]


# The stand-ins for many VMs that name what holds them (`<VMs of cloud service web>`, `<VMs of load-balanced set
# web>`), by what they hold, whose name is quoted as any other.
_VMS_OF_NAMED = ("cloud service ", "load-balanced set ")


def _vms_stood_for(stand_in: str) -> str:
    """A stand-in for many VMs (`_VMS_OF`), in words: "the VMs of cloud service 'web'"; one that names
    nothing (`<VMs of a cloud service, d.ps1:3>`) as it reads."""
    what = stand_in[len(_VMS_OF) : -1]
    holder = next((words for words in _VMS_OF_NAMED if what.startswith(words)), "")
    return f"the VMs of {holder}{named(what[len(holder) :])}" if holder else f"the VMs of {what}"


# What the implicit load balancer of a cloud service becomes (deep dive: "a new load-balancer resource is
# created, and the load-balancing endpoint set becomes load-balancer rules"; "Input endpoints defined on the
# VM are converted to inbound network address translation rules under the load balancer"): a Basic SKU one,
# as MIG105 says of it.
_LOAD_BALANCER = (
    f"a load balancer resource, Basic SKU (retired on {BASIC_SKU}: upgrade it to Standard after Commit); its "
    "load-balanced endpoint sets become load-balancing rules, its other input endpoints inbound NAT rules"
)


def _load_balancers(
    label: str, service: CloudService, vms: Iterable[Role], placements: Iterable[Placement]
) -> list[str]:
    """What becomes of the load balancers of `vms` and of `placements` (their deployments): `label`'s own,
    of the endpoints on its VIP, each internal one an endpoint names (REST `LoadBalancerName`,
    `Add-AzureEndpoint -InternalLoadBalancerName`), and each other internal one the deployments have (a
    REST body's or a service configuration's `LoadBalancers`, `Add-AzureInternalLoadBalancer`), which no
    endpoint of the files is on. The deep dive says what becomes of the first only."""
    endpoints = list(_endpoints(vms))
    found = [f"the load balancer of {label}: {_LOAD_BALANCER}"] if any(e.is_public for e in endpoints) else []
    group = ps_quoted(f"{service_name(service)}-Migrated")
    used = _internal(endpoints)
    found += [
        f"internal load balancer {named(name)} of {label}: its load-balanced endpoint sets become "
        "load-balancing rules of a load balancer resource, as the cloud service's do; the documents say no more "
        "of an internal one. After Prepare, find it and its private frontend address (Get-AzLoadBalancer "
        f"-ResourceGroupName {group}); if it is Basic SKU (retired on {BASIC_SKU}), upgrade it to Standard "
        "after Commit"
        for name in used
    ]
    for balancer, undecided in _unused_balancers(placements, {key(name) for name in used}):
        what = f"internal load balancer {named(balancer.name)} of {label}{_frontend(balancer)}"
        found.append(_undecided_balancer(what, group) if undecided else _unused_balancer(what, group))
    return found


def _unused_balancer(what: str, group: str) -> str:
    return (
        f"{what}: a load balancer resource, as the cloud service's load balancers become, with no "
        "load-balancing rule, since no endpoint of the files checked is on it; the documents say no more of "
        f"an internal one. After Prepare, find it (Get-AzLoadBalancer -ResourceGroupName {group}): delete it if "
        f"nothing is to use it, else, if it is Basic SKU (retired on {BASIC_SKU}), upgrade it to Standard after "
        "Commit"
    )


def _undecided_balancer(what: str, group: str) -> str:
    """An internal load balancer an endpoint the files do not show whole may be on: whether it gets
    load-balancing rules is not decided, so it is never one to delete."""
    return (
        f"{what}: a load balancer resource, as the cloud service's load balancers become, whose load-balancing "
        "rules are the load-balanced endpoint sets on it; which those are is not decided, since the files do not "
        "show every endpoint of the deployment's VMs or which internal load balancer each is on, so it is no "
        "load balancer to delete; the documents say no more of an internal one. After Prepare, find it and its "
        f"rules (Get-AzLoadBalancer -ResourceGroupName {group}); if it is Basic SKU (retired on {BASIC_SKU}), "
        "upgrade it to Standard after Commit"
    )


def _unused_balancers(
    placements: Iterable[Placement], used: set[str]
) -> list[tuple[InternalLoadBalancer, bool]]:
    """The named internal load balancers of those of `placements` that deploy VMs, but those in `used` (by
    `key`), once each, each with whether an endpoint the files do not show may be on it (see
    `_endpoints_undecided`): a deployment of web/worker roles does not move, nor its load balancers (see
    `_balancers_of_roles`)."""
    found: dict[str, tuple[InternalLoadBalancer, bool]] = {}
    for placement in placements:
        if not placement.vms:
            continue
        undecided = _endpoints_undecided(placement)
        for balancer in placement.internal_load_balancers:
            name = key(balancer.name)
            if balancer.name.strip() and name not in used:
                earlier = found.get(name)
                found[name] = (earlier[0] if earlier else balancer, undecided or bool(earlier and earlier[1]))
    return list(found.values())


def _endpoints_undecided(placement: Placement) -> bool:
    """Whether an endpoint of the deployment's VMs may be on any of its internal load balancers, though none
    the files show names one: they do not show every endpoint of a VM (one made in a loop the reader does
    not follow, a VM only changed), or one names its load balancer by a value they do not state."""
    if not placement.endpoints_known or any("endpoints" in vm.unknown for vm in placement.vms):
        return True
    return any(is_stand_in(e.load_balancer) for vm in placement.vms for e in vm.endpoints)


def _frontend(balancer: InternalLoadBalancer) -> str:
    subnet = balancer.subnet
    return (
        f" (its frontend in subnet {named(subnet.name)})"
        if subnet is not None and subnet.name.strip()
        else ""
    )


def _network_step_id(network: Network, where: str) -> str:
    """The id of a network's step (see `_own_step_id`)."""
    return _own_step_id(f"network:{network.name}", network.name, network.mark, where)


def _own_step_id(base: str, name: str, mark: Mark, where: str = "") -> str:
    """The id of a step moving a resource: `base`, by its name, and by its file for a resource a pipeline
    token names, which is that file's own (see `migcheck.estate.join_key`): another file's token may be
    another; by `where` (`_Builder.apart`) for one a stand-in of another file's reads alike."""
    if is_pipeline_token(name):
        return f"{base}@{mark.path}"
    return f"{base}@{where}" if where else base


def _own_step_name(name: str, mark: Mark, where: str = "") -> str:
    """The name a step shows: with its file for a pipeline token's, and with `where` when given (see
    `_own_step_id`)."""
    if is_pipeline_token(name):
        return f"{name} ({mark.path})"
    return f"{name} ({where})" if where else name


def _own_to_its_file(name: str) -> bool:
    """Whether `name` names a resource of its file's own that another file may name alike: a stand-in that
    says where (`model.says_where`) or a placeholder the file leaves to fill in (`'[MY STORAGE ACCOUNT]'`)."""
    return says_where(name) or is_placeholder(name)


def _stand_ins_apart(items: Iterable[ScopeItem]) -> dict[tuple[str, str], str]:
    """Where each item named by a stand-in that says where (`model.says_where`) comes from, by the name's
    `key` and its file's path, when another file's stand-in reads the same (two copies of one script in
    two folders): its file relative to the folder theirs are in (`estate.apart`)."""
    by_name: dict[str, dict[str, None]] = defaultdict(dict)
    for item in items:
        mark = getattr(item.subject, "mark", None)
        # Its name as the files write it: a placeholder account's row says its file after it (`origin`).
        suffix = f" ({item.origin})" if item.origin else ""
        name = item.name[: -len(suffix)] if suffix and item.name.endswith(suffix) else item.name
        if mark is not None and _own_to_its_file(name):
            by_name[key(name)].setdefault(mark.path)
    found: dict[tuple[str, str], str] = {}
    for name, paths in by_name.items():
        if len(paths) > 1:
            found.update(((name, path), where) for path, where in zip(paths, apart(list(paths)), strict=True))
    return found


def _network_step(
    builder: _Builder, network: Network, circuits: Mapping[str, int], aliases: Sequence[Network] = ()
) -> Step:
    """The move of one network, after the circuits it uses (`circuits`: their step numbers, by step id),
    with what the files place in it by the name it was given in the Azure portal (`aliases`), by its
    classic name."""
    after = tuple(circuits)
    name = builder.classic_network_name(network.name)
    services = [*builder.placed_in(network), *(s for alias in aliases for s in builder.placed_in(alias))]
    subnets = len(network.subnets)
    links = _links(builder, network)
    expressroute = any(link.kind is _LinkKind.EXPRESSROUTE for link in links)
    if (after or builder.estate.moved_circuits(network.name)) and not expressroute:
        # Linked to a circuit by a script or as an export lists, not by a connection the files show: the
        # link is a connection of its gateway all the same, to a local site the files do not name.
        links.append(_Link(_LinkKind.EXPRESSROUTE, ""))
        expressroute = True
    # ExpressRoute and VPN on one gateway do not migrate together (MIG301): the VPN side is removed first
    # (the emptied ConnectionsToLocalNetwork drops its connections), so it neither moves nor becomes.
    vpn = [link for link in links if link.kind is not _LinkKind.EXPRESSROUTE] if expressroute else []
    migrated = [link for link in links if link.kind is _LinkKind.EXPRESSROUTE] if expressroute else links
    moves = [
        f"virtual network {named(name)}"
        + (f" ({subnets} subnet{'s' if subnets != 1 else ''})" if subnets else "")
    ]
    # A gateway a script creates that nothing shows connected: ExpressRoute or VPN, the files do not say.
    created = unstated_gateway(builder.estate, network.name)
    moves += _gateway_moves(network, migrated, with_pool=not expressroute, created=created)
    moves += _associated(network)
    # The VMs move; web/worker roles never do (a note says what becomes of them).
    moves += [f"{s.label}: {_vms(s)}" for s in services if s.vms or not s.roles]
    moves += _vm_security_groups(vm for s in services for vm in s.vms)
    moves += [
        f"reserved IP {named(ip, 'ReservedIP')} of {label}" for label, ip in _moving_reserved_ips(services)
    ]
    moves += [
        f"reserved IP {named(ip.name, 'ReservedIP')} of {label}, {_bound(ip)}"
        for label, ip in _bound_reserved_ips(services)
    ]
    maybe = [(s, ip) for s in services for p in s.placements for ip in builder.maybe_vips(s, p)]
    moves += [f"reserved IP {named(ip.name, 'ReservedIP')} of {s.label}, {_maybe_vip(ip)}" for s, ip in maybe]
    portal = bool(portal_short_name(name))
    becomes = [
        f"virtual network {named(name)} in resource group '{name}-Migrated'"
        if not portal
        else "a virtual network, in a resource group, whose names the documents do not give: see both after "
        "Prepare"
    ]
    becomes += _gateway_becomes(network, migrated, created)
    becomes += [
        f"resource group '{service_name(s)}-Migrated' with the VMs of {s.label}" for s in services if s.vms
    ]
    becomes += [line for s in services for line in _load_balancers(s.label, s, s.vms, s.placements)]
    becomes += [line for s in services for line in _network_vips(s)]
    becomes += _vm_public_ips(vm for s in services for vm in s.vms)
    becomes += _computer_names(vm for s in services for vm in s.vms)
    becomes += [
        f"reserved IP {named(ip, 'ReservedIP')}: {_STATIC_PUBLIC_IP}"
        for ip in (
            *(name for _, name in _moving_reserved_ips(services)),
            *(ref.name for _, ref in _bound_reserved_ips(services)),
        )
    ]
    becomes += [
        f"reserved IP {named(ip.name, 'ReservedIP')}, if it is its deployment's VIP: {_STATIC_PUBLIC_IP}"
        for _, ip in maybe
    ]
    state, state_note = _migration_state(vm for s in services for vm in (*s.vms, *s.unsorted_roles))
    # A network in a migration already has passed Validate: what its definition holds is decided then.
    undecided = not (network.defined or any(alias.defined for alias in aliases) or state)
    item = builder.by_subject.get(id(network))
    apart = item.migrates.get("defined_apart", "") if item is not None else ""
    note = _undefined_network_note(name, undecided, apart)
    notes = [in_settings_file(note, builder.settings_source)] if not network.defined else []
    subnets_unstated = not undecided and item is not None and item.subnets_unstated and not state
    notes += [_subnets_unstated_note(name)] if subnets_unstated else []
    notes += [_portal_alias_note(builder, alias) for alias in aliases]
    notes += _inferred_members(network)
    notes += _write_throttling(sum(len(s.vms) for s in services))
    has_vms, has_roles = any(s.vms for s in services), any(s.roles for s in services)
    if has_roles:
        notes.append(_roles_left_behind(services, has_vms))
        notes += [note for s in services if s.roles for note in _balancers_of_roles(s)]
    notes += [note for s in services if s.vms for note in _key_vault_notes(builder, s)]
    notes += [note for s in services for note in _unseen_export_notes(s)]
    notes += [note for s in services for note in _vips_without_endpoint(s.placements, f" of {s.label}")]
    if vpn or (expressroute and network.gateway is not None and network.gateway.client_address_pool):
        notes.append(_vpn_removed(network, vpn))
    # MIG302 says what the step's commands and downtime say already, for a network connected to ExpressRoute
    # (by its configuration, a script's circuit link or an export's), or with a gateway that may be.
    said = expressroute or created is not None
    notes += [n for n in builder.attention(network) if not (said and n.finding.code == "MIG302")]
    notes += [n for alias in aliases for n in builder.attention(alias)]
    if portal:
        notes.append(_portal_network_note(builder, network))
    partly = [s for s in services if s.partly_described]
    notes += [_partly_described_note(s) for s in partly]
    powershell = _move(
        "Move-AzureVirtualNetwork",
        f"-VirtualNetworkName {ps_quoted(name)}",
        _resource_group(name) if not portal else _FIND_PORTAL_NETWORK,
    )
    cli = _cli("azure network vnet", sh_quoted(name))
    if expressroute:
        keys = builder.estate.service_keys([network]) or _circuit_keys(builder.estate, network)
        service_key = keys[0][0] if len(keys) == 1 else _SERVICE_KEY_STAND_IN
        # A circuit a script creates is in this subscription: no link to remove.
        here = any(c.named_by and any(n is network for n in c.networks) for c in builder.estate.circuits())
        powershell = replace(powershell, before=_unlink_powershell(name, links, service_key, here))
        cli = replace(cli, before=_unlink_cli(name, links, service_key, here))
    # A transit link loses nothing where the network's own connections reach the same offices (MIG305's test).
    transit = "MIG305" in builder.codes(network) or (
        any(link.kind is _LinkKind.TRANSIT for link in migrated) and bool(builder.reach.transit_site(network))
    )
    # The MIG305 note says the transit loss with its advice: the downtime then only points at it.
    transit_noted = any(isinstance(note, Note) and note.finding.code == "MIG305" for note in notes)
    if state:
        notes.insert(0, state_note)
        powershell, cli = _migration_commands(state, powershell), _migration_commands(state, cli)
    step = Step(
        id=_network_step_id(network, builder.apart(network.name, network.mark)),
        kind=StepKind.NETWORK,
        name=_own_step_name(name, network.mark, builder.apart(network.name, network.mark)),
        wave=2 if after else 1,
        after=after,
        moves=tuple(moves),
        becomes=tuple(becomes),
        downtime=_network_downtime(
            network,
            tuple(circuits.values()),
            migrated,
            transit=transit,
            noted=transit_noted,
            vms=has_vms,
            roles=has_roles,
            authorized=builder.authorized(network),
            created=created,
            legacy_sku=_legacy_sku(builder.estate, network.name),
        ),
        blockers=_blockers_with_aliases(builder, network, aliases),
        notes=tuple(notes),
        powershell=powershell,
        cli=cli,
        members=tuple(_member(s) for s in services),
        migration_state=state,
        partly_described=bool(partly),
        network_undefined=undecided,
        subnets_unstated=subnets_unstated,
        unseen_export=any(s.imports_unseen_export for s in services),
    )
    step = _group_filled_in_first(step, builder.network_group(network.name), network.name)
    return _placeholder_vms_first(
        _named_first(step, "VirtualNetwork", name), (vm for s in services for vm in s.vms)
    )


def _group_filled_in_first(step: Step, group: str, declared: str) -> Step:
    """The step of a network a template, Bicep file or azapi resource deploys to the resource group it is
    deployed to, which the files do not state (`az deployment group create -g ...`): the classic API knows
    it as `Group <that group> <name>`, so its commands hold the template's stand-in for the group (`<resource
    group azuredeploy.json is deployed to>`), and it is not ready until that is filled in."""
    if not (group.startswith("<") and group.endswith(">")):
        return step
    note = (
        f"{FILL_IN_FIRST} the classic API knows this network as 'Group <resource group> {declared}', in the "
        f"resource group its file is deployed to, which the files do not state. '{group}' stands for that group "
        f"in this step, and no command here runs until its name is put in place of '{group}': find it with "
        f"Get-AzResource -ResourceType Microsoft.ClassicNetwork/virtualNetworks -Name {ps_quoted(declared)} "
        "(ResourceGroupName)."
    )
    return replace(
        step, notes=(note, *step.notes), name_unstated=step.name_unstated or "network's resource group"
    )


def _undefined_network_note(name: str, undecided: bool, apart: str = "") -> str:
    """What the step of a network no file defines says, and what to add so that the plan can decide it
    when it is not decided: the network configuration, or, where another subscription's file defines it
    (`apart`: `readiness._defined_apart`), that file grouped with this subscription's."""
    known = "No file checked here defines this network: only its members are known."
    grouped = (
        f" It is defined in {apart}, which is checked as another subscription's: group them with "
        "[tool.migcheck.subscriptions]"
        if apart
        else ""
    )
    if not undecided:
        return known + (grouped + " if they are one subscription's." if grouped else "")
    to_decide = (
        f"{grouped} to decide {ps_quoted(name)} if they are one subscription's, else export this "
        "subscription's network configuration (Get-AzureVNetConfig -ExportToFile <path>.netcfg, or azure "
        "network export <path>.netcfg) and add it to the files checked."
        if grouped
        else " Export the network configuration (Get-AzureVNetConfig -ExportToFile <path>.netcfg, or azure "
        f"network export <path>.netcfg) and add it to the files checked to decide {ps_quoted(name)}."
    )
    return (
        f"{known} Its definition may hold what blocks it (a gateway connected to ExpressRoute, or to nothing "
        "the files show: MIG301, MIG302; other cloud services in it), so whether Validate passes it is not "
        f"decided.{to_decide}"
    )


def _subnets_unstated_note(name: str) -> str:
    """What the step of a network whose every description leaves its subnets out says, and what to add so
    that the plan can decide it."""
    return (
        "No file checked here states this network's subnets (an inventory row gives its address space only): "
        "the VMs of other cloud services in them may block it, so whether Validate passes it "
        "is not decided. Export the network configuration (Get-AzureVNetConfig -ExportToFile <path>.netcfg, or "
        f"azure network export <path>.netcfg) and add it to the files checked to decide {ps_quoted(name)}."
    )


# The planning guidance's example of an environment large enough to meet Resource Manager's limits on
# writes during a migration: "> 400 VMs in a VNET". The limit it quotes (1,200 writes an hour, in 2020) is
# not today's, so the note names none.
_THROTTLED_VMS = 400


def _write_throttling(vms: int) -> list[str]:
    """What a network of more than `_THROTTLED_VMS` VMs risks, its migration writing in Resource Manager
    every resource it moves: the subscription's write limits (planning guidance, "Azure Resource Manager API
    throttling limits")."""
    if vms <= _THROTTLED_VMS:
        return []
    return [
        f"This network holds {vms:,} VMs: with more than {_THROTTLED_VMS} VMs in one network, its migration may "
        "hit Resource Manager's limits on writes in the subscription. Before Prepare, check the subscription's "
        "current write limits, keep other writes to the subscription (other steps' Prepare, deployments, "
        "scripts) out of the hours it runs, and ask Azure support to raise the limits if they are short."
    ]


# What becomes of a network created in the Azure portal. The deep dive says a migrated network keeps "all
# its properties" in a new group "with the name `-migrated`"; no document says what either is named when
# the classic name is `Group <resource group> <name>`, which neither a resource group's nor a Resource
# Manager network's name may be (both exclude spaces).
_PORTAL_NETWORK = (
    "its classic name, the one the commands take, is 'Group <resource group> <name>'. The documents do not say "
    "what the platform names the migrated network or its resource group (neither name may hold spaces): find "
    "both after Prepare (Get-AzVirtualNetwork)."
)


def _portal_network_note(builder: _Builder, network: Network) -> str:
    """`_PORTAL_NETWORK`, after how the network was created: through Resource Manager by the template,
    Bicep file or azapi resource that declares it (`stated_by`), which creates it as the Azure portal does,
    else in the Azure portal, as an export's id filing it under a group of its own says."""
    templates = (builder.stated_by(v.mark) for v in network.definitions)
    by = next((t for t in templates if t != EXPORT), "")
    created = f"through Resource Manager by the {by}" if by else "in the Azure portal"
    return f"This network was created {created}: {_PORTAL_NETWORK}"


_FIND_PORTAL_NETWORK = "Get-AzVirtualNetwork | Select-Object -Property Name, ResourceGroupName"


def _portal_groups(estate: Estate) -> dict[str, str]:
    """The networks the exports name by their ids, by `key` of their names (the first id of each): the
    resource group of one filed under a group of its own, "" for one in the group of those the classic API
    created (see `readers.inventory_shapes.portal_group`). Its row's id, a VM's, a service's, a peering's."""
    inventory = estate.inventory
    found: dict[str, str] = {}
    named = (
        *((n.name, n.resource_group) for n in inventory.networks),
        *((vm.virtual_network, vm.virtual_network_group) for vm in inventory.vms),
        *((s.vnet, s.vnet_group) for s in inventory.services_in_vnets),
        *((p.vnet, p.vnet_group) for p in inventory.peerings),
    )
    for network, group in named:
        if network:
            found.setdefault(key(network), group)
    return found


def _portal_aliases(builder: _Builder, networks: Sequence[Network]) -> dict[int, Network]:
    """The networks no file defines that are named as one the files define, created in the Azure portal, was
    named there (MIG003 says so of each reference to them), by id(): each with the first such network. The
    migration of that network moves what they hold: its step moves them. Not one an export names by its id,
    which says what group it is in (a network of the same name in another group is another network)."""
    portal: dict[str, Network] = {}
    for network in networks:
        short = portal_short_name(network.name)
        if network.defined and short:
            portal.setdefault(key(short), network)
    if not portal:
        return {}
    return {
        id(network): portal[key(network.name)]
        for network in networks
        if not network.defined and key(network.name) in portal and not builder.exported_network(network.name)
    }


def _portal_alias_note(builder: _Builder, alias: Network) -> str:
    """What the step says of the services placed in a network by the name it was given in the portal."""
    services = builder.placed_in(alias)
    labels = _and([s.label for s in services]) if services else "nothing"
    they = "it moves" if len(services) == 1 else "they move"
    return (
        f"The files place {labels} in '{alias.name}', the name this network was given in the Azure portal: "
        f"{they} with it. The classic API knows the network only by its classic name."
    )


def _blockers_with_aliases(builder: _Builder, network: Network, aliases: Sequence[Network]) -> tuple:
    """The blockers of `network`, and of each network that is the name it was given in the portal."""
    own = builder.blockers(network)
    if not aliases:
        return own
    return Blockers((*own, *(f for alias in aliases for f in builder.blockers(alias))))


def _inferred_members(network: Network) -> list[str]:
    """What the step says of each deployment placed in the network by the subnets of its VMs alone (no file
    states its network: `Placement.network_inferred_from`), and how to check it."""
    notes = []
    for service, placement in network.members:
        subnets = placement.network_inferred_from
        if not subnets:
            continue
        several = len(subnets) > 1
        # Other networks may define some of several subnets: none defines every one.
        alone = (
            "and no other network of the files defines them all"
            if several
            else "which no other network of the files defines"
        )
        notes.append(
            f"{service.label[0].upper()}{service.label[1:]} is in this network as inferred from the "
            f"subnet{'s' if several else ''} of its VMs, {_quoted_names(s.name for s in subnets)}, {alone}: "
            "the files do not state its network. Check it with "
            f"Get-AzureDeployment -ServiceName {ps_quoted(service_name(service))} (VirtualNetworkName); in "
            "another network, that network's migration moves it instead."
        )
    return notes


# What a reserved IP becomes (deep dive: "Public IP address with static allocation method").
_STATIC_PUBLIC_IP = (
    f"a public IP address with static allocation, same address (Basic SKU, retired on {BASIC_SKU}: upgrade it "
    "to Standard)"
)


class _LinkKind(enum.Enum):
    EXPRESSROUTE = "ExpressRoute"
    SITE_TO_SITE = "site-to-site"  # to a local site of on-premises ranges (or ranges the files do not show)
    VNET_TO_VNET = "VNet-to-VNet"  # to a local site that stands for other virtual networks
    TRANSIT = "transit"  # to a local site that aggregates another network's range and on-premises ones


@dataclass(frozen=True, slots=True)
class _Link:
    """One connection of a network's gateway, as its migration treats it."""

    kind: _LinkKind
    site: str  # the local network site it names
    peers: tuple[str, ...] = ()  # the virtual networks whose ranges the site stands for


def _links(builder: _Builder, network: Network) -> list[_Link]:
    """The gateway's connections, one per local site: ExpressRoute, or a VPN connection told by what the
    site's ranges hold (gateway migration: VNet-to-VNet connections become Vnet2Vnet connections without
    local sites, and transit through an aggregated site loses on-premises connectivity); then those scripts
    make to other sites (`_scripted_links`)."""
    sites = {key(site.name): site for site in network.vpn_sites}
    links: dict[str, _Link] = {}
    for connection in network.gateway.connections if network.gateway is not None else ():
        name = connection.local_site
        if key(name) in links:
            continue
        site = sites.get(key(name))
        if connection.is_expressroute:
            links[key(name)] = _Link(_LinkKind.EXPRESSROUTE, name)
        elif site is None:
            links[key(name)] = _Link(_LinkKind.SITE_TO_SITE, name)
        else:
            links[key(name)] = _vpn_link(builder, network, site)
    for link in _scripted_links(builder, network):
        links.setdefault(key(link.site), link)
    return list(links.values())


def _scripted_links(builder: _Builder, network: Network) -> list[_Link]:
    """The connections a script makes from the network's gateway to a local site by VPN
    (`Set-AzureVNetGateway -Connect`, the classic CLI's `network vnet local-network add`, or the request
    either sends, after the gateway is created), one per site, as a network configuration's
    `ConnectionsToLocalNetwork` would state them: to a site the files define, told as a configured one is
    (`_vpn_link`: VNet-to-VNet, transit or site-to-site); to another, site-to-site. A site the script does
    not state (a loop over the sites of a configuration it reads) is a stand-in: the connection, and so the
    gateway, move all the same. A site a script disconnects the gateway from is connected to it by VPN too
    (MIG307 says to connect it again before Prepare)."""
    scripted = builder.estate.scripted_gateway(network)
    facts = scripted.facts if scripted is not None else ()
    connects = (f for f in facts if f.how in VPN_SITE_EVIDENCE)
    names = dict.fromkeys(
        f.local_site or local_site_stand_in(f.mark, builder.file_shown(f.mark)) for f in connects
    )
    names.update(dict.fromkeys(state.local_site for state in builder.estate.disconnections(network)))
    defined = {key(site.name): site for site in network.vpn_sites}
    links: dict[str, _Link] = {}
    for name in names:
        site = defined.get(key(name))
        link = _vpn_link(builder, network, site) if site is not None else _Link(_LinkKind.SITE_TO_SITE, name)
        links.setdefault(key(name), link)
    return list(links.values())


def _vpn_link(builder: _Builder, network: Network, site: LocalNetworkSite) -> _Link:
    """A VPN connection to a site the files define: transit by MIG305's own test (the site aggregates a hub
    network's range, held by the site or holding it, and on-premises ranges), VNet-to-VNet when a range of
    the site is another network's or holds one (a site written wider than the network it stands for, as
    MIG305 takes it too), site-to-site otherwise."""
    peers = builder.ranges.reached(site, network)[0] or builder.ranges.inside(site, network)
    if builder.reach._via_hub(site, network):
        return _Link(_LinkKind.TRANSIT, site.name, peers)
    # Another network's range beside on-premises ones, but no hub behind it: there is no way to on-premises
    # through it to lose, and the connection to that network becomes a Vnet2Vnet connection.
    return _Link(_LinkKind.VNET_TO_VNET if peers else _LinkKind.SITE_TO_SITE, site.name, peers)


def _peers(link: _Link) -> str:
    return " and ".join(f"'{peer}'" for peer in link.peers)


def _has_gateway(network: Network, links: list[_Link], created: VnetGatewayFact | None = None) -> bool:
    """Whether the network has a gateway: one the files describe, the one its circuit link goes through,
    one a script connects to a local site (of any kind of VPN link), or one a script creates (`created`)."""
    return network.gateway is not None or created is not None or bool(links)


def _gateway_moves(
    network: Network, links: list[_Link], *, with_pool: bool, created: VnetGatewayFact | None = None
) -> list[str]:
    if not _has_gateway(network, links, created):
        return []
    kind = "ExpressRoute gateway" if any(link.kind is _LinkKind.EXPRESSROUTE for link in links) else "gateway"
    moves = [f"the {kind} of '{network.name}'"]
    if created is not None:
        moves = [
            f"the gateway of '{network.name}' (created by {created_words(created)}; "
            f"{created.mark.path}:{created.mark.line}), ExpressRoute or VPN: the files do not show what "
            "connects to it"
        ]
    for link in links:
        if link.kind is _LinkKind.SITE_TO_SITE:
            moves.append(f"its site-to-site VPN connection to local network site '{link.site}'")
        elif link.kind is _LinkKind.VNET_TO_VNET:
            moves.append(
                f"its VNet-to-VNet connection to virtual network {_peers(link)} (local network site '{link.site}')"
            )
        elif link.kind is _LinkKind.TRANSIT:
            moves.append(
                f"its VPN connection to local network site '{link.site}', which holds the range of virtual "
                f"network {_peers(link)} and on-premises ranges (transit)"
            )
    if with_pool and network.gateway is not None and network.gateway.client_address_pool:
        moves.append("its point-to-site configuration (client address pool)")
    return moves


def _gateway_becomes(
    network: Network, links: list[_Link], created: VnetGatewayFact | None = None
) -> list[str]:
    if not _has_gateway(network, links, created):
        return []
    becomes = [
        "a virtual network gateway with the same properties, SKU and public IP address, the address as a "
        f"Basic SKU public IP (retired on {BASIC_SKU})"
    ]
    for link in links:
        if link.kind is _LinkKind.SITE_TO_SITE:
            becomes.append(f"a local network gateway for '{link.site}', and a connection to it")
        elif link.kind is _LinkKind.VNET_TO_VNET:
            becomes.append(
                f"a connection of type Vnet2Vnet to {_peers(link)}, without a local network gateway for "
                f"'{link.site}' (the two local sites and two connections of a classic VNet-to-VNet pair become "
                "two Vnet2Vnet connections)"
            )
        elif link.kind is _LinkKind.TRANSIT:
            becomes.append(
                f"a connection of type Vnet2Vnet to {_peers(link)}, without a local network gateway for "
                f"'{link.site}' and without its on-premises ranges: no route to on-premises through it"
            )
    return becomes


def _vpn_removed(network: Network, vpn: list[_Link]) -> str:
    """What becomes of the VPN side of a gateway connected to ExpressRoute: removed before migrating, as
    MIG301 requires, and recreated afterwards."""
    gateway = network.gateway
    held = [f"its site-to-site VPN connection to local network site '{link.site}'" for link in vpn]
    held += (
        ["its point-to-site configuration (client address pool)"]
        if gateway and gateway.client_address_pool
        else []
    )
    return (
        f"Not moved: {'; '.join(held)}. ExpressRoute and VPN on one gateway do not migrate together (MIG301): "
        "remove the VPN side before Validate (emptying ConnectionsToLocalNetwork removes its connections), "
        "and recreate it in Resource Manager after Commit, as a VPN gateway beside the ExpressRoute one."
    )


def _reference_edit(name: str, links: list[_Link]) -> str:
    sites = ", ".join(f"'{link.site}'" for link in links if link.site)
    if all(link.site for link in links):
        which = f"LocalNetworkSiteRef {sites}"
    else:  # a circuit link no connection in the files names: its site is in the subscription's configuration
        which = f"LocalNetworkSiteRef {sites}, and that of its ExpressRoute circuit" if sites else ""
        which = which or "the one of its ExpressRoute circuit, and any other"
        which += ": the files checked do not show its connection to the circuit"
    return (
        f"# edit the file: delete every reference under <ConnectionsToLocalNetwork> of '{name}' "
        f"({which}), leaving it empty; the file holds every network of the subscription, change no other"
    )


def _circuit_keys(estate: Estate, network: Network) -> tuple[tuple[str, str], ...]:
    """The service key of the circuit `network` is linked to where no script links it by one: the key a
    script moves the circuit with (`Circuit.key_moved`), else none."""
    return next(
        (c.service_keys for c in estate.circuits() if c.key_moved and any(n is network for n in c.networks)),
        (),
    )


def _unlink_powershell(name: str, links: list[_Link], service_key: str, here: bool) -> tuple[str, ...]:
    """Before Validate of a network connected to ExpressRoute, once its circuit is in Resource Manager; and
    the link to remove if the circuit is in another subscription, unless it is `here`."""
    path = ps_quoted("C:\\virtualnetworkconfig.xml")
    elsewhere = (
        "# only if the circuit is in another subscription than this network (downtime: the network is cut "
        "off from it until it is linked again in Resource Manager):",
        f"Remove-AzureDedicatedCircuitLink -ServiceKey {ps_quoted(service_key)} -VNetName {ps_quoted(name)}",
    )
    return (
        f"Get-AzureVNetConfig -ExportToFile {path}",
        _reference_edit(name, links),
        f"Set-AzureVNetConfig -ConfigurationPath {path}",
        *(() if here else elsewhere),
    )


def _unlink_cli(name: str, links: list[_Link], service_key: str, here: bool) -> tuple[str, ...]:
    elsewhere = (
        "# only if the circuit is in another subscription than this network: unlink it first "
        f"(Remove-AzureDedicatedCircuitLink -ServiceKey {ps_quoted(service_key)} -VNetName {ps_quoted(name)} in PowerShell)",
    )
    return (
        "azure network export 'virtualnetworkconfig.xml'",
        _reference_edit(name, links),
        "azure network import 'virtualnetworkconfig.xml'",
        *(() if here else elsewhere),
    )


def _moving_reserved_ips(services: Iterable[CloudService]) -> list[tuple[str, str]]:
    """The reserved IPs that move with the deployments of `services` (by the service's label): those on a
    VIP with an input endpoint, or of a deployment whose endpoints the files do not all show (a reserved IP
    on a VIP without one cannot migrate: MIG106 blocks it, and MIG105 says so)."""
    return [
        (service.label, ip.name)
        for service in services
        for placement in service.placements
        if _has_input_endpoint(placement) is not False
        for ip in _carried_reserved_ips(placement)
    ]


def _bound_reserved_ips(services: Iterable[CloudService]) -> list[tuple[str, BoundReservedIp]]:
    """The reserved IPs an inventory export binds to `services`, not to one of their deployments
    (`CloudService.bound_reserved_ips`), by the service's label: they move with the service's migration,
    unless no deployment of it has an input endpoint on its VIP (MIG106), nor whether one has is unknown."""
    return [
        (service.label, ref)
        for service in services
        if any(_has_input_endpoint(placement) is not False for placement in service.placements)
        for ref in service.bound_reserved_ips
    ]


def _bound(ip: BoundReservedIp) -> str:
    """How a step names a reserved IP bound to its cloud service, not to one of its deployments: what the
    export says of it, the slot where its id names one."""
    if not ip.slot:
        return (
            "bound to the cloud service, slot not known (an inventory export binds it to the service, not to "
            "one of its deployments)"
        )
    return (
        f"bound to the {ip.slot} slot of the cloud service (an inventory export names the slot, and the files "
        "do not say which deployment is in it)"
    )


def _carried_reserved_ips(placement: Placement) -> list[NameRef]:
    """The deployment's reserved IPs that are not stranded, as MIG105 tells them: all of them where the
    files do not list every endpoint, else those with a public input endpoint on their VIP."""
    if not (placement.endpoints_known and placement.roles):
        return list(placement.reserved_ips)
    endpoints = list(_endpoints(placement.roles))
    return [ip for ip in placement.reserved_ips if _carried(ip, endpoints)]


def _network_vips(service: CloudService) -> list[str]:
    """What the VIP of each deployment of VMs of `service`, in a virtual network, becomes: a public IP
    address on the deployment's load balancer, with the cloud service's name as its DNS name (deep dive:
    "The cloud service name becomes a DNS name that is associated with the public IP address"), as a
    deployment in no network's step says. Nothing where no VM has an input endpoint on it, or the files do
    not show every endpoint ("A virtual IP can only be migrated if there is an input endpoint assigned to
    it"), nor where a reserved IP is that VIP, whose own line says what it becomes."""
    return [
        f"the VIP of {service.label}: the cloud service's DNS name on a public IP address of its load balancer "
        f"(Basic SKU, retired on {BASIC_SKU}: upgrade it to Standard)"
        for placement in service.placements
        if placement.vms
        and _has_input_endpoint(placement) is True
        and not any(ip.virtual_ip is None or ip.virtual_ip.default for ip in placement.reserved_ips)
    ]


def _has_input_endpoint(placement: Placement) -> bool | None:
    """Whether a VM of the deployment has an input endpoint on its public VIP; None when the files do not
    show every endpoint (deep dive: "A virtual IP can only be migrated if there is an input endpoint
    assigned to it")."""
    if any(e.is_public for vm in placement.vms for e in vm.endpoints):
        return True
    if not placement.endpoints_known or any("endpoints" in vm.unknown for vm in placement.vms):
        return None
    return False


def _vips_without_endpoint(placements: Iterable[Placement], of: str = "") -> list[str]:
    """What a step says of each virtual IP of the deployments besides the default one that no input endpoint
    of their VMs names (`Placement.other_vips`; deep dive: "A virtual IP can only be migrated if there is an
    input endpoint assigned to it"): the migration leaves it behind. Nothing where the files do not show
    every endpoint, or not which VIP one is on. `of` names the service, for a step that moves several."""
    notes = []
    for placement in placements:
        endpoints = [e for vm in placement.vms for e in vm.endpoints if e.is_public]
        if _has_input_endpoint(placement) is None or any(e.vip_unknown for e in endpoints):
            continue
        on = {key(e.virtual_ip) for e in endpoints}
        notes += [
            f"VIP {named(vip.name)}{of} has no input endpoint: the migration does not carry it over"
            for vip in placement.other_vips
            if key(vip.name) not in on
        ]
    return notes


def _role_names(service: CloudService) -> str:
    """`web/worker roles Web, Worker`; those the files do not name (a package published whole) said so."""
    named = [
        role.name
        for role in service.roles
        if not is_unnamed_role(role.name) and not is_package_roles(role.name)
    ]
    unnamed = " and others the files do not name" if len(named) < len(service.roles) else ""
    if not named:
        return "web/worker roles the files do not name"
    return f"web/worker roles {', '.join(named)}{unnamed}"


def _roles_left_behind(services: Iterable[CloudService], with_vms: bool) -> str:
    """What becomes of the web/worker roles in a network: they stay behind, and block it until they are gone."""
    held = "; ".join(f"{s.label}: {_role_names(s)}" for s in services if s.roles)
    why = (
        "a network that holds VMs and web/worker roles cannot migrate (MIG104): rebuild the roles in Azure "
        "Resource Manager (a classic network of their own would mean redeploying Cloud Services (classic), "
        f"retired on {CLOUD_SERVICES_CLASSIC}) and delete their deployment from this network first"
        if with_vms
        else "the VM migration does not move web/worker roles (MIG101): rebuild them elsewhere, then "
        "remove them from the network before it is migrated"
    )
    return f"Not moved: {held}. {why[0].upper()}{why[1:]}."


# A network's migration does not restart its VMs; those the classic VM retirement deallocated stay so.
_NETWORK_VMS = "None for the VMs: running ones keep running, deallocated ones move deallocated."


def _network_downtime(
    network: Network,
    circuits: tuple[int, ...],
    links: list[_Link],
    *,
    transit: bool,
    noted: bool,
    vms: bool,
    roles: bool,
    authorized: str | None = None,
    created: VnetGatewayFact | None = None,
    legacy_sku: VnetGatewayFact | None = None,
) -> str:
    """What the network's move costs; `circuits` are the numbers of the steps of the circuits it waits for,
    `authorized` the circuit an authorization link links it to across subscriptions ("" when not named),
    None when none does, `created` the gateway a script creates whose kind the files do not state, and
    `legacy_sku` the call that creates its gateway with a legacy VPN SKU (`_legacy_sku`)."""
    first = _NETWORK_VMS if vms else "None for the VMs: the files place none in it."
    if authorized is not None:
        circuit = f"ExpressRoute circuit '{authorized}'" if authorized else "its ExpressRoute circuit"
        first = (
            f"On its link to {circuit}: the link, through an authorization across subscriptions, cannot be "
            "migrated without downtime (MIG311). Remove it before Validate (Remove-AzureDedicatedCircuitLink); "
            "the network is cut off from the circuit until it is linked again in Resource Manager. "
            + ("Its running VMs keep running." if vms else "The files place no VMs in it.")
        )
    parts = [
        first,
        "From Prepare until Commit or Abort the network and everything in it are locked against management "
        "changes.",
    ]
    if roles:
        parts.append("Its web/worker roles do not move: plan the cut-over to the service rebuilt from them.")
    kinds = {link.kind for link in links}
    if _LinkKind.EXPRESSROUTE in kinds:
        # Numbered as the step's "after" says it (`after step 1, step 2`), not by the steps' ids.
        waits = f" ({', '.join(map(str, step_runs(circuits)))})" if circuits else ""
        parts.append(
            "The ExpressRoute gateway moves with the network. Before Validate, every reference under the "
            "network's ConnectionsToLocalNetwork must be removed "
            f"(the commands start with it), and its ExpressRoute circuit must already be in Resource Manager{waits}. "
            "With the circuit in this subscription, the network, its gateway and its VMs migrate without "
            "downtime; a network in another subscription than its circuit needs downtime: unlink it first "
            "(Remove-AzureDedicatedCircuitLink), and it is cut off from the circuit until it is linked again in "
            "Resource Manager."
        )
    elif created is not None:
        parts.append(_unstated_gateway_downtime(network.name, created))
    elif _has_gateway(network, links):  # described, or one a script connects to a local site
        parts.append(_vpn_gateway_downtime(legacy_sku))
    if _LinkKind.SITE_TO_SITE in kinds:
        parts.append("Its site-to-site connections become connections to local network gateways.")
    if _LinkKind.VNET_TO_VNET in kinds or _LinkKind.TRANSIT in kinds:
        parts.append(
            "Its VNet-to-VNet connections become connections of type Vnet2Vnet, without local network gateways."
        )
    if transit and noted:
        parts.append(
            "Its route to on-premises through another network is lost at Commit: see the MIG305 note."
        )
    elif transit:
        parts.append(
            "Its route to on-premises through another network (MIG305) is lost until BGP or a direct "
            "connection to the on-premises local network gateway replaces it."
        )
    parts.append("Alerts, autoscale settings and role assignments are not migrated and must be recreated.")
    return " ".join(parts)


def _vpn_gateway_downtime(legacy_sku: VnetGatewayFact | None) -> str:
    """What the move does to a VPN gateway, and what to do after Commit: its SKU, where a script creates
    it with a legacy one (`legacy_sku`), is named as retired, and is to be resized."""
    if legacy_sku is None:
        return (
            "The gateway moves with the network and keeps its SKU and its public IP address, which becomes a "
            f"Basic SKU public IP (retired on {BASIC_SKU}); the legacy Standard and High Performance gateway "
            f"SKUs were retired on {LEGACY_GATEWAY_SKUS}. After Commit, move the gateway to {VPN_GATEWAY_SKU} "
            "with a Standard SKU public IP."
        )
    at = f"{legacy_sku.mark.path}:{legacy_sku.mark.line}"
    return (
        f"The gateway moves with the network and keeps its SKU, {legacy_sku.sku} ({at}), a legacy VPN gateway "
        f"SKU retired on {LEGACY_GATEWAY_SKUS}, and its public IP address, which becomes a Basic SKU public IP "
        f"(retired on {BASIC_SKU}). After Commit, resize the gateway to {VPN_GATEWAY_SKU} with a Standard SKU "
        "public IP."
    )


def _legacy_sku(estate: Estate, network: str) -> VnetGatewayFact | None:
    """The first call of a script that creates the gateway of the network `network` with a legacy VPN
    gateway SKU (`New-AzureVNetGateway -GatewaySKU HighPerformance`, `azure network vpn-gateway create -k
    Standard`); None when none does. No network configuration, REST body or export the readers take states
    a gateway's SKU."""
    scripted = estate.scripted_gateway(network)
    facts = scripted.facts if scripted is not None else ()
    return next((f for f in facts if f.creates_gateway and key(f.sku) in _LEGACY_SKUS), None)


# The SKUs of New-AzureVNetGateway that retirements.py dates (a VPN gateway's legacy SKUs), by `key`. Its
# other SKU, Default, is dated nowhere the advice rests on: no date is said of it.
_LEGACY_SKUS = frozenset({"standard", "highperformance"})


def _unstated_gateway_downtime(network: str, created: VnetGatewayFact) -> str:
    """What the move of a network does to a gateway a script creates whose kind the files do not state,
    and what to check before Validate, after the gateway migration documents:
    - "VPN gateways are migrated as part of VNet migration from classic to Resource Manager." (VPN Gateway
      classic to Resource Manager migration);
    - "Virtual networks, gateways, and associated deployments within the virtual network that are attached
      to an ExpressRoute circuit in the same subscription can be migrated to the Resource Manager
      environment without any downtime", the circuit moved first ("This is a prerequisite to move resources
      connected to the virtual network"), and to prepare the network: "You must ensure that all references
      to <ConnectionsToLocalNetwork> are removed from the virtual networks to be migrated." (Migrate
      ExpressRoute circuits and associated virtual networks);
    - "VNet with both an ExpressRoute gateway and a VPN gateway isn't currently supported." (MIG301).
    The gateway keeps its SKU and public address either way (MIG301's and MIG302's docs)."""
    legacy = (
        f" (as a VPN gateway's, a legacy SKU retired on {LEGACY_GATEWAY_SKUS})"
        if key(created.sku) in _LEGACY_SKUS
        else ""
    )
    sku = f", {created.sku}{legacy}," if created.sku else ""
    return (
        f"The gateway moves with the network and keeps its SKU{sku} and its public IP address, which "
        f"becomes a Basic SKU public IP (retired on {BASIC_SKU}). The files do not show whether it serves "
        f"ExpressRoute or VPN: before Validate, check with {check_unstated_gateway(network)}. An ExpressRoute "
        "gateway's circuit must be in Resource Manager first, and every reference under the network's "
        "ConnectionsToLocalNetwork removed before Validate; a network with an ExpressRoute gateway and a VPN "
        "gateway does not migrate (MIG301). After Commit, move the gateway to a current SKU with a Standard SKU "
        f"public IP ({VPN_GATEWAY_SKU} for a VPN gateway)."
    )


def service_name(service: CloudService) -> str:
    """The hosted service's name for commands and resource groups; when the files name only its deployment,
    the stand-in the readiness summary lists it by (`<cloud service of deployment myvm, deploy.py:8>`), so
    that one service has one label everywhere."""
    if service.stand_in:  # a script's value it does not state: one stand-in per value, told apart
        return service.stand_in
    if service.named_by == "deployment" or service.named_by in UNNAMED_BY_ROLE:
        return service.listed_name
    return service.name


def _id_name(service: CloudService) -> str:
    """What a service's step ids name it by: its name, or the stand-in for the name a script does not state
    (`<cloud service name, make.py:6>`), which the step's name says, where the id said the stand-in the
    estate keys the service by (`<deployment name, make.py:6>`, of a call that states neither). A service
    named after a VM or a deployment keeps that name, told apart by where it comes from (`service:web01@a`)."""
    return service.stand_in or service.name


def _member(service: CloudService, vms: tuple[Role, ...] | None = None) -> Member:
    return Member(
        service.label,
        tuple(vm.name for vm in (service.listed_vms if vms is None else vms)),
        tuple(role.name for role in service.roles),
    )


def _vms(service: CloudService) -> str:
    parts = [_vm_list(service.listed_vms)] if service.vms else []
    parts += [_unsorted_roles(service)] if service.unsorted_roles else []
    return ", ".join(parts) or "nothing the files describe"


def _placement_vms(service: CloudService, placement: Placement) -> str:
    """A deployment's VMs, and its roles an export does not say the kind of (`_unsorted_roles`)."""
    parts = [_vm_list(placement.listed_vms, service.looped_over)] if placement.vms else []
    if placement.unsorted_roles:
        names = [role.name for role in placement.unsorted_roles]
        parts.append(f"{plural('role', len(names))} {', '.join(names)}, of a kind the export does not say")
    return ", ".join(parts)


def _unsorted_roles(service: CloudService) -> str:
    """`role app01, of a kind the export does not say`: roles that may be VMs or web/worker roles."""
    names = [role.name for role in service.unsorted_roles]
    return f"{plural('role', len(names))} {', '.join(names)}, of a kind the export does not say"


# How the stand-in begins for the VMs a body changes without naming them (`<VMs of load-balanced set web>`).
_VMS_OF = "<VMs of "


def written_vm_name(vm: Role) -> tuple[str, str]:
    """`vm`'s name as its file writes it, and the file the estate named it with ("" where it did not): a VM
    several files name by one placeholder in a cloud service is named with its file in the estate (`<vm-name>
    (web.ps1)`: two VMs, each filled in by its own file's user), which is no name a command can be given, nor
    one the file writes. The file is its base name, or its path where files of the run share that name."""
    name = vm.name
    at = name.rfind(" (")
    if at <= 0 or not name.endswith(")"):
        return name, ""
    written, shown = name[:at], name[at + 2 : -1]
    owner = owner_of(vm.mark, written)
    if shown not in (owner, posixpath.basename(owner)) or not is_placeholder(written, "VM"):
        return name, ""
    return written, shown


def _told_apart(vm: Role, repeated: frozenset[str] = frozenset()) -> str:
    """A VM named with its file (`written_vm_name`), in words: `'<vm-name>' of web.ps1`; one of a placeholder
    other VMs of the list it is in have too (`repeated`), by where it is written: `'[VM NAME]' (rest.xml:5)`;
    "" for any other."""
    written, file = written_vm_name(vm)
    if file:
        return f"'{written}' of {file}"
    return f"'{vm.name}' ({vm.mark.path}:{vm.mark.line})" if vm.name in repeated else ""


def _repeated_placeholders(vms: Iterable[Role]) -> frozenset[str]:
    """The placeholders (`model.is_placeholder`: `'[VM NAME]'`) that name more than one of `vms`: a body that
    lists two roles of one placeholder describes two VMs, each filled in on its own, which read as one name
    said twice unless each is said with where it is written."""
    counts = Counter(vm.name for vm in vms if is_placeholder(vm.name, "VM"))
    return frozenset(name for name, count in counts.items() if count > 1)


def _vm_said(vm: Role) -> str:
    """A VM's name quoted for a step's words (`estate.named`), one named with its file as `_told_apart`."""
    told = _told_apart(vm)
    return f"{told} (a placeholder the file leaves to fill in)" if told else named(vm.name, "VM")


def _looked_up(vm: Role, repeated: frozenset[str] = frozenset()) -> tuple[str, str]:
    """The name a command looks `vm` up by, and what to say after the command: where the estate named the VM
    with its file (`written_vm_name`), the placeholder as the file writes it, which is what to replace, and
    a comment that says which file's VM the command is for; else its name, and nothing."""
    written, file = written_vm_name(vm)
    if file:
        return written, f"  # VM '{written}' of {file}:{vm.mark.line}: put its name in place of '{written}'"
    if vm.name in repeated:  # one of several VMs of the list named so (`_repeated_placeholders`)
        return (
            vm.name,
            f"  # VM '{vm.name}' of {vm.mark.path}:{vm.mark.line}: put its name in place of '{vm.name}'",
        )
    return vm.name, ""


def _made_in_loop(vms: Sequence[Role]) -> str:
    """What a loop does to the VMs it names by its item: "changed" where it only changes VMs it takes from a
    query (`Get-AzureVM -Name $r.Vm | … | Update-AzureVM`, `Role.changes_existing`), else "created"."""
    return "changed" if all(vm.changes_existing for vm in vms) else "created"


def _vm_list(vms: Sequence[Role], service_loop: str = "") -> str:
    """VMs by name, in words: "VMs web01, web02". The VMs of a set a body changes without naming them stand
    as one (`<VMs of load-balanced set web>`), said in those words: "the VMs of load-balanced set web". A
    VM a script creates in each round of a loop over a list it does not write out (`Role.looped_over`) is
    said to be an unknown number of them: "VMs created in a loop over $Names (<VM name, d.ps1:3>, 1 or
    more)", the VMs of one loop said together (`create_virtual_machine_deployment` in its first turn,
    `add_role` in the others: "(<VM name, c.py:9>, <VM name, c.py:11>, 1 or more)"). Of a service created
    in each round of a loop itself (`service_loop`, see `CloudService.looped_over`), a VM of the same loop's
    round is one VM of each service, named as any other."""
    sets = [vm.name for vm in vms if vm.name.startswith(_VMS_OF)]
    own = [vm for vm in vms if not vm.name.startswith(_VMS_OF)]
    looped = [vm for vm in own if vm.looped_over and vm.looped_over != service_loop]
    named_vms = [vm.name for vm in own if not vm.looped_over or vm.looped_over == service_loop]
    repeated = _repeated_placeholders(own)
    shown = [
        _told_apart(vm, repeated)
        or (
            f"{vm.name} (a placeholder the file leaves to fill in)" if cannot_name("VM", vm.name) else vm.name
        )
        for vm in own
        if not vm.looped_over or vm.looped_over == service_loop
    ]
    parts = [f"VMs {', '.join(shown)}"] if named_vms else []
    by_loop: dict[str, list[Role]] = {}
    for vm in looped:
        by_loop.setdefault(vm.looped_over, []).append(vm)
    parts += [
        f"VMs {_made_in_loop(in_loop)} in a loop over {listed} ({', '.join(vm.name for vm in in_loop)}, 1 or more)"
        for listed, in_loop in by_loop.items()
    ]
    return ", ".join(parts + [f"the {name[1:-1]}" for name in sets])


def _contents(service: CloudService) -> str:
    parts = [_vm_list(service.listed_vms)] if service.vms else []
    parts += [_role_names(service)] if service.roles else []
    parts += [_unsorted_roles(service)] if service.unsorted_roles else []
    return "; ".join(parts) or "nothing the files describe"


def _service_steps(builder: _Builder, service: CloudService) -> list[Step]:
    """A cloud service outside any network: one step per deployment of VMs; web/worker services and
    services whose network the files do not state are listed without commands."""
    if service.virtual_network_refs:
        return []  # part of its network's step
    if service.roles:
        return [_unmigratable(builder, service)]
    if not service.placements:
        return []  # no deployment the files describe (a lone configuration): nothing for a step to move
    if not service.network_known:
        return [_undetermined(builder, service)]
    # A deployment an export lists only by roles of a kind it does not say may be one of VMs: a step, not
    # decided, rather than none.
    placements = [p for p in service.placements if (p.vms or p.unsorted_roles) and p.network_known]
    if not placements:
        return []  # no step: its warnings are notes outside the steps
    # MIG105 is what the step's downtime says already; the other warnings are notes.
    notes = tuple(n for n in builder.attention(service) if n.finding.code != "MIG105")
    return [_service_step(builder, service, p, notes) for p in placements]


def _named_by(service: CloudService, deployment: str) -> bool:
    """Whether the service is known only by this deployment's name: saying both would say it twice."""
    return service.named_by == "deployment" and service.name == deployment


def _one_name(service: CloudService, deployment: str) -> bool:
    """Whether a step is named by the service alone: where it is known only by this deployment's name, or
    where the deployment is named after a service the files do not name (`azure vm create $SERVICE`), so
    that `service/deployment` would repeat one stand-in (`<cloud service name, deploy.sh:1>` twice)."""
    return _named_by(service, deployment) or (service.name == deployment and is_stand_in(deployment))


def _token_twice(service: CloudService, deployment: str) -> bool:
    """Whether a step's name would say one pipeline token twice (`$(Env)-svc/$(Env)-svc`: the classic CLI names
    the deployment after its service): it is shown as its placeholder once (`_token_named_first`)."""
    return service.name == deployment and is_pipeline_token(deployment)


def _placement_step_id(builder: _Builder, service: CloudService, deployment: str) -> str:
    """The id of the step of a deployment of a service (`service:shop/prod`), by the service alone where
    its name says it alone (`_one_name`): a stand-in's id is `service:<cloud service name, deploy.sh:1>`,
    as its name is, where it said the stand-in twice."""
    base = (
        f"service:{_id_name(service)}"
        if _one_name(service, deployment)
        else f"service:{_id_name(service)}/{deployment}"
    )
    return builder.step_id(base, service)


def _placement_words(service: CloudService, deployment: str) -> str:
    """A deployment of a service, in words; the services a script creates one per item of a loop, as
    such: "cloud services created in a loop over $vmList (<cloud service name, d.ps1:25>, 1 or more),
    each with its VMs"."""
    if service.looped_over:
        made = "changed" if service.looped_changes_only else "created"
        return (
            f"cloud services {made} in a loop over {service.looped_over} ({service_name(service)}, "
            "1 or more), each with its VMs"
        )
    if _named_by(service, deployment):
        return service.label
    # The classic CLI's `azure vm create` names the deployment after its service: a stand-in of the
    # service's name is then the deployment's too, which is said, not left to look like a slip.
    after_service = (
        " (the deployment is named after its service)" if _named_after_service(service, deployment) else ""
    )
    return f"{service.label}, deployment {named(deployment, 'Deployment')}{after_service}"


def _named_after_service(service: CloudService, deployment: str) -> bool:
    """Whether the deployment's name is a stand-in that is its service's (`<cloud service name, a.sh:2>`)."""
    return is_stand_in(deployment) and deployment == service_name(service)


def _service_step(
    builder: _Builder, service: CloudService, placement: Placement, notes: tuple[str, ...]
) -> Step:
    name = service_name(service)
    deployment = placement.name
    stated = _deployment_name(placement)
    arguments = f"-ServiceName {ps_quoted(name)} -DeploymentName {ps_quoted(stated)}"
    cli_arguments = f"{sh_quoted(name)} {sh_quoted(stated)}"
    maybe = builder.maybe_vips(service, placement)
    if maybe and _has_input_endpoint(placement) is False:  # one that is its VIP stays behind (MIG106)
        notes += (_maybe_stranded(maybe),)
        maybe = []
    if stated != deployment:
        notes = (_unnamed_deployment_note(service, deployment), *notes)
    notes += tuple(_key_vault_notes(builder, service))
    notes += tuple(_unseen_export_notes(service, placement.vms))  # this deployment's, as `unseen_export`
    notes += tuple(_vips_without_endpoint([placement]))
    state, state_note = _migration_state((*placement.vms, *placement.unsorted_roles))
    if state:
        notes = (state_note, *notes)
    if placement.may_hold_undescribed_vms:
        notes = (_partly_described_note(service), *notes)
    apart = builder.file_apart(service.mark)
    notes = (*_unnamed_service_notes(service, builder), *_looped_service_notes(service, apart), *notes)
    step = Step(
        id=_placement_step_id(builder, service, deployment),
        kind=StepKind.SERVICE,
        name=builder.step_name(
            service.listed_name
            if _one_name(service, deployment) or _token_twice(service, deployment)
            else f"{service.listed_name}/{deployment}",
            service,
        ),
        wave=1,
        after=(),
        moves=(
            f"{_placement_words(service, deployment)}{'' if stated == deployment else _UNNAMED_DEPLOYMENT}: "
            + _placement_vms(service, placement),
            *_vm_security_groups(placement.vms),
            *(
                f"reserved IP {named(ip, 'ReservedIP')}"
                for _, ip in _moving_reserved_ips([_alone(service, placement)])
            ),
            *(
                f"reserved IP {named(ip.name, 'ReservedIP')} if it is this deployment's VIP: {_bound(ip)}"
                for _, ip in _bound_reserved_ips([_alone(service, placement)])
            ),
            *(f"reserved IP {named(ip.name, 'ReservedIP')}, {_maybe_vip(ip)}" for ip in maybe),
        ),
        becomes=(
            f"resource group '{name}-Migrated' with the VMs, in a new virtual network (or an existing Resource "
            "Manager network you name)",
            *_vm_public_ips(placement.vms),
            *_computer_names(placement.vms),
            *_vip_becomes(service, placement, maybe),
            *_load_balancers("the cloud service", service, placement.vms, (placement,)),
        ),
        downtime=(
            f"{_service_vms_downtime(placement)} "
            f"{_vip_downtime(service, placement, maybe, builder.classic_region(service))}"
        ),
        blockers=builder.blockers(service),
        notes=notes,
        powershell=_migration_commands(state, _service_powershell(arguments, name, placement.listed_vms)),
        cli=_migration_commands(state, _service_cli(cli_arguments, placement.listed_vms)),
        members=(_member(service, placement.listed_vms),),
        migration_state=state,
        partly_described=placement.may_hold_undescribed_vms,
        unseen_export=placement.imports_unseen_export,
        name_unstated="cloud service's name" if _unnamed_service(service) else "",
    )
    step = _placeholder_vms_first(
        _token_named_first(step, "cloud service", name, service.name_kind), placement.vms
    )
    # A deployment's token that holds its service's is shown in the service's placeholder already.
    return step if name in stated else _token_named_first(step, "deployment", stated)


# What the platform answers a change to a resource between its Prepare and its Commit or Abort (errors
# 2023): the management plane is locked.
_LOCKED = (
    'until Commit or Abort the platform refuses every change to what the step moves ("... is in the process '
    'of being migrated and hence cannot be changed", "Management operations on VM are disallowed because '
    'migration is in progress"): a script that updates it fails (MIG602)'
)
_ALREADY_PREPARED = "# prepared already (the files say MigrationState Prepared): no Validate or Prepare"


def _migration_state(vms: Iterable[Role]) -> tuple[str, str]:
    """(state, note) of a step whose VMs an export gives a migration state (Get-AzureVM's
    `VM.MigrationState`), after the first VM that has one; ("", "") when none has. Prepared: Validate and
    Prepare have run, Commit or Abort is next (walkthroughs). A state the documents do not describe (a
    Prepare or Commit still running, one that failed) says only that the migration has started."""
    stated = [vm for vm in vms if vm.migration_state is not None]
    if not stated:
        return "", ""
    first = stated[0].migration_state
    assert first is not None
    where = "; ".join(
        f"VM {named(vm.name, 'VM')} {ref.name} ({ref.mark.path}:{ref.mark.line})"
        for vm in stated
        if (ref := vm.migration_state) is not None
    )
    if all(vm.migration_state and may_be_prepared(vm.migration_state.name) for vm in stated):
        return first.name, _locked_note(stated)
    if all(vm.migration_state and vm.migration_state.name.casefold() == "prepared" for vm in stated):
        return first.name, (
            f"The files say this step is prepared already (MigrationState: {where}): Validate and Prepare "
            f"have run, and what is left is the check, then Commit, or Abort to roll back; {_LOCKED}."
        )
    return first.name, (
        f"The files say a migration of this step has started (MigrationState: {where}), in a state the "
        "documents do not describe: find where it stands (the check's commands) before running any of its "
        f"commands; Prepared means Commit or Abort next, and {_LOCKED}."
    )


def _locked_note(locked: list[Role]) -> str:
    """The note of a step whose VMs' exports say their deployment is locked (`DEPLOYMENT_LOCKED`: a Resource
    Graph row's `deploymentLocked`, a Get-AzureDeployment export's `Locked`, each named by where it is written):
    a migration's Prepare may hold it, or another operation; which is not known."""
    where = "; ".join(
        f"{'role' if vm.kind_unsaid else 'VM'} {named(vm.name, 'VM')} ({ref.mark.path}:{ref.mark.line})"
        for vm in locked
        if (ref := vm.migration_state) is not None
    )
    return (
        f"An export says the deployment of this step's VMs is locked ({where}): it "
        "may be prepared for migration already (Validate and Prepare have run, Commit or Abort is next), or "
        "another operation may be updating it; the export does not say which. Find where it stands first "
        "(`Get-AzureVM -ServiceName <service> -Name <VM>` shows the VM's MigrationState, or run the check's "
        f"commands) before running the step's commands: a prepared step needs no Prepare, and {_LOCKED}."
    )


def _migration_commands(state: str, commands: Commands) -> Commands:
    """The commands of a step the files say is prepared already: no Validate or Prepare (nor what comes
    before Validate), the check, Commit and Abort."""
    if state.casefold() != "prepared":
        return commands
    return replace(commands, before=(), validate=(_ALREADY_PREPARED,), prepare=())


def _in_order(mark: Mark) -> tuple[str, int, int]:
    """Where a mark is, in the order files and lines are read."""
    return mark.path, mark.line, mark.column


def _unseen_export_notes(service: CloudService, vms: Sequence[Role] | None = None) -> list[str]:
    """What a step says of each VM of the service a script creates from an Export-AzureVM file
    (`Import-AzureVM -Path x.xml | New-AzureVM`) or a classic CLI role file (`azure vm create-from svc
    x.json`) that is not among the files checked (`Role.from_unseen_file`), as it says of a network whose
    definition is not: what the file holds is not known, and adding it decides it."""
    notes = []
    for vm in service.vms if vms is None else vms:
        if not vm.from_unseen_file:  # joined to the file's description: known
            continue
        # A stand-in names where the script creates the VM already (`<VM name, a.ps1:6>`).
        label = vm.name if is_stand_in(vm.name) else f"'{vm.name}' ({vm.mark.path}:{vm.mark.line})"
        file = f"'{vm.imported_from}'" if vm.imported_from else "the script reads"
        # Only PowerShell imports (`Role.imported`); the classic CLI's vm create-from reads a role file.
        made = (
            f"the Export-AzureVM file {file} (Import-AzureVM)"
            if vm.imported
            else f"the role file {file} (azure vm create-from)"
        )
        again = (
            f" (Export-AzureVM -ServiceName {ps_quoted(service_name(service))} -Name <VM name> -Path <path>.xml "
            "writes it again)"
            if vm.imported
            else ""
        )
        notes.append(
            f"VM {label} of {service.label} is created from {made}, which is not among the files checked: its "
            "endpoints and their access control lists, subnets, availability set and extensions (what MIG103, "
            "MIG106 and MIG201 to MIG203 read) are not known, nor whether they block the migration. Add that "
            f"file to the files checked{again} to have them checked."
        )
    return notes


def _key_vault_notes(builder: _Builder, service: CloudService) -> list[str]:
    """What becomes of the service certificates of a cloud service of VMs (deep dive: "Virtual machine
    certificates"): a key vault the migration creates for the service, which must stay. Said once per
    service, at the first file and line that states a certificate of it; no finding, as it blocks nothing."""
    first = builder.first_certificate(service)
    if first is None:
        return []
    return [
        f"{service.label} holds service certificates ({first.stated_by}, {first.mark.path}:{first.mark.line}): "
        "the migration creates a key vault for the service and moves its certificates into it; the VMs then "
        "reference them from it. Do not delete that key vault: a VM can go into a failed state."
    ]


# Where Move-AzureService puts the VMs of a deployment outside any network (PowerShell walkthrough, Step
# 5.1 Option 1): a network the platform creates, or an existing Resource Manager one, whose resource group,
# name and subnet the files do not state (the CLI takes them as resource group, subnet, network).
_NEW_NETWORK = "-CreateNewVirtualNetwork"
_EXISTING_NETWORK = (
    "-UseExistingVirtualNetwork -VirtualNetworkResourceGroupName '<resource group>' "
    "-VirtualNetworkName '<network>' -SubnetName '<subnet>'"
)
_CLI_NEW_NETWORK = "new '' '' ''"
_CLI_EXISTING_NETWORK = "existing '<resource group>' '<subnet>' '<network>'"
_OR_EXISTING = "# or, into an existing network: "
# The check between Prepare and Commit (walkthroughs: "query the migration state of the VMs. Ensure that
# they're in the Prepared state").
_PREPARED = "# each VM's migration state must be Prepared:"
_CLI_PREPARED = "# each VM's migration state must be Prepared (its verbose output shows it):"


def _service_powershell(arguments: str, service: str, vms: Iterable[Role]) -> Commands:
    """Move-AzureService for one deployment: into a new network, or an existing one (the same target for
    Validate as for Prepare), then each VM's MigrationState, and the resource group, checked."""
    validate, prepare = f"Move-AzureService -Validate {arguments}", f"Move-AzureService -Prepare {arguments}"
    return Commands(
        validate=_validate(
            f"{validate} {_NEW_NETWORK}", f"{_OR_EXISTING}({validate} {_EXISTING_NETWORK}).ValidationMessages"
        ),
        prepare=(f"{prepare} {_NEW_NETWORK}", f"{_OR_EXISTING}{prepare} {_EXISTING_NETWORK}"),
        check=(_PREPARED, *_prepared_states(service, vms), _resource_group(service)),
        commit=(f"Move-AzureService -Commit {arguments}",),
        abort=(f"Move-AzureService -Abort {arguments}",),
    )


def _service_cli(arguments: str, vms: Iterable[Role]) -> Commands:
    """The classic CLI's `service deployment` migration, as `_service_powershell`; the CLI shows a VM's
    migration state in `azure vm show`'s verbose output."""
    validate = f"azure service deployment validate-migration {arguments}"
    prepare = f"azure service deployment prepare-migration {arguments}"
    return Commands(
        validate=(f"{validate} {_CLI_NEW_NETWORK}", f"{_OR_EXISTING}{validate} {_CLI_EXISTING_NETWORK}"),
        prepare=(f"{prepare} {_CLI_NEW_NETWORK}", f"{_OR_EXISTING}{prepare} {_CLI_EXISTING_NETWORK}"),
        check=(_CLI_PREPARED, *_prepared_states_cli(vms)),
        commit=(f"azure service deployment commit-migration {arguments}",),
        abort=(f"azure service deployment abort-migration {arguments}",),
    )


def _prepared_states(service: str, vms: Iterable[Role]) -> list[str]:
    """Get-AzureVM's MigrationState of each VM by name; of every VM of the service, once, for VMs the files
    stand for without naming them (`<VMs of cloud service web>`), or where they name none (a service a
    script only associates a reserved IP with): no `-Name` a command could be given."""
    vms = list(vms)
    names = [vm.name for vm in vms]
    repeated = _repeated_placeholders(vms)
    named = [_looked_up(vm, repeated) for vm in vms if not vm.name.startswith(_VMS_OF)]
    states = [
        f"(Get-AzureVM -ServiceName {ps_quoted(service)} -Name {ps_quoted(name)}).VM.MigrationState{said}"
        for name, said in named
    ]
    if len(named) < len(names) or not names:  # none named: those the service holds, whichever they are
        states.append(
            f"Get-AzureVM -ServiceName {ps_quoted(service)} | ForEach-Object {{ '{{0}}: {{1}}' -f $_.Name, "
            f"(Get-AzureVM -ServiceName {ps_quoted(service)} -Name $_.Name).VM.MigrationState }}"
        )
    return states


def _prepared_states_cli(vms: Iterable[Role]) -> list[str]:
    """`azure vm show` of each VM by name; for VMs the files stand for without naming them, of each VM
    `azure vm list` shows in the service, which the command leaves to fill in."""
    vms = list(vms)
    names = [vm.name for vm in vms]
    repeated = _repeated_placeholders(vms)
    named = [_looked_up(vm, repeated) for vm in vms if not vm.name.startswith(_VMS_OF)]
    states = [f"azure vm show {sh_quoted(name)} -vv{said}" for name, said in named]
    if len(named) < len(names) or not names:  # none named: those the service holds, whichever they are
        which = "each other VM" if named else "each VM"
        states += [
            f"# {which} of the cloud service that `azure vm list` shows:",
            "azure vm show '<VM name>' -vv",
        ]
    return states


UNSTATED_DEPLOYMENT = "<deployment name>"
# What the step's moves say of a deployment the estate names after its folder or file.
_UNNAMED_DEPLOYMENT = " (a stand-in: the files do not name the deployment)"


def _deployment_name(placement: Placement) -> str:
    """The deployment's name for the commands: the one the files state, else a placeholder to fill in. The
    estate names a deployment no file names (Export-AzureVM files with no disk list stating theirs, a
    .cscfg) after its folder or file, which is no name the platform knows; a script's stand-in
    (`<deployment name, deploy.py:48>`) is one already, and says where the script gives it. The stand-in
    of the VMs a body changes without naming them (`<VMs of load-balanced set web>`), after which the estate
    names their placement, names no deployment, nor does a service's name a script's reader gave a deployment
    that may exist before the script under another (`Placement.name_assumed`)."""
    stand_in = (
        is_stand_in(placement.name) and not placement.name.startswith(_VMS_OF) and not placement.name_assumed
    )
    if placement.deployment_named or stand_in:
        return placement.name
    return UNSTATED_DEPLOYMENT


def _unnamed_deployment_note(service: CloudService, stand_in: str) -> str:
    """How to find the name of a deployment the files do not name, for the commands' placeholder. Of a
    service whose name no file states either, the deployment's stand-in is the service's: the commands'
    placeholder is then the deployment's, and the command that gives it needs the service's name filled in
    first (`_unnamed_service_notes`)."""
    ask = f"Get-AzureDeployment -ServiceName {ps_quoted(service_name(service))} -Slot Production"
    if _unnamed_service(service):
        return (
            f"The files do not name its deployment either: fill in its name for '{UNSTATED_DEPLOYMENT}' in the "
            f"commands. Once the cloud service's name is in place of '{service_name(service)}', {ask} gives it "
            "(DeploymentName; -Slot Staging for a staging deployment)."
        )
    return (
        f"The files do not name this deployment ('{stand_in}' stands for it here): fill in its name for "
        f"'{UNSTATED_DEPLOYMENT}' in the commands. {ask} gives it (DeploymentName; -Slot Staging for a "
        "staging deployment)."
    )


def _unnamed(name: str, kind: str) -> bool:
    """Whether a name in the commands is one of migcheck's stand-ins, not a name (nor a placeholder a file
    writes, which the file's user knows to fill in)."""
    return is_stand_in(name) and not is_placeholder(name, kind)


def _unnamed_service(service: CloudService) -> bool:
    """Whether the service's name in the commands is one of migcheck's stand-ins (`_unnamed`)."""
    return _unnamed(service_name(service), "CloudService")


# How the note that says what a step's stand-in name stands for begins (`_fill_in_first`): the formats put
# it right under the step's heading, before the stand-in is repeated in what the step moves and runs.
FILL_IN_FIRST = "Fill in first:"


def _fill_in_first(words: str, name: str, find: str, apart: str = "") -> str:
    """The note that puts a step's stand-in name (`<reserved IP name, ip.py:132>`) before anything else: it
    says where the script passes the name, that no command runs as written, and how to `find` it. Where
    another file of that name has a stand-in that reads alike (`_Builder.apart`), the file is named by its
    path (`apart`), as the step's heading tells the two apart."""
    passed = f"<{words} name, "
    where = name.removeprefix(passed).removesuffix(">") if name.startswith(passed) else ""
    # A runbook's or script's parameter (`<cloud service name, -ServiceName of workflow New-TestVM,
    # New-TestVM.ps1:85>`): the value its job or run is given, which is where to look the name up.
    origin, _, at = where.rpartition(", ") if where.startswith("-") else ("", "", where)
    file = at.split(":", 1)[0]
    if apart and posixpath.basename(apart) == file:
        at = apart + at[len(file) :]
    given = f": it is the value given to {origin}" if origin else ""
    acts = f", which the command at {at} acts on when it runs" if at else ""
    return (
        f"{FILL_IN_FIRST} the files do not state the name of this {words}{given}{acts}. '{name}' stands for it in "
        f"this step, and no command here runs until its name is put in place of '{name}': {find}."
    )


def _looped_service_notes(service: CloudService, apart: str = "", rebuilt: bool = False) -> tuple[str, ...]:
    """Of a service a script creates in each round of a loop over a list the files do not hold, named by
    the loop's item (`CloudService.looped_over`): the step stands for each of those services, one per item,
    and is taken once for each; one of web/worker roles (`rebuilt`), whose step moves nothing, stands for
    each service whose roles are rebuilt. The script is named by its path (`apart`, `_Builder.file_apart`)
    where another file has its name, as the other notes name it."""
    if not service.looped_over:
        return ()
    name = service_name(service)
    at = f"{apart or posixpath.basename(service.mark.path)}:{service.mark.line}"
    if rebuilt:
        return (
            f"One step for each: the script deploys a cloud service of web/worker roles in each round of its "
            f"loop over {service.looped_over} (at {at}), one per item, as many as the list holds when it runs, "
            f"which the files do not say. This step stands for each of them: rebuild the roles of each, with "
            f"its name in place of '{name}'.",
        )
    return (
        f"One step for each: the script creates a cloud service in each round of its loop over "
        f"{service.looped_over} (at {at}), one per item, as many as the list "
        f"holds when it runs, which the files do not say. Take this step once for each of them, with its name "
        f"in place of '{name}' and its VMs' names in place of theirs.",
    )


def _unnamed_service_notes(service: CloudService, builder: _Builder) -> tuple[str, ...]:
    """What to fill in before any command of a cloud service whose name the files do not state (a value a
    script gets only when it runs): its stand-in (`<cloud service name, site.yml:6>`) is in the commands,
    which cannot run as written."""
    if not _unnamed_service(service):
        return ()
    find = f"Get-AzureVM, with no parameters, lists each VM with its ServiceName ({_vms_to_find(service, builder)})"
    return (_fill_in_first("cloud service", service_name(service), find, builder.file_apart(service.mark)),)


# How to find the real name of a resource a step names by a stand-in, by the kind its stand-in names (the
# type the readiness summary gives it) and the words the step says it with.
_FIND_NAME = {
    "ReservedIP": (
        "reserved IP",
        "Get-AzureReservedIP lists the subscription's reserved IPs (ReservedIPName)",
    ),
    "NetworkSecurityGroup": (
        "network security group",
        "Get-AzureNetworkSecurityGroup lists the subscription's network security groups (Name)",
    ),
    "RouteTable": ("route table", "Get-AzureRouteTable lists the subscription's route tables (Name)"),
    "StorageAccount": (
        "storage account",
        "Get-AzureStorageAccount lists the subscription's storage accounts (StorageAccountName)",
    ),
    "VirtualNetwork": (
        "virtual network",
        "Get-AzureVNetSite lists the subscription's virtual networks (Name)",
    ),
}


def _named_first(step: Step, kind: str, name: str, apart: str = "") -> Step:
    """The step of a resource of `kind` (`_FIND_NAME`) named `name`, which, where that name is a stand-in,
    says first to fill it in, and is not ready until then, as the step of a cloud service the files do not
    name (`_unnamed_service_notes`): none of its commands runs as written."""
    words, find = _FIND_NAME[kind]
    if not _unnamed(name, kind):
        return _token_named_first(step, words, name, kind)
    return replace(
        step, notes=(_fill_in_first(words, name, find, apart), *step.notes), name_unstated=f"{words}'s name"
    )


def _token_named_first(step: Step, words: str, name: str, kind: str = "") -> Step:
    """The step of a resource of `words` (`virtual network`) named `name`, which, where that name is a
    pipeline token (`#{Env}#-vnet`, `__Env__-vnet`: `estate.is_pipeline_token`), says first that the build or
    deployment fills it in, shows it as a placeholder in the form of a stand-in in its commands and wherever
    else it is a name the step calls the resource by (the step's own name, the resource group it becomes, a
    command its downtime gives), while what it moves says the token as the file writes it; and is not
    ready until it is put in: no command runs with the token as written, and the file may be deployed under
    several values of it. Where `name` is a placeholder the file leaves to fill in (of a resource of `kind`:
    `_placeholder_named_first`), the step says so first, and is not ready either."""
    if not is_pipeline_token(name):
        return _placeholder_named_first(step, words, name, kind)
    placeholder = f"<{words} name, {name} filled in>"
    note = (
        f"{FILL_IN_FIRST} the name of this {words} is '{name}', a pipeline token: the build or deployment tool "
        f"replaces it with a value of its own before the file is deployed, and the files do not say which. "
        f"'{placeholder}' stands for it in this step, and no command here runs until the name the token "
        f"is given (in the pipeline's or release's variables) is put in its place: take this step once for "
        f"each value it is deployed with."
    )
    return replace(
        step,
        name=step.name.replace(name, placeholder),
        becomes=tuple(line.replace(name, placeholder) for line in step.becomes),
        downtime=step.downtime.replace(name, placeholder),
        notes=(note, *step.notes),
        powershell=_commands_naming(step.powershell, name, placeholder),
        cli=_commands_naming(step.cli, name, placeholder),
        name_unstated=step.name_unstated or f"{words}'s name",
    )


def _placeholder_named_first(step: Step, words: str, name: str, kind: str) -> Step:
    """The step of a resource of `words` named `name`, which, where that name is a placeholder a file leaves
    to fill in (`'YOUR_STORAGE_ACCOUNT'`, `'<vnet-name>'`: `model.is_placeholder`), says first that the name
    is to be put in its place, and is not ready until then: no platform resource has that name, so every
    command of the step fails as written. The commands keep the placeholder, which is what to replace."""
    if not is_placeholder(name, kind):
        return step
    note = (
        f"{FILL_IN_FIRST} the name of this {words} is '{name}', a placeholder the file leaves to fill in: no "
        f"{words} is named so, and no command here runs until the name of the one the file is deployed with "
        f"is put in place of '{name}'."
    )
    return replace(step, notes=(note, *step.notes), name_unstated=step.name_unstated or f"{words}'s name")


def _placeholder_vms_first(step: Step, vms: Iterable[Role]) -> Step:
    """The step moving `vms`, which, where a file names one by a placeholder it leaves to fill in (`'<vm-name>'`,
    `'[MY VM]'`, `'YOUR_VM'`: `model.is_placeholder`), says first to put in that VM's name, and is not ready
    until then, as the step of a service so named (`_placeholder_named_first`): no VM has that name, so the
    step's checks of it (Get-AzureVM -Name, azure vm show) find none, and which VM it moves is not known."""
    placeholders = [vm for vm in vms if is_placeholder(vm.name, "VM")]
    repeated = _repeated_placeholders(placeholders)
    names = list(dict.fromkeys(_told_apart(vm, repeated) or f"'{vm.name}'" for vm in placeholders))
    if not names:
        return step
    said = ", ".join(names)
    told_apart = bool(repeated) or any(written_vm_name(vm)[1] for vm in placeholders)
    of = "in" if told_apart else "of"  # not `'<vm-name>' of web.ps1 of this step`
    note = (
        f"{FILL_IN_FIRST} {plural('VM', len(names))} {said} {of} this step {'is' if len(names) == 1 else 'are'} "
        "named by a placeholder the file leaves to fill in: no VM is named so, and the commands that look a VM "
        "up by its name find none until the name of the one the file is deployed with is put in its place."
    )
    return replace(step, notes=(note, *step.notes), name_unstated=step.name_unstated or "VM's name")


def _commands_naming(commands: Commands | None, name: str, placeholder: str) -> Commands | None:
    """`commands` with `placeholder` wherever they write the pipeline token `name` (the step's own text,
    where the name is quoted as it is, alone or in a resource group's name)."""
    if commands is None:
        return None
    return Commands(
        *(
            tuple(line.replace(name, placeholder) for line in getattr(commands, part.name))
            for part in fields(commands)
        )
    )


def _vms_to_find(service: CloudService, builder: _Builder) -> str:
    """The VMs to look for in Get-AzureVM's list to find their service, in words."""
    names = [vm.name for vm in service.vms if not is_stand_in(vm.name)]
    if names:
        return "look for " + ", ".join(f"'{name}'" for name in names)
    if not service.vms:
        return "look for the VMs this step moves"
    # No VM's name either: what else the files say of them is where they are made, and their subnets (a
    # service in a network the files name is in that network's step, whose commands name no service).
    made = dict.fromkeys(f"{builder.file_shown(vm.mark)}:{vm.mark.line}" for vm in service.vms)
    found = f"the files name none of its VMs: they are those the command at {', '.join(made)} acts on"
    subnets = dict.fromkeys(s.name for vm in service.vms for s in vm.subnets if not is_stand_in(s.name))
    named = ", ".join(f"'{name}'" for name in subnets)
    return found + (f", in subnet {named}" if named else "")


def _alone(service: CloudService, placement: Placement) -> CloudService:
    """The service with this one deployment, for what is said per deployment."""
    return replace(service, placements=(placement,))


def _maybe_vip(ip: ReservedIp) -> str:
    """How a step names a reserved IP that may be its deployment's VIP (`ReservedIp.maybe_service`)."""
    return f"if it is its deployment's VIP ({_maybe_call(ip)})"


def _maybe_call(ip: ReservedIp) -> str:
    at = f"{ip.maybe_at.path}:{ip.maybe_at.line}" if ip.maybe_at is not None else ip.mark.path
    if ip.maybe_other_vip:  # the call gives it a VIP the script does not name: this one or another
        return f"a call that names a virtual IP the script does not state decides it: {at}"
    return f"a call that may not run decides it: {at}"


def _maybe_stranded(maybe: Sequence[ReservedIp]) -> str:
    """What becomes of reserved IPs that may be the VIP of a deployment with no input endpoint on it: if one
    is, it cannot move with it (MIG106); either way it moves on its own, freed first if it is."""
    calls = "; ".join(dict.fromkeys(_maybe_call(ip) for ip in maybe))
    names = [ip.name for ip in maybe]
    return (
        f"Reserved IP {_quoted_names(names, 'ReservedIP')} may be this deployment's VIP ({calls}), which has "
        f"no input endpoint: if it is, it cannot move with it (MIG106). If it is, to {_freed_and_moved(names)}"
    )


def _freed_and_moved(names: Sequence[str], roles: bool = False) -> str:
    """How reserved IPs a deployment's migration does not carry are moved, in the one wording every step
    uses (after "to"): freed, then moved on their own, which keeps their address. `roles`: they are the VIP
    of web/worker roles, which no migration moves (MIG101): freeing them takes the address from the roles,
    so it waits for the service rebuilt from them."""
    moves = "; ".join(
        f"Move-AzureReservedIP -Validate, -Prepare, -Commit -ReservedIPName {ps_quoted(name)}"
        for name in names
    )
    when = (
        " when the service rebuilt from the roles is ready to take the traffic (the roles are reached at "
        "another address from then)"
        if roles
        else ""
    )
    return f"keep its address, free it (Remove-AzureReservedIPAssociation){when}, then move it on its own ({moves})."


def _vip_becomes(
    service: CloudService, placement: Placement, maybe: Sequence[ReservedIp] = ()
) -> tuple[str, ...]:
    """What the deployment's public VIP becomes: nothing without an input endpoint on it (deep dive: "A
    virtual IP can only be migrated if there is an input endpoint assigned to it"), and each of its other
    VIPs a public IP of its own."""
    from migcheck.rules.cloud_services import unreserved_other_vips

    if _has_input_endpoint(placement) is False:
        return (
            "no public IP address: no VM of the deployment has an input endpoint, and a VIP without one is not migrated",
        )
    becomes = tuple(
        f"reserved IP {named(ip.name, 'ReservedIP')}: {_STATIC_PUBLIC_IP}"
        for ip in _carried_reserved_ips(placement)
    )
    becomes += tuple(
        f"reserved IP {named(ip.name, 'ReservedIP')}, if it is this deployment's VIP: {_STATIC_PUBLIC_IP}"
        for _, ip in _bound_reserved_ips([_alone(service, placement)])
    )
    becomes += tuple(
        f"reserved IP {named(ip.name, 'ReservedIP')}, if it is this deployment's VIP: {_STATIC_PUBLIC_IP}"
        for ip in maybe
    )
    # Each other VIP with an endpoint becomes a public IP of its own (deep dive: "Every public IP associated
    # with the load balancer is converted to a public IP resource"); a reserved one is said above.
    becomes += tuple(
        f"virtual IP '{vip}': a public IP address of its own, on the deployment's load balancer (Basic SKU, "
        f"retired on {BASIC_SKU}: upgrade it to Standard)"
        for vip in unreserved_other_vips(placement)
    )
    # MIG105's test: the default VIP is reserved unless every reserved IP is on another VIP.
    if any(ip.virtual_ip is None or ip.virtual_ip.default for ip in placement.reserved_ips):
        return becomes
    return (
        f"the cloud service's DNS name on a public IP address (Basic SKU, retired on {BASIC_SKU}: upgrade it to "
        "Standard)",
        *becomes,
    )


def _service_vms_downtime(placement: Placement) -> str:
    """What Prepare does to the VMs of a deployment in no virtual network (deep dive: stop, deallocate,
    start), each by its state as MIG105 says it: stopped ones are deallocated and not started, VMs
    deallocated already are moved as they are. Of roles an export does not say the kind of, which of them
    are VMs is not known: what Prepare does to a VM is said of them."""
    from migcheck.rules.virtual_machines import prepare_downtime

    if not placement.vms:
        return (
            "Those of its roles that are VMs and run are stopped, deallocated and started again during "
            "Prepare; their private addresses change."
        )
    return prepare_downtime(placement)


def _vip_downtime(
    service: CloudService, placement: Placement, maybe: Sequence[ReservedIp] = (), region: str = ""
) -> str:
    """Whether the deployment's public address survives the stop and deallocation of Prepare, as MIG105
    says it (the step's downtime stands for its finding), with how to keep an address that changes (deep
    dive: "If you don't want to lose the public IP address, consider reserving the IP address before
    triggering the prepare operation"), in the service's `region` (`_classic_region`)."""
    from migcheck.rules.cloud_services import _vip_outside_vnet, unreserved_other_vips

    vip, fix = _vip_outside_vnet(placement)
    said = f"{vip[0].upper()}{vip[1:]}"
    if fix:  # the VIP is kept, or has nothing to keep: MIG105 gives a fix of its own then
        return f"{said}."
    bound = [ip for _, ip in _bound_reserved_ips([_alone(service, placement)])]
    if bound and not placement.reserved_ips:
        return _bound_vip_downtime(service, bound, region)
    if maybe:
        return _maybe_vip_downtime(service, maybe, region)
    # The rule's own fix (reserve the VIP) is for a default VIP whose address changes, and any other VIP's.
    others = unreserved_other_vips(placement)
    if others:
        reserve = "; ".join(_reserve_vip(service, region, vip) for vip in ("", *others))
        return (
            f"{said}. To keep their addresses, reserve them before Prepare while a VM of the deployment still "
            f"runs ({reserve}); once all are deallocated the addresses are gone."
        )
    return (
        f"{said}: to keep its address, reserve it before Prepare while a VM of the deployment still runs "
        f"({_reserve_vip(service, region)}); once all are deallocated the address is gone."
    )


def _reserve_vip(service: CloudService, region: str, vip: str = "") -> str:
    """The command that reserves the VIP of the service's deployment (deep dive: reserve it before Prepare):
    its default one, or the virtual IP `vip` of a deployment with several, in the service's `region` (a
    reserved IP must be in its cloud service's region: Create Reserved IP Address), a placeholder for ""."""
    name = ps_quoted(service_name(service))
    of = f" -VirtualIPName {ps_quoted(vip)}" if vip else ""
    location = ps_quoted(region) if region else "'<region>'"
    return f"New-AzureReservedIP -ReservedIPName '<name>' -Location {location} -ServiceName {name}{of}"


def _classic_regions(estate: Estate) -> dict[str, str]:
    """The region the files place each service in (by `key` of its name), as the classic API names it
    (`West Europe`), for a classic cmdlet's `-Location`; none for a service they place in no region, or in
    several. An inventory export writes Resource Manager's name (`westeurope`), which the classic API does
    not list: a placeholder stands for it there. One pass over the regions, not one per service."""
    written: dict[str, dict[str, str]] = {}  # by service, the classic names by Resource Manager's
    for service, location in _service_regions(estate):
        if region_name(location) and " " in location:
            written.setdefault(key(service), {})[region_key(location)] = location
    return {service: next(iter(names.values())) for service, names in written.items() if len(names) == 1}


def _service_regions(estate: Estate) -> Iterator[tuple[str, str]]:
    """Each service of the subscription with a region the files place it in, as written: its own, or that of
    the affinity group it is placed in when the files create the group in one region only (one created in
    two is in neither here, as a service placed in two regions is: `Estate.affinity_groups`)."""
    for r in estate.resources(ServiceRegion):
        if not _of_subscription(estate, r):
            continue
        if not r.affinity_group:
            yield r.service, r.location.strip()
        elif (group := estate.affinity_groups.get(key(r.affinity_group))) is not None:
            yield r.service, group.location.strip()


def _of_subscription(estate: Estate, record: ServiceRegion) -> bool:
    """Whether a service's region is of this estate's subscription: every file's is, and an export's row
    of the subscription the exports were joined to the files by."""
    return not record.subscription or estate.of_subscription(record)


def _bound_vip_downtime(service: CloudService, bound: list[BoundReservedIp], region: str = "") -> str:
    """Whether the deployment's public address survives Prepare, when an export binds reserved IPs to its
    service and not to one of its deployments: it does if one of them is this deployment's VIP."""
    named = ", ".join(f"'{ip.name}'" for ip in bound)
    check = "; ".join(f"Get-AzureReservedIP -ReservedIPName {ps_quoted(ip.name)}" for ip in bound)
    slots = {key(ip.slot) for ip in bound}
    binds = "to the cloud service without saying which deployment's VIP it is"
    if len(slots) == 1 and bound[0].slot:  # the slot its id names, the same for each
        slot = bound[0].slot
        binds = (
            f"to the {slot} slot of the cloud service, while the files do not say which deployment is in it"
        )
    return (
        f"Its VIP is kept if it is reserved IP {named}, which an inventory export binds {binds}; otherwise it "
        f"changes. Check it before Prepare ({check}: "
        "its DeploymentName); if it is another deployment's, to keep this one's address, reserve it while a VM "
        f"of the deployment still runs ({_reserve_vip(service, region)})."
    )


def _maybe_vip_downtime(service: CloudService, maybe: Sequence[ReservedIp], region: str = "") -> str:
    """Whether the deployment's public address survives Prepare, when a script gives it a reserved IP, or
    takes one off it, by a call that may not run (`ReservedIp.maybe_service`): what becomes of the
    address and of the reserved IP either way (deep dive: a reserved IP associated with the load balancer
    migrates with the cloud service; an unassociated one is moved with Move-AzureReservedIP)."""
    named = _quoted_names((ip.name for ip in maybe), "ReservedIP")
    calls = "; ".join(dict.fromkeys(_maybe_call(ip) for ip in maybe))
    check = "; ".join(f"Get-AzureReservedIP -ReservedIPName {ps_quoted(ip.name)}" for ip in maybe)
    alone = "; ".join(
        f"Move-AzureReservedIP -Validate, -Prepare, -Commit -ReservedIPName {ps_quoted(ip.name)}"
        for ip in maybe
    )
    return (
        f"Its VIP may be reserved IP {named} ({calls}). If it is, the VIP keeps its address and the reserved IP "
        f"moves with this step. If not, the VIP changes, and the reserved IP, attached to nothing, moves on its "
        f"own ({alone}). Check it before Prepare ({check}: its ServiceName and DeploymentName); to keep a VIP "
        f"that is not reserved, reserve it while a VM of the deployment still runs ({_reserve_vip(service, region)})."
    )


def _unmigratable(builder: _Builder, service: CloudService) -> Step:
    return Step(
        id=builder.step_id(f"web-worker:{_id_name(service)}", service),
        kind=StepKind.WEB_WORKER,
        name=builder.step_name(service.listed_name, service),
        wave=1,
        after=(),
        moves=(),  # nothing: the note says what stays behind
        becomes=("nothing: rebuild the roles on App Service, Azure Container Apps, AKS or VM Scale Sets",),
        downtime="Not migrated by this process: plan the cut-over to the rebuilt service.",
        blockers=builder.blockers(service),
        notes=(
            f"Not moved: {service.label}: {_contents(service)}{_staging(service)}.",
            *_looped_service_notes(service, builder.file_apart(service.mark), rebuilt=True),
            *_bound_to_roles(service),
            *_balancers_of_roles(service),
            *builder.attention(service),
        ),
        members=(_member(service),),
    )


def _staging(service: CloudService) -> str:
    """Which slots the files deploy the web/worker roles to, where one is Staging (a publish profile's
    `AzureSlot`, a script's `-Slot Staging`, a REST body's `DeploymentSlot`): a staging deployment is not the
    one that serves the service's address, and is rebuilt too. Nothing where none is said to be Staging. A
    deployment of no stated slot beside a Staging one is in the other, Production (a slot holds one)."""
    stated = {key(p.slot) for p in service.placements if p.web_worker_roles}
    if "staging" not in stated:
        return ""
    both = "production" in stated or "" in stated
    return ", deployed to its Production and Staging slots" if both else ", deployed to its Staging slot"


def _bound_to_roles(service: CloudService) -> tuple[str, ...]:
    """What becomes of the reserved IPs of a service of web/worker roles, those its deployments' service
    configurations name and those an export binds to the service: they do not move with roles that do not
    move (MIG101); freed, they move on their own."""
    named = [placement for placement in service.placements if placement.reserved_ips]
    groups: dict[str, list[str]] = {}
    for placement in named:  # several: alternatives, each a deployment with a VIP of its own (say whose)
        whose = _naming(service, placement) if len(named) > 1 else "the VIP of its deployment"
        groups.setdefault(whose, []).extend(ref.name for ref in placement.reserved_ips)
    for ref in service.bound_reserved_ips:  # those of one slot (or of none the export names) together
        groups.setdefault(_bound(ref), []).append(ref.name)
    return tuple(
        f"Reserved IP {_quoted_names(names, 'ReservedIP')}, {whose}, does not move: the roles do not. "
        f"To {_freed_and_moved(names, roles=True)}"
        for whose, names in groups.items()
    )


def _balancers_of_roles(service: CloudService) -> tuple[str, ...]:
    """What becomes of the internal load balancers of a service of web/worker roles (its configurations'
    `LoadBalancers`, a deployment body's): they do not move with roles that do not move (MIG101)."""
    balancers: dict[str, InternalLoadBalancer] = {}
    for placement in service.placements:
        for balancer in placement.internal_load_balancers:
            if balancer.name.strip():
                balancers.setdefault(key(balancer.name), balancer)
    return tuple(
        f"Internal load balancer {named(balancer.name)} of {service.label}{_frontend(balancer)} does not move: "
        "the roles do not. "
        "Where the rebuilt service is to be reached at a private address too, give it an internal load balancer "
        "of its own in Resource Manager (Standard SKU)."
        for balancer in balancers.values()
    )


def _naming(service: CloudService, placement: Placement) -> str:
    """Which of a service's deployments names a reserved IP, where several do: by its configuration file
    (alternative .cscfg files each deploy on their own, with one VIP), else by its name."""
    if placement.mark in {config.mark for config in service.configurations}:
        return f"the VIP configuration {placement.name} names"
    return f"the VIP of deployment {named(placement.name, 'Deployment')}"


def _quoted_names(names: Iterable[str], kind: str = "") -> str:
    """The names quoted, each said to be a placeholder or a pipeline token where it is one (`named`)."""
    return ", ".join(named(name, kind) for name in names)


def _undetermined(builder: _Builder, service: CloudService) -> Step:
    """A cloud service of VMs whose files do not state their network (Export-AzureVM files). VMs in subnets
    are in a virtual network (only a VM in a network may have none): one the files do not name, or one of
    those that define every one of the subnets (the estate places it in the network when only one does). VMs
    in none may be in a network without subnets, or in none. Which is not known, so the step is not decided.
    The commands are those of each possibility but a network of the files: that network's own step moves the
    service with it, and its commands are not said twice."""
    subnets = [s for p in service.placements for s in placement_subnets(p)]
    unnamed: list[str] = []  # the deployment Move-AzureService names, when the files do not name it
    if subnets:
        networks = [builder.classic_network_name(n) for n in _defining(builder.estate, subnets)]
        where = _in_unnamed_network(service, subnets, networks)
        becomes = "as its network's migration has it: VMs of a virtual network move with it"
        downtime = "None: VMs in a virtual network are migrated with it, running ones keep running."
    else:
        networks, deployment = [], next((p for p in service.placements if p.vms), service.placements[0])
        unnamed += [] if _deployment_name(deployment) == deployment.name else [deployment.name]
        where = (
            f"{_no_subnets(service)} Check which with Get-AzureDeployment -ServiceName "
            f"{ps_quoted(service_name(service))} (VirtualNetworkName), then run the commands for that one."
        )
        becomes = "depends on its network: check it with a REST deployment body or Get-AzureVM"
        downtime = "In a virtual network: none (migrated with the network). In none: stop, deallocate, start."
    commands = _possible_commands(service, in_none=not subnets) if not networks else (None, None)
    step = Step(
        id=builder.step_id(f"service:{_id_name(service)}", service),
        kind=StepKind.UNKNOWN_NETWORK,
        name=builder.step_name(service.listed_name, service),
        wave=1,
        after=(),
        moves=(
            f"{service.label}: {_contents(service)}",
            *_vm_security_groups(service.vms),
            *(f"reserved IP {named(ip, 'ReservedIP')}" for _, ip in _moving_reserved_ips([service])),
            *(
                f"reserved IP {named(ip.name, 'ReservedIP')}, {_bound(ip)}"
                for _, ip in _bound_reserved_ips([service])
            ),
        ),
        becomes=(
            becomes,
            *_vm_public_ips(service.vms),
            *_computer_names(service.vms),
            *_load_balancers("the cloud service", service, service.vms, service.placements),
        ),
        downtime=downtime,
        blockers=builder.blockers(service),
        notes=(
            *_unnamed_service_notes(service, builder),
            *_refused_without_network(service),
            where,
            *(_unnamed_deployment_note(service, name) for name in unnamed),
            _partly_described_note(service)
            if service.partly_described
            else "Add the deployment's REST body (Get-AzureDeployment) to plan this service exactly.",
            *builder.attention(service),
        ),
        powershell=commands[0],
        cli=commands[1],
        members=(_member(service),),
        partly_described=service.partly_described,
        network_unknown=True,
        network_undefined=builder.undecided_network(service),
        unseen_export=service.imports_unseen_export,
        name_unstated="cloud service's name" if _unnamed_service(service) else "",
    )
    step = _token_named_first(step, "cloud service", service_name(service), service.name_kind)
    return _placeholder_vms_first(step, service.vms)


def _partly_described_note(service: CloudService) -> str:
    """What a step says of a service whose deployment may hold VMs no file describes, and what to add so
    that the plan can decide it."""
    name = ps_quoted(service_name(service))
    if service.unsorted_roles:
        return (
            f"An export lists {plural('role', len(service.unsorted_roles))} "
            f"{', '.join(r.name for r in service.unsorted_roles)} of {service.label} without saying their kind "
            "(Get-AzureDeployment names a deployment's roles, not which are VMs): a web or worker role would block it (MIG101), "
            "and Validate takes in every VM (their availability sets, the VIP, their addresses), so whether it "
            f"passes is not decided. Add an export of its VMs (Get-AzureVM -ServiceName {name} | ConvertTo-Json "
            "-Depth 10), or the service's .csdef, to the files checked to decide it."
        )
    return (
        f"The files may not hold every VM of {service.label}: a script adds VMs to, or changes, a deployment "
        "that exists, which no file checked creates or describes whole. Validate takes in its other VMs too "
        "(their availability sets, the VIP, their addresses), so whether it passes is not decided. Add the "
        f"deployment's REST body (Get-AzureDeployment -ServiceName {name}) or an export of its VMs "
        f"(Get-AzureVM -ServiceName {name} | ConvertTo-Json -Depth 10) to the files checked to decide it."
    )


def _defining(estate: Estate, subnets: Sequence[NameRef]) -> list[str]:
    """The networks of the files that define every one of `subnets`, by name: a deployment is in one
    network, which defines each subnet its VMs are in."""
    wanted = {key(subnet.name) for subnet in subnets}
    return [n.name for n in estate.virtual_networks if wanted <= {key(s.name) for s in n.subnets}]


def _in_unnamed_network(service: CloudService, subnets: Sequence[NameRef], networks: Sequence[str]) -> str:
    """The note of a service whose VMs are in subnets that not exactly one network of the files defines
    all of (`networks`, those that do)."""
    names = list(dict.fromkeys(s.name for s in subnets))
    several = len(names) > 1
    in_vms = any(vm.subnets for p in service.placements for vm in p.vms)
    balancers = sum(b.subnet is not None for p in service.placements for b in p.internal_load_balancers)
    if not balancers:
        what = "VMs are"
    elif in_vms:
        what = "VMs and internal load balancers are"
    else:  # a script that only adds an internal load balancer (Add-AzureInternalLoadBalancer -SubnetName)
        what = "internal load balancers are" if balancers > 1 else "internal load balancer is"
    said = f"Its {what} in subnet{'s' if several else ''} {_quoted_names(names)}, so in a virtual network"
    find = f"Find it with Get-AzureDeployment -ServiceName {ps_quoted(service_name(service))} (VirtualNetworkName)"
    if not networks:
        return (
            f"{said} the files do not name: none of their networks defines {'them all' if several else 'it'}. "
            f"{find}, and migrate that network: its migration moves this service. Add the network's "
            "configuration to the files checked to plan it."
        )
    return (
        f"{said}: {_quoted_names(networks)} {'each define' if len(networks) > 1 else 'defines'} "
        f"{'them all' if several else 'it'}, and the files do not say which it is in. {find}: that network's "
        "migration (its own step, whose commands are not repeated here) moves this service."
    )


def _refused_without_network(service: CloudService) -> tuple[str, ...]:
    """What the step says of a deployment a file creates with VMs in a subnet and no virtual network
    (`Placement.subnets_without_network`): a subnet is only ever one of a network's, and the platform
    refuses such a call where it creates the deployment, so as written it creates nothing."""
    return tuple(
        f"{placement.mark.path}:{placement.mark.line} creates the deployment of {service.label} with VMs in a "
        "subnet and names no virtual network (New-AzureVM -Location without -VNetName; virtual_network_name, "
        "VirtualNetworkName or --virtual-network-name left out): the platform refuses that call, as a subnet "
        "is only ever one of a virtual network's, so as written it creates nothing. Name the network there "
        "(or drop the subnet) before relying on the service."
        for placement in service.placements
        if placement.subnets_without_network
    )


def _no_subnets(service: CloudService) -> str:
    """What the files say of the network of a service whose VMs name no subnet: that it has none, or
    nothing, where a VM's subnets are not known (a change to a VM that exists, `Get-AzureVM | ... |
    Update-AzureVM` or `update_role`, leaves them as they were)."""
    if not service.vms:  # named only by a change to it (`Set-AzureReservedIPAssociation -ServiceName x`)
        return (
            "The files state neither its virtual network nor what it holds (VMs, or web and worker roles): "
            "it may be in any network, or in none."
        )
    unsaid = [vm for vm in service.vms if "subnets" in vm.unknown]
    if not unsaid:
        return (
            "The files do not state its virtual network, and its VMs name no subnet: it is in a network "
            "without subnets, or in none."
        )
    why = " (they only change VMs that exist)" if all(vm.changes_existing for vm in unsaid) else ""
    return (
        f"The files state neither its virtual network nor its VMs' subnets{why}: it may be in any network, "
        "or in none."
    )


def _possible_commands(service: CloudService, in_none: bool) -> tuple[Commands, Commands]:
    """The commands of the network the files do not name that the service may be in (`<network>`), and,
    where it may be in none, those of a deployment outside any network; each said after what it is for."""
    network = "<network>"
    labelled = [
        (
            f"if it is in virtual network '{network}' (its migration moves the service)",
            _move(
                "Move-AzureVirtualNetwork",
                f"-VirtualNetworkName {ps_quoted(network)}",
                _FIND_PORTAL_NETWORK if portal_short_name(network) else _resource_group(network),
            ),
            _cli("azure network vnet", sh_quoted(network)),
        )
    ]
    if in_none:
        placement = next((p for p in service.placements if p.vms), service.placements[0])
        name, deployment = service_name(service), _deployment_name(placement)
        labelled.append(
            (
                "if it is in no virtual network",
                _service_powershell(
                    f"-ServiceName {ps_quoted(name)} -DeploymentName {ps_quoted(deployment)}",
                    name,
                    service.listed_vms,
                ),
                _service_cli(f"{sh_quoted(name)} {sh_quoted(deployment)}", service.listed_vms),
            )
        )
    if len(labelled) == 1:
        return labelled[0][1], labelled[0][2]
    return (
        _either([(label, ps) for label, ps, _ in labelled]),
        _either([(label, cli) for label, _, cli in labelled]),
    )


def _either(alternatives: Sequence[tuple[str, Commands]]) -> Commands:
    """Commands that are alternatives, each part after a comment saying which it is for."""

    def part(name: str) -> tuple[str, ...]:
        lines: list[str] = []
        for label, commands in alternatives:
            said = tuple(c for c in getattr(commands, name) if c != _VALIDATION_ERRORS)
            lines += [f"# {label}:", *said] if said else []
        errors = any(_VALIDATION_ERRORS in getattr(c, name) for _, c in alternatives)
        return (*lines, *([_VALIDATION_ERRORS] if errors else []))

    return Commands(*(part(name) for name in ("validate", "prepare", "check", "commit", "abort", "before")))


def _storage_steps(builder: _Builder) -> list[Step]:
    """A storage account after every step that holds a VM with a disk in it. One with a disk attached to a
    VM no file describes waits for that VM, whose step the files do not show: it comes in the wave after
    every step that moves VMs, as an account the files show no disk in does, where it is safe either way."""
    waves = {step.id: step.wave for step in builder.steps}
    vm_steps = None  # `_vm_steps`, found once: the steps it reads do not change in the loop
    steps = []
    for account in builder.estate.storage_accounts:
        after = {step for disk in account.disks for step in _steps_moving(builder, disk)}
        if builder.estate.vms_elsewhere(account):
            if vm_steps is None:
                vm_steps = _vm_steps(builder)
            after.update(vm_steps)
        wave = 1 + max((waves.get(step, 1) for step in after), default=0)
        steps.append(_storage_step(account, tuple(sorted(after)), wave, builder))
    return steps


def _unstated_account_step(builder: _Builder, account: UnstatedAccount, waves: Mapping[str, int]) -> Step:
    """The storage account that holds the OS disk of a VM the files create, where no file states which
    (`estate.UnstatedAccount`): after the VM's step, as every account of a VM's disks, and not ready until
    its name is filled in (`_named_first`), since none of its commands runs as written. `waves`: the wave
    of each step built before it, by id."""
    name = account.name
    after = tuple(
        sorted({step for service, vm in account.vms for step in _steps_moving_vm(builder, service, vm)})
    )
    vms = [_vm_said(vm) for _, vm in account.vms]
    step = Step(
        id=_own_step_id(f"storage:{name}", name, account.mark, builder.apart(name, account.mark)),
        kind=StepKind.STORAGE,
        name=_own_step_name(name, account.mark, builder.apart(name, account.mark)),
        wave=1 + max((waves.get(step, 1) for step in after), default=0),
        after=after,
        moves=(f"storage account {name} ({_held(account)} of {_vms_said(vms)})",),
        becomes=(
            f"storage account {name} in resource group '{name}-Migrated'; classic disks and images "
            "stop being visible as such (their VHDs stay in the account)",
        ),
        downtime="None for data access. Migrate it only after every VM with a disk in it.",
        blockers=(),
        notes=_unstated_account_notes(account, builder.stated_by(account.vms[0][1].mark)),
        powershell=_move(
            "Move-AzureStorageAccount", f"-StorageAccountName {ps_quoted(name)}", _resource_group(name)
        ),
        cli=_storage_cli(name),
    )
    return _named_first(step, "StorageAccount", name, builder.file_apart(account.mark))


def _accounts_joined(steps: list[Step], unstated: list[Step]) -> list[Step]:
    """`steps` with the steps of the accounts no file states (`unstated`) after them, but for one whose
    stand-in names an account a step of `steps` moves already: the classic CLI's pick in a location, which
    holds the image of a VM captured and deleted and the disks of the VMs kept there. One step moves all of
    it then, in the wave after both, with what each says of it."""
    stated = {step.name: at for at, step in enumerate(steps) if step.kind is StepKind.STORAGE}
    joined = list(steps)
    for step in unstated:
        at = stated.get(step.name)
        if at is None:
            joined.append(step)
            continue
        held = joined[at]
        joined[at] = replace(
            held,
            wave=max(held.wave, step.wave),
            after=tuple(sorted({*held.after, *step.after})),
            moves=_moves_joined(held.moves, step.moves, step.name),
            notes=(*step.notes, *(note for note in held.notes if note not in step.notes)),
        )
    return joined


def _moves_joined(stated: tuple[str, ...], unstated: tuple[str, ...], name: str) -> tuple[str, ...]:
    """What one step moves of an account `name` a file states and the same account no file states (see
    `_accounts_joined`): one phrase, what the second holds said in the first's parentheses (`storage
    account '<...>' (1 image, the OS disk of VM 'web2')`), where each says it in one line as its step does
    (`_storage_step`, `_unstated_account_step`); both lines otherwise."""
    opening = f"storage account {name} ("
    said = stated[0] if len(stated) == 1 and len(unstated) == 1 else ""
    if not said.endswith(")") or not unstated[0].startswith(opening):
        return (*stated, *unstated)
    return (f"{said[:-1]}, {unstated[0].removeprefix(opening)}",)


def _held(account: UnstatedAccount) -> str:
    """What of its VMs an account no file states holds: their OS disks, or the data disk they are given."""
    if account.data_disk is not None:
        return "the data disk"
    os_disks = f"the OS disk{'s' if len(account.vms) > 1 else ''}"
    if not account.data_disks:
        return os_disks
    if len(account.data_disks) > 1:
        return f"{os_disks} and {len(account.data_disks)} data disks"
    (disk,) = account.data_disks
    return f"{os_disks} and the data disk{f' at LUN {disk.lun}' if disk.lun else ''}"


def _vms_said(vms: list[str]) -> str:
    return f"VM{'s' if len(vms) > 1 else ''} {', '.join(vms)}"


def _unstated_account_notes(account: UnstatedAccount, by: str) -> tuple[str, ...]:
    """Why the files do not state the account, how to state it, and where the platform says which it is:
    one note for an account every VM of which is in it for one reason (the current account, a registered
    disk, an export's rows or a template's VMs, `by` naming which writes them), one per VM otherwise."""
    unplaced = account.data_disk or account.vms[0][1].unplaced_disk
    if account.place is DiskPlace.CURRENT_ACCOUNT and unplaced is not None:
        return (_current_account_note(account, unplaced.scope),)
    if account.place is DiskPlace.PROVIDER_IMAGE and unplaced is not None:
        return (_provider_image_note(account, unplaced.scope),)
    if account.place is DiskPlace.REGISTERED_DISK and unplaced is not None:
        return (_registered_disk_note(account, disk_to_look_up(unplaced)),)
    if account.place is DiskPlace.LEFT_OUT:
        return (_left_out_note(account, by),)
    return tuple(_unstated_account_note(service, vm) for service, vm in account.vms)


def _vm_labels(account: UnstatedAccount) -> str:
    labels = [_vm_label(vm) for _, vm in account.vms]
    return f"VM{'s' if len(labels) > 1 else ''} {', '.join(labels)}"


def _disks_of(account: UnstatedAccount) -> str:
    held = _held(account)
    return f"{held[0].upper()}{held[1:]} of {_vm_labels(account)}"


def _them(account: UnstatedAccount) -> str:
    return "them" if len(account.vms) > 1 else "it"


def _are(account: UnstatedAccount) -> str:
    return "are" if len(account.vms) > 1 else "is"


def _current_account_note(account: UnstatedAccount, location: str) -> str:
    """The account the platform puts the OS disks of VMs made from an image without a blob in: the
    subscription's current storage account (PowerShell), or the classic CLI's pick in the location."""
    shared = "one account for them all" if len(account.vms) > 1 else "one account for every such VM"
    if location:
        return (
            f"{_disks_of(account)} {_are(account)} made by azure vm create without a blob URL (-u): the classic CLI puts "
            f"{_them(account)} in the first storage account the subscription lists in {location} (azure storage "
            f"account list), or in one it creates there when it lists none, {shared}. It migrates after "
            "the VMs (Move-AzureStorageAccount), and what else is in it is not known. azure vm disk list "
            "gives each disk's blob once the VMs exist, the account's name first in its host; state the "
            "blob (-u) to decide it."
        )
    os_disks = _disks_of(account._replace(data_disks=()))  # the data disks are said on their own
    return (
        f"{os_disks} {_are(account)} made from an image with no blob named (New-AzureVMConfig or "
        f"New-AzureQuickVM without -MediaLocation): the platform puts {_them(account)} in the subscription's current "
        f"storage account, which no file states, {shared}. It migrates after the VMs "
        "(Move-AzureStorageAccount), and what else is in it is not known. (Get-AzureSubscription "
        "-Current).CurrentStorageAccountName says which it is; state it (Set-AzureSubscription "
        "-CurrentStorageAccountName) or the blob (-MediaLocation) to decide it."
        + _new_data_disks_said(account)
    )


def _new_data_disks_said(account: UnstatedAccount) -> str:
    """Where the account holds new data disks of the VMs too (`UnstatedAccount.data_disks`): why."""
    if not account.data_disks:
        return ""
    return (
        " The data disks Add-AzureDataDisk -CreateNew without -MediaLocation adds are made there too "
        f"({', '.join(disk.name for disk in account.data_disks)})."
    )


def _provider_image_note(account: UnstatedAccount, address: str) -> str:
    """The account of a Terraform VM made with no `storage_service_name`: none for a platform image, which
    the classic provider refuses without it, the image's own for a VM image; the image's kind is not told."""
    return (
        f"{_disks_of(account)} {_are(account)} made by {address}, which sets no storage_service_name: the "
        'classic provider refuses a platform image without it ("When using a platform image, the '
        "'storage_service_name' parameter is required\"), so `terraform apply` makes no VM, and puts the disks "
        "of a VM image (one captured of a VM) in that image's storage account, which no file states. It "
        "migrates after the VMs (Move-AzureStorageAccount). Get-AzureVMImage lists the VM images and "
        "their disks' blobs, the account's name first in each host; for a platform image, set "
        f"storage_service_name on {address} to decide it."
    )


def _registered_disk_note(account: UnstatedAccount, disk: str) -> str:
    """The account of a registered disk a VM is made from, which no file places (no Add-AzureDisk, Disks
    list or Get-AzureDisk export states its blob): the disk is to be looked up, not its blob stated."""
    find = f"Get-AzureDisk -DiskName {ps_quoted(disk)}" if disk else "Get-AzureDisk (DiskName, AttachedTo)"
    several = len(account.vms) > 1 and account.data_disk is None  # a data disk is one disk for them all
    return (
        f"{_disks_of(account)} {'are registered disks' if several else 'is a registered disk'}"
        f"{f' ({disk})' if disk else ''} whose blob no file states: it is in that disk's storage account, "
        "which migrates after the VMs (Move-AzureStorageAccount), and what else is in it is not known. "
        f"{find} gives its MediaLink, the account's name first in its host. Look the disk up there, "
        "not its blob in the script; check an export of the disks (Get-AzureDisk) with the files, or the "
        "script that registers it (Add-AzureDisk -MediaLocation), to decide it."
    )


def _left_out_note(account: UnstatedAccount, by: str) -> str:
    """The accounts of the disks of every VM of an export whose query left storageProfile out, or of a
    deployment template (`by`, as `stated_by` names it) that declares its VMs without one: a template is
    not exported again, its VMs' disks are stated in it, or looked up in an export of the deployed VMs."""
    vms = f"({_vm_labels(account)}): the storage accounts of their disks, one or more, are in no file, and "
    moved = "this step stands for each. They migrate after the VMs (Move-AzureStorageAccount)."
    if by != EXPORT:
        return (
            f"{by[:1].upper()}{by[1:]} declares its VMs without properties.storageProfile {vms}{moved} State "
            "their disks in it (the operatingSystemDisk's and dataDisks' storageAccount), or check an export "
            "of the VMs as deployed (Resource Graph's rows with properties.storageProfile) with the files, to "
            "decide them, and give each account a step of its own."
        )
    export = account.vms[0][1].mark.path
    return (
        f"The export {export} states no storageProfile for any of its VM rows {vms}{moved} Export the rows "
        "again with properties.storageProfile (its operatingSystemDisk's and dataDisks' storageAccount) to "
        "decide them, and give each account a step of its own."
    )


def _vm_label(vm: Role) -> str:
    """A VM where a note says where it is made: a stand-in, which says so itself, as it is; any other name
    quoted as its file writes it (`written_vm_name`), with the file and line."""
    if is_stand_in(vm.name) and not written_vm_name(vm)[1]:
        return vm.name
    return f"'{written_vm_name(vm)[0]}' ({vm.mark.path}:{vm.mark.line})"


def _unstated_account_note(service: CloudService, vm: Role) -> str:
    """Why the files do not state the account, how to state it (the blob, or the current storage account),
    and where the platform says which it is: the OS disk's MediaLink, whose host is `<account>.blob...`."""
    label = _vm_label(vm)
    looked_up = _looked_up(vm)[0]
    ask = f"(Get-AzureVM -ServiceName {ps_quoted(service_name(service))} -Name {ps_quoted(looked_up)} | Get-AzureOSDisk)"
    passed = vm.unplaced_disk is not None and vm.unplaced_disk.place is DiskPlace.PASSED_BLOB
    why = (
        "its blob's address is a value the files pass and do not state, which may name another account for "
        "each VM"
        if passed
        else "its blob's address, or the subscription's current storage account the platform puts it in, "
        "is not written out"
    )
    return (
        f"The OS disk of VM {label} is in a storage account the files do not state ({why}): it "
        "migrates after the VM (Move-AzureStorageAccount), and what else is in it is not known. State the "
        "blob (-MediaLocation, media_link, MediaLink, azure vm create's blob URL) or the current storage "
        f"account (Set-AzureSubscription -CurrentStorageAccountName) to decide it; {ask}.MediaLink gives the "
        "blob once the VM exists, the account's name first in its host."
    )


def _vm_steps(builder: _Builder) -> list[str]:
    """The ids of every step (planned so far) that moves VMs: what a storage account that may hold disks
    the files do not show comes after. Its `after` lists them, so that its wave, its text and the JSON
    plan's order say the same."""
    return [step.id for step in builder.steps if any(member.vms for member in step.members)]


def _standalone_storage_steps(builder: _Builder) -> list[Step]:
    """A storage account the files show with no disk or image in it (`Estate.standalone_storage_accounts`, as the
    readiness summary lists it). One with only blobs, files, tables and queues needs no other step first
    (overview: it "can be done as a standalone migration without dependencies"), but the files may not
    show every disk in it (a script that makes it the current account creates VMs there): it comes in the
    wave after every step that moves VMs, with the storage accounts that hold disks, where it is safe
    either way. Not where the files list every disk of the subscription (`every_disk_listed`): it holds
    none, and comes in the first wave, after no step."""
    listed = every_disk_listed(builder.estate)
    after = () if listed else tuple(_vm_steps(builder))
    waves = {step.id: step.wave for step in builder.steps}
    wave = 1 + max((waves[step] for step in after), default=0)
    accounts = builder.estate.standalone_storage_accounts()
    return [_standalone_storage_step(builder, account, after, wave, listed) for account in accounts]


def _standalone_storage_step(
    builder: _Builder, account: Any, after: tuple[str, ...], wave: int, listed: Mark | None
) -> Step:
    name = account.name
    if listed is None:
        downtime = (
            "None for data access. An account that holds only blobs, files, tables and queues migrates on "
            "its own, without waiting for any other step; one that holds VM disks the files do not show must "
            "wait until those VMs are migrated."
            + (" It comes after every step that moves VMs, where it is safe either way." if wave > 1 else "")
        )
    else:
        downtime = (
            "None for data access. It holds no VM disk (the subscription's list of disks, "
            f"{listed.path}:{listed.line}, has none in it): an account that holds only blobs, files, tables "
            "and queues migrates on its own, without waiting for any other step."
        )
    step = Step(
        id=_own_step_id(f"storage:{name}", name, account.mark, builder.apart(name, account.mark)),
        kind=StepKind.STORAGE,
        name=_own_step_name(name, account.mark, builder.apart(name, account.mark)),
        wave=wave,
        after=after,
        moves=(f"storage account {named(name, 'StorageAccount')} (the files name no disk or image in it)",),
        becomes=(f"storage account {named(name, 'StorageAccount')} in resource group '{name}-Migrated'",),
        downtime=downtime,
        blockers=builder.blockers(account),
        notes=tuple(builder.attention(account)),
        powershell=replace(
            _move(
                "Move-AzureStorageAccount", f"-StorageAccountName {ps_quoted(name)}", _resource_group(name)
            ),
            before=_account_contents(name),
        ),
        cli=replace(_storage_cli(name), before=(_CLI_ACCOUNT_CONTENTS,)),
    )
    return _named_first(step, "StorageAccount", name, builder.file_apart(account.mark))


def _account_contents(name: str) -> tuple[str, ...]:
    """What is in an account the files show no disk or image in, as the PowerShell walkthrough checks it
    before a storage account's migration (Step 5.2): its disks, with the VM each is attached to, and its
    images (matched by the account's blob host, `<name>.blob.core.windows.net`)."""
    host = ps_quoted(f"{name}.")
    return (
        "# the files show no disk or image in it: a disk listed with a RoleName is that VM's, which must be "
        "migrated first; delete a disk without one (Remove-AzureDisk) and each image (Remove-AzureVMImage)",
        f"Get-AzureDisk | Where-Object {{ $_.MediaLink.Host.StartsWith({host}) }} | "
        "Format-List -Property DiskName, @{ Name = 'RoleName'; Expression = { $_.AttachedTo.RoleName } }",
        f"Get-AzureVMImage | Where-Object {{ ($_.OSDiskConfiguration.MediaLink -ne $null -and "
        f"$_.OSDiskConfiguration.MediaLink.Host.StartsWith({host})) -or ($_.DataDiskConfigurations | "
        f"Where-Object {{ $_.MediaLink -ne $null -and $_.MediaLink.Host.StartsWith({host}) }}) }} | "
        "Select-Object -Property ImageName, ImageLabel",
    )


_CLI_ACCOUNT_CONTENTS = (
    "# the files show no disk or image in it: check its disks and images in PowerShell first (Get-AzureDisk, "
    "Get-AzureVMImage: see the PowerShell commands)"
)


def _steps_moving(builder: _Builder, disk: Disk) -> Iterator[str]:
    """The ids of the steps that migrate the VMs a disk is attached to (none for a disk of no known VM):
    each VM conflicting files attach it to (MIG004), since the files do not say which one has it."""
    for service, vm in builder.estate.vms_of(disk):
        yield from _steps_moving_vm(builder, service, vm)


def _steps_moving_vm(builder: _Builder, service: CloudService, vm: Role) -> Iterator[str]:
    """The ids of the steps that migrate `vm` of `service`."""
    estate = builder.estate
    # The networks of the deployments the VM is in; of all the service's deployments when the files do
    # not state the network of the VM's (they are in the one network the others are in, if only one).
    service_refs, network_known = builder.service_networks(service)
    refs = builder.networks_of(vm) or service_refs
    networks = [estate.network_named_at(ref) for ref in refs]
    if networks:
        yield from (builder.network_step_id(n) for n in networks if n is not None)
    elif service.roles:  # the service's one step says it cannot move (`_service_steps`)
        yield builder.step_id(f"web-worker:{_id_name(service)}", service)
    elif network_known:
        yield from (_placement_step_id(builder, service, p.name) for p in builder.placements_of(service, vm))
    else:
        yield builder.step_id(f"service:{_id_name(service)}", service)


def _storage_step(account: StorageAccount, after: tuple[str, ...], wave: int, builder: _Builder) -> Step:
    name, disks, images = account.name, len(account.disks), len(account.images)
    disks_left, images_left = _left_registered(account)
    held = [f"{disks} disk{'s' if disks != 1 else ''}"] if disks else []
    if disks and builder.estate.looped_disks(account):  # of VMs a loop makes one of per turn
        held = [f"{disks} or more disks"]
    held += [f"{images} image{'s' if images != 1 else ''}"] if images else []
    step = Step(
        id=_own_step_id(f"storage:{name}", name, account.mark, builder.apart(name, account.mark)),
        kind=StepKind.STORAGE,
        name=_own_step_name(name, account.mark, builder.apart(name, account.mark)),
        wave=wave,
        after=after,
        moves=(f"storage account {named(name, 'StorageAccount')} ({', '.join(held)})",),
        becomes=(
            f"storage account {named(name, 'StorageAccount')} in resource group '{name}-Migrated'; classic disks and images stop being "
            "visible as such (their VHDs stay in the account)",
        ),
        downtime="None for data access. Migrate it only after every VM with a disk in it.",
        blockers=builder.blockers(account),
        # A VM's Site Recovery replication is set up again once its disks' account is migrated (deep dive:
        # "disable and enable VM replication after storage migration"): its note is this step's.
        notes=(
            *_vms_elsewhere_note(builder.estate.vms_elsewhere(account), wave, account),
            *_registered_note(disks_left, images_left),
            *builder.attention(account),
            *builder.notes(builder.later.pop(join_key(name, account.mark), [])),
        ),
        powershell=replace(
            _move(
                "Move-AzureStorageAccount", f"-StorageAccountName {ps_quoted(name)}", _resource_group(name)
            ),
            before=(
                *(f"Remove-AzureDisk -DiskName {ps_quoted(disk)}" for disk in disks_left),
                *(f"Remove-AzureVMImage -ImageName {ps_quoted(image)}" for image in images_left),
            ),
        ),
        cli=replace(
            _storage_cli(name),
            before=(
                *(f"azure vm disk delete {sh_quoted(disk)}" for disk in disks_left),
                *(f"azure vm image delete {sh_quoted(image)}" for image in images_left),
            ),
        ),
    )
    return _named_first(step, "StorageAccount", name, builder.file_apart(account.mark))


def _vms_elsewhere_note(vms: list[VmElsewhere], wave: int, account: StorageAccount) -> tuple[str, ...]:
    """What the step says of the VMs its account's disks are attached to that no file describes: they must
    migrate first (overview: only an account without associated disks or VM data migrates standalone), and
    no step of the plan moves them. Each is named with its cloud service where a file states it, as that
    is what moves it (Move-AzureService), or its virtual network. A VM the files describe without naming
    it (an Add Data Disk body's, which its request URI names) is said in those words, unquoted, with the
    file each describing disk is in: they are no name."""
    if not vms:
        return ()
    by_name = [vm for vm in vms if vm.name]
    described = [
        f"{vm.description} ({path})"
        for vm in vms
        if vm.description
        for path in dict.fromkeys(
            d.mark.path for d in account.disks if d.attached_to.strip("<>") == vm.description
        )
    ]
    several = len(by_name) + len(described) > 1
    names = ", ".join(
        f"{named(vm.name, 'VM')} of cloud service {named(vm.service, 'CloudService')}"
        if vm.service
        else named(vm.name, "VM")
        for vm in by_name
    )
    parts = [f"VM{'s' if len(by_name) > 1 else ''} {names}"] if by_name else []
    parts += described
    which = f"{', '.join(parts[:-1])} and {parts[-1]}" if len(parts) > 1 else parts[0]
    later = " It comes after every step that moves VMs." if wave > 1 else ""
    return (
        f"Migrate {which} first, with {'their' if several else 'its'} cloud "
        f"service or virtual network: {'disks' if several else 'a disk'} in the account "
        f"{'are' if several else 'is'} attached to {'them' if several else 'it'}, and no file checked "
        f"describes {'them' if several else 'it'}, so no step here moves {'them' if several else 'it'}. Only "
        f"an account without VM disks migrates on its own.{later} Add the deployment "
        "(Get-AzureDeployment) to the files checked to plan its step.",
    )


def _left_registered(account: StorageAccount) -> tuple[list[str], list[str]]:
    """The classic disks and images still registered on the account when its step runs, by name, as MIG402
    finds them: disks attached to no VM (a VM's disks stop being classic disks when the VM migrates, before
    this step), and images of your own."""
    disks = [disk.name for disk in account.disks if not disk.attached_to and disk.name]
    images = [image.name for image in account.images if image.is_yours and image.name]
    return list(dict.fromkeys(disks)), list(dict.fromkeys(images))


def _registered_note(disks: list[str], images: list[str]) -> tuple[str, ...]:
    """What the step says of the classic disks and images registered on its account: the account's
    migration may fail while they are, and MIG402's advice (the commands start with their removal)."""
    from migcheck.rules.storage import UnattachedDiskOrImage

    named = [f"disk '{disk}'" for disk in disks] + [f"image '{image}'" for image in images]
    if not named:
        return ()
    kinds = " and ".join(
        f"{word}{'s' if len(names) > 1 else ''}"
        for word, names in (("disk", disks), ("image", images))
        if names
    )
    return (
        f"Registered on it as classic {kinds}: {', '.join(named)}. The account's migration may fail while one "
        f"is. {UnattachedDiskOrImage.fix_hint}",
    )


_UNATTACHED = {
    "ReservedIP": ("Move-AzureReservedIP", "-ReservedIPName", "azure network reserved-ip", "reserved IP"),
    "NetworkSecurityGroup": (
        "Move-AzureNetworkSecurityGroup",
        "-NetworkSecurityGroupName",
        "azure network nsg",
        "network security group",
    ),
    "RouteTable": ("Move-AzureRouteTable", "-RouteTableName", "azure network route-table", "route table"),
}


def _unattached_steps(builder: _Builder, items: Iterable[ScopeItem]) -> list[Step]:
    """A step for each reserved IP, network security group and route table nothing uses: the readiness
    summary's unattached resources (an inventory export's reserved IPs attached to nothing among them)."""
    return [
        _unattached_step(builder, item.type, item.name, item.subject)
        for item in items
        if item.subject is not None and item.type in _UNATTACHED
    ]


def _unattached_step(builder: _Builder, type_: str, name: str, subject: object) -> Step:
    cmdlet, parameter, cli, words = _UNATTACHED[type_]
    becomes = f"{words} {named(name)} in Resource Manager"
    if type_ == "ReservedIP":
        becomes += f" (a static Basic SKU public IP, retired on {BASIC_SKU}: upgrade it to Standard)"
    unsure = _not_known_unattached(builder, type_, name, subject)
    mark: Mark = getattr(subject, "mark")  # noqa: B009 (a declaration's or an export's)
    step = Step(
        id=_own_step_id(f"unattached:{type_}:{name}", name, mark, builder.apart(name, mark)),
        kind=StepKind.UNATTACHED,
        name=_own_step_name(name, mark, builder.apart(name, mark)),
        wave=1,
        after=(),
        moves=(f"{words} {named(name)}" + (", if nothing uses it" if unsure else ""),),
        becomes=(becomes,),
        downtime="None if nothing uses it." if unsure else "None: nothing uses it.",
        blockers=builder.blockers(subject),
        notes=(*([unsure] if unsure else []), *builder.attention(subject)),
        powershell=_move(cmdlet, f"{parameter} {ps_quoted(name)}", f"Get-AzResource -Name {ps_quoted(name)}"),
        cli=_cli(cli, sh_quoted(name)),
    )
    return _named_first(step, type_, name, builder.file_apart(mark))


def _only_subnet(estate: Estate) -> tuple[str, str]:
    """The network and subnet a command run for each subnet can name: the one the files know of each (an
    export of one network with one subnet), "" for either the files know several or none of."""
    networks = estate.virtual_networks
    if len(networks) != 1:
        return "", ""
    subnets = networks[0].subnets
    return networks[0].name, subnets[0].name if len(subnets) == 1 else ""


def _not_known_unattached(builder: _Builder, type_: str, name: str, subject: object) -> str:
    """What to check first about a resource an inventory export, or a deployment template read as one,
    shows without saying that nothing uses it (a network security group whose row does not write its
    subnets, a reserved IP in use by what it does not name as a cloud service), naming what shows it
    (`stated_by`); "" when nothing does. One a subnet, VM or deployment uses is cloned with
    its network or cloud service, not moved on its own (deep dive)."""
    if type_ == "NetworkSecurityGroup" and builder.estate.inventory.security_group_use(name) == "unknown":
        by = builder.stated_by(getattr(subject, "mark"))  # noqa: B009 (a declaration's or an export's)
        network, subnet = _only_subnet(builder.estate)
        network = builder.classic_network_name(network) if network else ""
        each = "(the one subnet the files show; any other likewise)" if subnet else "for each subnet"
        network, subnet = (
            ps_quoted(network) if network else "'<network>'",
            ps_quoted(subnet) if subnet else "'<subnet>'",
        )
        return (
            "Unattached if no subnet or VM uses it: check with Get-AzureNetworkSecurityGroupForSubnet "
            f"-VirtualNetworkName {network} -SubnetName {subnet} {each}, and Get-AzureVM "
            "-ServiceName '<service>' -Name '<vm>' | Get-AzureNetworkSecurityGroupAssociation for each VM: "
            f"{by} does not say which use it. One a subnet or VM uses "
            "is cloned with its network or cloud service: do not move it on its own."
        )
    if type_ == "ReservedIP" and isinstance(subject, ClassicReservedIp) and subject.attachment_unknown:
        said = (
            "says it is in use, not by which service"
            if subject.in_use
            else "does not say whether it is attached"
        )
        return (
            f"Unattached if no cloud service uses it: {builder.stated_by(subject.mark)} {said}. Check "
            "with Get-AzureReservedIP "
            f"-ReservedIPName {ps_quoted(name)} (ServiceName, DeploymentName, InUse): one that is a deployment's VIP "
            "moves with its cloud service, not on its own."
        )
    return ""


def _bound_reserved_ip_steps(builder: _Builder, items: Iterable[ScopeItem]) -> list[Step]:
    """A reserved IP bound to a cloud service no file describes: it moves with that service (deep dive:
    "Reserved IPs associated with the load balancer are migrated, along with the migration of the cloud
    service or the virtual machine"; only unassociated ones are moved with Move-AzureReservedIP), whose
    step the files do not give. Its step says so, and what to check; it has no commands of its own. One for
    each item the readiness summary lists of them."""
    items = list(items)
    roles = _roles_shown(builder.estate) if items else {}
    return [
        _bound_reserved_ip_step(builder, item, roles.get(key(item.migrates["service"]))) for item in items
    ]


def _roles_shown(estate: Estate) -> dict[str, ClassicCall]:
    """The cloud services the scripts show to hold web/worker roles, by key of their name, each with the
    first call that shows it: one that deploys a service package to the service or manages its roles
    (`automation.deploys_packages`: New-AzureDeployment, a service extension, a swap), where it may run. A
    service whose deployment a script makes and then removes is described by no file, and still held them."""
    shown: dict[str, ClassicCall] = {}
    for script in estate.resources(Script):
        for call in script.changes:
            if call.runs == NEVER_RUNS or not deploys_packages((call.name,)):
                continue
            for scope, name in call.changes:
                if scope == "cloud-service":
                    shown.setdefault(key(name), call)
    return shown


def _bound_reserved_ip_step(builder: _Builder, item: ScopeItem, roles: ClassicCall | None) -> Step:
    """The step of a reserved IP bound to a cloud service no file describes; `roles`: the call that shows
    the service holds web/worker roles (`_roles_shown`), which do not move, nor the reserved IP with them."""
    name, service = item.name, item.migrates["service"]
    ip: Any = item.subject  # the reserved IP: a declaration's or an export's
    check = (
        f"Check it: Get-AzureReservedIP -ReservedIPName {ps_quoted(name)} shows the service and deployment it is "
        f"associated with (ServiceName, DeploymentName, InUse), and Get-AzureDeployment -ServiceName "
        f"{ps_quoted(service)} what that deployment holds (its VMs, VNetName). Add the deployment's REST body "
        "(Get-AzureDeployment) or a Get-AzureVM export to the files checked: the plan then moves the reserved "
        "IP in the step of its service or network. If it is no longer in use (InUse False: the deployment is "
        f"gone), it is an unassociated reserved IP: migrate it on its own (Move-AzureReservedIP -Validate, "
        f"-Prepare, -Commit -ReservedIPName {ps_quoted(name)})."
    )
    moves, downtime = _bound_reserved_ip_moves(name, service, ip.mark.path, roles)
    return Step(
        id=_own_step_id(f"reserved-ip:{name}", name, ip.mark, builder.apart(name, ip.mark)),
        kind=StepKind.RESERVED_FOR_UNDESCRIBED,
        name=_own_step_name(name, ip.mark, builder.apart(name, ip.mark)),
        wave=1,
        after=(),
        moves=(moves,),
        becomes=(f"reserved IP {named(name, 'ReservedIP')}: {_STATIC_PUBLIC_IP}",),
        downtime=downtime,
        blockers=builder.blockers(ip),
        notes=(check, *builder.attention(ip)),
    )


def _bound_reserved_ip_moves(
    name: str, service: str, binds: str, roles: ClassicCall | None
) -> tuple[str, str]:
    """What the step of a reserved IP bound to an undescribed cloud service moves, and its downtime: as the
    service's migration has it, for VMs; for web/worker roles (`roles`: the call that shows them), which no
    migration moves, none, since the reserved IP does not move with them, and what freeing it to move it on
    its own does to the roles' address (as `_bound_to_roles` says it of a service the files describe)."""
    ip, of = named(name, "ReservedIP"), named(service, "CloudService")
    if roles is None:
        return (
            f"reserved IP {ip}, with cloud service {of} ({binds} binds it to that service, which no file checked "
            "describes): not on its own",
            f"As the migration of cloud service {of} has it, which the files do not show: none for VMs in a "
            "virtual network (migrated with the network); VMs in none are stopped, deallocated and started "
            "again during Prepare. The reserved IP keeps its address.",
        )
    shown = f"{roles.name}, {roles.mark.path}:{roles.mark.line}"
    return (
        f"reserved IP {ip}, bound to cloud service {of} ({binds} binds it to that service, whose web/worker "
        f"roles ({shown}) do not move): on its own, once freed",
        f"None while it stays bound: cloud service {of} holds web/worker roles ({shown}), which this process "
        "does not migrate, and the reserved IP does not move with them. To "
        + _freed_and_moved([name], roles=True),
    )


def _move(cmdlet: str, arguments: str, check: str) -> Commands:
    return Commands(
        validate=_validate(f"{cmdlet} -Validate {arguments}"),
        prepare=(f"{cmdlet} -Prepare {arguments}",),
        check=(check,),
        commit=(f"{cmdlet} -Commit {arguments}",),
        abort=(f"{cmdlet} -Abort {arguments}",),
    )


def _cli(group: str, arguments: str) -> Commands:
    return Commands(
        validate=(f"{group} validate-migration {arguments}",),
        prepare=(f"{group} prepare-migration {arguments}",),
        check=(),
        commit=(f"{group} commit-migration {arguments}",),
        abort=(f"{group} abort-migration {arguments}",),
    )


# What Validate's messages tell (PowerShell walkthrough: "If validation messages does not contain message of
# type error, you can move on to the Prepare step"); each message's Category is Error, Warning or Information.
_VALIDATION_ERRORS = "# go on to Prepare only if no message's Category is Error"


def _validate(command: str, *alternatives: str) -> tuple[str, ...]:
    """Validate as the walkthrough runs it: its result's ValidationMessages printed, since the cmdlet alone
    prints only whether it passed. `alternatives` are other Validates, said as comments after it."""
    return (f"({command}).ValidationMessages", *alternatives, _VALIDATION_ERRORS)


def _storage_cli(name: str) -> Commands:
    """The classic CLI's storage account migration: it has prepare-, commit- and abort-migration, and no
    validate-migration (CLI walkthrough, Step 5): Validate is PowerShell's."""
    validate = f"Move-AzureStorageAccount -Validate -StorageAccountName {ps_quoted(name)}"
    return replace(
        _cli("azure storage account", sh_quoted(name)),
        validate=(
            f"# the Azure CLI does not validate a storage account: validate it in PowerShell ({validate})",
        ),
    )


def _resource_group(name: str) -> str:
    """The check between Prepare and Commit: what landed in the `<name>-Migrated` resource group."""
    return f"Get-AzResource -ResourceGroupName {ps_quoted(name + '-Migrated')}"
