"""The default, human format: each finding with its source line, a caret under the element, the fix,
and a summary with counts by severity."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from migcheck.model import Finding, Location, Severity
from migcheck.report.readiness import EXTENDED_SUPPORT, FILE, RETIREMENT_NOTES, ScopeItem, Verdict, refused
from migcheck.report.stream import Stream, rendered
from migcheck.retirements import EXTENDED_SUPPORT_RETIRES
from migcheck.suppress import BASELINE
from migcheck.texts import lines_of
from migcheck.visible import visible

if TYPE_CHECKING:
    from migcheck.engine import LintResult
    from migcheck.source import Lines

SNIPPET_WIDTH = 160  # characters of a source line to show; lines can be megabytes long


class Paint:
    """ANSI colours for a terminal, or nothing: the CLI turns them on when standard output is a terminal
    (and NO_COLOR is not set); files, pipes, CI logs and the pytest plugin get plain text."""

    SEVERITY = {Severity.ERROR: "1;31", Severity.WARNING: "1;33", Severity.INFO: "1;34"}

    def __init__(self, on: bool = False) -> None:
        self.on = on

    def __call__(self, text: str, style: str) -> str:
        return f"\x1b[{style}m{text}\x1b[0m" if self.on and text else text

    def severity(self, text: str, severity: Severity) -> str:
        return self(text, self.SEVERITY[severity])


PLAIN = Paint()


def render(result: LintResult, paint: Paint = PLAIN) -> str:
    return rendered(lambda stream: write(result, stream, paint))


def write(result: LintResult, stream: Stream, paint: Paint = PLAIN, *, tail: bool = True) -> None:
    """The report, one finding at a time; `tail` adds the readiness and the summary (not for --quiet)."""
    for finding in result.findings:
        stream.write(format_finding(finding, lines_of(result.sources, finding.mark.path), paint) + "\n")
    if not tail:
        return
    # A clean run shows the readiness summary too: it says what will migrate. An editor buffer does not:
    # its findings alone would call networks with blockers in other files ready.
    readiness = readiness_summary(result) if result.scope is None else ""
    if readiness:
        stream.write(readiness + "\n")
    stream.write(fixable(result) + summary(result) + "\n")


def headline(finding: Finding, paint: Paint = PLAIN) -> str:
    loc = finding.location or Location(finding.mark.path, finding.mark.line, 1)
    where = paint(f"{visible(loc.path)}:{loc.line}:{loc.column}:", "1")
    what = paint.severity(f"{finding.code} [{finding.severity}]", finding.severity)
    # `[*]`: `migcheck check --fix` fixes it, as ruff marks what `ruff check --fix` fixes.
    fixable = " [*]" if finding.fixable and finding.autofix and finding.autofix.safe else ""
    return f"{where} {what}{fixable} {visible(finding.message)}"


def format_finding(finding: Finding, source: Lines | None, paint: Paint = PLAIN) -> str:
    """The finding as the CLI prints it (the pytest plugin shows the same text), over the line of `source`
    it is located on."""
    lines = [headline(finding, paint)]
    loc = finding.location
    code_line = source.line(loc.line) if source is not None and loc is not None else ""
    help_line = f"= {paint('help', '1;36')}: {visible(finding.fix)}" if finding.fix else ""
    if loc is not None and code_line.strip():
        shown, caret_at, width = _clip(code_line, loc)
        gutter = " " * len(str(loc.line))
        caret = _blank(shown[:caret_at])
        bar = paint("|", "34")
        underline = "^" * _cells(shown[caret_at : caret_at + width])
        lines += [
            f"{gutter} {bar}",
            f"{paint(str(loc.line), '34')} {bar} {shown}",
            f"{gutter} {bar} {caret}{paint.severity(underline, finding.severity)}",
        ]
        if help_line:
            lines.append(f"{gutter} {help_line}")
    elif help_line:
        lines.append(f"  {help_line}")
    return "\n".join(lines) + "\n"


def _blank(text: str) -> str:
    """What takes the room of `text` on a terminal: a tab for a tab, a space per column its other
    characters fill (two for a wide CJK character, none for a combining mark)."""
    if text.isascii() and "\t" not in text:  # nearly every line: a column per character
        return " " * len(text)
    return "".join(c if c == "\t" else " " * _cell_width(c) for c in text)


def _cells(text: str) -> int:
    """How many terminal columns `text` fills (at least one, for a caret under an empty element)."""
    if text.isascii():
        return max(1, len(text))
    return max(1, sum(_cell_width(c) for c in text))


def _cell_width(char: str) -> int:
    if char.isascii():
        return 1
    import unicodedata

    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _clip(line: str, loc: Location) -> tuple[str, int, int]:
    """The part of `line` to show, where the caret goes in it and how many carets: to the finding's end on
    this line, or to the end of what is shown when the element goes on past it. The line is clipped in its
    own characters and then made visible, so an escape (`\u200e`) is never cut in two and the carets stay
    under the element however many characters before it are escaped."""
    raw = line.rstrip()
    column = loc.column - 1
    start = max(0, min(column - 20, len(raw) - SNIPPET_WIDTH)) if len(raw) > SNIPPET_WIDTH else 0
    piece = raw[start : start + SNIPPET_WIDTH]
    prefix = "…" if start else ""
    suffix = "…" if start + SNIPPET_WIDTH < len(raw) else ""
    before = column - start
    caret_at = len(prefix) + len(visible(piece[:before])) + max(0, before - len(piece))
    shown = prefix + visible(piece) + suffix
    room = max(1, len(prefix) + len(visible(piece)) - caret_at)
    if loc.end_line == loc.line and loc.end_column > loc.column:
        width = len(visible(piece[before : loc.end_column - 1 - start]))
    else:
        width = room if loc.end_line > loc.line else 1
    return shown, caret_at, max(1, min(width, room))


def fixable(result: LintResult) -> str:
    """The line the human formats print before the summary, saying how many findings `--fix` fixes (and
    `--unsafe-fixes` besides); "" when none has a fix."""
    from migcheck.fixes import counts

    safe, unsafe = counts(result)
    if not safe and not unsafe:
        return ""
    more = f" ({unsafe} more with --unsafe-fixes)" if safe and unsafe else ""
    if not safe:
        return f"{unsafe} fixable with --fix --unsafe-fixes.\n"
    return f"[*] {safe} fixable with --fix{more}.\n"


def summary(result: LintResult) -> str:
    """The one-line summary every format ends with (CI formats too: it is the last line of their log)."""
    counts = result.counts()
    files = len(result.documents)
    aside = _aside(result)
    if not files and not result.findings:
        # "All clear" would claim a check that never happened (the badge says "no classic files" too).
        read = " read" if result.unread else ""
        return f"Nothing checked: no classic files{read}, so no findings{aside}."
    if not result.findings:
        new = "new " if result.known else ""
        # Suppressed findings are there still: none is left *to report*.
        to_report = " to report" if result.suppressed and not result.known else ""
        in_files = f"{new}findings{to_report} in {files} file{'s' if files != 1 else ''}"
        if not result.enabled:
            return f"Nothing checked: no rule ran, so no {in_files}{aside}."
        if len(result.enabled) < len(result.rules):  # "All clear" would claim what no rule looked at
            return f"No {in_files}, {graded_by(result)}{aside}."
        if any(refused(held.finding) for held in result.suppressed):
            return f"No {in_files}{aside}."  # not "All clear" beside what still blocks the migration
        return f"All clear: no {in_files}{aside}."
    parts = [f"{counts[s]} {_plural(str(s), counts[s])}" for s in reversed(Severity) if counts[s]]
    total = len(result.findings)
    return (
        f"Found {total} {_plural('finding', total)} in {files} file{'s' if files != 1 else ''}: "
        f"{', '.join(parts)}{aside}."
    )


def graded_by(result: LintResult) -> str:
    """`checked by 1 of 43 rules`: how many rules ran, of all there are."""
    every = len(result.rules)
    return f"checked by {len(result.enabled)} of {every} rule{'s' if every != 1 else ''}"


def _aside(result: LintResult) -> str:
    """What was found but not reported, or not read, so that nothing is silently lost."""
    notes = []
    if result.unread:  # a selection reads only what its rules need: the count says what it left
        notes.append(
            f"{result.unread} more file{'s' if result.unread != 1 else ''} not read: the selected rules "
            "do not need them"
        )
    known = [s.finding for s in result.suppressed if s.reason.kind == BASELINE]
    if known:
        notes.append(_still_blocking(known, "known from baseline"))
    silenced = [s.finding for s in result.suppressed if s.reason.kind != BASELINE]
    if silenced:
        notes.append(_still_blocking(silenced, "suppressed"))
    if result.unreported:
        notes.append(
            f"{len(result.unreported)} more not shown, past the cap on findings of one rule per file"
        )
    return f" ({', '.join(notes)})" if notes else ""


def _still_blocking(held: list[Finding], how: str) -> str:
    """`2 suppressed, 1 of them still blocks the migration`: a suppression comment, the config or the
    baseline holds a finding back from the report, not from the platform, which refuses the migration all
    the same (`refused`)."""
    blocking = sum(1 for finding in held if refused(finding))
    if not blocking:
        return f"{len(held)} {how}"
    verb = "blocks" if blocking == 1 else "block"
    if blocking == len(held):
        return f"{len(held)} {how} that still {verb} the migration"
    return f"{len(held)} {how}, {blocking} of them still {verb} the migration"


def _plural(word: str, count: int) -> str:
    if count == 1 or word == "info":
        return word
    return word + "s"


# --- readiness by migration scope ------------------------------------------------------------------

READINESS_ITEMS_SHOWN = 8  # per scope; the rest are counted, so a big estate's summary stays short


def readiness_summary(result: LintResult) -> str:
    """The findings grouped by migration scope, one line per item with Validate's verdict; one block per
    subscription when the run holds several."""
    from migcheck.report.readiness import readiness

    blocks = []
    summaries = readiness(result)
    ids = {estate.subscription: estate.inventory.subscription for estate in result.estates}
    for summary in summaries:
        rows: list[tuple[str, str]] = []  # (text, verdict); a verdict of "" is a heading
        for scope in summary.scopes:
            if scope.items:
                rows.append((f"  {scope.scope}", ""))
                note = RETIREMENT_NOTES.get(scope.scope)
                rows += [(f"    ({note})", "")] if note else []
                rows += _readiness_rows(scope.items)
        if not rows:
            continue
        # Align the verdicts of the rows that fit; a very long description just gets two spaces.
        width = max((len(text) for text, verdict in rows if verdict and len(text) <= 64), default=0)
        title = "Readiness by migration scope"
        if len(summaries) > 1:
            title += f", subscription '{visible(summary.subscription)}'"
            stated = ids.get(summary.subscription, "")
            if stated and stated != summary.subscription:  # the id the inventory gives the files' own
                title += f" ({visible(stated)})"
        lines = [f"{title}:"]
        if len(result.enabled) < len(result.rules):  # a verdict says only what the rules that ran found
            lines.append(f"  ({graded_by(result)}: a scope passes only as far as they tell)")
        lines += [f"{text.ljust(width)}  {verdict}" if verdict else text for text, verdict in rows]
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def _readiness_rows(items: Sequence[ScopeItem]) -> list[tuple[str, str]]:
    shown = list(items)
    if len(shown) > READINESS_ITEMS_SHOWN:  # keep the ones that need work
        shown = sorted(shown, key=lambda i: _VERDICT_ORDER.index(i.verdict))[:READINESS_ITEMS_SHOWN]
    rows = [(f"    {visible(_describe(item))}", _verdict(item)) for item in items if item in shown]
    hidden = [item for item in items if item not in shown]
    if hidden:
        rows.append((f"    … and {len(hidden)} more ({_tally(hidden)})", ""))
    return rows


def _describe(item: ScopeItem) -> str:
    """The item's name and, in brackets, what would migrate with it."""
    m = item.migrates
    if item.type == "VirtualNetwork":
        network = _count(len(m["subnets"]), "subnet") + (", gateway" if m["gateway"] else "")
        parts = [network if m["defined"] else "not defined in the files checked"]
        services = m["cloud_services"]
        if services:
            names = ", ".join(_service(s) for s in services[:3])
            more = f" and {len(services) - 3} more" if len(services) > 3 else ""
            parts.append(f"cloud services: {names}{more}")
        return f"{item.name} ({'; '.join(parts)})"
    if item.type in ("CloudService", EXTENDED_SUPPORT):
        return f"{item.name} ({_contents(m)})"
    if item.type == "StorageAccount":
        parts = [_count(len(m[k]), k[:-1]) for k in ("disks", "images") if m[k]]
        held = ", ".join(parts) or "no disk or image of the files checked"
        if m.get("vms_first"):  # disks of VMs no file describes: the account migrates after them
            services = m.get("vms_first_services") or [""] * len(m["vms_first"])
            vms = ", ".join(
                f"{vm} of cloud service {service}" if service else vm
                for vm, service in zip(m["vms_first"], services, strict=True)
            )
            held += (
                f"; after VM{'s' if len(m['vms_first']) > 1 else ''} {vms}, which no file checked describes"
            )
        return f"{item.name} ({held})"
    if item.type == FILE:
        return item.name
    if item.type == "ExpressRouteCircuit":  # moved before the networks linked to it
        linked = f"linked to {', '.join(m['networks'])}"
        return item.name if linked in item.name else f"{item.name} ({linked})"  # `<circuit linked to x>`
    if m.get("service"):  # a reserved IP bound to a cloud service no file describes
        return f"{item.name} (reserved IP of cloud service '{m['service']}')"
    return f"{item.name} ({_RESOURCE_WORDS.get(item.type, item.type)})"


