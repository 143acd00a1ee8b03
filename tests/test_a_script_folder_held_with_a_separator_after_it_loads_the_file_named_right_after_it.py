"""Scripts written before `$PSScriptRoot` and `Join-Path` were common keep their folder with a separator
after it (`$workingDir = (Split-Path -parent $MyInvocation.MyCommand.Definition) + "\\"`) and name a file
right after it (`. "${workingDir}lib.ps1"`, `. ($workingDir + "lib.ps1")`, `. $workingDir"lib.ps1"`): the
file loaded is the one in the script's folder, as with `"$PSScriptRoot\\lib.ps1"`. A folder held with no
separator after it names, so, a file beside the folder, which is not followed."""

from __future__ import annotations

import pytest
from lint_support import PS_DEPLOY, lint_files, ps_settings, script_resources, unread_marks

from migcheck.model import ServiceRegion


def mig202(result) -> list[str]:
    return [f"{f.location.path}:{f.location.line}" for f in result.findings if f.code == "MIG202"]


def powershell(tmp_path, monkeypatch, load: str) -> list[str]:
    files = {
        "scripts/deploy.ps1": PS_DEPLOY.replace('. "$PSScriptRoot\\config.ps1"', load),
        "scripts/config.ps1": ps_settings("Front", "Back"),
        "scriptsconfig.ps1": ps_settings("Front", "Back"),
    }
    return mig202(lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False))


@pytest.mark.parametrize(
    "load",
    [
        '$workingDir = (Split-Path -parent $MyInvocation.MyCommand.Definition) + "\\"\n. "${workingDir}config.ps1"',
        '$workingDir = (Split-Path -parent $MyInvocation.MyCommand.Definition) + "\\"\n. ($workingDir + "config.ps1")',
        '$workingDir = $PSScriptRoot + "/"\n. "${workingDir}config.ps1"',
        '$workingDir = "$PSScriptRoot\\"\n. "${workingDir}config.ps1"',
        "$workingDir = $PSScriptRoot + '\\'\n. ($workingDir + 'config.ps1')",
        '$workingDir = (Split-Path -parent $PSCommandPath) + "\\"\n. "${workingDir}\\config.ps1"',
        # A variable and a quoted string right after it are one argument, as PowerShell joins them.
        '$workingDir = (Split-Path -parent $MyInvocation.MyCommand.Definition) + "\\"\n. $workingDir"config.ps1"',
        "$workingDir = $PSScriptRoot + '\\'\n. $workingDir'config.ps1'",
        '$workingDir = $PSScriptRoot\n. $workingDir"\\config.ps1"',
    ],
)
def test_a_file_named_right_after_the_script_s_folder_held_with_a_separator_is_loaded(
    tmp_path, monkeypatch, load
):
    assert powershell(tmp_path, monkeypatch, load) == ["scripts/config.ps1:3"]


@pytest.mark.parametrize(
    "load",
    [
        # `<folder>config.ps1`: a file beside the folder (scriptsconfig.ps1), which is not read as loaded.
        '$workingDir = $PSScriptRoot\n. "${workingDir}config.ps1"',
        '$workingDir = Split-Path -parent $MyInvocation.MyCommand.Definition\n. ($workingDir + "config.ps1")',
        '$workingDir = $PSScriptRoot + "x\\"\n. "${workingDir}config.ps1"',
    ],
)
def test_a_file_named_right_after_a_folder_held_with_no_separator_is_not_followed(
    tmp_path, monkeypatch, load
):
    assert powershell(tmp_path, monkeypatch, load) == []


@pytest.mark.parametrize(
    ("argument", "name"),
    [
        ('$prefix"-web"', "shop-web"),
        ("$prefix'-web'", "shop-web"),
        ('$prefix"-$tier"', "shop-web"),
        ("$prefix'-$tier'", "shop-$tier"),
    ],
)
def test_a_variable_and_a_quoted_string_right_after_it_are_one_argument(argument, name):
    script = (
        '$prefix = "shop"; $tier = "web"\n'
        f'New-AzureService -ServiceName {argument} -Location "West US"\n'
        f'New-AzureService -ServiceName {argument} -Location "West US"\n'
    )
    resources = script_resources(script, "deploy.ps1")
    assert [r.service for r in resources if isinstance(r, ServiceRegion)] == [name, name]
    assert unread_marks(resources) == []
