"""A command whose name starts with a keyword and a dash (`ForEach-Object { … }` where a statement starts,
`$x = ForEach-Object { … }`, a function `Do-Deploy`) is the command, as PowerShell reads it: the statement is
read, not reported as a part the parser cannot read, and a classic call in it is read."""

from __future__ import annotations

import pytest
from growth import assert_linear
from lint_support import script_resources, unread_marks

from migcheck.model import ServiceRegion
from migcheck.readers import powershell

WMI = (
    "$DNSServers = ForEach-Object {\n"
    "  Get-WMIObject Win32_NetworkAdapterConfiguration | `\n"
    "  Select  DNSServerSearchOrder\n"
    "}\n"
    'New-AzureService -ServiceName svc2 -Location "West US"\n'
)


def _read(text: str) -> tuple[object, ...]:
    return script_resources(text, "deploy.ps1")


def test_a_pipeline_continued_after_its_pipe_in_an_assigned_foreach_object_is_read():
    resources = _read(WMI)
    assert unread_marks(resources) == []
    assert [r.service for r in resources if isinstance(r, ServiceRegion)] == ["svc2"]


@pytest.mark.parametrize(
    "statement",
    [
        "$x = ForEach-Object { New-AzureService -ServiceName svc1 -Location 'West US' }",
        "  foreach-object -Process { New-AzureService -ServiceName svc1 -Location 'West US' }",
        "function Do-Deploy { New-AzureService -ServiceName svc1 -Location 'West US' }; $y = Do-Deploy",
    ],
)
def test_a_classic_call_in_a_command_named_after_a_keyword_is_read(statement):
    resources = _read(statement + "\n")
    assert unread_marks(resources) == []
    assert [r.service for r in resources if isinstance(r, ServiceRegion)] == ["svc1"]


def test_the_keyword_itself_is_still_a_statement():
    resources = _read("foreach ($s in @('svc1')) { New-AzureService -ServiceName $s -Location 'West US' }\n")
    assert [r.service for r in resources if isinstance(r, ServiceRegion)] == ["svc1"]


def test_cost_is_linear_in_the_number_of_such_commands():
    def make(count):
        data = "".join(f"$x{i} = ForEach-Object {{ Get-Thing a{i} }}\n" for i in range(count)).encode()
        return lambda: powershell.read("deploy.ps1", data)

    assert_linear(make, 1500)
