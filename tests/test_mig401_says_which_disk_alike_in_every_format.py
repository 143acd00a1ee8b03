"""MIG401 says which disk has the blob with a '/' the same way whatever file describes it: by the disk's
name where the file states one; else as the VM's OS disk or its data disk at a LUN, with the blob's address.
A disk added as a data disk at a LUN the file does not state is "a data disk", never the OS disk, though it
is the only disk the files give its VM. Never by a name the file does not give (a Python script's blob file
name)."""

from __future__ import annotations

import pytest
from lint_support import lint_files

BLOB = "https://acct1.blob.core.windows.net/vhds"

PYTHON = f"""\
from azure.servicemanagement import ServiceManagementService, ConfigurationSet, OSVirtualHardDisk
sms = ServiceManagementService('sub', 'cert.pem')
sms.create_virtual_machine_deployment('svc1', 'svc1', 'production', 'svc1', 'vm1', None,
    OSVirtualHardDisk('img', '{BLOB}/sub/vm1.vhd'), role_size='Small')
sms.add_data_disk('svc1', 'svc1', 'vm1', 0, media_link='{BLOB}/dd/data.vhd', logical_disk_size_in_gb=10)
"""

POWERSHELL = f"""\
$a = New-AzureVMConfig -Name 'vm1' -InstanceSize Small -ImageName 'img' -MediaLocation '{BLOB}/sub/vm1.vhd' |
  Add-AzureProvisioningConfig -Windows -AdminUsername 'a' -Password 'p'
New-AzureVM -ServiceName 'svc1' -VMs $a -Location 'West Europe'
"""

GET_AZURE_VM = f"""\
[{{"ServiceName": "svc1", "Name": "vm1", "DeploymentName": "svc1",
  "VM": {{"RoleName": "vm1", "OSVirtualHardDisk": {{"DiskName": "vm1-os", "MediaLink": "{BLOB}/sub/vm1.vhd"}}}}}}]
"""


def _said(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, files, "MIG401", dedent=False)
    return [f.message.split(" whose blob name ")[0] for f in result.findings]


def test_a_python_script_s_disks_without_names(tmp_path, monkeypatch):
    assert _said(tmp_path, monkeypatch, {"deploy.py": PYTHON}) == [
        f"VM 'vm1' in cloud service 'svc1' has its OS disk ({BLOB}/sub/vm1.vhd)",
        f"VM 'vm1' in cloud service 'svc1' has its data disk at LUN 0 ({BLOB}/dd/data.vhd)",
    ]


def test_a_powershell_os_disk_without_a_name(tmp_path, monkeypatch):
    assert _said(tmp_path, monkeypatch, {"deploy.ps1": POWERSHELL}) == [
        f"VM 'vm1' in cloud service 'svc1' has its OS disk ({BLOB}/sub/vm1.vhd)"
    ]


def test_a_disk_whose_name_the_file_states(tmp_path, monkeypatch):
    assert _said(tmp_path, monkeypatch, {"vms.json": GET_AZURE_VM}) == [
        "VM 'vm1' in cloud service 'svc1' has disk 'vm1-os'"
    ]


# A data disk added at a LUN the script does not state, to a VM no file creates: its one disk in the files.
ADDED_AT_AN_UNSTATED_LUN = {
    "attach.ps1": f"""\
$lun = Read-Host
Get-AzureVM -ServiceName svc1 -Name vm1 | Add-AzureDataDisk -ImportFrom -MediaLocation {BLOB}/2016/data.vhd `
  -LUN $lun -DiskLabel d | Update-AzureVM
""",
    "attach.py": f"""\
import sys
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService('sub', 'cert.pem')
sms.add_data_disk('svc1', 'svc1', 'vm1', int(sys.argv[1]), media_link='{BLOB}/2016/data.vhd')
""",
    "attach.sh": f"azure vm disk attach-new vm1 100 {BLOB}/2016/data.vhd -d svc1\n",
}


@pytest.mark.parametrize("name", sorted(ADDED_AT_AN_UNSTATED_LUN))
def test_a_disk_added_as_a_data_disk_at_a_lun_not_stated(tmp_path, monkeypatch, name):
    assert _said(tmp_path, monkeypatch, {name: ADDED_AT_AN_UNSTATED_LUN[name]}) == [
        f"VM 'vm1' in cloud service 'svc1' has a data disk ({BLOB}/2016/data.vhd)"
    ]
