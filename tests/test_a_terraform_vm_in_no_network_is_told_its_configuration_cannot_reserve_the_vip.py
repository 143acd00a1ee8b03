"""MIG105 told a Terraform user to reserve the VIP with New-AzureReservedIP -ServiceName, as if the configuration
were a PowerShell script to edit. The classic provider has no reserved IP resource (its ResourcesMap holds no
azure_reserved_ip), so the fix says the configuration cannot keep the VIP and gives the one-off command, with the
cloud service's name; a script's finding keeps the rule's fix."""

from __future__ import annotations

from lint_support import lint_files

VM = """\
resource "azure_instance" "web" {
  name                 = "web1"
  image                = "Ubuntu Server 14.04 LTS"
  size                 = "Basic_A1"
  location             = "West US"
  storage_service_name = "webdisks"
  username             = "ops"
  password             = "x"
}
"""


def test_the_fix_says_the_provider_cannot_reserve_it_and_gives_the_command(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": VM}, "MIG105")
    (finding,) = result.findings
    assert "provider of Terraform has no reserved IP resource" in (finding.fix or "")
    assert "New-AzureReservedIP -ReservedIPName <name> -Location <location> -ServiceName 'web1'" in (
        finding.fix or ""
    )


def test_a_script_s_vm_keeps_the_rule_s_fix(tmp_path, monkeypatch):
    script = (
        "azure vm create web1 img ops pw -l 'West US' -u https://webdisks.blob.core.windows.net/v/a.vhd\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG105")
    (finding,) = result.findings
    assert "Terraform" not in (finding.fix or "")
