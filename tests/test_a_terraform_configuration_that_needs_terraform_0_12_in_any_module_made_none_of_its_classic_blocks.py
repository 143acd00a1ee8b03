"""The classic `azure` provider has no release for Terraform 0.12 or later, so a configuration that needs 0.12
made none of its classic blocks, whichever of its modules says so and however it says it: a `features` block
of the azurerm provider (azurerm 2.0) only in a module the root calls, a `required_version` allowing nothing
below 0.12, a `required_providers` entry of azurerm 2.0 or later or written with a `source` (0.12.26's syntax),
the azurerm provider block's `version` of 2.0 or later, in either syntax. The root's classic network security
group was planned for a move all the same. A constraint that allows 0.11 still reads the classic blocks."""

from __future__ import annotations

import pytest
from lint_support import lint_files, run_cli, where

CLASSIC = """\
resource "azure_security_group" "web" {
  name     = "web-nsg"
  location = "uksouth"
}
"""
CALL = 'module "net" {\n  source = "./net"\n}\n'
FEATURES = 'provider "azurerm" {\n  features {}\n}\n'


def _terraform(body: str) -> str:
    return "terraform {\n" + body + "}\n"


NEEDING = {
    "required_version": _terraform('  required_version = ">= 0.12"\n'),
    "required_version_1": _terraform('  required_version = "~> 1.5, != 1.5.1"\n'),
    "azurerm_2": _terraform('  required_providers {\n    azurerm = "~> 2.0"\n  }\n'),
    "source": _terraform(
        '  required_providers {\n    azurerm = {\n      source = "hashicorp/azurerm"\n    }\n  }\n'
    ),
    "version_member": _terraform('  required_providers {\n    azurerm = { version = ">= 3.0" }\n  }\n'),
    "provider_version": 'provider "azurerm" {\n  version = "=2.46.0"\n}\n',
}


def test_a_features_block_only_in_a_called_module_makes_the_root_s_classic_blocks_none(
    tmp_path, monkeypatch, capsys
):
    files = {"main.tf": CALL + CLASSIC, "net/main.tf": FEATURES}
    assert where(lint_files(tmp_path, monkeypatch, files).findings) == []
    _, out, _ = run_cli(capsys, "plan", ".")
    assert "web-nsg" not in out


@pytest.mark.parametrize("said", sorted(NEEDING))
def test_each_way_of_needing_terraform_0_12_in_the_root_says_so(tmp_path, monkeypatch, said):
    files = {"main.tf": NEEDING[said] + CLASSIC}
    assert where(lint_files(tmp_path, monkeypatch, files).findings) == []


@pytest.mark.parametrize("said", ["required_version", "source"])
def test_each_way_of_needing_it_in_a_module_called_through_another_says_so(tmp_path, monkeypatch, said):
    inner = 'module "deeper" {\n  source = "../deeper"\n}\n'
    files = {"main.tf": CALL + CLASSIC, "net/main.tf": inner, "deeper/versions.tf": NEEDING[said]}
    assert where(lint_files(tmp_path, monkeypatch, files).findings) == []


def test_the_json_syntax_s_terraform_block_says_so_too(tmp_path, monkeypatch):
    json = '{"terraform": {"required_providers": {"azurerm": {"source": "hashicorp/azurerm"}}}}\n'
    files = {"main.tf": CLASSIC, "versions.tf.json": json}
    assert where(lint_files(tmp_path, monkeypatch, files).findings) == []


@pytest.mark.parametrize(
    "allowing_0_11",
    [
        _terraform('  required_version = ">= 0.11, < 0.13"\n'),
        _terraform('  required_providers {\n    azurerm = "~> 1.44"\n  }\n'),
        'provider "azurerm" {\n  version = "<= 2.0"\n}\n',
    ],
)
def test_a_constraint_that_allows_terraform_0_11_still_reads_the_classic_blocks(
    tmp_path, monkeypatch, allowing_0_11
):
    files = {"main.tf": CALL + CLASSIC, "net/main.tf": allowing_0_11}
    assert where(lint_files(tmp_path, monkeypatch, files).findings) == ["MIG601 main.tf:4:1"]
