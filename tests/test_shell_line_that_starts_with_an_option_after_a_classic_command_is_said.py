"""A shell line whose command word starts with `-` right after a classic `azure` command is a command bash
runs on its own (and fails): the line before most likely lost its `\\`. The run says so where it says a part
of a script was not read as written; the command still means what bash makes of it."""

from __future__ import annotations

import json

import pytest
from lint_support import run_cli, script_resources, unread_marks

LOST = """\
azure vm create myservice myimage
$USERNAME "$PASSWORD" --ssh 22
--virtual-network-name myvnet --subnet-names web
"""


def test_a_line_starting_with_an_option_after_a_classic_command_is_marked() -> None:
    assert unread_marks(script_resources(LOST, "deploy.sh")) == [(3, 1)]


def test_a_normal_command_after_the_classic_one_is_not_marked() -> None:
    text = "azure vm create myservice myimage\necho done --quiet\n"
    assert unread_marks(script_resources(text, "deploy.sh")) == []


def test_a_line_continued_with_a_backslash_is_not_marked() -> None:
    text = "azure vm create myservice myimage \\\n  --virtual-network-name myvnet --subnet-names web\n"
    assert unread_marks(script_resources(text, "deploy.sh")) == []


def test_an_option_line_after_a_blank_line_is_not_marked() -> None:
    text = "azure vm create myservice myimage\n\n--virtual-network-name myvnet\n"
    assert unread_marks(script_resources(text, "deploy.sh")) == []


def test_check_says_the_line_may_have_lost_its_backslash(
    tmp_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "deploy.sh").write_text(LOST, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", "deploy.sh")
    assert "Not read as written: deploy.sh:3:1: this line starts with an option" in out
    assert "may have lost a `\\` at its line end" in out
    assert "parser cannot read" not in out


def test_json_and_sarif_say_what_kind_of_part_it_is(
    tmp_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "deploy.sh").write_text(LOST, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", "deploy.sh", "--format", "json")
    parts = [p for s in json.loads(out)["subscriptions"] for p in s.get("unread_parts", [])]
    assert parts == [{"path": "deploy.sh", "line": 3, "column": 1, "why": "lost-continuation"}]
    _, out, _ = run_cli(capsys, "check", "deploy.sh", "--format", "sarif")
    notes = json.loads(out)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert any("may have lost a `\\`" in n["message"]["text"] for n in notes)
