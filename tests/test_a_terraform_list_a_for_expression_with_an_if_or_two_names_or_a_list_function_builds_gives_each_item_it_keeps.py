"""An `azurerm` resource's list argument built by a `for` expression with an `if` (`[for v in l : ... if v !=
""]`: the items it keeps), with two names (`for i, v in l`, `for k, v in map`), or whose value is a member of
an object item (`v.id`), or by `toset`, `distinct`, `compact`, `split`, `values`, `keys`, a splat
(`local.objs[*].id`) or a conditional whose condition the configuration states, of lists it states, is read
item by item, as a list written out is: an alert on classic VMs so listed is MIG502 naming each, at the
argument. An item whose `if` the configuration does not state gives no finding (it may not be in the list).
Terraform's JSON syntax (`"${[for ...]}"`) alike. An `if` that looks in a list built of locals for each item
(`contains(concat(local.big, ["x"]), v)`) lists it once: the cost grows with the list, not its square."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from growth import assert_linear
from lint_support import lint_files

from migcheck.readers import terraform

VMS = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines"

LOCALS = f"""\
variable "unset" {{}}
variable "watched" {{
  default = true
}}

locals {{
  vms     = "{VMS}"
  names   = ["web01", "", "web02"]
  objects = [{{ id = "${{local.vms}}/web03", on = true }}, {{ id = "${{local.vms}}/web04", on = false }}]
  by_name = {{ b = "${{local.vms}}/web06", a = "${{local.vms}}/web05" }}
}}
"""

# Each alert's name, its `scopes` expression, and the VMs MIG502 names, in order.
CASES = {
    "by-if": ('[for v in local.names : "${local.vms}/${v}" if v != ""]', "classic VM 'web01', VM 'web02'"),
    "by-two-names": (
        '[for i, v in local.names : "${local.vms}/${v}-${i}" if i != 1]',
        "classic VM 'web01-0', VM 'web02-2'",
    ),
    "by-member": ("[for o in local.objects : o.id if o.on]", "classic VM 'web03'"),
    "by-map": ("[for k, v in local.by_name : v]", "classic VM 'web05', VM 'web06'"),
    "by-values": ("values(local.by_name)", "classic VM 'web05', VM 'web06'"),
    "by-splat": ("local.objects[*].id", "classic VM 'web03', VM 'web04'"),
    "by-set": ('toset(["${local.vms}/web07", "${local.vms}/web07"])', "classic VM 'web07'"),
    "by-distinct": ('distinct(concat(["${local.vms}/web08"], ["${local.vms}/web08"]))', "classic VM 'web08'"),
    "by-compact": ('compact(["${local.vms}/web09", ""])', "classic VM 'web09'"),
    "by-split": ('split(",", "${local.vms}/web10,${local.vms}/web11")', "classic VM 'web10', VM 'web11'"),
    "by-condition": ('var.watched ? ["${local.vms}/web12"] : []', "classic VM 'web12'"),
    "by-if-not-stated": ('[for v in local.names : "${local.vms}/${v}" if var.unset == v]', None),
    "by-condition-not-stated": ('var.unset == "x" ? ["${local.vms}/web13"] : []', None),
}


def _alert(name: str, scopes: str) -> str:
    return (
        f'resource "azurerm_monitor_metric_alert" "{name}" {{\n  name   = "{name}"\n  scopes = {scopes}\n}}\n'
    )


def _watched(findings: list) -> dict[str, tuple[str, int, int]]:
    """Each MIG502's alert, with the VMs it names and where it is."""
    found = {}
    for finding in findings:
        if finding.code == "MIG502":
            alert = finding.message.split("'")[1]
            vms = finding.message.split(" watches ")[1].split(":")[0]
            found[alert] = (vms, finding.location.line, finding.location.column)
    return found


def _expected(lines_before: int, lines_each: int) -> dict[str, tuple[str, int, int]]:
    """Each alert that names VMs, at its `scopes` (the alerts written one after another after `lines_before`
    lines, its `scopes` the third line of each)."""
    return {
        name: (vms, lines_before + index * lines_each + 3, 12)
        for index, (name, (_, vms)) in enumerate(CASES.items())
        if vms is not None
    }


def test_each_item_a_for_expression_or_list_function_keeps_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    configuration = LOCALS + "".join(_alert(name, scopes) for name, (scopes, _) in CASES.items())
    result = lint_files(tmp_path, monkeypatch, {"main.tf": configuration}, "MIG502", dedent=False)
    assert _watched(result.findings) == _expected(LOCALS.count("\n"), 4)


