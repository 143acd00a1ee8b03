"""Run the pipeline once: discover → read → link → rules → filter, and resolve the positions of what is
reported. The CLI, the pytest plugin and the editor server all call `lint`."""

from __future__ import annotations

import bisect
import contextlib
import errno
import functools
import importlib
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from migcheck import collector, guarded, stand_in_files  # the standard library's modules only
from migcheck.config import (
    PYPROJECT_TABLE,
    Config,
    check_per_file_ignores,
    enabled_codes,
    in_settings_file,
    severity_overrides,
    with_unreadable,
)
from migcheck.discover import (
    STDIN,
    Candidate,
    discover,
    display_path,
    in_project,
    link_fix,
    possible_kinds,
    unmatched_patterns,
    walked_whole,
)
from migcheck.estate import (
    CloudService,
    Estate,
    Grouping,
    LinkMemo,
    RunMemo,
    deployed_local,
    kinds_to_read,
    link,
    link_subscription,
    without_functions_run,
)
from migcheck.formats import FORMATS, SCRIPT_KINDS, byte_format
from migcheck.model import (
    Document,
    ExtendedSupportService,
    FileKind,
    FileProblem,
    Finding,
    Fix,
    Location,
    Mark,
    RolesUndefined,
    Severity,
    placed,
    record,
    resource_types,
)
from migcheck.namesakes import named_subscriptions
from migcheck.plugins import provider, spent, with_texts_bounded
from migcheck.rule import Rule, RuleSet, capped, is_more_findings
from migcheck.source import SourceText
from migcheck.subscriptions import _defines_networks as defines_networks  # what the split reads
from migcheck.subscriptions import is_project_file, selects_subscriptions, split_subscriptions
from migcheck.suppress import BASELINE, Audit, Filter, Suppressed
from migcheck.texts import Texts, holds_texts, opened_by
from migcheck.wording import Tool, in_source_words

if TYPE_CHECKING:
    from types import ModuleType
    from typing import Protocol

    from migcheck.baseline import Baseline
    from migcheck.readers.beside import Loaded
    from migcheck.store import DocumentStore
    from migcheck.workers import Crew, Then

    class OnDisk(Protocol):
        """What `file_bytes` reads of a `Candidate`: also what a run keeps of a file to read it again
        (`migcheck.texts`), which is read without building a candidate for it."""

        @property
        def fs_path(self) -> str: ...
        @property
        def explicit(self) -> bool: ...
        @property
        def within(self) -> str: ...
        @property
        def link(self) -> bool: ...
        @property
        def identity(self) -> tuple[int, int] | None: ...


def _once_per_path(documents: Iterable[Document]) -> Iterator[Document]:
    """The first of the documents of each path: the parts of one file read apart are one file."""
    seen: set[str] = set()
    for document in documents:
        if document.path not in seen:
            seen.add(document.path)
            yield document


def _describes_classic(document: Document) -> bool:
    """Whether a file describes something classic by itself: its resources, a problem reading it, or a
    kind a walk reads only when it is classic (XML by its root, JSON by its records). A script has the kind
    of its extension whatever it holds: it describes what its reader found in it. Evidence of Cloud Services
    (extended support) alone (a template's, a script's, a project's) describes a Resource Manager resource:
    such a file counts only where a finding points into it."""
    if document.problem is not None:
        return True
    if document.resources:
        return not all(isinstance(resource, ExtendedSupportService) for resource in document.resources)
    return document.kind is not None and document.kind not in SCRIPT_KINDS


class RuleError(Exception):
    """A rule crashed; the message names the rule (a bug in migcheck or in a plugin) and says what to do:
    leave the rule out, and report the crash. `str()` words it for the command line; `said` for a
    surface whose option to leave a rule out has another name (pytest's `--migcheck-ignore`) or that has
    none (the editor)."""

    def __init__(self, crash: str, code: str, report_to: str) -> None:
        self.crash, self.code, self.report_to = crash, code, report_to
        super().__init__(self.said("--ignore"))

    def said(self, option: str | None) -> str:
        leave_out = (
            f"with {option} {self.code} (or `ignore` in the settings file)"
            if option
            else f'with `ignore` in the settings file (ignore = ["{self.code}"])'
        )
        return (
            f"{self.crash}; leave it out {leave_out} and report the crash, with the files that trigger it, "
            f"to {self.report_to}"
        )


@dataclass(slots=True)
class LintResult:
    findings: list[Finding]  # reported, located and sorted
    suppressed: list[Suppressed]  # every finding the filter held back, with why (baselined ones too)
    estates: tuple[Estate, ...]  # one per subscription
    rules: RuleSet
    enabled: frozenset[str]
    sources: Mapping[str, SourceText] = field(default_factory=dict)
    scope: str | None = None  # an editor buffer's path: the one file findings are reported for
    # The name each file read from disk was opened by, by its display path (which escapes what a
    # terminal must not see): fixes are written there. The buffer (`-`) has none.
    fs_paths: Mapping[str, str] = field(default_factory=dict)
    # Reported findings past the cap of one rule per file (`migcheck.rule.capped`): one finding in
    # `findings` stands for them. A baseline records them (`uncapped`); reports do not show them.
    unreported: list[Finding] = field(default_factory=list)
    # Files the walk found that were not read: no enabled rule needs them (`lint(whole_estate=False)`).
    unread: int = 0
    # (settings key, pattern) of each pattern of the settings that matched no file of the project (the
    # walk's for `include` and `exclude`, `unmatched_settings_patterns` for the others): a warning, never a
    # failure. Empty for a run given its walk.
    unmatched: list[tuple[str, str]] = field(default_factory=list)
    # (folder, why) of each folder of build output the walk did not enter (`discover`'s `skipped`), which
    # --verbose names: a stale published copy of a configuration is at least seen to be passed over.
    skipped: list[tuple[str, str]] = field(default_factory=list)
    # Files read (those `--show-files` lists, less `unread`): `documents` holds those of them that describe
    # something classic, which the summary counts; the others describe nothing to check.
    read: int = 0
    # Whether the run applied a baseline: reports then say of each finding whether the baseline knows it
    # (SARIF's `baselineState`).
    baselined: bool = False
    # How many findings the baseline records, in the files read and of the rules run, that the run no
    # longer found (fixed, or renamed or moved since it was written); and the baseline, as reports show it.
    stale_baseline: int = 0
    baseline_path: str = ""
    # The baseline applied, if any: the pytest plugin counts what it records of the items that ran.
    baseline: Baseline | None = field(default=None, repr=False, compare=False)
    # The settings file the run reads, if any: advice the reports give names its settings as it writes them
    # (`config.in_settings_file`).
    settings_source: str = ""
    _undefined: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)
    _described: tuple[Document, ...] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def known(self) -> list[Finding]:
        """The suppressed findings the baseline knows: not reported, yet still there (the readiness
        summary counts them); see migcheck.baseline."""
        return [s.finding for s in self.suppressed if s.reason.kind == BASELINE]

    @property
    def documents(self) -> tuple[Document, ...]:
        """The files reported on: every file read, or only the buffer when linting one for an editor."""
        every = tuple(d for estate in self.estates for d in estate.documents)
        return every if self.scope is None else tuple(d for d in every if d.path == self.scope)

    @property
    def described(self) -> tuple[Document, ...]:
        """The files reported on that describe something classic: those the summary counts, and without
        which a run checked nothing (`check` says so, the badge is grey). A file named on the command line is
        read whatever it holds, so `documents` has it even when it is a script that uses no classic API (a
        walk passes it over); it is counted only when a finding points into it (a suppression comment it
        holds, a value a classic script takes from it) or when it is one a walk reads: a classic XML file or
        inventory export, a script a resource was read from, a file that could not be read. A file whose
        parts go to different subscriptions (a script that selects two) is one file, its first part that
        counts standing for it."""
        if self._described is None:
            documents = self.documents
            # A settings file counts when what loads it describes something classic: a build script's
            # version file is no classic file.
            reported_on = {p for d in documents if _describes_classic(d) for p in d.settings_files}
            reported_on.update(f.mark.path for f in self.findings)
            reported_on.update(held.finding.mark.path for held in self.suppressed)
            counted = (d for d in documents if _describes_classic(d) or d.path in reported_on)
            self._described = tuple(_once_per_path(counted))
        return self._described

    def describes_anything(self) -> bool:
        """`bool(self.described)`, without listing every file that does: the first that describes something
        classic by itself answers, nearly always. (Listing them was 1% of a check of 4,000 files, for its
        reports that count none.)"""
        if self._described is not None:
            return bool(self._described)
        documents = self.documents
        if any(map(_describes_classic, documents)):
            return True  # and so do the settings files it loads, which are no other answer
        pointed = {f.mark.path for f in self.findings}
        pointed.update(held.finding.mark.path for held in self.suppressed)
        return any(d.path in pointed for d in documents)

    @property
    def estate(self) -> Estate:
        """The estate, when the run holds one subscription (tools that know there are several use
        `estates`)."""
        if len(self.estates) != 1:
            names = ", ".join(e.subscription for e in self.estates)
            raise ValueError(f"the run holds {len(self.estates)} subscriptions ({names}): use `estates`")
        return self.estates[0]

    @property
    def uncapped(self) -> list[Finding]:
        """Every reported finding, those past the cap included, without the ones standing for them."""
        return [f for f in self.findings if not is_more_findings(f)] + self.unreported

    def counts(self) -> Counter[Severity]:
        return Counter(f.severity for f in self.findings)

    def held(self, document: Document) -> frozenset[type]:
        """The types a document holds, for which rules have a test case on it (`Rule.has_case`): those of
        its resources (`resource_types`) and what linking tells of it (`RolesUndefined`)."""
        held = resource_types(document)
        return held | _ROLES_UNDEFINED if document.path in self._roles_undefined else held

    @property
    def _roles_undefined(self) -> frozenset[str]:
        """The .cscfg files of cloud services that no .csdef among the files read defines."""
        if self._undefined is None:
            services = chain.from_iterable(
                chain(e.cloud_services, (x.service for x in e.extended_support)) for e in self.estates
            )
            # The local emulator's .cscfg is not deployed unless a deployment names it: else its roles
            # are not reported (unless the config asks, and then the rule's findings give it its case).
            self._undefined = frozenset(
                c.mark.path
                for s in services
                if s.definition is None
                for c in s.configurations
                if not c.is_local or s.deploys(c)
            )
        return self._undefined

    def failed(self, fail_on: Severity) -> bool:
        return any(f.severity >= fail_on for f in self.findings)


