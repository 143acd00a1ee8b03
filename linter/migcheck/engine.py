"""Run the pipeline once: discover → read → link → rules → filter, and resolve the positions of what is
reported. The CLI, the pytest plugin and the editor server all call `lint`."""

from __future__ import annotations

import gc
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace

from migcheck.config import Config, enabled_codes, severity_overrides
from migcheck.discover import STDIN, Candidate, discover, display_path
from migcheck.estate import Estate, Grouping, link
from migcheck.model import Document, FileProblem, Finding, Mark, Severity
from migcheck.rule import RuleSet, capped, is_more_findings
from migcheck.source import SourceText
from migcheck.suppress import BASELINE, Audit, Filter, Suppressed


class RuleError(Exception):
    """A rule crashed; the message names the rule (a bug in migcheck or in a plugin)."""


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
) -> LintResult:
    """Lint `paths`. `-` among them is a buffer: the bytes `stdin`, else standard input.

    With `stdin_path` naming a file, the buffer is that file as an editor holds it: it replaces the saved
    version in the estate, the rest of the estate is read from disk (the project root when no other path is
    given) so cross-file findings are right, and only the buffer's findings are reported. A `cache` kept
    between calls spares re-reading files that have not changed on disk. `progress(done, total, path)` is
    called after each file is read (the CLI's progress line and `--verbose`)."""
    # The cyclic collector would rescan the growing model again and again while it is built (a quarter of
    # the run on large estates), and the model holds no cycles to collect: pause it for the run.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _lint(paths, config, rules, stdin, stdin_path, inline_suppressions, cache, progress)
    finally:
        if collecting:
            gc.enable()


def _lint(
    paths: Iterable[str],
    config: Config,
    rules: RuleSet,
    stdin: bytes | None,
    stdin_path: str,
    inline_suppressions: bool,
    cache: ReadCache | None,
    progress: Callable[[int, int, str], None] | None = None,
) -> LintResult:
    scope = None if stdin_path == STDIN else display_path(stdin_path)
    if scope is not None:
        paths = _with_context(list(paths), config)
    documents = []
    fs_paths: dict[str, str] = {}
    found = list(
        discover(
            paths,
            config.include,
            config.exclude,
            stdin_path=scope,
            respect_gitignore=config.respect_gitignore,
        )
    )  # a list: progress reports name the total
    for done, candidate in enumerate(found, 1):
        on_disk = candidate.fs_path != STDIN
        document = cache.read(candidate) if cache is not None and on_disk else _read(candidate, stdin)
        if document is not None:
            documents.append(document)
            if on_disk:
                fs_paths[candidate.path] = candidate.fs_path
        if progress is not None:
            progress(done, len(found), candidate.path)
    grouping = Grouping(config.cloud_services, config.local_configurations, config.subscriptions)
    estates = link(documents, grouping)
    enabled = enabled_codes(rules, config.select, config.ignore)
    overrides = severity_overrides(rules, config.severity)
    raw = _apply_severity(_run_rules(rules, enabled, estates), overrides)
    by_path = {d.path: d for d in documents}
    # The baseline is part of the filter, and so is the check of suppression comments (MIG005, MIG006):
    # every caller of `lint` honours them alike.
    audit = Audit(rules, enabled, overrides)
    chosen = Filter.for_config(config, by_path, inline=inline_suppressions, audit=audit)
    reported, suppressed = chosen.split(raw)
    if scope is not None:
        # Computed with the whole estate, shown for the buffer only: the editor shows other files' own.
        reported = [f for f in reported if f.mark.path == scope]
        suppressed = [s for s in suppressed if s.finding.mark.path == scope]
    reported, unreported = capped(reported)
    if cache is not None:
        cache.forget_unused()
    sources = {d.path: SourceText(d.text) for d in documents}
    located = sorted((_locate(f, sources) for f in reported), key=Finding.sort_key)
    return LintResult(located, suppressed, estates, rules, enabled, sources, scope, fs_paths, unreported)


def _with_context(paths: list[str], config: Config) -> list[str]:
    """The paths to read around an editor buffer: the ones given, else the project root — the folder of
    the config file, or the working directory — walked with the config's include and exclude."""
    context = [p for p in paths if p != STDIN]
    if not context:
        root = os.path.dirname(config.source) if config.source else ""
        context = [root or "."]
    return [*context, STDIN]


