"""An ARM template or Bicep file whose only resource is a role assignment of a built-in role that grants
rights on classic resources only (Classic Virtual Machine Contributor, by its definition's GUID) is read for
that assignment: MIG501 says of it what it says of the same assignment in an export, on the resource group
the template is deployed to when it writes no `scope` (a stand-in named after the file), or on the
deployment's group or subscription its `scope` names (`[resourceGroup().id]`, `[subscription().id]`)."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, where

from migcheck.inventory_model import RoleAssignment
from migcheck.readers import bicep, inventory

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
CLASSIC_VM_CONTRIBUTOR = "d73bb868-a0df-4d4d-bd69-98a00b01fccb"
READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7"
CSCFG = (
    '<ServiceConfiguration serviceName="shop" '
    'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">\n'
    '  <Role name="Web"><Instances count="2" /></Role>\n'
    "</ServiceConfiguration>\n"
)


def _template(role: str = CLASSIC_VM_CONTRIBUTOR, scope: str | None = None) -> str:
    assignment: dict = {
        "type": "Microsoft.Authorization/roleAssignments",
        "apiVersion": "2022-04-01",
        "name": "[guid(resourceGroup().id, parameters('principalId'))]",
    }
    if scope is not None:
        assignment["scope"] = scope
    assignment["properties"] = {
        "roleDefinitionId": f"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{role}')]",
        "principalId": "[parameters('principalId')]",
    }
    template = {
        "$schema": SCHEMA,
        "parameters": {"principalId": {"type": "string"}},
        "resources": [assignment],
    }
    return json.dumps(template, indent=2)


BICEP = f"""\
param principalId string

resource classicContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {{
  name: guid(resourceGroup().id, principalId)
  properties: {{
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{CLASSIC_VM_CONTRIBUTOR}')
    principalId: principalId
  }}
}}
"""


def _line(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_a_template_whose_only_resource_assigns_a_classic_role_is_read_for_it():
    text = _template()
    assert inventory.sniff(text.encode())
    document = inventory.read("roles.json", text.encode())
    [assignment] = document.resources
    assert isinstance(assignment, RoleAssignment)
    assert assignment.role_definition == CLASSIC_VM_CONTRIBUTOR
    assert assignment.scope.resource_group == "<resource group roles.json is deployed to>"


def test_a_template_that_assigns_another_role_only_is_not_read():
    assert not inventory.sniff(_template(READER).encode())


@pytest.mark.parametrize("scope", [None, "[resourceGroup().id]"])
def test_a_classic_role_assigned_on_the_deployment_s_group_is_mig501_there(tmp_path, monkeypatch, scope):
    text = _template(scope=scope)
    files = {"infra/roles.json": text, "pkg/ServiceConfiguration.Cloud.cscfg": CSCFG}
    result = lint_files(tmp_path, monkeypatch, files, "MIG501", dedent=False)
    assert where(result.findings) == [f"MIG501 infra/roles.json:{_line(text, 'roleDefinitionId')}:29"]
    [finding] = result.findings
    assert "role 'Classic Virtual Machine Contributor'" in finding.message
    assert "on resource group '<resource group roles.json is deployed to>'" in finding.message


def test_a_classic_role_assigned_on_the_deployment_s_subscription_is_mig501_there(tmp_path, monkeypatch):
    files = {"roles.json": _template(scope="[subscription().id]"), "ServiceConfiguration.Cloud.cscfg": CSCFG}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG501", dedent=False).findings
    assert "on subscription <subscription roles.json is deployed to>:" in finding.message


def test_a_bicep_file_that_assigns_a_classic_role_is_mig501_on_its_deployment_s_group(tmp_path, monkeypatch):
    assert bicep.sniff(BICEP.encode())
    files = {"roles.bicep": BICEP, "ServiceConfiguration.Cloud.cscfg": CSCFG}
    result = lint_files(tmp_path, monkeypatch, files, "MIG501", dedent=False)
    assert where(result.findings) == [f"MIG501 roles.bicep:{_line(BICEP, 'roleDefinitionId')}:23"]
    assert "on resource group '<resource group roles.bicep is deployed to>'" in result.findings[0].message


def test_a_classic_role_assigned_where_nothing_classic_is_checked_is_said_nothing_of(tmp_path, monkeypatch):
    # As of the same assignment in an export: nothing says the group holds a resource to migrate.
    assert (
        lint_files(tmp_path, monkeypatch, {"roles.json": _template()}, "MIG501", dedent=False).findings == []
    )


def test_an_export_s_assignment_on_a_group_of_a_subscription_to_fill_in_is_mig501_as_the_template_s(
    tmp_path, monkeypatch
):
    # Zeros name no subscription: the group is one of the subscription the files are of, as the template's.
    row = {
        "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/shop-rg/providers/"
        "Microsoft.Authorization/roleAssignments/1a2b3c4d-0000-4000-8000-000000000001",
        "name": "1a2b3c4d-0000-4000-8000-000000000001",
        "type": "microsoft.authorization/roleassignments",
        "properties": {
            "scope": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/shop-rg",
            "roleDefinitionId": f"/providers/Microsoft.Authorization/roleDefinitions/{CLASSIC_VM_CONTRIBUTOR}",
            "principalId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
        },
    }
    files = {"rbac.json": json.dumps([row], indent=2), "ServiceConfiguration.Cloud.cscfg": CSCFG}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG501", dedent=False).findings
    assert (
        "on resource group 'shop-rg' of subscription 00000000-0000-0000-0000-000000000000" in finding.message
    )
