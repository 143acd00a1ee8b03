"""A graphical runbook of Azure Automation (`.graphrunbook`: JSON whose `RunbookDefinition` is the base64 of a
.NET binary graph of activities) is named as a part not read, where before the run said "no classic Azure
files": its activities may run classic cmdlets, which migcheck cannot see. It is no finding (most run the
Resource Manager cmdlets), and the graph is never decoded. A `.graphrunbook` without a graph holds nothing."""

from __future__ import annotations

import json

from lint_support import lint_files

from migcheck.model import GRAPHICAL_RUNBOOK, Script
from migcheck.report.unread import why

RUNBOOK = json.dumps({"SchemaVersion": "1.10", "RunbookDefinition": "AAEAAAD/////AQAAAAAAAAAMAgAAAF"})


def _unread(tmp_path, monkeypatch, text: str):
    result = lint_files(tmp_path, monkeypatch, {"runbooks/Start-VMs.graphrunbook": text}, dedent=False)
    marks = [
        m for d in result.estate.documents for r in d.resources if isinstance(r, Script) for m in r.unread
    ]
    return result, marks


def test_a_graphical_runbook_is_a_part_not_read_and_no_finding(tmp_path, monkeypatch) -> None:
    result, marks = _unread(tmp_path, monkeypatch, RUNBOOK)
    assert [(m.path, m.line, m.tag) for m in marks] == [
        ("runbooks/Start-VMs.graphrunbook", 1, GRAPHICAL_RUNBOOK)
    ]
    assert "graphical runbook" in why(marks[0])
    assert "graphical editor" in why(marks[0])
    assert result.findings == []


def test_a_file_without_a_graph_holds_nothing(tmp_path, monkeypatch) -> None:
    for text in ('{"SchemaVersion": "1.10"}', "not json", '{"RunbookDefinition": 3}'):
        _, marks = _unread(tmp_path, monkeypatch, text)
        assert marks == []
