"""Two scripts that each create a VM named by one placeholder (`'<vm-name>'`) in cloud service 'shop' create two
VMs, which the estate names with their files (`<vm-name> (web.ps1)`). A command of the plan a user copies looks
each up by the placeholder its file writes, which is what to replace, and a comment after it says which
file's VM it is (`# VM '<vm-name>' of web.ps1:1: ...`), where the command carried the estate's annotation as
the VM's name (`-Name '<vm-name> (web.ps1)'`), which no VM has nor any file writes. The step's words say each
VM with its file (`'<vm-name>' of web.ps1`), not as `<vm-name> (web.ps1) (a placeholder ...)`."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, run_cli

POWERSHELL = """\
$vm = New-AzureVMConfig -Name '{vm}' -InstanceSize Small -ImageName 'img' -MediaLocation 'https://{file}disks.blob.core.windows.net/vhds/{file}.vhd'
New-AzureVM -ServiceName 'shop' -Location 'West US' -VMs $vm
"""
CLASSIC_CLI = (
    "azure vm create shop img azureuser 'P@ssw0rd!' --vm-name '{vm}' --location 'West US' "
    "--blob-url https://{file}disks.blob.core.windows.net/vhds/{file}.vhd\n"
)


def _plan(tmp_path, monkeypatch, capsys, script: str, extension: str, vm: str = "<vm-name>") -> dict:
    files = {f"{file}.{extension}": script.format(vm=vm, file=file) for file in ("web", "rdp")}
    lint_files(tmp_path, monkeypatch, files, dedent=False)
    (subscription,) = json.loads(run_cli(capsys, "plan", ".", "--format", "json")[1])["subscriptions"]
    (step,) = [step for step in subscription["steps"] if step["kind"] == "service"]
    return step


@pytest.mark.parametrize("vm", ["<vm-name>", "[MY VM]", "YOUR_VM"])
@pytest.mark.parametrize(("script", "extension"), [(POWERSHELL, "ps1"), (CLASSIC_CLI, "sh")])
def test_no_command_carries_the_file_after_the_vm_s_name(
    tmp_path, monkeypatch, capsys, script, extension, vm
):
    step = _plan(tmp_path, monkeypatch, capsys, script, extension, vm)
    commands = [
        line for tool in ("powershell", "cli") for part in step["commands"][tool].values() for line in part
    ]
    assert not [line for line in commands if f"{vm} (" in line]
    assert [line for line in step["commands"]["powershell"]["check"] if "-Name" in line] == [
        f"(Get-AzureVM -ServiceName 'shop' -Name '{vm}').VM.MigrationState  # VM '{vm}' of rdp.{extension}:1: "
        f"put its name in place of '{vm}'",
        f"(Get-AzureVM -ServiceName 'shop' -Name '{vm}').VM.MigrationState  # VM '{vm}' of web.{extension}:1: "
        f"put its name in place of '{vm}'",
    ]
    assert [line for line in step["commands"]["cli"]["check"] if line.startswith("azure vm show")] == [
        f"azure vm show '{vm}' -vv  # VM '{vm}' of rdp.{extension}:1: put its name in place of '{vm}'",
        f"azure vm show '{vm}' -vv  # VM '{vm}' of web.{extension}:1: put its name in place of '{vm}'",
    ]


def test_the_step_says_each_vm_with_its_file(tmp_path, monkeypatch, capsys):
    step = _plan(tmp_path, monkeypatch, capsys, POWERSHELL, "ps1")
    assert (
        step["moves"][0]
        == "cloud service 'shop', deployment 'shop': VMs '<vm-name>' of rdp.ps1, '<vm-name>' of web.ps1"
    )
    assert step["notes"][0].startswith(
        "Fill in first: VMs '<vm-name>' of rdp.ps1, '<vm-name>' of web.ps1 in this step are named by a placeholder"
    )


def test_one_file_s_placeholder_vm_is_looked_up_as_written_with_no_comment(tmp_path, monkeypatch, capsys):
    lint_files(
        tmp_path, monkeypatch, {"web.ps1": POWERSHELL.format(vm="<vm-name>", file="web")}, dedent=False
    )
    (subscription,) = json.loads(run_cli(capsys, "plan", ".", "--format", "json")[1])["subscriptions"]
    (step,) = [step for step in subscription["steps"] if step["kind"] == "service"]
    assert (
        "(Get-AzureVM -ServiceName 'shop' -Name '<vm-name>').VM.MigrationState"
        in step["commands"]["powershell"]["check"]
    )
