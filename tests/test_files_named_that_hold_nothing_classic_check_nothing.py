"""A file named on the command line is always read, but a script that uses no classic API describes nothing
to check, as when a folder walk meets it: `check` says "Nothing checked" (not "All clear") and warns, the
badge is grey, `plan` warns, and beside a classic file the summary counts the classic file alone. A named
file that is not what its extension says is still reported (MIG002)."""

from __future__ import annotations

import json

import pytest
from lint_support import PROD_NETCFG as NETCFG
from lint_support import run_cli

# Plain automation in each script format: no classic SDK, cmdlet or CLI command.
PLAIN_SCRIPTS = {
    "tool.py": "import os\nprint(os.getcwd())\n",
    "tool.ps1": 'Write-Host "hello"\n',
    "tool.sh": "#!/bin/sh\necho hello\n",
}


@pytest.fixture
def repo(tmp_path, monkeypatch):
    for name, text in PLAIN_SCRIPTS.items():
        (tmp_path / name).write_text(text)
    (tmp_path / "NetworkConfig.netcfg").write_text(NETCFG)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("script", sorted(PLAIN_SCRIPTS))
def test_check_of_a_plain_script_named_says_nothing_was_checked(repo, capsys, script):
    code, out, err = run_cli(capsys, "check", script)
    assert code == 0
    assert out == "Nothing checked: no classic files, so no findings.\n"
    assert f"migcheck: warning: {script} is no classic Azure file" in err


def test_check_of_every_plain_script_named_is_the_same_as_their_folder_walked(repo, capsys):
    (repo / "NetworkConfig.netcfg").unlink()
    named = run_cli(capsys, "check", *sorted(PLAIN_SCRIPTS))
    walked = run_cli(capsys, "check", ".")
    assert named[1] == walked[1] == "Nothing checked: no classic files, so no findings.\n"


def test_verbose_check_names_the_plain_scripts_named_as_holding_nothing_classic(repo, capsys):
    _, _, err = run_cli(capsys, "check", "-v", "tool.py", "tool.ps1")
    assert "2 files read hold nothing classic and are not counted in the summary: tool.ps1, tool.py" in err


@pytest.mark.parametrize("script", sorted(PLAIN_SCRIPTS))
def test_a_plain_script_named_beside_a_classic_file_is_not_counted(repo, capsys, script):
    code, out, _ = run_cli(capsys, "check", "--format", "concise", script, "NetworkConfig.netcfg")
    assert code == 0
    assert out.splitlines()[-1] == (
        "All clear: no findings in 1 file (of 2 read: the others describe nothing classic)."
    )


@pytest.mark.parametrize("script", sorted(PLAIN_SCRIPTS))
def test_the_badge_of_a_plain_script_named_is_grey(repo, capsys, script):
    code, out, err = run_cli(capsys, "badge", "--format", "shields", script)
    assert code == 0
    badge = json.loads(out)
    assert (badge["message"], badge["color"]) == ("no classic files", "lightgrey")
    assert f"migcheck: warning: {script} is no classic Azure file" in err


def test_the_plan_of_a_plain_script_named_warns_that_nothing_classic_was_found(repo, capsys):
    code, out, err = run_cli(capsys, "plan", "tool.ps1")
    assert code == 0
    assert "Nothing to migrate" in out
    assert "migcheck: warning: tool.ps1 is no classic Azure file" in err


def test_a_named_xml_file_that_is_not_classic_is_still_reported(repo, capsys):
    (repo / "pom.xml").write_text("<project/>\n")
    _, out, err = run_cli(capsys, "check", "--format", "concise", "pom.xml")
    assert "pom.xml:1:1: MIG002 [warning] not a classic Azure file: its root element is <project>" in out
    assert out.splitlines()[-1] == "Found 1 finding in 1 file: 1 warning."
    assert "no classic Azure files" not in err


@pytest.mark.parametrize("named", [*sorted(PLAIN_SCRIPTS), "NetworkConfig.netcfg"])
def test_a_json_check_warns_of_nothing_checked_without_listing_the_files_checked(
    repo, capsys, monkeypatch, named
):
    """Whether anything was checked is answered by the first file that describes something classic: a report
    that counts no files (JSON, SARIF) does not list every one that does for the warning."""
    from migcheck import engine

    def listed(result):
        raise AssertionError("every file that describes something classic was listed")

    monkeypatch.setattr(engine.LintResult, "described", property(listed))
    code, _, err = run_cli(capsys, "check", "--format", "json", named)
    assert code in (0, 1)
    assert ("is no classic Azure file" in err) == (named in PLAIN_SCRIPTS)


@pytest.mark.parametrize(
    "named", [(), *((script,) for script in sorted(PLAIN_SCRIPTS)), ("NetworkConfig.netcfg",)]
)
def test_whether_anything_is_described_is_whether_the_files_described_are_any(repo, named):
    from lint_support import RULES

    from migcheck.config import Config
    from migcheck.engine import lint

    result = lint(list(named) or ["."], Config(), RULES, jobs=1)
    assert result.describes_anything() == bool(result.described)
