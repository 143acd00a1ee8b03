"""`migcheck plan` formats: `text` for a terminal, `markdown` (with a Mermaid diagram of the order, for a
pull request, a wiki or a GitHub Actions job summary), `html` (one self-contained page with a picture of
each estate: `plan_html.py`) and `json` for tooling.

JSON schema (version 1):

    {"version": 1, "retirements": [str],
     "rules": {"run": int, "total": int},
     "subscriptions": [{"subscription": str,
                        "before": {"subscription_id": str, "powershell": [str], "cli": [str],
                                   "selected_apart": [str], "cloud": str,
                                   "clouds_apart": [str], "subscription_name": str} | null,
                        "overview": {"steps", "ready", "with_blockers", "name_unstated", "not_decided",
                                     "waiting", "not_migrated", "waited_by", "outside_blockers",
                                     "outside_holding_steps": int,
                                     "start_with": [id], "fix_first": [id]},
                        "steps": [{"id", "kind", "name", "wave", "after": [id], "ready": bool,
                                   "only_waits": bool,
                                   "moves": [str], "becomes": [str], "downtime": str, "notes": [str],
                                   "note_findings": [{"note": int, "code", "message", "path", "line",
                                                      "column", ..., "more": int, "held_back"}],
                                   "blockers": [{"code", "message", "path", "line", "column", "fix",
                                                 ..., "held_back": {"by", "detail"} | null}],
                                   "commands": {"powershell": {"validate": [str], "prepare": [...],
                                                               "check": [...], "commit": [...], "abort": [...],
                                                               "before": [...]},
                                                "cli": {...}}}],
                        "other_blockers": [{"code", "message", ..., "held_back"}],
                        "unread": [{"code", "message", ..., "held_back"}],
                        "unread_parts": [{"path", "line", "column", "why", "cause",
                                          "cause_message"}] (only when there are some),
                        "other_notes": [{"code", "message", ..., "fix", "before_steps": bool,
                                         "more": int, "files": [str], "more_files": int,
                                         "held_back"}],
                        "undescribed": [str] (only when there are some),
                        "configurations_apart": [{"path", "line", "column", "service", "network",
                                                  "others": [str], "other_networks": [str],
                                                  "note": str}] (only when there are some)}]}

`subscriptions` lists those the text shows (with steps, blockers or notes), or every one when none has
anything: the files' own, empty when the exports hold only other subscriptions' resources, is left out.

A blocker or a note is a finding as `migcheck check --format json` gives it (`finding_dict`), with
`held_back`: null when `check` reports it, else why it does not (`by`: "comment", its `detail` the comment's
reason; "config", its `detail` the per-file-ignores pattern; "baseline", its `detail` the baseline file). A
held-back blocker still blocks: the platform refuses the migration all the same. A step's `notes` are its
notes as text; `note_findings` gives, for each of them said of warnings, the index of the note in `notes`,
the first of its warnings with its position, and `more`, the count of the others it stands for.

A step's `wave` is null for what this process never migrates (web/worker roles): such a step has no wave.
A step whose VMs an export gives a migration state (Get-AzureVM's `VM.MigrationState`) has
`migration_state`, as written (`Prepared`: its Validate and Prepare have run, its `validate` says so and its
`prepare` is empty), or `deploymentLocked` for one whose VMs' Resource Graph rows say their deployment is
locked (`hardwareProfile.deploymentLocked`: it may be prepared, or held by another operation; its commands
are kept); other steps have no such key.
A step that moves a cloud service the files may describe only in part (a script adds VMs to a deployment
that exists, which no file creates or describes whole) has `"partly_described": true` and is not `ready`,
though it may have no blocker: Validate takes in VMs no file shows. Other steps have no such key.
The step of a network no file defines (only its members are known) has `"network_undefined": true` and is
not `ready` either: its definition may hold what blocks it. Other steps have no such key.
The step of a network whose every description leaves its subnets out (an inventory row that states its
address space alone) has `"subnets_unstated": true` and is not `ready` either: what its subnets hold may
block it. Other steps have no such key.
The step of a cloud service whose virtual network the files do not state has `"network_unknown": true` and is
not `ready` either: which network's migration moves it, if any, is not known. Other steps have no such key.
A step that moves a VM a script creates from a file that is not among the files checked (an Export-AzureVM
file, `Import-AzureVM -Path`; a role file, `azure vm create-from`) has `"unseen_export": true` and is not `ready` either: what blocks that VM is not
known. Other steps have no such key.
A step that moves a cloud service, reserved IP, network security group, route table, storage account or
virtual network the files do not name (its commands hold a stand-in, `<cloud service name, deploy.py:12>`,
`<reserved IP name, ip.py:132>`, to fill in), or an ExpressRoute circuit whose service key they do not state
(`<service key>`), has `"name_unstated": true` and is not `ready` either: none of its commands runs as
written. Other steps have no such key.
A step that comes after a step that is not ready has `waits_on`, the ids of those steps, and is not `ready`
either, though it may have no blocker of its own: it cannot start before they are unblocked and committed.
`overview` is what the text says before step 0: how many steps there are, how many are `ready`, and of the
others how many have blockers, a name or key to fill in (`name_unstated`), are not decided, only wait on steps before
them (`waiting`) or are web/worker roles (`not_migrated`), each step counted once, by its first reason; then
the ready steps of the earliest wave to start with (`start_with`), and of the steps not ready for a reason of
their own those the most others wait on, directly or through steps that wait on them (`fix_first`, `waited_by`
steps waiting on each; with nothing ready and nothing waiting on them, those of the earliest wave; empty when
some step is ready and nothing waits on them).
`outside_blockers` counts `other_blockers`, the blockers about no step, and `outside_holding_steps` those of
them that hold up the steps: with any, they come before `fix_first` and `start_with` (step ids only), since the
migration fails on them however ready the steps are, and the text says so after its counts. The others are in
what a script does (a runbook's order, MIG602): the steps go ahead without them, and the text says them apart,
after where to start.
`unread` are the files migcheck could not read (MIG001): the platform refuses nothing for them, but what
they describe is in no step, so the plan is not whole until they are fixed.
`unread_parts`, only in a subscription whose scripts have parts the parser could not read, gives each such
part as `{"path", "line", "column"}` (column 0 when not known): PowerShell may well run it, and what it states
may be missing from the steps (`migcheck check --verbose` says why each was not read). A shell script's line
that starts with an option right after a classic command, which bash runs on its own, is listed too, with
`"why": "lost-continuation"`; a PowerShell part that starts at a construct the characters there name has
`"why": "lone-dash"` (a `-` and a blank before a parameter's name), `"why": "blank-after-backtick"` (a blank
after the backtick that ends a line), `"why": "html-escaped"` (`&quot;` and the like, an HTML page's copy of
the script, which Windows PowerShell rejects whole) or `"why": "lost-backtick"` (a line that starts with a
parameter's name after a command's line that ends with no backtick), each with the edit `check --verbose` gives; a Python `getattr` of a
classic service by a method name the script does not state has `"why": "called-by-unstated-name"`; a shell `azure`
command given an option its classic form does not declare, which the CLI refuses, has `"why": "refused-option"`,
and one given an option that takes a value as its last word, with none after it, `"why": "missing-value"`;
a reserved IP given to a command that adds a VM to a deployment an earlier one created, which is not applied,
has `"why": "reserved-ip-not-applied"`; a VM configuration pipeline's stage that passes no VM on to the New-AzureVM given
its output has `"why": "vm-not-passed-on"`; a shell `azure` command given more positional words than it takes (an
escaped quote split by bash) has `"why": "surplus-arguments"` at the first surplus word. Other parts have no `why`.
A request to a URL not stated that may go to the API (`"why": "request-url-undecided"`) also has `cause`, the
one that makes it so (`"certificate"`: the management certificate it sends; `"body"`: the classic REST body
file it sends; `"url-name"`: the name of the API that holds its URL), and `cause_message`, that cause as the
text, Markdown and HTML plans say it after the part's position (`its URL is held by `$MGMT_URL`, a name of the
API`). Other parts have neither.
`rules` says how many rules graded the plan: with fewer than all (--select, --ignore, the config), "ready"
means only that the rules that ran found no blocker. `other_blockers` are the errors about no step (a
runbook's order, a file the estate does not model): the migration fails on them all the same.
`other_notes` are the warnings about no step (a Defender plan, role assignments, alert rules and autoscale
settings of an export; scripts on the classic API), one per rule and fix: each is its first finding (as in
`other_blockers`), with `fix` the advice for all of them (the rule's own when each finding has a fix of its
own), `more` the count of the others, and `files` the first few files of the others, unless they are all in
the first's own file, which its position names (`more_files` counts the rest of the others' files).
Warnings about migcheck's own suppression comments (MIG005, MIG006) are `check`'s business, not the plan's. `before_steps` says the advice is for before migrating: the text, markdown
and HTML formats list those notes before the first step, the others after the steps.
`undescribed`, only in a subscription whose scripts migrate by a name they state a resource no file checked
describes (a runbook's `Move-AzureService -ServiceName shop` with no export of 'shop'), names each as the text
does (`cloud service 'shop'`): no step moves it, and an inventory export of the subscription would plan it.
`configurations_apart`, only in a subscription where a service has two deployed configurations that disagree on
its network and one places it in a network no file defines and nothing else names (a configuration for Cloud
Services (extended support), `ServiceConfiguration.Cloud.ARM.cscfg`, beside the classic one), gives each such
configuration (its position, the service, the network, the service's other configurations and the networks
they name, "" for none) and the note the text says of it: no step moves that network.
`before` is what to run once in the subscription before its first step (select it, register the migration
provider; `subscription_id` is "" when the files do not state it, the id an inventory export states, else the
one id the scripts select; `selected_apart` lists each id, as "<id> (<path>:<line>)", where the scripts select
several and no export states one, and where one of them selects a subscription it does not state (a placeholder,
a variable never set), "one they do not state (<path>:<line>)", the first such, beside the ids of the others; `cloud` is the cloud to sign in to, `AzureChinaCloud` or `AzureUSGovernment`,
where the files work in one of them alone, "" otherwise, and `clouds_apart` lists each cloud, as
"<environment> (<path>:<line>)", where they work in several; `subscription_name` is the one name the scripts
select the subscription by, where no file states its id, and the commands select it by that name; "" otherwise),
and a step's `before` commands are what the platform requires done before
its Validate (a network connected to ExpressRoute).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from migcheck import clouds
from migcheck.model import FileKind, may_be_prepared
from migcheck.plan import (
    FILL_IN_FIRST,
    UNSTATED_ID,
    Commands,
    Note,
    OtherNote,
    Overview,
    Plan,
    Preamble,
    Step,
    SubscriptionPlan,
    held_words,
    listed_blockers,
    migration_words,
    overview,
    step_runs,
)
from migcheck.report.json_format import finding_dict
from migcheck.report.stream import json_text
from migcheck.report.text import NAMED_LEFT_OUT, either
from migcheck.report.unread import data as unread_data
from migcheck.report.unread import heading as parts_heading
from migcheck.report.unread import holders, listed_apart
from migcheck.report.unread import listed as listed_parts
from migcheck.visible import visible

if TYPE_CHECKING:
    from migcheck.model import Finding
    from migcheck.suppress import Reason

PLAN_FORMATS = ("text", "markdown", "html", "json")
VERSION = 1


def nothing_to_migrate(plan: Plan) -> str:
    """The closing line of a plan without steps: the files hold no classic resource to move, though some
    may still name blockers (a runbook checked on its own) or warnings (a role assignment export, a service
    on Cloud Services (extended support)). A runbook names what it migrates without describing it, and an
    export without properties what it lists: the line names those resources and what to add to plan them."""
    blockers = any(s.other_blockers for s in plan.subscriptions)
    notes = any(s.other_notes for s in plan.subscriptions)
    unread = any(s.unread for s in plan.subscriptions)
    listed = " and ".join(what for what, found in (("blockers", blockers), ("notes", notes)) if found)
    about = f", only what the {listed} above are about" if listed else ""
    if unread:  # what those files describe is not known: there may be something to move in them
        return (
            f"No step to plan: no file migcheck read describes a classic resource to move{about}; those it "
            "could not read may describe some: fix them and plan again."
        )
    parts = [p for s in plan.subscriptions for p in s.unread_parts]
    if parts:  # as for the files, of the parts it could not read
        return (
            f"No step to plan: nothing migcheck read describes a classic resource to move{about}; the parts of "
            f"{holders(parts)} it could not read may describe some: have them read and plan again."
        )
    until = f" Until then, this plan holds only what the {listed} above are about." if listed else ""
    unchecked = [name for s in plan.subscriptions for name in s.unchecked]
    stating_nothing = [name for s in plan.subscriptions for name in s.stating_nothing]
    if unchecked or stating_nothing:  # an export that lists what it does not describe (`az resource list`)
        return f"No step to plan: {_unchecked_words(unchecked, stating_nothing)}{until}"
    migrated = [name for s in plan.subscriptions for name in s.migrated]
    if migrated:  # a runbook checked on its own: what it migrates is named, not described
        return f"No step to plan: {_migrated_undescribed(migrated)}{until}"
    if listed:
        return f"No step to plan: the files checked describe no classic resource to move{about}."
    return "Nothing to migrate: no classic resource in the files checked."


def _unchecked_words(without: Sequence[str], stating_nothing: Sequence[str]) -> str:
    """What a plan without steps says of the classic resources its exports name and could not check: those
    listed without their properties (null, or no column), and those whose properties state nothing the rules
    read (`{}`), which do have properties, so the words for the first are untrue of them."""
    its, them = ("its", "it") if len(without) + len(stating_nothing) == 1 else ("their", "them")
    named = []
    if without:
        named.append(f"{_joined(without)} without {'its' if len(without) == 1 else 'their'} properties")
    if stating_nothing:
        named.append(f"{_joined(stating_nothing)} with properties that state nothing the rules read")
    again, whole = (" again", " whole") if stating_nothing else ("", "")
    return (
        f"the exports checked name {' and '.join(named)}, so nothing of {them} could be checked or planned: "
        f"export {them}{again} from Azure Resource Graph with {its}{whole} `properties` (`az graph query`, with "
        "`properties` among the columns it projects) and plan again."
    )


# How the plan names a storage account a script migrates (`plan._migrated_by_scripts`).
_ACCOUNT = "storage account '"


def _migrated_undescribed(names: Sequence[str]) -> str:
    """What a plan says of the resources its scripts migrate by name that no file describes."""
    them = "it" if len(names) == 1 else "them"
    return (
        f"the scripts checked migrate {_joined(names)}, but no file checked {_not_shown(names)}: add an "
        "inventory export of the subscription (`az graph query`, or Get-AzureVM and Get-AzureDisk through "
        f"`ConvertTo-Json -Depth 100`) to plan the steps that move {them}."
    )


def _not_shown(names: Sequence[str]) -> str:
    """What no file shows of `names`. Of a storage account, what it holds: a file may name it, by a blob
    of it a script registers and removes again, yet show no disk or image in it, which is what a plan
    needs of an account."""
    accounts = [name for name in names if name.startswith(_ACCOUNT)]
    others = [name for name in names if not name.startswith(_ACCOUNT)]
    if not accounts:
        return f"describes {'it' if len(others) == 1 else 'them'}"
    hold = "holds" if len(accounts) == 1 else "hold"
    if not others:
        return f"shows what {'it' if len(accounts) == 1 else 'they'} {hold}"
    return f"describes {_joined(others)}, or shows what {_joined(accounts)} {hold}"


def plain_notes(plan: Plan, subscription: SubscriptionPlan) -> list[str]:
    """The notes outside the steps that are no finding's: what the subscription's scripts migrate by name
    that no file checked describes (but in a plan without steps, whose closing line says it), and each
    configuration set apart for a network only it names (`SubscriptionPlan.configurations_apart`)."""
    said = [_capitalised(_migrated_undescribed(subscription.undescribed))] if subscription.undescribed else []
    if not any(s.steps for s in plan.subscriptions):
        said = []
    return [*said, *(apart.note for apart in subscription.configurations_apart)]


def _joined(names: Sequence[str]) -> str:
    """`a`, `a and b`, `a, b and c`; the first few, then how many more."""
    shown, more = names[:_NAMES_SHOWN], len(names) - _NAMES_SHOWN
    if more > 0:
        return f"{', '.join(shown)} and {more} more"
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"


_NAMES_SHOWN = 5  # resources a plan without steps names as migrated by its scripts


def render_plan(plan: Plan, fmt: str) -> str:
    if fmt == "json":
        return json_text(_data(plan), indent=2) + "\n"
    if fmt == "markdown":
        return _markdown(plan)
    if fmt == "html":
        from migcheck.report.plan_html import render_html  # it builds on this module's helpers

        return render_html(plan)
    return _text(plan)


# --- text --------------------------------------------------------------------------------------------


def _text(plan: Plan) -> str:
    lines = ["Migration plan"]
    warned = [*plan.retirements, *([partial_note(plan)] if plan.partial else [])]
    notices = ["", *(f"  ! {line}" for line in warned)] if warned else []
    several = sum(map(shown, plan.subscriptions)) > 1
    first = notices_follow(plan)
    lines += notices if first is None else []
    for subscription in plan.subscriptions:
        if not shown(subscription):
            continue
        # One subscription needs no heading: its step 0 says which it is.
        lines += ["", f"{_capitalised(heading_words(subscription))}:"] if several else []
        said = overview_words(subscription)
        lines += ["", f"{OVERVIEW}: {said[0]}", *(f"   {line}" for line in said[1:])] if said else []
        lines += notices if subscription is first else []
        lines += _text_preamble(subscription.preamble)
        lines += _text_notes(FIRST_NOTES, first_notes(subscription), subscription)
        after = steps_after(subscription)
        for number, step in enumerate(subscription.steps, 1):
            lines += _text_step(number, step, plan, subscription, after[number - 1])
        if subscription.other_blockers:
            lines += ["", OTHER_BLOCKERS + ":"]
            lines += _text_blockers(subscription.other_blockers, subscription)
        if subscription.unread:
            lines += ["", unread_heading(subscription) + ":"]
            lines += _text_blockers(subscription.unread, subscription, "unread")
        if subscription.unread_parts:
            lines += ["", unread_parts_heading(subscription) + ":"]
            lines += [f"   {where}" for parts in subscription.unread_parts for where in listed_parts(parts)]
        lines += _text_notes(
            OTHER_NOTES, last_notes(subscription), subscription, plain_notes(plan, subscription)
        )
    if not any(s.steps for s in plan.subscriptions):
        lines += ["", nothing_to_migrate(plan)]
    # Each value from a file is shown through `visible` where it is put in; every line is passed through it
    # again, so that one put in raw (a name quoted inside the downtime's advice) cannot reach a terminal.
    return "\n".join(map(visible, lines)) + "\n"


# The heading of what to run once per subscription, before its first step.
BEFORE_FIRST_STEP = "Before the first step (once in this subscription)"


def preamble_words(preamble: Preamble) -> str:
    """What the preamble is for, and which subscription it selects."""
    if preamble.subscription_id:
        which = f"subscription {preamble.subscription_id}"
    elif preamble.subscription_name:
        which = f"subscription '{preamble.subscription_name}' ({_named_by(preamble.subscription_named_in)}; no file states its id)"
    elif preamble.selected_apart:
        ids = ", ".join(preamble.selected_apart)
        unstated = any(s.startswith(f"{UNSTATED_ID} (") for s in preamble.selected_apart)
        which = (
            f"this subscription (the scripts select different {'subscriptions' if unstated else 'ids'}: {ids}; "
            "fill in the one to migrate)"
        )
    else:
        which = "this subscription (the files do not state its id: fill it in)"
    return (
        f"{_sign_in_words(preamble)}Select {which} and register the migration resource provider Microsoft.ClassicInfrastructureMigrate "
        "in it; wait until it is Registered before the first Validate. Before the first Prepare, check that "
        "the Resource Manager quotas of each region (cores, network interfaces, public IPs, load balancers, "
        "network security groups, route tables) have room for what moves: Validate does not check them, and "
        "a quota error at Prepare means Abort, raise the quota and start again. Validate reads the classic "
        "side only, so other problems too show first at Prepare (a step marks those it knows of as found "
        "only at Prepare): a Validate, Prepare and Abort of a step is the dry run that finds them before the "
        "migration is run for real."
        f"{_sovereign_dates(preamble)}"
    )


def _preamble_data(preamble: Preamble) -> dict[str, object]:
    """The JSON plan's `before`: the preamble, but for the files that name the subscription, which only the
    text's words use."""
    data = asdict(preamble)
    del data["subscription_named_in"]
    return data


