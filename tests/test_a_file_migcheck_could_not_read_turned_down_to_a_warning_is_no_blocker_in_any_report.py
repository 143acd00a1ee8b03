"""A file migcheck could not read (MIG001) is no blocker: the platform refuses nothing for it, and the plan
and the badge list it apart as unread. Turned down to a warning by the settings, it is not tagged
`[blocker]` in the text report, nor counted as one in its closing line or in an annotation's title, as JSON's
`blocks_migration` says of it; a warning of a state Validate refuses (MIG208) beside it still is."""

from __future__ import annotations

import json

import pytest
from lint_support import JUMP_VM_STATE_DEPLOYMENT, run_cli

TURNED_DOWN = '[severity]\nMIG001 = "warning"\n'


@pytest.fixture
def broken(tmp_path, monkeypatch):
    (tmp_path / "broken.netcfg").write_text("<NetworkConfiguration>")
    (tmp_path / "migcheck.toml").write_text(TURNED_DOWN)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_text_report_neither_tags_nor_counts_it(broken, capsys):
    code, out, _ = run_cli(capsys, "check", ".")
    assert code == 0
    assert "MIG001 [warning] not well-formed XML" in out
    assert "[blocker]" not in out
    assert out.splitlines()[-1] == "Found 1 finding in 1 file: 1 warning."


def test_a_state_validate_refuses_beside_it_is_the_one_blocker(broken, capsys):
    (broken / "jump.deployment.xml").write_text(JUMP_VM_STATE_DEPLOYMENT.format(state="RoleStateUnknown"))
    _, out, _ = run_cli(capsys, "check", ".")
    assert "MIG001 [warning] not well-formed XML" in out
    assert "MIG208 [warning] [blocker] VM 'ops01'" in out
    assert out.splitlines()[-1] == (
        "Found 3 findings in 2 files: 3 warnings; 1 blocks the migration: 1 warning marked [blocker]."
    )
    _, badge, _ = run_cli(capsys, "badge", ".", "--format", "shields")
    assert json.loads(badge)["message"] == "1 blocker, 1 unread file"


@pytest.mark.parametrize("style", ["github", "azure"])
def test_an_annotation_does_not_title_it_a_blocker(broken, capsys, style):
    _, out, _ = run_cli(capsys, "check", ".", "--format", style)
    assert "MIG001 xml-syntax-error" in out
    assert "blocks the migration" not in out


def test_json_says_it_blocks_nothing_and_the_badge_says_it_is_unread(broken, capsys):
    _, out, _ = run_cli(capsys, "check", ".", "--format", "json")
    (finding,) = json.loads(out)
    assert (finding["code"], finding["severity"], finding["blocks_migration"]) == ("MIG001", "warning", False)
    _, badge, _ = run_cli(capsys, "badge", ".", "--format", "shields")
    assert json.loads(badge)["message"] == "1 unread file"


def test_its_readiness_row_is_not_taken_for_an_export_listing_resources_without_properties(broken, capsys):
    _, out, _ = run_cli(capsys, "check", ".")
    row = next(line for line in out.splitlines() if "broken.netcfg  " in line)
    assert "the export lists resources without their properties" not in row
    # A file's own finding fails or passes its row as the settings grade it.
    assert row.split("broken.netcfg", 1)[1].strip() == "Passes with 1 warning"
