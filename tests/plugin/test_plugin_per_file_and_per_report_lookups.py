"""Work the plugin does per classic file and per report, kept to what is needed: a classic file the lint
read whole is a regular file, so collection does not check whether it is a link to a folder, nor ask
pytest for a hook proxy of its own (its folder's is the same); only folders are matched against
`norecursedirs`, by name, each name once per pattern; `python_files` only where a module was made of the
file; and a report's item is worked out at most once per node id, not for each of an item's three
reports."""

from __future__ import annotations

import fnmatch
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pytest
from plugin_support import BROKEN_CSCFG, QUIET, SELECTED

import pytest_migcheck.session as plugin_session
from migcheck.engine import LintResult
from migcheck.model import Document

pytest_plugins = ["pytester"]


def test_classic_files_read_whole_are_not_checked_for_links(
    estate: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: list[Path] = []
    check = plugin_session._links_to_its_folder

    def counted(path: Path) -> bool:
        checked.append(path)
        return check(path)

    monkeypatch.setattr(plugin_session, "_links_to_its_folder", counted)
    estate.inline_run("--migcheck", *QUIET, *SELECTED).assertoutcome(passed=4, failed=2)
    names = sorted(path.name for path in checked)
    # The folders, the files that are not classic, and the .cscfg that could not be read as one (MIG001).
    assert names == [
        "ServiceConfiguration.Cloud.cscfg",
        "broken",
        "net",
        "pom.xml",
        "shop",
        "test_unit.py",
        "vms",
    ]


def test_the_item_of_a_report_is_worked_out_once_per_item(
    estate: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    worked_out: list[str] = []
    shown = plugin_session.shown

    def counted(path: str) -> str:
        worked_out.append(path)
        return shown(path)

    def count_from_the_run_on(session: pytest.Session) -> None:
        monkeypatch.setattr(plugin_session, "shown", counted)

    class RunPhase:
        pytest_runtestloop = staticmethod(pytest.hookimpl(tryfirst=True)(count_from_the_run_on))

    reprec = estate.inline_run("--migcheck", *QUIET, *SELECTED, "-m", "migcheck", plugins=[RunPhase()])
    reprec.assertoutcome(passed=3, failed=2)
    # At most once per item, though each has three reports: the items the plugin runs itself know theirs.
    assert len(worked_out) <= 5


def test_classic_files_read_whole_use_the_hook_proxy_of_their_folder(
    estate: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[Path] = []
    proxy = pytest.Session.gethookproxy

    def counted(session: pytest.Session, fspath: Path) -> object:
        asked.append(Path(fspath))
        return proxy(session, fspath)

    monkeypatch.setattr(pytest.Session, "gethookproxy", counted)
    estate.inline_run("--migcheck", *QUIET, *SELECTED).assertoutcome(passed=4, failed=2)
    files = sorted({str(path.relative_to(estate.path)) for path in asked if path.is_file()})
    # pytest finds a file's proxy by a `stat` of its path: only the .cscfg that could not be read as one
    # (MIG001) and the Python test module are asked for by path; the others share their folder's.
    assert files == [BROKEN_CSCFG, "test_unit.py"]


def test_only_folders_leading_to_classic_files_are_matched_against_norecursedirs_each_name_once(
    estate: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    matched: list[list[str]] = []
    by_names = fnmatch.filter

    def counted(names: Iterable[str], pattern: str) -> list[str]:
        names = sorted(names)
        matched.append(names)
        return by_names(names, pattern)

    def by_path(pattern: str, path: object) -> bool:
        raise AssertionError(f"{pattern} matched against the path {path}, not against a folder's name")

    monkeypatch.setattr(plugin_session.fnmatch, "filter", counted)
    monkeypatch.setattr(plugin_session, "fnmatch_ex", by_path)
    reprec = estate.inline_run("--migcheck", *QUIET, *SELECTED)
    reprec.assertoutcome(passed=4, failed=2)
    # The names of the folders the classic files are in, never a classic file (read whole or not, MIG001),
    # which no folder pattern can hide: once for each of pytest's own patterns (none has a separator),
    # however many folders have the same name.
    patterns = reprec.getcall("pytest_collection_finish").session.config.getini("norecursedirs")
    assert matched == [["broken", "net", "shop", "vms"]] * len(patterns)


def test_python_files_patterns_are_matched_only_where_a_module_was_made(
    estate: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    import _pytest.python

    matched: list[str] = []
    matches = _pytest.python.path_matches_patterns

    def counted(path: Path, patterns: list[str]) -> bool:
        matched.append(path.name)
        return matches(path, patterns)

    monkeypatch.setattr(_pytest.python, "path_matches_patterns", counted)
    estate.inline_run("--migcheck", *QUIET, *SELECTED).assertoutcome(passed=4, failed=2)
    # pytest's own look at each Python file; no classic XML file, of which no plugin made a module.
    assert not [name for name in matched if not name.endswith(".py")]


def test_the_reports_of_the_items_the_plugin_runs_are_not_looked_up_again(
    estate: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    looked_up: list[str] = []
    key = plugin_session.MigcheckSession._key

    def counted(self: plugin_session.MigcheckSession, report: pytest.TestReport) -> object:
        looked_up.append(report.nodeid)
        return key(self, report)

    monkeypatch.setattr(plugin_session.MigcheckSession, "_key", counted)
    estate.inline_run("--migcheck", *QUIET, *SELECTED).assertoutcome(passed=4, failed=2)
    # The plugin knows the item of each report it makes: only the estate's own Python test is looked up.
    assert looked_up
    assert not [nodeid for nodeid in looked_up if "::MIG" in nodeid]


def test_what_a_file_holds_is_worked_out_once_per_run(
    baselined: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Collection asks for the rules of each classic file, and with a baseline the summary asks again for
    each file whose items ran (which rules it is judged on): the types the file holds, found by walking
    all its resources, are worked out once."""
    asked: Counter[str] = Counter()
    held = LintResult.held

    def counted(result: LintResult, document: Document) -> frozenset[type]:
        asked[document.path] += 1
        return held(result, document)

    monkeypatch.setattr(LintResult, "held", counted)
    baselined.inline_run("--migcheck", *QUIET, *SELECTED).assertoutcome(passed=5, failed=1)
    assert asked and set(asked.values()) == {1}
