"""A network or subnet name a script gives that no network configuration defines (MIG003) is shown where the
script writes the name, not at the call: the argument, the string a variable is given, the word of a classic
CLI command, the string of a request's path that holds it (PowerShell and Python alike). It is reported once in
each file, where the file first writes it, the message listing the other lines that name it (the Validate,
Prepare and Commit of one network are one typo). And the platform refuses what a script asks of a network that
does not exist, so no rule that reads the scripts' networks reports on it: MIG003 says the name is wrong, and a
gateway, circuit link, disconnection or Application Gateway of a network that is not there is noise."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, where

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="site1">
        <AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>203.0.113.1</VPNGatewayAddress>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="vnet1" Location="West Europe">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="FrontEnd"><AddressPrefix>10.1.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

HOST = "https://management.core.windows.net/sub/services/networking"

PYTHON_MIGRATION = """\
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService(subscription_id, "mgmt.pem")
path = "/" + subscription_id + "/services/networking/virtualnetwork/vnett/migration"
sms.perform_post(path + "?comp=validate", "")
"""

PYTHON_FUNCTION = """\
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService(subscription_id, "mgmt.pem")


def migrate(name, step):
    sms.perform_post(f"/{subscription_id}/services/networking/virtualnetwork/{name}/migration?comp={step}", "")


migrate("vnett", "validate")
"""

PYTHON_LOOP = """\
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService(subscription_id, "mgmt.pem")
for vnet in ("vnet1", "vnett"):
    sms.perform_post("/%s/services/networking/virtualnetwork/%s/migration?comp=validate" % (sub, vnet), "")
"""

PYTHON_DISCONNECT = """\
import requests

