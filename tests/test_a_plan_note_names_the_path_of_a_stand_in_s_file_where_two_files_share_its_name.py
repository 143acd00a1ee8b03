"""Two scripts of one name in two folders (`a/initAzure.sh`, `b/initAzure.sh`) that pass a cloud service name
they do not state give stand-ins that read alike (`<cloud service name, initAzure.sh:1>`): the note that says
what each step's stand-in stands for names the command's file by its path from the folder that holds both
(`a/initAzure.sh:1`), in every format, where both notes said `initAzure.sh:1` and a reader could not tell which
file's value to look up. A file whose name is its own is named by its name, as the stand-in names it."""

from __future__ import annotations

import json

from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

SCRIPT = 'azure vm create "$SERVICE" img user pass --vm-name web01 --location "West Europe"\n'


def _notes(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    plan = build_plan(lint_files(tmp_path, monkeypatch, files, dedent=False))
    data = json.loads(render_plan(plan, "json"))
    return [
        n for s in data["subscriptions"] for step in s["steps"] for n in step["notes"] if "command at" in n
    ]


def test_each_note_names_its_file_s_path(tmp_path, monkeypatch):
    notes = _notes(tmp_path, monkeypatch, {"a/initAzure.sh": SCRIPT, "b/initAzure.sh": SCRIPT})
    assert len(notes) == 2
    assert "the command at a/initAzure.sh:1 acts on" in notes[0]
    assert "the command at b/initAzure.sh:1 acts on" in notes[1]


def test_a_file_of_its_own_name_is_named_by_its_name(tmp_path, monkeypatch):
    notes = _notes(tmp_path, monkeypatch, {"a/initAzure.sh": SCRIPT, "b/other.sh": SCRIPT})
    assert len(notes) == 2
    assert "the command at initAzure.sh:1 acts on" in notes[0]
    assert "the command at other.sh:1 acts on" in notes[1]
