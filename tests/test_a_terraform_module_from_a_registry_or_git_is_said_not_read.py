"""A Terraform configuration that calls a module from a registry or a git or HTTP address was read as if it
declared only its own resources, with nothing said of the module's: such a call is now said to be a part
not read (`module-not-read`), where its `source` is written, as a CI template not read is. A module of the
configuration's own folders (`./`, `../`) is none: one the run does not check is said not checked
(`module-not-checked`)."""

from __future__ import annotations

from lint_support import lint_files, script_resources

from migcheck.model import MODULE_NOT_CHECKED, MODULE_NOT_READ, Script
from migcheck.report.unread import in_documents

CALLS = """\
module "network" {
  source  = "hashicorp/classic-network/azure"
  version = "0.1.0"
}
module "vm" {
  source = "../modules/vm"
}
module "disks" {
  source = "git::https://example.com/disks.git"
}
resource "azure_hosted_service" "web" {
  name     = "shopweb"
  location = "West Europe"
}
"""


def test_a_module_of_another_source_is_said_not_read_where_its_source_is(tmp_path, monkeypatch):
    scripts = [r for r in script_resources(CALLS, "main.tf") if isinstance(r, Script)]
    marks = [(m.line, m.column, m.tag) for script in scripts for m in script.unread]
    assert marks == [(2, 13, MODULE_NOT_READ), (6, 12, MODULE_NOT_CHECKED), (9, 12, MODULE_NOT_READ)]
    result = lint_files(tmp_path, monkeypatch, {"main.tf": CALLS})
    (parts,) = in_documents(result.documents)
    assert (parts.path, [(m.line, m.column) for m in parts.marks]) == ("main.tf", [(2, 13), (6, 12), (9, 12)])
