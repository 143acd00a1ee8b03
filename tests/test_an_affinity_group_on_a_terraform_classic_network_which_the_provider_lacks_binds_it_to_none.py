"""The classic provider's `azure_virtual_network` has no `affinity_group` argument (its arguments: `name`,
`address_space`, `dns_servers_names`, `subnet`, `location`; Terraform refuses any other), so one written on it
is not read: the network is bound to no affinity group (no MIG303), where an affinity group's own resource
(`azure_affinity_group`) is still one the file declares."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

CONFIGURATION = """\
provider "azure" {
  publish_settings = file("credentials.publishsettings")
}

resource "azure_affinity_group" "ag" {
  name     = "shop-ag"
  location = "West Europe"
  label    = "shop"
}

resource "azure_virtual_network" "vnet" {
  name           = "shop-vnet"
  address_space  = ["10.5.0.0/16"]
  location       = "West Europe"
  affinity_group = azure_affinity_group.ag.name

  subnet {
    name           = "web"
    address_prefix = "10.5.1.0/24"
  }
}
"""


def test_the_network_is_not_bound_to_the_affinity_group(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"main.tf": CONFIGURATION}, dedent=False)
    assert [f.code for f in result.findings] == ["MIG601"]
    assert "azure_affinity_group" in result.findings[0].message
