"""An inventory export or a deployment template that ends before its JSON does (an export interrupted, or
copied before it was all written) was MIG001 "not valid JSON: expected ']'" on the line after its last,
with nothing shown; an empty one was told "an inventory export starts with '[' or '{'". A file cut short is
now said so at the end of its last line, which the report shows, and an empty file is said to be empty."""

from __future__ import annotations

import pytest
from lint_support import run_cli

from migcheck.readers import read_document

EXPORT_CUT_SHORT = (
    "[\n"
    '  {"id": "/subscriptions/3f1d2c4b-8a7e-4c1d-9b2a-5e6f7a8b9c0d/resourceGroups/rg/providers/'
    'Microsoft.ClassicCompute/virtualMachines/a",\n'
    '   "type": "microsoft.classiccompute/virtualmachines", "name": "a"}\n'
)
TEMPLATE_CUT_SHORT = (
    "{\n"
    '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n'
    '  "resources": [\n'
    '    {"type": "Microsoft.ClassicCompute/domainNames", "name": "shop"}\n'
)


@pytest.mark.parametrize(
    ("text", "line"), [(EXPORT_CUT_SHORT, 3), (TEMPLATE_CUT_SHORT, 4)], ids=["export", "template"]
)
def test_a_file_cut_short_is_said_so_on_its_last_line(text, line):
    document = read_document("estate.json", text.encode(), explicit=True)
    assert document is not None and document.problem is not None
    assert document.problem.mark.line == line
    assert "the file ends before its JSON does" in document.problem.message
    assert "as a file cut short does" in document.problem.message


def test_the_report_shows_the_last_line(tmp_path, monkeypatch, capsys):
    (tmp_path / "vms.json").write_text(EXPORT_CUT_SHORT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", "vms.json", "--select", "MIG001")
    assert '3 |    "type": "microsoft.classiccompute/virtualmachines", "name": "a"}' in out


@pytest.mark.parametrize("data", [b"", b"  \n\n"], ids=["empty", "blank"])
def test_an_empty_file_is_said_to_be_empty(data):
    document = read_document("vms.json", data, explicit=True)
    assert document is not None and document.problem is not None
    assert document.problem.message.startswith("not valid JSON: the file is empty")
    assert (document.problem.mark.line, document.problem.mark.column) == (1, 1)


def test_json_that_breaks_before_its_end_is_said_where_it_breaks():
    text = '[\n  {"type": "microsoft.classiccompute/virtualmachines", "name": "a",}\n]\n'
    document = read_document("vms.json", text.encode(), explicit=True)
    assert document is not None and document.problem is not None
    assert "cut short" not in document.problem.message
    assert document.problem.mark.line == 2
