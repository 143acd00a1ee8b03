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
    assert rules["MIG303"]["defaultConfiguration"] == {"level": "warning"}


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
    # From the `<` of <EndpointAccessControlList> to the end of its start tag.
    assert first_acl["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 24,
        "startColumn": 11,
        "endLine": 24,
        "endColumn": 38,
    }


def test_fingerprints_are_unique(sarif_log):
    prints = [r["partialFingerprints"]["migcheck/v1"] for r in sarif_log["runs"][0]["results"]]
    assert len(prints) == len(set(prints))


def test_suppressed_findings_are_included_and_marked(sarif_log):
    suppressed = [r for r in sarif_log["runs"][0]["results"] if "suppressions" in r]
    by_rule = {r["ruleId"]: r["suppressions"] for r in suppressed}
    comment = {"artifactLocation": {"uri": CSCFG, "uriBaseId": "%SRCROOT%"}, "region": {"startLine": 55}}
    assert by_rule == {
        "MIG201": [
            {
                "kind": "inSource",
                "justification": "removed by the cut-over runbook",
                "location": {"physicalLocation": comment},
            }
        ],
        "MIG202": [
            {
                "kind": "external",
                "justification": "per-file-ignores 'examples/contoso/vms/sql-tier/contoso-sql02.xml' in the config",
            }
        ],
    }
    acl = next(r for r in suppressed if r["ruleId"] == "MIG201")
    assert acl["locations"][0]["physicalLocation"]["region"]["startLine"] == 56


def test_a_per_file_ignore_with_comments_switched_off_is_external(contoso, run):
    # The comment and the config both cover the ACL; with comments off, only the config's ignore counts.
    edit(
        CSCFG,
        '      <EndpointAcl role="Storefront" endpoint="HttpIn"',
        "      <!-- migcheck: ignore[MIG201] removed by the cut-over runbook -->\n"
        '      <EndpointAcl role="Storefront" endpoint="HttpIn"',
    )
    (contoso / "migcheck.toml").write_text(f'[per-file-ignores]\n"{CSCFG}" = ["endpoint-acl"]\n')
    out = run("check", "examples/contoso", "--format", "sarif", "--no-inline-suppressions")[1]
    results = json.loads(out)["runs"][0]["results"]
    uri = {"uri": CSCFG, "uriBaseId": "%SRCROOT%"}
    acls = [
        r
        for r in results
        if r["ruleId"] == "MIG201" and r["locations"][0]["physicalLocation"]["artifactLocation"] == uri
    ]
    assert len(acls) == 2  # the one under the comment and the other one
    for acl in acls:
        assert acl["suppressions"] == [
            {"kind": "external", "justification": f"per-file-ignores '{CSCFG}' in the config"}
        ]


def test_baselined_findings_are_external_suppressions(contoso, run):
    run("check", "examples/contoso", "--select", "MIG202", "--write-baseline", "ci/baseline.json")
    (contoso / "migcheck.toml").write_text('baseline = "ci/baseline.json"\n')
    results = json.loads(run("check", "examples/contoso", "--format", "sarif")[1])["runs"][0]["results"]
    held = {r["ruleId"]: r["suppressions"] for r in results if "suppressions" in r}
    assert held == {"MIG202": [{"kind": "external", "justification": "known from baseline ci/baseline.json"}]}
    assert sum(r["ruleId"] == "MIG202" for r in results) == 3  # counted, never silently lost


def test_with_a_baseline_each_result_says_whether_it_is_new_or_known(contoso, run):
    # SARIF 2.1.0 §3.27.24: a result the baseline knows is "unchanged", any other "new"; the log stays valid.
    run("check", "examples/contoso", "--select", "MIG202", "--write-baseline", "ci/baseline.json")
    (contoso / "migcheck.toml").write_text('baseline = "ci/baseline.json"\n')
    log = json.loads(run("check", "examples/contoso", "--format", "sarif")[1])
    results = log["runs"][0]["results"]
    states = {(r["ruleId"], r["baselineState"]) for r in results}
    assert ("MIG202", "unchanged") in states
    assert all(state == "unchanged" for code, state in states if code == "MIG202"), states
    assert all(state == "new" for code, state in states if code != "MIG202"), states
    if SCHEMA.exists():
        from jsonschema import Draft4Validator

        assert not list(Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).iter_errors(log))


def test_without_a_baseline_no_result_has_a_baseline_state(contoso, run):
    run("check", "examples/contoso", "--select", "MIG202", "--write-baseline", "ci/baseline.json")
    (contoso / "migcheck.toml").write_text('baseline = "ci/baseline.json"\n')
    out = run("check", "examples/contoso", "--format", "sarif", "--no-baseline")[1]
    results = json.loads(out)["runs"][0]["results"]
    assert results
    assert not [r for r in results if "baselineState" in r]


def test_the_run_and_each_result_name_the_subscription(sarif_log):
    run = sarif_log["runs"][0]
    # The name the report keys on, and the id the inventory exports state, as the plan selects it.
    contoso = "8c3f2a1e-5b7d-4e9a-a1c2-3d4e5f6a7b8c"
    assert run["properties"]["subscriptions"] == [{"name": "default", "id": contoso, "files": 15}]
    assert {r["properties"]["subscription"] for r in run["results"]} == {"default"}
    assert {r["properties"]["subscriptionId"] for r in run["results"]} == {contoso}


def apply_replacements(text: str, replacements: list[dict]) -> str:
    """SARIF replacements applied to `text` (regions in code points, as the run's columnKind says)."""
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1

    spans = []
    for change in replacements:
        region = change["deletedRegion"]
        start = offset(region["startLine"], region["startColumn"])
        spans.append(
            (start, offset(region["endLine"], region["endColumn"]), change["insertedContent"]["text"])
        )
    for start, end, inserted in sorted(spans, reverse=True):
        text = text[:start] + inserted + text[end:]
    return text


def test_fixes_are_the_edits_check_fix_makes(contoso, run):
    code, out, _ = run("check", "examples/contoso", "--format", "sarif")
    assert code == 1
    results = json.loads(out)["runs"][0]["results"]
    fixed: dict[str, list[dict]] = {}
    for result in results:
        for fix in result.get("fixes", ()):
            assert "suppressions" not in result
            if "(unsafe" in fix["description"]["text"]:
                continue
            for change in fix["artifactChanges"]:
                fixed.setdefault(change["artifactLocation"]["uri"], []).extend(change["replacements"])
    assert {r["ruleId"] for r in results if "fixes" in r} >= {"MIG304", "MIG204", "MIG201", "MIG205"}
    expected = {
        uri: apply_replacements(Path(uri).read_text(encoding="utf-8"), edits) for uri, edits in fixed.items()
    }
    assert run("check", "examples/contoso", "--fix")[0] == 1  # blockers without a fix are left
    assert {uri: Path(uri).read_text(encoding="utf-8") for uri in expected} == expected
