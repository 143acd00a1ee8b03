"""A `dynamic` block of an `azurerm` resource whose `for_each` lists more items than migcheck writes blocks for
(100 for one block; 1,000 for all of a resource's `dynamic` blocks, nested ones too) made one block standing
for every item, whose id was a value not stated: the resource was told of nothing, as if its items named no
classic resource. Now the block is written once for each classic type the items' ids name, its id one of
that type named by a stand-in (`<value of criteria.value, main.tf:N>`), as a `count` past its cap makes a
VM of a stand-in name; and the cap is said where the `for_each` is written (`dynamic-blocks-cut`, under
`--verbose` and in the parts not read as written). Terraform's JSON syntax alike."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

from migcheck.model import DYNAMIC_BLOCKS_CUT
from migcheck.report.unread import in_documents

SUB = "/subscriptions/11111111-2222-3333-4444-555555555555"
VM = f"{SUB}/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines/web"
ACCOUNT = f"{SUB}/resourceGroups/shop/providers/Microsoft.ClassicStorage/storageAccounts/store"
NETWORK = f"{SUB}/resourceGroups/shop/providers/Microsoft.Network/virtualNetworks/hub"


def _ids(vms: int, accounts: int) -> list[str]:
    return [f"{VM}{i}" for i in range(vms)] + [f"{ACCOUNT}{i}" for i in range(accounts)] + [NETWORK]


def _configuration(ids: list[str]) -> str:
    listed = ", ".join(f'"{i}"' for i in ids)
    return f"""\
locals {{
  watched = [{listed}]
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
"""


def _json_configuration(ids: list[str]) -> str:
    alert = {
        "name": "vm-changes",
        "scopes": [SUB],
        "dynamic": {
            "criteria": {
                "for_each": "${local.watched}",
                "content": {"category": "Administrative", "resource_id": "${criteria.value}"},
            }
        },
    }
    configuration = {
        "locals": {"watched": ids},
        "resource": {"azurerm_monitor_activity_log_alert": {"changes": alert}},
    }
    return json.dumps(configuration, indent=2)


def _unread_tags(result) -> list[tuple[str, int, str]]:
    return [(p.path, m.line, m.tag) for p in in_documents(result.documents) for m in p.marks]


@pytest.mark.parametrize("syntax", ["tf", "tf.json"])
def test_items_past_the_cap_are_one_block_for_each_classic_type_they_name(tmp_path, monkeypatch, syntax):
    name = f"main.{syntax}"
    ids = _ids(150, 3)
    text = _configuration(ids) if syntax == "tf" else _json_configuration(ids)
    result = lint_files(tmp_path, monkeypatch, {name: text}, dedent=False)
    (alert,) = [f for f in result.findings if f.code == "MIG502"]
    assert "classic VM '<value of criteria.value, " in alert.message
    assert ", storage account '<value of criteria.value, " in alert.message
    line = text[: text.index("for_each")].count("\n") + 1
    assert _unread_tags(result) == [(name, line, DYNAMIC_BLOCKS_CUT)]


def test_items_under_the_cap_are_each_its_own_block_and_say_nothing(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": _configuration(_ids(2, 1))}, dedent=False)
    (alert,) = [f for f in result.findings if f.code == "MIG502"]
    assert "VM 'web0', VM 'web1'" in alert.message and "'store0'" in alert.message
    assert "<value of" not in alert.message
    assert _unread_tags(result) == []


def test_items_past_the_cap_that_name_nothing_classic_are_told_of_nothing(tmp_path, monkeypatch):
    ids = [f"{NETWORK}{i}" for i in range(150)]
    result = lint_files(tmp_path, monkeypatch, {"main.tf": _configuration(ids)}, dedent=False)
    assert [f for f in result.findings if f.code == "MIG502"] == []
