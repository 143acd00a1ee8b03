"""A cloud service project keeps a configuration per environment (`ServiceConfiguration.Production.cscfg`,
`ServiceConfiguration.Test.cscfg`): a deployment takes one of them, so two that give the role other instance
counts or put it in another virtual network are two environments, not one resource described twice (no MIG004).
A configuration that describes a VM deployment, beside the script that creates the VM otherwise, is one
(MIG004 at the configuration, naming the VM and the deployment)."""

from __future__ import annotations

from lint_support import lint_files, where

DEFINITION = """\
    <ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
      <WebRole name="Web" vmsize="Small">
        <Endpoints><InputEndpoint name="http" protocol="http" port="80" /></Endpoints>
      </WebRole>
    </ServiceDefinition>
    """
CONFIGURATION = """\
    <ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
      <Role name="{role}">
        <Instances count="{count}" />
      </Role>
      <NetworkConfiguration>
        <VirtualNetworkSite name="{vnet}" />
        <AddressAssignments>
          <InstanceAddress roleName="{role}">
            <Subnets><Subnet name="web" /></Subnets>
          </InstanceAddress>
        </AddressAssignments>
      </NetworkConfiguration>
    </ServiceConfiguration>
    """
SCRIPT = """\
    $vm = New-AzureVMConfig -Name "web01" -InstanceSize "Small" -ImageName $image |
        Add-AzureProvisioningConfig -Windows -AdminUsername "ops" -Password $env:VM_PASSWORD |
        Set-AzureSubnet -SubnetNames "db"
    New-AzureVM -ServiceName "shop" -VMs $vm -VNetName "vnet2" -Location "West Europe"
    """


def test_a_configuration_per_environment_is_no_conflict(tmp_path, monkeypatch):
    files = {
        "ServiceDefinition.csdef": DEFINITION,
        "ServiceConfiguration.Production.cscfg": CONFIGURATION.format(role="Web", count=3, vnet="prod-vnet"),
        "ServiceConfiguration.Test.cscfg": CONFIGURATION.format(role="Web", count=1, vnet="test-vnet"),
    }
    assert lint_files(tmp_path, monkeypatch, files, "MIG004").findings == []


def test_a_vm_deployment_s_configuration_and_the_script_that_creates_it_otherwise_conflict(
    tmp_path, monkeypatch
):
    files = {
        "shop.cscfg": CONFIGURATION.format(role="web01", count=1, vnet="vnet1"),
        "web01.ps1": SCRIPT,
    }
    findings = lint_files(tmp_path, monkeypatch, files, "MIG004").findings
    assert [f.message.split(" here than at ")[0] for f in findings] == [
        "VM 'web01' of cloud service 'shop' is described differently",
        "deployment 'shop' of cloud service 'shop' is described differently",
    ]
    assert where(findings) == ["MIG004 shop.cscfg:2:3", "MIG004 shop.cscfg:6:5"]
    assert findings[0].message.endswith("subnets web / db (here / there)")
    assert findings[1].message.endswith("virtual network 'vnet1' / 'vnet2' (here / there)")
