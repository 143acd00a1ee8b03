"""The template functions whose inputs a template states are worked out, in ARM JSON templates (`if`,
`union`, `createArray`, `createObject`, `coalesce`, `null`, `empty`, `contains`, `length`, `replace`,
`split`) and in Bicep files (the same but `if`, `createArray`, `createObject` and `null`, which Bicep writes
as syntax), where they were values not known; one whose inputs are not known stays not known, and
variables that double an array at each step cost time in proportion to the file."""

from __future__ import annotations

import json

from growth import assert_linear

from migcheck.inventory_model import ClassicNetwork
from migcheck.readers import bicep, inventory

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"


def _json(template: dict) -> list:
    data = json.dumps({"$schema": SCHEMA, **template}, indent=2).encode()
    document = inventory.read("azuredeploy.json", data)
    assert document.problem is None
    return document.resources


def _bicep(text: str) -> list:
    document = bicep.read("main.bicep", text.encode())
    assert document.problem is None
    return document.resources


def _network(name: str, subnets: object, prefixes: object = ("10.0.0.0/16",)) -> dict:
    return {
        "type": "Microsoft.ClassicNetwork/virtualNetworks",
        "apiVersion": "2016-11-01",
        "name": name,
        "properties": {
            "addressSpace": {"addressPrefixes": prefixes if isinstance(prefixes, str) else list(prefixes)},
            "subnets": subnets,
        },
    }


def _subnets(network: ClassicNetwork) -> list[str]:
    assert network.network is not None
    return [s.name for s in network.network.subnets]


def test_json_functions_of_stated_values_are_worked_out():
    template = {
        "parameters": {
            "env": {"type": "string", "defaultValue": "Prod"},
            "extra": {"type": "array", "defaultValue": ["back", "front"]},
        },
        "variables": {
            "names": "[union(createArray('front'), parameters('extra'))]",
            "tags": "[createObject('Role', 'web')]",
        },
        "resources": [
            _network(
                "[if(contains(parameters('env'), 'ro'), toLower(replace(parameters('env'), 'P', 'Q')), 'no')]",
                "[createArray(createObject('name', 'a', 'addressPrefix', '10.0.9.0/24'))]",
                "[split('10.0.0.0/16;10.1.0.0/16', ';')]",
            ),
            _network(
                "[coalesce(null(), if(empty(variables('tags')), 'none', concat('n', length(variables('names')))))]",
                [
                    {
                        "name": "[if(contains(variables('tags'), 'role'), 'tagged', 'untagged')]",
                        "addressPrefix": "10.2.0.0/24",
                    }
                ],
                ["10.2.0.0/16"],
            ),
            _network(
                "union",
                [{"name": name, "addressPrefix": f"10.3.{i}.0/24"} for i, name in enumerate(("a", "b"))],
                "[union(createArray('10.3.0.0/16'), createArray('10.3.0.0/16', '10.4.0.0/16'))]",
            ),
        ],
    }
    networks = {n.name: n for n in _json(template) if isinstance(n, ClassicNetwork)}
    assert sorted(networks) == ["n2", "qrod", "union"]
    assert _subnets(networks["qrod"]) == ["a"]
    assert networks["qrod"].network is not None
    assert [p.text for p in networks["qrod"].network.address_space] == ["10.0.0.0/16", "10.1.0.0/16"]
    assert _subnets(networks["n2"]) == ["tagged"]
    assert networks["union"].network is not None
    assert [p.text for p in networks["union"].network.address_space] == ["10.3.0.0/16", "10.4.0.0/16"]


def test_json_functions_of_values_not_stated_are_not_known():
    template = {
        "parameters": {"env": {"type": "string"}},
        "resources": [
            _network(
                "[if(empty(parameters('env')), 'a', 'b')]",
                [{"name": "[coalesce(parameters('env'), 'x')]", "addressPrefix": "10.0.1.0/24"}],
            )
        ],
    }
    (network,) = [n for n in _json(template) if isinstance(n, ClassicNetwork)]
    assert network.name.startswith("<virtual network name, azuredeploy.json:")
    assert _subnets(network)[0].startswith("<")


def test_bicep_functions_of_stated_values_are_worked_out():
    text = """\
param env string = 'Prod'
var names = union([ 'front' ], [ 'back', 'front' ])
var tags = { Role: 'web' }

resource vnet 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = {
  name: contains(env, 'ro') ? toLower(replace(env, 'P', 'Q')) : 'no'
  properties: {
    addressSpace: {
      addressPrefixes: split('10.0.0.0/16;10.1.0.0/16', ';')
    }
    subnets: [for (name, i) in names: {
      name: name
      addressPrefix: '10.0.${i}.0/24'
    }]
  }
}

resource other 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = {
  name: empty(tags) ? 'none' : 'n${length(names)}'
  properties: {
    addressSpace: {
      addressPrefixes: [ '10.2.0.0/16' ]
    }
    subnets: [
      {
        name: coalesce(contains(tags, 'role') ? 'tagged' : null, 'untagged')
        addressPrefix: '10.2.0.0/24'
      }
    ]
  }
}
"""
    networks = {n.name: n for n in _bicep(text) if isinstance(n, ClassicNetwork)}
    assert sorted(networks) == ["n2", "qrod"]
    assert _subnets(networks["qrod"]) == ["front", "back"]
    assert networks["qrod"].network is not None
    assert [p.text for p in networks["qrod"].network.address_space] == ["10.0.0.0/16", "10.1.0.0/16"]
    assert _subnets(networks["n2"]) == ["tagged"]


def test_arrays_doubled_at_each_step_are_read_in_linear_time():
    def make(n: int):
        variables = {"v0": ["a", "b"]}
        for i in range(1, n):
            variables[f"v{i}"] = f"[createArray(variables('v{i - 1}'), variables('v{i - 1}'))]"
        vm = {
            "type": "Microsoft.ClassicCompute/virtualMachines",
            "name": "vm",
            "properties": {"hardwareProfile": {"size": "Small"}, "padding": f"[variables('v{n - 1}')]"},
        }
        data = json.dumps({"$schema": SCHEMA, "variables": variables, "resources": [vm]}).encode()

        def work() -> None:
            # Past what the file may spend, its values are not known: the VM is read all the same.
            assert inventory.read("t.json", data).resources

        return work

    assert_linear(make, 200)
