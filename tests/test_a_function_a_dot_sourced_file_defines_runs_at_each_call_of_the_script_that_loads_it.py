"""A function a dot-sourced file defines (`. .\\lib.ps1`) is the script's from there: each call the script
makes runs the function's body where the file writes it, with the values the call passes, so two calls
create two VMs on the network they name, and a migration step the function takes is shown at its command
with the call in the script that runs it. Only a file that is itself read for its values is followed (one
level, a checked file inside the root)."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.plan import build_plan

LIB = """\
function New-WPVM($VNetName, $Name) {
    New-AzureVMConfig -Name $Name -InstanceSize Small -ImageName img |
        Set-AzureSubnet Front |
        New-AzureVM -ServiceName svc -VNetName $VNetName
}
"""
DEPLOY = """\
. .\\lib.ps1
New-WPVM -VNetName 'WP' -Name web1
New-WPVM -VNetName 'WP' -Name web2
"""


def moved(result) -> dict[str, list[tuple[str, ...]]]:
    """The VMs of each cloud service the plan moves, by step name."""
    return {step.name: [member.vms for member in step.members] for step in build_plan(result).steps}


def test_two_calls_of_a_dot_sourced_function_create_two_vms_on_the_network_they_name(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"lib.ps1": LIB, "deploy.ps1": DEPLOY}, dedent=False)
    assert moved(result)["WP"] == [("web1", "web2")]


@pytest.mark.parametrize(
    "load",
    [
        '. "$PSScriptRoot\\lib\\vm.ps1"',
        ". (Join-Path (Split-Path -Parent $MyInvocation.MyCommand.Path) lib/vm.ps1)",
    ],
)
def test_the_function_is_run_so_from_a_path_stated_from_the_script_s_folder(tmp_path, monkeypatch, load):
    deploy = DEPLOY.replace(". .\\lib.ps1", load)
    files = {"scripts/lib/vm.ps1": LIB, "scripts/deploy.ps1": deploy}
    assert moved(lint_files(tmp_path, monkeypatch, files, dedent=False))["WP"] == [("web1", "web2")]


def test_a_script_saved_with_a_byte_order_mark_before_its_dot_source_runs_the_function_too(
    tmp_path, monkeypatch
):
    # Windows editors save UTF-8 with a BOM; the dot-source on the first line follows it.
    files = {"lib.ps1": LIB, "deploy.ps1": "\ufeff" + DEPLOY}
    assert moved(lint_files(tmp_path, monkeypatch, files, dedent=False))["WP"] == [("web1", "web2")]


def test_a_function_of_a_file_a_dot_sourced_file_loads_is_not_followed(tmp_path, monkeypatch):
    files = {"lib.ps1": LIB, "wrapper.ps1": ". .\\lib.ps1\n", "deploy.ps1": DEPLOY.replace("lib", "wrapper")}
    assert "WP" not in moved(lint_files(tmp_path, monkeypatch, files, dedent=False))


MOVE_LIB = """\
$base = "https://management.core.windows.net/00000000-0000-0000-0000-000000000001"
function Invoke-Step([string] $Uri, [string] $Comp) {
    Invoke-RestMethod -Method Post -Uri "$Uri/migration?comp=$Comp" -Certificate $cert
}
"""
MOVE = """\
. "$PSScriptRoot\\lib.ps1"
Invoke-Step "$base/services/storageservices/contosostd" Prepare
Invoke-Step "$base/services/storageservices/contosostd" Commit
Invoke-Step "$base/services/hostedservices/contoso-jump/deployments/contoso-jump" Commit
"""
JUMP = """\
$vm = New-AzureVMConfig -Name jump01 -InstanceSize Small -ImageName "some-image" `
    -MediaLocation "https://contosostd.blob.core.windows.net/vhds/jump01.vhd"
New-AzureVM -ServiceName contoso-jump -Location "West Europe" -VMs $vm
"""


def test_mig602_of_a_step_a_dot_sourced_function_takes_is_at_its_command_with_the_script_s_call(
    tmp_path, monkeypatch
):
    files = {"jump.ps1": JUMP, "lib.ps1": MOVE_LIB, "move.ps1": MOVE}
    result = lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False)
    assert where(result.findings) == ["MIG602 lib.ps1:3:5", "MIG602 lib.ps1:3:5"]
    assert [f.message.rsplit("(", 1)[-1] for f in result.findings] == [
        "run by the call at move.ps1 line 2)",
        "run by the call at move.ps1 line 4)",
    ]
