"""An `azure_data_disk` of the classic provider given `source_media_link` is made of the VHD it names: the
provider sends it as Add Data Disk's `SourceMediaLink`, the blob the platform registers the disk from, as a
REST body's is read. Its blob name was not read, so a `/` in it (MIG401) went unreported; `media_link` alone
was."""

from __future__ import annotations

from lint_support import lint_files, where

INSTANCE = """\
resource "azure_instance" "web" {
  name                 = "vm1"
  hosted_service_name  = "vm1"
  image                = "Ubuntu Server 14.04 LTS"
  size                 = "Basic_A1"
  storage_service_name = "store1"
  location             = "West Europe"
  virtual_network      = "vnet1"
  subnet               = "web"
  username             = "u"
  password             = "P@ss"
}

resource "azure_data_disk" "data" {
  lun                  = 0
  size                 = 20
  virtual_machine      = "vm1"
  storage_service_name = "store1"
  source_media_link    = "https://store1.blob.core.windows.net/vhds/%s"
}
"""


def test_a_source_vhd_whose_blob_name_has_a_slash_is_mig401_at_its_address(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": INSTANCE % "archive/d1.vhd"}, "MIG401")
    assert where(result.findings) == ["MIG401 main.tf:19:26"]
    [finding] = result.findings
    assert finding.severity.name == "ERROR"
    assert "'archive/d1.vhd'" in finding.message


def test_a_source_vhd_in_the_container_itself_is_no_finding(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": INSTANCE % "d1.vhd"}, "MIG401")
    assert where(result.findings) == []
