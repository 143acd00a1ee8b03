"""Every name of a classic network or subnet, not only a deployment's, must resolve when the files define the
subscription's networks: the network whose gateway a script creates (New-AzureVNetGateway,
New-AzureVirtualNetworkGateway), links to a circuit (New-AzureDedicatedCircuitLink), connects or disconnects
(Set-AzureVNetGateway), the network and subnet a script associates a network security group or route table
with, and the network and subnets of an Application Gateway (a script's New-AzureApplicationGateway, a
request body, an export). A name that resolves to nothing is MIG003 where a script writes it (at the record of
a body or an export); a script's request of a network that does not exist makes no network of the plan. Never for a name a script does not state, a
pipeline token, a network the script's own configuration defines, nor when no file defines networks."""

from __future__ import annotations

import json

import pytest
from growth import assert_linear
from lint_support import lint_files, where

from migcheck.estate import Grouping, link
from migcheck.plugins import load_rules
from migcheck.readers import read_document

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="vnet1" Location="West Europe">
      <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
      <Subnets>
        <Subnet name="FrontEnd"><AddressPrefix>10.1.1.0/24</AddressPrefix></Subnet>
        <Subnet name="BackEnd"><AddressPrefix>10.1.2.0/24</AddressPrefix></Subnet>
      </Subnets>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

SCRIPT = """\
New-AzureNetworkSecurityGroup -Name "fe-nsg" -Location "West Europe"
Set-AzureNetworkSecurityGroupToSubnet -Name "fe-nsg" -VirtualNetworkName "vnet-typo" -SubnetName "FrontEnd"
New-AzureVNetGateway -VNetName "vnet-typo2" -GatewayType DynamicRouting
New-AzureDedicatedCircuitLink -ServiceKey "0f3d5a2e-1111-2222-3333-444455556666" -VNetName "vnet-typo3"
New-AzureRouteTable -Name "rt" -Label "rt" -Location "West Europe"
Set-AzureSubnetRouteTable -VirtualNetworkName "vnet1" -SubnetName "NoSuchSubnet" -RouteTableName "rt"
New-AzureVirtualNetworkGateway -VNetName "vnet-typo5" -GatewayName S2SVPN -GatewayType DynamicRouting
Set-AzureVNetGateway -Connect -VNetName "vnet-typo6" -LocalNetworkSiteName "site1"
Set-AzureVNetGateway -Disconnect -VNetName "vnet-typo7" -LocalNetworkSiteName "site1"
New-AzureApplicationGateway -Name "web-appgw" -VnetName "vnet1" -Subnets @("FrontEnd", "Web")
New-AzureApplicationGateway -Name "api-appgw" -VnetName "other-vnet" -Subnets @("FrontEnd")
"""

# Every name of SCRIPT resolves against NETCFG.
RESOLVED = """\
New-AzureNetworkSecurityGroup -Name "fe-nsg" -Location "West Europe"
Set-AzureNetworkSecurityGroupToSubnet -Name "fe-nsg" -VirtualNetworkName "VNET1" -SubnetName "frontend"
New-AzureVNetGateway -VNetName "vnet1" -GatewayType DynamicRouting
New-AzureDedicatedCircuitLink -ServiceKey "0f3d5a2e-1111-2222-3333-444455556666" -VNetName "vnet1"
New-AzureRouteTable -Name "rt" -Label "rt" -Location "West Europe"
Set-AzureSubnetRouteTable -VirtualNetworkName "vnet1" -SubnetName "BackEnd" -RouteTableName "rt"
New-AzureApplicationGateway -Name "web-appgw" -VnetName "vnet1" -Subnets @("FrontEnd")
"""

REST_GATEWAY = """\
<ApplicationGateway xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>rest-appgw</Name>
  <VnetName>vnet-rest</VnetName>
  <GatewaySize>Medium</GatewaySize>
  <Subnets><Subnet>FrontEnd</Subnet></Subnets>
</ApplicationGateway>
"""


