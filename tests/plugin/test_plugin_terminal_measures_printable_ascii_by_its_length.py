"""Under --migcheck pytest's terminal measures the width of a printable ASCII text (its progress line, each
line of its short summary as it trims it) by the text's length, and any other text as pytest does; pytest
gets its own measure back as the run ends."""

from __future__ import annotations

import _pytest.terminal
import pytest
from _pytest._io import terminalwriter
from _pytest._io.wcwidth import wcswidth
from plugin_support import QUIET, SELECTED

from pytest_migcheck.shortcuts import width

pytest_plugins = ["pytester"]

REPORTER = """
import _pytest.terminal

def pytest_terminal_summary(terminalreporter):
    measure = _pytest.terminal.wcswidth
    terminalreporter.write_line(f"measured by: {measure.__module__}.{measure.__name__}")
"""

TEXTS = [
    "",
    "FAILED shop/ServiceConfiguration.Cloud.cscfg::MIG201 - shop/ServiceConfiguration.Cloud.cscfg:10:7",
    " " * 3,
    "tab\there",  # a control character: -1
    "nul\x00",  # pytest counts NUL no column
    "del\x7f",
    "café",
    "cafe\u0301",  # NFC makes one character of the two
    "日本語",  # two columns each
    "zero\u200bwidth",
    "line\u2028separator",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_width_of_a_text_is_pytest_s(text: str) -> None:
    assert width(text) == wcswidth(text)


def test_a_migcheck_run_measures_with_its_own_and_gives_pytest_its_own_back(estate: pytest.Pytester) -> None:
    estate.makeconftest(REPORTER)
    result = estate.runpytest("--migcheck", *QUIET, *SELECTED)
    result.assert_outcomes(passed=4, failed=2)
    result.stdout.fnmatch_lines(["measured by: pytest_migcheck.shortcuts.width"])
    assert _pytest.terminal.wcswidth is wcswidth
    assert terminalwriter.wcswidth is wcswidth


def test_a_run_without_migcheck_measures_as_pytest_does(estate: pytest.Pytester) -> None:
    estate.makeconftest(REPORTER)
    result = estate.runpytest(*QUIET)
    result.stdout.fnmatch_lines(["measured by: _pytest._io.wcwidth.wcswidth"])
