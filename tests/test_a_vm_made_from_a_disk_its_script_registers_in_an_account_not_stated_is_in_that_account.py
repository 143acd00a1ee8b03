"""A script that registers a disk of a blob in a storage account it does not state whole (`Add-AzureDisk
-DiskName d -MediaLocation ("http://" + $name + ".blob.core.windows.net/...")`, Python's `add_disk`) and
makes a VM of that disk by its name (`New-AzureVMConfig -DiskName d`, an `OSVirtualHardDisk(disk_name=d)`)
puts the VM's OS disk in that one account: one storage step for it, after the VM's cloud service, and no
note that no file states the disk's blob. A VM a REST body makes of a disk a script registers so is in that
account too, as is one the classic CLI creates from a role file (`vm create-from`) of a disk its script
registers (`vm disk create -u`). Three VMs of three such disks in one account are one step."""

from __future__ import annotations

import json

from lint_support import lint_files, run_cli

POWERSHELL = """\
[xml]$xml = Get-Content $configFile
$os = "http://" + $xml.configuration.storageAccount.name + ".blob.core.windows.net/vhds/iisvm1.vhd"
Add-AzureDisk -DiskName 'iisvm1osdisk' -MediaLocation $os -OS Windows
$vm = New-AzureVMConfig -Name 'iisvm1' -InstanceSize Small -DiskName 'iisvm1osdisk'
New-AzureVM -ServiceName 'farm' -VMs $vm -Location 'West US'
"""

THREE = """\
[xml]$xml = Get-Content $configFile
$account = $xml.configuration.storageAccount.name
foreach ($vm in 'iisvm1', 'iisvm2', 'sqlvm') {
    Add-AzureDisk -DiskName "$vm-os" -MediaLocation ("http://" + $account + ".blob.core.windows.net/vhds/$vm.vhd") -OS Windows
}
$vms = 'iisvm1', 'iisvm2', 'sqlvm' | ForEach-Object { New-AzureVMConfig -Name $_ -InstanceSize Small -DiskName "$_-os" }
New-AzureVM -ServiceName 'farm' -VMs $vms -Location 'West US'
"""

PYTHON = """\
import sys
from azure.servicemanagement import OSVirtualHardDisk, ServiceManagementService

sms = ServiceManagementService(sys.argv[1], sys.argv[2])
media = "https://" + sys.argv[3] + ".blob.core.windows.net/vhds/web1.vhd"
sms.add_disk(True, "web1 os", media, "web1osdisk", "Windows")
sms.create_virtual_machine_deployment(
    service_name="farm", deployment_name="farm", deployment_slot="production", label="farm",
    role_name="web1", system_config=None, os_virtual_hard_disk=OSVirtualHardDisk(disk_name="web1osdisk"),
    role_size="Small",
)
"""

REST = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>farm</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <RoleList>
    <Role>
      <RoleName>web1</RoleName><RoleType>PersistentVMRole</RoleType>
      <OSVirtualHardDisk><DiskName>web1osdisk</DiskName></OSVirtualHardDisk>
    </Role>
  </RoleList>
</Deployment>
"""
REGISTER = """\
param($account)
Add-AzureDisk -DiskName 'web1osdisk' -MediaLocation "https://$account.blob.core.windows.net/vhds/web1.vhd" -OS Windows
"""


def storage_steps(tmp_path, monkeypatch, capsys, files: dict[str, str]) -> list[dict]:
    lint_files(tmp_path, monkeypatch, files)
    plan = json.loads(run_cli(capsys, "plan", ".", "--format", "json")[1])
    return [s for sub in plan["subscriptions"] for s in sub["steps"] if s["kind"] == "storage"]


def assert_one_account_of_the_registering_file(steps: list[dict], registered_at: str) -> None:
    (step,) = steps
    assert step["name"].startswith(f"<storage account name, {registered_at}")
    assert not [
        note for note in step["notes"] if "no file states" in note or "no file checked describes" in note
    ]


def test_a_powershell_vm_of_a_disk_the_script_registers_is_in_its_account(tmp_path, monkeypatch, capsys):
    steps = storage_steps(tmp_path, monkeypatch, capsys, {"createvms.ps1": POWERSHELL})
    assert_one_account_of_the_registering_file(steps, "createvms.ps1:3:")


def test_three_vms_of_three_disks_in_one_account_are_one_step(tmp_path, monkeypatch, capsys):
    steps = storage_steps(tmp_path, monkeypatch, capsys, {"createvms.ps1": THREE})
    assert_one_account_of_the_registering_file(steps, "createvms.ps1:4:")
    assert steps[0]["moves"][0].endswith("(3 disks)")


def test_a_python_vm_of_a_disk_the_script_registers_is_in_its_account(tmp_path, monkeypatch, capsys):
    steps = storage_steps(tmp_path, monkeypatch, capsys, {"create.py": PYTHON})
    assert_one_account_of_the_registering_file(steps, "create.py:6>")


def test_a_rest_vm_of_a_disk_a_script_registers_is_in_its_account(tmp_path, monkeypatch, capsys):
    steps = storage_steps(tmp_path, monkeypatch, capsys, {"deployment.xml": REST, "register.ps1": REGISTER})
    assert_one_account_of_the_registering_file(steps, "register.ps1:2:")


CLASSIC_CLI = """\
#!/bin/bash
account=$1
azure vm disk create web2osdisk -u "https://$account.blob.core.windows.net/vhds/web2.vhd" --os Windows
azure vm create-from farm2 role.json --location "West US"
"""
ROLE_FILE = (
    '{"RoleName": "web2", "RoleType": "PersistentVMRole", "RoleSize": "Small",'
    ' "OSVirtualHardDisk": {"DiskName": "web2osdisk"}}\n'
)


def test_a_classic_cli_vm_of_a_disk_the_script_registers_is_in_its_account(tmp_path, monkeypatch, capsys):
    steps = storage_steps(tmp_path, monkeypatch, capsys, {"create.sh": CLASSIC_CLI, "role.json": ROLE_FILE})
    assert_one_account_of_the_registering_file(steps, "create.sh:3:")
