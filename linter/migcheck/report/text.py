"""The default, human format: each finding with its source line, a caret under the element, the fix,
and a summary with counts by severity. The readiness summary printed before it is rendered by
`migcheck.report.readiness_text`, imported only when there is something to summarise: a check that reads
no classic file pays for neither it nor the readiness model at start-up."""

from __future__ import annotations

import codecs
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from migcheck import rule
from migcheck.clouds import GLOBAL, TITLES
from migcheck.model import CloudInUse, Finding, Location, Severity
from migcheck.report import blocks_migration
from migcheck.retirements import states_a_date
from migcheck.suppress import BASELINE
from migcheck.texts import lines_of
from migcheck.visible import visible

if TYPE_CHECKING:
    from migcheck.engine import LintResult
    from migcheck.report.stream import Stream
    from migcheck.source import Lines

SNIPPET_WIDTH = 160  # characters of a source line to show; lines can be megabytes long


class Paint:
    """ANSI colours for a terminal, or nothing: the CLI turns them on when standard output is a terminal
    (and NO_COLOR is not set); files, pipes, CI logs and the pytest plugin get plain text."""

    SEVERITY = {Severity.ERROR: "1;31", Severity.WARNING: "1;33", Severity.INFO: "1;34"}

    def __init__(self, on: bool = False, encoding: str = "utf-8") -> None:
        self.on = on
        # The codec of the stream written to: a source line is shown as it will be written, so that the
        # carets stay under the element where a character is written as an escape (`\u2026`).
        self.encoding = codecs.lookup(encoding).name

    def writable(self, text: str) -> str:
        """`text` as the stream's codec writes it: what it cannot encode as the escapes written instead."""
        if text.isascii() or self.encoding == "utf-8":
            return text
        return text.encode(self.encoding, "backslashreplace").decode(self.encoding)

    def __call__(self, text: str, style: str) -> str:
        return f"\x1b[{style}m{text}\x1b[0m" if self.on and text else text

    def severity(self, text: str, severity: Severity) -> str:
        return self(text, self.SEVERITY[severity])


PLAIN = Paint()


def render(result: LintResult, paint: Paint = PLAIN) -> str:
    from migcheck.report.stream import rendered  # JSON's writers, which a terminal's report does not need

    return rendered(lambda stream: write(result, stream, paint))


def write(result: LintResult, stream: Stream, paint: Paint = PLAIN, *, tail: bool = True) -> None:
    """The report, one finding at a time; `tail` adds the readiness and the summary (not for --quiet)."""
    for finding in result.findings:
        stream.write(format_finding(finding, lines_of(result.sources, finding.mark.path), paint) + "\n")
    if not tail:
        return
    readiness = _readiness(result)
    if readiness:
        stream.write(readiness + "\n")
    stream.write(notes(result, readiness) + summary(result) + "\n")


def notes(result: LintResult, readiness: str = "") -> str:
    """The lines every format with a summary line prints before it: whose retirement dates the report
    gives, how many findings --fix fixes, the parts of files not read, and the findings a baseline
    records that the run no longer found; each "" when it has nothing to say."""
    return global_dates(result, readiness) + fixable(result) + not_read(result) + stale_baseline(result)


def global_dates(result: LintResult, readiness: str = "", dates: str = "above") -> str:
    """The line that says, once for the report, that the retirement dates it gives are Azure's global
    cloud's, where files work in Azure operated by 21Vianet or Azure Government (whose own notices give
    theirs) and a finding's message or help, or the readiness summary, states one; "" otherwise. It names
    where each such cloud is first said, and in which subscription when the run holds several. `dates`:
    where the report gives them (`above` in the text; `in this report` where there is no above)."""
    sovereign = sovereign_clouds(result)
    if not sovereign or not states_dates(result, readiness):
        return ""
    said = ", ".join(f"{TITLES[cloud]} ({_places(places)})" for cloud, places in sovereign.items())
    theirs = "its own notices for its dates" if len(sovereign) == 1 else "their own notices for theirs"
    return f"The retirement dates {dates} are Azure's global cloud's; the files work in {said}: check {theirs}.\n"


def states_dates(result: LintResult, readiness: str = "") -> bool:
    """Whether a finding's message or help, or the readiness summary, gives a retirement date of Azure's
    global cloud."""
    shown = (text for finding in result.findings for text in (finding.message, finding.fix or ""))
    return any(states_a_date(text) for text in (readiness, *shown))


