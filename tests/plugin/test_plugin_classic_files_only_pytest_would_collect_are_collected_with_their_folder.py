"""Where pytest's own plugins alone collect files (its Python and doctest plugins), asking them about each
classic file costs more than making its checks, and what they answer is known: nothing, for a file that is
neither Python nor text a doctest glob names. Such a file is left out of pytest's listing of its folder
and collected with the folder's report instead, in its place: node ids, order and outcomes stay the same.
Where another plugin (a conftest.py among them) collects files, or the file may be pytest's, pytest is
asked as before."""

from __future__ import annotations

import fnmatch
from pathlib import Path

import pytest
from plugin_support import BROKEN_CSCFG, NET, QUIET, SELECTED, SHOP, VM

import pytest_migcheck.session as plugin_session

pytest_plugins = ["pytester"]

# Collects nothing, but makes pytest's plugins no longer the only ones that collect files.
COLLECTS_NOTHING = """
def pytest_collect_file(file_path, parent):
    return None
"""


def asked(reprec: pytest.HookRecorder, root: Path) -> set[str]:
    """The files pytest asked its plugins to collect, relative to `root`."""
    calls = reprec.getcalls("pytest_collect_file")
    return {call.file_path.relative_to(root).as_posix() for call in calls}


def collected(reprec: pytest.HookRecorder) -> list[str]:
    return [item.nodeid for item in reprec.getcall("pytest_collection_finish").session.items]


def test_classic_files_only_pytest_would_collect_are_not_asked_about(estate: pytest.Pytester) -> None:
    reprec = estate.inline_run("--migcheck", *QUIET, *SELECTED)
    reprec.assertoutcome(passed=4, failed=2)
    # The Python test module, a file that is not classic, and the classic file that could not be read.
    assert asked(reprec, estate.path) == {"test_unit.py", "pom.xml", BROKEN_CSCFG}
    estate.makeconftest(COLLECTS_NOTHING)
    as_before = estate.inline_run("--migcheck", *QUIET, *SELECTED)
    as_before.assertoutcome(passed=4, failed=2)
    assert {SHOP, NET, VM} <= asked(as_before, estate.path)
    assert collected(reprec) == collected(as_before)


def test_a_classic_file_a_doctest_glob_names_is_asked_about(estate: pytest.Pytester) -> None:
    reprec = estate.inline_run("--migcheck", *QUIET, *SELECTED, "--doctest-glob=*.cscfg")
    assert SHOP in asked(reprec, estate.path)
    assert NET not in asked(reprec, estate.path)


def test_the_doctest_globs_are_matched_as_one_pattern_made_once(
    estate: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each classic file's name is matched against the doctest globs by one pattern made of them all, made
    once for the run, not by `fnmatch` against each glob, which looks its pattern up anew every time."""
    matched: list[str] = []
    each = fnmatch.fnmatch

    def counted(name: str, pattern: str) -> bool:
        matched.append(name)
        return each(name, pattern)

    monkeypatch.setattr(plugin_session.fnmatch, "fnmatch", counted)
    reprec = estate.inline_run(
        "--migcheck", *QUIET, *SELECTED, "--doctest-glob=*.cscfg", "--doctest-glob=*.rst"
    )
    assert SHOP in asked(reprec, estate.path)
    assert NET not in asked(reprec, estate.path)
    assert "NetworkConfig.netcfg" not in matched


def test_classic_files_are_collected_in_their_place_among_the_folder_s_other_files(
    estate: pytest.Pytester,
) -> None:
    (estate.path / "vms" / "test_vms.py").write_text("def test_a():\n    pass\n", encoding="utf-8")
    (estate.path / "vms" / "aaa.xml").write_text(
        (estate.path / VM).read_text(encoding="utf-8"), encoding="utf-8"
    )
    (estate.path / "vms" / "zzz").mkdir()
    (estate.path / "vms" / "zzz" / "test_z.py").write_text("def test_z():\n    pass\n", encoding="utf-8")
    reprec = estate.inline_run("--migcheck", *QUIET, *SELECTED, "vms")
    in_order = [nodeid.split("::")[0] for nodeid in collected(reprec)]
    assert in_order == sorted(in_order)
    assert in_order[0] == "vms/aaa.xml" and in_order[-1] == "vms/zzz/test_z.py"
