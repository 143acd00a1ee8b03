"""The readiness summary of the text formats: the findings grouped by migration scope, one line per item
with Validate's verdict (`migcheck.report.readiness` decides the items and verdicts). A module of its own,
imported only when a run has something to summarise (`migcheck.report.text`)."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from migcheck.config import in_settings_file
from migcheck.estate import is_pipeline_token
from migcheck.model import (
    Finding,
    Severity,
    is_package_roles,
    is_placeholder,
    is_unnamed_role,
    may_be_prepared,
)
from migcheck.report.readiness import (
    EXPORT,
    EXTENDED_SUPPORT,
    FILE,
    REFUSED_WHILE_IT_LASTS,
    RETIREMENT_NOTES,
    ScopeItem,
    ScopeKind,
    Verdict,
    readiness,
    refused,
)
from migcheck.report.text import graded_by, plural
from migcheck.retirements import EXTENDED_SUPPORT_RETIRES
from migcheck.rule import UNREADABLE
from migcheck.subscriptions import subscription_words
from migcheck.suppress import BASELINE
from migcheck.visible import visible

if TYPE_CHECKING:
    from migcheck.engine import LintResult

READINESS_ITEMS_SHOWN = 8  # per scope; the rest are counted, so a big estate's summary stays short


def readiness_summary(result: LintResult) -> str:
    """The findings grouped by migration scope, one line per item with Validate's verdict; one block per
    subscription when the run holds several."""
    blocks = []
    summaries = readiness(result)
    ids = {estate.subscription: estate.inventory.subscription for estate in result.estates}
    folders = {estate.subscription: estate.folder for estate in result.estates}
    for summary in summaries:
        rows: list[tuple[str, str]] = []  # (text, verdict); a verdict of "" is a heading
        by_subject = {id(item.subject): item for item in summary.items if item.subject is not None}
        # A file's row names the rows that count the findings of what it describes (`_described_words`).
        counted_in = {id(f): item for item in summary.items for f in item.findings}
        for scope in summary.scopes:
            if scope.items:
                rows.append((f"  {_heading(scope.scope, scope.items)}", ""))
                note = RETIREMENT_NOTES.get(scope.scope)
                rows += [(f"    ({note})", "")] if note else []
                rows += _readiness_rows(scope.items, by_subject, counted_in)
                rows += [(f"    ({note})", "") for note in _notes_after(scope.scope, scope.items)]
        if not rows:
            continue
        # A row's advice names a setting as the settings file in use writes it (`[subscriptions]` of a
        # migcheck.toml), as findings' fixes do.
        rows = [(in_settings_file(text, result.settings_source), verdict) for text, verdict in rows]
        # Align the verdicts of the rows that fit; a longer description has its verdict on the next line,
        # in the column, so that the verdicts still read down one column.
        widths = {text: display_width(text) for text, verdict in rows if verdict}
        width = max((w for w in widths.values() if w <= 64), default=0)
        title = "Readiness by migration scope"
        if len(summaries) > 1:
            named = subscription_words(summary.subscription, folders.get(summary.subscription, ""))
            title += f", {visible(named)}"
            stated = ids.get(summary.subscription, "")
            if stated and stated != summary.subscription:  # the id the inventory gives the files' own
                title += f" ({visible(stated)})"
        lines = [f"{title}:"]
        if len(result.enabled) < len(result.rules):  # a verdict says only what the rules that ran found
            lines.append(f"  ({graded_by(result)}: a scope passes only as far as they tell)")
        lines += [line for text, verdict in rows for line in _row_lines(text, verdict, width, widths)]
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def _heading(scope: ScopeKind, items: Sequence[ScopeItem]) -> str:
    """The scope's heading, for what its rows hold: the networks' scope, whose Validate moves the VMs and
    the web/worker roles in each network alike, is headed for the roles where no row holds a VM."""
    if scope is not ScopeKind.IN_VNET or not any(map(_holds_roles, items)):
        return str(scope)
    if any(map(_holds_vms, items)):
        return "VMs and web/worker roles in a virtual network"
    return "Cloud services with web/worker roles in a virtual network"


def _holds_vms(item: ScopeItem) -> bool:
    """Whether a network's row lists a VM, or a role that may be one (an export that does not say its kind)."""
    return any(
        s["vms"] or s.get("vm_sets") or s.get("roles_of_unsaid_kind") for s in item.migrates["cloud_services"]
    )


