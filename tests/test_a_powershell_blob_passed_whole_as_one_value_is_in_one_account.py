"""A PowerShell VM whose OS disk's blob is one value the script does not state, whole (`-MediaLocation
$Disk`, `$Disk` a script parameter), is in the storage account that value names: one for every use of the
same value (VMs, and disks and images the script registers from it), as Python's `media_link=args.url` and
the classic CLI's `-u $URL`, where each VM had a stand-in account of its own. Another value, or a
function's parameter given another value at each call, names another account; the account is still to be
named before its step is ready."""

from __future__ import annotations

import json

from lint_support import run_cli

POWERSHELL = """\
param($Disk, $Other, $Third)
function New-Vm($name, $url) {
  $vm = New-AzureVMConfig -Name $name -InstanceSize Small -ImageName 'img' -MediaLocation $url
  New-AzureVM -ServiceName $name -Location 'West US' -VMs $vm
}
foreach ($name in @('vm1', 'vm2')) {
  $vm = New-AzureVMConfig -Name $name -InstanceSize Small -ImageName 'img' -MediaLocation $Disk
  New-AzureVM -ServiceName $name -Location 'West US' -VMs $vm
}
$c = New-AzureVMConfig -Name 'vm3' -InstanceSize Small -ImageName 'img' -MediaLocation $Disk
New-AzureVM -ServiceName 'svc3' -Location 'West US' -VMs $c
New-Vm 'vm5' $Other
New-Vm 'vm6' $Third
Add-AzureDisk -DiskName 'd7' -MediaLocation $Disk -OS Windows
Add-AzureVMImage -ImageName 'i8' -MediaLocation $Third -OS Windows
"""


def test_powershell_blobs_passed_whole_as_one_value_are_in_one_account_each_value(
    tmp_path, monkeypatch, capsys
):
    (tmp_path / "deploy.ps1").write_text(POWERSHELL, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    steps = [s for sub in json.loads(out)["subscriptions"] for s in sub["steps"] if s["kind"] == "storage"]
    assert sorted(s["moves"][0] for s in steps) == [
        "storage account '<storage account name, deploy.ps1:3:91, turn 2>' (1 disk, 1 image)",
        "storage account '<storage account name, deploy.ps1:3:91>' (1 disk)",
        "storage account '<storage account name, deploy.ps1:7:91>' (4 disks)",
    ]
    assert all(s["ready"] is False and s["name_unstated"] for s in steps)


def test_a_blob_that_is_one_of_the_addresses_the_script_states_is_not_one_unstated_account(
    tmp_path, monkeypatch, capsys
):
    (tmp_path / "deploy.ps1").write_text(
        "param($x)\n"
        'if ($x) { $u = "https://a.blob.core.windows.net/vhds/1.vhd" }\n'
        'else { $u = "https://b.blob.core.windows.net/vhds/1.vhd" }\n'
        "$c = New-AzureVMConfig -Name 'vm3' -InstanceSize Small -ImageName 'img' -MediaLocation $u\n"
        "New-AzureVM -ServiceName 'svc3' -Location 'West US' -VMs $c\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    steps = [s for sub in json.loads(out)["subscriptions"] for s in sub["steps"] if s["kind"] == "storage"]
    assert [s["moves"][0] for s in steps] == [
        "storage account <storage account of the disks of VM vm3, deploy.ps1:4> (the OS disk of VM 'vm3')"
    ]
