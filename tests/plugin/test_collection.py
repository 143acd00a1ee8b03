"""What `pytest --migcheck` collects: one item per (classic file, rule that looks at a resource the file
holds), the rules about files themselves only where they reported, node ids, keywords and the marker, and
nothing at all without the flag."""

from __future__ import annotations

import pytest
from plugin_support import BROKEN_CSCFG, ENDPOINT_ACL, NET, QUIET, SELECTED, SHOP, VM

from migcheck.model import RolesUndefined, resource_types
from migcheck.plugins import load_rules
from migcheck.readers import read_document

pytest_plugins = ["pytester"]


def collected(pytester: pytest.Pytester, *args: str) -> list[str]:
    """Node ids of the items left after collection and -k/-m deselection."""
    reprec = pytester.inline_run("--collect-only", "--migcheck", *QUIET, *args)
    return [item.nodeid for item in reprec.getcall("pytest_collection_finish").session.items]


def test_inert_without_the_flag_collects_and_imports_nothing(estate: pytest.Pytester) -> None:
    # A fresh interpreter: this test process has imported the engine already.
    estate.makeconftest(
        """
        import sys

        def pytest_terminal_summary(terminalreporter):
            loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("lxml", "migcheck"))
            terminalreporter.write_line(f"loaded: {loaded}")
        """
    )
    result = estate.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)  # test_unit.py only
    result.stdout.fnmatch_lines(["loaded: []"])
    assert "::MIG" not in result.stdout.str()


def test_one_item_per_file_and_inspecting_rule(estate: pytest.Pytester) -> None:
    rules = [r for r in load_rules() if r.severity]  # every rule, enabled by default
    expected = set()
    for path in (SHOP, BROKEN_CSCFG, NET, VM):
        document = read_document(path, (estate.path / path).read_bytes(), explicit=False)
        assert document is not None
        # The shop's .cscfg has no .csdef beside it: its roles are the service's web/worker roles.
        held = resource_types(document) | ({RolesUndefined} if path == SHOP else set())
        # The rules about files themselves get an item only where they reported: the broken file's MIG001.
        expected |= {f"{path}::{r.code}" for r in rules if r.has_case(held)}
    expected.add(f"{BROKEN_CSCFG}::MIG001")
    assert f"{NET}::MIG201" not in expected and f"{SHOP}::MIG201" in expected
    assert f"{NET}::MIG001" not in expected
    ids = collected(estate, "-m", "migcheck")
    assert sorted(ids) == sorted(expected)
    assert not any(i.startswith("pom.xml") for i in ids)


def test_node_ids_of_the_selected_rules(estate: pytest.Pytester) -> None:
    assert collected(estate, *SELECTED, "-m", "migcheck") == [
        f"{BROKEN_CSCFG}::MIG001",  # holds nothing: it does not parse (the others parse: no MIG001 item)
        f"{NET}::MIG003",  # a network can name DNS servers and sites; it holds no endpoint ACL
        f"{SHOP}::MIG003",
        f"{SHOP}::MIG201",
        f"{VM}::MIG003",  # the VM has no endpoint ACL
    ]


def test_a_file_that_is_no_kind_gets_the_rules_that_reported_on_it(estate: pytest.Pytester) -> None:
    # The extension says netcfg, the root says otherwise: the reader gives it no kind, so it holds no
    # resource, and only MIG002, which reports it, has an item there.
    estate.path.joinpath("net", "Wrong.netcfg").write_text('<ServiceDefinition name="x"/>\n')
    ids = collected(estate, "--migcheck-select", "MIG0,MIG201", "net/Wrong.netcfg")
    assert ids == ["net/Wrong.netcfg::MIG002"]


def test_the_rules_about_files_get_an_item_where_they_report(estate: pytest.Pytester) -> None:
    # A malformed suppression in a file that parses: MIG005 reports it, so that pair gets its item, while
    # the other files that parse get none of the rules about files themselves.
    shop = estate.path / SHOP
    shop.write_text(
        shop.read_text().replace(ENDPOINT_ACL, "<!-- migcheck: ignore MIG201 -->\n" + ENDPOINT_ACL)
    )
    ids = collected(estate, "--migcheck-select", "MIG001,MIG002,MIG005,MIG006", "-m", "migcheck")
    assert ids == [f"{BROKEN_CSCFG}::MIG001", f"{SHOP}::MIG005"]
    reprec = estate.inline_run("--migcheck", *QUIET, "--migcheck-fail-on", "warning", *ids)
    _, _, failed = reprec.listoutcomes()
    assert sorted(r.nodeid for r in failed) == ids