def _notes_after(scope: ScopeKind, items: Sequence[ScopeItem]) -> list[str]:
    """The notes after a scope's rows: under the networks' heading, the retirement note of the web/worker
    roles of the cloud services their rows list, which the roles' own heading carries."""
    if scope is ScopeKind.IN_VNET and any(_holds_roles(item) for item in items):
        return [f"the web/worker roles listed: {RETIREMENT_NOTES[ScopeKind.WEB_WORKER]}"]
    return []


def _holds_roles(item: ScopeItem) -> bool:
    return item.type == "VirtualNetwork" and any(s["roles"] for s in item.migrates["cloud_services"])


def _row_lines(text: str, verdict: str, width: int, widths: Mapping[str, int]) -> list[str]:
    """A row as printed: a heading alone, its verdict in the column beside it, or below it when the
    description is past the column (or beside it, when no row fits the column at all). The column is
    measured in a terminal's cells (`display_width`), not characters."""
    if not verdict:
        return [text]
    if widths[text] <= width or not width:
        return [f"{text}{' ' * (width - widths[text])}  {verdict}"]
    return [text, f"{'':{width}}  {verdict}"]


def display_width(text: str) -> int:
    """How many cells of a terminal `text` takes: a wide or full-width character (CJK, most emoji) two, a
    combining mark (an accent written after its letter), a format character (a zero-width joiner) none,
    any other one. Names come from the files in any script: counting characters would push the verdicts
    of rows with such names out of their column.

    The rules are those of wcwidth-style libraries (Python's wcwidth, glibc's wcwidth): the emoji
    presentation selector (U+FE0F) widens to two cells only a one-cell character Unicode gives an emoji
    presentation (`⚠️` is U+26A0, one cell alone, then U+FE0F; after a letter it changes nothing); and
    Hangul vowel and final consonant jamo take no cell (`_is_joining_jamo`)."""
    total, widens = 0, False
    for c in text:
        if c == _EMOJI_PRESENTATION:
            cells, widens = (1 if widens else 0), False  # widens the character before it, once
        else:
            cells = _cells(c)
            widens = c in _EMOJI_PRESENTABLE if cells else widens  # a mark between keeps what it follows
        total += cells
    return total


_EMOJI_PRESENTATION = "\ufe0f"


def _code_points(ranges: str) -> frozenset[str]:
    points = (span.split("-") for span in ranges.split())
    return frozenset(chr(c) for span in points for c in range(int(span[0], 16), int(span[-1], 16) + 1))


# The one-cell characters an emoji variation sequence lists (Unicode's emoji-variation-sequences.txt, the
# table wcwidth calls VS16_NARROW_TO_WIDE): U+FE0F draws them as a two-cell emoji.
_EMOJI_PRESENTABLE = _code_points(
    "0023 002A 0030-0039 00A9 00AE 203C 2049 2122 2139 2194-2199 21A9-21AA 2328 23CF 23ED-23EF "
    "23F1-23F2 23F8-23FA 24C2 25AA-25AB 25B6 25C0 25FB-25FC 2600-2604 260E 2611 2618 261D 2620 "
    "2622-2623 2626 262A 262E-262F 2638-263A 2640 2642 265F-2660 2663 2665-2666 2668 267B 267E 2692 "
    "2694-2697 2699 269B-269C 26A0 26A7 26B0-26B1 26C8 26CF 26D1 26D3 26E9 26F0-26F1 26F4 26F7-26F9 "
    "2702 2708-2709 270C-270D 270F 2712 2714 2716 271D 2721 2733-2734 2744 2747 2763-2764 27A1 "
    "2934-2935 2B05-2B07 1F170-1F171 1F17E-1F17F 1F321 1F324-1F32C 1F336 1F37D 1F396-1F397 "
    "1F399-1F39B 1F39E-1F39F 1F3CB-1F3CE 1F3D4-1F3DF 1F3F3 1F3F5 1F3F7 1F43F 1F441 1F4FD 1F549-1F54A "
    "1F56F-1F570 1F573-1F579 1F587 1F58A-1F58D 1F590 1F5A5 1F5A8 1F5B1-1F5B2 1F5BC 1F5C2-1F5C4 "
    "1F5D1-1F5D3 1F5DC-1F5DE 1F5E1 1F5E3 1F5E8 1F5EF 1F5F3 1F5FA 1F6CB 1F6CD-1F6CF 1F6E0-1F6E5 1F6E9 "
    "1F6F0 1F6F3"
)


