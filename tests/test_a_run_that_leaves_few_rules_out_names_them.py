"""A run that leaves rules out (--select, --ignore, the settings) says what the verdicts do not cover: up to
three rules left out are named, in `check`'s last line, the readiness summary's heading and the plan's
banner; more are counted."""

from __future__ import annotations

import pytest
from lint_support import APP_VNET_NETCFG, RULES, run_cli

TOTAL = len(RULES)
# One network bound to an affinity group: MIG303, a warning, and nothing else.
AFFINITY_NETCFG = APP_VNET_NETCFG.replace('Location="North Europe"', 'AffinityGroup="ag"')


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "NetworkConfig.netcfg").write_text(AFFINITY_NETCFG)
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize(
    ("ignored", "named"),
    [
        ("MIG303", "not MIG303"),
        ("MIG303,MIG101", "not MIG101 or MIG303"),
        ("MIG303,MIG302,MIG101", "not MIG101, MIG302 or MIG303"),
    ],
)
def test_check_names_the_few_rules_left_out(project, capsys, ignored, named):
    count = TOTAL - len(ignored.split(","))
    _, out, _ = run_cli(capsys, "check", ".", "--ignore", ignored)
    assert (
        f"  (checked by {count} of {TOTAL} rules ({named}): a scope passes only as far as they tell)" in out
    )
    assert out.splitlines()[-1] == f"No findings in 1 file, checked by {count} of {TOTAL} rules ({named})."


def test_check_counts_more_rules_left_out(project, capsys):
    _, out, _ = run_cli(capsys, "check", ".", "--ignore", "MIG303,MIG302,MIG301,MIG101")
    assert out.splitlines()[-1] == f"No findings in 1 file, checked by {TOTAL - 4} of {TOTAL} rules."


def test_the_named_rules_share_the_parenthesis_of_what_was_held_back(project, capsys):
    run_cli(capsys, "check", ".", "--write-baseline", "base.json")
    _, out, _ = run_cli(
        capsys, "check", "NetworkConfig.netcfg", "--baseline", "base.json", "--ignore", "MIG101"
    )
    assert out.splitlines()[-1] == (
        f"No new findings in 1 file, checked by {TOTAL - 1} of {TOTAL} rules (not MIG101; 1 known from baseline)."
    )


@pytest.mark.parametrize("form", ["text", "markdown"])
def test_the_plan_banner_names_the_few_rules_left_out(project, capsys, form):
    _, out, _ = run_cli(capsys, "plan", ".", "--format", form, "--ignore", "MIG101")
    assert (
        f"This plan was checked by {TOTAL - 1} of {TOTAL} rules (--select, --ignore or the config left out MIG101)"
        in out
    )
    _, out, _ = run_cli(capsys, "plan", ".", "--format", form, "--ignore", "MIG101,MIG301,MIG302,MIG303")
    assert "(--select, --ignore or the config left out the others)" in out
