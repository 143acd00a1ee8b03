"""An id whose part not known comes before a stated classic type and name
(`/subscriptions/<parameter>/resourceGroups/x/providers/Microsoft.ClassicCompute/virtualMachines/vm`, built by
`concat`, `format`, `resourceId` of a subscription not known or Bicep's interpolation) stayed not known, though
the classic type and name are stated: it is now read as the id of that type and name in a subscription not
stated (`/providers/Microsoft.ClassicCompute/virtualMachines/vm`), as an id `resourceId` builds without the
subscription is, so an alert rule on it is MIG502. A name not stated, or a type that is not classic, keeps it
not known. `format` of an argument not known is a string partly known, not the argument's own value."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

from migcheck.model import Mark
from migcheck.readers.arm_expressions import Evaluator, Scope
from migcheck.readers.template_values import Unknown

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
TAIL = "/resourceGroups/x/providers/Microsoft.ClassicCompute/virtualMachines/vm"


def _alert(name: str, uri: str) -> dict:
    source = {
        "odata.type": "Microsoft.Azure.Management.Insights.Models.RuleMetricDataSource",
        "resourceUri": uri,
    }
    condition = {"odata.type": "Microsoft.Azure.Management.Insights.Models.ThresholdRuleCondition"}
    return {
        "type": "Microsoft.Insights/alertrules",
        "apiVersion": "2016-03-01",
        "name": name,
        "location": "westeurope",
        "properties": {"name": name, "isEnabled": True, "condition": {**condition, "dataSource": source}},
    }


TEMPLATE = {
    "$schema": SCHEMA,
    "parameters": {"sub": {"type": "string"}},
    "resources": [
        _alert("by-concat", f"[concat('/subscriptions/', parameters('sub'), '{TAIL}')]"),
        _alert("by-format", f"[format('/subscriptions/{{0}}{TAIL}', parameters('sub'))]"),
        _alert(
            "by-id",
            "[resourceId(uniqueString('a'), 'x', 'Microsoft.ClassicCompute/virtualMachines', 'vm')]",
        ),
        _alert(
            "not-classic", f"[concat('/subscriptions/', parameters('sub'), '{TAIL.replace('Classic', '')}')]"
        ),
        _alert("no-name", f"[concat('/subscriptions/', parameters('sub'), '{TAIL[:-2]}')]"),
    ],
}

BICEP = """\
param sub string

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
        resourceUri: '/subscriptions/${sub}/resourceGroups/x/providers/Microsoft.ClassicCompute/virtualMachines/vm'
        metricName: 'Percentage CPU'
      }
    }
  }
}
"""


def _lines(text: str, needle: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), 1) if needle in line]


def test_an_arm_template_s_alert_on_an_id_of_a_subscription_not_stated_is_mig502(tmp_path, monkeypatch):
    text = json.dumps(TEMPLATE, indent=2)
    result = lint_files(tmp_path, monkeypatch, {"azuredeploy.json": text}, "MIG502", dedent=False)
    lines = sorted(f.mark.line for f in result.findings if f.mark is not None)
    assert lines == _lines(text, "resourceUri")[:3]
    assert all("'vm'" in f.message for f in result.findings)


def test_a_bicep_alert_on_an_id_of_a_subscription_not_stated_is_mig502(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.bicep": BICEP}, "MIG502", dedent=False)
    assert [(f.code, f.mark.line if f.mark else 0) for f in result.findings] == [
        ("MIG502", _lines(BICEP, "resourceUri")[0])
    ]


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("[format('{0}-web', parameters('p'))]", "…-web (… from parameter 'p')"),
        ("[format('{0}', parameters('p'))]", "the value of parameter 'p'"),
        ("[format('{0:000}-web', parameters('p'))]", "…-web (… from parameter 'p')"),
        ("[format('web{0:00}', uniqueString('a'))]", ""),
    ],
)
def test_format_of_an_argument_not_known_is_partly_known(expression, value):
    scope = Scope(parameters={"p": {"type": "string"}}, declared_at={"p": Mark("a.json", 3, column=5)})
    found = Evaluator(10_000).value(expression, scope, {})
    assert isinstance(found, Unknown) and found.why == value
