"""A network security group or route table a subnet uses is cloned with its virtual network, and one set on a
VM with the VM's network or cloud service (deep dive): from the Prepare of that network or service until its
Commit or Abort, its management-plane operations are blocked as the network's are, so a change to its rules,
routes or subnets in between is MIG602, in PowerShell and with the classic CLI, as a change made to the group or
table prepared on its own is."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import APP_VNET_NETCFG, lint_files, where

PS_ASSOCIATED = """\
New-AzureNetworkSecurityGroup -Name 'nsg-web' -Location 'North Europe'
Set-AzureNetworkSecurityGroupToSubnet -Name 'nsg-web' -VirtualNetworkName 'app-vnet' -SubnetName 'web'
New-AzureRouteTable -Name 'rt-fw' -Location 'North Europe'
Set-AzureSubnetRouteTable -VirtualNetworkName 'app-vnet' -SubnetName 'web' -RouteTableName 'rt-fw'
Move-AzureVirtualNetwork -Prepare -VirtualNetworkName 'app-vnet'
{command}
Move-AzureVirtualNetwork -Commit -VirtualNetworkName 'app-vnet'
"""

PS_CHANGES = [
    (
        "Get-AzureNetworkSecurityGroup -Name 'nsg-web' | Set-AzureNetworkSecurityRule -Name 'http' -Type Inbound "
        "-Priority 100 -Action Allow -SourceAddressPrefix '*' -SourcePortRange '*' -DestinationAddressPrefix '*' "
        "-DestinationPortRange 80 -Protocol TCP",
        "Set-AzureNetworkSecurityRule changes network security group 'nsg-web'",
    ),
    (
        "Get-AzureRouteTable -Name 'rt-fw' | Set-AzureRoute -RouteName 'default' -AddressPrefix '0.0.0.0/0' "
        "-NextHopType VirtualAppliance -NextHopIpAddress '10.20.2.4'",
        "Set-AzureRoute changes route table 'rt-fw'",
    ),
]


@pytest.mark.parametrize(("command", "said"), PS_CHANGES, ids=["rule", "route"])
def test_a_powershell_change_to_what_a_prepared_networks_subnet_uses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, said: str
) -> None:
    files = {"NetworkConfig.netcfg": APP_VNET_NETCFG, "m.ps1": PS_ASSOCIATED.format(command=command)}
    result = lint_files(tmp_path, monkeypatch, files, "MIG602")
    assert [f.location.line for f in result.findings if f.location] == [6]
    message = result.findings[0].message
    assert said in message
    assert (
        "used by subnet 'web' of virtual network 'app-vnet' and cloned with virtual network 'app-vnet'"
        in message
    )


def test_a_change_after_the_commit_of_the_network_is_no_change_while_locked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = PS_ASSOCIATED.format(command="") + PS_CHANGES[0][0] + "\n"
    files = {"NetworkConfig.netcfg": APP_VNET_NETCFG, "m.ps1": script}
    assert lint_files(tmp_path, monkeypatch, files, "MIG602").findings == []


def test_a_change_to_a_group_no_subnet_of_the_prepared_network_uses_is_no_change_while_locked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = PS_ASSOCIATED.format(command=PS_CHANGES[0][0]).replace("-Name 'nsg-web' |", "-Name 'nsg-db' |")
    files = {"NetworkConfig.netcfg": APP_VNET_NETCFG, "m.ps1": script}
    assert lint_files(tmp_path, monkeypatch, files, "MIG602").findings == []


CLI_ASSOCIATED = """\
azure config mode asm
azure network nsg create nsg-web northeurope
azure network nsg subnet add nsg-web app-vnet web
azure network route-table create rt-fw northeurope
azure network vnet subnet route-table add app-vnet web rt-fw
azure network vnet prepare-migration app-vnet
{command}
azure network vnet commit-migration app-vnet
"""


@pytest.mark.parametrize(
    ("command", "changed"),
    [
        ("azure network nsg rule create nsg-web allow-http -p 100 -o 80", "network security group 'nsg-web'"),
        (
            "azure network route-table route set rt-fw default 0.0.0.0/0 VirtualAppliance 10.20.2.4",
            "route table 'rt-fw'",
        ),
    ],
    ids=["rule", "route"],
)
def test_a_classic_cli_change_to_what_a_prepared_networks_subnet_uses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, changed: str
) -> None:
    files = {"NetworkConfig.netcfg": APP_VNET_NETCFG, "m.sh": CLI_ASSOCIATED.format(command=command)}
    result = lint_files(tmp_path, monkeypatch, files, "MIG602")
    assert where(result.findings) == ["MIG602 m.sh:7:1"]
    assert (
        f"changes {changed}, used by subnet 'web' of virtual network 'app-vnet'" in result.findings[0].message
    )


def test_a_change_to_a_group_a_vm_uses_while_its_cloud_service_is_prepared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = """\
    Get-AzureVM -ServiceName 'corp-dc' -Name 'dc01' | Set-AzureNetworkSecurityGroupConfig -NetworkSecurityGroupName 'nsg-vm' | Update-AzureVM
    Move-AzureService -Prepare -ServiceName 'corp-dc' -DeploymentName 'corp-dc' -CreateNewVirtualNetwork
    Remove-AzureNetworkSecurityRule -NetworkSecurityGroup (Get-AzureNetworkSecurityGroup -Name 'nsg-vm') -Name 'rdp'
    Move-AzureService -Commit -ServiceName 'corp-dc' -DeploymentName 'corp-dc'
    """
    result = lint_files(tmp_path, monkeypatch, {"m.ps1": script}, "MIG602")
    assert where(result.findings) == ["MIG602 m.ps1:3:1"]
    message = result.findings[0].message
    assert "used by VM 'dc01' of cloud service 'corp-dc' and cloned with cloud service 'corp-dc'" in message
