"""A part of a PowerShell command the grammar cannot read (a dash escaped with a backtick) ends with its
line, as PowerShell ends the command there: the next line is a command of its own, read as written, where
error recovery took it for more arguments of the first."""

from __future__ import annotations

import textwrap

from migcheck.model import Deployment, Script
from migcheck.readers.powershell import read

ESCAPED_DASH = """\
New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img | Set-AzureSubnet -SubnetNames Sub1 | New-AzureVM -ServiceName svc1 `-VNetName vnet1
New-AzureVMConfig -Name vm2 -InstanceSize Small -ImageName img | Set-AzureSubnet -SubnetNames Sub1,Sub2 | New-AzureVM -ServiceName svc2 -VNetName vnet1
"""


def _resources(text: str) -> tuple[object, ...]:
    document = read("deploy.ps1", textwrap.dedent(text).encode())
    assert document.problem is None
    return document.resources


def _deployments(text: str) -> dict[str, Deployment]:
    return {r.service_name: r for r in _resources(text) if isinstance(r, Deployment)}


def test_the_command_after_an_unread_part_is_read_on_its_own():
    deployments = _deployments(ESCAPED_DASH)
    second = deployments["svc2"]
    assert [role.name for role in second.roles] == ["vm2"]
    assert [s.name for s in second.roles[0].subnets] == ["Sub1", "Sub2"]
    assert second.virtual_network is not None and second.virtual_network.name == "vnet1"


def test_the_command_that_holds_the_unread_part_is_refused_as_powershell_binds_it():
    # `-VNetName escaped is a string given by position, which no parameter of New-AzureVM takes: the call
    # fails as it binds its arguments, and makes no deployment.
    assert "svc1" not in _deployments(ESCAPED_DASH)


def test_the_unread_part_is_still_listed_where_it_starts():
    script = next(r for r in _resources(ESCAPED_DASH) if isinstance(r, Script))
    assert [(m.line, m.column) for m in script.unread] == [(1, 132)]


def test_a_variable_in_the_unread_part_keeps_the_next_line_read():
    text = """\
    $vnet = "vnet1"
    New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img | New-AzureVM -ServiceName svc1 `-VNetName $vnet
    New-AzureVMConfig -Name vm2 -InstanceSize Small -ImageName img | New-AzureVM -ServiceName svc2 -VNetName vnet2
    """
    deployments = _deployments(text)
    assert [role.name for role in deployments["svc2"].roles] == ["vm2"]
    assert deployments["svc2"].virtual_network is not None


def test_a_line_continued_with_a_backtick_is_one_command():
    text = """\
    New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img | New-AzureVM -ServiceName svc1 `-VNetName `
        vnet1
    """
    script = next(r for r in _resources(text) if isinstance(r, Script))
    assert [m.line for m in script.unread] == [1]  # one command, said once, where its unread part starts
    assert not _deployments(text)  # refused whole, its continued line with it


def test_an_unread_part_in_brackets_that_close_on_a_later_line_is_left_to_the_grammar():
    text = """\
    $names = @(
        (Get-AzureVM -ServiceName svc1 `-Name vm1)
        "b"
    )
    New-AzureVMConfig -Name vm2 -InstanceSize Small -ImageName img | New-AzureVM -ServiceName svc2
    """
    assert "svc2" in _deployments(text)