def _named_by(files: tuple[str, ...]) -> str:
    """What selects the subscription by its name: the scripts, or the Visual Studio publish profiles
    (`<AzureCredentials>`) that name it, which select nothing themselves."""
    profiles = [f for f in files if f.casefold().endswith(f".{FileKind.PUBLISH_PROFILE.value}")]
    if not profiles:
        return "the scripts select it by this name"
    if len(profiles) == 1:
        named = f"the publish profile {profiles[0]} names it"
    else:
        named = f"the publish profiles {', '.join(profiles)} name it"
    return named if len(profiles) == len(files) else f"the scripts select it by this name, and {named}"


def _sign_in_words(preamble: Preamble) -> str:
    """Which cloud to sign in to first, where the files work in one other than Azure's global cloud, or in
    several."""
    if preamble.clouds_apart:
        said = ", ".join(preamble.clouds_apart)
        return (
            f"Sign in to the cloud this subscription is in (the files work in several: {said}; choose one). "
        )
    if preamble.cloud:
        return f"Sign in to {clouds.TITLES[preamble.cloud]} ({preamble.cloud}), where the files work. "
    return ""


def _sovereign_dates(preamble: Preamble) -> str:
    """What the retirement dates the plan gives are, in a subscription of a sovereign cloud."""
    if not preamble.cloud:
        return ""
    title = clouds.TITLES[preamble.cloud]
    return (
        f" The retirement dates this plan gives are those of Azure's global cloud: check {title}'s own "
        "notices for its dates."
    )


