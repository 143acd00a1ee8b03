"""The session's start (the rules, the settings, the lint and its index) runs with the cyclic garbage
collector paused, as a CLI command does: those make thousands of objects and no garbage cycles, and each
collection started among them scanned the young estate for nothing. So does pytest's collection, whose
tree lives as long as the session: its garbage is collected once, as it ends. The collector runs again
for the tests."""

from __future__ import annotations

import gc

import pytest
from plugin_support import QUIET, SELECTED

import pytest_migcheck.session as plugin_session

pytest_plugins = ["pytester"]


def test_the_collector_is_paused_while_the_rules_load_and_the_findings_are_indexed(
    estate: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    collecting: dict[str, bool] = {}
    session = plugin_session.MigcheckSession
    load_rules, index = session._load_rules, session._index

    def noted_load_rules(self: plugin_session.MigcheckSession) -> object:
        collecting["rules"] = gc.isenabled()
        return load_rules(self)

    def noted_index(self: plugin_session.MigcheckSession, result: object) -> None:
        collecting["index"] = gc.isenabled()
        index(self, result)  # type: ignore[arg-type]

    monkeypatch.setattr(session, "_load_rules", noted_load_rules)
    monkeypatch.setattr(session, "_index", noted_index)
    assert gc.isenabled()
    estate.inline_run("--migcheck", *QUIET, *SELECTED).assertoutcome(passed=4, failed=2)
    assert collecting == {"rules": False, "index": False}
    assert gc.isenabled()


def test_the_collector_is_paused_while_pytest_collects_and_runs_again_after(
    estate: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    collecting: list[bool] = []
    checks = plugin_session.MigcheckSession._checks

    def noted_checks(self: plugin_session.MigcheckSession, *args: object) -> object:
        collecting.append(gc.isenabled())
        return checks(self, *args)  # type: ignore[arg-type]

    class AfterCollection:
        @staticmethod
        def pytest_runtestloop() -> None:
            collecting.append(gc.isenabled())

    monkeypatch.setattr(plugin_session.MigcheckSession, "_checks", noted_checks)
    result = estate.inline_run("--migcheck", *QUIET, *SELECTED, plugins=[AfterCollection()])
    result.assertoutcome(passed=4, failed=2)
    assert collecting == [False] * 4 + [True]  # four classic files, then the run
