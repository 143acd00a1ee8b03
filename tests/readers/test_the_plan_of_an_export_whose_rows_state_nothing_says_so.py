"""A plan with no step closes on what the exports name and could not check. Of a row whose `properties` is
`{}` (or holds only its `provisioningState`) it said "without its properties", which is untrue of that row:
it has them, and they state nothing the rules read. It now says so, as the export's MIG001 does, and asks
for the properties whole; a row whose properties are null is still said to be without them."""

from __future__ import annotations

import json

from lint_support import graph_page, graph_vm

from migcheck.cli import main

SUB = "11111111-2222-3333-4444-555555555555"


def _vm(name: str, properties: object) -> dict:
    return {**graph_vm(SUB, "shop", name), "properties": properties}


def _closing_line(tmp_path, monkeypatch, capsys, *rows: dict) -> str:
    (tmp_path / "classic.json").write_text(graph_page(*rows), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    assert main(["plan", "."]) == 0
    return capsys.readouterr().out.rstrip().splitlines()[-1]


def test_a_vm_row_with_empty_properties_is_said_to_state_nothing(tmp_path, monkeypatch, capsys):
    last = _closing_line(tmp_path, monkeypatch, capsys, _vm("web01", {}))
    assert "without its properties" not in last
    assert last.startswith(
        "No step to plan: the exports checked name classic VM 'web01' with properties that state nothing the "
        "rules read, so nothing of it could be checked or planned: export it again from Azure Resource Graph "
        "with its whole `properties`"
    )


def test_rows_without_properties_and_rows_stating_nothing_are_each_said_so(tmp_path, monkeypatch, capsys):
    last = _closing_line(
        tmp_path, monkeypatch, capsys, _vm("web01", {"provisioningState": "Succeeded"}), _vm("web02", None)
    )
    assert last.startswith(
        "No step to plan: the exports checked name classic VM 'web02' without its properties and classic VM "
        "'web01' with properties that state nothing the rules read, so nothing of them could be checked or "
        "planned: export them again from Azure Resource Graph with their whole `properties`"
    )


def test_a_row_stating_its_profiles_is_planned(tmp_path, monkeypatch, capsys):
    row = _vm("web01", {"hardwareProfile": {"size": "Small", "deploymentName": "shop"}})
    (tmp_path / "classic.json").write_text(json.dumps([row]), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    assert main(["plan", "."]) == 0
    assert "No step to plan" not in capsys.readouterr().out
