"""PowerShell 7's `a || exit 1` and `a || throw "x"`, where the grammar reads `exit` and `throw` as the
name of a command: the word ends the path where `a` failed, as bash's `... || exit 1` does. After an
action the script means to succeed (`New-AzureReservedIP … || exit 1`), what follows runs on the path the
script means, surely: a teardown after it removes what the script built. After a query of a classic
resource, which fails when there is none (`Get-AzureService -ServiceName other || exit 1`, or `&& exit 0`),
what follows runs only where the query answered so, as after `if (-not $?) { exit 1 }`: the path may end
before it, and a teardown there keeps what the script built, where the word was read as a command that
ended nothing."""

from __future__ import annotations

import pytest
from lint_support import run_cli

from migcheck.model import MAYBE_RUNS, Script
from migcheck.readers import read_document

BUILD = """\
New-AzureQuickVM -Windows -ServiceName web -Name vm1 -ImageName img -AdminUsername a -Password p -Location "West US"
New-AzureQuickVM -Windows -ServiceName web -Name vm2 -ImageName img -AdminUsername a -Password p
"""
TEARDOWN = "Remove-AzureVM -ServiceName web -Name vm2\n"
QUERY = "Get-AzureService -ServiceName other"
ACTION = 'New-AzureReservedIP -ReservedIPName rip -Location "West US"'


def summary(tmp_path, monkeypatch, capsys, script: str) -> str:
    (tmp_path / "deploy.ps1").write_text(script, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return run_cli(capsys, "check", ".")[1]


def runs(script: str) -> dict[str, str]:
    """How surely each classic call of the script runs, by cmdlet."""
    document = read_document("deploy.ps1", script.encode(), explicit=True)
    assert document is not None
    (found,) = [r for r in document.resources if isinstance(r, Script)]
    return {call.name: call.runs for call in found.calls}


@pytest.mark.parametrize("ending", ["|| exit 1", '|| throw "no service other"', "&& exit 0"])
def test_a_teardown_past_a_query_that_may_end_the_script_keeps_the_vm(tmp_path, monkeypatch, capsys, ending):
    text = summary(tmp_path, monkeypatch, capsys, f"{BUILD}{QUERY} {ending}\n{TEARDOWN}")
    assert "web (2 VMs)" in text
    assert runs(f"{QUERY} {ending}\n{TEARDOWN}")["Remove-AzureVM"] == MAYBE_RUNS


@pytest.mark.parametrize("ending", ["|| exit 1", '|| throw "no reserved IP"'])
def test_a_teardown_past_an_action_that_exits_only_when_it_fails_removes_the_vm(
    tmp_path, monkeypatch, capsys, ending
):
    text = summary(tmp_path, monkeypatch, capsys, f"{BUILD}{ACTION} {ending}\n{TEARDOWN}")
    assert "web (1 VM)" in text
    assert runs(f"{ACTION} {ending}\n{TEARDOWN}")["Remove-AzureVM"] == ""
