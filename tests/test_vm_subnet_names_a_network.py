"""A VM that names a subnet is in a virtual network, whether or not its deployment names the network: a
subnet is only ever one of a virtual network's. A script or body that creates the deployment with such a VM
and no network (New-AzureVM -Location without -VNetName, create_virtual_machine_deployment without
virtual_network_name, a REST body without VirtualNetworkName, `azure vm create --subnet-names` without
--virtual-network-name) leaves the network unstated, never none: either the VM joins a deployment that is in
a network the files do not name, or the platform refuses the call. MIG105 does not say its VMs are moved as
VMs in no network are, the readiness summary lists the service under "virtual network not known" (not in
the network of the files that defines a subnet of that name: the call that creates it names none), and the plan migrates it with its network, not with
Move-AzureService -CreateNewVirtualNetwork. The same deployment without the subnet is still in none."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.report.readiness import ScopeKind, readiness

POWERSHELL = """\
New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img" |
    Add-AzureProvisioningConfig -Windows -AdminUsername "u" -Password "p" |{subnet}
    New-AzureVM -ServiceName "svc" -Location "East US"
"""
POWERSHELL_SUBNET = '\n    Set-AzureSubnet -SubnetNames "Subnet-1" |'

PYTHON = """\
from azure.servicemanagement import ServiceManagementService, ConfigurationSet, OSVirtualHardDisk

sms = ServiceManagementService("sub", "cert.pem")
network = ConfigurationSet()
network.configuration_set_type = "NetworkConfiguration"{subnet}
sms.create_virtual_machine_deployment(
    service_name="svc",
    deployment_name="svc",
    deployment_slot="production",
    label="vm1",
    role_name="vm1",
    system_config=None,
    os_virtual_hard_disk=OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/vm1.vhd"),
    network_config=network,
    role_size="Small",
)
"""
PYTHON_SUBNET = '\nnetwork.subnet_names.append("Subnet-1")'

REST = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>svc</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <RoleList>
    <Role>
      <RoleName>vm1</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets>
        <ConfigurationSet>
          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>{subnet}
        </ConfigurationSet>
      </ConfigurationSets>
      <OSVirtualHardDisk><MediaLink>https://acct.blob.core.windows.net/vhds/vm1.vhd</MediaLink></OSVirtualHardDisk>
    </Role>
  </RoleList>
</Deployment>
"""
REST_SUBNET = "\n          <SubnetNames><SubnetName>Subnet-1</SubnetName></SubnetNames>"

CLASSIC_CLI = """\
#!/bin/bash
azure config mode asm
azure vm create svc img u p --location "East US"{subnet}
"""
CLASSIC_CLI_SUBNET = " --subnet-names Subnet-1"

FORMATS = [
    pytest.param("deploy.ps1", POWERSHELL, POWERSHELL_SUBNET, id="powershell"),
    pytest.param("deploy.py", PYTHON, PYTHON_SUBNET, id="python"),
    pytest.param("deployment.xml", REST, REST_SUBNET, id="rest"),
    pytest.param("deploy.sh", CLASSIC_CLI, CLASSIC_CLI_SUBNET, id="classic-cli"),
]


@pytest.mark.parametrize(("path", "text", "subnet"), FORMATS)
def test_a_vm_in_a_subnet_of_a_network_not_named_is_not_outside_every_network(
    tmp_path, monkeypatch, path, text, subnet
):
    result = lint_files(tmp_path, monkeypatch, {path: text.format(subnet=subnet)}, "MIG105")
    assert where(result.findings) == []


@pytest.mark.parametrize(("path", "text", "subnet"), FORMATS)
def test_the_same_vm_in_no_subnet_is_still_in_no_network(tmp_path, monkeypatch, path, text, subnet):
    result = lint_files(tmp_path, monkeypatch, {path: text.format(subnet="")}, "MIG105")
    assert [f.code for f in result.findings] == ["MIG105"]


@pytest.mark.parametrize(("path", "text", "subnet"), FORMATS)
def test_the_summary_lists_it_as_of_a_network_not_known(tmp_path, monkeypatch, path, text, subnet):
    result = lint_files(tmp_path, monkeypatch, {path: text.format(subnet=subnet)})
    [subscription] = readiness(result)
    scopes = {summary.scope: [item.name for item in summary.items] for summary in subscription.scopes}
    assert scopes[ScopeKind.NO_VNET] == []
    assert len(scopes[ScopeKind.NETWORK_NOT_STATED]) == 1


@pytest.mark.parametrize(("path", "text", "subnet"), FORMATS)
def test_the_plan_migrates_it_with_its_network(tmp_path, monkeypatch, plan_of, path, text, subnet):
    plan = plan_of({path: text.format(subnet=subnet)})
    [step] = [s for s in plan.steps if s.members]
    commands = "\n".join(step.powershell.prepare) if step.powershell else ""
    assert "CreateNewVirtualNetwork" not in commands and "Move-AzureService" not in commands
    assert "Move-AzureVirtualNetwork -Prepare" in commands
    assert "in none" not in step.downtime.casefold()
    assert any("subnet 'Subnet-1'" in str(note) for note in step.notes)


NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="prod" Location="East US">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="Subnet-1"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


@pytest.mark.parametrize(("path", "text", "subnet"), FORMATS)
def test_a_network_of_the_files_that_defines_the_subnet_is_not_inferred_for_it(
    tmp_path, monkeypatch, path, text, subnet
):
    """The call creates the deployment and names no network, so it is refused as written: the one network
    of the files that defines a subnet of that name is no more its network than another of the
    subscription that has one."""
    files = {"NetworkConfig.netcfg": NETCFG, path: text.format(subnet=subnet)}
    result = lint_files(tmp_path, monkeypatch, files, "MIG105")
    assert where(result.findings) == []
    [subscription] = readiness(result)
    scopes = {summary.scope: [item.name for item in summary.items] for summary in subscription.scopes}
    assert scopes[ScopeKind.NO_VNET] == []
    assert len(scopes[ScopeKind.NETWORK_NOT_STATED]) == 1
