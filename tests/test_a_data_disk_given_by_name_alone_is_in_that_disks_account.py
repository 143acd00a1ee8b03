"""A registered data disk a VM is given by its name alone, no file stating its blob, is in that disk's
storage account, which no file states: a readiness row and a plan step of its own, after the VM's, as a
VM made from a registered disk has for its OS disk. So in every format that can attach one: a REST body's
or an Export-AzureVM file's `<DataVirtualHardDisk>` with a `<DiskName>` and no `<MediaLink>`, PowerShell's
`Add-AzureDataDisk -Import -DiskName`, Python's `add_data_disk(..., disk_name=)` and a `DataVirtualHardDisk`
of the call that creates the VM, the classic CLI's `vm disk attach`, and an inventory export's data disk. A
name the script does not state is one disk all the same, with nothing to look up by; a Disks list or a
script that registers the disk with its blob places it in that blob's account."""

from __future__ import annotations

import json

from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan
from migcheck.report.readiness import Verdict, readiness
from migcheck.report.readiness_text import readiness_summary


def _accounts(result) -> dict[str, list[str]]:
    """The storage accounts of data disks no file states, each with the VMs it holds the data disk of."""
    (summary,) = readiness(result)
    return {
        i.name: i.migrates["data_disk_of"]
        for i in summary.items
        if i.type == "StorageAccount"
        and i.verdict is Verdict.ACCOUNT_NOT_STATED
        and "data_disk_of" in i.migrates
    }


def _storage_steps(result) -> list[dict]:
    data = json.loads(render_plan(build_plan(result), "json"))
    return [s for sub in data["subscriptions"] for s in sub["steps"] if s["kind"] == "storage"]


def _data_disk_steps(result) -> dict[str, dict]:
    return {s["name"]: s for s in _storage_steps(result) if "the data disk of" in s["moves"][0]}


ROLE = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>shop</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <RoleList>
    <Role>
      <RoleName>web01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <DataVirtualHardDisks>
        <DataVirtualHardDisk>
          <DiskName>web01-data</DiskName>
          <Lun>0</Lun>
        </DataVirtualHardDisk>
      </DataVirtualHardDisks>
      <OSVirtualHardDisk>
        <MediaLink>https://shopdisks.blob.core.windows.net/vhds/web01.vhd</MediaLink>
      </OSVirtualHardDisk>
    </Role>
  </RoleList>
</Deployment>
"""


def test_a_deployment_body_data_disk_named_alone_is_in_that_disks_account(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"shop.xml": ROLE}, dedent=False)
    assert _accounts(result) == {"<storage account of disk web01-data, shop.xml:9>": ["web01"]}
    (step,) = _data_disk_steps(result).values()
    assert step["moves"] == [
        "storage account <storage account of disk web01-data, shop.xml:9> (the data disk of VM 'web01')"
    ]
    (note,) = [note for note in step["notes"] if "registered disk" in note]
    assert note.startswith("The data disk of VM 'web01' (shop.xml:5) is a registered disk (web01-data)")
    assert "Get-AzureDisk -DiskName 'web01-data'" in note
    # It migrates after what moves the VM, as the account of its OS disk does.
    steps = {s["name"]: s for s in _storage_steps(result)}
    assert step["after"] == steps["shopdisks"]["after"] != []
    lines = readiness_summary(result)
    assert "<storage account of disk web01-data, shop.xml:9> (the data disk of VM web01)" in lines


DISKS = """\
<Disks xmlns="http://schemas.microsoft.com/windowsazure">
  <Disk>
    <Name>web01-data</Name>
    <MediaLink>https://listeddisks.blob.core.windows.net/vhds/web01-data.vhd</MediaLink>
  </Disk>
</Disks>
"""


def test_a_data_disk_a_disks_list_gives_the_blob_of_is_in_that_blobs_account(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"shop.xml": ROLE, "disks.xml": DISKS}, dedent=False)
    assert _accounts(result) == {}
    assert sorted(step["name"] for step in _storage_steps(result)) == ["listeddisks", "shopdisks"]


POWERSHELL = """\
param($Disk)
New-AzureVMConfig -Name web02 -InstanceSize Small -ImageName img -MediaLocation https://shopdisks.blob.core.windows.net/vhds/web02.vhd |
  Add-AzureDataDisk -Import -DiskName 'web02-data' -LUN 0 |
  Add-AzureDataDisk -Import -DiskName $Disk -LUN 1 |
  New-AzureVM -ServiceName web02 -Location 'West US'
