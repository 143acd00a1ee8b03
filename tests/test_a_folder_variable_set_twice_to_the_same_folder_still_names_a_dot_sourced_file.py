"""A script that sets the variable of its folder twice to that same folder (`$scriptFolder = Split-Path -parent
$MyInvocation.MyCommand.Definition` at its start and again further down, as the azure-sdk-tools-samples
deployments do) still dot-sources `"$scriptFolder\\..\\SharedComponents\\SharedFunctions.ps1"` from there: the
file is read, where a variable assigned twice was taken for one of any value and the dot-source was said not
followed. Two assignments of different folders, or one in a branch, still leave the folder unknown, as does
the current folder held twice where one of them is not it."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import DOT_SOURCE_NOT_FOLLOWED, Script

DEPLOY = "New-AzureDeployment -ServiceName $serviceName -Slot Production -Package .\\pkg.cspkg -Configuration .\\x.cscfg\n"
SHARED = '$serviceName = "illdemosvc"\n'
FOLDER = "$scriptFolder = Split-Path -parent $MyInvocation.MyCommand.Definition\n"
LOAD = '. "$scriptFolder\\..\\SharedComponents\\SharedFunctions.ps1"\n'


def checked(tmp_path, monkeypatch, script: str) -> tuple[list[str], list[tuple[int, str]]]:
    """The cloud services a deployment names and the parts of the script not read (line, why)."""
    files = {"AD/deploy.ps1": script, "SharedComponents/SharedFunctions.ps1": SHARED}
    result = lint_files(tmp_path, monkeypatch, files, "MIG101", dedent=False)
    named = [f.message.split("'")[1] for f in result.findings if f.code == "MIG101"]
    unread = [
        (m.line, m.tag)
        for d in result.estate.documents
        for r in d.resources
        if isinstance(r, Script) and d.path.endswith("deploy.ps1")
        for m in r.unread
    ]
    return named, unread


@pytest.mark.parametrize(
    "again",
    [
        FOLDER,
        "$scriptFolder = Split-Path -Parent $MyInvocation.MyCommand.Definition\n",
        "$scriptFolder = $PSScriptRoot\n",
    ],
)
def test_the_script_folder_set_again_alike_names_the_shared_file(tmp_path, monkeypatch, again):
    script = f"{FOLDER}{LOAD}Select-AzureSubscription -SubscriptionName prod\n{again}{DEPLOY}"
    named, unread = checked(tmp_path, monkeypatch, script)
    assert named == ["illdemosvc"]
    assert unread == []


@pytest.mark.parametrize(
    "again",
    [
        "$scriptFolder = 'C:\\deploy'\n",
        "if ($env:LOCAL) { $scriptFolder = $PSScriptRoot }\n",
        "$scriptFolder = Split-Path -parent $scriptFolder\n",
    ],
)
def test_the_script_folder_set_otherwise_leaves_it_unknown(tmp_path, monkeypatch, again):
    script = f"{FOLDER}{again}{LOAD}{DEPLOY}"
    named, unread = checked(tmp_path, monkeypatch, script)
    assert named != ["illdemosvc"]
    assert (3, DOT_SOURCE_NOT_FOLLOWED) in unread


def test_the_current_folder_held_twice_alike_names_the_shared_file(tmp_path, monkeypatch):
    here = "$here = Get-Location\n"
    script = f'{here}Select-AzureSubscription -SubscriptionName prod\n{here}. "$here\\..\\SharedComponents\\SharedFunctions.ps1"\n{DEPLOY}'
    named, unread = checked(tmp_path, monkeypatch, script)
    assert (named, unread) == (["illdemosvc"], [])


def test_the_current_folder_held_then_replaced_is_unknown(tmp_path, monkeypatch):
    script = f'$here = Get-Location\n$here = $env:TEMP\n. "$here\\..\\SharedComponents\\SharedFunctions.ps1"\n{DEPLOY}'
    named, unread = checked(tmp_path, monkeypatch, script)
    assert named != ["illdemosvc"]
    assert (3, DOT_SOURCE_NOT_FOLLOWED) in unread
