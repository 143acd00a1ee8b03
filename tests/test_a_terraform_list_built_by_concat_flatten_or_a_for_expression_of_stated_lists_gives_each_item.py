"""An `azurerm` resource's list argument built by a function of lists the configuration states (`concat([local.a],
[local.b])`, `flatten([[local.a], [[local.b]], element(local.more, 0), format(...)])`, `tolist(...)`) or by a `for`
expression over one (`[for v in local.names : "${local.vms}/${v}"]`) is read item by item, as a list written
out is: an alert on classic VMs so listed is MIG502 naming each (an item no list, not stated, is one value not
stated). A list built of itself (a cycle Terraform
refuses) is a value not stated, and ends; lists that double at each step are read up to a bound. Terraform's
JSON syntax (`"${concat(...)}"`) alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from growth import assert_linear
from lint_support import lint_files

from migcheck.readers import terraform

VMS = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines"

CONFIGURATION = f"""\
locals {{
  vms   = "{VMS}"
  a     = "${{local.vms}}/web01"
  b     = "${{local.vms}}/web02"
  names = ["web03", "web04"]
  more  = ["${{local.vms}}/web05"]
  loop  = concat(local.loop, [local.a])
}}

resource "azurerm_monitor_metric_alert" "concat" {{
  name   = "by-concat"
  scopes = concat([local.a], tolist([local.b]))
}}

resource "azurerm_monitor_metric_alert" "flatten" {{
  name   = "by-flatten"
  scopes = flatten([[local.a], [[local.b]], element(local.more, 0), format("%s", var.unset)])
}}

resource "azurerm_monitor_metric_alert" "for" {{
  name   = "by-for"
  scopes = [for v in local.names : "${{local.vms}}/${{v}}"]
}}

resource "azurerm_monitor_metric_alert" "cycle" {{
  name   = "by-cycle"
  scopes = local.loop
}}
"""

EXPECTED = {
    "by-concat": "classic VM 'web01', VM 'web02'",
    "by-flatten": "classic VM 'web01', VM 'web02', VM 'web05'",
    "by-for": "classic VM 'web03', VM 'web04'",
}


def _watched(findings: list) -> dict[str, str]:
    """Each MIG502's alert, with the VMs it names."""
    found = {}
    for finding in findings:
        if finding.code == "MIG502":
            alert = finding.message.split("'")[1]
            found[alert] = finding.message.split(" watches ")[1].split(":")[0]
    return found


def test_each_item_of_a_list_a_function_or_for_expression_builds_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"main.tf": CONFIGURATION}, "MIG502", dedent=False)
    assert _watched(result.findings) == EXPECTED


def test_a_tf_json_file_s_list_built_by_a_function_is_read_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    configuration = {
        "locals": {"a": f"{VMS}/web01", "b": f"{VMS}/web02"},
        "resource": {
            "azurerm_monitor_metric_alert": {
                "concat": {"name": "by-concat", "scopes": "${concat([local.a], [local.b])}"},
            }
        },
    }
    files = {"main.tf.json": json.dumps(configuration, indent=2)}
    result = lint_files(tmp_path, monkeypatch, files, "MIG502", dedent=False)
    assert _watched(result.findings) == {"by-concat": EXPECTED["by-concat"]}


def _doubling(depth: int) -> str:
    """Locals each of which is `concat`, or `flatten`, of the one before twice: a list of 2**depth items."""
    written = [f'  l0 = ["{VMS}/web01"]', f'  f0 = ["{VMS}/web02"]']
    for i in range(1, depth):
        written.append(f"  l{i} = concat(local.l{i - 1}, local.l{i - 1})")
        written.append(f"  f{i} = flatten([local.f{i - 1}, [local.f{i - 1}]])")
    alerts = "".join(
        f'resource "azurerm_monitor_metric_alert" "{name}" {{\n  name   = "{name}"\n  scopes = local.{name}\n}}\n'
        for name in (f"l{depth - 1}", f"f{depth - 1}")
    )
    return "locals {\n" + "\n".join(written) + "\n}\n" + alerts


def test_lists_that_double_at_each_step_cost_no_more_than_a_bounded_list() -> None:
    assert_linear(lambda n: lambda: terraform.read("main.tf", _doubling(n).encode()), 30)
