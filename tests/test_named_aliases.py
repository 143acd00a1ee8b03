"""One file reached under two names on the command line (a folder and a link to it, a file and a link to
it, overlapping folders) is read, reported and fixed once, under the first name; a loop of links is said
to be one, in the walk and on the command line."""

from __future__ import annotations

import os

import pytest

from migcheck.cli import main
from migcheck.discover import discover

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="prod" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="FrontEnd"><AddressPrefix>10.0.0.00/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


@pytest.fixture
def tree(tmp_path, monkeypatch):
    (tmp_path / "net").mkdir()
    (tmp_path / "net" / "NetworkConfig.netcfg").write_text(NETCFG)
    os.symlink("net", tmp_path / "current")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def paths(*given: str) -> list[str]:
    return [c.path for c in discover(given)]


def test_a_folder_and_a_link_to_it_give_each_file_once_under_the_first_name(tree):
    assert paths("net", "current") == ["net/NetworkConfig.netcfg"]
    assert paths("current", "net") == ["current/NetworkConfig.netcfg"]
    assert paths(".", "current") == ["net/NetworkConfig.netcfg"]


def test_a_file_named_through_a_link_is_the_file_the_folder_gives(tree):
    assert paths("net", "current/NetworkConfig.netcfg") == ["net/NetworkConfig.netcfg"]
    os.symlink("net/NetworkConfig.netcfg", tree / "alias.netcfg")
    assert paths("alias.netcfg", "net") == ["alias.netcfg"]
    [named] = discover(["net/NetworkConfig.netcfg", "net"])
    assert named.explicit  # a file named and walked too is still the file the user named


def test_hard_links_named_in_two_folders_are_two_files(tree):
    (tree / "copy").mkdir()
    os.link(tree / "net" / "NetworkConfig.netcfg", tree / "copy" / "NetworkConfig.netcfg")
    assert paths("net", "copy") == ["copy/NetworkConfig.netcfg", "net/NetworkConfig.netcfg"]


def test_a_folder_and_a_link_to_it_are_reported_and_fixed_once(tree, capsys):
    assert main(["check", "net", "current", "--quiet"]) == 1
    out = capsys.readouterr().out
    assert out.count("MIG304") == 1 and "current/" not in out
    assert main(["check", "net", "current", "--fix", "--quiet"]) == 0
    captured = capsys.readouterr()
    assert "it changed since it was checked" not in captured.err
    assert "10.0.0.0/24" in (tree / "net" / "NetworkConfig.netcfg").read_text()


def test_a_loop_of_links_in_the_walk_is_said_to_be_one(tree, capsys):
    os.symlink("loop2.netcfg", tree / "net" / "loop1.netcfg")
    os.symlink("loop1.netcfg", tree / "net" / "loop2.netcfg")
    os.symlink("nowhere.netcfg", tree / "net" / "gone.netcfg")
    found = {c.path: c.refused for c in discover(["net"])}
    assert found["net/loop1.netcfg"] == (
        "not read: a symbolic link in a loop of links "
        "(loop1.netcfg -> loop2.netcfg -> loop1.netcfg: ELOOP, it never reaches a file)"
    )
    assert "does not exist" in found["net/gone.netcfg"] and "loop" not in found["net/gone.netcfg"]
    main(["check", "net", "--select", "MIG001", "--quiet"])
    out = capsys.readouterr().out
    assert "net/loop2.netcfg:1:1: MIG001 [error] not read: a symbolic link in a loop of links" in out
    assert "help: Point one link of the loop at the file itself, or delete the links." in out
    assert "help: Restore the file the link points to, or delete the link." in out  # gone.netcfg


def test_a_loop_of_links_named_on_the_command_line_is_said_to_be_one(tree, capsys):
    os.symlink("self.netcfg", tree / "self.netcfg")
    assert main(["check", "self.netcfg"]) == 2
    assert capsys.readouterr().err.startswith(
        "migcheck: error: symbolic link loop: self.netcfg -> self.netcfg never reaches a file (ELOOP): "
        "point one link of the loop at the file itself, or name the file"
    )
