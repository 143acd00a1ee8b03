"""Columns point at the `<` of the start tag, wherever lxml says the tag ends; the end is just past the
`>` of the start tag (exclusive, as LSP and SARIF count)."""

from __future__ import annotations

from migcheck.model import Location, Mark
from migcheck.source import SourceText

TEXT = '<?xml version="1.0"?>\n<A>\n  <Role\n     name="x"\n  >\n  <S/><S a="1"/>\n\t<T/>\n</A>\n'


def test_start_tag_spread_over_lines_points_at_its_first_line():
    assert SourceText(TEXT).locate(Mark("f", 5, "Role")) == Location("f", 3, 3, 5, 4)


def test_same_tag_twice_on_one_line_uses_nth():
    source = SourceText(TEXT)
    assert source.locate(Mark("f", 6, "S", 0)) == Location("f", 6, 3, 6, 7)
    assert source.locate(Mark("f", 6, "S", 1)) == Location("f", 6, 7, 6, 17)


def test_tab_counts_as_one_column():
    assert SourceText(TEXT).locate(Mark("f", 7, "T")) == Location("f", 7, 2, 7, 6)


def test_exact_column_from_parser_is_kept():
    assert SourceText(TEXT).locate(Mark("f", 2, column=4)) == Location("f", 2, 4, 2, 4)


def test_crlf_and_non_ascii_columns_count_characters():
    text = "<A>\r\n  <Ä name='é'/><B/>\r\n</A>"
    assert SourceText(text).locate(Mark("f", 2, "B")) == Location("f", 2, 16, 2, 20)
    assert SourceText(text).line(2) == "  <Ä name='é'/><B/>"


def test_prefixed_tag_does_not_match_longer_names():
    text = "<A>\n  <Roles/><Role/>\n</A>"
    assert SourceText(text).locate(Mark("f", 2, "Role")) == Location("f", 2, 11, 2, 18)


# --- where the reported text ends --------------------------------------------------------------------


def test_the_end_of_an_element_is_the_end_of_its_start_tag_not_its_subtree():
    text = "<A>\n  <Acl b='1'\n    c=\"x>y\">\n    <Rule/>\n  </Acl>\n</A>\n"
    # A `>` inside a quoted value does not end the tag.
    assert SourceText(text).locate(Mark("f", 3, "Acl")) == Location("f", 2, 3, 3, 13)


def test_a_comment_ends_after_its_closing_marker():
    text = "<A>\n  <!-- migcheck: ignore[MIG201]\n       reason -->\n</A>"
    assert SourceText(text).locate(Mark("f", 2, "!--")) == Location("f", 2, 3, 3, 18)


def test_a_position_in_a_script_or_a_json_file_ends_with_its_word_or_string():
    text = 'Get-AzureVM -Name "web 01" |\n    Set-AzureEndpoint -ACL $acl\n{"a": 1}\n'
    source = SourceText(text)
    assert source.locate(Mark("f", 2, column=5)) == Location("f", 2, 5, 2, 22)  # Set-AzureEndpoint
    assert source.locate(Mark("f", 2, column=23)) == Location("f", 2, 23, 2, 27)  # -ACL
    assert source.locate(Mark("f", 2, column=28)) == Location("f", 2, 28, 2, 32)  # $acl
    assert source.locate(Mark("f", 1, column=19)) == Location("f", 1, 19, 1, 27)  # "web 01"
    assert source.locate(Mark("f", 3, column=1)) == Location("f", 3, 1, 3, 2)  # the object's `{`


def test_a_string_ends_at_its_closing_quote_past_escaped_ones():
    source = SourceText('{"name": "a\\"b", "x": 1}')
    assert source.locate(Mark("f", 1, column=10)) == Location("f", 1, 10, 1, 16)


def test_a_mark_the_text_does_not_show_keeps_its_position():
    assert SourceText("").locate(Mark("f", 3, column=2)) == Location("f", 3, 2, 3, 2)
    assert SourceText("<A/>").locate(Mark("f", 1, "Missing")) == Location("f", 1, 1, 1, 1)


# --- marks from the reader, located in the text ---------------------------------------------------------


def _located(text: str, local: str) -> list[tuple[int, int]]:
    """(line, column) of every `local` element, marked as the readers mark them and located."""
    from migcheck.readers.xml import Marker, parse

    root = parse(text.encode(), text)
    marker = Marker("f", text)
    source = SourceText(text)
    found = [source.locate(marker.mark(el)) for el in root.iter(local)]
    return [(where.line, where.column) for where in found]


