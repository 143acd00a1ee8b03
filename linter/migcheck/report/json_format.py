"""`--format json`: one JSON array of findings, sorted by path, line, column and code (DESIGN.md)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from migcheck.model import Finding, Severity
from migcheck.report import blocks_migration
from migcheck.report.stream import Stream, json_text, rendered

if TYPE_CHECKING:
    from migcheck.engine import LintResult

# The step of the platform's migration that finds a finding (`readiness.checked_at`).
Steps = Callable[[Finding], "str | None"]


# Each severity as reports write it (`str` of an enum member goes through its `name` property each time).
_SEVERITY_TEXT = {severity: str(severity) for severity in Severity}


def finding_dict(finding: Finding, steps: Steps | None = None) -> dict[str, object]:
    """The finding as `--format json` gives it; `checked_at` only where `steps` says which step finds it
    (a plan's blocker and note leave it out)."""
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
        # Whatever its severity: a warning of a state Validate refuses (MIG208) blocks it too.
        "blocks_migration": blocks_migration(finding),
        **({"checked_at": steps(finding)} if steps is not None else {}),
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
    from migcheck.report.readiness import checked_at

    steps = checked_at(result)
    for n, finding in enumerate(result.findings):
        stream.write(("[\n" if n == 0 else ",\n") + json_text(finding_dict(finding, steps)))
    stream.write("\n]\n")
