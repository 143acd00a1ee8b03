"""A classic network an ARM template, a Bicep file or an azapi resource declares is created through Resource
Manager, in the resource group it is deployed to, as the Azure portal creates one: the classic API, and so
every migration command, knows it as `Group <resource group> <name>` (errors page: "The actual Virtual
Network name follows the pattern 'Group * <VNET name>'"), as it knows a network an export files under a
group of its own. Where the file names the group (a nested deployment's `resourceGroup`, a module's
`scope: resourceGroup('net-rg')`, a `parent_id`), the plan's commands take that name; where it leaves the
group to the deployment, its commands hold the template's stand-in for that group, and its step is not ready
until the group is filled in."""

from __future__ import annotations

import json

VNET = {
    "type": "Microsoft.ClassicNetwork/virtualNetworks",
    "apiVersion": "2016-11-01",
    "name": "vnet1",
    "location": "westeurope",
    "properties": {
        "addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
        "subnets": [{"name": "Sub1", "addressPrefix": "10.0.0.0/24"}],
    },
}
SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"


def _template(resources: list[dict]) -> str:
    return json.dumps({"$schema": SCHEMA, "contentVersion": "1.0.0.0", "resources": resources}, indent=2)


def _nested_in(group: str) -> str:
    nested = {
        "type": "Microsoft.Resources/deployments",
        "apiVersion": "2021-04-01",
        "name": "net",
        "resourceGroup": group,
        "properties": {"mode": "Incremental", "template": json.loads(_template([VNET]))},
    }
    return _template([nested])


MAIN_BICEP = """\
targetScope = 'subscription'

module net 'net.bicep' = {
  name: 'net'
  scope: resourceGroup('net-rg')
}
"""

NET_BICEP = """\
resource vnet 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = {
  name: 'vnet1'
  location: 'westeurope'
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.0.0.0/16'
      ]
    }
    subnets: [
      {
        name: 'Sub1'
        addressPrefix: '10.0.0.0/24'
      }
    ]
  }
}
"""

AZAPI = """\
resource "azapi_resource" "vnet" {
  type      = "Microsoft.ClassicNetwork/virtualNetworks@2016-11-01"
  name      = "vnet1"
  parent_id = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/net-rg"
  location  = "westeurope"
  body = {
    properties = {
      addressSpace = { addressPrefixes = ["10.0.0.0/16"] }
      subnets      = [{ name = "Sub1", addressPrefix = "10.0.0.0/24" }]
    }
  }
}
"""

SCRIPT = """\
$a = New-AzureVMConfig -Name 'vm1' -InstanceSize Small -ImageName 'img' -MediaLocation 'https://acct1.blob.core.windows.net/vhds/vm1.vhd' |
  Add-AzureProvisioningConfig -Windows -AdminUsername 'a' -Password 'p' | Set-AzureSubnet -SubnetNames 'Sub1'
New-AzureVM -ServiceName 'svc1' -VMs $a -VNetName 'vnet1' -Location 'West Europe'
"""


def _network_step(plan):
    [step] = [step for step in plan.steps if step.id.startswith("network:")]
    return step


def _assert_moved_by_its_classic_name(step) -> None:
    assert step.name == "Group net-rg vnet1"
    assert step.moves[0] == "virtual network 'Group net-rg vnet1' (1 subnet)"
    assert step.powershell.validate[0] == (
        "(Move-AzureVirtualNetwork -Validate -VirtualNetworkName 'Group net-rg vnet1').ValidationMessages"
    )
    assert step.cli.prepare == ("azure network vnet prepare-migration 'Group net-rg vnet1'",)


def test_a_template_s_nested_deployment_to_a_group_it_names(plan_of):
    _assert_moved_by_its_classic_name(_network_step(plan_of({"azuredeploy.json": _nested_in("net-rg")})))


def test_a_bicep_module_scoped_to_a_group_it_names(plan_of):
    plan = plan_of({"main.bicep": MAIN_BICEP, "net.bicep": NET_BICEP})
    _assert_moved_by_its_classic_name(_network_step(plan))


def test_an_azapi_resource_whose_parent_id_names_its_group(plan_of):
    _assert_moved_by_its_classic_name(_network_step(plan_of({"main.tf": AZAPI})))


def test_the_vms_a_script_places_in_it_by_its_declared_name_move_with_it(plan_of):
    plan = plan_of({"main.bicep": MAIN_BICEP, "net.bicep": NET_BICEP, "deploy.ps1": SCRIPT})
    step = _network_step(plan)
    assert step.name == "Group net-rg vnet1"
    assert [member.vms for member in step.members] == [("vm1",)]


def test_a_group_the_template_leaves_to_its_deployment_is_filled_in_first(plan_of):
    step = _network_step(plan_of({"azuredeploy.json": _template([VNET])}))
    assert step.name == "Group <resource group azuredeploy.json is deployed to> vnet1"
    assert step.powershell.validate[0] == (
        "(Move-AzureVirtualNetwork -Validate -VirtualNetworkName "
        "'Group <resource group azuredeploy.json is deployed to> vnet1').ValidationMessages"
    )
    assert (step.ready, step.name_unstated) == (False, "network's resource group")
    assert step.notes[0].startswith(
        "Fill in first: the classic API knows this network as 'Group <resource group> vnet1'"
    )


def test_a_template_s_nested_deployment_to_the_classic_networks_group_keeps_the_declared_name(plan_of):
    step = _network_step(plan_of({"azuredeploy.json": _nested_in("Default-Networking")}))
    assert step.name == "vnet1"
