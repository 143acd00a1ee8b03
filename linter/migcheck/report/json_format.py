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
    return json.dumps([finding_dict(f) for f in result.findings], indent=2, ensure_ascii=False) + "\n"
