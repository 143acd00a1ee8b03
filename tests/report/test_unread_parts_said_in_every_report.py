"""A part of a script the parser cannot read is said without --verbose, in every report that has a place
for it: what it states (a VM, an endpoint, a name) is unknown, and no finding says so. Before, only `check
--verbose` said it, and `plan`, which has no --verbose, never did: a plan could say "nothing to move" of a
script whose VM deployment it could not read. Where every part was read, every report is as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import run_cli

# A dash escaped with a backtick is valid PowerShell the grammar cannot read (the VM's name): line 2.
UNREAD = (
    'New-AzureService -ServiceName svc9 -Location "West US"\n'
    "New-AzureQuickVM -Windows -ServiceName svc9 -Name `$vm1 -ImageName img -Password p -AdminUsername a\n"
)
WHOLE = 'New-AzureService -ServiceName svc8 -Location "West US"\n'
# The only classic call is in what the parser could not read: the script is kept to say so. (A command named
# after a keyword, `Do-Deploy`, in the first column is read as the keyword `do` by the grammar, whose error
# recovery takes the next line with it.)
ONLY_UNREAD = (
    "Do-Deploy\n"
    "New-AzureQuickVM -Windows -ServiceName svc7 -Name vm7 -ImageName img -Password p -AdminUsername a\n"
)


@pytest.fixture
def scripts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "deploy.ps1").write_text(UNREAD)
    (tmp_path / "whole.ps1").write_text(WHOLE)
    (tmp_path / "only.ps1").write_text(ONLY_UNREAD)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_check_says_which_parts_of_which_scripts_it_did_not_read(scripts, capsys, fmt):
    _, out, _ = run_cli(capsys, "check", "--format", fmt, "deploy.ps1", "whole.ps1")
    lines = out.splitlines()
    said = [line for line in lines if line.startswith("Not read: ")]
    assert said == [
        "Not read: 1 part of a script that migcheck's parser cannot read (deploy.ps1, line 2): findings about "
        "what it states may be missing; `migcheck check --verbose` says why, and how to write such a part so "
        "that it is read."
    ]
    assert lines.index(said[0]) == len(lines) - 2  # just before the summary
    _, out, _ = run_cli(capsys, "check", "--format", fmt, "deploy.ps1", "only.ps1")
    assert (
        "Not read: 2 parts of 2 scripts that migcheck's parser cannot read (deploy.ps1, line 2; only.ps1, "
        in out
    )


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_check_says_nothing_more_of_scripts_read_whole(scripts, capsys, fmt):
    _, out, _ = run_cli(capsys, "check", "--format", fmt, "whole.ps1")
    assert "Not read" not in out


def test_the_plan_lists_the_parts_it_did_not_read(scripts, capsys):
    _, out, _ = run_cli(capsys, "plan", "deploy.ps1", "whole.ps1")
    assert (
        "\nParts of scripts migcheck could not read (what they state may be missing from the steps above; "
        "`migcheck check --verbose` says why, and how to write such a part so that it is read, then plan again):\n"
        "   deploy.ps1:2:52\n"
    ) in out
    _, out, _ = run_cli(capsys, "plan", "--format", "markdown", "deploy.ps1")
    assert "\n- `deploy.ps1:2:52`\n" in out
    _, out, _ = run_cli(capsys, "plan", "--format", "html", "deploy.ps1")
    assert "<li><code>deploy.ps1:2:52</code></li>" in out


def test_a_plan_of_nothing_read_to_move_says_the_unread_parts_may_be_some(scripts, capsys):
    _, out, _ = run_cli(capsys, "plan", "only.ps1")
    assert "Parts of scripts migcheck could not read (they may describe what to move; " in out
    assert out.endswith(
        "No step to plan: nothing migcheck read describes a classic resource to move; the parts of scripts it "
        "could not read may describe some: have them read and plan again.\n"
    )


def test_a_check_that_found_nothing_in_what_it_read_is_not_all_clear(scripts, capsys):
    _, out, _ = run_cli(capsys, "check", "only.ps1")
    assert out.endswith(
        "Not read: 1 part of a script that migcheck's parser cannot read (only.ps1, line 1): findings about "
        "what it states may be missing; `migcheck check --verbose` says why, and how to write such a part so "
        "that it is read.\nNo findings in 1 file.\n"
    )
    _, out, _ = run_cli(capsys, "check", "whole.ps1")
    assert "Not read" not in out


def test_the_json_plan_and_report_give_each_part(scripts, capsys):
    _, out, _ = run_cli(capsys, "plan", "--format", "json", "deploy.ps1", "whole.ps1")
    (subscription,) = json.loads(out)["subscriptions"]
    assert subscription["unread_parts"] == [{"path": "deploy.ps1", "line": 2, "column": 52}]
    _, out, _ = run_cli(capsys, "check", "--format", "report-json", "deploy.ps1")
    assert json.loads(out)["unread_parts"] == [{"path": "deploy.ps1", "line": 2, "column": 52}]


def test_sarif_gives_each_part_as_a_warning_of_the_run(scripts, capsys):
    _, out, _ = run_cli(capsys, "check", "--format", "sarif", "deploy.ps1")
    (invocation,) = json.loads(out)["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is True
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "warning"
    assert notification["message"]["text"].startswith("migcheck's parser cannot read this part of the script")
    (where,) = notification["locations"]
    assert where["physicalLocation"]["artifactLocation"]["uri"] == "deploy.ps1"
    assert where["physicalLocation"]["region"] == {"startLine": 2, "startColumn": 52}


def test_reports_of_scripts_read_whole_have_no_place_for_unread_parts(scripts, capsys):
    _, out, _ = run_cli(capsys, "plan", "--format", "json", "whole.ps1")
    assert all("unread_parts" not in s for s in json.loads(out)["subscriptions"])
    _, out, _ = run_cli(capsys, "plan", "whole.ps1")
    assert "Parts of scripts" not in out
    _, out, _ = run_cli(capsys, "check", "--format", "report-json", "whole.ps1")
    assert "unread_parts" not in json.loads(out)
    _, out, _ = run_cli(capsys, "check", "--format", "sarif", "whole.ps1")
    assert "invocations" not in json.loads(out)["runs"][0]
