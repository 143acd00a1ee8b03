"""Shared helpers for the reader tests: read an inline XML snippet as a file of a given name."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import pytest

from migcheck.model import Document
from migcheck.readers import read_document


def snippet(xml: str) -> bytes:
    """An inline test document: dedented, without the leading newline, as UTF-8."""
    return textwrap.dedent(xml).lstrip("\n").encode("utf-8")


@pytest.fixture
def read() -> Callable[..., Document]:
    def read(path: str, xml: str, *, explicit: bool = False) -> Document:
        document = read_document(path, snippet(xml), explicit=explicit)
        assert document is not None
        return document

    return read
