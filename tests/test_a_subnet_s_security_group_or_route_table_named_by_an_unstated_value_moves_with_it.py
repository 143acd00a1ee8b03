"""A classic CLI script that creates a network security group (or route table) under a value it does not
state (`azure network nsg create "$NSG" ...`) and then gives a subnet that value (`azure network nsg subnet
add "$NSG" net1 public`, `vnet subnet create -o "$NSG"`, `vnet subnet route-table add net1 public "$RT"`)
gives the subnet the group it made: the plan moves the group with the subnet under the stand-in the create
named it by, and does not call it unattached. A Terraform subnet whose `security_group` names a group of a
variable name reads so too. A value no command created one under names none the files know."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan

VNET = 'azure network vnet create net1 -e 10.0.0.0 -i 16 -l "West Europe" -n public -p 10.0.4.0 -r 22\n'
SCRIPTS = {
    "nsg subnet add": (
        'NSG=$1\nazure network nsg create "$NSG" "West Europe"\n'
        + VNET
        + 'azure network nsg subnet add "$NSG" net1 public\n',
        "network security group '<network security group name, make.sh:3>' of subnet 'public'",
    ),
    "subnet create -o": (
        'NSG=$1\nazure network nsg create "$NSG" "West Europe"\n'
        + VNET
        + 'azure network vnet subnet create net1 back -a 10.0.8.0/24 -o "$NSG"\n',
        "network security group '<network security group name, make.sh:3>' of subnet 'back'",
    ),
    "route-table add": (
        'RT=$1\nazure network route-table create "$RT" "West Europe"\n'
        + VNET
        + 'azure network vnet subnet route-table add net1 public "$RT"\n',
        "route table '<route table name, make.sh:3>' of subnet 'public'",
    ),
}
TERRAFORM = """\
variable "nsg_name" {}

resource "azure_security_group" "public" {
  name     = var.nsg_name
  location = "West Europe"
}

resource "azure_virtual_network" "net1" {
  name          = "net1"
  address_space = ["10.0.0.0/16"]
  location      = "West Europe"

  subnet {
    name           = "public"
    address_prefix = "10.0.4.0/22"
    security_group = "${azure_security_group.public.name}"
  }
}
"""


def _steps(tmp_path, monkeypatch, files: dict[str, str]) -> list[tuple[str, str]]:
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    (plan,) = [s for s in build_plan(result).subscriptions if s.steps]
    return [(step.id, move) for step in plan.steps for move in step.moves]


@pytest.mark.parametrize(("script", "moved"), SCRIPTS.values(), ids=SCRIPTS)
def test_the_subnet_s_network_moves_the_group_the_script_made(tmp_path, monkeypatch, script, moved) -> None:
    steps = _steps(tmp_path, monkeypatch, {"make.sh": "#!/bin/bash\n" + script})
    assert any(moved in move for _, move in steps), steps
    assert not [id_ for id_, _ in steps if id_.startswith("unattached:")]


def test_a_terraform_subnet_s_group_of_a_variable_name_moves_with_it(tmp_path, monkeypatch) -> None:
    steps = _steps(tmp_path, monkeypatch, {"main.tf": TERRAFORM})
    moved = "network security group '<network security group name, main.tf:4:14>' of subnet 'public'"
    assert any(moved in move for _, move in steps), steps
    assert not [id_ for id_, _ in steps if id_.startswith("unattached:")]


def test_a_value_no_command_made_a_group_under_gives_none(tmp_path, monkeypatch) -> None:
    script = "#!/bin/bash\n" + VNET + 'azure network nsg subnet add "$1" net1 public\n'
    steps = _steps(tmp_path, monkeypatch, {"make.sh": script})
    assert not [move for _, move in steps if "network security group" in move]