def lint(
    paths: Iterable[str],
    config: Config,
    rules: RuleSet,
    *,
    stdin: bytes | None = None,
    stdin_path: str = STDIN,
    inline_suppressions: bool = True,
    cache: ReadCache | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    walked: Sequence[Candidate] | None = None,
    whole_estate: bool = True,
    jobs: int | None = None,
    locate: bool = True,
    show_lines: bool = True,
    every_text: bool = False,
) -> LintResult:
    """Lint `paths`. `-` among them is a buffer: the bytes `stdin`, else standard input.

    With `stdin_path` naming a file, the buffer is that file as an editor holds it: it replaces the saved
    version in the estate, the rest of the estate is read from disk (the project root when no other path is
    given) so cross-file findings are right, and only the buffer's findings are reported. A `cache` kept
    between calls spares re-reading files that have not changed on disk. `progress(done, total, path)` is
    called after each file is read (the CLI's progress line and `--verbose`). `walked` is what `walk` gave
    for the same paths and config, kept by a caller that lints again and again (the editor server): the
    folders are not walked again, and the buffer still takes its file's place.

    Without `whole_estate`, only the files the enabled rules need are read (`estate.kinds_to_read`): the
    same findings, from an estate that holds only what those files describe. For reports that list
    findings; the readiness summary and the plan describe the whole estate.

    `jobs` processes read the files (`migcheck.workers`); None (the default) lets the number of files and
    the platform decide, as for `migcheck check`.

    Without `locate`, the findings are not given their positions in the text: for a caller that runs a
    lint only for what its `cache` keeps (the editor server before any file is opened). Without
    `show_lines`, the lines the findings are on are not kept as they are located (`Texts.show`): for a
    report that shows none of them (JSON, SARIF), which would hold them to its end. Once the findings are
    located, `sources` holds the texts of the files findings point into (reported or held back) and no
    others (`Texts.keep_only`), unless `every_text` asks for every file's: for a caller that reads the text
    of a file without findings (`--verbose`, which says where a script holds parts it could not read)."""
    # The cyclic collector would rescan the growing model again and again while it is built (a quarter of
    # the run on large estates), and the model holds no cycles to collect: pause it for the run.
    with collector.paused():
        return _lint(
            paths,
            config,
            rules,
            stdin=stdin,
            stdin_path=stdin_path,
            inline_suppressions=inline_suppressions,
            cache=cache,
            progress=progress,
            walked=walked,
            whole_estate=whole_estate,
            jobs=jobs,
            locate=locate,
            show_lines=show_lines,
            every_text=every_text,
        )


def _lint(
    paths: Iterable[str],
    config: Config,
    rules: RuleSet,
    *,
    stdin: bytes | None,
    stdin_path: str,
    inline_suppressions: bool,
    cache: ReadCache | None,
    progress: Callable[[int, int, str], None] | None,
    walked: Sequence[Candidate] | None,
    whole_estate: bool,
    jobs: int | None,
    locate: bool,
    show_lines: bool,
    every_text: bool,
) -> LintResult:
    scope = None
    if stdin_path != STDIN:
        paths = _with_context(list(paths), config)
        stdin_path = in_project(stdin_path, paths)[0]
        scope = display_path(stdin_path)
    # The rules are known before reading (a bad code in the config stops the run before it reads), so
    # that a selection reads only what it needs.
    enabled = enabled_codes(rules, config.select, config.ignore)
    check_per_file_ignores(rules, config.per_file_ignores, config.source)
    overrides = severity_overrides(rules, config.severity)
    # A list: progress reports name the total.
    unmatched: list[tuple[str, str]] = []
    skipped: list[tuple[str, str]] = []
    if walked is None:
        found = walk(
            paths,
            config,
            scope,
            unmatched=lambda key, glob: unmatched.append((key, glob)),
            skipped=lambda folder, why: skipped.append((folder, why)),
        )
        unmatched += unmatched_settings_patterns(config, found, paths)
    else:
        found = _with_buffer(walked, paths, config, scope, stdin_path)
    unread = len(found)
    if not whole_estate and scope is None:
        found = _needed(found, rules, enabled)
    unread -= len(found)
    # Found after `_needed`: a file is read for what the selected rules need, and reported if unreadable.
    enabled = with_unreadable(rules, enabled, config.ignore)
    texts = Texts(held={} if cache is None and holds_texts(found) else None, shows=show_lines)
    if jobs is None and (cache is not None or not found):
        jobs = 1  # nothing to share out: the worker machinery is not imported (an empty folder's check)
    elif jobs is None:
        from migcheck.workers import auto_jobs

        jobs = auto_jobs(len(found))
    read = len(found)
    # A script's settings file is one of the files checked; the editor's buffer stands for its file.
    buffer = (stdin_path, stdin) if scope is not None and stdin is not None else None
    # Nothing to read (an empty folder): the readers, and lxml with them, are not imported.
    settings = (
        _readers().beside.checking(found, buffer, config.exclude, config.respect_gitignore)
        if found or buffer
        else contextlib.nullcontext()
    )
    with settings:
        documents, fs_paths, locators = _read_all(found, texts, cache, stdin, stdin_path, progress, jobs)
        documents = _with_settings_documents(documents, found, fs_paths, texts, cache, stdin)
    del found  # what the walk recorded of each file (its identity, its candidate) is not needed any more
    with locators or contextlib.nullcontext():
        result = _check_documents(
            documents,
            fs_paths,
            texts,
            config,
            rules,
            enabled,
            overrides,
            scope,
            inline_suppressions=inline_suppressions,
            cache=cache,
            locators=locators if locate else None,
            locate=locate,
            unread=unread,
            unmatched=unmatched,
            read=read,
            every_text=every_text,
        )
    result.skipped = skipped
    return result


