"""A classic file's items are handed to pytest by the file's folder: pytest collects no collector per
file (four hooks, an output capture and two reports each, more than all the file's items cost), while
node ids, -k, --collect-only's tree, a file or item named on the command line and --lf are as with one."""

from __future__ import annotations

import pytest
from plugin_support import BROKEN_CSCFG, NET, QUIET, SELECTED, SHOP, VM

pytest_plugins = ["pytester"]

COLLECT_REPORTS = """
REPORTS = []

def pytest_collectreport(report):
    REPORTS.append(report.nodeid)

def pytest_terminal_summary(terminalreporter):
    terminalreporter.write_line("collect reports: " + " ".join(sorted(REPORTS)))
"""

ITEMS = [
    f"{BROKEN_CSCFG}::MIG001",
    f"{NET}::MIG003",
    f"{SHOP}::MIG003",
    f"{SHOP}::MIG201",
    f"{VM}::MIG003",
]


def collected(pytester: pytest.Pytester, *args: str) -> list[str]:
    reprec = pytester.inline_run("--collect-only", "--migcheck", *QUIET, *SELECTED, "-m", "migcheck", *args)
    return [item.nodeid for item in reprec.getcalls("pytest_collection_finish")[0].session.items]


def test_no_classic_file_is_collected_as_a_collector(estate: pytest.Pytester) -> None:
    estate.makeconftest(COLLECT_REPORTS)
    result = estate.runpytest_inprocess("--migcheck", *QUIET, *SELECTED, "-m", "migcheck")
    result.assert_outcomes(passed=3, failed=2)
    line = next(line for line in result.stdout.lines if line.startswith("collect reports: "))
    assert line.split()[2:] == [".", "broken", "net", "shop", "test_unit.py", "vms"]  # no classic file


def test_node_ids_and_the_collected_tree_name_the_file(estate: pytest.Pytester) -> None:
    assert collected(estate) == ITEMS
    result = estate.runpytest_inprocess("--collect-only", "--migcheck", *QUIET, *SELECTED, "shop")
    result.stdout.fnmatch_lines(
        [
            "  <Dir shop>",
            "    <MigcheckFile ServiceConfiguration.Cloud.cscfg>",
            "      <MigcheckItem MIG003>",
            "      <MigcheckItem MIG201>",
        ]
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((SHOP,), [f"{SHOP}::MIG003", f"{SHOP}::MIG201"]),
        ((f"{SHOP}::MIG201",), [f"{SHOP}::MIG201"]),
        (("-k", "Cloud and not MIG003"), [f"{BROKEN_CSCFG}::MIG001", f"{SHOP}::MIG201"]),
        (("--deselect", SHOP, "--deselect", "net"), [f"{BROKEN_CSCFG}::MIG001", f"{VM}::MIG003"]),
    ],
)
def test_files_and_items_are_selected_as_with_a_collector_per_file(
    estate: pytest.Pytester, args: tuple[str, ...], expected: list[str]
) -> None:
    assert collected(estate, *args) == expected


def test_last_failed_reruns_the_failures_and_skips_the_other_files(estate: pytest.Pytester) -> None:
    # Skipped: net/, vms/ and the Python test module, none of which failed.
    args = ("--migcheck", "-p", "no:hypothesispytest", *SELECTED, "-m", "migcheck")
    estate.runpytest_inprocess(*args).assert_outcomes(passed=3, failed=2)
    result = estate.runpytest_inprocess(*args, "--lf")
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(["run-last-failure: rerun previous 2 failures (skipped 3 files)"])
