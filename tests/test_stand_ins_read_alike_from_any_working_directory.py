"""A name a script does not state is shown as a stand-in that names the file by its name, never by its path
as shown (`<virtual network name, deploy.ps1:3:50>`, `<storage account name, deploy.ps1:2:88>`,
`<cloud service name, init.sh:2>`), so `migcheck check repo` from above a repository says what
`migcheck check .` says in it: the same messages, the same plan (its steps' names, resource groups and
commands), in every format. Only the paths of locations differ, which are relative to the working directory
by contract; two copies of one script in two folders are told apart, in every stand-in, by their files' paths
relative to the folder they share (`<virtual network name, teamA/deploy.ps1:3:50>`), which read alike from
any working directory too."""

from __future__ import annotations

import json
import re

import pytest
from lint_support import run_cli

TEAM_SCRIPT = """\
param($svc, $VNetName, $sa)
$vm = New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img" -MediaLocation "https://$sa.blob.core.windows.net/vhds/a.vhd"
New-AzureVM -ServiceName $svc -VMs $vm -VNetName $VNetName -Location "West Europe"
"""
# The network, the script's first argument, is one it does not state (a variable it assigns nowhere would be
# the session's, in no network unless the session sets it).
SHELL_SCRIPT = "#!/bin/bash\nazure vm create $SVC img user pass -w $1 -b front\n"
FILES = {
    "teamA/deploy.ps1": TEAM_SCRIPT,
    "teamB/deploy.ps1": TEAM_SCRIPT,
    "ops/init.sh": SHELL_SCRIPT,
}
# A location's path from above the repository: `repo/` where it starts, never after the `, ` of a stand-in.
LOCATION_FROM_ABOVE = re.compile(r"(?<!, )\brepo/")


def _both(tmp_path, monkeypatch, capsys, *argv: str) -> tuple[str, str]:
    """The output of `migcheck ARGV .` in the repository, and of `migcheck ARGV repo` above it with the
    locations' paths made relative to the repository."""
    repo = tmp_path / "repo"
    for name, text in FILES.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(repo)
    inside = run_cli(capsys, argv[0], ".", *argv[1:])[1]
    monkeypatch.chdir(tmp_path)
    above = run_cli(capsys, argv[0], "repo", *argv[1:])[1]
    return inside, LOCATION_FROM_ABOVE.sub("", above)


def test_the_findings_say_the_same_from_inside_and_above(tmp_path, monkeypatch, capsys):
    inside, above = _both(tmp_path, monkeypatch, capsys, "check", "--format", "json", "--select", "ALL")
    assert json.loads(inside) == json.loads(above)
    assert any("<virtual network name, teamA/deploy.ps1:3:" in f["message"] for f in json.loads(inside))


def test_sarif_says_the_same_from_inside_and_above(tmp_path, monkeypatch, capsys):
    def messages(sarif: str) -> list[tuple[str, str]]:
        return [(r["ruleId"], r["message"]["text"]) for r in json.loads(sarif)["runs"][0]["results"]]

    inside, above = _both(tmp_path, monkeypatch, capsys, "check", "--format", "sarif", "--select", "ALL")
    assert messages(inside) == messages(above)


@pytest.mark.parametrize("format_", ["text", "json", "markdown", "html"])
def test_the_plan_says_the_same_from_inside_and_above(tmp_path, monkeypatch, capsys, format_):
    inside, above = _both(tmp_path, monkeypatch, capsys, "plan", "--format", format_)
    assert inside == above
    assert "storage account name, teamA/deploy.ps1:2:" in inside
    assert "DNS name, init.sh:2" in inside


def test_copies_of_one_script_in_two_folders_are_two_networks_told_apart_by_their_files(
    tmp_path, monkeypatch, capsys
):
    inside, _ = _both(tmp_path, monkeypatch, capsys, "plan", "--format", "json")
    steps = json.loads(inside)["subscriptions"][0]["steps"]
    networks = [s["name"] for s in steps if s["kind"] == "network"]
    assert sorted(networks) == [
        "<virtual network name, init.sh:2:39>",
        "<virtual network name, teamA/deploy.ps1:3:50>",
        "<virtual network name, teamB/deploy.ps1:3:50>",
    ]
    assert len({s["id"] for s in steps}) == len(steps)
