"""A deployment template or an inventory export holding a Latin-1 byte was MIG001 "not valid utf-8 text:
byte 0xe9 at offset 217", with no line shown and an export's advice for a template too, and a folder walk
passed such a template over. It is now said at its line and column with the line shown, a template is told
to be saved as UTF-8 and an export to be exported again with the encoding set, and a walk reads the
template."""

from __future__ import annotations

import json

import pytest
from lint_support import run_cli

from migcheck.readers import read_document

TEMPLATE = {
    "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
    "contentVersion": "1.0.0.0",
    "resources": [
        {"type": "Microsoft.ClassicCompute/domainNames", "apiVersion": "2016-11-01", "name": "caf\xe9"}
    ],
}
EXPORT = [
    {
        "name": "caf\xe9",
        "id": "/subscriptions/3f1d2c4b-8a7e-4c1d-9b2a-5e6f7a8b9c0d/resourceGroups/rg/providers/"
        "Microsoft.ClassicCompute/virtualMachines/caf\xe9",
        "type": "microsoft.classiccompute/virtualmachines",
        "location": "westeurope",
    }
]


def _latin1(value: object) -> bytes:
    return json.dumps(value, indent=2, ensure_ascii=False).encode("latin-1")


@pytest.mark.parametrize(
    ("value", "at", "advice"),
    [
        (TEMPLATE, (8, 19), "Save the template as UTF-8"),
        (EXPORT, (3, 17), "Export it again with the encoding set"),
    ],
    ids=["template", "export"],
)
def test_the_byte_is_said_at_its_line_and_column_with_advice_for_the_kind(value, at, advice):
    document = read_document("estate.json", _latin1(value), explicit=True)
    assert document is not None and document.problem is not None
    problem = document.problem
    assert (problem.mark.line, problem.mark.column) == at
    assert problem.message.startswith("not UTF-8: byte 0xe9 here is no part of a UTF-8 character")
    assert (problem.fix or "").startswith(advice)


def test_the_report_shows_the_line(tmp_path, monkeypatch, capsys):
    (tmp_path / "azuredeploy.json").write_bytes(_latin1(TEMPLATE))
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", "azuredeploy.json", "--select", "MIG001")
    assert '8 |       "name": "caf\ufffd"' in out
    assert "az graph query" not in out


def test_a_walk_reads_a_template_of_classic_resources_that_does_not_decode(tmp_path, monkeypatch, capsys):
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "azuredeploy.json").write_bytes(_latin1(TEMPLATE))
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(capsys, "check", "infra", "--select", "MIG001")
    assert code == 1
    assert "infra/azuredeploy.json:8:19: MIG001" in out


def test_utf16_that_is_cut_short_is_said_to_be_no_utf16_at_its_line():
    data = b"\xff\xfe" + json.dumps(EXPORT, indent=2).encode("utf-16-le") + b"\x00"
    document = read_document("estate.json", data, explicit=True)
    assert document is not None and document.problem is not None
    assert document.problem.message.startswith("not UTF-16:")
    assert document.problem.mark.line == 8
