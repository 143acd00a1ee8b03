"""`--format json`: one JSON array of findings, sorted by path, line, column and code (DESIGN.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from migcheck.model import Finding, Severity
from migcheck.report.stream import Stream, json_text, rendered

if TYPE_CHECKING:
    from migcheck.engine import LintResult


# Each severity as reports write it (`str` of an enum member goes through its `name` property each time).
_SEVERITY_TEXT = {severity: str(severity) for severity in Severity}


def finding_dict(finding: Finding) -> dict[str, object]:
    loc = finding.location
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": _SEVERITY_TEXT.get(finding.severity) or str(finding.severity),
        "message": finding.message,
        "path": loc.path if loc else finding.mark.path,
        "line": loc.line if loc else finding.mark.line,
        "column": loc.column if loc else 1,
        # Where the element's start tag (a call, a value) ends: just past its last character.
        "end_line": loc.end_line or loc.line if loc else finding.mark.line,
        "end_column": loc.end_column or loc.column if loc else 1,
        "resource": {"type": finding.resource_type, "name": finding.resource_name},
        "fix": finding.fix,
        "autofix": _autofix(finding),
    }


def _autofix(finding: Finding) -> dict[str, object] | None:
    """The mechanical fix `migcheck check --fix` would apply, when there is one."""
    fix = finding.autofix
    if fix is None or not fix.resolved:
        return None
    return {"description": fix.description, "safe": fix.safe}


def render(result: LintResult) -> str:
    return rendered(lambda stream: write(result, stream))


def write(result: LintResult, stream: Stream) -> None:
    """The report, one finding at a time. One finding per line: readable, diff-friendly, and far faster
    than indent=2 on large estates."""
    if not result.findings:
        stream.write("[]\n")
        return
    for n, finding in enumerate(result.findings):
        stream.write(("[\n" if n == 0 else ",\n") + json_text(finding_dict(finding)))
    stream.write("\n]\n")
