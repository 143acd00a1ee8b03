"""A variable a script assigns nowhere (`$dcCloudServiceName`, set by the session that runs it) is one value
wherever the script reads it: two functions that create VMs in the cloud service it names create them in
one service, as the same statements at the script's top level do (the same value passed twice is one
resource). Each function read once had a stand-in service of its own: one in the network, the other
"virtual network not known"."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan

IN_FUNCTIONS = """\
function CreateDc()
{
    $vm = New-AzureVMConfig -Name "dc1" -InstanceSize Small -ImageName "img"
    $vm | New-AzureVM -ServiceName $dcCloudServiceName -VNetName $virtualNetworkName
}

function CreateServices2()
{
    $vm = New-AzureVMConfig -Name "svc2" -InstanceSize Small -ImageName "img"
    $vm | Set-AzureSubnet -SubnetNames "Front" | New-AzureVM -ServiceName $dcCloudServiceName
}
"""
AT_TOP_LEVEL = """\
$vm = New-AzureVMConfig -Name "dc1" -InstanceSize Small -ImageName "img"
$vm | New-AzureVM -ServiceName $dcCloudServiceName -VNetName $virtualNetworkName
$vm2 = New-AzureVMConfig -Name "svc2" -InstanceSize Small -ImageName "img"
$vm2 | Set-AzureSubnet -SubnetNames "Front" | New-AzureVM -ServiceName $dcCloudServiceName
"""


def services(result) -> list[tuple[str, ...]]:
    """The VMs of each cloud service the plan moves, in plan order."""
    return [member.vms for step in build_plan(result).steps for member in step.members]


@pytest.mark.parametrize("text", [IN_FUNCTIONS, AT_TOP_LEVEL])
def test_one_cloud_service_holds_both_vms(tmp_path, monkeypatch, text):
    result = lint_files(tmp_path, monkeypatch, {"d1.ps1": text}, dedent=False)
    assert services(result) == [("dc1", "svc2")]


def test_a_variable_each_function_assigns_is_its_own(tmp_path, monkeypatch):
    """Assigned in each function from what it does not know, it is two values: two services."""
    text = IN_FUNCTIONS.replace(
        '    $vm = New-AzureVMConfig -Name "dc1"',
        '    $dcCloudServiceName = Read-Host\n    $vm = New-AzureVMConfig -Name "dc1"',
    ).replace(
        '    $vm = New-AzureVMConfig -Name "svc2"',
        '    $dcCloudServiceName = Read-Host\n    $vm = New-AzureVMConfig -Name "svc2"',
    )
    result = lint_files(tmp_path, monkeypatch, {"d1.ps1": text}, dedent=False)
    assert sorted(services(result)) == [("dc1",), ("svc2",)]
