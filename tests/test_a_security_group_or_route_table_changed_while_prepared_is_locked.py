"""A network security group or route table prepared on its own is locked until its Commit or Abort: the
deep dive says the management-plane operations for the NSG and the UDR "are blocked when the migration is in
progress", so a change to its rules, routes or subnets in between is MIG602, in every script language; and a
change made before the Prepare never stops the run."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

CLI_GROUP = """\
azure config mode asm
azure network nsg validate-migration nsg-web
azure network nsg prepare-migration nsg-web
{command}
azure network nsg commit-migration nsg-web
"""

CLI_TABLE = """\
azure config mode asm
azure network route-table validate-migration rt-fw
azure network route-table prepare-migration rt-fw
{command}
azure network route-table commit-migration rt-fw
"""

CLI_CHANGES = [
    (
        CLI_GROUP,
        "azure network nsg rule create nsg-web allow-http -p 100 -o 80",
        "network security group 'nsg-web'",
    ),
    (CLI_GROUP, "azure network nsg rule delete nsg-web allow-http -q", "network security group 'nsg-web'"),
    (CLI_GROUP, "azure network nsg subnet add nsg-web app-vnet web", "network security group 'nsg-web'"),
    (CLI_GROUP, "azure network nsg delete nsg-web -q", "network security group 'nsg-web'"),
    (
        CLI_TABLE,
        "azure network route-table route set rt-fw default 0.0.0.0/0 VirtualAppliance 10.0.0.4",
        "route table 'rt-fw'",
    ),
    (CLI_TABLE, "azure network vnet subnet route-table add app-vnet web rt-fw", "route table 'rt-fw'"),
    (CLI_TABLE, "azure network route-table delete rt-fw -q", "route table 'rt-fw'"),
]


@pytest.mark.parametrize(
    ("script", "command", "changed"), CLI_CHANGES, ids=[c[1][14:48] for c in CLI_CHANGES]
)
def test_a_classic_cli_change_between_the_prepare_and_the_commit_of_its_group_or_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, command: str, changed: str
) -> None:
    files = {"m.sh": script.format(command=command)}
    result = lint_files(tmp_path, monkeypatch, files, "MIG602")
    # (one associating the group or table with a subnet also makes its own move wrong: another finding)
    changes = [f for f in result.findings if " changes " in f.message]
    assert where(changes) == ["MIG602 m.sh:4:1"]
    assert f"changes {changed} after" in changes[0].message


def test_a_route_set_before_its_table_is_prepared_is_no_change_while_locked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = """\
    azure config mode asm
    azure network route-table route set rt-fw default 0.0.0.0/0 VirtualAppliance 10.10.2.4
    azure network route-table prepare-migration rt-fw
    """
    result = lint_files(tmp_path, monkeypatch, {"rt.sh": script}, "MIG602")
    assert not [f for f in result.findings if "changes route table" in f.message]
