"""A `count`, a resource's `for_each` or a `dynamic` block's `for_each` written as a conditional whose condition
the configuration states (`var.watch ? ["web01"] : []`, `var.off ? toset([...]) : toset([])`, `var.off ? 1 :
0`) makes the resources or blocks of the branch it takes, as Terraform does: a block its variable's default
turns off makes none, so it gives no finding (where each was a collection not stated, one standing for all, a
finding on a stand-in VM); one turned on makes its items, each with its own index. Terraform's JSON syntax
alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import lint_files

VMS = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines"

CONFIGURATION = f"""\
variable "watch" {{
  default = true
}}
variable "off" {{
  default = false
}}
locals {{
  vms = "{VMS}"
}}

resource "azurerm_monitor_activity_log_alert" "on" {{
  name                = "on"
  resource_group_name = "mon"
  scopes              = ["/subscriptions/11111111-2222-3333-4444-555555555555"]
  dynamic "criteria" {{
    for_each = var.watch ? ["web01"] : []
    content {{
      resource_id = "${{local.vms}}/${{criteria.value}}-${{criteria.key}}"
      category    = "Administrative"
    }}
  }}
}}

resource "azurerm_monitor_activity_log_alert" "off" {{
  name                = "off"
  resource_group_name = "mon"
  scopes              = ["/subscriptions/11111111-2222-3333-4444-555555555555"]
  dynamic "criteria" {{
    for_each = var.off ? ["web02"] : []
    content {{
      resource_id = "${{local.vms}}/${{criteria.value}}"
      category    = "Administrative"
    }}
  }}
}}

resource "azurerm_role_assignment" "by_each" {{
  for_each             = var.off ? toset(["web03"]) : toset([])
  scope                = "${{local.vms}}/${{each.key}}"
  role_definition_name = "Reader"
  principal_id         = "by-each"
}}

resource "azurerm_role_assignment" "by_count" {{
  count                = var.off ? 1 : 0
  scope                = "${{local.vms}}/web04"
  role_definition_name = "Reader"
  principal_id         = "by-count"
}}
"""


def _found(findings: list) -> list[tuple[str, int, int]]:
    return sorted(
        (f.message.split(": the migration")[0], f.location.line, f.location.column) for f in findings
    )


def test_only_the_branch_a_stated_condition_takes_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"main.tf": CONFIGURATION}, "MIG501", "MIG502", dedent=False)
    assert _found(result.findings) == [("activity log alert 'on' watches classic VM 'web01-0'", 18, 21)]


def test_a_tf_json_file_s_conditional_for_each_is_read_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def alert(name: str, condition: str, vm: str) -> dict:
        criteria = {"resource_id": f"${{local.vms}}/${{criteria.value}}-{name}", "category": "Administrative"}
        return {
            "name": name,
            "resource_group_name": "mon",
            "scopes": ["/subscriptions/11111111-2222-3333-4444-555555555555"],
            "dynamic": {"criteria": {"for_each": f'${{{condition} ? ["{vm}"] : []}}', "content": criteria}},
        }

    configuration = {
        "variable": {"watch": {"default": True}, "off": {"default": False}},
        "locals": {"vms": VMS},
        "resource": {
            "azurerm_monitor_activity_log_alert": {
                "on": alert("on", "var.watch", "web01"),
                "off": alert("off", "var.off", "web02"),
            },
            "azurerm_role_assignment": {
                "by_count": {
                    "count": "${var.off ? 1 : 0}",
                    "scope": "${local.vms}/web04",
                    "role_definition_name": "Reader",
                    "principal_id": "by-count",
                }
            },
        },
    }
    text = json.dumps(configuration, indent=1)
    result = lint_files(tmp_path, monkeypatch, {"main.tf.json": text}, "MIG501", "MIG502", dedent=False)
    line, written = next((n, w) for n, w in enumerate(text.splitlines(), 1) if "criteria.value}-on" in w)
    at = written.index('"${local.vms}') + 1  # the template's opening quote
    assert _found(result.findings) == [("activity log alert 'on' watches classic VM 'web01-on'", line, at)]