def test_a_tf_json_file_s_for_expression_is_read_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    alerts = {name: {"name": name, "scopes": "${" + scopes + "}"} for name, (scopes, _) in CASES.items()}
    configuration = {
        "variable": {"unset": {}, "watched": {"default": True}},
        "locals": {
            "vms": VMS,
            "names": ["web01", "", "web02"],
            "objects": [{"id": "${local.vms}/web03", "on": True}, {"id": "${local.vms}/web04", "on": False}],
            "by_name": {"b": "${local.vms}/web06", "a": "${local.vms}/web05"},
        },
        "resource": {"azurerm_monitor_metric_alert": alerts},
    }
    text = json.dumps(configuration, indent=1)
    result = lint_files(tmp_path, monkeypatch, {"main.tf.json": text}, "MIG502", dedent=False)
    lines = text.splitlines()
    expected = {}
    for name, (_, vms) in CASES.items():
        if vms is not None:
            line = next(n for n, written in enumerate(lines, 1) if f'"name": "{name}"' in written) + 1
            expected[name] = (vms, line, lines[line - 1].index('"${') + 1)  # at its opening quote
    assert _watched(result.findings) == expected


def _looked_up_each_item(items: int) -> str:
    """An alert whose `for` expression's `if` looks each item up in the list it goes over."""
    names = ", ".join(f'"web{i}"' for i in range(items))
    looked_in = 'contains(concat(local.big, ["x"]), v) && length(local.big) > 0'
    scopes = f'[for v in local.big : "{VMS}/${{v}}" if {looked_in}]'
    return f"locals {{\n  big = [{names}]\n}}\n" + _alert("by-lookup", scopes)


def test_a_for_expression_whose_if_looks_in_a_local_list_costs_no_more_than_the_list() -> None:
    assert_linear(lambda n: lambda: terraform.read("main.tf", _looked_up_each_item(n).encode()), 200)


BUILT = f"""\
locals {{
  vms     = "{VMS}"
  a       = ["web01", "web02"]
  b       = ["web01"]
  objects = [{{ name = "o1", id = "${{local.vms}}/web05" }}]
}}

resource "azurerm_monitor_metric_alert" "index" {{
  name   = "by-index"
  scopes = [for i, v in concat(local.a, local.b) : "${{local.vms}}/${{v}}-${{i}}"]
}}

resource "azurerm_monitor_activity_log_alert" "dynamic" {{
  name                = "by-dynamic"
  resource_group_name = "mon"
  scopes              = ["/subscriptions/11111111-2222-3333-4444-555555555555"]

  dynamic "criteria" {{
    for_each = concat(local.a, local.b)
    content {{
      resource_id = "${{local.vms}}/${{criteria.value}}-${{criteria.key}}"
      category    = "Administrative"
    }}
  }}
}}

resource "azurerm_role_assignment" "map" {{
  for_each             = {{ for o in local.objects : o.name => "${{o.id}}-x" }}
  scope                = each.value
  role_definition_name = "Reader"
  principal_id         = "by-map"
}}

resource "azurerm_role_assignment" "set" {{
  for_each             = toset([for n in local.a : "${{local.vms}}/${{n}}"])
  scope                = each.value
  role_definition_name = "Reader"
  principal_id         = "by-set"
}}

resource "azurerm_monitor_metric_alert" "objects" {{
  for_each = {{ for o in local.objects : o.name => {{ scope = "${{o.id}}-y", label = upper(o.name) }} }}
  name     = each.value.label
  scopes   = [each.value.scope, each.value.missing]
}}
"""


def test_an_item_of_a_list_a_function_builds_is_at_its_index_and_a_map_s_value_is_its_item_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A `for` expression's or `dynamic` block's index over a list `concat` builds is each item's place in
    it (its duplicate too); a `for_each` map a `for` builds gives each key the value worked out for its
    item (of an object it writes, each member: `each.value.scope`); a set a `for` builds gives each item as
    its own value."""
    result = lint_files(tmp_path, monkeypatch, {"main.tf": BUILT}, "MIG501", "MIG502", dedent=False)
    found = sorted(
        (f.location.line, f.location.column, f.message.split(": the migration")[0].split(";")[0])
        for f in result.findings
    )
    assert found == [
        (10, 12, "metric alert 'by-index' watches classic VM 'web01-0', VM 'web02-1', VM 'web01-2'"),
        (21, 21, "activity log alert 'by-dynamic' watches classic VM 'web01-0', VM 'web02-1', VM 'web01-2'"),
        (29, 26, "role 'Reader' is assigned to principal by-map on classic VM 'web05-x'"),
        (36, 26, "role 'Reader' is assigned to principal by-set on classic VM 'web01'"),
        (36, 26, "role 'Reader' is assigned to principal by-set on classic VM 'web02'"),
        (44, 15, "metric alert 'O1' watches classic VM 'web05-y'"),
    ]
