"""A PowerShell script that builds a name of a value it does not state with `+` (`$prefix + "store"`,
`$prefix = $args[0]`) describes what it describes with `"${prefix}store"`: the same storage accounts, cloud
services, VMs and disks, each a stand-in where the value is not stated, deletions by that name removing
what its creation made, and both forms in one script naming one resource."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lint_support import run_cli

SCRIPTS = {
    "a service, its VM stopped, a disk in an account": """\
$prefix = $args[0]
$vm = New-AzureVMConfig -Name "web1" -InstanceSize Small -ImageName img -MediaLocation {disk} | Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password x
New-AzureVM -ServiceName {svc} -VMs $vm -Location "West Europe"
Get-AzureVM -ServiceName {svc2} -Name "web1" | Stop-AzureVM -Force
""",
    "a service deleted by the name that created it": """\
$prefix = $args[0]
$vm = New-AzureVMConfig -Name "web1" -InstanceSize Small -ImageName img | Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password x
New-AzureVM -ServiceName {svc} -VMs $vm -Location "West Europe"
Remove-AzureService -ServiceName {svc2} -Force -DeleteAll
""",
    "a storage account and a VM of a name not stated": """\
$prefix = $args[0]
New-AzureStorageAccount -StorageAccountName {store} -Location "West Europe"
$vm = New-AzureVMConfig -Name {vm} -InstanceSize Small -ImageName img | Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password x
New-AzureVM -ServiceName "shop" -VMs $vm -Location "West Europe"
""",
}
PLUS = {
    "disk": '("https://" + $prefix + "store.blob.core.windows.net/vhds/web1.vhd")',
    "svc": '($prefix + "svc")',
    "svc2": '($prefix + "svc")',
    "store": '($prefix + "store")',
    "vm": '($prefix + "vm")',
}
INTERPOLATED = {
    "disk": '"https://${prefix}store.blob.core.windows.net/vhds/web1.vhd"',
    "svc": '"${prefix}svc"',
    "svc2": '"${prefix}svc"',
    "store": '"${prefix}store"',
    "vm": '"${prefix}vm"',
}
MIXED = {**INTERPOLATED, "svc": PLUS["svc"]}  # created with +, found again by the interpolated name


def _plan(tmp_path: Path, monkeypatch, capsys, script: str, names: dict[str, str]) -> str:
    folder = tmp_path / str(len(list(tmp_path.iterdir())))
    folder.mkdir()
    (folder / "deploy.ps1").write_text(script.format(**names))
    monkeypatch.chdir(folder)
    _, out, _ = run_cli(capsys, "plan", ".")
    return re.sub(r"deploy\.ps1:(\d+):\d+", r"deploy.ps1:\1", out)  # the forms differ in length


@pytest.mark.parametrize("script", SCRIPTS.values(), ids=SCRIPTS.keys())
def test_a_name_built_with_plus_plans_as_its_interpolated_form(tmp_path, monkeypatch, capsys, script):
    interpolated = _plan(tmp_path, monkeypatch, capsys, script, INTERPOLATED)
    assert _plan(tmp_path, monkeypatch, capsys, script, PLUS) == interpolated
    assert _plan(tmp_path, monkeypatch, capsys, script, MIXED) == interpolated


def test_a_name_built_with_plus_is_a_stand_in_of_the_line_that_names_it(tmp_path, monkeypatch, capsys):
    out = _plan(
        tmp_path, monkeypatch, capsys, SCRIPTS["a service, its VM stopped, a disk in an account"], PLUS
    )
    assert "cloud service '<cloud service name, deploy.ps1:3>': VMs web1" in out
    assert "storage account '<storage account name, deploy.ps1:2>' (1 disk)" in out
    assert "The VMs are stopped (deallocated) already" in out


def test_a_service_created_and_deleted_with_plus_is_no_step(tmp_path, monkeypatch, capsys):
    out = _plan(tmp_path, monkeypatch, capsys, SCRIPTS["a service deleted by the name that created it"], PLUS)
    assert "Cloud service" not in out
