"""A classic Terraform VM's `security_group` whose name the configuration does not state (`"${var.nsg}"`) is
cloned by the migration with the VM all the same (the deep dive, NSGs row): the VM's step says so under a
stand-in named where the value is given, as it does for a stated name; a group the configuration declares
under the same value is that group, not one left to move on its own."""

from __future__ import annotations

from migcheck.plan import Plan

NETWORK = """\
variable "nsg" {}
resource "azure_virtual_network" "net" {
  name          = "net1"
  address_space = ["10.0.0.0/16"]
  location      = "West Europe"
  subnet {
    name           = "public"
    address_prefix = "10.0.1.0/24"
  }
}
resource "azure_instance" "web" {
  name                 = "web1"
  hosted_service_name  = "svc1"
  image                = "Ubuntu Server 14.04 LTS"
  size                 = "Basic_A1"
  storage_service_name = "store1"
  location             = "West Europe"
  username             = "u"
  virtual_network      = "net1"
  subnet               = "public"
  security_group       = "${var.nsg}"
}
"""

CLONED = (
    "network security group '<network security group name, main.tf:21:26>' of VM 'web1', cloned: the classic"
    " one stays, to delete once nothing classic uses it"
)


def _group_moves(plan: Plan) -> list[str]:
    (network,) = [step for step in plan.steps if step.id == "network:net1"]
    return [move for move in network.moves if "network security group" in move]


def test_the_vm_s_step_says_its_group_of_an_unstated_name_is_cloned(plan_of):
    assert _group_moves(plan_of({"main.tf": NETWORK})) == [CLONED]


def test_a_group_declared_under_the_same_value_is_not_moved_on_its_own(plan_of):
    group = (
        'resource "azure_security_group" "web" {\n  name     = "${var.nsg}"\n  location = "West Europe"\n}\n'
    )
    plan = plan_of({"main.tf": NETWORK + group})
    assert [step.id for step in plan.steps if step.id.startswith("unattached:")] == []
    assert len(_group_moves(plan)) == 1
