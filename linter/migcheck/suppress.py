"""The filter stage: decide which findings are reported and which are suppressed, and record why.

One stage for every surface (the CLI, the pytest plugin, the badge, the editor server): the config's
per-file-ignores, then `migcheck: ignore[...]` comments in the files (unless switched off), then the
baseline. Each suppressed finding keeps its `Reason`, so a report says why from the record (SARIF's
`inSource` or `external`) and never works it out again.

One matcher, `specificity`, decides whether a token names a rule, wherever rules are named: select and
ignore, severity overrides, per-file-ignores and comments. A token that works in one place works in all."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from migcheck.baseline import Baseline, load
from migcheck.discover import display_path, glob_regex
from migcheck.model import Document, Finding, Mark

if TYPE_CHECKING:
    from migcheck.config import Config

# Reason kinds, in the order the filter tries them.
CONFIG, COMMENT, BASELINE = "config", "comment", "baseline"


# --- naming rules ------------------------------------------------------------------------------------


def specificity(token: str, code: str, name: str) -> int:
    """How precisely `token` names the rule `code`/`name`; 0 when it does not name it.

    A token is a rule name (`endpoint-acl`), a code or a code prefix (`MIG201`, `MIG2`, `MIG`), or `ALL`,
    in any case. A name beats any code, a longer prefix beats a shorter one (a full code is the longest)
    and `ALL` loses to everything, so that where tokens compete (select against ignore, two severity
    overrides) the most specific one wins. An empty token names nothing."""
    token = token.strip()
    if not token:
        return 0
    if token.lower() == name.lower():
        return 100
    if token.upper() == "ALL":
        return 1
    return len(token) + 1 if code.startswith(token.upper()) else 0


def matches(tokens: Iterable[str], code: str, name: str) -> bool:
    """True when any of `tokens` names the rule `code`/`name` (see `specificity`)."""
    return any(specificity(token, code, name) for token in tokens)


# --- why a finding is suppressed -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a finding is not reported. `kind` is CONFIG (`detail`: the per-file-ignores glob that matched),
    COMMENT (`detail`: the comment's reason text, `mark`: where the comment is) or BASELINE (`detail`: the
    baseline file, as reports show paths)."""

    kind: str
    detail: str = ""
    mark: Mark | None = None


@dataclass(frozen=True, slots=True)
class Suppressed:
    """A finding the filter held back, with its reason: counted in every report, never silently lost."""

    finding: Finding
    reason: Reason


@dataclass(frozen=True, slots=True)
class Filter:
    per_file_ignores: Mapping[str, tuple[str, ...]]
    documents: Mapping[str, Document]
    inline: bool = True  # honour suppression comments
    baseline: Baseline | None = None

    @classmethod
    def for_config(cls, config: Config, documents: Mapping[str, Document], *, inline: bool = True) -> Filter:
        """The filter `config` describes, its baseline read now. Raises `BaselineError` (naming the file)
        when the baseline cannot be used: every caller turns that into its own usage error."""
        baseline = load(display_path(config.baseline)) if config.baseline else None
        return cls(config.per_file_ignores, documents, inline, baseline)

    def reason(self, finding: Finding) -> Reason | None:
        """Why the config or a comment suppresses `finding`, or None. The baseline is not asked here: it
        counts findings, so it can only answer for a whole run (see `split`)."""
        path = finding.mark.path
        for glob, tokens in self.per_file_ignores.items():
            if matches(tokens, finding.code, finding.name) and glob_regex(glob).search(path):
                return Reason(CONFIG, glob)
        document = self.documents.get(path) if self.inline else None
        for comment in document.suppressions if document is not None else ():
            if comment.covers(finding.code, finding.name, finding.mark.line):
                return Reason(COMMENT, comment.reason, comment.mark)
        return None

    def split(self, findings: Iterable[Finding]) -> tuple[list[Finding], list[Suppressed]]:
        """(reported, suppressed), both in document order.

        What the config and comments suppress never uses up a baseline entry; the rest meets the
        baseline in document order, which decides which of several same-key findings are the known ones."""
        reported: list[Finding] = []
        suppressed: list[Suppressed] = []
        for finding in sorted(findings, key=_document_order):
            reason = self.reason(finding)
            if reason is None:
                reported.append(finding)
            else:
                suppressed.append(Suppressed(finding, reason))
        if self.baseline is not None:
            reported, known = self.baseline.split(reported)
            because = Reason(BASELINE, self.baseline.path)
            suppressed += (Suppressed(finding, because) for finding in known)
            suppressed.sort(key=lambda s: _document_order(s.finding))
        return reported, suppressed


def _document_order(finding: Finding) -> tuple[str, int, int, str]:
    """Where a finding is before columns are known: marks hold the line and the rank on that line."""
    return (finding.mark.path, finding.mark.line, finding.mark.nth, finding.code)