def _text_preamble(preamble: Preamble | None) -> list[str]:
    if preamble is None:
        return []
    lines = ["", f"0. {BEFORE_FIRST_STEP}", f"   {preamble_words(preamble)}", "   PowerShell:"]
    lines += [f"     {visible(c)}" for c in preamble.powershell]
    lines.append("   Azure CLI:")
    lines += [f"     {visible(c)}" for c in preamble.cli]
    return lines


# The heading of the errors that concern no step.
OTHER_BLOCKERS = "Blockers outside the steps (they fail the migration all the same)"


# The heading of the files migcheck could not read: the platform refuses nothing for them, but the plan
# misses what they describe.
def unread_heading(subscription: SubscriptionPlan) -> str:
    """The heading of the files migcheck could not read: what they describe is in none of the steps, or,
    in a plan without steps, may be what is to move."""
    if subscription.steps:
        said = "what they describe is in no step above"
    else:
        said = "no step can be planned for what they describe until they are read"
    return f"Files migcheck could not read ({said}: fix each as its fix says, then plan again)"


def unread_parts_heading(subscription: SubscriptionPlan) -> str:
    """The heading of the parts of scripts and templates the parser could not read (see
    `migcheck.report.unread`), named for the files that hold them."""
    return parts_heading(bool(subscription.steps), subscription.unread_parts)


