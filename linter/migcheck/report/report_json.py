"""`--format report-json`: the findings and the migration readiness summary in one JSON object.

`--format json` stays exactly the findings array of DESIGN.md; programs that want the verdicts by
migration scope read this instead:

    {"version": 2, "findings": [...], "suppressed": N, "known": N (from a baseline),
     "subscriptions": [{"subscription": "default", "subscription_id": "<the id the files state, or "">",
                        "scopes": [{"scope": "VMs in a virtual network",
                                    "items": [{"name", "type", "migrates", "verdict", "errors", "warnings",
                                               "info", "suppressed", "findings": [indices into "findings"]}]}]}]}

`unread_parts`, only when a script has parts the parser could not read, lists each as `{"path", "line",
"column"}` (column 0 when not known): what such a part states may be missing from the findings. A shell
script's line that starts with an option right after a classic command, which bash runs on its own, is listed
too, with `"why": "lost-continuation"`; a PowerShell part that starts at a construct the characters there name
has `"why": "lone-dash"` (a `-` and a blank before a parameter's name), `"why": "blank-after-backtick"` (a
blank after the backtick that ends a line), `"why": "html-escaped"` (`&quot;` and the like, an HTML page's
copy of the script, which Windows PowerShell rejects whole) or `"why": "lost-backtick"` (a line that starts with a
parameter's name after a command's line that ends with no backtick), as `check --verbose` names them with their edit; a Python `getattr`
of a classic service by a method name the script does not state has `"why": "called-by-unstated-name"`; a shell
`azure` command given an option its classic form does not declare, which the CLI refuses, has `"why":
"refused-option"`, and one given an option that takes a value as its last word, with none after it, which the CLI
refuses too, `"why": "missing-value"`; a reserved IP given to a command that adds a VM to a deployment an earlier one created, which
is not applied, has `"why": "reserved-ip-not-applied"`; a VM configuration pipeline's stage that passes no VM on to the New-AzureVM given
its output has `"why": "vm-not-passed-on"`; a shell `azure` command given more positional words than it takes (an
escaped quote split by bash) has `"why": "surplus-arguments"` at the first surplus word. Other parts have no `why`.
A request to a URL not stated that may go to the API (`"why": "request-url-undecided"`) also has `cause`
(`"certificate"`, `"body"` or `"url-name"`: the one that makes it so) and `cause_message`, that cause as `check
--verbose` says it; other parts have neither. SARIF's notification of each part has the same `why`, and
`cause`, in its `properties`.

`retirement_dates`, only when the findings give a retirement date and files work in Azure operated by
21Vianet or Azure Government, says what the text report's line before its summary says: the dates are Azure's
global cloud's (`"cloud": "AzureCloud"`), and each of those clouds' own notices give theirs:
`{"cloud": "AzureCloud", "sovereign_clouds": [{"cloud": "AzureChinaCloud", "name": "Azure operated by 21Vianet",
"subscriptions": [{"subscription", "path", "line"}]}], "message"}`, each subscription whose files work in the
cloud with where they first say so. `stale_baseline`, only when the baseline records findings the run no
longer found (fixed, renamed or moved), is `{"baseline": path, "count": N, "message"}`. `message` is the line
as the text report writes it. SARIF's run gives both in its `properties` (`retirementDates`, `staleBaseline`)
and as notifications of its invocation.

Every scope is listed, empty or not, so that a program can rely on the shape. A finding may be counted in
more than one item (a disk's blob name counts against its VNet and its storage account). `suppressed` counts
the item's findings held back by config, comments or a baseline: they still decide `verdict`, which is one
of `Verdict`'s: "Validation failed", "Validation passed, Prepare will fail" (all that stops the item is what
Validate does not check), "Not decided: the service may have VMs the files do not describe" (nothing stops
it, but a cloud service it moves may hold VMs no file describes: a script adds one to a deployment that
exists), "Not decided: the network's definition is not in the files" (nothing stops it, but no file defines
the network), "Not decided: the files do not state the network's subnets" (nothing stops it, but every
description of the network leaves its subnets out, as an export's row may), "Not decided: the files do not state which account it is" (a storage account that holds the
OS disk of a VM the files create, which no file names, or one a script names by a value it does not state),
"Not decided: the files do not state which one it is" (any other item a stand-in names: a cloud service, a
reserved IP, a circuit whose service key no file states, as its plan step asks for it first), "Validation
passed with warnings", "Validation passed". Those are Validate's words for every row, the rows no Validate is run
on too (a file, an ExpressRoute circuit: `type` tells them apart), where the text report says `Fails` or `Passes
with warnings`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from migcheck.model import Severity
from migcheck.report.json_format import finding_dict
from migcheck.report.readiness import ScopeItem, SubscriptionReadiness, checked_at, readiness
from migcheck.report.stream import Items, Stream, dump, rendered

if TYPE_CHECKING:
    from migcheck.engine import LintResult

VERSION = 2  # bumped only when a key changes meaning or goes away (2: scopes per subscription)


def report(result: LintResult) -> dict[str, object]:
    """The report as plain data, before it becomes JSON."""
    summaries = readiness(result)
    steps = checked_at(result, summaries)
    return _report(result, [finding_dict(f, steps) for f in result.findings], summaries)


def _report(
    result: LintResult, findings: object, summaries: tuple[SubscriptionReadiness, ...]
) -> dict[str, object]:
    from migcheck.plan import subscription_id

    index = {id(f): i for i, f in enumerate(result.findings)}  # findings are shared, not copied
    ids = {estate.subscription: subscription_id(estate) for estate in result.estates}
    subscriptions = [
        {
            "subscription": summary.subscription,
            # The id the files state ("" when they state none), as the plan's step 0 selects it.
            "subscription_id": ids.get(summary.subscription, ""),
            "scopes": [
                {"scope": str(s.scope), "items": [_item(item, index) for item in s.items]}
                for s in summary.scopes
            ],
        }
        for summary in summaries
    ]
    from migcheck.report.unread import data, in_documents

    unread = in_documents(result.documents)
    return {
        "version": VERSION,
        "findings": findings,
        "suppressed": len(result.suppressed) - len(result.known),  # by config or comments
        "known": len(result.known),
        "subscriptions": subscriptions,
        **({"unread_parts": data(unread)} if unread else {}),
        **_said(result),
    }


def _said(result: LintResult) -> dict[str, object]:
    """The lines the text report says before its summary that are facts of the run, each when said."""
    from migcheck.report.text import dates_data, stale_baseline_data

    said = {"retirement_dates": dates_data(result), "stale_baseline": stale_baseline_data(result)}
    return {key: value for key, value in said.items() if value is not None}


def _item(item: ScopeItem, index: dict[int, int]) -> dict[str, object]:
    return {
        "name": item.name,
        "type": item.type,
        "migrates": dict(item.migrates),
        "verdict": str(item.verdict),
        "errors": item.count(Severity.ERROR),
        "warnings": item.count(Severity.WARNING),
        "info": item.count(Severity.INFO),
        "suppressed": len(item.held_back),
        # Held-back findings count in the verdict but are not in the "findings" array.
        "findings": [index[id(f)] for f in item.findings if id(f) in index],
    }


def render(result: LintResult) -> str:
    return rendered(lambda stream: write(result, stream))


def write(result: LintResult, stream: Stream) -> None:
    """The report as `json.dumps(report(result), indent=2)` would write it, one finding at a time."""
    summaries = readiness(result)
    steps = checked_at(result, summaries)
    dump(_report(result, Items(finding_dict(f, steps) for f in result.findings), summaries), stream)
    stream.write("\n")