# What the unattached resources' rows call them: words, as the plan's steps do, not the platform's types.
_RESOURCE_WORDS = {
    "NetworkSecurityGroup": "network security group",
    "RouteTable": "route table",
    "ReservedIP": "reserved IP",
}


def _service(service: Mapping[str, Any]) -> str:
    return f"{service['name']} ({_contents(service)})"


def _contents(service: Mapping[str, Any]) -> str:
    parts = [_count(len(service["vms"]), "VM")] if service["vms"] or not service["roles"] else []
    if service["roles"]:
        parts.append(_count(len(service["roles"]), "web/worker role"))
    return ", ".join(parts)


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


_FILE_VERDICTS = {
    Verdict.FAILED: "Fails",
    Verdict.PREPARE_FAILS: "Fails at Prepare",
    Verdict.WARNINGS: "Passes with warnings",
    Verdict.PASSED: "Passes",
}


def _verdict(item: ScopeItem) -> str:
    """`Validation failed: 2 errors, 1 warning (1 suppressed, 1 known from baseline)`. Held-back findings
    still decide the verdict: the platform refuses the migration whatever the report shows."""
    counts = [(item.count(s), str(s)) for s in reversed(Severity)]
    shown = ", ".join(f"{n} {_plural(word, n)}" for n, word in counts if n)
    # Not classic: no Validate applies, and what matters is the date it retires on. A file outside every
    # migration scope (a script, an export, a file that does not parse) is never validated by the platform:
    # its findings pass or fail it, in words that do not claim a Validate result.
    if item.type == EXTENDED_SUPPORT:
        verdict = f"Retires on {EXTENDED_SUPPORT_RETIRES}"
    else:
        # A circuit's move (Move-AzExpressRouteCircuit) has no Validate of its own either.
        plain = item.type in (FILE, "ExpressRouteCircuit")
        verdict = _FILE_VERDICTS[item.verdict] if plain else str(item.verdict)
    text = f"{verdict}: {shown}" if shown else verdict
    # A warning can fail Validate too: a VM caught in a state the platform refuses until it changes.
    waiting = sum(1 for f in item.findings if f.severity is Severity.WARNING and refused(f))
    held = [s for s in item.held_back if s.finding.severity > Severity.INFO]
    known = sum(1 for s in held if s.reason.kind == BASELINE)
    notes = [f"{waiting} of a state Validate refuses until it changes"] if waiting else []
    notes += _checked_at_prepare(item)
    notes += [f"{len(held) - known} suppressed"] if len(held) > known else []
    notes += [f"{known} known from baseline"] if known else []
    return f"{text} ({', '.join(notes)})" if notes else text


