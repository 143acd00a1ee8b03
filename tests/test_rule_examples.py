"""Every rule's examples are tests: `invalid` ones must trigger the rule exactly where they say, `valid`
ones must not trigger it. The same examples are shown in the rule's documentation."""

from __future__ import annotations

from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import lint
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
