"""Three VMs a script gives one static private address from one variable (`$ip = ...` used by three
`Set-AzureStaticVNetIP`, a Python `IP` every network configuration set takes, a shell `IP=` three `vm create -S
$IP` take) ask for it at one place: one MIG306 there names them all, where it was a finding for each VM after
the first, each at that same place. VMs that ask for it at places of their own are a finding each."""

from __future__ import annotations

import pytest
from lint_support import APP_VNET_NETCFG, lint_files, where

POWERSHELL = """\
$ip = "10.20.1.10"
Get-AzureVM -ServiceName "shop" -Name "web1" | Set-AzureStaticVNetIP -IPAddress $ip | Update-AzureVM
Get-AzureVM -ServiceName "shop" -Name "web2" | Set-AzureStaticVNetIP -IPAddress $ip | Update-AzureVM
Get-AzureVM -ServiceName "shop" -Name "web3" | Set-AzureStaticVNetIP -IPAddress $ip | Update-AzureVM
"""
PYTHON = """\
from azure.servicemanagement import ServiceManagementService, ConfigurationSet
sms = ServiceManagementService('sub', 'cert.pem')
IP = '10.20.1.10'
def network():
    config = ConfigurationSet()
    config.subnet_names.append('web')
    config.static_virtual_network_ip_address = IP
    return config
sms.create_virtual_machine_deployment('shop', 'prod', 'production', 'l', 'web1', None, None, network(),
                                      virtual_network_name='app-vnet')
sms.add_role('shop', 'prod', 'web2', None, None, network())
sms.add_role('shop', 'prod', 'web3', None, None, network())
"""
SHELL = """\
IP=10.20.1.10
azure vm create shop img user pass -w app-vnet -b web -S $IP -n web1
azure vm create shop img user pass -w app-vnet -b web -S $IP -n web2 -c
azure vm create shop img user pass -w app-vnet -b web -S $IP -n web3 -c
"""


@pytest.mark.parametrize(
    ("name", "script", "at"),
    [("deploy.ps1", POWERSHELL, "1:7"), ("deploy.py", PYTHON, "3:6"), ("deploy.sh", SHELL, "1:4")],
)
def test_three_vms_given_one_address_by_one_variable_are_one_finding_naming_them(
    tmp_path, monkeypatch, name, script, at
):
    files = {name: script, "NetworkConfig.netcfg": APP_VNET_NETCFG}
    (found,) = lint_files(tmp_path, monkeypatch, files, "MIG306").findings
    assert where([found]) == [f"MIG306 {name}:{at}"]
    assert found.message.startswith(
        "VMs 'web1', 'web2', 'web3' of cloud service 'shop' all ask for private IP 10.20.1.10, given to each here"
    )


def test_vms_given_by_one_variable_an_address_another_vm_asks_for_name_that_vm(tmp_path, monkeypatch):
    held = "Get-AzureVM -ServiceName 'shop' -Name 'sql1' | Set-AzureStaticVNetIP -IPAddress 10.20.1.10 | Update-AzureVM\n"
    files = {"a.ps1": held, "b.ps1": POWERSHELL, "NetworkConfig.netcfg": APP_VNET_NETCFG}
    (found,) = lint_files(tmp_path, monkeypatch, files, "MIG306").findings
    assert where([found]) == ["MIG306 b.ps1:1:7"]
    assert found.message.startswith(
        "VMs 'web1', 'web2', 'web3' of cloud service 'shop' ask for private IP 10.20.1.10, given to each here, "
        "which VM 'sql1' of cloud service 'shop' asks for too"
    )


def test_vms_that_each_write_the_address_are_a_finding_each(tmp_path, monkeypatch):
    script = POWERSHELL.replace("$ip", '"10.20.1.10"').replace('$ip = "10.20.1.10"\n', "")
    files = {"deploy.ps1": script, "NetworkConfig.netcfg": APP_VNET_NETCFG}
    findings = lint_files(tmp_path, monkeypatch, files, "MIG306").findings
    assert [f.message.split(",")[0] for f in findings] == [
        "VM 'web2' of cloud service 'shop' asks for private IP 10.20.1.10",
        "VM 'web3' of cloud service 'shop' asks for private IP 10.20.1.10",
    ]