def _check_documents(
    documents: list[Document],
    fs_paths: dict[str, str],
    texts: Texts,
    config: Config,
    rules: RuleSet,
    enabled: frozenset[str],
    overrides: Mapping[str, Severity],
    scope: str | None,
    *,
    inline_suppressions: bool,
    cache: ReadCache | None,
    locators: Locators | None,
    locate: bool,
    unread: int,
    unmatched: list[tuple[str, str]],
    read: int = 0,
    every_text: bool = False,
) -> LintResult:
    """What `lint` finds in the documents it read: linked, checked, filtered and located."""
    grouping = Grouping(config.cloud_services, config.local_configurations, config.subscriptions, config.root)
    documents = without_functions_run(documents, cache.run_memo if cache is not None else None)
    documents = stand_in_files.by_path(documents, cache.path_memo if cache is not None else None)
    if cache is None:
        estates = link(documents, grouping)
        checked: Iterable[Finding] = named_subscriptions(
            [(e, _run_rules(rules, enabled, (e,))) for e in estates]
        )
    else:
        estates, checked = cache.linked(documents, grouping, rules, enabled)
    raw = _apply_severity(_once(checked), overrides)
    by_path = {d.path: d for d in documents}
    if scope is not None:
        # Everything the filter does is per file (comments, per-file-ignores, the baseline's keys hold the
        # path): the buffer's findings are filtered alone, the same as among all the others.
        raw = (f for f in raw if f.mark.path == scope)
        by_path = {scope: by_path[scope]} if scope in by_path else {}
    # The baseline is part of the filter, and so is the check of suppression comments (MIG005, MIG006):
    # every caller of `lint` honours them alike.
    audit = Audit(rules, enabled, overrides, config.local_configurations, deployed_local(estates))
    chosen = Filter.for_config(config, by_path, inline=inline_suppressions, audit=audit)
    # Computed with the whole estate; for a buffer, reported for the buffer only (the editor shows other
    # files' own).
    reported, suppressed = chosen.split(raw)
    reported, unreported = capped(reported)
    reported = list(in_source_words(reported, by_path, lambda code: _fixes_in_other_words(rules, code)))
    if cache is not None:
        cache.forget_unused()
    located = locate_findings(reported, texts, locators) if locate else reported
    located = _advised_in_settings_file(located, config.source)
    if locate and not every_text:
        texts.keep_only(_pointed_into(located, unreported, suppressed))
    return LintResult(
        located,
        suppressed,
        estates,
        rules,
        enabled,
        texts,
        scope,
        fs_paths,
        unreported,
        unread,
        unmatched,
        read=read,
        baselined=chosen.baseline is not None,
        stale_baseline=_stale(chosen, by_path, enabled, suppressed),
        baseline_path=chosen.baseline.path if chosen.baseline is not None else "",
        baseline=chosen.baseline,
        settings_source=config.source,
    )


def _pointed_into(reported: list[Finding], unreported: list[Finding], held: list[Suppressed]) -> set[str]:
    """The files findings point into, whose texts reports read: of those reported, those past a rule's cap
    (fixed with the others), those held back (SARIF locates them), and the comments that held them back."""
    paths = {finding.mark.path for finding in chain(reported, unreported)}
    for suppressed in held:
        paths.add(suppressed.finding.mark.path)
        if suppressed.reason.mark is not None:
            paths.add(suppressed.reason.mark.path)
    return paths


def _fixes_in_other_words(rules: RuleSet, code: str) -> Mapping[str, Mapping[Tool, str]]:
    rule = rules.get(code)
    return rule.fix_in if rule is not None else {}


def _stale(
    chosen: Filter, by_path: Mapping[str, Document], enabled: frozenset[str], held: list[Suppressed]
) -> int:
    """How many findings the baseline records in the files read, of the rules run, that no finding met:
    each known finding met one. A file not read or a rule left out of the run says nothing of its own."""
    if chosen.baseline is None:
        return 0
    known = sum(1 for suppressed in held if suppressed.reason.kind == BASELINE)
    return chosen.baseline.recorded(dict.fromkeys(by_path, enabled)) - known


def _advised_in_settings_file(findings: list[Finding], source: str) -> list[Finding]:
    """The findings, their advice naming a setting as the settings file in use writes it (`in_settings_file`):
    readers and rules write it as a pyproject.toml does, not knowing which file the run reads."""
    return [
        replace(f, fix=in_settings_file(f.fix, source)) if PYPROJECT_TABLE in f.fix else f for f in findings
    ]


def _read_all(
    found: list[Candidate],
    texts: Texts,
    cache: ReadCache | None,
    stdin: bytes | None,
    stdin_path: str,
    progress: Callable[[int, int, str], None] | None,
    jobs: int,
) -> tuple[list[Document], dict[str, str], Locators | None]:
    """The documents of `found`, the name each file read from disk was opened by, and the workers that
    read some of them, kept to locate their findings. Their texts go to `texts`, which holds only those
    that cannot be read again (see `migcheck.texts`)."""
    if cache is not None and progress is None:
        return (*cache.read_all(found, texts, stdin, stdin_path), None)
    if cache is None and jobs > 1:
        from migcheck.workers import read_in_workers

        read = read_in_workers(found, jobs, progress, then=_locator(found, texts), held=texts.held)
        if read is not None:
            reads, crew = read
            return (*_held(found, reads, texts), Locators(crew, reads) if crew is not None else None)
    documents = []
    fs_paths: dict[str, str] = {}
    for done, candidate in enumerate(found, 1):
        on_disk = candidate.fs_path != STDIN
        if cache is None:
            document, data = _read_bytes(candidate, stdin)
            if document is not None:
                document = texts.shed(document, candidate, data) if on_disk else texts.keep(document)
        else:
            document = cache.read(candidate) if on_disk else cache.buffer(candidate, stdin, stdin_path)
            if document is not None:
                texts.keep(document)  # the cache holds it anyway, for the next run
        if document is not None:
            documents.append(document)
            if on_disk:
                fs_paths[candidate.path] = opened_by(document, candidate)
        if progress is not None:
            progress(done, len(found), candidate.path)
    return documents, fs_paths, None


def _with_settings_documents(
    documents: list[Document],
    found: list[Candidate],
    fs_paths: dict[str, str],
    texts: Texts,
    cache: ReadCache | None,
    stdin: bytes | None,
) -> list[Document]:
    """`documents` and, in the order of `found`, a document of each settings file a script took values
    from (`Document.settings_files`) that describes nothing classic itself: marks of those values point
    into it, and every report, the filter (its suppression comments) and the pytest items know the files
    findings point into. Read as a file named is, so that it is a document (holding no resources); one of
    a name no reader reads (`common.conf`), which the walk did not list, as its script's reader reads it
    (see `_settings_document`), and after those of `found`."""
    read = {d.path for d in documents}
    loaders = {path: d.kind for d in documents for path in d.settings_files if path not in read}
    if not loaders:
        return documents
    listed = [c for c in found if c.path in loaders]
    unlisted = sorted(loaders.keys() - {c.path for c in listed})
    for candidate in chain(listed, map(_unlisted_settings, unlisted)):
        on_disk = candidate.fs_path != STDIN
        kind = loaders[candidate.path]
        if cache is not None:
            document = texts.keep(cache.settings_document(candidate, stdin, kind))
        else:
            document, data = _settings_document(candidate, stdin, kind)
            document = texts.shed(document, candidate, data) if on_disk else texts.keep(document)
        documents.append(document)
        if on_disk:
            fs_paths[candidate.path] = opened_by(document, candidate)
    order = {c.path: place for place, c in enumerate(chain(found, map(_unlisted_settings, unlisted)))}
    documents.sort(key=lambda d: order.get(d.path, -1))
    return documents


def _unlisted_settings(path: str) -> Candidate:
    """A settings file the walk did not list (see `readers.beside`), by its display path: read as a file
    of the walk, a regular file in its own folder, no link followed."""
    return Candidate(path, path, explicit=False, within=os.path.realpath(os.path.dirname(path) or "."))


def _settings_document(
    candidate: Candidate, stdin: bytes | None, kind: FileKind | None = None
) -> tuple[Document, bytes]:
    """The document of a settings file a script loads, and the bytes it was read from: read as named,
    so that a file that describes nothing classic is a document too, and without the settings files it
    loads in turn, which no value is taken from (see `readers.beside`). One of a name no reader reads
    (`common.conf`, `vars.inc`) is read by the reader of the script that loads it (of `kind`), for its
    text and suppression comments alone: it is no file the run checks, and has no problems of its own."""
    data = stdin if candidate.fs_path == STDIN else None
    try:
        data = data if data is not None else file_bytes(candidate, _readers().MAX_FILE_BYTES + 1)
    except OSError:
        data = b""  # gone since its script read it: a document of nothing, at its path
    fmt = next((f for f in FORMATS if f.kind is kind and not f.xml), None)
    if fmt is None or possible_kinds(candidate.path) or byte_format(candidate.path, data) is not None:
        document = _readers().read_document(candidate.path, data, explicit=True)
        return document or Document(candidate.path, None, ""), data
    try:
        document = importlib.import_module(fmt.module).read(candidate.path, data)
    except Exception:  # the boundary: whatever the bytes, the run goes on
        document = None
    if document is None or document.problem is not None:
        return Document(candidate.path, None, "", text=data.decode("utf-8", "replace")), data
    return replace(document, kind=None, resources=(), functions_run=(), settings_files=()), data


def _held(
    found: list[Candidate], read: list[tuple[Document | None, int | None]], texts: Texts
) -> tuple[list[Document], dict[str, str]]:
    """What `_read_all` returns, from what worker processes read of the files on disk `found`. Keyed by
    the documents' own paths: those a worker read are copies of the candidates' (unpickled), and keeping
    the candidates' as well would hold each such path twice (2 MB at 40,000 files)."""
    documents = []
    fs_paths: dict[str, str] = {}
    for candidate, (document, check) in zip(found, read, strict=True):
        if document is not None:
            documents.append(texts.hold(document, candidate, check))
            fs_paths[document.path] = opened_by(document, candidate)
    return documents, fs_paths


