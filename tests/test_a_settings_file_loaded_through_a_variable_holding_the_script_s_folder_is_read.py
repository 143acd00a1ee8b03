"""A script that keeps its own folder in a variable (`$here = Split-Path -Parent $MyInvocation.MyCommand.Path`,
`DIR=$(cd "$(dirname "$0")" && pwd)`) and loads a settings file from it (`. "$here\\config.ps1"`,
`. "$DIR/env.sh"`) takes that file's values as it does through `$PSScriptRoot` or `$(dirname "$0")`. A
variable that may hold another folder (assigned again, in a branch only, after the load, to a parameter,
or possibly set by a file loaded before that is not read) is not followed: the script is read as without
the settings file."""

from __future__ import annotations

import os

import pytest
from lint_support import PS_DEPLOY, SH_DEPLOY, lint_files, ps_settings, sh_settings

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules


def mig202(result) -> list[str]:
    return [f"{f.location.path}:{f.location.line}" for f in result.findings if f.code == "MIG202"]


def powershell(tmp_path, monkeypatch, load: str, **more: str) -> list[str]:
    files = {
        "scripts/deploy.ps1": PS_DEPLOY.replace('. "$PSScriptRoot\\config.ps1"', load),
        "scripts/config.ps1": ps_settings("Front", "Back"),
        **{f"scripts/{name}.ps1": text for name, text in more.items()},
    }
    return mig202(lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False))


def shell(tmp_path, monkeypatch, load: str, **more: str) -> list[str]:
    files = {
        "scripts/deploy.sh": SH_DEPLOY.replace("source ./env.sh", load),
        "scripts/env.sh": sh_settings("Front,Back"),
        **{f"scripts/{name}.sh": text for name, text in more.items()},
    }
    return mig202(lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False))


# --- PowerShell --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "load",
    [
        '$here = Split-Path -Parent $MyInvocation.MyCommand.Path\n. "$here\\config.ps1"',
        '$here = Split-Path $MyInvocation.MyCommand.Definition\n. "$here\\config.ps1"',
        "$here = (Split-Path -Parent -Path $PSCommandPath)\n. (Join-Path $here 'config.ps1')",
        '$scriptDir = $PSScriptRoot\n. "$scriptDir\\config.ps1"',
        "$scriptDir = $PSScriptRoot\n. $scriptDir\\config.ps1",
        '$here = $PSScriptRoot\n. "$here\\other.ps1"\n. "$here\\config.ps1"',
    ],
)
def test_a_dot_sourced_settings_file_under_the_script_s_folder_held_in_a_variable_is_read(
    tmp_path, monkeypatch, load
):
    assert powershell(tmp_path, monkeypatch, load, other="$Region = 'West Europe'\n") == [
        "scripts/config.ps1:3"
    ]


@pytest.mark.parametrize(
    "load",
    [
        # Assigned again on one path, or only on one, or after the load.
        '$here = $PSScriptRoot\nif ($args[0]) { $here = "C:\\other" }\n. "$here\\config.ps1"',
        'if ($args[0]) { $here = $PSScriptRoot }\n. "$here\\config.ps1"',
        '. "$here\\config.ps1"\n$here = $PSScriptRoot',
        # A folder the caller may give, a function that may set it, a path's last part.
        'param($here = $PSScriptRoot)\n. "$here\\config.ps1"',
        '$here = $PSScriptRoot\nfunction Use-Other { $script:here = "C:\\other" }\n. "$here\\config.ps1"',
        '$here = Split-Path -Leaf $MyInvocation.MyCommand.Path\n. "$here\\config.ps1"',
        # A file loaded before that is not read, or that sets the variable itself.
        '$here = $PSScriptRoot\n. C:\\deploy\\common.ps1\n. "$here\\config.ps1"',
        '$here = $PSScriptRoot\n. "$here\\other.ps1"\n. "$here\\config.ps1"',
    ],
)
def test_a_variable_that_may_hold_another_folder_is_not_followed(tmp_path, monkeypatch, load):
    other = "$here = Join-Path $PSScriptRoot 'conf'\n"
    assert powershell(tmp_path, monkeypatch, load, other=other) == []


