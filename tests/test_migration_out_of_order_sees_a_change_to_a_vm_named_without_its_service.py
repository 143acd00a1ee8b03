"""A change to a VM a script names without its cloud service (the classic CLI without `-d`, PowerShell's
`Get-AzureVM | Where-Object Name -eq x`) between the Prepare and the Commit of that VM's cloud service, or
of the virtual network it is in, is refused as any change to the service is (MIG602): the service is the
one the files give the VM of that name. A name the files give VMs of two services is refused by the
classic CLI before it reaches them (MIG003 says so), and changes each of them in PowerShell."""

from __future__ import annotations

import re

import pytest
from lint_support import APP_VNET_NETCFG, lint_files, where

# The deployment of cloud service jump-svc, which holds VM jump01, in app-vnet.
DEPLOYMENT = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>jump-svc</Name>
  <Url>http://jump-svc.cloudapp.net/</Url>
  <DeploymentSlot>Production</DeploymentSlot>
  <RoleList>
    <Role>
      <RoleName>jump01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets>
        <ConfigurationSet>
          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
          <SubnetNames><SubnetName>web</SubnetName></SubnetNames>
        </ConfigurationSet>
      </ConfigurationSets>
      <RoleSize>Small</RoleSize>
    </Role>
  </RoleList>
  <VirtualNetworkName>app-vnet</VirtualNetworkName>
</Deployment>
"""

ALONE = DEPLOYMENT.replace("<VirtualNetworkName>app-vnet</VirtualNetworkName>", "").replace(
    "<SubnetNames><SubnetName>web</SubnetName></SubnetNames>", ""
)

NETCFG = APP_VNET_NETCFG

CLI_NETWORK = (
    "azure network vnet validate-migration app-vnet\n"
    "azure network vnet prepare-migration app-vnet\n"
    "{change}\n"
    "azure network vnet commit-migration app-vnet\n"
)
CLI_SERVICE = (
    "azure service deployment validate-migration jump-svc jump-svc new '' '' ''\n"
    "azure service deployment prepare-migration jump-svc jump-svc new '' '' ''\n"
    "{change}\n"
    "azure service deployment commit-migration jump-svc jump-svc\n"
)
CLI_CHANGES = [
    ("azure vm endpoint acl-rule create jump01 ssh 100 permit 198.51.100.0/24", CLI_NETWORK),
    ("azure vm extension set jump01 BGInfo Microsoft.Compute 1.1", CLI_NETWORK),
    ("azure vm extension set jump01 BGInfo Microsoft.Compute 1.1", CLI_SERVICE),
    ("azure vm delete jump01 -q", CLI_SERVICE),
]

PS_NETWORK = (
    'Move-AzureVirtualNetwork -Validate -VirtualNetworkName "app-vnet"\n'
    'Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "app-vnet"\n'
    "{change}\n"
    'Move-AzureVirtualNetwork -Commit -VirtualNetworkName "app-vnet"\n'
)
PS_SERVICE = (
    "Move-AzureService -Validate -ServiceName jump-svc -DeploymentName jump-svc -CreateNewVirtualNetwork\n"
    "Move-AzureService -Prepare -ServiceName jump-svc -DeploymentName jump-svc -CreateNewVirtualNetwork\n"
    "{change}\n"
    "Move-AzureService -Commit -ServiceName jump-svc -DeploymentName jump-svc\n"
)
PS_CHANGES = [
    (
        "Get-AzureVM | ? Name -eq jump01 | Set-AzureVMBGInfoExtension -Version 1.1 | Update-AzureVM",
        PS_NETWORK,
    ),
    (
        "Get-AzureVM | ? Name -eq jump01 | Set-AzureVMBGInfoExtension -Version 1.1 | Update-AzureVM",
        PS_SERVICE,
    ),
    ("Get-AzureVM | Where-Object { $_.Name -eq 'jump01' } | Remove-AzureVM", PS_SERVICE),
]


def _lint(tmp_path, monkeypatch, files: dict[str, str], *codes: str):
    return lint_files(tmp_path, monkeypatch, files, *codes, dedent=False).findings


def _files(runbook: str, name: str, change: str) -> dict[str, str]:
    """The deployment, in app-vnet for a runbook that migrates the network, else in none (a cloud service
    in a virtual network migrates with it), and the runbook."""
    deployment = DEPLOYMENT if runbook in (CLI_NETWORK, PS_NETWORK) else ALONE
    return {"jump-svc.xml": deployment, "NetworkConfig.netcfg": NETCFG, name: runbook.format(change=change)}


@pytest.mark.parametrize("name", ["migrate.sh", "migrate.ps1"])
@pytest.mark.parametrize(("change", "runbook"), CLI_CHANGES)
def test_a_classic_cli_change_during_the_prepare_of_the_vms_service_or_network(
    tmp_path, monkeypatch, name, change, runbook
) -> None:
    found = _lint(tmp_path, monkeypatch, _files(runbook, name, change), "MIG602")
    assert where(found) == [f"MIG602 {name}:3:1"]
    assert re.search(r"(changes|deletes a VM of) cloud service 'jump-svc'", found[0].message)


@pytest.mark.parametrize(("change", "runbook"), PS_CHANGES)
def test_a_powershell_change_during_the_prepare_of_the_vms_service_or_network(
    tmp_path, monkeypatch, change, runbook
) -> None:
    found = _lint(tmp_path, monkeypatch, _files(runbook, "migrate.ps1", change), "MIG602")
    column = change.rindex("| ") + 3  # the call that sends the change
    assert where(found) == [f"MIG602 migrate.ps1:3:{column}"]
    assert re.search(r"(changes|deletes a VM of) cloud service 'jump-svc'", found[0].message)


def test_a_change_before_the_prepare_or_to_another_vm_is_not_reported(tmp_path, monkeypatch) -> None:
    before = "azure vm extension set jump01 BGInfo Microsoft.Compute 1.1\n" + CLI_NETWORK.format(
        change="azure vm extension set web01 BGInfo Microsoft.Compute 1.1"
    )
    files = {"jump-svc.xml": DEPLOYMENT, "NetworkConfig.netcfg": NETCFG, "migrate.sh": before}
    assert _lint(tmp_path, monkeypatch, files, "MIG602") == []


def test_a_name_the_files_give_vms_of_two_services(tmp_path, monkeypatch) -> None:
    other = DEPLOYMENT.replace("jump-svc", "ops-svc")
    files = {"jump-svc.xml": DEPLOYMENT, "ops-svc.xml": other, "NetworkConfig.netcfg": NETCFG}
    cli = CLI_NETWORK.format(change=CLI_CHANGES[1][0])
    found = _lint(tmp_path, monkeypatch, {**files, "migrate.sh": cli}, "MIG602", "MIG003")
    assert where(found) == ["MIG003 migrate.sh:3:1"]
    ps = PS_NETWORK.format(change=PS_CHANGES[0][0])
    found = _lint(tmp_path, monkeypatch, {**files, "migrate.ps1": ps}, "MIG602")
    assert where(found) == ["MIG602 migrate.ps1:3:77", "MIG602 migrate.ps1:3:77"]
    assert ["'jump-svc'" in found[0].message, "'ops-svc'" in found[1].message] == [True, True]
