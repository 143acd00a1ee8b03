"""`--format sarif`: SARIF 2.1.0, for code scanning (GitHub, Azure DevOps and other SARIF viewers).

The run carries the rules it reported, each with its documentation cut to what a code-scanning page
shows, and every finding: suppressed ones too, marked
as such, because suppressed findings are counted, never silently lost. Why one was suppressed is what the
filter stage recorded: a comment is `inSource`, the config and the baseline are `external`."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING
from urllib.parse import quote

from migcheck import __version__
from migcheck.baseline import fingerprints
from migcheck.discover import reported_name, shown
from migcheck.model import Finding, Location, Mark, Severity
from migcheck.report import blocks_migration, location
from migcheck.report.json_format import Steps
from migcheck.report.stream import Items, Stream, dump, rendered
from migcheck.rule import capped
from migcheck.source import SourceText
from migcheck.suppress import BASELINE, COMMENT, CONFIG, Reason

if TYPE_CHECKING:
    from migcheck.engine import LintResult
    from migcheck.rule import Rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT = "migcheck/v1"  # bump if the baseline key changes, so viewers do not mix the two
# The base of every file's uri: paths are relative to the working directory, as in every format. The run
# defines it, as SARIF 2.1.0 asks (3.14.14), by a description and no absolute uri, which the standard allows
# for deterministic output: the same files give the same log wherever they are checked out.
SRCROOT = "%SRCROOT%"
URI_BASE_IDS = {
    SRCROOT: {
        "description": {"text": "The working directory migcheck ran in: every file's uri is relative to it."}
    }
}


def render(result: LintResult) -> str:
    return rendered(lambda stream: write(result, stream))


def write(result: LintResult, stream: Stream) -> None:
    """The log, one result at a time: the findings are held once, their SARIF form one by one."""
    shown: list[tuple[Finding, Reason | None]] = sorted(
        [(f, None) for f in result.findings] + _suppressed(result),
        key=lambda pair: _position(pair[0], result),
    )
    # Only the rules the results name (SARIF lets `rules` hold those relevant to the run): every enabled
    # rule's docs made half a megabyte of log for thirty findings.
    reported = {f.code for f, _ in shown}
    rules = [rule for rule in result.rules if rule.code in reported]
    index = {rule.code: n for n, rule in enumerate(rules)}
    prints = fingerprints([f for f, _ in shown])
    from migcheck.plan import subscription_id
    from migcheck.report.readiness import checked_at

    ids = {e.subscription: subscription_id(e) for e in result.estates}
    subscription = {d.path: e.subscription for e in result.estates for d in e.documents}
    steps = checked_at(result)
    results = Items(
        _result(f, reason, fp, index, result, subscription.get(f.mark.path, ""), ids, steps)
        for (f, reason), fp in zip(shown, prints, strict=True)
    )
    run = {
        "tool": {
            "driver": {
                "name": "migcheck",
                "version": __version__,
                "rules": Items(_descriptor(rule) for rule in rules),
            }
        },
        # Columns count characters of the decoded text, not UTF-16 units (SARIF's default).
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": URI_BASE_IDS,
        "results": results,
        # Nothing is linked across subscriptions; each result says which one it belongs to.
        "properties": {
            "subscriptions": [
                {"name": e.subscription, "id": ids[e.subscription], "files": len(e.documents)}
                for e in result.estates
                if e.documents
            ],
            **_said(result),
        },
    }
    invocation = _invocation(result)
    if invocation:
        run["invocations"] = [{"executionSuccessful": True, **invocation}]
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": Items([run])}
    dump(log, stream)
    stream.write("\n")


def _artifact(path: str, result: LintResult) -> dict[str, str]:
    """Where a file is, as SARIF says it: relative to `SRCROOT`, the name's bytes percent-encoded (RFC
    3986). Reports show a name that is not UTF-8, or holds a control character, with escapes
    (`caf\\xe9.netcfg`, `migcheck.visible`); a viewer must find the file, so its uri is made from the name
    the file was opened by (`caf%E9.netcfg`), not from the escapes."""
    return {"uri": quote(_name_bytes(path, result), safe="/"), "uriBaseId": SRCROOT}


def _name_bytes(path: str, result: LintResult) -> str | bytes:
    """The bytes of the file name `path` shows; `path` itself when it shows the name as it is (no
    escape in it, as nearly every name) or names no file opened from disk (standard input)."""
    opened = result.fs_paths.get(path) if "\\" in path else None
    if opened is None:
        return path
    name = reported_name(opened)
    return os.fsencode(name) if shown(name) == path else path


def _said(result: LintResult) -> dict[str, object]:
    """The facts the text report says on lines before its summary, as the JSON report's keys give them
    (`retirement_dates`, `stale_baseline`), each when said."""
    from migcheck.report.text import dates_data, stale_baseline_data

    said = {"retirementDates": dates_data(result), "staleBaseline": stale_baseline_data(result)}
    return {key: value for key, value in said.items() if value is not None}


def _invocation(result: LintResult) -> dict[str, object]:
    """The notifications of the run (SARIF 2.1.0 §3.20.21-22): of its execution, the parts of scripts not
    read and whose retirement dates the results give; of its configuration, a baseline's entries the run
    no longer found. Empty when there is none."""
    execution = _unread_notifications(result) + _dates_notifications(result)
    configuration = _stale_notifications(result)
    return {
        **({"toolExecutionNotifications": execution} if execution else {}),
        **({"toolConfigurationNotifications": configuration} if configuration else {}),
    }


def _dates_notifications(result: LintResult) -> list[dict[str, object]]:
    """A note that the retirement dates the results give are Azure's global cloud's, at each place a
    subscription's files say they work in another cloud."""
    from migcheck.report.text import dates_data, sovereign_clouds

    said = dates_data(result)
    if said is None:
        return []
    places = [c.mark for each in sovereign_clouds(result).values() for _, _, c in each]
    return [
        {
            "level": "note",
            "message": {"text": said["message"]},
            "locations": [_physical(mark.path, mark.line, 0, result) for mark in places],
        }
    ]


