"""`terraform validate` reads a module's `.tf` and `.tf.json` files, never the variables' values: only a plan or
an apply loads `terraform.tfvars`, `*.auto.tfvars` and their JSON twins. A values file migcheck cannot parse is
said to stop those, where its help said `terraform validate` refuses it (a real repository's `vm_name.0 = ...`
keys, which Terraform 0.12 and later refuse, read so)."""

from __future__ import annotations

import pytest
from lint_support import lint_files

NETWORK = """\
variable "network" {}
resource "azure_virtual_network" "app" {
  name          = var.network
  address_space = ["10.20.0.0/16"]
  location      = "West Europe"
}
"""


@pytest.mark.parametrize(
    ("path", "text", "language"),
    [
        ("terraform.tfvars", 'network = "app\n', "HCL"),
        ("prod.auto.tfvars", "network = \n", "HCL"),
        ("terraform.tfvars.json", '{"network": \n', "JSON"),
    ],
)
def test_a_values_file_that_cannot_be_parsed_stops_a_plan(tmp_path, monkeypatch, path, text, language):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": NETWORK, path: text})
    (finding,) = [f for f in result.findings if f.location and f.location.path == path]
    assert finding.code == "MIG001"
    assert finding.fix == (
        f"Fix the {language} here: every `terraform plan` or `terraform apply` that loads these variables' "
        "values refuses the file as it is."
    )


@pytest.mark.parametrize(
    ("path", "text", "language"), [("main.tf", 'x = "a\n', "HCL"), ("main.tf.json", "{\n", "JSON")]
)
def test_a_configuration_file_that_cannot_be_parsed_is_refused_by_validate(
    tmp_path, monkeypatch, path, text, language
):
    result = lint_files(tmp_path, monkeypatch, {path: text, "other.tf": NETWORK})
    (finding,) = [f for f in result.findings if f.location and f.location.path == path]
    assert finding.code == "MIG001"
    assert finding.fix.startswith(f"Fix the {language} here: `terraform validate` refuses the file as it is")
