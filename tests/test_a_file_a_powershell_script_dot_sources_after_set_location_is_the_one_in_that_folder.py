"""A PowerShell script that moves to another folder and then dot-sources a file by a path from the current
folder (`Set-Location ..\\shared`, then `. .\\config.ps1`) had the file beside the script read instead,
whose values are not the ones PowerShell loads. The file is now looked for in the folder Set-Location (or
Push-Location, cd, sl) moves to, when the script states it relative to the folder it runs in or to its own
(`$PSScriptRoot\\..\\shared`), and Pop-Location goes back; after a move to an absolute path, to a folder the
script does not state, or one it may not make, no file is read and the dot-source is said as not read
(sourced-after-cd), as the shell reader says a `source` after such a `cd`."""

from __future__ import annotations

import pytest
from lint_support import PS_DEPLOY, lint_files, ps_settings, run_cli, script_resources

from migcheck.model import RUN_AFTER_CD, SOURCED_AFTER_CD, Script


def mig202(tmp_path, monkeypatch, load: str, two_subnets: str = "shared") -> list[str]:
    """Where MIG202 is said of the script given `load`: in the settings file that places the VM in two
    subnets, the one in `two_subnets` (the other, in `scripts` or `shared`, places it in one)."""
    files = {
        "deploy/scripts/deploy.ps1": PS_DEPLOY.replace('. "$PSScriptRoot\\config.ps1"', load),
        "deploy/scripts/config.ps1": ps_settings(
            *(["Front", "Back"] if two_subnets == "scripts" else ["Front"])
        ),
        "deploy/shared/config.ps1": ps_settings(
            *(["Front", "Back"] if two_subnets == "shared" else ["Front"])
        ),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False)
    return [f"{f.location.path}:{f.location.line}" for f in result.findings if f.code == "MIG202"]


@pytest.mark.parametrize(
    "load",
    [
        "Set-Location ..\\shared\n. .\\config.ps1",
        "Push-Location ..\\shared\n. .\\config.ps1\nPop-Location",
        'cd "$PSScriptRoot\\..\\shared"\n. ./config.ps1',
        "sl -Path ../lib/../shared\n. .\\config.ps1",
    ],
)
def test_the_file_in_the_folder_the_script_moved_to_is_read(tmp_path, monkeypatch, load):
    assert mig202(tmp_path, monkeypatch, load) == ["deploy/shared/config.ps1:3"]


@pytest.mark.parametrize(
    "load",
    [
        "if ($args[0]) { Set-Location ..\\shared } else { Set-Location ..\\shared }\n. .\\config.ps1",
        "if ($args[0]) { cd ../shared } elseif ($args[1]) { sl ..\\lib\\..\\shared } else {\n"
        "    Set-Location ..\\shared\n}\n. .\\config.ps1",
        "if ($args[0]) { Push-Location ..\\shared } else { Push-Location ..\\shared }\n. .\\config.ps1\nPop-Location",
        "if ($args[0]) { Set-Location ..\\shared } else { exit 1 }\n. .\\config.ps1",
    ],
)
def test_the_folder_every_branch_of_an_if_moves_to_is_the_one_the_file_is_read_from(
    tmp_path, monkeypatch, load
):
    assert mig202(tmp_path, monkeypatch, load) == ["deploy/shared/config.ps1:3"]


@pytest.mark.parametrize(
    "load",
    [
        "if ($args[0]) { Set-Location ..\\shared } else { Set-Location ..\\lib }\n. .\\config.ps1",
        "foreach ($a in $args) { if ($a) { Set-Location ..\\shared } else { Set-Location ..\\shared } }\n"
        ". .\\config.ps1",
    ],
)
def test_branches_that_move_to_different_folders_leave_it_unknown(tmp_path, monkeypatch, load):
    assert mig202(tmp_path, monkeypatch, load) == []
    assert mig202(tmp_path / "beside", monkeypatch, load, two_subnets="scripts") == []


@pytest.mark.parametrize(
    "load",
    [
        "Push-Location ..\\shared\nPop-Location\n. .\\config.ps1",
        "Set-Location ..\\shared\nSet-Location $PSScriptRoot\n. .\\config.ps1",
        'Set-Location ..\\shared\n. "$PSScriptRoot\\config.ps1"',
    ],
)
def test_a_path_from_the_script_s_own_folder_reads_the_file_beside_it(tmp_path, monkeypatch, load):
    assert mig202(tmp_path, monkeypatch, load, two_subnets="scripts") == ["deploy/scripts/config.ps1:3"]


