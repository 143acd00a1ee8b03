"""A network security group or route table that a subnet or VM uses is cloned with that subnet's virtual
network (or the VM's cloud service), and the deep dive says its management-plane operations "are blocked
when the migration is in progress": a change to its rules or routes after the Prepare of the network or
service and before its Commit or Abort is MIG602 in every script language, naming what uses it. A change
after the Commit, or to a group another network uses, is none."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

RULE = (
    "Get-AzureNetworkSecurityGroup -Name 'nsg-web' | Set-AzureNetworkSecurityRule -Name 'https' -Type Inbound "
    "-Priority 200 -Action Allow -SourceAddressPrefix INTERNET -SourcePortRange '*' "
    "-DestinationAddressPrefix '*' -DestinationPortRange 443 -Protocol TCP"
)

PS_NETWORK = """\
Set-AzureNetworkSecurityGroupToSubnet -Name 'nsg-web' -VirtualNetworkName 'app-vnet' -SubnetName 'web'
Set-AzureSubnetRouteTable -VirtualNetworkName 'app-vnet' -SubnetName 'web' -RouteTableName 'rt-fw'
Move-AzureVirtualNetwork -Validate -VirtualNetworkName 'app-vnet'
Move-AzureVirtualNetwork -Prepare -VirtualNetworkName 'app-vnet'
{change}
Move-AzureVirtualNetwork -Commit -VirtualNetworkName 'app-vnet'
"""

CLI_NETWORK = """\
azure config mode asm
azure network nsg subnet add nsg-web app-vnet web
azure network vnet validate-migration app-vnet
azure network vnet prepare-migration app-vnet
{change}
azure network vnet commit-migration app-vnet
"""

S = "8c3f2a1e-5b7d-4e9a-a1c2-3d4e5f6a7b8c"
PY_NETWORK = f"""\
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("{S}", "mgmt.pem")
sms.perform_post("/{S}/services/networking/virtualnetwork/app-vnet/subnets/web/networksecuritygroups",
                 "<NetworkSecurityGroup><Name>nsg-web</Name></NetworkSecurityGroup>")
sms.perform_post("/{S}/services/networking/virtualnetwork/app-vnet/migration?comp=validate", "")
sms.perform_post("/{S}/services/networking/virtualnetwork/app-vnet/migration?comp=prepare", "")
{{change}}
sms.perform_post("/{S}/services/networking/virtualnetwork/app-vnet/migration?comp=commit", "")
"""

USED_BY_SUBNET = "(used by subnet 'web' of virtual network 'app-vnet', and cloned with it)"
CHANGES = [
    ("m.ps1", PS_NETWORK, RULE, 5, "Set-AzureNetworkSecurityRule changes network security group 'nsg-web'"),
    (
        "m.ps1",
        PS_NETWORK,
        "Get-AzureRouteTable -Name 'rt-fw' | Set-AzureRoute -RouteName 'onprem' -AddressPrefix '192.168.0.0/16' "
        "-NextHopType VPNGateway",
        5,
        "Set-AzureRoute changes route table 'rt-fw'",
    ),
    (
        "m.sh",
        CLI_NETWORK,
        "azure network nsg rule create nsg-web https -r Inbound -y 200 -c Allow -u 443 -p Tcp",
        5,
        "azure network nsg rule create changes network security group 'nsg-web'",
    ),
    (
        "m.py",
        PY_NETWORK,
        f'sms.perform_delete("/{S}/services/networking/networksecuritygroups/nsg-web/rules/https")',
        8,
        "perform_delete changes network security group 'nsg-web'",
    ),
]


@pytest.mark.parametrize(
    ("name", "script", "change", "line", "said"), CHANGES, ids=[c[4][:40] for c in CHANGES]
)
def test_a_change_to_a_group_or_table_of_a_prepared_network_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, script: str, change: str, line: int, said: str
) -> None:
    result = lint_files(tmp_path, monkeypatch, {name: script.format(change=change)}, "MIG602")
    changes = [f for f in result.findings if " changes " in f.message]
    assert [f.location.line for f in changes if f.location] == [line]
    assert said in changes[0].message
    assert "locks virtual network 'app-vnet' and what is cloned with it" in changes[0].message
    if "route table" not in said:
        assert USED_BY_SUBNET in changes[0].message


def test_a_group_a_network_body_gives_its_subnet_is_locked_with_the_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = """\
<VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">
  <VirtualNetworkSite>
    <Name>app-vnet</Name>
    <Location>West Europe</Location>
    <AddressSpace><AddressPrefixes><AddressPrefix>10.4.0.0/16</AddressPrefix></AddressPrefixes></AddressSpace>
    <Subnets><Subnet><Name>web</Name><AddressPrefix>10.4.1.0/24</AddressPrefix>
      <NetworkSecurityGroup>nsg-web</NetworkSecurityGroup></Subnet></Subnets>
  </VirtualNetworkSite>
</VirtualNetworkSites>
"""
    script = """\
Move-AzureVirtualNetwork -Validate -VirtualNetworkName 'app-vnet'
Move-AzureVirtualNetwork -Prepare -VirtualNetworkName 'app-vnet'
Remove-AzureNetworkSecurityRule -NetworkSecurityGroup (Get-AzureNetworkSecurityGroup -Name 'nsg-web') -Name 'https'
Move-AzureVirtualNetwork -Commit -VirtualNetworkName 'app-vnet'
"""
    result = lint_files(tmp_path, monkeypatch, {"vnets.xml": body, "m.ps1": script}, "MIG602")
    assert where(result.findings) == ["MIG602 m.ps1:3:1"]
    assert USED_BY_SUBNET in result.findings[0].message


def test_a_group_of_a_vm_is_locked_with_its_prepared_cloud_service(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vm = """\
<PersistentVM xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <ConfigurationSets><ConfigurationSet xsi:type="NetworkConfigurationSet">
    <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
  </ConfigurationSet></ConfigurationSets>
  <RoleName>app01</RoleName>
  <RoleType>PersistentVMRole</RoleType>
</PersistentVM>
"""
    script = f"""\
Get-AzureVM -ServiceName app -Name app01 | Set-AzureNetworkSecurityGroupConfig -NetworkSecurityGroupName 'nsg-web' |
  Update-AzureVM
Move-AzureService -Validate -ServiceName app -DeploymentName app -CreateNewVirtualNetwork
Move-AzureService -Prepare -ServiceName app -DeploymentName app -CreateNewVirtualNetwork
{RULE}
Move-AzureService -Commit -ServiceName app -DeploymentName app
"""
    result = lint_files(tmp_path, monkeypatch, {"app/app01.xml": vm, "m.ps1": script}, "MIG602")
    changes = [f for f in result.findings if " changes " in f.message]
    assert [f.location.line for f in changes if f.location] == [5]
    assert "(used by VM 'app01' of cloud service 'app', and cloned with it)" in changes[0].message
    assert "locks cloud service 'app' and what is cloned with it" in changes[0].message


@pytest.mark.parametrize(
    "script",
    [
        PS_NETWORK.replace("{change}\n", "") + RULE + "\n",
        PS_NETWORK.replace(
            "-VirtualNetworkName 'app-vnet' -SubnetName", "-VirtualNetworkName 'other' -SubnetName", 1
        )
        .replace("Set-AzureSubnetRouteTable", "# Set-AzureSubnetRouteTable")
        .format(change=RULE),
    ],
    ids=["after the commit", "a group of another network"],
)
def test_a_change_outside_the_lock_is_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"m.ps1": script}, "MIG602")
    assert [f for f in result.findings if " changes " in f.message] == []
