"""MIG003 on a virtual network or subnet a script names through a variable is shown where the name is
written (the assignment), not at the call that passes the variable: the fix of an unresolved name is made
there, once for every call that uses it. PowerShell and Python agree. A finding whose fix is made at the
call (an endpoint's ACL, MIG201; a deployment in no network, MIG105) is shown at the call, and so is a name
a caller may replace (a parameter's), where the call passes it."""

from __future__ import annotations

from lint_support import lint_files, where

NETWORK = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="other" Location="West Europe">
      <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
      <Subnets><Subnet name="back"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet></Subnets>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

SHARED = """\
$vnet = "net1"
foreach ($service in "app-a", "app-b") {
    New-AzureVMConfig -Name "$service-01" -InstanceSize Small -ImageName "img" |
        Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password $password |
        Set-AzureSubnet -SubnetNames "front" |
        New-AzureVM -ServiceName $service -VNetName $vnet
}
"""

# A name a caller may replace: the script's parameter's default, a function's parameter.
DEFAULT = """\
param([string]$Subnet = "front")
New-AzureVMConfig -Name "app-01" -InstanceSize Small -ImageName "img" |
    Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password $password |
    Set-AzureSubnet -SubnetNames $Subnet |
    New-AzureVM -ServiceName "app" -VNetName "other"
"""

FUNCTION = """\
function Deploy($Service, $Subnet, $Network) {
    New-AzureVMConfig -Name "$Service-01" -InstanceSize Small -ImageName "img" |
        Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password $password |
        Set-AzureSubnet -SubnetNames "back", $Subnet |
        New-AzureVM -ServiceName $Service -VNetName $Network
}
Deploy "app-a" "front" "other"
Deploy "app-b" "back" "net-b"
"""

PYTHON = """\
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk

sms = ServiceManagementService(subscription_id, "mgmt.pem")
vnet = "net1"
sms.create_virtual_machine_deployment(
    service_name="app",
    deployment_name="app",
    deployment_slot="production",
    label="app",
    role_name="app01",
    system_config=LinuxConfigurationSet("app01", "ops", "pw", True),
    os_virtual_hard_disk=OSVirtualHardDisk(image, media_link),
    virtual_network_name=vnet,
)
"""


def _mig003(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    return where(lint_files(tmp_path, monkeypatch, {**files, "net.netcfg": NETWORK}, "MIG003").findings)


def test_a_network_one_variable_names_for_two_services_is_shown_where_it_is_assigned(tmp_path, monkeypatch):
    # One assignment serves both calls: correcting it there resolves both, and it is one finding.
    assert _mig003(tmp_path, monkeypatch, {"deploy.ps1": SHARED}) == ["MIG003 deploy.ps1:1:9"]


def test_a_name_a_caller_may_replace_is_shown_where_the_call_passes_it(tmp_path, monkeypatch):
    # As the network is: the argument (the item of the array it is written in), not the cmdlet's name.
    assert _mig003(tmp_path / "default", monkeypatch, {"deploy.ps1": DEFAULT}) == ["MIG003 deploy.ps1:4:34"]
    assert _mig003(tmp_path / "function", monkeypatch, {"fn.ps1": FUNCTION}) == [
        "MIG003 fn.ps1:4:46",  # subnet 'front' of 'app-a'
        "MIG003 fn.ps1:5:53",  # network 'net-b' of 'app-b'
    ]


def test_python_shows_the_network_where_it_is_assigned_too(tmp_path, monkeypatch):
    assert _mig003(tmp_path, monkeypatch, {"deploy.py": PYTHON}) == ["MIG003 deploy.py:4:8"]
