"""Before collecting a folder, pytest looks for a conftest.py in it and in every folder above it. A folder
that leads to classic files and holds no conftest.py is given its parent's conftest modules, and pytest
does not look again, nor work out again what its conftests leave out of collection (`collect_ignore`) or
the hook proxy of its files; a conftest.py anywhere on the way still applies to the items below it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from plugin_support import CSCFG, QUIET, SELECTED

pytest_plugins = ["pytester"]

RECORDER = """
import os

SEEN = []

def pytest_runtest_logreport(report):
    if report.when == "call":
        SEEN.append(report.nodeid)

def pytest_terminal_summary(terminalreporter):
    folder = os.path.basename(os.path.dirname(__file__))
    terminalreporter.write_line(f"{folder} saw: " + " ".join(sorted(SEEN)))
"""

DEEP = "ops/cloud/shop/ServiceConfiguration.Cloud.cscfg"


def test_pytest_looks_for_conftests_above_no_folder_of_classic_files(
    estate: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    walked: list[Path] = []
    load = pytest.PytestPluginManager._loadconftestmodules

    def counted(self: pytest.PytestPluginManager, path: Path, *args: Any, **kwargs: Any) -> None:
        if path not in self._dirpath2confmods:  # pytest walks up from it
            walked.append(path)
        load(self, path, *args, **kwargs)

    monkeypatch.setattr(pytest.PytestPluginManager, "_loadconftestmodules", counted)
    estate.inline_run("--migcheck", *QUIET, *SELECTED).assertoutcome(passed=4, failed=2)
    # The rootdir's, as pytest starts; none of shop/, broken/, net/ and vms/.
    assert walked == [estate.path]


def test_what_the_conftests_leave_out_is_worked_out_once_for_the_folders_that_share_them(
    estate: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[Path] = []
    pathlist = pytest.Config._getconftest_pathlist

    def counted(self: pytest.Config, name: str, path: Path) -> list[Path] | None:
        if name == "collect_ignore":
            asked.append(path)
        return pathlist(self, name, path)

    monkeypatch.setattr(pytest.Config, "_getconftest_pathlist", counted)
    estate.inline_run("--migcheck", *QUIET, *SELECTED).assertoutcome(passed=4, failed=2)
    # For the rootdir: shop/, net/ and vms/ have its conftests, and its answer. (pytest itself asks again
    # for what it decides: the other files of the rootdir, and the .cscfg in broken/ that could not be read.)
    assert estate.path in asked
    assert not {estate.path / folder for folder in ("shop", "net", "vms")}.intersection(asked)


def test_the_files_of_folders_that_share_their_conftests_share_one_hook_proxy(
    estate: pytest.Pytester,
) -> None:
    # A conftest.py elsewhere, so that pytest makes a proxy of its own for each folder it is asked about.
    (estate.path / "docs").mkdir()
    (estate.path / "docs" / "conftest.py").write_text("", encoding="utf-8")
    items, _ = estate.inline_genitems("--migcheck", *QUIET, *SELECTED, "-m", "migcheck")
    proxies = {id(item.ihook) for item in items if item.nodeid.startswith(("shop/", "net/", "vms/"))}
    assert len(proxies) == 1


def test_the_conftests_of_a_folder_and_of_those_above_it_reach_its_items(estate: pytest.Pytester) -> None:
    (estate.path / DEEP).parent.mkdir(parents=True)
    (estate.path / DEEP).write_text(CSCFG, encoding="utf-8")
    # None in ops/ itself: it takes the rootdir's; cloud/ has one of its own, which shop/ takes.
    for folder in (".", "ops/cloud"):
        (estate.path / folder / "conftest.py").write_text(RECORDER, encoding="utf-8")
    result = estate.runpytest_inprocess("--migcheck", *QUIET, *SELECTED, "-m", "migcheck", "ops")
    result.assert_outcomes(passed=1, failed=1)
    seen = f"{DEEP}::MIG003 {DEEP}::MIG201"
    result.stdout.fnmatch_lines([f"cloud saw: {seen}", f"{estate.path.name} saw: {seen}"])


def test_a_folder_given_its_parent_s_conftests_keeps_what_they_leave_out_for_each_path_in_it(
    estate: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the conftests leave out is looked up the tree once for a folder that has its parent's, not
    again from each path in it up to the folder that has a conftest.py of its own."""
    from pytest_migcheck.session import MigcheckSession

    shop = estate.path / DEEP
    shop.parent.mkdir(parents=True)
    for name in ("ServiceConfiguration.Cloud.cscfg", "ServiceConfiguration.Local.cscfg"):
        (shop.parent / name).write_text(CSCFG, encoding="utf-8")
    asked: list[str] = []
    ignored_in = MigcheckSession._ignored_in

    def counted(self: MigcheckSession, folder: str) -> tuple[frozenset[str], list[str]]:
        asked.append(folder)
        return ignored_in(self, folder)

    monkeypatch.setattr(MigcheckSession, "_ignored_in", counted)
    estate.inline_run("--migcheck", *QUIET, *SELECTED, "-m", "migcheck", "ops").assertoutcome(
        passed=3, failed=1
    )
    # ops/ is asked about its own path cloud/, and once on behalf of cloud/ (and so of shop/ and its files).
    assert asked.count(str(estate.path / "ops")) == 2
