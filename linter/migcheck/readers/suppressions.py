"""Inline suppression comments: `<!-- migcheck: ignore[MIG201] reason -->` before an element covers that
element and everything inside it; `<!-- migcheck: ignore-file[MIG101] reason -->` anywhere covers the file.
Only readers see comments, so they are collected here; the filter stage applies them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from migcheck.model import Mark, Suppression
from migcheck.readers.xml import LAST_EXACT_LINE, Element, Marker

_DIRECTIVE = re.compile(r"^\s*migcheck:\s*(ignore|ignore-file)\s*\[([^\]]*)\](.*)$", re.S)


def read_suppressions(root: Element, marker: Marker) -> tuple[Suppression, ...]:
    spans = _Spans(marker.text)
    found = (_suppression(comment, marker, spans) for comment in _comments(root))
    return tuple(s for s in found if s is not None)


def _comments(root: Element) -> Iterator[Element]:
    """Comments inside the root element and those before and after it, in document order."""
    yield from reversed([c for c in root.itersiblings(etree.Comment, preceding=True)])
    yield from root.iter(etree.Comment)
    yield from root.itersiblings(etree.Comment)


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


def _suppression(comment: Element, marker: Marker, spans: _Spans) -> Suppression | None:
    found = directive(comment.text or "")
    if found is None:
        return None
    kind, codes, reason = found
    # lxml gives a comment the line where it ends; the mark should point at its `<!--`.
    line = (comment.sourceline or 1) - (comment.text or "").count("\n")
    mark = Mark(marker.path, max(line, 1), "!--")
    if kind == "ignore-file":
        return Suppression(codes, reason, 0, 0, mark)
    target = spans.target(comment)
    if target is None:
        return None
    return Suppression(codes, reason, target.sourceline or 0, spans.last_line(target), mark)


class _Spans:
    """The element each comment applies to and the last line it spans, each worked out once: comments
    stacked before one element share both answers, and elements nested in one another share the walk to
    their last element, so the cost is not the number of comments times the lines they cover."""

    def __init__(self, text: str) -> None:
        self._after: dict[Element, Element | None] = {}  # a comment → the first element after it
        self._last: dict[Element, int] = {}  # an element → the largest start line in its subtree
        # Below `LAST_EXACT_LINE`, lxml's lines are exact and so never decrease in document order: the
        # largest in a subtree is its last element's. Past it they are approximate (an element may show a
        # neighbour's line), and every element of the subtree is asked. Both \r and \n are counted, as
        # either may end a line: the count is an upper bound. No text: not known to be short.
        self._exact = bool(text) and text.count("\n") + text.count("\r") + 1 < LAST_EXACT_LINE

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
        """The largest start line in `element`'s subtree, itself included."""
        if not self._exact:
            if element not in self._last:
                self._last[element] = max((el.sourceline or 0) for el in element.iter(etree.Element))
            return self._last[element]
        # Down the last children to the last element: the elements on the way share the answer, so
        # nested elements that comments apply to are not walked again.
        chain: list[Element] = []
        node = element
        while node not in self._last:
            chain.append(node)
            child = next(node.iterchildren(etree.Element, reversed=True), None)
            if child is None:
                line = node.sourceline or 0
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
