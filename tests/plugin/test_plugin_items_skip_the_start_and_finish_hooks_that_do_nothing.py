"""The items the plugin runs itself tell every plugin that they start and finish, but pytest's own where
that does nothing: its terminal reporter under `-q` (it writes nothing as an item starts) and its logging
plugin where live logging is off. Shown as before: the item lines of `-v`, live logs with `log_cli`, and
whatever a conftest.py's hooks write."""

from __future__ import annotations

import functools
from collections.abc import Callable

import pytest
from plugin_support import QUIET, SELECTED, SHOP

pytest_plugins = ["pytester"]

COUNTER = """
STARTED, FINISHED = [], []

def pytest_runtest_logstart(nodeid):
    STARTED.append(nodeid)

def pytest_runtest_logfinish(nodeid):
    FINISHED.append(nodeid)

def pytest_terminal_summary(terminalreporter):
    terminalreporter.write_line(f"started {len(STARTED)}, finished {len(FINISHED)}")
"""

LOGGER = """
import logging

def pytest_runtest_logfinish(nodeid):
    logging.getLogger("ops").warning("finished %s", nodeid)
"""


def test_under_q_only_the_plugins_that_do_something_are_told(
    estate: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    from _pytest.logging import LoggingPlugin

    told: list[str] = []

    def counting(hook: Callable[..., None]) -> Callable[..., None]:
        @functools.wraps(hook)  # pluggy reads the arguments to pass from the hook's own signature
        def counted(self: object, *args: object) -> None:
            told.append(f"{type(self).__name__}.{hook.__name__}")
            hook(self, *args)

        return counted

    monkeypatch.setattr(
        pytest.TerminalReporter,
        "pytest_runtest_logstart",
        counting(pytest.TerminalReporter.pytest_runtest_logstart),
    )
    for name in ("pytest_runtest_logstart", "pytest_runtest_logfinish"):
        monkeypatch.setattr(LoggingPlugin, name, counting(getattr(LoggingPlugin, name)))
    estate.makeconftest(COUNTER)
    result = estate.runpytest_inprocess("--migcheck", *QUIET, *SELECTED, "-q", "-m", "migcheck")
    result.assert_outcomes(passed=3, failed=2)
    result.stdout.fnmatch_lines(["started 5, finished 5"])
    assert told == []


def test_v_still_shows_each_item_as_it_runs(estate: pytest.Pytester) -> None:
    result = estate.runpytest_inprocess("--migcheck", *QUIET, *SELECTED, "-v", "-m", "migcheck")
    result.assert_outcomes(passed=3, failed=2)
    result.stdout.fnmatch_lines([f"{SHOP}::MIG003 PASSED*", f"{SHOP}::MIG201 FAILED*"])


def test_live_logging_still_says_in_which_phase_a_record_came(estate: pytest.Pytester) -> None:
    estate.makeconftest(LOGGER)
    result = estate.runpytest_inprocess(
        "--migcheck", *QUIET, *SELECTED, "-m", "migcheck", "-o", "log_cli=true", "-o", "log_cli_level=WARNING"
    )
    result.assert_outcomes(passed=3, failed=2)
    result.stdout.fnmatch_lines(["*live log finish*", f"WARNING *finished {SHOP}::MIG003*"])
