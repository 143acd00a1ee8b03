"""A file's path is one string however many records keep it: the path shown, the name the file is opened by
and what reading it again needs share it where they are equal, and the documents that worker processes
read (whose paths are copies, unpickled) are not kept beside the walk's own. Each is kept for every file a
run reads: a second copy was 5 MB of a 40,000-file check's peak."""

from __future__ import annotations

from pathlib import Path

import pytest

from migcheck import texts, workers
from migcheck.config import Config
from migcheck.engine import lint, walk
from migcheck.plugins import load_rules

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
RULES = load_rules(entry_points=False)

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")


def test_a_walked_file_shown_by_the_name_it_is_opened_by_keeps_one_string(tmp_path, monkeypatch):
    (tmp_path / "svc").mkdir()
    (tmp_path / "svc" / "ServiceDefinition.csdef").write_text('<ServiceDefinition name="a"/>')
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    (absolute,) = walk([str(tmp_path / "svc")], Config())
    assert absolute.path == absolute.fs_path and absolute.path is absolute.fs_path
    monkeypatch.chdir(tmp_path)
    (relative,) = walk(["svc"], Config())
    assert relative.path == "svc/ServiceDefinition.csdef" and relative.path is relative.fs_path


@needs_corpus
@pytest.mark.parametrize(
    "jobs",
    [1, pytest.param(3, marks=pytest.mark.skipif(not workers.can_fork(), reason="Linux only"))],
)
def test_what_a_run_keeps_of_each_file_shares_the_documents_path(jobs, monkeypatch):
    monkeypatch.setattr(texts, "HELD_BYTES", -1)  # what reading the files again takes, as a large check keeps
    # Every file's, as the run keeps them until its findings are located (then only those findings
    # point into: `lint(every_text=False)`).
    result = lint([str(CORPUS)], Config(), RULES, jobs=jobs, every_text=True)
    kept_paths = {path: path for path in result.fs_paths}
    on_disk = result.sources._on_disk
    checked = 0
    for document in result.documents:
        if document.path not in on_disk:
            continue  # its text is held, not read again
        assert kept_paths[document.path] is document.path
        assert result.fs_paths[document.path] is document.path
        assert on_disk[document.path].fs_path is document.path
        checked += 1
    assert checked > 100
