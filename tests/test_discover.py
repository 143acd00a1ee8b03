"""Discovery: stable order, candidate extensions under folders, explicit files always, globs."""

from __future__ import annotations

import os

import pytest

from migcheck.discover import discover, glob_regex


@pytest.fixture
def tree(tmp_path, monkeypatch):
    for name in ("b/ServiceDefinition.csdef", "a/x.cscfg", "a/readme.md", "c/net.netcfg", ".git/config.xml"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("<x/>")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_folder_walk_is_sorted_and_skips_other_extensions_and_vcs(tree):
    assert [c.path for c in discover(["."])] == ["a/x.cscfg", "b/ServiceDefinition.csdef", "c/net.netcfg"]


def test_explicit_file_is_kept_whatever_its_extension(tree):
    [candidate] = discover(["a/readme.md"])
    assert candidate.explicit and candidate.path == "a/readme.md"


def test_exclude_and_include(tree):
    assert [c.path for c in discover(["."], exclude=["a/"])] == ["b/ServiceDefinition.csdef", "c/net.netcfg"]
    assert [c.path for c in discover(["."], include=["*.netcfg"])] == ["c/net.netcfg"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_loop_does_not_trap_the_walk(tree):
    os.symlink(tree / "a", tree / "a" / "loop")
    assert [c.path for c in discover(["a"])] == ["a/x.cscfg"]


@pytest.mark.parametrize(
    ("glob", "path", "matches"),
    [
        ("*.cscfg", "deep/er/x.cscfg", True),
        ("legacy/", "legacy/x/y.xml", True),
        ("legacy/", "src/legacy/y.xml", True),
        ("src/*.xml", "src/a/b.xml", False),
        ("src/**/*.xml", "src/a/b.xml", True),
        ("**/ServiceConfiguration.Local.cscfg", "ServiceConfiguration.Local.cscfg", True),
    ],
)
def test_glob(glob, path, matches):
    assert bool(glob_regex(glob).search(path)) is matches
