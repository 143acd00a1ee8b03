"""A script that moves a VM by exporting it and creating it again from the file it wrote
(`Get-AzureVM -Name vm1 | Export-AzureVM -Path C:\\temp\\vm1.xml` ... `Import-AzureVM -Path C:\\temp\\vm1.xml
| New-AzureVM ...`; `azure vm export vm1 vm1.json` ... `azure vm create-from svc vm1.json`) states the
VM's name: the VM created is planned as that VM, not as one whose name the files leave unstated. A file
the script names only for the import, or exports on a path it does not state whole, stays a VM unnamed."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import Deployment

POWERSHELL = """\
$sourceVM = Get-AzureVM -ServiceName "src-svc" -Name "vm1"
{export}
Remove-AzureVM -ServiceName "src-svc" -Name "vm1"
Import-AzureVM -Path "C:\\temp\\vm1.xml" | Set-AzureSubnet -SubnetNames "Back" | New-AzureVM -ServiceName "dst-svc" -VNetName "dst-vnet"
"""

SHELL = """\
azure config mode asm
{export}
azure vm delete vm1 -d src-svc -q
azure vm create-from dst-svc /tmp/vm1.json -w dst-vnet -l "West US"
"""


def created_in(resources: tuple[object, ...], service: str) -> list[str]:
    return [
        role.name
        for d in resources
        if isinstance(d, Deployment) and d.service_name == service
        for role in d.roles
    ]


@pytest.mark.parametrize(
    "export",
    [
        '$sourceVM | Export-AzureVM -Path "C:\\temp\\vm1.xml"',
        'Export-AzureVM -ServiceName "src-svc" -Name "vm1" -Path "C:\\TEMP\\vm1.xml"',
    ],
)
def test_a_powershell_vm_imported_from_the_file_the_script_exported_it_to_is_that_vm(export):
    resources = script_resources(POWERSHELL.format(export=export), "move.ps1")
    assert created_in(resources, "dst-svc") == ["vm1"]


@pytest.mark.parametrize(
    "export",
    [
        '$sourceVM | Export-AzureVM -Path "C:\\temp\\other.xml"',
        '$sourceVM | Export-AzureVM -Path "$env:TEMP\\vm1.xml"',
        'if ($args[0]) { $sourceVM | Export-AzureVM -Path "C:\\temp\\vm1.xml" }',
    ],
)
def test_a_powershell_vm_imported_from_a_file_not_surely_exported_there_is_unnamed(export):
    resources = script_resources(POWERSHELL.format(export=export), "move.ps1")
    assert [name.startswith("<VM name") for name in created_in(resources, "dst-svc")] == [True]


def test_a_classic_cli_vm_created_from_the_role_file_the_script_exported_is_that_vm():
    resources = script_resources(
        SHELL.format(export="azure vm export vm1 /tmp/vm1.json -d src-svc"), "move.sh"
    )
    assert created_in(resources, "dst-svc") == ["vm1"]


@pytest.mark.parametrize(
    "export",
    [
        "azure vm export vm1 /tmp/other.json -d src-svc",
        'if [ -n "$1" ]; then azure vm export vm1 /tmp/vm1.json -d src-svc; fi',
    ],
)
def test_a_classic_cli_vm_created_from_a_role_file_not_surely_exported_there_is_unnamed(export):
    resources = script_resources(SHELL.format(export=export), "move.sh")
    assert [name.startswith("<VM name") for name in created_in(resources, "dst-svc")] == [True]
