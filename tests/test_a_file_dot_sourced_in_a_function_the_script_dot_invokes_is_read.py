"""A file dot-sourced inside a function the script dot-invokes (`function Load { . $workingDir"config.ps1" }`,
then `. Load`) loads into the script's own scope, as if dot-sourced where `. Load` is: PowerShell runs the
function's body there. Such a file was not read when its path was built from a variable holding the script's
folder, and it was taken to set any variable, so a later dot-source by that variable was not read either. The
same holds a level down, in a function of a dot-sourced file (`Common.ps1` defining `function Common {
. $workingDir"lib\\Settings.ps1"; . Settings }`, the script then `. Common`): the file is read, and the
functions it defines are the script's from there. A file that defines functions only, which dot-source files
when called, sets nothing as it is loaded."""

from __future__ import annotations

import pytest
from lint_support import lint_files

WORKING_DIR = '$workingDir = (Split-Path -parent $MyInvocation.MyCommand.Definition) + "\\"\n'
VM = (
    "New-AzureVMConfig -Name web1 -InstanceSize Small -ImageName img"
    " | Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password p"
    " | New-AzureVM -ServiceName $svc -VNetName $vnet\n"
)
SETTINGS = '$svc = "shopsvc"\n$vnet = "appnet"\n'
SAID = "VM 'web1' of cloud service 'shopsvc' is in virtual network 'appnet' but has no subnet"


def _mig203(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, files, "MIG203", dedent=False)
    return [f.message for f in result.findings if f.code == "MIG203"]


@pytest.mark.parametrize(
    "load",
    [
        'function Load { . $workingDir"config.ps1" }\n. Load\n',
        "function Load { . .\\config.ps1 }\n. Load\n",
        'function Load { . "$PSScriptRoot\\config.ps1" }\n. Load\n',
    ],
)
def test_the_file_a_dot_invoked_function_dot_sources_sets_the_script_s_values(tmp_path, monkeypatch, load):
    files = {"deploy.ps1": WORKING_DIR + load + VM, "config.ps1": SETTINGS}
    assert _mig203(tmp_path, monkeypatch, files) == [SAID]


COMMON = 'function Common()\n{\n    . $workingDir"lib\\Settings.ps1"\n    . Settings\n}\n'
SETTINGS_FUNCTION = "function Settings()\n{\n" + SETTINGS + "}\n"


def test_a_function_of_a_dot_sourced_file_loads_its_settings_into_the_script(tmp_path, monkeypatch):
    files = {
        "deploy.ps1": WORKING_DIR + '. $workingDir"Common.ps1"\n. Common\n' + VM,
        "Common.ps1": COMMON,
        "lib/Settings.ps1": SETTINGS_FUNCTION,
    }
    assert _mig203(tmp_path, monkeypatch, files) == [SAID]


def test_a_file_that_defines_functions_only_leaves_the_script_s_folder_known(tmp_path, monkeypatch):
    files = {
        "deploy.ps1": WORKING_DIR + '. $workingDir"Common.ps1"\n. $workingDir"config.ps1"\n' + VM,
        "Common.ps1": COMMON,
        "config.ps1": SETTINGS,
    }
    assert _mig203(tmp_path, monkeypatch, files) == [SAID]


def test_a_function_called_without_the_dot_loads_the_file_into_its_own_scope(tmp_path, monkeypatch):
    files = {
        "deploy.ps1": WORKING_DIR + 'function Load { . $workingDir"config.ps1" }\nLoad\n' + VM,
        "config.ps1": SETTINGS,
    }
    assert SAID not in _mig203(tmp_path, monkeypatch, files)


@pytest.mark.parametrize(
    "loads",
    [
        '. "$PSScriptRoot\\settings.ps1"',
        ". $PSScriptRoot\\settings.ps1",
        ". (Join-Path $PSScriptRoot 'settings.ps1')",
    ],
)
def test_ps_script_root_in_a_function_of_a_dot_sourced_file_is_that_file_s_folder(
    tmp_path, monkeypatch, loads
):
    """`lib\\common.ps1` defines `function Load { . "$PSScriptRoot\\settings.ps1" }`: PowerShell sets
    `$PSScriptRoot` in a function to the folder of the file it is written in, so the file loaded is
    `lib\\settings.ps1`, not the `settings.ps1` beside the script, which was read instead."""
    files = {
        "deploy.ps1": '. "$PSScriptRoot\\lib\\common.ps1"\n. Load\n' + VM,
        "lib/common.ps1": f"function Load {{\n    {loads}\n}}\n",
        "lib/settings.ps1": SETTINGS,
        "settings.ps1": '$svc = "othersvc"\n$vnet = "othernet"\n',
    }
    assert _mig203(tmp_path, monkeypatch, files) == [SAID]
