"""A folder that holds classic files alone, each of which pytest's listing would leave out to be collected
with the folder (`test_plugin_classic_files_only_pytest_would_collect_are_collected_with_their_folder`),
has no conftest.py, and whose collect report only pytest makes, is collected without that listing: its
checks are made from what the lint's walk found, in the order pytest lists the files. Any other folder is
listed by pytest as before; node ids, order, outcomes and what --collect-only shows stay the same."""

from __future__ import annotations

from pathlib import Path

import _pytest.main
import pytest
from plugin_support import QUIET, SELECTED, VM, VM_EXPORT

pytest_plugins = ["pytester"]

# Makes a collect report of nothing, so that pytest's runner no longer makes them alone.
MAKES_NO_REPORT = """
def pytest_make_collect_report(collector):
    return None
"""


def listed_by_pytest(monkeypatch: pytest.MonkeyPatch, root: Path) -> set[str]:
    """The folders pytest lists from now on (relative to `root`), filled in as it lists them."""
    folders: set[str] = set()
    scandir = _pytest.main.scandir

    def counted(path: str | Path, *args: object, **kwargs: object) -> object:
        folders.add(Path(path).relative_to(root).as_posix())
        return scandir(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(_pytest.main, "scandir", counted)
    return folders


def collected(reprec: pytest.HookRecorder) -> list[str]:
    return [item.nodeid for item in reprec.getcall("pytest_collection_finish").session.items]


def collect_only(estate: pytest.Pytester) -> list[str]:
    """The tree `--collect-only` shows, without its header and its last line's time."""
    lines = estate.runpytest("--migcheck", *QUIET, *SELECTED, "--collect-only").stdout.lines
    return lines[lines.index("") : -1]


def test_a_folder_of_classic_files_alone_is_not_listed(
    estate: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    (estate.path / "vms" / "app02.xml").write_text(VM_EXPORT.replace("app01", "app02"), encoding="utf-8")
    folders = listed_by_pytest(monkeypatch, estate.path)
    reprec = estate.inline_run("--migcheck", *QUIET, *SELECTED)
    reprec.assertoutcome(passed=5, failed=2)
    assert {"net", "shop", "vms"}.isdisjoint(folders)
    # The rootdir holds other files, and `broken/` a file the lint could not read.
    assert {".", "broken"} <= folders
    assert collected(reprec)[-2:] == [f"{VM}::MIG003", "vms/app02.xml::MIG003"]
    tree = collect_only(estate)

    estate.makeconftest(MAKES_NO_REPORT)
    folders.clear()
    as_before = estate.inline_run("--migcheck", *QUIET, *SELECTED)
    as_before.assertoutcome(passed=5, failed=2)
    assert {"net", "shop", "vms"} <= folders
    assert collected(reprec) == collected(as_before)
    assert collect_only(estate) == tree


def test_a_folder_that_holds_more_than_classic_files_is_listed_by_pytest(
    estate: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    (estate.path / "vms" / "README.md").write_text("The exported VMs.\n", encoding="utf-8")
    (estate.path / "shop" / "conftest.py").write_text("", encoding="utf-8")
    folders = listed_by_pytest(monkeypatch, estate.path)
    reprec = estate.inline_run("--migcheck", *QUIET, *SELECTED)
    reprec.assertoutcome(passed=4, failed=2)
    assert {"vms", "shop"} <= folders
    assert "net" not in folders
