"""A role assignment's scope whose subscription the file leaves to fill in (a template's `[subscription().id]`
or `[resourceGroup().id]`, read as `/subscriptions/<subscription roles.json is deployed to>`) is said in MIG501's
message and in every command of its fix as the reader wrote it, saying which subscription is meant; the blank
`<subscription id>` only for an id with no subscription in it at all."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

from migcheck.inventory_model import parse_id
from migcheck.rules.inventory import _subscription_as_written

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
CLASSIC_VM_CONTRIBUTOR = "d73bb868-a0df-4d4d-bd69-98a00b01fccb"
DEPLOYED_TO = "<subscription roles.json is deployed to>"


def _template(scope: str) -> str:
    classic_vm = {
        "type": "Microsoft.ClassicCompute/virtualMachines",
        "apiVersion": "2017-04-01",
        "name": "web01",
    }
    assignment = {
        "type": "Microsoft.Authorization/roleAssignments",
        "apiVersion": "2022-04-01",
        "name": "[guid(resourceGroup().id, 'ops')]",
        "scope": scope,
        "properties": {
            "roleDefinitionId": "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', "
            f"'{CLASSIC_VM_CONTRIBUTOR}')]",
            "principalId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
        },
    }
    return json.dumps({"$schema": SCHEMA, "resources": [classic_vm, assignment]}, indent=2)


@pytest.mark.parametrize("scope", ["[subscription().id]", "[resourceGroup().id]"])
def test_the_message_and_each_command_name_the_subscription_the_template_is_deployed_to(
    tmp_path, monkeypatch, scope
):
    [finding] = lint_files(
        tmp_path, monkeypatch, {"roles.json": _template(scope)}, "MIG501", dedent=False
    ).findings
    assert (
        f"of subscription {DEPLOYED_TO}:" in finding.message
        or f"on subscription {DEPLOYED_TO}:" in finding.message
    )
    assert "<subscription id>" not in finding.message + finding.fix
    assert finding.fix.count(f"/subscriptions/{DEPLOYED_TO}") >= 2


def test_an_id_without_a_subscription_leaves_a_blank():
    assert (
        _subscription_as_written(parse_id("Microsoft.ClassicCompute/virtualMachines/web01"))
        == "<subscription id>"
    )
    written = "/subscriptions/<subscription az is logged into>/resourceGroups/ops"
    assert _subscription_as_written(parse_id(written)) == "<subscription az is logged into>"
