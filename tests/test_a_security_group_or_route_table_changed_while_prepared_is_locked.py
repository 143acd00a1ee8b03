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
    changes = [f for f in result.findings if " changes " in f.message or " deletes " in f.message]
    assert where(changes) == ["MIG602 m.sh:4:1"]
    # a delete of the group or table itself is told as a delete
    verb = "deletes" if command.split()[3] == "delete" else "changes"
    assert f"{verb} {changed} after" in changes[0].message


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


PS_GROUP = """\
Move-AzureNetworkSecurityGroup -Validate -NetworkSecurityGroupName 'nsg-web'
Move-AzureNetworkSecurityGroup -Prepare -NetworkSecurityGroupName 'nsg-web'
{command}
Move-AzureNetworkSecurityGroup -Commit -NetworkSecurityGroupName 'nsg-web'
"""

PS_TABLE = """\
Move-AzureRouteTable -Validate -RouteTableName 'rt-fw'
Move-AzureRouteTable -Prepare -RouteTableName 'rt-fw'
{command}
Move-AzureRouteTable -Commit -RouteTableName 'rt-fw'
"""

SM = "https://management.core.windows.net/aaaaaaaa-0000-0000-0000-000000000001/services/networking"
HEADERS = "-Certificate $cert -Headers @{ 'x-ms-version' = '2015-04-01' }"

PS_CHANGES = [
    (
        PS_GROUP,
        "Get-AzureNetworkSecurityGroup -Name 'nsg-web' | Set-AzureNetworkSecurityRule -Name 'http' -Type Inbound "
        "-Priority 100 -Action Allow -SourceAddressPrefix '*' -SourcePortRange '*' -DestinationAddressPrefix '*' "
        "-DestinationPortRange 80 -Protocol TCP",
        "Set-AzureNetworkSecurityRule changes network security group 'nsg-web'",
    ),
    (
        PS_GROUP,
        "Remove-AzureNetworkSecurityRule -NetworkSecurityGroup (Get-AzureNetworkSecurityGroup -Name 'nsg-web') "
        "-Name 'http'",
        "Remove-AzureNetworkSecurityRule changes network security group 'nsg-web'",
    ),
    (
        PS_GROUP,
        "Remove-AzureNetworkSecurityGroup -Name 'nsg-web' -Force",
        "Remove-AzureNetworkSecurityGroup deletes network security group 'nsg-web'",
    ),
    (
        PS_GROUP,
        f"Invoke-RestMethod -Method Delete -Uri '{SM}/networksecuritygroups/nsg-web/rules/http' {HEADERS}",
        "/networksecuritygroups/nsg-web/rules/http changes network security group 'nsg-web'",
    ),
    (
        PS_TABLE,
        "Get-AzureRouteTable -Name 'rt-fw' | Set-AzureRoute -RouteName 'default' -AddressPrefix '0.0.0.0/0' "
        "-NextHopType VirtualAppliance -NextHopIpAddress '10.10.2.4'",
        "Set-AzureRoute changes route table 'rt-fw'",
    ),
    (
        PS_TABLE,
        "Remove-AzureRouteTable -Name 'rt-fw' -Force",
        "Remove-AzureRouteTable deletes route table 'rt-fw'",
    ),
    (
        PS_TABLE,
        f"Invoke-RestMethod -Method Delete -Uri '{SM}/routetables/rt-fw' {HEADERS}",
        "/routetables/rt-fw deletes route table 'rt-fw'",
    ),
]


@pytest.mark.parametrize(("script", "command", "said"), PS_CHANGES, ids=[c[1][:40] for c in PS_CHANGES])
def test_a_powershell_change_between_the_prepare_and_the_commit_of_its_group_or_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, command: str, said: str
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"m.ps1": script.format(command=command)}, "MIG602")
    assert [f.location.line for f in result.findings if f.location] == [3]
    assert said in result.findings[0].message


def test_a_change_to_another_group_than_the_one_prepared_is_no_change_while_locked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    command = "Remove-AzureNetworkSecurityGroup -Name 'nsg-other' -Force"
    result = lint_files(tmp_path, monkeypatch, {"m.ps1": PS_GROUP.format(command=command)}, "MIG602")
    assert result.findings == []
