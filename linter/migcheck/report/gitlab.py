"""`--format gitlab`: a GitLab Code Quality report (a JSON array), shown in merge requests.

Severities: `error` (blocks migration) is `blocker`, `warning` is `major`, `info` is `info`. What `--fix`
fixes is said in the issue's details (`content`), after what to do, with the text format's mark (`[*]`, or
`[*?]` for `--unsafe-fixes`): the `description` and `fingerprint` GitLab compares runs by stay as they were."""

from __future__ import annotations

from typing import TYPE_CHECKING

from migcheck.baseline import fingerprints
from migcheck.model import Finding, Severity
from migcheck.report import location
from migcheck.report.stream import Items, Stream, dump, rendered
from migcheck.report.text import fix_mark

if TYPE_CHECKING:
    from migcheck.engine import LintResult

SEVERITIES = {Severity.ERROR: "blocker", Severity.WARNING: "major", Severity.INFO: "info"}


def render(result: LintResult) -> str:
    return rendered(lambda stream: write(result, stream))


def write(result: LintResult, stream: Stream) -> None:
    """The report, one issue at a time."""
    issues = Items(
        _issue(f, fingerprint, result)
        for f, fingerprint in zip(result.findings, fingerprints(result.findings), strict=True)
    )
    dump(issues, stream)
    stream.write("\n")


def _issue(finding: Finding, fingerprint: str, result: LintResult) -> dict[str, object]:
    loc = location(finding, result)
    return {
        # GitLab shows only the description in the merge request, so it carries the rule too.
        "description": f"{finding.code} {finding.name}: {finding.message}",
        "check_name": finding.code,
        # Keyed like the baseline, not on the line: an edit above a finding does not make it "new".
        "fingerprint": fingerprint,
        "severity": SEVERITIES[finding.severity],
        "location": {"path": loc.path, "lines": {"begin": loc.line}},
        # What to do, shown in the issue's details (Code Quality's `content`, Markdown).
        **({"content": {"body": body}} if (body := _details(finding)) else {}),
    }


FIXED_BY = {"[*]": "`migcheck check --fix`", "[*?]": "`migcheck check --fix --unsafe-fixes`"}


def _details(finding: Finding) -> str:
    """What to do, and whether `--fix` does it: "[*] `migcheck check --fix` fixes it." as a paragraph of its
    own ("" when there is neither)."""
    mark = fix_mark(finding)
    fixed = f"{mark} {FIXED_BY[mark]} fixes it." if mark else ""
    return "\n\n".join(part for part in (finding.fix, fixed) if part)
