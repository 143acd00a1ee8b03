"""Encodings: BOMs, UTF-16, declarations that lie, invalid UTF-8, non-ASCII names and values. Positions
count characters, not bytes, in every encoding."""

from __future__ import annotations

import codecs

import pytest
from hostile_support import check_json

from migcheck.readers import read_document

SOURCE = (
    '<?xml version="1.0" encoding="{enc}"?>\n'
    '<ServiceDefinition name="ßervice-日本">\n'
    '  <!-- ünïcödé -->  <WebRole name="Wéb-角色" vmsize="Small"/>\n'
    "</ServiceDefinition>\n"
)


@pytest.mark.parametrize(
    ("declared", "encode"),
    [
        ("utf-8", lambda s: s.encode("utf-8")),
        ("utf-8", lambda s: codecs.BOM_UTF8 + s.encode("utf-8")),
        ("utf-16", lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le")),
        ("utf-16", lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be")),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom"],
)
def test_names_values_and_columns_in_each_encoding(declared, encode, tmp_path, monkeypatch, capsys):
    (tmp_path / "svc").mkdir()
    (tmp_path / "svc" / "ServiceDefinition.csdef").write_bytes(encode(SOURCE.format(enc=declared)))
    doc = read_document("s.csdef", encode(SOURCE.format(enc=declared)), explicit=False)
    assert doc is not None and doc.problem is None
    (definition,) = doc.resources
    assert (definition.name, definition.roles[0].name) == ("ßervice-日本", "Wéb-角色")
    monkeypatch.chdir(tmp_path)
    code, findings = check_json(capsys, "svc")
    assert code == 1
    web = next(f for f in findings if f["code"] == "MIG101")
    # the `<` of <WebRole is the 21st character of line 3, whatever the bytes per character
    assert (web["line"], web["column"]) == (3, 21)
    assert "Wéb-角色" in str(web["message"])


@pytest.mark.parametrize(
    ("data", "line", "column"),
    [
        # declared UTF-8, written in Latin-1: the é is not UTF-8
        (
            '<?xml version="1.0" encoding="utf-8"?>\n<ServiceConfiguration serviceName="café"/>'.encode(
                "latin-1"
            ),
            2,
            39,
        ),
        # invalid UTF-8 sequences: a lone continuation byte, an overlong form, a truncated sequence
        (b'<ServiceConfiguration serviceName="a\x80b"/>', 1, 37),
        (b'<ServiceConfiguration serviceName="\xc0\xafx"/>', 1, 36),
        (b'<ServiceConfiguration serviceName="\xe6\x97"/>', 1, 36),
        # after non-ASCII characters on the same line, columns still count characters
        ('<ServiceConfiguration serviceName="日本語">\xff'.encode()[:-2] + b"\xff", 1, 41),
    ],
)
def test_bytes_that_do_not_decode_are_mig001_at_the_character(data, line, column):
    doc = read_document("svc/x.cscfg", data, explicit=False)
    assert doc is not None and doc.problem is not None
    assert doc.problem.kind == "syntax"
    assert "encoding" in doc.problem.message or "UTF-8" in doc.problem.message
    assert (doc.problem.mark.line, doc.problem.mark.column) == (line, column)


def test_a_declaration_that_names_another_8_bit_encoding_is_believed():
    data = '<?xml version="1.0" encoding="iso-8859-1"?><ServiceConfiguration serviceName="café"/>'.encode(
        "latin-1"
    )
    doc = read_document("s.cscfg", data, explicit=False)
    assert doc is not None and doc.problem is None
    assert doc.resources[0].name == "café"


@pytest.mark.parametrize("declared", ["utf-16", "UTF-16LE", "utf-32"])
def test_a_declaration_of_utf16_over_8_bit_bytes_is_read_as_the_bytes_are(declared):
    """.NET labels every XML string UTF-16; saved as UTF-8 (no BOM), the label lies and the bytes decide."""
    data = f'<?xml version="1.0" encoding="{declared}"?>\r\n<ServiceConfiguration serviceName="café-日本"/>'
    doc = read_document("s.cscfg", data.encode("utf-8"), explicit=False)
    assert doc is not None and doc.problem is None
    assert doc.resources[0].name == "café-日本"
    assert doc.resources[0].mark.line == 2


def test_utf16_without_bom_or_declaration_is_mig001():
    data = '<ServiceConfiguration serviceName="s"/>'.encode("utf-16-le")
    doc = read_document("s.cscfg", data, explicit=False)
    assert doc is not None and doc.problem is not None and doc.problem.kind == "syntax"
