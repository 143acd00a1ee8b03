"""Comparisons and logic whose inputs a template states are worked out, so that an `if(...)` (ARM JSON) or
a ternary (Bicep) on them takes its branch: `equals`, `not`, `and`, `or`, `greater`, `less`, `json` in ARM
JSON, and `==`, `!=`, `=~`, `!~`, `<`, `>`, `!`, `&&`, `||`, `??` in Bicep. Two strings that differ only in case are not
told equal or not (the reference does not say whether `equals` minds case), and inputs not stated stay not
known. A resource whose `condition` (ARM JSON) or `if (...)` (Bicep) is stated false is left out, as it is
not deployed; one whose condition is not known is kept."""

from __future__ import annotations

import json

from migcheck.inventory_model import ClassicNetwork
from migcheck.readers import bicep, inventory

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"


def _names(resources: list) -> list[str]:
    return [n.name for n in resources if isinstance(n, ClassicNetwork)]


def _json(template: dict) -> list[str]:
    data = json.dumps({"$schema": SCHEMA, **template}, indent=2).encode()
    document = inventory.read("azuredeploy.json", data)
    assert document.problem is None
    return _names(document.resources)


def _bicep(text: str) -> list[str]:
    document = bicep.read("main.bicep", text.encode())
    assert document.problem is None
    return _names(document.resources)


def _network(name: str, condition: object = None) -> dict:
    network: dict = {
        "type": "Microsoft.ClassicNetwork/virtualNetworks",
        "apiVersion": "2016-11-01",
        "name": name,
        "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]}},
    }
    if condition is not None:
        network["condition"] = condition
    return network


def _branch(test: str) -> str:
    return f"[if({test}, 'yes', 'no')]"


def test_json_comparisons_and_logic_of_stated_values_pick_the_branch():
    template = {
        "parameters": {
            "env": {"type": "string", "defaultValue": "prod"},
            "size": {"type": "int", "defaultValue": 3},
        },
        "variables": {"settings": '[json(\'{"classic": true, "count": 2}\')]'},
        "resources": [
            _network(_branch("equals(parameters('env'), 'prod')")),
            _network("[concat('b-', " + _branch("not(equals(parameters('env'), 'test'))")[1:-1] + ")]"),
            _network(
                "[concat('c-', " + _branch("and(greater(parameters('size'), 2), less(1, 2))")[1:-1] + ")]"
            ),
            _network("[concat('d-', " + _branch("or(false(), variables('settings').classic)")[1:-1] + ")]"),
            _network("[concat('e-', " + _branch("equals(variables('settings').count, 3)")[1:-1] + ")]"),
        ],
    }
    assert _json(template) == ["yes", "b-yes", "c-yes", "d-yes", "e-no"]


def test_json_comparisons_not_stated_or_differing_in_case_only_stay_not_known():
    template = {
        "parameters": {"env": {"type": "string"}},
        "resources": [
            _network(_branch("equals(parameters('env'), 'prod')")),
            _network(_branch("equals('Prod', 'prod')")),
            _network(_branch("or(equals(parameters('env'), 'x'), true())")),
        ],
    }
    first, second, third = _json(template)
    assert first.startswith("<") and second.startswith("<")
    assert third == "yes"


def test_json_resource_whose_condition_is_stated_false_is_left_out():
    template = {
        "parameters": {"deploy": {"type": "bool", "defaultValue": False}, "unset": {"type": "bool"}},
        "resources": [
            _network("off", "[parameters('deploy')]"),
            _network("literal-off", False),
            _network("on", "[not(parameters('deploy'))]"),
            _network("maybe", "[parameters('unset')]"),
        ],
    }
    assert _json(template) == ["on", "maybe"]


BICEP = """\
param env string = 'prod'
param size int = 3
param unset string
param deploy bool = false
param maybe bool

resource a 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = {
  name: env == 'prod' && !(size < 2) ? 'a-yes' : 'a-no'
}
resource b 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = {
  name: env != 'test' || unset == 'x' ? 'b-yes' : 'b-no'
}
resource c 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = {
  name: size > 5 ? 'c-yes' : (null ?? 'c-no')
}
resource d 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = {
  name: unset == 'x' ? 'd-yes' : 'd-no'
}
resource e 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = {
  name: 'Prod' == env ? 'e-yes' : 'e-no'
}
resource f 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = {
  name: 'Prod' =~ env && !('Prod' !~ env) ? 'f-yes' : 'f-no'
}
resource off 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = if (deploy) {
  name: 'off'
}
resource on 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = if (!deploy && size >= 3) {
  name: 'on'
}
resource kept 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = if (maybe) {
  name: 'kept'
}
resource looped 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = [for i in range(0, 3): if (i != 1) {
  name: 'loop${i}'
}]
"""


def test_bicep_operators_on_stated_values_pick_the_branch_and_leave_out_a_resource_stated_off():
    names = _bicep(BICEP)
    assert names[:3] == ["a-yes", "b-yes", "c-no"]
    assert names[3].startswith("<") and names[4].startswith("<")
    assert names[5:] == ["f-yes", "on", "kept", "loop0", "loop2"]