def test_same_tag_far_apart_on_one_line_is_told_apart():
    # Between the two Roles sit more nodes than the reader walks back over before counting them all.
    role = "<Role n='{}'><I/><C><S/><S/><S/><S/><S/></C></Role>"
    text = "<A>" + role.format(1) + role.format(2) + "\n<Role n='3'/></A>"
    width = len(role.format(1))
    assert _located(text, "Role") == [(1, 4), (1, 4 + width), (2, 1)]
    assert [c for _, c in _located(text, "S")][:6] == [23, 27, 31, 35, 39, 23 + width]


def test_a_tag_ending_on_a_long_line_is_found_however_far_back_it_starts():
    # The scan back from a line's end widens as it goes: a tag far from the line's end is still found,
    # and one whose start tag spreads over lines is found on the line it starts on.
    text = "<A>\n" + "<B/>" * 5000 + "<C\n" + "".join(f" x{i}='1'" for i in range(2000)) + "/>\n</A>"
    assert _located(text, "B")[-1] == (2, 4 * 4999 + 1)
    assert _located(text, "C") == [(2, 20001)]


def test_a_tag_after_a_long_run_of_end_tags_and_cdata_is_found():
    # Past a few `<` that begin no start tag, the scan back goes on a window at a time: same result.
    for between in ("<B>" * 200 + "</B>" * 200, "<![CDATA[<x>]]>" * 300, "<B/><B></B>"):
        text = f"<A>{between}\n  <C/></A>"
        assert _located(text, "C") == [(2, 3)]
        assert SourceText(text).locate(Mark("f", 2, "C")) == Location("f", 2, 3, 2, 7)


# --- lines, without splitting the whole text ------------------------------------------------------------


def test_a_line_is_the_same_cut_out_of_the_text_or_from_every_line():
    text = "<A>\r\n  <B/>\n\n<C x='\u2028'/>\r\n</A>"
    every = SourceText(text).lines
    for number in range(-1, len(every) + 3):
        expected = every[number - 1] if 1 <= number <= len(every) else ""
        assert SourceText(text).line(number) == expected, number  # the first line asked for
        source = SourceText(text)
        source.line(2)
        assert source.line(number) == expected, number  # once the offsets of every line are known
    assert SourceText("").line(1) == "" and SourceText("x\n").line(2) == ""


def test_one_finding_in_a_file_does_not_split_every_line():
    """Most files read again have one finding: its line is found without the offsets of every line."""
    text = "<A>\n" + "  <B/>\n" * 1000 + "  <C\n    x='1'/>\n</A>\n"
    source = SourceText(text)
    assert source.locate(Mark("f", 500, "B")) == Location("f", 500, 3, 500, 7)
    assert source.line(500) == "  <B/>"
    assert source._offsets is None and source._lines is None
    # A second line, or a tag written over several lines, takes them: found once, then looked up.
    assert source.locate(Mark("f", 1003, "C")) == Location("f", 1002, 3, 1003, 12)
    assert source._offsets is not None


def test_a_mark_with_a_column_past_its_line_or_on_no_line_keeps_its_position():
    source = SourceText("ab\r\ncd")
    assert source.locate(Mark("f", 1, column=3)) == Location("f", 1, 3, 1, 4)  # just past "ab"
    assert source.locate(Mark("f", 1, column=4)) == Location("f", 1, 4, 1, 4)  # past it: not shown
    assert source.locate(Mark("f", 2, column=2)) == Location("f", 2, 2, 2, 3)
    assert source.locate(Mark("f", 3, column=1)) == Location("f", 3, 1, 3, 1)


def test_a_tag_written_in_a_comment_cdata_or_instruction_before_it_on_its_line_is_not_it():
    for before in ("<!-- <Role> -->", "<Label><![CDATA[<Role>]]></Label>", "<?note <Role/> ?>"):
        text = f"<A>\n  {before}<Role/><Role/>\n</A>"
        first = 3 + len(before)
        source = SourceText(text)
        assert source.locate(Mark("f", 2, "Role", 0)) == Location("f", 2, first, 2, first + 7), before
        assert source.locate(Mark("f", 2, "Role", 1)) == Location("f", 2, first + 7, 2, first + 14), before


def test_a_tag_in_a_comment_that_starts_on_an_earlier_line_is_not_it():
    text = '<A>\n  <!-- old:\n  <Role name="a">\n  <Role name="b"> --><Role name="c"/>\n</A>'
    assert SourceText(text).locate(Mark("f", 4, "Role")) == Location("f", 4, 22, 4, 38)


def test_a_comment_s_own_position_is_kept():
    text = "<A>\n  <B/><!-- migcheck: ignore[MIG201] --><C/>\n</A>"
    assert SourceText(text).locate(Mark("f", 2, "!--")).column == 7
