"""The summary counts the files that describe classic resources; `--show-files` lists every file a check
reads. Where the two differ, the summary says how many were read, and that the others describe nothing
classic."""

from __future__ import annotations

import pytest
from lint_support import SHOP_CSCFG, run_cli


def test_the_summary_says_how_many_files_were_read(capsys: pytest.CaptureFixture[str]) -> None:
    _, listed, _ = run_cli(capsys, "check", "examples", "--show-files")
    _, out, _ = run_cli(capsys, "check", "examples")
    read = len(listed.splitlines())
    assert f"(of {read} read: the others describe nothing classic)" in out.splitlines()[-1]


def test_files_read_and_findings_known_from_baseline_are_said_in_one_parenthesis(
    capsys: pytest.CaptureFixture[str], tmp_path, monkeypatch
) -> None:
    # A file beside the configuration is read and describes nothing classic; the baseline knows the
    # configuration's findings. Both asides go in one parenthesis, never `(...) (...)`.
    project = tmp_path / "project"
    project.mkdir()
    monkeypatch.chdir(project)
    (project / "ServiceConfiguration.Cloud.cscfg").write_text(SHOP_CSCFG)
    (project / "notes.xml").write_text("<notes/>\n")
    run_cli(capsys, "check", ".", "--write-baseline", "../baseline.json")
    _, out, _ = run_cli(capsys, "check", ".", "--baseline", "../baseline.json")
    last = out.splitlines()[-1]
    assert last.startswith("No new findings in 1 file (of 2 read: the others describe nothing classic; ")
    assert ") (" not in last and last.count("(") == 1
    assert " known from baseline" in last
