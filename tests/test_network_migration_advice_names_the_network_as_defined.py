"""A script that migrates a cloud service on its own when the service is in a virtual network (MIG602) is told to
migrate the network instead: named as the file that defines it spells it ('Shared-VNet'), not as the file that
placed the service in it wrote it ('SHARED-VNET'), since names are compared without regard to case and the
plan, too, writes the defined name."""

from __future__ import annotations

import pytest
from lint_support import lint_files

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="Shared-VNet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.5.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="Data"><AddressPrefix>10.5.2.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

CREATE = """\
from azure.servicemanagement import ConfigurationSet, LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService

sms = ServiceManagementService("00000000-0000-0000-0000-000000000000", "mgmt.pem")
system = LinuxConfigurationSet("sql01", "ops", password, True)
disk = OSVirtualHardDisk("ubuntu-16", "https://shopdata.blob.core.windows.net/vhds/sql01.vhd")
net = ConfigurationSet()
net.configuration_set_type = "NetworkConfiguration"
net.subnet_names.append("Data")
sms.create_virtual_machine_deployment(
    "shop-sql", "shop-sql", "production", "sql", "sql01", system, disk,
    network_config=net, virtual_network_name="SHARED-VNET",
)
"""

MOVE_PS = """\
Move-AzureService -Validate -ServiceName "shop-sql" -DeploymentName "shop-sql" -CreateNewVirtualNetwork
"""

MOVE_PY = """\
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("00000000-0000-0000-0000-000000000000", "mgmt.pem")
path = "/00000000-0000-0000-0000-000000000000/services/hostedservices/shop-sql/deployments/shop-sql/migration"
sms.perform_post(path + "?comp=Validate", "")
"""


@pytest.mark.parametrize(("name", "move"), [("move.ps1", MOVE_PS), ("move.py", MOVE_PY)])
def test_the_advice_names_the_network_as_defined(tmp_path, monkeypatch, name: str, move: str) -> None:
    files = {"NetworkConfig.netcfg": NETCFG, "new_sql.py": CREATE, name: move}
    result = lint_files(tmp_path, monkeypatch, files, "MIG602")
    (finding,) = [f for f in result.findings if "on its own" in f.message]
    assert "in virtual network 'Shared-VNet'" in finding.message
    assert "SHARED-VNET" not in finding.message + finding.fix
    assert finding.fix.startswith("Migrate virtual network 'Shared-VNet' instead")
