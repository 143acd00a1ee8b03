"""`--baseline FILE` on the command line takes the place of the settings' `baseline` for `plan` and `badge`
as it does for `check`: a file that is not there stops the run with the same message, one that is there is
applied, and `--no-baseline` with it is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import SHOP_CSCFG, run_cli


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ServiceConfiguration.Cloud.cscfg").write_text(SHOP_CSCFG)
    assert run_cli(capsys, "check", ".", "--write-baseline", "known.json")[0] == 0
    return tmp_path


@pytest.mark.parametrize("command", ["check", "plan", "badge"])
def test_a_baseline_named_on_the_command_line_is_read(project, capsys, command):
    code, _, err = run_cli(capsys, command, ".", "--baseline", "known.json")
    assert code in (0, 1) and "unrecognized" not in err, err


@pytest.mark.parametrize("command", ["check", "plan", "badge"])
def test_a_baseline_named_that_is_not_there_stops_every_command_alike(project, capsys, command):
    code, _, err = run_cli(capsys, command, ".", "--baseline", "missing.json")
    assert code == 2 and "missing.json" in err and "unrecognized" not in err, err


@pytest.mark.parametrize("command", ["plan", "badge"])
def test_no_baseline_and_a_baseline_named_are_refused_together(project, capsys, command):
    code, _, err = run_cli(capsys, command, ".", "--no-baseline", "--baseline", "known.json")
    assert code == 2
    assert "--no-baseline and --baseline cannot be used together" in err


def test_the_plan_says_which_blockers_the_baseline_named_holds(project, capsys):
    _, without, _ = run_cli(capsys, "plan", ".")
    code, out, err = run_cli(capsys, "plan", ".", "--baseline", "known.json")
    assert code == 0, err
    assert "(in the baseline)" in out and "(in the baseline)" not in without