def _stale_notifications(result: LintResult) -> list[dict[str, object]]:
    """A warning that the baseline records findings the run no longer found, at the baseline's file."""
    from migcheck.report.text import stale_baseline_data

    said = stale_baseline_data(result)
    if said is None:
        return []
    where = {"physicalLocation": {"artifactLocation": _artifact(result.baseline_path, result)}}
    return [{"level": "warning", "message": {"text": said["message"]}, "locations": [where]}]


def _physical(path: str, line: int, column: int, result: LintResult) -> dict[str, object]:
    """A location at a line of a file (and a column, when known: not 0)."""
    region = {"startLine": line, **({"startColumn": column} if column else {})}
    return {"physicalLocation": {"artifactLocation": _artifact(path, result), "region": region}}


def _unread_notifications(result: LintResult) -> list[dict[str, object]]:
    """A warning notification of the run for each part of a script the parser could not read (see
    `migcheck.report.unread`): no result says it, and findings about what it states may be missing."""
    from migcheck.report.unread import cause_named, in_documents, why, why_named

    return [
        {
            "level": "warning",
            "message": {"text": f"{why(mark)}."},
            # What the part is, where that has a name, and its cause's word, as the JSON reports'
            # `unread_parts` say them (the message says the cause in words).
            **({"properties": _named(why_named(mark), cause_named(mark))} if why_named(mark) else {}),
            "locations": [_physical(mark.path, mark.line, mark.column, result)],
        }
        for parts in in_documents(result.documents)
        for mark in parts.marks
    ]


def _named(why: str, cause: str) -> dict[str, str]:
    return {"why": why, **({"cause": cause} if cause else {})}


def _suppressed(result: LintResult) -> list[tuple[Finding, Reason | None]]:
    """The suppressed findings with why, capped like the reported ones (`migcheck.rule.capped`): per
    file and rule, the first ones in document order, and one result standing for the rest, suppressed
    for the reason the first of them is."""
    reasons = {id(s.finding): s.reason for s in result.suppressed}
    kept, held = capped(s.finding for s in result.suppressed)
    behind: dict[tuple[Mark, str], Reason] = {}
    for finding in held:
        behind.setdefault((finding.mark, finding.code), reasons[id(finding)])
    return [(f, reasons[id(f)] if id(f) in reasons else behind[f.mark, f.code]) for f in kept]


