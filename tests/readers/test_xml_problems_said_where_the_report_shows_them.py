"""A file that is not well-formed XML is one MIG001, whose message may quote a position. lxml counts lines
at `\\n` only, a report at every line ending: in a file whose lines end in a lone carriage return (classic
Mac OS) the position a message quotes is the one the report shows. Bytes that are not text in the file's
encoding are said to be so, with what to do."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

from migcheck.readers import read_document

HEAD = (
    '<?xml version="1.0"?>{end}<ServiceConfiguration serviceName="shop" '
    'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">{end}'
)


def _problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: bytes) -> tuple[str, str, str]:
    (tmp_path / "svc").mkdir()
    (tmp_path / "svc" / "ServiceConfiguration.Cloud.cscfg").write_bytes(data)
    (finding,) = lint_files(tmp_path, monkeypatch, {}, "MIG001").findings
    loc = finding.location
    assert loc is not None
    return f"{loc.line}:{loc.column}", finding.message, finding.fix


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_a_nul_byte_is_quoted_where_the_report_shows_it(tmp_path, monkeypatch, end):
    text = HEAD.format(end=end) + f'  <Role name="a\x00b"/>{end}</ServiceConfiguration>{end}'
    where, message, _ = _problem(tmp_path, monkeypatch, text.encode())
    assert where == "3:16"
    assert message == "not a text file: it holds binary data (a NUL byte at line 3, column 16)"


@pytest.mark.parametrize("end", ["\n", "\r"])
def test_a_tag_mismatch_is_quoted_where_the_report_shows_it(tmp_path, monkeypatch, end):
    text = HEAD.format(end=end) + f'  <Role name="a">{end}</Rolex>{end}</ServiceConfiguration>{end}'
    where, message, fix = _problem(tmp_path, monkeypatch, text.encode())
    assert where == "4:1"
    assert message.endswith(
        "the end tag </Rolex> does not close <Role>"
        + ("" if end == "\r" else ", open since line 3")
        + " (line 4, column 1)"
    )
    # lxml's line of the start tag counts `\n` only: with lone carriage returns it is left out.
    assert ("(line 3)" in fix) is (end != "\r")


def test_bytes_not_in_the_files_encoding_are_said_to_be_so():
    data = b'<?xml version="1.0" encoding="utf-8"?>\n<ServiceConfiguration serviceName="caf\xe9" />\n'
    doc = read_document("svc/ServiceConfiguration.Cloud.cscfg", data, explicit=True)
    assert doc is not None and doc.problem is not None
    assert doc.problem.message == (
        "not text in its encoding: the bytes at line 2, column 39 are not UTF-8 (or the encoding its XML "
        "declaration names)"
    )
    assert doc.problem.fix.startswith("Save the file as UTF-8, or correct its XML declaration")
