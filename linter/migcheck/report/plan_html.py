"""`migcheck plan --format html`: the plan as one self-contained page, to open from a CI artifact or a
mail attachment. No script, font, stylesheet or image is fetched: the style is inline and each
subscription's estate is drawn as inline SVG.

The picture has one box per step, in columns by wave (wave 1 on the left; the steps of what this process
does not migrate, in no wave, in a column of their own on the right), coloured by verdict (ready,
prepared already, not ready, not migrated by this process), with an arrow from each step to the steps that come after it
(steps that come after the same several steps share them, through a dot);
a step that moves cloud services shows them inside it, with their VMs and roles. The layout is a grid by
wave and plan order, sized from the text it holds, so the same plan always gives the same bytes. Below it
the runbook: every step with what it moves and becomes, its downtime, notes, blockers (where, and the fix)
and commands. Each box links to its step in the runbook.

Every text from the files is shown through `visible` (control characters escaped) and then HTML-escaped.
"""

from __future__ import annotations

import functools
import html
import sys
import textwrap
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from migcheck import __version__
from migcheck.model import Finding
from migcheck.plan import (
    Member,
    Note,
    OtherNote,
    Plan,
    Preamble,
    Step,
    StepKind,
    SubscriptionPlan,
    migration_words,
)
from migcheck.report.plan_format import (
    BEFORE_FIRST_STEP,
    FIRST_NOTES,
    NO_WAVE,
    OTHER_BLOCKERS,
    OTHER_NOTES,
    OVERVIEW,
    After,
    _sequence,
    _shared,
    _span_end,
    _where,
    first_notes,
    fix_groups,
    heading_name,
    heading_words,
    held_mark,
    last_notes,
    not_ready_words,
    note_words,
    notes_in_order,
    nothing_to_migrate,
    notices_follow,
    overview_words,
    partial_note,
    plain_notes,
    preamble_words,
    ready_words,
    shown,
    steps_after,
    unread_heading,
    unread_parts_heading,
)
from migcheck.report.unread import listed_apart
from migcheck.visible import visible

# Verdicts (CSS classes), with the fill and the stroke of their boxes.
READY, BLOCKED, WAITING, UNMIGRATED, PREPARED = "ready", "blocked", "waiting", "unmigrated", "prepared"
COLOURS = {
    READY: ("#d4edda", "#28a745"),
    # Not ready only because steps before it are not (`Step.only_waits`): amber and dashed, not red, so
    # that the red boxes are those where the work is.
    WAITING: ("#fff3cd", "#bf8700"),
    # Prepared already (an export's MigrationState): Commit or Abort is what is left, not the whole step.
    PREPARED: ("#cfe2ff", "#0d6efd"),
    BLOCKED: ("#f8d7da", "#dc3545"),
    UNMIGRATED: ("#e2e3e5", "#6c757d"),
}
DASHED = ' stroke-dasharray="6 3"'
# A web/worker role drawn inside its network's box: the network's migration leaves it behind (MIG101).
ROLE_COLOUR = "#9a6700"
ROLE_LEGEND = '<span class="role">role: a web/worker role, not migrated with its network</span>'
PREPARED_LEGEND = '<span class="prepared">prepared already: Commit or Abort next</span>'
SHORT_KIND = {
    StepKind.CIRCUIT: "ExpressRoute circuit",
    StepKind.NETWORK: "Virtual network",
    StepKind.SERVICE: "Cloud service (no virtual network)",
    StepKind.STORAGE: "Storage account",
    StepKind.UNATTACHED: "Unattached resource",
    StepKind.WEB_WORKER: "Cloud service (web/worker roles)",
    StepKind.UNKNOWN_NETWORK: "Cloud service (network not known)",
    StepKind.RESERVED_FOR_UNDESCRIBED: "Reserved IP (service not described)",
}

