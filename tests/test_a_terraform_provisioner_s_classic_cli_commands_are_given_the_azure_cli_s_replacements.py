"""MIG601 of a Terraform configuration whose `local-exec` provisioner runs the classic CLI listed its
commands among the provider's resource types (`azure_hosted_service, azure service cert create`) and gave them
no replacement: the commands are now said to be run by its provisioners, and the fix gives each the Azure
CLI's command a shell script's MIG601 gives it, or the Azure CLI's groups for one that has no single one."""

from __future__ import annotations

from lint_support import lint_files

SERVICE = """\
resource "azure_hosted_service" "svc" {
  name     = "shop-svc"
  location = "West Europe"

  provisioner "local-exec" {
    command = "azure service cert create ${self.name} cert.pfx && azure network reserved-ip create shop-ip 'West Europe'"
  }
}
"""


def test_the_provisioner_s_commands_are_said_apart_from_the_provider_s_types(tmp_path, monkeypatch):
    (finding,) = lint_files(tmp_path, monkeypatch, {"main.tf": SERVICE}, "MIG601").findings
    assert (
        "of Terraform (azure_hosted_service) and runs the classic CLI in its provisioners" in finding.message
    )
    assert "(azure service cert create, azure network reserved-ip create)" in finding.message


def test_the_fix_gives_each_command_the_azure_cli_s_as_a_shell_script_s_does(tmp_path, monkeypatch):
    (finding,) = lint_files(tmp_path, monkeypatch, {"main.tf": SERVICE}, "MIG601").findings
    assert (
        "azure network reserved-ip create → az network public-ip create --allocation-method Static --sku Standard"
        in finding.fix
    )
    assert (
        "azure service cert create → az keyvault certificate import (service certificates move into a key vault)"
        in finding.fix
    )
    assert "azurerm_resource_group" in finding.fix


def test_a_command_with_no_single_replacement_is_given_the_azure_cli_s_groups(tmp_path, monkeypatch):
    checks = SERVICE.replace(
        "azure service cert create ${self.name} cert.pfx", "azure vm static-ip check net1 10.0.0.4"
    )
    (finding,) = lint_files(tmp_path, monkeypatch, {"main.tf": checks}, "MIG601").findings
    assert (
        "for azure vm static-ip check, the Azure CLI (az vm, az network, az storage, az group)" in finding.fix
    )


def test_a_configuration_with_no_provisioner_says_nothing_of_the_cli(tmp_path, monkeypatch):
    plain = SERVICE.replace(SERVICE[SERVICE.index("\n  provisioner") : SERVICE.rindex("}")], "\n")
    (finding,) = lint_files(tmp_path, monkeypatch, {"main.tf": plain}, "MIG601").findings
    assert "provisioners" not in finding.message + finding.fix
