"""`migcheck badge`: the estate's migration status as a self-contained SVG badge, or as a shields.io
endpoint JSON for teams that let shields.io draw it.

"ready" (green) when nothing blocks, "N blockers" (red) when something does, "N warnings" (yellow) otherwise;
"N services not decided" (yellow, after the warnings) when a cloud service may have VMs no file describes (a
script adds one to a deployment that exists, or creates one from an Export-AzureVM file the files lack), whose
Validate the files cannot decide, and "N networks not
decided" when no file defines a network (its definition may hold what blocks it) or none states its subnets, "N accounts not decided" when
a VM's disks are in a storage account no file states, and "N names to fill in" for the other items a stand-in
names (`<cloud service name, deploy.py:48>`, a circuit's service key), whose plan steps wait for the name: the
readiness summary's "Not decided" verdicts. Never "ready" then: what is not known is not ready.
A blocker is what the plan calls one (`readiness.blocks_migration`): an error, or a warning of a state the platform's
Validate refuses for as long as it lasts (MIG208), though `check` exits by severity and passes it. A
warning about one of migcheck's own suppression comments (MIG005, MIG006) is none the platform gives, and
is not counted. A file
migcheck could not read (an error of MIG001) is no blocker, as the plan lists it apart: the platform refuses
nothing for it, but what it describes is unchecked, so it is "N unread files" in red, never "ready" ("2
blockers, 1 unread file" with blockers). Info findings do not change the badge. Grey when there is nothing to grade: "no classic files" when the
paths hold none, "no rules" when --select and --ignore leave none to run. When they leave some out, the
message says how many graded it: "ready (1 of 43 rules)". It counts every finding of the run, reported or held back by the
config, a comment or the baseline, and those past the cap of one rule per file, as the readiness summary does: the badge says whether the platform
would accept the migration, and a suppressed blocker still stops it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from migcheck.config import UNREADABLE
from migcheck.estate import in_unnamed_networks
from migcheck.model import Severity
from migcheck.report.readiness import blocks_migration, linked_from_elsewhere, of_the_platform, refused

if TYPE_CHECKING:
    from migcheck.engine import LintResult

LABEL = "migration"
STYLES = ("svg", "shields")
LABEL_COLOR = "#555"
GREY = ("#9f9f9f", "lightgrey")


@dataclass(frozen=True, slots=True)
class Status:
    message: str
    color: str  # hex, for the SVG
    shields_color: str  # shields.io's name for the same colour


def status(result: LintResult) -> Status:
    """Held-back findings (suppressed or known from a baseline) count as the readiness summary counts
    them: a suppressed blocker still stops the platform's migration, so it can never read "ready"."""
    if not result.described:
        return Status("no classic files", *GREY)
    if not result.enabled:
        return Status("no rules", *GREY)
    every = (*result.uncapped, *(s.finding for s in result.suppressed))  # past the cap of a rule too
    every = tuple(filter(of_the_platform, every))  # a comment's own problem is no platform's warning
    unread = len({f.mark.path for f in every if f.code == UNREADABLE and refused(f)})
    blockers = sum(1 for f in every if blocks_migration(f))
    if blockers or unread:
        said = [_count(blockers, "blocker")] if blockers else []
        said += [_count(unread, "unread file")] if unread else []
        return Status(", ".join(said), "#e05d44", "red")
    warnings = sum(1 for f in every if f.severity is Severity.WARNING)  # none of them refused, then
    undecided, networks = _undecided_services(result), _undecided_networks(result)
    accounts, names = _unstated(result)
    if warnings or undecided or networks or accounts or names:
        said = [_count(warnings, "warning")] if warnings else []
        said += [f"{_count(undecided, 'service')} not decided"] if undecided else []
        said += [f"{_count(networks, 'network')} not decided"] if networks else []
        said += [f"{_count(accounts, 'account')} not decided"] if accounts else []
        said += [f"{_count(names, 'name')} to fill in"] if names else []
        return Status(", ".join(said), "#dfb317", "yellow")
    return Status(f"ready{_graded_by(result)}", "#4c1", "brightgreen")


