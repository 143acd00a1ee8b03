"""Whether a file's byte order mark names another encoding than its text's is asked of every file a check
reads, and nearly none has a mark: such a file is let go at one look at its first bytes, without working
out the mark's length, slicing its text or looking at the bytes after it (about 1% of reading an estate,
where it did all of that before it could say there was no mark)."""

from __future__ import annotations

import codecs

import pytest

from migcheck.readers import encoding


def _no_mark_length(data: bytes) -> int:
    raise AssertionError(f"the mark's length was worked out for {data[:8]!r}")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"<",
        b'<ServiceDefinition name="a"/>',
        b"\x00<\x00a",
        "\u00e9t\u00e9".encode(),
        b"\xef\xbb",
        b"\xff",
    ],
)
def test_a_file_without_a_mark_is_not_looked_into(data: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(encoding, "bom_length", _no_mark_length)
    assert encoding.wrong_byte_order_mark("a.csdef", data) is None


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (codecs.BOM_UTF16_LE + b"<Service/>", "a UTF-16 byte order mark"),
        (codecs.BOM_UTF16_BE + b"<Service/>", "a UTF-16 byte order mark"),
        (codecs.BOM_UTF8 + "<S/>".encode("utf-16-le"), "a UTF-8 byte order mark"),
    ],
)
def test_a_file_whose_mark_is_wrong_is_still_said_to_be(data: bytes, said: str) -> None:
    problem = encoding.wrong_byte_order_mark("a.csdef", data)
    assert problem is not None and said in problem.message


@pytest.mark.parametrize(
    "data", [codecs.BOM_UTF8 + b"<S/>", codecs.BOM_UTF16_LE + "<S/>".encode("utf-16-le")]
)
def test_a_file_whose_mark_is_right_has_no_problem(data: bytes) -> None:
    assert encoding.wrong_byte_order_mark("a.csdef", data) is None
