"""A Terraform `module` block calling a folder of the configuration's own that the run does not check (the user
checked `envs/prod`, and the module is in `../../modules`) was passed over in silence, as if it declared no
classic resource. Files outside the run are not read (as a settings file is not), so the call is now said to
be a part not read (`module-not-checked`) where its `source` is written, even from a file that declares no
classic resource of its own; a folder the run checks is read as before."""

from __future__ import annotations

from lint_support import RULES, lint_files

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import MODULE_NOT_CHECKED
from migcheck.report.unread import in_documents

ROOT = """\
module "web" {
  source = "../../modules/vm"
  name   = "web"
}
"""

VM = """\
variable "name" {}
resource "azure_instance" "vm" {
  name                 = var.name
  image                = "Ubuntu Server 14.04 LTS"
  size                 = "Small"
  storage_service_name = "shopstore"
  location             = "West Europe"
  username             = "ops"
}
"""


def _unread(result) -> list[tuple[str, int, int, str]]:
    return [(p.path, m.line, m.column, m.tag) for p in in_documents(result.documents) for m in p.marks]


def test_a_module_outside_the_folder_checked_is_said_not_read(tmp_path, monkeypatch):
    files = {"envs/prod/main.tf": ROOT, "modules/vm/main.tf": VM}
    lint_files(tmp_path, monkeypatch, files)
    monkeypatch.chdir(tmp_path / "envs" / "prod")
    result = lint(["."], Config(), RULES)
    assert _unread(result) == [("main.tf", 2, 12, MODULE_NOT_CHECKED)]
    assert result.findings == []


def test_a_module_the_run_checks_is_read_and_not_said(tmp_path, monkeypatch):
    result = lint_files(
        tmp_path, monkeypatch, {"envs/prod/main.tf": ROOT, "modules/vm/main.tf": VM}, "MIG105"
    )
    assert _unread(result) == []
    assert [f.location.path for f in result.findings if f.location] == ["modules/vm/main.tf"]


def test_a_configuration_file_that_calls_no_folder_is_no_file_the_classic_one_describes(
    tmp_path, monkeypatch
):
    """Looking through the run's configuration files for those that call a folder made every one of them a
    file of the classic configuration's document, so a check counted a file no finding points into among the
    files its findings are in."""
    files = {
        "main.tf": VM.replace("var.name", '"web"'),
        "other/plain.tf": 'resource "null_resource" "x" {}\n',
    }
    result = lint_files(tmp_path, monkeypatch, files)
    assert result.findings
    assert [d.path for d in result.described] == ["main.tf"]
