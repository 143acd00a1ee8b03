"""Shared fixtures for the CI formats: a copy of examples/contoso to edit, and a way to run the CLI."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from report_support import Run

from migcheck.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def contoso(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """examples/contoso copied under a temporary folder that is also the working directory, so paths in
    reports read `examples/contoso/...` as they do in the README."""
    shutil.copytree(EXAMPLES / "contoso", tmp_path / "examples" / "contoso")
    shutil.copytree(EXAMPLES / "ready", tmp_path / "examples" / "ready")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run
