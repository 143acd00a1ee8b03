"""`--format json`: one JSON array of findings, sorted by path, line, column and code (DESIGN.md)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from migcheck.model import Finding

if TYPE_CHECKING:
    from migcheck.engine import LintResult


def finding_dict(finding: Finding) -> dict[str, object]:
    loc = finding.location
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": str(finding.severity),
        "message": finding.message,
        "path": loc.path if loc else finding.mark.path,
        "line": loc.line if loc else finding.mark.line,
        "column": loc.column if loc else 1,
        "resource": {"type": finding.resource_type, "name": finding.resource_name},
        "fix": finding.fix,
    }


def render(result: LintResult) -> str:
    # One finding per line: readable, diff-friendly, and far faster than indent=2 on large estates.
    items = ",\n".join(json.dumps(finding_dict(f), ensure_ascii=False) for f in result.findings)
    return f"[\n{items}\n]\n" if items else "[]\n"
