"""A role assignment of a classic role whose scope a template writes from the scope it is deployed to is
read as one on that scope, however it is written: `resourceGroup()` and `subscription()` give the
deployment's group and subscription (stand-ins named after the file), so an id built of them
(`format('/subscriptions/{0}/resourceGroups/{1}', subscription().subscriptionId, resourceGroup().name)`,
`concat(subscription().id, '/resourceGroups/', resourceGroup().name)`) names that group, and
`subscriptionResourceId(subscription().subscriptionId, ...)` the resource it names. A Bicep module and an
ARM linked template are deployed to their caller's group, or the one the call names (`scope:
resourceGroup('classic-rg')`, `"resourceGroup": "classic-rg"`). Values built of the group that are no id keep
the words of a value partly known."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

from migcheck.inventory_model import ClassicNetwork
from migcheck.readers import bicep

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
CLASSIC_VM_CONTRIBUTOR = "d73bb868-a0df-4d4d-bd69-98a00b01fccb"
CSCFG = (
    '<ServiceConfiguration serviceName="shop" '
    'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">\n'
    '  <Role name="Web"><Instances count="2" /></Role>\n'
    "</ServiceConfiguration>\n"
)
ROLE = f"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{CLASSIC_VM_CONTRIBUTOR}')]"


def _assignment(scope: str | None = None) -> dict:
    assignment: dict = {
        "type": "Microsoft.Authorization/roleAssignments",
        "apiVersion": "2022-04-01",
        "name": "[guid(resourceGroup().id, parameters('principalId'))]",
        "properties": {"roleDefinitionId": ROLE, "principalId": "[parameters('principalId')]"},
    }
    if scope is not None:
        assignment["scope"] = scope
    return assignment


def _template(*resources: dict) -> str:
    parameters = {"principalId": {"type": "string"}}
    return json.dumps({"$schema": SCHEMA, "parameters": parameters, "resources": list(resources)}, indent=2)


def _messages(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    files = {**files, "ServiceConfiguration.Cloud.cscfg": CSCFG}
    return sorted(
        f.message for f in lint_files(tmp_path, monkeypatch, files, "MIG501", dedent=False).findings
    )


@pytest.mark.parametrize(
    "scope",
    [
        "[format('/subscriptions/{0}/resourceGroups/{1}', subscription().subscriptionId, resourceGroup().name)]",
        "[concat(subscription().id, '/resourceGroups/', resourceGroup().name)]",
        "[resourceGroup().id]",
    ],
)
def test_a_scope_built_of_the_deployment_s_group_is_that_group(tmp_path, monkeypatch, scope):
    [message] = _messages(tmp_path, monkeypatch, {"roles.json": _template(_assignment(scope))})
    assert "on resource group '<resource group roles.json is deployed to>'" in message


@pytest.mark.parametrize(
    "scope",
    [
        "[subscriptionResourceId(subscription().subscriptionId, 'Microsoft.ClassicCompute/domainNames', 'shop')]",
        "[resourceId(subscription().subscriptionId, resourceGroup().name, "
        "'Microsoft.ClassicCompute/domainNames', 'shop')]",
    ],
)
def test_a_classic_id_of_the_deployment_s_subscription_is_that_resource_s(tmp_path, monkeypatch, scope):
    [message] = _messages(tmp_path, monkeypatch, {"roles.json": _template(_assignment(scope))})
    assert "on classic cloud service 'shop'" in message


BICEP_ROLES = f"""\
param principalId string

resource classicContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {{
  name: guid(resourceGroup().id, principalId)
  SCOPE
  properties: {{
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{CLASSIC_VM_CONTRIBUTOR}')
    principalId: principalId
  }}
}}
"""


def test_a_bicep_assignment_scoped_to_resource_group_is_on_the_file_s_group(tmp_path, monkeypatch):
    text = BICEP_ROLES.replace("SCOPE", "scope: resourceGroup()")
    assert bicep.sniff(text.encode())
    [message] = _messages(tmp_path, monkeypatch, {"roles.bicep": text})
    assert "on resource group '<resource group roles.bicep is deployed to>'" in message


MAIN_BICEP = """\
param principalId string

module here './roles.bicep' = {
  name: 'here'
  params: {
    principalId: principalId
  }
}

module there './roles.bicep' = {
  name: 'there'
  scope: resourceGroup('classic-rg')
  params: {
    principalId: principalId
  }
}
"""


def test_a_bicep_module_is_deployed_to_its_caller_s_group_or_the_one_its_scope_names(tmp_path, monkeypatch):
    files = {"main.bicep": MAIN_BICEP, "roles.bicep": BICEP_ROLES.replace("SCOPE", "")}
    here, there = _messages(tmp_path, monkeypatch, files)
    assert "on resource group '<resource group main.bicep is deployed to>'" in here
    assert "on resource group 'classic-rg'" in there


def _deployment(name: str, group: str | None = None) -> dict:
    deployment: dict = {
        "type": "Microsoft.Resources/deployments",
        "apiVersion": "2022-09-01",
        "name": name,
        "properties": {
            "mode": "Incremental",
            "templateLink": {"relativePath": "nested/roles.json"},
            "parameters": {"principalId": {"value": "[parameters('principalId')]"}},
        },
    }
    if group is not None:
        deployment["resourceGroup"] = group
    return deployment


def test_a_linked_template_is_deployed_to_its_caller_s_group_or_the_one_its_deployment_names(
    tmp_path, monkeypatch
):
    files = {
        "main.json": _template(_deployment("here"), _deployment("there", "classic-rg")),
        "nested/roles.json": _template(_assignment()),
    }
    here, there = _messages(tmp_path, monkeypatch, files)
    assert "on resource group '<resource group main.json is deployed to>'" in here
    assert "on resource group 'classic-rg'" in there


def test_a_classic_name_built_of_the_group_s_name_keeps_the_words_of_a_value_partly_known():
    text = """\
resource vnet 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = {
  name: '${resourceGroup().name}-vnet'
  location: resourceGroup().location
  properties: {
    addressSpace: {
      addressPrefixes: ['10.0.0.0/16']
    }
    subnets: [
      {
        name: 'web'
        addressPrefix: '10.0.1.0/24'
      }
    ]
  }
}
"""
    [network] = [r for r in bicep.read("net.bicep", text.encode()).resources if isinstance(r, ClassicNetwork)]
    assert network.name == "<virtual network name, …-vnet, net.bicep:2:9>"


def _nested(evaluation: str, resource: dict) -> dict:
    template = {"$schema": SCHEMA, "resources": [resource]}
    return {
        "type": "Microsoft.Resources/deployments",
        "apiVersion": "2022-09-01",
        "name": "classic-roles",
        "resourceGroup": "classic-rg",
        "properties": {
            "mode": "Incremental",
            "expressionEvaluationOptions": {"scope": evaluation},
            "template": template,
        },
    }


@pytest.mark.parametrize(
    ("evaluation", "scope"), [("outer", None), ("inner", "[resourceGroup().id]")], ids=["outer", "inner"]
)
def test_an_inline_nested_deployment_s_assignment_is_on_the_group_the_deployment_names(
    tmp_path, monkeypatch, evaluation, scope
):
    assignment = _assignment(scope)
    assignment["properties"]["principalId"] = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
    assignment["name"] = "[guid('classic-roles')]"
    text = json.dumps({"$schema": SCHEMA, "resources": [_nested(evaluation, assignment)]}, indent=2)
    [message] = _messages(tmp_path, monkeypatch, {"roles.json": text})
    assert "on resource group 'classic-rg'" in message
