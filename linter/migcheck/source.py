"""Turn a reader's `Mark` into where it starts and ends, place a fix's edits, and give the source line to
show under a finding.

lxml reports the line where a start tag *ends*; users want the `<` that starts it. We find it by scanning
the decoded text backwards from that line, and only for findings that are reported. Where an element ends
and what a fix replaces are found by scanning forwards from that `<` (`migcheck.scan`)."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import replace

from migcheck import scan
from migcheck.model import Edit, Fix, Location, Mark, Part


class SourceText:
    """The decoded text of one file, split into lines lazily."""

    __slots__ = ("_by_line", "_lines", "_offsets", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: list[str] | None = None
        self._offsets: list[int] | None = None
        self._by_line: dict[int, dict[str, list[int]]] = {}

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            # lxml counts "\n" only; splitlines() would also split on \x0b, \x85, \u2028...
            self._lines = [line.removesuffix("\r") for line in self.text.split("\n")]
        return self._lines

    def line(self, number: int) -> str:
        lines = self.lines
        return lines[number - 1] if 1 <= number <= len(lines) else ""

    @property
    def offsets(self) -> list[int]:
        """The offset where each line starts (and one past the end)."""
        if self._offsets is None:
            lengths = map((1).__add__, map(len, self.text.split("\n")))  # each line and its "\n"
            self._offsets = list(itertools.accumulate(lengths, initial=0))
        return self._offsets

    def offset_of_line(self, number: int) -> int:
        offsets = self.offsets
        return offsets[max(0, min(number - 1, len(offsets) - 1))]

    def line_at(self, offset: int) -> int:
        return bisect.bisect_right(self.offsets, offset)

    def locate(self, mark: Mark) -> Location:
        """Where `mark` starts and ends: an element's start tag, a comment, or the word, quoted string or
        rest of the line at a position a reader gave (a script's call, a JSON value, a parser error)."""
        start = self.start_of(mark)
        if start is None:
            if mark.column or not mark.tag:
                line, column = max(mark.line, 1), max(mark.column, 1)
                return Location(mark.path, line, column, line, column)
            return Location(mark.path, mark.line, 1, mark.line, 1)
        end = self._end_of(mark, start)
        line, end_line = self.line_at(start), self.line_at(end)
        column = start - self.offset_of_line(line) + 1
        end_column = end - self.offset_of_line(end_line) + 1
        return Location(mark.path, line, column, end_line, end_column)

    def start_of(self, mark: Mark) -> int | None:
        """The offset where `mark` starts in the text; None when the text does not show it there."""
        if mark.column:
            if not 1 <= mark.line < len(self.offsets) or mark.column - 1 > len(self.line(mark.line)):
                return None
            start = self.offset_of_line(mark.line) + mark.column - 1
            # A far element's mark has its exact column (see readers.xml): it must show its tag there.
            if mark.tag and not self.text.startswith("<" + mark.tag, start):
                return None
            return start
        return self._find_start_tag(mark) if mark.tag else None

    def _end_of(self, mark: Mark, start: int) -> int:
        if mark.tag == "!--":
            return scan.comment_end(self.text, start)
        if mark.tag:
            return scan.start_tag_end(self.text, start)
        return scan.token_end(self.text, start, self.offset_of_line(self.line_at(start) + 1) - 1)

    def resolve(self, fix: Fix) -> Fix | None:
        """`fix` with each edit's span found in the text; None when one of them cannot be placed (the
        element is not where its mark says, or is not of the shape the edit needs)."""
        edits = []
        for edit in fix.edits:
            span = self._span(edit)
            if span is None:
                return None
            edits.append(replace(edit, start=span[0], end=span[1]))
        return replace(fix, edits=tuple(edits))

    def _span(self, edit: Edit) -> tuple[int, int] | None:
        if not edit.mark.tag or edit.mark.tag == "!--":
            return None  # only elements are edited: a script or a JSON value has no stated shape here
        start = self.start_of(edit.mark)
        if start is not None and edit.child:
            start = scan.child_start(self.text, start, edit.child)
        if start is None:
            return None
        if edit.part is Part.TEXT:
            return scan.text_span(self.text, start)
        end = scan.element_end(self.text, start)
        if end is None:
            return None
        return scan.whole_lines(self.text, start, end) if not edit.replacement else (start, end)

    def _find_start_tag(self, mark: Mark) -> int | None:
        """The offset of the `<` of the start tag of `mark`: among the `<tag` openings whose tag ends on
        `mark.line`, in document order, the `mark.nth` one."""
        starts = self._starts_ending_on(mark.line).get(mark.tag)
        return starts[min(mark.nth, len(starts) - 1)] if starts else None

    def _starts_ending_on(self, line: int) -> dict[str, list[int]]:
        """Every start tag whose `>` is on `line`, by tag as written, in document order. Found once per
        line, whatever the number of findings on it (a file written on one line has them all there)."""
        found = self._by_line.get(line)
        if found is not None:
            return found
        found = {}
        end_of_line = self.offset_of_line(line + 1)
        next_open = end_of_line
        for match in _reverse_finditer(_START_TAG, self.text, end_of_line):
            # Well-formed XML has no `<` inside a start tag, so its `>` comes before the next `<`: the
            # search never runs past the tag that follows, and the whole scan is linear in the line.
            # A comment is marked on the line where it starts (readers mark suppression comments so).
            comment = match.group(1) == "!--"
            tag_end = match.start() if comment else self.text.find(">", match.start(), next_open)
            next_open = match.start()
            tag_end_line = self.line_at(tag_end) if tag_end >= 0 else line
            if tag_end_line < line:
                break
            if tag_end_line == line:
                found.setdefault(match.group(1), []).append(match.start())
        for starts in found.values():
            starts.reverse()
        self._by_line[line] = found
        return found


# A start tag's `<` and its name as written (prefix included), or a comment's `<!--`; not CDATA nor declarations.
_START_TAG = re.compile(r"<(!--|[^\s/>!?<]+)")


def _reverse_finditer(
    pattern: re.Pattern[str], text: str, end: int, window: int = 128
) -> Iterator[re.Match[str]]:
    """Matches of `pattern` ending before `end`, last first, scanning back a window at a time. The window
    doubles each step: a typical line is found in the first, and a long one costs twice its length."""
    stop = end
    while stop > 0:
        start = max(0, stop - window)
        # Overlap by the pattern's reach so a match across the window edge is not lost.
        chunk_end = min(end, stop + 256)
        found = [m for m in pattern.finditer(text, start, chunk_end) if m.start() < stop]
        yield from reversed(found)
        stop = start
        window = min(window * 2, 1 << 16)
