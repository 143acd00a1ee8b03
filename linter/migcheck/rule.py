"""The Rule base class: one source of truth per rule — its code, name, severity, documentation and the
examples that are both its tests and its docs."""

from __future__ import annotations

import enum
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import field, replace
from typing import TYPE_CHECKING, ClassVar

from migcheck.model import Document, FileKind, Finding, Fix, Mark, Severity, record

if TYPE_CHECKING:
    from migcheck.estate import Estate
    from migcheck.wording import Tool

CODE_PATTERN = re.compile(r"^[A-Z][A-Z0-9]*[0-9]{3}$")
# The kinds of resource a finding names by their kind as messages call it (`Finding.names`).
_NAMED_KINDS = {
    "CloudService": "cloud service",
    "StorageAccount": "storage account",
    "VirtualNetwork": "virtual network",
}
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


class Scope(str, enum.Enum):
    """The migration scope a rule belongs to, as the platform's Validate groups its answer."""

    FILES = "files"  # the files themselves: syntax, kinds, references
    CLOUD_SERVICES = "cloud-services"  # VMs and roles, in or out of a virtual network
    VIRTUAL_NETWORKS = "virtual-networks"
    STORAGE = "storage"
    UNATTACHED = "unattached"  # resources not attached to a VM or VNet
    AUTOMATION = "automation"  # scripts that manage the resources, which migration does not move

    def __str__(self) -> str:
        return self.value


class Stage(str, enum.Enum):
    """The step of the platform's migration that finds a rule's problem and stops there."""

    VALIDATE = "Validate"
    # Validate does not check it (the deep dive's "Checks not done in the validate operation"): Prepare,
    # the step that starts changing the resources, is where the migration fails on it.
    PREPARE = "Prepare"

    def __str__(self) -> str:
        return self.value


@record
class Example:
    """Files (path → XML text) and where the rule must report, as `path:line:col` strings.
    An example with no `expect` must not trigger the rule.

    The files are kept as the rule writes them, indented with its code, and dedented when read (`files`):
    only the tests and the docs read them, and dedenting the 275 files of the rules' examples as they
    are defined was a third of importing the rules, which every run does."""

    written: Mapping[str, str]
    expect: tuple[str, ...]
    note: str

    def __init__(self, files: Mapping[str, str], expect: tuple[str, ...] = (), note: str = "") -> None:
        object.__setattr__(self, "written", files)
        object.__setattr__(self, "expect", expect)
        object.__setattr__(self, "note", note)

    @property
    def files(self) -> dict[str, str]:
        """Each file's text, dedented, from its first line that is not blank."""
        import textwrap  # only the tests and the docs read the examples: not for every run

        return {path: textwrap.dedent(text).lstrip("\n") for path, text in self.written.items()}


@record
class Docs:
    """The sections every rule's documentation has."""

    what: str
    why: str
    fix: str


# MIG001: a file migcheck cannot read. Selections, the plan and the CLI treat it apart from every other rule.
UNREADABLE = "MIG001"


