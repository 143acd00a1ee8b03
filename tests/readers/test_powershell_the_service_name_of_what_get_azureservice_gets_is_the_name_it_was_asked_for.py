"""`Get-AzureService -ServiceName shop` gives that service or fails, so the `.ServiceName` of what it gives is
'shop': a VM added through it (`New-AzureVM -ServiceName $svc.ServiceName`) is in 'shop', where it was in a
stand-in for a name the file does not state. Of a service got by a name the script does not state, it is that
name; of `Get-AzureService` without a name (every service), no one name."""

from __future__ import annotations

import pytest

from migcheck.model import Deployment
from migcheck.readers import read_document

SCRIPT = """\
param($wanted)
{get}
$vm = New-AzureVMConfig -Name "web3" -InstanceSize "Small" -ImageName "img"
New-AzureVM -ServiceName {name} -VMs $vm
"""


def _deployment(get: str, name: str) -> Deployment:
    document = read_document("add-vm.ps1", SCRIPT.format(get=get, name=name).encode(), explicit=True)
    assert document is not None
    (deployment,) = [r for r in document.resources if isinstance(r, Deployment)]
    return deployment


@pytest.mark.parametrize(
    ("get", "name"),
    [
        ('$svc = Get-AzureService -ServiceName "shop"', "$svc.ServiceName"),
        ("$svc = Get-AzureService shop", "$svc.ServiceName"),
        ("", '(Get-AzureService -ServiceName "shop").ServiceName'),
    ],
)
def test_the_vm_is_in_the_service_asked_for(get: str, name: str) -> None:
    deployment = _deployment(get, name)
    assert deployment.service_name == "shop"
    assert deployment.service_stand_in == ""


def test_of_a_name_the_script_does_not_state_it_is_that_name() -> None:
    by_name = _deployment("$svc = Get-AzureService -ServiceName $wanted", "$svc.ServiceName")
    by_parameter = _deployment("", "$wanted")
    assert by_name.service_name == by_parameter.service_name == ""
    assert by_name.service_stand_in == by_parameter.service_stand_in


def test_every_service_names_none() -> None:
    deployment = _deployment("$svc = Get-AzureService", "$svc.ServiceName")
    assert deployment.service_name == ""
