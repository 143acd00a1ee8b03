"""The guarded reader's check that a file met in a walk is the one inside the walked folder: by the
identity the walk recorded when it matches, by where the descriptor leads when it does not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from migcheck import guarded
from migcheck.guarded import read_bytes


def _identity(path: Path) -> tuple[int, int]:
    info = os.lstat(path)
    return info.st_dev, info.st_ino


def test_the_identity_the_walk_recorded_spares_the_descriptor_check(tmp_path, monkeypatch):
    path = tmp_path / "x.cscfg"
    path.write_bytes(b"<x/>")
    asked: list[int] = []
    monkeypatch.setattr(guarded, "opened_path", lambda fd: asked.append(fd) or str(path))
    data = read_bytes(str(path), 100, follow_links=False, within=str(tmp_path), identity=_identity(path))
    assert data == b"<x/>" and asked == []
    read_bytes(str(path), 100, follow_links=False, within=str(tmp_path), identity=None)
    assert len(asked) == 1


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to see what was opened")
def test_another_file_under_the_same_name_is_checked_by_where_it_leads(tmp_path):
    inside, outside = tmp_path / "repo", tmp_path / "outside"
    inside.mkdir()
    outside.mkdir()
    (outside / "x.cscfg").write_bytes(b"secret")
    (inside / "sub").mkdir()
    (inside / "sub" / "x.cscfg").write_bytes(b"<x/>")
    walked = _identity(inside / "sub" / "x.cscfg")
    # The folder is swapped for a link out after the walk: the file opened is not the one listed.
    (inside / "sub" / "x.cscfg").unlink()
    (inside / "sub").rmdir()
    (inside / "sub").symlink_to(outside)
    with pytest.raises(OSError, match="outside the folder being checked"):
        read_bytes(
            str(inside / "sub" / "x.cscfg"), 100, follow_links=False, within=str(inside), identity=walked
        )


def test_a_file_is_read_whole_or_up_to_the_limit(tmp_path):
    path = tmp_path / "big.cscfg"
    path.write_bytes(b"a" * 5000)
    assert read_bytes(str(path), 5001) == b"a" * 5000
    assert read_bytes(str(path), 100) == b"a" * 100
    path.write_bytes(b"")
    assert read_bytes(str(path), 100) == b""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_read_as_named_is_read_to_its_end(tmp_path):
    pipe = tmp_path / "pipe.cscfg"
    os.mkfifo(pipe)
    pid = os.fork()
    if pid == 0:  # the writer
        with open(pipe, "wb") as out:
            out.write(b"<x/>" * 1000)
        os._exit(0)
    try:
        assert read_bytes(str(pipe), 10_000, regular_only=False) == b"<x/>" * 1000
    finally:
        os.waitpid(pid, 0)
