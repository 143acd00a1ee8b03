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
    assert "--output-file: no file named (an empty path)" in capsys.readouterr().err


@pytest.fixture
def umask():
    """Sets the process's umask for a test, and puts the old one back."""
    old = os.umask(0o022)
    yield os.umask
    os.umask(old)


WRITERS = {
    "output-file": ["check", ".", "--format", "sarif", "--output-file", "out/report"],
    "write-baseline": ["check", ".", "--write-baseline", "out/report"],
    "badge": ["badge", ".", "--output-file", "out/report"],
    "plan": ["plan", ".", "--output-file", "out/report"],
}


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX permission bits")
@pytest.mark.parametrize("argv", WRITERS.values(), ids=WRITERS.keys())
@pytest.mark.parametrize("mask", [0o022, 0o027, 0o077])
def test_a_new_file_gets_the_permissions_a_plain_open_gives(repo, capsys, umask, argv, mask):
    umask(mask)
    main(argv)
    assert os.stat("out/report").st_mode & 0o777 == 0o666 & ~mask, capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX permission bits")
@pytest.mark.parametrize("argv", WRITERS.values(), ids=WRITERS.keys())
@pytest.mark.parametrize("mode", [0o664, 0o640, 0o600])
def test_a_replaced_file_keeps_its_permissions(repo, capsys, umask, argv, mode):
    os.mkdir("out")
    with open("out/report", "w") as old:
        old.write("the last report\n")
    os.chmod("out/report", mode)
    main(argv)
    assert os.stat("out/report").st_mode & 0o777 == mode, capsys.readouterr().err
    with open("out/report") as new:
        assert new.read() != "the last report\n"
