"""The report stage: formatters turn a `LintResult` into text. They never re-derive findings.

Each format is a module with `write(result: LintResult, stream)`, which writes the report one finding at a
time (a report is never held whole in memory: with thousands of findings it was many times the size of
the input), and `render(result) -> str`, the same text as one string; modules are imported only when used.
The formats people read in a terminal (`HUMAN`) also take a `Paint`, for colour; the line formats
(`LINES`) end with a summary that `tail=False` leaves out (`--quiet`)."""

from __future__ import annotations

import functools
import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from migcheck.engine import LintResult
    from migcheck.model import Finding, Location, Severity
    from migcheck.report.stream import Stream

FORMATS = {
    "text": "migcheck.report.text",
    "concise": "migcheck.report.concise",
    "json": "migcheck.report.json_format",
    "report-json": "migcheck.report.report_json",
    "sarif": "migcheck.report.sarif",
    "github": "migcheck.report.github",
    "azure": "migcheck.report.azure",
    "gitlab": "migcheck.report.gitlab",
    "junit": "migcheck.report.junit",
}


HUMAN = frozenset({"text", "concise"})
LINES = HUMAN | {"github", "azure"}


# The formats that show each finding over its source line (`migcheck.texts.lines_of`): for the others, a
# check keeps none of those lines (`lint(show_lines=False)`), 5 MB at 40,000 files.
SHOWN_LINES = frozenset({"text", "junit"})


# The formats that say which findings fail the run (JUnit's failed cases), so they take the fail-on level.
GRADED = frozenset({"junit"})


def render(
    result: LintResult, format_name: str, *, color: bool = False, fail_on: Severity | None = None
) -> str:
    module = importlib.import_module(FORMATS[format_name])
    if format_name in HUMAN:
        from migcheck.report.text import Paint

        return module.render(result, Paint(color))
    return module.render(result, fail_on) if format_name in GRADED else module.render(result)


def write(
    result: LintResult,
    format_name: str,
    stream: Stream,
    *,
    color: bool = False,
    tail: bool = True,
    fail_on: Severity | None = None,
) -> None:
    """Write the report to `stream` as it is made; `tail=False` leaves out the summary that the line
    formats end with (documents, such as JSON and SARIF, are whole either way). `fail_on`: the lowest
    severity that fails (default: error), for the formats that say what fails (`GRADED`)."""
    module = importlib.import_module(FORMATS[format_name])
    if format_name in HUMAN:
        from migcheck.report.text import Paint

        module.write(result, stream, Paint(color, getattr(stream, "encoding", None) or "utf-8"), tail=tail)
    elif format_name in LINES:
        module.write(result, stream, tail=tail)
    elif format_name in GRADED:
        module.write(result, stream, fail_on)
    else:
        module.write(result, stream)


def location(finding: Finding, result: LintResult) -> Location:
    """Where `finding` is. The engine locates only the findings it reports; formats that also show
    suppressed ones (SARIF) locate those here, the same way."""
    if finding.location is not None:
        return finding.location
    from migcheck.source import SourceText  # not at import time: `migcheck --version` needs none of it

    source = result.sources.get(finding.mark.path) or SourceText("")
    return source.locate(finding.mark)


def blocks_migration(finding: Finding) -> bool:
    """`readiness.blocks_migration(finding)`, for the writers that say it of each finding. The readiness
    model is imported with the first finding asked about, not at start-up, and once: an `import` in a
    function run for each finding cost as much as twenty calls each time it ran."""
    return _blocks_migration()(finding)


@functools.cache
def _blocks_migration() -> Callable[[Finding], bool]:
    from migcheck.report.readiness import blocks_migration as blocks

    return blocks


def titled(finding: Finding) -> str:
    """`MIG208 vm-not-ready (blocks the migration)`: the code and name an annotation shows, saying so of a
    finding below error that blocks the migration (the text report's `[blocker]`): a state Validate refuses
    (MIG208), an error the settings turn down. With the errors, they are what the summary's `20 block the
    migration` counts (`readiness.blocks_migration`)."""
    from migcheck.model import Severity

    blocker = finding.severity is not Severity.ERROR and blocks_migration(finding)
    return f"{finding.code} {finding.name}{' (blocks the migration)' if blocker else ''}"


def annotated(finding: Finding, escape: Callable[[str], str]) -> str:
    """A finding's message, then what to do on a line of its own, each escaped by the format: for the CI
    services that show one annotation per finding (GitHub, Azure Pipelines), where the text report's
    `help:` line has no other place. The line break is the one both services read (`%0A`), added after the
    escaping, which shows any line break from a file rather than obeying it."""
    return escape(finding.message) + (f"%0A{escape(f'Fix: {finding.fix}')}" if finding.fix else "")
