"""One line per finding, for editors and grep: `path:line:col: CODE [severity] message`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from migcheck.report.text import PLAIN, Paint, headline, summary

if TYPE_CHECKING:
    from migcheck.engine import LintResult


def render(result: LintResult, paint: Paint = PLAIN) -> str:
    return "".join(headline(f, paint) + "\n" for f in result.findings) + summary(result) + "\n"
