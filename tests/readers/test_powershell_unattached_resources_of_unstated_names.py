"""Network security groups and route tables a PowerShell script creates under a name it does not state
(`New-AzureNetworkSecurityGroup -Name $NsgName`, `New-AzureRouteTable -Name $RtName`) are created all the same:
`migcheck plan` moves them on their own, as it does those of stated names, under a stand-in that says where
the script passes the name (one per value, as for storage accounts). One the script sets on a VM or
associates with a subnet by the same value (or by `$nsg.Name` of the group it created, or piped) moves with
it, not on its own; and when the script associates a group or table the reader cannot name, none of those it
creates under unstated names is said to be unattached."""

from __future__ import annotations

import pytest

from migcheck.plan import Plan

NETCFG = """<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="fab-vnet" Location="West Europe">
      <AddressSpace><AddressPrefix>10.20.0.0/16</AddressPrefix></AddressSpace>
      <Subnets><Subnet name="app"><AddressPrefix>10.20.1.0/24</AddressPrefix></Subnet></Subnets>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
HEAD = "param([string] $NsgName, [string] $RtName)\n"
GROUP = '$nsg = New-AzureNetworkSecurityGroup -Name $NsgName -Location "West Europe"\n'
TABLE = 'New-AzureRouteTable -Name $RtName -Location "West Europe"\n'


def _unattached(plan: Plan) -> list[str]:
    return [step.id for step in plan.steps if step.id.startswith("unattached:")]


def test_each_is_moved_on_its_own_under_a_stand_in(plan_of):
    plan = plan_of({"deploy.ps1": HEAD + GROUP + TABLE})
    assert _unattached(plan) == [
        "unattached:NetworkSecurityGroup:<network security group name, deploy.ps1:2:44>",
        "unattached:RouteTable:<route table name, deploy.ps1:3:27>",
    ]


def test_one_value_created_twice_is_one_resource(plan_of):
    plan = plan_of({"deploy.ps1": HEAD + TABLE + TABLE.replace("West Europe", "North Europe")})
    assert _unattached(plan) == ["unattached:RouteTable:<route table name, deploy.ps1:2:27>"]


@pytest.mark.parametrize(
    "association",
    [
        'Set-AzureNetworkSecurityGroupToSubnet -Name $NsgName -VirtualNetworkName "fab-vnet" -SubnetName "app"\n',
        '$nsg | Set-AzureNetworkSecurityGroupToSubnet -VirtualNetworkName "fab-vnet" -SubnetName "app"\n',
        "Set-AzureNetworkSecurityGroupAssociation -Name $nsg.Name -ServiceName svc1 -VM $vm\n",
        "Get-AzureVM -ServiceName svc1 -Name vm1 | Set-AzureNetworkSecurityGroupConfig -NetworkSecurityGroupName"
        " $NsgName | Update-AzureVM\n",
        "Set-AzureNetworkSecurityGroupAssociation -Name (Get-Name) -ServiceName svc1 -VM $vm\n",
    ],
    ids=[
        "to-subnet-by-the-value",
        "piped-to-subnet",
        "on-a-vm-by-its-name",
        "on-a-vm-by-the-value",
        "not-named",
    ],
)
def test_a_group_the_script_may_associate_is_not_unattached(plan_of, association):
    plan = plan_of({"NetworkConfig.netcfg": NETCFG, "deploy.ps1": HEAD + GROUP + association})
    assert _unattached(plan) == []


def test_a_group_of_a_stated_name_set_on_a_vm_by_its_name_is_not_unattached(plan_of):
    group = GROUP.replace("$NsgName", '"web-nsg"')
    association = "Set-AzureNetworkSecurityGroupAssociation -Name $nsg.Name -ServiceName svc1 -VM $vm\n"
    assert _unattached(plan_of({"deploy.ps1": HEAD + group + association})) == []
