"""A Bicep file of `targetScope = 'subscription'`, or an ARM template of the subscription's schema
(`subscriptionDeploymentTemplate.json`), deploys to a subscription: a role assignment it writes without a
`scope` is on that subscription, where MIG501 said it was on a resource group the file is deployed to. A
module it deploys to a group it declares (`scope: rg`) or names (`scope: resourceGroup('hub-rg')`), and a
nested deployment naming its `resourceGroup`, put their resources in that group, which the commands that
read them back name."""

from __future__ import annotations

import json

from lint_support import lint_files, where

CLASSIC_VM_CONTRIBUTOR = "d73bb868-a0df-4d4d-bd69-98a00b01fccb"
SUBSCRIPTION_SCHEMA = (
    "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#"
)
GROUP_SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
CSCFG = (
    '<ServiceConfiguration serviceName="shop" '
    'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">\n'
    '  <Role name="Web"><Instances count="2" /></Role>\n'
    "</ServiceConfiguration>\n"
)
CLASSIC_VNET = (
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/Default-Networking/providers/"
    "Microsoft.ClassicNetwork/virtualNetworks/vnet1"
)
ASSIGNMENT_BICEP = f"""\
resource a 'Microsoft.Authorization/roleAssignments@2022-04-01' = {{
  name: guid(subscription().id, principalId)
  properties: {{
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{CLASSIC_VM_CONTRIBUTOR}')
    principalId: principalId
  }}
}}
"""
PEERING_BICEP = f"""\
param peering string
resource p 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-05-01' = {{
  name: 'hub-vnet/${{peering}}'
  properties: {{
    remoteVirtualNetwork: {{
      id: '{CLASSIC_VNET}'
    }}
  }}
}}
"""


def _assignment() -> dict:
    return {
        "type": "Microsoft.Authorization/roleAssignments",
        "apiVersion": "2022-04-01",
        "name": "[guid(subscription().id, parameters('principalId'))]",
        "properties": {
            "roleDefinitionId": "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', "
            f"'{CLASSIC_VM_CONTRIBUTOR}')]",
            "principalId": "[parameters('principalId')]",
        },
    }


def _arm(schema: str, resources: list) -> str:
    template = {"$schema": schema, "parameters": {"principalId": {"type": "string"}}, "resources": resources}
    return json.dumps(template, indent=2)


def _mig501(tmp_path, monkeypatch, name: str, text: str) -> str:
    files = {name: text, "ServiceConfiguration.Cloud.cscfg": CSCFG}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG501", dedent=False).findings
    return finding.message


def test_a_bicep_file_of_a_subscription_s_scope_assigns_a_role_on_the_subscription(tmp_path, monkeypatch):
    text = "targetScope = 'subscription'\nparam principalId string\n" + ASSIGNMENT_BICEP
    message = _mig501(tmp_path, monkeypatch, "roles.bicep", text)
    assert "on subscription <subscription roles.bicep is deployed to>:" in message


def test_a_bicep_file_of_a_group_s_scope_still_assigns_it_on_the_group(tmp_path, monkeypatch):
    message = _mig501(tmp_path, monkeypatch, "roles.bicep", "param principalId string\n" + ASSIGNMENT_BICEP)
    assert "on resource group '<resource group roles.bicep is deployed to>'" in message


def test_an_arm_template_of_a_subscription_s_schema_assigns_a_role_on_the_subscription(tmp_path, monkeypatch):
    message = _mig501(tmp_path, monkeypatch, "roles.json", _arm(SUBSCRIPTION_SCHEMA, [_assignment()]))
    assert "on subscription <subscription roles.json is deployed to>:" in message


def test_its_nested_deployment_to_a_group_assigns_the_role_on_that_group(tmp_path, monkeypatch):
    nested = {
        "type": "Microsoft.Resources/deployments",
        "apiVersion": "2022-09-01",
        "name": "in-group",
        "resourceGroup": "shop-rg",
        "properties": {
            "mode": "Incremental",
            "template": {"$schema": GROUP_SCHEMA, "resources": [_assignment()]},
        },
    }
    message = _mig501(tmp_path, monkeypatch, "roles.json", _arm(SUBSCRIPTION_SCHEMA, [nested]))
    assert "on resource group 'shop-rg' of subscription <subscription roles.json is deployed to>" in message


def test_a_module_of_a_subscription_s_file_deletes_its_peering_in_the_group_it_is_deployed_to(
    tmp_path, monkeypatch
):
    main = """\
targetScope = 'subscription'
resource rg 'Microsoft.Resources/resourceGroups@2021-04-01' = {
  name: 'hub-rg'
  location: 'westeurope'
}
module declared 'peer.bicep' = {
  name: 'declared'
  scope: rg
  params: { peering: 'declared' }
}
module named 'peer.bicep' = {
  name: 'named'
  scope: resourceGroup('named-rg')
  params: { peering: 'named' }
}
"""
    files = {"main.bicep": main, "peer.bicep": PEERING_BICEP}
    result = lint_files(tmp_path, monkeypatch, files, "MIG313", dedent=False)
    assert where(result.findings) == ["MIG313 peer.bicep:6:11", "MIG313 peer.bicep:6:11"]
    fixes = sorted(f.fix or "" for f in result.findings)
    assert "-VirtualNetworkName 'hub-vnet' -ResourceGroupName 'hub-rg'`" in fixes[0]
    assert "-VirtualNetworkName 'hub-vnet' -ResourceGroupName 'named-rg'`" in fixes[1]