def _is_joining_jamo(c: str) -> bool:
    """A Hangul vowel (U+1160 to U+11A7, U+D7B0 to U+D7C6) or final consonant (U+11A8 to U+11FF, U+D7CB to
    U+D7FB) jamo: drawn into the syllable before it, a leading consonant jamo's or a precomposed one's
    (U+AC00 then U+11A8 is drawn 각), whose two cells it does not widen. wcwidth and glibc count it none
    wherever it stands; a terminal that draws one alone, after a letter, draws one cell more at most."""
    return "\u1160" <= c <= "\u11ff" or "\ud7b0" <= c <= "\ud7ff"


def _cells(c: str) -> int:
    if unicodedata.combining(c) or unicodedata.category(c) in _ZERO_WIDTH or _is_joining_jamo(c):
        return 0
    return 2 if unicodedata.east_asian_width(c) in "WF" else 1


# Enclosing marks, non-spacing marks no canonical combining class lists (a variation selector), format
# characters: drawn on what they follow, or not at all.
_ZERO_WIDTH = frozenset({"Me", "Mn", "Cf"})


def _readiness_rows(
    items: Sequence[ScopeItem], by_subject: Mapping[int, ScopeItem], counted_in: Mapping[int, ScopeItem]
) -> list[tuple[str, str]]:
    shown = list(items)
    if len(shown) > READINESS_ITEMS_SHOWN:  # keep the ones that need work
        shown = sorted(shown, key=lambda i: _VERDICT_ORDER.index(i.verdict))[:READINESS_ITEMS_SHOWN]
    rows = [
        (f"    {visible(_describe(item))}", _verdict(item, by_subject, counted_in))
        for item in items
        if item in shown
    ]
    hidden = [item for item in items if item not in shown]
    if hidden:
        rows.append((f"    … and {len(hidden)} more ({_tally(hidden)})", ""))
    return rows


def _describe(item: ScopeItem) -> str:
    """The item's name and, in brackets, what would migrate with it."""
    if item.type == FILE:
        return item.name
    if item.type == "CloudService" and (item.origin or item.migrates.get("looped_service")):
        name = item.name.removesuffix(f" ({item.origin})")  # the origin goes with what it moves
        return _service_row(_shown(name, _is_placeholder(item)), item.migrates, item.origin)
    return _shown(item.name, _is_placeholder(item)) + _described(item)[len(item.name) :]


def _in(origin: str) -> str:
    """Where an item comes from, said after what it moves (`shop (1 VM; in teamA/deploy.ps1)`): one pair of
    brackets for a row, not two after one another, nor one inside the other."""
    return f"; in {origin}" if origin else ""


def _is_placeholder(item: ScopeItem) -> bool:
    """Whether the item's name is a placeholder (`model.is_placeholder`), a cloud service's told by its name
    without where it comes from, which its row adds when another shares its name, and as a cloud
    service's only where the files name the service (`CloudService.name_kind`)."""
    kind = getattr(item.subject, "name_kind", item.type)
    own = getattr(item.subject, "listed_name", item.name)
    return is_placeholder(item.name) or is_placeholder(own, kind)


def _shown(name: str, placeholder: bool) -> str:
    """A name as the summary shows it, said to be a placeholder a file leaves to fill in (`<<CONFIGURE>>`,
    `[SPECIFY STORAGE ACCOUNT]`, a name a resource of its kind cannot have: see `model.is_placeholder`)
    where it is one, in the words `estate.named` and the plan use."""
    return f"{name} (a placeholder the file leaves to fill in)" if placeholder else name


def _undefined_here(migrates: Mapping[str, Any]) -> str:
    """What a network's row says of the definition its subscription's files do not hold: where another
    subscription's file holds it (`readiness._defined_apart`), and how to check the two as one."""
    apart = migrates.get("defined_apart")
    if not apart:
        return "not defined in the files checked"
    return (
        f"defined in {visible(apart)}, which is checked as another subscription's: group them with "
        "[tool.migcheck.subscriptions]"
    )