# The grid, in pixels. Names are set in a monospace font whose advance is about 0.6 em: a column is as
# wide as its longest line (within bounds), and longer names are cut with "…", a step's in the middle (the
# full name is the box's tooltip and is in the runbook).
FONT = 12
CHAR = 7.4  # width of a 12px monospace character, with a margin
MIN_WIDTH, MAX_WIDTH = 220, 380
PAD = 10  # inside a box
INNER = 8  # inside a service box
GAP_X, GAP_Y = 80, 22  # between columns (room for arrows), between boxes
TOP = 36  # room for the wave headings
MARGIN = 12
LINE = 17  # a line of the header: kind, name, then the verdict, wrapped
VERDICT_CHAR = 6.6  # width of a 12px sans-serif character, on average
MAX_VERDICT_LINES = 3  # past them, the verdict is cut with "…" (the whole is the tooltip and in the runbook)
MEMBER_LINE, ITEM_LINE = 20, 20


def render_html(plan: Plan) -> str:
    warned = [
        *(f"<li>{_e(line)}</li>" for line in plan.retirements),
        *([f'<li class="partial"><strong>{_e(partial_note(plan))}</strong></li>'] if plan.partial else []),
    ]
    notices = ['<ul class="retirements">', *warned, "</ul>"] if warned else []
    first = notices_follow(plan)
    body = ["<h1>Migration plan</h1>", *(notices if first is None else [])]
    for number, subscription in enumerate(filter(shown, plan.subscriptions), 1):
        plain = plain_notes(plan, subscription)
        after_overview = notices if subscription is first else []
        body += _subscription(f"s{number}", subscription, ready_words(plan), plain, after_overview)
    if not any(s.steps for s in plan.subscriptions):
        body.append(f'<p class="nothing">{_e(nothing_to_migrate(plan))}</p>')
    return "\n".join([*_HEAD, *body, "</body>", "</html>"]) + "\n"


_HEAD = [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    f'<meta name="generator" content="migcheck {html.escape(__version__)}">',
    "<title>Migration plan</title>",
    "<style>",
    "body { font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif;"
    " margin: 0 auto; padding: 1em 2em 3em; max-width: 1400px; color: #1f2328; background: #fff; }",
    "h1 { margin: 0.2em 0 0.5em; } h2 { margin-top: 1.6em; border-bottom: 1px solid #d0d7de; }",
    "code, pre, .mono { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 13px; }",
    ".retirements { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px;"
    " padding: 0.6em 1em 0.6em 2.2em; }",
    ".legend { display: flex; gap: 1.5em; flex-wrap: wrap; margin: 0.5em 0; font-size: 14px; }",
    ".legend span[class]::before { content: ''; display: inline-block; width: 1em; height: 1em; margin-right: 0.4em;"
    " vertical-align: -0.15em; border: 2px solid; border-radius: 3px; }",
    *(
        f".legend span.{verdict}::before {{ background: {fill}; border-color: {stroke}; }}"
        for verdict, (fill, stroke) in COLOURS.items()
    ),
    f".legend span.{WAITING}::before {{ border-style: dashed; }}",
    f".legend span.role::before {{ background: #ffffff; border: 1px solid {ROLE_COLOUR}; }}",
    ".picture { overflow-x: auto; border: 1px solid #d0d7de; border-radius: 6px; background: #fafbfc; }",
    ".picture svg { display: block; }",
    ".picture a:hover rect.box { stroke-width: 3; }",
    ".step { border: 1px solid #d0d7de; border-left: 6px solid; border-radius: 6px; padding: 0.2em 1em 0.8em;"
    " margin: 1em 0; }",
    *(f".step.{verdict} {{ border-left-color: {stroke}; }}" for verdict, (_, stroke) in COLOURS.items()),
    ".step h3, .preamble h3 { margin: 0.5em 0; font-size: 17px; }",
    ".preamble { border: 1px solid #d0d7de; border-left: 6px solid #57606a; border-radius: 6px;"
    " padding: 0.2em 1em 0.8em; margin: 1em 0; }",
    ".verdict { font-size: 14px; font-weight: 600; padding: 0.1em 0.5em; border-radius: 1em; }",
    *(
        f".{verdict} .verdict {{ background: {fill}; color: #1f2328; }}"
        for verdict, (fill, _) in COLOURS.items()
    ),
    "dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; margin: 0.5em 0; }",
    "dt { font-weight: 600; } dd { margin: 0; } dd ul { margin: 0; padding-left: 1.2em; }",
    ".blockers li { margin-bottom: 0.4em; } .fix { color: #57606a; }",
    "pre { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: 0.6em 0.8em;"
    " white-space: pre-wrap; overflow-wrap: anywhere; }",  # long commands wrap: printed or shot, none is cut
    "h4 { margin: 0.8em 0 0.3em; font-size: 14px; }",
    "@media print { .picture { overflow: visible; } .step { break-inside: avoid; } }",
    "</style>",
    "</head>",
    "<body>",
]


