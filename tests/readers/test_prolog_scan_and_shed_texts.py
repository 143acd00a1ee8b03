"""The shortcuts of the per-file path: the scan of the prolog for a DOCTYPE runs only when the text holds a
`<!` that opens no comment, and whether a document's text is its bytes decoded is told by its kind."""

from __future__ import annotations

import pytest

from migcheck.formats import FORMATS
from migcheck.model import Document, FileKind
from migcheck.readers import read_document
from migcheck.readers.xml import Unreadable, decode, parse
from migcheck.texts import decoded_alike

CSCFG = '<ServiceConfiguration serviceName="svc"><Role name="Web"><Instances count="2"/></Role></ServiceConfiguration>'


def _parse(text: str) -> object:
    data = text.encode("utf-8")
    return parse(data, decode(data))


@pytest.mark.parametrize(
    "prolog",
    [
        "<!-- a comment -->\n<!DOCTYPE S>\n",  # a comment first, then the DOCTYPE
        '<?xml version="1.0"?>\n<!--x--><!--y-->\n<!DOCTYPE S [<!ENTITY e "x">]>\n',
        "<!----><!DOCTYPE S>",  # an empty comment right before it
    ],
)
def test_a_doctype_after_comments_is_refused(prolog: str) -> None:
    with pytest.raises(Unreadable, match="refused: the document declares"):
        _parse(prolog + CSCFG)


@pytest.mark.parametrize(
    "text",
    [
        "<!-- only comments -->\n" + CSCFG,
        "<!-- a comment that writes <!DOCTYPE S> as text -->\n" + CSCFG,
        CSCFG.replace("<Role ", "<!-- <!DOCTYPE --><Role "),
        CSCFG.replace("<Role ", "<![CDATA[<!x]]><Role "),
    ],
)
def test_comments_and_markup_that_only_look_like_a_doctype_are_read(text: str) -> None:
    document = read_document("a.cscfg", text.encode("utf-8"), explicit=True)
    assert document is not None and document.problem is None
    (configuration,) = document.resources
    assert [(r.name, r.instances) for r in configuration.roles] == [("Web", 2)]  # type: ignore[attr-defined]


def test_every_xml_kind_is_decoded_alike_and_a_script_only_when_its_text_agrees() -> None:
    data = "<x/>\n".encode("utf-16")
    for kind in {f.kind for f in FORMATS if f.xml}:
        assert decoded_alike(Document("a", kind, "", text="anything else"), data)
    assert decoded_alike(Document("a.py", FileKind.PYTHON, "", text="print(1)\n"), b"print(1)\n")
    assert not decoded_alike(Document("a.py", FileKind.PYTHON, "", text="print(2)\n"), b"print(1)\n")
    assert not decoded_alike(Document("a", None, "", text="x"), b"y")
