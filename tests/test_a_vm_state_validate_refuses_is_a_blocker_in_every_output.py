"""MIG208 is a warning, since a VM's state may have changed since the files were read, and `check` exits by
severity; but Validate refuses the VM for as long as the state lasts, so the plan and the badge count it as a
blocker. The text report tags it so and its closing line counts it with the blockers, so that the counts by
severity, the badge and the plan agree."""

from __future__ import annotations

import json

import pytest
from lint_support import JUMP_VM_STATE_DEPLOYMENT as UNKNOWN_STATE
from lint_support import run_cli

UNPARSABLE = "<NetworkConfiguration>"


@pytest.fixture
def jump(tmp_path, monkeypatch):
    (tmp_path / "jump.deployment.xml").write_text(UNKNOWN_STATE.format(state="RoleStateUnknown"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_warning_is_tagged_a_blocker_and_the_summary_counts_it(jump, capsys):
    code, out, _ = run_cli(capsys, "check", ".")
    assert code == 0  # by severity, as the exit codes promise
    assert "jump.deployment.xml:4:5: MIG208 [warning] [blocker] VM 'ops01'" in out
    # and MIG105, which blocks nothing
    assert out.splitlines()[-1] == (
        "Found 2 findings in 1 file: 2 warnings; 1 blocks the migration: 1 warning marked [blocker]."
    )
    _, badge, _ = run_cli(capsys, "badge", ".", "--format", "shields")
    assert json.loads(badge)["message"] == "1 blocker"


def test_a_file_migcheck_could_not_read_is_not_counted_as_a_blocker(jump, capsys):
    (jump / "broken.netcfg").write_text(UNPARSABLE)
    _, out, _ = run_cli(capsys, "check", ".")
    assert out.splitlines()[-1] == (
        "Found 3 findings in 2 files: 1 error, 2 warnings; 1 blocks the migration: 1 warning marked "
        "[blocker]."
    )
    _, badge, _ = run_cli(capsys, "badge", ".", "--format", "shields")
    assert json.loads(badge)["message"] == "1 blocker, 1 unread file"


def test_a_state_validate_accepts_is_no_finding_and_errors_alone_need_no_blocker_count(jump, capsys):
    (jump / "jump.deployment.xml").write_text(UNKNOWN_STATE.format(state="StoppedDeallocated"))
    (jump / "broken.netcfg").write_text(UNPARSABLE)
    _, out, _ = run_cli(capsys, "check", ".")
    assert "[blocker]" not in out
    assert out.splitlines()[-1].endswith(": 1 error, 1 warning.")  # MIG105


def test_a_warning_turned_down_to_info_blocks_nothing(jump, capsys):
    (jump / "migcheck.toml").write_text('[tool.migcheck.severity]\nMIG208 = "info"\n')
    _, out, _ = run_cli(capsys, "check", ".")
    assert "[blocker]" not in out
    # The settings file is migcheck's own, not read as an input: the count is of the file checked.
    assert out.splitlines()[-1] == "Found 2 findings in 1 file: 1 warning, 1 info."


def test_the_concise_format_tags_it_too(jump, capsys):
    _, out, _ = run_cli(capsys, "check", ".", "--format", "concise")
    assert "jump.deployment.xml:4:5: MIG208 [warning] [blocker] VM 'ops01'" in out
