"""A migration call names the virtual network it migrates (Move-AzureVirtualNetwork -VirtualNetworkName, the
classic CLI's `azure network vnet validate-migration <name>`, a POST to
`.../services/networking/virtualnetwork/<name>/migration?comp=...`): when the files define the subscription's
networks (a network configuration holds them all), a name none of them has is MIG003 where the script writes
the name, once in each file, as the platform answers "The virtual network {name} doesn't exist." (errors
page), with the full name of a network created in the Azure portal that the short one stands for. Move-AzureService's `-VirtualNetworkName` names a
Resource Manager network, never a classic one. A network only a migration call names is no step of the plan."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="{name}" Location="West Europe">
      <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
      <Subnets><Subnet name="FrontEnd"><AddressPrefix>10.1.1.0/24</AddressPrefix></Subnet></Subnets>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

MOVE = """\
Move-AzureVirtualNetwork -Validate -VirtualNetworkName "vnet-prod"
Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "vnet-prod"
Move-AzureVirtualNetwork -Commit -VirtualNetworkName "vnet-prod"
"""

PYTHON = """\
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService(subscription_id, "mgmt.pem")
path = "/" + subscription_id + "/services/networking/virtualnetwork/vnet1/migration"
sms.perform_post(path + "?comp=validate", "")
"""


def _mig003(tmp_path, monkeypatch, files: dict[str, str]):
    return lint_files(tmp_path, monkeypatch, files, "MIG003").findings


def test_the_migration_calls_of_a_network_no_configuration_defines_are_reported_once(tmp_path, monkeypatch):
    found = _mig003(tmp_path, monkeypatch, {"net.netcfg": NETCFG.format(name="vnet1"), "move.ps1": MOVE})
    assert where(found) == ["MIG003 move.ps1:1:56"]  # the name in the first call
    assert found[0].message == (
        "Move-AzureVirtualNetwork -Validate names virtual network 'vnet-prod', which no network configuration "
        "checked here defines (the file names 'vnet-prod' on lines 2 and 3 too)"
    )
    assert found[0].resource_type == "Reference" and found[0].resource_name == "vnet-prod"


def test_the_short_name_of_a_network_created_in_the_portal_is_given_its_full_name(tmp_path, monkeypatch):
    files = {"net.netcfg": NETCFG.format(name="Group contoso-rg vnet1"), "move.ps1": '$vnet = "vnet1"\n'}
    files["move.ps1"] += "Move-AzureVirtualNetwork -Validate -VirtualNetworkName $vnet\n"
    [found] = _mig003(tmp_path, monkeypatch, files)
    assert where([found]) == ["MIG003 move.ps1:1:9"]  # where the variable is given the name
    assert found.message == (
        "Move-AzureVirtualNetwork -Validate names virtual network 'vnet1', which no network configuration "
        "checked here defines; 'Group contoso-rg vnet1' is a network created in the Azure portal, whose "
        "classic name is 'Group <resource group> <name>': refer to it by that full name"
    )


def test_a_request_to_the_migration_api_and_the_classic_cli_are_read_alike(tmp_path, monkeypatch):
    files = {"net.netcfg": NETCFG.format(name="Group rg vnet1"), "migrate.py": PYTHON}
    files["cli.ps1"] = "azure network vnet validate-migration 'vnet-old'\n"
    found = _mig003(tmp_path, monkeypatch, files)
    assert where(found) == ["MIG003 cli.ps1:1:39", "MIG003 migrate.py:4:32"]  # the name; the path's string
    assert found[0].message.startswith(
        "azure network vnet validate-migration names virtual network 'vnet-old', which"
    )
    assert found[1].message.startswith("Service Management API Validate names virtual network 'vnet1', which")
    assert "'Group rg vnet1' is a network created in the Azure portal" in found[1].message


@pytest.mark.parametrize(
    "script",
    [
        MOVE.replace('"vnet-prod"', '"VNET1"'),  # names compare without regard to case
        "param([string]$Network)\nMove-AzureVirtualNetwork -Validate -VirtualNetworkName $Network\n",
        'Move-AzureVirtualNetwork -Validate -VirtualNetworkName "#{VNetName}#"\n',
        'Move-AzureVirtualNetwork -Validate -VirtualNetworkName "<<CONFIGURE>>"\n',
        # A Resource Manager network, in the resource group the call names.
        "Move-AzureService -Validate -ServiceName svc -DeploymentName dep -UseExistingVirtualNetwork "
        "-VirtualNetworkResourceGroupName arm-rg -VirtualNetworkName arm-vnet -SubnetName default\n",
    ],
    ids=["defined", "parameter", "pipeline-token", "placeholder", "resource-manager-network"],
)
def test_a_name_that_may_be_a_defined_network_or_is_no_classic_one_is_not_reported(
    tmp_path, monkeypatch, script
):
    files = {"net.netcfg": NETCFG.format(name="vnet1"), "move.ps1": script}
    assert _mig003(tmp_path, monkeypatch, files) == []


def test_without_a_definition_of_the_networks_no_name_is_checked(tmp_path, monkeypatch):
    assert _mig003(tmp_path, monkeypatch, {"move.ps1": MOVE, "migrate.py": PYTHON}) == []


def test_a_network_only_a_migration_call_names_is_no_step_of_the_plan(plan_of):
    plan = plan_of({"net.netcfg": NETCFG.format(name="vnet1"), "move.ps1": MOVE})
    [subscription] = plan.subscriptions
    assert [step.name for step in subscription.steps] == ["vnet1"]
