"""A finding names the subscription after a cloud service, storage account or virtual network another
subscription holds a namesake of. That was found in the message's words (`cloud service 'svc'`), so a rule
that words it another way (`service 'svc'`, `deployment 'svc' of ...`) named no subscription. A finding now
carries the resources it names (`Finding.names`: its own resource, and those the rule gives), and each is
named with its subscription however the message words it."""

from __future__ import annotations

from dataclasses import replace

from lint_support import graph_page, graph_vm, lint_files

from migcheck.model import Finding, Mark, Severity
from migcheck.namesakes import held_by_several, with_subscription
from migcheck.rule import Rule

FIRST = "11111111-1111-4111-8111-111111111111"
SECOND = "22222222-2222-4222-8222-222222222222"


def _estates(tmp_path, monkeypatch):
    rows = [
        graph_vm(sub, "svc", vm, "as1" if vm == "web1" else "")
        for sub in (FIRST, SECOND)
        for vm in ("web1", "web2")
    ]
    result = lint_files(tmp_path, monkeypatch, {"classic.json": graph_page(*rows, indent=2)}, "MIG103")
    return result.estates, result.findings[0]


def test_a_service_a_message_words_otherwise_is_named_with_its_subscription(tmp_path, monkeypatch):
    estates, finding = _estates(tmp_path, monkeypatch)
    worded = replace(
        finding, message="Service 'svc' holds VMs in a set and out of it", names=(("cloud service", "svc"),)
    )
    estate = next(e for e in estates if e.inventory.subscription == FIRST)
    (named,) = with_subscription([worded], estate, held_by_several(estates))
    assert named.message == f"Service 'svc' (subscription {FIRST}) holds VMs in a set and out of it"


def test_a_message_that_says_the_subscription_already_is_left_as_it_is(tmp_path, monkeypatch):
    estates, finding = _estates(tmp_path, monkeypatch)
    said = f"Service 'svc' (subscription {FIRST}) holds VMs"
    worded = replace(finding, message=said, names=(("cloud service", "svc"),))
    estate = next(e for e in estates if e.inventory.subscription == FIRST)
    (named,) = with_subscription([worded], estate, held_by_several(estates))
    assert named.message == said


class _ServiceRule(Rule):
    code = "MIG999"
    name = "a-service-rule"
    severity = Severity.WARNING


class _Service:
    kind = "CloudService"
    name = "svc"
    mark = Mark("a.json", 1, column=1)


def test_a_rule_s_finding_names_its_own_service_and_the_network_the_rule_gives():
    finding: Finding = _ServiceRule().finding(
        _Service(), "Service 'svc' ...", names=[("virtual network", "app")]
    )
    assert finding.names == (("cloud service", "svc"), ("virtual network", "app"))
