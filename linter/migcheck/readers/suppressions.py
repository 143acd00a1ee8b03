"""Inline suppression comments: `<!-- migcheck: ignore[MIG201] reason -->` before an element covers that
element and everything inside it; `<!-- migcheck: ignore-file[MIG101] reason -->` anywhere covers the file.
Only readers see comments, so they are collected here; the filter stage applies them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from migcheck.model import Mark, Suppression
from migcheck.readers.xml import Element, Marker

_DIRECTIVE = re.compile(r"^\s*migcheck:\s*(ignore|ignore-file)\s*\[([^\]]*)\](.*)$", re.S)


def read_suppressions(root: Element, marker: Marker) -> tuple[Suppression, ...]:
    found = (_suppression(comment, marker) for comment in _comments(root))
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


def _suppression(comment: Element, marker: Marker) -> Suppression | None:
    found = directive(comment.text or "")
    if found is None:
        return None
    kind, codes, reason = found
    # lxml gives a comment the line where it ends; the mark should point at its `<!--`.
    line = (comment.sourceline or 1) - (comment.text or "").count("\n")
    mark = Mark(marker.path, max(line, 1), "!--")
    if kind == "ignore-file":
        return Suppression(codes, reason, 0, 0, mark)
    target = next(comment.itersiblings(etree.Element), None)
    if target is None:
        return None
    last = max((el.sourceline or 0) for el in target.iter(etree.Element))
    return Suppression(codes, reason, target.sourceline or 0, last, mark)
