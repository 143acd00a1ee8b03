"""A virtual network (or subnet) given by a value whose default is None, $null or empty may be none at all: a
Python function that defaults `network=None` and that no call in the file runs, a PowerShell function whose
`$vnet = $null` no caller overrides, a shell script's `${VNET:-}`, a Python `os.environ.get("VNET", "")` (the
SDK writes "" as an empty element, which names no network). The VM may then be in no virtual network
(MIG105: it is stopped and deallocated during Prepare), or in one without a subnet (MIG203), never surely in
the network."""

from __future__ import annotations

from lint_support import lint_files, where

from migcheck.model import Severity

PYTHON = """\
from azure.servicemanagement import ServiceManagementService, ConfigurationSet


def create_vm(sms, name, network=None, subnet=None):
    network_config = ConfigurationSet()
    network_config.subnet_names = subnet
    sms.create_virtual_machine_deployment(service_name=name, deployment_name=name,
        deployment_slot='production', label=name, role_name=name, os_virtual_hard_disk=None,
        system_config=None, network_config=network_config, virtual_network_name=network)
"""

POWERSHELL = """\
function New-Box($name, $vnet = $null) {
    New-AzureVMConfig -Name $name -InstanceSize Small -ImageName "img" |
        Add-AzureProvisioningConfig -Linux -LinuxUser u -Password p |
        New-AzureVM -ServiceName $name -Location "West US" -VNetName $vnet
}
"""


def _lint(tmp_path, monkeypatch, name, text):
    return lint_files(tmp_path, monkeypatch, {name: text}, "MIG105", "MIG203", dedent=False).findings


def test_a_python_parameter_defaulting_to_none_may_put_the_vm_in_no_network(tmp_path, monkeypatch):
    findings = _lint(tmp_path, monkeypatch, "vm.py", PYTHON)
    assert where(findings) == ["MIG105 vm.py:7:9"]
    assert "may be in no virtual network" in findings[0].message


def test_a_python_subnet_defaulting_to_none_may_leave_the_vm_without_one(tmp_path, monkeypatch):
    script = PYTHON.replace("virtual_network_name=network", 'virtual_network_name="prod-vnet"')
    [finding] = _lint(tmp_path, monkeypatch, "vm.py", script)
    assert finding.code == "MIG203"
    assert "is in virtual network 'prod-vnet' but may have no subnet" in finding.message
    assert finding.severity is Severity.WARNING


def test_a_python_parameter_a_call_passes_is_that_network(tmp_path, monkeypatch):
    script = PYTHON.replace("subnet_names = subnet", "subnet_names = ['front']") + (
        '\n\ncreate_vm(ServiceManagementService("sub", "cert.pem"), "box1", "prod-vnet")\n'
    )
    assert _lint(tmp_path, monkeypatch, "vm.py", script) == []


def test_a_python_parameter_read_where_an_if_proves_it_set_is_not_none(tmp_path, monkeypatch):
    # `if network:` runs its body only with a network: there the VM is surely in it.
    script = PYTHON.replace("subnet_names = subnet", "subnet_names = ['front']").replace(
        "    sms.create_virtual_machine_deployment(",
        "    if network is not None:\n        sms.create_virtual_machine_deployment(",
    )
    assert _lint(tmp_path, monkeypatch, "vm.py", script) == []


def test_a_powershell_parameter_defaulting_to_null_no_call_passes(tmp_path, monkeypatch):
    findings = _lint(tmp_path, monkeypatch, "vm.ps1", POWERSHELL)
    assert sorted(f.code for f in findings) == ["MIG105", "MIG203"]
    assert all(f.severity is Severity.WARNING for f in findings)
    [network] = [f for f in findings if f.code == "MIG105"]
    assert "may be in no virtual network" in network.message