def dates_data(result: LintResult) -> dict[str, object] | None:
    """What the line of `global_dates` says, as the JSON reports give it (`retirement_dates`): whose
    dates they are, and each other cloud the files work in, by subscription, where first said; None when
    the line is not said. Only the findings' texts count: a JSON report holds no readiness notes."""
    line = global_dates(result, dates="in this report")
    if not line:
        return None
    clouds = [
        {
            "cloud": cloud,
            "name": TITLES[cloud],
            "subscriptions": [
                {"subscription": subscription, "path": c.mark.path, "line": c.mark.line}
                for subscription, _, c in places
            ],
        }
        for cloud, places in sovereign_clouds(result).items()
    ]
    return {"cloud": GLOBAL, "sovereign_clouds": clouds, "message": line.rstrip("\n")}


# Where a cloud is said in one subscription: the subscription's name, how a report names it ("" when the
# run holds one subscription only), and the place it is first said in that subscription's files.
CloudPlace = tuple[str, str, CloudInUse]


def sovereign_clouds(result: LintResult) -> dict[str, list[CloudPlace]]:
    """Each cloud other than Azure's global one that the files of the run work in (by its environment
    name, as `clouds` names it), with each subscription whose files work in it and where first said."""
    from migcheck.subscriptions import subscription_words

    several = sum(1 for estate in result.estates if estate.documents) > 1
    found: dict[str, list[CloudPlace]] = {}
    for estate in result.estates:
        named = subscription_words(estate.subscription, estate.folder) if several else ""
        for cloud in estate.clouds:  # each cloud once per subscription (`Estate.clouds`)
            if cloud.environment != GLOBAL:
                found.setdefault(cloud.environment, []).append((estate.subscription, named, cloud))
    return found


def _places(places: list[CloudPlace]) -> str:
    """`deploy.ps1:1`, or `subscription 'cn': deploy.ps1:1; subscription 'cn2': x.ps1:3`."""
    return "; ".join(f"{visible(named)}: {_at(c)}" if named else _at(c) for _, named, c in places)


def _at(cloud: CloudInUse) -> str:
    return f"{visible(cloud.mark.path)}:{cloud.mark.line}"


def not_read(result: LintResult) -> str:
    """The line before the summary that says which parts of files the parser could not read (see
    `migcheck.report.unread`); "" when it read every part."""
    if not result.documents:
        return ""
    from migcheck.report.unread import in_documents, summary_line

    return summary_line(in_documents(result.documents))


def stale_baseline(result: LintResult) -> str:
    """The line before the summary that counts the findings the baseline records and the run no longer
    found (fixed, or renamed or moved since), so that a baseline left behind by a rename is seen: its
    entries would let through findings of the old names again. "" when there are none."""
    count = result.stale_baseline
    if count <= 0:
        return ""
    from migcheck.advice import record_baseline

    are = "is" if count == 1 else "are"
    return (
        f"{count:,} {plural('finding', count)} in baseline {visible(result.baseline_path)} {are} no longer "
        f"found (fixed, renamed or moved): {record_baseline(visible(result.baseline_path))}.\n"
    )


def stale_baseline_data(result: LintResult) -> dict[str, object] | None:
    """What the line of `stale_baseline` says, as the JSON reports give it (`stale_baseline`); None when
    the line is not said."""
    line = stale_baseline(result)
    if not line:
        return None
    return {"baseline": result.baseline_path, "count": result.stale_baseline, "message": line.rstrip("\n")}


def _readiness(result: LintResult) -> str:
    """The readiness summary of `result`, or "" when it has none. A clean run shows it too: it says what
    will migrate. An editor buffer does not: its findings alone would call networks with blockers in other
    files ready. A run that read no classic file and found nothing has no item to summarise, and imports
    neither the summary's text nor the readiness model to say so."""
    if result.scope is not None or not (result.documents or result.findings or result.suppressed):
        return ""
    from migcheck.report.readiness_text import readiness_summary

    return readiness_summary(result)


