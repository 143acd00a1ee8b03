"""Two scripts that each create a VM named by a placeholder (`'<vm-name>'`, `'[MY VM]'`, `'YOUR_VM'`) in the cloud
service 'shop' create two VMs, each filled in by its user, as two such services of one placeholder are two
services: each VM is named with its file (`<vm-name> (web.ps1)`), counted and listed in the readiness row and
the plan's step (whose commands look it up by the placeholder, saying which file's it is), and keeps its own
disk, where they were one VM described differently (a false MIG004) whose second disk's account was the
first's. A placeholder one file writes twice (a VM as created and changed) stays one VM, named as written; so
do VMs of a stated name in two files."""

from __future__ import annotations

import pytest
from lint_support import lint_files, run_cli

POWERSHELL = """\
$vm = New-AzureVMConfig -Name '{vm}' -InstanceSize Small -ImageName 'img' -MediaLocation 'https://{file}disks.blob.core.windows.net/vhds/{file}.vhd'
New-AzureVM -ServiceName 'shop' -Location 'West US' -VMs $vm
"""
CLASSIC_CLI = """\
azure vm create shop img azureuser 'P@ssw0rd!' --vm-name '{vm}' --location 'West US' --blob-url https://{file}disks.blob.core.windows.net/vhds/{file}.vhd
"""
PLACEHOLDERS = ["<vm-name>", "[MY VM]", "YOUR_VM"]


def _files(script: str, extension: str, vm: str) -> dict[str, str]:
    return {f"{file}.{extension}": script.format(vm=vm, file=file) for file in ("web", "rdp")}


@pytest.mark.parametrize("vm", PLACEHOLDERS)
@pytest.mark.parametrize(("script", "extension"), [(POWERSHELL, "ps1"), (CLASSIC_CLI, "sh")])
def test_each_file_s_vm_is_a_vm_of_its_own_with_its_own_disk(tmp_path, monkeypatch, script, extension, vm):
    result = lint_files(tmp_path, monkeypatch, _files(script, extension, vm), dedent=False)
    assert not [f for f in result.findings if f.code == "MIG004"]
    (estate,) = result.estates
    (shop,) = estate.cloud_services
    disks = {v.name: [d.media_link for d in v.disks] for v in shop.vms}
    assert disks == {
        f"{vm} (rdp.{extension})": ["https://rdpdisks.blob.core.windows.net/vhds/rdp.vhd"],
        f"{vm} (web.{extension})": ["https://webdisks.blob.core.windows.net/vhds/web.vhd"],
    }
    accounts = {a.name: len(a.disks) for a in estate.storage_accounts}
    assert accounts == {"rdpdisks": 1, "webdisks": 1}


def test_the_row_and_the_step_say_each_vm_with_its_file(tmp_path, monkeypatch, capsys):
    lint_files(tmp_path, monkeypatch, _files(POWERSHELL, "ps1", "<vm-name>"), dedent=False)
    rows = [line.strip() for line in run_cli(capsys, "check", ".")[1].splitlines()]
    assert [row for row in rows if row.startswith("shop (")] == [
        "shop (2 VMs)       Validation passed with 1 warning"
    ]
    plan = run_cli(capsys, "plan", ".")[1]
    assert "VMs '<vm-name>' of rdp.ps1, '<vm-name>' of web.ps1" in plan
    assert (
        "(Get-AzureVM -ServiceName 'shop' -Name '<vm-name>').VM.MigrationState  # VM '<vm-name>' of web.ps1:1"
        in plan
    )


def test_one_file_s_placeholder_vm_is_named_as_written(tmp_path, monkeypatch):
    changed = "Get-AzureVM -ServiceName 'shop' -Name '<vm-name>' | Set-AzureEndpoint -Name 'http' -Protocol tcp -LocalPort 80 -PublicPort 80 | Update-AzureVM\n"
    files = {"web.ps1": POWERSHELL.format(vm="<vm-name>", file="web") + changed}
    (estate,) = lint_files(tmp_path, monkeypatch, files, dedent=False).estates
    assert [v.name for s in estate.cloud_services for v in s.vms] == ["<vm-name>"]


def test_vms_of_a_stated_name_in_two_files_stay_one_vm(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, _files(POWERSHELL, "ps1", "web1"), dedent=False)
    (estate,) = result.estates
    assert [v.name for s in estate.cloud_services for v in s.vms] == ["web1"]
    assert [f.code for f in result.findings if f.code == "MIG004"] == ["MIG004"]
