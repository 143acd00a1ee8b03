"""A script that loads its settings file from a folder above its own (`$root = Split-Path -Parent (Split-Path
-Parent $MyInvocation.MyCommand.Definition)` then `. "$root\\Shared\\config.ps1"`, `ROOT=$(cd "$(dirname
"$0")/.." && pwd)` then `. "$ROOT/shared/env.sh"`) takes that file's values, as one loaded from its own
folder. The folder of the script's folder is found as PowerShell and the shell find it: `Split-Path` of a
folder, `[IO.Path]::GetDirectoryName`, a path piped to `Split-Path`, `cd` to `<folder>/..`; any other path
(the script's file name, a folder below, a folder the caller gives) is not followed, and the script is read
as without the settings file. So does a folder variable the script builds from such a folder, or from its
own (`$shared = Join-Path $root Shared`, `"$root\\Shared"`, `Join-Path $PSScriptRoot ..\\Shared`), then loads
the file from (`. (Join-Path $shared config.ps1)`), as does the shell (`SHARED="$ROOT/shared"` then
`. "$SHARED/env.sh"`); one the script may set otherwise is not followed."""

from __future__ import annotations

import pytest
from lint_support import PS_DEPLOY, SH_DEPLOY, lint_files, ps_settings, sh_settings


def mig202(result) -> list[str]:
    return [f"{f.location.path}:{f.location.line}" for f in result.findings if f.code == "MIG202"]


def powershell(tmp_path, monkeypatch, load: str) -> list[str]:
    files = {
        "deploy/scripts/deploy.ps1": PS_DEPLOY.replace('. "$PSScriptRoot\\config.ps1"', load),
        "deploy/Shared/config.ps1": ps_settings("Front", "Back"),
    }
    return mig202(lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False))


def shell(tmp_path, monkeypatch, load: str) -> list[str]:
    files = {
        "deploy/scripts/deploy.sh": SH_DEPLOY.replace("source ./env.sh", load),
        "deploy/shared/env.sh": sh_settings("Front,Back"),
    }
    return mig202(lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False))


# --- PowerShell --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "load",
    [
        "$root = Split-Path -Parent (Split-Path -Parent $MyInvocation.MyCommand.Definition)\n"
        '. "$root\\Shared\\config.ps1"',
        "$root = Split-Path $PSScriptRoot\n. (Join-Path $root 'Shared\\config.ps1')",
        '$here = [IO.Path]::GetDirectoryName($MyInvocation.MyCommand.Path)\n. "$here\\..\\Shared\\config.ps1"',
        "$root = [System.IO.Path]::GetDirectoryName((Split-Path -Parent $PSCommandPath))\n"
        ". $root\\Shared\\config.ps1",
        '$here = $MyInvocation.MyCommand.Path | Split-Path\n. "$here\\..\\Shared\\config.ps1"',
        '$top = Split-Path (Split-Path (Split-Path $PSCommandPath))\n. "$top\\deploy\\Shared\\config.ps1"',
        "$root = Split-Path -Path (Split-Path -Path $PSCommandPath -Parent) -Parent\n"
        '. "$root\\Shared\\config.ps1"',
    ],
)
def test_a_dot_sourced_settings_file_in_a_folder_above_the_script_s_is_read(tmp_path, monkeypatch, load):
    assert powershell(tmp_path, monkeypatch, load) == ["deploy/Shared/config.ps1:3"]


@pytest.mark.parametrize(
    "load",
    [
        # One folder above only: the settings file is not under the script's own folder.
        '$here = Split-Path -Parent $MyInvocation.MyCommand.Definition\n. "$here\\Shared\\config.ps1"',
        # The script's file, its name, a folder the caller gives, a parameter given no path.
        '$root = Split-Path -Parent $MyInvocation.MyCommand.Definition -Leaf\n. "$root\\..\\Shared\\config.ps1"',
        '$root = [IO.Path]::GetFileName($PSScriptRoot)\n. "$root\\Shared\\config.ps1"',
        '$root = [IO.Path]::GetDirectoryName($args[0])\n. "$root\\Shared\\config.ps1"',
        '$root = Split-Path -Path -Parent $PSScriptRoot\n. "$root\\Shared\\config.ps1"',
        # Assigned again.
        '$root = Split-Path $PSScriptRoot\n$root = "C:\\deploy"\n. "$root\\Shared\\config.ps1"',
    ],
)
def test_a_variable_that_may_hold_another_folder_above_is_not_followed(tmp_path, monkeypatch, load):
    assert powershell(tmp_path, monkeypatch, load) == []


