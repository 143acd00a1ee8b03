"""A Terraform list or function call written over several lines (one item a line, a trailing comma, a comment
between items) was read with its line breaks as items: a network's `address_space` had no prefix, a
`for_each = toset([...])` was a collection not stated (one VM standing for all), and `local.l[1]` or
`element(...)` counted the line breaks. Its items are now the expressions it writes, as on one line."""

from __future__ import annotations

from lint_support import script_resources

from migcheck.model import Deployment, VirtualNetwork

CONFIGURATION = """\
locals {
  sizes = [
    "Basic_A1", # the small one
    "Basic_A2",
  ]
}

resource "azure_virtual_network" "net" {
  name = "prod-vnet"
  address_space = [
    "10.1.0.0/16",
  ]
  location = "West Europe"
  subnet {
    name           = "web"
    address_prefix = "10.1.1.0/24"
  }
}

resource "azure_instance" "web" {
  for_each = toset([
    "alpha",
    "beta",
  ])
  name                 = "web-${each.value}"
  image                = "Ubuntu Server 14.04 LTS"
  size                 = local.sizes[1]
  storage_service_name = lookup(
    { alpha = "storealpha", beta = "storebeta" },
    each.value,
  )
  location = "West Europe"
  username = "ops"
}
"""


def test_the_items_are_the_expressions_written() -> None:
    resources = script_resources(CONFIGURATION, "main.tf")
    networks = [
        (n.name, [p.text for p in n.address_space]) for n in resources if isinstance(n, VirtualNetwork)
    ]
    assert networks == [("prod-vnet", ["10.1.0.0/16"])]
    vms = [(d.roles[0].name, d.roles[0].size) for d in resources if isinstance(d, Deployment)]
    assert vms == [("web-alpha", "Basic_A2"), ("web-beta", "Basic_A2")]
    disks = [disk.media_link for d in resources if isinstance(d, Deployment) for disk in d.roles[0].disks]
    assert disks == [
        "http://storealpha.blob.core.windows.net/vhds/web-alpha.vhd",
        "http://storebeta.blob.core.windows.net/vhds/web-beta.vhd",
    ]
