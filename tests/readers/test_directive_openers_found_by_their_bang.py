"""Whether an XML text may hold a suppression directive is decided by looking at each `!` (one-character
search) rather than by a search for the whole opener at every character: the answer must be the
opener's search's in every case, and the reader reads suppressions from exactly the texts it did."""

from __future__ import annotations

import pytest

from migcheck.readers import read_document
from migcheck.suppress import _XML_OPENER, xml_directive_opener

ROOT = '<ServiceConfiguration serviceName="s"><Role name="Web"/></ServiceConfiguration>'
DIRECTIVE = "<!-- migcheck: ignore[MIG201] stays -->"

TEXTS = [
    "",
    "!",
    "!<!-- migcheck: x -->",
    ROOT,
    DIRECTIVE + ROOT,
    ROOT + DIRECTIVE,
    "<!-- a comment -->" + ROOT,
    "<!--migcheck-->" + ROOT,
    "<!--\n\t MIGCHECK: ignore[MIG201] -->" + ROOT,
    "<!- - migcheck -->" + ROOT,
    "<!-- not migcheck -->" + ROOT,
    '<Role name="a!b!c"/><!---->' + ROOT,
    "<![CDATA[ <!-- migcheck ]]>" + ROOT,
    # Past the `!` looked at one by one, the rest is searched: an opener before, at and after that point.
    "!" * 63 + DIRECTIVE,
    "!" * 64 + DIRECTIVE,
    "!" * 65 + DIRECTIVE,
    "!" * 200 + DIRECTIVE,
    "<!-- x -->" * 100 + DIRECTIVE,
    "<!-- x -->" * 100 + ROOT,
    "!" * 200,
    "<" + "!" * 200 + "-- migcheck -->",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_scan_answers_as_the_opener_s_search(text: str) -> None:
    assert xml_directive_opener(text) is (_XML_OPENER.search(text) is not None)


def test_an_opener_found_only_past_the_bangs_looked_at_one_by_one_is_found() -> None:
    text = "<!-- x -->" * 100 + DIRECTIVE + ROOT
    assert xml_directive_opener(text)
    assert not xml_directive_opener("<!-- x -->" * 100 + ROOT)


@pytest.mark.parametrize("before", ["", "<!-- x -->" * 70, '<?xml version="1.0"?>\n'])
def test_a_suppression_is_read_wherever_its_comment_is(before: str) -> None:
    data = (before + DIRECTIVE + ROOT).encode()
    document = read_document("ServiceConfiguration.Cloud.cscfg", data, explicit=True)
    assert document is not None and [s.codes for s in document.suppressions] == [("MIG201",)]


def test_a_text_that_names_migcheck_outside_a_comment_has_no_suppressions() -> None:
    data = b'<ServiceConfiguration serviceName="migcheck: ignore[MIG201]"><Role name="Web"/></ServiceConfiguration>'
    document = read_document("ServiceConfiguration.Cloud.cscfg", data, explicit=True)
    assert document is not None and document.suppressions == ()
