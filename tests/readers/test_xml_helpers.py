"""The XML helpers the readers share: lookups by local name, attributes without regard to case, and a
parser that is reused from file to file."""

from __future__ import annotations

import threading

import pytest
from lxml import etree

from migcheck.readers.xml import Unreadable, attr, attrs, child, children, decode, parse

NS = "http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition"


def _root(text: str) -> etree._Element:
    data = text.encode()
    return parse(data, decode(data))


@pytest.mark.parametrize(
    "element",
    [
        '<E name="a" protocol="tcp" port="1"/>',  # every one there
        '<E name="a" protocol="tcp"/>',  # one missing, no other attribute
        '<E name="a" certificate="c"/>',  # missing ones, and one not asked for
        '<E Name=" a " PORT="2" localport="3"/>',  # every one in another case
        '<E xmlns:x="urn:x" x:name="n" port="4"/>',  # one in a namespace
        '<E name="a" NAME="b" port=""/>',  # two spellings: as written first, else the first written
        "<E/>",
    ],
)
def test_attrs_reads_what_attr_reads(element):
    el = _root(element)
    names = ("name", "protocol", "port", "localPort", "loadBalancer")
    assert attrs(el, *names) == tuple(attr(el, name) for name in names)


def test_children_follow_a_path_in_document_order_in_any_namespace():
    root = _root(
        f'<R xmlns="{NS}"><A><B i="1"/><C/><B i="2"/></A><x:A xmlns:x="urn:x"><B i="3"/></x:A><A/></R>'
    )
    assert [b.get("i") for b in children(root, "A/B")] == ["1", "2", "3"]
    assert child(root, "A/B").get("i") == "1"
    assert child(root, "A/C") is not None and child(root, "C") is None
    assert children(root, "A/D") == [] and child(root, "A/D") is None


def _error(text: bytes) -> tuple[str, int, int]:
    with pytest.raises(Unreadable) as raised:
        parse(text, decode(text))
    return str(raised.value), raised.value.line, raised.value.column


def test_a_reused_parser_reports_each_document_on_its_own():
    broken = b"<a>\n  <b></a>"
    first = _error(broken)
    parse(b"<ok/>", "<ok/>")
    assert _error(b"<a>&#1;</a>") != first  # nothing left over from the first error
    assert _error(broken) == first


def test_each_thread_parses_with_a_parser_of_its_own():
    errors: list[tuple[str, int, int]] = []
    thread = threading.Thread(target=lambda: errors.append(_error(b"<a>\n<b></a>")))
    thread.start()
    thread.join()
    assert errors == [_error(b"<a>\n<b></a>")]
