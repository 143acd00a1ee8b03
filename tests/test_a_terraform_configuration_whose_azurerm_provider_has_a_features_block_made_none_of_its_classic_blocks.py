"""A Terraform configuration for azurerm 2.0 or later (its `provider "azurerm"` block holds the `features` block
that 2.0 requires and 1.x refuses) runs on Terraform 0.12 or later only, and the classic `azure` provider has no
release for those (`terraform init`: no available provider "azure" plugins are compatible), so a classic
resource block written into such a configuration (an `azure_security_group` beside the azurerm network and VM,
as real configurations have it) was never applied: it was planned as a classic network security group to
migrate, with a readiness row and a Move-AzureNetworkSecurityGroup step. It describes nothing classic now, in
a module the configuration calls too, and in Terraform's JSON syntax; a configuration with no `features` block
is still read as the classic resources it declares, and a `local-exec` provisioner still runs the classic CLI."""

from __future__ import annotations

from lint_support import lint_files, run_cli, where

PROVIDER = """\
provider "azurerm" {
  version = "=2.0.0"
  features {}
}
"""
NETWORK = """\
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

resource "azure_security_group_rule" "http" {
  name                       = "http"
  security_group_names       = ["${azure_security_group.web.name}"]
  type                       = "Inbound"
  action                     = "Allow"
  priority                   = 200
  source_address_prefix      = "*"
  source_port_range          = "*"
  destination_address_prefix = "*"
  destination_port_range     = "80"
  protocol                   = "TCP"
}
"""
CALLER = (
    PROVIDER
    + """
module "vm" {
  source = "./VM"
}
"""
)
JSON = """\
{
  "provider": {"azurerm": {"features": {}}},
  "resource": {"azure_security_group": {"web": {"name": "web-nsg", "location": "uksouth"}}}
}
"""


def test_a_classic_block_beside_the_features_block_is_no_classic_resource(tmp_path, monkeypatch, capsys):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": PROVIDER + NETWORK})
    assert where(result.findings) == []
    _, out, _ = run_cli(capsys, "plan", ".")
    assert "web-nsg" not in out
    assert "Nothing to migrate" in out


def test_a_classic_block_of_a_module_the_configuration_calls_is_none_either(tmp_path, monkeypatch, capsys):
    files = {"main.tf": CALLER, "VM/main.tf": NETWORK}
    result = lint_files(tmp_path, monkeypatch, files)
    assert where(result.findings) == []
    _, out, _ = run_cli(capsys, "plan", ".")
    assert "web-nsg" not in out


def test_the_json_syntax_s_features_member_says_so_too(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.tf.json": JSON})
    assert where(result.findings) == []


def test_without_the_features_block_the_classic_blocks_are_still_read(tmp_path, monkeypatch, capsys):
    provider = 'provider "azurerm" {\n  version = "=1.44.0"\n}\n'
    result = lint_files(tmp_path, monkeypatch, {"main.tf": provider + NETWORK})
    assert where(result.findings) == ["MIG601 main.tf:11:1"]
    _, out, _ = run_cli(capsys, "plan", ".")
    assert "Move-AzureNetworkSecurityGroup -Prepare -NetworkSecurityGroupName 'web-nsg'" in out


def test_a_local_exec_provisioner_of_such_a_configuration_still_runs_the_classic_cli(tmp_path, monkeypatch):
    provisioned = """\
resource "null_resource" "classic" {
  provisioner "local-exec" {
    command = "azure vm create web-svc b39f27a8b8c64d52b05eac6a62ebad85__Ubuntu-14_04-LTS azureuser -l 'West Europe'"
  }
}
"""
    result = lint_files(tmp_path, monkeypatch, {"main.tf": PROVIDER + provisioned})
    assert [f.code for f in result.findings].count("MIG601") == 1
