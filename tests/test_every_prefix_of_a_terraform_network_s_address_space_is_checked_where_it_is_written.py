"""A Terraform classic network's `address_space` is a list, all of whose prefixes the provider puts in the
network's address space; only the first was read (as `vnet create -e -i`, which takes one), so a prefix
after it that is not a strict CIDR range gave no MIG304, and the network's address space was short of it.
Each prefix is now read, where the file writes it, in `.tf` and `.tf.json` alike."""

from __future__ import annotations

import json

from lint_support import lint_files, where

NETWORK = """\
resource "azure_virtual_network" "app" {
  name          = "app-vnet"
  location      = "West Europe"
  address_space = ["10.1.0.0/16", "10.2.0.1/16", "172.16.1.0/12"]
  subnet {
    name           = "web"
    address_prefix = "10.1.1.0/24"
  }
}
"""


def test_each_address_space_prefix_after_the_first_is_checked_at_its_own_column(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": NETWORK}, "MIG304")
    assert where(result.findings) == ["MIG304 main.tf:4:35", "MIG304 main.tf:4:50"]
    assert "'10.2.0.1/16'" in result.findings[0].message


def test_a_second_prefix_with_host_bits_is_reported_in_a_tf_json_network(tmp_path, monkeypatch):
    network = {
        "name": "app-vnet",
        "location": "West Europe",
        "address_space": ["10.1.0.0/16", "10.2.0.1/16"],
        "subnet": [{"name": "web", "address_prefix": "10.1.1.0/24"}],
    }
    text = json.dumps({"resource": {"azure_virtual_network": {"app": network}}}, indent=2)
    result = lint_files(tmp_path, monkeypatch, {"main.tf.json": text}, "MIG304")
    [finding] = result.findings
    line = text.splitlines()[finding.location.line - 1]
    assert line[finding.location.column - 1 :].startswith('"10.2.0.1/16"')
