"""The names `Select-Object` takes of the VMs Get-AzureVM gets (`-ExpandProperty Name`, or objects that hold
only the name, `-Property Name`, `Select-Object Name`), passed to a classic cmdlet's name (`… |
Select-Object -ExpandProperty Name | ForEach-Object { Remove-AzureVM -Name $_ … }`), name those VMs, as
`$_.Name` of the VMs does: the cmdlet acts on them, where it acted on no VM the reader knew."""

from __future__ import annotations

import pytest

from migcheck.model import Deployment
from migcheck.readers import read_document

CREATE = (
    'New-AzureService -ServiceName shop -Location "West US"\n'
    '$vm = New-AzureVMConfig -Name "web1" -InstanceSize Small -ImageName "img"\n'
    "New-AzureVM -ServiceName shop -VMs $vm\n"
)
SELECTIONS = [
    "Select-Object -ExpandProperty Name | ForEach-Object { Remove-AzureVM -ServiceName shop -Name $_ }",
    "select -Expand 'Name' | % { Remove-AzureVM -ServiceName shop -Name $_ }",
    "Select-Object -Property Name | ForEach-Object { Remove-AzureVM -ServiceName shop -Name $_.Name }",
    "Select-Object Name | ForEach-Object { Remove-AzureVM -ServiceName shop -Name $_.Name }",
]


def _vms(text: str) -> list[tuple[str, list[str]]]:
    document = read_document("deploy.ps1", (CREATE + text).encode(), explicit=True)
    assert document is not None
    return sorted(
        (d.service_name, [r.name for r in d.roles]) for d in document.resources if isinstance(d, Deployment)
    )


@pytest.mark.parametrize("selection", SELECTIONS)
def test_the_vm_named_is_the_one_removed(selection: str):
    text = f"Get-AzureVM -ServiceName shop -Name web1 | {selection}\n"
    assert _vms(text) == [("shop", [])]


@pytest.mark.parametrize("selection", SELECTIONS)
def test_every_vm_of_the_service_is_each_one_removed(selection: str):
    text = f"Get-AzureVM -ServiceName shop | {selection}\n"
    by_member = (
        "Get-AzureVM -ServiceName shop | ForEach-Object { Remove-AzureVM -ServiceName shop -Name $_.Name }\n"
    )
    assert _vms(text) == _vms(by_member) == [("shop", ["<VMs of cloud service shop>"]), ("shop", ["web1"])]


def test_a_name_expanded_into_a_variable_names_them_in_a_loop():
    text = (
        "$names = Get-AzureVM -ServiceName shop -Name web1 | Select-Object -ExpandProperty Name\n"
        "foreach ($n in $names) { Remove-AzureVM -ServiceName shop -Name $n }\n"
    )
    assert _vms(text) == [("shop", [])]
