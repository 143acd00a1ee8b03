"""Columns point at the `<` of the start tag, wherever lxml says the tag ends."""

from __future__ import annotations

from migcheck.model import Location, Mark
from migcheck.source import SourceText

TEXT = '<?xml version="1.0"?>\n<A>\n  <Role\n     name="x"\n  >\n  <S/><S a="1"/>\n\t<T/>\n</A>\n'


def test_start_tag_spread_over_lines_points_at_its_first_line():
    assert SourceText(TEXT).locate(Mark("f", 5, "Role")) == Location("f", 3, 3)


def test_same_tag_twice_on_one_line_uses_nth():
    source = SourceText(TEXT)
    assert source.locate(Mark("f", 6, "S", 0)) == Location("f", 6, 3)
    assert source.locate(Mark("f", 6, "S", 1)) == Location("f", 6, 7)


def test_tab_counts_as_one_column():
    assert SourceText(TEXT).locate(Mark("f", 7, "T")) == Location("f", 7, 2)


def test_exact_column_from_parser_is_kept():
    assert SourceText(TEXT).locate(Mark("f", 2, column=4)) == Location("f", 2, 4)


def test_crlf_and_non_ascii_columns_count_characters():
    text = "<A>\r\n  <Ä name='é'/><B/>\r\n</A>"
    assert SourceText(text).locate(Mark("f", 2, "B")) == Location("f", 2, 16)
    assert SourceText(text).line(2) == "  <Ä name='é'/><B/>"


def test_prefixed_tag_does_not_match_longer_names():
    text = "<A>\n  <Roles/><Role/>\n</A>"
    assert SourceText(text).locate(Mark("f", 2, "Role")) == Location("f", 2, 11)
