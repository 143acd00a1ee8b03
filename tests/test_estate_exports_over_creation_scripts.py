"""A VM a script creates and an export also describes (a GET of its deployment, an Export-AzureVM file, a
Resource Graph row) is the VM the export shows: what the export states stands, its data disks above all,
whichever file sorts first; what it leaves unsaid is taken from the script, as is the blob of a disk it
writes without one."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, where

from migcheck.plan import build_plan

SUB = "11111111-2222-3333-4444-555555555555"
OS_BLOB = "https://fabstd.blob.core.windows.net/vhds/fab-dc01-os.vhd"
DATA_BLOB = "https://fabprem.blob.core.windows.net/vhds/fab-dc01-data0.vhd"

GET = f"""\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>fab-dc</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <PrivateID>b8e3f61d0c2a4e7f9a5d3c1b7e9f2a4c</PrivateID>
  <Url>http://fab-dc.cloudapp.net/</Url>
  <RoleList>
    <Role>
      <RoleName>fab-dc01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <DataVirtualHardDisks>
        <DataVirtualHardDisk>
          <DiskName>fab-dc01-data0</DiskName><Lun>0</Lun>
          <MediaLink>{DATA_BLOB}</MediaLink><IOType>Provisioned</IOType>
        </DataVirtualHardDisk>
      </DataVirtualHardDisks>
      <OSVirtualHardDisk>
        <DiskName>fab-dc01-os</DiskName><MediaLink>{OS_BLOB}</MediaLink><IOType>Standard</IOType>
      </OSVirtualHardDisk>
      <RoleSize>Standard_D2_v2</RoleSize>
      <DebugSettings><BootDiagnosticsEnabled>true</BootDiagnosticsEnabled></DebugSettings>
    </Role>
  </RoleList>
</Deployment>
"""

CREATE_PY = f"""\
from azure.servicemanagement import ServiceManagementService, OSVirtualHardDisk, WindowsConfigurationSet

sms = ServiceManagementService("{SUB}", "mgmt.pem")
sms.create_virtual_machine_deployment(
    "fab-dc", "fab-dc", "production", "fab-dc", "fab-dc01",
    WindowsConfigurationSet("fab-dc01", "Secret!123", admin_username="fabadmin"),
    OSVirtualHardDisk("win2012r2", "{OS_BLOB}"),
    role_size="Standard_D2_v2",
)
"""

CREATE_PS = f"""\
$vm = New-AzureVMConfig -Name "fab-dc01" -InstanceSize Standard_D2_v2 -ImageName "win2012r2" -MediaLocation "{OS_BLOB}"
New-AzureVM -ServiceName "fab-dc" -Location "West Europe" -VMs $vm
"""


def _vm(result):
    (service,) = result.estate.cloud_services
    (vm,) = service.vms
    return vm


@pytest.mark.parametrize("script", ["a_create.py", "z_create.py", "a_create.ps1", "z_create.ps1"])
def test_the_data_disks_of_a_get_stand_over_a_creation_script_whichever_sorts_first(
    tmp_path, monkeypatch, script
):
    files = {"m_fab-dc.xml": GET, script: CREATE_PY if script.endswith(".py") else CREATE_PS}
    result = lint_files(tmp_path, monkeypatch, files, "MIG205", dedent=False)
    assert where(result.findings) == ["MIG205 m_fab-dc.xml:20:7"]
    vm = _vm(result)
    assert sorted(d.media_link for d in vm.disks) == sorted([OS_BLOB, DATA_BLOB])
    assert vm.boot_diagnostics is True
    accounts = {a.name: len(a.disks) for a in result.estate.storage_accounts}
    assert accounts == {"fabstd": 1, "fabprem": 1}


def test_the_plan_moves_the_account_of_a_disk_only_the_get_shows(tmp_path, monkeypatch):
    files = {"a_create.py": CREATE_PY, "fab-dc.xml": GET}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    (plan,) = build_plan(result).subscriptions
    assert {"storage:fabprem", "storage:fabstd"} <= {step.id for step in plan.steps}


def test_what_the_get_leaves_unsaid_is_taken_from_the_script(tmp_path, monkeypatch):
    script = CREATE_PS.replace("-VMs $vm", '-VNetName "fab-vnet" -VMs $vm').replace(
        "$vm = New-AzureVMConfig", "$vm = New-AzureVMConfig -AvailabilitySetName dc-set"
    )
    result = lint_files(tmp_path, monkeypatch, {"a.ps1": script, "b.xml": GET}, "MIG205", dedent=False)
    assert _vm(result).availability_set == "dc-set"


EXPORTED = """\
<PersistentVM xmlns="http://schemas.microsoft.com/windowsazure">
  <RoleName>fab-dc01</RoleName>
  <RoleType>PersistentVMRole</RoleType>
  <DataVirtualHardDisks>
    <DataVirtualHardDisk><DiskName>fab-dc01-data0</DiskName><Lun>0</Lun></DataVirtualHardDisk>
  </DataVirtualHardDisks>
  <OSVirtualHardDisk><DiskName>fab-dc01-os</DiskName></OSVirtualHardDisk>
  <RoleSize>Standard_D2_v2</RoleSize>
</PersistentVM>
"""


def test_an_export_azure_vm_file_takes_the_blob_of_the_disk_the_script_creates(tmp_path, monkeypatch):
    # Export-AzureVM writes no MediaLink: the OS disk's blob is the one the script creates it at.
    files = {"a_create.ps1": CREATE_PS, "fab-dc/fab-dc01.xml": EXPORTED}
    vm = _vm(lint_files(tmp_path, monkeypatch, files, "MIG205", dedent=False))
    assert {d.name: d.media_link for d in vm.disks} == {"fab-dc01-data0": "", "fab-dc01-os": OS_BLOB}


def _graph_row(disks: list[dict]) -> dict:
    return {
        "id": f"/subscriptions/{SUB}/resourceGroups/fab-dc/providers/Microsoft.ClassicCompute/virtualMachines/fab-dc01",
        "name": "fab-dc01",
        "type": "microsoft.classiccompute/virtualmachines",
        "subscriptionId": SUB,
        "properties": {
            "domainName": {"name": "fab-dc"},
            "hardwareProfile": {"size": "Standard_D2_v2", "deploymentName": "fab-dc"},
            "storageProfile": {
                "operatingSystemDisk": {"diskName": "fab-dc01-os", "vhdUri": OS_BLOB},
                "dataDisks": disks,
            },
        },
    }


def test_a_resource_graph_row_is_the_vm_a_script_creates_as_it_is(tmp_path, monkeypatch):
    data = {"diskName": "fab-dc01-data0", "lun": 0, "vhdUri": DATA_BLOB.replace("fabprem", "fabstd")}
    export = json.dumps({"data": [_graph_row([data])], "total_records": 1})
    result = lint_files(tmp_path, monkeypatch, {"a.py": CREATE_PY, "classic.json": export}, dedent=False)
    assert sorted(d.name for d in _vm(result).disks) == ["fab-dc01-data0", "fab-dc01-os"]
    assert {a.name: len(a.disks) for a in result.estate.storage_accounts} == {"fabstd": 2}
