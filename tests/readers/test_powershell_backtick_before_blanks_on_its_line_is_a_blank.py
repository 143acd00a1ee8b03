"""A PowerShell backtick followed by blanks and more of the command on its line (a script whose line breaks
were lost, its continued lines joined into one: `New-AzureVM -ServiceName svc1 `    -VNetName vnet1`) is
a blank to PowerShell's tokenizer, and the command goes on: it is read whole, as PowerShell runs it, where
the grammar took the backtick for a line continuation and left the rest of the line unread."""

from __future__ import annotations

from migcheck.model import Deployment, Script
from migcheck.readers.powershell import read

CONFIG = "$vm = New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img | Set-AzureSubnet -SubnetNames Sub1\n"


def _read(text: str) -> tuple[dict[str, Deployment], list[tuple[int, int]]]:
    document = read("deploy.ps1", text.encode())
    assert document.problem is None
    deployments = {r.service_name: r for r in document.resources if isinstance(r, Deployment)}
    unread = [(m.line, m.column) for r in document.resources if isinstance(r, Script) for m in r.unread]
    return deployments, unread


def test_a_command_whose_line_breaks_were_lost_is_read_whole():
    joined = CONFIG + "New-AzureVM -ServiceName svc1 `          -VMs $vm `          -VNetName vnet1\n"
    deployments, unread = _read(joined)
    assert unread == []
    network = deployments["svc1"].virtual_network
    assert network is not None and network.name == "vnet1"


def test_the_same_command_with_its_line_breaks_reads_alike():
    continued = CONFIG + "New-AzureVM -ServiceName svc1 `\n    -VMs $vm `\n    -VNetName vnet1\n"
    deployments, unread = _read(continued)
    assert unread == []
    network = deployments["svc1"].virtual_network
    assert network is not None and network.name == "vnet1"


def test_a_backtick_before_blanks_in_a_string_stays():
    text = CONFIG + "New-AzureVM -ServiceName svc1 -VMs $vm -VNetName 'vnet1 `  x'\n"
    deployments, _ = _read(text)
    network = deployments["svc1"].virtual_network
    assert network is not None and network.name == "vnet1 `  x"
