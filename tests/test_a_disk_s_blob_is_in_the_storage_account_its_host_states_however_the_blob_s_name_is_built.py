"""A VM's disk whose blob address states its host but not the whole blob's name
(`https://shopdisks.blob.core.windows.net/vhds/web1-$day.vhd`) is in storage account shopdisks: the account
is the host's first label, whatever the path. The classic CLI's `-u` read it so; PowerShell's
`-MediaLocation` and a Python script's f-string gave the VM's disks no account but a stand-in (`<storage
account of the disks of VM web1, …>`, not decided), and the account shopdisks the script creates held
nothing. A REST body's `<MediaLink>` with a placeholder path, Ansible and Terraform were read so already,
and are checked alike."""

from __future__ import annotations

import pytest
from lint_support import lint_files

POWERSHELL = """\
param([string]$day)
New-AzureStorageAccount -StorageAccountName shopdisks -Location "West Europe"
$vm = New-AzureVMConfig -Name web1 -InstanceSize Small -ImageName img -MediaLocation "https://shopdisks.blob.core.windows.net/vhds/web1-$day.vhd" | Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password x
$vm = $vm | Add-AzureDataDisk -CreateNew -DiskSizeInGB 10 -DiskLabel data -LUN 0 -MediaLocation ("https://shopdisks.blob.core.windows.net/vhds/" + $day + "-data.vhd")
New-AzureVM -ServiceName shop -VMs $vm -Location "West Europe"
"""

PYTHON = """\
import sys
from azure.servicemanagement import LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService

day = sys.argv[1]
sms = ServiceManagementService("sub", "cert.pem")
sms.create_storage_account("shopdisks", "shop disks", "shopdisks", location="West Europe")
disk = OSVirtualHardDisk("img", f"https://shopdisks.blob.core.windows.net/vhds/web1-{day}.vhd")
sms.create_virtual_machine_deployment("shop", "shop", "production", "shop", "web1", LinuxConfigurationSet("web1", "u", "p", True), disk, role_size="Small")
sms.add_data_disk("shop", "shop", "web1", 0, media_link="https://shopdisks.blob.core.windows.net/vhds/" + day + "-data.vhd", logical_disk_size_in_gb=10)
"""

SHELL = """\
azure config mode asm
azure storage account create shopdisks --location "West Europe"
azure vm create shop img u p -n web1 -u "https://shopdisks.blob.core.windows.net/vhds/web1-$DAY.vhd"
azure vm disk attach-new web1 10 "https://shopdisks.blob.core.windows.net/vhds/$DAY-data.vhd"
"""

REST = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>shop</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <RoleList>
    <Role>
      <RoleName>web1</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <DataVirtualHardDisks>
        <DataVirtualHardDisk>
          <Lun>0</Lun>
          <MediaLink>https://shopdisks.blob.core.windows.net/vhds/{{day}}-data.vhd</MediaLink>
        </DataVirtualHardDisk>
      </DataVirtualHardDisks>
      <OSVirtualHardDisk>
        <MediaLink>https://shopdisks.blob.core.windows.net/vhds/web1-{{day}}.vhd</MediaLink>
      </OSVirtualHardDisk>
    </Role>
  </RoleList>
</Deployment>
"""

TERRAFORM = """\
variable "day" {}
resource "azure_instance" "web" {
  name                 = "web1"
  image                = "Ubuntu Server 14.04 LTS"
  size                 = "Basic_A2"
  storage_service_name = "shopdisks"
  location             = "West Europe"
  username             = "u"
  password             = "p"
}
resource "azure_data_disk" "data" {
  virtual_machine = "web1"
  lun             = 0
  size            = 10
  media_link      = "https://shopdisks.blob.core.windows.net/vhds/${var.day}-data.vhd"
}
"""

ANSIBLE = """\
- hosts: localhost
  tasks:
    - shell: azure vm create shop img u p -n web1 -u "https://shopdisks.blob.core.windows.net/vhds/web1-{{ day }}.vhd"
"""

SCRIPTS = {
    "deploy.ps1": POWERSHELL,
    "deploy.py": PYTHON,
    "deploy.sh": SHELL,
    "shop.xml": REST,
    "main.tf": TERRAFORM,
    "site.yml": ANSIBLE,
}


@pytest.mark.parametrize("path", SCRIPTS)
def test_every_disk_is_in_the_account_the_blob_s_host_names(tmp_path, monkeypatch, path):
    result = lint_files(tmp_path, monkeypatch, {path: SCRIPTS[path]})
    (estate,) = result.estates
    assert estate.disks
    assert {disk.storage_account for disk in estate.disks} == {"shopdisks"}
    # No VM is left with disks in an account no file states.
    roles = [r for s in estate.cloud_services for p in s.placements for r in p.roles]
    assert [role.name for role in roles if role.unplaced_disk is not None or "disks" in role.unknown] == []
