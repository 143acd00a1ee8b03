"""A VM's own (instance-level) public IP, as each format states it: a REST role body's and an Export-AzureVM
file's `PublicIPs` (the Service Management schema's `ConfigurationSet/PublicIPs/PublicIP/Name`; .NET's
XmlSerializer names an export's items after their type, `AssignPublicIP`), PowerShell's
`Set-AzurePublicIP -PublicIPName` and `Remove-AzurePublicIP`, and the Python SDK's
`ConfigurationSet.public_ips`. A change to a VM that exists says nothing of it unless it sets or removes
one. The plan says what it becomes (deep dive: "Public IP address per VM | Public IP address with dynamic
allocation method")."""

from __future__ import annotations

import textwrap

from lint_support import lint_files

from migcheck.model import Document, Role
from migcheck.readers import read_document


def _read(path: str, text: str) -> Document:
    document = read_document(path, textwrap.dedent(text).lstrip("\n").encode("utf-8"), explicit=True)
    assert document is not None and document.problem is None
    return document


def _vms(document: Document) -> dict[str, Role]:
    found: dict[str, Role] = {}
    for resource in document.resources:
        for role in (resource,) if isinstance(resource, Role) else getattr(resource, "roles", ()):
            found[role.name] = role
    return found


def _public_ips(role: Role) -> list[tuple[str, int]]:
    return [(ref.name, ref.mark.line) for ref in role.public_ips]


# --- REST bodies and Export-AzureVM files ------------------------------------------------------------------

DEPLOYMENT = """
<Deployment xmlns="http://schemas.microsoft.com/windowsazure" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
  <Name>shop</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <RoleList>
    <Role>
      <RoleName>web01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets>
        <ConfigurationSet>
          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
          <SubnetNames><SubnetName>web</SubnetName></SubnetNames>
          <PublicIPs>
            <PublicIP>
              <Name>web01-pip</Name>
              <IdleTimeoutInMinutes>4</IdleTimeoutInMinutes>
            </PublicIP>
          </PublicIPs>
        </ConfigurationSet>
      </ConfigurationSets>
    </Role>
    <Role>
      <RoleName>web02</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets>
        <ConfigurationSet>
          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
          <SubnetNames><SubnetName>web</SubnetName></SubnetNames>
          <PublicIPs />
        </ConfigurationSet>
      </ConfigurationSets>
    </Role>
  </RoleList>
  <VirtualNetworkName>shop-vnet</VirtualNetworkName>
</Deployment>
"""


def test_a_rest_body_names_each_vm_s_public_ip_where_it_is_written():
    vms = _vms(_read("shop.deployment.xml", DEPLOYMENT))
    assert _public_ips(vms["web01"]) == [("web01-pip", 14)]
    assert _public_ips(vms["web02"]) == []


EXPORT = """
<?xml version="1.0" encoding="utf-8"?>
<PersistentVM xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <ConfigurationSets>
    <ConfigurationSet xsi:type="NetworkConfigurationSet">
      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <SubnetNames>
        <string>App</string>
      </SubnetNames>
      <PublicIPs>
        <AssignPublicIP>
          <Name>app01-pip</Name>
          <IdleTimeoutInMinutes xsi:nil="true" />
        </AssignPublicIP>
      </PublicIPs>
      <NetworkInterfaces />
    </ConfigurationSet>
  </ConfigurationSets>
  <RoleName>app01</RoleName>
  <RoleSize>Small</RoleSize>
  <RoleType>PersistentVMRole</RoleType>
</PersistentVM>
"""


def test_an_export_azure_vm_file_names_its_public_ip_whatever_its_items_are_called():
    assert _public_ips(_vms(_read("app01.xml", EXPORT))["app01"]) == [("app01-pip", 11)]


# --- PowerShell --------------------------------------------------------------------------------------------

CREATE = """
$vm = New-AzureVMConfig -Name 'vm1' -InstanceSize Small -ImageName 'img' |
    Add-AzureProvisioningConfig -Windows -AdminUsername 'a' -Password 'p' |
    Set-AzureSubnet -SubnetNames 'Sub1' |
    Set-AzurePublicIP -PublicIPName 'pip1'
New-AzureVM -ServiceName 'svc1' -VMs $vm -VNetName 'vnet1' -Location 'West Europe'
$vm2 = New-AzureVMConfig -Name 'vm2' -InstanceSize Small -ImageName 'img' |
    Set-AzurePublicIP 'first' | Set-AzurePublicIP 'second'
New-AzureVM -ServiceName 'svc2' -VMs $vm2 -Location 'West Europe'
$vm3 = New-AzureVMConfig -Name 'vm3' -InstanceSize Small -ImageName 'img' |
    Set-AzurePublicIP 'pip3' | Remove-AzurePublicIP -PublicIPName 'PIP3'
New-AzureVM -ServiceName 'svc2' -VMs $vm3
"""


