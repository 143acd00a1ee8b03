"""`--format sarif`: SARIF 2.1.0, for code scanning (GitHub, Azure DevOps and other SARIF viewers).

The run carries every enabled rule with its documentation, and every finding: suppressed ones too, marked
as such, because suppressed findings are counted, never silently lost."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING
from urllib.parse import quote

from migcheck import __version__
from migcheck.baseline import fingerprints
from migcheck.model import Finding, Severity
from migcheck.report import location

if TYPE_CHECKING:
    from migcheck.engine import LintResult
    from migcheck.rule import Rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT = "migcheck/v1"  # bump if the baseline key changes, so viewers do not mix the two


def render(result: LintResult) -> str:
    rules = [rule for rule in result.rules if rule.code in result.enabled]
    index = {rule.code: n for n, rule in enumerate(rules)}
    shown = sorted(
        [(f, False) for f in result.findings] + [(f, True) for f in result.suppressed],
        key=lambda pair: _position(pair[0], result),
    )
    prints = fingerprints([f for f, _ in shown])
    results = [
        _result(f, suppressed, fp, index, result) for (f, suppressed), fp in zip(shown, prints, strict=True)
    ]
    run = {
        "tool": {
            "driver": {
                "name": "migcheck",
                "version": __version__,
                "rules": [_descriptor(rule) for rule in rules],
            }
        },
        # Columns count characters of the decoded text, not UTF-16 units (SARIF's default).
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _position(finding: Finding, result: LintResult) -> tuple[str, int, int, str]:
    loc = location(finding, result)
    return (loc.path, loc.line, loc.column, finding.code)


def _descriptor(rule: Rule) -> dict[str, object]:
    docs = rule.documentation()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": " ".join(rule.docs.what.split())},
        "help": {"text": docs, "markdown": docs},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["azure-classic-migration", str(rule.scope)]},
    }


def _result(
    finding: Finding, suppressed: bool, fingerprint: str, index: dict[str, int], result: LintResult
) -> dict[str, object]:
    loc = location(finding, result)
    out: dict[str, object] = {"ruleId": finding.code}
    if finding.code in index:
        out["ruleIndex"] = index[finding.code]
    out |= {
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": quote(loc.path, safe="/"), "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": loc.line, "startColumn": loc.column},
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT: fingerprint},
        "properties": {
            "fix": finding.fix,
            "resource": {"type": finding.resource_type, "name": finding.resource_name},
        },
    }
    if suppressed:
        out["suppressions"] = [_suppression(finding, result)]
    return out


def _suppression(finding: Finding, result: LintResult) -> dict[str, str]:
    """A comment in the file is `inSource`; the config's per-file-ignores are `external`."""
    document = next((d for d in result.estate.documents if d.path == finding.mark.path), None)
    for comment in document.suppressions if document else ():
        if comment.covers(finding.code, finding.name, finding.mark.line):
            justification = {"justification": comment.reason} if comment.reason else {}
            return {"kind": "inSource", **justification}
    return {"kind": "external"}
