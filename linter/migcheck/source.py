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
from typing import Protocol

from migcheck import scan
from migcheck.model import AttributeMark, CommentMark, Edit, Fix, Location, Mark, Part, ShownMark, TextMark


class Lines(Protocol):
    """What shows the lines of a file: its `SourceText`, or the few of them a report shows (`migcheck.texts`)."""

    def line(self, number: int) -> str: ...


class SourceText:
    r"""The decoded text of one file, split into lines lazily.

    Lines are counted two ways, which differ only in a text with a lone carriage return (classic Mac OS
    line endings, `\r` not followed by `\n`). A reader's `Mark` counts lines as its parser does: lxml,
    tree-sitter and the JSON and comment scanners count `\n` only; Python's `ast` counts every ending
    (`every_ending`). What is shown — a `Location`, `lines`, `line`, `offsets`, `line_at` — counts every
    ending (`\r\n`, `\r`, `\n`), as editors and LSP clients do. Whether the text holds a lone `\r` is
    found once, when a mark is first placed; a text without one is placed as it always was."""

    __slots__ = (
        "_as_shown",
        "_asked",
        "_attributes",
        "_by_line",
        "_configuration",
        "_counted",
        "_every_ending",
        "_found_lines",
        "_found_starts",
        "_lines",
        "_lone_cr",
        "_newline_offsets",
        "_offsets",
        "_script",
        "_shell",
        "_skipped",
        "_skipped_to",
        "_tag_ends",
        "text",
    )

    def __init__(
        self,
        text: str,
        *,
        every_ending: bool = False,
        script: bool = False,
        configuration: bool = False,
        shell: bool = False,
    ) -> None:
        self.text = text
        self._every_ending = every_ending  # marks count every line ending, not `\n` only
        # A script's text: fixes are made in the classic files checked, never in a script (`resolve`).
        self._script = script
        # A Terraform configuration's: read as a script is, but its values are written in quotes, once
        # each, so a fix that replaces a value it writes is placed (`_quoted_span`), and no other.
        self._configuration = configuration
        # A shell script's (or a file of shell steps'): a word runs on across the quoted parts it is joined
        # to (`app"-vnet"`), as the shell reads it (`_token_end`).
        self._shell = shell
        # See `has_lone_cr` and `_marks_as_shown`: a text with no "\r" at all, most of them, is known here
        # to be shown as its marks count it, for the cost of one search in C.
        no_cr = "\r" not in text
        self._lone_cr: bool | None = False if no_cr else None
        self._as_shown: bool | None = True if no_cr or every_ending else None
        self._lines: list[str] | None = None
        self._offsets: list[int] | None = None  # where each line starts, as shown
        self._newline_offsets: list[int] | None = None  # where each `\n` line starts (see `_mark_offsets`)
        self._asked: dict[int, tuple[int, int]] = {}  # line number: (start, end), see `_bounds`
        self._found_lines: list[int] = []  # the numbers of the lines `_bounds` counted to, in order,
        self._found_starts: list[int] = []  # and where each starts
        self._counted = 0  # how much text `_bounds` counted line endings in, and lines it moved to insert one
        self._by_line: dict[int, dict[str, list[int]]] = {}
        self._skipped: list[tuple[int, int]] = []  # see `_skipped_before`
        self._skipped_to = 0  # how far they have been found
        # Where the start tags `_starts_ending_on` found end (`scan.start_tag_end`), by their `<`: a finding
        # located there is given its end without the tag being scanned again.
        self._tag_ends: dict[int, int] = {}
        # The values of the attributes of each start tag a finding about an attribute was located in, by
        # its `<`: a tag is scanned once, whatever the number of such findings.
        self._attributes: dict[int, dict[str, tuple[int, int]]] = {}

    def has_lone_cr(self) -> bool:
        r"""Whether a `\r` ends a line on its own somewhere: then lines as shown are not `\n` lines. Two
        scans in C at most, once per text; a text with no `\r` at all is scanned once."""
        lone = self._lone_cr
        if lone is None:
            text = self.text
            lone = self._lone_cr = "\r" in text and text.count("\r") != text.count("\r\n")
        return lone

    def _marks_as_shown(self) -> bool:
        r"""Whether a mark's line is the line shown (nearly always): no lone `\r`, or a reader that counts
        it as a line ending too."""
        as_shown = self._as_shown
        if as_shown is None:
            as_shown = self._as_shown = self._every_ending or not self.has_lone_cr()
        return as_shown

    @property
    def lines(self) -> list[str]:
        """Every line as shown, without its line ending."""
        if self._lines is None:
            if self.has_lone_cr():
                offsets, text = self.offsets, self.text
                self._lines = [
                    text[start : end - 1].removesuffix("\r") for start, end in itertools.pairwise(offsets)
                ]
            else:
                # lxml counts "\n" only; splitlines() would also split on \x0b, \x85, \u2028...
                self._lines = [line.removesuffix("\r") for line in self.text.split("\n")]
        return self._lines

    def line(self, number: int) -> str:
        """Line `number` as shown, without its line ending; "" past the end. Cut out of the text: one line
        asked for does not split the whole text into lines."""
        if self._lines is not None:
            return self._lines[number - 1] if 1 <= number <= len(self._lines) else ""
        if self._lone_cr or (self._lone_cr is None and self.has_lone_cr()):
            lines = self.lines
            return lines[number - 1] if 1 <= number <= len(lines) else ""
        start, end = self._bounds(number)
        if number < 1 or start > len(self.text):
            return ""
        return self.text[start : end - 1].removesuffix("\r")

    @property
    def offsets(self) -> list[int]:
        """The offset where each line as shown starts (and one past the end)."""
        offsets = self._offsets
        if offsets is None:
            if self.has_lone_cr():
                # Each ending made one "\n" in its last character, offsets kept: "\r\n" → " \n", "\r" → "\n".
                offsets = _line_offsets(self.text.replace("\r\n", " \n").replace("\r", "\n"))
            else:
                offsets = self._newline_offsets or _line_offsets(self.text)
            self._offsets = offsets
        return offsets

    def offset_of_line(self, number: int) -> int:
        offsets = self.offsets
        return offsets[max(0, min(number - 1, len(offsets) - 1))]

    def line_at(self, offset: int) -> int:
        return bisect.bisect_right(self.offsets, offset)

    def _mark_offsets(self) -> list[int]:
        r"""The offset where each line a mark counts starts: `offsets`, unless the reader counted `\n` only
        in a text with a lone `\r`."""
        if self._marks_as_shown():
            return self.offsets
        if self._newline_offsets is None:
            self._newline_offsets = _line_offsets(self.text)
        return self._newline_offsets

    def _bounds(self, number: int) -> tuple[int, int]:
        r"""(start, end) of line `number` as marks count it: where the line starts, and where the next one
        does (one past the end of the text after the last line).

        A line near the start is found by splitting the text as far as it; the others by counting line
        endings in C from the nearest line found before (`_skip_lines`), without the offsets of every
        line: findings are located in the order of their lines (`migcheck.engine`), and finding where
        each of the 1.4 million lines of a 50 MB inventory export starts cost half the instructions of
        locating its 20,000 findings. Past a count of text of a few times the file's length (lines asked
        for out of order), the offsets of every line are found, once. (Counting finds `\n` lines: a reader that counts every ending is given the offsets of every
        line when the text has a lone `\r`.)"""
        if self._offsets is None and self._newline_offsets is None:
            asked = self._asked
            bounds = asked.get(number)
            if bounds is not None:
                return bounds
            if self._counted <= _SKIP_FOR * len(self.text) and not (
                self._every_ending and self.has_lone_cr()
            ):
                bounds = asked[number] = self._counted_bounds(number)
                return bounds
        offsets = self._mark_offsets()
        last = len(offsets) - 1
        return offsets[max(0, min(number - 1, last))], offsets[max(0, min(number, last))]

    def _counted_bounds(self, number: int) -> tuple[int, int]:
        """`_bounds(number)` found from the nearest line found before it (`_found_lines`)."""
        text = self.text
        if number < 1:
            return 0, 0
        lines, starts = self._found_lines, self._found_starts
        at = bisect.bisect_right(lines, number)
        if not at and number <= _SPLIT_UP_TO:  # near the start, and no line found before it
            bounds = _split_to(text, number)
            self._counted += min(bounds[1], len(text))  # the text split, as if counted
            return bounds
        from_line, from_start = (lines[at - 1], starts[at - 1]) if at else (1, 0)
        # The lines skipped are taken to be as long as those before them, a little longer.
        length = from_start // (from_line - 1) + 1 if from_line > 1 else _LENGTH_GUESS
        start = _skip_lines(text, from_start, number - from_line, length)
        if start > len(text):
            self._counted += start - from_start
            return start, start  # past the last line
        if from_line != number:
            lines.insert(at, number)
            starts.insert(at, start)
        # Lines asked for out of order cost the lines moved to insert them, as well as the text counted
        # again: both are bounded before the offsets of every line are found instead.
        self._counted += start - from_start + len(lines) - at
        newline = text.find("\n", start)
        return start, (len(text) if newline < 0 else newline) + 1

    def _position(self, offset: int, near: int) -> tuple[int, int]:
        """(line, column) as shown of `offset`, which is most often on line `near` (as marks count it)."""
        if self._marks_as_shown():
            start, end = self._bounds(near)
            if start <= offset < end:
                return near, offset - start + 1
        line = self.line_at(offset)
        return line, offset - self.offset_of_line(line) + 1

    def _shown_line(self, number: int) -> int:
        """The line as shown where line `number`, as marks count it, starts."""
        if self._marks_as_shown():
            return number
        return self.line_at(self._bounds(number)[0]) if number >= 1 else number

    def locate(self, mark: Mark) -> Location:
        """Where `mark` starts and ends, as shown: an element's start tag, a comment, or the word, quoted
        string or rest of the line at a position a reader gave (a script's call, a JSON value, a parser
        error)."""
        if type(mark) is ShownMark:
            return self.locate(Mark(mark.path, mark.shown_line, column=mark.shown_column))
        # The marked line's bounds are found once here, for the start, the end and the columns: asked of
        # `_bounds` by each, they were five look-ups a finding.
        bounds = self._bounds(mark.line) if mark.column else None
        start = self._start_at_column(mark, bounds) if bounds is not None else self.start_of(mark)
        if start is not None and type(mark) is CommentMark:
            line, column = self._position(start, mark.line)
            end_line, end_column = self._position(self._comment_end(start), mark.line)
            return Location(mark.path, line, column, end_line, end_column)
        if start is not None and type(mark) in (AttributeMark, TextMark):
            value = (
                self._attribute_value(mark, start)
                if isinstance(mark, AttributeMark)
                else self._text(start, mark.child if isinstance(mark, TextMark) else "")
            )
            if value is not None:
                line, column = self._position(value[0], mark.line)
                end_line, end_column = self._position(value[1], mark.line)
                return Location(mark.path, line, column, end_line, end_column)
        if start is None:
            line = self._shown_line(mark.line)
            if mark.column or not mark.tag:
                line, column = max(line, 1), max(mark.column, 1)
                return Location(mark.path, line, column, line, column)
            return Location(mark.path, line, 1, line, 1)
        end = None
        if self._as_shown or (self._as_shown is None and self._marks_as_shown()):
            line_start, next_line = bounds or self._bounds(mark.line)
            if line_start <= start < next_line:  # on the marked line, as nearly always
                end = self._end_on_line(mark, start, next_line)
                if end < next_line:
                    return Location(
                        mark.path, mark.line, start - line_start + 1, mark.line, end - line_start + 1
                    )
        # A start tag written over several lines, a mark the reader placed elsewhere, or lines the reader
        # counted otherwise than they are shown.
        if end is None:
            end = self._end_of(mark, start)
        line, column = self._position(start, mark.line)
        end_line, end_column = self._position(end, mark.line)
        return Location(mark.path, line, column, end_line, end_column)

    def _comment_end(self, start: int) -> int:
        """The end of the comment whose opener is at `start`: past its `-->` (XML) or `#>` (a PowerShell
        block), else the end of its line, trailing blanks left out (a line comment)."""
        text = self.text
        if text.startswith("<!--", start):
            return scan.comment_end(text, start)
        close = text.find("#>", start + 2) if text.startswith("<#", start) else -1
        if close >= 0:
            return close + 2
        newline = text.find("\n", start)
        stop = len(text) if newline < 0 else newline
        lone = text.find("\r", start, stop)  # a line ending too; looked for on this line only: linear
        return start + len(text[start : stop if lone < 0 else lone].rstrip())

    def _attribute_value(self, mark: AttributeMark, start: int) -> tuple[int, int] | None:
        """(start, end) of the value of `mark`'s attribute in the start tag at `start`; None where the tag
        does not write it (the element is located instead)."""
        values = self._attributes.get(start)
        if values is None:
            values = self._attributes[start] = scan.attribute_values(self.text, start, self._tag_end(start))
        return values.get(mark.attribute.lower())

    def _tag_end(self, start: int) -> int:
        """`scan.start_tag_end` of the start tag at `start`, found once."""
        end = self._tag_ends.get(start)
        if end is None:
            end = self._tag_ends[start] = scan.start_tag_end(self.text, start)
        return end

    def _text(self, start: int, child: str) -> tuple[int, int] | None:
        """(start, end) of the text of the element whose `<` is at `start`, or of its first child `child`;
        None where it holds anything but text, or none (the element is located instead)."""
        at = scan.child_start(self.text, start, child) if child else start
        span = scan.text_span(self.text, at) if at is not None else None
        return span if span is not None and span[0] < span[1] else None

    def start_of(self, mark: Mark) -> int | None:
        """The offset where `mark` starts in the text; None when the text does not show it there."""
        if mark.column:
            return self._start_at_column(mark, self._bounds(mark.line))
        return self._find_start_tag(mark) if mark.tag else None

    def _start_at_column(self, mark: Mark, bounds: tuple[int, int]) -> int | None:
        """`start_of` a mark with a column, on the line whose `_bounds` are `bounds`."""
        line_start, next_line = bounds
        if mark.line < 1 or line_start > len(self.text):
            return None  # no such line
        line_end = next_line - 1
        if line_end > line_start and self.text[line_end - 1] == "\r":
            line_end -= 1  # as `line` shows it, without the "\r" of a CRLF
        start = line_start + mark.column - 1
        if start > line_end:
            return None
        # A far element's mark has its exact column (see readers.xml): it must show its tag there.
        if mark.tag and not self.text.startswith("<" + mark.tag, start):
            return None
        return start

    def _end_on_line(self, mark: Mark, start: int, next_line: int) -> int:
        """`_end_of` a mark whose start is on its line as shown, which starts `next_line` the line after."""
        if mark.tag:
            return self._end_of(mark, start)
        return self._token_end(start, next_line - 1)

    def _token_end(self, start: int, line_end: int) -> int:
        """`scan.token_end`, but a Terraform value, which its reader marks at its opening quote, ends past its
        closing quote, past the strings of the templates in it (`"${lookup(var.m, "k")}-web"`), as every
        format shows a quoted value. A word of a provisioner's command is marked at the word, inside the
        quotes, and shown as a word of a script. A shell word goes on across the quoted and bare parts joined
        to it (`"app"-vnet`, `web"$i"`)."""
        if self._configuration and self.text[start : start + 1] == '"':
            end = scan.quoted_value_end(self.text, start + 1, line_end)
            if end is not None:
                return end + 1
        end = scan.token_end(self.text, start, line_end)
        return scan.joined_word_end(self.text, start, end, line_end) if self._shell else end

    def _end_of(self, mark: Mark, start: int) -> int:
        if mark.tag == "!--":
            return scan.comment_end(self.text, start)
        if mark.tag:
            end = self._tag_ends.get(start)
            return scan.start_tag_end(self.text, start) if end is None else end
        if self._marks_as_shown():
            line, _ = self._position(start, mark.line)
            return self._token_end(start, self._bounds(line)[1] - 1)
        return self._token_end(start, self.offset_of_line(self.line_at(start) + 1) - 1)

    def resolve(self, fix: Fix) -> Fix | None:
        """`fix` with each edit's span found in the text; None when one of them cannot be placed (the
        element is not where its mark says, or is not of the shape the edit needs), and in a script's text:
        a script is reported, not rewritten, as XML it holds in a string may be signed with the script or
        built by it at run time."""
        if self._script and not self._configuration:
            return None
        edits = []
        for edit in fix.edits:
            span = self._span(edit)
            if span is None:
                return None
            edits.append(replace(edit, start=span[0], end=span[1]))
        return replace(fix, edits=tuple(edits))

    def _span(self, edit: Edit) -> tuple[int, int] | None:
        if self._configuration:
            return self._quoted_span(edit)
        if not edit.mark.tag and edit.written:  # a value a template or Bicep file writes in quotes
            from migcheck.fixes import template_value_span

            return template_value_span(self.text, self.start_of(edit.mark), edit)
        if not edit.mark.tag or edit.mark.tag == "!--":
            return None  # only elements are edited: a script or a JSON value has no stated shape here
        start = self.start_of(edit.mark)
        if start is not None and edit.child:
            start = scan.child_start(self.text, start, edit.child)
        if start is None:
            return None
        if edit.part is Part.TEXT:
            return scan.text_span(self.text, start)
        if edit.part is Part.ATTRIBUTE:
            if not isinstance(edit.mark, AttributeMark):
                return None
            return scan.attribute_span(self.text, start, self._tag_end(start), edit.mark.attribute.lower())
        end = scan.element_end(self.text, start)
        if end is None:
            return None
        return scan.whole_lines(self.text, start, end) if not edit.replacement else (start, end)

    def _quoted_span(self, edit: Edit) -> tuple[int, int] | None:
        """Where a configuration writes the value an edit replaces: its text `written` whole between the
        quotes of the string whose opening quote is the edit's mark, the quotes kept. Anything else there (a
        value built of several, a variable the value comes from, XML a heredoc holds) is not edited."""
        if not edit.written or edit.mark.tag or edit.part is not Part.TEXT:
            return None
        quote = self.start_of(edit.mark)
        if quote is None:
            return None
        start, end = quote + 1, quote + 1 + len(edit.written)
        quoted = self.text[quote:start] == '"' and self.text[end : end + 1] == '"'
        return (start, end) if quoted and self.text[start:end] == edit.written else None

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
        start_of_line, end_of_line = self._bounds(line)
        found = self._starts_on_line(start_of_line, end_of_line)
        if found is None:
            found = self._starts_ending_before(start_of_line, end_of_line)
        self._by_line[line] = found
        return found

    def _starts_on_line(self, start: int, end: int) -> dict[str, list[int]] | None:
        """`_starts_ending_on` the line from `start` to `end` (the next line's start) found on the line alone,
        forward, where it can be: where every start tag ending on the line begins on it, and the line shows
        no end nor start of a comment, CDATA section or processing instruction. A line with none of those
        is wholly in one or wholly out of it, and one on which a start tag ends is out: none of its `<` is
        text, and the comments and the like before it need not be found. None elsewhere (the line ends a
        tag begun on an earlier one, or begins one it does not end, or shows one of those)."""
        text = self.text
        first = text.find("<", start, end)
        if (
            first < 0
            or text.find(">", start, first) >= 0
            or text.rfind("<", 0, start) > text.rfind(">", 0, start)
        ):
            return None  # no tag on it, or one begun on an earlier line is not closed before it
        shown = text[first:end]
        if "<!" in shown or "<?" in shown or "-->" in shown or "]]>" in shown or "?>" in shown:
            return None
        found: dict[str, list[int]] = {}
        opening = first
        while opening >= 0:
            match = _START_TAG.match(text, opening, end)
            if match is not None:
                tag_end = self._tag_ends[opening] = scan.start_tag_end(text, opening)
                if tag_end > end or not text.startswith(">", tag_end - 1):
                    return None  # it ends on a later line, or is cut short
                found.setdefault(match.group(1), []).append(opening)
            opening = text.find("<", opening + 1, end)
        return found

    def _starts_ending_before(self, start_of_line: int, end_of_line: int) -> dict[str, list[int]]:
        """`_starts_ending_on` the line from `start_of_line` to `end_of_line`, found back from its end."""
        found: dict[str, list[int]] = {}
        text = self.text
        next_open = end_of_line
        skipped = self._skipped_before(end_of_line)
        past_skipped = skipped[-1][1] if skipped else 0  # a tag past them all is in none: most of them
        for opening, tag in _start_tags_back(text, end_of_line):
            if opening < past_skipped and _inside(opening, skipped):
                continue  # `<Role>` written in a comment or a CDATA section is text, not a start tag
            # A comment is marked on the line where it starts (readers mark suppression comments so).
            if tag == "!--":
                tag_end = opening
            else:
                # Where its `>` is, or -1 when it is cut short (a buffer mid-edit). A `>` may sit in a quoted
                # value (`description="a > b"`), a `<` may not: well-formed XML closes the tag before the
                # next `<`, so the scan never runs past the tag that follows, and the whole scan of a line
                # is linear in it.
                end = self._tag_ends[opening] = scan.start_tag_end(text, opening)
                tag_end = end - 1 if end <= next_open and text.startswith(">", end - 1) else -1
            next_open = opening
            if 0 <= tag_end < start_of_line:
                break  # it ends on an earlier line, and so does every tag before it
            # It ends on the line (`find` looks no further than the line's end), or is cut short (a buffer
            # mid-edit) and taken to end there.
            found.setdefault(tag, []).append(opening)
        for starts in found.values():
            starts.reverse()
        return found

    def _skipped_before(self, end: int) -> list[tuple[int, int]]:
        """(start, end) of every comment, CDATA section and processing instruction that opens before `end`
        (and maybe of some after), in order: what is written in them is not markup. Found only as far as
        asked, in one forward pass over the text in all."""
        if self._skipped_to < end:
            self._skipped_to = _find_spans(self.text, self._skipped_to, end, self._skipped)
        return self._skipped


