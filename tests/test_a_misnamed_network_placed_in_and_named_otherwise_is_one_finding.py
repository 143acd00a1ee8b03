"""A network or subnet name that points nowhere is reported once in each file that gives it, placements
included: a script that creates a VM in a misspelt network and migrates, gives a gateway to, links to a circuit
or disconnects that same network has one MIG003, where the file first writes the name, the message listing
the other lines that name it. So does a subnet a VM is placed in and a security group is associated with.
PowerShell and Python alike; a name taken from one variable is written in one place."""

from __future__ import annotations

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
      <VirtualNetworkSite name="Group app-rg app-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.7.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="default"><AddressPrefix>10.7.0.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
      <VirtualNetworkSite name="app-vnet2" Location="West Europe">
        <AddressSpace><AddressPrefix>10.8.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="default"><AddressPrefix>10.8.0.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

CREATE = (
    'New-AzureQuickVM -Linux -ServiceName "app-svc" -Name "app01" -ImageName "ubuntu" -LinuxUser "ops" '
    '-Password $env:PW -Location "West Europe" -VNetName "app-vnet" -SubnetNames "default"\n'
)
# The column of "app-vnet" in CREATE.
PLACED_AT = CREATE.index('"app-vnet"') + 1

# Each other kind of use of the network, on line 2 of the script.
OTHER_USES = {
    "migration": 'Move-AzureVirtualNetwork -Validate -VirtualNetworkName "app-vnet"\n',
    "gateway": 'New-AzureVNetGateway -VNetName "app-vnet" -GatewayType DynamicRouting\n',
    "circuit link": 'New-AzureDedicatedCircuitLink -ServiceKey "0f3d5a2e-1111-2222-3333-444455556666" -VNetName "app-vnet"\n',
    "connection": 'Set-AzureVNetGateway -Connect -VNetName "app-vnet" -LocalNetworkSiteName "site1"\n',
    "disconnection": 'Set-AzureVNetGateway -Disconnect -VNetName "app-vnet" -LocalNetworkSiteName "site1"\n',
    "application gateway": 'New-AzureApplicationGateway -Name "agw" -VnetName "app-vnet" -Subnets @("default")\n',
    "security group": 'Set-AzureNetworkSecurityGroupToSubnet -Name "nsg" -VirtualNetworkName "app-vnet" -SubnetName "default"\n',
}

PYTHON = """\
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk, ConfigurationSet

SUB = "00000000-0000-0000-0000-000000000000"
VNET = "app-vnet"
sms = ServiceManagementService(SUB, "mgmt.pem")
net = ConfigurationSet()
net.configuration_set_type = "NetworkConfiguration"
net.subnet_names.append("default")
sms.create_virtual_machine_deployment("app-svc", "app-svc", "production", "app", "app01",
                                      LinuxConfigurationSet("app01", "ops", "P@ss", True),
                                      OSVirtualHardDisk("ubuntu", "https://appstore.blob.core.windows.net/vhds/app01.vhd"),
                                      network_config=net, virtual_network_name={network})
{use}
"""

PYTHON_USES = {
    "migration": 'sms.perform_post("/%s/services/networking/virtualnetwork/%s/migration?comp=validate" % (SUB, {network}), "")',
    "disconnection": (
        "BODY = \"<UpdateConnection xmlns='http://schemas.microsoft.com/windowsazure'><Operation>Disconnect"
        '</Operation></UpdateConnection>"\n'
        'sms.perform_put("/" + SUB + "/services/networking/" + {network} + "/gateway/connection/site1", BODY)'
    ),
}


def _mig003(tmp_path, monkeypatch, files: dict[str, str]):
    files = {"NetworkConfig.netcfg": NETCFG, **files}
    return lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings


@pytest.mark.parametrize("use", list(OTHER_USES))
def test_a_vm_placed_in_a_misnamed_network_and_another_use_of_it_are_one_finding(tmp_path, monkeypatch, use):
    (finding,) = _mig003(tmp_path, monkeypatch, {"app.ps1": CREATE + OTHER_USES[use]})
    assert where([finding]) == [f"MIG003 app.ps1:1:{PLACED_AT}"]
    assert finding.message.startswith("cloud service 'app-svc' is placed in virtual network 'app-vnet', ")
    assert "'Group app-rg app-vnet' is a network created in the Azure portal" in finding.message
    assert finding.message.endswith("(the file names 'app-vnet' on line 2 too)")


@pytest.mark.parametrize("use", list(OTHER_USES))
def test_a_use_before_the_placement_is_the_one_reported(tmp_path, monkeypatch, use):
    (finding,) = _mig003(tmp_path, monkeypatch, {"app.ps1": OTHER_USES[use] + CREATE})
    assert finding.location is not None and finding.location.line == 1
    assert "cloud service 'app-svc'" not in finding.message
    assert finding.message.endswith("(the file names 'app-vnet' on line 2 too)")


def test_one_variable_for_both_is_one_finding_at_its_string(tmp_path, monkeypatch):
    script = '$vnet = "app-vnet"\n' + (CREATE + OTHER_USES["migration"]).replace('"app-vnet"', "$vnet")
    (finding,) = _mig003(tmp_path, monkeypatch, {"app.ps1": script})
    assert where([finding]) == ["MIG003 app.ps1:1:9"]
    assert not finding.message.endswith("too)")


def test_each_file_has_its_own_finding(tmp_path, monkeypatch):
    found = _mig003(tmp_path, monkeypatch, {"app.ps1": CREATE, "move.ps1": OTHER_USES["migration"]})
    assert [f.location.path for f in found if f.location] == ["app.ps1", "move.ps1"]


@pytest.mark.parametrize("use", list(PYTHON_USES))
@pytest.mark.parametrize(("network", "at"), [("VNET", "4:8"), ('"app-vnet"', "12:80")])
def test_python_placement_and_another_use_are_one_finding(tmp_path, monkeypatch, use, network, at):
    script = PYTHON.format(network=network, use=PYTHON_USES[use].replace("{network}", network))
    (finding,) = _mig003(tmp_path, monkeypatch, {"app.py": script})
    assert where([finding]) == [f"MIG003 app.py:{at}"]
    assert finding.message.startswith("cloud service 'app-svc' is placed in virtual network 'app-vnet', ")


def test_a_subnet_a_vm_is_placed_in_and_a_security_group_is_associated_with_is_one_finding(
    tmp_path, monkeypatch
):
    script = (
        CREATE.replace('"app-vnet"', '"app-vnet2"').replace('"default"', '"Front"')
        + 'New-AzureNetworkSecurityGroup -Name "fe-nsg" -Location "West Europe"\n'
        + 'Set-AzureNetworkSecurityGroupToSubnet -Name "fe-nsg" -VirtualNetworkName "app-vnet2" -SubnetName "Front"\n'
    )
    (finding,) = _mig003(tmp_path, monkeypatch, {"app.ps1": script})
    assert finding.location is not None and finding.location.line == 1
    assert finding.message.startswith("subnet 'Front' is not a subnet of virtual network 'app-vnet2'")
    assert finding.message.endswith("(the file names 'Front' on line 3 too)")