class Locators:
    """The workers that read a share of the files (`migcheck.workers.Crew`), kept to locate the findings in
    those files: each reads its own files again, as this process does the others, at the same time.

    A worker forked to locate when the findings are known would count, in its peak memory, all the run
    holds by then (161 MB at 40,000 files, against the 150 MB the check is held to); these were forked
    before the run held anything but the list of files."""

    def __init__(self, crew: Crew, read: Sequence[tuple[Document | None, int | None]]) -> None:
        self.crew = crew
        # The paths of the documents each worker read (`read`, in the order of the files): a tuple each
        # until asked (a dict by path, only while asking). The documents' own, not the candidates' (see
        # `_held`).
        self.paths = [
            tuple(document.path for document, _ in read[start:end] if document is not None)
            for start, end in crew.shares
        ]

    def ask(self, findings: list[Finding]) -> list[list[Finding]]:
        """Send each worker what locating reads of the findings in its files (`_asked`), taken out of
        `findings`; the findings each was sent."""
        asked: list[list[Finding]] = [[] for _ in self.crew.shares]
        mine: list[Finding] = []
        worker_of = {path: worker for worker, paths in enumerate(self.paths) for path in paths}
        for finding in findings:
            worker = worker_of.get(finding.mark.path)
            (mine if worker is None else asked[worker]).append(finding)
        del worker_of
        findings[:] = mine
        for worker, theirs in enumerate(asked):
            # Not the findings themselves: their messages, fixes and resources are no part of where they
            # are, and pickled whole they were six times the bytes (583 KB for 1,286 findings).
            self.crew.ask(worker, [_asked(f) for f in theirs])
        return asked

    def answers(self, asked: list[list[Finding]], sources: Mapping[str, SourceText]) -> Iterator[Finding]:
        """The findings each worker was sent, located where it says, in its order; the lines it kept of
        them go to `sources`. Those of a worker that failed are located here."""
        for worker, theirs in enumerate(asked):
            try:
                where, shown = self.crew.answer(worker)
            except Exception:  # the worker failed or was killed: this process locates them
                yield from locate_findings(theirs, sources)
                continue
            # Its positions, on the findings held here (what came back holds no copy of a finding, and a
            # path is the one held here), each let go of as it is located: the findings of a large estate
            # are not held twice.
            paths = {f.mark.path: f.mark.path for f in theirs}
            if isinstance(sources, Texts):
                for path, lines in shown.items():
                    sources.show_again(paths[path], lines)
            waiting: list[Finding | None] = list(theirs)
            theirs.clear()
            for index, spot, autofix in where:
                finding, waiting[index] = waiting[index], None
                assert finding is not None  # each index comes once
                yield placed(finding, Location(finding.mark.path, *spot), autofix)

    def __enter__(self) -> Locators:
        return self

    def __exit__(self, kind: object, *_: object) -> None:
        if kind is None:
            self.crew.close()
        else:
            self.crew.stop()


def _locator(found: Sequence[Candidate], here: Texts) -> Then:
    """What a worker that read `found[start:end]` does when asked to locate findings in those files: it
    holds the texts of its files as this process holds the others' (`_held`, in `here`), and answers with
    the findings located and the lines a report shows of them (`Texts.show`). `here.held`: where its read
    put the texts it holds, for a check that holds them (in the worker, its own copy)."""
    held, shows = here.held, here.shows

    def then(start: int, end: int, reads: list[Any]) -> Callable[[Any], Any]:
        texts = Texts(held=held, shows=shows)
        for candidate, (document, check) in zip(found[start:end], reads, strict=True):
            if document is not None:
                texts.hold(document, candidate, check)

        def located(
            asked: list[Asked],
        ) -> tuple[list[tuple[int, tuple[int, int, int, int], Fix | None]], dict[str, Any]]:
            where = []
            for start, end in _files(asked, _asked_path):
                for index, loc, autofix in _placed_in_file(asked[start:end], texts):
                    where.append(
                        (start + index, (loc.line, loc.column, loc.end_line, loc.end_column), autofix)
                    )
            shown = {mark.path: texts.shown(mark.path) for mark, _, _ in asked}
            return where, {path: lines for path, lines in shown.items() if lines is not None}

        return located

    return then


def walk(
    paths: Iterable[str],
    config: Config,
    stdin_path: str | None = None,
    *,
    unmatched: Callable[[str, str], None] | None = None,
    skipped: Callable[[str, str], None] | None = None,
) -> list[Candidate]:
    """The files `lint` reads for `paths` (see `discover`), in order; `unmatched(key, pattern)` hears of
    each `include` or `exclude` pattern that matched nothing, `skipped(folder, why)` of each folder of build
    output not entered (see `discover`)."""
    found = discover(
        paths,
        config.include,
        config.exclude,
        stdin_path=stdin_path,
        respect_gitignore=config.respect_gitignore,
        unmatched=unmatched,
        skipped=skipped,
    )
    own = config.own_files  # a baseline, the settings, a report: never an input, named or walked
    return [c for c in found if not own or c.fs_path == STDIN or os.path.abspath(c.fs_path) not in own]


def classic_file(fs_path: str) -> bool:
    """Whether the file at `fs_path` describes something classic, read as a walk reads it: a file a run is
    to write is migcheck's own (`Config.own_files`) unless it is one, which the run reads and never
    replaces. A file that cannot be read describes nothing."""
    if not os.path.isfile(fs_path):
        return False
    document = _read(Candidate(display_path(fs_path), fs_path, explicit=True), None)
    return document is not None and _describes_classic(document) and not _unopened(document)


def _unopened(document: Document) -> bool:
    """Whether `document` stands for a file that could not be opened (no kind, only a problem)."""
    return document.kind is None and document.problem is not None


def unmatched_settings_patterns(
    config: Config, found: Sequence[Candidate], paths: Iterable[str]
) -> list[tuple[str, str]]:
    """(key, pattern) of each `per-file-ignores`, `cloud-services` and `subscriptions` pattern that
    matches none of the files walked, once each, among those whose folder was walked whole. Matched
    against the walk's paths, not walked again; a run whose settings have none of these costs nothing."""
    named = [("per-file-ignores", glob) for glob in config.per_file_ignores]
    for key, table in (("cloud-services", config.cloud_services), ("subscriptions", config.subscriptions)):
        named += [(f"{key}.{name}", glob) for name, globs in table.items() for glob in globs]
    paths = list(paths)
    named = [(key, glob) for key, glob in named if walked_whole(getattr(glob, "root", ""), paths)]
    if not named:
        return []
    unmatched = {id(glob) for glob in unmatched_patterns([g for _, g in named], [c.path for c in found])}
    # A pattern written twice under one key (two cloud services may share one) is named once.
    once = {(key, str(glob)): (key, glob) for key, glob in named if id(glob) in unmatched}
    return list(once.values())


def _needed(found: list[Candidate], rules: RuleSet, enabled: frozenset[str]) -> list[Candidate]:
    """The candidates the enabled rules need read: those that may be of a kind they need. A file named on
    the command line is read whatever it is (the user asked for it), and so is one of no known kind."""
    if not found:  # the kinds each rule reads come from the readers, which import lxml: not for nothing
        return found
    kinds = kinds_to_read(rule.reads() for rule in rules if rule.code in enabled)
    if kinds is None:
        return found

    def wanted(candidate: Candidate) -> bool:
        possible = possible_kinds(candidate.path)
        return candidate.explicit or not possible or not possible.isdisjoint(kinds)

    return [c for c in found if wanted(c)]


def _with_buffer(
    walked: Sequence[Candidate], paths: Iterable[str], config: Config, scope: str | None, stdin_path: str
) -> list[Candidate]:
    """`walked` (sorted by path, as `walk` gives it) with the buffer, if any, in its file's place."""
    found = list(walked)
    paths = list(paths)
    buffer = walk([STDIN], config, scope) if STDIN in paths else []
    for candidate in buffer:  # at most one: none when the buffer's file is excluded
        # The project root its settings files and child runbooks must be in: the folder walked around it.
        candidate = replace(candidate, within=in_project(stdin_path, paths)[1])
        keys = [c.path for c in found]
        at = bisect.bisect_left(keys, candidate.path)
        if at < len(found) and found[at].path == candidate.path:
            found[at] = candidate
        else:
            found.insert(at, candidate)
    return found


def _with_context(paths: list[str], config: Config) -> list[str]:
    """The paths to read around an editor buffer: the ones given, else the project root — the folder of
    the config file, or the working directory — walked with the config's include and exclude."""
    context = [p for p in paths if p != STDIN]
    if not context:
        root = os.path.dirname(config.source) if config.source else ""
        context = [root or "."]
    return [*context, STDIN]


_ROLES_UNDEFINED = frozenset({RolesUndefined})
_REFUSED_FIX = "Keep the file itself in the repository, or name it explicitly on the command line."


