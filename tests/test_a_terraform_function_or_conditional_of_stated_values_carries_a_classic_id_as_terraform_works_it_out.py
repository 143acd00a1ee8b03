"""A classic id an `azurerm` resource takes through one of Terraform's functions of values the configuration
states is the id Terraform works out: `format`, `join`, `lower`, `replace`, `trimsuffix`, `tostring`,
`coalesce` (past `null` and ""), `one`, `try` (past a member the object does not hold), `element` and an
index of a list a function builds (`split(...)[0]`), `lookup` of `tomap(...)`, and a conditional whose
condition it states (`==`, `&&`, `!`, `startswith`), or whose branches are alike. A role assignment on such an id is MIG501 on that VM, at the resource's `scope`. Where
Terraform's value depends on one the configuration does not state (`coalesce(var.unset, ...)`, a condition
of `var.unset`), no id is guessed; where only the VM's name is not stated (`format("%s/%s", local.vms,
var.vm)`), the VM is a stand-in. Terraform's JSON syntax alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import lint_files

VMS = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines"

LOCALS = f"""\
variable "unset" {{}}
variable "vm" {{}}
variable "nothing" {{
  default = null
}}
variable "env" {{
  default = "prod"
}}

locals {{
  vms      = "{VMS}"
  one_vm   = ["${{local.vms}}/one01"]
  settings = {{ prod = {{ id = "${{local.vms}}/try01" }} }}
}}
"""

# Each assignment's name, its `scope` expression, and the VM MIG501 names (None: no finding).
CASES = {
    "format": ('format("%s/%s", local.vms, "fmt01")', "'fmt01'"),
    "join": ('join("/", [local.vms, "join01"])', "'join01'"),
    "lower": ('lower("${local.vms}/LOW01")', "'low01'"),
    "replace": ('replace("${local.vms}/NAME", "NAME", "rep01")', "'rep01'"),
    "trimsuffix": ('trimsuffix("${local.vms}/trim01/", "/")', "'trim01'"),
    "tostring": ('tostring("${local.vms}/str01")', "'str01'"),
    "coalesce": ('coalesce(var.nothing, "", "${local.vms}/coal01")', "'coal01'"),
    "one": ("one(local.one_vm)", "'one01'"),
    "try": ('try(local.settings.test.id, local.settings[var.env].id, "")', "'try01'"),
    "element": ('element(concat(local.one_vm, ["${local.vms}/el02"]), 3)', "'el02'"),
    "split": ('split(",", "${local.vms}/split01,x")[0]', "'split01'"),
    "condition": ('var.env == "prod" && !false ? "${local.vms}/cond01" : "${local.vms}/cond02"', "'cond01'"),
    "tomap": ('lookup(tomap({ a = "${local.vms}/map01" }), "a")', "'map01'"),
    "startswith": ('startswith(local.vms, "/subscriptions/") ? "${local.vms}/sw01" : ""', "'sw01'"),
    "alike": ('var.unset ? "${local.vms}/same01" : "${local.vms}/same01"', "'same01'"),
    "stand-in": ('format("%s/%s", local.vms, var.vm)', "'<value of var.vm, main.tf:N>'"),
    "coalesce-not-stated": ('coalesce(var.unset, "${local.vms}/coal02")', None),
    "condition-not-stated": ('var.unset == "x" ? "${local.vms}/cond03" : "${local.vms}/cond04"', None),
}


def _assignment(name: str, scope: str) -> str:
    return (
        f'resource "azurerm_role_assignment" "{name}" {{\n  scope                = {scope}\n'
        f'  role_definition_name = "Reader"\n  principal_id         = "{name}"\n}}\n'
    )


def _assigned(findings: list) -> dict[str, tuple[str, int, int]]:
    """Each MIG501's principal (the assignment's name), with the VM it names and where it is."""
    found = {}
    for finding in findings:
        if finding.code == "MIG501":
            principal = finding.message.split("principal ")[1].split(" ")[0]
            vm = finding.message.split("classic VM ")[1].split("; ")[0]
            found[principal] = (vm, finding.location.line, finding.location.column)
    return found


def test_a_function_of_stated_values_carries_the_id_terraform_works_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    configuration = LOCALS + "".join(_assignment(name, scope) for name, (scope, _) in CASES.items())
    result = lint_files(tmp_path, monkeypatch, {"main.tf": configuration}, "MIG501", dedent=False)
    before = LOCALS.count("\n")
    expected = {}
    for index, (name, (_, vm)) in enumerate(CASES.items()):
        line = before + index * 5 + 2  # each assignment's `scope`
        if vm is not None:
            expected[name] = (vm.replace("main.tf:N", f"main.tf:{line}"), line, 26)
    assert _assigned(result.findings) == expected


def test_a_tf_json_file_s_function_carries_the_id_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assignments = {
        name: {"scope": "${" + scope + "}", "role_definition_name": "Reader", "principal_id": name}
        for name, (scope, _) in CASES.items()
    }
    configuration = {
        "variable": {"unset": {}, "vm": {}, "nothing": {"default": None}, "env": {"default": "prod"}},
        "locals": {
            "vms": VMS,
            "one_vm": ["${local.vms}/one01"],
            "settings": {"prod": {"id": "${local.vms}/try01"}},
        },
        "resource": {"azurerm_role_assignment": assignments},
    }
    text = json.dumps(configuration, indent=1)
    result = lint_files(tmp_path, monkeypatch, {"main.tf.json": text}, "MIG501", dedent=False)
    lines = text.splitlines()
    expected = {}
    for name, (_, vm) in CASES.items():
        line = next(n for n, written in enumerate(lines, 1) if f'"{name}": {{' in written) + 1
        if vm is not None:
            stand_in = vm.replace("main.tf:N", f"main.tf.json:{line}")
            expected[name] = (stand_in, line, lines[line - 1].index('"${') + 1)  # at its opening quote
    assert _assigned(result.findings) == expected


COUNTED = f"""\
locals {{
  vms   = "{VMS}"
  names = ["a", "b"]
}}

