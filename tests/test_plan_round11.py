"""The plan: a step's notes of warnings say where the first of them is, as blockers do, in every format."""

from __future__ import annotations

import html
import json
from pathlib import Path

from migcheck.config import Config
from migcheck.engine import LintResult, lint
from migcheck.model import Finding
from migcheck.plan import Plan, build_plan
from migcheck.plugins import load_rules
from migcheck.report.plan_format import render_plan

ROOT = Path(__file__).resolve().parents[1]
RULES = load_rules(entry_points=False)


def checked(config: Config | None = None) -> LintResult:
    return lint(["examples/contoso"], config or Config(), RULES)


def json_step(plan: Plan, name: str) -> dict:
    (subscription,) = json.loads(render_plan(plan, "json"))["subscriptions"]
    (step,) = [step for step in subscription["steps"] if step["name"] == name]
    return step


def where(finding: Finding) -> str:
    loc = finding.location
    assert loc is not None
    return f"{loc.path}:{loc.line}:{loc.column}:"


def the(result: LintResult, code: str) -> Finding:
    every = [*result.findings, *(s.finding for s in result.suppressed)]
    (found,) = [f for f in every if f.code == code and "contoso-legacy-vnet" in f.message]
    return found


# --- positions of a step's notes ---------------------------------------------------------------------


def test_a_step_note_starts_with_the_position_of_its_warning_in_every_format(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = checked()
    plan = build_plan(result)
    affinity = where(the(result, "MIG303"))
    said = "MIG303 (warning): virtual network 'contoso-legacy-vnet' is bound to affinity group 'contoso-ag'."
    text = render_plan(plan, "text").splitlines()
    assert any(line.startswith(f"   note: {affinity} {said}") for line in text)
    assert f"- **Note** `{affinity}` {said}" in render_plan(plan, "markdown")
    assert f"<code>{affinity}</code> {html.escape(said)}" in render_plan(plan, "html")


def test_the_json_notes_stay_text_and_their_findings_give_the_positions(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = checked()
    plan = build_plan(result)
    step = json_step(plan, "contoso-legacy-vnet")
    (note,) = step["notes"]
    assert note.startswith("MIG303 (warning): virtual network 'contoso-legacy-vnet'")  # as it always was
    (found,) = step["note_findings"]
    loc = the(result, "MIG303").location
    assert (found["note"], found["code"], found["path"], found["line"], found["column"]) == (
        0,
        "MIG303",
        loc.path,
        loc.line,
        loc.column,
    )
    assert found["more"] == 0


def test_a_folded_note_counts_the_others_and_a_plain_note_has_no_finding(monkeypatch):
    monkeypatch.chdir(ROOT)
    step = json_step(build_plan(checked()), "sql-tier")
    plain, extension = step["notes"]
    assert plain.startswith("Add the deployment's REST body")
    (found,) = step["note_findings"]
    assert (found["note"], found["code"], found["more"]) == (1, "MIG204", 2)
    assert "(and 2 more like it)" in extension
    text = render_plan(build_plan(checked()), "text")
    assert f"   note: {plain}" in text.splitlines()  # a note of no finding reads as before
