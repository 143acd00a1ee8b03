"""`Get-AzureVNetConfig | ConvertTo-Json`: a `VirtualNetworkConfigContext`, whose `XMLConfiguration` is the
subscription's network configuration, the text of a .netcfg, as one JSON string. It is read as a .netcfg
is (`readers.netcfg`), and each element it describes is marked where the string writes the element's `<`
in the export (escapes counted: `\\"`, `\\r\\n`, `\\u003c`), so that a finding points into the string; one
the string does not show so is marked at the string. The mark of an attribute's value or of an element's
text (`AttributeMark`, `TextMark`: a reference's name, an affinity group) is placed at its first character
as the string writes it, as in a .netcfg. Marks carry no tag: an edit of a fix would change the
JSON's escapes, so the export is edited nowhere."""

from __future__ import annotations

import bisect

from migcheck.model import AttributeMark, Mark, TextMark
from migcheck.readers import netcfg
from migcheck.readers.inventory_shapes import Spots, get
from migcheck.readers.xml import Element, Marker, Unreadable, local_name, parse
from migcheck.scan import attribute_values, child_start, markup, start_tag_end, text_span

_KEY = "XMLConfiguration"


def network_configuration(obj: dict, spots: Spots) -> tuple[object, ...]:
    """The network configuration the object's `XMLConfiguration` holds, marked in the export; nothing when
    the string is no network configuration (not XML, or another document)."""
    xml = get(obj, _KEY)
    if not isinstance(xml, str):
        return ()
    root = _root(xml)
    if root is None:
        return ()
    from migcheck.readers.python_script import remarked

    place = _Placed(xml, spots)
    return tuple(remarked(record, place.mark) for record in netcfg.read(root, Marker(spots.mark.path, xml)))


def _root(xml: str) -> Element | None:
    """The root of a network configuration's text; None for any other text."""
    if "<" not in xml:
        return None
    try:
        root = parse(xml.encode("utf-8"), xml)
    except (Unreadable, ValueError):
        return None
    return root if local_name(root) == "NetworkConfiguration" else None


class _Placed:
    """Where the elements of the configuration the string holds are written in the export."""

    def __init__(self, xml: str, spots: Spots) -> None:
        self.path = spots.mark.path
        self.xml = xml
        self.at = spots.value(_KEY)  # the string's opening quote, or the object's mark
        quote = spots.value_offset(_KEY)
        found = _written_at(spots.text, quote, len(xml)) if quote >= 0 else None
        # For each character of the string, where the export writes it; None when it cannot be told.
        self.offsets, self.quote = found, quote
        self.breaks = [i for i, char in enumerate(xml) if char == "\n"]
        self.starts = _start_tags(xml, self.breaks) if found is not None else {}

    def mark(self, mark: Mark) -> Mark:
        """The mark of an element of the configuration at its `<` in the export (see the module's doc), or
        at the string when the export does not show it there."""
        start = self._start(mark)
        if start is None or self.offsets is None:
            return self.at
        if type(mark) in (AttributeMark, TextMark):
            start = self._value_start(mark, start)
        return Mark(self.path, self.at.line, column=self.at.column + self.offsets[start] - self.quote)

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


def _written_at(text: str, quote: int, length: int) -> list[int] | None:
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
