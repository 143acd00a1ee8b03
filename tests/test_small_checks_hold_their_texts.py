"""A check of files that come to no more than `migcheck.texts.HELD_BYTES` holds their texts and reads no
file twice: its findings are located, and their lines shown, in the text each file was read into. A larger
check lets them go and reads again only the files with findings (`test_texts.py`). Which it is, is decided
before reading, from the sizes the walk met."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_texts import ACL, CLEAN

from migcheck import guarded, texts, workers
from migcheck.config import Config
from migcheck.discover import Candidate
from migcheck.engine import lint, walk
from migcheck.plugins import load_rules
from migcheck.report.text import format_finding

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
RULES = load_rules(entry_points=False)
CSCFG = "shop/ServiceConfiguration.Cloud.cscfg"


@pytest.fixture
def estate(tmp_path, monkeypatch) -> Path:
    (tmp_path / "shop").mkdir()
    (tmp_path / CSCFG).write_text(ACL, encoding="utf-8")
    (tmp_path / "network").mkdir()
    (tmp_path / "network" / "NetworkConfig.netcfg").write_text(CLEAN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_small_check_reads_each_file_once_and_locates_in_the_text_it_read(estate, monkeypatch):
    opened: list[str] = []
    real = guarded.read_bytes
    monkeypatch.setattr(
        guarded,
        "read_bytes",
        lambda path, *a, **k: opened.append(os.path.normpath(path)) or real(path, *a, **k),
    )
    result = lint(["."], Config(), RULES, jobs=1)
    assert sorted(opened) == ["network/NetworkConfig.netcfg", CSCFG]
    (finding,) = [f for f in result.findings if f.code == "MIG201"]
    loc = finding.location
    assert (loc.path, loc.line, loc.column) == (CSCFG, 10, 7)
    assert "10 |       <EndpointAcl" in format_finding(finding, texts.lines_of(result.sources, CSCFG))
    assert len(opened) == 2


def test_a_check_past_the_size_reads_the_files_with_findings_again(estate, monkeypatch):
    monkeypatch.setattr(texts, "HELD_BYTES", len(ACL) + len(CLEAN) - 1)
    opened: list[str] = []
    real = guarded.read_bytes
    monkeypatch.setattr(
        guarded,
        "read_bytes",
        lambda path, *a, **k: opened.append(os.path.normpath(path)) or real(path, *a, **k),
    )
    result = lint(["."], Config(), RULES, jobs=1)
    assert all(d.text == "" for d in result.documents)
    assert [f.location.column for f in result.findings if f.code == "MIG201"] == [7]
    assert sorted(opened) == ["network/NetworkConfig.netcfg", CSCFG, CSCFG]


def test_the_walk_records_each_files_size_and_a_file_named_has_none(estate):
    (walked,) = walk(["shop"], Config())
    assert walked.size == len(ACL.encode())
    assert texts.holds_texts([walked])
    (named,) = walk([CSCFG], Config())
    assert named.explicit and named.size == -1
    assert not texts.holds_texts([walked, named])  # of unknown size: it may be as large as any


def test_the_texts_are_held_up_to_the_size_and_not_past_it():
    def of(size: int) -> Candidate:
        return Candidate("a.cscfg", "a.cscfg", False, size=size)

    assert texts.holds_texts([])
    assert texts.holds_texts([of(texts.HELD_BYTES - 1), of(1)])
    assert not texts.holds_texts([of(texts.HELD_BYTES), of(1)])


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
@pytest.mark.skipif(not workers.can_fork(), reason="workers are forked on Linux only")
def test_workers_of_a_small_check_locate_in_the_texts_they_read(tmp_path, monkeypatch):
    """Each worker holds the texts of the files it read and locates their findings in them: no process
    reads a file again to locate, and the findings are those of one process."""
    monkeypatch.chdir(CORPUS)
    alone = lint(["."], Config(), RULES, jobs=1)
    log = tmp_path / "read-again.txt"
    real = texts._read_again

    def logged(entry):
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{os.getpid()}\n")
        return real(entry)

    monkeypatch.setattr(texts, "_read_again", logged)
    shared = lint(["."], Config(), RULES, jobs=3)
    assert [(f.location, f.code, f.message) for f in shared.findings] == [
        (f.location, f.code, f.message) for f in alone.findings
    ]
    assert not log.exists()
