"""An item of the script's unnamed arguments (`$args[0]`), or a property of the object a class's method
runs on (`$this.Service`), given to New-AzureVM twice names one cloud service, and built into two disks'
media locations one storage account: nothing between the two reads may set it, so both calls add VMs to
one deployment. A script that may change it (assigns `$args` or an item of it, sets the property, reads
`$this` in a script block that may run on another object) leaves them apart."""

from __future__ import annotations

import pytest

from migcheck.model import Deployment
from migcheck.readers import read_document

CALLS = """\
$vm1 = New-AzureVMConfig -Name vm0 -InstanceSize Small -ImageName img `
  -MediaLocation "https://$({account}).blob.core.windows.net/vhds/vm0.vhd"
New-AzureVM -ServiceName {service} -VMs $vm1 -Location "West US"
{between}
$vm2 = New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img `
  -MediaLocation "https://$({account}).blob.core.windows.net/vhds/vm1.vhd"
New-AzureVM -ServiceName {service} -VMs $vm2
"""


def _deployments(text: str) -> list[Deployment]:
    document = read_document("deploy.ps1", text.encode(), explicit=True)
    assert document is not None
    return [r for r in document.resources if isinstance(r, Deployment)]


def _arguments(between: str = "", before: str = "") -> str:
    return before + CALLS.format(service="$args[0]", account="$args[1]", between=between)


def _method(between: str = "", after: str = "") -> str:
    body = CALLS.format(service="$this.svc", account="$this.acct", between=between)
    return "class Deployer {\n[string]$svc; [string]$acct\n[void] Run() {\n" + body + "}\n" + after + "}\n"


def _one_deployment_on_one_account(deployments: list[Deployment]) -> None:
    (deployment,) = deployments
    assert sorted(vm.name for vm in deployment.roles) == ["vm0", "vm1"]
    assert len({disk.account for vm in deployment.roles for disk in vm.disks}) == 1


@pytest.mark.parametrize("before", ["", "function Show { $args[0] }\n"])
def test_an_item_of_the_scripts_arguments_read_twice_is_one_value(before: str):
    _one_deployment_on_one_account(_deployments(_arguments(before=before)))


def test_an_item_of_a_functions_arguments_read_twice_is_one_value():
    text = "function Deploy {\n" + _arguments() + "}\n"
    _one_deployment_on_one_account(_deployments(text))


@pytest.mark.parametrize(
    "between, before",
    [
        ('$args[0] = "other"', ""),
        ("$args = Get-Content names.txt", ""),
        ("[array]::Reverse($args)", ""),
        ("", "$names = $args\n"),  # an alias of the array, which the reader does not follow
    ],
)
def test_arguments_the_script_may_change_leave_the_calls_apart(between: str, before: str):
    assert len(_deployments(_arguments(between, before))) == 2


def test_items_read_in_a_script_block_stay_apart():
    text = "1..2 | ForEach-Object {\n" + _arguments() + "}\n"
    assert len(_deployments(text)) == 2


def test_a_property_of_this_read_twice_in_a_method_is_one_value():
    _one_deployment_on_one_account(_deployments(_method()))


@pytest.mark.parametrize(
    "between, after",
    [
        ('$this.svc = "other"', ""),
        ("", '[void] Rename() { $this.svc = "other" }\n'),  # a method the reader does not follow
        ("$this | Add-Member -NotePropertyName svc -NotePropertyValue x -Force", ""),
    ],
)
def test_a_property_the_script_may_set_leaves_the_calls_apart(between: str, after: str):
    assert len(_deployments(_method(between, after))) == 2


def test_this_in_a_script_block_of_the_method_stays_apart():
    text = _method().replace("[void] Run() {\n", "[void] Run() {\n$this | Add-Member ScriptMethod Go {\n")
    text = text.replace("}\n}\n", "}\n}\n}\n", 1)
    assert len(_deployments(text)) == 2