def _position(finding: Finding, result: LintResult) -> tuple[str, int, int, str]:
    loc = location(finding, result)
    return (loc.path, loc.line, loc.column, finding.code)


def _descriptor(rule: Rule) -> dict[str, object]:
    """A rule as code scanning shows it: `shortDescription` is an alert's title, `fullDescription` what
    the rule finds and what to do, `help` the rule's page."""
    hint = " ".join(rule.fix_hint.split())
    full = f"{rule.summary} Fix: {hint}" if hint else rule.summary
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": title(rule.summary)},
        "fullDescription": {"text": full},
        # Viewers that render Markdown (code scanning, editors) show the docs; `text` is for those that
        # do not, and says where the docs are rather than repeating them.
        "help": {
            "text": f"{full} The rule's docs: `migcheck rule {rule.code}`.",
            "markdown": help_markdown(rule),
        },
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["azure-classic-migration", str(rule.scope)]},
    }


TITLE_CHARS = 120  # an alert's title: one line of a code-scanning list
# A rule's page. Code scanning sets no limit on `help` (its limits are on a run's results, rules, locations and
# tags); this one is ours, to keep the log small: the rules' whole docs made 560 KB of log for thirty findings,
# MIG601's table of every cmdlet's replacement alone is 18 KB.
HELP_CHARS = 6000
# A paragraph shortened to what is left of it is at least this long, unless the paragraph itself is shorter.
LEAST_LEAD = 200


def title(summary: str) -> str:
    """The summary's first sentence, at most `TITLE_CHARS` long: cut after its head clause (what comes
    before its first colon outside brackets) when that is short enough, else at the last comma outside
    brackets or the last space that fits, marked with an ellipsis."""
    sentence = _first_sentence(" ".join(summary.split()))
    if len(sentence) <= TITLE_CHARS:
        return sentence
    stops = _top_level(sentence[: TITLE_CHARS - 1])
    head = next((i for i, ch in stops if ch == ":"), None)
    if head is not None:
        return sentence[:head] + "."
    commas = [i for i, ch in stops if ch == ","]
    cut = commas[-1] if commas else sentence.rfind(" ", 0, TITLE_CHARS - 1)
    return sentence[: cut if cut > 0 else TITLE_CHARS - 1].rstrip() + "…"


def _first_sentence(text: str) -> str:
    """`text` up to its first full stop that ends a sentence: one before a space and a capital or a
    backtick (`BGInfo 1.*` ends none)."""
    start = 0
    while (stop := text.find(". ", start)) != -1:
        after = text[stop + 2 : stop + 3]
        if after.isupper() or after == "`":
            return text[: stop + 1]
        start = stop + 2
    return text


def _top_level(text: str) -> list[tuple[int, str]]:
    """The positions of the colons and commas of `text` outside brackets, in order."""
    depth = 0
    out: list[tuple[int, str]] = []
    for i, ch in enumerate(text):
        depth += (ch in "([") - (ch in ")]")
        if depth == 0 and ch in ":,":
            out.append((i, ch))
    return out


