"""Reports, baselines and badges are never written through a symbolic link, and never left half-written."""

from __future__ import annotations

import os

import pytest

from migcheck import output
from migcheck.cli import main
from migcheck.output import OutputError, write_text

CSDEF = '<ServiceDefinition name="shop"><WebRole name="Web"/></ServiceDefinition>\n'


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / "ServiceDefinition.csdef").write_text(CSDEF)
    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    outside.write_text("precious\n")
    monkeypatch.chdir(tmp_path)
    return outside


@pytest.mark.parametrize(
    "argv",
    [
        ["check", ".", "--format", "sarif", "--output-file", "report.sarif"],
        ["check", ".", "--write-baseline", "report.sarif"],
        ["badge", ".", "--output", "report.sarif"],
    ],
    ids=["output-file", "write-baseline", "badge"],
)
def test_a_committed_link_is_refused_not_followed(repo, capsys, argv):
    os.symlink(repo, "report.sarif")
    assert main(argv) == 2
    assert "symbolic link" in capsys.readouterr().err
    assert repo.read_text() == "precious\n"


def test_a_failed_write_leaves_the_old_file_whole(tmp_path, monkeypatch):
    target = tmp_path / "baseline.json"
    target.write_text("old baseline\n")

    def broken_replace(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", broken_replace)
    with pytest.raises(OutputError, match="No space left on device"):
        write_text(str(target), "new baseline\n")
    assert target.read_text() == "old baseline\n"
    assert [p.name for p in tmp_path.iterdir()] == ["baseline.json"]  # no temporary file left behind


def test_text_that_is_not_unicode_is_written_escaped(tmp_path):
    target = tmp_path / "report.txt"
    write_text(str(target), "file \udcff.xml\n")
    assert target.read_text(encoding="utf-8") == "file \\udcff.xml\n"


def test_an_empty_path_is_a_usage_error(repo, capsys):
    assert main(["check", ".", "--output-file", ""]) == 2
    assert "no output file named" in capsys.readouterr().err
