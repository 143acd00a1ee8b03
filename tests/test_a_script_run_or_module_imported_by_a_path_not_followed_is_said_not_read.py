"""A PowerShell script that runs another script (`& "$toolsDir\\get-name.ps1"`) or imports a script module
(`Import-Module "$libDir\\deploy.psm1"`) by a path migcheck does not follow (one it does not state, an
absolute one, one to a file not checked) is said to have a part not read (`load-not-followed`), as a
dot-source is, where it was silent: what that script outputs and the functions that module defines are
not known. A module imported by name (`Import-Module Azure`) or by its manifest, a script that is checked,
and a command run from a variable are no such part."""

from __future__ import annotations

import pytest
from lint_support import lint_files, run_cli

from migcheck.model import LOAD_NOT_FOLLOWED, Script

DEPLOY = "New-AzureService -ServiceName $name -Location 'West US'\n"


def not_read(tmp_path, monkeypatch, files: dict[str, str]) -> list[tuple[int, int, str]]:
    result = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False)
    return [
        (m.line, m.column, m.tag)
        for d in result.estate.documents
        for r in d.resources
        if isinstance(r, Script) and d.path == "deploy.ps1"
        for m in r.unread
    ]


@pytest.mark.parametrize(
    ("load", "column"),
    [
        ('$name = & "$env:TOOLS\\get-name.ps1"', 11),
        ("$name = & $env:TOOLS\\get-name.ps1", 11),
        ("$name = & .\\get-name.ps1", 11),  # a file not among those checked
        ("$name = & C:\\tools\\get-name.ps1", 11),
        ('Import-Module "$env:LIBDIR\\deploy.psm1"', 15),
        ("Import-Module .\\deploy.psm1", 15),
        ("Import-Module -Name (Join-Path $libDir 'deploy.psm1')", 21),
    ],
)
def test_a_load_not_followed_is_said_not_read(tmp_path, monkeypatch, load, column):
    files = {"deploy.ps1": f"{load}\n{DEPLOY}"}
    assert not_read(tmp_path, monkeypatch, files) == [(1, column, LOAD_NOT_FOLLOWED)]


@pytest.mark.parametrize(
    "load",
    [
        "Import-Module Azure",
        'Import-Module "C:\\Program Files (x86)\\Microsoft SDKs\\Windows Azure\\PowerShell\\Azure\\Azure.psd1"',
        '$name = & "$PSScriptRoot\\get-name.ps1"',
        '& "$PSScriptRoot\\prepare.ps1"',
        'Import-Module "$PSScriptRoot\\deploy.psm1"',
        "& $command",
    ],
)
def test_a_module_by_name_a_checked_file_or_a_command_is_no_part_not_read(tmp_path, monkeypatch, load):
    files = {
        "deploy.ps1": f"{load}\n{DEPLOY}",
        "get-name.ps1": '"illdemosvc"\n',
        "prepare.ps1": "Select-AzureSubscription -SubscriptionName prod\n",
        "deploy.psm1": "function Publish-Service { }\n",
    }
    assert not_read(tmp_path, monkeypatch, files) == []


@pytest.mark.parametrize(
    ("load", "said"),
    [
        (
            ". (Join-Path $ScriptDirectory 'Validation.ps1')",
            "this line dot-sources a file by a path migcheck does",
        ),
        (
            "& (Join-Path $ScriptDirectory 'get-name.ps1')",
            "this line runs a script or imports a script module by a",
        ),
    ],
)
def test_the_part_not_read_is_said_without_a_path_the_script_does_not_hold(
    capsys, tmp_path, monkeypatch, load, said
):
    # `this line dot-sources a file (`. .\\config.ps1`) by a path…` read as a quote of the script's own line.
    monkeypatch.chdir(tmp_path)
    script = f"$ScriptDirectory = Split-Path $MyInvocation.MyCommand.Path\n{load}\n{DEPLOY}"
    (tmp_path / "deploy.ps1").write_text(script)
    _, out, _ = run_cli(capsys, "check", ".")
    (line,) = [line for line in out.splitlines() if line.startswith("Not read as written: ")]
    assert line.split(": ", 2)[2].startswith(said)
