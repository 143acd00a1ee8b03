"""A finding's message says what is wrong and why it matters; its help (`fix`) says what to do. The text
report prints both and the plan joins them into one note, so a message that tells the fix too says it twice
("...record its definition, to recreate it..." then "Before migrating, record... then recreate it...")."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import graph_page, graph_vm, lint_files

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plan import build_plan
from migcheck.plugins import load_rules

ROOT = Path(__file__).resolve().parents[1]
RULES = load_rules(entry_points=False)
# The rules whose messages told the fix as well: alerts and autoscale settings (MIG502, MIG503), the backup
# and XML extensions (MIG206, MIG204), a blob name with '/' (MIG401), an affinity-group network (MIG303), a
# gateway with ExpressRoute and a VPN (MIG301), a network linked to a circuit (MIG302), boot diagnostics with
# Premium disks (MIG205).
RULES_TOLD_ONCE = ("MIG502", "MIG503", "MIG206", "MIG204", "MIG401", "MIG303", "MIG301", "MIG302", "MIG205")
# What their helps tell to do.
INSTRUCTIONS = (
    "before migrating",
    "record",
    "recreate",
    "uninstall",
    "stop protection",
    "copy the vhd",
    "make it",
    "remove the",
    "move the",
    "disable",
    "empty the",
    "exclude",
)


def _instructions(message: str) -> list[str]:
    return [said for said in INSTRUCTIONS if said in message.casefold()]


@pytest.fixture(scope="module")
def contoso():
    return lint([str(ROOT / "examples" / "contoso")], Config(), RULES)


def test_the_examples_messages_leave_what_to_do_to_the_help(contoso):
    told = [f for f in contoso.findings if f.code in RULES_TOLD_ONCE]
    assert sorted({f.code for f in told}) == sorted(RULES_TOLD_ONCE)  # each rule has a finding to look at
    for finding in told:
        assert _instructions(finding.message) == [], f"{finding.code}: {finding.message}"
        assert finding.fix  # the help says it


def test_a_script_that_turns_on_backup_is_told_what_to_do_once(tmp_path, monkeypatch):
    script = "Enable-AzRecoveryServicesBackupProtection -Policy $pol -Name app01 -ServiceName contoso-app\n"
    rows = graph_page(graph_vm("11111111-1111-1111-1111-111111111111", "contoso-app", "app01"))
    result = lint_files(tmp_path, monkeypatch, {"protect.ps1": script, "classic.json": rows}, "MIG206")
    (finding,) = result.findings
    assert _instructions(finding.message) == []
    assert "stop protection" in finding.fix.casefold()


def test_the_plan_says_to_record_an_alert_once(contoso):
    (subscription, *_) = build_plan(contoso).subscriptions
    notes = [n for n in subscription.other_notes if n.finding.code in ("MIG502", "MIG503")]
    assert len(notes) == 2
    for note in notes:
        said = f"{note.finding.message}. {note.finding.fix}".casefold()
        assert said.count("record") == 1 and said.count("recreate") == 1


# The Defender for Cloud extension and plan (MIG207) have no finding in the examples: their rule's own
# examples stand in for them, as they do for the formats the examples do not use (scripts, exports).
TOLD_BY_THEIR_EXAMPLES = (*RULES_TOLD_ONCE, "MIG207")
EXAMPLES = [
    pytest.param(rule, example, id=f"{rule.code}-invalid{i}")
    for rule in RULES
    if rule.code in TOLD_BY_THEIR_EXAMPLES
    for i, example in enumerate(rule.invalid)
]


@pytest.mark.parametrize(("rule", "example"), EXAMPLES)
def test_each_case_the_rule_documents_leaves_what_to_do_to_the_help(rule, example, tmp_path, monkeypatch):
    for name, text in example.files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    found = lint(["."], Config(select=(rule.code,)), RULES).findings
    assert found
    for finding in found:
        assert _instructions(finding.message) == [], finding.message
        assert finding.fix
