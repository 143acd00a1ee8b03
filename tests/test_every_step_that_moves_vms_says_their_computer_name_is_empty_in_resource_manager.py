"""The classic platform keeps no computer name for a VM, so its Resource Manager VM's osProfile.computerName is
empty after the migration (the migration deep dive's table of what each classic resource becomes). Every step
that moves VMs says so in what they become, once, by the VM's name where it moves one: a cloud service's step
outside a network and a network's step alike, where none said it. A step that moves no VM does not."""

from __future__ import annotations

import pytest

ALONE = """\
$vm = New-AzureVMConfig -Name "web1" -InstanceSize Small -ImageName "img" -MediaLocation "https://acct.blob.core.windows.net/v/a.vhd"
New-AzureVM -ServiceName "shop" -VMs $vm -Location "West Europe"
"""
IN_NETWORK = """\
$a = New-AzureVMConfig -Name "app1" -InstanceSize Small -ImageName "img" -MediaLocation "https://acct.blob.core.windows.net/v/b.vhd" | Set-AzureSubnet -SubnetNames "front"
$b = New-AzureVMConfig -Name "app2" -InstanceSize Small -ImageName "img" -MediaLocation "https://acct.blob.core.windows.net/v/c.vhd" | Set-AzureSubnet -SubnetNames "front"
New-AzureVM -ServiceName "app" -VMs $a, $b -VNetName "corpnet" -Location "West Europe"
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


def _computer_names(plan_of, files: dict[str, str]) -> dict[str, list[str]]:
    (subscription,) = plan_of(files).subscriptions
    return {
        step.id: [line for line in step.becomes if "osProfile.computerName" in line]
        for step in subscription.steps
    }


@pytest.mark.parametrize(
    ("files", "step", "vms"),
    [
        ({"shop.ps1": ALONE}, "service:shop/shop", "VM 'web1'"),
        ({"app.ps1": IN_NETWORK, "net.netcfg": NETCFG}, "network:corpnet", "its VMs"),
    ],
)
def test_a_step_moving_vms_says_their_computer_name_is_empty(plan_of, files, step, vms):
    said = _computer_names(plan_of, files)
    assert len(said[step]) == 1
    assert said[step][0].startswith(f"no computer name in Resource Manager for {vms} (osProfile.computerName")
    assert not any(lines for other, lines in said.items() if other != step)
