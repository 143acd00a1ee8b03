"""A service configuration (`.cscfg`) with no service definition beside it, of a VM deployment.

The platform keeps a configuration for every deployment, VM deployments included (`Get-AzureDeployment`'s
`Configuration`, a Get Deployment body's `<Configuration>`: it names the deployment's VMs). Where another
description of the same cloud service (a REST body, an inventory export, a script) shows a role the
configuration names to be a VM, the configuration is that VM deployment's: no MIG101, no second deployment
in the readiness summary or the plan, and what the configuration says of the VM fills in what the VM's own
description leaves unsaid. Where nothing says what the role is, MIG101 stays, with evidence that is true."""

from __future__ import annotations

import json

from lint_support import lint_files, where

from migcheck.plan import build_plan
from migcheck.report.readiness import ScopeKind, readiness

NETCFG = """\
<?xml version="1.0" encoding="utf-8"?>
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="vnet1" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets>
          <Subnet name="Web"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet>
          <Subnet name="App"><AddressPrefix>10.0.2.0/24</AddressPrefix></Subnet>
        </Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
CSCFG = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration"
    serviceName="svc1">
  <Role name="vm1">
    <Instances count="1" />
  </Role>{more}
</ServiceConfiguration>
"""
IN_VNET1 = """
  <NetworkConfiguration>
    <VirtualNetworkSite name="vnet1" />
    <AddressAssignments>
      <InstanceAddress roleName="vm1">
        <Subnets><Subnet name="Web" /></Subnets>
      </InstanceAddress>
    </AddressAssignments>
  </NetworkConfiguration>"""
VM2 = """
  <Role name="vm2">
    <Instances count="1" />
  </Role>"""
HOSTED_SERVICE = """\
<?xml version="1.0" encoding="utf-8"?>
<HostedService xmlns="http://schemas.microsoft.com/windowsazure"
    xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
  <ServiceName>svc1</ServiceName>
  <Deployments>
    <Deployment>
      <Name>svc1</Name>
      <DeploymentSlot>Production</DeploymentSlot>
      <RoleList>
        <Role i:type="PersistentVMRole">
          <RoleName>vm1</RoleName>
          <RoleType>PersistentVMRole</RoleType>
          <ConfigurationSets>
            <ConfigurationSet i:type="NetworkConfigurationSet">
              <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
              <SubnetNames><SubnetName>{subnet}</SubnetName></SubnetNames>
            </ConfigurationSet>
          </ConfigurationSets>
          <OSVirtualHardDisk>
            <DiskName>vm1-os</DiskName>
            <MediaLink>https://acct.blob.core.windows.net/vhds/vm1-os.vhd</MediaLink>
            <OS>Linux</OS>
          </OSVirtualHardDisk>
          <RoleSize>Standard_D1_v2</RoleSize>
        </Role>
      </RoleList>
      <VirtualNetworkName>vnet1</VirtualNetworkName>
    </Deployment>
  </Deployments>
</HostedService>
"""
# `Get-AzureVM | ConvertTo-Json`: the VM of service svc1, with no word of its network.
GET_AZURE_VM = json.dumps(
    [
        {
            "ServiceName": "svc1",
            "Name": "vm1",
            "DeploymentName": "svc1",
            "InstanceStatus": "ReadyRole",
            "VM": {"RoleName": "vm1", "RoleType": "PersistentVMRole", "RoleSize": "Small"},
        }
    ]
)
NEW_AZURE_VM = """\
Import-Module Azure
$vm = New-AzureVMConfig -Name "vm1" -InstanceSize "Small" -ImageName "image" |
    Add-AzureProvisioningConfig -Linux -LinuxUser "ops" -Password "P@ssw0rd-2016!" |
    Set-AzureSubnet -SubnetNames "Web"
New-AzureVM -ServiceName "svc1" -Location "West Europe" -VNetName "vnet1" -VMs $vm
"""
# A Get Deployment body on its own: it names no service, and a deployment name does not say which.
DEPLOYMENT_NAMING_NO_SERVICE = (
    HOSTED_SERVICE.split("<Deployments>")[1]
    .split("</Deployments>")[0]
    .replace(
        "<Deployment>",
        '<Deployment xmlns="http://schemas.microsoft.com/windowsazure" '
        'xmlns:i="http://www.w3.org/2001/XMLSchema-instance">',
    )
)


def _lint(tmp_path, monkeypatch, **files: str):
    return lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": NETCFG, **files}, dedent=False)


def _codes(result) -> list[str]:
    return sorted(f.code for f in result.findings)


def _vnet1_services(result) -> list[dict]:
    [summary] = readiness(result)
    assert not [s for s in summary.scopes if s.scope is ScopeKind.WEB_WORKER and s.items]
    [scope] = [s for s in summary.scopes if s.scope is ScopeKind.IN_VNET]
    [network] = scope.items
    return list(network.migrates["cloud_services"])


def test_the_configuration_of_a_vm_a_rest_body_describes_is_its_deployments(tmp_path, monkeypatch):
    result = _lint(
        tmp_path,
        monkeypatch,
        **{
            "ServiceConfiguration.cscfg": CSCFG.format(more=""),
            "svc1.hostedservice.xml": HOSTED_SERVICE.format(subnet="Web"),
        },
    )
    assert "MIG101" not in _codes(result)
    [service] = result.estate.cloud_services
    [placement] = service.placements
    assert [(r.name, r.is_vm) for r in placement.roles] == [("vm1", True)]
    [listed] = _vnet1_services(result)
    assert listed["vms"] == ["vm1"]
    assert not listed.get("roles")
    [step] = [s for s in build_plan(result).subscriptions[0].steps if s.name == "vnet1"]
    assert step.ready
    assert not [n for n in step.notes if "web/worker" in str(n)]