def _described(item: ScopeItem) -> str:
    """`_describe` with the name as written, which each description begins with."""
    m = item.migrates
    if item.type == "VirtualNetwork":
        subnets = "subnets not known" if item.subnets_unstated else _count(len(m["subnets"]), "subnet")
        network = subnets + (", gateway" if m["gateway"] else "")
        # A network only a script names may still have a gateway a script creates, which the plan moves.
        undefined = [_undefined_here(m), *(["gateway"] if m["gateway"] else [])]
        parts = [network] if m["defined"] else undefined
        services = m["cloud_services"]
        if services:
            placeholders = _placeholder_services(item)
            names = ", ".join(_service(s, placeholders) for s in services[:3])
            more = f" and {len(services) - 3} more" if len(services) > 3 else ""
            parts.append(f"cloud services: {names}{more}")
        return f"{item.name} ({'; '.join(parts)})"
    if item.type == EXTENDED_SUPPORT and not (m["vms"] or m["roles"]):
        # Known from a template or script alone that names no role: it holds roles all the same, never VMs.
        return f"{item.name} (roles the files do not name)"
    if item.type in ("CloudService", EXTENDED_SUPPORT):
        return f"{item.name} ({_contents(m)})"
    if item.type == "StorageAccount":
        parts = [_count(len(m[k]), k[:-1]) for k in ("disks", "images") if m[k]]
        if m["disks"] and m.get("looped"):  # disks of VMs a loop makes one of per turn: 1 or more each
            parts[0] = f"{len(m['disks'])} or more disks"
        held = ", ".join(parts) or "the files name no disk or image in it"
        if m.get("os_disks_of"):  # no file states it (`estate.UnstatedAccount`)
            vms = m[
                "os_disks_of"
            ]  # after the disks of a script's it holds too (`readiness._account_contents`)
            held = ", ".join([*parts, f"the OS disk{'s' if len(vms) > 1 else ''} of {_vms_said(vms)}"])
        if m.get("data_disk_of"):  # a registered data disk's, which no file states
            held = f"the data disk of {_vms_said(m['data_disk_of'])}"
        if m.get("vms_first"):  # disks of VMs no file describes: the account migrates after them
            services = m.get("vms_first_services") or [""] * len(m["vms_first"])
            described = m.get("vms_first_described") or [""] * len(m["vms_first"])
            by_name = [(vm, s) for vm, s in zip(m["vms_first"], services, strict=True) if vm]
            vms = ", ".join(f"{vm} of cloud service {service}" if service else vm for vm, service in by_name)
            said = [f"VM{'s' if len(by_name) > 1 else ''} {vms}"] if by_name else []
            # One described, not named (`the VM its request URI names`), is said in those words alone.
            said += [words for words in described if words]
            held += f"; after {', '.join(said)}, which no file checked describes"
        return f"{item.name} ({held})"
    if item.type == FILE:
        return item.name
    if item.type == "ExpressRouteCircuit":  # moved before the networks linked to it
        linked = f"linked to {', '.join(m['networks'])}"
        return item.name if linked in item.name else f"{item.name} ({linked})"  # `<circuit linked to x>`
    if m.get("service"):  # a reserved IP bound to a cloud service no file describes
        return f"{item.name} (reserved IP of cloud service '{m['service']}')"
    attachment = _ATTACHMENT.get(m.get("attachment", ""), "").format(by=m.get("stated_by", EXPORT))
    return f"{item.name} ({_RESOURCE_WORDS.get(item.type, item.type)}{attachment})"


# What an unattached resource's row says when an export, or the template declaring it (`stated_by`),
# leaves open whether something uses it: it is listed here only because nothing the files show does, and
# its plan step says how to check.
_ATTACHMENT = {
    "unknown": "; may be attached: {by} does not say whether anything uses it",
    "in use": "; may be attached: {by} says it is in use, not by which cloud service",
}


# What the unattached resources' rows call them: words, as the plan's steps do, not the platform's types.
_RESOURCE_WORDS = {
    "NetworkSecurityGroup": "network security group",
    "RouteTable": "route table",
    "ReservedIP": "reserved IP",
}


def _service(service: Mapping[str, Any], placeholders: Sequence[str]) -> str:
    """A cloud service of a network's row, said to be a placeholder where its name, less where it comes from
    when another shares it (`shop (deploy/a.ps1)`), is one (`_placeholder_services`)."""
    name = service["name"]
    placeholder = is_placeholder(name) or any(name == p or name.startswith(f"{p} (") for p in placeholders)
    origin = service.get("origin", "")
    name = name.removesuffix(f" ({origin})") if origin else name
    return _service_row(_shown(name, placeholder), service, origin)