def _e(text: str) -> str:
    """Text from the files (or built from them), safe in HTML and SVG text and in quoted attributes."""
    return html.escape(visible(text), quote=True)


def _verdict(step: Step) -> str:
    if step.kind is StepKind.WEB_WORKER:
        return UNMIGRATED
    if step.only_waits:
        return WAITING
    if not step.ready:
        return BLOCKED
    return PREPARED if step.prepared else READY


def _verdict_words(step: Step, ready: str = "ready") -> str:
    if step.kind is StepKind.WEB_WORKER:
        return "not migrated by this process"
    verdict = ready if step.ready else f"not ready: {not_ready_words(step)}"
    started = migration_words(step)
    return verdict if not started else started if step.ready else f"{started}; {verdict}"


# --- one subscription --------------------------------------------------------------------------------


def _subscription(
    prefix: str,
    subscription: SubscriptionPlan,
    ready: str = "ready",
    plain: Sequence[str] = (),
    notices: Sequence[str] = (),
) -> list[str]:
    """A subscription's section; `notices`, the plan's retirement notices, follow its overview where it is
    the one they follow (`notices_follow`)."""
    steps = subscription.steps
    anchors = {step.id: f"{prefix}-{n}" for n, step in enumerate(steps, 1)}
    name = _e(subscription.folder or heading_name(subscription))
    said = "The subscription of the files under" if subscription.folder else "Subscription"
    lines = [f'<section class="subscription" id="{prefix}">', f"<h2>{said} <code>{name}</code></h2>"]
    overview = overview_words(subscription)
    lines += (
        [f'<p class="overview"><strong>{OVERVIEW}:</strong> {_e(" ".join(overview))}</p>'] if overview else []
    )
    lines += notices
    if steps:
        lines += [
            _legend(steps),
            '<div class="picture">',
            *_svg(prefix, steps, anchors, f"Migration order of {heading_words(subscription)}", ready),
            "</div>",
        ]
    lines.append('<div class="runbook">')
    lines += _preamble(f"{prefix}-0", subscription.preamble)
    lines += _notes(f"{prefix}-first-notes", FIRST_NOTES, first_notes(subscription), subscription)
    after = steps_after(subscription)
    for number, step in enumerate(steps, 1):
        lines += _runbook_step(number, step, anchors, after[number - 1], subscription, ready)
    if subscription.other_blockers:
        lines += [
            f'<div class="step {BLOCKED}" id="{prefix}-other">',
            f"<h3>{_e(OTHER_BLOCKERS)}</h3>",
            *_blockers(subscription.other_blockers, subscription),
            "</div>",
        ]
    if subscription.unread:
        lines += [
            f'<div class="step {BLOCKED}" id="{prefix}-unread">',
            f"<h3>{_e(unread_heading(subscription))}</h3>",
            *_blockers(subscription.unread, subscription),
            "</div>",
        ]
    if subscription.unread_parts:
        lines += [
            f'<div class="step {BLOCKED}" id="{prefix}-unread-parts">',
            f"<h3>{_prose(unread_parts_heading(subscription))}</h3>",
            '<ul class="blockers">',
            *(
                f"<li><code>{_e(where)}</code>" + (f": {_prose(cause)}" if cause else "") + "</li>"
                for parts in subscription.unread_parts
                for where, cause in listed_apart(parts)
            ),
            "</ul>",
            "</div>",
        ]
    lines += _notes(f"{prefix}-other-notes", OTHER_NOTES, last_notes(subscription), subscription, plain)
    return [*lines, "</div>", "</section>"]


