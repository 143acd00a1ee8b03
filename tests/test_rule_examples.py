"""Every rule's examples are tests: `invalid` ones must trigger the rule exactly where they say, `valid`
ones must not trigger it. The same examples are shown in the rule's documentation."""

from __future__ import annotations

from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import Document
from migcheck.plugins import load_rules

RULES = load_rules(entry_points=False)
CASES = [
    pytest.param(rule, example, id=f"{rule.code}-{kind}{i}")
    for rule in RULES
    for kind, examples in (("invalid", rule.invalid), ("valid", rule.valid))
    for i, example in enumerate(examples)
]


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_example(rule, example, tmp_path, monkeypatch):
    _write(tmp_path, dict(example.files))
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(select=(rule.code,)), RULES)
    found = [f"{f.location.path}:{f.location.line}:{f.location.column}" for f in result.findings]
    assert found == list(example.expect), [f.message for f in result.findings]


INVALID = [
    pytest.param(rule, example, id=f"{rule.code}-invalid{i}")
    for rule in RULES
    for i, example in enumerate(rule.invalid)
    if rule.looks_at != {Document}  # the rules about files themselves have cases only where they report
]


@pytest.mark.parametrize(("rule", "example"), INVALID)
def test_a_file_an_example_reports_on_is_a_case_of_the_rule(rule, example, tmp_path, monkeypatch):
    """`Rule.has_case` (which pairs are pytest items and JUnit cases) holds every file the rule's
    examples report on: a rule that reports where it declares no case would get its item there only when
    it fails, and a passing pair would have no node id."""
    _write(tmp_path, dict(example.files))
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(select=(rule.code,)), RULES)
    held = {d.path: result.held(d) for d in result.documents}
    uncovered = {f.mark.path for f in result.findings if not rule.has_case(held[f.mark.path])}
    assert not uncovered