def _read(candidate: Candidate, stdin: bytes | None) -> Document | None:
    """Read one file, once. The buffer (`-`) comes from `stdin` when given, else from standard input.

    At most one byte past the size limit is read (the reader reports a larger file), so a huge file or a
    device costs no more than the limit; a file that vanished or cannot be opened is a finding."""
    return _read_bytes(candidate, stdin)[0]


def _read_bytes(
    candidate: Candidate, stdin: bytes | None, store: DocumentStore | None = None
) -> tuple[Document | None, bytes]:
    """`_read`, and the bytes the document was read from (none for a file that could not be read). With
    a `store`, a file on disk whose bytes it kept the document of is not parsed again."""
    readers = _readers()
    path = candidate.path
    try:
        if candidate.refused:  # the walk met it but will not read it (a link out of the folder)
            data = None
        elif candidate.fs_path == STDIN:
            data = stdin if stdin is not None else guarded.read_stdin(readers.MAX_FILE_BYTES + 1)
        else:
            data = file_bytes(
                candidate, readers.MAX_FILE_BYTES + 1
            )  # the limit as it is now (tests lower it)
    except OSError as exc:
        return Document(path, None, "", problem=_not_read(path, exc)), b""
    if data is None:
        fix = link_fix(candidate.refused) or _REFUSED_FIX
        problem = FileProblem("syntax", candidate.refused, Mark(path, 1, column=1), fix)
        return Document(path, None, "", problem=problem), b""
    if store is not None and candidate.fs_path != STDIN:
        with readers.beside.reading(candidate):  # the folder the settings files it loads are taken from
            return store.read(candidate.fs_path, path, data, explicit=candidate.explicit), data
    expected = readers.kind_by_extension(path)
    if expected is not None:  # read alone: no settings file is loaded, from the candidate's folder or any
        return readers.read_as(path, data, expected, explicit=candidate.explicit), data
    with readers.beside.reading(candidate):
        return readers.read_as(path, data, None, explicit=candidate.explicit), data


# What a file the walk listed is when it is read no more: gone, or a folder now (a folder of its path a file).
_WENT_AWAY = frozenset({errno.ENOENT, errno.EISDIR, errno.ENOTDIR})


def _not_read(path: str, exc: OSError) -> FileProblem:
    """MIG001 of a file that could not be read. One that went away after the walk listed it (deleted, or
    replaced by a folder) is a warning: nothing of the repository as it stands was left unchecked, so it
    fails no check by itself (exit code 1 is for findings in the files, 2 for a run that could not do its
    job), yet the run is said not to have read it; one that is there and cannot be read is an error."""
    if exc.errno in _WENT_AWAY:
        reason = "the file went away during the check (deleted or replaced after the folder was listed)"
        fix = "Run migcheck again once nothing is changing the files it checks."
        return FileProblem("syntax", reason, Mark(path, 1, column=1), fix, Severity.WARNING)
    reason = f"cannot read the file: {exc.strerror or type(exc).__name__}"
    fix = "Check that the file exists and is readable, or exclude it in [tool.migcheck] exclude."
    return FileProblem("syntax", reason, Mark(path, 1, column=1), fix)


@functools.cache
def _readers() -> ModuleType:
    """The readers, imported at the first file read rather than with this module (they import lxml,
    which a run with nothing to read does without), and not at each file either: an import statement in
    a function costs a microsecond a call, and this runs for every file."""
    from migcheck import readers

    return readers


def file_bytes(candidate: OnDisk, limit: int) -> bytes:
    """Up to `limit` bytes of a file, through the one guarded reader (`migcheck.guarded`). A file met in a
    folder walk must be a regular file inside the walked folder, checked on the file as opened: a file
    swapped for a link after the walk looked at it is not followed. A file the user named is read as
    given, following links (`<(command)`, /dev/stdin, a link they chose)."""
    if candidate.explicit:
        return guarded.read_bytes(candidate.fs_path, limit, regular_only=False)
    return guarded.read_bytes(
        candidate.fs_path,
        limit,
        follow_links=candidate.link,
        within=candidate.within,
        identity=candidate.identity,
    )