BODY = "<UpdateConnection xmlns='http://schemas.microsoft.com/windowsazure'><Operation>Disconnect</Operation></UpdateConnection>"
url = "https://management.core.windows.net/" + sub + "/services/networking/vnett/gateway/connection/site1"
requests.put(url, data=BODY, cert=cert)
"""


def _found(tmp_path, monkeypatch, files: dict[str, str], *codes: str):
    return lint_files(tmp_path, monkeypatch, {"net.netcfg": NETCFG, **files}, *codes, dedent=False).findings


# --- where the finding points --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "script", "at"),
    [
        ("s.ps1", 'Move-AzureVirtualNetwork -Validate -VirtualNetworkName "vnett"\n', "1:56"),
        ("s.ps1", '$vnet = "vnett"\nMove-AzureVirtualNetwork -Validate -VirtualNetworkName $vnet\n', "1:9"),
        ("s.ps1", "azure network vnet validate-migration vnett\n", "1:39"),
        (
            "s.ps1",
            f'Invoke-RestMethod -Uri "{HOST}/virtualnetwork/vnett/migration?comp=Validate" -Method POST\n',
            "1:24",
        ),
        (
            "s.ps1",
            "$client = New-Object System.Net.WebClient\n"
            f'$client.UploadString("{HOST}/virtualnetwork/vnett/migration?comp=Validate", "POST", "")\n',
            "2:22",
        ),
        ("s.ps1", 'New-AzureVNetGateway -VNetName "vnett" -GatewayType DynamicRouting\n', "1:32"),
        ("s.ps1", "New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName vnett\n", "1:58"),
        (
            "s.ps1",
            'Set-AzureVNetGateway -Disconnect -VNetName "vnett" -LocalNetworkSiteName "site1"\n',
            "1:44",
        ),
        (
            "s.ps1",
            'New-AzureRouteTable -Name "rt" -Label "rt" -Location "West Europe"\n'
            'Set-AzureSubnetRouteTable -RouteTableName "rt" -VirtualNetworkName "vnett" -SubnetName "FrontEnd"\n',
            "2:68",
        ),
        (
            "s.ps1",
            'New-AzureNetworkSecurityGroup -Name "nsg" -Location "West Europe"\n'
            'Set-AzureNetworkSecurityGroupToSubnet -Name "nsg" -VirtualNetworkName "vnet1" -SubnetName "Frontend2"\n',
            "2:91",
        ),
        ("s.py", PYTHON_MIGRATION, "4:32"),
        ("s.py", PYTHON_FUNCTION, "10:9"),
        ("s.py", PYTHON_LOOP, "4:23"),
        ("s.py", PYTHON_DISCONNECT, "4:54"),
    ],
    ids=[
        "move-cmdlet",
        "variable",
        "classic-cli",
        "invoke-restmethod",
        "webclient",
        "gateway",
        "circuit-link",
        "disconnect",
        "route-table-network",
        "security-group-subnet",
        "python-path",
        "python-caller",
        "python-loop-item",
        "python-disconnect",
    ],
)
def test_the_finding_points_at_the_name_where_the_script_writes_it(tmp_path, monkeypatch, name, script, at):
    assert where(_found(tmp_path, monkeypatch, {name: script}, "MIG003")) == [f"MIG003 {name}:{at}"]


# --- once in each file ---------------------------------------------------------------------------------------

MOVE = """\
Move-AzureVirtualNetwork -Validate -VirtualNetworkName "vnett"
Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "vnett"
Move-AzureVirtualNetwork -Commit -VirtualNetworkName "VNETT"
"""


def test_a_name_a_file_gives_several_calls_is_reported_once_where_it_first_writes_it(tmp_path, monkeypatch):
    [found] = _found(tmp_path, monkeypatch, {"move.ps1": MOVE}, "MIG003")
    assert where([found]) == ["MIG003 move.ps1:1:56"]
    assert found.message == (
        "Move-AzureVirtualNetwork -Validate names virtual network 'vnett', which no network configuration "
        "checked here defines (the file names 'vnett' on lines 2 and 3 too)"
    )


def test_each_file_that_gives_the_name_has_its_finding(tmp_path, monkeypatch):
    files = {"a.ps1": MOVE, "b.ps1": "\n" + MOVE.splitlines()[0] + "\n"}
    found = _found(tmp_path, monkeypatch, files, "MIG003")
    assert where(found) == ["MIG003 a.ps1:1:56", "MIG003 b.ps1:2:56"]
    assert found[1].message.endswith("which no network configuration checked here defines")


def test_a_name_every_call_takes_from_one_string_is_reported_there_alone(tmp_path, monkeypatch):
    script = '$vnet = "vnett"\n' + MOVE.replace('"vnett"', "$vnet").replace('"VNETT"', "$vnet")
    [found] = _found(tmp_path, monkeypatch, {"move.ps1": script}, "MIG003")
    assert where([found]) == ["MIG003 move.ps1:1:9"]
    assert "also named" not in found.message


def test_a_python_script_s_calls_of_one_name_are_one_finding(tmp_path, monkeypatch):
    script = PYTHON_FUNCTION + 'migrate("vnett", "prepare")\nmigrate("vnett", "commit")\n'
    [found] = _found(tmp_path, monkeypatch, {"s.py": script}, "MIG003")
    assert where([found]) == ["MIG003 s.py:10:9"]
    assert found.message.endswith("(the file names 'vnett' on lines 11 and 12 too)")


def test_a_subnet_named_by_several_associations_is_one_finding_other_names_are_their_own(
    tmp_path, monkeypatch
):
    script = (
        'Set-AzureSubnetRouteTable -RouteTableName "rt" -VirtualNetworkName "vnet1" -SubnetName "Front"\n'
        'Set-AzureNetworkSecurityGroupToSubnet -Name "nsg" -VirtualNetworkName "vnet1" -SubnetName "front"\n'
        'Set-AzureSubnetRouteTable -RouteTableName "rt2" -VirtualNetworkName "vnet1" -SubnetName "Back"\n'
        'Move-AzureVirtualNetwork -Validate -VirtualNetworkName "vnet2"\n'
    )
    found = _found(tmp_path, monkeypatch, {"s.ps1": script}, "MIG003")
    assert [
        (f.resource_name, f.message.endswith("(the file names 'Front' on line 2 too)")) for f in found
    ] == [
        ("Front", True),
        ("Back", False),
        ("vnet2", False),
    ]


def test_an_export_s_gateways_in_one_missing_network_are_one_finding(tmp_path, monkeypatch):
    export = [
        {"Name": f"gw{i}", "VnetName": "vnet-old", "GatewaySize": "Small", "Subnets": ["FrontEnd"]}
        for i in range(3)
    ]
    found = _found(tmp_path, monkeypatch, {"inventory/gateways.json": json.dumps(export, indent=1)}, "MIG003")
    assert [f.message for f in found] == [
        "classic Application Gateway 'gw0' is in virtual network 'vnet-old', which no network configuration "
        "checked here defines (the file names 'vnet-old' on lines 12 and 20 too)"
    ]


# --- what depends on the network -----------------------------------------------------------------------------

REFUSED = """\
New-AzureVNetGateway -VNetName "vnet-a" -GatewayType DynamicRouting
New-AzureVirtualNetworkGateway -VNetName "vnet-b" -GatewayName S2SVPN -GatewayType DynamicRouting
New-AzureDedicatedCircuitLink -ServiceKey "0f3d5a2e-1111-2222-3333-444455556666" -VNetName "vnet-b"
Set-AzureVNetGateway -Connect -VNetName "vnet-c" -LocalNetworkSiteName "site1"
Set-AzureVNetGateway -Disconnect -VNetName "vnet-d" -LocalNetworkSiteName "site1"
New-AzureApplicationGateway -Name "appgw" -VnetName "vnet-e" -Subnets @("FrontEnd")
"""

DEPENDENTS = ("MIG301", "MIG302", "MIG305", "MIG307", "MIG312")


def test_no_rule_reports_on_a_network_a_script_names_that_does_not_exist(tmp_path, monkeypatch):
    files = {"net.ps1": REFUSED, "gone.py": PYTHON_DISCONNECT}
    found = _found(tmp_path, monkeypatch, files, "MIG003", *DEPENDENTS)
    assert {f.code for f in found} == {"MIG003"}
    assert sorted(f.resource_name for f in found) == [
        "vnet-a",
        "vnet-b",
        "vnet-c",
        "vnet-d",
        "vnet-e",
        "vnett",
    ]


def test_without_a_network_configuration_the_networks_are_checked_as_the_scripts_state_them(
    tmp_path, monkeypatch
):
    files = {"net.ps1": REFUSED, "gone.py": PYTHON_DISCONNECT}
    found = lint_files(tmp_path, monkeypatch, files, "MIG003", *DEPENDENTS, dedent=False).findings
    assert sorted({f.code for f in found}) == ["MIG301", "MIG302", "MIG307", "MIG312"]


def test_a_network_the_configuration_defines_keeps_its_findings(tmp_path, monkeypatch):
    script = REFUSED
    for refused in ("vnet-a", "vnet-b", "vnet-c", "vnet-d", "vnet-e"):
        script = script.replace(f'"{refused}"', '"vnet1"')
    found = _found(tmp_path, monkeypatch, {"net.ps1": script}, "MIG003", *DEPENDENTS)
    assert sorted({f.code for f in found}) == ["MIG301", "MIG302", "MIG307", "MIG312"]


def test_an_exported_gateway_in_a_network_the_configuration_lacks_is_reported_all_the_same(
    tmp_path, monkeypatch
):
    """An export shows what is there: its network exists, and the configuration checked is the stale one."""
    export = [{"Name": "exp-appgw", "VnetName": "vnet-old", "GatewaySize": "Small", "Subnets": ["FrontEnd"]}]
    files = {"inventory/gateways.json": json.dumps(export)}
    found = _found(tmp_path, monkeypatch, files, "MIG003", "MIG312")
    assert sorted(f.code for f in found) == ["MIG003", "MIG312"]


def test_the_plan_and_summary_name_no_gateway_of_a_network_that_does_not_exist(plan_of):
    plan = plan_of({"net.netcfg": NETCFG, "net.ps1": REFUSED})
    [subscription] = plan.subscriptions
    assert [step.name for step in subscription.steps if step.id.startswith("network:")] == ["vnet1"]


def test_the_order_of_the_script_s_own_steps_is_checked_all_the_same(tmp_path, monkeypatch):
    """Correcting the name leaves the order as it is: MIG602 still reports a change made while the script
    holds the network prepared."""
    script = (
        'Move-AzureVirtualNetwork -Validate -VirtualNetworkName "vnett"\n'
        'Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "vnett"\n'
        'New-AzureVNetGateway -VNetName "vnett" -GatewayType DynamicRouting\n'
        'Move-AzureVirtualNetwork -Commit -VirtualNetworkName "vnett"\n'
    )
    found = _found(tmp_path, monkeypatch, {"move.ps1": script}, "MIG003", "MIG602", *DEPENDENTS)
    assert where(found) == ["MIG003 move.ps1:1:56", "MIG602 move.ps1:3:1"]


PLACED_BY_SCRIPT = """\
$vm1 = New-AzureVMConfig -Name "web1" -InstanceSize Small -ImageName $img | Set-AzureSubnet -SubnetNames "Front"
New-AzureVM -ServiceName "svc1" -VMs $vm1 -VNetName "vnett" -Location "West Europe"
$vm2 = New-AzureVMConfig -Name "web2" -InstanceSize Small -ImageName $img | Set-AzureSubnet -SubnetNames "Front"
New-AzureVM -ServiceName "svc2" -VMs $vm2 -VNetName "vnett" -Location "West Europe"
"""

PLACED_BY_PYTHON = """\
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService(subscription_id, "mgmt.pem")
for service in ("svc1", "svc2"):
    sms.create_virtual_machine_deployment(
        service, service, "production", service, service + "01", system, disk, virtual_network_name="vnett"
    )
