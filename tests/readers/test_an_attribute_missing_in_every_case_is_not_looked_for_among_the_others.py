"""`attrs` looks at an element's attributes one by one, for one asked for that is not there as written, only
when it may be there in another case: an endpoint without `localPort` but with a `certificate` (most
`.csdef` endpoints) is read without that look."""

from __future__ import annotations

import pytest
from lxml import etree

from migcheck.readers import xml
from migcheck.readers.xml import attrs, decode, parse

NAMES = ("name", "protocol", "port", "localPort", "loadBalancer")


def _root(text: str) -> etree._Element:
    data = text.encode()
    return parse(data, decode(data))


@pytest.fixture
def indexed(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The attribute names each look at them one by one was made over."""
    made: list[list[str]] = []
    index = xml._by_lowered_name

    def recorded(keys: list[str]) -> dict[str, str]:
        made.append(list(keys))
        return index(keys)

    monkeypatch.setattr(xml, "_by_lowered_name", recorded)
    return made


def test_missing_attributes_no_name_holds_are_not_looked_for(indexed: list[list[str]]) -> None:
    el = _root('<InputEndpoint name="HttpsIn" protocol="https" port="443" certificate="ssl"/>')
    assert attrs(el, *NAMES) == ("HttpsIn", "https", "443", "", "")
    assert indexed == []


def test_an_attribute_in_another_case_is_still_found(indexed: list[list[str]]) -> None:
    el = _root('<InputEndpoint name="In" protocol="tcp" port="1" LocalPort="8080" certificate="ssl"/>')
    assert attrs(el, *NAMES) == ("In", "tcp", "1", "8080", "")
    assert indexed == [["name", "protocol", "port", "LocalPort", "certificate"]]


def test_a_name_that_only_holds_the_one_asked_for_is_not_taken_for_it(indexed: list[list[str]]) -> None:
    el = _root('<InputEndpoint name="In" protocol="tcp" port="1" xlocalportx="9" certificate="ssl"/>')
    assert attrs(el, *NAMES) == ("In", "tcp", "1", "", "")
