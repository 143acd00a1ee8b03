"""A PowerShell script loads its settings from the folder it runs in in many shapes: a bare path with a
hyphen or a digit after the separator (`. .\\00-Constants.ps1`, which the grammar gives as a path token
where `. .\\constants.ps1` is a plain name), or a path under a variable that holds the current folder
(`$currentDir = (Resolve-Path .)`, `Get-Location`, `$PWD`, `(pwd).Path`, `Convert-Path .`). Each is read
as `. .\\constants.ps1` is: the current folder is the script's, unless it moved. A dot-source migcheck
cannot follow is said as a part not read, never silently dropped."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import DOT_SOURCE_NOT_FOLLOWED, Script

DEPLOY = "New-AzureDeployment -ServiceName $serviceName -Slot Production -Package .\\pkg.cspkg -Configuration .\\x.cscfg\n"
CONSTANTS = '$serviceName = "illdemosvc"\n'


def service_named(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, files, "MIG101", dedent=False)
    return [f.message.split("'")[1] for f in result.findings if f.code == "MIG101"]


def not_read(tmp_path, monkeypatch, files: dict[str, str]) -> list[tuple[int, int, str]]:
    result = lint_files(tmp_path, monkeypatch, files, "MIG101", dedent=False)
    return [
        (m.line, m.column, m.tag)
        for d in result.estate.documents
        for r in d.resources
        if isinstance(r, Script) and d.path == "deploy.ps1"
        for m in r.unread
    ]


@pytest.mark.parametrize(
    ("load", "file"),
    [
        (". .\\00-Constants.ps1", "00-Constants.ps1"),
        (". .\\my-config.ps1", "my-config.ps1"),
        (". ./my-config.ps1", "my-config.ps1"),
        (". .\\conf\\my-config.ps1", "conf/my-config.ps1"),
        ('$currentDir = (Resolve-Path .)\n. "$currentDir\\00-Constants.ps1"', "00-Constants.ps1"),
        ('$here = Get-Location\n. "$here\\00-Constants.ps1"', "00-Constants.ps1"),
        ('$here = (Get-Location).Path\n. "$here\\00-Constants.ps1"', "00-Constants.ps1"),
        ('$here = (pwd).Path\n. "$here\\00-Constants.ps1"', "00-Constants.ps1"),
        ("$here = Convert-Path .\n. (Join-Path $here 00-Constants.ps1)", "00-Constants.ps1"),
        ("$here = $PWD\n. $here\\00-Constants.ps1", "00-Constants.ps1"),
        ('. "$PWD\\00-Constants.ps1"', "00-Constants.ps1"),
        ('$here = $PWD.Path\n. "$here\\00-Constants.ps1"', "00-Constants.ps1"),
        ('. (Join-Path $PWD "00-Constants.ps1")', "00-Constants.ps1"),
    ],
)
def test_a_settings_file_of_the_current_folder_gives_its_values(tmp_path, monkeypatch, load, file):
    files = {"deploy.ps1": f"{load}\n{DEPLOY}", file: CONSTANTS}
    assert service_named(tmp_path, monkeypatch, files) == ["illdemosvc"]


def test_a_script_run_by_a_hyphenated_path_gives_its_output(tmp_path, monkeypatch):
    files = {"deploy.ps1": f"$serviceName = & .\\get-name.ps1\n{DEPLOY}", "get-name.ps1": '"illdemosvc"\n'}
    assert service_named(tmp_path, monkeypatch, files) == ["illdemosvc"]


def test_a_current_folder_held_before_a_move_is_not_taken_for_the_script_s(tmp_path, monkeypatch):
    load = '$here = Get-Location\nSet-Location .\\other\n. "$here\\00-Constants.ps1"'
    files = {"deploy.ps1": f"{load}\n{DEPLOY}", "00-Constants.ps1": CONSTANTS}
    assert service_named(tmp_path, monkeypatch, files) != ["illdemosvc"]
    assert (3, 3, DOT_SOURCE_NOT_FOLLOWED) in not_read(tmp_path, monkeypatch, files)


@pytest.mark.parametrize(
    "load",
    [
        ". .\\00-Constants.ps1",  # a file not among those checked
        ". $env:CONFIG_DIR\\constants.ps1",
        '. "$configDir\\constants.ps1"',
        ". C:\\deploy\\constants.ps1",
    ],
)
def test_a_dot_source_not_followed_is_said_not_read(tmp_path, monkeypatch, load):
    files = {"deploy.ps1": f"{load}\n{DEPLOY}"}
    assert not_read(tmp_path, monkeypatch, files) == [(1, 3, DOT_SOURCE_NOT_FOLLOWED)]


def test_the_path_of_a_path_is_no_folder(tmp_path, monkeypatch):
    load = '$here = (Get-Location).Path.Path\n. "$here\\00-Constants.ps1"'
    files = {"deploy.ps1": f"{load}\n{DEPLOY}", "00-Constants.ps1": CONSTANTS}
    assert service_named(tmp_path, monkeypatch, files) != ["illdemosvc"]


def test_a_function_dot_sourced_by_name_is_no_part_not_read(tmp_path, monkeypatch):
    files = {"deploy.ps1": f". Set-Defaults\n{DEPLOY}"}
    assert not_read(tmp_path, monkeypatch, files) == []


MODULE = (
    "function Publish-Service($Name) {\n"
    "    New-AzureDeployment -ServiceName $Name -Slot Production -Package .\\pkg.cspkg"
    " -Configuration .\\x.cscfg\n}\n"
)


@pytest.mark.parametrize(
    "load",
    [
        "Import-Module .\\my-lib.psm1",
        '$here = Resolve-Path .\nImport-Module "$here\\my-lib.psm1"',
        "Import-Module (Join-Path $PWD my-lib.psm1)",
    ],
)
def test_a_module_of_the_current_folder_gives_its_functions(tmp_path, monkeypatch, load):
    files = {"deploy.ps1": f"{load}\nPublish-Service -Name illdemosvc\n", "my-lib.psm1": MODULE}
    assert "illdemosvc" in service_named(tmp_path, monkeypatch, files)
