"""A Terraform resource with `for_each` was read as one resource, its `each.key` and `each.value` values not
stated: a set or map the module states now makes one resource per key (`each.key` the key, `each.value` the
set's item or the map's value, and its members), and one it does not state is one resource per turn of a
loop over it, as a `count` not stated is."""

from __future__ import annotations

from lint_support import lint_files, script_resources, where

from migcheck.model import Deployment

MAPPED = """\
variable "vms" {
  default = {
    alpha = { service = "shop-alpha", size = "Basic_A1" }
    beta  = { service = "shop-beta", size = "Basic_A2" }
  }
}
resource "azure_instance" "web" {
  for_each             = var.vms
  name                 = "web-${each.key}"
  hosted_service_name  = each.value.service
  image                = "Ubuntu Server 14.04 LTS"
  size                 = each.value["size"]
  storage_service_name = "shopstore"
  location             = "West Europe"
  username             = "ops"
}
"""

SET = """\
resource "azure_instance" "web" {
  for_each             = toset(["alpha", "beta", "alpha"])
  name                 = "web-${each.value}"
  image                = "Ubuntu Server 14.04 LTS"
  size                 = "Basic_A1"
  storage_service_name = "shopstore"
  location             = "West Europe"
  username             = "ops"
}
"""


def _deployments(text: str) -> list[Deployment]:
    return [r for r in script_resources(text, "main.tf") if isinstance(r, Deployment)]


def test_a_map_makes_one_vm_per_key_named_by_its_key_and_value(tmp_path, monkeypatch):
    found = [(d.service_name, d.roles[0].name, d.roles[0].size) for d in _deployments(MAPPED)]
    assert found == [("shop-alpha", "web-alpha", "Basic_A1"), ("shop-beta", "web-beta", "Basic_A2")]
    result = lint_files(tmp_path, monkeypatch, {"main.tf": MAPPED}, "MIG105")
    assert where(result.findings) == ["MIG105 main.tf:7:1", "MIG105 main.tf:7:1"]


def test_a_set_makes_one_vm_per_item_each_once():
    assert [d.service_name for d in _deployments(SET)] == ["web-alpha", "web-beta"]


def test_a_for_each_not_stated_is_one_vm_per_turn_of_a_loop_over_it():
    text = 'variable "names" {}\n' + SET.replace('toset(["alpha", "beta", "alpha"])', "var.names")
    (deployment,) = _deployments(text)
    assert deployment.service_looped_over == "for_each = var.names"
    assert deployment.roles[0].looped_over == "for_each = var.names"