def test_a_rule_gets_an_item_only_where_it_can_report(estate: pytest.Pytester) -> None:
    # MIG104 reports at the reference that places a service in a network, MIG106 at a reserved IP, MIG101
    # at the roles of the .csdef: the shop's .cscfg places it (an item for MIG104 only), the local
    # emulator's .cscfg neither places it nor reserves an IP (no item), the staging .cscfg does both (an
    # item for each), and the .csdef defines the roles (an item for MIG101).
    estate.path.joinpath("shop", "ServiceDefinition.csdef").write_text(
        '<ServiceDefinition name="shop"><WebRole name="Web"/></ServiceDefinition>\n'
    )
    estate.path.joinpath("shop", "ServiceConfiguration.Local.cscfg").write_text(
        '<ServiceConfiguration serviceName="shop"><Role name="Web"/></ServiceConfiguration>\n'
    )
    estate.path.joinpath("shop", "ServiceConfiguration.Staging.cscfg").write_text(
        '<ServiceConfiguration serviceName="shop"><Role name="Web"/><NetworkConfiguration>'
        '<VirtualNetworkSite name="prod"/><AddressAssignments><ReservedIPs><ReservedIP name="shop-ip"/>'
        "</ReservedIPs></AddressAssignments></NetworkConfiguration></ServiceConfiguration>\n"
    )
    ids = collected(estate, "--migcheck-select", "MIG101,MIG104,MIG106", "shop")
    assert ids == [
        f"{SHOP}::MIG104",
        "shop/ServiceConfiguration.Staging.cscfg::MIG104",
        "shop/ServiceConfiguration.Staging.cscfg::MIG106",
        "shop/ServiceDefinition.csdef::MIG101",
    ]
    # Without the .csdef, MIG101 reports the roles where the deployed .cscfg files name them: each has an
    # item, not the local emulator's, which is never deployed.
    estate.path.joinpath("shop", "ServiceDefinition.csdef").unlink()
    ids = collected(estate, "--migcheck-select", "MIG101", "shop")
    assert ids == [f"{SHOP}::MIG101", "shop/ServiceConfiguration.Staging.cscfg::MIG101"]


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("endpoint-acl", [f"{SHOP}::MIG201"]),
        ("MIG2 and shop", [f"{SHOP}::MIG201"]),
        ("xml-syntax-error", [f"{BROKEN_CSCFG}::MIG001"]),
        ("unresolved-reference and not vms", [f"{NET}::MIG003", f"{SHOP}::MIG003"]),
    ],
)
def test_keyword_selection(estate: pytest.Pytester, expression: str, expected: list[str]) -> None:
    assert collected(estate, *SELECTED, "-k", expression) == expected


def test_marker_selection(estate: pytest.Pytester) -> None:
    assert collected(estate, *SELECTED, "-m", "not migcheck") == ["test_unit.py::test_python_unit"]
    ids = collected(estate, *SELECTED, "-m", "migcheck")
    assert len(ids) == 5 and all("::MIG" in i for i in ids)


def test_config_include_and_exclude_apply(estate: pytest.Pytester) -> None:
    estate.makepyprojecttoml('[tool.migcheck]\nexclude = ["broken/"]\n')
    ids = collected(estate, *SELECTED, "-m", "migcheck")
    assert ids and not any(i.startswith("broken/") for i in ids)


def test_cross_file_findings_when_one_folder_is_collected(estate: pytest.Pytester) -> None:
    # The subnet is checked against the netcfg in net/, which is not collected. MIG104 (no VM in the
    # network the roles are placed in) passes there: only the folder given is collected, passing items
    # included.
    select = ("--migcheck-select", "MIG001,MIG003,MIG104,MIG201")
    reprec = estate.inline_run("--migcheck", *QUIET, "--migcheck-fail-on", "warning", *select, "shop")
    passed, _, failed = reprec.listoutcomes()
    assert sorted(r.nodeid for r in failed) == [f"{SHOP}::MIG003", f"{SHOP}::MIG201"]
    assert [r.nodeid for r in passed] == [f"{SHOP}::MIG104"]
    assert "subnet 'Backend' is not a subnet of virtual network 'prod'" in str(failed[0].longrepr)


def test_testpaths_do_not_hide_the_classic_files(estate: pytest.Pytester) -> None:
    # The very common `testpaths = ["tests"]`: the classic files live elsewhere in the repository.
    estate.makepyprojecttoml('[tool.pytest.ini_options]\ntestpaths = ["tests"]\n')
    estate.path.joinpath("tests").mkdir()
    estate.path.joinpath("tests", "test_unit.py").write_text("def test_unit():\n    pass\n")
    ids = collected(estate, *SELECTED)
    assert "tests/test_unit.py::test_unit" in ids
    assert f"{SHOP}::MIG201" in ids and f"{NET}::MIG003" in ids
    assert "test_unit.py::test_python_unit" not in ids  # outside the test paths, and not a classic file


def test_paths_given_on_the_command_line_are_the_users_choice(estate: pytest.Pytester) -> None:
    estate.makepyprojecttoml('[tool.pytest.ini_options]\ntestpaths = ["tests"]\n')
    ids = collected(estate, *SELECTED, "net")
    assert ids == [f"{NET}::MIG003"]


def test_a_selection_reads_only_what_its_rules_need(estate: pytest.Pytester) -> None:
    """A network rule reads the network configuration, the .xml files and Python files (a script can
    upload a network configuration), not the .cscfg files: they cannot hold what it looks at, so they
    would have no item anyway."""
    select = ("--migcheck-select", "MIG303,MIG304", "-m", "migcheck")
    assert collected(estate, *select) == [f"{NET}::MIG303", f"{NET}::MIG304"]
    result = estate.runpytest("--migcheck", *QUIET, *select)
    # The network configuration and the exported VM (test_unit.py is read, and is not classic); the two
    # .cscfg files are not read.
    result.stdout.fnmatch_lines(["migcheck *: 2 classic files under rootdir (2 more files not read: *"])
    result.assert_outcomes(passed=2, deselected=1)
