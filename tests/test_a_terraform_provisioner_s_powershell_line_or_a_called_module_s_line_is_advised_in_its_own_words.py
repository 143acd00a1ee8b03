"""A VM a Terraform `local-exec` provisioner makes in PowerShell (`interpreter = ["PowerShell", "-Command"]`,
pwsh) was advised in the words for the configuration's resources (MIG105: "the classic azure provider of
Terraform has no reserved IP resource"), as was one a classic CLI line makes in a provisioner of a module the
configuration calls: only a configuration's own provisioner lines were known as the CLI's. A provisioner's
PowerShell line is now advised in the cmdlets' words, and a called module's CLI line in the CLI's, wherever
the file that reads it is; the configuration's `azure_instance` keeps the words for Terraform."""

from __future__ import annotations

import pytest
from lint_support import lint_files

INSTANCE = """\
resource "azure_instance" "web" {
  name                 = "web2"
  image                = "Ubuntu Server 14.04 LTS"
  size                 = "Basic_A1"
  location             = "West US"
  storage_service_name = "webdisks"
  username             = "ops"
  password             = "x"
}
"""

POWERSHELL = (
    "New-AzureQuickVM -Windows -ServiceName websvc -Name web1 -ImageName img -Location 'West US' "
    "-AdminUsername ops -Password pw"
)
CLI = "azure vm create web1 img ops pw -l 'West US' -u https://webdisks.blob.core.windows.net/v/a.vhd"
TERRAFORM_WORDS = "provider of Terraform has no reserved IP resource"


def _provisioner(command: str, interpreter: str = "") -> str:
    return f"""\
resource "null_resource" "vm" {{
  provisioner "local-exec" {{{interpreter}
    command = "{command}"
  }}
}}
"""


def _fixes(result) -> dict[tuple[str, int], str]:
    return {(f.mark.path.rsplit("/", 1)[-1], f.mark.line): f.fix or "" for f in result.findings}


@pytest.mark.parametrize("program", ["PowerShell", "pwsh"])
def test_a_powershell_provisioner_s_vm_is_advised_in_the_cmdlets_words(tmp_path, monkeypatch, program):
    interpreter = f'\n    interpreter = ["{program}", "-Command"]'
    files = {"main.tf": INSTANCE + "\n" + _provisioner(POWERSHELL, interpreter)}
    fixes = _fixes(lint_files(tmp_path, monkeypatch, files, "MIG105", dedent=False))
    assert sorted(fixes) == [("main.tf", 1), ("main.tf", 14)]
    assert "reserve the VIP first (New-AzureReservedIP -ServiceName)" in fixes["main.tf", 14]
    assert "Terraform" not in fixes["main.tf", 14]
    assert TERRAFORM_WORDS in fixes["main.tf", 1]


def test_a_called_module_s_provisioner_line_is_advised_in_the_cli_s_words(tmp_path, monkeypatch):
    files = {
        "main.tf": 'module "vm" {\n  source = "./modules/vm"\n}\n',
        "modules/vm/main.tf": INSTANCE + "\n" + _provisioner(CLI),
    }
    fixes = _fixes(lint_files(tmp_path, monkeypatch, files, "MIG105", dedent=False))
    assert sorted(fixes) == [("main.tf", 1), ("main.tf", 13)]
    assert "`azure network reserved-ip create` makes a new address" in fixes["main.tf", 13]
    assert "Terraform" not in fixes["main.tf", 13]
    assert TERRAFORM_WORDS in fixes["main.tf", 1]
