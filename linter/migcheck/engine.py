"""Run the pipeline once: discover → read → link → rules → filter, and resolve the positions of what is
reported. The CLI, the pytest plugin and the editor server all call `lint`."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace

from migcheck.config import Config, enabled_codes, severity_overrides
from migcheck.discover import STDIN, Candidate, discover
from migcheck.estate import Estate, Grouping, link
from migcheck.model import Document, FileProblem, Finding, Mark, Severity
from migcheck.rule import RuleSet
from migcheck.source import SourceText
from migcheck.suppress import Filter


class RuleError(Exception):
    """A rule crashed; the message names the rule (a bug in migcheck or in a plugin)."""


@dataclass(slots=True)
class LintResult:
    findings: list[Finding]  # reported, located and sorted
    suppressed: list[Finding]
    estate: Estate
    rules: RuleSet
    enabled: frozenset[str]
    sources: Mapping[str, SourceText] = field(default_factory=dict)

    @property
    def documents(self) -> tuple[Document, ...]:
        return self.estate.documents

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
) -> LintResult:
    """Lint `paths`. With `stdin`, the file at `stdin_path` is read from those bytes instead of disk (an
    editor buffer); `-` among the paths means the same."""
    documents = []
    for candidate in discover(paths, config.include, config.exclude):
        document = _read(candidate, stdin, stdin_path)
        if document is not None:
            documents.append(document)
    estate = link(documents, Grouping(config.cloud_services, config.local_configurations))
    enabled = enabled_codes(rules, config.select, config.ignore)
    raw = _apply_severity(_run_rules(rules, enabled, estate), severity_overrides(rules, config.severity))
    by_path = {d.path: d for d in documents}
    reported, suppressed = Filter(config.per_file_ignores, by_path, inline_suppressions).split(raw)
    sources = {d.path: SourceText(d.text) for d in documents}
    located = sorted((_locate(f, sources) for f in reported), key=Finding.sort_key)
    return LintResult(located, suppressed, estate, rules, enabled, sources)


def _read(candidate: Candidate, stdin: bytes | None, stdin_path: str) -> Document | None:
    """Read one file, once. An editor buffer (`stdin`) stands in for the file at `stdin_path`."""
    from migcheck.readers import read_document  # lxml is imported only when there is work to do

    path = stdin_path if candidate.path == STDIN else candidate.path
    try:
        if stdin is not None and path == stdin_path:
            data = stdin
        elif candidate.fs_path == STDIN:
            data = sys.stdin.buffer.read()
        else:
            with open(candidate.fs_path, "rb") as handle:
                data = handle.read()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        problem = FileProblem("syntax", f"cannot read the file: {reason}", Mark(path, 1, column=1))
        return Document(path, None, "", problem=problem)
    return read_document(path, data, explicit=candidate.explicit)


def _run_rules(rules: RuleSet, enabled: frozenset[str], estate: Estate) -> Iterator[Finding]:
    for rule in rules:
        if rule.code not in enabled:
            continue
        try:
            yield from rule.check(estate)
        except Exception as exc:
            raise RuleError(f"rule {rule.code} ({rule.name}) crashed: {type(exc).__name__}: {exc}") from exc


def _apply_severity(findings: Iterable[Finding], overrides: Mapping[str, Severity]) -> Iterator[Finding]:
    for finding in findings:
        severity = overrides.get(finding.code)
        yield replace(finding, severity=severity) if severity and severity != finding.severity else finding


def _locate(finding: Finding, sources: Mapping[str, SourceText]) -> Finding:
    source = sources.get(finding.mark.path) or SourceText("")
    return replace(finding, location=source.locate(finding.mark))
