"""pytest does not walk into the folders `norecursedirs` names (`.*` by default), where the CI services keep
their pipelines (`.github/workflows`, `.circleci`): with `--migcheck` their classic files are collected with
the findings `migcheck check` gives them, each once, and nothing else there is; a folder named by
`--ignore` stays out."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from plugin_support import QUIET, outcomes

pytest_plugins = ["pytester"]

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="ops-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="apps"><AddressPrefix>10.1.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
# A VM created in the network with no subnet: MIG203, an error.
VM_CREATE = "azure vm create ops-svc img ops -p secret -w ops-vnet -e 22 -l 'West Europe'"
WORKFLOW = f"""\
jobs:
  vm:
    runs-on: ubuntu-latest
    steps:
      - run: |
          azure config mode asm
          {VM_CREATE}
"""
CIRCLECI = f"""\
jobs:
  vm:
    steps:
      - run: |
          azure config mode asm
          {VM_CREATE.replace("ops-svc", "build-svc")}
"""
PIPELINES = {".github/workflows/vm.yml": WORKFLOW, ".circleci/config.yml": CIRCLECI}


@pytest.fixture
def repository(pytester: pytest.Pytester) -> pytest.Pytester:
    files = {
        "NetworkConfig.netcfg": NETCFG,
        **PIPELINES,
        ".github/scripts/test_release.py": "def test_release():\n    pass\n",  # no test the user collects
    }
    for path, text in files.items():
        target = pytester.path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return pytester


@pytest.mark.parametrize("name", sorted(PIPELINES))
def test_a_pipeline_in_a_hidden_folder_fails_its_item_as_the_cli_reports_it(repository, name):
    reprec = repository.inline_run("--migcheck", *QUIET)
    ran = outcomes(reprec)
    assert ran[f"{name}::MIG203"] == "failed"
    assert reprec.ret == pytest.ExitCode.TESTS_FAILED


def test_only_the_classic_files_of_a_hidden_folder_are_collected_each_once(repository):
    reprec = repository.inline_run("--collect-only", "--migcheck", *QUIET)
    ids = [item.nodeid for item in reprec.getcall("pytest_collection_finish").session.items]
    assert len(ids) == len(set(ids))
    assert {node.split("::")[0] for node in ids} == {"NetworkConfig.netcfg", *PIPELINES}


def test_a_hidden_folder_the_user_ignores_by_name_stays_out(repository):
    reprec = repository.inline_run("--collect-only", "--migcheck", "--ignore=.github", *QUIET)
    ids = [item.nodeid for item in reprec.getcall("pytest_collection_finish").session.items]
    assert {node.split("::")[0] for node in ids} == {"NetworkConfig.netcfg", ".circleci/config.yml"}


def test_a_pipeline_of_a_hidden_folder_outside_testpaths_is_collected_once(repository):
    repository.makepyprojecttoml('[tool.pytest.ini_options]\ntestpaths = ["tests"]\n')
    repository.path.joinpath("tests").mkdir()
    repository.path.joinpath("tests", "test_unit.py").write_text("def test_unit():\n    pass\n")
    reprec = repository.inline_run("--collect-only", "--migcheck", *QUIET)
    ids = [item.nodeid for item in reprec.getcall("pytest_collection_finish").session.items]
    assert len(ids) == len(set(ids))
    assert {node.split("::")[0] for node in ids} == {"NetworkConfig.netcfg", *PIPELINES, "tests/test_unit.py"}


def test_a_folder_a_norecursedirs_pattern_with_a_separator_names_is_entered_for_its_classic_file(repository):
    # A pattern with a separator is matched against the folder's path, not its name.
    repository.makeini("[pytest]\nnorecursedirs = ops/network\n")
    files = {"ops/network/Ops.netcfg": NETCFG, "ops/network/test_vnet.py": "def test_vnet():\n    pass\n"}
    for path, text in files.items():
        target = repository.path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    reprec = repository.inline_run("--collect-only", "--migcheck", *QUIET)
    ids = [item.nodeid for item in reprec.getcall("pytest_collection_finish").session.items]
    paths = {node.split("::")[0] for node in ids}
    assert "ops/network/Ops.netcfg" in paths
    assert "ops/network/test_vnet.py" not in paths


@pytest.mark.parametrize("marked", [False, True], ids=["run-by-the-plugin", "marked-run-by-pytest"])
def test_a_pipeline_in_a_hidden_folder_has_the_junit_classname_the_cli_gives_it(repository, marked):
    # pytest's own classname would start with a dot (`.github.workflows.vm.yml`); an item with a mark of
    # its own goes through pytest's protocol rather than the plugin's loop, and is named alike.
    if marked:
        repository.makeconftest(
            "import pytest\n\n"
            "def pytest_collection_modifyitems(items):\n"
            "    for item in items:\n"
            "        item.add_marker(pytest.mark.filterwarnings('ignore'))\n"
        )
    repository.runpytest_inprocess("--migcheck", *QUIET, "--junitxml=report.xml")
    suite = ET.parse(repository.path / "report.xml").getroot().find("testsuite")
    assert suite is not None
    classnames = sorted(c.get("classname", "") for c in suite.iter("testcase") if c.get("name") == "MIG203")
    assert classnames == ["circleci.config.yml", "github.workflows.vm.yml"]
