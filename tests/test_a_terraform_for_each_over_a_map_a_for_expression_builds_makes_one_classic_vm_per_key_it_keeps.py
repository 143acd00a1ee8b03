"""A classic `azure_instance` whose `for_each` is a map a `for` expression builds of a list the configuration
states (`{ for vm in local.vms : vm.name => vm if vm.on }`) is one VM per key the expression keeps, `each.key`
the key and `each.value` the item (`each.value.subnet` its member), as Terraform makes them; its network named
by a conditional whose condition the configuration states, and by `format`, is that network. So a VM put in a
subnet its network lacks is MIG003 where the subnet's name is written, and an item the `if` leaves out makes
no VM. Terraform's JSON syntax alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import lint_files, where

CONFIGURATION = """\
provider "azure" {
  publish_settings = "x"
}

variable "env" {
  default = "prod"
}

locals {
  vms = [
    { name = "web01", subnet = "front", on = true },
    { name = "web02", subnet = "back", on = true },
    { name = "web03", subnet = "gone", on = false },
  ]
}

resource "azure_virtual_network" "net" {
  name          = format("%s-vnet", var.env)
  address_space = ["10.0.0.0/16"]
  location      = "West Europe"

  subnet {
    name           = "front"
    address_prefix = "10.0.1.0/24"
  }
}

resource "azure_instance" "vm" {
  for_each             = { for vm in local.vms : vm.name => vm if vm.on }
  name                 = each.key
  image                = "Ubuntu Server 14.04 LTS"
  size                 = "Basic_A1"
  location             = "West Europe"
  username             = "u"
  password             = "p"
  storage_service_name = "store01"
  virtual_network      = var.env == "prod" ? azure_virtual_network.net.name : "other"
  subnet               = each.value.subnet
}
"""


def test_each_key_the_for_expression_keeps_is_a_vm_in_its_item_s_subnet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"main.tf": CONFIGURATION}, "MIG003", dedent=False)
    assert [f.message for f in result.findings] == [
        "subnet 'back' is not a subnet of virtual network 'prod-vnet'"
    ]
    assert where(result.findings) == ["MIG003 main.tf:12:32"]  # where the item writes the subnet's name


def test_a_tf_json_file_s_for_each_of_a_for_expression_is_read_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    configuration = {
        "provider": {"azure": {"publish_settings": "x"}},
        "variable": {"env": {"default": "prod"}},
        "locals": {
            "vms": [
                {"name": "web01", "subnet": "front", "on": True},
                {"name": "web02", "subnet": "back", "on": True},
                {"name": "web03", "subnet": "gone", "on": False},
            ]
        },
        "resource": {
            "azure_virtual_network": {
                "net": {
                    "name": '${format("%s-vnet", var.env)}',
                    "address_space": ["10.0.0.0/16"],
                    "location": "West Europe",
                    "subnet": {"name": "front", "address_prefix": "10.0.1.0/24"},
                }
            },
            "azure_instance": {
                "vm": {
                    "for_each": "${{ for vm in local.vms : vm.name => vm if vm.on }}",
                    "name": "${each.key}",
                    "image": "Ubuntu Server 14.04 LTS",
                    "size": "Basic_A1",
                    "location": "West Europe",
                    "username": "u",
                    "password": "p",
                    "storage_service_name": "store01",
                    "virtual_network": '${var.env == "prod" ? azure_virtual_network.net.name : "other"}',
                    "subnet": "${each.value.subnet}",
                }
            },
        },
    }
    text = json.dumps(configuration, indent=1)
    result = lint_files(tmp_path, monkeypatch, {"main.tf.json": text}, "MIG003", dedent=False)
    line, written = next((n, w) for n, w in enumerate(text.splitlines(), 1) if '"back"' in w)
    assert [f.message for f in result.findings] == [
        "subnet 'back' is not a subnet of virtual network 'prod-vnet'"
    ]
    column = written.index('"back"') + 1  # at the value's opening quote
    assert where(result.findings) == [f"MIG003 main.tf.json:{line}:{column}"]
