"""The readiness summary lists each ExpressRoute circuit the plan moves first (its step 1), named as its
step is, with the findings about it: those of its link authorizations (MIG311), which the plan's step holds
as its blockers, are the circuit's row's, not its export file's."""

from __future__ import annotations

import json
from pathlib import Path

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plan import StepKind, build_plan
from migcheck.plugins import load_rules
from migcheck.report.readiness import CIRCUIT, ScopeKind, readiness
from migcheck.report.report_json import render as render_report_json

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def contoso(monkeypatch):
    monkeypatch.chdir(EXAMPLES.parent)
    return lint(["examples/contoso"], Config(), load_rules(entry_points=False))


def test_the_circuit_of_the_plan_s_first_step_has_its_row(monkeypatch):
    result = contoso(monkeypatch)
    [summary] = readiness(result)
    [circuits] = [scope for scope in summary.scopes if scope.scope is ScopeKind.CIRCUITS]
    [item] = circuits.items
    [step] = [s for s in build_plan(result).subscriptions[0].steps if s.kind is StepKind.CIRCUIT]
    assert (item.name, item.type, item.migrates) == (step.name, CIRCUIT, {"networks": ["contoso-er-vnet"]})
    assert [f.code for f in item.findings] == [f.code for f in step.blockers] == ["MIG311"]
    assert str(item.verdict) == "Validation failed"


def test_the_authorizations_file_has_no_row_of_its_own(monkeypatch):
    [summary] = readiness(contoso(monkeypatch))
    files = [item.name for item in summary.items if item.type == "File"]
    assert "examples/contoso/inventory/er-authorizations.json" not in files


def test_circuits_come_first_in_the_json_report(monkeypatch):
    report = json.loads(render_report_json(contoso(monkeypatch)))
    [first, *_] = report["subscriptions"][0]["scopes"]
    assert first["scope"] == "ExpressRoute circuits"
    assert [i["name"] for i in first["items"]] == ["<circuit linked to contoso-er-vnet>"]


def test_an_estate_without_circuits_lists_none(monkeypatch):
    monkeypatch.chdir(EXAMPLES.parent)
    result = lint(["examples/ready"], Config(), load_rules(entry_points=False))
    assert all(not s.items for r in readiness(result) for s in r.scopes if s.scope is ScopeKind.CIRCUITS)
