"""A deployment's virtual network is fixed when it is created: the platform refuses a VM of another network in
it. A script that creates a deployment and then creates it again, or adds a VM to it, naming another network
(`azure vm create --connect -w other`, New-AzureVM -VNetName other to the service, a second
create_virtual_machine_deployment) leaves it in the first one's network, in the plan too; a subnet the VM is
given there that the network lacks is MIG003, in every format alike. Where the first creation may not run (a
branch), which network the deployment is in is as before."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, run_cli, where

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="nonet" Location="West Europe">
      <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
      <Subnets><Subnet name="front"><AddressPrefix>10.0.0.0/24</AddressPrefix></Subnet></Subnets>
    </VirtualNetworkSite>
    <VirtualNetworkSite name="other" Location="West Europe">
      <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
      <Subnets><Subnet name="back"><AddressPrefix>10.1.0.0/24</AddressPrefix></Subnet></Subnets>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

SHELL = """\
azure config mode asm
azure vm create svc1 img user pass -w nonet -b front
azure vm create svc1 img user pass -w other -b back --connect --vm-name vm2
"""

POWERSHELL = """\
New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img | Set-AzureSubnet -SubnetNames front | New-AzureVM -ServiceName svc1 -VNetName nonet -Location "West Europe"
New-AzureVMConfig -Name vm2 -InstanceSize Small -ImageName img | Set-AzureSubnet -SubnetNames back | New-AzureVM -ServiceName svc1 -VNetName other
"""

PYTHON = """\
from azure.servicemanagement import ConfigurationSet, OSVirtualHardDisk, ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
net = ConfigurationSet()
net.configuration_set_type = "NetworkConfiguration"
net.subnet_names.append("front")
sms.create_virtual_machine_deployment("svc1", "svc1", "production", "svc1", "vm1", None, OSVirtualHardDisk("img", "https://a.blob.core.windows.net/v/a.vhd"), network_config=net, virtual_network_name="nonet")
net2 = ConfigurationSet()
net2.configuration_set_type = "NetworkConfiguration"
net2.subnet_names.append("back")
sms.create_virtual_machine_deployment("svc1", "svc1", "production", "svc1", "vm2", None, OSVirtualHardDisk("img", "https://a.blob.core.windows.net/v/b.vhd"), network_config=net2, virtual_network_name="other")
"""

SCRIPTS = {
    "deploy.sh": (SHELL, "MIG003 deploy.sh:3:48"),
    "deploy.ps1": (POWERSHELL, "MIG003 deploy.ps1:2:95"),
    "deploy.py": (PYTHON, "MIG003 deploy.py:10:26"),
}


@pytest.mark.parametrize("name", SCRIPTS)
def test_a_vm_added_naming_another_network_is_in_the_first_ones(
    tmp_path, monkeypatch, capsys, name: str
) -> None:
    script, expected = SCRIPTS[name]
    files = {"NetworkConfig.netcfg": NETCFG, name: script}
    result = lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False)
    assert where(result.findings) == [expected]
    (service,) = [s for s in result.estates[0].cloud_services if s.name == "svc1"]
    assert [p.virtual_network.name for p in service.placements if p.virtual_network] == ["nonet"]
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    # Not the storage account of the VM's disks, which no file states: it comes after the VM's step.
    steps = [
        s
        for s in json.loads(out)["subscriptions"][0]["steps"]
        if s["kind"] not in ("prerequisites", "storage")
    ]
    assert [s["name"] for s in steps if "svc1" in json.dumps(s)] == ["nonet"]


BRANCHES = """\
import sys

from azure.servicemanagement import OSVirtualHardDisk, ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
disk = OSVirtualHardDisk("img", "https://a.blob.core.windows.net/v/a.vhd")
if sys.argv[1] == "blue":
    sms.create_virtual_machine_deployment("svc1", "svc1", "production", "svc1", "vm1", None, disk, virtual_network_name="nonet")
else:
    sms.create_virtual_machine_deployment("svc1", "svc1", "production", "svc1", "vm1", None, disk, virtual_network_name="other")
"""


def test_created_on_two_branches_the_network_is_as_before(tmp_path, monkeypatch) -> None:
    # Which of them runs is not known: the network is not known either.
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": BRANCHES}, dedent=False)
    (service,) = [s for s in result.estates[0].cloud_services if s.name == "svc1"]
    assert [p.virtual_network for p in service.placements] == [None]
