"""In a script the grammar reads with an error, a comma the tree does not show as one between the items of
a command's argument is judged on a tree of the command's own lines (`_list_commas`). That tree is parsed
once, within the CPU time the reader allows, and the text of its nodes (a parameter's name before the
comma) is read from those lines by offsets: it was parsed a second time from the bytes so that its nodes'
text did not come through the read callback, which cost most of the reparsing of the corpus's scripts."""

from __future__ import annotations

import pytest

from migcheck.readers import powershell

# The here-string never closed leaves an error before the command
HEAD = "$x = @'\nfoo\n$a = {\n"


@pytest.fixture
def parses_from_bytes(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    parsed: list[bytes] = []
    tree_in_time = powershell._tree_in_time

    def counted(source: bytes):
        parsed.append(source)
        return tree_in_time(source)

    monkeypatch.setattr(powershell, "_tree_in_time", counted)
    return parsed


def _commas(text: str) -> list[tuple[int, int]]:
    source = text.encode()
    root = powershell._tree(source).root_node
    assert root.has_error
    return powershell._list_commas(source, root)


def test_a_comma_after_an_argument_is_found_on_lines_parsed_once(parses_from_bytes):
    text = HEAD + "Set-Thing -Names web, db\n"
    parses_from_bytes.clear()
    assert _commas(text) == [(text.index(","), -1)]
    assert parses_from_bytes == [text.encode()]  # the script's own tree, not the lines'


def test_a_comma_after_a_parameter_s_name_is_no_list_s_on_lines_parsed_once(parses_from_bytes):
    for dash in ("-", "\u2013"):  # an en dash is read as a bare word, a parameter by its text
        text = HEAD + f"Set-Thing {dash}Names, db\n"
        parses_from_bytes.clear()
        assert _commas(text) == []
        assert parses_from_bytes == [text.encode()]
