"""The classic files outside `testpaths` whatever their names, and nothing else there; the `--migcheck-*`
options without `--migcheck`; an unknown rule named in an option."""

from __future__ import annotations

import pytest
from plugin_support import BROKEN_CSCFG, NET, NETCFG, QUIET, SELECTED, SHOP, VM, summary_outcomes

from migcheck.discover import shown

pytest_plugins = ["pytester"]

TESTPATHS = '[tool.pytest.ini_options]\ntestpaths = ["tests"]\n'
TEST_UNIT = "tests/test_unit.py::test_unit"
OUTSIDE_UNIT = "test_unit.py::test_python_unit"  # the estate's own test, outside the test paths

# Calls the classic Service Management API: migcheck reads it as a classic file. Imported, it would need
# the Azure SDK (not installed here) and write a marker file.
DEPLOY_SCRIPT = '''\
open("imported", "w").close()
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("subscription", "management.pem")
sms.set_virtual_network_configuration("""NETCFG""")
'''.replace("NETCFG", NETCFG.replace('"', "'"))


@pytest.fixture
def beyond(estate: pytest.Pytester) -> pytest.Pytester:
    """The estate with `testpaths = ["tests"]`: every classic file is outside the test paths."""
    estate.makepyprojecttoml(TESTPATHS)
    estate.path.joinpath("tests").mkdir()
    estate.path.joinpath("tests", "test_unit.py").write_text("def test_unit():\n    pass\n")
    return estate


def write(pytester: pytest.Pytester, path: str, text: str) -> None:
    target = pytester.path / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def collected(pytester: pytest.Pytester, *args: str) -> list[str]:
    """Node ids of the collected items; fails on any collection error."""
    reprec = pytester.inline_run("--collect-only", "--migcheck", *QUIET, *args)
    assert reprec.ret == pytest.ExitCode.OK, reprec.ret
    assert not reprec.getfailedcollections()
    return [item.nodeid for item in reprec.getcall("pytest_collection_finish").session.items]


# --- classic files outside the test paths -----------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "network/prod[1].netcfg",  # pytest reads `[...]` as a parametrization
        "network/a::b.netcfg",  # ... and `::` as a node id's separator
        "network/with space.netcfg",
        "network/esc\x1b[31mred\x07.netcfg",  # control characters: the node id is escaped
        "sites[eu]/NetworkConfig.netcfg",  # a folder with brackets
        "a::b/c/NetworkConfig.netcfg",
        "prod[1].netcfg",  # at the rootdir, which holds the test paths
        "sites[eu]/build/NetworkConfig.netcfg",  # a folder pytest does not walk into (norecursedirs)
        ".azure[x]/NetworkConfig.netcfg",  # ... nor into a hidden folder
    ],
)
def test_every_classic_file_outside_the_test_paths_is_collected_whatever_its_name(
    beyond: pytest.Pytester, name: str
) -> None:
    write(beyond, name, NETCFG)
    ids = collected(beyond, *SELECTED)
    assert len(ids) == len(set(ids))  # nothing collected twice
    assert set(ids) == {
        f"{shown(name)}::MIG003",
        f"{NET}::MIG003",
        f"{SHOP}::MIG003",
        f"{SHOP}::MIG201",
        f"{VM}::MIG003",
        f"{BROKEN_CSCFG}::MIG001",
        TEST_UNIT,
    }


def test_several_awkward_names_at_once_and_with_keep_duplicates(beyond: pytest.Pytester) -> None:
    names = ["prod[1].netcfg", "network/a::b.netcfg", "sites[eu]/x[2].netcfg", ".azure/NetworkConfig.netcfg"]
    for name in names:
        write(beyond, name, NETCFG)
    expected = {f"{name}::MIG003" for name in names} | {TEST_UNIT, f"{SHOP}::MIG201", f"{NET}::MIG003"}
    for args in ((), ("--keep-duplicates",)):
        ids = collected(beyond, *SELECTED, *args)
        assert len(ids) == len(set(ids)), args
        assert expected <= set(ids) and OUTSIDE_UNIT not in ids, args


def test_nothing_else_outside_the_test_paths_is_collected(beyond: pytest.Pytester) -> None:
    # The bracketed names make their folders collected: the Python tests and other files beside them are
    # not the user's tests, and a folder holding no classic file is not entered at all.
    write(beyond, "prod[1].netcfg", NETCFG)
    write(beyond, "network/prod[1].netcfg", NETCFG)
    write(beyond, "network/test_network.py", "def test_network():\n    pass\n")
    write(beyond, "network/sub/test_deeper.py", "def test_deeper():\n    pass\n")
    write(beyond, "docs/conftest.py", "raise RuntimeError('this conftest is outside the test paths')\n")
    write(beyond, "docs/test_docs.py", "def test_docs():\n    pass\n")
    ids = collected(beyond, *SELECTED)
    python = sorted(i for i in ids if ".py::" in i)
    assert python == [TEST_UNIT]


