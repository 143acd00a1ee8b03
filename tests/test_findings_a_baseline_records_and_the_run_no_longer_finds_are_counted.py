"""After a rename, the baseline still records the findings of the old names, which would let a finding of
those names through again: the human reports count them, and say how to refresh the baseline (so do
--statistics, and the end of the report left on the terminal by --output-file). Only the files read and
the rules run count: a run of one file or one rule says nothing of the others' entries."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import run_cli

RUNBOOK = (
    'Move-AzureVirtualNetwork -Commit -VirtualNetworkName "{network}"\n'
    'Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "{network}"\n'
)
STALE = (
    "2 findings in baseline baseline.json are no longer found (fixed, renamed or moved): record the "
    "current findings in it with --write-baseline baseline.json.\n"
)


@pytest.fixture
def renamed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    """Two runbooks, recorded in the baseline; then the networks of `hub.ps1` renamed."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hub.ps1").write_text(RUNBOOK.format(network="hub-vnet") * 2, encoding="utf-8")
    (tmp_path / "spoke.ps1").write_text(RUNBOOK.format(network="spoke-vnet"), encoding="utf-8")
    code, _, _ = run_cli(capsys, "check", ".", "--write-baseline", "baseline.json")
    assert code == 0
    for network in ("hub-vnet", "hub-vnet"):
        text = (tmp_path / "hub.ps1").read_text(encoding="utf-8")
        (tmp_path / "hub.ps1").write_text(text.replace(network, "core-vnet"), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("format", ["text", "concise"])
def test_the_findings_of_the_old_names_are_counted_before_the_summary(renamed, capsys, format):
    _, out, _ = run_cli(capsys, "check", ".", "--baseline", "baseline.json", "--format", format)

    *_, said, summary, _ = out.split("\n")
    assert said + "\n" == STALE
    assert summary.startswith("Found 2 findings")


def test_a_baseline_that_knows_every_finding_is_not_said_stale(renamed, capsys):
    run_cli(capsys, "check", ".", "--write-baseline", "baseline.json")

    _, out, _ = run_cli(capsys, "check", ".", "--baseline", "baseline.json")

    assert "no longer found" not in out


def test_entries_of_files_not_read_or_rules_not_run_are_not_counted(renamed, capsys):
    _, of_one_file, _ = run_cli(capsys, "check", "spoke.ps1", "--baseline", "baseline.json")
    _, of_one_rule, _ = run_cli(capsys, "check", ".", "--baseline", "baseline.json", "--select", "MIG601")

    assert "no longer found" not in of_one_file
    assert "no longer found" not in of_one_rule


@pytest.mark.parametrize("format", ["text", "json"])
def test_a_report_written_to_a_file_leaves_the_count_on_the_terminal_before_the_summary(
    renamed, capsys, format
):
    # The report goes to the file; the terminal (a CI log) gets its end, as the text report ends.
    _, out, _ = run_cli(
        capsys, "check", ".", "--baseline", "baseline.json", "--format", format, "--output-file", "report"
    )

    said, summary = out.splitlines(keepends=True)
    assert said == STALE
    assert summary.startswith("Found 2 findings")


def test_statistics_count_the_old_names_before_the_summary_and_quiet_ones_leave_it_out(renamed, capsys):
    _, out, _ = run_cli(capsys, "check", ".", "--baseline", "baseline.json", "--statistics")
    _, quiet, _ = run_cli(capsys, "check", ".", "--baseline", "baseline.json", "--statistics", "-q")

    *counts, said, summary = out.splitlines(keepends=True)
    assert said == STALE and summary.startswith("Found 2 findings")
    assert quiet.splitlines(keepends=True) == counts
