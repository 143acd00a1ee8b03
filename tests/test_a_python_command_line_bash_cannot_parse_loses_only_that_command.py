"""A Python script that runs the classic CLI through a shell (`os.system("azure ...")`) and whose one command
line leaves a quote open: the shell refuses that line with a syntax error and runs none of it, but runs the
script's other commands. Only that line is lost, said as a part of the script not read and why; the other
commands are read (their VMs, their steps). All of the script's commands were dropped, and nothing said."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import run_cli, script_resources, unread_marks

from migcheck.model import Deployment, Script

BROKEN = 'os.system("azure vm create shop img ops -n \'web2 -w appvnet -b web")\n'
SCRIPT = (
    "import os\n"
    'os.system("azure vm create shop img ops -n web1 -w appvnet -b web")\n'
    + BROKEN
    + 'os.system("azure network vnet prepare-migration appvnet")\n'
)


def _vms(resources: tuple[object, ...]) -> list[str]:
    return [role.name for d in resources if isinstance(d, Deployment) for role in d.roles]


def test_the_other_commands_are_read() -> None:
    resources = script_resources(SCRIPT, "deploy.py")
    assert _vms(resources) == ["web1"]
    (script,) = [r for r in resources if isinstance(r, Script)]
    assert [c.name for c in script.calls] == ["azure vm create", "azure network vnet prepare-migration"]
    assert [(s.step, s.target) for s in script.migration] == [("prepare", "appvnet")]


def test_the_broken_line_is_a_part_not_read_where_its_string_starts() -> None:
    assert unread_marks(script_resources(SCRIPT, "deploy.py")) == [(3, 11)]


def test_the_same_line_closed_is_read() -> None:
    closed = SCRIPT.replace("'web2 ", "web2 ")
    resources = script_resources(closed, "deploy.py")
    assert _vms(resources) == ["web1", "web2"]
    assert unread_marks(resources) == []


def test_a_broken_line_alone_is_still_said() -> None:
    assert unread_marks(script_resources("import os\n" + BROKEN, "deploy.py")) == [(2, 11)]


def test_check_says_why_and_the_reports_name_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "deploy.py").write_text(SCRIPT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", "deploy.py")
    assert (
        "Not read as written: deploy.py:3:11: this line runs a classic `azure` command line that bash cannot"
        in out
    )
    assert "close the quote" in out
    _, out, _ = run_cli(capsys, "check", "deploy.py", "--format", "report-json")
    assert json.loads(out)["unread_parts"] == [
        {"path": "deploy.py", "line": 3, "column": 11, "why": "unparsed-command-line"}
    ]
