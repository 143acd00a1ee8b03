"""A Terraform configuration whose only classic resource is an `azure_virtual_network` with no `subnet` block
was "no classic Azure files": the reader makes the network with its first subnet, as the provider does, so
nothing was made and the file was not classic. The provider requires a `subnet` block and Terraform refuses
the configuration: it is now a classic configuration (MIG601) whose network is said as a part not read
(network-without-subnet), at its block."""

from __future__ import annotations

from lint_support import lint_files, script_resources, unread_marks, where

from migcheck.model import Script, VirtualNetwork
from migcheck.report.unread import why_named

NETWORK = """\
resource "azure_virtual_network" "app" {
  name          = "app-vnet"
  location      = "West Europe"
  address_space = ["10.1.0.0/16"]
}
"""


def test_the_network_is_not_made_and_is_said_not_read_at_its_block():
    resources = script_resources(NETWORK, "main.tf")
    assert not [r for r in resources if isinstance(r, VirtualNetwork)]
    (script,) = [r for r in resources if isinstance(r, Script)]
    assert unread_marks(resources) == [(1, 1)]
    assert why_named(script.unread[0]) == "network-without-subnet"


def test_the_configuration_is_classic(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": NETWORK}, "MIG601")
    assert where(result.findings) == ["MIG601 main.tf:1:1"]
