"""The reports of an item's setup and teardown, which do nothing and pass, are made and given to the plugins
only where a plugin does something with them: pytest's own session counts only failures, so where it
alone implements `pytest_runtest_logreport` for them (the terminal reporter is left out of them already)
and nothing watches the hook calls, neither the two reports nor the two hook calls are made. A conftest.py
that reads the reports, and pytester's recorder of hook calls, get all three phases."""

from __future__ import annotations

import pytest
from plugin_support import QUIET, SELECTED

pytest_plugins = ["pytester"]

# Counts the setup and teardown reports the plugin makes, in the pytest process it is loaded in.
COUNTED = """
import pytest_migcheck.session as plugin_session

MADE = []
_made = plugin_session._idle_reports

def _counted(call):
    MADE.append(call.nodeid)
    return _made(call)

plugin_session._idle_reports = _counted

def pytest_terminal_summary(terminalreporter):
    terminalreporter.write_line(f"idle reports made for {len(MADE)} items")
"""

READS_REPORTS = """
def pytest_runtest_logreport(report):
    pass
"""


def test_no_idle_report_is_made_where_only_pytest_s_session_would_get_it(estate: pytest.Pytester) -> None:
    estate.makeconftest(COUNTED)
    result = estate.runpytest_subprocess("--migcheck", *QUIET, *SELECTED, "-p", "no:xdist")
    result.assert_outcomes(passed=4, failed=2)
    result.stdout.fnmatch_lines(["idle reports made for 0 items"])


def test_idle_reports_are_made_for_a_plugin_that_reads_reports(estate: pytest.Pytester) -> None:
    estate.makeconftest(COUNTED + READS_REPORTS)
    result = estate.runpytest_subprocess("--migcheck", *QUIET, *SELECTED, "-p", "no:xdist")
    result.assert_outcomes(passed=4, failed=2)
    result.stdout.fnmatch_lines(["idle reports made for 5 items"])  # the migcheck items, not the test


def test_idle_reports_are_made_where_hook_calls_are_watched(estate: pytest.Pytester) -> None:
    reprec = estate.inline_run("--migcheck", *QUIET, *SELECTED, "-m", "migcheck")
    whens = [r.when for r in reprec.getreports("pytest_runtest_logreport") if "::MIG" in r.nodeid]
    assert sorted(whens) == sorted(["setup", "call", "teardown"] * 5)
