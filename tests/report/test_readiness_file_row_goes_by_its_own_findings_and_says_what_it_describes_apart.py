"""A file's row in the readiness summary counts its own findings, and its verdict goes by them: no Validate
runs on a file. It read "Fails: 1 warning" for a script with one warning of its own whose VM a network's row
fails on, and report-json gave the file "Validation failed" with no error. The findings of the resources it
describes are their scopes' rows': the file's row says them apart, after its own."""

from __future__ import annotations

import json
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
    verdict = "Passes with 1 warning (what it describes has 1 error, counted in the row of corpnet)"
    assert file_row.split(None, 1)[1] == verdict
    report = json.loads(run_cli(capsys, "check", ".", "--format", "report-json")[1])
    [item] = [
        i for s in report["subscriptions"] for sc in s["scopes"] for i in sc["items"] if i["type"] == "File"
    ]
    assert (item["verdict"], item["errors"], item["warnings"]) == ("Validation passed with warnings", 0, 1)


def test_a_script_whose_vm_passes_with_a_warning_passes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "deploy.ps1").write_text(SCRIPT.replace("-w corpnet", ""))
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".")
    (file_row,) = [row for row in _rows(out) if row.lstrip().startswith("deploy.ps1")]
    # The VM in no network: its service's Validate passes, warning that its addresses change (MIG105).
    verdict = "Passes with 1 warning (what it describes has 1 warning, counted in the row of web-svc)"
    assert file_row.split(None, 1)[1] == verdict
