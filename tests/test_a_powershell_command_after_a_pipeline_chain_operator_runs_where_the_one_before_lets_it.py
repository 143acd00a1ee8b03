"""PowerShell 7's pipeline chains are read as the shell reader reads bash's `&&` and `||`: what follows `||`
runs only when what comes before fails (`Test-AzureName -Service web || New-AzureService web`), so a create
there fails today only whenever it runs; what follows `&&` runs only when what comes before succeeds, which
an action the script expects to succeed does (it runs where that runs), while a query of a classic resource
fails when there is none, so after one it is a branch that may not run. Every part was read as surely
run."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import MAYBE_RUNS, Script
from migcheck.readers import read_document

CREATE_SERVICE = 'New-AzureService -ServiceName "web" -Location "West Europe"'
CREATE_VM = (
    'New-AzureQuickVM -Windows -ServiceName "web" -Name "vm1" -ImageName img -AdminUsername a -Password p'
)


def runs(script: str) -> dict[str, str]:
    """How surely each classic call of the script runs, by cmdlet."""
    document = read_document("deploy.ps1", script.encode(), explicit=True)
    assert document is not None
    (found,) = [r for r in document.resources if isinstance(r, Script)]
    return {call.name: call.runs for call in found.calls}


@pytest.mark.parametrize(
    "script",
    [
        f"Test-AzureName -Service web || {CREATE_SERVICE}\n",
        f"Get-AzureService -ServiceName web -ErrorAction SilentlyContinue || {CREATE_SERVICE}\n",
        f"Get-AzureService -ServiceName web && Remove-AzureService web -Force || {CREATE_SERVICE}\n",
    ],
)
def test_a_create_after_or_or_may_not_run(script):
    assert runs(script)["New-AzureService"] == MAYBE_RUNS


def test_a_command_after_and_and_that_follows_a_query_may_not_run():
    assert runs("Get-AzureService -ServiceName web && Remove-AzureService web -Force\n") == {
        "Get-AzureService": "",
        "Remove-AzureService": MAYBE_RUNS,
    }


def test_a_command_after_and_and_that_follows_an_action_runs_where_the_action_does():
    assert runs(f"{CREATE_SERVICE} && {CREATE_VM}\n") == {"New-AzureService": "", "New-AzureQuickVM": ""}


def test_mig601_says_a_create_after_or_or_fails_whenever_it_runs(tmp_path, monkeypatch):
    script = f"Test-AzureName -Service web || {CREATE_SERVICE}\n"
    (finding,) = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG601", dedent=False).findings
    assert "fail today whenever they run" in finding.message
