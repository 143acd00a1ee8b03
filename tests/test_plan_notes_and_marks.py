"""The plan: a step's notes of warnings say where the first of them is, as blockers do; and findings held
back from `check`'s report (a suppression comment, per-file-ignores, the baseline) are in the plan,
marked so, in every format."""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path

import pytest

from migcheck.cli import main
from migcheck.config import Config
from migcheck.engine import LintResult, lint
from migcheck.model import Finding
from migcheck.plan import Plan, Step, build_plan
from migcheck.plugins import load_rules
from migcheck.report.plan_format import render_plan

ROOT = Path(__file__).resolve().parents[1]
RULES = load_rules(entry_points=False)
NETCFG = "examples/contoso/network/NetworkConfig.netcfg"
RUNBOOK = "examples/contoso/runbooks/Move-ContosoProd.ps1"
LEGACY = '      <VirtualNetworkSite name="contoso-legacy-vnet"'
REASON = "rebuilt as a regional network in Q3"


@pytest.fixture
def contoso(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """examples/contoso copied under a temporary working folder, to edit."""
    shutil.copytree(ROOT / "examples" / "contoso", tmp_path / "examples" / "contoso")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def edit(path: str, old: str, new: str) -> None:
    text = Path(path).read_text(encoding="utf-8")
    assert text.count(old) == 1
    Path(path).write_text(text.replace(old, new), encoding="utf-8")


def checked(config: Config | None = None) -> LintResult:
    return lint(["examples/contoso"], config or Config(), RULES)


def step_named(plan: Plan, name: str) -> Step:
    (step,) = [step for step in plan.steps if step.name == name]
    return step


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
    said = (
        "MIG303 (warning): virtual network 'contoso-legacy-vnet' is bound to affinity group 'contoso-ag', not "
        "to a region: Resource Manager knows regions only."
    )
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
    assert (found["more"], found["held_back"]) == (0, None)


def test_a_folded_note_counts_the_others_and_a_plain_note_has_no_finding(monkeypatch):
    monkeypatch.chdir(ROOT)
    step = json_step(build_plan(checked()), "contoso-prod-vnet")
    plain, extension = step["notes"]
    assert plain.startswith("Cloud service 'sql-tier' is in this network as inferred")
    (found,) = step["note_findings"]
    assert (found["note"], found["code"], found["more"]) == (1, "MIG204", 2)
    assert "(and 2 more like it)" in extension
    text = render_plan(build_plan(checked()), "text")
    assert f"   note: {plain}" in text.splitlines()  # a note of no finding reads as before


# --- what `check` holds back -------------------------------------------------------------------------


def test_suppressed_blockers_and_warnings_are_in_the_plan_marked_so(contoso):
    edit(NETCFG, LEGACY, f"      <!-- migcheck: ignore[MIG303, MIG304] {REASON} -->\n{LEGACY}")
    result = checked()
    assert not [f for f in result.findings if "contoso-legacy-vnet" in f.message]
    plan = build_plan(result)
    step = step_named(plan, "contoso-legacy-vnet")
    assert not step.ready  # suppressed, it still blocks
    (blocker,) = step.blockers
    # Held back, they are positioned for the plan: a comment's line above the network's.
    prefix, note = where(blocker), where(step.notes[0].finding)
    assert (blocker.code, prefix, note) == ("MIG304", f"{NETCFG}:75:13:", f"{NETCFG}:69:69:")
    text = render_plan(plan, "text").splitlines()
    assert any(line.startswith(f"   blocker (suppressed: {REASON}): {prefix} MIG304 ") for line in text)
    assert any(line.startswith(f"   note (suppressed: {REASON}): {note} MIG303 (warning): ") for line in text)
    markdown = render_plan(plan, "markdown")
    assert f"- **Blocker** (suppressed: {REASON}) `{prefix}` MIG304: " in markdown
    assert f"- **Note** (suppressed: {REASON}) `{note}` MIG303 (warning): " in markdown
    page = render_plan(plan, "html")
    assert (
        f'<em class="held">(suppressed: {REASON})</em> <code>{prefix}</code> <strong>MIG304</strong>' in page
    )
    assert f'<em class="held">(suppressed: {REASON})</em> <code>{note}</code> MIG303 (warning): ' in page
    data = json_step(plan, "contoso-legacy-vnet")
    held = {"by": "comment", "detail": REASON}
    assert [(b["code"], b["held_back"]) for b in data["blockers"]] == [("MIG304", held)]
    assert [(n["code"], n["held_back"]) for n in data["note_findings"]] == [("MIG303", held)]
    (words,) = data["notes"]
    assert words.startswith(f"MIG303 (warning, suppressed: {REASON}): ")


def test_a_reported_blocker_carries_no_mark(monkeypatch):
    monkeypatch.chdir(ROOT)
    plan = build_plan(checked())
    assert "(suppressed" not in render_plan(plan, "text") and "(in the baseline)" not in render_plan(
        plan, "text"
    )
    data = json_step(plan, "contoso-legacy-vnet")
    assert [b["held_back"] for b in data["blockers"]] == [None]


def test_baselined_blockers_are_marked_as_in_the_baseline(contoso, capsys):
    assert main(["check", "examples/contoso", "--select", "MIG201", "--write-baseline", "known.json"]) == 0
    capsys.readouterr()
    plan = build_plan(checked(Config(baseline="known.json")))
    text = render_plan(plan, "text").splitlines()
    acls = [line for line in text if " MIG201 " in line and line.startswith("   blocker")]
    assert acls and all(line.startswith("   blocker (in the baseline): examples/contoso/") for line in acls)
    (subscription,) = json.loads(render_plan(plan, "json"))["subscriptions"]
    marks = [b["held_back"] for s in subscription["steps"] for b in s["blockers"] if b["code"] == "MIG201"]
    assert marks and all(mark == {"by": "baseline", "detail": "known.json"} for mark in marks)


def test_per_file_ignores_are_marked_with_their_pattern(contoso):
    plan = build_plan(checked(Config(per_file_ignores={"examples/contoso/network/*": ("MIG304",)})))
    text = render_plan(plan, "text")
    assert "   blocker (suppressed by per-file-ignores 'examples/contoso/network/*'): " in text


def test_what_no_step_holds_is_marked_too(contoso):
    edit(RUNBOOK, "Import-Module Azure", f"# migcheck: ignore-file[MIG602] {REASON}\nImport-Module Azure")
    plan = build_plan(checked())
    (subscription,) = json.loads(render_plan(plan, "json"))["subscriptions"]
    held = {"by": "comment", "detail": REASON}
    assert [(b["code"], b["held_back"]) for b in subscription["other_blockers"] if b["path"] == RUNBOOK] == [
        ("MIG602", held)
    ]
    notes = [n for n in subscription["other_notes"] if n["path"] == RUNBOOK]
    assert [(n["code"], n["held_back"]) for n in notes] == [("MIG602", held)]
    text = render_plan(plan, "text")
    assert f"   blocker (suppressed: {REASON}): {RUNBOOK}:" in text
    assert f"   note (suppressed: {REASON}): {RUNBOOK}:" in text


# --- blockers Validate does not check -----------------------------------------------------------------------


def test_a_blocker_only_prepare_finds_is_marked_so_in_the_plan(contoso):
    """contoso-er-vnet has ExpressRoute and a VPN on one gateway (MIG301): Validate passes on it."""
    plan = build_plan(checked())
    text = render_plan(plan, "text").splitlines()
    mig301 = [line for line in text if " MIG301 " in line]
    assert mig301 and all(line.startswith("   blocker (found only at Prepare): ") for line in mig301)
    others = [line for line in text if line.startswith("   blocker") and " MIG301 " not in line]
    assert others and not any("found only at Prepare" in line for line in others if " MIG306 " not in line)
    assert "- **Blocker** (found only at Prepare) " in render_plan(plan, "markdown")
