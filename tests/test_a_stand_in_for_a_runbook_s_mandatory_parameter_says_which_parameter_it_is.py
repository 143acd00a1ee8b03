"""A cloud service a runbook or script creates under a name it takes from a mandatory parameter of its own
(`[Parameter(Mandatory)] $ServiceName`, which the job or run that starts it must be given) is shown under a
stand-in that says which parameter it is (`<cloud service name, -ServiceName of workflow New-TestVM,
New-TestVM.ps1:6>`), and the plan's note says the name to fill in is the value given to it: the runbook's
job history or schedule holds it. Through a child runbook a parent starts, the parameter is the parent's.
A parameter of the script's own that may be left out (`param($ServiceName)`) is named so too: what to fill
in is still the value a run gives it, where it was said only where the name is passed."""

from __future__ import annotations

import json

import pytest
from lint_support import run_cli

WORKFLOW = """\
workflow New-TestVM
{
    param ([parameter(Mandatory)] [String] $ServiceName)
    $Username = 'ops'
    $Password = Get-AutomationVariable -Name pw
    New-AzureQuickVM -Windows -ServiceName $ServiceName -Name web1 -ImageName img -Password $Password -AdminUsername $Username
}
"""
SCRIPT = """\
param ([Parameter(Mandatory=$true)] [string] $ServiceName)
New-AzureQuickVM -Windows -ServiceName $ServiceName -Name web1 -ImageName img -Password p -AdminUsername u
"""
PARENT = """\
workflow New-Estate
{
    param ([Parameter(Mandatory=$true)] [string] $ProjectName)
    New-TestVM -ServiceName $ProjectName
}
"""


def notes(tmp_path, monkeypatch, capsys, files: dict[str, str]) -> list[str]:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    # Not the storage account of a VM's disks, which no parameter names: the VM's step comes first.
    steps = [
        step for sub in json.loads(out)["subscriptions"] for step in sub["steps"] if step["kind"] != "storage"
    ]
    return [note for step in steps for note in step["notes"] if note.startswith("Fill in first")]


@pytest.mark.parametrize(
    ("files", "parameter", "at"),
    [
        ({"New-TestVM.ps1": WORKFLOW}, "-ServiceName of workflow New-TestVM", "New-TestVM.ps1:6"),
        ({"deploy.ps1": SCRIPT}, "-ServiceName of the script", "deploy.ps1:2"),
        (
            {"New-TestVM.ps1": WORKFLOW, "New-Estate.ps1": PARENT},
            "-ProjectName of workflow New-Estate",
            "New-TestVM.ps1:6",
        ),
    ],
    ids=["runbook", "script", "parent-runbook"],
)
def test_the_stand_in_and_the_note_name_the_mandatory_parameter(
    tmp_path, monkeypatch, capsys, files, parameter, at
):
    [note] = notes(tmp_path, monkeypatch, capsys, files)
    assert note.startswith(
        "Fill in first: the files do not state the name of this cloud service: it is the value given to "
        f"{parameter}, which the command at {at} acts on when it runs. "
        f"'<cloud service name, {parameter}, {at}>' stands for it in this step"
    ), note


@pytest.mark.parametrize("declared", ["[string] $ServiceName", "$ServiceName"])
def test_a_parameter_of_the_script_that_may_be_left_out_is_named_so_too(
    tmp_path, monkeypatch, capsys, declared
):
    script = SCRIPT.replace("[Parameter(Mandatory=$true)] [string] $ServiceName", declared)
    [note] = notes(tmp_path, monkeypatch, capsys, {"deploy.ps1": script})
    assert note.startswith(
        "Fill in first: the files do not state the name of this cloud service: it is the value given to "
        "-ServiceName of the script, which the command at deploy.ps1:2 acts on when it runs. "
        "'<cloud service name, -ServiceName of the script, deploy.ps1:2>' stands for it"
    ), note
