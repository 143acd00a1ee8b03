"""The editor finds the statement a suppression comment goes before by parsing the script as the reader
does, within the same CPU time (`powershell.syntax_tree`): a script the grammar parses in time growing with
the square of its size (a braced variable left open, `${a)`, on each of thousands of lines) is refused there,
and is offered no suppression, where the editor's parse ran on for seconds beyond what the reader allows."""

from __future__ import annotations

import pytest
from growth import assert_linear

pytest.importorskip("pygls", reason="the language server needs the lsp extra")

from migcheck.readers.powershell import syntax_tree
from migcheck.server import _powershell_statement_start


# 80 kB: 6 s of the grammar's time to parse whole, stopped after 1.8 s
def _quadratic(lines: int) -> str:
    return "New-AzureService -ServiceName web -Location 'West US'\n" + "${a)\n" * lines


QUADRATIC = _quadratic(16_000)


def test_a_script_the_grammar_parses_in_quadratic_time_has_no_statement_start_in_the_editor():
    assert _powershell_statement_start(QUADRATIC, 0, 0) is None


def test_refusing_it_costs_in_proportion_to_its_size_where_parsing_it_whole_costs_its_square():
    def make(lines: int):
        text = _quadratic(lines)
        return lambda: _powershell_statement_start(text, 0, 0)

    assert_linear(make, 16_000)


def test_the_editor_s_tree_of_such_a_script_is_none():
    assert syntax_tree(QUADRATIC.encode()) is None


def test_a_script_parsed_in_time_has_its_statement_start():
    assert _powershell_statement_start("New-AzureService `\n  -ServiceName web\n", 1, 4) == (0, "")
