"""`Set-AzureNetworkSecurityGroupConfig -NetworkSecurityGroupName $Nsg` with `$Nsg` a value the script does not
state (a parameter) still sets a group on the VM: the plan's step of the VM's cloud service says its group moves
with it, named by a stand-in that says where the script passes it, as a stated name is said; in a pipeline and
with `-VM` alike. A group named by no value (`$null`) is none."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan

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
CONFIG = (
    "$vm = New-AzureVMConfig -Name 'vm1' -InstanceSize Small -ImageName 'img' "
    "-MediaLocation 'https://stdacct.blob.core.windows.net/vhds/vm1-os.vhd'\n"
    "Set-AzureSubnet -SubnetNames 'app' -VM $vm\n"
)
CREATE = "New-AzureVM -ServiceName 'svc12' -VNetName 'appvnet' -VMs $vm\n"
FORMS = {
    "with -VM": ("Set-AzureNetworkSecurityGroupConfig -NetworkSecurityGroupName $Nsg -VM $vm\n", 63),
    "in a pipeline": ("$vm = $vm | Set-AzureNetworkSecurityGroupConfig -NetworkSecurityGroupName $Nsg\n", 75),
}


def _moves(tmp_path, monkeypatch, script: str) -> list[str]:
    files = {"NetworkConfig.netcfg": NETCFG, "vm.ps1": script}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    (plan,) = [s for s in build_plan(result).subscriptions if s.steps]
    return [move for step in plan.steps for move in step.moves]


@pytest.mark.parametrize(("line", "column"), FORMS.values(), ids=FORMS)
def test_the_plan_moves_the_group_under_a_stand_in(tmp_path, monkeypatch, line, column) -> None:
    moves = _moves(tmp_path, monkeypatch, "param($Nsg)\n" + CONFIG + line + CREATE)
    group = f"<network security group name, vm.ps1:4:{column}>"
    assert (
        f"network security group '{group}' of VM 'vm1', cloned: the classic one stays, to delete once "
        in ("\n".join(moves))
    )


def test_a_group_named_by_no_value_is_none(tmp_path, monkeypatch) -> None:
    line = "Set-AzureNetworkSecurityGroupConfig -NetworkSecurityGroupName $null -VM $vm\n"
    moves = _moves(tmp_path, monkeypatch, CONFIG + line + CREATE)
    assert not [move for move in moves if "network security group" in move]
