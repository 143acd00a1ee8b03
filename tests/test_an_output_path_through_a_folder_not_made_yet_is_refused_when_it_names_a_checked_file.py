"""`--output-file DIR/missing/../a.sh` (or `--write-baseline`, `plan --output-file`) where DIR/a.sh is a file
the run checks and DIR/missing does not exist: writing makes `missing`, and the path then names DIR/a.sh. It is
refused before anything is made, as `--output-file DIR/a.sh` is; it replaced the checked file and left an
empty folder behind."""

from __future__ import annotations

import pytest
from lint_support import run_cli

NETCFG = (
    '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">'
    "<VirtualNetworkConfiguration><VirtualNetworkSites>"
    '<VirtualNetworkSite name="vnet1" Location="West Europe"><AddressSpace><AddressPrefix>10.0.0.0/16'
    "</AddressPrefix></AddressSpace></VirtualNetworkSite></VirtualNetworkSites></VirtualNetworkConfiguration>"
    "</NetworkConfiguration>\n"
)
COMMANDS = {
    "check --output-file": ["check", "repo", "--format", "sarif", "--output-file"],
    "check --write-baseline": ["check", "repo", "--write-baseline"],
    "plan --output-file": ["plan", "repo", "--output-file"],
}


@pytest.mark.parametrize("argv", COMMANDS.values(), ids=COMMANDS)
def test_a_path_that_names_a_checked_file_once_its_folder_is_made_is_refused(
    tmp_path, monkeypatch, capsys, argv
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "a.netcfg").write_text(NETCFG, encoding="utf-8")
    code, out, err = run_cli(capsys, *argv, "repo/missing/../a.netcfg")
    assert out == ""
    assert code == 2, err
    assert "cannot write repo/missing/../a.netcfg: it is a file this run checks, and migcheck never" in err
    assert (tmp_path / "repo" / "a.netcfg").read_text(encoding="utf-8") == NETCFG
    assert not (tmp_path / "repo" / "missing").exists()
