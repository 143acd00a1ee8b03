"""Editors start the language server in a folder of their own, not in the workspace: a script open in the
editor is read with the files of its project all the same. Its project root is the workspace folder the
client sent (or the folder of the settings file inside it), not the server's working directory, so the
settings file a script dot-sources beside it gives its values and a child runbook beside a parent is
followed, as a check run from the workspace reads them. `migcheck check --stdin-filename` of a file
outside the working directory reads the project it is checked with the same way."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the language server needs the lsp extra")

from lsprotocol import types as lsp
from pygls.workspace.position_codec import PositionCodec
from test_a_child_runbook_a_parent_starts_or_calls_by_name_runs_with_the_values_it_passes import (
    CHILD,
    STARTERS,
    starts,
)

from migcheck.cli import main
from migcheck.engine import LintResult
from migcheck.model import RUNBOOK_NOT_FOLLOWED
from migcheck.server import MigcheckServer, _encode, _project

CODEC = PositionCodec(lsp.PositionEncodingKind.Utf16)
SETTINGS = '[tool.migcheck]\nignore = ["MIG601"]\n'
CONFIG = "$ServiceName = 'web-svc'\n"
DEPLOY = """\
. "$PSScriptRoot\\config.ps1"
New-AzureService -ServiceName $ServiceName -Location 'West US'
New-AzureVM -ServiceName $ServiceName -VMs $vm
"""
PARENT = starts(*STARTERS[0])


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A workspace folder that is not the working directory of the run (nor inside it)."""
    root = tmp_path / "ops"
    root.mkdir()
    (root / "pyproject.toml").write_text(SETTINGS)
    (root / "config.ps1").write_text(CONFIG)
    (root / "deploy.ps1").write_text(DEPLOY)
    (root / "runbooks").mkdir()
    (root / "runbooks" / "New-Estate.ps1").write_text(PARENT)
    (root / "runbooks" / "Workflow New-AppVM.ps1").write_text(CHILD)
    assert not str(root).startswith(os.getcwd().rstrip(os.sep) + os.sep)
    return root


def not_followed(result: LintResult) -> list[int]:
    return [
        m.line
        for estate in result.estates
        for d in estate.documents
        for r in d.resources
        for m in getattr(r, "unread", ())
        if m.tag == RUNBOOK_NOT_FOLLOWED
    ]


def test_the_editor_reads_the_settings_file_a_script_dot_sources_in_the_workspace(workspace: Path):
    path = str(workspace / "deploy.ps1")
    diagnostics = [d for d, _ in MigcheckServer().diagnose(path, DEPLOY, str(workspace), CODEC)]
    # MIG601 turned off by the workspace's settings; the service named by the value config.ps1 assigns.
    assert [d.code for d in diagnostics] == ["MIG105"]
    assert "cloud service 'web-svc'" in diagnostics[0].message


def test_the_editor_follows_a_child_runbook_beside_the_parent_in_the_workspace(workspace: Path):
    server = MigcheckServer()
    config, context = _project(str(workspace), str(workspace))
    result = server.lint(
        context, config, _encode(PARENT), str(workspace / "runbooks" / "New-Estate.ps1"), walked=True
    )
    assert not_followed(result) == []


def check_stdin(capsys, monkeypatch, path: Path, named: str) -> list[str]:
    """`migcheck check --stdin-filename PATH -` of the file's saved text, PATH as `named` says."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(path.read_bytes())))
    stdin_filename = str(path) if named == "absolute" else os.path.relpath(path)
    main(["check", "--format", "concise", "--stdin-filename", stdin_filename, "-"])
    return capsys.readouterr().out.splitlines()


NAMED = pytest.mark.parametrize("named", ["absolute", "relative"])


@NAMED
def test_stdin_filename_reads_the_settings_file_a_script_dot_sources_in_its_project(
    workspace: Path, capsys, monkeypatch, named: str
):
    lines = check_stdin(capsys, monkeypatch, workspace / "deploy.ps1", named)
    [finding] = [line for line in lines if ": MIG" in line]
    assert " MIG105 " in finding and "cloud service 'web-svc'" in finding
    assert not any("dot-sources a file by a path migcheck does not follow" in line for line in lines)


@NAMED
def test_stdin_filename_follows_a_child_runbook_beside_the_parent_in_its_project(
    workspace: Path, capsys, monkeypatch, named: str
):
    lines = check_stdin(capsys, monkeypatch, workspace / "runbooks" / "New-Estate.ps1", named)
    assert not any("starts a runbook" in line for line in lines)
    assert lines[-1].startswith("No findings in 1 file")