# What opens a comment, a CDATA section or a processing instruction, and what closes each.
_SPAN_OPENING = re.compile(r"<(!--|!\[CDATA\[|\?)")
_SPAN_CLOSING = {"!--": "-->", "![CDATA[": "]]>", "?": "?>"}


def _find_spans(text: str, position: int, end: int, spans: list[tuple[int, int]]) -> int:
    """Add to `spans` those that open from `position` (which is in none) to `end`, by a forward scan, and
    return where the next scan starts. Each search starts where the last span ended, so the scans are
    linear in the text in all (one left open runs to the end, as in a buffer mid-edit)."""
    limit = end + len("<![CDATA[") - 1  # an opening that starts before `end` is seen whole
    while (opening := _SPAN_OPENING.search(text, position, limit)) is not None and opening.start() < end:
        closing = _SPAN_CLOSING[opening.group(1)]
        found = text.find(closing, opening.end())
        position = len(text) if found < 0 else found + len(closing)
        spans.append((opening.start(), position))
    return max(position, end)


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    """Whether `offset` is within one of `spans` (sorted, apart), past its opening `<`."""
    index = bisect.bisect_right(spans, offset, key=_start) - 1
    return index >= 0 and spans[index][0] < offset < spans[index][1]


def _start(span: tuple[int, int]) -> int:
    return span[0]