def _legend(steps: Sequence[Step]) -> str:
    """What the colours of the picture say; an entry for a waiting step, a prepared one or a role only
    where the picture has one."""
    waiting = any(_verdict(s) == WAITING for s in steps)
    roles = any(m.roles for s in steps for m in s.members)
    return (
        '<div class="legend"><span class="ready">ready</span>'
        '<span class="blocked">not ready: blockers, or what the files leave open</span>'
        + ('<span class="waiting">not ready: waits on a step before it</span>' if waiting else "")
        + '<span class="unmigrated">not migrated by this process</span>'
        + (PREPARED_LEGEND if any(s.prepared for s in steps) else "")
        + (ROLE_LEGEND if roles else "")
        + "<span>A → B: commit A before B</span></div>"
    )


# --- the picture -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Box:
    step: Step
    x: int
    y: int
    width: int
    height: int
    verdict: tuple[str, ...]  # the verdict's lines, visible, not escaped


def _member_height(member: Member) -> int:
    return MEMBER_LINE + ITEM_LINE * (len(member.vms) + len(member.roles)) + INNER


def _header_height(verdict: Sequence[str]) -> int:
    return (2 + len(verdict)) * LINE


def _box_height(step: Step, verdict: Sequence[str]) -> int:
    return PAD + _header_height(verdict) + sum(_member_height(m) + 6 for m in step.members) + 4


def _verdict_lines(step: Step, width: int, ready: str) -> tuple[str, ...]:
    """The step's verdict wrapped to the box's `width`, so that the picture says all of it (`waits on
    step 2` after the blockers) rather than cutting it where the column ends."""
    room = max(2, int((width - 2 * PAD) / VERDICT_CHAR))
    lines = textwrap.wrap(visible(_verdict_words(step, ready)), room) or [""]
    if len(lines) > MAX_VERDICT_LINES:
        lines = [*lines[: MAX_VERDICT_LINES - 1], lines[MAX_VERDICT_LINES - 1][: room - 1] + "…"]
    return tuple(lines)


def _text_width(step: Step) -> int:
    """The width a step's longest line needs, in pixels."""
    longest = max(
        [
            len(visible(step.name)),
            len(SHORT_KIND[step.kind]) * 0.85,  # sans-serif, narrower than the monospace names
            *(len(visible(m.label)) + 1 for m in step.members),
            *(len(visible(v)) + 5 for m in step.members for v in (*m.vms, *m.roles)),
        ]
    )
    return int(longest * CHAR) + 2 * PAD + 2 * INNER


