"""A JSON row that writes a classic type and no name or id names no resource: a Resource Graph count of
each type (`summarize count() by type`), or a reporting tool's table of the types it reads, each with the
sheet it fills. Such a file is no export of classic resources, and such a row in an export is no cloud
service, VM or storage account named '' whose properties were left out. A row with its name, or with an id
that names the resource, is still one."""

from __future__ import annotations

import json

from lint_support import lint_files

from migcheck.inventory_model import UncheckedResource
from migcheck.model import Mark
from migcheck.readers.inventory_shapes import is_record, records

MARK = Mark("types.json", 1, column=1)

TYPE_TABLE = [
    {"type": "microsoft.compute/virtualmachines", "sheet": "VM", "columns": [["Size", "vmSize"]]},
    {
        "type": "microsoft.classiccompute/domainnames",
        "sheet": "CloudService",
        "columns": [["Label", "label"]],
    },
    {"type": "microsoft.classiccompute/virtualmachines", "sheet": "ClassicVM", "columns": [["Size", "size"]]},
    {
        "type": "microsoft.classicstorage/storageaccounts",
        "sheet": "Storage",
        "columns": [["Type", "accountType"]],
    },
]

COUNTS = {
    "count": 2,
    "data": [
        {"type": "microsoft.classiccompute/virtualmachines", "count_": 3},
        {"type": "microsoft.classicnetwork/virtualnetworks", "count_": 1},
    ],
    "skip_token": None,
    "total_records": 2,
}

VM_ID = "/subscriptions/1f0e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b/resourceGroups/web/providers/Microsoft.ClassicCompute/virtualMachines/web1"


def test_a_row_of_a_classic_type_alone_is_no_record_and_reads_as_nothing():
    for row in TYPE_TABLE:
        assert not is_record(row)
        assert records(row, MARK) == ()


def _unchecked(result) -> list[str]:
    return [r.name for estate in result.estates for r in estate.resources(UncheckedResource)]


def test_a_table_of_the_types_a_tool_reads_is_no_export_of_resources(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"types.json": json.dumps(TYPE_TABLE, indent=1)})
    assert result.findings == []
    assert _unchecked(result) == []


def test_a_count_of_each_classic_type_names_no_resource_to_check(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"counts.json": json.dumps(COUNTS, indent=1)})
    assert result.findings == []
    assert _unchecked(result) == []


def test_a_row_with_its_name_or_its_id_is_still_a_resource_left_unchecked():
    named = {"name": "web1", "type": "microsoft.classiccompute/virtualmachines"}
    by_id = {"id": VM_ID}
    for row in (named, by_id):
        assert is_record(row)
        [unchecked] = records(row, MARK)
        assert unchecked.name == "web1"