# A start tag's `<` and its name as written (prefix included), or a comment's `<!--`; not CDATA nor declarations.
_START_TAG = re.compile(r"<(!--|[^\s/>!?<]+)")


# How many `<` that begin no start tag (end tags, CDATA, declarations) `_start_tags_back` passes one at a
# time: more than the end tags between two elements of any real file.
_PASSED_ONE_BY_ONE = 16


def _start_tags_back(text: str, end: int) -> Iterator[tuple[int, str]]:
    """(offset of the `<`, tag as written) of each start tag or comment that begins before `end`, last
    first. One `<` at a time (`rfind`, then the pattern at it), which is the cheapest for the few tags a
    line and the one before it take: a start tag or comment holds no other `<`, so each begins at one.
    Past a run of `<` that begin none (end tags, CDATA: as long as an input makes it), the rest is
    searched by the regular expression engine, a window at a time, rather than a `<` at a time."""
    before, passed = end, 0
    while passed < _PASSED_ONE_BY_ONE:
        opening = text.rfind("<", 0, before)
        if opening < 0:
            return
        before = opening
        match = _START_TAG.match(text, opening, end)
        if match is None:
            passed += 1
        else:
            yield opening, match.group(1)
    for match in _reverse_finditer(_START_TAG, text, before):
        yield match.start(), match.group(1)


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


