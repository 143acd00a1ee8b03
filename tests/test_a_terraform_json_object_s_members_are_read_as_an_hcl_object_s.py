"""An object written in JSON (a map in `terraform.tfvars.json`, a variable's `default` in a `.tf.json` file)
was one opaque value: `var.names.app` or `var.names["app"]` of it was a value not stated. Its members are
now read as an HCL object's are, each where the JSON writes it."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.model import VirtualNetwork

NETWORK = """\
variable "names" {}
resource "azure_virtual_network" "app" {
  name          = var.names.app
  address_space = ["10.20.0.0/16"]
  location      = var.names["where"]
  subnet {
    name           = "web"
    address_prefix = "10.20.1.0/24"
  }
}
"""

NETWORK_JSON = """\
{
  "variable": {"names": {"default": {"app": "json-vnet", "where": "North Europe"}}},
  "resource": {"azure_virtual_network": {"app": {
    "name": "${var.names.app}",
    "address_space": ["10.20.0.0/16"],
    "location": "${var.names.where}",
    "subnet": {"name": "web", "address_prefix": "10.20.1.0/24"}
  }}}
}
"""


def _networks(tmp_path, monkeypatch, files: dict[str, str]) -> list[tuple[str, str, str, int, int]]:
    result = lint_files(tmp_path, monkeypatch, files, "MIG003")
    found = [r for estate in result.estates for r in estate.resources(VirtualNetwork)]
    return [(v.name, v.location, v.mark.path, v.mark.line, v.mark.column) for v in found]


def test_a_map_of_terraform_tfvars_json_gives_its_members(tmp_path, monkeypatch):
    values = '{\n  "names": {"app": "app-vnet", "where": "West Europe"}\n}\n'
    files = {"main.tf": NETWORK, "terraform.tfvars.json": values}
    assert _networks(tmp_path, monkeypatch, files) == [("app-vnet", "West Europe", "main.tf", 2, 1)]


def test_a_default_object_of_a_tf_json_file_gives_its_members(tmp_path, monkeypatch):
    assert _networks(tmp_path, monkeypatch, {"main.tf.json": NETWORK_JSON}) == [
        ("json-vnet", "North Europe", "main.tf.json", 3, 42)
    ]


def test_a_number_member_of_a_json_map_is_its_digits(tmp_path, monkeypatch):
    values = '{\n  "names": {"app": 7, "where": "West Europe"}\n}\n'
    result = lint_files(tmp_path, monkeypatch, {"main.tf": NETWORK, "terraform.tfvars.json": values})
    (network,) = [r for estate in result.estates for r in estate.resources(VirtualNetwork)]
    assert network.name == "7"
