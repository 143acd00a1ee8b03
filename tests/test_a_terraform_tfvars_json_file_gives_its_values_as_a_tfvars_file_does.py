"""Terraform reads `terraform.tfvars.json` and `*.auto.tfvars.json` as it reads `terraform.tfvars` and
`*.auto.tfvars`: the variables' values, in JSON. They were passed over (or read as an inventory export), so a
variable they give was a value not stated. They give the module their values, each where the JSON writes it,
a `"//"` key (Terraform's JSON comment) none. Their strings are literals, not templates (Terraform evaluates
them with no variables): `${var.env}` in one is those characters, where it was read as the variable."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import VirtualNetwork

NETWORK = """\
variable "network" {}
variable "location" {
  default = "West Europe"
}
resource "azure_virtual_network" "app" {
  name          = var.network
  address_space = ["10.20.0.0/16"]
  location      = var.location

  subnet {
    name           = "web"
    address_prefix = "10.20.1.0/24"
  }
}
"""


def _networks(tmp_path, monkeypatch, files: dict[str, str]) -> list[tuple[str, str, int]]:
    result = lint_files(tmp_path, monkeypatch, {"main.tf": NETWORK, **files}, "MIG003")
    found = [r for estate in result.estates for r in estate.resources(VirtualNetwork)]
    return [(v.name, v.location, v.mark.line) for v in found]


def test_terraform_tfvars_json_gives_a_variable_its_value(tmp_path, monkeypatch):
    files = {"terraform.tfvars.json": '{\n  "//": "production",\n  "network": "app-vnet"\n}\n'}
    assert _networks(tmp_path, monkeypatch, files) == [("app-vnet", "West Europe", 5)]


def test_an_auto_tfvars_json_file_gives_its_values_over_a_default(tmp_path, monkeypatch):
    files = {"prod.auto.tfvars.json": '{"network": "app-vnet", "location": "North Europe"}\n'}
    assert _networks(tmp_path, monkeypatch, files) == [("app-vnet", "North Europe", 5)]


def test_a_tfvars_json_string_is_a_literal_not_a_template(tmp_path, monkeypatch):
    files = {"terraform.tfvars.json": '{"network": "app-${var.location}\\\\n", "location": "North Europe"}\n'}
    assert _networks(tmp_path, monkeypatch, files) == [("app-${var.location}\\n", "North Europe", 5)]


def test_a_tfvars_json_file_that_is_no_object_gives_nothing_and_is_said_so(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": NETWORK, "terraform.tfvars.json": "[1]\n"})
    assert [f.code for f in result.findings if f.location and f.location.path == "terraform.tfvars.json"] == [
        "MIG001"
    ]


@pytest.mark.parametrize(
    ("path", "text", "found"),
    [
        (
            "terraform.tfvars.json",
            '["not", "an", "object"]\n',
            "a file of variables' values in JSON must be an object (a list here)",
        ),
        (
            "prod.auto.tfvars.json",
            '"x"\n',
            "a file of variables' values in JSON must be an object (a string here)",
        ),
        ("main.tf.json", "null\n", "a configuration in JSON must be an object (null here)"),
        ("main.tf.json", "3\n", "a configuration in JSON must be an object (a number here)"),
    ],
)
def test_a_json_file_that_is_no_object_is_said_to_be_what_it_is(tmp_path, monkeypatch, path, text, found):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": NETWORK, path: text})
    (message,) = [f.message for f in result.findings if f.location and f.location.path == path]
    assert f"cannot be parsed: {found}, so it is not read" in message
