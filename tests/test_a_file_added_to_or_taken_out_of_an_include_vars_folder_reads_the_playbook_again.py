"""The editor server keeps a playbook's document between runs while the playbook and the settings files
it loaded are unchanged. A playbook that loads a folder (`include_vars: {dir: vars}`) took its values from
the files the folder held: a file added to it, or taken out of it, changes them, yet the kept document
still gave the values of the files it held before. The folder is now one the read looked in, so the
playbook is read again when the files in it are others, whether the server stats the files or the
client's file watcher names the one that came or went."""

from __future__ import annotations

import pytest
from lint_support import RULES

from migcheck.config import Config
from migcheck.engine import ReadCache, lint

PLAYBOOK = """\
- hosts: localhost
  vars:
    svc: play-svc
  tasks:
    - include_vars:
        dir: vars
    - command: azure vm create {{ svc }} img u p -n vm1 -l "North Europe"
"""


def _services(cache: ReadCache) -> list[str]:
    result = lint(["."], Config(), RULES, cache=cache)
    return sorted(service.name for estate in result.estates for service in estate.cloud_services)


@pytest.mark.parametrize("watched", [False, True])
def test_a_file_added_to_the_folder_gives_its_values(tmp_path, monkeypatch, watched: bool) -> None:
    (tmp_path / "site.yml").write_text(PLAYBOOK, encoding="utf-8")
    (tmp_path / "vars").mkdir()
    (tmp_path / "vars" / "a.yml").write_text("other: x\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    cache = ReadCache()
    assert _services(cache) == ["play-svc"]
    added = tmp_path / "vars" / "b.yml"
    added.write_text("svc: folder-svc\n", encoding="utf-8")
    if watched:
        cache.verify = False  # trusted until the watcher names a file
        cache.forget([str(added)])
    assert _services(cache) == ["folder-svc"]


@pytest.mark.parametrize("watched", [False, True])
def test_a_file_taken_out_of_the_folder_gives_its_values_no_more(
    tmp_path, monkeypatch, watched: bool
) -> None:
    (tmp_path / "site.yml").write_text(PLAYBOOK, encoding="utf-8")
    (tmp_path / "vars").mkdir()
    (tmp_path / "vars" / "a.yml").write_text("other: x\n", encoding="utf-8")
    taken = tmp_path / "vars" / "b.yml"
    taken.write_text("svc: folder-svc\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    cache = ReadCache()
    assert _services(cache) == ["folder-svc"]
    taken.unlink()
    if watched:
        cache.verify = False
        cache.forget([str(taken)])
    assert _services(cache) == ["play-svc"]
