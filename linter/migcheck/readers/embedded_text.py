"""Documents carried as string literals inside another file (a .netcfg in an export's JSON string, a
.cscfg in a template's `configuration`), each element marked where the literal writes its `<` in the file
(escapes counted: `\\"`, `\\n`, `\\u003c`; a Bicep string's `\\'`, `\\${`), so that a finding points into
the literal. The mark of an attribute's value or of an element's text (`AttributeMark`, `TextMark`) is placed
at its first character as the literal writes it. Marks carry no tag: an edit of a fix would change the
literal's escapes, so the file is edited nowhere."""

from __future__ import annotations

import bisect

from migcheck.model import AttributeMark, Mark, TextMark
from migcheck.scan import attribute_values, child_start, markup, start_tag_end, text_span


class Placed:
    """Where the elements of an XML document a string literal holds are written in the file that holds the
    literal: `offsets` gives, for each character of the decoded text `xml`, where the file writes it (None
    when that cannot be told: every element is then marked at `at`, the literal's mark, which is at
    `opening`, its first delimiter). A literal may run over several lines (a Bicep `'''` string): the
    file's line breaks inside it are found once, so a mark costs a look-up, not a count."""

    def __init__(self, xml: str, text: str, at: Mark, opening: int, offsets: list[int] | None) -> None:
        self.path = at.path
        self.xml = xml
        self.at = at
        self.offsets, self.quote = offsets, opening
        self.breaks = [i for i, char in enumerate(xml) if char == "\n"]
        self.starts = _start_tags(xml, self.breaks) if offsets is not None else {}
        last = offsets[-1] if offsets else opening
        # The file's line breaks inside the literal, where its characters are written.
        self.file_breaks = [i for i in range(opening, last) if text[i] == "\n"] if offsets else []

    def mark(self, mark: Mark) -> Mark:
        """The mark of an element of the configuration at its `<` in the export (see the module's doc), or
        at the string when the export does not show it there."""
        start = self._start(mark)
        if start is None or self.offsets is None:
            return self.at
        if type(mark) in (AttributeMark, TextMark):
            start = self._value_start(mark, start)
        return self._at_offset(self.offsets[start])

    def _at_offset(self, offset: int) -> Mark:
        """The mark of an offset of the file inside the literal: lines counted from the literal's own."""
        lines = bisect.bisect_left(self.file_breaks, offset)
        if not lines:
            return Mark(self.path, self.at.line, column=self.at.column + offset - self.quote)
        return Mark(self.path, self.at.line + lines, column=offset - self.file_breaks[lines - 1])

    def _value_start(self, mark: Mark, start: int) -> int:
        """The offset in the string of the first character of the attribute's value or the element's text
        that `mark` is of, in the element whose `<` is at `start`; `start` where the element does not
        write it (the element is marked instead)."""
        if isinstance(mark, AttributeMark):
            values = attribute_values(self.xml, start, start_tag_end(self.xml, start))
            value = values.get(mark.attribute.lower())
        else:
            at = (
                child_start(self.xml, start, mark.child)
                if isinstance(mark, TextMark) and mark.child
                else start
            )
            value = text_span(self.xml, at) if at is not None else None
            value = value if value is not None and value[0] < value[1] else None
        return start if value is None else value[0]

    def _start(self, mark: Mark) -> int | None:
        """The offset in the string of the `<` of the element `mark` marks; None when it is not known."""
        if mark.column:  # a far element's exact position (see `readers.xml.Marker`)
            line_start = self.breaks[mark.line - 2] + 1 if 1 < mark.line <= len(self.breaks) + 1 else 0
            return line_start + mark.column - 1 if mark.line >= 1 else None
        starts = self.starts.get((mark.line, mark.tag))
        return starts[min(mark.nth, len(starts) - 1)] if starts else None


def _start_tags(xml: str, breaks: list[int]) -> dict[tuple[int, str], list[int]]:
    """Each start tag's `<` in the text, by the line its `>` is on (as lxml counts lines, and so the XML
    reader's marks) and its tag as written, in document order: one pass over the text's tags."""
    found: dict[tuple[int, str], list[int]] = {}
    for kind, start, end in markup(xml, 0):
        if kind == "end":
            continue
        name_end = start + 1
        while name_end < end and xml[name_end] not in " \t\r\n/>":
            name_end += 1
        line = bisect.bisect_left(breaks, end - 1) + 1
        found.setdefault((line, xml[start + 1 : name_end]), []).append(start)
    return found


def json_string_offsets(text: str, quote: int, length: int) -> list[int] | None:
    """Where the JSON string literal that opens at `quote` in `text` writes each of the `length` characters
    it decodes to; None when it is not such a literal. An escape writes one character (`\\uD83D\\uDE00`,
    a surrogate pair, one as JSON decodes it)."""
    if not text.startswith('"', quote):
        return None
    offsets: list[int] = []
    at = quote + 1
    while len(offsets) < length:
        if at >= len(text) or text[at] == '"':
            return None
        offsets.append(at)
        if text[at] != "\\":
            at += 1
        elif text.startswith("u", at + 1):
            at += 6 if not _pair_at(text, at) else 12
        else:
            at += 2
    return offsets if text.startswith('"', at) else None


def _pair_at(text: str, at: int) -> bool:
    """Whether the `\\u` escape at `at` and the one after it are a surrogate pair (one character)."""
    first, second = text[at + 2 : at + 6], text[at + 8 : at + 12]
    if not text.startswith("\\u", at + 6) or not (_is_hex(first) and _is_hex(second)):
        return False
    return 0xD800 <= int(first, 16) <= 0xDBFF and 0xDC00 <= int(second, 16) <= 0xDFFF


def _is_hex(digits: str) -> bool:
    return len(digits) == 4 and all(d in "0123456789abcdefABCDEF" for d in digits)


def bicep_string_offsets(text: str, opening: int, value: str) -> list[int] | None:
    """Where the Bicep string literal that opens at `opening` in `text` writes each character of `value`,
    the text it decodes to; None when it is not such a literal or decodes to other text (an interpolation
    `${...}` is worked out, not written). A `'''` string is written as it is, its first line break
    after the opening left out."""
    if text.startswith("'''", opening):
        end = text.find("'''", opening + 3)
        start = opening + 3
        for skipped in ("\r\n", "\n"):
            if end - start > len(value) and text.startswith(skipped, start):
                start += len(skipped)
        if end < 0 or end - start != len(value) or not text.startswith(value, start):
            return None
        return list(range(start, end))
    if not text.startswith("'", opening):
        return None
    offsets: list[int] = []
    at = opening + 1
    while len(offsets) < len(value):
        if at >= len(text) or text[at] in "'\n" or text.startswith("${", at):
            return None
        offsets.append(at)
        if text[at] != "\\":
            at += 1
        elif text.startswith("u{", at + 1):
            close = text.find("}", at + 3, at + 12)
            if close < 0:
                return None
            at = close + 1
        else:
            at += 2
    return offsets if text.startswith("'", at) else None
