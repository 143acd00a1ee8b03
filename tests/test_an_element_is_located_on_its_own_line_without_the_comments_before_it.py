"""An element whose line shows whole start tags and no comment, CDATA section or processing instruction is
located on that line alone: the comments and the like before it are not looked for. A line that ends a tag
begun earlier, begins one it does not end or shows one of those is located as before, and every element
is found where it is."""

from __future__ import annotations

import pytest

from migcheck import source as source_module
from migcheck.model import Location
from migcheck.readers.xml import Marker, parse
from migcheck.source import SourceText


def _located(text: str, local: str) -> list[Location]:
    root = parse(text.encode(), text)
    marker = Marker("f", text)
    source = SourceText(text)
    return [source.locate(marker.mark(el)) for el in root.iter(local)]


def _comments_looked_for(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    looked: list[int] = []
    real = source_module._find_spans

    def counted(text: str, position: int, end: int, spans: list[tuple[int, int]]) -> int:
        looked.append(end)
        return real(text, position, end, spans)

    monkeypatch.setattr(source_module, "_find_spans", counted)
    return looked


def test_an_element_on_a_line_of_whole_tags_is_located_without_the_comments_before_it(monkeypatch):
    looked = _comments_looked_for(monkeypatch)
    text = "<?xml version='1.0'?>\n<A>\n" + "<!-- <B/> -->\n" * 50 + "  <B x='1'/><C/><B/>\n</A>\n"
    assert [(at.line, at.column, at.end_column) for at in _located(text, "B")] == [(53, 3, 13), (53, 17, 21)]
    assert looked == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A tag in a comment on the element's line: the comment is skipped.
        ("<A>\n<!-- <B/> --><B/>\n</A>", [(2, 14)]),
        # A comment over several lines, ending on the element's line.
        ("<A>\n<!--\n<B/>\n <B/> --> <B/>\n</A>", [(4, 11)]),
        # A start tag begun on an earlier line, ending on the line of another.
        ("<A>\n<B\n x='1'><B/></B>\n</A>", [(2, 1), (3, 8)]),
        # A start tag begun on the element's line and ending on the next.
        ("<A>\n<B/><B\n x='1'/>\n</A>", [(2, 1), (2, 5)]),
        # CDATA and a processing instruction holding what looks like tags.
        ("<A>\n<![CDATA[<B/>]]><B/><?p <B/> ?>\n</A>", [(2, 17)]),
    ],
)
def test_a_line_that_shows_more_than_whole_tags_is_located_as_before(text, expected):
    assert [(at.line, at.column) for at in _located(text, "B")] == expected
