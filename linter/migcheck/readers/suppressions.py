"""Inline suppression comments: `<!-- migcheck: ignore[MIG201] reason -->` before an element covers that
element and everything inside it; `<!-- migcheck: ignore-file[MIG101] reason -->` anywhere covers the file.
Only readers see comments, so they are collected here; the filter stage applies them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from lxml import etree

from migcheck.model import DirectiveComment, Mark, Suppression
from migcheck.readers.xml import LAST_EXACT_LINE, Element, Marker

_DIRECTIVE = re.compile(r"^\s*migcheck:\s*(ignore|ignore-file)\s*\[([^\]]*)\](.*)$", re.S)
_LOOKS_LIKE = re.compile(r"migcheck\s*:|migcheck\s+ignore", re.IGNORECASE)


def read_suppressions(
    root: Element, marker: Marker
) -> tuple[tuple[Suppression, ...], tuple[DirectiveComment, ...]]:
    """The document's suppressions, and every comment that starts like a directive (see `Document`)."""
    spans = _Spans(marker)
    suppressions: list[Suppression] = []
    attempts: list[DirectiveComment] = []
    for at, comment in enumerate(_comments(root)):
        text = xml_comment_text(comment)
        if not starts_like_directive(text):
            continue
        attempts.append(DirectiveComment(text, marker.opener(comment, at)))
        found = _suppression(comment, at, marker, spans)
        if found is not None:
            suppressions.append(found)
    return tuple(suppressions), tuple(attempts)


def _comments(root: Element) -> Iterator[Element]:
    """Comments inside the root element and those before and after it, in document order."""
    yield from reversed([c for c in root.itersiblings(etree.Comment, preceding=True)])
    yield from root.iter(etree.Comment)
    yield from root.itersiblings(etree.Comment)


def starts_like_directive(comment: str) -> bool:
    """Whether a comment's text (without the comment markers) starts like a directive, valid or not:
    `migcheck:` or `migcheck ignore`, in any case. Every reader hands such comments over (see
    `DirectiveComment`); whether one is valid is `directive`'s call."""
    return _LOOKS_LIKE.match(comment.lstrip()) is not None


def xml_comment_text(comment: Element) -> str:
    """An XML comment's text without the `-`s it may start with: `<!--- migcheck: ignore[MIG201] reason -->`,
    a comment styled with a third dash, is a directive as `<!-- migcheck: ... -->` is, applied or reported."""
    return (comment.text or "").lstrip("-")


def line_comment_text(written: str) -> str:
    """A script's line comment (`#` to the end of the line) without the `#`s it starts with: a directive
    styled as scripts often style section comments, `## migcheck: ignore[MIG105] reason`, is read as
    `# migcheck: ...` is, applied or reported, never passed over as prose."""
    return written.lstrip("#")


def directive(comment: str) -> tuple[str, tuple[str, ...], str] | None:
    """A comment's text (without the comment markers) read as a suppression: ("ignore" or "ignore-file",
    the codes, prefixes or names it lists, the reason), or None when it is not one. Every reader's
    comments go through here, so the syntax is the same in XML, scripts and inventories."""
    match = _DIRECTIVE.match(comment)
    if not match:
        return None
    kind, codes_text, reason = match.groups()
    codes = tuple(c.strip() for c in codes_text.split(",") if c.strip())
    return (kind, codes, reason.strip()) if codes else None


def slash_comment_text(written: str) -> str:
    """A `//` or `/* */` comment's text without its markers (and the extra slashes or stars of `/// ...` and
    `/** ... */`): Bicep's and a JSON template's comments."""
    if written.startswith("/*"):
        return written[2:].removesuffix("*/").lstrip("*")
    return written.lstrip("/")


Directive = tuple[str, tuple[str, ...], str]  # what `directive` reads: the kind, the codes, the reason


