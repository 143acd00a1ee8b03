"""A classic id an `azurerm` resource builds of what a data source looks up, or of a subscription or resource
group the configuration does not state, is an id of its classic type: `data.azurerm_resources.x.resources[0].id`
is the id of the resource of the block's `type`, `resource_group_name` and `name` (a stand-in for what it does
not filter on); `data.azurerm_subscription.x.id` is `/subscriptions/<its subscription_id>`, and
`data.azurerm_client_config.x.subscription_id` its subscription; an id's subscription not stated is one
stand-in however often the configuration writes it (`<the azurerm provider's subscription>`, `<value of
var.sub>`), so the ids name one subscription. A data source of a Resource Manager type gives no classic id.
Terraform's JSON syntax alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import lint_files

PROVIDER = "<the azurerm provider's subscription>"
VMS = "providers/Microsoft.ClassicCompute/virtualMachines"

DATA = """\
variable "sub" {}

data "azurerm_subscription" "current" {}

data "azurerm_subscription" "other" {
  subscription_id = "22222222-3333-4444-5555-666666666666"
}

data "azurerm_client_config" "me" {}

data "azurerm_resources" "web" {
  type                = "Microsoft.ClassicCompute/virtualMachines"
  resource_group_name = "shop"
  name                = "web01"
}

data "azurerm_resources" "any" {
  type                = "Microsoft.ClassicCompute/virtualMachines"
  resource_group_name = "shop"
}

data "azurerm_resources" "arm" {
  type                = "Microsoft.Compute/virtualMachines"
  resource_group_name = "shop"
  name                = "arm01"
}
"""

# Each assignment's name, its `scope` expression, and the VM and subscription MIG501 names (None: none).
CASES = {
    "resources": ("data.azurerm_resources.web.resources[0].id", ("'web01'", PROVIDER)),
    "subscription": (
        f'"${{data.azurerm_subscription.current.id}}/resourceGroups/shop/{VMS}/web02"',
        ("'web02'", PROVIDER),
    ),
    "client": (
        f'"/subscriptions/${{data.azurerm_client_config.me.subscription_id}}/resourceGroups/shop/{VMS}/web03"',
        ("'web03'", PROVIDER),
    ),
    "variable": (
        f'"/subscriptions/${{var.sub}}/resourceGroups/shop/{VMS}/web04"',
        ("'web04'", "<value of var.sub>"),
    ),
    "stated": (
        f'"${{data.azurerm_subscription.other.id}}/resourceGroups/shop/{VMS}/web05"',
        ("'web05'", "22222222-3333-4444-5555-666666666666"),
    ),
    "unnamed": (
        "data.azurerm_resources.any.resources[0].id",
        ("'<value of data.azurerm_resources.any.resources[0].name, main.tf:N>'", PROVIDER),
    ),
    "resource-manager": ("data.azurerm_resources.arm.resources[0].id", None),
}


def _assignment(name: str, scope: str) -> str:
    return (
        f'resource "azurerm_role_assignment" "{name}" {{\n  scope                = {scope}\n'
        f'  role_definition_name = "Reader"\n  principal_id         = "{name}"\n}}\n'
    )


def _assigned(findings: list) -> dict[str, tuple[str, str, int, int]]:
    """Each MIG501's principal (the assignment's name), with the VM and subscription it names, and where."""
    found = {}
    for finding in findings:
        if finding.code == "MIG501":
            principal = finding.message.split("principal ")[1].split(" ")[0]
            vm = finding.message.split("classic VM ")[1].split("; ")[0]
            subscription = finding.message.split("/subscriptions/")[1].split("/resourceGroups/")[0]
            found[principal] = (vm, subscription, finding.location.line, finding.location.column)
    return found


def test_an_id_of_a_data_source_or_an_unstated_subscription_is_of_its_classic_type(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    configuration = DATA + "".join(_assignment(name, scope) for name, (scope, _) in CASES.items())
    result = lint_files(tmp_path, monkeypatch, {"main.tf": configuration}, "MIG501", dedent=False)
    expected = {}
    for index, (name, (_, named)) in enumerate(CASES.items()):
        line = DATA.count("\n") + index * 5 + 2  # each assignment's `scope`
        column = 26  # at the expression, or a string's opening quote
        if named is not None:
            expected[name] = (named[0].replace("main.tf:N", f"main.tf:{line}"), named[1], line, column)
    assert _assigned(result.findings) == expected


def test_a_tf_json_file_s_data_source_gives_the_id_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    configuration = {
        "data": {
            "azurerm_subscription": {"current": {}},
            "azurerm_resources": {
                "web": {
                    "type": "Microsoft.ClassicCompute/virtualMachines",
                    "resource_group_name": "shop",
                    "name": "web01",
                }
            },
        },
        "resource": {
            "azurerm_role_assignment": {
                name: {"scope": scope, "role_definition_name": "Reader", "principal_id": name}
                for name, scope in (
                    ("resources", "${data.azurerm_resources.web.resources[0].id}"),
                    (
                        "subscription",
                        f"${{data.azurerm_subscription.current.id}}/resourceGroups/shop/{VMS}/web02",
                    ),
                )
            }
        },
    }
    text = json.dumps(configuration, indent=1)
    result = lint_files(tmp_path, monkeypatch, {"main.tf.json": text}, "MIG501", dedent=False)
    lines = text.splitlines()
    # each string, the one that is only `${...}` too, at its opening quote
    scopes = [(n, written.index('"${') + 1) for n, written in enumerate(lines, 1) if '"scope"' in written]
    assert _assigned(result.findings) == {
        "resources": ("'web01'", PROVIDER, *scopes[0]),
        "subscription": ("'web02'", PROVIDER, *scopes[1]),
    }
