"""A `.tf` file whose only classic use is a `local-exec` provisioner of a `null_resource`, `terraform_data`
or a resource of another provider (`azurerm_*`) was passed over as describing nothing classic: the reader
kept the classic provider's resources only. Terraform runs every resource's `local-exec` provisioner on
create, whatever its type: the file is read, and the provisioner's commands with it, while the resource
itself makes nothing."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.readers import terraform

VM = (
    "azure vm create shopsvc b39f27a8b8c64d52b05eac6a62ebad85__Ubuntu-16_04-LTS-amd64-server-20160101-en-us-30GB"
    " shopadmin P4ssw0rd! --location 'West US'"
)


def _provisioned(kind: str, command: str, interpreter: str = "") -> str:
    return f"""\
resource "{kind}" "setup" {{
  provisioner "local-exec" {{{interpreter}
    command = "{command}"
  }}
}}
"""


@pytest.mark.parametrize("kind", ["null_resource", "terraform_data", "azurerm_resource_group"])
def test_a_provisioner_s_vm_in_no_network_is_told_at_its_command(tmp_path, monkeypatch, kind: str):
    text = _provisioned(kind, VM)
    assert terraform.sniff(text.encode())
    result = lint_files(tmp_path, monkeypatch, {"main.tf": text}, "MIG105")
    assert where(result.findings) == ["MIG105 main.tf:3:16"]


def test_a_provisioner_s_classic_cmdlet_under_powershell_gives_mig601(tmp_path, monkeypatch):
    text = _provisioned(
        "azurerm_resource_group",
        "New-AzureVM -ServiceName shopsvc -Location 'West US' -VMs $vm",
        '\n    interpreter = ["PowerShell", "-Command"]',
    )
    assert terraform.sniff(text.encode())
    result = lint_files(tmp_path, monkeypatch, {"main.tf": text}, "MIG601")
    assert where(result.findings) == ["MIG601 main.tf:4:16"]
    assert "New-AzureVM" in result.findings[0].message


def test_mig601_of_a_file_whose_provisioners_alone_run_the_classic_cli_says_that_and_declares_no_type(
    tmp_path, monkeypatch
):
    """Its `azure vm create` is a command a provisioner runs, not an `azure_instance` the file declares."""
    result = lint_files(tmp_path, monkeypatch, {"main.tf": _provisioned("null_resource", VM)}, "MIG601")
    (finding,) = result.findings
    assert where([finding]) == ["MIG601 main.tf:3:16"]
    assert finding.message == (
        "Terraform configuration 'main.tf' runs the classic CLI in its provisioners (azure vm create): "
        "`terraform apply` runs them whenever it creates their resources, and those that create classic VMs "
        "(azure vm create) fail today, since IaaS VMs (classic) were retired on 2023-09-06"
    )
    assert "azure_instance" not in finding.message and "azurerm_" not in (finding.fix or "")
    assert finding.fix == (
        "Replace the classic CLI's commands its provisioners run with the Azure CLI's (azure vm create → az vm "
        "create)."
    )


def test_a_provisioner_of_each_counted_resource_runs_once_for_each(tmp_path, monkeypatch):
    text = _provisioned("null_resource", VM.replace("shopsvc", "shop${count.index}")).replace(
        '"setup" {\n', '"setup" {\n  count = 2\n'
    )
    result = lint_files(tmp_path, monkeypatch, {"main.tf": text}, "MIG105")
    assert [f.message.split("'")[1] for f in result.findings] == ["shop0", "shop1"]


@pytest.mark.parametrize(
    "text",
    [
        _provisioned("null_resource", "echo hello"),
        _provisioned("null_resource", "az vm create -g shop -n web --image Ubuntu2204"),
        'resource "azurerm_resource_group" "rg" {\n  name     = "shop"\n  location = "West US"\n}\n',
    ],
)
def test_a_file_with_no_classic_use_stays_passed_over(tmp_path, monkeypatch, text: str):
    assert not terraform.sniff(text.encode())
    result = lint_files(tmp_path, monkeypatch, {"main.tf": text})
    assert result.findings == []
