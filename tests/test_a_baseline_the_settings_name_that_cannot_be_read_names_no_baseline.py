"""A baseline the settings name that cannot be read stops `check`, `plan` and `badge` (exit 2): the refusal says,
besides how to record it, that `--no-baseline` passes the setting over for one run, without editing the
settings; a `--baseline` given on the command line is the user's own choice, and is not told so."""

from __future__ import annotations

import pytest
from lint_support import run_cli

NETCFG = '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration"/>\n'


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.migcheck]\nbaseline = "missing.json"\n')
    (tmp_path / "NetworkConfig.netcfg").write_text(NETCFG)
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize("command", ["check", "plan", "badge"])
def test_the_refusal_names_no_baseline(project, capsys, command):
    code, _, err = run_cli(capsys, command, ".")
    assert code == 2
    assert err.splitlines()[0].endswith("(or pass it over for this run with --no-baseline)")


def test_no_baseline_then_runs(project, capsys):
    code, _, _ = run_cli(capsys, "check", ".", "--no-baseline")
    assert code == 0


def test_a_baseline_given_on_the_command_line_is_not_told_to_pass_it_over(project, capsys):
    code, _, err = run_cli(capsys, "check", ".", "--baseline", "other.json")
    assert code == 2
    assert "--no-baseline" not in err