_REFUSED_FIX = "Keep the file itself in the repository, or name it explicitly on the command line."


def _read(candidate: Candidate, stdin: bytes | None) -> Document | None:
    """Read one file, once. The buffer (`-`) comes from `stdin` when given, else from standard input.

    At most one byte past the size limit is read (the reader reports a larger file), so a huge file or a
    device costs no more than the limit; a file that vanished or cannot be opened is a finding."""
    # lxml is imported only when there is work to do; the limit is looked up at each call.
    from migcheck.readers import MAX_FILE_BYTES, read_document

    path = candidate.path
    try:
        if candidate.refused:  # the walk met it but will not read it (a link out of the folder)
            data = None
        elif candidate.fs_path == STDIN:
            data = stdin if stdin is not None else sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        else:
            data = _file_bytes(candidate, MAX_FILE_BYTES + 1)
    except OSError as exc:
        reason = f"cannot read the file: {exc.strerror or type(exc).__name__}"
        fix = "Check that the file exists and is readable, or exclude it in [tool.migcheck] exclude."
        return Document(path, None, "", problem=FileProblem("syntax", reason, Mark(path, 1, column=1), fix))
    if data is None:
        return Document(
            path,
            None,
            "",
            problem=FileProblem("syntax", candidate.refused, Mark(path, 1, column=1), _REFUSED_FIX),
        )
    return read_document(path, data, explicit=candidate.explicit)


def _file_bytes(candidate: Candidate, limit: int) -> bytes:
    """Up to `limit` bytes of a file, through the one guarded reader (`migcheck.guarded`). A file met in a
    folder walk must be a regular file inside the walked folder, checked on the file as opened: a file
    swapped for a link after the walk looked at it is not followed. A file the user named is read as
    given, following links (`<(command)`, /dev/stdin, a link they chose)."""
    from migcheck.guarded import read_bytes

    if candidate.explicit:
        return read_bytes(candidate.fs_path, limit, regular_only=False)
    return read_bytes(
        candidate.fs_path,
        limit,
        follow_links=candidate.link,
        within=candidate.within,
        identity=candidate.identity,
    )


class ReadCache:
    """Documents read from disk, kept between runs by the editor server, which lints on every change:
    reading is most of a run's time, and most files do not change between keystrokes. A file is read again
    when its size or modification time changes."""

    def __init__(self) -> None:
        self._documents: dict[tuple[object, ...], Document | None] = {}
        self._used: set[tuple[object, ...]] = set()

    def read(self, candidate: Candidate) -> Document | None:
        try:
            stat = os.stat(candidate.fs_path)
        except OSError:
            return _read(candidate, None)  # reports why it cannot be read
        key = (candidate, stat.st_mtime_ns, stat.st_size, stat.st_ino)
        self._used.add(key)
        if key not in self._documents:
            self._documents[key] = _read(candidate, None)
        return self._documents[key]

    def forget_unused(self) -> None:
        """Drop files not met in the last run (deleted, changed, or outside the project now)."""
        self._documents = {k: v for k, v in self._documents.items() if k in self._used}
        self._used = set()


def _run_rules(rules: RuleSet, enabled: frozenset[str], estates: Iterable[Estate]) -> Iterator[Finding]:
    """Every enabled rule over each subscription's estate: nothing is linked across subscriptions."""
    for estate in estates:
        for rule in rules:
            if rule.code not in enabled:
                continue
            try:
                yield from rule.check(estate)
            except Exception as exc:
                message = f"rule {rule.code} ({rule.name}) crashed: {type(exc).__name__}: {exc}"
                raise RuleError(message) from exc


def _apply_severity(findings: Iterable[Finding], overrides: Mapping[str, Severity]) -> Iterator[Finding]:
    for finding in findings:
        severity = overrides.get(finding.code)
        yield replace(finding, severity=severity) if severity and severity != finding.severity else finding


def _locate(finding: Finding, sources: Mapping[str, SourceText]) -> Finding:
    """Where the finding starts and ends, and where its fix's edits go: a fix that cannot be placed in
    the text is not offered."""
    source = sources.get(finding.mark.path) or SourceText("")
    autofix = source.resolve(finding.autofix) if finding.autofix is not None else None
    return replace(finding, location=source.locate(finding.mark), autofix=autofix)
