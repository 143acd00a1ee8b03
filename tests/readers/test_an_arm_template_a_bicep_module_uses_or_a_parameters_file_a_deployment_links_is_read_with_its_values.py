"""An ARM JSON template a Bicep module uses (`module net './vnet.json' = {params: {...}}`, which Bicep
deploys as it is) is read through the module, its parameters given the values the module passes, as a
Bicep module's file is, and not again alone; an ARM deployment that links its template's parameters file
by a path of the repository (`"parametersLink": {"uri": "nested/vnet.parameters.json"}`) reads the
template with that file's values, a finding about one of them pointing where the file writes it. A prefix a
template leaves to a parameter given no value is not stated, and not said to be a bad one."""

from __future__ import annotations

import json

from lint_support import lint_files, where

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
PARAMETERS = "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#"


def _vnet_template() -> str:
    vnet = {
        "type": "Microsoft.ClassicNetwork/virtualNetworks",
        "apiVersion": "2016-11-01",
        "name": "[parameters('vnetName')]",
        "location": "westeurope",
        "properties": {
            "addressSpace": {"addressPrefixes": ["[parameters('prefix')]"]},
            "subnets": [{"name": "web", "addressPrefix": "10.0.1.0/24"}],
        },
    }
    parameters = {"vnetName": {"type": "string"}, "prefix": {"type": "string"}}
    return json.dumps({"$schema": SCHEMA, "parameters": parameters, "resources": [vnet]}, indent=2)


MAIN_BICEP = """\
module net './vnet.json' = {
  name: 'net'
  params: {
    vnetName: 'shop-vnet'
    prefix: '10.0.0.1/16'
  }
}
"""


def _line(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_an_arm_template_a_bicep_module_uses_is_read_with_the_values_the_module_passes(tmp_path, monkeypatch):
    files = {"main.bicep": MAIN_BICEP, "vnet.json": _vnet_template()}
    result = lint_files(tmp_path, monkeypatch, files, "MIG304", "MIG601", dedent=False)
    assert sorted(where(result.findings)) == ["MIG304 main.bicep:5:13", "MIG601 vnet.json:12:5"]
    assert "virtual network 'shop-vnet'" in next(f.message for f in result.findings if f.code == "MIG304")


def test_a_parameters_file_a_deployment_links_gives_the_linked_template_its_values(tmp_path, monkeypatch):
    deployment = {
        "type": "Microsoft.Resources/deployments",
        "apiVersion": "2022-09-01",
        "name": "net",
        "properties": {
            "mode": "Incremental",
            "templateLink": {"relativePath": "nested/vnet.json"},
            "parametersLink": {"uri": "nested/vnet.parameters.json"},
        },
    }
    values = {"vnetName": {"value": "shop-vnet"}, "prefix": {"value": "10.0.0.1/16"}}
    parameters = json.dumps(
        {"$schema": PARAMETERS, "contentVersion": "1.0.0.0", "parameters": values}, indent=2
    )
    files = {
        "main.json": json.dumps({"$schema": SCHEMA, "resources": [deployment]}, indent=2),
        "nested/vnet.json": _vnet_template(),
        "nested/vnet.parameters.json": parameters,
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG304", dedent=False)
    assert where(result.findings) == [
        f"MIG304 nested/vnet.parameters.json:{_line(parameters, '10.0.0.1')}:16"
    ]
    assert "virtual network 'shop-vnet'" in result.findings[0].message


def test_a_prefix_left_to_a_parameter_given_no_value_is_no_bad_prefix(tmp_path, monkeypatch):
    assert (
        lint_files(tmp_path, monkeypatch, {"vnet.json": _vnet_template()}, "MIG304", dedent=False).findings
        == []
    )
