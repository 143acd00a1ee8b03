"""MIG601 on a runbook that creates classic resources points at the first create that runs, a called
function's or the script's own, never at one in a function nothing calls (which fails nothing); a create
that runs only under a condition (a "create if missing" under `if (-not $s)`) is said to fail whenever it
runs, not today whatever happens. The reader says how surely each call runs (`ClassicCall.runs`)."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.model import MAYBE_RUNS, UNCALLED_RUNS, Script
from migcheck.readers import read_document

UNUSED = (
    'function Unused { New-AzureQuickVM -Windows -ServiceName "x" -Name "vm" -ImageName "img" -Password "p" '
    '-AdminUsername "a" }\n'
)
IF_MISSING = (
    '$s = Get-AzureService -ServiceName "lab-app" -ErrorAction SilentlyContinue\n'
    'if (-not $s) { New-AzureService -ServiceName "lab-app" -Location "West Europe" }\n'
)
STEPS = """\
Move-AzureService -Validate -ServiceName "lab-app" -DeploymentName "lab-app" -CreateNewVirtualNetwork
Move-AzureService -Prepare -ServiceName "lab-app" -DeploymentName "lab-app" -CreateNewVirtualNetwork
Move-AzureService -Commit -ServiceName "lab-app" -DeploymentName "lab-app"
"""
SURELY = 'New-AzureStorageAccount -StorageAccountName "labsa" -Location "West Europe"\n'


def _finding(tmp_path, monkeypatch, script: str):
    result = lint_files(tmp_path, monkeypatch, {"lab.ps1": script}, "MIG601", dedent=False)
    (finding,) = result.findings
    return f"{finding.mark.line}:{finding.mark.column}", finding.message


def _runs(script: str) -> dict[str, str]:
    doc = read_document("lab.ps1", script.encode(), explicit=True)
    assert doc is not None
    (found,) = [r for r in doc.resources if isinstance(r, Script)]
    return {call.name: call.runs for call in found.calls}


def test_the_reader_says_how_surely_each_call_runs():
    runs = _runs(UNUSED + IF_MISSING + SURELY + STEPS)
    assert runs["New-AzureQuickVM"] == UNCALLED_RUNS
    assert runs["New-AzureService"] == MAYBE_RUNS
    assert runs["New-AzureStorageAccount"] == ""
    called = UNUSED.replace("Unused", "Build") + "Build\n"
    assert _runs(called + STEPS)["New-AzureQuickVM"] == ""


def test_a_create_in_a_function_nothing_calls_is_not_pointed_at(tmp_path, monkeypatch):
    at, message = _finding(tmp_path, monkeypatch, UNUSED + IF_MISSING + STEPS)
    assert at == "3:16"
    assert "New-AzureQuickVM" not in message
    assert "(New-AzureService) fail today whenever they run (they may not" in message


def test_only_creates_nothing_calls_are_no_finding(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"lab.ps1": UNUSED + STEPS}, "MIG601", dedent=False)
    assert not result.findings


def test_the_first_create_that_surely_runs_is_pointed_at(tmp_path, monkeypatch):
    at, message = _finding(tmp_path, monkeypatch, IF_MISSING + SURELY + STEPS)
    assert at == "3:1"
    assert "(New-AzureService, New-AzureStorageAccount) fail today (New-AzureService whenever it runs" in (
        message
    )


def test_a_called_function_s_create_fails_today(tmp_path, monkeypatch):
    called = UNUSED.replace("Unused", "Build") + "Build\n"
    at, message = _finding(tmp_path, monkeypatch, called + STEPS)
    assert at == "1:18"
    assert "(New-AzureQuickVM) fail today, since" in message