# The headings of the warnings that concern no step: those whose advice is for before migrating, said
# before the first step, and the others, after the steps.
FIRST_NOTES = "Notes outside the steps, to act on before the first step (warnings: they block nothing)"
OTHER_NOTES = "Notes outside the steps (warnings: they block nothing, but need doing as each says)"


def heading_words(subscription: SubscriptionPlan) -> str:
    """How a heading names a subscription: `subscription '<id>'` (`heading_name`), or `the subscription of
    the files under shop/prod` for one named after its folder (`subscriptions.subscription_words`)."""
    from migcheck.subscriptions import subscription_words

    return subscription_words(heading_name(subscription), subscription.folder)


def _capitalised(words: str) -> str:
    return words[:1].upper() + words[1:]


def heading_name(subscription: SubscriptionPlan) -> str:
    """What a subscription's heading calls it: the name of its group of files, but for the one group of
    files no setting names ('default'), the id the files state, which its step 0 selects. (The JSON plan
    keeps the group's name, which tools key on.)"""
    from migcheck.subscriptions import DEFAULT_SUBSCRIPTION

    stated = subscription.preamble.subscription_id if subscription.preamble is not None else ""
    return (
        stated if subscription.subscription == DEFAULT_SUBSCRIPTION and stated else subscription.subscription
    )


def notices_follow(plan: Plan) -> SubscriptionPlan | None:
    """The subscription whose overview the retirement notices (and that the plan is partial) follow, in
    every format: the first shown, so that what the plan comes to and where to start is read first. None
    where no subscription is shown: there is no overview to put first, and they follow the plan's title."""
    return next(filter(shown, plan.subscriptions), None)


def shown(subscription: SubscriptionPlan) -> bool:
    """Whether a subscription has anything to show: steps, errors or warnings about none of them, or files
    it could not read."""
    return bool(
        subscription.steps
        or subscription.other_blockers
        or subscription.other_notes
        or subscription.unread
        or subscription.unread_parts
        or subscription.undescribed
        or subscription.configurations_apart
    )


def first_notes(subscription: SubscriptionPlan) -> list[OtherNote]:
    """The notes outside the steps to act on before the first step."""
    return [note for note in subscription.other_notes if note.before_steps]


def last_notes(subscription: SubscriptionPlan) -> list[OtherNote]:
    """The notes outside the steps to act on as they say, after the steps."""
    return [note for note in subscription.other_notes if not note.before_steps]


def note_words(note: OtherNote, text: Callable[[str], str], path: Callable[[str], str]) -> str:
    """A note outside the steps after its position and code, as a step's note says it: the message, what
    is folded into it (` (and 5 more like it, in b.ps1, c.ps1, d.ps1 and 2 more files)`: the files of the
    others, the first's position naming its own), then the advice.
    The message and advice go through `text`, the files through `path`."""
    folded = ""
    if note.more:
        files = ", ".join(path(name) for name in note.files)
        if note.more_files:
            files += f" and {note.more_files} more file{'s' if note.more_files != 1 else ''}"
        folded = f" (and {note.more} more like it{f', in {files}' if files else ''})"
    return f"{text(note.message)}{folded}.{f' {text(note.fix)}' if note.fix else ''}"


def partial_note(plan: Plan) -> str:
    """The warning a plan that not every rule graded starts with."""
    if not plan.rules_run:
        return (
            f"No rule ran (--select, --ignore or the config left out all {plan.rules_total}): nothing was "
            "checked, and no step can be called ready."
        )
    out = plan.rules_left_out
    which = either(out) if out and len(out) <= NAMED_LEFT_OUT else "the others"
    return (
        f"This plan was {plan.graded_by} (--select, --ignore or the config left out {which}): a step "
        "without blockers is ready only as far as those rules tell."
    )


def ready_words(plan: Plan) -> str:
    """`ready`, or `ready (checked by 1 of 43 rules)` when not every rule graded the plan."""
    return f"ready ({plan.graded_by})" if plan.partial else "ready"


def held_mark(subscription: SubscriptionPlan, finding: Finding) -> str:
    """What follows `blocker` or `note` before its position: ` (found only at Prepare)` for a problem
    Validate does not check (running Validate from the plan passes on it), and for a finding `check` holds
    back, ` (suppressed: <the comment's reason>)`, ` (in the baseline)`; "" otherwise."""
    words = [held_words(subscription.held_back(finding))]
    if finding.code in subscription.prepare_only:
        words.insert(0, "found only at Prepare")
    said = "; ".join(w for w in words if w)
    return f" ({said})" if said else ""


@dataclass(frozen=True, slots=True)
class After:
    """One of the items a step comes after, as a reader finds it: a step by its number, or three or more
    consecutive ones as a range (`step 1`, `steps 3-402`: `step_runs`), with the id of its first step, for
    a link to it; an id of no step here as it is, as both."""

    words: str
    first: str


def steps_after(subscription: SubscriptionPlan) -> list[tuple[After, ...]]:
    """What each step of the subscription comes after (`After`), by the steps' numbers, in the order of the
    steps (`after step 1, steps 3-402`), whatever order the dependencies were found in; an id of no step
    here last. The ids stay in the JSON plan, for tools. Each step's number is found once per subscription
    (for each step, it cost steps times steps), and the words of an `after` tuple once per tuple: steps
    that share one (every storage account no disk is in comes after every step that moves VMs) share its
    words, which each finding for itself cost accounts times steps of VMs."""
    steps = subscription.steps
    numbers = {s.id: n for n, s in enumerate(steps, 1)}
    said: dict[int, tuple[After, ...]] = {}
    for step in steps:
        key = id(step.after)
        if key not in said:
            runs = step_runs(numbers[a] for a in step.after if a in numbers)
            said[key] = (
                *(After(str(run), steps[run.first - 1].id) for run in runs),
                *(After(a, a) for a in step.after if a not in numbers),
            )
    return [said[id(step.after)] for step in steps]


def after_words(after: Sequence[After]) -> str:
    """`step 1, steps 3-402`: what a step comes after, in words."""
    return ", ".join(item.words for item in after)


# --- the overview before the first step ---------------------------------------------------------------

OVERVIEW = "Overview"
_STARTS_SHOWN = 3  # the steps the overview names to start with; the others it counts


