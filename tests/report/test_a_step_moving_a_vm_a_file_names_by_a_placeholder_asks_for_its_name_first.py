"""A VM a file names by a placeholder it leaves to fill in (`'<vm-name>'`, `'[MY VM]'`, `'YOUR_VM'`), in a cloud
service or a network the file names, is no VM the platform has: the step that moves it says first to put in
the VM's name and is not ready until then, as the step of a service so named is, where it said ready. A VM of
a stated name is moved by a ready step."""

from __future__ import annotations

import pytest

ALONE = """\
$vm = New-AzureVMConfig -Name '{vm}' -InstanceSize Small -ImageName 'img' -MediaLocation 'https://acct.blob.core.windows.net/v/a.vhd'
New-AzureVM -ServiceName 'shop' -VMs $vm -Location 'West Europe'
"""
IN_NETWORK = """\
$vm = New-AzureVMConfig -Name '{vm}' -InstanceSize Small -ImageName 'img' -MediaLocation 'https://acct.blob.core.windows.net/v/a.vhd' | Set-AzureSubnet -SubnetNames 'front'
New-AzureVM -ServiceName 'shop' -VMs $vm -VNetName 'corpnet' -Location 'West Europe'
"""
NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="corpnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="front"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
STEPS = [
    (lambda vm: {"vm.ps1": ALONE.format(vm=vm)}, "service:shop/shop"),
    (lambda vm: {"vm.ps1": IN_NETWORK.format(vm=vm), "net.netcfg": NETCFG}, "network:corpnet"),
]


def _step(plan_of, files, step_id):
    (subscription,) = plan_of(files).subscriptions
    return next(step for step in subscription.steps if step.id == step_id)


@pytest.mark.parametrize("vm", ["<vm-name>", "[MY VM]", "YOUR_VM"])
@pytest.mark.parametrize(("files", "step_id"), STEPS)
def test_the_step_asks_for_the_vm_s_name_first(plan_of, vm, files, step_id):
    step = _step(plan_of, files(vm), step_id)
    assert step.name_unstated == "VM's name"
    assert step.notes[0].startswith(f"Fill in first: VM '{vm}' of this step is named by a placeholder")


@pytest.mark.parametrize(("files", "step_id"), STEPS)
def test_a_stated_vm_s_step_asks_for_no_name(plan_of, files, step_id):
    step = _step(plan_of, files("web1"), step_id)
    assert step.name_unstated == ""
    assert not any(str(note).startswith("Fill in first") for note in step.notes)
