"""An id a template builds of a stated part that ends at a classic type's name and a parameter with no
value (`concat('/providers/Microsoft.ClassicCompute/virtualMachines/', parameters('vm'))`, Bicep's
`'/providers/Microsoft.ClassicCompute/virtualMachines/${vm}'`) is read as an id of that type named by the
parameter's stand-in, as `resourceId(...)` of the same parameter is: an alert rule on it is MIG502. A part
not known that is no parameter's (`uniqueString(...)`), or a stated part that names no classic type, keeps
the value not known."""

from __future__ import annotations

import json

from lint_support import lint_files

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"


def _alert(name: str, uri: str) -> dict:
    return {
        "type": "Microsoft.Insights/alertrules",
        "apiVersion": "2016-03-01",
        "name": name,
        "location": "westeurope",
        "properties": {
            "name": name,
            "isEnabled": True,
            "condition": {
                "odata.type": "Microsoft.Azure.Management.Insights.Models.ThresholdRuleCondition",
                "dataSource": {
                    "odata.type": "Microsoft.Azure.Management.Insights.Models.RuleMetricDataSource",
                    "resourceUri": uri,
                    "metricName": "Percentage CPU",
                },
            },
        },
    }


TEMPLATE = {
    "$schema": SCHEMA,
    "parameters": {"vm": {"type": "string"}},
    "resources": [
        _alert(
            "by-concat", "[concat('/providers/Microsoft.ClassicCompute/virtualMachines/', parameters('vm'))]"
        ),
        _alert("by-id", "[resourceId('Microsoft.ClassicCompute/virtualMachines', parameters('vm'))]"),
        _alert("not-classic", "[concat('/providers/Microsoft.Compute/virtualMachines/', parameters('vm'))]"),
        _alert(
            "no-parameter",
            "[concat('/providers/Microsoft.ClassicCompute/virtualMachines/', uniqueString('a'))]",
        ),
    ],
}

BICEP = """\
param vm string

resource alert 'Microsoft.Insights/alertrules@2016-03-01' = {
  name: 'cpu-high'
  location: 'westeurope'
  properties: {
    name: 'cpu-high'
    isEnabled: true
    condition: {
      'odata.type': 'Microsoft.Azure.Management.Insights.Models.ThresholdRuleCondition'
      dataSource: {
        'odata.type': 'Microsoft.Azure.Management.Insights.Models.RuleMetricDataSource'
        resourceUri: '/providers/Microsoft.ClassicCompute/virtualMachines/${vm}'
        metricName: 'Percentage CPU'
      }
    }
  }
}
"""


def _lines(text: str, needle: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), 1) if needle in line]


def test_an_arm_template_s_id_concatenated_of_a_classic_type_and_an_unset_parameter_is_mig502(
    tmp_path, monkeypatch
):
    text = json.dumps(TEMPLATE, indent=2)
    result = lint_files(tmp_path, monkeypatch, {"azuredeploy.json": text}, "MIG502", dedent=False)
    lines = sorted(f.mark.line for f in result.findings if f.code == "MIG502" and f.mark is not None)
    assert lines == _lines(text, "ClassicCompute/virtualMachines")[:2]
    assert all("parameter 'vm'" in f.message for f in result.findings)


def test_a_bicep_id_interpolated_of_a_classic_type_and_an_unset_parameter_is_mig502(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.bicep": BICEP}, "MIG502", dedent=False)
    assert [(f.code, f.mark.line if f.mark else 0) for f in result.findings] == [
        ("MIG502", _lines(BICEP, "resourceUri")[0])
    ]
