"""A deployment template's (ARM JSON or Bicep) Resource Manager resources that reach into classic ones give
the records and findings their rows of an export give, through the same mapping: API Management (MIG319),
an App Service Environment (MIG314), HDInsight (MIG315) and Domain Services (MIG317) in a classic network's
subnet, a network peered with a classic one, the peering declared in its properties or as its child
(MIG313), a classic alert rule (MIG502) and an autoscale setting (MIG503) on a classic resource, a role
assignment scoped to one (MIG501). Values are worked out as the classic resources' are (parameters,
variables, `resourceId` of a classic type, `concat`, `format`, interpolation, copy loops, nested
deployments); a template of such resources manages nothing classic itself (no MIG601), and one whose
resources reach into nothing classic gives nothing."""

from __future__ import annotations

import json
from dataclasses import replace

from growth import assert_linear
from lint_support import lint_files, where

from migcheck.inventory_model import RoleAssignment, ServiceInVnet, VnetPeering
from migcheck.model import Mark, Script
from migcheck.readers import bicep, inventory
from migcheck.readers.inventory_shapes import records

NETCFG = """\
<?xml version="1.0" encoding="utf-8"?>
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="prod-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets>
          <Subnet name="FrontEnd"><AddressPrefix>10.0.0.0/24</AddressPrefix></Subnet>
          <Subnet name="BackEnd"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet>
        </Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

TEMPLATE = """\
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "classicVnet": {"type": "string", "defaultValue": "prod-vnet"},
    "subscription": {"type": "string", "defaultValue": "8c3f2a1e-5b7d-4e9a-a1c2-3d4e5f6a7b8c"}
  },
  "variables": {
    "classicVnetId": "[resourceId(parameters('subscription'), 'Default-Networking', 'Microsoft.ClassicNetwork/virtualNetworks', parameters('classicVnet'))]",
    "web01": "[resourceId('Microsoft.ClassicCompute/virtualMachines', 'web01')]"
  },
  "resources": [
    {
      "type": "Microsoft.ApiManagement/service",
      "apiVersion": "2021-08-01",
      "name": "contoso-apim",
      "properties": {
        "virtualNetworkType": "External",
        "virtualNetworkConfiguration": {"subnetResourceId": "[concat(variables('classicVnetId'), '/subnets/FrontEnd')]"}
      }
    },
    {
      "type": "Microsoft.Web/hostingEnvironments",
      "apiVersion": "2015-08-01",
      "name": "contoso-ase",
      "properties": {"virtualNetwork": {"id": "[variables('classicVnetId')]", "subnet": "BackEnd"}}
    },
    {
      "type": "Microsoft.HDInsight/clusters",
      "apiVersion": "2021-08-01",
      "name": "[format('hdi{0}', copyIndex())]",
      "copy": {"name": "clusters", "count": 2},
      "properties": {
        "computeProfile": {
          "roles": [
            {
              "name": "headnode",
              "virtualNetworkProfile": {
                "id": "[variables('classicVnetId')]",
                "subnet": "[resourceId(parameters('subscription'), 'Default-Networking', 'Microsoft.ClassicNetwork/virtualNetworks/subnets', parameters('classicVnet'), 'FrontEnd')]"
              }
            }
          ]
        }
      }
    },
    {
      "type": "Microsoft.AAD/domainServices",
      "apiVersion": "2017-06-01",
      "name": "contoso.com",
      "properties": {
        "subnetId": "/subscriptions/8c3f2a1e-5b7d-4e9a-a1c2-3d4e5f6a7b8c/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks/prod-vnet/subnets/BackEnd"
      }
    },
    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2021-08-01",
      "name": "hub",
      "properties": {"addressSpace": {"addressPrefixes": ["10.50.0.0/16"]}},
      "resources": [
        {
          "type": "virtualNetworkPeerings",
          "apiVersion": "2021-08-01",
          "name": "to-classic",
          "dependsOn": ["hub"],
          "properties": {"remoteVirtualNetwork": {"id": "[variables('classicVnetId')]"}}
        }
      ]
    },
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2021-04-01",
      "name": "monitoring",
      "properties": {
        "mode": "Incremental",
        "template": {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "resources": [
            {
              "type": "Microsoft.Insights/alertrules",
              "apiVersion": "2016-03-01",
              "name": "cpu-high",
              "location": "westeurope",
              "properties": {
                "name": "cpu-high",
                "isEnabled": true,
                "condition": {
                  "odata.type": "Microsoft.Azure.Management.Insights.Models.ThresholdRuleCondition",
                  "dataSource": {
                    "odata.type": "Microsoft.Azure.Management.Insights.Models.RuleMetricDataSource",
                    "resourceUri": "[variables('web01')]",
                    "metricName": "Percentage CPU"
                  }
                }
              }
            }
          ]
        }
      }
    },
    {
      "type": "Microsoft.Insights/autoscalesettings",
      "apiVersion": "2015-04-01",
      "name": "web-scale",
      "properties": {
        "enabled": true,
        "targetResourceUri": "[concat(resourceId('Microsoft.ClassicCompute/domainNames', 'websvc'), '/slots/Production/roles/Web')]",
        "profiles": []
      }
    },
    {
      "type": "Microsoft.Authorization/roleAssignments",
      "apiVersion": "2022-04-01",
      "name": "[guid('web01', 'operators')]",
      "scope": "[variables('web01')]",
      "properties": {
        "roleDefinitionId": "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c')]",
        "principalId": "00000000-0000-0000-0000-000000000001"
      }
    }
  ]
}
"""

BICEP = """\
param classicVnet string = 'prod-vnet'
param subscription string = '8c3f2a1e-5b7d-4e9a-a1c2-3d4e5f6a7b8c'

