"""One line per finding, for editors and grep: `path:line:col: CODE [severity] message`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from migcheck.report.stream import Stream, rendered
from migcheck.report.text import PLAIN, Paint, fixable, headline, summary

if TYPE_CHECKING:
    from migcheck.engine import LintResult


def render(result: LintResult, paint: Paint = PLAIN) -> str:
    return rendered(lambda stream: write(result, stream, paint))


def write(result: LintResult, stream: Stream, paint: Paint = PLAIN, *, tail: bool = True) -> None:
    """The report, one line at a time; `tail` adds the summary (not for --quiet)."""
    for finding in result.findings:
        stream.write(headline(finding, paint) + "\n")
    if tail:
        stream.write(fixable(result) + summary(result) + "\n")
