"""`migcheck badge`: an SVG badge and a shields.io endpoint JSON with the estate's migration status."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from report_support import findings

from migcheck.report import badge

SVG = "{http://www.w3.org/2000/svg}"


def badge_text(svg: str) -> tuple[list[str], list[str]]:
    """The texts and the fill colours of a badge, after checking that it is well-formed XML."""
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    texts = [t.text for t in root.iter(f"{SVG}text")]
    fills = [r.get("fill") for r in root.iter(f"{SVG}rect")]
    return texts, fills


def test_blockers_are_red(contoso, run):
    # What the plan blocks on: errors, and warnings of a VM state Validate refuses (MIG208).
    blockers = sum(
        f["severity"] == "error" or f["code"] == "MIG208" for f in findings(run, "examples/contoso")
    )
    code, out, _ = run("badge", "examples/contoso")
    texts, fills = badge_text(out)
    assert code == 0
    assert texts[-1] == f"{blockers} blockers"
    assert "#e05d44" in fills
    assert "http" not in out.replace("http://www.w3.org/2000/svg", "")  # nothing fetched from elsewhere


def test_warnings_only_are_yellow(contoso, run):
    (contoso / "migcheck.toml").write_text('select = ["MIG501"]\n')
    acls = sum(f["code"] == "MIG501" for f in findings(run, "examples/contoso"))
    texts, fills = badge_text(run("badge", "examples/contoso")[1])
    # The circuit of contoso-er-vnet, whose service key no file states, is not decided either.
    assert texts[-1] == f"{acls} warnings, 1 name to fill in"
    assert "#dfb317" in fills  # shields.io's `yellow`, which the endpoint JSON names
    shields = json.loads(run("badge", "examples/contoso", "--format", "shields")[1])
    assert (shields["message"], shields["color"]) == (f"{acls} warnings, 1 name to fill in", "yellow")


def test_errors_the_settings_turn_down_to_warnings_still_block_the_migration(contoso, run):
    # The platform refuses an endpoint ACL whatever a team calls it: the badge counts the blockers.
    (contoso / "migcheck.toml").write_text('select = ["MIG201"]\n[severity]\nMIG201 = "warning"\n')
    acls = sum(f["code"] == "MIG201" for f in findings(run, "examples/contoso"))
    assert acls > 1
    assert badge_text(run("badge", "examples/contoso")[1])[0][-1] == f"{acls} blockers"


def test_ready_is_green_and_written_to_a_file(contoso, run):
    code, out, _ = run("badge", "examples/ready", "--output", "public/migration.svg")
    assert (code, out) == (0, "")
    texts, fills = badge_text((contoso / "public" / "migration.svg").read_text(encoding="utf-8"))
    assert texts == ["migration", "migration", "ready", "ready"]
    assert "#4c1" in fills


def test_shields_endpoint_json(contoso, run):
    assert json.loads(run("badge", "examples/ready", "--format", "shields")[1]) == {
        "schemaVersion": 1,
        "label": "migration",
        "message": "ready",
        "color": "brightgreen",
    }
    one = json.loads(run("badge", "examples/contoso", "--select", "MIG202", "--format", "shields")[1])
    assert one["color"] == "red" and one["message"].endswith(" blockers")


def test_the_badge_runs_with_the_config_baseline(contoso, run, monkeypatch):
    # The badge renders the same run as `migcheck check`: the config's baseline is in its filter stage.
    run("check", "examples/contoso", "--select", "MIG201", "--write-baseline", "ci/acls.json")
    (contoso / "pyproject.toml").write_text('[tool.migcheck]\nbaseline = "ci/acls.json"\n')
    rendered = []
    real = badge.render
    monkeypatch.setattr(
        badge, "render", lambda result, style="svg": rendered.append(result) or real(result, style)
    )
    code, out, _ = run("badge", "examples/contoso")
    assert code == 0 and badge_text(out)
    (result,) = rendered
    assert {f.code for f in result.known} == {"MIG201"}
    assert "MIG201" not in {f.code for f in result.findings}
    assert {s.reason.detail for s in result.suppressed} == {"ci/acls.json"}

    (contoso / "pyproject.toml").write_text('[tool.migcheck]\nbaseline = "ci/gone.json"\n')
    code, out, err = run("badge", "examples/contoso")
    assert (code, out) == (2, "")
    assert "cannot read baseline ci/gone.json" in err
