"""A classic file's items call the hooks of the conftest.py files of their folder, as pytest's own items
do, while the plugin looks that hook proxy up once per file rather than at every hook call of every item
(pytest looks the file up on disk each time): made again when collection loads another conftest.py."""

from __future__ import annotations

import pytest
from plugin_support import QUIET, SELECTED, SHOP, VM

pytest_plugins = ["pytester"]

RECORDER = """
import os

SEEN = []

def pytest_runtest_logreport(report):
    if report.when == "call":
        SEEN.append(report.nodeid)

def pytest_terminal_summary(terminalreporter):
    folder = os.path.basename(os.path.dirname(__file__))
    terminalreporter.write_line(f"{folder} saw: " + " ".join(sorted(SEEN)))
"""

COUNTER = """
import pytest

CALLS = []

@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session):
    lookup = session.gethookproxy

    def counted(path):
        CALLS.append(str(path))
        return lookup(path)

    session.gethookproxy = counted

def pytest_terminal_summary(terminalreporter):
    classic = [path for path in CALLS if path.endswith((".cscfg", ".netcfg", "app01.xml"))]
    terminalreporter.write_line(f"lookups of classic files: {len(classic)}")
"""


def test_items_call_the_hooks_of_their_folder_s_conftest_only(estate: pytest.Pytester) -> None:
    # `vms/` is collected after `shop/`: its conftest.py, loaded then, must not reach shop's items.
    for folder in ("shop", "vms"):
        (estate.path / folder / "conftest.py").write_text(RECORDER, encoding="utf-8")
    result = estate.runpytest_inprocess("--migcheck", *QUIET, *SELECTED, "-m", "migcheck")
    result.stdout.fnmatch_lines([f"shop saw: {SHOP}::MIG003 {SHOP}::MIG201"])
    result.stdout.fnmatch_lines([f"vms saw: {VM}::MIG003"])


def test_the_hooks_of_a_file_are_looked_up_once_for_all_its_items(estate: pytest.Pytester) -> None:
    estate.makeconftest(COUNTER)
    result = estate.runpytest_inprocess("--migcheck", *QUIET, *SELECTED, "-m", "migcheck")
    result.assert_outcomes(passed=3, failed=2)
    # Four classic files, five items: pytest's collection asks a file's proxy three times, once for
    # the file and the items it holds.
    lookups = int(result.stdout.str().split("lookups of classic files: ")[1].split()[0])
    assert lookups <= 4 * 3