class Rule:
    """Subclass, fill in the class attributes and write `check`. Instances are stateless."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    scope: ClassVar[Scope]
    summary: ClassVar[str]
    docs: ClassVar[Docs]
    source: ClassVar[str]  # the reference row or error message the rule comes from
    # A section of the docs after "How to fix" (Markdown, with its own heading), where the rule has a table
    # its findings point to (MIG601: every call's replacement); "" for none.
    reference: ClassVar[str] = ""
    # The resource types (model classes) the rule reads. Which file kinds it inspects follows from which
    # readers produce those types (`file_kinds`): a new reader needs no change to any rule.
    looks_at: ClassVar[frozenset[type]]
    # The types the rule also reads to decide, without reporting on them (where a reserved IP a script
    # moves is in use): a selection of the rule reads their files too (`reads`), and they give it
    # no test case of their own.
    also_reads: ClassVar[frozenset[type]] = frozenset()
    # The kinds of file whose records of `looks_at` never state what the rule reads of them (an inventory
    # export's classic network states no affinity group): not among the kinds the docs say it checks.
    never_stated_in: ClassVar[frozenset[FileKind]] = frozenset()
    # The types whose presence in a file gives it a test case of the rule (`has_case`), where the rule
    # reports at only some of the resources it looks at: MIG106 reads every deployment, but its findings
    # are at reserved IPs. None: `looks_at`.
    cases_in: ClassVar[frozenset[type] | None] = None
    # The types of record the rule's findings come from, where fewer than `looks_at`, which holds what it
    # must run on as well: MIG602 looks at the reserved IPs exports attach to services, but only a script's
    # migration steps give it a finding. Its docs' "checks:" line names the formats whose readers produce
    # these (`formats`). None: `looks_at`.
    fires_on: ClassVar[frozenset[type] | None] = None
    invalid: ClassVar[tuple[Example, ...]]  # must trigger, at the positions given
    valid: ClassVar[tuple[Example, ...]]  # must not trigger
    fix_hint: ClassVar[str] = ""  # the default `fix` of its findings
    # A fix of its findings (`fix_hint`, or another the rule gives), as it reads in another tool's words,
    # for a finding at a line written with that tool (`migcheck.wording`): the fix a rule writes names the
    # classic PowerShell module's cmdlets.
    fix_in: ClassVar[Mapping[str, Mapping[Tool, str]]] = {}
    # True when `check` reads nothing of the estate but `cloud_services`, one service at a time (and
    # `extended_support`, the services that are not classic, likewise): its findings over an estate are,
    # in order, its findings over each service alone (an estate holding only that service), then over
    # the estate's services of extended support alone. The editor server then re-checks only the services
    # an edit changed.
    per_cloud_service: ClassVar[bool] = False
    # Which step of the platform's migration finds the problem: a readiness verdict does not say
    # "Validation failed" for one that Validate passes and Prepare fails on.
    found_at: ClassVar[Stage] = Stage.VALIDATE

    def check(self, estate: Estate) -> Iterator[Finding]:
        raise NotImplementedError

    def finding(
        self,
        resource: object,
        message: str,
        *,
        fix: str = "",
        at: object = None,
        severity: Severity | None = None,
        autofix: Fix | None = None,
        names: Iterable[tuple[str, str]] = (),
        subject: object = None,
        message_end: str = "",
        fix_in: Mapping[Tool, str] | None = None,
    ) -> Finding:
        """A finding about `resource` (anything with `mark`, `kind` and `name`), pointing at `at` when
        given — another resource (the one extra subnet of a VM) or a `Mark` (an element that is not a
        resource of its own, such as `AvailabilitySetName`) — else at the resource itself. `autofix` is
        the mechanical change that makes it go away, when there is one (`migcheck check --fix`). `names`:
        the cloud services, storage accounts and virtual networks the message names beside `resource`, by
        kind ("cloud service") and name (`Finding.names`). `subject`: what within `resource` the finding is
        about (`Finding.subject`), a record with `kind` and `name` or a (kind, name) pair; by default `at`
        when it is a record of its own (the subnet whose prefix is wrong), so that each such finding is told
        apart; `resource` itself where the finding is about it as a whole and `at` only shows where.
        `message_end`: how `message` ends where many findings end it alike (`Finding.message_end`).
        `fix_in`: `fix` in other tools' words, for this finding alone (`Finding.fix_in`)."""
        mark = at if isinstance(at, Mark) else (at or resource).mark  # type: ignore[attr-defined]
        named_kind = _NAMED_KINDS.get(resource.kind)  # type: ignore[attr-defined]
        # A tuple the rule gives is kept as it is where the resource names nothing itself: a rule that
        # reports on each role of a service names the service with one tuple for all of them.
        named = ((named_kind, resource.name), *names) if named_kind else tuple(names)  # type: ignore[attr-defined]
        return Finding(
            code=self.code,
            name=self.name,
            severity=severity or self.severity,
            message=message,
            fix=fix or self.fix_hint,
            mark=mark,
            resource_type=resource.kind,  # type: ignore[attr-defined]
            resource_name=resource.name,  # type: ignore[attr-defined]
            autofix=autofix,
            names=named,
            subject=_subject(resource, at if subject is None else subject),
            message_end=message_end,
            fix_in=tuple((tool.value, words) for tool, words in fix_in.items()) if fix_in else (),
        )

    @classmethod
    def problems(cls) -> list[str]:
        """What is missing or malformed in the rule's metadata; empty when it is complete."""
        out = []
        for attr in ("code", "name", "severity", "scope", "summary", "docs", "source", "looks_at"):
            if not hasattr(cls, attr):
                out.append(f"has no `{attr}`")
        if hasattr(cls, "code") and not CODE_PATTERN.match(cls.code):
            out.append(f"code {cls.code!r} is not letters followed by three digits (like MIG201)")
        if hasattr(cls, "name") and not NAME_PATTERN.match(cls.name):
            out.append(f"name {cls.name!r} is not kebab-case")
        if not getattr(cls, "invalid", ()):
            out.append("has no example that must trigger it (`invalid`)")
        if not hasattr(cls, "valid"):
            out.append("has no `valid` examples")
        return out

    @classmethod
    def file_kinds(cls) -> frozenset[FileKind]:
        """The kinds of file that can describe a resource this rule looks at."""
        from migcheck.readers import kinds_describing

        return kinds_describing(cls.looks_at) - cls.never_stated_in

    @classmethod
    def formats(cls) -> tuple[str, ...]:
        """The formats of file the rule checks, as its docs' "checks:" line says them: those whose reader
        can describe a resource its findings come from (`fires_on`, else `looks_at`: `formats_describing`)."""
        return formats_describing(cls.looks_at if cls.fires_on is None else cls.fires_on, cls.never_stated_in)

    @classmethod
    def reads(cls) -> frozenset[type]:
        """Every type the rule reads: those it reports on and those it consults."""
        return cls.looks_at | cls.also_reads

    @classmethod
    def inspects(cls, held: frozenset[type]) -> bool:
        """Whether the rule looks at a file holding resources of the types `held` (`resource_types`); a
        file that does not parse holds none, and only the rules about files themselves look at it."""
        return Document in cls.looks_at or not cls.looks_at.isdisjoint(held)

    @classmethod
    def has_case(cls, held: frozenset[type]) -> bool:
        """Whether a file holding `held` gets a test case for the rule (a pytest item, a JUnit case) even
        when the rule finds nothing there. The rules about files themselves (syntax, kind, suppression
        comments) get one only where they report: one that passed on every file would be half of all
        cases on a large estate, and pytest's cost is per item. A rule that reports at only some of the
        resources it reads gets one only where those are (`cases_in`): a pair that cannot fail is no test."""
        if cls.cases_in is not None:
            return not cls.cases_in.isdisjoint(held)
        return cls.looks_at != {Document} and cls.inspects(held)

    def documentation(self) -> str:
        """The rule's docs as Markdown, the same text `migcheck rule` prints and docs/rules.md holds."""
        example = self.invalid[0]
        shown = "\n\n".join(
            f"`{path}`:\n\n```{_fence(path)}\n{text.rstrip()}\n```" for path, text in example.files.items()
        )
        expected = ", ".join(example.expect)
        found_at = (
            f"found by the platform at: {self.found_at} (Validate does not check it) · "
            if self.found_at is not Stage.VALIDATE
            else ""
        )
        return (
            f"## {self.code} {self.name}\n\n"
            f"{self.summary}\n\n"
            f"Severity: {self.severity} · scope: {self.scope} · {found_at}"
            f"checks: {', '.join(self.formats())}\n\n"
            f"### What it finds\n\n{_para(self.docs.what)}\n\n"
            f"### Why it blocks migration\n\n{_para(self.docs.why)}\n\n"
            f"### How to fix\n\n{_para(self.docs.fix)}\n\n"
            + (f"{self.reference}\n\n" if self.reference else "")
            + f"### Example\n\n{shown}\n\nmigcheck reports {self.code} at {expected}.\n\n"
            f"### How to suppress\n\n{_suppressing(self)}\n\n"
            f"Source: {_para(self.source)}\n"
        )