def gathered(
    comments: Iterable[tuple[str, Mark, Callable[[Directive], Suppression]]],
) -> tuple[tuple[Suppression, ...], tuple[DirectiveComment, ...]]:
    """The suppressions of a file's comments, each given as (its text without the markers, where it is, what
    makes its suppression from the directive it states), and every comment that starts like a directive
    (see `Document`): the one loop of the readers whose comments are not XML's or a script's lines."""
    found: list[Suppression] = []
    marked: list[DirectiveComment] = []
    for written, mark, suppression in comments:
        if not starts_like_directive(written):
            continue
        marked.append(DirectiveComment(written, mark))
        parsed = directive(written)
        if parsed is not None:
            found.append(suppression(parsed))
    return tuple(found), tuple(marked)


def placed(parsed: Directive, mark: Mark, before: str, target: tuple[int, int] | None) -> Suppression:
    """The suppression a directive comment at `mark` states, by where it stands: `ignore-file`, the file; after
    code on its line (`before`, the text of the line before it), that line; on a line of its own, the lines
    (first, last) of what follows it, or nothing where nothing does (the filter reports it)."""
    kind, codes, reason = parsed
    if kind == "ignore-file":
        return Suppression(codes, reason, 0, 0, mark)
    if before.strip():
        return Suppression(codes, reason, mark.line, mark.line, mark)
    if target is None:
        return Suppression.nowhere(codes, reason, mark)
    return Suppression(codes, reason, target[0], target[1], mark)


def _suppression(comment: Element, ordinal: int, marker: Marker, spans: _Spans) -> Suppression | None:
    """The suppression `comment` states, if any; `ordinal` is its place among the document's comments."""
    found = directive(xml_comment_text(comment))
    if found is None:
        return None
    kind, codes, reason = found
    mark = marker.comment(comment, ordinal)
    if kind == "ignore-file":
        return Suppression(codes, reason, 0, 0, mark)
    target = spans.target(comment)
    if target is None:
        return Suppression.nowhere(codes, reason, mark)
    return Suppression(codes, reason, spans.line(target), spans.last_line(target), mark)


class _Spans:
    """The element each comment applies to and the last line it spans, each worked out once: comments
    stacked before one element share both answers, and elements nested in one another share the walk to
    their last element, so the cost is not the number of comments times the lines they cover."""

    def __init__(self, marker: Marker) -> None:
        self._marker = marker
        self._after: dict[Element, Element | None] = {}  # a comment → the first element after it
        self._last: dict[Element, int] = {}  # an element → the start line of its subtree's last element

    def line(self, element: Element) -> int:
        """Where `element` starts: lxml's line, which is exact up to `LAST_EXACT_LINE`, else the marker's."""
        line = element.sourceline or 0
        return line if line < LAST_EXACT_LINE else self._marker.mark(element).line

    def target(self, comment: Element) -> Element | None:
        """The first element among the siblings after `comment`, or None."""
        passed: list[Element] = []  # the comments on the way, which share the answer
        node = comment
        found: Element | None
        while node not in self._after:
            passed.append(node)
            following = node.getnext()
            if following is None or _is_element(following):
                found = following
                break
            node = following
        else:
            found = self._after[node]
        for each in passed:
            self._after[each] = found
        return found

    def last_line(self, element: Element) -> int:
        """The largest start line in `element`'s subtree, itself included: its last element's, as start
        lines never decrease in document order. Down the last children to it: the elements on the way
        share the answer, so nested elements that comments apply to are not walked again."""
        chain: list[Element] = []
        node = element
        while node not in self._last:
            chain.append(node)
            child = next(node.iterchildren(etree.Element, reversed=True), None)
            if child is None:
                line = self.line(node)
                break
            node = child
        else:
            line = self._last[node]
        for each in chain:
            self._last[each] = line
        return line


def _is_element(node: Element) -> bool:
    """An element, not a comment or processing instruction (their tag is a function, not a name)."""
    return isinstance(node.tag, str)
