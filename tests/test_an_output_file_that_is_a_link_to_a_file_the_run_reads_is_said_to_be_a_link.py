"""`--write-baseline a.json` (or `--output-file`) where a.json is a symbolic link to a file the run reads is
refused as a link, the name the user gave, with what it leads to: it named the other link to the same file
(`it is a file this run checks (b.json)`), a name the user never gave, and did not say a.json is a link."""

from __future__ import annotations

import os

import pytest
from lint_support import run_cli

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")


# (the file the links lead to, its text, the command, what the run reads it as)
CASES = {
    "--write-baseline": (
        "migcheck.toml",
        "[tool.migcheck]\n",
        ["check", "kept", "--config", "b.toml", "--write-baseline", "a.toml"],
        "the settings file this run reads (b.toml)",
    ),
    "--output-file": (
        "baseline.json",
        '{"version": 1, "findings": []}\n',
        ["check", "kept", "--baseline", "b.json", "--output-file", "a.json"],
        "the baseline this run reads (b.json)",
    ),
}


@pytest.mark.parametrize(("target", "text", "argv", "read"), CASES.values(), ids=CASES)
def test_a_link_to_a_file_the_run_reads_is_said_to_be_a_link(
    tmp_path, monkeypatch, capsys, target, text, argv, read
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kept").mkdir()
    (tmp_path / "kept" / target).write_text(text, encoding="utf-8")
    written, linked = argv[-1], argv[-3]
    os.symlink(tmp_path / "kept" / target, written)
    os.symlink(tmp_path / "kept" / target, linked)
    code, out, err = run_cli(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.startswith(
        f"migcheck: error: cannot write {written}: it is a symbolic link, to {read}, and migcheck neither "
        "writes through links nor to the files it reads; name another file"
    )


def test_a_link_to_nothing_the_run_reads_is_refused_as_a_link(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kept").mkdir()
    (tmp_path / "elsewhere.json").write_text("{}\n", encoding="utf-8")
    os.symlink(tmp_path / "elsewhere.json", "a.json")
    err = run_cli(capsys, "check", "kept", "--write-baseline", "a.json")[2]
    assert "cannot write a.json: it is a symbolic link, and migcheck does not write through links" in err
