"""A network security group associated with a VM (`Set-AzureNetworkSecurityGroupConfig`,
`Set-AzureNetworkSecurityGroupAssociation -VM`) or with a subnet by a request of the script's own (Add Network
Security Group to Subnet, a POST to `.../virtualnetwork/<network>/subnets/<subnet>/networksecuritygroups`) is
cloned with its VM or network, as the deep dive says: the plan gives it no step of its own, and MIG602 says
that `Move-AzureNetworkSecurityGroup` of it moves it on its own, which the platform refuses."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import APP_VNET_NETCFG, lint_files, where

from migcheck.plan import build_plan

VM_IN_NETWORK = """\
$vm = New-AzureVMConfig -Name 'web01' -InstanceSize Small -ImageName 'img' |
    Add-AzureProvisioningConfig -Windows -AdminUsername 'ops' -Password 'x' |
    Set-AzureSubnet -SubnetNames 'web'
New-AzureVM -ServiceName 'shop-svc' -Location 'North Europe' -VNetName 'app-vnet' -VMs $vm
New-AzureNetworkSecurityGroup -Name 'nsg-vm' -Location 'North Europe'
{associate}
Move-AzureNetworkSecurityGroup -Validate -NetworkSecurityGroupName 'nsg-vm'
Move-AzureNetworkSecurityGroup -Prepare -NetworkSecurityGroupName 'nsg-vm'
"""

ASSOCIATIONS = [
    "Get-AzureVM -ServiceName 'shop-svc' -Name 'web01' | Set-AzureNetworkSecurityGroupConfig "
    "-NetworkSecurityGroupName 'nsg-vm' | Update-AzureVM",
    "Set-AzureNetworkSecurityGroupAssociation -Name 'nsg-vm' -VM (Get-AzureVM -ServiceName 'shop-svc' -Name 'web01') "
    "-ServiceName 'shop-svc'",
]


@pytest.mark.parametrize("associate", ASSOCIATIONS, ids=["config", "association"])
def test_moving_a_group_a_vm_uses_on_its_own_is_out_of_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, associate: str
) -> None:
    files = {"NetworkConfig.netcfg": APP_VNET_NETCFG, "nsg.ps1": VM_IN_NETWORK.format(associate=associate)}
    result = lint_files(tmp_path, monkeypatch, files, "MIG602")
    assert where(result.findings) == ["MIG602 nsg.ps1:7:1"]
    message = result.findings[0].message
    assert (
        "VM 'web01' of cloud service 'shop-svc' uses it: one associated with a VM is cloned with its VM"
        in message
    )
    assert "the migration of virtual network 'app-vnet'" in (result.findings[0].fix or "")


def test_a_group_an_existing_vm_of_a_service_in_no_network_uses_moves_with_its_cloud_service(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = """\
    Get-AzureVM -ServiceName 'corp-dc' -Name 'dc01' | Set-AzureNetworkSecurityGroupConfig -NetworkSecurityGroupName 'nsg-vm' | Update-AzureVM
    Move-AzureNetworkSecurityGroup -Validate -NetworkSecurityGroupName 'nsg-vm'
    """
    result = lint_files(tmp_path, monkeypatch, {"nsg.ps1": script}, "MIG602")
    assert where(result.findings) == ["MIG602 nsg.ps1:2:1"]
    assert "Move-AzureService -ServiceName 'corp-dc'" in (result.findings[0].fix or "")


def test_a_group_taken_off_the_vm_first_may_move_on_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    associate = (
        ASSOCIATIONS[0]
        + "\nGet-AzureVM -ServiceName 'shop-svc' -Name 'web01' | "
        + ("Remove-AzureNetworkSecurityGroupConfig -NetworkSecurityGroupName 'nsg-vm' | Update-AzureVM")
    )
    files = {"NetworkConfig.netcfg": APP_VNET_NETCFG, "nsg.ps1": VM_IN_NETWORK.format(associate=associate)}
    assert lint_files(tmp_path, monkeypatch, files, "MIG602").findings == []


SM = "https://management.core.windows.net/00000000-0000-0000-0000-000000000001/services/networking"
GROUP = '<NetworkSecurityGroup xmlns="http://schemas.microsoft.com/windowsazure"><Name>nsg-app</Name></NetworkSecurityGroup>'
CREATE = (
    '<NetworkSecurityGroup xmlns="http://schemas.microsoft.com/windowsazure"><Name>nsg-app</Name>'
    "<Label>app</Label><Location>North Europe</Location></NetworkSecurityGroup>"
)

PY_REQUESTS = f"""\
import requests
S = '{SM}'
H = {{'x-ms-version': '2015-04-01', 'Content-Type': 'application/xml'}}
requests.post(S + '/networksecuritygroups', data='{CREATE}', headers=H, cert=('c.pem', 'k.pem'))
requests.post(S + '/virtualnetwork/app-vnet/subnets/web/networksecuritygroups', data='{GROUP}', headers=H, cert=('c.pem', 'k.pem'))
"""

PS_REQUESTS = f"""\
$h = @{{ 'x-ms-version' = '2015-04-01' }}
Invoke-RestMethod -Method Post -Uri '{SM}/networksecuritygroups' -Body '{CREATE}' -Certificate $cert -Headers $h -ContentType 'application/xml'
Invoke-RestMethod -Method Post -Uri '{SM}/virtualnetwork/app-vnet/subnets/web/networksecuritygroups' -Body '{GROUP}' -Certificate $cert -Headers $h -ContentType 'application/xml'
Move-AzureNetworkSecurityGroup -Validate -NetworkSecurityGroupName 'nsg-app'
"""


@pytest.mark.parametrize(
    "name,script", [("nsg.py", PY_REQUESTS), ("nsg.ps1", PS_REQUESTS)], ids=["python", "powershell"]
)
def test_a_group_a_request_adds_to_a_subnet_is_cloned_with_its_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, script: str
) -> None:
    files = {"NetworkConfig.netcfg": APP_VNET_NETCFG, name: script}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    steps = {s.id: s for sub in build_plan(result).subscriptions for s in sub.steps}
    assert not [step for step in steps if "nsg-app" in step]
    network = steps["network:app-vnet"]
    assert any("network security group 'nsg-app' of subnet 'web', cloned" in moved for moved in network.moves)
    moved_alone = [f.message for f in result.findings if f.code == "MIG602"]
    said = "takes network security group 'nsg-app' on its own, but subnet 'web' of virtual network 'app-vnet' uses it"
    assert [said in message for message in moved_alone] == ([True] if name.endswith(".ps1") else [])
