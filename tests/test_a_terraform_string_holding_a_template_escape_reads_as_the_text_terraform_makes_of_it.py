"""A Terraform string holding a template escape (`$${`, a literal `${`; `%%{`, a literal `%{`) with no `}` after
it is valid HCL: `hosted_service_name = "$${"` was refused as MIG001 ("the string opened here is not closed on
its line", and "the file ends inside a block or an expression" for `"100%%{"`), as python-hcl2's grammar reads
the escape only up to a `}`, and one before an interpolation of its string (`"a$${b ${var.x}"`) took the
interpolation as text. Each now reads as the text Terraform makes of it, and the classic commands of a provisioner's string after an escape stay where the string writes them."""

from __future__ import annotations

import pytest
from lint_support import lint_files, script_resources, where

from migcheck.model import Deployment, Script

CONFIG = """\
variable "x" {{ default = "web" }}

resource "azure_instance" "web" {{
  name                = "web01"
  hosted_service_name = {service}
  image               = "Windows Server 2012 R2 Datacenter"
  size                = "Basic_A1"
  location            = "West Europe"
}}
"""
CASES = {
    "$${ alone": ('"$${"', "${"),
    "%%{ alone": ('"100%%{"', "100%{"),
    "$${ before an interpolation": ('"a$${b ${var.x}"', "a${b web"),
    "$${ in a comment after it": ('"$${" # $${', "${"),
}


def _services(tmp_path, monkeypatch, files: dict[str, str]) -> list[str | None]:
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert not [f for f in result.findings if f.code == "MIG001"]
    return [d.service_name for estate in result.estates for d in estate.resources(Deployment)]


@pytest.mark.parametrize(("written", "read"), CASES.values(), ids=CASES)
def test_a_tf_string_reads_as_terraform_makes_it(tmp_path, monkeypatch, written, read):
    assert _services(tmp_path, monkeypatch, {"main.tf": CONFIG.format(service=written)}) == [read]


def test_a_provisioner_s_command_after_an_escape_is_where_the_string_writes_it():
    config = (
        'resource "azure_hosted_service" "svc" {\n'
        '  name     = "shop-svc"\n'
        '  location = "West Europe"\n'
        '  provisioner "local-exec" {\n'
        "    command = \"echo $${HOME} 100%%{ && azure network reserved-ip create shop-ip 'West Europe'\"\n"
        "  }\n"
        "}\n"
    )
    (script,) = [r for r in script_resources(config, "main.tf") if isinstance(r, Script)]
    placed = [(call.name, call.mark.line, call.mark.column) for call in script.calls]
    assert placed == [("azure service create", 1, 1), ("azure network reserved-ip create", 5, 40)]


def test_a_block_left_open_after_an_escape_is_said_at_its_brace(tmp_path, monkeypatch):
    broken = 'resource "azure_hosted_service" "svc" {\n  name = "$${"\n  location = "West Europe"\n'
    result = lint_files(tmp_path, monkeypatch, {"main.tf": broken}, dedent=False)
    assert where(result.findings) == ["MIG001 main.tf:1:39"]
    assert "the block or object opened here is not closed" in result.findings[0].message
