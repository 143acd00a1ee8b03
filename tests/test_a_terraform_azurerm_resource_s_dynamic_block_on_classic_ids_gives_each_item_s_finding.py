"""A `dynamic` block of an `azurerm` resource the reader reads (`dynamic "criteria"` of an activity log alert,
`dynamic "rule"` of an autoscale setting's profile, with its `iterator`) writes its `content` once for each
item of its `for_each`, each with that item's classic id: the resource is on every one, found at the
content's argument, as blocks written out are. Terraform's JSON syntax (`.tf.json`) alike. Blocks that
`dynamic` blocks nested in others' `content` write are read up to a bound, not the product of their items."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from growth import assert_linear
from lint_support import lint_files, where

from migcheck.readers import terraform

SUB = "/subscriptions/11111111-2222-3333-4444-555555555555"
WEB01 = f"{SUB}/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines/web01"
WEB02 = f"{SUB}/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines/web02"
ORDERS = f"{SUB}/resourceGroups/shop/providers/Microsoft.ClassicStorage/storageAccounts/orders"
SCALE_SET = f"{SUB}/resourceGroups/shop/providers/Microsoft.Compute/virtualMachineScaleSets/w"

CONFIGURATION = f"""\
locals {{
  watched = {{ web01 = "{WEB01}", web02 = "{WEB02}" }}
  queues  = ["{ORDERS}"]
}}

resource "azurerm_monitor_activity_log_alert" "changes" {{
  name                = "vm-changes"
  resource_group_name = "mon-rg"
  scopes              = ["{SUB}"]

  dynamic "criteria" {{
    for_each = local.watched
    content {{
      category    = "Administrative"
      resource_id = criteria.value
    }}
  }}
}}

resource "azurerm_monitor_autoscale_setting" "worker" {{
  name                = "worker-scale"
  resource_group_name = "mon-rg"
  target_resource_id  = "{SCALE_SET}"

  profile {{
    name = "default"
    dynamic "rule" {{
      for_each = local.queues
      iterator = q
      content {{
        metric_trigger {{
          metric_resource_id = q.value
        }}
      }}
    }}
  }}
}}
"""

JSON_CONFIGURATION = {
    "locals": {"watched": {"web01": WEB01, "web02": WEB02}, "queues": [ORDERS]},
    "resource": {
        "azurerm_monitor_activity_log_alert": {
            "changes": {
                "name": "vm-changes",
                "scopes": [SUB],
                "dynamic": {
                    "criteria": {
                        "for_each": "${local.watched}",
                        "content": {"category": "Administrative", "resource_id": "${criteria.value}"},
                    }
                },
            }
        },
        "azurerm_monitor_autoscale_setting": {
            "worker": {
                "name": "worker-scale",
                "target_resource_id": SCALE_SET,
                "profile": {
                    "name": "default",
                    "dynamic": {
                        "rule": {
                            "for_each": "${local.queues}",
                            "iterator": "q",
                            "content": {"metric_trigger": {"metric_resource_id": "${q.value}"}},
                        }
                    },
                },
            }
        },
    },
}


def _at(text: str, written: str, offset: int = 0) -> str:
    """`line:column` of the character `offset` past the start of `written`, the only one in `text`."""
    assert text.count(written) == 1, written
    before = text[: text.index(written) + offset]
    return f"{before.count(chr(10)) + 1}:{len(before) - before.rfind(chr(10))}"


@pytest.mark.parametrize("syntax", ["tf", "tf.json"])
def test_each_item_s_classic_id_is_found_at_the_content_s_argument(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, syntax: str
) -> None:
    name = f"main.{syntax}"
    text = CONFIGURATION if syntax == "tf" else json.dumps(JSON_CONFIGURATION, indent=2)
    # A string that is only `${...}` is at its opening quote.
    expression = ("criteria.value", "q.value") if syntax == "tf" else ('"${criteria.value}"', '"${q.value}"')
    result = lint_files(tmp_path, monkeypatch, {name: text}, dedent=False)
    found = sorted((f for f in result.findings if f.code != "MIG601"), key=lambda f: f.code)
    assert where(found) == [
        f"MIG502 {name}:{_at(text, expression[0])}",
        f"MIG503 {name}:{_at(text, expression[1])}",
    ]
    assert "activity log alert 'vm-changes' watches classic VM 'web01', VM 'web02'" in found[0].message
    assert "classic storage account 'orders'" in found[1].message


def _nested(n: int) -> str:
    """An autoscale setting of `n` profiles, each of `n` rules, each on a classic storage account: `n`²
    blocks, which `dynamic` blocks nested in one another write from two lists of `n`."""
    ids = ", ".join(f'"{ORDERS}{i}"' for i in range(n))
    return f"""\
locals {{
  ids = [{ids}]
}}
resource "azurerm_monitor_autoscale_setting" "worker" {{
  name               = "worker-scale"
  target_resource_id = "{SCALE_SET}"
  dynamic "profile" {{
    for_each = local.ids
    content {{
      name = "p"
      dynamic "rule" {{
        for_each = local.ids
        iterator = r
        content {{
          metric_trigger {{
            metric_resource_id = r.value
          }}
        }}
      }}
    }}
  }}
}}
"""


def test_dynamic_blocks_nested_in_one_another_cost_no_more_than_a_bounded_number_of_blocks() -> None:
    (setting,) = terraform.read("main.tf", _nested(20).encode()).resources
    assert [source.names for source in setting.metric_sources] == [(f"orders{i}",) for i in range(20)]
    assert_linear(lambda n: lambda: terraform.read("main.tf", _nested(n).encode()), 25)
