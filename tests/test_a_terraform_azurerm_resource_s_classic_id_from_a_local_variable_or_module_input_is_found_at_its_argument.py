"""An `azurerm` resource that takes a classic id from a local, a variable's default, a `.tfvars` value or a
module's input is found at its own argument, the one that puts it on the id (`scope = local.vm`, an item of
`scopes = [local.vm]`, `virtual_network_id = var.vnet` in an HDInsight cluster's `head_node`), as the same id
interpolated (`"${local.vnet}/subnets/ase"`) is: not where the local or variable is written, which many
resources may share. A list the resource takes whole from a local (`scopes = local.vms`) gives each of its ids,
at the argument. Terraform's JSON syntax (`.tf.json`) alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import lint_files, where

SUB = "/subscriptions/11111111-2222-3333-4444-555555555555"
VNET = f"{SUB}/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks/vnet1"
VM = f"{SUB}/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines/web01"
VM2 = f"{SUB}/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines/web02"
ROLE = f"{SUB}/resourceGroups/shop/providers/Microsoft.ClassicCompute/domainNames/shop/slots/Production/roles/Web"

CONFIGURATION = f"""\
locals {{
  classic_vm   = "{VM}"
  classic_vms  = ["{VM}", "{VM2}"]
  classic_role = "{ROLE}"
}}

variable "classic_vnet" {{
  default = "{VNET}"
}}

resource "azurerm_role_assignment" "ops" {{
  scope                = local.classic_vm
  role_definition_name = "Reader"
  principal_id         = "00000000-0000-0000-0000-0000000000aa"
}}

resource "azurerm_monitor_metric_alert" "cpu" {{
  name                = "web01-cpu"
  resource_group_name = "mon-rg"
  scopes              = [local.classic_vm]
}}

resource "azurerm_monitor_metric_alert" "disk" {{
  name                = "web-disk"
  resource_group_name = "mon-rg"
  scopes              = local.classic_vms
}}

resource "azurerm_monitor_autoscale_setting" "web" {{
  name                = "web-scale"
  resource_group_name = "mon-rg"
  target_resource_id  = "${{local.classic_role}}"
}}

resource "azurerm_hdinsight_spark_cluster" "spark" {{
  name                = "shop-spark"
  resource_group_name = "hdi-rg"

  roles {{
    head_node {{
      vm_size            = "Standard_D12_V2"
      virtual_network_id = var.classic_vnet
      subnet_id          = "${{var.classic_vnet}}/subnets/hdi"
    }}
  }}
}}
"""

EXPECTED = [
    "MIG315 main.tf:{spark}",
    "MIG501 main.tf:{ops}",
    "MIG502 main.tf:{cpu}",
    "MIG502 main.tf:{disk}",
    "MIG503 main.tf:{web}",
]


def _at(text: str, written: str, offset: int = 0) -> str:
    """`line:column` of the character `offset` past the start of `written`, the only one in `text`."""
    assert text.count(written) == 1, written
    before = text[: text.index(written) + offset]
    return f"{before.count(chr(10)) + 1}:{len(before) - before.rfind(chr(10))}"


def _sorted(findings: list) -> list[str]:
    return sorted(where(f for f in findings if f.code != "MIG601"))


def test_each_finding_is_at_the_argument_of_the_resource(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"main.tf": CONFIGURATION}, dedent=False)
    places = {
        "ops": _at(CONFIGURATION, "local.classic_vm\n  role"),
        "cpu": _at(CONFIGURATION, "[local.classic_vm]", 1),
        "disk": _at(CONFIGURATION, "local.classic_vms\n"),
        "web": _at(CONFIGURATION, '"${local.classic_role}"'),  # a string: at its opening quote
        "spark": _at(CONFIGURATION, "var.classic_vnet\n"),
    }
    assert _sorted(result.findings) == [line.format(**places) for line in EXPECTED]
    [disk] = [f.message for f in result.findings if "'web-disk'" in f.message]
    assert "classic VM 'web01', VM 'web02'" in disk


JSON_CONFIGURATION = {
    "locals": {"classic_vm": VM, "classic_vms": [VM, VM2]},
    "variable": {"classic_vnet": {"default": VNET}},
    "resource": {
        "azurerm_role_assignment": {
            "ops": {"scope": "${local.classic_vm}", "role_definition_name": "Reader", "principal_id": "aa"}
        },
        "azurerm_monitor_metric_alert": {
            "disk": {"name": "web-disk", "scopes": "${local.classic_vms}"},
        },
        "azurerm_hdinsight_spark_cluster": {
            "spark": {
                "name": "shop-spark",
                "roles": {"head_node": {"virtual_network_id": "${var.classic_vnet}", "subnet_id": "x"}},
            }
        },
    },
}


def test_a_tf_json_file_s_findings_are_at_the_resource_s_argument_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = json.dumps(JSON_CONFIGURATION, indent=2)
    result = lint_files(tmp_path, monkeypatch, {"main.tf.json": text}, dedent=False)
    # Each a string that is only `${...}`: at its opening quote.
    names = ("var.classic_vnet", "local.classic_vm", "local.classic_vms")
    spark, ops, disk = (_at(text, f'"${{{name}}}"') for name in names)
    expected = [f"MIG315 main.tf.json:{spark}", f"MIG501 main.tf.json:{ops}", f"MIG502 main.tf.json:{disk}"]
    assert _sorted(result.findings) == expected


MODULE_CALL = f"""\
module "access" {{
  source = "./modules/access"
  scope  = "{VM}"
}}
"""

MODULE = """\
variable "scope" {}

resource "azurerm_role_assignment" "ops" {
  scope                = var.scope
  role_definition_name = "Reader"
  principal_id         = "00000000-0000-0000-0000-0000000000aa"
}
"""


def test_a_module_s_input_is_found_at_the_module_s_resource(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"main.tf": MODULE_CALL, "modules/access/main.tf": MODULE}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert _sorted(result.findings) == ["MIG501 modules/access/main.tf:4:26"]


def test_a_tfvars_value_is_found_at_the_resource(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {"main.tf": MODULE, "terraform.tfvars": f'scope = "{VM}"\n'}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert _sorted(result.findings) == ["MIG501 main.tf:4:26"]
