"""A `Microsoft.Compute/cloudServices` resource of an ARM JSON template named by a parameter
(`"name": "[parameters('cloudServiceName')]"`, the way the platform's sample template for Cloud Services
(extended support) names it) was taken as naming no service, even where the parameter's default or the
parameters file beside the template gives its value: the project of that name elsewhere in the repository
stayed a classic cloud service (MIG101 as an error, "cannot migrate"), and the template alone said "a cloud
service the file does not name". The name is now worked out as any other value of the template is, as a
Bicep file's already was; a parameter with no value still names no service."""

from __future__ import annotations

import json

from lint_support import lint_files, where

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
CSDEF = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceDefinition name="{name}" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="{role}" vmsize="Standard_D1_v2" />
</ServiceDefinition>
"""


def _template(default: str | None) -> str:
    parameter: dict[str, object] = {"type": "string"}
    if default is not None:
        parameter["defaultValue"] = default
    resource = {
        "type": "Microsoft.Compute/cloudServices",
        "apiVersion": "2022-09-04",
        "name": "[parameters('cloudServiceName')]",
        "location": "[resourceGroup().location]",
        "properties": {"packageUrl": "[parameters('packageSasUri')]", "upgradeMode": "Auto"},
    }
    parameters = {"cloudServiceName": parameter, "packageSasUri": {"type": "securestring"}}
    return json.dumps(
        {"$schema": SCHEMA, "contentVersion": "1.0.0.0", "parameters": parameters, "resources": [resource]},
        indent=2,
    )


def _projects() -> dict[str, str]:
    # Two projects, so that the template's folder cannot tell which one it deploys: only its name can.
    return {
        "src/shop/ServiceDefinition.csdef": CSDEF.format(name="shop", role="Web"),
        "src/billing/ServiceDefinition.csdef": CSDEF.format(name="billing", role="Api"),
    }


def _said(found) -> list[tuple[str, str]]:
    return [(w, f.severity.name.lower()) for w, f in zip(where(found), found, strict=True)]


def test_a_parameter_s_default_names_the_project_it_deploys(tmp_path, monkeypatch):
    files = {**_projects(), "deploy/azuredeploy.json": _template("shop")}
    found = lint_files(tmp_path, monkeypatch, files, "MIG101").findings
    assert _said(found) == [
        ("MIG101 src/billing/ServiceDefinition.csdef:3:3", "error"),
        ("MIG101 src/shop/ServiceDefinition.csdef:3:3", "warning"),
    ]
    assert "'shop' is deployed as Cloud Services (extended support)" in found[1].message


def test_the_parameters_file_beside_the_template_names_it(tmp_path, monkeypatch):
    values = {
        "$schema": SCHEMA.replace("deploymentTemplate", "deploymentParameters"),
        "contentVersion": "1.0.0.0",
    }
    values["parameters"] = {"cloudServiceName": {"value": "billing"}}
    files = {
        **_projects(),
        "deploy/azuredeploy.json": _template("shop"),
        "deploy/azuredeploy.parameters.json": json.dumps(values, indent=2),
    }
    found = lint_files(tmp_path, monkeypatch, files, "MIG101").findings
    assert _said(found) == [
        ("MIG101 src/billing/ServiceDefinition.csdef:3:3", "warning"),
        ("MIG101 src/shop/ServiceDefinition.csdef:3:3", "error"),
    ]


def test_a_template_alone_names_the_service_of_its_default(tmp_path, monkeypatch):
    found = lint_files(tmp_path, monkeypatch, {"azuredeploy.json": _template("shop")}, "MIG101").findings
    (finding,) = found
    assert finding.message.startswith("cloud service 'shop' runs on Cloud Services (extended support)")


def test_a_parameter_with_no_value_still_names_no_service(tmp_path, monkeypatch):
    files = {**_projects(), "deploy/azuredeploy.json": _template(None)}
    found = lint_files(tmp_path, monkeypatch, files, "MIG101").findings
    assert _said(found) == [
        ("MIG101 deploy/azuredeploy.json:14:15", "warning"),
        ("MIG101 src/billing/ServiceDefinition.csdef:3:3", "error"),
        ("MIG101 src/shop/ServiceDefinition.csdef:3:3", "error"),
    ]
    assert found[0].message.startswith("a cloud service the file does not name runs on")


def test_a_linked_template_s_service_is_named_by_the_value_its_deployment_passes(tmp_path, monkeypatch):
    deployment = {
        "type": "Microsoft.Resources/deployments",
        "apiVersion": "2022-09-01",
        "name": "cloud-service",
        "properties": {
            "mode": "Incremental",
            "templateLink": {"relativePath": "nested/cs.json"},
            "parameters": {"cloudServiceName": {"value": "billing"}},
        },
    }
    main = {"$schema": SCHEMA, "contentVersion": "1.0.0.0", "resources": [deployment]}
    files = {
        **_projects(),
        "deploy/azuredeploy.json": json.dumps(main, indent=2),
        "deploy/nested/cs.json": _template(None),
    }
    found = lint_files(tmp_path, monkeypatch, files, "MIG101").findings
    assert _said(found) == [
        ("MIG101 src/billing/ServiceDefinition.csdef:3:3", "warning"),
        ("MIG101 src/shop/ServiceDefinition.csdef:3:3", "error"),
    ]
