"""A Bicep file is deployed with a JSON parameters file as an ARM template is (`az deployment group create
--template-file main.bicep --parameters main.parameters.json`), but only a `.bicepparam` file gave it values:
a cloud service named by a parameter that `main.parameters.json` sets was "a cloud service the file does not
name", and the project of that name stayed a classic cloud service (MIG101 as an error). The parameters file
beside the Bicep file, of the names a template's has, now gives it its values, under the names the Bicep file
declares (matched case-insensitively, as Resource Manager matches them)."""

from __future__ import annotations

import json

from lint_support import lint_files, where

CSDEF = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceDefinition name="billing" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web" vmsize="Standard_D1_v2" />
</ServiceDefinition>
"""
MAIN = """\
param cloudServiceName string

resource cs 'Microsoft.Compute/cloudServices@2022-09-04' = {
  name: cloudServiceName
  location: resourceGroup().location
  properties: {
    upgradeMode: 'Auto'
  }
}
"""


def _parameters(name: str) -> str:
    values = {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
        "contentVersion": "1.0.0.0",
        "parameters": {name: {"value": "billing"}},
    }
    return json.dumps(values, indent=2)


def _said(tmp_path, monkeypatch, files: dict[str, str]) -> list[tuple[str, str]]:
    files = {"src/billing/ServiceDefinition.csdef": CSDEF, **files}
    found = lint_files(tmp_path, monkeypatch, files, "MIG101").findings
    return [(w, f.severity.name.lower()) for w, f in zip(where(found), found, strict=True)]


def test_main_parameters_json_names_the_service_of_main_bicep(tmp_path, monkeypatch):
    files = {"infra/main.bicep": MAIN, "infra/main.parameters.json": _parameters("CloudServiceName")}
    assert _said(tmp_path, monkeypatch, files) == [
        ("MIG101 src/billing/ServiceDefinition.csdef:3:3", "warning")
    ]


def test_a_parameters_file_of_a_name_the_bicep_file_does_not_declare_gives_nothing(tmp_path, monkeypatch):
    files = {"infra/main.bicep": MAIN, "infra/main.parameters.json": _parameters("serviceName")}
    assert _said(tmp_path, monkeypatch, files) == [
        ("MIG101 infra/main.bicep:3:1", "warning"),
        ("MIG101 src/billing/ServiceDefinition.csdef:3:3", "error"),
    ]
