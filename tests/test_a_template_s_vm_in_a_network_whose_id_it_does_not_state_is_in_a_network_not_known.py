"""A classic VM of an ARM template or Bicep file whose `virtualNetwork` is written with an `id` the file does
not state (a parameter given no value, or one it does not declare) is in a virtual network
the files do not name, not in none: no MIG105 ("in no virtual network"), and its network is the stand-in of
that id, a network whose definition is not in the files."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
IDS = {
    "undeclared parameter": "[parameters('vnetId')]",
    "parameter with no value": "[parameters('declaredId')]",
}


def _template(network_id: str) -> str:
    vm = {
        "type": "Microsoft.ClassicCompute/virtualMachines",
        "apiVersion": "2017-04-01",
        "name": "web1",
        "location": "westeurope",
        "properties": {"networkProfile": {"virtualNetwork": {"id": network_id, "subnetNames": ["FrontEnd"]}}},
    }
    parameters = {"declaredId": {"type": "string"}}
    body = {"$schema": SCHEMA, "contentVersion": "1.0.0.0", "parameters": parameters, "resources": [vm]}
    return json.dumps(body, indent=2)


BICEP = """\
param declaredId string

resource web1 'Microsoft.ClassicCompute/virtualMachines@2017-04-01' = {
  name: 'web1'
  location: 'westeurope'
  properties: {
    networkProfile: {
      virtualNetwork: {
        id: %s
        subnetNames: [ 'FrontEnd' ]
      }
    }
  }
}
"""


def _networks(result) -> list[str]:
    return [network.name for network in result.estate.virtual_networks]


@pytest.mark.parametrize("case", IDS)
def test_an_arm_template_s_vm_is_in_a_network_not_known(tmp_path, monkeypatch, case):
    result = lint_files(tmp_path, monkeypatch, {"vm.json": _template(IDS[case])}, "MIG105", dedent=False)
    assert result.findings == []
    assert [n.startswith("<") for n in _networks(result)] == [True]


@pytest.mark.parametrize("written", ["declaredId", "undeclaredId"])
def test_a_bicep_file_s_vm_is_in_a_network_not_known(tmp_path, monkeypatch, written):
    result = lint_files(tmp_path, monkeypatch, {"vm.bicep": BICEP % written}, "MIG105", dedent=False)
    assert result.findings == []
    assert [n.startswith("<") for n in _networks(result)] == [True]
