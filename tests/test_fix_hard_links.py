"""`migcheck check --fix` on a file with several names (hard links): the fix is written to a new file
renamed over the name checked, so the other names would keep the old text. The file is refused, as a
symbolic link is, with what to do instead, and the other files are fixed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from migcheck.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "contoso"
NETCFG = "network/NetworkConfig.netcfg"
SQL01 = "vms/sql-tier/contoso-sql01.xml"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(EXAMPLES, tmp_path / "contoso")
    (tmp_path / "pyproject.toml").write_text("[tool.migcheck]\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "contoso"


def test_a_hard_linked_file_is_refused_and_both_names_keep_one_text(repo: Path, capsys):
    netcfg, sql01 = repo / NETCFG, repo / SQL01
    other = repo.parent / "NetworkConfig.copy.netcfg"
    os.link(netcfg, other)
    before = netcfg.read_bytes()

    code = main(["check", str(netcfg), str(sql01), "--fix", "--unsafe-fixes"])
    err = capsys.readouterr().err

    assert code == 2
    shown = netcfg.relative_to(repo.parent).as_posix()
    assert f"migcheck: error: cannot fix {shown}: it has 2 names (hard links)" in err
    assert "--diff" in err
    assert "Traceback" not in err
    assert netcfg.read_bytes() == before == other.read_bytes()
    assert os.path.samefile(netcfg, other)  # still one file
    assert b"<Version>2.*</Version>" in sql01.read_bytes()  # the other file is fixed


def test_the_diff_of_a_hard_linked_file_is_printed_to_apply_by_hand(repo: Path, capsys):
    netcfg = repo / NETCFG
    other = repo.parent / "NetworkConfig.copy.netcfg"
    os.link(netcfg, other)
    main(["check", str(netcfg), "--diff"])
    out = capsys.readouterr().out
    assert "+            <AddressPrefix>10.3.0.0/24</AddressPrefix>" in out


def test_a_file_with_one_name_is_fixed(repo: Path, capsys):
    netcfg = repo / NETCFG
    main(["check", str(netcfg), "--fix"])
    assert b">10.3.0.0/24<" in netcfg.read_bytes()
    assert "Fixed 1 finding in 1 file." in capsys.readouterr().err