def _service_row(name: str, service: Mapping[str, Any], origin: str = "") -> str:
    """A service's name with what it holds: `shop (2 VMs; in teamA/deploy.ps1)`; a service a script creates
    in each round of a loop, named by the loop's item (`looped_service`), as the services of that loop, one
    per item: "cloud services created in a loop over $vmList (<cloud service name, d.ps1:25>, 1 or more),
    each with 1 VM", as the plan says them; "changed in a loop" where the loop only changes VMs it queries
    (`looped_changes_only`)."""
    listed = service.get("looped_service")
    if not listed:
        return f"{name} ({_contents(service)}{_in(origin)})"
    made = "changed" if service.get("looped_changes_only") else "created"
    return (
        f"cloud services {made} in a loop over {listed} ({name}, 1 or more{_in(origin)}), "
        f"each with {_contents(service)}"
    )


def _placeholder_services(item: ScopeItem) -> list[str]:
    """The names of the network's cloud services that are placeholders, as lists name them."""
    members = getattr(item.subject, "members", ())
    names = {service.listed_name for service, _ in members if service.name_kind}
    return [name for name in names if is_placeholder(name, "CloudService")]


def _contents(service: Mapping[str, Any]) -> str:
    """How many VMs and roles a service holds: "1 or more VMs" where a script creates some of them in a
    loop over a list it does not write out (see `readiness._contents`), whose count the files do not say.
    The VMs of one loop count as one: two calls a turn may choose between (`create_virtual_machine_
    deployment` in the first turn, `add_role` in the others) make one VM a turn, not two. The VMs of a
    load-balanced set the files do not show (`vm_sets`) are said as what they are, with no number:
    "1 VM and the VMs of load-balanced set web"."""
    vms = _count(len(service["vms"]), "VM")
    # A VM of a service created once per item of the same loop is one VM of each such service.
    looped = {
        vm: listed
        for vm, listed in service.get("looped", {}).items()
        if listed != service.get("looped_service")
    }
    if looped:
        vms = f"{len(service['vms']) - len(looped) + len(set(looped.values()))} or more VMs"
    sets = " and ".join(f"the {name[1:-1]}" for name in service.get("vm_sets", ()))
    if sets:
        vms = f"{vms} and {sets}" if service["vms"] else sets
    unsorted = service.get("roles_of_unsaid_kind", ())
    parts = [vms] if service["vms"] or sets or not (service["roles"] or unsorted) else []
    if service["roles"]:
        parts.append(_roles(service["roles"]))
    if unsorted:
        parts.append(
            f"{plural('role', len(unsorted))} {', '.join(unsorted)}, of a kind the export does not say"
        )
    return ", ".join(parts)


def _roles(names: Sequence[str]) -> str:
    """`2 web/worker roles`. A script that deploys a package whole names none of its roles, and one stand-in
    holds the place of however many it has: counted, it said "1 web/worker role" of a package that may hold
    several, so those are said to be roles the files do not name."""
    named = [name for name in names if not is_unnamed_role(name) and not is_package_roles(name)]
    if len(named) == len(names):
        return _count(len(named), "web/worker role")
    if not named:
        return "web/worker roles the files do not name"
    return f"{_count(len(named), 'web/worker role')} and others the files do not name"


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


_FILE_VERDICTS = {
    Verdict.FAILED: "Fails",
    Verdict.PREPARE_FAILS: "Fails at Prepare",
    Verdict.NOT_DECIDED: "Not decided",
    Verdict.NETWORK_NOT_DECIDED: "Not decided",
    Verdict.SUBNETS_NOT_STATED: "Not decided",
    Verdict.ACCOUNT_NOT_STATED: "Not decided",
    Verdict.NAME_NOT_STATED: "Not decided",
    Verdict.WARNINGS: "Passes with warnings",
    Verdict.PASSED: "Passes",
}


# The row of an export whose only finding is that it lists resources without their properties (the MIG001
# warning of `az resource list`): nothing of what it lists was checked, so it passes nothing.
UNCHECKED_EXPORT = "Not checked: the export lists resources without their properties"

# The row of an export whose warning is that its properties, though written, hold nothing the rules read
# (`{}`, or a `provisioningState` alone): it does write them, so the words above are not its.
EMPTIED_EXPORT = "Not checked: the export's properties hold nothing the rules read"


# The row of an export of classic cmdlets whose objects migcheck does not read (Get-AzureDeployment, Get-AzureVNetSite
# through ConvertTo-Json): its only finding is the MIG001 note that says so, and it passes nothing.
UNREAD_EXPORT = "Not checked: a classic export migcheck does not read"


