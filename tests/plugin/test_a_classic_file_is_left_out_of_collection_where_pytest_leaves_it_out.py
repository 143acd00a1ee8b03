"""pytest leaves a path out of collection (its own `pytest_ignore_collect`) when `--ignore`,
`--ignore-glob`, or a conftest.py's `collect_ignore` or `collect_ignore_glob` names it, when it is a
virtual environment, and when it is a folder `norecursedirs` names; a conftest.py's own
`pytest_ignore_collect` may leave out more. The plugin answers for the classic files and the folders that
lead to them from what the lint's walk already knows, without pytest's `stat`s of every path (two looking
for a virtual environment inside a file): the same paths are left out."""

from __future__ import annotations

from pathlib import Path

import _pytest.main
import pytest
from plugin_support import BROKEN_CSCFG, NET, QUIET, SELECTED, SHOP, VM

pytest_plugins = ["pytester"]

CLASSIC = {NET, SHOP, BROKEN_CSCFG, VM}


def _collected(pytester: pytest.Pytester, *args: str) -> set[str]:
    """The files of the items collected, for the estate's classic files."""
    reprec = pytester.inline_run("--collect-only", "--migcheck", *QUIET, *SELECTED, *args)
    items = reprec.getcall("pytest_collection_finish").session.items
    return {item.nodeid.partition("::")[0] for item in items} & CLASSIC


def test_every_classic_file_is_collected_when_nothing_leaves_one_out(estate: pytest.Pytester) -> None:
    assert _collected(estate) == CLASSIC


@pytest.mark.parametrize(
    ("args", "left_out"),
    [
        ((f"--ignore={SHOP}",), SHOP),
        (("--ignore=shop",), SHOP),
        (("--ignore-glob=vms/*.xml",), VM),
        (("--ignore-glob=ne?",), NET),
    ],
)
def test_ignore_options_leave_a_classic_file_out(
    estate: pytest.Pytester, args: tuple[str, ...], left_out: str
) -> None:
    assert _collected(estate, *args) == CLASSIC - {left_out}


@pytest.mark.parametrize(
    ("conftest", "text", "left_out"),
    [
        ("conftest.py", f"collect_ignore = [{SHOP!r}]\n", SHOP),
        ("conftest.py", "collect_ignore = ['vms']\n", VM),
        ("conftest.py", "collect_ignore_glob = ['*.netcfg']\n", NET),
        ("net/conftest.py", "collect_ignore = ['NetworkConfig.netcfg']\n", NET),
        (
            "conftest.py",
            "def pytest_ignore_collect(collection_path, config):\n"
            "    return True if collection_path.suffix == '.xml' else None\n",
            VM,
        ),
        (
            "shop/conftest.py",
            "def pytest_ignore_collect(collection_path, config):\n"
            "    return True if collection_path.suffix == '.cscfg' else None\n",
            SHOP,
        ),
    ],
)
def test_a_conftest_leaves_a_classic_file_out(
    estate: pytest.Pytester, conftest: str, text: str, left_out: str
) -> None:
    (estate.path / conftest).write_text(text, encoding="utf-8")
    assert _collected(estate) == CLASSIC - {left_out}


def test_a_virtual_environment_is_left_out_unless_collect_in_virtualenv(estate: pytest.Pytester) -> None:
    (estate.path / "vms" / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    assert _collected(estate) == CLASSIC - {VM}
    assert _collected(estate, "--collect-in-virtualenv") == CLASSIC


def test_a_folder_norecursedirs_names_is_left_out_but_for_its_classic_files(
    estate: pytest.Pytester,
) -> None:
    estate.makeini("[pytest]\nnorecursedirs = vms\n")
    # As a hidden CI folder's: the classic files in it are collected, checked as the CLI checks them.
    assert _collected(estate) == CLASSIC
    assert _collected(estate, "--ignore=vms") == CLASSIC - {VM}


def test_no_classic_file_read_whole_is_looked_into_for_a_virtual_environment(
    estate: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[Path] = []
    in_venv = _pytest.main._in_venv

    def counted(path: Path) -> bool:
        asked.append(path)
        return in_venv(path)

    monkeypatch.setattr(_pytest.main, "_in_venv", counted)
    assert _collected(estate) == CLASSIC
    names = {str(path.relative_to(estate.path)) for path in asked}
    # pytest asks about every path; the classic files read whole are answered for, not asked about.
    assert not names & (CLASSIC - {BROKEN_CSCFG})
    assert {"net", "shop", "vms", "pom.xml"} <= names
