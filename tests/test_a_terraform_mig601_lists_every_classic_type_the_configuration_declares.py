"""MIG601 of a Terraform configuration lists every classic resource type it declares, with the azurerm
resource of each, a type whose resource the provider refuses (an `azure_data_disk` of a VM in a cloud service
of another name, which is never attached) too: the configuration still declares it, and it is rewritten too."""

from __future__ import annotations

from lint_support import lint_files

TERRAFORM = """\
resource "azure_instance" "web" {
  name                 = "web1"
  hosted_service_name  = "shop"
  image                = "Ubuntu Server 14.04 LTS"
  size                 = "Basic_A1"
  location             = "North Europe"
  username             = "ops"
  password             = "x"
  storage_service_name = "shopdisks"
}

resource "azure_data_disk" "data" {
  lun                  = 0
  size                 = 10
  virtual_machine      = azure_instance.web.id
  storage_service_name = "shopdisks"
}
"""


def test_a_refused_data_disk_s_type_is_listed_with_its_azurerm_resource(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": TERRAFORM}, "MIG601", dedent=False)
    (finding,) = result.findings
    assert "classic azure provider of Terraform (azure_instance, azure_data_disk)" in finding.message
    assert "azure_data_disk → azurerm_managed_disk" in finding.fix


def test_a_data_disk_attached_to_its_vm_is_listed_once(tmp_path, monkeypatch):
    attached = TERRAFORM.replace('"shop"', '"web1"')
    result = lint_files(tmp_path, monkeypatch, {"main.tf": attached}, "MIG601", dedent=False)
    (finding,) = result.findings
    assert "classic azure provider of Terraform (azure_instance, azure_data_disk)" in finding.message