def _not_read(finding: Finding) -> bool:
    """The MIG001 note of an export migcheck does not read: the one MIG001 that is information."""
    return finding.code == UNREADABLE and finding.platform_severity is Severity.INFO


def _lists_without_properties(finding: Finding) -> bool:
    """The MIG001 an export gets for resources it lists without their properties: the one MIG001 that is a
    warning (the file is well-formed; what it lists could not be checked)."""
    return finding.code == UNREADABLE and finding.platform_severity is Severity.WARNING


def _properties_emptied(finding: Finding) -> bool:
    """Whether the MIG001 of an export's resources left unchecked is for properties written that hold
    nothing the rules read, rather than for properties null or left out (see `readers.inventory`)."""
    from migcheck.readers.inventory import EMPTY_PROPERTIES

    return finding.message.startswith(f"the export has {EMPTY_PROPERTIES}")


def _verdict(
    item: ScopeItem, by_subject: Mapping[int, ScopeItem], counted_in: Mapping[int, ScopeItem]
) -> str:
    """`Validation failed: 2 errors, 1 warning (1 more suppressed, 1 more known from baseline)`. Held-back findings
    still decide the verdict: the platform refuses the migration whatever the report shows."""
    every = [f for f in (*item.every, *item.described) if f.severity > Severity.INFO]
    if item.type == FILE and every and all(map(_lists_without_properties, every)):
        return EMPTIED_EXPORT if any(map(_properties_emptied, every)) else UNCHECKED_EXPORT
    if item.type == FILE and not every and any(map(_not_read, (*item.every, *item.described))):
        return UNREAD_EXPORT
    # Information changes no verdict: the findings list shows it, a count here would only read as a problem.
    counts = [(item.count(s), str(s)) for s in reversed(Severity) if s > Severity.INFO]
    shown = ", ".join(f"{n} {plural(word, n)}" for n, word in counts if n)
    # Not classic: no Validate applies, and what matters is the date it retires on. A file outside every
    # migration scope (a script, an export, a file that does not parse) is never validated by the platform:
    # its findings pass or fail it, in words that do not claim a Validate result.
    if item.type == EXTENDED_SUPPORT:
        verdict = f"Retires on {EXTENDED_SUPPORT_RETIRES}"
    else:
        # A circuit's move (Move-AzExpressRouteCircuit) has no Validate of its own either.
        plain = item.type in (FILE, "ExpressRouteCircuit")
        verdict = _FILE_VERDICTS[item.verdict] if plain else str(item.verdict)
        if item.verdict is Verdict.NAME_NOT_STATED:
            verdict = f"Not decided: {_name_to_find(item)}"
    text = _counted(
        verdict, shown, only_warnings=all(word == str(Severity.WARNING) for n, word in counts if n)
    )
    # A warning can fail Validate too: a VM caught in a state the platform refuses until it changes.
    waiting = sum(1 for f in item.findings if f.code in REFUSED_WHILE_IT_LASTS and refused(f))
    held = [s for s in item.held_back if s.finding.severity > Severity.INFO]
    known = sum(1 for s in held if s.reason.kind == BASELINE)
    notes = [_waiting_words(waiting)] if waiting else []
    notes += _changed_words(item)
    notes += _described_words(item, counted_in)
    notes += _migration_words(item.migrates.get("migration_state"))
    notes += _checked_at_prepare(item)
    # Held back beside the counts shown, they are more of them, not some of those (`1 error (1 more known
    # from baseline)` for two errors); alone, they are all there is (`Validation failed (1 suppressed)`).
    more = " more" if shown else ""
    notes += [f"{len(held) - known}{more} suppressed"] if len(held) > known else []
    notes += [f"{known}{more} known from baseline"] if known else []
    # What it waits on comes after the notes, which are about its own counts.
    return (f"{text} ({', '.join(notes)})" if notes else text) + _after_words(item, by_subject)


