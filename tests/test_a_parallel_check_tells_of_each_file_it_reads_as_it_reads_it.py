"""A check reading in several processes tells its progress line of each file this process reads as it
reads it, not once its whole share is read: the line stood still for the first half of a large check.
A worker's files are told of as its share comes in."""

from __future__ import annotations

import pytest

from migcheck import engine, workers
from migcheck.config import Config
from migcheck.engine import walk


@pytest.mark.skipif(not workers.can_fork(), reason="workers are forked on Linux only")
def test_each_file_this_process_reads_is_told_of_before_the_next_is_read(tmp_path, monkeypatch):
    for number in range(8):
        (tmp_path / f"s{number}.cscfg").write_text(f'<ServiceConfiguration serviceName="s{number}"/>')
    found = walk([str(tmp_path)], Config())
    events: list[tuple[str, str]] = []  # this process's: a worker's reads go to its own copy
    real = engine._read_bytes

    def reading(candidate, stdin):
        events.append(("read", candidate.path))
        return real(candidate, stdin)

    monkeypatch.setattr(engine, "_read_bytes", reading)
    read = workers.read_in_workers(found, 2, lambda done, total, path: events.append(("told", path)))
    assert read is not None
    mine = [path for kind, path in events if kind == "read"]
    assert 0 < len(mine) < len(found)
    assert events[: 2 * len(mine)] == [(kind, path) for path in mine for kind in ("read", "told")]
    assert [path for kind, path in events if kind == "told"] == [c.path for c in found]