def _mig003(tmp_path, monkeypatch, files: dict[str, str]):
    return lint_files(tmp_path, monkeypatch, files, "MIG003").findings


def test_each_name_that_points_nowhere_is_reported_where_the_script_writes_it(tmp_path, monkeypatch):
    found = _mig003(tmp_path, monkeypatch, {"net.netcfg": NETCFG, "net.ps1": SCRIPT})
    at = ((2, 74), (3, 32), (4, 92), (6, 67), (7, 42), (8, 41), (9, 44), (10, 88), (11, 57))
    assert where(found) == [f"MIG003 net.ps1:{line}:{column}" for line, column in at]
    messages = [f.message for f in found]
    tail = "which no network configuration checked here defines"
    assert messages == [
        "network security group 'fe-nsg' is associated with subnet 'FrontEnd' of virtual network 'vnet-typo', "
        + tail,
        f"New-AzureVNetGateway names virtual network 'vnet-typo2', {tail}",
        f"New-AzureDedicatedCircuitLink names virtual network 'vnet-typo3', {tail}",
        "route table 'rt' is associated with subnet 'NoSuchSubnet', which is not a subnet of virtual network "
        "'vnet1'",
        f"New-AzureVirtualNetworkGateway names virtual network 'vnet-typo5', {tail}",
        f"Set-AzureVNetGateway -Connect names virtual network 'vnet-typo6', {tail}",
        f"the script disconnects the gateway of virtual network 'vnet-typo7', {tail}",
        "classic Application Gateway 'web-appgw' is in subnet 'Web', which is not a subnet of virtual network "
        "'vnet1'",
        f"classic Application Gateway 'api-appgw' is in virtual network 'other-vnet', {tail}",
    ]
    assert [(f.resource_type, f.resource_name) for f in found][3] == ("Reference", "NoSuchSubnet")


def test_names_that_resolve_are_not_reported(tmp_path, monkeypatch):
    assert _mig003(tmp_path, monkeypatch, {"net.netcfg": NETCFG, "net.ps1": RESOLVED}) == []


@pytest.mark.parametrize(
    "script",
    [
        "param([string]$Network)\nNew-AzureVNetGateway -VNetName $Network -GatewayType DynamicRouting\n",
        'New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName "#{VNetName}#"\n',
        'Set-AzureSubnetRouteTable -VirtualNetworkName "vnet1" -SubnetName "__SubnetName__" -RouteTableName rt\n',
        'New-AzureApplicationGateway -Name "gw" -VnetName "[SPECIFY VNET]" -Subnets @("FrontEnd")\n',
    ],
    ids=["parameter", "pipeline-token", "pipeline-token-subnet", "placeholder"],
)
def test_a_name_the_file_does_not_state_is_not_reported(tmp_path, monkeypatch, script):
    assert _mig003(tmp_path, monkeypatch, {"net.netcfg": NETCFG, "net.ps1": script}) == []


def test_a_network_the_script_defines_in_the_configuration_it_uploads_is_defined(tmp_path, monkeypatch):
    own = NETCFG.replace('name="vnet1"', 'name="vnet-new"')
    script = (
        '$path = "$env:TEMP\\netcfg.xml"\n$netcfg = @"\n'
        + own
        + '"@\n$netcfg | Out-File -Encoding utf8 $path\nSet-AzureVNetConfig -ConfigurationPath $path\n'
        + 'New-AzureVNetGateway -VNetName "vnet-new" -GatewayType DynamicRouting\n'
    )
    assert _mig003(tmp_path, monkeypatch, {"net.netcfg": NETCFG, "net.ps1": script}) == []


def test_without_a_definition_of_the_networks_no_name_is_checked(tmp_path, monkeypatch):
    assert _mig003(tmp_path, monkeypatch, {"net.ps1": SCRIPT, "appgw.xml": REST_GATEWAY}) == []