var classicVnetId = resourceId(subscription, 'Default-Networking', 'Microsoft.ClassicNetwork/virtualNetworks', classicVnet)

resource web01 'Microsoft.ClassicCompute/virtualMachines@2017-04-01' existing = {
  name: 'web01'
}

resource apim 'Microsoft.ApiManagement/service@2021-08-01' = {
  name: 'contoso-apim'
  properties: {
    virtualNetworkType: 'External'
    virtualNetworkConfiguration: {
      subnetResourceId: '${classicVnetId}/subnets/FrontEnd'
    }
  }
}

resource ase 'Microsoft.Web/hostingEnvironments@2015-08-01' = {
  name: 'contoso-ase'
  properties: {
    virtualNetwork: {
      id: classicVnetId
      subnet: 'BackEnd'
    }
  }
}

resource clusters 'Microsoft.HDInsight/clusters@2021-08-01' = [for i in range(0, 2): {
  name: 'hdi${i}'
  properties: {
    computeProfile: {
      roles: [
        {
          name: 'headnode'
          virtualNetworkProfile: {
            id: classicVnetId
            subnet: resourceId(subscription, 'Default-Networking', 'Microsoft.ClassicNetwork/virtualNetworks/subnets', classicVnet, 'FrontEnd')
          }
        }
      ]
    }
  }
}]

resource domain 'Microsoft.AAD/domainServices@2017-06-01' = {
  name: 'contoso.com'
  properties: {
    subnetId: '/subscriptions/8c3f2a1e-5b7d-4e9a-a1c2-3d4e5f6a7b8c/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks/prod-vnet/subnets/BackEnd'
  }
}

resource hub 'Microsoft.Network/virtualNetworks@2021-08-01' = {
  name: 'hub'
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.50.0.0/16'
      ]
    }
  }
  resource toClassic 'virtualNetworkPeerings' = {
    name: 'to-classic'
    properties: {
      remoteVirtualNetwork: {
        id: classicVnetId
      }
    }
  }
}

resource alert 'Microsoft.Insights/alertrules@2016-03-01' = {
  name: 'cpu-high'
  location: 'westeurope'
  properties: {
    name: 'cpu-high'
    isEnabled: true
    condition: {
      'odata.type': 'Microsoft.Azure.Management.Insights.Models.ThresholdRuleCondition'
      dataSource: {
        'odata.type': 'Microsoft.Azure.Management.Insights.Models.RuleMetricDataSource'
        resourceUri: web01.id
        metricName: 'Percentage CPU'
      }
    }
  }
}

resource scale 'Microsoft.Insights/autoscalesettings@2015-04-01' = {
  name: 'web-scale'
  properties: {
    enabled: true
    targetResourceUri: '${resourceId('Microsoft.ClassicCompute/domainNames', 'websvc')}/slots/Production/roles/Web'
    profiles: []
  }
}

