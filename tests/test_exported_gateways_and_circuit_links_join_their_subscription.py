"""What the classic cmdlets export of an Application Gateway or a circuit link names no subscription. When
the exports span several, the gateway or link is in the subscription whose exported classic network (or
VMs in it) bears its network's name: the readiness summary and the plan count it there, not under the
files' own subscription as a network no file defines. Where several subscriptions, or none, have a network
of that name, it stays where it was exported."""

from __future__ import annotations

import json

from lint_support import CMDLET_APP_GATEWAY, graph_network, graph_page, graph_vm, lint_files

from migcheck.plan import build_plan
from migcheck.report.readiness import ScopeKind, readiness

A = "aaaaaaaa-0000-0000-0000-00000000000a"
B = "bbbbbbbb-0000-0000-0000-00000000000b"


GATEWAY = CMDLET_APP_GATEWAY
LINK = {"State": "Provisioned", "VnetName": "erp-vnet"}


def _lint(tmp_path, monkeypatch, *rows: dict):
    files = {
        "classic.json": graph_page(*rows),
        "appgw.json": json.dumps([GATEWAY]),
        "links.json": json.dumps([LINK]),
    }
    return lint_files(tmp_path, monkeypatch, files, dedent=False)


def _networks(result) -> dict[str, list[tuple[str, str]]]:
    """By subscription, (network, verdict) of each item of the VMs-in-a-network scope."""
    found: dict[str, list[tuple[str, str]]] = {}
    for summary in readiness(result):
        scope = next(s for s in summary.scopes if s.scope is ScopeKind.IN_VNET)
        found[summary.subscription] = [(item.name, str(item.verdict)) for item in scope.items]
    return found


def test_a_gateway_and_a_link_count_against_the_network_of_their_subscription(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, graph_network(A, "web-vnet"), graph_network(B, "erp-vnet"))
    networks = _networks(result)
    assert networks[A] == [("web-vnet", "Validation failed")]
    assert networks[B] == [("erp-vnet", "Validation passed with warnings")]
    assert not networks.get("default")  # no network no file defines, made up of their names


def test_a_network_known_by_its_vms_alone_takes_them_too(tmp_path, monkeypatch):
    vm = graph_vm(A, "websvc", "web01", vnet="web-vnet", subnet="AppGw")
    result = _lint(tmp_path, monkeypatch, vm, graph_network(B, "erp-vnet"))
    assert _networks(result)[A] == [("web-vnet", "Validation failed")]


def test_the_plan_moves_the_circuit_in_the_subscription_of_its_network(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, graph_network(A, "web-vnet"), graph_network(B, "erp-vnet"))
    steps = {
        plan.subscription: [step.name for step in plan.steps] for plan in build_plan(result).subscriptions
    }
    assert steps[B] == ["<circuit linked to erp-vnet>", "erp-vnet"]
    assert steps[A] == ["web-vnet"]
    assert not steps.get("default")


def test_a_network_two_subscriptions_have_leaves_the_gateway_where_it_was_exported(tmp_path, monkeypatch):
    rows = (graph_network(A, "web-vnet"), graph_network(B, "web-vnet"), graph_network(B, "erp-vnet"))
    networks = _networks(_lint(tmp_path, monkeypatch, *rows))
    assert ("web-vnet", "Validation failed") in networks["default"]
    assert networks[A] == [("web-vnet", "Validation passed")]
