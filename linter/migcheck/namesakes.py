"""Cloud services, storage accounts and virtual networks that several subscriptions hold under one name.

A name is unique only within one subscription: when the inventory exports span several, the estate of each
is checked on its own, and two of them may hold a cloud service 'svc' that breaks the same rule. Their
findings would read alike; each names its subscription after the resource's name, as MIG313 names that
of a peered classic network (` (subscription <id>)`). One pass over every finding of a check, whatever rule
wrote it: each rule words its message, and this only adds the subscription where the message names one of
these resources by a name another subscription holds too: where the finding names it (`Finding.names`,
whatever the wording), and where the message calls it by its kind (`cloud service 'svc'`), for the
resources a rule names in words only."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import fields
from itertools import chain
from operator import attrgetter
from typing import TypeVar

from migcheck.estate import Estate, key
from migcheck.inventory_model import ClassicNetwork, ClassicStorageAccount, ClassicVm
from migcheck.model import Finding

_Record = TypeVar("_Record", ClassicVm, ClassicStorageAccount, ClassicNetwork)

# How messages call each kind of resource before its quoted name, and the names of those of an estate: its
# own, and those its subscription's exports list (the estate of the files' subscription holds the
# inventory of every subscription the exports name).
_KINDS: Mapping[str, Callable[[Estate], Iterable[str]]] = {
    "cloud service": lambda estate: chain(
        (service.name for service in estate.cloud_services),
        (vm.service for vm in _exported(estate, estate.inventory.vms)),
    ),
    "storage account": lambda estate: chain(
        (account.name for account in estate.storage_accounts),
        (account.name for account in _exported(estate, estate.inventory.storage_accounts)),
    ),
    "virtual network": lambda estate: chain(
        (network.name for network in estate.virtual_networks),
        (network.name for network in _exported(estate, estate.inventory.networks)),
    ),
}


def _exported(estate: Estate, records: Iterable[_Record]) -> Iterator[_Record]:
    """The exported `records` of the estate's subscription (a row that names none is of the files')."""
    subscription = estate.inventory.subscription
    return (record for record in records if record.subscription in ("", subscription))


# Where a message names the subscription already (MIG313, the rules of services in classic networks), or
# names a Resource Manager network, which is not the classic one of that name.
_SAID = " (subscription"
_NOT_CLASSIC = "Resource Manager "


def named_subscriptions(checked: Sequence[tuple[Estate, Iterable[Finding]]]) -> Iterator[Finding]:
    """The findings of each estate of a check, in order, each naming its subscription where another
    estate's holds a namesake of a resource it names."""
    shared = held_by_several(estate for estate, _ in checked) if len(checked) > 1 else {}
    repeated = _documents_of_several(estate for estate, _ in checked) if len(checked) > 1 else frozenset()
    said: set[Finding] = set()
    for estate, findings in checked:
        for finding in with_subscription(findings, estate, shared):
            if finding.mark.path in repeated:
                if finding in said:  # of the file alike in each: reported once
                    continue
                said.add(finding)
            yield finding


def _documents_of_several(estates: Iterable[Estate]) -> frozenset[str]:
    """The paths of the documents several estates hold, the very same (a cloud service project's .csdef and
    .cscfg, of each subscription a deployment of the project is made in): a finding about the file alone (a
    role its configuration names and its definition does not) is found in each alike."""
    holders: dict[int, int] = defaultdict(int)
    paths: dict[int, str] = {}
    for estate in estates:
        for document in estate.documents:
            holders[id(document)] += 1
            paths[id(document)] = document.path
    return frozenset(paths[held] for held, count in holders.items() if count > 1)


def held_by_several(estates: Iterable[Estate]) -> dict[str, frozenset[str]]:
    """By kind (as `_KINDS` calls it), the names (by `key`) that the estates of several subscriptions hold."""
    holders: dict[tuple[str, str], set[str]] = defaultdict(set)
    for estate in estates:
        subscription = estate.inventory.subscription
        if not subscription:
            continue
        for kind, names in _KINDS.items():
            for name in names(estate):
                holders[(kind, key(name))].add(subscription)
    shared: dict[str, set[str]] = defaultdict(set)
    for (kind, name), subscriptions in holders.items():
        if len(subscriptions) > 1:
            shared[kind].add(name)
    return {kind: frozenset(names) for kind, names in shared.items()}


def with_subscription(
    findings: Iterable[Finding], estate: Estate, shared: Mapping[str, frozenset[str]]
) -> list[Finding]:
    """`findings` of `estate`, each message naming the estate's subscription after each resource it names
    that another subscription holds a namesake of."""
    subscription = estate.inventory.subscription
    if not (shared and subscription):
        return list(findings)
    # What each finding is matched against is the estate's: worded once here, not once per finding.
    said = f"{_SAID} {subscription})"
    leads = tuple((f"{kind} '", names) for kind, names in shared.items())
    return [_named(finding, said, leads, shared) for finding in findings]


def _named(
    finding: Finding,
    said: str,
    leads: Sequence[tuple[str, frozenset[str]]],
    shared: Mapping[str, frozenset[str]],
) -> Finding:
    """`finding` with `said` (its estate's subscription) after each resource it names (`Finding.names`)
    that another subscription holds a namesake of: where the message calls it by its kind (each of `leads`,
    `cloud service '`, with the names shared), and otherwise after its first quoted name (`service 'svc'`,
    `'svc'`)."""
    written = message = finding.message
    for lead, names in leads:
        if lead in message:  # most messages call a resource of one kind at most
            message = _after_each(message, lead, names, said)
    for kind, name in finding.names:
        if key(name) in shared.get(kind, ()):
            message = _after_first(message, f"'{name}'", said)
    return finding if message == written else _with_message(finding, message)


# A finding's fields, in the order `Finding` takes them, and where its message is among them.
_FINDING_FIELDS = tuple(f.name for f in fields(Finding) if f.init)
_finding_values = attrgetter(*_FINDING_FIELDS)
_MESSAGE_AT = _FINDING_FIELDS.index("message")


def _with_message(finding: Finding, message: str) -> Finding:
    """`replace(finding, message=message)`, in a third of the time: most findings of an estate whose
    subscriptions share names are made again here, and the generic `replace` looks up what a record holds
    each time (half the cost of naming subscriptions)."""
    values = list(_finding_values(finding))
    values[_MESSAGE_AT] = message
    return Finding(*values)


def _after_first(message: str, quoted: str, words: str) -> str:
    """`message` with `words` after the first `quoted` name, unless a subscription follows one already."""
    at = message.find(quoted)
    if at < 0 or f"{quoted}{_SAID}" in message:
        return message
    end = at + len(quoted)
    return message[:end] + words + message[end:]


def _after_each(message: str, lead: str, names: frozenset[str], words: str) -> str:
    """`message` with `words` after each quoted name of `names` that follows `lead`, where the message does
    not say the subscription there already."""
    at = message.find(lead)
    parts: list[str] = []
    start = 0
    while at >= 0:
        begin = at + len(lead)
        end = message.find("'", begin)
        if end < 0:
            break
        name_end = end + 1
        parts.append(message[start:name_end])
        classic = not message.endswith(_NOT_CLASSIC, 0, at)  # no copy: a long message stays linear
        if classic and key(message[begin:end]) in names and not message.startswith(_SAID, name_end):
            parts.append(words)
        start = name_end
        at = message.find(lead, start)
    parts.append(message[start:])
    return "".join(parts)