# --- shell -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "load",
    [
        'DIR=$(cd "$(dirname "$0")" && pwd)\n. "$DIR/env.sh"',
        'DIR="$(dirname "$0")"\nsource "$DIR"/env.sh',
        'DIR=$(dirname "${BASH_SOURCE[0]}")\n. "${DIR}/env.sh"',
        'SCRIPT_DIR="$( cd -- "$( dirname -- "${BASH_SOURCE[0]}" )" &> /dev/null && pwd )"\nsource "$SCRIPT_DIR/env.sh"',
        'SCRIPT_DIR=$(dirname "$(readlink -f "$0")")\n. "$SCRIPT_DIR/env.sh"',
        'DIR=$(cd "$(dirname "$0")" && pwd -P)\n. "$DIR/env.sh"',
        'DIR=$(dirname "$0")\nCONF=$(cd -P "$DIR" && pwd)\n. "$CONF/env.sh"',
        '. "${BASH_SOURCE%/*}/env.sh"',
        'HERE="${BASH_SOURCE[0]%/*}"\n. "$HERE/env.sh"',
        'DIR=$(dirname "$0")\n. "$DIR/other.sh"\n. "$DIR/env.sh"',
    ],
)
def test_a_sourced_settings_file_under_the_script_s_folder_held_in_a_variable_is_read(
    tmp_path, monkeypatch, load
):
    assert shell(tmp_path, monkeypatch, load, other="REGION=westeurope\n") == ["scripts/env.sh:3"]


@pytest.mark.parametrize(
    "load",
    [
        'DIR=$(dirname "$0")\n[ -n "$1" ] && DIR=/opt/deploy\n. "$DIR/env.sh"',
        'if [ -n "$1" ]; then DIR=$(dirname "$0"); fi\n. "$DIR/env.sh"',
        '. "$DIR/env.sh"\nDIR=$(dirname "$0")',
        'DIR=$(dirname "$1")\n. "$DIR/env.sh"',
        'DIR=$(dirname "$(readlink -f "$1")")\n. "$DIR/env.sh"',
        'DIR=$(cd "$(dirname "$0")" || pwd)\n. "$DIR/env.sh"',
        'DIR=$(cd "$(dirname "$0")/.." && pwd)\n. "$DIR/env.sh"',
        'DIR=$(dirname "$0")\n. /etc/deploy/common.sh\n. "$DIR/env.sh"',
        'DIR=$(dirname "$0")\n. "$DIR/other.sh"\n. "$DIR/env.sh"',
    ],
)
def test_a_shell_variable_that_may_hold_another_folder_is_not_followed(tmp_path, monkeypatch, load):
    assert shell(tmp_path, monkeypatch, load, other='DIR="$(pwd)/conf"\n') == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_a_folder_with_links_resolved_is_not_the_folder_of_a_script_reached_through_a_link(
    tmp_path, monkeypatch
):
    # deploy.sh is a link to real/deploy.sh: `readlink -f "$0"` is real/deploy.sh, whose folder holds no
    # env.sh, so the env.sh beside the link is not the one it loads.
    load = 'SCRIPT_DIR=$(dirname "$(readlink -f "$0")")\n. "$SCRIPT_DIR/env.sh"'
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "deploy.sh").write_text(SH_DEPLOY.replace("source ./env.sh", load))
    (tmp_path / "deploy.sh").symlink_to(tmp_path / "real" / "deploy.sh")
    (tmp_path / "env.sh").write_text(sh_settings("Front,Back"))
    monkeypatch.chdir(tmp_path)
    # Named on the command line, the link is read under its own name.
    result = lint(["deploy.sh", "env.sh"], Config(select=("MIG202",)), load_rules(entry_points=False))
    assert mig202(result) == []
