"""`migcheck check` says, before its summary, how many findings the baseline records that the run no longer
found (fixed, renamed or moved), so that a baseline left behind is seen; the pytest plugin's summary did not.
It now says the same line, counted of the files whose items ran, of the rules the run checks: a run that
leaves a file's items out (`-k`) judges nothing of what the baseline records of it."""

from __future__ import annotations

import pytest
from plugin_support import ENDPOINT_ACL, QUIET, SELECTED

pytest_plugins = ["pytester"]

CSCFG = "shop/ServiceConfiguration.Cloud.cscfg"
STALE = "1 finding in baseline ci/baseline.json is no longer found (fixed, renamed or moved)*"


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest_inprocess("--migcheck", *QUIET, "-m", "migcheck", *SELECTED, *args)


@pytest.fixture
def fixed(baselined: pytest.Pytester) -> pytest.Pytester:
    """The estate with its endpoint ACL (MIG201) recorded in the baseline its settings name, then removed."""
    estate = baselined
    cscfg = estate.path / CSCFG
    cscfg.write_text(cscfg.read_text(encoding="utf-8").replace(ENDPOINT_ACL, ""), encoding="utf-8")
    return estate


def test_a_baseline_entry_no_finding_met_is_said_before_the_summary(fixed: pytest.Pytester) -> None:
    result = run(fixed)
    result.stdout.fnmatch_lines(["*= migcheck =*", STALE, "* checks of * files: *"])


def test_an_entry_of_a_file_whose_items_did_not_run_is_not_said(fixed: pytest.Pytester) -> None:
    result = run(fixed, "-k", "not shop")
    result.assert_outcomes(failed=1, passed=2)
    assert "no longer found" not in result.stdout.str()


def test_an_entry_of_a_rule_whose_items_in_its_file_did_not_run_is_not_said(fixed: pytest.Pytester) -> None:
    result = run(fixed, "-k", "MIG003", "-rA")
    assert f"{CSCFG}::MIG003" in result.stdout.str()
    assert "no longer found" not in result.stdout.str()


def test_under_xdist_the_workers_tell_the_controller_what_they_deselected(fixed: pytest.Pytester) -> None:
    args = ("--migcheck", *QUIET, "-m", "migcheck", *SELECTED, "-n", "2")
    assert "no longer found" not in fixed.runpytest_subprocess(*args, "-k", "MIG003").stdout.str()
    fixed.runpytest_subprocess(*args).stdout.fnmatch_lines([STALE])


def test_an_entry_of_a_rule_left_with_no_item_in_a_file_whose_items_all_ran_is_said(
    fixed: pytest.Pytester,
) -> None:
    result = run(fixed, "-rA")
    assert f"{CSCFG}::MIG201" not in result.stdout.str()
    result.stdout.fnmatch_lines([STALE])
