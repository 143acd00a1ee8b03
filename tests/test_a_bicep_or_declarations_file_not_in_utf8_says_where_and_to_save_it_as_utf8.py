"""A Bicep file or a TOML file of inventory declarations saved in another encoding than UTF-8 was MIG001 "not
UTF-8 text" at the first column of its line (the declarations: at line 1 whatever the line), and the Bicep
one was told to "Fix the XML". It is now said at the byte that is no part of a UTF-8 character, with its
line shown, and told to save the file as UTF-8, as a Terraform file is."""

from __future__ import annotations

import pytest
from lint_support import lint_files, run_cli

BICEP = "resource web 'Microsoft.ClassicCompute/domainNames@2016-11-01' = {\n  name: 'caf\xe9'\n}\n"
DECLARATIONS = '[migcheck.inventory]\n# caf\xe9\nsubscription = "3f1d2c4b-8a7e-4c1d-9b2a-5e6f7a8b9c0d"\n'


@pytest.mark.parametrize(
    ("name", "data", "at", "reads"),
    [
        ("web.bicep", BICEP.encode("latin-1"), (2, 13), "Bicep reads it only in UTF-8"),
        ("web.bicep", b"\xef\xbb\xbf" + BICEP.encode("latin-1"), (2, 13), "Bicep reads it only in UTF-8"),
        ("estate.toml", DECLARATIONS.encode("latin-1"), (2, 6), "migcheck reads it only in UTF-8"),
    ],
)
def test_a_file_not_in_utf8_is_said_at_its_byte_and_told_to_be_saved_as_utf8(
    tmp_path, monkeypatch, name, data, at, reads
):
    (tmp_path / name).write_bytes(data)
    (finding,) = lint_files(tmp_path, monkeypatch, {}, "MIG001").findings
    assert (finding.mark.line, finding.mark.column) == at
    assert "not UTF-8: byte 0xe9 here" in finding.message
    assert "Save the file as UTF-8" in (finding.fix or "") and reads in (finding.fix or "")


def test_the_report_shows_the_line_and_no_xml_advice(tmp_path, monkeypatch, capsys):
    (tmp_path / "web.bicep").write_bytes(BICEP.encode("latin-1"))
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", "web.bicep", "--select", "MIG001")
    assert "2 |   name: 'caf\ufffd'" in out
    assert "XML" not in out
