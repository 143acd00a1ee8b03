"""`pytest --migcheck` passes a MIG001 the settings turn down to a warning, and its summary does not count it
as blocking the migration: a file migcheck could not read is listed apart as unread, not as a blocker."""

from __future__ import annotations

import pytest
from plugin_support import QUIET

pytest_plugins = ["pytester"]


def test_the_summary_says_the_passed_warning_blocks_nothing(pytester: pytest.Pytester) -> None:
    pytester.makefile(".netcfg", broken="<NetworkConfiguration>")
    pytester.makefile(".toml", migcheck='[severity]\nMIG001 = "warning"\n')
    result = pytester.runpytest_inprocess("--migcheck", *QUIET)
    result.stdout.fnmatch_lines(["1 check of 1 file: 1 finding below error (passed), 0 suppressed"])
    assert "[blocker]" not in result.stdout.str()
    assert result.ret == 0
