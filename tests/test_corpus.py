"""The findings on ../shared/corpus, 146 real classic files, as a reviewed snapshot.

Every line of tests/snapshots/corpus-findings.txt was checked by hand against its file and the reference
documentation: a change here is either a new true finding or a regression. After a deliberate change,
regenerate with `MIGCHECK_UPDATE_SNAPSHOTS=1 pytest tests/test_corpus.py` and review the diff line by line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import Document
from migcheck.plugins import load_rules

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
SNAPSHOT = Path(__file__).parent / "snapshots" / "corpus-findings.txt"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")


def _snapshot_lines(monkeypatch) -> list[str]:
    monkeypatch.chdir(CORPUS)
    result = lint(["."], Config(), load_rules(entry_points=False))
    return [
        f"{f.location.path}:{f.location.line}:{f.location.column}: {f.code} {f.resource_type} {f.resource_name!r}"
        for f in result.findings
    ]


def test_corpus_findings_match_the_reviewed_snapshot(monkeypatch):
    lines = _snapshot_lines(monkeypatch)
    if os.environ.get("MIGCHECK_UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert lines == SNAPSHOT.read_text(encoding="utf-8").splitlines()


def test_corpus_run_is_deterministic(monkeypatch):
    assert _snapshot_lines(monkeypatch) == _snapshot_lines(monkeypatch)


@pytest.mark.parametrize(
    "folder", [CORPUS, Path(__file__).resolve().parents[1] / "examples"], ids=["corpus", "examples"]
)
def test_every_finding_is_on_a_case_of_its_rule(monkeypatch, folder):
    """Real files report only where their rule declares a test case (`Rule.has_case`): the pytest items
    and JUnit cases of passing pairs are the ones that could fail."""
    monkeypatch.chdir(folder)
    rules = load_rules(entry_points=False)
    result = lint(["."], Config(), rules)
    held = {d.path: result.held(d) for d in result.documents}
    by_code = {rule.code: rule for rule in rules}
    about_files = {rule.code for rule in rules if rule.looks_at == {Document}}
    uncovered = {
        (f.mark.path, f.code)
        for f in result.findings
        if f.code not in about_files and not by_code[f.code].has_case(held[f.mark.path])
    }
    assert not uncovered