def overview_words(subscription: SubscriptionPlan) -> tuple[str, ...]:
    """What a subscription's plan comes to, before its first step (`plan.Overview`): how many steps are
    ready and why the others are not, then where to start. Nothing for a subscription without steps."""
    steps = subscription.steps
    if not steps:
        return ()
    seen = subscription_overview(subscription)
    start = _start_words(seen, steps)
    also = _apart_words(seen.outside_blockers - seen.outside_holding_steps)
    return (_counts_words(seen), *([start] if start else []), *([also] if also else []))


def subscription_overview(subscription: SubscriptionPlan) -> Overview:
    """The overview of a subscription's steps and of its blockers outside them (`plan.overview`)."""
    others = subscription.other_blockers
    holding = sum(1 for finding in others if finding.code not in subscription.in_scripts)
    return overview(subscription.steps, len(others), holding)


def _counts_words(seen: Overview) -> str:
    """`10 steps: 1 ready, 6 with blockers, 2 only waiting on steps before them.`, then the blockers
    outside the steps, which fail the migration however ready the steps are."""
    of = f"{seen.steps} step{'s' if seen.steps != 1 else ''}"
    outside = _outside_words(seen.outside_holding_steps)
    if seen.ready == seen.steps:
        return f"{of}: {'all ready' if seen.steps > 1 else 'ready'}{outside}."
    others = [
        (seen.with_blockers, "with blockers"),
        (seen.name_unstated, "with a name or key to fill in"),
        (seen.not_decided, "not decided"),
        (seen.waiting, "only waiting on steps before them"),
        (seen.not_migrated, "not migrated by this process (web/worker roles)"),
    ]
    said = [f"{seen.ready} ready" if seen.ready else "none ready"]
    said += [f"{count} {words}" for count, words in others if count]
    return f"{of}: {', '.join(said)}{outside}."


def _outside_words(count: int) -> str:
    """`; 1 blocker outside the steps (listed after them): fix it first`, or nothing without any."""
    if not count:
        return ""
    blockers, them = ("blocker", "it") if count == 1 else ("blockers", "them")
    return f"; {count} {blockers} outside the steps (listed after them): fix {them} first"


def _apart_words(count: int) -> str:
    """The blockers outside the steps that hold up none (a runbook's order): said apart from where to
    start, as the steps go ahead without them; nothing without any."""
    if not count:
        return ""
    blockers, them = ("blocker", "it") if count == 1 else ("blockers", "them")
    return (
        f"Also: {count} {blockers} outside the steps (listed after them) in what a script does: "
        f"{'it holds' if count == 1 else 'they hold'} up no step; fix {them} before the script runs."
    )


def _start_words(seen: Overview, steps: Sequence[Step]) -> str:
    """Which steps to start with: the ready ones of the earliest wave, and the steps not ready that the
    most others wait on (or, with nothing ready and nothing waiting on them, those of the earliest wave),
    each with why it is not ready."""
    said = []
    if seen.start_with:
        wave = steps[seen.start_with[0] - 1].wave
        start = "Start"
        if seen.outside_holding_steps:  # listed after the steps, they come first: the counts say so
            start = f"Once {'it is' if seen.outside_holding_steps == 1 else 'they are'} fixed, start"
        said.append(f"{start} with {_numbered(seen.start_with, steps, ready=True)}: ready, in wave {wave}.")
    if seen.fix_first:
        first = _numbered(seen.fix_first, steps)
        one = len(seen.fix_first) == 1
        waits = ""
        if seen.waited_by:
            them = f"{seen.waited_by} step{'s' if seen.waited_by != 1 else ''}"
            waits = f": {them} wait{'s' if seen.waited_by == 1 else ''} on {'it' if one else 'each'}"
        if seen.start_with:
            # "first" before the steps: a step's own words may end with it (`fill in the ... name first`).
            said.append(f"Of the steps not ready, first fix {first}{waits}.")
        else:
            said.append(f"Nothing is ready: start with {first}{waits}.")
    return " ".join(said)


def _numbered(numbers: Sequence[int], steps: Sequence[Step], ready: bool = False) -> str:
    """`step 3 (prod-vnet)`, `steps 2 (prod-vnet, 13 blockers) and 5 (...)`, the first few then how many
    more; each with its name, and, if it is not ready, why."""

    def one(n: int) -> str:
        step = steps[n - 1]
        return f"{n} ({step.name})" if ready else f"{n} ({step.name}, {not_ready_words(step)})"

    shown, more = [one(n) for n in numbers[:_STARTS_SHOWN]], len(numbers) - _STARTS_SHOWN
    if more > 0:
        return f"steps {', '.join(shown)} and {more} more"
    return f"step {shown[0]}" if len(shown) == 1 else f"steps {', '.join(shown[:-1])} and {shown[-1]}"


# What a step of what this process never migrates (web/worker roles) says instead of its wave.
NO_WAVE = "no wave: not migrated"


def wave_words(step: Step) -> str:
    """`wave 2`; `no wave: not migrated` for a step whose resources this process does not migrate."""
    return f"wave {step.wave}" if step.migrated else NO_WAVE


def _with_migration(step: Step, verdict: str) -> str:
    """The verdict of a step the files say is being migrated (`migration_words`), with its blockers if it
    has any; `verdict` for any other."""
    words = migration_words(step)
    if not words:
        return verdict
    return words if step.ready else f"{words}; {verdict}"


def _text_step(
    number: int, step: Step, plan: Plan, subscription: SubscriptionPlan, after_steps: Sequence[After]
) -> list[str]:
    blocked = f"NOT READY ({not_ready_words(step)})"
    verdict = _with_migration(step, ready_words(plan) if step.ready else blocked)
    after = f"; after {after_words(after_steps)}" if step.after else ""
    lines = ["", f"{number}. {step.kind}: {visible(step.name)} [{wave_words(step)}{after}] — {verdict}"]
    first, notes = notes_in_order(step)
    lines += [_text_step_note(n, subscription) for n in first]
    lines += [f"   moves: {visible(m)}" for m in step.moves]
    lines += [f"   becomes: {visible(b)}" for b in step.becomes]
    lines.append(f"   downtime: {visible(step.downtime)}")
    lines += [_text_step_note(n, subscription) for n in notes]
    lines += _text_blockers(step.blockers, subscription)
    for label, commands in (("PowerShell", step.powershell), ("Azure CLI (classic mode)", step.cli)):
        if commands is not None:
            lines.append(f"   {label}:")
            lines += [f"     {visible(c)}" for c in _sequence(commands)]
    return lines


def notes_in_order(step: Step) -> tuple[list[str], list[str]]:
    """A step's notes in two parts: the one that says what its stand-in name stands for, which goes right
    under its heading, before what it moves, becomes and runs repeats that name; then the others."""
    first = [n for n in step.notes if not isinstance(n, Note) and n.startswith(FILL_IN_FIRST)]
    return first, [n for n in step.notes if n not in first]


def _text_step_note(note: str, subscription: SubscriptionPlan) -> str:
    """A step's note; one said of warnings starts with the first one's position, as a blocker does."""
    if not isinstance(note, Note):
        return f"   note: {visible(note)}"
    return f"   note{held_mark(subscription, note.finding)}: {_where(note.finding)} {visible(note.said)}"


def _text_blockers(
    blockers: Sequence[Finding], subscription: SubscriptionPlan, label: str = "blocker"
) -> list[str]:
    lines = []
    for findings, fix in fix_groups(blockers):
        lines += [
            f"   {label}{held_mark(subscription, f)}: {_where(f)} {f.code} {visible(f.message)}"
            for f in findings
        ]
        if fix:
            lines.append(f"     fix: {visible(fix)}{_shared(findings)}")
    return lines