# How many times its length of text `SourceText._bounds` counts line endings in before it finds the offsets
# of every line: lines asked for in their order take one length at most.
_SKIP_FOR = 3
# How many line endings `_skip_lines` finds one `find` at a time, rather than by counting over a stretch.
_FOUND_ONE_BY_ONE = 8
# Up to which line `SourceText._bounds` finds a line by splitting the text as far as it, cheaper there than
# counting (the findings of most files are on a line or two of their first hundred).
_SPLIT_UP_TO = 100
# How long `_skip_lines` takes the lines of a text to be before any has been found.
_LENGTH_GUESS = 48


def _line_offsets(text: str) -> list[int]:
    r"""The offset where each `\n` line of `text` starts, and one past its end."""
    lengths = map((1).__add__, map(len, text.split("\n")))  # each line and its "\n"
    return list(itertools.accumulate(lengths, initial=0))


def _skip_lines(text: str, start: int, count: int, length: int) -> int:
    r"""Where the line `count` lines after the one at `start` starts (one past the end of `text` past the
    last line), the lines being about `length` long. The `\n` are counted in C over the stretch so many
    lines take; when it held a few too many, the last are found back, one at a time; when it held far too
    many, it is halved (`_halved`); when too few, the next stretch is twice as long a line. The text
    counted is about that skipped, and at most thrice it, whatever the lengths of the lines."""
    end = len(text)
    while count > _FOUND_ONE_BY_ONE:
        stop = min(start + count * length, end)
        held = text.count("\n", start, stop)
        if held < count:
            if stop == end:
                return end + 1
            start, count, length = stop, count - held, 2 * length
        elif held - count < _FOUND_ONE_BY_ONE:
            for _ in range(held - count + 1):
                stop = text.rfind("\n", start, stop)
            return stop + 1
        else:
            start, count = _halved(text, start, stop, count, held)
    for _ in range(count):
        found = text.find("\n", start)
        if found < 0:
            return end + 1
        start = found + 1
    return start


def _halved(text: str, start: int, stop: int, count: int, held: int) -> tuple[int, int]:
    r"""(start, count) of a stretch within `start:stop`, which holds `held` `\n`, whose `count`-th `\n`
    is the one sought, and which holds no more than a few."""
    while held > _FOUND_ONE_BY_ONE:
        middle = (start + stop) // 2
        before = text.count("\n", start, middle)
        if before >= count:
            stop, held = middle, before
        else:
            start, count, held = middle, count - before, held - before
    return start, count


def _split_to(text: str, number: int) -> tuple[int, int]:
    """`SourceText._bounds(number)` found by splitting `text` only as far as line `number` (from 1)."""
    pieces = text.split("\n", number)
    if len(pieces) > number:  # the line ends with a "\n"
        next_line = len(text) - len(pieces[-1])
        return next_line - len(pieces[-2]) - 1, next_line
    past_end = len(text) + 1
    if len(pieces) == number:  # the last line
        return len(text) - len(pieces[-1]), past_end
    return past_end, past_end  # past the last line
