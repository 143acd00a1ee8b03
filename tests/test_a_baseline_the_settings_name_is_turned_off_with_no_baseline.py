"""A baseline named in the settings applies to every run; `--no-baseline` turns it off for one run of
`check`, `plan` or `badge` (to see or fix every finding) without editing the settings file."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import SHOP_CSCFG, run_cli


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ServiceConfiguration.Cloud.cscfg").write_text(SHOP_CSCFG)
    assert run_cli(capsys, "check", ".", "--write-baseline", "baseline.json")[0] == 0
    (tmp_path / "pyproject.toml").write_text('[tool.migcheck]\nbaseline = "baseline.json"\n')
    return tmp_path


def test_the_settings_baseline_holds_back_every_known_finding(project, capsys):
    code, out, _ = run_cli(capsys, "check", ".", "--select", "MIG201")
    assert code == 0 and "No new findings" in out


def test_no_baseline_reports_every_finding(project, capsys):
    code, out, _ = run_cli(capsys, "check", ".", "--select", "MIG201", "--no-baseline")
    assert code == 1
    assert "ServiceConfiguration.Cloud.cscfg:13:" in out and "MIG201" in out
    assert "known from baseline" not in out


@pytest.mark.parametrize("command", ["plan", "badge"])
def test_plan_and_badge_apply_no_baseline_either(project, capsys, command):
    # A baseline the settings name that is not there stops the run; --no-baseline does not read it.
    (project / "baseline.json").unlink()
    code, _, err = run_cli(capsys, command, ".")
    assert code == 2 and "`baseline`" in err
    code, _, err = run_cli(capsys, command, ".", "--no-baseline")
    assert code == 0, err


def test_no_baseline_and_a_baseline_named_are_refused_together(project, capsys):
    code, _, err = run_cli(capsys, "check", ".", "--no-baseline", "--baseline", "baseline.json")
    assert code == 2
    assert "--no-baseline and --baseline cannot be used together" in err


def test_help_says_what_no_baseline_does(capsys):
    with pytest.raises(SystemExit):
        run_cli(capsys, "check", "--help")
    assert "--no-baseline" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["plan", "badge"])
def test_plan_and_badge_help_say_a_baseline_marks_findings_known_and_hides_none(capsys, command):
    # The plan and the badge count a recorded finding all the same (the platform refuses it all the same),
    # and fix nothing: their help said they report only new findings and fix every one without a baseline.
    with pytest.raises(SystemExit):
        run_cli(capsys, command, "--help")
    text = " ".join(capsys.readouterr().out.split())
    assert "mark the findings recorded in FILE as known (they still count" in text
    assert "report only findings not recorded" not in text and "fixed" not in text
