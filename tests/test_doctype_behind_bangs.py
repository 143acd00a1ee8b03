"""A DOCTYPE is refused wherever the `!` before it are: the parse looks at each `!` of a text to spare the
prolog scan only when every `<!` opens a comment."""

from __future__ import annotations

import pytest

from migcheck.readers.xml import Unreadable, parse

_DOCTYPE = '<!DOCTYPE ServiceDefinition [<!ENTITY x "y">]>'
_ROOT = '<ServiceDefinition name="a"/>'


@pytest.mark.parametrize(
    "prolog",
    [
        _DOCTYPE,
        "<!-- made by hand! -->" + _DOCTYPE,
        "<!-- a -->" * 40 + _DOCTYPE,  # more `!` than are looked at one by one
        '<?xml version="1.0"?><?note wow!?>' + _DOCTYPE,
    ],
)
def test_a_doctype_after_any_bangs_is_refused(prolog: str) -> None:
    text = prolog + _ROOT
    with pytest.raises(Unreadable, match="refused: the document declares"):
        parse(text.encode(), text)


@pytest.mark.parametrize(
    "text",
    [
        _ROOT,
        "<!-- made by hand! -->" + _ROOT,
        '<ServiceDefinition name="wow!"><!-- <!DOCTYPE in a comment --></ServiceDefinition>',
        "<!-- a -->" * 40 + _ROOT,
    ],
)
def test_comments_and_bangs_alone_are_read(text: str) -> None:
    assert parse(text.encode(), text).get("name") in ("a", "wow!")


def test_another_declaration_in_the_prolog_is_refused_as_before() -> None:
    text = "<!-- x --><!ELEMENT ServiceDefinition ANY>" + _ROOT
    with pytest.raises(Unreadable, match="refused"):
        parse(text.encode(), text)
