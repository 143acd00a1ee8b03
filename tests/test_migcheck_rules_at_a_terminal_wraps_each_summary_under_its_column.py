"""`migcheck rules` printed each rule on one line, summaries of up to 350 characters running far past the
terminal's edge, where `migcheck rule CODE` wraps its text to the terminal. At a terminal each summary is
now wrapped to the terminal's width under the summary column (under the row, indented, where that column
leaves too little room); piped, a line per rule as ever, for tools. A listing of some (`migcheck rule MIG2`)
is the same."""

from __future__ import annotations

import sys

import pytest
from lint_support import RULES, run_cli


def _rules(monkeypatch, capsys, *argv: str, columns: int | None = None) -> str:
    if columns is not None:
        monkeypatch.setenv("COLUMNS", str(columns))
        monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    status, out, _ = run_cli(capsys, *argv)
    assert status == 0
    return out


@pytest.mark.parametrize("columns", [100, 60])
@pytest.mark.parametrize("argv", [("rules",), ("rule", "MIG2")], ids=["all", "a-prefix"])
def test_at_a_terminal_every_line_fits_and_every_summary_is_whole(monkeypatch, capsys, argv, columns):
    out = _rules(monkeypatch, capsys, *argv, columns=columns)
    assert not [line for line in out.splitlines() if len(line) > columns]
    listed = [r for r in RULES if r.code.startswith("MIG2")] if argv[0] == "rule" else list(RULES)
    words = " ".join(out.split())
    for rule in listed:
        assert f"{rule.code} {rule.name}" in words
        assert " ".join(rule.summary.split()) in words


def test_at_a_wide_terminal_a_summary_goes_on_under_its_own_column(monkeypatch, capsys):
    out = _rules(monkeypatch, capsys, "rules", columns=100)
    first, second = out.splitlines()[:2]
    assert first.startswith("MIG001  xml-syntax-error")
    column = first.index("A file cannot be read")
    assert second[:column].strip() == "" and second[column] != " "


def test_piped_a_rule_is_one_line_as_ever(monkeypatch, capsys):
    out = _rules(monkeypatch, capsys, "rules")
    assert len(out.splitlines()) == len(list(RULES))
    assert max(len(line) for line in out.splitlines()) > 200