sms.create_virtual_machine_deployment("svc3", "svc3", "production", "svc3", "svc301", system, disk,
                                      virtual_network_name="vnett")
"""

PLACED_BY_CONFIGURATION = """\
<ServiceConfiguration serviceName="shop">
  <Role name="Web"><Instances count="2"/></Role>
  <Role name="Jobs"><Instances count="2"/></Role>
  <NetworkConfiguration>
    <VirtualNetworkSite name="vnet1"/>
    <AddressAssignments>
      <InstanceAddress roleName="Web"><Subnets><Subnet name="Back"/></Subnets></InstanceAddress>
      <InstanceAddress roleName="Jobs"><Subnets><Subnet name="Back"/></Subnets></InstanceAddress>
    </AddressAssignments>
  </NetworkConfiguration>
</ServiceConfiguration>
"""


@pytest.mark.parametrize(
    ("name", "text", "at", "also"),
    [
        ("vms.ps1", PLACED_BY_SCRIPT, "2:53", "line 4"),
        ("vms.py", PLACED_BY_PYTHON, "6:101", "line 9"),
        ("shop/ServiceConfiguration.Cloud.cscfg", PLACED_BY_CONFIGURATION, "7:62", "line 8"),
    ],
    ids=["powershell", "python", "service-configuration"],
)
def test_a_name_the_placements_of_one_file_share_is_one_finding_there_too(
    tmp_path, monkeypatch, name, text, at, also
):
    [found] = _found(tmp_path, monkeypatch, {name: text}, "MIG003")
    assert where([found]) == [f"MIG003 {name}:{at}"]
    assert found.message.endswith(f" on {also} too)")


REST_GATEWAY = """\
<ApplicationGateway xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>rest-appgw</Name>
  <VnetName>{vnet}</VnetName>
  <GatewaySize>Medium</GatewaySize>
  <Subnets><Subnet>FrontEnd</Subnet><Subnet>{subnet}</Subnet></Subnets>
