"""A Terraform `count` whose text is a digit to Python's `isdigit` but no number `int` converts (`"²"`)
raised ValueError and stopped the file's read: such a count is now one the module does not state, a loop
over the count as any other count not stated."""

from __future__ import annotations

from lint_support import lint_files, script_resources, where

from migcheck.model import Deployment

COUNTED = """\
resource "azure_instance" "web" {
  count                = "²"
  name                 = "web-${count.index}"
  image                = "Ubuntu Server 14.04 LTS"
  size                 = "Basic_A1"
  storage_service_name = "shopstore"
  location             = "West Europe"
  username             = "ops"
}
"""


def test_a_count_of_a_superscript_digit_is_a_count_not_stated(tmp_path, monkeypatch):
    (deployment,) = [r for r in script_resources(COUNTED, "main.tf") if isinstance(r, Deployment)]
    assert deployment.service_looped_over == "count = ²"
    result = lint_files(tmp_path, monkeypatch, {"main.tf": COUNTED})
    assert where(result.findings) == ["MIG105 main.tf:1:1", "MIG601 main.tf:1:1"]