"""


def test_powershell_data_disks_imported_by_name_stated_or_not_are_each_in_their_disks_account(
    tmp_path, monkeypatch
):
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": POWERSHELL}, dedent=False)
    assert _accounts(result) == {
        "<storage account of disk web02-data, deploy.ps1:3>": ["web02"],
        "<storage account of the registered data disk of a VM, deploy.ps1:4>": ["web02"],
    }
    steps = _data_disk_steps(result)
    unstated = steps["<storage account of the registered data disk of a VM, deploy.ps1:4>"]
    assert unstated["name_unstated"] and any(
        "Get-AzureDisk (DiskName, AttachedTo)" in n for n in unstated["notes"]
    )


def test_a_powershell_data_disk_the_script_registers_with_its_blob_is_in_that_blobs_account(
    tmp_path, monkeypatch
):
    register = (
        "Add-AzureDisk -DiskName 'web02-data' "
        "-MediaLocation https://datadisks.blob.core.windows.net/vhds/web02-data.vhd\n"
    )
    script = register + POWERSHELL.replace("  Add-AzureDataDisk -Import -DiskName $Disk -LUN 1 |\n", "")
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, dedent=False)
    assert _accounts(result) == {}
    assert sorted(step["name"] for step in _storage_steps(result)) == ["datadisks", "shopdisks"]


PYTHON = """\
import sys
from azure.servicemanagement import DataVirtualHardDisk, DataVirtualHardDisks, OSVirtualHardDisk, ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
os_disk = OSVirtualHardDisk(media_link="https://shopdisks.blob.core.windows.net/vhds/web03.vhd", source_image_name="img")
data = DataVirtualHardDisks()
data.data_virtual_hard_disks.append(DataVirtualHardDisk(disk_name="web03-logs", lun=0))
sms.create_virtual_machine_deployment(
    "web03", "web03", "production", "web03", "web03", None, os_disk, data_virtual_hard_disks=data, role_size="Small"
)
sms.add_data_disk("web03", "web03", "web03", 1, disk_name="web03-data")
sms.add_data_disk("web03", "web03", "web03", 2, disk_name=sys.argv[1])
"""


def test_python_data_disks_given_by_name_stated_or_not_are_each_in_their_disks_account(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": PYTHON}, dedent=False)
    accounts = _accounts(result)
    assert accounts == {
        "<storage account of disk web03-logs, deploy.py:7>": ["web03"],
        "<storage account of disk web03-data, deploy.py:11>": ["web03"],
        "<storage account of the registered data disk of a VM, deploy.py:12>": ["web03"],
    }
    # The data disk of the call that creates the VM is no OS disk: the VM's OS disk is in its blob's account.
    assert sorted(s["name"] for s in _storage_steps(result) if not s.get("name_unstated")) == ["shopdisks"]


CLASSIC_CLI = """\
DISK=$1
azure vm create web04 img -n web04 -u https://shopdisks.blob.core.windows.net/vhds/web04.vhd user 'P@ss'
azure vm disk attach web04 web04-data
azure vm disk attach web04 "$DISK"
"""


def test_classic_cli_disks_attached_by_name_stated_or_not_are_each_in_their_disks_account(
    tmp_path, monkeypatch
):
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": CLASSIC_CLI}, dedent=False)
    assert _accounts(result) == {
        "<storage account of disk web04-data, deploy.sh:3>": ["web04"],
        "<storage account of the registered data disk of a VM, deploy.sh:4>": ["web04"],
    }


GET_AZURE_VM = """\
[
  {"ServiceName": "web05", "Name": "web05", "DeploymentName": "web05", "InstanceSize": "Small",
   "VM": {"RoleName": "web05", "RoleSize": "Small",
          "OSVirtualHardDisk": {"DiskName": "web05-os", "OS": "Windows",
                                "MediaLink": "https://shopdisks.blob.core.windows.net/vhds/web05.vhd"},
          "DataVirtualHardDisks": [{"DiskName": "web05-data", "Lun": 0}]}}
]
"""


def test_an_inventory_exports_data_disk_named_alone_is_in_that_disks_account(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"vms.json": GET_AZURE_VM}, dedent=False)
    assert _accounts(result) == {"<storage account of disk web05-data, vms.json:6>": ["web05"]}
