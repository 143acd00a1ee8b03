"""How to suppress a rule's findings was added only to `migcheck rule CODE` at a terminal: docs/rules.md
(`python -m migcheck.docs`), the piped `migcheck rule` and SARIF's help for code scanning lacked it. It is
now a section of `Rule.documentation()`, so each of them carries it, and the terminal shows it once, from
the same text."""

from __future__ import annotations

import sys

import pytest
from lint_support import RULES, run_cli

from migcheck.report.sarif import help_markdown

BY_CODE = {rule.code: rule for rule in RULES}


@pytest.mark.parametrize("rule", list(RULES), ids=lambda rule: rule.code)
def test_every_rule_s_docs_say_how_to_suppress_it_before_the_source(rule):
    docs = rule.documentation()
    section = docs.split("\n### How to suppress\n\n", 1)[1]
    assert f"`ignore-file[{rule.code}]`" in section
    assert f'"exports/**" = ["{rule.code}"]' in section
    assert docs.index("### How to suppress") < docs.rindex("\nSource: ")


@pytest.mark.parametrize("rule", list(RULES), ids=lambda rule: rule.code)
def test_sarif_help_keeps_the_comment_forms_even_when_the_page_is_cut(rule):
    page = help_markdown(rule)
    section = page.split("\n### How to suppress\n\n", 1)[1]
    assert f"migcheck: ignore[{rule.code}] reason" in section


def test_the_terminal_shows_it_once(monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    _, out, _ = run_cli(capsys, "rule", "MIG101")
    assert out.count("How to suppress") == 1
    assert out.count("migcheck: ignore[MIG101] reason") == len(
        {"xml", "hash", "slash"} & _forms(BY_CODE["MIG101"].documentation())
    )


def test_piped_the_markdown_carries_it(capsys):
    _, out, _ = run_cli(capsys, "rule", "MIG101")
    assert "### How to suppress" in out


def _forms(docs: str) -> set[str]:
    return {
        name
        for name, form in (("xml", "<!-- migcheck"), ("hash", "`# migcheck"), ("slash", "`// migcheck"))
        if form in docs
    }
