"""A network security group set on a VM itself (`Set-AzureNetworkSecurityGroupConfig`, in a pipeline or with
`-VM`; a REST role body's `NetworkSecurityGroup`) is the VM's (`Role.security_group`): the migration clones it
with the VM, so the plan's step of the VM's cloud service says it moves there, and it is never planned as an
unattached resource, whichever file creates it."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.model import Deployment, Role
from migcheck.plan import build_plan
from migcheck.readers import read_document

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="appvnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="app"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
CREATE_GROUP = "New-AzureNetworkSecurityGroup -Name 'nsg-vm' -Location 'West Europe' -Label 'vm'\n"
CREATE_VM = """\
New-AzureVMConfig -Name 'vm1' -InstanceSize Small -ImageName 'img' -MediaLocation 'https://stdacct.blob.core.windows.net/vhds/vm1-os.vhd' |
    Add-AzureProvisioningConfig -Linux -LinuxUser 'azureuser' -Password 'P@ssw0rd1234' |
    Set-AzureSubnet -SubnetNames 'app' |
    New-AzureVM -ServiceName 'svc12' -VNetName 'appvnet'
"""
PIPELINE = (
    "Get-AzureVM -ServiceName 'svc12' -Name 'vm1' | "
    "Set-AzureNetworkSecurityGroupConfig -NetworkSecurityGroupName 'nsg-vm' | Update-AzureVM\n"
)
WITH_VM = """\
$vm = New-AzureVMConfig -Name 'vm1' -InstanceSize Small -ImageName 'img' -MediaLocation 'https://stdacct.blob.core.windows.net/vhds/vm1-os.vhd'
Set-AzureSubnet -SubnetNames 'app' -VM $vm
Set-AzureNetworkSecurityGroupConfig -NetworkSecurityGroupName 'nsg-vm' -VM $vm
New-AzureVM -ServiceName 'svc12' -VNetName 'appvnet' -VMs $vm
"""
MOVES = "network security group 'nsg-vm' of VM 'vm1', cloned: the classic one stays, to delete once nothing classic uses it"


def _steps(tmp_path, monkeypatch, files: dict[str, str]) -> dict:
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    (plan,) = [s for s in build_plan(result).subscriptions if s.steps]
    return {step.id: step for step in plan.steps}


def _vm(path: str, text: str):
    doc = read_document(path, text.encode(), explicit=True)
    assert doc is not None
    roles = [role for r in doc.resources if isinstance(r, Deployment) for role in r.roles]
    (vm,) = roles or [r for r in doc.resources if isinstance(r, Role)]  # a role body is a role alone
    return vm


def test_the_script_reader_sets_the_group_on_the_vm_in_either_form():
    piped = CREATE_VM.replace(
        "    Set-AzureSubnet",
        "    Set-AzureNetworkSecurityGroupConfig -NetworkSecurityGroupName 'nsg-vm' |\n    Set-AzureSubnet",
    )
    for text in (piped, WITH_VM):
        vm = _vm("net.ps1", text)
        assert vm.security_group is not None
        assert vm.security_group.name == "nsg-vm"
        assert vm.security_group.mark.line == 3


def test_a_group_the_script_takes_off_the_vm_again_is_not_its_own():
    removed = WITH_VM.replace("New-AzureVM", "Remove-AzureNetworkSecurityGroupConfig -VM $vm\nNew-AzureVM")
    assert _vm("net.ps1", removed).security_group is None


def test_the_plan_moves_the_group_with_the_vm_it_is_set_on_by_a_later_change(tmp_path, monkeypatch):
    files = {"NetworkConfig.netcfg": NETCFG, "net.ps1": CREATE_GROUP + CREATE_VM + PIPELINE}
    steps = _steps(tmp_path, monkeypatch, files)
    assert MOVES in steps["network:appvnet"].moves
    assert not [s for s in steps if s.startswith("unattached:")]


def test_a_group_another_file_creates_is_not_planned_as_unattached(tmp_path, monkeypatch):
    files = {"NetworkConfig.netcfg": NETCFG, "nsg.ps1": CREATE_GROUP, "vm.ps1": WITH_VM}
    steps = _steps(tmp_path, monkeypatch, files)
    assert MOVES in steps["network:appvnet"].moves
    assert not [s for s in steps if s.startswith("unattached:")]


def test_a_group_no_vm_is_given_stays_unattached(tmp_path, monkeypatch):
    files = {"NetworkConfig.netcfg": NETCFG, "nsg.ps1": CREATE_GROUP, "vm.ps1": CREATE_VM}
    steps = _steps(tmp_path, monkeypatch, files)
    assert "unattached:NetworkSecurityGroup:nsg-vm" in steps
    assert MOVES not in steps["network:appvnet"].moves


ROLE_BODY = """\
<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure">
  <RoleName>vm1</RoleName>
  <RoleType>PersistentVMRole</RoleType>
  <ConfigurationSets>
    <ConfigurationSet>
      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <SubnetNames><SubnetName>app</SubnetName></SubnetNames>
      <NetworkSecurityGroup>nsg-vm</NetworkSecurityGroup>
    </ConfigurationSet>
  </ConfigurationSets>
</PersistentVMRole>
"""


def test_a_rest_role_body_states_the_group_of_its_network_configuration_set():
    vm = _vm("role.xml", ROLE_BODY)
    assert vm.security_group is not None
    assert (vm.security_group.name, vm.security_group.mark.line) == ("nsg-vm", 8)
    assert _vm("role.xml", ROLE_BODY.replace("nsg-vm", " ")).security_group is None
