"""Reports, plans, badges and baselines are never written through a linked folder of the project (a
committed `reports -> /elsewhere`), and never over an ignore file the run read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from migcheck.cli import main

CSDEF = '<ServiceDefinition name="shop"><WebRole name="Web"/></ServiceDefinition>\n'
WRITERS = {
    "output-file": ["check", ".", "--output-file"],
    "write-baseline": ["check", ".", "--write-baseline"],
    "plan": ["plan", ".", "--output-file"],
    "badge": ["badge", ".", "--output"],
}


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A folder outside the project, where nothing may be written."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


@pytest.fixture
def project(tmp_path: Path, elsewhere: Path, monkeypatch) -> Path:
    """A project that committed `reports` as a link to a folder outside it; the working folder."""
    root = tmp_path / "project"
    root.mkdir()
    (root / "ServiceDefinition.csdef").write_text(CSDEF)
    (root / "real").mkdir()
    os.symlink(elsewhere, root / "reports")
    monkeypatch.chdir(root)
    return root


@pytest.mark.parametrize("argv", WRITERS.values(), ids=WRITERS.keys())
@pytest.mark.parametrize("target", ["reports/out.json", "real/../reports/out.json", "reports/new/out.json"])
def test_a_linked_folder_in_the_path_is_refused(project, elsewhere, capsys, argv, target):
    assert main([*argv, target]) == 2
    err = capsys.readouterr().err
    assert "is a symbolic link" in err and "name a path with no link in it" in err, err
    assert list(elsewhere.iterdir()) == []


def test_the_refusal_says_which_folder_and_where_it_leads(project, elsewhere, capsys):
    main(["check", ".", "--output-file", "reports/out.json"])
    err = capsys.readouterr().err
    assert f"cannot write reports/out.json: the folder reports is a symbolic link (to {elsewhere})" in err
    assert f"(this one leads to {elsewhere / 'out.json'})" in err


def test_a_linked_folder_of_the_project_is_refused_from_a_subfolder(project, elsewhere, capsys, monkeypatch):
    """The project root is the settings file's folder: its links are guarded from below it too."""
    (project / "pyproject.toml").write_text("[tool.migcheck]\n")
    monkeypatch.chdir(project / "real")
    assert main(["check", "..", "--output-file", "../reports/out.json"]) == 2
    assert "symbolic link" in capsys.readouterr().err
    assert list(elsewhere.iterdir()) == []


def test_a_link_above_the_project_is_the_users_own(tmp_path, capsys, monkeypatch):
    """A link above the working folder (as /tmp is on macOS), and an absolute path outside the
    project, are followed as ever."""
    (tmp_path / "machine").mkdir()
    os.symlink(tmp_path / "machine", tmp_path / "tmp")
    checkout = tmp_path / "tmp" / "checkout"
    checkout.mkdir()
    (checkout / "ServiceDefinition.csdef").write_text(CSDEF)
    monkeypatch.chdir(checkout)
    assert main(["check", ".", "--output-file", str(tmp_path / "tmp" / "report.txt")]) == 1
    assert main(["check", ".", "--output-file", "../report2.txt"]) == 1
    assert {p.name for p in (tmp_path / "machine").iterdir()} == {"checkout", "report.txt", "report2.txt"}


def test_a_folder_of_the_path_that_is_real_is_written(project, capsys):
    assert main(["check", ".", "--output-file", "real/out.txt"]) == 1
    assert (project / "real" / "out.txt").read_text().startswith("ServiceDefinition.csdef")


@pytest.fixture
def repository(tmp_path: Path, monkeypatch) -> Path:
    root = tmp_path / "repo"
    (root / ".git" / "info").mkdir(parents=True)
    (root / ".git" / "info" / "exclude").write_text("*.tmp\n")
    (root / ".gitignore").write_text("*.bak\n")
    (root / "services").mkdir()
    (root / "services" / ".gitignore").write_text("*.old\n")
    (root / "services" / "ServiceDefinition.csdef").write_text(CSDEF)
    monkeypatch.chdir(root)
    return root


@pytest.mark.parametrize(
    ("paths", "target"),
    [
        (["."], ".gitignore"),
        (["."], "services/.gitignore"),
        (["services"], ".gitignore"),  # above the walked folder, up to the repository's root
        (["."], ".git/info/exclude"),
    ],
)
def test_an_ignore_file_the_walk_reads_is_not_written(repository, capsys, paths, target):
    before = (repository / target).read_text()
    assert main(["check", *paths, "--output-file", target]) == 2
    assert f"cannot write {target}: it is an ignore file this run reads" in capsys.readouterr().err
    assert (repository / target).read_text() == before


def test_an_ignore_file_the_run_does_not_read_is_a_file_like_any(repository, capsys):
    assert main(["check", ".", "--no-respect-gitignore", "--output-file", ".gitignore"]) == 1
    assert (repository / ".gitignore").read_text().startswith("services/ServiceDefinition.csdef")


def test_the_writer_itself_refuses_a_linked_folder(project, elsewhere):
    """Whatever calls it: the check is in the one writer of reports, plans, badges and baselines."""
    from migcheck.output import OutputError, write_text

    with pytest.raises(OutputError, match="the folder reports is a symbolic link"):
        write_text("reports/out.json", "{}\n")
    with pytest.raises(OutputError, match="/project/reports is a symbolic link"):
        write_text(str(project / "reports" / "out.json"), "{}\n")  # absolute, in the project
    assert list(elsewhere.iterdir()) == []