def test_an_application_gateway_a_body_or_an_export_describes_is_checked_too(tmp_path, monkeypatch):
    export = [{"Name": "exp-appgw", "VnetName": "vnet1", "GatewaySize": "Small", "Subnets": ["AppGw"]}]
    files = {"net.netcfg": NETCFG, "appgw.xml": REST_GATEWAY, "inventory/gateways.json": json.dumps(export)}
    found = _mig003(tmp_path, monkeypatch, files)
    assert [f.location.path for f in found if f.location] == ["appgw.xml", "inventory/gateways.json"]
    assert [f.message for f in found] == [
        "classic Application Gateway 'rest-appgw' is in virtual network 'vnet-rest', which no network "
        "configuration checked here defines",
        "classic Application Gateway 'exp-appgw' is in subnet 'AppGw', which is not a subnet of virtual "
        "network 'vnet1'",
    ]


def test_the_plan_invents_no_network_a_script_names_that_does_not_exist(plan_of):
    plan = plan_of({"net.netcfg": NETCFG, "net.ps1": SCRIPT})
    [subscription] = plan.subscriptions
    assert [step.name for step in subscription.steps if step.id.startswith("network:")] == ["vnet1"]
    # The group and the table are associated with no subnet the platform has: they move on their own.
    assert [step.name for step in subscription.steps if not step.id.startswith("network:")] == [
        "fe-nsg",
        "rt",
    ]


def test_without_a_definition_the_plan_still_migrates_the_networks_scripts_name(plan_of):
    plan = plan_of({"net.ps1": SCRIPT})
    [subscription] = plan.subscriptions
    named = {step.name for step in subscription.steps if step.id.startswith("network:")}
    assert {"vnet-typo", "vnet-typo2", "vnet-typo3", "other-vnet"} <= named


def test_an_exported_record_in_a_network_the_configuration_lacks_keeps_its_network(plan_of):
    """An export shows what is there: the configuration checked is the stale one, and the network it lacks
    is migrated all the same (MIG003 says so)."""
    export = [{"Name": "exp-appgw", "VnetName": "vnet-exported", "GatewaySize": "Small", "Subnets": ["A"]}]
    plan = plan_of({"net.netcfg": NETCFG, "inventory/gateways.json": json.dumps(export)})
    [subscription] = plan.subscriptions
    assert [step.name for step in subscription.steps if step.id.startswith("network:")] == [
        "vnet1",
        "vnet-exported",
    ]


def test_checking_many_names_in_many_networks_is_linear():
    """Each name is looked up among the networks, and each subnet among its network's, through a dict or
    set built once: many scripted associations and gateways in many networks cost linear time."""
    [rule] = [rule for rule in load_rules(entry_points=False) if rule.code == "MIG003"]

    def make(n: int):
        sites = "".join(
            f'<VirtualNetworkSite name="v{i}" Location="West Europe"><Subnets><Subnet name="web">'
            "<AddressPrefix>10.0.0.0/24</AddressPrefix></Subnet></Subnets></VirtualNetworkSite>"
            for i in range(n)
        )
        netcfg = (
            NETCFG.split("<VirtualNetworkSite ")[0]
            + sites
            + "</VirtualNetworkSites>"
            + NETCFG.split("</VirtualNetworkSites>")[1]
        )
        script = "".join(
            f"Set-AzureSubnetRouteTable -VirtualNetworkName v{i} -SubnetName x{i} -RouteTableName rt\n"
            f"New-AzureVNetGateway -VNetName u{i}\n"
            for i in range(n)
        )
        documents = [
            read_document("net.netcfg", netcfg.encode(), explicit=True),
            read_document("net.ps1", script.encode(), explicit=True),
        ]

        def work():
            (estate,) = link([d for d in documents if d is not None], Grouping())
            return list(rule.check(estate))

        assert len(work()) == 2 * n  # a subnet of each v, and each u
        return work

    assert_linear(make, 500)
