"""The Azure Developer CLI deploys `infra/main.bicep` (or `main.json`) with `main.parameters.json`, whose values
it fills in from the environment first (`"value": "${AZURE_ENV_NAME}"`). Read as written, such a value named a
cloud service `${AZURE_ENV_NAME}`; it is now not known, so the parameter keeps its default (here the project's
name) as a parameter with no value in the file would."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, where

CSDEF = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceDefinition name="billing" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web" vmsize="Standard_D1_v2" />
</ServiceDefinition>
"""
BICEP = """\
param cloudServiceName string = 'billing'

resource cs 'Microsoft.Compute/cloudServices@2022-09-04' = {
  name: cloudServiceName
  location: resourceGroup().location
  properties: {
    upgradeMode: 'Auto'
  }
}
"""
TEMPLATE = json.dumps(
    {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        "contentVersion": "1.0.0.0",
        "parameters": {"cloudServiceName": {"type": "string", "defaultValue": "billing"}},
        "resources": [
            {
                "type": "Microsoft.Compute/cloudServices",
                "apiVersion": "2022-09-04",
                "name": "[parameters('cloudServiceName')]",
                "location": "[resourceGroup().location]",
                "properties": {"upgradeMode": "Auto"},
            }
        ],
    },
    indent=2,
)
PARAMETERS = json.dumps(
    {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
        "contentVersion": "1.0.0.0",
        "parameters": {"cloudServiceName": {"value": "${AZURE_ENV_NAME}"}},
    },
    indent=2,
)


@pytest.mark.parametrize(("name", "text"), [("main.bicep", BICEP), ("main.json", TEMPLATE)])
def test_the_default_stays_where_the_file_leaves_the_value_to_the_environment(
    tmp_path, monkeypatch, name, text
):
    files = {
        "src/billing/ServiceDefinition.csdef": CSDEF,
        f"infra/{name}": text,
        "infra/main.parameters.json": PARAMETERS,
    }
    found = lint_files(tmp_path, monkeypatch, files, "MIG101").findings
    assert [(w, f.severity.name.lower()) for w, f in zip(where(found), found, strict=True)] == [
        ("MIG101 src/billing/ServiceDefinition.csdef:3:3", "warning")
    ]
    assert "'billing' is deployed as Cloud Services (extended support)" in found[0].message
