"""MIG501 on a role assignment that an ARM template or a Bicep file scopes to a classic VM of the resource group it
is deployed to: the fix's `Get-AzRoleAssignment -Scope` names a whole id, with the subscription and resource group
to fill in, where it named `/providers/Microsoft.ClassicCompute/virtualMachines/web01`, which the cmdlet refuses."""

from __future__ import annotations

import json

from lint_support import lint_files

WHOLE = (
    "`Get-AzRoleAssignment -Scope /subscriptions/<subscription id>/resourceGroups/<resource group>/providers/"
    "Microsoft.ClassicCompute/virtualMachines/web01`"
)
ROLE = "9980e02c-c2be-4d73-94e8-173b1dc7cf3c"  # Virtual Machine Contributor
TEMPLATE = {
    "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
    "contentVersion": "1.0.0.0",
    "resources": [
        {
            "type": "Microsoft.Authorization/roleAssignments",
            "apiVersion": "2022-04-01",
            "name": "6f1c2b3a-1111-4222-8333-944455556666",
            "scope": "Microsoft.ClassicCompute/virtualMachines/web01",
            "properties": {
                "roleDefinitionId": f"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{ROLE}')]",
                "principalId": "11111111-2222-3333-4444-555555555555",
                "principalType": "User",
            },
        }
    ],
}
BICEP = f"""\
    resource vm 'Microsoft.ClassicCompute/virtualMachines@2016-04-01' existing = {{
      name: 'web01'
    }}

    resource ra 'Microsoft.Authorization/roleAssignments@2022-04-01' = {{
      name: guid(vm.id, 'ops')
      scope: vm
      properties: {{
        roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{ROLE}')
        principalId: '11111111-2222-3333-4444-555555555555'
        principalType: 'User'
      }}
    }}
    """


def test_an_arm_template_s_assignment_is_recorded_by_a_whole_id(tmp_path, monkeypatch):
    files = {"azuredeploy.json": json.dumps(TEMPLATE, indent=2)}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG501", dedent=False).findings
    assert finding.message.startswith("role 'Virtual Machine Contributor' is assigned to User")
    assert finding.fix is not None and finding.fix.startswith(
        f"Before migrating, record this assignment ({WHOLE}"
    )


def test_a_bicep_assignment_scoped_to_a_vm_symbol_is_recorded_by_a_whole_id(tmp_path, monkeypatch):
    [finding] = lint_files(tmp_path, monkeypatch, {"main.bicep": BICEP}, "MIG501").findings
    assert (
        finding.fix is not None
        and f"({WHOLE} or `az role assignment list --scope /subscriptions/" in finding.fix
    )
    assert ", or keep this file, which states it)" in finding.fix
