"""Declarations that Python's TOML parser cannot convert, and output paths that are inputs: an inventory
file's huge integer or deep nesting is a MIG001 about the file, not "a fault in migcheck"; a report,
baseline or badge aimed at a file the run reads is refused before anything is written, and a report is
not written into a folder that does not exist."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from migcheck.cli import main
from migcheck.readers.declarations import read

SERVICE = '[[vnet-services]]\nvnet = "prod-vnet"\nservice = "api-management"\n'


@pytest.mark.parametrize(
    ("name", "message", "line", "column"),
    [
        ("1" + "9" * 5000, "not readable TOML: an integer of 5,001 digits (at most 4,300 are read)", 4, 8),
        (
            "1_" + "9_" * 4400 + "9",
            "not readable TOML: an integer of 4,402 digits (at most 4,300 are read)",
            4,
            8,
        ),
        (
            "[" * 100_000 + "]" * 100_000,
            "not readable TOML: arrays or tables nested too deeply to read",
            4,
            107,
        ),
        ("0x" + "F" * 5000, "`name` must be a string, got an integer too long to show", 4, 8),
    ],
    ids=["decimal", "underscores", "nested", "hexadecimal"],
)
def test_a_declaration_the_parser_cannot_convert_is_a_problem_in_the_file(name, message, line, column):
    document = read("inventory.toml", f"{SERVICE}name = {name}\n".encode())
    assert document.problem is not None and document.problem.kind == "syntax"
    assert message in document.problem.message
    assert (document.problem.mark.line, document.problem.mark.column) == (line, column)


NETCFG = (
    '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">'
    '<VirtualNetworkConfiguration><VirtualNetworkSites><VirtualNetworkSite name="v" AffinityGroup="ag">'
    "<AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>"
    "</VirtualNetworkSite></VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>\n"
)


@pytest.fixture
def checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "NetworkConfig.netcfg").write_text(NETCFG)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    "command",
    [
        ["check", ".", "--output-file", "NetworkConfig.netcfg"],
        ["check", ".", "--format", "json", "--output-file", "./NetworkConfig.netcfg"],
        ["check", ".", "--write-baseline", "NetworkConfig.netcfg"],
        ["check", ".", "--fix", "--output-file", "NetworkConfig.netcfg"],
        ["badge", ".", "--output-file", "NetworkConfig.netcfg"],
        ["plan", ".", "--output-file", "NetworkConfig.netcfg"],
    ],
    ids=["report", "report-other-name", "baseline", "fix", "badge", "plan"],
)
def test_an_output_that_is_a_file_checked_is_refused_before_anything_is_written(checked, capsys, command):
    code = main(command)
    _, err = capsys.readouterr()
    assert code == 2, err
    assert "cannot write" in err and "a file this run checks" in err and "never writes to the files" in err
    assert (checked / "NetworkConfig.netcfg").read_text() == NETCFG
    assert sorted(p.name for p in checked.iterdir()) == ["NetworkConfig.netcfg"]  # no temporary left


@pytest.mark.parametrize("link", ["hard", "symbolic", "absolute"])
def test_an_output_that_leads_to_a_file_checked_is_refused(checked, capsys, link):
    target = checked / "NetworkConfig.netcfg"
    if link == "hard":
        (checked / "report.txt").hardlink_to(target)
    elif link == "symbolic":
        (checked / "report.txt").symlink_to(target)
    output = str(target) if link == "absolute" else "report.txt"
    code = main(["check", "NetworkConfig.netcfg", "--output-file", output])
    _, err = capsys.readouterr()
    assert code == 2 and "NetworkConfig.netcfg" in err and "a file this run checks" in err
    assert target.read_text() == NETCFG


@pytest.mark.parametrize("command", ["check", "plan", "badge"])
def test_an_output_that_is_a_link_in_the_folder_to_a_file_outside_is_refused_as_a_link(
    checked, tmp_path_factory, capsys, command
):
    # The walk finds out2.json, a link to a file outside the folder that it does not read: refused as
    # the link it is, as a link of any other name is, not as a file the run checks.
    victim = tmp_path_factory.mktemp("outside") / "victim.txt"
    victim.write_text("keep\n")
    (checked / "out2.json").symlink_to(victim)
    code = main([command, ".", "--output-file", "out2.json"])
    _, err = capsys.readouterr()
    assert code == 2
    assert "cannot write out2.json: it is a symbolic link, and migcheck does not write through links" in err
    assert "a file this run checks" not in err
    assert victim.read_text() == "keep\n"


def test_an_output_that_is_a_link_to_nothing_is_refused_before_any_fix(checked, capsys):
    (checked / "NetworkConfig.netcfg").write_text(NETCFG.replace("10.0.0.0/16", "10.0.0.5/16"))
    (checked / "report.txt").symlink_to(checked / "missing" / "report.txt")
    code = main(["check", "NetworkConfig.netcfg", "--fix", "--output-file", "report.txt"])
    _, err = capsys.readouterr()
    assert code == 2 and "cannot write report.txt: it is a symbolic link" in err
    assert "10.0.0.5/16" in (checked / "NetworkConfig.netcfg").read_text()  # not fixed


def test_the_settings_file_and_the_baseline_are_not_written_over(checked, capsys):
    (checked / "pyproject.toml").write_text('[tool.migcheck]\nbaseline = "known.json"\n')
    main(["check", ".", "--write-baseline", "known.json"])
    capsys.readouterr()
    before = {name: (checked / name).read_bytes() for name in ("pyproject.toml", "known.json")}
    for command, what in [
        (["check", ".", "--output-file", "pyproject.toml"], "the settings file this run reads"),
        (["check", ".", "--output-file", "known.json"], "the baseline this run reads"),
    ]:
        assert main(command) == 2
        assert what in capsys.readouterr().err
    for name, data in before.items():
        assert (checked / name).read_bytes() == data


def test_the_saved_file_behind_an_editors_buffer_is_not_written_over(checked, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(NETCFG.replace('"v"', '"w"')))
    command = ["check", "--stdin-filename", "NetworkConfig.netcfg", "--output-file", "NetworkConfig.netcfg"]
    assert main(command) == 2
    assert "the file --stdin-filename checks" in capsys.readouterr().err
    assert (checked / "NetworkConfig.netcfg").read_text() == NETCFG


def test_a_report_read_again_by_the_next_run_is_still_replaced(checked, capsys):
    """Last run's report.json and junit.xml are read by `check .` (they may be classic files) and hold
    nothing classic: not checked, so replacing them stays the CI routine it is."""
    for _ in range(2):
        assert main(["check", ".", "--format", "json", "--output-file", "report.json"]) == 0  # a warning
        assert main(["check", ".", "--format", "junit", "--output-file", "junit.xml"]) == 0
        assert main(["badge", ".", "--output-file", "badge.svg"]) == 0
    assert "MIG303" in (checked / "report.json").read_text()
    assert "Traceback" not in capsys.readouterr().err