def test_a_powershell_call_that_leaves_the_network_to_its_null_default(tmp_path, monkeypatch):
    findings = _lint(tmp_path, monkeypatch, "vm.ps1", POWERSHELL + 'New-Box "box1"\n')
    assert where(findings) == ["MIG105 vm.ps1:4:9"]
    assert "deployment 'box1' of cloud service 'box1' is in no virtual network" in findings[0].message


def test_a_powershell_network_given_null_is_none(tmp_path, monkeypatch):
    script = (
        "$vnet = $null\n"
        'New-AzureVMConfig -Name "box1" -InstanceSize Small -ImageName "img" |\n'
        '    New-AzureVM -ServiceName "box1" -Location "West US" -VNetName $vnet\n'
    )
    findings = _lint(tmp_path, monkeypatch, "vm.ps1", script)
    assert where(findings) == ["MIG105 vm.ps1:3:5"]
    assert "is in no virtual network" in findings[0].message


def test_a_shell_network_with_an_empty_default_may_be_none(tmp_path, monkeypatch):
    for written in ('"${VNET:-}"', '"${VNET-}"', '"${VNET:-""}"'):
        script = (
            "#!/bin/bash\n"
            f'azure vm create box1 img u p --location "West US" --virtual-network-name {written} '
            "--subnet-names front\n"
        )
        findings = _lint(tmp_path, monkeypatch, "vm.sh", script)
        assert where(findings) == ["MIG105 vm.sh:2:1"], written
        assert "may be in no virtual network" in findings[0].message


def test_a_shell_network_from_a_variable_set_nowhere_is_the_session_s(tmp_path, monkeypatch):
    script = (
        "#!/bin/bash\n"
        'azure vm create box1 img u p --location "West US" --virtual-network-name "$VNET" --subnet-names front\n'
    )
    [finding] = _lint(tmp_path, monkeypatch, "vm.sh", script)
    assert finding.code == "MIG105" and finding.severity is Severity.WARNING
    assert "unless the session that runs the script sets `$VNET`" in finding.message


def test_a_powershell_subnet_defaulting_to_null_may_leave_the_vm_without_one(tmp_path, monkeypatch):
    script = (
        "function New-Box($name, $subnet = $null) {\n"
        '    New-AzureVMConfig -Name $name -InstanceSize Small -ImageName "img" |\n'
        "        Set-AzureSubnet -SubnetNames $subnet |\n"
        '        New-AzureVM -ServiceName $name -Location "West US" -VNetName "prod-vnet"\n'
        "}\n"
    )
    [finding] = _lint(tmp_path, monkeypatch, "vm.ps1", script)
    assert finding.code == "MIG203"
    assert "is in virtual network 'prod-vnet' but may have no subnet" in finding.message
    assert finding.severity is Severity.WARNING


ENVIRONMENT = """\
import os
from azure.servicemanagement import ServiceManagementService, ConfigurationSet

sms = ServiceManagementService("sub", "cert.pem")
net = ConfigurationSet()
net.subnet_names.append("front")
sms.create_virtual_machine_deployment(service_name="box1", deployment_name="box1",
    deployment_slot='production', label="box1", role_name="box1", os_virtual_hard_disk=None,
    system_config=None, network_config=net, virtual_network_name=os.environ.get("VNET", {default}))
"""


def test_a_python_network_from_the_environment_with_an_empty_default_may_be_none(tmp_path, monkeypatch):
    # The SDK writes "" as an empty <VirtualNetworkName/>, which names no network, as None does.
    for default in ('""', "''", "None"):
        findings = _lint(tmp_path, monkeypatch, "vm.py", ENVIRONMENT.replace("{default}", default))
        assert where(findings) == ["MIG105 vm.py:7:5"], default
        assert "unless the environment that runs the script sets `VNET`" in findings[0].message


def test_a_python_network_from_the_environment_with_a_stated_default_is_a_network(tmp_path, monkeypatch):
    assert _lint(tmp_path, monkeypatch, "vm.py", ENVIRONMENT.replace("{default}", '"hub"')) == []