# The formats each reader module reads, in the words a user knows them by, in the order a rule's docs list
# them (the cloud service's own files, then scripts, then exports). A rule's "checks:" line is derived from
# them and from what each reader can produce (`migcheck.produced`), never written by hand: a reader kind
# (`FileKind`) such as `shell` covers Terraform and Ansible too, which not every rule about scripts fires on.
# `migcheck rules --format json` keeps the kinds (`file_kinds`).
FORMATS_OF_READER: dict[str, str] = {
    "migcheck.readers.csdef": ".csdef",
    "migcheck.readers.cscfg": ".cscfg",
    "migcheck.readers.netcfg": ".netcfg",
    "migcheck.readers.deployment": "Service Management REST bodies",
    "migcheck.readers.vmexport": "Export-AzureVM files",
    "migcheck.readers.publish_profile": "publish profiles (.azurepubxml)",
    "migcheck.readers.eclipse_package": "Eclipse package.xml",
    "migcheck.readers.powershell": "PowerShell scripts",
    "migcheck.readers.graphrunbook": "graphical runbooks",
    "migcheck.readers.python_script": "Python scripts",
    "migcheck.readers.shell": "shell scripts",
    "migcheck.readers.makefile": "Makefiles",
    "migcheck.readers.dockerfile": "Dockerfiles",
    "migcheck.readers.ansible": "CI pipelines, Ansible",
    "migcheck.readers.terraform": "Terraform",
    "migcheck.readers.inventory": "inventory exports, ARM templates",
    "migcheck.readers.bicep": "Bicep",
    "migcheck.readers.declarations": "declarations (.toml)",
}


