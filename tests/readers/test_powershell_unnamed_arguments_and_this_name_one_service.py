"""An item of the script's unnamed arguments (`$args[0]`), or a property of the object a class's method
runs on (`$this.Service`), given to New-AzureVM twice names one cloud service, and built into two disks'
media locations one storage account: nothing between the two reads may set it, so both calls add VMs to
one deployment; so does a property only the class's constructors set, read in another method. A script
that may change it (assigns `$args` or an item of it, sets the property, reads `$this` in a script block
that may run on another object, reads it in the constructor that sets it) leaves them apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import run_cli

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


CONSTRUCTOR = "Deployer([string]$s, [string]$a) { $this.svc = $s; $this.acct = $a }\n"


def test_a_property_only_the_constructor_sets_is_one_value_in_a_method():
    _one_deployment_on_one_account(_deployments(_method(after=CONSTRUCTOR)))


def test_a_service_the_constructor_names_is_the_one_a_method_creates_and_deploys_to(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    script = tmp_path / "deploy.ps1"
    script.write_text(
        "class Deployer {\n[string]$svc\nDeployer([string]$s) { $this.svc = $s }\n[void] Run() {\n"
        "New-AzureService -ServiceName $this.svc -Location 'West US'\n"
        "New-AzureVM -ServiceName $this.svc -VMs $vm\n}\n}\n"
    )
    _, out, _ = run_cli(capsys, "plan", str(script))
    # New-AzureService without a network: the service the VM is deployed to is in none
    assert "Cloud service (VMs not in a virtual network)" in out
    assert "whose virtual network is not known" not in out


@pytest.mark.parametrize(
    "after",
    [
        CONSTRUCTOR + '[void] Rename() { $this.svc = "other" }\n',  # a method sets it too
        'Deployer([string]$s) { $this.svc = $s; $this.acct = $s; { $this.svc = "x" } }\n',  # a block of it
    ],
)
def test_a_property_a_method_may_set_besides_the_constructor_leaves_the_calls_apart(after: str):
    assert len(_deployments(_method(after=after))) == 2


def test_a_property_the_constructor_sets_read_twice_in_it_stays_apart():
    body = CALLS.format(service="$this.svc", account="$this.acct", between="")
    text = "class Deployer {\n[string]$svc; [string]$acct\nDeployer([string]$s) {\n$this.svc = $s\n"
    assert len(_deployments(text + body + "}\n}\n")) == 2
