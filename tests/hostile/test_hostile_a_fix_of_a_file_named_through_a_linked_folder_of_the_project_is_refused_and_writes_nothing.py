"""`migcheck check --fix` of a file named through a folder of the project that is a symbolic link (`net/`, a
link a repository can commit, to a folder elsewhere) wrote the fixed file through the link, into the folder it
points to, where `--output-file` and `--write-baseline` refuse such a path. The fix is now refused the same
way, with the path the link leads to, and nothing is written there."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from migcheck.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples" / "contoso"
NETCFG = "network/NetworkConfig.netcfg"


def test_a_fix_through_a_linked_folder_is_refused_and_the_file_it_leads_to_keeps_its_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(EXAMPLES, elsewhere)
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text("[tool.migcheck]\n")
    (project / "net").symlink_to(elsewhere, target_is_directory=True)
    monkeypatch.chdir(project)
    before = (elsewhere / NETCFG).read_bytes()

    code = main(["check", f"net/{NETCFG}", "--fix", "--unsafe-fixes"])
    err = capsys.readouterr().err

    assert code == 2
    assert (
        f"migcheck: error: cannot fix net/{NETCFG}: the folder net is a symbolic link (to {elsewhere}), and "
        "migcheck does not write through links in the project"
    ) in err
    assert (elsewhere / NETCFG).read_bytes() == before
    assert sorted(p.name for p in (elsewhere / "network").iterdir()) == sorted(
        p.name for p in (EXAMPLES / "network").iterdir()
    )
