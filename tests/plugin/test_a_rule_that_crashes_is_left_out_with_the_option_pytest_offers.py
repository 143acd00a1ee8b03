"""A rule that crashes stops the run with an error that says to leave it out: with `--ignore CODE` from the
command line, which under pytest is pytest's own option to leave out a path. pytest's error now names
`--migcheck-ignore`, and the editor's, which has no options, the settings file's `ignore`."""

from __future__ import annotations

import pytest
from plugin_support import QUIET

from migcheck.engine import RuleError
from migcheck.plugins import load_rules

pytest_plugins = ["pytester"]


def test_pytest_names_its_own_option_to_leave_the_rule_out(
    estate: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(self, estate):
        raise ValueError("no such thing")

    monkeypatch.setattr(type(load_rules(entry_points=False).get("MIG003")), "check", boom)
    result = estate.runpytest_inprocess("--migcheck", *QUIET, "-m", "migcheck")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    error = result.stderr.str()
    assert "rule MIG003 (" in error and "ValueError: no such thing" in error
    assert "leave it out with --migcheck-ignore MIG003 (or `ignore` in the settings file)" in error


def test_the_editor_names_the_settings_file_s_ignore() -> None:
    error = RuleError("rule CTS901 (crashing-rule) crashed: KeyError: 'x'", "CTS901", "the plugin's authors")
    assert "--ignore" in str(error)
    said = error.said(None)
    assert 'leave it out with `ignore` in the settings file (ignore = ["CTS901"])' in said
    assert "--" not in said and said.endswith("to the plugin's authors")
