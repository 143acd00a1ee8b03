"""A VM an Export-AzureVM file describes with a secondary network interface in another subnet is in two
subnets (MIG202); the file, like a REST deployment body, names the interface. A script that removes that interface by name
(`Remove-AzureNetworkInterfaceConfig -Name`, the fix the migration overview gives) takes the interface and its
subnet off the VM, as it does for a VM a Resource Graph export describes."""

from __future__ import annotations

import textwrap

from lint_support import lint_files

from migcheck.model import Deployment
from migcheck.readers import read_document

_EXPORT = """
    <?xml version="1.0" encoding="utf-8"?>
    <PersistentVM xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
      <ConfigurationSets>
        <ConfigurationSet xsi:type="NetworkConfigurationSet">
          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
          <SubnetNames><string>FrontEnd</string></SubnetNames>
          <NetworkInterfaces>
            <NetworkInterface>
              <Name>nic2</Name>
              <IPConfigurations>
                <IPConfiguration>
                  <SubnetName>BackEnd</SubnetName>
                  <StaticVirtualNetworkIPAddress>10.0.1.5</StaticVirtualNetworkIPAddress>
                </IPConfiguration>
              </IPConfigurations>
            </NetworkInterface>
          </NetworkInterfaces>
        </ConfigurationSet>
      </ConfigurationSets>
      <RoleName>app01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
    </PersistentVM>
    """

_BODY = """
    <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
      <Name>app</Name>
      <DeploymentSlot>Production</DeploymentSlot>
      <RoleList>
        <Role>
          <RoleName>app01</RoleName>
          <RoleType>PersistentVMRole</RoleType>
          <ConfigurationSets>
            <ConfigurationSet>
              <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
              <SubnetNames><SubnetName>FrontEnd</SubnetName></SubnetNames>
              <NetworkInterfaces>
                <NetworkInterface>
                  <Name>nic2</Name>
                  <IPConfigurations>
                    <IPConfiguration><SubnetName>BackEnd</SubnetName></IPConfiguration>
                  </IPConfigurations>
                </NetworkInterface>
              </NetworkInterfaces>
            </ConfigurationSet>
          </ConfigurationSets>
        </Role>
      </RoleList>
      <VirtualNetworkName>prod</VirtualNetworkName>
    </Deployment>
    """


def _interfaces(text: str) -> list[tuple[str, list[str], str | None]]:
    document = read_document("vm.xml", textwrap.dedent(text).lstrip().encode(), explicit=False)
    assert document is not None
    (resource,) = document.resources
    role = resource.roles[0] if isinstance(resource, Deployment) else resource
    return [(nic, [s.name for s in refs], address and address.name) for nic, refs, address in role.interfaces]


_FIX = "Get-AzureVM -ServiceName app -Name app01 | Remove-AzureNetworkInterfaceConfig -Name nic2 | Update-AzureVM\n"


def test_the_export_names_the_interface_with_its_subnet_and_address(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"app/app01.xml": _EXPORT}, "MIG202")
    assert [f.code for f in result.findings] == ["MIG202"]
    assert _interfaces(_EXPORT) == [("nic2", ["BackEnd"], "10.0.1.5")]
    assert _interfaces(_BODY) == [("nic2", ["BackEnd"], None)]


def test_a_script_that_removes_the_interface_leaves_the_exported_vm_in_one_subnet(tmp_path, monkeypatch):
    files = {"app/app01.xml": _EXPORT, "fix.ps1": _FIX}
    assert not lint_files(tmp_path, monkeypatch, files, "MIG202").findings


def test_a_script_that_removes_another_interface_leaves_both_subnets(tmp_path, monkeypatch):
    files = {"app/app01.xml": _EXPORT, "fix.ps1": _FIX.replace("nic2", "nic3")}
    assert [f.code for f in lint_files(tmp_path, monkeypatch, files, "MIG202").findings] == ["MIG202"]
