"""A Bicep `module` of a file of the repository (`module web './modules/vm.bicep' = {params: {...}}`) was passed
over, and the module's file read alone made its classic resources of values not stated. The module's file is
now read once for each item the declaration makes, its parameters the values the caller passes (its defaults
where it passes none), each resource reported once, where the module declares it; a caller's value of a
module's output (`web.outputs.name`) is the value the module works out. The module's file read alone says
nothing more when another Bicep file of the run uses it (the caller's reading wins); a module file no caller
uses is read alone as before. A module not read (a registry's, a file missing or outside the folder checked,
one using the file that uses it) is said not read (`template-file-not-read`) where its path is written; a file of
the repository the run does not check is said so (`template-file-not-checked`)."""

from __future__ import annotations

from growth import assert_linear
from lint_support import RULES, lint_files, where

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.inventory_model import ClassicVm
from migcheck.model import TEMPLATE_FILE_NOT_CHECKED, TEMPLATE_FILE_NOT_READ
from migcheck.readers import bicep
from migcheck.report.unread import in_documents

MAIN = """\
param env string = 'prod'

module web './modules/vm.bicep' = {
  name: 'web'
  params: {
    vmName: '${env}-web'
  }
}

module apis './modules/vm.bicep' = [for i in range(0, 2): {
  name: 'api${i}'
  params: {
    vmName: '${web.outputs.name}-api${i}'
    size: 'Large'
  }
}]

module off './modules/vm.bicep' = if (env == 'test') {
  name: 'off'
  params: {
    vmName: 'test-only'
  }
}
"""

VM = """\
param vmName string
param size string = 'Small'

resource vm 'Microsoft.ClassicCompute/virtualMachines@2017-04-01' = {
  name: vmName
  location: 'westeurope'
  properties: {
    domainName: {
      name: '${vmName}-svc'
    }
    hardwareProfile: {
      size: size
    }
  }
}

output name string = vm.name
"""


def _deployments(result) -> list[tuple[str, str, str, int]]:
    found = [r for document in result.documents for r in document.resources if isinstance(r, ClassicVm)]
    return sorted((vm.service, vm.role.size, vm.mark.path, vm.mark.line) for vm in found)


def _unread(result) -> list[tuple[str, int, int, str]]:
    return [(p.path, m.line, m.column, m.tag) for p in in_documents(result.documents) for m in p.marks]


def test_each_item_makes_the_module_s_resources_with_the_values_it_passes(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.bicep": MAIN, "modules/vm.bicep": VM})
    assert _deployments(result) == [
        ("prod-web-api0-svc", "Large", "modules/vm.bicep", 4),
        ("prod-web-api1-svc", "Large", "modules/vm.bicep", 4),
        ("prod-web-svc", "Small", "modules/vm.bicep", 4),
    ]
    assert where(f for f in result.findings if f.code == "MIG601") == ["MIG601 modules/vm.bicep:4:1"]
    assert len([f for f in result.findings if f.code == "MIG105"]) == 3
    assert not any("<value of parameter" in f.message for f in result.findings)
    assert _unread(result) == []


def test_a_module_file_no_caller_uses_keeps_its_own_reading(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"modules/vm.bicep": VM})
    ((service, size, path, line),) = _deployments(result)
    assert (
        service.startswith("<")
        and "vmName" in service
        and (size, path, line)
        == (
            "Small",
            "modules/vm.bicep",
            4,
        )
    )


def test_a_caller_of_no_classic_resource_of_its_own_is_read_for_its_modules(tmp_path, monkeypatch):
    caller = "module web 'vm.bicep' = {\n  name: 'web'\n  params: {\n    vmName: 'shop'\n  }\n}\n"
    result = lint_files(tmp_path, monkeypatch, {"main.bicep": caller, "vm.bicep": VM})
    assert _deployments(result) == [("shop-svc", "Small", "vm.bicep", 4)]


REGISTRY_AND_MISSING = """\
module reg 'br/public:avm/res/compute/vm:0.1.0' = {
  name: 'reg'
}

module gone './modules/gone.bicep' = {
  name: 'gone'
}

module named './modules/${'vm'}.bicep' = {
  name: 'named'
}
"""


def test_a_module_of_a_registry_or_of_a_file_not_checked_is_said_not_read(tmp_path, monkeypatch):
    classic = REGISTRY_AND_MISSING + "\n" + VM.replace("param vmName string", "param vmName string = 'a'")
    result = lint_files(tmp_path, monkeypatch, {"main.bicep": classic})
    assert _unread(result) == [
        ("main.bicep", 1, 12, TEMPLATE_FILE_NOT_READ),
        ("main.bicep", 5, 13, TEMPLATE_FILE_NOT_CHECKED),
        ("main.bicep", 9, 14, TEMPLATE_FILE_NOT_READ),
    ]


def test_a_file_of_nothing_classic_says_only_the_modules_of_the_repository_not_checked(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"main.bicep": REGISTRY_AND_MISSING})
    assert _unread(result) == [("main.bicep", 5, 13, TEMPLATE_FILE_NOT_CHECKED)]
    assert result.findings == []


def test_a_module_outside_the_folder_checked_is_said_not_read(tmp_path, monkeypatch):
    caller = (
        "module web '../../modules/vm.bicep' = {\n  name: 'web'\n  params: {\n    vmName: 'shop'\n  }\n}\n"
    )
    lint_files(tmp_path, monkeypatch, {"envs/prod/main.bicep": caller, "modules/vm.bicep": VM})
    monkeypatch.chdir(tmp_path / "envs" / "prod")
    result = lint(["."], Config(), RULES)
    assert _unread(result) == [("main.bicep", 1, 12, TEMPLATE_FILE_NOT_CHECKED)]
    assert _deployments(result) == []


def test_two_files_that_use_each_other_are_each_read_and_said_not_read_where_the_cycle_closes(
    tmp_path, monkeypatch
):
    one = "module two 'two.bicep' = {\n  name: 'two'\n}\n" + VM.replace(
        "param vmName string", "param vmName string = 'one'"
    )
    two = "module one 'one.bicep' = {\n  name: 'one'\n}\n"
    result = lint_files(tmp_path, monkeypatch, {"one.bicep": one, "two.bicep": two})
    assert sorted(_unread(result)) == [
        ("one.bicep", 1, 12, TEMPLATE_FILE_NOT_READ),
        ("two.bicep", 1, 12, TEMPLATE_FILE_NOT_READ),
    ]
    assert {service for service, _, _, _ in _deployments(result)} == {"one-svc"}


def test_a_file_read_alone_reads_no_module_and_says_nothing_of_it():
    document = bicep.read("main.bicep", MAIN.encode())
    assert document.resources == () and document.kind is None


def test_a_loop_over_a_module_reads_it_a_bounded_number_of_times(tmp_path, monkeypatch):
    def make(n: int):
        loop = f"module vms 'vm.bicep' = [for i in range(0, {n}): {{\n  name: 'vm${{i}}'\n  params: {{\n    vmName: 'vm${{i}}'\n  }}\n}}]\n"
        folder = tmp_path / str(n)
        folder.mkdir()
        (folder / "main.bicep").write_text(loop)
        (folder / "vm.bicep").write_text(VM * (n // 5))

        def work():
            monkeypatch.chdir(folder)
            lint(["."], Config(select=("MIG601",)), RULES)

        return work

    assert_linear(make, 100)