def readers_describing(types: Iterable[type], never_in: Iterable[object] = ()) -> tuple[str, ...]:
    """The reader modules that can describe a resource of `types`, at the top or inside another record, in
    the order `FORMATS_OF_READER` lists them; none of a kind in `never_in`, nor one whose records of those
    types state nothing (`STATING_NOTHING`: a graphical runbook's script)."""
    from migcheck.formats import FORMATS
    from migcheck.produced import CARRIES, PRODUCES, STATING_NOTHING

    wanted = frozenset(types)
    skipped = {str(kind) for kind in never_in}
    kind_of = {f.module: str(f.kind) for f in FORMATS}
    return tuple(
        module
        for module in FORMATS_OF_READER
        if module in kind_of
        and kind_of[module] not in skipped
        and (PRODUCES[module] | CARRIES.get(module, frozenset())) - STATING_NOTHING.get(module, frozenset())
        & wanted
    )


def formats_describing(types: Iterable[type], never_in: Iterable[object] = ()) -> tuple[str, ...]:
    """The formats, in a user's words, whose readers can describe a resource of `types`: of a reader whose
    files produce some types in one part of them only (`PRODUCED_IN_PART`: a CI pipeline's PowerShell
    steps), that part's words when only it can."""
    from migcheck.produced import CARRIES, PRODUCED_IN_PART, PRODUCES

    wanted = frozenset(types)
    said = []
    for module in readers_describing(wanted, never_in):
        words = FORMATS_OF_READER[module]
        if module in PRODUCED_IN_PART:
            part, only_there = PRODUCED_IN_PART[module]
            rest = (PRODUCES[module] - only_there) | CARRIES.get(module, frozenset())
            words = words if rest & wanted else part
        said.append(words)
    return tuple(said)


# The comment that suppresses a finding, by the kinds of file that write it (docs/suppressing.md).
_XML_KINDS = frozenset({"csdef", "cscfg", "netcfg", "rest", "vmexport", "azurepubxml"})
_HASH_KINDS = frozenset({"powershell", "python", "shell"})


def _suppressing(rule: Rule) -> str:
    """How to silence one finding of the rule, in the comment forms of the files it checks (a list in the
    section's first block: a page cut short, SARIF's, keeps each section's first), and the rule everywhere,
    in the settings: Markdown, as `documentation` writes it."""
    kinds = {str(kind) for kind in rule.file_kinds()}
    code = rule.code
    forms = []
    if kinds & _XML_KINDS:
        forms.append(
            f"`<!-- migcheck: ignore[{code}] reason -->` in XML files (.csdef, .cscfg, .netcfg, bodies, profiles)"
        )
    if kinds & _HASH_KINDS:
        forms.append(
            f"`# migcheck: ignore[{code}] reason` in PowerShell, shell and Python scripts, Terraform, CI pipelines "
            "and Ansible"
        )
    if "inventory" in kinds:
        forms.append(f"`// migcheck: ignore[{code}] reason` in Bicep and JSON deployment templates")
    listed = "".join(f"\n- {form}" for form in forms)
    return (
        "Write a comment with the reason just before the element or statement the finding is reported at:"
        f"{listed}\n\n`ignore-file[{code}]` in such a comment anywhere in a file covers the whole file. Files "
        "without comments (inventory exports) and whole folders are covered by the settings, in pyproject.toml "
        f'or migcheck.toml:\n\n```toml\n[tool.migcheck.per-file-ignores]\n"exports/**" = ["{code}"]\n```\n\n'
        f'and `ignore = ["{code}"]` in [tool.migcheck] turns the rule off everywhere.'
    )


_FENCES = {
    ".py": "python",
    ".ps1": "powershell",
    ".psm1": "powershell",
    ".sh": "bash",
    ".bash": "bash",
    ".json": "json",
    ".toml": "toml",
}


def _fence(path: str) -> str:
    """The Markdown code fence language of an example file."""
    return next((lang for suffix, lang in _FENCES.items() if path.lower().endswith(suffix)), "xml")


def _para(text: str) -> str:
    import textwrap  # only the docs are written with it: not for every run

    return textwrap.dedent(text).strip()


# How many members of a group a message names before "and N more", and how many characters of each.
SHOWN_MEMBERS = 5
MEMBER_CHARS = 100


