"""A settings file is the repository's, as hostile as any input: the baseline it names is read only
inside its project (links resolved), and no baseline's error quotes what the file holds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from migcheck.cli import main

CSDEF = '<ServiceDefinition name="shop"><WebRole name="Web"/></ServiceDefinition>\n'
SECRET = "s3cr3t-token-from-outside"


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    (tmp_path / "secret.json").write_text(f'{{"version": "{SECRET}"}}\n')
    root = tmp_path / "project"
    root.mkdir()
    (root / "ServiceDefinition.csdef").write_text(CSDEF)
    monkeypatch.chdir(root)
    return root


def settings(project: Path, baseline: str) -> None:
    (project / "pyproject.toml").write_text(f"[tool.migcheck]\nbaseline = {baseline!r}\n")


@pytest.mark.parametrize(
    "named", ["../secret.json", "/etc/passwd", "/proc/self/environ", "ci/../../secret.json"]
)
def test_a_baseline_outside_the_project_is_refused_unread(project, capsys, named):
    settings(project, named)
    assert main(["check", "."]) == 2
    err = capsys.readouterr().err
    assert f"pyproject.toml:2:12: `baseline`: '{named}' " in err  # `leads to` the file a link names, first
    assert f"is outside the project ({project}, the folder of this file)" in err
    assert "give the file with --baseline" in err and SECRET not in err


def test_a_link_to_a_file_outside_is_refused(project, tmp_path, capsys):
    os.symlink(tmp_path / "secret.json", project / "baseline.json")
    settings(project, "baseline.json")
    assert main(["check", "."]) == 2
    err = capsys.readouterr().err
    assert f"'baseline.json' leads to {tmp_path / 'secret.json'}, which is outside the project" in err
    assert SECRET not in err


def test_a_link_to_a_folder_outside_is_refused(project, tmp_path, capsys):
    os.symlink(tmp_path, project / "ci")
    settings(project, "ci/secret.json")
    assert main(["check", "."]) == 2
    assert "is outside the project" in capsys.readouterr().err


def test_a_baseline_in_the_project_is_read(project, capsys):
    (project / "ci").mkdir()
    assert main(["check", ".", "--write-baseline", "ci/known.json"]) == 0
    settings(project, "ci/known.json")
    assert main(["check", "."]) == 0


def test_a_baseline_given_on_the_command_line_is_the_users_own(project, tmp_path, capsys):
    """It may be anywhere; its wrong version is still said without quoting it."""
    assert main(["check", ".", "--baseline", str(tmp_path / "secret.json")]) == 2
    err = capsys.readouterr().err
    assert "has a string for `version`; this migcheck reads version 1" in err and SECRET not in err


def test_the_refusal_gives_way_to_a_baseline_on_the_command_line(project, capsys):
    """The refusal tells the user to give the file with --baseline; doing so passes the setting over
    unread, whether it names a file or the run records a new baseline."""
    settings(project, "../secret.json")
    assert main(["check", ".", "--write-baseline", "known.json"]) == 0
    assert main(["check", ".", "--baseline", "known.json"]) == 0
    assert "outside the project" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("version", "said"),
    [
        ('"x' + "y" * 5000 + '"', "has a string for `version`"),
        ("7", "has version 7"),
        ("1.0", "has a number for `version`"),
        ("true", "has true or false for `version`"),
        ("null", "has null for `version`"),
        ('["a"]', "has an array for `version`"),
        ('{"a": "b"}', "has an object for `version`"),
        ("1" + "0" * 4000, "has a number for `version`"),
    ],
)
def test_a_wrong_version_is_said_by_its_kind_not_quoted(project, capsys, version, said):
    (project / "known.json").write_text(f'{{"version": {version}, "findings": []}}\n')
    settings(project, "known.json")
    assert main(["check", "."]) == 2
    err = capsys.readouterr().err
    assert f"baseline known.json {said}; this migcheck reads version 1" in err
    assert len(err) < 400
