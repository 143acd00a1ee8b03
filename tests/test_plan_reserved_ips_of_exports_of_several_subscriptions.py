"""An inventory export that holds the classic resources of several subscriptions gives each an estate of
its own (`Estate.exported`), which keeps no document: its reserved IPs, unattached or bound to a cloud
service no file describes, are read from its inventory, so the plan gives each its step and the readiness
summary its row, as for an export of one subscription. The files' own group, empty then, is not listed in
the JSON plan, as it is not shown in the text."""

from __future__ import annotations

import json

from lint_support import graph_page, graph_reserved_ip, graph_vm, lint_files, run_cli

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan
from migcheck.report.readiness import readiness

FIRST = "11111111-1111-4111-8111-111111111111"
SECOND = "22222222-2222-4222-8222-222222222222"


def free_ip(subscription: str, name: str) -> dict:
    """A classic reserved IP row attached to nothing."""
    row = graph_reserved_ip(subscription, name, "unused")
    del row["properties"]["attachedTo"]
    row["properties"]["inUse"] = False
    return row


def export(*rows: dict) -> dict[str, str]:
    return {"classic.json": graph_page(*rows, indent=2)}


def two_subscriptions(ip_a: dict, ip_b: dict) -> dict[str, str]:
    return export(
        graph_vm(FIRST, "svca", "vma01", vnet="net-a"),
        ip_a,
        graph_vm(SECOND, "svcb", "vmb01", vnet="net-b"),
        ip_b,
    )


def step_names(result) -> dict[str, list[str]]:
    plan = build_plan(result)
    return {s.subscription: [step.name for step in s.steps] for s in plan.subscriptions if s.steps}


def readiness_rows(result) -> dict[str, list[str]]:
    return {
        r.subscription: [item.name for scope in r.scopes for item in scope.items] for r in readiness(result)
    }


def test_unattached_reserved_ips_of_each_subscription_get_their_steps(tmp_path, monkeypatch):
    files = two_subscriptions(free_ip(FIRST, "free-ip-a"), free_ip(SECOND, "free-ip-b"))
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    steps = step_names(result)
    assert "free-ip-a" in steps[FIRST] and "free-ip-b" in steps[SECOND]
    assert "free-ip-b" not in steps[FIRST] and "free-ip-a" not in steps[SECOND]
    rows = readiness_rows(result)
    assert "free-ip-a" in rows[FIRST] and "free-ip-b" in rows[SECOND]


def test_reserved_ips_of_undescribed_services_of_each_subscription_get_their_steps(tmp_path, monkeypatch):
    ip_a = graph_reserved_ip(FIRST, "bound-ip-a", "ghost-svc")
    ip_b = graph_reserved_ip(SECOND, "bound-ip-b", "ghost-svc")
    result = lint_files(tmp_path, monkeypatch, two_subscriptions(ip_a, ip_b), dedent=False)
    steps = step_names(result)
    assert "bound-ip-a" in steps[FIRST] and "bound-ip-b" in steps[SECOND]
    rows = readiness_rows(result)
    assert "bound-ip-a" in rows[FIRST] and "bound-ip-b" in rows[SECOND]


def test_one_subscription_is_unchanged(tmp_path, monkeypatch):
    files = export(graph_vm(FIRST, "svca", "vma01", vnet="net-a"), free_ip(FIRST, "free-ip-a"))
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    [names] = step_names(result).values()
    assert "free-ip-a" in names


def test_the_json_plan_leaves_out_the_empty_group_of_the_files(tmp_path, monkeypatch, capsys):
    files = two_subscriptions(free_ip(FIRST, "free-ip-a"), free_ip(SECOND, "free-ip-b"))
    lint_files(tmp_path, monkeypatch, files, dedent=False)
    _, out, _ = run_cli(capsys, "plan", "--format", "json", ".")
    listed = [s["subscription"] for s in json.loads(out)["subscriptions"]]
    assert listed == [FIRST, SECOND]


def test_a_plan_with_nothing_keeps_its_subscription_in_json(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"notes.txt": "nothing classic\n"})
    data = json.loads(render_plan(build_plan(result), "json"))
    assert [s["steps"] for s in data["subscriptions"]] == [[]]
