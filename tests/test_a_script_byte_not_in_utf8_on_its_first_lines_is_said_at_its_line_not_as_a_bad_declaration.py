"""A Python script that declares no encoding and holds a Latin-1 byte on line 1 or 2 was said to declare
an encoding Python cannot read (`tokenize.detect_encoding` raises so for any byte on those lines that is
not UTF-8). Python reads it as UTF-8 and stops at the byte: the byte's line and column are now said, as
for a byte on line 3; a declaration written on a line that holds such a byte is read as Python reads it."""

from __future__ import annotations

import codecs

import pytest

from migcheck.readers import read_document

CALL = b"import azure.servicemanagement\n"


SHEBANG = b"#!/usr/bin/env python3\n"
LATIN = b'name = "caf\xe9"\n'  # the byte at column 12


@pytest.mark.parametrize(
    ("name", "data", "line"),
    [
        pytest.param("deploy.py", LATIN + CALL, 1, id="line-1"),
        pytest.param("deploy.py", codecs.BOM_UTF8 + LATIN + CALL, 1, id="line-1-after-a-utf8-mark"),
        pytest.param("deploy.py", SHEBANG + LATIN + CALL, 2, id="line-2"),
        pytest.param("deploy", SHEBANG + LATIN + CALL, 2, id="line-2-no-extension"),
        pytest.param("deploy.py", SHEBANG + b"\n" + LATIN + CALL, 3, id="line-3-as-ever"),
    ],
)
def test_the_byte_is_said_at_its_line_and_column(name, data, line):
    document = read_document(name, data, explicit=True)
    assert document is not None and document.problem is not None
    problem = document.problem
    assert problem.message.startswith("byte 0xe9 is not utf-8 text")
    assert (problem.mark.line, problem.mark.column) == (line, 12)


def test_a_declaration_on_a_line_holding_its_own_encoding_s_byte_is_read():
    data = b"# -*- coding: latin-1 -*- caf\xe9\n" + CALL
    document = read_document("deploy.py", data, explicit=True)
    assert document is not None and document.problem is None


def test_a_declaration_python_cannot_read_is_still_said():
    document = read_document("deploy.py", b"# coding: klingon\n" + CALL, explicit=True)
    assert document is not None and document.problem is not None
    assert "declares an encoding Python cannot read" in document.problem.message