def _text_notes(
    heading: str, notes: Sequence[OtherNote], subscription: SubscriptionPlan, plain: Sequence[str] = ()
) -> list[str]:
    if not notes and not plain:
        return []
    lines = ["", f"{heading}:"]
    lines += [f"   note: {visible(note)}" for note in plain]
    for note in notes:
        held = held_mark(subscription, note.finding)
        said = note_words(note, visible, visible)
        lines.append(f"   note{held}: {_where(note.finding)} {note.finding.code} {said}")
    return lines


def fix_groups(blockers: Sequence[Finding]) -> list[tuple[list[Finding], str]]:
    """The blockers listed (`listed_blockers`) in groups that share a rule and a fix, in the order each
    group is first met, so that a fix given for each of many findings (MIG101 for every role) is said once,
    after them."""
    groups: dict[tuple[str, str], list[Finding]] = {}
    for finding in listed_blockers(blockers):
        groups.setdefault((finding.code, finding.fix), []).append(finding)
    return [(findings, fix) for (_, fix), findings in groups.items()]


def _shared(findings: Sequence[Finding]) -> str:
    """What a fix given once for several blockers says of them."""
    return f" (for the {len(findings)} {findings[0].code} blockers above)" if len(findings) > 1 else ""


def _where(finding: Finding) -> str:
    loc = finding.location
    return f"{visible(loc.path)}:{loc.line}:{loc.column}:" if loc else f"{visible(finding.mark.path)}:"


def _sequence(commands: Commands) -> list[str]:
    """What must be done first (if anything), Validate, Prepare, check, Commit — and Abort, to run instead of
    Commit if the check fails."""
    out = [*commands.before, *commands.validate, *commands.prepare, *commands.check, *commands.commit]
    if commands.abort:
        out += ["# instead of Commit, to roll back:", *commands.abort]
    return out


# Why a step without blockers is not ready (`Step.partly_described`, `Step.network_undefined`,
# `Step.subnets_unstated`, `Step.network_unknown`, `Step.unseen_export`, `Step.name_unstated`).
NOT_DECIDED = "not decided: the files may not hold every VM"
NETWORK_NOT_DECIDED = "not decided: the network's definition is not in the files"
SUBNETS_NOT_DECIDED = "not decided: the files do not state the network's subnets"
UNSEEN_EXPORT_NOT_DECIDED = "not decided: the file a VM is created from is not in the files"
NETWORK_UNKNOWN_NOT_DECIDED = "not decided: the files do not say which virtual network it is in"


def name_unstated_words(step: Step) -> str:
    """`fill in the reserved IP's name first`, `fill in the circuit's service key first`, for a step whose
    commands hold a stand-in for what names what it moves."""
    return f"fill in the {step.name_unstated} first"


def not_ready_words(step: Step) -> str:
    """`2 blockers`, and or else `not decided: …`: why a step is not ready."""
    said = [f"{len(step.blockers)} blocker{_s(step.blockers)}"] if step.blockers else []
    # A network the files do not name is not defined either: the reason that says which network is unknown.
    undecided = [NETWORK_UNKNOWN_NOT_DECIDED] if step.network_unknown else []
    undecided += [NETWORK_NOT_DECIDED] if step.network_undefined and not step.network_unknown else []
    undecided += [SUBNETS_NOT_DECIDED] if step.subnets_unstated else []
    undecided += [NOT_DECIDED] if step.partly_described else []
    undecided += [UNSEEN_EXPORT_NOT_DECIDED] if step.unseen_export else []
    said += [_one_not_decided(undecided)] if undecided else []
    said += [name_unstated_words(step)] if step.name_unstated else []
    said += [f"waits on {_waited_steps(step)}"] if step.waits_on else []
    return "; ".join(said)


def _one_not_decided(reasons: Sequence[str]) -> str:
    """`not decided: the files do not say which virtual network it is in, and may not hold every VM`: the
    reasons a step is not decided, said after one `not decided:`."""
    prefix = "not decided: "
    said = [reason.removeprefix(prefix).removeprefix("the files ") for reason in reasons[1:]]
    return ", and ".join([reasons[0], *said])


def _waited_steps(step: Step) -> str:
    """`step 2`, `steps 2 and 5`, `steps 2, 3 and 5`; past three, counted against the steps it comes after,
    which its `after` lists beside the verdict (a storage account after every step of VMs), so that the
    verdict stays one short phrase and agrees with that list: `4 of the 5 steps it comes after` (the others
    are ready), `all 24 steps it comes after`."""
    numbers = step.waits_on
    if len(numbers) == 1:
        return f"step {numbers[0]}"
    if len(numbers) <= 3:
        return f"steps {', '.join(map(str, numbers[:-1]))} and {numbers[-1]}"
    if len(numbers) >= len(step.after):
        return f"all {len(numbers)} steps it comes after"
    return f"{len(numbers)} of the {len(step.after)} steps it comes after"


def _s(items: tuple[object, ...]) -> str:
    return "" if len(items) == 1 else "s"


# --- markdown ----------------------------------------------------------------------------------------


def _markdown(plan: Plan) -> str:
    lines = ["# Migration plan"]
    notices = _markdown_notices(plan)
    first = notices_follow(plan)
    lines += ["", *notices] if first is None else []
    for subscription in plan.subscriptions:
        if not shown(subscription):
            continue
        steps = subscription.steps
        lines += ["", f"## {_md_heading(subscription)}", ""]
        said = overview_words(subscription)
        lines += [f"**{OVERVIEW}:** {' '.join(map(_md, said))}", ""] if said else []
        lines += [*notices, *([""] if notices else [])] if subscription is first else []
        lines += [*_mermaid(steps), ""] if steps else []
        lines += _markdown_preamble(subscription.preamble)
        lines += _markdown_notes(FIRST_NOTES, first_notes(subscription), subscription)
        after = steps_after(subscription)
        for number, step in enumerate(steps, 1):
            lines += _markdown_step(number, step, plan, subscription, after[number - 1])
        if subscription.other_blockers:
            others = _markdown_blockers(subscription.other_blockers, subscription)
            lines += ["", f"### {OTHER_BLOCKERS}", "", *others]
        if subscription.unread:
            unread = _markdown_blockers(subscription.unread, subscription, "Unread")
            lines += ["", f"### {unread_heading(subscription)}", "", *unread]
        if subscription.unread_parts:
            lines += ["", f"### {unread_parts_heading(subscription)}", ""]
            lines += [
                f"- {_md_code(where)}" + (f": {_md_prose(cause)}" if cause else "")
                for parts in subscription.unread_parts
                for where, cause in listed_apart(parts)
            ]
        plain = plain_notes(plan, subscription)
        lines += _markdown_notes(OTHER_NOTES, last_notes(subscription), subscription, plain)
    if not any(s.steps for s in plan.subscriptions):
        lines += ["", nothing_to_migrate(plan)]
    return "\n".join(lines) + "\n"


def _markdown_notices(plan: Plan) -> list[str]:
    """The retirement notices (and that the plan is partial) as one quoted block."""
    # A blank quoted line between notices: consecutive `>` lines are one paragraph on GitHub.
    lines: list[str] = []
    for n, notice in enumerate(plan.retirements):
        lines += [*([">"] if n else []), f"> {notice}"]
    if plan.partial:
        lines += [*([">"] if plan.retirements else []), f"> **{partial_note(plan)}**"]
    return lines