def _name_to_find(item: ScopeItem) -> str:
    """What the files leave unsaid of an item a stand-in names (`Verdict.NAME_NOT_STATED`), and where the
    platform lists it, as the item's plan step says when it asks for the name first; or that its name is a
    pipeline token, which the build writes."""
    if is_pipeline_token(item.name):
        return "its name is a pipeline token the build or deployment tool fills in: check the files it writes"
    if item.type == "ExpressRouteCircuit":
        return (
            "the files do not state the circuit's service key (Get-AzureDedicatedCircuit lists the "
            "subscription's circuits with their service keys)"
        )
    if item.type == "CloudService":
        lists = (
            "Get-AzureVM, with no parameters, lists each VM with its ServiceName"
            if item.migrates.get("vms")
            else "Get-AzureService lists the subscription's cloud services (ServiceName)"
        )
        return f"the files do not state the cloud service's name ({lists})"
    from migcheck.plan import _FIND_NAME  # only for such a row: the plan is a large module to import

    words, find = _FIND_NAME.get(item.type, ("resource", ""))
    # Where to look in brackets: the counts that follow after a semicolon are the row's, not the cmdlet's.
    return f"the files do not state the {words}'s name" + (f" ({find})" if find else "")


# What a storage account's or a network's row says of an item it migrates after that is not ready, by that
# item's verdict.
_HELD_BY = {
    Verdict.FAILED: "fails",
    Verdict.PREPARE_FAILS: "fails at Prepare",
    Verdict.NOT_DECIDED: "is not decided",
    Verdict.NETWORK_NOT_DECIDED: "is not decided",
    Verdict.SUBNETS_NOT_STATED: "is not decided",
    Verdict.ACCOUNT_NOT_STATED: "is not decided",
    Verdict.NAME_NOT_STATED: "is not decided",
}


def _after_words(item: ScopeItem, by_subject: Mapping[int, ScopeItem]) -> str:
    """`; after contoso-prod-vnet, which fails`: a storage account migrates after the VMs its disks are
    attached to, a network after the ExpressRoute circuits it is linked to (`ScopeItem.after`), so its own
    verdict is not the whole story while those are not ready (the plan's step waits on theirs)."""
    held = [by_subject[id(s)] for s in item.after if id(s) in by_subject]
    said = [
        f"{visible(before.name)}, which {_HELD_BY[before.verdict]}"
        for before in held
        if before.verdict in _HELD_BY
    ]
    if len(said) > _AFTER_NAMED:  # one that may hold any VM's disks waits on every one not ready
        said = [*said[:_AFTER_NAMED], f"{len(said) - _AFTER_NAMED} more not ready"]
    return f"; after {', and '.join(said)}" if said else ""


_AFTER_NAMED = 3  # the items a storage account's row names that it waits on; the rest are counted


def _described_words(item: ScopeItem, counted_in: Mapping[int, ScopeItem]) -> list[str]:
    """`what it describes has 2 errors, counted in the rows of contoso-prod-vnet and contoso-er-vnet`: a
    file's row counts its own findings, and its verdict goes by them; those of the resources it describes
    are their scopes' rows', said apart and named (`counted_in`: the row each finding is counted in), so
    that a reader finds them; `counted above` when no row shown holds them."""
    shown = [f for f in item.described if f.severity > Severity.INFO]
    counts = [(sum(1 for f in shown if f.severity is s), str(s)) for s in reversed(Severity)]
    said = [f"{n} {plural(word, n)}" for n, word in counts if n and word != str(Severity.INFO)]
    if not said:
        return []
    rows = list(dict.fromkeys(visible(counted_in[id(f)].name) for f in shown if id(f) in counted_in))
    return [f"what it describes has {', '.join(said)}, {_counted_in(rows)}"]


_ROWS_NAMED = 3  # the rows a file's row names as counting what it describes; the rest are counted


def _counted_in(rows: Sequence[str]) -> str:
    if not rows:
        return "counted above"
    named = [*rows[:_ROWS_NAMED], f"{len(rows) - _ROWS_NAMED} more"] if len(rows) > _ROWS_NAMED else rows
    listed = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
    return f"counted in the row{'s' if len(rows) > 1 else ''} of {listed}"


def _migration_words(state: object) -> list[str]:
    """`prepared already: Commit or Abort next` for an item whose VMs an export says are prepared (the
    plan's step says the same); the state as written for another."""
    if not isinstance(state, str) or not state:
        return []
    if state.casefold() == "prepared":
        return ["prepared already: Commit or Abort next"]
    if may_be_prepared(state):
        return ["may be prepared already: an export says its deployment is locked"]
    return [f"migration under way: MigrationState {state}"]


def _waiting_words(waiting: int) -> str:
    """`1 warning is a VM state Validate refuses until it changes`: why a verdict with no error fails."""
    if waiting == 1:
        return "1 warning is a VM state Validate refuses until it changes"
    return f"{waiting} warnings are VM states Validate refuses until they change"