def test_a_vm_deployments_configuration_with_a_network_is_no_second_deployment(tmp_path, monkeypatch):
    files = {
        "ServiceConfiguration.cscfg": CSCFG.format(more=IN_VNET1),
        "svc1.hostedservice.xml": HOSTED_SERVICE.format(subnet="Web"),
    }
    result = _lint(tmp_path, monkeypatch, **files)
    assert "MIG101" not in _codes(result)
    assert "MIG004" not in _codes(result)  # the same subnet, said twice
    [service] = result.estate.cloud_services
    assert len(service.placements) == 1
    [vm] = service.vms
    assert [s.name for s in vm.subnets] == ["Web"]


def test_an_export_of_the_vm_takes_the_network_its_configuration_states(tmp_path, monkeypatch):
    files = {"ServiceConfiguration.cscfg": CSCFG.format(more=IN_VNET1), "vms.json": GET_AZURE_VM}
    result = _lint(tmp_path, monkeypatch, **files)
    assert "MIG101" not in _codes(result)
    [service] = result.estate.cloud_services
    [placement] = service.placements
    assert placement.virtual_network is not None and placement.virtual_network.name == "vnet1"
    [vm] = placement.vms
    assert [s.name for s in vm.subnets] == ["Web"]
    assert [s["vms"] for s in _vnet1_services(result)] == [["vm1"]]


def test_a_script_that_creates_the_vm_makes_the_configuration_its_deployments(tmp_path, monkeypatch):
    files = {"ServiceConfiguration.cscfg": CSCFG.format(more=IN_VNET1), "create.ps1": NEW_AZURE_VM}
    result = _lint(tmp_path, monkeypatch, **files)
    assert "MIG101" not in _codes(result)
    [service] = result.estate.cloud_services
    assert [(r.name, r.is_vm) for p in service.placements for r in p.roles] == [("vm1", True)]


def test_a_subnet_the_configuration_and_the_vm_state_differently_is_a_conflict(tmp_path, monkeypatch):
    files = {
        "ServiceConfiguration.cscfg": CSCFG.format(more=IN_VNET1),
        "svc1.hostedservice.xml": HOSTED_SERVICE.format(subnet="App"),
    }
    result = _lint(tmp_path, monkeypatch, **files)
    [conflict] = [f for f in result.findings if f.code == "MIG004"]
    assert where([conflict]) == ["MIG004 ServiceConfiguration.cscfg:4:3"]
    assert "subnets Web / App (here / there)" in conflict.message
    [vm] = result.estate.cloud_services[0].vms
    assert [s.name for s in vm.subnets] == ["App"]  # the VM's own description is kept


def test_a_network_the_configuration_and_the_deployment_name_differently_is_a_conflict(tmp_path, monkeypatch):
    files = {
        "ServiceConfiguration.cscfg": CSCFG.format(more=IN_VNET1.replace('"vnet1"', '"vnet2"')),
        "svc1.hostedservice.xml": HOSTED_SERVICE.format(subnet="Web"),
    }
    result = _lint(tmp_path, monkeypatch, **files)
    [conflict] = [f for f in result.findings if f.code == "MIG004"]
    assert conflict.message.startswith(
        "deployment 'svc1' of cloud service 'svc1' is described differently here than at "
    )
    assert where([conflict]) == ["MIG004 ServiceConfiguration.cscfg:8:5"]
    assert "virtual network 'vnet2' / 'vnet1' (here / there)" in conflict.message
    [placement] = result.estate.cloud_services[0].placements
    assert placement.virtual_network is not None and placement.virtual_network.name == "vnet1"


def test_a_role_only_a_vm_deployments_configuration_names_is_of_unknown_kind(tmp_path, monkeypatch):
    files = {
        "ServiceConfiguration.cscfg": CSCFG.format(more=VM2 + IN_VNET1),
        "svc1.hostedservice.xml": HOSTED_SERVICE.format(subnet="Web"),
    }
    result = _lint(tmp_path, monkeypatch, **files)
    [found] = [f for f in result.findings if f.code == "MIG101"]
    assert where([found]) == ["MIG101 ServiceConfiguration.cscfg:7:3"]
    assert "has role 'vm2', whose kind could not be told" in found.message
    assert "names it with VM 'vm1'" in found.message
    [service] = result.estate.cloud_services
    assert len(service.placements) == 1


def test_a_configuration_alone_is_a_packages_and_says_why(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, **{"ServiceConfiguration.cscfg": CSCFG.format(more="")})
    [found] = [f for f in result.findings if f.code == "MIG101"]
    assert "only web and worker roles have one" not in found.message
    assert "no service definition says its kind" in found.message
    assert "if it is a VM deployment's, add that deployment's body" in found.message


def test_a_body_that_names_no_service_does_not_make_the_configuration_a_vms(tmp_path, monkeypatch):
    files = {
        "ServiceConfiguration.cscfg": CSCFG.format(more=""),
        "d.xml": '<?xml version="1.0" encoding="utf-8"?>\n'
        + DEPLOYMENT_NAMING_NO_SERVICE.format(subnet="Web"),
    }
    result = _lint(tmp_path, monkeypatch, **files)
    assert [where([f]) for f in result.findings if f.code == "MIG101"] == [
        ["MIG101 ServiceConfiguration.cscfg:4:3"]
    ]
