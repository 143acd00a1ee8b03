"""A classic command a shell script hands on through more levels than migcheck follows (`ssh`, `bash -c`,
`eval`, ... inside one another, more than 8 deep) is said as a part not read (`handed-on-too-deep`), at where
the script writes the first hand-off, where it was dropped without a word and a script holding nothing else
was "no classic Azure file"."""

from __future__ import annotations

import pytest
from lint_support import lint_files, unread_tags

from migcheck.report.unread import unread_parts

COMMAND = "azure vm shutdown web1"


@pytest.mark.parametrize("hand_off", ["ssh h -- ", "ssh h "])
def test_a_command_handed_on_nine_deep_is_said_not_read_at_the_first_hand_off(hand_off):
    text = f"#!/bin/bash\n{hand_off * 9}{COMMAND}\n"
    assert unread_tags(text, "stop.sh") == ["handed-on-too-deep"]


def test_a_command_handed_on_nine_deep_is_said_in_the_check(tmp_path, monkeypatch):
    text = f"#!/bin/bash\n{'ssh h -- ' * 9}{COMMAND}\n"
    result = lint_files(tmp_path, monkeypatch, {"stop.sh": text}, dedent=False)
    parts = unread_parts(r for document in result.documents for r in document.resources)
    assert [(part.path, [(mark.line, mark.column) for mark in part.marks]) for part in parts] == [
        ("stop.sh", [(2, 10)])
    ]


def test_a_command_handed_on_seven_deep_is_read():
    text = f"#!/bin/bash\n{'ssh h -- ' * 7}{COMMAND}\n"
    assert unread_tags(text, "stop.sh") == []


def test_a_deep_chain_that_runs_no_classic_tool_is_no_part_not_read():
    assert unread_tags(f"#!/bin/bash\nazure vm create web1 img ops\n{'ssh h ' * 9}ls\n", "stop.sh") == []
