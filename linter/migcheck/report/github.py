"""`--format github`: GitHub Actions workflow commands, one annotation per finding, shown on the pull
request's diff; the lines before the summary and the summary follow as plain log lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from migcheck.model import Finding, Severity
from migcheck.report import annotated, location, titled
from migcheck.report.stream import Stream, rendered, write_lines
from migcheck.report.text import fix_mark, notes, summary
from migcheck.visible import visible

if TYPE_CHECKING:
    from migcheck.engine import LintResult

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(result: LintResult) -> str:
    return rendered(lambda stream: write(result, stream))


def write(result: LintResult, stream: Stream, *, tail: bool = True) -> None:
    """The report, one line at a time; `tail` adds the summary and the lines before it (not for --quiet)."""
    lines = (annotation(finding, result) for finding in result.findings)
    write_lines(stream, lines, notes(result) + summary(result, tagged=False) if tail else None)


def annotation(finding: Finding, result: LintResult) -> str:
    loc = location(finding, result)
    properties = ",".join(
        f"{key}={_property(str(value))}"
        for key, value in (
            ("file", loc.path),
            ("line", loc.line),
            ("col", loc.column),
            # The text report's `[*]`/`[*?]` mark, which the summary line after the annotations counts.
            ("title", " ".join(filter(None, (titled(finding), fix_mark(finding))))),
        )
    )
    return f"::{COMMANDS[finding.severity]} {properties}::{annotated(finding, _data)}"


def _data(text: str) -> str:
    # Control characters from the files are shown, never obeyed (`visible`); then the runner's own
    # escapes (actions/toolkit, command.ts), which leave no line break for a forged command to follow.
    return visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    # In properties `,` separates and `:` ends the list, so they are escaped too.
    return _data(text).replace(":", "%3A").replace(",", "%2C")
