"""The default, human format: each finding with its source line, a caret under the element, the fix,
and a summary with counts by severity."""

from __future__ import annotations

from typing import TYPE_CHECKING

from migcheck.model import Finding, Location, Severity

if TYPE_CHECKING:
    from migcheck.engine import LintResult

SNIPPET_WIDTH = 160  # characters of a source line to show; lines can be megabytes long


def render(result: LintResult) -> str:
    blocks = [format_finding(f, result.sources.get(f.mark.path)) for f in result.findings]
    return "".join(block + "\n" for block in blocks) + summary(result) + "\n"


def headline(finding: Finding) -> str:
    loc = finding.location or Location(finding.mark.path, finding.mark.line, 1)
    return f"{loc.path}:{loc.line}:{loc.column}: {finding.code} [{finding.severity}] {finding.message}"


def format_finding(finding: Finding, source) -> str:
    """The finding as the CLI prints it (the pytest plugin shows the same text)."""
    lines = [headline(finding)]
    loc = finding.location
    code_line = source.line(loc.line) if source is not None and loc is not None else ""
    if code_line.strip():
        shown, caret_at = _clip(code_line, loc.column - 1)
        gutter = " " * len(str(loc.line))
        caret = "".join(c if c == "\t" else " " for c in shown[:caret_at]) + "^"
        lines += [f"{gutter} |", f"{loc.line} | {shown}", f"{gutter} | {caret}"]
        if finding.fix:
            lines.append(f"{gutter} = help: {finding.fix}")
    elif finding.fix:
        lines.append(f"  = help: {finding.fix}")
    return "\n".join(lines) + "\n"


def _clip(line: str, column: int) -> tuple[str, int]:
    """The part of `line` to show and where the caret goes in it."""
    line = line.rstrip()
    if len(line) <= SNIPPET_WIDTH:
        return line, column
    start = max(0, min(column - 20, len(line) - SNIPPET_WIDTH))
    shown = line[start : start + SNIPPET_WIDTH]
    prefix = "…" if start else ""
    return prefix + shown + ("…" if start + SNIPPET_WIDTH < len(line) else ""), column - start + len(prefix)


def summary(result: LintResult) -> str:
    counts = result.counts()
    files = len(result.documents)
    suppressed = f" ({len(result.suppressed)} suppressed)" if result.suppressed else ""
    if not result.findings:
        return f"All clear: no findings in {files} file{'s' if files != 1 else ''}{suppressed}."
    parts = [f"{counts[s]} {_plural(str(s), counts[s])}" for s in reversed(Severity) if counts[s]]
    total = len(result.findings)
    return (
        f"Found {total} {_plural('finding', total)} in {files} file{'s' if files != 1 else ''}: "
        f"{', '.join(parts)}{suppressed}."
    )


def _plural(word: str, count: int) -> str:
    if count == 1 or word == "info":
        return word
    return word + "s"