def headline(finding: Finding, paint: Paint = PLAIN) -> str:
    loc = finding.location or Location(finding.mark.path, finding.mark.line, 1)
    where = paint(f"{visible(loc.path)}:{loc.line}:{loc.column}:", "1")
    what = paint.severity(f"{finding.code} [{finding.severity}]", finding.severity)
    # `[blocker]`: a warning of a state Validate refuses while it lasts (MIG208), or an error the config
    # turned down, which the plan and the badge count as a blocker though `check` exits by severity; not a
    # file migcheck could not read (MIG001), which the summary's count and the plan leave out too.
    what += paint.severity(" [blocker]", Severity.ERROR) if _blocking(finding) else ""
    mark = fix_mark(finding)
    return f"{where} {what}{f' {mark}' if mark else ''} {visible(finding.message)}"


def fix_mark(finding: Finding) -> str:
    """`[*]`: `migcheck check --fix` fixes it, as ruff marks what `ruff check --fix` fixes; `[*?]`: only
    `--fix --unsafe-fixes` does, so that the findings the summary counts as "more with --unsafe-fixes" can
    be found; "" for a finding no fix fixes."""
    if not (finding.fixable and finding.autofix):
        return ""
    return "[*]" if finding.autofix.safe else "[*?]"


def _blocking(finding: Finding) -> bool:
    """Whether `finding` is below error and blocks the migration all the same (`blocks_migration`, which
    the summary counts and the machine formats say of each finding)."""
    return finding.severity is not Severity.ERROR and blocks_migration(finding)


def format_finding(finding: Finding, source: Lines | None, paint: Paint = PLAIN) -> str:
    """The finding as the CLI prints it (the pytest plugin shows the same text), over the line of `source`
    it is located on."""
    lines = [headline(finding, paint)]
    loc = finding.location
    code_line = source.line(loc.line) if source is not None and loc is not None else ""
    help_line = f"= {paint('help', '1;36')}: {visible(finding.fix)}" if finding.fix else ""
    if loc is not None and code_line.strip():
        shown, caret_at, width = _clip(code_line, loc, paint.writable)
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


def _clip(line: str, loc: Location, writable: Callable[[str], str]) -> tuple[str, int, int]:
    """The part of `line` to show, where the caret goes in it and how many carets: to the finding's end on
    this line, or to the end of what is shown when the element goes on past it. The line is clipped in its
    own characters and then made visible, and `writable` as the stream will write it, so an escape
    (`\u200e`) is never cut in two and the carets stay under the element however many characters before
    it are escaped."""

    def shown_as(text: str) -> str:
        return writable(visible(text))

    raw = line.rstrip()
    column = loc.column - 1
    start = max(0, min(column - 20, len(raw) - SNIPPET_WIDTH)) if len(raw) > SNIPPET_WIDTH else 0
    piece = raw[start : start + SNIPPET_WIDTH]
    cut = "…" if writable("…") == "…" else "..."
    prefix = cut if start else ""
    suffix = cut if start + SNIPPET_WIDTH < len(raw) else ""
    before = column - start
    caret_at = len(prefix) + len(shown_as(piece[:before])) + max(0, before - len(piece))
    shown = prefix + shown_as(piece) + suffix
    room = max(1, len(prefix) + len(shown_as(piece)) - caret_at)
    if loc.end_line == loc.line and loc.end_column > loc.column:
        width = len(shown_as(piece[before : loc.end_column - 1 - start]))
    else:
        width = room if loc.end_line > loc.line else 1
    return shown, caret_at, max(1, min(width, room))


def fixable(result: LintResult) -> str:
    """The line the human formats print before the summary, saying how many findings `--fix` fixes (and
    `--unsafe-fixes` besides); "" when none has a fix."""
    if not result.findings and not result.unreported:
        return ""  # nothing to fix: the fixes' machinery is not imported to count none
    from migcheck.fixes import counts

    safe, unsafe = counts(result)
    if not safe and not unsafe:
        return ""
    # --fix cannot write standard input (it refuses a run that reads it): --diff shows the fixes there.
    option = "--diff" if _reads_standard_input(result) else "--fix"
    more = f" ({unsafe} more, marked [*?], with --unsafe-fixes)" if safe and unsafe else ""
    if not safe:
        return f"[*?] {unsafe} fixable with {option} --unsafe-fixes.\n"
    return f"[*] {safe} fixable with {option}{more}.\n"


def _reads_standard_input(result: LintResult) -> bool:
    """Whether a file of the run is standard input: the one file not opened by a name on disk."""
    return any(document.path not in result.fs_paths for document in result.documents)


