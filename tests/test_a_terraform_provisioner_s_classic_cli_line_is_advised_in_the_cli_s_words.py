"""A finding at a classic CLI line a Terraform `local-exec` provisioner runs was advised in the words for the
configuration's resources (MIG105: "the classic azure provider of Terraform has no reserved IP resource"),
and never in the CLI's, as every call of a configuration was taken for its provider's. The calls of a
provisioner's command line are now the CLI's own, so the advice for that line is the CLI's, as a shell
script's is; the configuration's `azure_instance` keeps the words for Terraform."""

from __future__ import annotations

from lint_support import lint_files

CONFIGURATION = """\
resource "azure_instance" "web" {
  name                 = "web2"
  image                = "Ubuntu Server 14.04 LTS"
  size                 = "Basic_A1"
  location             = "West US"
  storage_service_name = "webdisks"
  username             = "ops"
  password             = "x"
}

resource "null_resource" "vm" {
  provisioner "local-exec" {
    command = "azure vm create web1 img ops pw -l 'West US' -u https://webdisks.blob.core.windows.net/v/a.vhd"
  }
}
"""


def test_the_provisioner_s_line_is_advised_in_the_cli_s_words(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": CONFIGURATION}, "MIG105")
    fixes = {f.mark.line: f.fix or "" for f in result.findings}
    assert sorted(fixes) == [1, 13]
    assert "`azure network reserved-ip create` makes a new address" in fixes[13]
    assert "Terraform" not in fixes[13]
    assert "provider of Terraform has no reserved IP resource" in fixes[1]
