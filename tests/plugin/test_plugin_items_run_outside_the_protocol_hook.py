"""The plugin runs its items in pytest's loop without the `pytest_runtest_protocol` hook, whose wrappers
(warnings, assertion rewriting, faulthandler) cost more per item than the item: the phases are still
reported, -x and --maxfail still stop the run, other tests still go through the hook, and a plugin that
runs the loop itself (as pytest-xdist does) is left to run it."""

from __future__ import annotations

import pytest
from conftest import BROKEN_CSCFG, QUIET, SELECTED, SHOP, outcomes

pytest_plugins = ["pytester"]

PROTOCOL_WRAPPER = """
import pytest

PROTOCOL = []

@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item):
    PROTOCOL.append(item.nodeid)
    return (yield)

def pytest_terminal_summary(terminalreporter):
    terminalreporter.write_line("protocol: " + " ".join(PROTOCOL))
"""

OWN_LOOP = """
import pytest

@pytest.hookimpl(tryfirst=True)
def pytest_runtestloop(session):
    for item in session.items:
        item.config.hook.pytest_runtest_protocol(item=item, nextitem=None)
    session.config.own_loop_ran = len(session.items)
    return True

def pytest_terminal_summary(terminalreporter):
    terminalreporter.write_line(f"own loop: {terminalreporter.config.own_loop_ran}")
"""


def test_items_skip_the_protocol_hook_and_python_tests_go_through_it(estate: pytest.Pytester) -> None:
    estate.makeconftest(PROTOCOL_WRAPPER)
    result = estate.runpytest_inprocess("--migcheck", *QUIET, *SELECTED)
    result.assert_outcomes(passed=4, failed=2)
    result.stdout.fnmatch_lines(["protocol: test_unit.py::test_python_unit"])


def test_every_phase_of_an_item_is_reported(estate: pytest.Pytester) -> None:
    reprec = estate.inline_run("--migcheck", *QUIET, *SELECTED, "-m", "migcheck")
    reports = reprec.getreports("pytest_runtest_logreport")
    phases = {(r.nodeid, r.when) for r in reports}
    assert {(f"{SHOP}::MIG201", when) for when in ("setup", "call", "teardown")} <= phases
    assert len(reports) == 3 * len(outcomes(reprec)) == 3 * 5


@pytest.mark.parametrize(("option", "failed"), [("-x", 1), ("--maxfail=2", 2)])
def test_the_run_stops_at_the_failures_asked_for(estate: pytest.Pytester, option: str, failed: int) -> None:
    reprec = estate.inline_run("--migcheck", *QUIET, *SELECTED, "-m", "migcheck", option)
    ran = outcomes(reprec)
    assert sorted(ran.values()).count("failed") == failed
    assert list(ran.values())[-1] == "failed"  # nothing ran after the last failure allowed
    if failed == 1:
        assert f"{BROKEN_CSCFG}::MIG001" in ran and len(ran) < 5


def test_a_plugin_that_runs_the_loop_itself_runs_it(estate: pytest.Pytester) -> None:
    estate.makeconftest(OWN_LOOP)
    result = estate.runpytest_inprocess("--migcheck", *QUIET, *SELECTED)
    result.assert_outcomes(passed=4, failed=2)
    result.stdout.fnmatch_lines(["own loop: 6"])