</ApplicationGateway>
"""

EXPORTED_GATEWAY = """\
[
  {{
    "Name": "exp-appgw",
    "VnetName": "{vnet}",
    "GatewaySize": "Small",
    "Subnets": [
      "FrontEnd",
      "{subnet}"
    ]
  }}
]
"""

SCRIPTED_GATEWAY = """\
$subnets = @("FrontEnd", "{subnet}")
New-AzureApplicationGateway -Name "appgw" -VnetName "{vnet}" -Subnets $subnets
"""


@pytest.mark.parametrize(
    ("name", "text", "network_at", "subnet_at"),
    [
        ("appgw.xml", REST_GATEWAY, "3:3", "5:37"),
        ("inventory/gateways.json", EXPORTED_GATEWAY, "4:17", "8:7"),
        ("appgw.ps1", SCRIPTED_GATEWAY, "2:53", "1:26"),
    ],
    ids=["rest-body", "export", "script"],
)
def test_an_application_gateway_s_network_and_subnet_are_shown_where_written(
    tmp_path, monkeypatch, name, text, network_at, subnet_at
):
    missing_network = text.format(vnet="vnet-old", subnet="Web")
    missing_subnet = text.format(vnet="vnet1", subnet="Web")
    assert where(_found(tmp_path, monkeypatch, {name: missing_network}, "MIG003")) == [
        f"MIG003 {name}:{network_at}"
    ]
    assert where(_found(tmp_path, monkeypatch, {name: missing_subnet}, "MIG003")) == [
        f"MIG003 {name}:{subnet_at}"
    ]
