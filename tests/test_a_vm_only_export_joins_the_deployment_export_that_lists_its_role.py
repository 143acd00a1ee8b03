"""A VM-only export (`(Get-AzureVM -ServiceName svc1).VM | ConvertTo-Json`, an Export-AzureVM file) names no
cloud service; a `Get-AzureDeployment` export of svc1 lists a role instance of that VM's name without saying
its kind. That role is the VM: one VM of svc1, in the deployment's network, whose instance status the
deployment export gives (RoleStateUnknown: MIG208), where the plan listed web01 twice, once as svc1's role of
unsaid kind and once as a VM of a cloud service no file names."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

DEPLOYMENT = json.dumps(
    [
        {
            "ServiceName": "svc1",
            "Slot": "Production",
            "DeploymentName": "svc1",
            "Status": "Running",
            "VNetName": "vnet1",
            "SdkVersion": "",
            "RoleInstanceList": [
                {
                    "RoleName": "web01",
                    "InstanceName": "web01",
                    "InstanceStatus": "RoleStateUnknown",
                    "InstanceSize": "Small",
                    "PowerState": "Started",
                }
            ],
        }
    ],
    indent=2,
)
GET_AZURE_VM = json.dumps(
    [
        {
            "RoleName": "web01",
            "RoleSize": "Small",
            "RoleType": "PersistentVMRole",
            "ConfigurationSets": [
                {
                    "ConfigurationSetType": "NetworkConfiguration",
                    "InputEndpoints": [],
                    "SubnetNames": ["FrontEnd"],
                }
            ],
            "OSVirtualHardDisk": {
                "DiskName": "web01-os",
                "MediaLink": "https://stdacct.blob.core.windows.net/vhds/web01-os.vhd",
                "OS": "Windows",
            },
            "ResourceExtensionReferences": [],
        }
    ],
    indent=2,
)
EXPORT_AZURE_VM = """\
<?xml version="1.0" encoding="utf-8"?>
<PersistentVM xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <ConfigurationSets>
    <ConfigurationSet xsi:type="NetworkConfigurationSet">
      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <SubnetNames><string>FrontEnd</string></SubnetNames>
    </ConfigurationSet>
  </ConfigurationSets>
  <OSVirtualHardDisk><DiskName>web01-os</DiskName><OS>Windows</OS></OSVirtualHardDisk>
  <RoleName>web01</RoleName>
  <RoleSize>Small</RoleSize>
  <RoleType>PersistentVMRole</RoleType>
</PersistentVM>
"""
VM_FILES = {"exports/vm-web01.json": GET_AZURE_VM, "exports/web01.xml": EXPORT_AZURE_VM}


@pytest.mark.parametrize("vm_file", VM_FILES)
def test_the_vm_is_the_role_the_deployment_lists(tmp_path, monkeypatch, vm_file) -> None:
    files = {"deployment.json": DEPLOYMENT, vm_file: VM_FILES[vm_file]}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    (estate,) = result.estates
    (service,) = estate.cloud_services
    assert service.name == "svc1"
    (placement,) = service.placements
    assert [(role.name, role.is_vm) for role in placement.roles] == [("web01", True)]
    assert placement.virtual_network is not None and placement.virtual_network.name == "vnet1"
    assert [f.code for f in result.findings] == ["MIG208"]
    assert result.findings[0].location.path == "deployment.json"
