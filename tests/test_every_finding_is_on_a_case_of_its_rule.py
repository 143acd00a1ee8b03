"""Every finding lands on a (file, rule) pair that is a case of its rule (`Rule.has_case`): those pairs are
the pytest items and the JUnit cases, so a pair that can fail always has its node id (`path::MIG202`),
passing or not. Checked on real files (../shared/corpus, examples/) and on the benchmark's estate, with
the findings suppressions hold back: without the comment, they fail their item."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import LintResult, lint
from migcheck.model import Document
from migcheck.plugins import load_rules

ROOT = Path(__file__).resolve().parents[1]
# The benchmark's generator, run in this process: plain Python over the standard library, whose command
# line tests/test_benchmarks.py runs.
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402

RULES = load_rules(entry_points=False)
ABOUT_FILES = {rule.code for rule in RULES if rule.looks_at == {Document}}  # cases only where they report


@pytest.fixture
def estate(tmp_path: Path) -> Path:
    """A tenth of the benchmark's estate, with every kind of blocker it plants."""
    folder = tmp_path / "estate"
    generate(folder, services=130, vms=24, vnets=8, seed=2017)
    return folder


def _pairs_on_no_case(folder: Path) -> set[tuple[str, str]]:
    return _on_no_case(lint([str(folder)], Config(), RULES))


def _on_no_case(result: LintResult) -> set[tuple[str, str]]:
    held = {d.path: result.held(d) for d in result.documents}
    by_code = {rule.code: rule for rule in RULES}
    found = [*result.findings, *result.unreported, *(s.finding for s in result.suppressed)]
    return {
        (f.mark.path, f.code)
        for f in found
        if f.code not in ABOUT_FILES and not by_code[f.code].has_case(held[f.mark.path])
    }


def test_the_corpus_reports_only_on_cases_of_its_rules(corpus_lint: LintResult) -> None:
    assert not _on_no_case(corpus_lint)


def test_the_examples_report_only_on_cases_of_their_rules() -> None:
    assert not _pairs_on_no_case(ROOT / "examples")


def test_the_benchmark_estate_reports_only_on_cases_of_its_rules(estate: Path) -> None:
    assert not _pairs_on_no_case(estate)
