"""`--format azure`: Azure Pipelines logging commands, one `##vso[task.logissue]` per finding, shown in the
run's summary and on the build; the lines before the summary and the summary follow as plain log lines.

Azure Pipelines has no `notice` level: info findings are written as plain lines, so they are seen without
turning the run "succeeded with issues". Values are escaped as the agent documents it (azure-pipelines-task-lib,
`escapedata`/`escape`): `%` first, then line breaks, and in properties `;` and `]` too."""

from __future__ import annotations

from typing import TYPE_CHECKING

from migcheck.model import Finding, Severity
from migcheck.report import annotated, location, titled
from migcheck.report.stream import Stream, rendered, write_lines
from migcheck.report.text import fix_mark, headline, notes, summary
from migcheck.visible import visible

if TYPE_CHECKING:
    from migcheck.engine import LintResult

TYPES = {Severity.ERROR: "error", Severity.WARNING: "warning"}


def render(result: LintResult) -> str:
    return rendered(lambda stream: write(result, stream))


def write(result: LintResult, stream: Stream, *, tail: bool = True) -> None:
    """The report, one line at a time; `tail` adds the summary and the lines before it (not for --quiet)."""
    lines = (logissue(finding, result) for finding in result.findings)
    write_lines(stream, lines, notes(result) + summary(result, tagged=False) if tail else None)


def logissue(finding: Finding, result: LintResult) -> str:
    kind = TYPES.get(finding.severity)
    if kind is None:
        return headline(finding)
    loc = location(finding, result)
    properties = ";".join(
        f"{key}={_property(str(value))}"
        for key, value in (
            ("type", kind),
            ("sourcepath", loc.path),
            ("linenumber", loc.line),
            ("columnnumber", loc.column),
            ("code", finding.code),
        )
    )
    # The text report's `[*]`/`[*?]` mark, which the summary line after the issues counts.
    said = " ".join(filter(None, (titled(finding), fix_mark(finding))))
    return f"##vso[task.logissue {properties}]{_data(f'{said}: ')}{annotated(finding, _data)}"


def _data(text: str) -> str:
    # Control characters from the files are shown, never obeyed; then the agent's own escapes, which
    # leave no line break for a forged `##vso[` command to follow.
    return visible(text).replace("%", "%AZP25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(";", "%3B").replace("]", "%5D")
