"""The JSON, SARIF, GitHub and Azure Pipelines reports over examples/contoso say what the text report
says: which findings block the migration (`20 block the migration`, MIG208 a warning among them), the step
of the platform's migration that finds each, and the subscription's id the inventory exports state, which
the plan selects."""

from __future__ import annotations

import json

CONTOSO_ID = "8c3f2a1e-5b7d-4e9a-a1c2-3d4e5f6a7b8c"


def by_code(findings: list[dict], code: str) -> list[dict]:
    return [f for f in findings if f["code"] == code]


def test_json_counts_the_blockers_the_summary_counts(contoso, run):
    _, text, _ = run("check", "examples/contoso")
    _, out, _ = run("check", "examples/contoso", "--format", "json")
    findings = json.loads(out)
    assert "20 block the migration" in text
    assert sum(f["blocks_migration"] for f in findings) == 20
    # A warning of a state Validate refuses blocks it; a warning of a retired alert rule does not.
    assert [(f["severity"], f["blocks_migration"]) for f in by_code(findings, "MIG208")] == [
        ("warning", True)
    ]
    assert {f["blocks_migration"] for f in by_code(findings, "MIG502")} == {False}


def test_json_says_the_step_that_finds_each_finding(contoso, run):
    _, out, _ = run("check", "examples/contoso", "--format", "json")
    findings = json.loads(out)
    steps = {f["code"]: f["checked_at"] for f in findings}
    assert steps["MIG201"] == "validate"
    assert steps["MIG208"] == "validate"
    # Validate does not check a gateway's connections to local sites: Prepare fails on them.
    assert steps["MIG301"] == "prepare"
    # The circuit's move has no Validate of its own, nor has a runbook or an inventory export.
    assert steps["MIG311"] is None
    assert {f["checked_at"] for f in by_code(findings, "MIG602")} == {None}
    assert {f["checked_at"] for f in by_code(findings, "MIG502")} == {None}


def test_report_json_gives_the_same_findings_and_the_subscription_id(contoso, run):
    _, plain, _ = run("check", "examples/contoso", "--format", "json")
    _, out, _ = run("check", "examples/contoso", "--format", "report-json")
    report = json.loads(out)
    assert report["findings"] == json.loads(plain)
    assert [(s["subscription"], s["subscription_id"]) for s in report["subscriptions"]] == [
        ("default", CONTOSO_ID)
    ]


def test_report_json_subscription_id_is_empty_where_no_file_states_one(contoso, run):
    _, out, _ = run("check", "examples/ready", "--format", "report-json")
    assert [(s["subscription"], s["subscription_id"]) for s in json.loads(out)["subscriptions"]] == [
        ("default", "")
    ]


def test_sarif_results_say_what_json_says(contoso, run):
    _, plain, _ = run("check", "examples/contoso", "--format", "json")
    _, out, _ = run("check", "examples/contoso", "--format", "sarif")
    results = json.loads(out)["runs"][0]["results"]
    said = sorted(
        (r["ruleId"], r["properties"]["blocksMigration"], r["properties"]["checkedAt"]) for r in results
    )
    expected = sorted((f["code"], f["blocks_migration"], f["checked_at"]) for f in json.loads(plain))
    assert said == expected


def test_github_and_azure_annotations_say_which_warning_blocks(contoso, run):
    _, github, _ = run("check", "examples/contoso", "--format", "github")
    _, azure, _ = run("check", "examples/contoso", "--format", "azure")
    blocking = [
        line
        for line in github.splitlines()
        if line.startswith("::warning") and "blocks the migration" in line
    ]
    assert len(blocking) == 1
    assert "title=MIG208 vm-not-ready (blocks the migration)::VM 'contoso-ops01'" in blocking[0]
    assert "code=MIG208]MIG208 vm-not-ready (blocks the migration): VM 'contoso-ops01'" in azure
    # Errors block by their severity, which the annotation's level says already.
    assert "title=MIG201 endpoint-acl::" in github
    assert "MIG502 classic-alert-rule (blocks" not in github + azure
