"""A `Microsoft.Compute/cloudServices` resource whose condition works out false on stated values (not only one
written `false`) is not deployed, so it is no evidence of Cloud Services (extended support), in an ARM JSON
template as in Bicep; one whose condition is not known may be deployed, and stays evidence."""

from __future__ import annotations

import json

import pytest

from migcheck.model import ExtendedSupportService
from migcheck.readers import bicep, read_document

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"


def _template(condition: object, env: dict) -> str:
    resource = {
        "type": "Microsoft.Compute/cloudServices",
        "apiVersion": "2022-04-04",
        "name": "shop",
        "condition": condition,
        "properties": {"roleProfile": {"roles": [{"name": "Web"}]}},
    }
    template = {"$schema": SCHEMA, "contentVersion": "1.0.0.0", "parameters": {"env": env}}
    return json.dumps({**template, "resources": [resource]}, indent=2)


def _evidence(document) -> list[str]:
    found = document.resources if document is not None else ()
    return [r.name for r in found if isinstance(r, ExtendedSupportService)]


@pytest.mark.parametrize(
    ("condition", "env", "evidence"),
    [
        ("[equals(parameters('env'), 'prod')]", {"type": "string", "defaultValue": "test"}, []),
        ("[not(equals(parameters('env'), 'test'))]", {"type": "string", "defaultValue": "test"}, []),
        ("[equals(parameters('env'), 'prod')]", {"type": "string", "defaultValue": "prod"}, ["shop"]),
        ("[equals(parameters('env'), 'prod')]", {"type": "string"}, ["shop"]),  # not known: may be deployed
        (False, {"type": "string"}, []),
    ],
)
def test_a_json_cloud_service_is_evidence_unless_its_condition_works_out_false(condition, env, evidence):
    document = read_document("azuredeploy.json", _template(condition, env).encode(), explicit=False)
    assert _evidence(document) == evidence


BICEP = """\
param env string{default}

resource cs 'Microsoft.Compute/cloudServices@2022-04-04' = if (env == 'prod') {{
  name: 'shop'
  properties: {{}}
}}
"""


@pytest.mark.parametrize(
    ("default", "evidence"), [(" = 'test'", []), (" = 'prod'", ["shop"]), ("", ["shop"])]
)
def test_a_bicep_cloud_service_is_evidence_unless_its_condition_works_out_false(default, evidence):
    document = bicep.read("main.bicep", BICEP.format(default=default).encode())
    assert _evidence(document) == evidence
