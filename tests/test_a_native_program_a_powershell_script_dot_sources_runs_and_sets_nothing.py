"""A PowerShell script that dot-sources a native program (`.$msb App.ccproj /t:Publish`, `$msb` a path to
MSBuild.exe; a .com, .bat or .cmd file) runs it as the call operator does: the program sets none of the
script's values or functions, so there is no file to follow, and nothing is said to be not read. The plan
then does not ask to have a part of the script read that is a program, not a script. A script file
dot-sourced by an absolute path is still said not followed. The values the script set before the program
stay known after it, as after `& $msb`."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import DOT_SOURCE_NOT_FOLLOWED, Script
from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

DEPLOY = 'New-AzureService -ServiceName "websvc" -Location "West Europe"\n'


def _unread(tmp_path, monkeypatch, script: str) -> tuple[list[tuple[int, str]], str]:
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script + DEPLOY}, dedent=False)
    unread = [
        (m.line, m.tag)
        for d in result.estate.documents
        for r in d.resources
        if isinstance(r, Script)
        for m in r.unread
    ]
    return unread, render_plan(build_plan(result), "text")


@pytest.mark.parametrize(
    "load",
    [
        '$msb = "C:\\Program Files\\MSBuild\\Bin\\MSBuild.exe"\n.$msb "$PSScriptRoot\\App\\App.ccproj" /t:Publish\n',
        '$nuget = "C:\\tools\\nuget.com"\n. $nuget restore\n',
        '. "$env:ProgramFiles\\MSBuild\\Bin\\MSBuild.exe" App.ccproj /t:Publish\n',
        ". 'C:\\tools\\pack.bat' App\n",
        ". .\\tools\\build.cmd\n",
    ],
    ids=["variable-exe", "variable-com", "unstated-folder-exe", "absolute-bat", "relative-cmd"],
)
def test_a_program_dot_sourced_is_not_said_to_be_a_file_not_followed(tmp_path, monkeypatch, load):
    unread, plan = _unread(tmp_path, monkeypatch, load)
    assert unread == []
    assert "could not read" not in plan


def test_a_script_dot_sourced_by_an_absolute_path_is_still_said_not_followed(tmp_path, monkeypatch):
    unread, plan = _unread(tmp_path, monkeypatch, '$cfg = "C:\\deploy\\settings.ps1"\n.$cfg\n')
    assert unread == [(2, DOT_SOURCE_NOT_FOLLOWED)]
    assert "could not read" in plan


def test_the_script_s_values_after_a_program_dot_sourced_are_still_known(tmp_path, monkeypatch):
    script = (
        '$names = @("web1", "web2")\n'
        '$msb = "C:\\Program Files\\MSBuild\\Bin\\MSBuild.exe"\n'
        '.$msb "$PSScriptRoot\\App\\App.ccproj" /t:Publish\n'
        "foreach ($n in $names) {\n"
        "  New-AzureQuickVM -Windows -ServiceName shop -Name $n -ImageName img -AdminUsername u"
        ' -Password p -Location "West US"\n'
        "}\n"
    )
    _, plan = _unread(tmp_path, monkeypatch, script)
    assert "VMs web1, web2" in plan