def help_markdown(rule: Rule) -> str:
    """The rule's docs (`migcheck rule CODE`, its section of docs/rules.md), whole when they are at most
    `HELP_CHARS` long. Longer ones keep every section: its heading and its first paragraph (shortened,
    with a visible "…(see ...)", where the first paragraphs together do not fit), then as many of its
    other paragraphs, in order, as fit; where the rest of a section is left out, a line says so and where
    the whole text is."""
    docs = rule.documentation()
    if len(docs) <= HELP_CHARS:
        return docs
    sections = _sections(_paragraphs(docs))
    cut = f"*The rest of this section is not shown here: {_where(rule)} gives the whole text.*"
    # Room for every heading, and for a cut line after each section with more than its first paragraph.
    room = HELP_CHARS - sum(len(s[0]) + 2 + (len(cut) + 2 if len(s) > 2 else 0) for s in sections)
    firsts = [section[1] for section in sections if len(section) > 1]
    cap = _fair_share(sorted(len(first) + 2 for first in firsts), room) - 2
    short = _where(rule, short=True)
    leads = [(first if len(first) <= cap else _shortened(first, cap, short)) for first in firsts]
    room -= sum(len(lead) + 2 for lead in leads)
    kept: list[str] = []
    for (heading, *paragraphs), lead in zip(sections, _each_with_a_first(sections, leads), strict=True):
        kept.append(heading)
        if lead is None:
            continue
        kept.append(lead)
        if lead is not paragraphs[0]:
            continue  # shortened: its mark says where the rest is
        for paragraph in paragraphs[1:]:
            if len(paragraph) + 2 > room:
                kept.append(cut)
                break
            kept.append(paragraph)
            room -= len(paragraph) + 2
    return "\n\n".join(kept) + "\n"


def _each_with_a_first(sections: list[list[str]], leads: list[str]) -> list[str | None]:
    """`leads` placed by section: None for a section with nothing under its heading."""
    given = iter(leads)
    return [next(given) if len(section) > 1 else None for section in sections]


def _where(rule: Rule, *, short: bool = False) -> str:
    """Where a rule's whole docs are: `migcheck rule CODE`, and for a rule of migcheck's own its section of
    docs/rules.md in this version (`short`: that section alone)."""
    from migcheck.docs import _anchor as anchor  # the heading docs/rules.md gives the rule

    command = f"`migcheck rule {rule.code}`"
    if not type(rule).__module__.startswith("migcheck.rules."):
        return command
    section = f"docs/rules.md{anchor(rule)}"
    return section if short else f"{command} or {section} in migcheck {__version__}"


def _sections(blocks: list[str]) -> list[list[str]]:
    """The blocks grouped by heading: each group a heading, its lead and the paragraphs after it. The lead
    is its first paragraph, with those after it while it ends in a colon (`deploy.ps1`: and its code)."""
    sections: list[list[str]] = []
    for block in blocks:
        if block.startswith("#") or not sections:
            sections.append([block])
        elif len(sections[-1]) == 2 and sections[-1][1].endswith(":"):
            sections[-1][1] += "\n\n" + block
        else:
            sections[-1].append(block)
    return sections


def _fair_share(lengths: list[int], room: int) -> int:
    """The largest length `cap` such that the `lengths` (sorted), each cut to `cap`, fit in `room`: the
    short ones whole, the long ones alike. Never below `LEAST_LEAD`."""
    for n, length in enumerate(lengths):
        share = room // (len(lengths) - n)
        if length > share:
            return max(share, LEAST_LEAD)
        room -= length
    return max(lengths, default=LEAST_LEAD)