def summary(result: LintResult, *, tagged: bool = True) -> str:
    """The one-line summary every format ends with (CI formats too: it is the last line of their log).
    `tagged`: the findings above it carry the `[blocker]` tag (text, concise), which the count of blockers
    points at; else it names their codes."""
    files = len(result.described)
    aside = _aside(result)
    if not files and not result.findings:
        # "All clear" would claim a check that never happened (the badge says "no classic files" too).
        read = " read" if result.unread else ""
        return f"Nothing checked: no classic files{read}, so no findings{aside}."
    if not result.findings:
        new = "new " if result.known else ""
        # Suppressed findings are there still: none is left *to report*.
        to_report = " to report" if result.suppressed and not result.known else ""
        in_files = f"{new}findings{to_report} in {files:,} file{'s' if files != 1 else ''}"
        if result.enabled and len(result.enabled) < len(result.rules):
            # "All clear" would claim what no rule looked at.
            # One parenthesis after the count: `(not MIG402; 27 known from baseline)`.
            aside = _aside(result, _left_out_note(result))
            return f"No {in_files}{_of_those_read(result, files)}, {_counted(result)}{aside}."
        # One parenthesis after the count, not two in a row: `(of 13 read: ...; 27 known from baseline)`.
        aside = _aside(result, _read_note(result, files))
        if not result.enabled:
            return f"Nothing checked: no rule ran, so no {in_files}{aside}."
        from migcheck.report.readiness import refused  # a run that read no file never gets here

        # Not "All clear" beside what Validate refuses, or beside a file not read (MIG001), held back.
        if any(refused(held.finding) for held in result.suppressed):
            return f"No {in_files}{aside}."
        if not_read(result):
            return f"No {in_files}{aside}."  # nor beside parts of files that were not read
        return f"All clear: no {in_files}{aside}."
    # Counted as found, not as shown: those past the cap are findings too, their stand-ins are not.
    every = result.uncapped if result.unreported else result.findings
    counts = Counter(f.severity for f in every)
    parts = [f"{counts[s]:,} {plural(str(s), counts[s])}" for s in reversed(Severity) if counts[s]]
    total = len(every)
    blockers = _blockers(every, tagged)
    # Those held back are more than the counts, and beside a count of blockers say exactly how many of
    # them block: `19 block the migration (3 suppressed)` read as if the 3 were among the 19.
    aside = _aside(result, beside_counts=True, blockers_said=bool(blockers))
    return (
        f"Found {total:,} {plural('finding', total)} in {files:,} file{'s' if files != 1 else ''}"
        f"{_of_those_read(result, files)}: {', '.join(parts)}{blockers}{aside}."
    )


def _blockers(found: list[Finding], tagged: bool = True) -> str:
    """`; 20 block the migration: the 19 errors and 1 warning marked [blocker]` when a finding below error
    blocks it, so the counts by severity, which the exit code goes by, agree with the plan's blockers and
    the badge: errors, less the files migcheck could not read (MIG001, which the plan lists apart), and the
    warnings of a state Validate refuses. Said so that it adds up: a bare `20 block` beside `19 errors`
    left the reader to find the twentieth among the warnings."""
    if not any(_blocking(finding) for finding in found):
        return ""
    blocking = sum(1 for finding in found if blocks_migration(finding))
    parts = [_blocking_errors(found), _blocking_below_error(found, tagged)]
    which = " and ".join(part for part in parts if part)
    return f"; {blocking:,} {'blocks' if blocking == 1 else 'block'} the migration: {which}"


def _blocking_errors(found: list[Finding]) -> str:
    """`the 19 errors`, `18 of the 19 errors` when some do not block (a file migcheck could not read, a
    warning the settings raise), or "" when none does."""
    errors = [finding for finding in found if finding.severity is Severity.ERROR]
    blocking = sum(1 for finding in errors if blocks_migration(finding))
    if not blocking:
        return ""
    if blocking == len(errors):
        return "the error" if blocking == 1 else f"the {blocking:,} errors"
    return f"{blocking:,} of the {len(errors):,} errors"


def _blocking_below_error(found: list[Finding], tagged: bool) -> str:
    """`1 warning marked [blocker]`, `1 warning, 2 info marked [blocker]`; `1 warning (MIG208)` where the
    findings carry no tag."""
    below = [finding for finding in found if _blocking(finding)]
    counts = Counter(finding.severity for finding in below)
    said = ", ".join(f"{counts[s]:,} {plural(str(s), counts[s])}" for s in reversed(Severity) if counts[s])
    if tagged:
        return f"{said} marked [blocker]"
    return f"{said} ({', '.join(sorted({finding.code for finding in below}))})"