def _layout(
    steps: Sequence[Step], ready: str = "ready"
) -> tuple[list[_Box], list[tuple[int, int, int]], int, int]:
    """Boxes in columns by wave, in plan order; returns the boxes, each column's (wave, x, width), and the
    picture's width and height."""
    # In one pass: a pass over the steps per wave cost steps times waves. Steps this process does not
    # migrate (web/worker roles) are in no wave: their column, NOT_MIGRATED, comes after every wave's.
    columns: dict[int, list[Step]] = {}
    for step in steps:
        columns.setdefault(step.wave if step.migrated else NOT_MIGRATED, []).append(step)
    waves = sorted(columns)
    boxes: list[_Box] = []
    heads: list[tuple[int, int, int]] = []
    x = MARGIN
    bottom = TOP
    for wave in waves:
        width = min(MAX_WIDTH, max(MIN_WIDTH, *(_text_width(s) for s in columns[wave])))
        heads.append((wave, x, width))
        y = TOP
        for step in columns[wave]:
            verdict = _verdict_lines(step, width, ready)
            height = _box_height(step, verdict)
            boxes.append(_Box(step, x, y, width, height, verdict))
            y += height + GAP_Y
        bottom = max(bottom, y - GAP_Y)
        x += width + GAP_X
    return boxes, heads, x - GAP_X + MARGIN, bottom + MARGIN


# The column of the steps in no wave (`Step.migrated`), after every wave's (waves number from 1).
NOT_MIGRATED = sys.maxsize


def _column_heading(wave: int) -> str:
    return "Not migrated" if wave == NOT_MIGRATED else f"Wave {wave}"


def _fit(text: str, width: float, char: float = CHAR) -> str:
    """`text` (made visible) cut to `width` pixels, then escaped."""
    text = visible(text)
    room = max(1, int(width / char))
    return html.escape(text if len(text) <= room else text[: room - 1] + "…", quote=True)


def _fit_name(name: str, width: float) -> str:
    """A step's `name` (made visible) cut in the middle to `width` pixels, then escaped: stand-ins of one
    kind start alike (`<storage account of disk ...`) and are told apart by their end (`, shop.xml:8>`)."""
    name = visible(name)
    room = max(3, int(width / CHAR))
    if len(name) <= room:
        return html.escape(name, quote=True)
    tail = (room - 1) // 2
    return html.escape(name[: room - 1 - tail] + "…" + name[len(name) - tail :], quote=True)


def _svg(
    prefix: str, steps: Sequence[Step], anchors: dict[str, str], title: str, ready: str = "ready"
) -> list[str]:
    boxes, heads, width, height = _layout(steps, ready)
    at = {box.step.id: box for box in boxes}
    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="{prefix}-title" '
        f'font-family="\'DejaVu Sans Mono\', Menlo, Consolas, monospace" font-size="{FONT}">',
        f'<title id="{prefix}-title">{_e(title)}</title>',
    ]
    for wave, x, column in heads:
        lines.append(
            f'<text x="{x + column // 2}" y="{TOP - 14}" text-anchor="middle" font-family="sans-serif" '
            f'font-size="13" font-weight="bold" fill="#57606a">{_column_heading(wave)}</text>'
        )
    for box in boxes:
        lines += _svg_box(box, anchors[box.step.id], ready)
    lines += _arrows(boxes, at)
    return [*lines, "</svg>"]


def _svg_box(box: _Box, anchor: str, ready: str = "ready") -> list[str]:
    step, x, y, w = box.step, box.x, box.y, box.width
    fill, stroke = COLOURS[_verdict(step)]
    room = w - 2 * PAD
    lines = [
        f'<a href="#{anchor}"><g class="step {_verdict(step)}" data-step="{_e(step.id)}">',
        f"<title>{_e(f'{step.kind}: {step.name} — {_verdict_words(step, ready)}')}</title>",
        f'<rect class="box" x="{x}" y="{y}" width="{w}" height="{box.height}" rx="6" fill="{fill}" '
        f'stroke="{stroke}" stroke-width="2"{DASHED if _verdict(step) == WAITING else ""}/>',
        f'<text x="{x + PAD}" y="{y + PAD + 11}" font-family="sans-serif" font-size="11" fill="#57606a">'
        f"{_fit(SHORT_KIND[step.kind].upper(), room, 7.2)}</text>",
        f'<text x="{x + PAD}" y="{y + PAD + 28}" font-weight="bold" fill="#1f2328">{_fit_name(step.name, room)}</text>',
        *(
            f'<text x="{x + PAD}" y="{y + PAD + 45 + n * LINE}" font-family="sans-serif" font-size="12" '
            f'fill="{stroke}">{html.escape(line, quote=True)}</text>'
            for n, line in enumerate(box.verdict)
        ),
    ]
    top = y + PAD + _header_height(box.verdict)
    for member in step.members:
        lines += _svg_member(member, x + PAD, top, w - 2 * PAD)
        top += _member_height(member) + 6
    return [*lines, "</g></a>"]