def _shortened(paragraph: str, limit: int, where: str) -> str:
    """`paragraph` cut to at most `limit` characters, mark included, and marked "…(see WHERE)": after
    its last sentence, line or word that fits (the first of them that keeps more than half of what fits),
    in code at a line's end, with an open code block closed and inline code not cut in two."""
    mark = f"…(see {where})"
    room = max(limit - len(mark) - len("\n```\n"), 0)
    head = paragraph[:room]
    ends = (head.rfind("\n"),) if "```" in head else (head.rfind(". ") + 1, head.rfind("\n"), head.rfind(" "))
    kept = paragraph[: next((end for end in ends if end > room // 2), room)].rstrip()
    if sum(line.startswith("```") for line in kept.split("\n")) % 2:
        return f"{kept}\n```\n{mark}"
    if kept.count("`") % 2:  # the cut is inside inline code: end before it
        kept = kept[: kept.rfind("`")].rstrip()
    return f"{kept} {mark}"


def _paragraphs(markdown: str) -> list[str]:
    """The paragraphs of `markdown`, a fenced code block with blank lines in it kept as one."""
    blocks: list[str] = []
    open_fence = False
    for paragraph in markdown.strip("\n").split("\n\n"):
        if open_fence:
            blocks[-1] += "\n\n" + paragraph
        else:
            blocks.append(paragraph)
        fences = sum(line.startswith("```") for line in paragraph.split("\n"))
        open_fence ^= fences % 2 == 1
    return blocks


def _result(
    finding: Finding,
    reason: Reason | None,
    fingerprint: str,
    index: dict[str, int],
    result: LintResult,
    subscription: str,
    ids: dict[str, str],
    steps: Steps,
) -> dict[str, object]:
    loc = location(finding, result)
    artifact = _artifact(loc.path, result)
    out: dict[str, object] = {"ruleId": finding.code}
    if finding.code in index:
        out["ruleIndex"] = index[finding.code]
    out |= {
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact,
                    "region": _region(loc),
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT: fingerprint},
        "properties": {
            "fix": finding.fix,
            "resource": {"type": finding.resource_type, "name": finding.resource_name},
            "subscription": subscription,
            # The id the files state ("" when they state none): the plan's step 0 names it.
            "subscriptionId": ids.get(subscription, ""),
            "blocksMigration": blocks_migration(finding),
            "checkedAt": steps(finding),
        },
    }
    if reason is None and finding.fixable:
        out["fixes"] = _fixes(finding, result.sources.get(finding.mark.path), artifact)
    if reason is not None:
        out["suppressions"] = [_suppression(reason, result)]
    if result.baselined:  # SARIF 2.1.0 §3.27.24: known from the baseline, or found since
        out["baselineState"] = "unchanged" if reason is not None and reason.kind == BASELINE else "new"
    return out


def _fixes(finding: Finding, source: SourceText | None, artifact: dict[str, str]) -> list[dict[str, object]]:
    """The edits `--fix` (or, for an unsafe fix, `--unsafe-fixes`) would make, as SARIF replacements, so a
    viewer can offer them; regions in code points, as the run's `columnKind` says."""
    fix = finding.autofix
    if fix is None or source is None:
        return []
    replacements = [
        {"deletedRegion": _span(source, e.start, e.end), "insertedContent": {"text": e.replacement}}
        for e in fix.edits
    ]
    description = fix.description if fix.safe else f"{fix.description} (unsafe: changes what is deployed)"
    return [
        {
            "description": {"text": description},
            "artifactChanges": [{"artifactLocation": artifact, "replacements": replacements}],
        }
    ]


def _span(source: SourceText, start: int, end: int) -> dict[str, int]:
    """A region from two offsets in the file's text: line and column of each (the end is exclusive)."""
    region: dict[str, int] = {}
    for name, offset in (("start", start), ("end", end)):
        line = source.line_at(offset)
        region |= {f"{name}Line": line, f"{name}Column": offset - source.offset_of_line(line) + 1}
    return region


def _shown_line(mark: Mark, result: LintResult) -> int:
    """The line of `mark` as an editor counts it: a comment's mark counts lines as its reader does (`\n`
    only, for most), which differs in a file with lone carriage returns. Placed as findings are."""
    source = result.sources.get(mark.path) or SourceText("")
    return source.locate(mark).line


def _region(loc: Location) -> dict[str, int]:
    """The element's start tag (a call, a value): SARIF's end column is just past its last character."""
    region = {"startLine": loc.line, "startColumn": loc.column}
    if loc.end_line:
        region |= {"endLine": loc.end_line, "endColumn": loc.end_column}
    return region


def _suppression(reason: Reason, result: LintResult) -> dict[str, object]:
    """The recorded reason as SARIF says it: a comment in the file is `inSource`, with the comment's
    reason and where it is; the config's per-file-ignores and the baseline are `external`."""
    if reason.kind == COMMENT:
        out: dict[str, object] = {"kind": "inSource"}
        if reason.detail:
            out["justification"] = reason.detail
        if reason.mark is not None:
            uri = _artifact(reason.mark.path, result)
            region = {"startLine": _shown_line(reason.mark, result)}
            out["location"] = {"physicalLocation": {"artifactLocation": uri, "region": region}}
        return out
    if reason.kind == CONFIG:
        return {"kind": "external", "justification": f"per-file-ignores {reason.detail!r} in the config"}
    return {"kind": "external", "justification": f"known from baseline {reason.detail}"}