# The folder of the script's own path, as scripts written before `$PSScriptRoot` name it.
OWN_FOLDER = [
    "$scriptDir = Split-Path -Parent $MyInvocation.MyCommand.Path\nSet-Location $scriptDir",
    "$here = Split-Path $MyInvocation.MyCommand.Path\nSet-Location -Path $here",
    "$root = Split-Path -Parent $MyInvocation.MyCommand.Definition\ncd $root",
    "Set-Location (Split-Path -Parent $PSCommandPath)",
]


@pytest.mark.parametrize("move", OWN_FOLDER)
def test_a_move_to_the_folder_of_the_script_s_own_path_reads_the_file_beside_it(tmp_path, monkeypatch, move):
    load = f"Set-Location ..\\shared\n{move}\n. .\\config.ps1"
    assert mig202(tmp_path, monkeypatch, load, two_subnets="scripts") == ["deploy/scripts/config.ps1:3"]


@pytest.mark.parametrize("move", OWN_FOLDER)
def test_a_move_from_the_folder_of_the_script_s_own_path_reads_the_file_there(tmp_path, monkeypatch, move):
    load = f"{move}\nSet-Location ..\\shared\n. .\\config.ps1"
    assert mig202(tmp_path, monkeypatch, load) == ["deploy/shared/config.ps1:3"]


@pytest.mark.parametrize("move", OWN_FOLDER)
@pytest.mark.parametrize("load", [". .\\lib\\config.ps1", "& .\\lib\\config.ps1"])
def test_a_file_loaded_after_a_move_to_the_script_s_own_folder_is_not_said_as_unread(move, load):
    script = PS_DEPLOY.replace('. "$PSScriptRoot\\config.ps1"', f"{move}\n{load}")
    (found,) = [r for r in script_resources(script, "deploy.ps1") if isinstance(r, Script)]
    assert found.unread == ()


@pytest.mark.parametrize(
    "load",
    [
        "Set-Location C:\\deploy\n. .\\config.ps1",
        "Set-Location $args[0]\n. .\\config.ps1",
        "if ($args[0]) { Set-Location ..\\shared }\n. .\\config.ps1",
    ],
)
def test_no_file_is_read_after_a_move_to_a_folder_the_script_cannot_say(tmp_path, monkeypatch, load):
    assert mig202(tmp_path, monkeypatch, load) == []
    assert mig202(tmp_path / "beside", monkeypatch, load, two_subnets="scripts") == []


def test_the_dot_source_after_a_move_to_an_absolute_path_is_said_as_not_read():
    script = PS_DEPLOY.replace('. "$PSScriptRoot\\config.ps1"', "Set-Location C:\\deploy\n. .\\config.ps1")
    (found,) = [r for r in script_resources(script, "deploy.ps1") if isinstance(r, Script)]
    assert [(m.line, m.tag) for m in found.unread] == [(3, SOURCED_AFTER_CD)]


def test_a_dot_source_read_at_each_call_of_its_function_is_said_once():
    script = PS_DEPLOY.replace(
        '. "$PSScriptRoot\\config.ps1"',
        "function Load { . .\\config.ps1 }\nSet-Location C:\\deploy\nLoad\nLoad",
    )
    (found,) = [r for r in script_resources(script, "deploy.ps1") if isinstance(r, Script)]
    assert [(m.line, m.tag) for m in found.unread] == [(2, SOURCED_AFTER_CD)]


@pytest.mark.parametrize(
    ("load", "tag"),
    [
        ("Set-Location C:\\deploy\n& .\\config.ps1", RUN_AFTER_CD),
        ("if ($args[0]) { Set-Location ..\\shared }\n.\\config.ps1", RUN_AFTER_CD),
        ("Set-Location C:\\deploy\n. .\\config.ps1", SOURCED_AFTER_CD),
    ],
)
def test_a_script_run_after_a_move_to_a_folder_the_script_cannot_say_is_said_as_run(load, tag):
    script = PS_DEPLOY.replace('. "$PSScriptRoot\\config.ps1"', load)
    (found,) = [r for r in script_resources(script, "deploy.ps1") if isinstance(r, Script)]
    assert [(m.line, m.tag) for m in found.unread] == [(3, tag)]


def test_the_report_says_the_script_is_run_with_the_call_operator(capsys, tmp_path, monkeypatch):
    script = PS_DEPLOY.replace('. "$PSScriptRoot\\config.ps1"', "Set-Location C:\\deploy\n& .\\config.ps1")
    (tmp_path / "deploy.ps1").write_text(script, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", "deploy.ps1", "--verbose")
    assert "deploy.ps1:3:3: this line runs a script by a relative path (`& .\\deploy-vm.ps1`" in out
    assert "sources a file" not in out
