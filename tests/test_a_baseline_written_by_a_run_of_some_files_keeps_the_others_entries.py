"""`check spoke.ps1 --write-baseline baseline.json` (what the report advises after a run of one file) records
the findings of spoke.ps1 and keeps what the baseline records of the other files, so the next `check .`
finds nothing new; so does a run of some rules (--select) for the other rules. A run of the whole folder
writes every entry anew, and an entry of a file that is gone goes with it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import run_cli

RUNBOOK = (
    'Move-AzureVirtualNetwork -Commit -VirtualNetworkName "{network}"\n'
    'Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "{network}"\n'
)


@pytest.fixture
def recorded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    """Two runbooks, one in a subfolder, recorded in the baseline."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hub").mkdir()
    (tmp_path / "hub" / "hub.ps1").write_text(RUNBOOK.format(network="hub-vnet"), encoding="utf-8")
    (tmp_path / "spoke.ps1").write_text(RUNBOOK.format(network="spoke-vnet"), encoding="utf-8")
    code, _, _ = run_cli(capsys, "check", ".", "--write-baseline", "baseline.json")
    assert code == 0
    return tmp_path


def entries(folder: Path) -> list[tuple[str, str]]:
    data = json.loads((folder / "baseline.json").read_text(encoding="utf-8"))
    return sorted((entry["path"], entry["code"]) for entry in data["findings"])


def test_a_run_of_one_file_keeps_the_other_files_entries(recorded, capsys):
    before = entries(recorded)

    _, wrote, _ = run_cli(capsys, "check", "spoke.ps1", "--write-baseline", "baseline.json")
    code, out, _ = run_cli(capsys, "check", ".", "--baseline", "baseline.json")

    hub = [entry for entry in before if entry[0] == "hub/hub.ps1"]
    assert hub and set(hub) <= set(entries(recorded))
    assert f"and kept {len(hub)} finding" in wrote
    assert code == 0 and "No new findings in 2 files" in out


def test_a_run_of_some_rules_keeps_the_other_rules_entries(recorded, capsys):
    before = entries(recorded)

    run_cli(capsys, "check", ".", "--select", "MIG601", "--write-baseline", "baseline.json")

    assert entries(recorded) == before
    assert any(code != "MIG601" for _, code in before)


def test_a_run_of_a_folder_writes_its_entries_anew(recorded, capsys):
    (recorded / "hub" / "hub.ps1").write_text("Write-Output 'moved'\n", encoding="utf-8")

    run_cli(capsys, "check", "hub", "--write-baseline", "baseline.json")

    assert [path for path, _ in entries(recorded)] == ["spoke.ps1"] * len(entries(recorded))


def test_the_entries_of_a_file_that_is_gone_go(recorded, capsys):
    (recorded / "hub" / "hub.ps1").unlink()

    run_cli(capsys, "check", "spoke.ps1", "--write-baseline", "baseline.json")

    assert {path for path, _ in entries(recorded)} == {"spoke.ps1"}


def test_a_run_of_the_whole_folder_writes_every_entry_anew(recorded, capsys):
    (recorded / "hub" / "hub.ps1").write_text("Write-Output 'moved'\n", encoding="utf-8")

    run_cli(capsys, "check", ".", "--write-baseline", "baseline.json")

    assert {path for path, _ in entries(recorded)} == {"spoke.ps1"}
