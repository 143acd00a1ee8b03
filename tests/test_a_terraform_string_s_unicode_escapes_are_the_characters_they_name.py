"""A Terraform string's `\\uNNNN` and `\\UNNNNNNNN` escapes are the characters they name, as Terraform reads them:
`"sh\\u006fp"` is the cloud service 'shop'. They lost their backslash (`shu006fp`), so findings and the plan named
a resource Terraform never makes. An escape that names no character, or is cut short, stays as written."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import Deployment

CONFIG = """\
resource "azure_instance" "web" {{
  name                = "web01"
  hosted_service_name = "{service}"
  image               = "Windows Server 2012 R2 Datacenter"
  size                = "Basic_A1"
  location            = "West Europe"
}}
"""
CASES = {
    "\\u": ("sh\\u006fp", "shop"),
    "\\U": ("sh\\U0000006Fp", "shop"),
    "cut short": ("sh\\u06", "shu06"),
    "a surrogate": ("sh\\uD800p", "shuD800p"),
    "past the last character": ("sh\\UFFFFFFFFp", "shUFFFFFFFFp"),
}


@pytest.mark.parametrize(("written", "read"), CASES.values(), ids=CASES)
def test_an_escape_is_the_character_it_names(tmp_path, monkeypatch, written, read):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": CONFIG.format(service=written)}, dedent=False)
    deployments = [r for estate in result.estates for r in estate.resources(Deployment)]
    assert [d.service_name for d in deployments] == [read]
