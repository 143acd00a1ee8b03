"""Every VM of the subscription filtered on its cloud service alone (`Get-AzureVM | ? ServiceName -eq
'app'`, in every form the reader reads a filter on a VM's name) is every VM of that service, as
`Get-AzureVM -ServiceName app` gets them: what the script changes on them is reported once, for all of
them. A filter the reader cannot tell picks nothing it reports."""

from __future__ import annotations

import pytest

from migcheck.model import Deployment
from migcheck.readers import read_document

CHANGE = 'Set-AzureSubnet "x" | Update-AzureVM'


def _changed(text: str) -> dict[str, list[tuple[str, list[str]]]]:
    document = read_document("deploy.ps1", text.encode(), explicit=True)
    assert document is not None
    return {
        d.service_name: [(r.name, [s.name for s in r.subnets]) for r in d.roles]
        for d in document.resources
        if isinstance(d, Deployment)
    }


@pytest.mark.parametrize(
    "text",
    [
        f'Get-AzureVM | ? ServiceName -eq "app" | {CHANGE}',
        f'Get-AzureVM | Where-Object -Property ServiceName -EQ -Value "app" | {CHANGE}',
        f'Get-AzureVM | Where-Object {{ $_.ServiceName -eq "app" }} | {CHANGE}',
        f'(Get-AzureVM).Where({{ $_.ServiceName -eq "app" }}) | {CHANGE}',
        f'foreach ($vm in Get-AzureVM) {{ if ($vm.ServiceName -eq "app") {{ $vm | {CHANGE} }} }}',
        f'Get-AzureVM | ForEach-Object {{ if ($_.ServiceName -eq "app") {{ $_ | {CHANGE} }} }}',
    ],
)
def test_every_vm_filtered_on_its_service_is_every_vm_of_that_service(text: str):
    assert _changed(text) == {"app": [("<VMs of cloud service app>", ["x"])]}


@pytest.mark.parametrize(
    "text",
    [
        f'Get-AzureVM | ? ServiceName -ne "app" | {CHANGE}',
        f'Get-AzureVM | ? ServiceName -like "app*" | {CHANGE}',
        f'Get-AzureVM | Where-Object {{ $_.ServiceName -eq "app" -or $_.ServiceName -eq "b" }} | {CHANGE}',
        f"Get-AzureVM | Where-Object {{ $_.ServiceName -eq $null }} | {CHANGE}",
    ],
)
def test_a_filter_the_reader_cannot_tell_picks_no_vm(text: str):
    assert _changed(text) == {}
