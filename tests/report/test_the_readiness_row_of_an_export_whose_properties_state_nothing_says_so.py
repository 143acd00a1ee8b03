"""The readiness row of an export whose rows write their properties as `{}` (or with no more than a
`provisioningState`) said "Not checked: the export lists resources without their properties", the words of
`az resource list`, whose properties are null; the export does write them. It now says that they hold
nothing the rules read; an export whose properties are null keeps its words."""

from __future__ import annotations

from lint_support import graph_page, graph_vm
from lint_support import run_cli as run

SUB = "11111111-2222-3333-4444-555555555555"


def _row_of(tmp_path, monkeypatch, capsys, properties: object) -> str:
    row = {**graph_vm(SUB, "shop", "web01"), "properties": properties}
    (tmp_path / "classic.json").write_text(graph_page(row), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = run(capsys, "check", ".")[1]
    summary = out[out.index("Readiness by migration scope:") :]
    [line] = [line for line in summary.splitlines() if line.lstrip().startswith("classic.json")]
    return line


def test_an_export_of_empty_properties_is_not_checked_for_what_they_leave_out(tmp_path, monkeypatch, capsys):
    line = _row_of(tmp_path, monkeypatch, capsys, {})
    assert line.endswith("Not checked: the export's properties hold nothing the rules read")


def test_an_export_of_null_properties_still_lists_resources_without_them(tmp_path, monkeypatch, capsys):
    line = _row_of(tmp_path, monkeypatch, capsys, None)
    assert line.endswith("Not checked: the export lists resources without their properties")
