"""Under `pytest --migcheck`, the usage error of a rule plugin that fails to load shows its exception's text
with control characters escaped, as `migcheck check` shows it: the text comes from an installed package
and must not recolour or rewrite the terminal. It reached pytest's error line raw."""

from __future__ import annotations

import pytest
from plugin_support import QUIET

from migcheck import plugins
from migcheck.cli import main

pytest_plugins = ["pytester"]


class FailingEntryPoint:
    name = "contoso"
    dist = type("Dist", (), {"name": "migcheck-contoso-rules"})()

    def load(self) -> object:
        raise RuntimeError("boom\x1b[31m\x07")


def test_a_plugin_s_failure_is_escaped_as_the_cli_escapes_it(
    estate: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(plugins, "_entry_points", lambda: [FailingEntryPoint()])
    result = estate.runpytest_inprocess("--migcheck", *QUIET, "-m", "migcheck")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    error = result.stderr.str()
    assert "failed to load: RuntimeError: boom\\x1b[31m\\x07;" in error
    assert "\x1b" not in error and "\x07" not in error
    capsys.readouterr()
    assert main(["rules"]) == 2
    assert "boom\\x1b[31m\\x07;" in capsys.readouterr().err
