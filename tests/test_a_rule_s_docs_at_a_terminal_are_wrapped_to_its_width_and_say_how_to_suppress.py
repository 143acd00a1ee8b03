"""`migcheck rule MIG101` printed the Markdown of docs/rules.md at a terminal: paragraphs of a thousand
characters on one line, `###` headings and code fences, and nothing on how to suppress the rule. At a
terminal it is now wrapped to the terminal's width (80 columns here), its headings underlined, its examples
indented, its tables turned into lists, and it ends with how to suppress the rule in the comments of the
files it checks and in the settings. Piped, it is the Markdown as ever, for tools."""

from __future__ import annotations

import sys

import pytest
from lint_support import RULES, run_cli


def _at_a_terminal(monkeypatch, capsys, code: str, columns: int = 80) -> str:
    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    status, out, _ = run_cli(capsys, "rule", code)
    assert status == 0
    return out


def _prose(out: str) -> list[str]:
    """The lines of the text, less the examples' code (indented by four), which is never wrapped."""
    return [line for line in out.splitlines() if not line.startswith("    ")]


@pytest.mark.parametrize("rule", list(RULES), ids=lambda rule: rule.code)
def test_every_rule_s_text_fits_80_columns(monkeypatch, capsys, rule):
    out = _at_a_terminal(monkeypatch, capsys, rule.code)
    too_wide = [line for line in _prose(out) if len(line) > 80 and " " in line.strip()]
    assert not too_wide
    assert "```" not in out and "\n### " not in out
    assert f"{rule.code} {rule.name}\n{'=' * len(f'{rule.code} {rule.name}')}\n" in out


def test_the_sections_say_what_why_what_to_do_an_example_and_how_to_suppress(monkeypatch, capsys):
    out = _at_a_terminal(monkeypatch, capsys, "MIG101")
    headings = [
        "What it finds\n-------------",
        "Why it blocks migration\n-----------------------",
        "How to fix\n----------",
        "Example\n-------",
        "How to suppress\n---------------",
    ]
    places = [out.index(heading) for heading in headings]
    assert places == sorted(places)
    suppressing = out.split("How to suppress", 1)[1]
    assert "  - `<!-- migcheck: ignore[MIG101] reason -->` in XML files" in suppressing
    assert "  - `# migcheck: ignore[MIG101] reason` in PowerShell" in suppressing
    assert '    "exports/**" = ["MIG101"]\n' in suppressing
    assert '`ignore = ["MIG101"]`' in suppressing
    assert '    <ServiceDefinition name="shop"\n' in out  # the example's code, indented, unwrapped


def test_a_rule_of_scripts_alone_shows_no_xml_comment(monkeypatch, capsys):
    rule = next(r for r in RULES if r.code == "MIG601")
    kinds = {str(kind) for kind in rule.file_kinds()}
    out = _at_a_terminal(monkeypatch, capsys, "MIG601")
    assert ("<!-- migcheck" in out) == bool(kinds & {"csdef", "cscfg", "netcfg", "rest", "vmexport"})


def test_a_table_becomes_a_list_of_its_rows(monkeypatch, capsys):
    out = _at_a_terminal(monkeypatch, capsys, "MIG204")
    assert "| --- |" not in out
    assert "  - family: BGInfo 1.*; publisher: `Microsoft.Compute`; name: `BGInfo`" in out


def test_a_wider_terminal_gets_longer_lines(monkeypatch, capsys):
    out = _at_a_terminal(monkeypatch, capsys, "MIG101", columns=100)
    assert max(len(line) for line in _prose(out)) > 80


def test_piped_it_is_the_markdown_of_the_docs(capsys):
    rule = next(r for r in RULES if r.code == "MIG101")
    _, out, _ = run_cli(capsys, "rule", "MIG101")
    assert out == rule.documentation()