@pytest.mark.parametrize(
    "load",
    [
        "$root = Split-Path -Parent $PSScriptRoot\n$shared = Join-Path $root Shared\n. (Join-Path $shared config.ps1)",
        "$root = Split-Path -Parent $PSScriptRoot\n$shared = Join-Path -Path $root -ChildPath 'Shared'\n"
        '. "$shared\\config.ps1"',
        '$root = Split-Path $PSScriptRoot\n$shared = "$root\\Shared"\n. (Join-Path $shared config.ps1)',
        "$shared = Join-Path $PSScriptRoot ..\\Shared\n. (Join-Path $shared config.ps1)",
    ],
)
def test_a_settings_file_in_a_folder_built_from_the_script_s_is_read(tmp_path, monkeypatch, load):
    assert powershell(tmp_path, monkeypatch, load) == ["deploy/Shared/config.ps1:3"]


@pytest.mark.parametrize(
    "load",
    [
        "$root = Split-Path $PSScriptRoot\n$shared = Join-Path $root Other\n. (Join-Path $shared config.ps1)",
        "$root = Split-Path $PSScriptRoot\n$shared = Join-Path $root $Name\n. (Join-Path $shared config.ps1)",
        "$root = Split-Path $PSScriptRoot\nif ($x) { $shared = Join-Path $root Shared }\n"
        ". (Join-Path $shared config.ps1)",
        "$root = Split-Path $PSScriptRoot\n$shared = Join-Path $root Shared\n$shared = 'C:\\x'\n"
        ". (Join-Path $shared config.ps1)",
    ],
)
def test_a_folder_built_otherwise_or_set_again_is_not_followed(tmp_path, monkeypatch, load):
    assert powershell(tmp_path, monkeypatch, load) == []


# --- shell -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "load",
    [
        'ROOT=$(cd "$(dirname "$0")/.." && pwd)\n. "$ROOT/shared/env.sh"',
        'ROOT="$( cd -- "$( dirname -- "${BASH_SOURCE[0]}" )/.." &> /dev/null && pwd )"\nsource "$ROOT/shared/env.sh"',
        'DIR=$(dirname "$0")\nROOT=$(cd "$DIR/.." && pwd)\n. "${ROOT}/shared/env.sh"',
        'ROOT=$(cd "$(dirname "$0")"/.. && pwd -P)\n. "$ROOT/shared/env.sh"',
        'TOP=$(cd "$(dirname "$0")/../.." && pwd)\n. "$TOP/deploy/shared/env.sh"',
    ],
)
def test_a_sourced_settings_file_in_a_folder_above_the_script_s_is_read(tmp_path, monkeypatch, load):
    assert shell(tmp_path, monkeypatch, load) == ["deploy/shared/env.sh:3"]


@pytest.mark.parametrize(
    "load",
    [
        # The script's own folder, a folder below it, one the caller gives, the upper folder not stated.
        'ROOT=$(cd "$(dirname "$0")" && pwd)\n. "$ROOT/shared/env.sh"',
        'ROOT=$(cd "$(dirname "$0")/lib/.." && pwd)\n. "$ROOT/../shared/env.sh"',
        'ROOT=$(cd "$(dirname "$1")/.." && pwd)\n. "$ROOT/shared/env.sh"',
        'ROOT=$(cd "$(dirname "$0")/$UP" && pwd)\n. "$ROOT/shared/env.sh"',
        'ROOT=$(cd "$(dirname "$0")/.." || pwd)\n. "$ROOT/shared/env.sh"',
    ],
)
def test_a_shell_variable_that_may_hold_another_folder_above_is_not_followed(tmp_path, monkeypatch, load):
    assert shell(tmp_path, monkeypatch, load) == []


@pytest.mark.parametrize(
    "load",
    [
        'ROOT=$(cd "$(dirname "$0")/.." && pwd)\nSHARED="$ROOT/shared"\n. "$SHARED/env.sh"',
        'SHARED="$(dirname "$0")/../shared"\n. "$SHARED/env.sh"',
        'DIR=$(dirname "$0")\nLIB="$DIR/lib"\nSHARED="$LIB/../../shared"\nsource "$SHARED/env.sh"',
    ],
)
def test_a_settings_file_in_a_folder_the_shell_script_builds_from_its_own_is_read(
    tmp_path, monkeypatch, load
):
    assert shell(tmp_path, monkeypatch, load) == ["deploy/shared/env.sh:3"]


@pytest.mark.parametrize(
    "load",
    [
        'ROOT=$(cd "$(dirname "$0")/.." && pwd)\nSHARED="$ROOT/other"\n. "$SHARED/env.sh"',
        'ROOT=$(cd "$(dirname "$0")/.." && pwd)\nSHARED="$ROOT/$NAME"\n. "$SHARED/env.sh"',
        'ROOT=$(cd "$(dirname "$0")/.." && pwd)\nif [ -n "$X" ]; then SHARED="$ROOT/shared"; fi\n. "$SHARED/env.sh"',
    ],
)
def test_a_shell_folder_built_otherwise_or_on_one_path_is_not_followed(tmp_path, monkeypatch, load):
    assert shell(tmp_path, monkeypatch, load) == []
