"""A classic `azure` command whose last word is an option that takes a value (`--affinity-group` at a line's
end, its value on the next line, the `\\` between them lost) is refused by the CLI (commander: "option
argument missing"), which runs nothing: migcheck does not read it as a command that creates what it names,
and says so where the option is written, with why and the edit, in every report and for every language
that runs the classic CLI. An option that takes a value only optionally (`--ssh`) is no such slip."""

from __future__ import annotations

import json

import pytest
from lint_support import run_cli, script_resources, unread_marks

from migcheck.model import Script

# In the shape of a real script: each command's value on a line of its own, the `\` lost.
LOST_VALUE = """\
#!/bin/sh
AFFINITYGROUP="MyLinuxDemo"
STORAGEACCOUNT="mylinuxdemo"
azure account affinity-group create --location "Central US" --label $AFFINITYGROUP $AFFINITYGROUP
azure storage account create --affinity-group
$AFFINITYGROUP $STORAGEACCOUNT
"""


def _calls(text: str, path: str) -> list[str]:
    return [c.name for r in script_resources(text, path) if isinstance(r, Script) for c in r.calls]


def test_the_refused_command_is_an_unread_part_at_its_option() -> None:
    assert unread_marks(script_resources(LOST_VALUE, "deploy.sh")) == [(5, 30)]


def test_the_refused_command_creates_nothing() -> None:
    calls = _calls(LOST_VALUE, "deploy.sh")
    assert "azure account affinity-group create" in calls
    assert "azure storage account create" not in calls


def test_the_option_given_its_value_is_read_and_nothing_is_said() -> None:
    text = LOST_VALUE.replace("--affinity-group\n$AFFINITYGROUP", "--affinity-group $AFFINITYGROUP \\\n")
    assert unread_marks(script_resources(text, "deploy.sh")) == []
    assert "azure storage account create" in _calls(text, "deploy.sh")


def test_an_option_whose_value_is_optional_is_no_slip() -> None:
    text = "azure vm create svc1 img ops Secret1! --location 'West US' --ssh\n"
    assert unread_marks(script_resources(text, "deploy.sh")) == []


def test_a_python_script_running_the_command_is_said_too() -> None:
    text = 'import subprocess\nsubprocess.check_call(["azure", "storage", "account", "create", "--affinity-group"])\n'
    assert len(unread_marks(script_resources(text, "deploy.py"))) == 1
    assert "azure storage account create" not in _calls(text, "deploy.py")


def test_check_and_json_say_what_kind_of_part_it_is_and_the_edit(
    tmp_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "deploy.sh").write_text(LOST_VALUE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", "deploy.sh")
    assert (
        "Not read as written: deploy.sh:5:30: this line gives the classic `azure storage account create` the option "
        "`--affinity-group` with no value after it: the CLI refuses the command (option argument missing) and "
        "runs nothing"
    ) in out
    assert "if the value is on the next line, end this one with `\\`" in out
    _, out, _ = run_cli(capsys, "plan", "deploy.sh", "--format", "json")
    parts = [p for s in json.loads(out)["subscriptions"] for p in s.get("unread_parts", [])]
    assert parts == [{"path": "deploy.sh", "line": 5, "column": 30, "why": "missing-value"}]
