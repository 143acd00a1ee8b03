"""A bare word with a variable in it is read as PowerShell reads the same text in double quotes, from a
tree of its own (`_word_as_string`): that parse is held to the CPU time the reader allows a script of its
size, as the whole script's is. A word the grammar takes time growing with the square of its length to read
(`${a)` repeated) is not known, where its parse ran on unbounded (64 kB: 4 s, 128 kB: 15 s)."""

from __future__ import annotations

from migcheck.readers.powershell import _word_as_string


def test_a_word_read_in_quadratic_time_is_not_read_as_a_string():
    assert _word_as_string("${a)" * 16_000) is None


def test_a_word_with_a_variable_is_read_as_a_string():
    string = _word_as_string("vm$i")
    assert string is not None
    assert string.type == "expandable_string_literal"
    assert [part.text for part in string.named_children] == [b"$i"]
