"""An export that lists classic resources without their properties (`az resource list`, a Resource Graph
query whose `project` leaves `properties` out) gets MIG001 as a warning; its summary row said "Passes with
warnings" although nothing it lists was checked (the case found: sandrinodimattia's
adal-azure-resource-manager-webtask resources.json). The row now says it was not checked, and `migcheck rules`
says MIG001 is a warning for such an export."""

from __future__ import annotations

import json

from lint_support import graph_page, graph_vm
from lint_support import run_cli as run

SERVICE = "/subscriptions/0000/resourceGroups/web/providers/Microsoft.ClassicCompute/domainNames/web1"
LISTED = [
    {"id": SERVICE, "name": "web1", "type": "Microsoft.ClassicCompute/domainNames", "location": "westus"}
]
NULL_PROPERTIES = [{**LISTED[0], "properties": None}]


def _file_row(tmp_path, monkeypatch, capsys, rows: object) -> str:
    (tmp_path / "resources.json").write_text(json.dumps(rows), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = run(capsys, "check", ".")[1]
    summary = out[out.index("Readiness by migration scope:") :]
    [row] = [line for line in summary.splitlines() if line.lstrip().startswith("resources.json")]
    return row


def test_a_resource_list_without_a_properties_column_is_not_checked(tmp_path, monkeypatch, capsys):
    row = _file_row(tmp_path, monkeypatch, capsys, LISTED)
    assert row.endswith("Not checked: the export lists resources without their properties")


def test_a_resource_list_with_null_properties_is_not_checked(tmp_path, monkeypatch, capsys):
    row = _file_row(tmp_path, monkeypatch, capsys, NULL_PROPERTIES)
    assert row.endswith("Not checked: the export lists resources without their properties")


def test_an_export_with_properties_passes_as_before(tmp_path, monkeypatch, capsys):
    vm = graph_vm("0000", "web1", "web1")
    (tmp_path / "resources.json").write_text(graph_page(vm), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = run(capsys, "check", ".")[1]
    assert "Not checked" not in out


def test_the_rules_list_says_mig001_is_a_warning_for_such_an_export(capsys):
    [line] = [line for line in run(capsys, "rules")[1].splitlines() if line.startswith("MIG001")]
    assert "without their properties (`az resource list`) is a warning" in line