class ReadCache:
    """What the editor server keeps between lints, which it runs on every change: the documents read
    from disk (reading is most of a run's time, and most files do not change between keystrokes), the
    split into subscriptions and, per subscription, the linked estate and the rules' findings, with what
    lets the next link and check redo only what an edit can change (see `linked`).

    With `verify` (the default) a file is read again when its size, modification time or inode changed;
    without, a document read once is trusted until `forget` names its file: for a caller that hears of
    every change on disk (an editor's file watcher) and so spares a stat per file per keystroke.

    With a `store`, the documents also outlive the process: a file whose bytes the store kept the
    document of is not parsed again, and `save` writes what was read for the next process."""

    def __init__(self, store: DocumentStore | None = None) -> None:
        self.store = store
        self.verify = True
        self.vanished: list[str] = []  # the files the last run found gone (they were in its walk)
        # fs path -> (the candidate read, its (mtime, size, inode) then, the document)
        self._documents: dict[str, tuple[Candidate, tuple[int, int, int], Document | None]] = {}
        self._used: dict[str, tuple[Candidate, tuple[int, int, int], Document | None]] = {}
        # fs path -> the settings files the read of that file looked for, and what it found there
        # (`readers.beside`): its document stands for the file only while they are unchanged.
        self._loaded: dict[str, tuple[Loaded, ...]] = {}
        # fs path -> (candidate, stamp, document) of the settings files read as documents of their own.
        self._settings: dict[str, tuple[Candidate, tuple[int, int, int] | None, Document]] = {}
        self._settings_used: dict[str, tuple[Candidate, tuple[int, int, int] | None, Document]] = {}
        self._buffer_loaded: dict[str, tuple[Loaded, ...]] = {}  # as `_loaded`, of each buffer's read
        self._buffers: dict[str, tuple[Candidate, bytes, Document | None, bool]] = {}
        self._linked: dict[str, list[_Linked]] = {}
        self._memos: dict[str, _Memo] = {}  # by subscription: what its last link and check kept
        self.run_memo: RunMemo = {}  # what the last run kept of the files whose functions scripts run
        self.path_memo = stand_in_files.PathMemo()  # the same, of the files another shares a name with
        # The last split into subscriptions: (documents, configured subscriptions, cwd, split).
        self._last_split: (
            tuple[tuple[Document, ...], Mapping[str, tuple[str, ...]], tuple[str, str], list] | None
        ) = None
        self._edited: Document | None = None  # the buffer of the last run, unless it was the saved file

    def read(self, candidate: Candidate) -> Document | None:
        entry = self._documents.get(candidate.fs_path)
        trusted = entry is not None and not self.verify and (entry[0] is candidate or entry[0] == candidate)
        if trusted and self._unchanged_settings(candidate):
            assert entry is not None
            self._used[candidate.fs_path] = entry
            return entry[2]
        stamp = _stamp(candidate.fs_path)
        if stamp is None:
            self.vanished.append(candidate.fs_path)
            return _read(candidate, None)  # reports why it cannot be read
        if (
            entry is None
            or entry[1] != stamp
            or entry[0] != candidate
            or not self._unchanged_settings(candidate)
        ):
            beside = _readers().beside
            with beside.recording() as loaded:
                document = _read_bytes(candidate, None, self.store)[0]
            entry = self._documents[candidate.fs_path] = (candidate, stamp, document)
            self._loaded[candidate.fs_path] = tuple(loaded)
        self._used[candidate.fs_path] = entry
        return entry[2]

    def _unchanged_settings(self, candidate: Candidate, loaded: tuple[Loaded, ...] | None = None) -> bool:
        """Whether the settings files the kept read of `candidate` looked for (`loaded`, by default those
        of its file's read) hold what it found there: a script's document keyed on its own bytes alone
        would keep the values of a settings file changed since (on disk, or in the editor)."""
        loaded = self._loaded.get(candidate.fs_path) if loaded is None else loaded
        if not loaded:
            return True
        beside = _readers().beside
        with beside.reading(candidate):
            return beside.unchanged(loaded)

    def settings_document(
        self, candidate: Candidate, stdin: bytes | None, kind: FileKind | None = None
    ) -> Document:
        """`_settings_document`, kept while the file's stamp is unchanged; the editor's buffer is read
        every time (a settings file is small)."""
        if candidate.fs_path == STDIN:
            return _settings_document(candidate, stdin, kind)[0]
        stamp = _stamp(candidate.fs_path)
        entry = self._settings.get(candidate.fs_path)
        if entry is None or stamp is None or entry[1] != stamp or entry[0] != candidate:
            entry = self._settings[candidate.fs_path] = (
                candidate,
                stamp,
                _settings_document(candidate, None, kind)[0],
            )
        self._settings_used[candidate.fs_path] = entry
        return entry[2]

    def read_all(
        self, found: Sequence[Candidate], texts: Texts, stdin: bytes | None, stdin_path: str
    ) -> tuple[list[Document], dict[str, str]]:
        """`_read_all` with this cache: the documents of `found`, and the name each file read from disk
        was opened by. A document trusted without a stat (`verify` off) is taken straight from the cache,
        as `read` would take it: this runs on every keystroke, for every file."""
        documents: list[Document] = []
        fs_paths: dict[str, str] = {}
        kept, used, trusted = self._documents, self._used, not self.verify
        loading = self._loaded
        for candidate in found:
            fs_path = candidate.fs_path
            entry = kept.get(fs_path) if trusted else None
            if entry is not None and entry[0] is candidate and not loading.get(fs_path):
                used[fs_path] = entry
                document = entry[2]
            elif fs_path == STDIN:
                document = self.buffer(candidate, stdin, stdin_path)
            else:
                document = self.read(candidate)
            if document is not None:
                texts.keep(document)  # the cache holds it anyway, for the next run
                documents.append(document)
                if fs_path != STDIN:
                    fs_paths[candidate.path] = fs_path
        return documents, fs_paths

    def buffer(self, candidate: Candidate, data: bytes | None, fs_path: str) -> Document | None:
        """The editor's buffer of the file `fs_path`. When it holds the very bytes of the saved file, the
        document read from disk stands for it, so that the estates linked with the saved file are reused
        (an editor opens files unchanged); when it holds what it held last time, that document."""
        if data is None:
            return _read(candidate, None)
        fs_path = os.path.abspath(fs_path)
        entry = self._documents.get(fs_path)
        if entry is not None:  # kept: the next lint of another file reads the saved one
            self._used[fs_path] = entry
        kept = self._buffers.get(fs_path)
        loaded = self._buffer_loaded.get(fs_path, ())
        if (
            kept is None
            or kept[0] != candidate
            or kept[1] != data
            or not self._unchanged_settings(candidate, loaded)
        ):
            saved = entry is not None and _holds(entry[0], entry[1], candidate, data)
            saved = saved and entry is not None and self._unchanged_settings(entry[0])
            if entry is not None and saved:
                document, loaded = entry[2], self._loaded.get(fs_path, ())
            else:
                with _readers().beside.recording() as read:
                    document = _read(candidate, data)
                loaded = tuple(read)
            kept = self._buffers[fs_path] = (candidate, data, document, saved)
            self._buffer_loaded[fs_path] = loaded
        self._edited = None if kept[3] else kept[2]
        return kept[2]

    def stamps(self, found: Iterable[Candidate]) -> dict[str, list[object]] | None:
        """What the files `found` were when last read, as `stamps_now` gives it; None when one of them
        was not read."""
        stamps: dict[str, list[object]] = {}
        for candidate in found:
            entry = self._documents.get(candidate.fs_path)
            if entry is None or entry[0] != candidate:
                return None
            stamps[candidate.fs_path] = [candidate.path, candidate.explicit, *entry[1]]
        return stamps

    def save(self) -> None:
        """Write the documents of the files the last run read to the store, if there is one and they
        changed since it was written."""
        if self.store is not None:
            self.store.save(self._documents)

    def forget(self, fs_paths: Iterable[str]) -> None:
        """Read these files again next time: they changed on disk."""
        changed = set(map(os.path.abspath, fs_paths))
        for fs_path in changed:
            self._documents.pop(fs_path, None)
            self._settings.pop(fs_path, None)
        # And the scripts that took values from one of them, or listed a folder one is in (a file added
        # to or deleted from an `include_vars: dir:` folder).
        for fs_path, loaded in self._loaded.items():
            if any(_touched(each.absolute, changed) for each in loaded):
                self._documents.pop(fs_path, None)

    def forget_buffers(self, fs_paths: Iterable[str]) -> None:
        """Drop the buffers of these files (closed in the editor)."""
        for fs_path in map(os.path.abspath, fs_paths):
            self._buffers.pop(fs_path, None)
            self._buffer_loaded.pop(fs_path, None)

    def forget_unused(self) -> None:
        """Drop files not met in the last run (deleted, changed, or outside the project now)."""
        self._documents, self._used = self._used, {}
        self._loaded = {
            fs_path: self._loaded[fs_path] for fs_path in self._documents if fs_path in self._loaded
        }
        self._settings, self._settings_used = self._settings_used, {}
        self._edited = None

    def linked(
        self, documents: Sequence[Document], grouping: Grouping, rules: RuleSet, enabled: frozenset[str]
    ) -> tuple[tuple[Estate, ...], list[Finding]]:
        """`link` and the rules' findings, in the same order. A subscription whose documents are the very
        objects of the last run's, with the same settings, is neither linked nor checked again. One whose
        documents changed is linked again from what its last link kept (`LinkMemo`: the folders whose
        files did not change give the same cloud service objects), and the rules' findings are reused
        where they cannot have changed (`_Checker`): an edit costs little more than its own service."""
        with stand_in_files.linking(d.path for d in documents):  # the files of every subscription's
            return self._linked_now(tuple(documents), grouping, rules, enabled)

    def _linked_now(
        self, documents: tuple[Document, ...], grouping: Grouping, rules: RuleSet, enabled: frozenset[str]
    ) -> tuple[tuple[Estate, ...], list[Finding]]:
        split = self._split(documents, grouping.subscriptions, grouping.root)
        if not split:
            estates = link((), grouping)
            return estates, list(_run_rules(rules, enabled, estates))
        kept: dict[str, list[_Linked]] = {}
        for name, docs in split:
            before = self._linked.get(name, [])
            entry = next((e for e in before if e.holds(docs, grouping, rules, enabled)), None)
            if entry is None:
                entry = self._link(name, docs, grouping, rules, enabled, before[0] if before else None)
            # The latest, and the files as saved, which each document opened unchanged sees again.
            saved = [e for e in before if e is not entry and e.saved][:1]
            kept[name] = [entry, *saved]
        self._linked = kept
        self._memos = {name: memo for name, memo in self._memos.items() if name in kept}
        chosen = [entries[0] for entries in kept.values()]
        # Each group's estate, then those of the other subscriptions its exports hold (`Estate.exported`).
        estates = tuple(one for e in chosen for one in (e.estate, *e.estate.exported))
        findings = (found for e in chosen for found in e.findings)
        return estates, list(named_subscriptions(list(zip(estates, findings, strict=True))))

    def _split(
        self, docs: tuple[Document, ...], configured: Mapping[str, tuple[str, ...]], root: str
    ) -> list[tuple[str, tuple[Document, ...]]]:
        """`split_subscriptions`, which reads of each document only its path and whether it defines
        networks: when the documents are those of the last run at the same places, save some that say
        the same of both, the subscriptions are the same, with the new documents in them."""
        where = (os.getcwd(), root)  # what display paths and subscription names are relative to
        last = self._last_split
        if last is not None and last[1] == configured and last[2] == where and len(last[0]) == len(docs):
            swapped = {id(a): b for a, b in zip(last[0], docs, strict=True) if a is not b}
            if all(_splits_alike(a, swapped[id(a)]) for a in last[0] if id(a) in swapped):
                split = [(name, _swapped(group, swapped, docs)) for name, group in last[3]]
                self._last_split = (docs, configured, where, split)
                return split
        split = split_subscriptions(docs, configured, root)
        self._last_split = (docs, configured, where, split)
        return split

    def _link(
        self,
        name: str,
        docs: tuple[Document, ...],
        grouping: Grouping,
        rules: RuleSet,
        enabled: frozenset[str],
        last: _Linked | None,
    ) -> _Linked:
        """Link and check one subscription again, from what its last link and check kept."""
        memo = self._memos.setdefault(name, _Memo())
        estate = link_subscription(name, docs, grouping, memo.link)
        same_settings = last is not None and last.rules is rules and last.grouping == grouping
        checker = _Checker(rules, memo, last if same_settings else None, docs)
        by_rule = checker.check(estate, enabled)
        edited = self._edited is not None and any(d is self._edited for d in docs)
        # The other subscriptions' estates are linked with it, and checked with it, each on its own.
        findings = (
            list(chain.from_iterable(by_rule.values())),
            *(list(_run_rules(rules, enabled, (other,))) for other in estate.exported),
        )
        return _Linked(docs, grouping, rules, enabled, estate, by_rule, findings, saved=not edited)


class _Memo:
    """What the last link and check of one subscription leave for the next."""

    def __init__(self) -> None:
        self.link = LinkMemo()
        # id(cloud service) -> the service and, by rule code, the findings of the rules that check one
        # cloud service at a time (`Rule.per_cloud_service`) over it alone.
        self.services: dict[int, tuple[CloudService, dict[str, list[Finding]]]] = {}
        self.codes: frozenset[str] = frozenset()  # the rules every service's entry holds findings of
        self.rules: RuleSet | None = None


