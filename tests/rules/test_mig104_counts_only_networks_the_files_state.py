"""MIG104 is an error about what the files state: VMs of Export-AzureVM files, which name subnets but no
network, are placed by the plan in the one network defining their subnets, and are not counted by it."""

from __future__ import annotations

from lint_support import lint_files

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="prod" Location="West Europe">
      <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
      <Subnets><Subnet name="FrontEnd"><AddressPrefix>10.0.0.0/24</AddressPrefix></Subnet></Subnets>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
CSCFG = """\
<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="2"/></Role>
  <NetworkConfiguration><VirtualNetworkSite name="prod"/></NetworkConfiguration>
</ServiceConfiguration>
"""
EXPORT = """\
<PersistentVM xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <RoleName>app01</RoleName>
  <ConfigurationSets>
    <ConfigurationSet xsi:type="NetworkConfigurationSet">
      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <SubnetNames><string>FrontEnd</string></SubnetNames>
    </ConfigurationSet>
  </ConfigurationSets>
</PersistentVM>
"""
DEPLOYMENT = (
    '<Deployment xmlns="http://schemas.microsoft.com/windowsazure"><Name>jump</Name><RoleList>'
    "<Role><RoleName>jump01</RoleName><RoleType>PersistentVMRole</RoleType></Role></RoleList>"
    "<VirtualNetworkName>prod</VirtualNetworkName></Deployment>"
)
FILES = {"net/NetworkConfig.netcfg": NETCFG, "shop/ServiceConfiguration.Cloud.cscfg": CSCFG}


def test_an_exported_vm_placed_by_its_subnet_does_not_make_a_network_hold_vms_and_roles(
    tmp_path, monkeypatch
):
    files = {**FILES, "vms/app01.xml": EXPORT}
    assert lint_files(tmp_path, monkeypatch, files, "MIG104").findings == []


def test_a_deployment_that_states_its_network_still_counts(tmp_path, monkeypatch):
    files = {**FILES, "vms/app01.xml": EXPORT, "rest/jump.deployment.xml": DEPLOYMENT}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG104").findings
    assert finding.message == (
        "virtual network 'prod' holds web/worker roles of cloud service 'shop' ('Web') and VMs of 'jump'"
    )
