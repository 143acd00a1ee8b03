"""The text format underlines the reported element: its start tag, a value, or what is shown of it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from migcheck.model import Finding, Location, Mark, Severity
from migcheck.report.text import SNIPPET_WIDTH, Paint, format_finding
from migcheck.source import SourceText


def finding(location: Location) -> Finding:
    return Finding(
        code="MIG304",
        name="invalid-address-prefix",
        severity=Severity.ERROR,
        message="m",
        fix="",
        mark=Mark(location.path, location.line, location.column),
        resource_type="Subnet",
        resource_name="s",
        location=location,
    )


def caret_line(text: str, location: Location) -> str:
    return format_finding(finding(location), SourceText(text)).splitlines()[3]


@pytest.mark.parametrize(
    ("end", "carets"),
    [
        ((1, 17), 14),  # the start tag `<Subnet a="b">` ends on the line: exactly under it
        ((2, 3), 20),  # the element goes on below: to the end of the line
        ((0, 0), 1),  # no end resolved: one caret
        ((1, 3), 1),  # an end before the start is ignored
    ],
)
def test_the_underline_spans_the_element_on_its_line(end, carets):
    text = '  <Subnet a="b"> tail.\n</Subnet>\n'
    line = caret_line(text, Location("f.netcfg", 1, 3, *end))
    assert line.endswith("  " + "^" * carets) and line.count("^") == carets


def test_the_underline_stops_at_a_clipped_snippet():
    text = "<A " + "x" * (SNIPPET_WIDTH * 3) + "/>\n"
    line = caret_line(text, Location("f.xml", 1, 1, 1, len(text)))
    assert 1 < line.count("^") <= SNIPPET_WIDTH


def test_a_finding_without_an_end_keeps_one_caret():
    location = replace(Location("f.xml", 1, 1), end_line=0)
    assert caret_line("<A/>\n", location).endswith("| ^")


@pytest.mark.parametrize("hidden", ["\u200e", "\x1b", "\ufeff"])
def test_the_underline_stays_under_the_element_when_characters_before_it_are_escaped(hidden):
    text = f'<Role name="a{hidden}b"><Subnet a="{hidden}"/></Role>\n'
    start = text.index("<Subnet") + 1
    end = text.index("</Role>") + 1
    lines = format_finding(finding(Location("f.xml", 1, start, 1, end)), SourceText(text)).splitlines()
    shown, carets = lines[2], lines[3]  # the gutters are as wide: columns line up
    at = carets.index("^")
    assert shown[at:].startswith("<Subnet")
    assert carets.count("^") == len(shown[at:].split("</Role>")[0])


def test_a_clipped_line_never_cuts_an_escape_in_two():
    text = '<A name="' + "\u200f" * 30 + "x" * SNIPPET_WIDTH + '"><B/></A>\n'
    start = text.index("<B/>") + 1
    shown = format_finding(finding(Location("f.xml", 1, start, 1, start + 4)), SourceText(text)).splitlines()[
        2
    ]
    snippet = shown[shown.index("| ") + 2 :].lstrip("…")
    assert not snippet.startswith(("u200f", "200f", "00f", "0f", "f\\"))


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "utf-8"])
def test_the_underline_stays_under_the_element_where_the_terminal_writes_characters_as_escapes(encoding):
    # A cut line starts with a mark, and the line holds characters the terminal's codec has not: the
    # stream writes those as escapes (`\u2192`), so the caret is placed after them as written.
    text = "x" * SNIPPET_WIDTH + ' → <Subnet a="b"/>\n'
    column = text.index("<") + 1
    written = format_finding(
        finding(Location("f.netcfg", 1, column, 1, column + 15)), SourceText(text), Paint(encoding=encoding)
    )
    shown, carets = written.encode(encoding, "backslashreplace").decode(encoding).splitlines()[2:4]
    start = carets.index("^")
    assert shown[start : start + 15] == '<Subnet a="b"/>' and carets.count("^") == 15
