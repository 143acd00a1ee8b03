"""`--format sarif`: valid SARIF 2.1.0 with rule metadata, levels, fingerprints and suppressions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from report_support import CSCFG, edit

SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture
def sarif_log(contoso, run) -> dict:
    # One finding suppressed by a comment and one by the config, so both kinds are in the log.
    edit(
        CSCFG,
        '      <EndpointAcl role="Storefront" endpoint="HttpIn"',
        "      <!-- migcheck: ignore[MIG201] removed by the cut-over runbook -->\n"
        '      <EndpointAcl role="Storefront" endpoint="HttpIn"',
    )
    (contoso / "migcheck.toml").write_text(
        '[per-file-ignores]\n"examples/contoso/vms/sql-tier/contoso-sql02.xml" = ["MIG202"]\n'
    )
    code, out, _ = run("check", "examples/contoso", "--format", "sarif")
    assert code == 1
    return json.loads(out)


def test_sarif_is_valid_against_the_official_schema(sarif_log):
    if not SCHEMA.exists():
        pytest.skip(f"{SCHEMA} is not here")
    from jsonschema import Draft4Validator

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(Draft4Validator(schema).iter_errors(sarif_log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_driver_lists_rules_with_docs_and_default_levels(sarif_log, run):
    driver = sarif_log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "migcheck"
    assert driver["name"] == "migcheck" and driver["version"]
    rules = {r["id"]: r for r in driver["rules"]}
    acl = rules["MIG201"]
    assert acl["name"] == "endpoint-acl"
    assert acl["defaultConfiguration"] == {"level": "error"}
    assert (
        acl["shortDescription"]["text"] == "An endpoint has an access control list, which blocks migration."
    )
    _, docs, _ = run("rule", "MIG201")
    assert acl["help"]["markdown"] == docs
    assert rules["MIG002"]["defaultConfiguration"] == {"level": "warning"}


def test_results_point_at_relative_files_with_rule_index(sarif_log):
    run = sarif_log["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    for result in run["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert location["artifactLocation"]["uri"].startswith("examples/contoso/")
    first_acl = next(
        r for r in run["results"] if r["ruleId"] == "MIG201" and "contoso-sql01" in r["message"]["text"]
    )
    assert first_acl["level"] == "error"
    assert first_acl["locations"][0]["physicalLocation"]["region"] == {"startLine": 24, "startColumn": 11}


def test_fingerprints_are_unique(sarif_log):
    prints = [r["partialFingerprints"]["migcheck/v1"] for r in sarif_log["runs"][0]["results"]]
    assert len(prints) == len(set(prints))


def test_suppressed_findings_are_included_and_marked(sarif_log):
    suppressed = [r for r in sarif_log["runs"][0]["results"] if "suppressions" in r]
    by_rule = {r["ruleId"]: r["suppressions"] for r in suppressed}
    assert by_rule == {
        "MIG201": [{"kind": "inSource", "justification": "removed by the cut-over runbook"}],
        "MIG202": [{"kind": "external"}],
    }
    acl = next(r for r in suppressed if r["ruleId"] == "MIG201")
    assert acl["locations"][0]["physicalLocation"]["region"]["startLine"] == 56