class _Checker:
    """The enabled rules' findings over a subscription's estate, by rule, in the order `_run_rules` gives
    them, computed again only where they can differ from those of the last check (`last`), of the same
    subscription with the same rules and settings:

    - a rule that checks one cloud service at a time (`Rule.per_cloud_service`) is run over each service
      alone, and its findings over a service that is the very object it was are kept: the link keeps
      the services of folders whose files did not change (`LinkMemo`);
    - a rule whose findings depend only on some kinds of file (`estate.kinds_to_read`: the same contract
      `lint(whole_estate=False)` relies on) keeps its last findings when every document of those kinds is
      the very object it was, in the same order;
    - every other rule runs over the whole estate."""

    def __init__(self, rules: RuleSet, memo: _Memo, last: _Linked | None, docs: tuple[Document, ...]) -> None:
        self.rules, self.memo, self.last = rules, memo, last
        if memo.rules is not rules:
            memo.services, memo.codes, memo.rules = {}, frozenset(), rules
        self.changed = _changed_documents(last.documents, docs) if last is not None else None
        for rule in rules:  # computed now, the first time (50 ms), rather than on the first edit
            _kinds_of(rule)
        self.services: dict[int, tuple[CloudService, dict[str, list[Finding]]]] = {}
        self.order: list[dict[str, list[Finding]]] = []  # each service's, in the estate's order
        self.fresh: list[tuple[CloudService, dict[str, list[Finding]]]] = []  # the services not kept
        self.alone: dict[int, Estate] = {}

    def check(self, estate: Estate, enabled: frozenset[str]) -> dict[str, list[Finding]]:
        by_rule: dict[str, list[Finding]] = {}
        for rule in self.rules:
            if rule.code not in enabled:
                continue
            try:
                by_rule[rule.code] = self._findings(rule, estate)
            except RuleError:
                raise
            except Exception as exc:
                raise _crashed(rule, exc) from exc
        self.memo.services = self.services  # the services of this estate only
        self.memo.codes = frozenset(r.code for r in self.rules if r.per_cloud_service and r.code in enabled)
        return by_rule

    def _findings(self, rule: Rule, estate: Estate) -> list[Finding]:
        if rule.per_cloud_service:
            found = self._per_service(rule, estate)
            if estate.extended_support:
                # Services deployed as extended support are not among the estate's cloud services: a rule
                # about one service at a time sees them in an estate of their own (MIG101 reports them).
                outside = Estate(estate.subscription, (), extended_support=estate.extended_support)
                found += _findings_of(rule, outside)
            return found
        if self.last is not None and rule.code in self.last.by_rule and self._unchanged_for(rule):
            return self.last.by_rule[rule.code]
        return list(_findings_of(rule, estate))

    def _per_service(self, rule: Rule, estate: Estate) -> list[Finding]:
        if not self.services:  # the first such rule: each service's entry, kept or new
            kept = self.memo.services
            for service in estate.cloud_services:
                entry = self.services.get(id(service)) or kept.get(id(service))
                if entry is None or entry[0] is not service:
                    entry = (service, {})
                    self.fresh.append(entry)
                self.services[id(service)] = entry
            self.order = [self.services[id(s)][1] for s in estate.cloud_services]
        code = rule.code
        for service, by_rule in self.fresh if code in self.memo.codes else self.services.values():
            if code not in by_rule:
                by_rule[code] = list(_findings_of(rule, self._alone(service, estate.subscription)))
        return list(chain.from_iterable(map(itemgetter(code), self.order)))

    def _alone(self, service: CloudService, subscription: str) -> Estate:
        """An estate of `service` alone, made once for every rule that checks one service at a time."""
        alone = self.alone.get(id(service))
        if alone is None:
            alone = self.alone[id(service)] = Estate(subscription, (), cloud_services=(service,))
        return alone

    def _unchanged_for(self, rule: Rule) -> bool:
        """Whether every document of the kinds the rule's findings depend on is the one it was."""
        kinds = _kinds_of(rule)
        if kinds is None or self.changed is None:
            return False
        return not any(d.kind is None or d.kind in kinds for d in self.changed)


def _swapped(
    group: tuple[Document, ...], swapped: Mapping[int, Document], docs: tuple[Document, ...]
) -> tuple[Document, ...]:
    """A subscription's documents of the last split, with each swapped document replaced; a
    subscription of every document (the usual one) is the new documents themselves."""
    if len(group) == len(docs):
        return docs
    return tuple(swapped.get(id(d), d) for d in group)


def _splits_alike(a: Document, b: Document) -> bool:
    """Whether `split_subscriptions` says the same of the two documents (where either selects a
    subscription, its parts depend on its every resource: split again)."""
    if selects_subscriptions(a) or selects_subscriptions(b):
        return False
    if is_project_file(a) != is_project_file(b):  # it goes with its deployments, or stays in its group
        return False
    return a.path == b.path and defines_networks(a) == defines_networks(b)


def _changed_documents(before: tuple[Document, ...], now: tuple[Document, ...]) -> list[Document] | None:
    """The documents of `before` and `now` that are not the same object at the same place; None when
    files came or went (the places moved)."""
    if len(before) != len(now):
        return None
    return [d for a, b in zip(before, now, strict=True) if a is not b for d in (a, b)]


_KINDS: dict[type[Rule], frozenset[FileKind] | None] = {}


def _kinds_of(rule: Rule) -> frozenset[FileKind] | None:
    """The kinds of file the rule's findings depend on (`kinds_to_read`), None for every kind."""
    cls = type(rule)
    if cls not in _KINDS:
        _KINDS[cls] = kinds_to_read([rule.reads()])
    return _KINDS[cls]


@record
class _Linked:
    """One subscription's estate and the rules' findings over it, with what they were computed from."""

    documents: tuple[Document, ...]
    grouping: Grouping
    rules: RuleSet
    enabled: frozenset[str]
    estate: Estate
    by_rule: dict[str, list[Finding]]  # in the order of the rules
    # All of them, in that order: those of `estate`, then those of each of `estate.exported`.
    findings: tuple[list[Finding], ...]
    saved: bool  # the files as saved: no editor buffer that differs from its file is among them

    def holds(
        self, documents: tuple[Document, ...], grouping: Grouping, rules: RuleSet, enabled: frozenset[str]
    ) -> bool:
        # Identity, not equality: documents are read once and kept, and comparing them is a deep walk.
        same = len(documents) == len(self.documents) and all(
            a is b for a, b in zip(documents, self.documents, strict=True)
        )
        return same and rules is self.rules and enabled == self.enabled and grouping == self.grouping


def stamps_now(found: Iterable[Candidate]) -> dict[str, list[object]] | None:
    """Each file of `found` by its path on disk: its display path, whether it was named, and its
    modification time, size and inode now; None when one is gone."""
    stamps: dict[str, list[object]] = {}
    for candidate in found:
        stamp = _stamp(candidate.fs_path)
        if stamp is None:
            return None
        stamps[candidate.fs_path] = [candidate.path, candidate.explicit, *stamp]
    return stamps


def _touched(absolute: str, changed: set[str]) -> bool:
    """Whether a settings file a read loaded (`Loaded.absolute`) is among the files `changed`, or, for a
    folder it listed (its path ending with a separator), holds one of them."""
    if not absolute.endswith(os.sep):
        return absolute in changed
    return any(path.startswith(absolute) for path in changed)


