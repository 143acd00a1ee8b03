"""A classic `azure_virtual_network`'s subnet prefixes built by `cidrsubnet` of a prefix the configuration
states (`cidrsubnet(local.space, 8, subnet.value)`) are the ranges Terraform works out, each shown at the
call; a `dynamic "subnet"` over `merge` of maps it states writes one subnet per key of the merged map (the
last map's value for a key two give), and a member of a merged map (`local.settings.name`, `lookup(merge(...),
"location")`) is the last map's that holds it. One whose arguments are not stated, or that asks for more bits than the address has, is a
prefix not stated. Terraform's JSON syntax alike."""

from __future__ import annotations

import json

from migcheck.model import VirtualNetwork
from migcheck.readers import terraform

CONFIGURATION = """\
variable "unset" {}

locals {
  space    = "10.1.0.0/16"
  base     = { front = 1, back = 2 }
  settings = merge({ name = "default-vnet" }, { name = "shop-vnet", location = "West Europe" })
}

resource "azure_virtual_network" "net" {
  name          = local.settings.name
  address_space = [local.space]
  location      = lookup(merge({ location = "North Europe" }, local.settings), "location", "East US")

  dynamic "subnet" {
    for_each = merge(local.base, { back = 3 })
    content {
      name           = subnet.key
      address_prefix = cidrsubnet(local.space, 8, subnet.value)
    }
  }

  subnet {
    name           = "unstated"
    address_prefix = cidrsubnet(var.unset, 8, 0)
  }

  subnet {
    name           = "too-long"
    address_prefix = cidrsubnet(local.space, 17, 0)
  }
}
"""


def _subnets(path: str, text: str) -> tuple[str, list[tuple[str, str | None, int, int]]]:
    """The network's name and location, and each subnet's name, prefix (None where not stated) and where the
    prefix is."""
    document = terraform.read(path, text.encode())
    network = next(r for r in document.resources if isinstance(r, VirtualNetwork))
    subnets = [
        (s.name, s.prefix.text, s.prefix.mark.line, s.prefix.mark.column)
        if s.prefix is not None and s.prefix_known
        else (s.name, None, 0, 0)
        for s in network.subnets
    ]
    return f"{network.name} in {network.location}", sorted(subnets)


def test_cidrsubnet_and_merge_give_the_prefixes_and_names_terraform_works_out() -> None:
    name, subnets = _subnets("main.tf", CONFIGURATION)
    assert name == "shop-vnet in West Europe"  # `lookup` of a merged map: the last map's that holds the key
    assert [(s[0], s[1]) for s in subnets] == [
        ("back", "10.1.3.0/24"),
        ("front", "10.1.1.0/24"),
        ("too-long", None),
        ("unstated", None),
    ]
    assert [(s[2], s[3]) for s in subnets if s[1] is not None] == [(18, 24), (18, 24)]  # at the call


def test_a_tf_json_file_s_cidrsubnet_and_merge_are_read_too() -> None:
    configuration = {
        "locals": {
            "space": "10.1.0.0/16",
            "base": {"front": 1, "back": 2},
            "settings": '${merge({ name = "default-vnet" }, { name = "shop-vnet" })}',
            "place": {"location": "West Europe"},
        },
        "resource": {
            "azure_virtual_network": {
                "net": {
                    "name": "${local.settings.name}",
                    "address_space": ["${local.space}"],
                    "location": '${lookup(merge({ location = "North Europe" }, local.place), "location")}',
                    "dynamic": {
                        "subnet": {
                            "for_each": "${merge(local.base, { back = 3 })}",
                            "content": {
                                "name": "${subnet.key}",
                                "address_prefix": "${cidrsubnet(local.space, 8, subnet.value)}",
                            },
                        }
                    },
                }
            }
        },
    }
    text = json.dumps(configuration, indent=1)
    name, subnets = _subnets("main.tf.json", text)
    line, written = next((n, w) for n, w in enumerate(text.splitlines(), 1) if "cidrsubnet" in w)
    at = (line, written.index('"${cidrsubnet') + 1)  # a string that is only `${...}`: at its opening quote
    assert name == "shop-vnet in West Europe"
    assert subnets == [("back", "10.1.3.0/24", *at), ("front", "10.1.1.0/24", *at)]
