"""A finding about a value of a classic resource that a Bicep module or ARM linked template is given by its
caller (`params: {prefix: '10.0.0.1/16'}`, `"parameters": {"prefix": {"value": "10.0.0.1/16"}}`) points
where the caller writes that value, which is where a user changes it, as a script's finding points at the
argument its caller writes; a value the module writes itself is still marked in the module."""

from __future__ import annotations

import json

from lint_support import lint_files, where

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"

VNET_BICEP = """\
param vnetName string
param prefix string

resource vnet 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = {
  name: vnetName
  location: 'westeurope'
  properties: {
    addressSpace: {
      addressPrefixes: [prefix]
    }
    subnets: [
      {
        name: 'web'
        addressPrefix: '10.0.1.00/24'
      }
    ]
  }
}
"""
MAIN_BICEP = """\
module net './vnet.bicep' = {
  name: 'net'
  params: {
    vnetName: 'shop-vnet'
    prefix: '10.0.0.1/16'
  }
}
"""


def test_a_bicep_module_s_prefix_its_caller_passes_is_mig304_in_the_caller(tmp_path, monkeypatch):
    files = {"main.bicep": MAIN_BICEP, "vnet.bicep": VNET_BICEP}
    result = lint_files(tmp_path, monkeypatch, files, "MIG304", dedent=False)
    assert sorted(where(result.findings)) == ["MIG304 main.bicep:5:13", "MIG304 vnet.bicep:14:24"]


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


def test_an_arm_linked_template_s_prefix_its_deployment_passes_is_mig304_in_the_deployment(
    tmp_path, monkeypatch
):
    deployment = {
        "type": "Microsoft.Resources/deployments",
        "apiVersion": "2022-09-01",
        "name": "net",
        "properties": {
            "mode": "Incremental",
            "templateLink": {"relativePath": "nested/vnet.json"},
            "parameters": {"vnetName": {"value": "shop-vnet"}, "prefix": {"value": "10.0.0.1/16"}},
        },
    }
    main = json.dumps({"$schema": SCHEMA, "resources": [deployment]}, indent=2)
    line = next(n for n, text in enumerate(main.splitlines(), 1) if "10.0.0.1/16" in text)
    files = {"main.json": main, "nested/vnet.json": _vnet_template()}
    result = lint_files(tmp_path, monkeypatch, files, "MIG304", dedent=False)
    assert where(result.findings) == [f"MIG304 main.json:{line}:22"]
