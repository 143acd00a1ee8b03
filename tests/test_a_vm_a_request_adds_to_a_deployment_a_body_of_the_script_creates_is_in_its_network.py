"""A script that creates a VM deployment by sending a Create Deployment body itself (a POST to
`.../services/hostedservices/<s>/deployments` whose `Deployment` names `VirtualNetworkName`), then adds a VM
to it with an Add Role body (a POST to `.../deployments/<d>/roles`), from Python or PowerShell: the VM is
in that deployment, in the body's network, as after create_virtual_machine_deployment and add_role. A VM
whose body states no subnet is in the network without one. Reference, migration overview (unsupported
configurations): "Virtual machines that belong to a virtual network but don't have an explicit subnet
assigned"."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="corp" Location="West Europe">
      <AddressSpace><AddressPrefix>10.10.0.0/16</AddressPrefix></AddressSpace>
      <Subnets><Subnet name="web"><AddressPrefix>10.10.1.0/24</AddressPrefix></Subnet></Subnets>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
DEPLOYMENT = (
    '<Deployment xmlns="http://schemas.microsoft.com/windowsazure"><Name>app-svc</Name>'
    "<DeploymentSlot>Production</DeploymentSlot><RoleList><Role><RoleName>app01</RoleName>"
    "<RoleType>PersistentVMRole</RoleType><ConfigurationSets><ConfigurationSet>"
    "<ConfigurationSetType>NetworkConfiguration</ConfigurationSetType><SubnetNames><SubnetName>web</SubnetName>"
    "</SubnetNames></ConfigurationSet></ConfigurationSets></Role></RoleList>"
    "<VirtualNetworkName>corp</VirtualNetworkName></Deployment>"
)
ROLE = (
    '<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure"><RoleName>app02</RoleName>'
    "<RoleType>PersistentVMRole</RoleType></PersistentVMRole>"
)
IN_WEB = ROLE.replace(
    "</RoleType>",
    "</RoleType><ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration"
    "</ConfigurationSetType><SubnetNames><SubnetName>web</SubnetName></SubnetNames></ConfigurationSet>"
    "</ConfigurationSets>",
)
BASE = "https://management.core.windows.net/sub1/services/hostedservices/app-svc/deployments"


def python(role: str = ROLE, guard: str = "") -> str:
    """The requests, the creation in `guard`'s `if` when given."""
    create = f'requests.post("{BASE}", data=\'{DEPLOYMENT}\', headers=H, cert="m.pem")'
    return (
        "import requests\n"
        'H = {"x-ms-version": "2015-04-01"}\n'
        + (f"if {guard}:\n    {create}\n" if guard else f"{create}\n")
        + f'requests.post("{BASE}/app-svc/roles", data=\'{role}\', headers=H, cert="m.pem")\n'
    )


def powershell(role: str = ROLE, guard: str = "") -> str:
    create = (
        f"Invoke-RestMethod -Method Post -Uri \"{BASE}\" -Body '{DEPLOYMENT}' -Headers $h -Certificate $c"
    )
    return (
        '$h = @{"x-ms-version"="2015-04-01"}\n'
        + (f"if ({guard}) {{ {create} }}\n" if guard else f"{create}\n")
        + f"Invoke-RestMethod -Method Post -Uri \"{BASE}/app-svc/roles\" -Body '{role}' -Headers $h -Certificate $c\n"
    )


SDK = python().rsplit("requests.post", 1)[0] + (
    "from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk\n"
    'sms = ServiceManagementService("sub1", "m.pem")\n'
    'sms.add_role("app-svc", "app-svc", "app02", LinuxConfigurationSet("app02", "u", "p", True),\n'
    '             OSVirtualHardDisk("img", "https://appsa.blob.core.windows.net/vhds/a2.vhd"))\n'
)


@pytest.mark.parametrize(
    ("name", "script", "line"),
    [("vm.py", python(), 4), ("vm.ps1", powershell(), 3), ("vm.py", SDK, 6)],
    ids=["py-requests", "ps1-irm", "py-sdk-add-role"],
)
def test_a_vm_added_without_a_subnet_is_in_the_network_without_one(tmp_path, monkeypatch, name, script, line):
    result = lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": NETCFG, name: script}, "MIG203")
    assert [f.code for f in result.findings] == ["MIG203"]
    assert where(result.findings)[0].startswith(f"MIG203 {name}:{line}:")
    assert "VM 'app02'" in result.findings[0].message and "'corp'" in result.findings[0].message


@pytest.mark.parametrize(
    ("name", "script"), [("vm.py", python(IN_WEB)), ("vm.ps1", powershell(IN_WEB))], ids=["py", "ps1"]
)
def test_a_vm_added_in_a_subnet_is_fine(tmp_path, monkeypatch, name, script):
    result = lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": NETCFG, name: script}, "MIG203")
    assert result.findings == []


@pytest.mark.parametrize(
    ("name", "script"),
    [("vm.py", python(guard="ready")), ("vm.ps1", powershell(guard="$ready"))],
    ids=["py", "ps1"],
)
def test_a_creation_that_may_not_run_leaves_a_deployment_that_may_exist(tmp_path, monkeypatch, name, script):
    result = lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": NETCFG, name: script}, "MIG203")
    assert result.findings == []


@pytest.mark.parametrize(
    ("name", "script"),
    [
        ("vm.py", python() + f'requests.delete("{BASE}/app-svc/roles/app02", headers=H, cert="m.pem")\n'),
        (
            "vm.ps1",
            powershell()
            + f'Invoke-RestMethod -Method Delete -Uri "{BASE}/app-svc/roles/app02" -Headers $h\n',
        ),
    ],
    ids=["py", "ps1"],
)
def test_a_vm_added_then_deleted_by_a_delete_role_request_is_gone(tmp_path, monkeypatch, name, script):
    result = lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": NETCFG, name: script}, "MIG203")
    assert result.findings == []
