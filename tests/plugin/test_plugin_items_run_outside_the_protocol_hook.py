"""The plugin runs its items in pytest's loop without the `pytest_runtest_protocol` hook, whose wrappers
(warnings, assertion rewriting, faulthandler) cost more per item than the item: the phases are still
reported, -x and --maxfail still stop the run, other tests still go through the hook, and a plugin that
runs the loop itself (as pytest-xdist does) is left to run it."""

from __future__ import annotations

import pytest
from plugin_support import BROKEN_CSCFG, QUIET, SELECTED, SHOP, outcomes

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


# Records, for each migcheck item, the phases a conftest's `pytest_runtest_logreport` sees, and those of its
# reports the terminal reporter has filed under '' (its stats of phases with no status) when the item ends.
PHASES_SEEN = """
import pytest

CONFIG = []
SEEN = []
FILED = []

def pytest_configure(config):
    CONFIG.append(config)

def pytest_runtest_logreport(report):
    if "::MIG" in report.nodeid:
        SEEN.append(report.when)

def pytest_runtest_logfinish(nodeid):
    reporter = CONFIG[0].pluginmanager.get_plugin("terminalreporter")
    FILED.extend(r.when for r in reporter.stats.get("", []) if r.nodeid == nodeid and "::MIG" in nodeid)

def pytest_terminal_summary(terminalreporter):
    terminalreporter.write_line(f"seen: {len(SEEN)}, filed: {len(FILED)}")
"""

# Gives the setup phase a status of its own, which the terminal reporter counts and prints.
SETUP_STATUS = """
def pytest_report_teststatus(report):
    if report.when == "setup" and report.passed:
        return "prepared", "P", "PREPARED"
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


def test_idle_phases_reach_every_plugin_but_the_terminal_reporter(estate: pytest.Pytester) -> None:
    """The setup and teardown of an item do nothing and have no status: the terminal reporter would only
    file their reports under '' (which the plugin drops from its stats at the end anyway), at the cost of
    asking every plugin for their status. Other plugins see all three phases."""
    estate.makeconftest(PHASES_SEEN)
    result = estate.runpytest_inprocess("--migcheck", *QUIET, *SELECTED)
    result.assert_outcomes(passed=4, failed=2)
    result.stdout.fnmatch_lines(["seen: 15, filed: 0"])  # 5 items, 3 phases each


def test_a_status_another_plugin_gives_an_idle_phase_is_reported(estate: pytest.Pytester) -> None:
    """When another plugin can give a setup or teardown a status, the terminal reporter gets their
    reports, and prints and counts them as for any test."""
    estate.makeconftest(SETUP_STATUS)
    result = estate.runpytest_inprocess("--migcheck", *QUIET, *SELECTED)
    result.assert_outcomes(passed=4, failed=2)
    assert result.parseoutcomes()["prepared"] == 6  # the 5 items and test_python_unit


# A conftest's `pytest_runtest_makereport` wrapper that changes the call report of each migcheck item.
MAKEREPORT_WRAPPER = """
import pytest

@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if "::MIG" in item.nodeid:
        report.user_properties.append(("made", call.when))
    return report
"""


def test_the_call_report_of_an_item_is_made_by_pytest_s_runner_when_only_pytest_makes_reports(
    estate: pytest.Pytester,
) -> None:
    """pytest's own `pytest_runtest_makereport` hooks leave the report of one of our items as the runner
    makes it: the report is made directly, without the hook's layers. Its tmpdir plugin, which records
    each report's outcome for `tmp_path`, is not called for items that ask for no fixture."""
    from _pytest.tmpdir import tmppath_result_key

    reprec = estate.inline_run("--migcheck", *QUIET, *SELECTED, "-m", "migcheck")
    assert len(outcomes(reprec)) == 5
    items = reprec.getcall("pytest_collection_finish").session.items
    assert [item.nodeid for item in items if tmppath_result_key in item.stash] == []


def test_another_plugin_s_makereport_hook_makes_the_call_report_of_an_item(estate: pytest.Pytester) -> None:
    estate.makeconftest(MAKEREPORT_WRAPPER)
    reprec = estate.inline_run("--migcheck", *QUIET, *SELECTED, "-m", "migcheck")
    calls = [r for r in reprec.getreports("pytest_runtest_logreport") if r.when == "call"]
    assert len(calls) == 5
    assert all(r.user_properties == [("made", "call")] for r in calls)


def test_an_item_s_call_is_reported_without_raising_its_failure_when_only_pytest_makes_reports(
    estate: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where pytest's runner would make the call report, the plugin makes it from the item's findings:
    the item is not run to raise its failure for pytest to catch, trace back and turn into text. A plugin
    with a `pytest_runtest_makereport` of its own gets the call run and the hook called, as before."""
    from pytest_migcheck.items import MigcheckItem

    ran: list[str] = []
    runtest = MigcheckItem.runtest

    def counted(item: MigcheckItem) -> None:
        ran.append(item.nodeid)
        runtest(item)

    monkeypatch.setattr(MigcheckItem, "runtest", counted)
    reprec = estate.inline_run("--migcheck", *QUIET, *SELECTED, "-m", "migcheck")
    reprec.assertoutcome(passed=3, failed=2)
    assert ran == []
    estate.makeconftest(MAKEREPORT_WRAPPER)
    reprec = estate.inline_run("--migcheck", *QUIET, *SELECTED, "-m", "migcheck")
    reprec.assertoutcome(passed=3, failed=2)
    assert len(ran) == 5


def test_an_item_s_call_report_is_the_one_pytest_s_runner_makes(estate: pytest.Pytester) -> None:
    """Outcome, failure text, location, keywords (in pytest's order: the item's own, then its file's and
    its folders'), sections and user properties are those of `TestReport.from_item_and_call`."""
    reprec = estate.inline_run("--migcheck", *QUIET, *SELECTED, "-m", "migcheck")
    made = {r.nodeid: r for r in reprec.getreports("pytest_runtest_logreport") if r.when == "call"}
    items = reprec.getcall("pytest_collection_finish").session.items
    assert len(made) == len(items) == 5
    for item in items:
        pytest_s = pytest.TestReport.from_item_and_call(item, pytest.CallInfo.from_call(item.runtest, "call"))
        ours = made[item.nodeid]
        assert list(ours.keywords.items()) == list(pytest_s.keywords.items())
        for field in ("nodeid", "location", "outcome", "longrepr", "when", "sections", "user_properties"):
            assert getattr(ours, field) == getattr(pytest_s, field), field
    assert sorted(r.outcome for r in made.values()) == ["failed", "failed", "passed", "passed", "passed"]