def test_set_azure_public_ip_names_the_vm_s_public_ip_and_remove_takes_it_off():
    vms = _vms(_read("deploy.ps1", CREATE))
    assert _public_ips(vms["vm1"]) == [("pip1", 4)]
    assert [ref.name for ref in vms["vm2"].public_ips] == ["second"]  # the cmdlet renames the one it has
    assert vms["vm3"].public_ips == ()
    assert all("public_ips" not in vm.unknown for vm in vms.values())


CHANGES = """
Get-AzureVM -ServiceName 'svc1' -Name 'vm1' | Set-AzureVMSize -InstanceSize Large | Update-AzureVM
Get-AzureVM -ServiceName 'svc1' -Name 'vm2' | Remove-AzurePublicIP | Update-AzureVM
Get-AzureVM -ServiceName 'svc1' -Name 'vm3' | Set-AzurePublicIP -PublicIPName $env:PIP | Update-AzureVM
Get-AzureVM -ServiceName 'svc1' -Name 'vm4' | Set-AzurePublicIP -PublicIPName 'pip4' | Update-AzureVM
"""


def test_a_change_to_a_vm_that_exists_says_nothing_of_its_public_ip_unless_it_sets_or_removes_one():
    vms = _vms(_read("change.ps1", CHANGES))
    assert (vms["vm1"].public_ips, "public_ips" in vms["vm1"].unknown) == ((), True)
    assert (vms["vm2"].public_ips, "public_ips" in vms["vm2"].unknown) == ((), False)  # every one removed
    # A name not stated: a public IP all the same, named by a stand-in where the name is written.
    assert ([ref.name for ref in vms["vm3"].public_ips], "public_ips" in vms["vm3"].unknown) == (
        ["<public IP name, change.ps1:3:79>"],
        False,
    )
    assert (_public_ips(vms["vm4"]), "public_ips" in vms["vm4"].unknown) == ([("pip4", 4)], False)


def _estate_vms(result) -> dict[str, Role]:
    return {
        vm.name: vm
        for estate in result.estates
        for service in estate.cloud_services
        for placement in service.placements
        for vm in placement.vms
    }


def test_the_estate_keeps_a_created_vm_s_public_ip_through_changes_that_do_not_state_it(
    tmp_path, monkeypatch
):
    changes = """
        Get-AzureVM -ServiceName 'svc1' -Name 'vm1' | Set-AzureVMSize -InstanceSize Large | Update-AzureVM
        Get-AzureVM -ServiceName 'svc2' -Name 'vm2' | Remove-AzurePublicIP | Update-AzureVM
        """
    files = {"deploy.ps1": CREATE, "change.ps1": changes}
    vms = _estate_vms(lint_files(tmp_path, monkeypatch, files, "MIG201"))
    assert [ref.name for ref in vms["vm1"].public_ips] == ["pip1"]
    assert vms["vm2"].public_ips == ()


# --- Python (azure.servicemanagement) ----------------------------------------------------------------------

PYTHON = """
import os
from azure.servicemanagement import *
sms = ServiceManagementService('sub', 'cert.pem')
network = ConfigurationSet()
network.subnet_names.append('app')
network.public_ips.public_ips.append(PublicIP('web01-pip'))
sms.create_virtual_machine_deployment('shop', 'prod', 'production', 'l', 'web01', None, None, network,
                                      virtual_network_name='vnet1')
sms.update_role('shop', 'prod', 'web01', role_size='Large')
other = ConfigurationSet()
other.subnet_names.append('app')
other.public_ips.public_ips.append(PublicIP(os.environ['PIP']))
sms.add_role('shop', 'prod', 'app01', None, None, other)
"""


def test_a_python_network_configuration_names_the_vm_s_public_ips():
    vms = _vms(_read("deploy.py", PYTHON))
    assert _public_ips(vms["web01"]) == [("web01-pip", 6)]  # update_role without network_config: unchanged
    assert (vms["app01"].public_ips, "public_ips" in vms["app01"].unknown) == ((), True)


# --- the plan ----------------------------------------------------------------------------------------------

BECOMES = (
    "public IP 'pip1' of VM 'vm1': a public IP address resource with dynamic allocation, a Basic SKU one "
    "(retired on 2025-09-30): its address may change when the VM is deallocated; upgrade it to Standard "
    "(static) after Commit if the address must stay, and update DNS records and allow lists that hold it"
)


def test_the_plan_says_what_a_vm_s_public_ip_becomes_in_its_network_s_step(plan_of):
    plan = plan_of({"deploy.ps1": CREATE})
    [network] = [s for s in plan.steps if s.id.startswith("network:")]
    assert BECOMES in network.becomes
    [service] = [s for s in plan.steps if s.id.startswith("service:")]  # vm2 and vm3, in no network
    assert BECOMES.replace("'pip1' of VM 'vm1'", "'second' of VM 'vm2'") in service.becomes
    assert not any("of VM 'vm3'" in line for line in service.becomes)


def test_a_vm_without_a_public_ip_has_none_in_the_plan(plan_of):
    plan = plan_of({"shop.deployment.xml": DEPLOYMENT.replace("<Name>web01-pip</Name>", "")})
    assert not any("public IP '" in line for step in plan.steps for line in step.becomes)
