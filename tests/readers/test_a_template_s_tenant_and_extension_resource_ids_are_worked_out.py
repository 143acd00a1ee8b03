"""`tenantResourceId` and `extensionResourceId`, which an ARM template or Bicep file writes for a built-in
role's definition (`tenantResourceId('Microsoft.Authorization/roleDefinitions', '<guid>')`,
`extensionResourceId(subscription().id, ...)`), were not worked out: the assignment of a classic-only role
written so was read as of no known role, and MIG501 said nothing of it. They give the ids Resource Manager
documents: `/providers/<type>/<name>` at the tenant's scope, the scope's id then `/providers/...` for an
extension resource."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, where

from migcheck.readers.arm_expressions import extension_resource_id, tenant_resource_id
from migcheck.readers.template_values import Unknown, deployment_group

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
CLASSIC_VM_CONTRIBUTOR = "d73bb868-a0df-4d4d-bd69-98a00b01fccb"
DEFINITIONS = "Microsoft.Authorization/roleDefinitions"
CSCFG = (
    '<ServiceConfiguration serviceName="shop" '
    'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">\n'
    '  <Role name="Web"><Instances count="2" /></Role>\n'
    "</ServiceConfiguration>\n"
)
WRITTEN = [
    f"tenantResourceId('{DEFINITIONS}', '{CLASSIC_VM_CONTRIBUTOR}')",
    f"extensionResourceId(subscription().id, '{DEFINITIONS}', '{CLASSIC_VM_CONTRIBUTOR}')",
]


def test_the_ids_are_those_resource_manager_documents():
    assert tenant_resource_id([DEFINITIONS, "g"]) == f"/providers/{DEFINITIONS}/g"
    assert extension_resource_id(["/subscriptions/s/", DEFINITIONS, "g"]) == (
        f"/subscriptions/s/providers/{DEFINITIONS}/g"
    )
    group = deployment_group("main.json")["id"]
    assert extension_resource_id([group, "Microsoft.Authorization/locks", "keep"]) == (
        "/subscriptions/<subscription main.json is deployed to>/resourceGroups/<resource group main.json is "
        "deployed to>/providers/Microsoft.Authorization/locks/keep"
    )
    assert isinstance(tenant_resource_id(["g"]), Unknown)
    assert isinstance(extension_resource_id([Unknown(), DEFINITIONS, "g"]), Unknown)
    assert isinstance(extension_resource_id(["/subscriptions/s", DEFINITIONS, Unknown()]), Unknown)


@pytest.mark.parametrize("written", WRITTEN)
def test_a_template_s_classic_role_written_so_is_mig501(tmp_path, monkeypatch, written):
    assignment = {
        "type": "Microsoft.Authorization/roleAssignments",
        "apiVersion": "2022-04-01",
        "name": "[guid(resourceGroup().id, parameters('principalId'))]",
        "properties": {"roleDefinitionId": f"[{written}]", "principalId": "[parameters('principalId')]"},
    }
    text = json.dumps(
        {"$schema": SCHEMA, "parameters": {"principalId": {"type": "string"}}, "resources": [assignment]},
        indent=2,
    )
    files = {"roles.json": text, "ServiceConfiguration.Cloud.cscfg": CSCFG}
    result = lint_files(tmp_path, monkeypatch, files, "MIG501", dedent=False)
    assert where(result.findings) == ["MIG501 roles.json:14:29"]
    assert "role 'Classic Virtual Machine Contributor'" in result.findings[0].message


@pytest.mark.parametrize("written", WRITTEN)
def test_a_bicep_file_s_classic_role_written_so_is_mig501(tmp_path, monkeypatch, written):
    text = (
        "param principalId string\n"
        "resource a 'Microsoft.Authorization/roleAssignments@2022-04-01' = {\n"
        "  name: guid(resourceGroup().id, principalId)\n"
        "  properties: {\n"
        f"    roleDefinitionId: {written}\n"
        "    principalId: principalId\n"
        "  }\n"
        "}\n"
    )
    files = {"roles.bicep": text, "ServiceConfiguration.Cloud.cscfg": CSCFG}
    result = lint_files(tmp_path, monkeypatch, files, "MIG501", dedent=False)
    assert where(result.findings) == ["MIG501 roles.bicep:5:23"]
    assert "role 'Classic Virtual Machine Contributor'" in result.findings[0].message