def _mermaid(steps: Sequence[Step]) -> list[str]:
    """The order as a Mermaid flowchart: one node per step, an arrow from each step to those after it,
    coloured as the HTML plan's picture colours them: ready, not ready, amber and dashed for a step that only
    waits on steps before it (nothing of its own keeps it back), blue for a step the files say is prepared
    already (Commit or Abort next), and grey for what this process does not migrate (web/worker roles); the
    label of an unmigrated or prepared step says so."""
    ids = {step.id: f"s{n}" for n, step in enumerate(steps, 1)}
    lines = ["```mermaid", "flowchart LR"]
    for step in steps:
        label = f"{step.kind.name.replace('_', ' ').lower()}: {step.name}"
        label += "" if step.migrated else " (not migrated)"
        label += f" ({_started(step)})" if step.migration_state else ""
        lines.append(f'  {ids[step.id]}["{_mermaid_text(label)}"]:::{_mermaid_class(step)}')
    lines += _mermaid_arrows(steps, ids)
    lines += [
        "  classDef ready fill:#d4edda,stroke:#28a745",
        "  classDef blocked fill:#f8d7da,stroke:#dc3545",
        *(
            ["  classDef waiting fill:#fff3cd,stroke:#bf8700,stroke-dasharray:5 3"]
            if any(map(_waits, steps))
            else []
        ),
        *(["  classDef prepared fill:#cfe2ff,stroke:#0d6efd"] if any(s.prepared for s in steps) else []),
        *(
            ["  classDef unmigrated fill:#e2e3e5,stroke:#6c757d"]
            if not all(s.migrated for s in steps)
            else []
        ),
    ]
    return [*lines, "```"]


def _mermaid_arrows(steps: Sequence[Step], ids: Mapping[str, str]) -> list[str]:
    """An arrow from each step to each step after it. Steps that share one `after` tuple of several steps
    (by identity: every storage account no disk is in comes after every step that moves VMs) are said
    together, where the first of them is, in one line of Mermaid's `&` (`s1 & s2 --> s5 & s6`, an arrow
    from each on the left to each on the right): a line for each pair made accounts times steps of VMs."""
    sharers: dict[int, list[str]] = defaultdict(list)  # by the id of an `after` tuple: its steps' nodes
    for step in steps:
        sharers[id(step.after)].append(ids[step.id])
    befores: dict[int, list[str]] = {}  # by the id of an `after` tuple: the nodes of the steps it names
    lines = []
    for step in steps:
        key = id(step.after)
        if key not in befores:
            befores[key] = [ids[b] for b in step.after if b in ids]
        before, together = befores[key], sharers[key]
        if len(together) > 1 and len(before) > 1:
            if together[0] == ids[step.id]:
                lines.append(f"  {' & '.join(before)} --> {' & '.join(together)}")
            continue
        lines += [f"  {b} --> {ids[step.id]}" for b in before]
    return lines


def _mermaid_class(step: Step) -> str:
    if not step.migrated:
        return "unmigrated"
    if _waits(step):
        return "waiting"
    if not step.ready:
        return "blocked"
    return "prepared" if step.prepared else "ready"


def _waits(step: Step) -> bool:
    """A step kept back only by steps before it, with nothing of its own in the way (`Step.only_waits`)."""
    return step.migrated and step.only_waits


def _started(step: Step) -> str:
    """How a node's label says the files give its migration a state."""
    if may_be_prepared(step.migration_state):
        return "may be prepared: deployment locked"
    return "prepared already" if step.prepared else f"MigrationState {step.migration_state}"


# Characters a Mermaid label shows as they are. Anything else is written as Mermaid's numeric entity code
# (`#60;`): a quote or bracket would end the label, `<b>` would be read as markup and `<script>` dropped by
# the sanitiser, `#quot;` in a name would be read as an entity, and a tab or a backslash can end the line.
_MERMAID_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-.,:/'()")


def _mermaid_text(text: str) -> str:
    return "".join(c if c in _MERMAID_PLAIN else f"#{ord(c)};" for c in visible(text))


def _markdown_step(
    number: int, step: Step, plan: Plan, subscription: SubscriptionPlan, after_steps: Sequence[After]
) -> list[str]:
    blocked = f"⛔ not ready ({not_ready_words(step)})"
    verdict = f"✅ {ready_words(plan)}" if step.ready else blocked
    verdict = f"⏸ {_with_migration(step, blocked)}" if migration_words(step) else verdict
    lines = ["", f"### {number}. {step.kind}: {_md_code(step.name)} — {verdict}", ""]
    after = after_words(after_steps) or "nothing"
    lines.append(f"- **Wave** {step.wave}; after {after}" if step.migrated else f"- **Wave** {NO_WAVE}")
    first, notes = notes_in_order(step)
    lines += [_markdown_step_note(n, subscription) for n in first]
    lines += [f"- **Moves:** {_md(m)}" for m in step.moves]
    lines += [f"- **Becomes:** {_md(b)}" for b in step.becomes]
    lines.append(f"- **Downtime:** {_md(step.downtime)}")
    lines += [_markdown_step_note(n, subscription) for n in notes]
    lines += _markdown_blockers(step.blockers, subscription)
    for label, commands, language in (
        ("PowerShell", step.powershell, "powershell"),
        ("Azure CLI (classic mode)", step.cli, "sh"),
    ):
        if commands is not None:
            code = [visible(c) for c in _sequence(commands)]
            fence = "`" * max(3, _longest_backtick_run("".join(code)) + 1)
            lines += ["", f"{label}:", "", f"{fence}{language}", *code, fence]
    return lines


def _markdown_preamble(preamble: Preamble | None) -> list[str]:
    if preamble is None:
        return []
    lines = ["", f"### 0. {BEFORE_FIRST_STEP}", "", _md_prose(preamble_words(preamble))]
    for label, commands, language in (
        ("PowerShell", preamble.powershell, "powershell"),
        ("Azure CLI", preamble.cli, "sh"),
    ):
        code = [visible(c) for c in commands]
        fence = "`" * max(3, _longest_backtick_run("".join(code)) + 1)
        lines += ["", f"{label}:", "", f"{fence}{language}", *code, fence]
    return lines


def _markdown_step_note(note: str, subscription: SubscriptionPlan) -> str:
    if not isinstance(note, Note):
        return f"- **Note:** {_md_prose(note)}"
    held = _md(held_mark(subscription, note.finding))
    return f"- **Note**{held} {_md_code(_where(note.finding))} {_md_prose(note.said, note.finding)}"


def _markdown_blockers(
    blockers: Sequence[Finding], subscription: SubscriptionPlan, label: str = "Blocker"
) -> list[str]:
    lines = []
    for findings, fix in fix_groups(blockers):
        lines += [
            f"- **{label}**{_md(held_mark(subscription, f))} {_md_code(_where(f))} {f.code}: {_md_prose(f.message, f)}"
            for f in findings
        ]
        if fix:
            lines.append(f"  - **Fix:** {_md_prose(fix, findings[0])}{_shared(findings)}")
    return lines


def _markdown_notes(
    heading: str, notes: Sequence[OtherNote], subscription: SubscriptionPlan, plain: Sequence[str] = ()
) -> list[str]:
    if not notes and not plain:
        return []
    lines = ["", f"### {heading}", ""]
    lines += [f"- **Note** {_md_prose(note)}" for note in plain]
    for note in notes:
        held = _md(held_mark(subscription, note.finding))
        said = note_words(note, functools.partial(_md_prose, finding=note.finding), _md_code)
        lines.append(f"- **Note**{held} {_md_code(_where(note.finding))} {note.finding.code}: {said}")
    return lines


def _longest_backtick_run(text: str) -> int:
    return max((len(run) for run in re.findall("`+", text)), default=0)


# What can start Markdown or HTML in running text. Lines here begin with our own prefix, so markers that
# only count at the start of a line (`#`, `-`, `1.`) need no escape.
_MD_SPECIAL = frozenset("\\`*_[]<>&|~")