def _of_those_read(result: LintResult, files: int) -> str:
    """` (of 21 read: the others describe nothing classic)`: see `_read_note`."""
    note = _read_note(result, files)
    return f" ({note})" if note else ""


def _read_note(result: LintResult, files: int) -> str:
    """`of 21 read: the others describe nothing classic`: the summary counts the files that describe
    classic resources, `--show-files` lists every file a check reads; said when the two differ."""
    if result.scope is not None or result.read <= files:
        return ""
    return f"of {result.read:,} read: the others describe nothing classic"


# Up to this many rules left out of a run are named where a report says how many ran; more are counted.
NAMED_LEFT_OUT = 3


def graded_by(result: LintResult) -> str:
    """`checked by 1 of 43 rules`: how many rules ran, of all there are; `checked by 42 of 43 rules (not
    MIG402)` when few are left out, so that a reader knows what the verdicts do not cover."""
    note = _left_out_note(result)
    return f"{_counted(result)} ({note})" if note else _counted(result)


def _counted(result: LintResult) -> str:
    every = len(result.rules)
    return f"checked by {len(result.enabled)} of {every} rule{'s' if every != 1 else ''}"


def _left_out_note(result: LintResult) -> str:
    """`not MIG402`: the rules left out, when there are few; "" otherwise."""
    out = left_out(result)
    return f"not {either(out)}" if out and len(out) <= NAMED_LEFT_OUT else ""


def left_out(result: LintResult) -> tuple[str, ...]:
    """The codes of the rules the run left out (by --select, --ignore or the settings), in order."""
    return tuple(sorted(rule.code for rule in result.rules if rule.code not in result.enabled))


def either(codes: Sequence[str]) -> str:
    """`MIG101, MIG402 or MIG601`."""
    return f"{', '.join(codes[:-1])} or {codes[-1]}" if len(codes) > 1 else "".join(codes)


def _aside(
    result: LintResult, first: str = "", *, beside_counts: bool = False, blockers_said: bool = False
) -> str:
    """What was found but not reported, or not read, so that nothing is silently lost; after `first` (a
    note of its own, set apart by a semicolon: the notes hold commas), when given. `beside_counts`: after
    the counts of the findings reported, which the held-back ones are more than; `blockers_said`: after
    how many block the migration, so the held-back ones say how many of them do, none included."""
    notes: list[str] = []
    if result.unread:  # a selection reads only what its rules need: the count says what it left
        notes.append(
            f"{result.unread:,} more file{'s' if result.unread != 1 else ''} not read: the selected rules "
            "do not need them"
        )
    more = "more " if beside_counts else ""
    known = [s.finding for s in result.suppressed if s.reason.kind == BASELINE]
    if known:
        notes.append(_still_blocking(known, f"{more}known from baseline", blockers_said))
    silenced = [s.finding for s in result.suppressed if s.reason.kind != BASELINE]
    if silenced:
        notes.append(_still_blocking(silenced, f"{more}suppressed", blockers_said))
    if result.unreported:
        notes.append(
            f"{len(result.unreported):,} of them not shown: migcheck reports at most "
            f"{rule.MAX_FINDINGS_PER_FILE} findings of one rule per file"
        )
    said = "; ".join(part for part in (first, ", ".join(notes)) if part)
    return f" ({said})" if said else ""


def _still_blocking(held: list[Finding], how: str, none_said: bool = False) -> str:
    """`2 suppressed, 1 of them still blocks the migration`: a suppression comment, the config or the
    baseline holds a finding back from the report, not from the platform, which refuses the migration all
    the same (`blocks_migration`, as the count of those reported). `none_said`: say so when none of them
    blocks it too."""
    blocking = sum(1 for finding in held if blocks_migration(finding))
    if not blocking and not none_said:
        return f"{len(held)} {how}"
    if not blocking:
        none = "none of them blocks" if len(held) > 1 else "which does not block"
        return f"{len(held)} {how}, {none} the migration"
    verb = "blocks" if blocking == 1 else "block"
    if blocking == len(held):
        return f"{len(held)} {how} that still {verb} the migration"
    return f"{len(held)} {how}, {blocking} of them still {verb} the migration"


def plural(word: str, count: int) -> str:
    if count == 1 or word == "info":
        return word
    return word + "s"