def _changed_words(item: ScopeItem) -> list[str]:
    """`1 error the settings turn down to warning`: the findings whose severity the settings file changed
    where the counts would belie the verdict, which takes them as their rule gives them (the platform
    refuses an error, and passes a warning, whatever a team calls it)."""
    if item.type == FILE:  # no Validate sees a file: its verdict goes by the settings' severities
        return []
    changed = Counter((f.platform_severity, f.severity) for f in item.every if _verdict_differs(f))
    return [
        f"{n} {plural(str(rule), n)} the settings turn {'down' if ours < rule else 'up'} to {ours}"
        for (rule, ours), n in sorted(changed.items(), reverse=True)
    ]


def _verdict_differs(finding: Finding) -> bool:
    """Whether the settings turned `finding` down from a refusal, or up to an error the platform passes."""
    if finding.rule_severity is None or finding.code in REFUSED_WHILE_IT_LASTS:
        return False
    return refused(finding) != (finding.severity is Severity.ERROR)


def _checked_at_prepare(item: ScopeItem) -> list[str]:
    """`1 error checked only at Prepare`: what Validate passes and Prepare fails on, when the verdict does
    not say so already (it fails for other reasons too, or warns)."""
    if item.verdict is Verdict.PREPARE_FAILS or item.type == EXTENDED_SUPPORT:
        return []
    # A finding held back is counted as such, and here only if it fails the item (a warning it passes is
    # no more than a count of those held back).
    held = (s.finding for s in item.held_back if refused(s.finding))
    late = [
        f.severity for f in (*item.findings, *held) if f.severity > Severity.INFO and item.found_at_prepare(f)
    ]
    counts = [(late.count(s), str(s)) for s in reversed(Severity) if late.count(s)]
    if not counts:
        return []
    # Every finding counted is one: the counts said before need no repeating (`1 warning (checked only at
    # Prepare)`, not `1 warning (1 warning checked only at Prepare)`).
    if counts == [(item.count(s), str(s)) for s in reversed(Severity) if s > Severity.INFO and item.count(s)]:
        return ["checked only at Prepare" if len(late) == 1 else "all checked only at Prepare"]
    return [" and ".join(f"{n} {plural(word, n)}" for n, word in counts) + " checked only at Prepare"]


# How the verdicts of rows with warnings and nothing worse end, which their count of warnings says again.
_WITH_WARNINGS = " with warnings"


def _counted(verdict: str, shown: str, only_warnings: bool) -> str:
    """The verdict with its counts: `Validation failed: 2 errors, 1 warning`. A verdict that says warnings
    takes their count in their place (`Validation passed with 1 warning`, `Passes with 2 warnings`), where
    it said them twice (`Validation passed with warnings: 1 warning`); it keeps a count of another severity
    apart (`Validation passed with warnings: 1 error`, an error the settings turn down)."""
    if not shown:
        return verdict
    if only_warnings and verdict.endswith(_WITH_WARNINGS):
        return f"{verdict.removesuffix(_WITH_WARNINGS)} with {shown}"
    # "Not decided: <why>" says its reason after a colon already: the counts follow it apart.
    joined = "; " if ":" in verdict else ": "
    return f"{verdict}{joined}{shown}"


_VERDICT_ORDER = list(Verdict)
# How `… and 3 more (…)` counts the items of each verdict.
_TALLIED = {
    Verdict.FAILED: "failed",
    Verdict.PREPARE_FAILS: "failing at Prepare",
    Verdict.NOT_DECIDED: "not decided",
    Verdict.NETWORK_NOT_DECIDED: "not decided",
    Verdict.SUBNETS_NOT_STATED: "not decided",
    Verdict.ACCOUNT_NOT_STATED: "not decided",
    Verdict.NAME_NOT_STATED: "not decided",
    Verdict.WARNINGS: "passed with warnings",
    Verdict.PASSED: "passed",
}


def _tally(items: Sequence[ScopeItem]) -> str:
    """`2 failed, 1 not decided`: the items by the words of their verdicts (the two not decided alike)."""
    said = [_TALLIED[i.verdict] for i in items]
    order = dict.fromkeys(_TALLIED[v] for v in _VERDICT_ORDER if _TALLIED[v] in said)
    return ", ".join(f"{said.count(words)} {words}" for words in order)


def _vms_said(vms: list[str]) -> str:
    """`VM web01`, `VMs web01, web02`: the VMs whose OS disks an account no file states holds."""
    return f"VM{'s' if len(vms) > 1 else ''} {', '.join(vms)}"
