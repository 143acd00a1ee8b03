"""MIG004 names the cloud service of a VM two files describe differently: two services may each hold a VM of
one name (web01 of shop and web01 of shop-staging), so "VM 'web01'" alone does not say which one is meant.
The same holds in every format that describes a VM: a script beside an Export-AzureVM file, a shell script
beside a Python one, two inventory exports (which called the VM a role)."""

from __future__ import annotations

import json

import pytest
from lint_support import graph_vm, lint_files

SCRIPT = """\
$vm = New-AzureVMConfig -Name "web01" -InstanceSize Small -ImageName "img01" |
  Add-AzureProvisioningConfig -Windows -AdminUsername "ops" -Password "P@ssw0rd123!" |
  Set-AzureSubnet -SubnetNames "web"
New-AzureVM -ServiceName "shop" -Location "West Europe" -VNetName "vnet1" -VMs $vm
"""

EXPORT = """\
<?xml version="1.0" encoding="utf-8"?>
<PersistentVM xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
  <RoleName>web01</RoleName>
  <RoleType>PersistentVMRole</RoleType>
  <ConfigurationSets>
    <ConfigurationSet i:type="NetworkConfigurationSet">
      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <InputEndpoints />
      <SubnetNames><string>db</string></SubnetNames>
    </ConfigurationSet>
  </ConfigurationSets>
  <RoleSize>Small</RoleSize>
</PersistentVM>
"""

SHELL = """\
#!/bin/bash
azure config mode asm
azure vm create shop img01 ops 'P@ssw0rd123!' -n web01 -l "West Europe" -w vnet1 -b web
"""

PYTHON = """\
from azure.servicemanagement import ServiceManagementService, ConfigurationSet, LinuxConfigurationSet, OSVirtualHardDisk

sms = ServiceManagementService("sub-id", "mgmt.pem")
network = ConfigurationSet()
network.configuration_set_type = "NetworkConfiguration"
network.subnet_names.append("db")
linux = LinuxConfigurationSet("web01", "ops", "P@ssw0rd123!", True)
disk = OSVirtualHardDisk("img01", "https://acct.blob.core.windows.net/vhds/web01.vhd")
sms.create_virtual_machine_deployment(
    "shop", "shop", "production", "shop", "web01", linux, disk, network, role_size="Small", virtual_network_name="vnet1"
)
"""


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param(
            {"vm.ps1": SCRIPT, "shop/web01.xml": EXPORT},
            "VM 'web01' of cloud service 'shop' is described differently here than at shop/web01.xml:2: "
            "subnets web / db (here / there)",
            id="powershell-and-export",
        ),
        pytest.param(
            {"create.sh": SHELL, "create.py": PYTHON},
            "VM 'web01' of cloud service 'shop' is described differently here than at create.py:9: "
            "subnets web / db (here / there)",
            id="shell-and-python",
        ),
        pytest.param(
            {
                "a.json": json.dumps([graph_vm("sub1", "shop", "web01", subnet="web")]),
                "b.json": json.dumps([graph_vm("sub1", "shop", "web01", subnet="db")]),
            },
            "VM 'web01' of cloud service 'shop' is described differently here than at a.json:1: "
            "subnets db / web (here / there)",
            id="two-inventory-exports",
        ),
    ],
)
def test_the_conflict_names_the_vm_s_cloud_service(
    tmp_path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], expected: str
) -> None:
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False)
    assert [f.message for f in result.findings] == [expected]
