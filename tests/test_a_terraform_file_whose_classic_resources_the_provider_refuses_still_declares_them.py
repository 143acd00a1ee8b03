"""A Terraform file whose only classic resource is one the provider refuses (an `azure_data_disk` of a VM
another file puts in a cloud service of another name) makes no call, and had no MIG601: its classic type is
still declared, in the state and in the configuration to rewrite, so MIG601 names it, at the resource."""

from __future__ import annotations

from lint_support import lint_files, where

VM = """\
resource "azure_instance" "web" {
  name                 = "web"
  hosted_service_name  = "shop"
  image                = "Ubuntu Server 14.04 LTS"
  size                 = "Basic_A1"
  location             = "West US"
  storage_service_name = "shopstore"
  username             = "ops"
  password             = "x"
}
"""
DISK = """\
resource "azure_data_disk" "data" {
  virtual_machine      = azure_instance.web.name
  size                 = 10
  storage_service_name = "shopstore"
}
"""


def test_a_file_of_only_a_refused_data_disk_is_told_its_classic_type(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"vm.tf": VM, "disk.tf": DISK}, "MIG601")
    assert sorted(where(result.findings)) == ["MIG601 disk.tf:1:1", "MIG601 vm.tf:1:1"]
    (disk,) = [f for f in result.findings if f.location and f.location.path == "disk.tf"]
    assert "(azure_data_disk)" in disk.message
    assert "azurerm_virtual_machine_data_disk_attachment" in (disk.fix or "")
