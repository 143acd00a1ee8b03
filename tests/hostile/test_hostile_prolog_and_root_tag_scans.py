"""The prolog and the root's start tag are scanned in time linear in the file: a prolog of many `<!` items
(each once looked for a `[` to the end of the file), and a root start tag of many `xmlns:` without a value
(each once measured to the end of the tag) when a long prolog makes the sniff read the whole file. The
answers are those of the item-by-item scan and of the namespace pattern the sniff is specified by."""

from __future__ import annotations

import re

import pytest
from growth import assert_linear
from hypothesis import given, settings
from hypothesis import strategies as st

from migcheck.readers import read_document
from migcheck.readers.xml import Unreadable, decode, parse, sniff_root

LONG_COMMENT = "<!--" + "x" * 9_000 + "-->\n"  # past the 8 KB the sniff looks at first


def _undeclared_namespaces(count: int) -> bytes:
    return (LONG_COMMENT + "<Deployment " + "xmlns:-" * count + ">\n</Deployment>\n").encode()


def _declarations(count: int, root: str = "<Deployment/>") -> bytes:
    return ("<!a>" * count + root + "\n").encode()


def test_a_root_tag_of_prefixes_without_values_is_sniffed_in_linear_time() -> None:
    # Each `xmlns:` measured its prefix to the end of the tag: 140 KB took 47 s.
    assert_linear(lambda n: lambda: read_document("a.xml", _undeclared_namespaces(n), explicit=False), 2_000)


def test_a_prolog_of_many_declarations_is_sniffed_in_linear_time() -> None:
    # Each `<!` item looked for a `[` to the end of the file: 3.2 MB took 16 s.
    assert_linear(lambda n: lambda: sniff_root(decode(_declarations(n))), 100_000)


def test_a_prolog_of_many_declarations_is_refused_in_linear_time() -> None:
    assert_linear(lambda n: lambda: read_document("a.netcfg", _declarations(n), explicit=False), 100_000)
    document = read_document("a.netcfg", _declarations(1_000, "<NetworkConfiguration/>"), explicit=False)
    assert document is not None and document.problem is not None
    assert document.problem.message.startswith("refused: the document declares a DTD")


def test_the_declaration_of_the_root_prefix_is_found_past_prefixes_without_values() -> None:
    tag = "<p:Deployment xmlns:-xmlns:-xmlns:a xmlns:p=\"urn:p\" xmlns:-xmlns='urn:d'>"
    assert sniff_root(LONG_COMMENT + tag + "</p:Deployment>") == ("Deployment", "urn:p")
    assert sniff_root("<Deployment xmlns:-xmlns = 'urn:d' xmlns:q>") == ("Deployment", "")
    assert sniff_root("<Deployment xmlns:q xmlns='urn:d'>") == ("Deployment", "urn:d")


@pytest.mark.parametrize(
    ("prolog", "root"),
    [
        ("<!a><!b [ <!ENTITY e 'a>b'> ]><!c>", ("R", "urn:r")),  # a `>` inside the brackets
        ("<!a>[<!b>]", None),  # a `[` after an item's `>` is not part of it
        ("<!a><!-- [ --><?p [ ?><!b>", ("R", "urn:r")),
        ("<!a [ no end", None),
        ("<!a><!b", None),
    ],
)
def test_declarations_end_where_the_item_by_item_scan_ends_them(
    prolog: str, root: tuple[str, str] | None
) -> None:
    assert sniff_root(prolog + '<R xmlns="urn:r"/>') == root


def test_a_doctype_after_many_comments_is_refused_at_its_position() -> None:
    source = "<!-- c -->\n" * 1_000 + "<!DOCTYPE S><S/>"
    with pytest.raises(Unreadable) as refused:
        parse(source.encode(), source)
    assert (refused.value.line, refused.value.column) == (1_001, 1)


# The pattern the namespace sniff is specified by; it is slow (quadratic) on hostile tags, not wrong.
_SPECIFIED = re.compile(r"""\bxmlns(?::([^\s=]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_PIECES = ["xmlns", ":", "p", "-", " ", "\t", "=", '"', "'", "u", "é", "xmlns:p", '="urn"', "a:"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=20).map("".join))
def test_the_sniffed_namespace_is_the_one_the_pattern_finds(attributes: str) -> None:
    specified = {m[1] or "": m[2] or m[3] or "" for m in _SPECIFIED.finditer(attributes)}
    assert sniff_root(f"<R {attributes}/>") == ("R", specified.get("", ""))
    assert sniff_root(f"<p:R {attributes}/>") == ("R", specified.get("p", ""))


def _prolog_end_item_by_item(text: str) -> int:
    """Where the prolog of `text` ends, read one item at a time (-1 when an item does not end)."""
    pos = 0
    while pos >= 0:
        pos = len(text) - len(text[pos:].lstrip())
        if text.startswith("<?", pos):
            found = text.find("?>", pos + 2)
            pos = -1 if found < 0 else found + 2
        elif text.startswith("<!--", pos):
            found = text.find("-->", pos + 4)
            pos = -1 if found < 0 else found + 3
        elif text.startswith("<!", pos):
            close = text.find(">", pos)
            bracket = text.find("[", pos, close) if close >= 0 else -1
            if bracket >= 0:
                close = text.find(">", text.find("]", bracket))
            pos = -1 if close < 0 else close + 1
        else:
            break
    return pos


_ITEMS = ["<!a>", "<!-- c -->", "<?p?>", " ", "\n", "<!x[ ] >", "<!-x>", "<!>", "<?>?>", "<!-->-->", "<![>]>"]
_RARE = ["<!--", "<?", "<!", "[", "]", ">", "x"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(_ITEMS), max_size=700),  # past the runs of items read at once
    st.lists(st.tuples(st.integers(0, 700), st.sampled_from(_RARE)), max_size=3),
)
def test_the_prolog_ends_where_the_item_by_item_scan_ends_it(
    items: list[str], rare: list[tuple[int, str]]
) -> None:
    for at, piece in rare:
        items.insert(min(at, len(items)), piece)
    text = "".join(items) + "<R/>"
    end = _prolog_end_item_by_item(text)
    # No item begins like a start tag: the root is found exactly when the prolog ends at `<R/>`.
    assert sniff_root(text) == (("R", "") if end >= 0 and text.startswith("<R", end) else None)