def _undecided_services(result: LintResult) -> int:
    """The cloud services of VMs whose readiness the files do not decide: a deployment of theirs may hold
    VMs no file describes (`CloudService.partly_described`), or one is created from an Export-AzureVM file
    the files lack (`CloudService.imports_unseen_export`), or its VMs are in a network the files do not
    name (`in_unnamed_networks`). The badge never reads "ready" over them."""
    count = 0
    for estate in result.estates:
        unnamed = in_unnamed_networks(estate)
        for s in estate.cloud_services:
            count += ((s.partly_described or s.imports_unseen_export) and not s.roles) or id(s) in unnamed
    return count


def _undecided_networks(result: LintResult) -> int:
    """The networks no file defines, whose definition may hold what blocks them, and those whose every
    description leaves their subnets out (the readiness summary's "Not decided"; another subscription's,
    that only its link authorizations name, are not counted)."""
    undecided = 0
    for estate in result.estates:
        elsewhere = {id(network) for network in linked_from_elsewhere(estate)}
        undecided += sum(
            1
            for n in estate.virtual_networks
            if (not n.defined or not any(v.subnets_known for v in n.definitions)) and id(n) not in elsewhere
        )
    return undecided


def _unstated(result: LintResult) -> tuple[int, int]:
    """(storage accounts, other items) whose readiness verdict is that the files do not state which one it
    is (`Verdict.ACCOUNT_NOT_STATED`, `Verdict.NAME_NOT_STATED`): an account no file places that holds the
    disks of a VM the files create, and the items a stand-in names, whose plan step waits for the name."""
    from migcheck.report.readiness import Verdict, readiness  # only when nothing blocks

    verdicts = [item.verdict for summary in readiness(result) for item in summary.items]
    return verdicts.count(Verdict.ACCOUNT_NOT_STATED), verdicts.count(Verdict.NAME_NOT_STATED)


def _graded_by(result: LintResult) -> str:
    """` (1 of 43 rules)` when the config or the options left rules out, so that "ready" does not claim
    what the rules left out were never asked."""
    ran, every = len(result.enabled), len(result.rules)
    return f" ({ran} of {every} rules)" if ran < every else ""


def render(result: LintResult, style: str = "svg") -> str:
    current = status(result)
    if style == "shields":
        endpoint = {"schemaVersion": 1, "label": LABEL, "message": current.message}
        return json.dumps({**endpoint, "color": current.shields_color}) + "\n"
    return svg(LABEL, current.message, current.color)


def svg(label: str, message: str, color: str) -> str:
    """A flat badge like shields.io draws, with no external fonts, images or scripts."""
    left, right = _width(label) + 10, _width(message) + 10
    total = left + right
    title = escape(f"{label}: {message}")
    return f"""\
<svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="20" role="img" aria-label="{title}">
  <title>{title}</title>
  <linearGradient id="s" x2="0" y2="100%">
    <stop offset="0" stop-color="#bbb" stop-opacity=".1"/>
    <stop offset="1" stop-opacity=".1"/>
  </linearGradient>
  <clipPath id="r"><rect width="{total}" height="20" rx="3" fill="#fff"/></clipPath>
  <g clip-path="url(#r)">
    <rect width="{left}" height="20" fill="{LABEL_COLOR}"/>
    <rect x="{left}" width="{right}" height="20" fill="{color}"/>
    <rect width="{total}" height="20" fill="url(#s)"/>
  </g>
  <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
{_text(left / 2, label)}
{_text(left + right / 2, message)}
  </g>
</svg>
"""


def _text(x: float, text: str) -> str:
    shown = escape(text)
    return (
        f'    <text x="{x:g}" y="15" fill="#010101" fill-opacity=".3">{shown}</text>\n'
        f'    <text x="{x:g}" y="14">{shown}</text>'
    )


def _width(text: str) -> int:
    """Approximate width in pixels of `text` in 11px Verdana; close enough to centre it."""
    narrow, wide = set("fijlrt.,:;!|'() "), set("mwMW")
    return round(sum(3.6 if c in narrow else 9.6 if c in wide else 7.4 if c.isupper() else 6.8 for c in text))


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
