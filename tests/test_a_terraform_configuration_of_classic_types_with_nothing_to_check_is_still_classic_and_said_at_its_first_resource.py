"""A Terraform configuration whose classic resources are only of types the rules check nothing of (the classic
provider's SQL Database servers, storage containers and blobs) was "no classic Azure files": it is MIG601,
naming each type with its azurerm replacement, in a Terraform user's words: what the provider does once the
resources are migrated, and what to do with the state. And MIG601 was said at the first resource Terraform makes (a
storage account or a security group, wherever the file declares it): it is said at the file's first classic
resource."""

from __future__ import annotations

from lint_support import lint_files, where

SQL = """\
resource "azure_sql_database_server" "sql" {
  name     = "shopsql"
  location = "West Europe"
  username = "sa"
  version  = "12.0"
}
resource "azure_sql_database_service" "db" {
  name                 = "shopdb"
  database_server_name = "${azure_sql_database_server.sql.name}"
  edition              = "Standard"
}
"""
BLOBS = """\
resource "azure_storage_container" "vhds" {
  name                  = "vhds"
  container_access_type = "private"
  storage_service_name  = "shopstore"
}
resource "azure_storage_blob" "img" {
  name                   = "base.vhd"
  type                   = "PageBlob"
  storage_service_name   = "shopstore"
  storage_container_name = "${azure_storage_container.vhds.name}"
}
"""


def test_sql_database_resources_alone_make_the_configuration_classic(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": SQL}, "MIG601")
    assert where(result.findings) == ["MIG601 main.tf:1:1"]
    (finding,) = result.findings
    assert "azure_sql_database_server → azurerm_mssql_server" in finding.fix
    assert "azure_sql_database_service → azurerm_mssql_database" in finding.fix


def test_storage_containers_and_blobs_alone_make_the_configuration_classic(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": BLOBS}, "MIG601")
    (finding,) = result.findings
    assert "azure_storage_container → azurerm_storage_container" in finding.fix
    assert "azure_storage_blob → azurerm_storage_blob" in finding.fix


def test_the_finding_is_at_the_first_classic_resource_the_file_declares(tmp_path, monkeypatch):
    config = """\
resource "azure_security_group_rule" "ssh" {
  name                       = "ssh"
  security_group_names       = ["web-nsg"]
  type                       = "Inbound"
  action                     = "Allow"
  priority                   = 200
  source_address_prefix      = "*"
  source_port_range          = "*"
  destination_address_prefix = "*"
  destination_port_range     = "22"
  protocol                   = "TCP"
}

resource "azure_storage_service" "disks" {
  name         = "shopdisks"
  location     = "West Europe"
  account_type = "Standard_LRS"
}

resource "azure_security_group" "web" {
  name     = "web-nsg"
  location = "West Europe"
}
"""
    result = lint_files(tmp_path, monkeypatch, {"main.tf": config}, "MIG601")
    assert where(result.findings) == ["MIG601 main.tf:1:1"]


def test_the_finding_says_what_becomes_of_the_state_and_how_to_import_the_migrated_resources(
    tmp_path, monkeypatch
):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": BLOBS}, "MIG601")
    (finding,) = result.findings
    assert "the next `terraform apply` tries to create them again" in finding.message
    assert "(azure_storage_container, azure_storage_blob)" in finding.message
    assert "terraform state rm" in finding.fix and "terraform import" in finding.fix
    assert "-Migrated" in finding.fix
    for script_words in ("fail today", "loop that may run no times", "(Terraform)"):
        assert script_words not in finding.message + finding.fix
