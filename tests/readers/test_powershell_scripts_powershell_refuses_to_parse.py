"""PowerShell scripts the language itself refuses to run: a parameter list without a comma between two of
its parameters, a bracket or string never closed. Such a script is MIG001 at the place PowerShell stops,
and nothing is read from it. Where the grammar could not read a part of a script PowerShell may well run,
what error recovery made of the code around it gives no value."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from migcheck.cli import main
from migcheck.model import Deployment, Script
from migcheck.readers.powershell import read

_BROKEN = """\
param(
    [string]$ServiceName = "svc1"
    [string]$Location = "West Europe"
)
New-AzureService -ServiceName $ServiceName -Location $Location
New-AzureQuickVM -Windows -ServiceName $ServiceName -Name vm1 -ImageName img -Password p -AdminUsername a
"""

_WELL_FORMED = _BROKEN.replace('"svc1"\n', '"svc1",\n')


def _check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], text: str
) -> list:
    (tmp_path / "deploy.ps1").write_text(text)
    monkeypatch.chdir(tmp_path)
    main(["check", "deploy.ps1", "--format", "json"])
    return [(f["line"], f["column"], f["code"], f["message"]) for f in json.loads(capsys.readouterr().out)]


def test_parameters_without_a_comma_are_mig001_and_nothing_else(tmp_path, monkeypatch, capsys):
    found = _check(tmp_path, monkeypatch, capsys, _BROKEN)
    assert found == [
        (
            3,
            5,
            "MIG001",
            "not valid PowerShell: no comma between the parameters $ServiceName and $Location of the list "
            "opened at line 1: PowerShell stops with \"Missing ')' in function parameter list\" and runs no "
            "line of the script (line 3, column 5)",
        )
    ]
    document = read("deploy.ps1", _BROKEN.encode())
    assert document.resources == ()
    assert document.problem is not None
    assert document.problem.fix.startswith(
        "Put a comma after '\"svc1\"' (line 2), at the end of the declaration"
    )


def test_the_same_script_with_its_comma_is_read_as_before(tmp_path, monkeypatch, capsys):
    found = _check(tmp_path, monkeypatch, capsys, _WELL_FORMED)
    assert [code for _, _, code, _ in found] == ["MIG601", "MIG105"]
    assert "deployment 'svc1' of cloud service 'svc1'" in found[1][3]


@pytest.mark.parametrize(
    ("script", "names", "line", "column"),
    [
        ("param($a $b)\n", ("$a", "$b"), 1, 10),
        ("function f($a $b) { }\n", ("$a", "$b"), 1, 15),
        ("function f { param($a = 1 $b) }\n", ("$a", "$b"), 1, 27),
        ("param(\n  [Parameter(Mandatory)][string]$a\n  [int]$b = 2\n)\n", ("$a", "$b"), 3, 3),
        ("param($a, $b = @(1) $c)\n", ("$b", "$c"), 1, 21),
        ("[CmdletBinding()]\nparam(\n  # one\n  $a = 'x' # two\n  # three\n  $b\n)\n", ("$a", "$b"), 6, 3),
        # Two places: the first is reported, as PowerShell stops there.
        ("param([switch]$c = $false\n [switch]$l = $false\n [string]$g = 'x'\n)\n", ("$c", "$l"), 2, 2),
    ],
)
def test_each_shape_of_a_parameter_list_without_a_comma(script, names, line, column):
    problem = read("deploy.ps1", script.encode()).problem
    assert problem is not None
    assert f"no comma between the parameters {names[0]} and {names[1]}" in problem.message
    assert (problem.mark.line, problem.mark.column) == (line, column)


@pytest.mark.parametrize(
    "script",
    [
        "param($a = (Get-Thing -Param2 x), $b)\n",  # an error region the grammar makes in a valid default
        "param([Parameter(Mandatory)] [string] $a, $b = 'x')\n",
        "param($a = $x[0] $b)\n",  # after an index: not decided
        "param($a,\n  $b)\n",
    ],
)
def test_lists_not_surely_lacking_a_comma_are_not_reported(script):
    problem = read("deploy.ps1", script.encode()).problem
    assert problem is None


def test_a_bracket_never_closed_leaves_nothing_read():
    document = read("deploy.ps1", b'New-AzureService -ServiceName "x" {\n')
    assert document.problem is not None
    assert document.resources == ()


def test_no_value_is_taken_from_after_an_error_region_in_a_command():
    # A dollar escaped with a backtick is a plain argument to PowerShell; the grammar cannot read it, and
    # what it reads after it in the same command may be bound to the wrong parameter.
    script = (
        'New-AzureQuickVM -Windows -ServiceName "svc1" `$Label x -Name vm1 -ImageName img -Password p '
        '-AdminUsername a -Location "West Europe"\n'
    )
    document = read("deploy.ps1", script.encode())
    assert document.problem is None
    (deployment,) = [r for r in document.resources if isinstance(r, Deployment)]
    assert deployment.service_name == "svc1"  # before the error region: read
    assert [role.name for role in deployment.roles] == ["<VM name, deploy.ps1:1>"]  # after it: not known


def test_the_script_says_where_a_part_could_not_be_read():
    script = 'New-AzureService -ServiceName "svc1"\nSet-Thing -Param2 x -Name `$y\n'
    (found,) = [r for r in read("deploy.ps1", script.encode()).resources if isinstance(r, Script)]
    assert [(mark.line, mark.column) for mark in found.unread] == [(2, 1)]
    well_formed = read("deploy.ps1", b'New-AzureService -ServiceName "svc1"\n').resources
    assert [r.unread for r in well_formed if isinstance(r, Script)] == [()]