def _svg_member(member: Member, x: int, y: int, w: int) -> list[str]:
    lines = [
        f'<rect x="{x}" y="{y}" width="{w}" height="{_member_height(member)}" rx="4" fill="#ffffff" '
        'fill-opacity="0.85" stroke="#8c959f" stroke-dasharray="4 2"/>',
        f'<text x="{x + INNER}" y="{y + 15}" fill="#1f2328">{_fit(member.label, w - 2 * INNER)}</text>',
    ]
    row = y + MEMBER_LINE
    for name, kind in [*((v, "VM") for v in member.vms), *((r, "role") for r in member.roles)]:
        colour = "#0969da" if kind == "VM" else ROLE_COLOUR
        lines += [
            f'<rect x="{x + INNER}" y="{row}" width="{w - 2 * INNER}" height="{ITEM_LINE - 4}" rx="3" '
            f'fill="#ffffff" stroke="{colour}"/>',
            f'<text x="{x + INNER + 4}" y="{row + 12}" font-size="11" fill="{colour}">'
            f"{kind} {_fit(name, w - 2 * INNER - 8 - (len(kind) + 1) * 6.7, 6.7)}</text>",
        ]
        row += ITEM_LINE
    return lines


def _arrows(boxes: list[_Box], at: dict[str, _Box]) -> list[str]:
    """An arrow from the right edge of each step to the left edge of each step after it; arrows into one
    box end one below the other. Steps that share one `after` tuple of several steps (by identity: every
    storage account no disk is in comes after every step that moves VMs) share their arrows: a line from
    each of those steps to a dot before the first step that shares it, and an arrow from there to each
    step that does, as many as the steps where an arrow for each pair made accounts times steps of VMs."""
    sharing = Counter(id(box.step.after) for box in boxes)
    joins: dict[int, tuple[int, int]] = {}  # by the id of a shared `after` tuple: where its lines meet
    befores: dict[int, list[_Box]] = {}  # by the id of an `after` tuple: the boxes of the steps it names
    lines = []
    for box in boxes:
        key = id(box.step.after)
        if key not in befores:
            befores[key] = [at[a] for a in box.step.after if a in at]
        before = befores[key]
        x2, y2 = box.x - 1, box.y + PAD + 24
        if sharing[key] > 1 and len(before) > 1:
            if key not in joins:
                joins[key] = (box.x - GAP_X // 2, y2)
                lines += [line for source in before for line in _curve(_exit(source), joins[key])]
                lines.append(f'<circle cx="{joins[key][0]}" cy="{y2}" r="3" fill="#424a53"/>')
            lines += _curve(joins[key], (x2, y2), head=True)
            continue
        for n, source in enumerate(before):
            end = (x2, y2 + min(n * 10, max(0, box.height - PAD - 34)))
            lines += _curve(_exit(source), end, head=True)
    return lines


def _exit(box: _Box) -> tuple[int, int]:
    """Where the arrows from a step's box start: on its right edge, beside its heading."""
    return box.x + box.width, box.y + PAD + 24


def _curve(start: tuple[int, int], end: tuple[int, int], head: bool = False) -> list[str]:
    """A curve from `start` to `end`, left to right, with an arrowhead at `end` if `head`."""
    (x1, y1), (x2, y2) = start, end
    tip = x2 - 8 if head else x2  # the line stops where the arrowhead starts
    bend = max(30 if head else 10, (x2 - x1) // 2)
    lines = [
        f'<path d="M {x1} {y1} C {x1 + bend} {y1}, {x2 - bend} {y2}, {tip} {y2}" fill="none" '
        'stroke="#424a53" stroke-width="1.6"/>'
    ]
    if head:
        lines.append(f'<polygon points="{x2} {y2}, {x2 - 9} {y2 - 5}, {x2 - 9} {y2 + 5}" fill="#424a53"/>')
    return lines


# --- the runbook -------------------------------------------------------------------------------------


def _runbook_step(
    number: int,
    step: Step,
    anchors: Mapping[str, str],
    after_steps: Sequence[After],
    subscription: SubscriptionPlan,
    ready: str = "ready",
) -> list[str]:
    """A step of the runbook; `anchors` and `after_steps` (of `steps_after`) are found once per
    subscription. Each step it comes after, or range of them, links to the first of them."""
    verdict = _verdict(step)
    first, notes = notes_in_order(step)
    after = (
        ", ".join(
            f'<a href="#{anchors[a.first]}">{_e(a.words)}</a>' if a.first in anchors else _e(a.words)
            for a in after_steps
        )
        or "nothing"
    )
    lines = [
        f'<article class="step {verdict}" id="{anchors[step.id]}" data-step="{_e(step.id)}">',
        f"<h3>{number}. {_e(str(step.kind))}: <code>{_e(step.name)}</code> "
        f'<span class="verdict">{_e(_verdict_words(step, ready))}</span></h3>',
        "<dl>",
        f"<dt>Wave</dt><dd>{step.wave}; after {after}</dd>"
        if step.migrated
        else f"<dt>Wave</dt><dd>{NO_WAVE}</dd>",
        # What the step's stand-in stands for, before what it moves, becomes and runs repeats it.
        *_items("Notes", [_step_note(note, subscription) for note in first], escaped=True),
        *_items("Moves", step.moves),
        *_items("Becomes", step.becomes),
        f"<dt>Downtime</dt><dd>{_e(step.downtime)}</dd>",
        *_items("Notes", [_step_note(note, subscription) for note in notes], escaped=True),
        "</dl>",
    ]
    if step.blockers:
        lines += ["<h4>Blockers</h4>", *_blockers(step.blockers, subscription)]
    for label, commands, language in (
        ("PowerShell", step.powershell, "powershell"),
        ("Azure CLI (classic mode)", step.cli, "sh"),
    ):
        if commands is not None:
            text = "\n".join(_e(c) for c in _sequence(commands))
            lines += [f"<h4>{label}</h4>", f'<pre class="{language}"><code>{text}</code></pre>']
    return [*lines, "</article>"]


def _preamble(anchor: str, preamble: Preamble | None) -> list[str]:
    """What to run once in the subscription before its first step."""
    if preamble is None:
        return []
    lines = [
        f'<div class="preamble" id="{anchor}">',
        f"<h3>0. {_e(BEFORE_FIRST_STEP)}</h3>",
        f"<p>{_prose(preamble_words(preamble))}</p>",
    ]
    for label, commands, language in (
        ("PowerShell", preamble.powershell, "powershell"),
        ("Azure CLI", preamble.cli, "sh"),
    ):
        text = "\n".join(_e(c) for c in commands)
        lines += [f"<h4>{label}</h4>", f'<pre class="{language}"><code>{text}</code></pre>']
    return [*lines, "</div>"]


def _step_note(note: str, subscription: SubscriptionPlan) -> str:
    """A step's note, as HTML; one said of warnings starts with the first one's position, as a blocker
    does."""
    if not isinstance(note, Note):
        return _prose(note)
    where = f"<code>{_e(_where(note.finding))}</code>"
    return f"{_held(subscription, note.finding)}{where} {_prose(note.said, note.finding)}"


def _held(subscription: SubscriptionPlan, finding: Finding) -> str:
    """`<em>(suppressed: <reason>)</em> ` before a finding `check` holds back; "" before one it reports."""
    mark = held_mark(subscription, finding).strip()
    return f'<em class="held">{_e(mark)}</em> ' if mark else ""


def _blockers(blockers: Sequence[Finding], subscription: SubscriptionPlan) -> list[str]:
    """The blockers, where and what; a fix they share is given once, after the last of them."""
    lines = ['<ul class="blockers">']
    for findings, fix in fix_groups(blockers):
        for n, finding in enumerate(findings, 1):
            given = (
                f'<br><span class="fix">Fix: {_prose(fix, findings[0])}{_e(_shared(findings))}</span>'
                if fix and n == len(findings)
                else ""
            )
            lines.append(
                f"<li>{_held(subscription, finding)}<code>{_e(_where(finding))}</code> "
                f"<strong>{_e(finding.code)}</strong> {_prose(finding.message, finding)}{given}</li>"
            )
    return [*lines, "</ul>"]


def _notes(
    anchor: str,
    heading: str,
    notes: Sequence[OtherNote],
    subscription: SubscriptionPlan,
    plain: Sequence[str] = (),
) -> list[str]:
    """Warnings about no step, where and what, each with its advice as a step's note gives it; boxed like
    the preamble, as what is done beside the steps. `plain` are the notes no finding makes (`plain_notes`)."""
    if not notes and not plain:
        return []
    lines = [f'<div class="preamble" id="{anchor}">', f"<h3>{_e(heading)}</h3>", '<ul class="blockers">']
    lines += [f"<li>{_prose(note)}</li>" for note in plain]
    for note in notes:
        said = note_words(note, functools.partial(_prose, finding=note.finding), _code)
        lines.append(
            f"<li>{_held(subscription, note.finding)}<code>{_e(_where(note.finding))}</code> "
            f"<strong>{_e(note.finding.code)}</strong> {said}</li>"
        )
    return [*lines, "</ul>", "</div>"]


def _code(text: str) -> str:
    return f"<code>{_e(text)}</code>"


def _prose(text: str, finding: Finding | None = None) -> str:
    """Words from the reports (a message, note, advice or cause) as HTML: each code span of them
    (`$MGMT_URL`, as the Markdown plan finds it) in <code>, the rest and any backtick that opens no span
    escaped. The name of the resource of `finding`, from the files, is escaped as it is wherever the text
    holds it: a backtick of its own opens or closes no span. The whole is made visible first, as `_e`
    makes each piece."""
    text = visible(text)
    name = visible(finding.resource_name) if finding is not None else ""
    if "`" in name:
        return html.escape(name, quote=True).join(_spans(part) for part in text.split(name))
    return _spans(text)


def _spans(text: str) -> str:
    """`_prose` of visible text. Each backtick is looked at once or twice: linear in the text."""
    out, at = [], 0
    while (start := text.find("`", at)) >= 0:
        end = _span_end(text, start)
        if end < 0:
            out.append(html.escape(text[at : start + 1], quote=True))
            at = start + 1
            continue
        out += [
            html.escape(text[at:start], quote=True),
            f"<code>{html.escape(text[start + 1 : end], quote=True)}</code>",
        ]
        at = end + 1
    out.append(html.escape(text[at:], quote=True))
    return "".join(out)


def _items(label: str, items: Sequence[str], *, escaped: bool = False) -> list[str]:
    """A term and its items; `escaped`: the items are HTML already."""
    if not items:
        return []
    shown = list(items) if escaped else [_e(item) for item in items]
    if len(shown) == 1:
        return [f"<dt>{label}</dt><dd>{shown[0]}</dd>"]
    return [f"<dt>{label}</dt><dd><ul>", *(f"<li>{item}</li>" for item in shown), "</ul></dd>"]
