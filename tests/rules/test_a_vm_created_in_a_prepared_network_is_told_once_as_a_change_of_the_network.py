"""MIG602: a call that creates a VM in a virtual network the script has prepared changes both the VM's cloud
service and the network, and both are locked by the one Prepare of the network: the call is reported once,
as a change of the network, in PowerShell, shell and Python alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

_NETWORK = """
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="prod" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="app"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

_POWERSHELL = """
Import-Module Azure
Move-AzureVirtualNetwork -Validate -VirtualNetworkName "prod"
Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "prod"
$vm = New-AzureVMConfig -Name "app2" -InstanceSize Small -ImageName "img" | Set-AzureSubnet -SubnetNames "app"
New-AzureVM -ServiceName "app2" -VMs $vm -VNetName "prod" -Location "West Europe"
Move-AzureVirtualNetwork -Commit -VirtualNetworkName "prod"
"""

_SHELL = """
#!/bin/sh
azure network vnet validate-migration prod
azure network vnet prepare-migration prod
azure vm create app2 img user Passw0rd! -w prod -b app -l "West Europe"
azure network vnet commit-migration prod
"""

_PYTHON = """
from azure.servicemanagement import ServiceManagementService, ConfigurationSet, OSVirtualHardDisk, LinuxConfigurationSet

sms = ServiceManagementService("00000000-0000-0000-0000-000000000000", "cert.pem")
base = "/00000000-0000-0000-0000-000000000000/services/networking/virtualnetwork/prod/migration"
sms.perform_post(base + "?comp=validate", "")
sms.perform_post(base + "?comp=prepare", "")
net = ConfigurationSet()
net.subnet_names.append("app")
disk = OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/app2.vhd")
sms.create_virtual_machine_deployment(
    "app2", "app2", "Production", "app2", "app2", LinuxConfigurationSet("app2", "u", "p", True), disk,
    network_config=net, virtual_network_name="prod",
)
sms.perform_post(base + "?comp=commit", "")
"""


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [("migrate.ps1", _POWERSHELL, 5), ("migrate.sh", _SHELL, 4), ("migrate.py", _PYTHON, 10)],
)
def test_a_vm_created_in_the_prepared_network_is_one_finding_naming_the_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str, line: int
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": _NETWORK, name: text}, "MIG602")
    found = [(f.location.line, f.message) for f in result.findings if f.location]
    assert [at for at, _ in found] == [line]
    assert "changes virtual network 'prod' after" in found[0][1]
