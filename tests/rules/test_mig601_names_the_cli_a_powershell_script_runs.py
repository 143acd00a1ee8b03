"""MIG601 names the client a script's calls go through: a PowerShell script that runs the classic CLI
(`azure vm create`) uses the CLI, not the classic Azure PowerShell module, or both where it calls both."""

from __future__ import annotations

from tests.lint_support import lint_files


def _message(tmp_path, monkeypatch, text: str) -> str:
    (finding,) = lint_files(tmp_path, monkeypatch, {"deploy.ps1": text}, "MIG601").findings
    return finding.message


def test_a_powershell_script_that_runs_only_the_cli_uses_the_cli(tmp_path, monkeypatch):
    message = _message(tmp_path, monkeypatch, "azure vm create -w net1 web1 img u p\n")
    assert "uses the classic Azure CLI in asm mode (azure vm create)" in message
    assert "PowerShell module" not in message


def test_a_powershell_script_that_runs_both_names_both(tmp_path, monkeypatch):
    text = "New-AzureService -ServiceName s -Location x\nazure vm create -w net1 web1 img u p\n"
    message = _message(tmp_path, monkeypatch, text)
    assert "uses the classic Azure PowerShell module and the classic Azure CLI in asm mode" in message
