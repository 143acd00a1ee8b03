"""Only `<name>.parameters.json` was taken for the parameters file of the ARM template `<name>.json`. The
portal's export writes `template.json` beside `parameters.json`, and repositories name the pair
`cses.template.json` and `cses.parameters.json` or write the singular `cses.parameter.json`: a cloud service
named by a parameter of such a template (`[parameters('cloudServiceName')]`) was "a cloud service the file does
not name", and the project of that name elsewhere stayed a classic cloud service (MIG101 as an error). These
names are now looked for too; a parameters file named after another template is still not this one's."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, where

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
CSDEF = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceDefinition name="{name}" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web" vmsize="Standard_D1_v2" />
</ServiceDefinition>
"""
TEMPLATE = json.dumps(
    {
        "$schema": SCHEMA,
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
PARAMETERS = json.dumps(
    {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
        "contentVersion": "1.0.0.0",
        "parameters": {"cloudServiceName": {"value": "billing"}},
    },
    indent=2,
)


def _said(tmp_path, monkeypatch, template: str, parameters: str) -> list[tuple[str, str]]:
    files = {
        "src/billing/ServiceDefinition.csdef": CSDEF.format(name="billing"),
        f"deploy/{template}": TEMPLATE,
        f"deploy/{parameters}": PARAMETERS,
    }
    found = lint_files(tmp_path, monkeypatch, files, "MIG101").findings
    return [(w, f.severity.name.lower()) for w, f in zip(where(found), found, strict=True)]


@pytest.mark.parametrize(
    ("template", "parameters"),
    [
        ("template.json", "parameters.json"),
        ("cses.template.json", "cses.parameters.json"),
        ("cses-template.json", "cses-parameter.json"),
        ("cses.json", "cses.parameter.json"),
    ],
)
def test_the_parameters_file_of_the_pair_names_the_service(tmp_path, monkeypatch, template, parameters):
    assert _said(tmp_path, monkeypatch, template, parameters) == [
        ("MIG101 src/billing/ServiceDefinition.csdef:3:3", "warning")
    ]


def test_a_parameters_file_named_after_no_template_of_the_folder_gives_nothing(tmp_path, monkeypatch):
    assert _said(tmp_path, monkeypatch, "azuredeploy.json", "parameters.json") == [
        ("MIG101 deploy/azuredeploy.json:11:15", "warning"),
        ("MIG101 src/billing/ServiceDefinition.csdef:3:3", "error"),
    ]
