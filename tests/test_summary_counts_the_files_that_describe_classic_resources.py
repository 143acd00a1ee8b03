"""The summary counts the files that describe classic resources; `--show-files` lists every file a check
reads. Where the two differ, the summary says how many were read, and that the others describe nothing
classic."""

from __future__ import annotations

import pytest
from lint_support import run_cli


def test_the_summary_says_how_many_files_were_read(capsys: pytest.CaptureFixture[str]) -> None:
    _, listed, _ = run_cli(capsys, "check", "examples", "--show-files")
    _, out, _ = run_cli(capsys, "check", "examples")
    read = len(listed.splitlines())
    assert f"(of {read} read: the others describe nothing classic)" in out.splitlines()[-1]
