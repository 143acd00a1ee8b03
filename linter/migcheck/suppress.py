"""The filter stage: decide which findings are reported and which are suppressed (and counted), from
per-file ignores in the config and `migcheck: ignore[...]` comments in the files."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from migcheck.discover import glob_regex
from migcheck.model import Document, Finding


@dataclass(frozen=True, slots=True)
class Filter:
    per_file_ignores: Mapping[str, tuple[str, ...]]
    documents: Mapping[str, Document]
    inline: bool = True  # honour suppression comments

    def suppressed_by(self, finding: Finding) -> str | None:
        """Why `finding` is suppressed ("config" or "comment"), or None when it is reported."""
        path = finding.mark.path
        for glob, codes in self.per_file_ignores.items():
            if glob_regex(glob).search(path) and _matches(finding, codes):
                return "config"
        document = self.documents.get(path)
        if (
            self.inline
            and document is not None
            and any(s.covers(finding.code, finding.name, finding.mark.line) for s in document.suppressions)
        ):
            return "comment"
        return None

    def split(self, findings: Iterable[Finding]) -> tuple[list[Finding], list[Finding]]:
        """(reported, suppressed)."""
        reported, suppressed = [], []
        for finding in findings:
            (suppressed if self.suppressed_by(finding) else reported).append(finding)
        return reported, suppressed


def _matches(finding: Finding, tokens: Iterable[str]) -> bool:
    return any(
        token.lower() == finding.name or finding.code.startswith(token.upper()) or token.upper() == "ALL"
        for token in tokens
    )