def _md(text: str) -> str:
    """Text from the files as running Markdown text: no control characters, and every character that could
    start emphasis, a link, raw HTML, an entity or a table cell backslash-escaped, so it shows as written."""
    return _md_escaped(visible(text))


def _md_escaped(text: str) -> str:
    return "".join(f"\\{c}" if c in _MD_SPECIAL else c for c in text)


# What may stand before a code span of a message's words (the start, a blank, an opening bracket) and after
# it (the end, a blank, a closing bracket or punctuation). Not a quote: a name a message quotes ('a`b`') is
# shown as written, backticks and all.
_SPAN_BEFORE = frozenset(" ([")
_SPAN_AFTER = frozenset(" )],.;:")


def _md_prose(text: str, finding: Finding | None = None) -> str:
    """A message, note or advice as running Markdown: each code span of its words (`Add-AzMetricAlertRuleV2`:
    a backtick where a word starts, the next where one ends, neither beside another) shown as a code span,
    in which nothing is read as Markdown or HTML (`_md_code`); the rest as `_md` writes it, a backtick that
    opens no such span escaped. The name of the resource of `finding`, from the files, is written as `_md`
    writes it wherever the text holds it: a backtick of its own opens or closes no span."""
    text = visible(text)
    name = visible(finding.resource_name) if finding is not None else ""
    if "`" in name:
        return _md_escaped(name).join(_md_spans(part) for part in text.split(name))
    return _md_spans(text)


def _md_spans(text: str) -> str:
    """`_md_prose` of visible text. Each backtick is looked at once or twice: linear in the text."""
    out, at = [], 0
    while (start := text.find("`", at)) >= 0:
        end = _span_end(text, start)
        if end < 0:
            out.append(_md_escaped(text[at : start + 1]))
            at = start + 1
            continue
        out += [_md_escaped(text[at:start]), _md_code(text[start + 1 : end])]
        at = end + 1
    out.append(_md_escaped(text[at:]))
    return "".join(out)


def _span_end(text: str, start: int) -> int:
    """Where the code span the backtick at `start` opens ends (its closing backtick), or -1 when it opens
    none (see `_md_prose`)."""
    if start and text[start - 1] not in _SPAN_BEFORE:
        return -1
    end = text.find("`", start + 1)
    if end <= start + 1 or text[end + 1 : end + 2] == "`":
        return -1  # none, empty, or a run of backticks
    return end if end + 1 == len(text) or text[end + 1] in _SPAN_AFTER else -1


def _md_heading(subscription: SubscriptionPlan) -> str:
    """`Subscription `prod``, or `The subscription of the files under `shop/prod`` (`heading_words`)."""
    if subscription.folder:
        return f"The subscription of the files under {_md_code(subscription.folder)}"
    return f"Subscription {_md_code(heading_name(subscription))}"


def _md_code(text: str) -> str:
    """Text from the files as a code span, which shows `<`, `&` and `*` as they are: fenced by one backtick
    more than the longest run inside it, and padded when it starts or ends with one (CommonMark 6.1)."""
    text = visible(text)
    fence = "`" * (_longest_backtick_run(text) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


# --- json --------------------------------------------------------------------------------------------


def _data(plan: Plan) -> dict[str, object]:
    return {
        "version": VERSION,
        "retirements": list(plan.retirements),
        "rules": {"run": plan.rules_run, "total": plan.rules_total},
        "subscriptions": [
            {
                "subscription": s.subscription,
                "before": _preamble_data(s.preamble) if s.preamble is not None else None,
                "overview": _overview_data(s),
                "steps": [_step_data(step, s) for step in s.steps],
                "other_blockers": [_blocker_data(f, s) for f in listed_blockers(s.other_blockers)],
                "unread": [_blocker_data(f, s) for f in listed_blockers(s.unread)],
                **({"unread_parts": unread_data(s.unread_parts)} if s.unread_parts else {}),
                "other_notes": [_note_data(note, s) for note in s.other_notes],
                **({"undescribed": list(s.undescribed)} if s.undescribed else {}),
                **(
                    {"configurations_apart": [asdict(apart) for apart in s.configurations_apart]}
                    if s.configurations_apart
                    else {}
                ),
            }
            for s in _listed(plan)
        ],
    }


def _listed(plan: Plan) -> list[SubscriptionPlan]:
    """The subscriptions the JSON plan lists: those the text shows. The files' own group is empty when the
    exports hold only other subscriptions' resources (none joined to the files): it is left out then, as
    from the text. A plan with nothing to show keeps its subscriptions, each with nothing."""
    return [s for s in plan.subscriptions if shown(s)] or list(plan.subscriptions)


def _step_data(step: Step, subscription: SubscriptionPlan) -> dict[str, object]:
    return {
        "id": step.id,
        "kind": step.kind.name.lower(),
        "name": step.name,
        "wave": step.wave if step.migrated else None,
        "after": list(step.after),
        "ready": step.ready,
        # Not ready only because steps before it are not (`Step.only_waits`): ready once they are committed.
        "only_waits": step.only_waits,
        **({"partly_described": True} if step.partly_described else {}),
        **({"network_undefined": True} if step.network_undefined else {}),
        **({"subnets_unstated": True} if step.subnets_unstated else {}),
        **({"network_unknown": True} if step.network_unknown else {}),
        **({"unseen_export": True} if step.unseen_export else {}),
        **({"name_unstated": True} if step.name_unstated else {}),
        **({"waits_on": [subscription.steps[n - 1].id for n in step.waits_on]} if step.waits_on else {}),
        **({"migration_state": step.migration_state} if step.migration_state else {}),
        "moves": list(step.moves),
        "becomes": list(step.becomes),
        "downtime": step.downtime,
        "notes": list(step.notes),
        "note_findings": [
            {
                "note": n,
                **finding_dict(note.finding),
                "more": note.more,
                "held_back": _held_data(subscription.held_back(note.finding)),
            }
            for n, note in enumerate(step.notes)
            if isinstance(note, Note)
        ],
        "blockers": [_blocker_data(f, subscription) for f in listed_blockers(step.blockers)],
        "commands": {
            name: asdict(commands)
            for name, commands in (("powershell", step.powershell), ("cli", step.cli))
            if commands is not None
        },
    }


def _overview_data(subscription: SubscriptionPlan) -> dict[str, object]:
    """The overview's numbers (`plan.Overview`), with its steps by id, as `waits_on` gives them."""
    seen = subscription_overview(subscription)
    ids = [step.id for step in subscription.steps]
    return {
        **{name: value for name, value in asdict(seen).items() if isinstance(value, int)},
        "start_with": [ids[n - 1] for n in seen.start_with],
        "fix_first": [ids[n - 1] for n in seen.fix_first],
    }


def _blocker_data(finding: Finding, subscription: SubscriptionPlan) -> dict[str, object]:
    return {**finding_dict(finding), "held_back": _held_data(subscription.held_back(finding))}


def _held_data(reason: Reason | None) -> dict[str, str] | None:
    """Why `check` holds a finding back (see the module docstring); None when it reports it."""
    return None if reason is None else {"by": reason.kind, "detail": reason.detail}


def _note_data(note: OtherNote, subscription: SubscriptionPlan) -> dict[str, object]:
    return {
        **finding_dict(note.finding),
        "fix": note.fix,
        "before_steps": note.before_steps,
        "more": note.more,
        "files": list(note.files),
        "more_files": note.more_files,
        "held_back": _held_data(subscription.held_back(note.finding)),
    }