resource operators 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid('web01', 'operators')
  scope: web01
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c')
    principalId: '00000000-0000-0000-0000-000000000001'
  }
}
"""


def _at(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """The line and column of the `nth` occurrence of `needle` in `text`."""
    at = -1
    for _ in range(nth):
        at = text.index(needle, at + 1)
    line_start = text.rfind("\n", 0, at) + 1
    return text.count("\n", 0, at) + 1, at - line_start + 1


def _where(code: str, path: str, text: str, needle: str, nth: int = 1) -> str:
    line, column = _at(text, needle, nth)
    return f"{code} {path}:{line}:{column}"


def test_an_arm_template_s_resources_give_the_findings_of_their_rows(tmp_path, monkeypatch):
    files = {"network/prod.netcfg": NETCFG, "templates/azuredeploy.json": TEMPLATE}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    path, t = "templates/azuredeploy.json", TEMPLATE
    # At the value as written, or at the expression that gives it.
    vnet_id = "\"[variables('classicVnetId')]\""
    assert sorted(where(result.findings)) == sorted(
        [
            _where("MIG319", path, t, "\"[concat(variables('classicVnetId'), '/subnets/FrontEnd')]\""),
            _where("MIG314", path, t, vnet_id, 1),
            _where("MIG315", path, t, vnet_id, 2),  # one each of the loop's two items
            _where("MIG315", path, t, vnet_id, 2),
            _where("MIG317", path, t, '"/subscriptions/8c3f2a1e'),
            _where("MIG313", path, t, vnet_id, 3),
            _where("MIG502", path, t, "\"[variables('web01')]\"", 1),
            _where("MIG503", path, t, "\"[concat(resourceId('Microsoft.ClassicCompute"),
            _where("MIG501", path, t, "\"[variables('web01')]\"", 2),
        ]
    )
    by_code = {f.code: f.message for f in result.findings}
    assert "'hub' (peering 'to-classic')" in by_code["MIG313"]
    assert by_code["MIG315"].startswith("HDInsight cluster 'hdi")
    assert "classic VM 'web01'" in by_code["MIG502"]
    assert "classic role 'Web' of cloud service 'websvc'" in by_code["MIG503"]
    assert by_code["MIG501"].startswith("role 'Contributor' is assigned")


def test_a_bicep_file_s_resources_give_the_findings_of_their_rows(tmp_path, monkeypatch):
    files = {"network/prod.netcfg": NETCFG, "main.bicep": BICEP}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    path, b = "main.bicep", BICEP
    assert sorted(where(result.findings)) == sorted(
        [
            _where("MIG319", path, b, "'${classicVnetId}/subnets/FrontEnd'"),
            _where("MIG314", path, b, "classicVnetId", 3),
            _where("MIG315", path, b, "classicVnetId", 4),
            _where("MIG315", path, b, "classicVnetId", 4),
            _where("MIG317", path, b, "'/subscriptions/8c3f2a1e"),
            _where("MIG313", path, b, "classicVnetId", 5),
            _where("MIG502", path, b, "web01.id"),
            _where("MIG503", path, b, "'${resourceId("),
            _where("MIG501", path, b, "web01\n  properties"),
        ]
    )
    by_code = {f.code: f.message for f in result.findings}
    assert "'hub' (peering 'to-classic')" in by_code["MIG313"]
    assert by_code["MIG501"].startswith("role 'Contributor' is assigned")


def test_a_resource_gives_the_records_its_export_row_gives():
    subnet = (
        "/subscriptions/8c3f2a1e-5b7d-4e9a-a1c2-3d4e5f6a7b8c/resourceGroups/Default-Networking/providers/"
        "Microsoft.ClassicNetwork/virtualNetworks/prod-vnet/subnets/FrontEnd"
    )
    properties = {
        "virtualNetworkType": "External",
        "virtualNetworkConfiguration": {"subnetResourceId": subnet},
    }
    resource = {"type": "Microsoft.ApiManagement/service", "name": "contoso-apim", "properties": properties}
    template = {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"}
    text = json.dumps({**template, "resources": [resource]}, indent=2)
    assert inventory.sniff(text.encode())
    found = inventory.read("apim.json", text.encode()).resources
    row = {**resource, "id": "/providers/Microsoft.ApiManagement/service/contoso-apim"}
    nowhere = Mark("apim.json", 0)
    (exported,) = records(row, nowhere)
    assert [replace(r, mark=nowhere) for r in found] == [exported]
    assert isinstance(exported, ServiceInVnet) and (exported.vnet, exported.subnet) == (
        "prod-vnet",
        "FrontEnd",
    )
    line, column = _at(text, '"/subscriptions/')
    assert found[0].mark == Mark("apim.json", line, column=column)


def test_a_peering_child_and_a_role_assignment_s_scope_are_read_as_their_rows_write_them():
    found = bicep.read("main.bicep", BICEP.encode()).resources
    (peering,) = [r for r in found if isinstance(r, VnetPeering)]
    assert (peering.name, peering.vnet, peering.peer) == ("to-classic", "prod-vnet", "hub")
    assert peering.vnet_subscription == "8c3f2a1e-5b7d-4e9a-a1c2-3d4e5f6a7b8c"
    (assignment,) = [r for r in found if isinstance(r, RoleAssignment)]
    assert assignment.scope.text == "/providers/Microsoft.ClassicCompute/virtualMachines/web01"
    assert assignment.role_definition == "b24988ac-6180-42a0-ab88-20f7382dd24c"
    relative = TEMPLATE.replace(
        '"scope": "[variables(\'web01\')]"', '"scope": "Microsoft.ClassicCompute/virtualMachines/web01"'
    )
    found = inventory.read("azuredeploy.json", relative.encode()).resources
    (assignment,) = [r for r in found if isinstance(r, RoleAssignment)]
    assert assignment.scope.is_classic and assignment.scope.name == "web01"
    # Resource Manager resources alone manage nothing classic: no MIG601.
    assert not [r for r in found if isinstance(r, Script)]


def test_resources_that_reach_into_nothing_classic_give_nothing(tmp_path, monkeypatch):
    rm_only = (
        TEMPLATE.replace("Microsoft.ClassicNetwork/virtualNetworks", "Microsoft.Network/virtualNetworks")
        .replace("Microsoft.ClassicCompute/", "Microsoft.Compute/")
        .replace(
            "Microsoft.Compute/domainNames', 'websvc'", "Microsoft.Compute/virtualMachineScaleSets', 'websvc'"
        )
    )
    rm_only = rm_only.replace(
        '"contentVersion"', '"metadata": {"replaces": "Microsoft.ClassicCompute"},\n  "contentVersion"'
    )
    assert inventory._template("azuredeploy.json", rm_only) is None
    result = lint_files(tmp_path, monkeypatch, {"templates/azuredeploy.json": rm_only}, dedent=False)
    assert where(result.findings) == []
    rm_bicep = BICEP.replace("Microsoft.Classic", "Microsoft.")
    assert not bicep.read("main.bicep", rm_bicep.encode()).resources


def test_a_template_of_looped_resource_manager_resources_is_read_in_linear_time():
    def make(n: int):
        subnet = "[concat(variables('vnet'), '/subnets/s', copyIndex())]"
        resources = [
            {
                "type": "Microsoft.ApiManagement/service",
                "name": f"[concat('apim{i}-', copyIndex())]",
                "copy": {"name": f"l{i}", "count": 50},
                "properties": {
                    "virtualNetworkConfiguration": {"subnetResourceId": subnet},
                    "padding": ["x"] * 20,
                },
            }
            for i in range(n)
        ]
        variables = {"vnet": "/providers/Microsoft.ClassicNetwork/virtualNetworks/prod-vnet"}
        template = {
            "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
        }
        text = json.dumps({**template, "variables": variables, "resources": resources})

        def work() -> None:
            inventory.read("t.json", text.encode())

        return work

    assert_linear(make, 8)


def test_an_extension_declared_by_type_and_name_is_scoped_to_the_resource_it_extends(tmp_path, monkeypatch):
    """`<type>/providers/roleAssignments` named `<resource>/Microsoft.Authorization/<id>`, as templates wrote
    an assignment before `scope`: on that resource; it declares no resource of the type it extends, and
    one whose name is not known (`guid(...)`) says nothing."""
    assignment = {
        "type": "Microsoft.ClassicCompute/virtualMachines/providers/roleAssignments",
        "apiVersion": "2015-07-01",
        "name": "[concat(parameters('vmName'), '/Microsoft.Authorization/', parameters('id'))]",
        "properties": {
            "roleDefinitionId": "/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c",
            "principalId": "00000000-0000-0000-0000-000000000001",
        },
    }
    parameters = {
        "vmName": {"type": "string", "defaultValue": "web01"},
        "id": {"type": "string", "defaultValue": "6f1c1e2a-0000-4000-8000-000000000001"},
    }
    template = {"$schema": "https://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#"}
    text = json.dumps({**template, "parameters": parameters, "resources": [assignment]}, indent=2)
    found = inventory.read("rbac.json", text.encode()).resources
    (record,) = found
    assert isinstance(record, RoleAssignment)
    assert (record.name, record.scope.text) == (
        "6f1c1e2a-0000-4000-8000-000000000001",
        "/providers/Microsoft.ClassicCompute/virtualMachines/web01",
    )
    unnamed = text.replace("parameters('id')", "guid('operators')")
    result = lint_files(tmp_path, monkeypatch, {"rbac.json": unnamed}, dedent=False)
    assert where(result.findings) == []  # not MIG601: no classic VM is declared


def test_a_bicep_file_of_looped_resource_manager_resources_is_read_in_linear_time():
    def make(n: int):
        text = "var vnet = '/providers/Microsoft.ClassicNetwork/virtualNetworks/prod-vnet'\n" + "".join(
            f"resource a{i} 'Microsoft.ApiManagement/service@2021-08-01' = [for j in range(0, 50): {{\n"
            f"  name: 'apim{i}-${{j}}'\n  properties: {{\n    virtualNetworkConfiguration: {{\n"
            f"      subnetResourceId: '${{vnet}}/subnets/s${{j}}'\n    }}\n  }}\n}}]\n"
            for i in range(n)
        )
        data = text.encode()

        def work() -> None:
            bicep.read("main.bicep", data)

        return work

    assert_linear(make, 8)
