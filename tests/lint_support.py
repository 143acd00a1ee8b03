"""Linting a few files written into a test's temporary folder, as the rule and reader tests do."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import LintResult, lint
from migcheck.model import Finding
from migcheck.plugins import load_rules

RULES = load_rules(entry_points=False)


def lint_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], *codes: str, dedent: bool = True
) -> LintResult:
    """Write `files` (relative path -> text, dedented unless told not to) under `tmp_path` and lint the
    folder from there, with only the rules `codes` when given."""
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n") if dedent else text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return lint(["."], Config(select=codes) if codes else Config(), RULES)


def where(findings: Iterable[Finding]) -> list[str]:
    """`CODE path:line:column` of each finding."""
    return [
        f"{f.code} {f.location.path}:{f.location.line}:{f.location.column}" for f in findings if f.location
    ]
