"""pytest --migcheck imports the JUnit writer's module (whose patterns take long to compile) only when
--junitxml asks for its case names, and then names the cases as `migcheck check --format junit` does."""

from __future__ import annotations

import pytest
from plugin_support import QUIET, SELECTED

pytest_plugins = ["pytester"]

REPORTER = """
import sys

def pytest_terminal_summary(terminalreporter):
    loaded = "migcheck.report.junit" in sys.modules
    terminalreporter.write_line(f"junit writer loaded: {loaded}")
"""


def test_a_run_without_junitxml_does_not_import_the_junit_writer(estate: pytest.Pytester) -> None:
    estate.makeconftest(REPORTER)
    result = estate.runpytest_subprocess("--migcheck", *QUIET, *SELECTED)
    result.assert_outcomes(passed=4, failed=2)
    result.stdout.fnmatch_lines(["junit writer loaded: False"])


def test_a_run_with_junitxml_names_the_cases_as_the_cli_does(estate: pytest.Pytester) -> None:
    estate.makeconftest(REPORTER)
    result = estate.runpytest_subprocess("--migcheck", *QUIET, *SELECTED, "--junitxml=out.xml")
    result.assert_outcomes(passed=4, failed=2)
    result.stdout.fnmatch_lines(["junit writer loaded: True"])
    xml = (estate.path / "out.xml").read_text(encoding="utf-8")
    assert 'classname="shop.ServiceConfiguration.Cloud.cscfg" name="MIG201' in xml
