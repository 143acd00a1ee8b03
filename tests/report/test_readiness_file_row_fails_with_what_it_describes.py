"""A file's row in the readiness summary counts its own findings, and its verdict takes in those of the
resources it describes, which the rows of their scopes hold and count: a script whose VM a network's
row fails on does not pass."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import run_cli

# The VM is in the network but in no subnet (MIG203, the network's), and the classic CLI is retired
# (MIG601, the file's own).
SCRIPT = "azure vm create web-svc img user pass -w corpnet\n"


def _rows(out: str) -> list[str]:
    return out[out.index("Readiness by migration scope:") :].splitlines()


def test_a_script_whose_vm_fails_its_network_s_validate_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "deploy.ps1").write_text(SCRIPT)
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".")
    rows = _rows(out)
    assert any("Validation failed: 1 error" in row for row in rows)
    (file_row,) = [
        row for row in rows if row.lstrip().startswith("deploy.ps1")
    ]  # not its VM's disks' account
    assert file_row.split(None, 1)[1] == "Fails: 1 warning (and 1 error in what it describes, counted above)"


def test_a_script_whose_vm_passes_with_a_warning_passes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "deploy.ps1").write_text(SCRIPT.replace("-w corpnet", ""))
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".")
    (file_row,) = [row for row in _rows(out) if row.lstrip().startswith("deploy.ps1")]
    # The VM in no network: its service's Validate passes, warning that its addresses change (MIG105).
    verdict = "Passes with warnings: 1 warning (and 1 warning in what it describes, counted above)"
    assert file_row.split(None, 1)[1] == verdict
