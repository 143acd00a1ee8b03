"""A CI step that deploys an ARM template or Bicep file names its parameters file (GitHub Actions'
`Azure/arm-deploy` with `template:` and `parameters:`, Azure Pipelines' `AzureResourceManagerTemplateDeployment`
task with `csmFile` and `csmParametersFile`), which may have a name of its own (`parameter.arm.json` for
`arm.json`). Only the parameters file beside the template under its conventional names was read: a cloud
service named by a parameter of the template was "a cloud service the file does not name", and the project of
that name stayed a classic cloud service (MIG101 as an error). The file the step names now gives the template
its values; inline `name=value` parameters or a path of a variable name no file."""

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
TEMPLATE = json.dumps(
    {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        "contentVersion": "1.0.0.0",
        "parameters": {"cloudServiceName": {"type": "string"}},
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
BICEP = """\
param cloudServiceName string

resource cs 'Microsoft.Compute/cloudServices@2022-09-04' = {
  name: cloudServiceName
  location: resourceGroup().location
  properties: {
    upgradeMode: 'Auto'
  }
}
"""
PARAMETERS = json.dumps(
    {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
        "contentVersion": "1.0.0.0",
        "parameters": {"cloudServiceName": {"value": "billing"}},
    },
    indent=2,
)
WORKFLOW = """\
on: workflow_dispatch
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: Azure/arm-deploy@v1
        with:
          resourceGroupName: shop-rg
          template: {template}
          parameters: {parameters}
"""
AZURE_PIPELINE = """\
steps:
  - task: AzureResourceManagerTemplateDeployment@3
    inputs:
      deploymentScope: Resource Group
      csmFile: $(System.DefaultWorkingDirectory)/{template}
      csmParametersFile: '{parameters}'
"""
DEPLOYED = "MIG101 src/billing/ServiceDefinition.csdef:3:3", "warning"


def _said(tmp_path, monkeypatch, files: dict[str, str]) -> list[tuple[str, str]]:
    files = {"src/billing/ServiceDefinition.csdef": CSDEF, **files}
    found = lint_files(tmp_path, monkeypatch, files, "MIG101").findings
    return [(w, f.severity.name.lower()) for w, f in zip(where(found), found, strict=True)]


@pytest.mark.parametrize(
    ("pipeline", "written"),
    [
        (".github/workflows/deploy.yml", WORKFLOW),
        ("azure-pipelines.yml", AZURE_PIPELINE),
    ],
)
def test_the_parameters_file_the_step_names_gives_the_template_its_values(
    tmp_path, monkeypatch, pipeline, written
):
    files = {
        pipeline: written.format(template="infra/arm.json", parameters="infra/parameter.arm.json"),
        "infra/arm.json": TEMPLATE,
        "infra/parameter.arm.json": PARAMETERS,
    }
    assert _said(tmp_path, monkeypatch, files) == [DEPLOYED]


def test_a_bicep_file_the_step_deploys_takes_the_values_too(tmp_path, monkeypatch):
    files = {
        ".github/workflows/deploy.yml": WORKFLOW.format(
            template=r"infra\main.bicep", parameters=r"config\prod.json"
        ),
        "infra/main.bicep": BICEP,
        "config/prod.json": PARAMETERS,
    }
    assert _said(tmp_path, monkeypatch, files) == [DEPLOYED]


def test_inline_parameters_name_no_file(tmp_path, monkeypatch):
    files = {
        ".github/workflows/deploy.yml": WORKFLOW.format(
            template="infra/arm.json", parameters="cloudServiceName=billing"
        ),
        "infra/arm.json": TEMPLATE,
    }
    assert _said(tmp_path, monkeypatch, files) == [
        ("MIG101 infra/arm.json:11:15", "warning"),
        ("MIG101 src/billing/ServiceDefinition.csdef:3:3", "error"),
    ]
