"""One line per finding, for editors and grep: `path:line:col: CODE [severity] message`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from migcheck.report.stream import Stream, rendered, write_lines
from migcheck.report.text import PLAIN, Paint, headline, notes, summary

if TYPE_CHECKING:
    from migcheck.engine import LintResult


def render(result: LintResult, paint: Paint = PLAIN) -> str:
    return rendered(lambda stream: write(result, stream, paint))


def write(result: LintResult, stream: Stream, paint: Paint = PLAIN, *, tail: bool = True) -> None:
    """The report, one line at a time; `tail` adds the summary (not for --quiet)."""
    lines = (headline(finding, paint) for finding in result.findings)
    write_lines(stream, lines, notes(result) + summary(result) if tail else None)