def _checked_at_prepare(item: ScopeItem) -> list[str]:
    """`1 error checked only at Prepare`: what Validate passes and Prepare fails on, when the verdict does
    not say so already (it fails for other reasons too, or warns)."""
    if item.verdict is Verdict.PREPARE_FAILS or item.type == EXTENDED_SUPPORT:
        return []
    late = [f.severity for f in item.every if f.severity > Severity.INFO and item.found_at_prepare(f)]
    counts = [(late.count(s), str(s)) for s in reversed(Severity) if late.count(s)]
    if not counts:
        return []
    return [" and ".join(f"{n} {_plural(word, n)}" for n, word in counts) + " checked only at Prepare"]


_VERDICT_ORDER = list(Verdict)
# How `… and 3 more (…)` counts the items of each verdict.
_TALLIED = {
    Verdict.FAILED: "failed",
    Verdict.PREPARE_FAILS: "failing at Prepare",
    Verdict.WARNINGS: "passed with warnings",
    Verdict.PASSED: "passed",
}


def _tally(items: Sequence[ScopeItem]) -> str:
    verdicts = [i.verdict for i in items]
    order = [v for v in _VERDICT_ORDER if v in verdicts]
    return ", ".join(f"{verdicts.count(v)} {_TALLIED[v]}" for v in order)
