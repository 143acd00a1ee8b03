"""MIG601 of a Terraform configuration whose classic resources all come from the modules it calls is said at
its `module` block, and said "Terraform configuration 'main.tf' declares resources of the classic azure
provider (azure_security_group, ...)" of a file that holds no such block (a real configuration kept them in
./VM): the user had to guess where they are. It now says that it is through the modules it calls, and the file and
line of the first classic block they declare; a configuration that declares classic blocks itself is named as
before."""

from __future__ import annotations

from lint_support import lint_files, where

ROOT = """\
module "network" {
  source = "./VM"
}
"""
VM = """\
resource "azurerm_virtual_network" "main" {
  name                = "app-network"
  address_space       = ["10.0.0.0/16"]
  location            = "uksouth"
  resource_group_name = "app-rg"
}

resource "azure_security_group" "web" {
  name     = "web-nsg"
  location = "uksouth"
}
"""
OWN = """\
resource "azure_hosted_service" "web" {
  name     = "shopweb"
  location = "West Europe"
}
"""


def test_the_message_says_it_is_through_its_modules_and_where_their_first_classic_block_is(
    tmp_path, monkeypatch
):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": ROOT, "VM/main.tf": VM}, "MIG601")
    assert where(result.findings) == ["MIG601 main.tf:1:1"]
    (finding,) = result.findings
    assert finding.message.startswith(
        "Terraform configuration 'main.tf', through the modules it calls (VM/main.tf:8), declares resources"
    )


def test_a_configuration_with_classic_blocks_of_its_own_is_named_as_before(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": ROOT + OWN, "VM/main.tf": VM}, "MIG601")
    (finding,) = result.findings
    assert finding.message.startswith("Terraform configuration 'main.tf' declares resources")
