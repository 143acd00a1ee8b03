"""Classic files pytest's folder listing passes over, being no regular file (a named pipe, a broken
link, a loop of links): the lint reports on them (MIG001), so they have their items, node ids
`path::MIG001`, as `migcheck check` has its error pairs; nothing is collected twice, and nothing opens them."""

from __future__ import annotations

import os

import pytest
from plugin_support import NET, QUIET, SHOP, outcomes

pytest_plugins = ["pytester"]

needs_links_and_pipes = pytest.mark.skipif(
    not hasattr(os, "mkfifo") or not hasattr(os, "symlink"), reason="needs named pipes and symbolic links"
)
UNLISTED = ["net/dangling.netcfg", "net/loop1.netcfg", "net/loop2.netcfg", "net/pipe.netcfg"]
ONLY = ("--migcheck-select", "MIG001,MIG201")


def _unlisted_files(root: os.PathLike[str]) -> None:
    folder = os.path.join(root, "net")
    os.symlink("nowhere.netcfg", os.path.join(folder, "dangling.netcfg"))
    os.symlink("loop2.netcfg", os.path.join(folder, "loop1.netcfg"))
    os.symlink("loop1.netcfg", os.path.join(folder, "loop2.netcfg"))
    os.mkfifo(os.path.join(folder, "pipe.netcfg"))  # with no writer: opening it to read would block


def _failed_pairs_of_the_cli(root: os.PathLike[str]) -> set[str]:
    from migcheck.config import Config
    from migcheck.engine import lint
    from migcheck.model import Severity
    from migcheck.plugins import load_rules

    previous = os.getcwd()
    os.chdir(root)
    try:
        result = lint(["."], Config().with_overrides(select=tuple(ONLY[1].split(","))), load_rules())
    finally:
        os.chdir(previous)
    return {f"{f.mark.path}::{f.code}" for f in result.findings if f.severity >= Severity.ERROR}


@needs_links_and_pipes
def test_files_that_are_no_regular_file_have_their_items(estate: pytest.Pytester) -> None:
    _unlisted_files(estate.path)
    reprec = estate.inline_run("--migcheck", *QUIET, *ONLY)
    ran = outcomes(reprec)
    assert {f"{path}::MIG001" for path in UNLISTED} <= {n for n, o in ran.items() if o == "failed"}
    assert {n for n, o in ran.items() if o == "failed"} == _failed_pairs_of_the_cli(estate.path)
    failed = {r.nodeid: str(r.longrepr) for r in reprec.getfailures()}
    assert "a symbolic link in a loop of links" in failed["net/loop1.netcfg::MIG001"]
    assert "not a regular file (a named pipe)" in failed["net/pipe.netcfg::MIG001"]


@needs_links_and_pipes
def test_they_are_collected_in_their_folder_by_name_and_once(estate: pytest.Pytester) -> None:
    _unlisted_files(estate.path)
    # The pipe named on its own as well as its folder: pytest matches it in the folder's collection.
    reprec = estate.inline_run("--collect-only", "--migcheck", *QUIET, *ONLY, "net", "net/pipe.netcfg")
    ids = [item.nodeid for item in reprec.getcall("pytest_collection_finish").session.items]
    assert ids == [f"{path}::MIG001" for path in UNLISTED]


@needs_links_and_pipes
def test_outside_the_test_paths_they_are_reached_through_their_folder(estate: pytest.Pytester) -> None:
    estate.makepyprojecttoml('[tool.pytest.ini_options]\ntestpaths = ["tests"]\n')
    estate.path.joinpath("tests").mkdir()
    estate.path.joinpath("tests", "test_unit.py").write_text("def test_unit():\n    pass\n")
    _unlisted_files(estate.path)
    reprec = estate.inline_run("--migcheck", *QUIET, *ONLY)
    ran = outcomes(reprec)
    assert ran["tests/test_unit.py::test_unit"] == "passed"
    assert {n for n, o in ran.items() if o == "failed"} == _failed_pairs_of_the_cli(estate.path)
    assert all(ran[f"{path}::MIG001"] == "failed" for path in UNLISTED)
    assert f"{SHOP}::MIG201" in ran and not any(n.startswith(NET) for n in ran)  # the netcfg is clean


@needs_links_and_pipes
def test_ignored_paths_stay_ignored(estate: pytest.Pytester) -> None:
    _unlisted_files(estate.path)
    reprec = estate.inline_run("--collect-only", "--migcheck", *QUIET, *ONLY, "--ignore=net/pipe.netcfg")
    ids = [item.nodeid for item in reprec.getcall("pytest_collection_finish").session.items]
    assert "net/pipe.netcfg::MIG001" not in ids and "net/loop1.netcfg::MIG001" in ids
