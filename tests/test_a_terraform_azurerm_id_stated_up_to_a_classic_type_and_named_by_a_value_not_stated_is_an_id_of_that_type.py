"""An `azurerm` resource's id stated up to a classic type's name and named by a value the configuration does
not state (`".../Microsoft.ClassicCompute/virtualMachines/${var.vm}"`, `var.vm` given at `plan`; a `dynamic`
block's `${criteria.value}` over a variable not stated) is read as an id of that type named by a stand-in that
says what holds the name and where (`<value of var.vm, main.tf:8>`), as a template reads one named by a
parameter with no value: a role assignment on it is MIG501, an alert on it MIG502, a peering with a classic
network so named MIG313. A value not stated before the classic type's name (the type itself), or an id of a
Resource Manager type, stays a value not stated."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

CONFIGURATION = """\
variable "sub" {
  default = "11111111-2222-3333-4444-555555555555"
}
variable "vm" {}
variable "watched" {}
variable "kind" {}

locals {
  group = "/subscriptions/${var.sub}/resourceGroups/shop/providers"
}

resource "azurerm_role_assignment" "ops" {
  scope                = "${local.group}/Microsoft.ClassicCompute/virtualMachines/${var.vm}"
  role_definition_name = "Reader"
  principal_id         = "00000000-0000-0000-0000-0000000000aa"
}

resource "azurerm_role_assignment" "any_type" {
  scope                = "${local.group}/Microsoft.ClassicCompute/${var.kind}/web01"
  role_definition_name = "Reader"
  principal_id         = "00000000-0000-0000-0000-0000000000bb"
}

resource "azurerm_role_assignment" "not_classic" {
  scope                = "${local.group}/Microsoft.Compute/virtualMachines/${var.vm}"
  role_definition_name = "Reader"
  principal_id         = "00000000-0000-0000-0000-0000000000cc"
}

resource "azurerm_monitor_activity_log_alert" "watch" {
  name                = "watch"
  resource_group_name = "mon-rg"
  scopes              = ["/subscriptions/${var.sub}"]
  dynamic "criteria" {
    for_each = var.watched
    content {
      resource_id = "${local.group}/Microsoft.ClassicCompute/virtualMachines/${criteria.value}"
      category    = "Administrative"
    }
  }
}

resource "azurerm_virtual_network_peering" "to_classic" {
  name                      = "hub-to-classic"
  virtual_network_name      = "hub"
  remote_virtual_network_id = "${local.group}/Microsoft.ClassicNetwork/virtualNetworks/${var.vm}-net"
}
"""


def _line(needle: str) -> int:
    [line] = [n for n, text in enumerate(CONFIGURATION.splitlines(), 1) if needle in text]
    return line


def test_each_id_named_by_a_value_not_stated_is_of_its_classic_type(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"main.tf": CONFIGURATION}, dedent=False)
    found = sorted(w.rsplit(":", 1)[0] for w in where(f for f in result.findings if f.code != "MIG601"))
    assert found == [
        f"MIG313 main.tf:{_line('ClassicNetwork/virtualNetworks/')}",
        f"MIG501 main.tf:{_line('ClassicCompute/virtualMachines/${var.vm}')}",
        f"MIG502 main.tf:{_line('${criteria.value}')}",
    ]
    [assigned] = [f.message for f in result.findings if f.code == "MIG501"]
    line = _line("ClassicCompute/virtualMachines/${var.vm}")
    assert f"on classic VM '<value of var.vm, main.tf:{line}>'" in assigned
    [alert] = [f.message for f in result.findings if f.code == "MIG502"]
    assert f"classic VM '<value of criteria.value, main.tf:{_line('${criteria.value}')}>'" in alert
