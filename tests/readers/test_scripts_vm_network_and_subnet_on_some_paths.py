"""A VM a script puts in a virtual network or a subnet on some of its paths only (one branch of an `if` it
cannot decide): whichever path ran is the VM that migrates, so the path that leaves it in no network is a
MIG105 (at the call that creates it so) and the path that leaves it in no subnet a MIG203 warning, each
saying it may be so. Where every path gives it a network, or a subnet, nothing is said."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import Severity

VM = """\
param([switch]$UseVnet)
$vm = New-AzureVMConfig -Name "web01" -InstanceSize Small -ImageName $image |
    Add-AzureProvisioningConfig -Windows -AdminUsername $user -Password $password |
    Set-AzureSubnet -SubnetNames "FrontEnd"
"""
IN_NET = 'New-AzureVM -ServiceName "shop" -Location "West Europe" -VNetName "prod-vnet" -VMs $vm'
IN_NONE = 'New-AzureVM -ServiceName "shop" -Location "West Europe" -VMs $vm'


def _branches(first: str, second: str) -> str:
    return VM + f"if ($UseVnet) {{\n    {first}\n}} else {{\n    {second}\n}}\n"


def _findings(tmp_path, monkeypatch, name, script):
    return lint_files(tmp_path, monkeypatch, {name: script}, "MIG105", "MIG203", dedent=False).findings


def test_powershell_vm_in_a_network_on_one_branch_may_be_in_none(tmp_path, monkeypatch):
    findings = _findings(tmp_path, monkeypatch, "deploy.ps1", _branches(IN_NET, IN_NONE))
    assert where(findings) == ["MIG105 deploy.ps1:8:5"]  # the else branch's New-AzureVM
    message = findings[0].message
    assert "may be in no virtual network" in message
    assert "'prod-vnet'" in message and "'web01'" in message


def test_powershell_the_branch_in_no_network_may_come_first(tmp_path, monkeypatch):
    findings = _findings(tmp_path, monkeypatch, "deploy.ps1", _branches(IN_NONE, IN_NET))
    assert where(findings) == ["MIG105 deploy.ps1:6:5"]


def test_powershell_a_vm_in_a_network_on_every_branch_is_not_reported(tmp_path, monkeypatch):
    other = IN_NET.replace('-Location "West Europe"', '-AffinityGroup "shop-ag"')
    assert _findings(tmp_path, monkeypatch, "deploy.ps1", _branches(IN_NET, other)) == []


def test_powershell_a_command_that_may_join_an_existing_deployment_says_no_network(tmp_path, monkeypatch):
    # Without -Location, -AffinityGroup or a New-AzureService before it, New-AzureVM may add the VM to a
    # deployment that exists, in a network the script does not state: nothing is known of that path.
    joins = 'New-AzureVM -ServiceName "shop" -VMs $vm'
    assert _findings(tmp_path, monkeypatch, "deploy.ps1", _branches(IN_NET, joins)) == []
    # After New-AzureService for the service, it creates the deployment: in no network.
    created = _branches(IN_NET, joins).replace(
        "if ($UseVnet)", 'New-AzureService -ServiceName "shop" -Location "West Europe"\nif ($UseVnet)'
    )
    assert where(_findings(tmp_path, monkeypatch, "deploy.ps1", created)) == ["MIG105 deploy.ps1:9:5"]


SUBNET_ON_ONE_BRANCH = """\
param([switch]$UseSubnet)
$vm = New-AzureVMConfig -Name "web01" -InstanceSize Small -ImageName $image |
    Add-AzureProvisioningConfig -Windows -AdminUsername $user -Password $password
if ($UseSubnet) {
    $vm = $vm | Set-AzureSubnet -SubnetNames "FrontEnd"
}
New-AzureVM -ServiceName "shop" -Location "West Europe" -VNetName "prod-vnet" -VMs $vm
"""


def test_powershell_vm_in_a_subnet_on_one_branch_may_have_none(tmp_path, monkeypatch):
    findings = _findings(tmp_path, monkeypatch, "deploy.ps1", SUBNET_ON_ONE_BRANCH)
    assert where(findings) == ["MIG203 deploy.ps1:2:7"]
    assert findings[0].severity is Severity.WARNING
    assert "may have no subnet" in findings[0].message and "(line 5)" in findings[0].message


def test_powershell_vm_in_a_subnet_on_every_branch_is_not_reported(tmp_path, monkeypatch):
    script = SUBNET_ON_ONE_BRANCH.replace(
        "}\nNew-AzureVM", '} else {\n    $vm = $vm | Set-AzureSubnet -SubnetNames "BackEnd"\n}\nNew-AzureVM'
    )
    assert _findings(tmp_path, monkeypatch, "deploy.ps1", script) == []


PYTHON = """\
import sys
from azure.servicemanagement import ConfigurationSet, ServiceManagementService

sms = ServiceManagementService("subscription-id", "management.pem")
network = ConfigurationSet()
network.subnet_names.append("FrontEnd")
if len(sys.argv) > 1:
    sms.create_virtual_machine_deployment("shop", "shop", "production", "shop", "web01", None, None, network{first})
else:
    sms.create_virtual_machine_deployment("shop", "shop", "production", "shop", "web01", None, None, network{second})
"""
NETWORK = ', virtual_network_name="prod-vnet"'


@pytest.mark.parametrize(("first", "second", "line"), [(NETWORK, "", 10), ("", NETWORK, 8)])
def test_python_vm_in_a_network_on_one_branch_may_be_in_none(tmp_path, monkeypatch, first, second, line):
    findings = _findings(tmp_path, monkeypatch, "create.py", PYTHON.format(first=first, second=second))
    assert where(findings) == [f"MIG105 create.py:{line}:9"]
    assert "may be in no virtual network" in findings[0].message


def test_python_one_call_given_a_network_on_some_paths_may_be_in_none(tmp_path, monkeypatch):
    script = PYTHON.split("if len")[0] + (
        'vnet = "prod-vnet" if len(sys.argv) > 1 else None\n'
        'sms.create_virtual_machine_deployment("shop", "shop", "production", "shop", "web01", None, None, '
        "network, virtual_network_name=vnet)\n"
    )
    findings = _findings(tmp_path, monkeypatch, "create.py", script)
    assert [f.code for f in findings] == ["MIG105"]
    assert "may be in no virtual network" in findings[0].message


def test_python_a_vm_in_a_network_on_every_branch_is_not_reported(tmp_path, monkeypatch):
    script = PYTHON.format(first=NETWORK, second=NETWORK)
    assert _findings(tmp_path, monkeypatch, "create.py", script) == []


def test_python_vm_in_a_subnet_on_one_branch_may_have_none(tmp_path, monkeypatch):
    script = (
        PYTHON.split("network.subnet_names")[0]
        + 'if len(sys.argv) > 1:\n    network.subnet_names.append("FrontEnd")\n'
        + 'sms.create_virtual_machine_deployment("shop", "shop", "production", "shop", "web01", None, None, '
        'network, virtual_network_name="prod-vnet")\n'
    )
    findings = _findings(tmp_path, monkeypatch, "create.py", script)
    assert [f.code for f in findings] == ["MIG203"]
    assert findings[0].severity is Severity.WARNING
    assert "may have no subnet" in findings[0].message and "(line 7)" in findings[0].message
    every_path = script.replace("if len(sys.argv) > 1:\n    ", "")
    assert _findings(tmp_path, monkeypatch, "create.py", every_path) == []