resource "azurerm_role_assignment" "counted" {{
  count                = length(local.names) > 0 ? length(local.names) : 0
  scope                = "${{local.vms}}/web${{count.index + 1}}-${{local.names[count.index]}}"
  role_definition_name = "Reader"
  principal_id         = "counted"
}}

resource "azurerm_role_assignment" "negative" {{
  count                = 1
  scope                = "${{local.vms}}/web${{-count.index - 3 * 2 % 4}}"
  role_definition_name = "Reader"
  principal_id         = "negative"
}}

resource "azurerm_role_assignment" "padded" {{
  count                = 2
  scope                = format("%s/web-%02d%-3s|", local.vms, count.index + 1, "x")
  role_definition_name = "Reader"
  principal_id         = "padded"
}}

resource "azurerm_role_assignment" "none" {{
  count                = length(compact(["", ""]))
  scope                = "${{local.vms}}/none"
  role_definition_name = "Reader"
  principal_id         = "none"
}}
"""


def test_a_count_of_a_stated_length_makes_one_per_item_its_arithmetic_worked_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`count = length(local.names) > 0 ? length(local.names) : 0` is the list's length, and `count.index + 1`
    each instance's number plus one, as Terraform works them out (`format("web-%02d", ...)` padded as it pads
    it); the length of an empty list is 0, so a block of that count makes no resource."""
    result = lint_files(tmp_path, monkeypatch, {"main.tf": COUNTED}, "MIG501", dedent=False)
    found = sorted(
        (f.location.line, f.location.column, f.message.split("classic VM ")[1].split(";")[0])
        for f in result.findings
    )
    assert found == [
        (8, 26, "'web1-a'"),  # at the string's opening quote
        (8, 26, "'web2-b'"),
        (15, 26, "'web-2'"),
        (22, 26, "'web-01x  |'"),  # at the call
        (22, 26, "'web-02x  |'"),
    ]
