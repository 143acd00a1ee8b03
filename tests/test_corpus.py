"""The findings on ../shared/corpus, 146 real classic files, as a reviewed snapshot.

Every line of tests/snapshots/corpus-findings.txt was checked by hand against its file and the reference
documentation: a change here is either a new true finding or a regression. After a deliberate change,
regenerate with `MIGCHECK_UPDATE_SNAPSHOTS=1 pytest tests/test_corpus.py` and review the diff line by line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import LintResult, lint
from migcheck.plugins import load_rules

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
SNAPSHOT = Path(__file__).parent / "snapshots" / "corpus-findings.txt"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")


def _snapshot_lines(result: LintResult) -> list[str]:
    return [
        f"{f.location.path}:{f.location.line}:{f.location.column}: {f.code} {f.resource_type} {f.resource_name!r}"
        for f in result.findings
    ]


def test_corpus_findings_match_the_reviewed_snapshot(corpus_lint):
    lines = _snapshot_lines(corpus_lint)
    if os.environ.get("MIGCHECK_UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert lines == SNAPSHOT.read_text(encoding="utf-8").splitlines()


def test_corpus_run_is_deterministic(corpus_lint, monkeypatch):
    """A second check in this test's own run gives the lines of the session's."""
    monkeypatch.chdir(CORPUS)
    again = lint(["."], Config(), load_rules(entry_points=False))
    assert _snapshot_lines(again) == _snapshot_lines(corpus_lint)