@pytest.mark.parametrize("name", ["scripts/deploy.py", "scripts[prod]/test_deploy.py"])
def test_a_classic_python_script_outside_the_test_paths_is_checked_not_imported(
    beyond: pytest.Pytester, name: str
) -> None:
    write(beyond, name, DEPLOY_SCRIPT)
    ids = collected(beyond, "--migcheck-select", "MIG6")
    assert any(i.startswith(f"{name}::MIG6") for i in ids), ids
    # A file that cannot be read is reported whatever the selection: the estate's broken one keeps its item.
    others = [i for i in ids if not i.startswith(f"{name}::")]
    assert sorted(others) == sorted(["broken/ServiceConfiguration.Cloud.cscfg::MIG001", TEST_UNIT])
    assert not (beyond.path / "imported").exists()  # the script never ran


def test_the_test_paths_still_collect_their_python_tests(beyond: pytest.Pytester) -> None:
    # A classic file at the rootdir makes the rootdir collected: the test paths keep all their tests.
    write(beyond, "prod[1].netcfg", NETCFG)
    write(beyond, "tests/unit/test_more.py", "def test_more():\n    pass\n")
    write(beyond, "tests/conftest.py", "import pytest\n\n@pytest.fixture\ndef answer():\n    return 42\n")
    write(beyond, "tests/test_fixture.py", "def test_answer(answer):\n    assert answer == 42\n")
    result = beyond.runpytest_inprocess("--migcheck", *QUIET, *SELECTED, "-m", "not migcheck")
    result.assert_outcomes(passed=3, deselected=6)


def test_xdist_workers_collect_the_same_awkward_names(beyond: pytest.Pytester) -> None:
    write(beyond, "network/prod[1].netcfg", NETCFG)
    write(beyond, "network/test_network.py", "def test_network():\n    pass\n")
    result = beyond.runpytest_subprocess("--migcheck", *QUIET, *SELECTED, "-rA", "-n", "2")
    found = summary_outcomes(result.stdout.lines)
    assert found["network/prod[1].netcfg::MIG003"] == "PASSED"
    assert found[TEST_UNIT] == "PASSED"
    assert "network/test_network.py::test_network" not in found and OUTSIDE_UNIT not in found
    assert len(found) == 7


# --- the options need --migcheck ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("--migcheck-select", "MIG2"), "--migcheck-select"),
        (("--migcheck-ignore", "MIG2"), "--migcheck-ignore"),
        (("--migcheck-fail-on", "warning"), "--migcheck-fail-on"),
    ],
)
def test_an_option_without_migcheck_is_a_usage_error(
    estate: pytest.Pytester, args: tuple[str, ...], option: str
) -> None:
    result = estate.runpytest_inprocess(*QUIET, *args)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([f"ERROR: migcheck: {option} needs --migcheck*"])


def test_an_option_in_addopts_without_migcheck_is_a_usage_error(estate: pytest.Pytester) -> None:
    estate.makepyprojecttoml('[tool.pytest.ini_options]\naddopts = "--migcheck-ignore MIG2"\n')
    result = estate.runpytest_inprocess(*QUIET)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: migcheck: --migcheck-ignore needs --migcheck*"])
    # With --migcheck (here on the command line) the same addopts are fine.
    estate.runpytest_inprocess(*QUIET, "--migcheck", *SELECTED).assert_outcomes(passed=4, failed=2)


# --- an unknown rule names the option -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--migcheck-select", "MIG999"), "unknown rule 'MIG999' in --migcheck-select: *"),
        (("--migcheck-ignore", "MIG9"), "unknown rule 'MIG9' in --migcheck-ignore: *"),
        (("--migcheck-select", "MIG201,MIG2O1"), "unknown rule 'MIG2O1' in --migcheck-select (did you mean*"),
    ],
)
def test_an_unknown_rule_names_the_option(
    estate: pytest.Pytester, args: tuple[str, ...], message: str
) -> None:
    result = estate.runpytest_inprocess("--migcheck", *QUIET, *args)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([f"ERROR: migcheck: {message}"])


def test_a_rootdir_whose_path_pytest_would_misread(
    estate: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The paths handed to pytest are relative to the rootdir: its own `[` does not reach them.
    repository = estate.path / "repo[1]"
    write(estate, "repo[1]/tests/test_unit.py", "def test_unit():\n    pass\n")
    write(estate, f"repo[1]/{NET}", NETCFG)
    repository.joinpath("pyproject.toml").write_text(TESTPATHS)
    monkeypatch.chdir(repository)
    assert sorted(collected(estate, *SELECTED)) == [f"{NET}::MIG003", TEST_UNIT]
