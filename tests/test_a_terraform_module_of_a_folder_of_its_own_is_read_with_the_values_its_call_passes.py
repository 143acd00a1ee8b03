"""A Terraform `module` block whose `source` is a folder of the configuration's own (`./modules/vm`) was
passed over, and the module's folder read alone made its resources of values not stated. The called folder
is now read once per call, its variables the values the call passes (its defaults where it passes none),
each resource where the module's files declare it; the folder read alone describes nothing more when a
configuration of the run calls it, so no resource is told twice at one place. A call of a folder among those
that call it, or past the bound on calls, is said cut (`module-calls-cut`) where its source is written."""

from __future__ import annotations

from lint_support import lint_files, where

from migcheck.model import MODULE_CALLS_CUT, Deployment, Script

ROOT = """\
variable "prefix" { default = "shop" }
module "web" {
  source = "./modules/vm"
  name   = "${var.prefix}-web"
}
module "api" {
  source = "./modules/vm"
  name   = "${var.prefix}-api"
  size   = "Large"
}
"""

VM = """\
variable "name" {}
variable "size" { default = "Small" }
resource "azure_instance" "vm" {
  name                 = var.name
  image                = "Ubuntu Server 14.04 LTS"
  size                 = var.size
  storage_service_name = "shopstore"
  location             = "West Europe"
  username             = "ops"
}
"""


def _deployments(result) -> list[tuple[str, str, str, int]]:
    found = [r for estate in result.estates for r in estate.resources(Deployment)]
    return sorted((d.service_name, d.roles[0].size, d.mark.path, d.mark.line) for d in found)


def test_each_call_makes_the_module_s_resources_with_the_values_it_passes(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": ROOT, "modules/vm/main.tf": VM})
    assert _deployments(result) == [
        ("shop-api", "Large", "modules/vm/main.tf", 3),
        ("shop-web", "Small", "modules/vm/main.tf", 3),
    ]
    mig105 = [f for f in result.findings if f.code == "MIG105"]
    assert where(mig105) == ["MIG105 modules/vm/main.tf:3:1", "MIG105 modules/vm/main.tf:3:1"]
    assert sorted("'shop-web'" in f.message for f in mig105) == [False, True]


def test_a_module_s_folder_no_configuration_calls_keeps_its_own_reading(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"modules/vm/main.tf": VM})
    ((service, size, path, line),) = _deployments(result)
    assert service.startswith("<cloud service name") and (size, path, line) == (
        "Small",
        "modules/vm/main.tf",
        3,
    )


def test_a_module_calling_its_own_folder_is_said_cut(tmp_path, monkeypatch):
    looping = VM + 'module "again" {\n  source = "./"\n  name   = "x"\n}\n'
    result = lint_files(tmp_path, monkeypatch, {"main.tf": ROOT, "modules/vm/main.tf": looping})
    scripts = [r for estate in result.estates for r in estate.resources(Script)]
    cut = {(m.path, m.line, m.column) for s in scripts for m in s.unread if m.tag == MODULE_CALLS_CUT}
    assert cut == {("modules/vm/main.tf", 12, 12)}
    assert [d[0] for d in _deployments(result)] == ["shop-api", "shop-web"]


def test_the_folders_configurations_call_are_found_once_per_run(tmp_path, monkeypatch):
    """What every configuration of the run calls is one pass over the run's files, not one for each file
    that declares a classic resource (each listed every file of the run: quadratic in the files)."""
    from migcheck.readers import beside

    listed: list[tuple[str, ...]] = []
    files_in_run = beside.files_in_run

    def counted(suffixes: tuple[str, ...]) -> list[str]:
        listed.append(suffixes)
        return files_in_run(suffixes)

    monkeypatch.setattr(beside, "files_in_run", counted)
    alone = {f"other{n}/main.tf": VM for n in range(4)}
    result = lint_files(tmp_path, monkeypatch, {"main.tf": ROOT, "modules/vm/main.tf": VM, **alone}, "MIG105")
    assert len(listed) == 1
    assert sorted(where(result.findings)) == [
        "MIG105 modules/vm/main.tf:3:1",
        "MIG105 modules/vm/main.tf:3:1",
        *(f"MIG105 other{n}/main.tf:3:1" for n in range(4)),
    ]