def _stamp(fs_path: str) -> tuple[int, int, int] | None:
    try:
        info = os.stat(fs_path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size, info.st_ino


def _holds(saved: Candidate, stamp: tuple[int, int, int], buffer: Candidate, data: bytes) -> bool:
    """Whether the file `saved` still holds the bytes it was read from (its stamp is unchanged) and they
    are `data`, read as the buffer would be: then its document is the buffer's."""
    if saved.path != buffer.path or saved.explicit != buffer.explicit or saved.refused:
        return False
    if _stamp(saved.fs_path) != stamp:
        return False
    try:
        return file_bytes(saved, len(data) + 1) == data
    except OSError:
        return False


def _run_rules(rules: RuleSet, enabled: frozenset[str], estates: Iterable[Estate]) -> Iterator[Finding]:
    """Every enabled rule over each subscription's estate: nothing is linked across subscriptions."""
    for estate in estates:
        for rule in rules:
            if rule.code not in enabled:
                continue
            try:
                yield from _findings_of(rule, estate)
            except RuleError:
                raise
            except Exception as exc:
                raise _crashed(rule, exc) from exc


def _findings_of(rule: Rule, estate: Estate) -> Iterable[Finding]:
    """What `rule` finds in `estate`, every run of a rule's check going through here. A check written in
    migcheck's own modules for a built-in rule is typed (mypy) and gives Findings of the right types: what it
    gives is taken as it is, where looking at each of them cost 4 ms of a check of the benchmark's estate.
    Any other check's (a plugin's, or one a program sets on a rule) is looked at: what is no finding, or one
    of wrong field types, stops the run as a crash does, rather than crash the stages after it."""
    if provider(rule) is None and _is_migcheck_s(rule.check):
        return rule.check(estate)
    return _checked(rule, estate)


def _is_migcheck_s(check: Callable[[Estate], Iterable[Finding]]) -> bool:
    """Whether `check` (a bound method) is defined in one of migcheck's own modules, by its function's
    module: a function set on a built-in rule's class from elsewhere is not migcheck's."""
    module = getattr(check, "__module__", None)
    return isinstance(module, str) and module.startswith("migcheck.")


def _checked(rule: Rule, estate: Estate) -> Iterator[Finding]:
    """What `rule`'s check finds in `estate`, each finding looked at (see `_findings_of`). A plugin's rule is
    timed, so that --verbose can name a slow plugin."""
    plugin = provider(rule)
    findings = rule.check(estate)
    for finding in findings if plugin is None else _timed(findings, plugin):
        if not isinstance(finding, Finding):
            raise _crashed(rule, TypeError(f"its check gave {_shown(finding)}, not a Finding"))
        wrong = _wrong_field(finding)
        if wrong is not None:
            raise _crashed(rule, TypeError(f"its check gave a Finding whose {wrong}"))
        yield finding if plugin is None else with_texts_bounded(finding)


# The fields of a finding every stage after the check reads, with the type each must be: a plugin's check
# that gives another (a severity "fatal", a line "3") would crash the report, with a traceback.
_FINDING_FIELDS: tuple[tuple[str, type | tuple[type, ...]], ...] = (
    ("code", str),
    ("name", str),
    ("severity", Severity),
    ("message", str),
    ("fix", str),
    ("mark", Mark),
    ("resource_type", str),
    ("resource_name", str),
)
_MARK_FIELDS: tuple[tuple[str, type], ...] = (("path", str), ("line", int), ("column", int), ("tag", str))


def _wrong_field(finding: Finding) -> str | None:
    """What of `finding` is not of the type the stages after the check read it as (`_FINDING_FIELDS`), in
    words ("severity is 'fatal' (a str), not a Severity"), else None."""
    for name, kind in _FINDING_FIELDS:
        value = getattr(finding, name)
        if not isinstance(value, kind):
            return f"{name} is {_shown(value)}, not a {getattr(kind, '__name__', kind)}"
    for name, kind in _MARK_FIELDS:
        value = getattr(finding.mark, name)
        if not isinstance(value, kind) or isinstance(value, bool):
            return f"mark's {name} is {_shown(value)}, not a {kind.__name__}"
    return None


def _timed(findings: Iterable[Finding], plugin: str) -> Iterator[Finding]:
    """`findings`, the time their check takes to give each one counted as `plugin`'s (`plugins.spent`)."""
    given = iter(findings)
    while True:
        started = time.perf_counter()
        try:
            finding = next(given)
        except StopIteration:
            return
        finally:
            spent(plugin, time.perf_counter() - started)
        yield finding


def _shown(value: object) -> str:
    """`value` as a message names it, shortened: a rule may give anything, of any size."""
    import reprlib

    return f"{reprlib.repr(value)} (a {type(value).__name__})"


def _crashed(rule: Rule, exc: Exception) -> RuleError:
    """The error for `rule` raising `exc`: which rule, which plugin provides it (as a plugin that fails to
    load is named), where in the code it failed, and what to do: leave the rule out, and report the bug
    to whoever wrote the rule."""
    import traceback

    from migcheck import __version__

    plugin = provider(rule)
    frames = traceback.extract_tb(exc.__traceback__)
    at = f" at {os.path.basename(frames[-1].filename)}:{frames[-1].lineno}" if frames else ""
    of = f" of plugin {plugin}" if plugin else ""
    whose = "the plugin's authors" if plugin else f"migcheck's maintainers (migcheck {__version__})"
    return RuleError(
        f"rule {rule.code} ({rule.name}){of} crashed{at}: {type(exc).__name__}: {exc}", rule.code, whose
    )


def _once(findings: Iterable[Finding]) -> Iterator[Finding]:
    """The findings, each said once: a rule that meets one thing twice (two descriptions of one cloud
    service) would report it twice, the same text at the same place. The rules' findings come a rule at a
    time, so what is kept to compare is one rule's run of them, not the whole estate's. Each finding is
    hashed once, as it is added: its hash is that of every field it is compared by (its mark's, its
    message joined again), and looking it up first hashed it twice, a third of the filter's instructions
    on a 4,000-file estate."""
    seen: set[Finding] = set()
    code = ""
    for finding in findings:
        if finding.code != code:
            seen.clear()
            code = finding.code
        before = len(seen)
        seen.add(finding)
        if len(seen) > before:  # not met before in this rule's run
            yield finding


def _apply_severity(findings: Iterable[Finding], overrides: Mapping[str, Severity]) -> Iterator[Finding]:
    """The findings at the severities the config sets. Without overrides (most runs) they pass as they
    are, through no step of their own."""
    if not overrides:
        return iter(findings)
    return (_at_severity(finding, overrides.get(finding.code)) for finding in findings)


def _at_severity(finding: Finding, severity: Severity | None) -> Finding:
    if severity and severity != finding.severity:
        return replace(finding, severity=severity, rule_severity=finding.platform_severity)
    return finding


def _finding_path(finding: Finding) -> str:
    return finding.mark.path


def locate_findings(
    findings: list[Finding], sources: Mapping[str, SourceText], locators: Locators | None = None
) -> list[Finding]:
    """The findings located, sorted; a file at a time, so that its text is read again once for all its
    findings, and its findings are sorted among themselves (a sort of all of them at once would hold a
    key for each, at the end of the run, when it holds the most). In place: the findings of a large
    estate are not held twice. `Texts` keeps the lines they are located on, for a report that shows them
    (`Texts.show`), which then reads no file again. The `locators`, workers that read some of the files,
    locate the findings in those meanwhile."""
    findings.sort(key=lambda f: f.mark.path)  # stable: the rest of the order is kept
    asked = locators.ask(findings) if locators is not None else []  # takes theirs out of `findings`
    for start, end in _files(findings):
        findings[start:end] = [f for _, f in _located_in_file(findings[start:end], sources)]
    if locators is not None:
        findings += locators.answers(asked, sources)
        findings.sort(key=lambda f: f.mark.path)  # each file's own order, as located, is kept
    return findings


def _files(
    findings: Sequence[Any], path_of: Callable[[Any], str] = _finding_path
) -> Iterator[tuple[int, int]]:
    """(start, end) of the findings of each file, in `findings` sorted by path (`path_of` each)."""
    start = 0
    while start < len(findings):
        path = path_of(findings[start])
        end = start + 1
        while end < len(findings) and path_of(findings[end]) == path:
            end += 1
        yield start, end
        start = end


# What locating reads of a finding: its mark, its fix and, to sort a file's findings, its code. A worker that
# locates findings is sent these.
Asked = tuple[Mark, Fix | None, str]


def _asked(finding: Finding) -> Asked:
    return finding.mark, finding.autofix, finding.code


def _asked_path(asked: Asked) -> str:
    return asked[0].path


def _located_in_file(findings: list[Finding], sources: Mapping[str, SourceText]) -> list[tuple[int, Finding]]:
    """The findings of one file located, each with its index in `findings`, in the order `Finding.sort_key`
    gives; `Texts` keeps the lines they are on."""
    spots = _placed_in_file([_asked(f) for f in findings], sources)
    return [(index, placed(findings[index], loc, autofix)) for index, loc, autofix in spots]


def _placed_in_file(
    asked: Sequence[Asked], sources: Mapping[str, SourceText]
) -> list[tuple[int, Location, Fix | None]]:
    """Where each of the findings of one file is, and its fix placed in the text (a fix that cannot be
    placed is not offered), each with its index in `asked`, in the order `Finding.sort_key` gives; `Texts`
    keeps the lines they are on."""
    path = asked[0][0].path
    source = sources.get(path) or SourceText("")
    # Located in the order of their lines, so that the text is counted through once (`SourceText._bounds`);
    # then in their first order, which sorting keeps among findings of the same key.
    order = sorted(range(len(asked)), key=lambda i: asked[i][0].line) if len(asked) > 1 else range(1)
    placed: list[tuple[int, Location, Fix | None]] = [None] * len(asked)  # type: ignore[list-item]
    for i in order:
        mark, autofix, _ = asked[i]
        placed[i] = (i, source.locate(mark), source.resolve(autofix) if autofix is not None else None)
    # `Finding.sort_key`: each location's path is the file's.
    placed.sort(key=lambda p: (p[1].line, p[1].column, asked[p[0]][2]))
    if isinstance(sources, Texts):
        sources.show(path, [loc.line for _, loc, _ in placed])
    return placed