def listed(
    items: Iterable[str],
    *,
    limit: int = SHOWN_MEMBERS,
    quote: str = "'",
    sep: str = ", ",
    total: int | None = None,
) -> str:
    """The first `limit` of `items`, quoted and joined, then "and N more". A message is copied into every
    finding and every report format, so one that named every member of a group (every availability set
    of a service with thousands) made output quadratic in the input; a message names a handful, each cut
    to `MEMBER_CHARS` (a name can be megabytes long, and real ones are short). Given the `total` number of
    items, only the first `limit` are taken from `items`: a message about each member of a large group
    costs the same whatever its size."""
    shown: list[str] = []
    more = 0
    for item in items:
        if len(shown) < limit:
            cut = item if len(item) <= MEMBER_CHARS else item[: MEMBER_CHARS - 1] + "…"
            shown.append(f"{quote}{cut}{quote}")
        elif total is not None:
            break
        else:
            more += 1
    if total is not None:
        more = total - len(shown)
    return sep.join(shown) + (f" and {more} more" if more else "")


# How many findings of one rule one file reports; the rest are summed up in one more finding. A dense file
# (16 MB of bad prefixes) made hundreds of thousands of findings, and every format copies each one: 2.77 GB
# of SARIF. With the cap, what a file adds to any report is bounded by the number of rules.
MAX_FINDINGS_PER_FILE = 100


def capped(findings: Iterable[Finding], limit: int | None = None) -> tuple[list[Finding], list[Finding]]:
    """(reported, held back): per file and rule, the first `limit` findings in document order, then one
    finding in place of the rest, at the first of them, as severe as the worst of them (so the exit code
    is the same), saying how many it stands for. The held-back findings are what a baseline records too:
    the cap shortens reports, it does not hide what is there."""
    limit = MAX_FINDINGS_PER_FILE if limit is None else limit
    groups: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in findings:
        groups[finding.mark.path, finding.code].append(finding)
    reported: list[Finding] = []
    held: list[Finding] = []
    for group in groups.values():
        if len(group) <= limit:
            reported += group
            continue
        group.sort(key=lambda f: (f.mark.line, f.mark.column, f.mark.nth))  # stable: rule order on ties
        reported += group[:limit]
        rest = group[limit:]
        held += rest
        reported.append(more_findings(rest, limit))
    return reported, held


MORE_FINDINGS = "Findings"  # the resource type of the finding that stands for those past the cap


def _subject(resource: object, subject: object) -> tuple[str, str]:
    """`Finding.subject` of a finding about `resource`: `subject`'s kind and name, or none when it is the
    resource itself or no record (a `Mark`, nothing)."""
    if type(subject) is tuple:  # (kind, name), as the rule states it; records may be tuples too
        return subject
    kind, name = getattr(subject, "kind", None), getattr(subject, "name", None)
    if (
        subject is resource
        or isinstance(subject, Mark)
        or not isinstance(kind, str)
        or not isinstance(name, str)
    ):
        return ("", "")
    return (kind, name)


def more_findings(rest: list[Finding], limit: int | None = None) -> Finding:
    """The one finding reported in place of `rest`, findings of one rule in one file past the cap."""
    limit = MAX_FINDINGS_PER_FILE if limit is None else limit
    first = rest[0]
    return replace(
        first,
        severity=max(f.severity for f in rest),
        message=f"{len(rest):,} more {first.code} findings in this file are not shown: migcheck reports "
        f"at most {limit} findings of one rule per file",
        fix=f"Fix the {first.code} findings shown and run migcheck again; `--write-baseline` records all "
        "of them.",
        resource_type=MORE_FINDINGS,
        resource_name=first.code,
        subject=("", ""),
        autofix=None,  # it stands for many findings: it fixes none of them
    )


def is_more_findings(finding: Finding) -> bool:
    """Whether `finding` stands for findings past the cap (`capped`) rather than being one itself."""
    return finding.resource_type == MORE_FINDINGS


@record
class RuleSet:
    """The loaded rules by code, with lookup by code or name."""

    rules: Mapping[str, Rule] = field(default_factory=dict)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules[code] for code in sorted(self.rules))

    def __len__(self) -> int:
        return len(self.rules)

    def get(self, code_or_name: str) -> Rule | None:
        wanted = code_or_name.strip()
        rule = self.rules.get(wanted.upper())
        if rule is not None:
            return rule
        return next((r for r in self.rules.values() if r.name == wanted.lower()), None)
