"""A name a script builds from a value it does not state (`PREFIX="arangodb-test-$$-"`, `$1`, a random
number) and then writes the same way in two commands (`azure network vnet create "${PREFIX}vnet"`, then
`azure vm create --virtual-network-name "${PREFIX}vnet"`) names one resource, as the Python reader reads
`prefix + "vnet"`: the VM is in the network the script creates, not in a second one no file defines. A
value bash gives anew each time (`$RANDOM` written twice) or a variable set again in between names two."""

from __future__ import annotations

import pytest
from lint_support import lint_files, script_resources

from migcheck.model import Deployment, VirtualNetwork
from migcheck.plan import build_plan


def _created_and_joined(script: str, path: str) -> tuple[list[str], list[str]]:
    """The networks the script creates, and those its deployments are in."""
    resources = script_resources(script, path)
    created = [r.name for r in resources if isinstance(r, VirtualNetwork)]
    joined = [r.virtual_network.name for r in resources if isinstance(r, Deployment) and r.virtual_network]
    return created, joined


@pytest.mark.parametrize("prefix", ['"arangodb-test-$$-"', '"$1"', '"arangodb-$RANDOM-"', "$(date +%s)"])
def test_a_vm_joins_the_network_the_script_creates_under_the_same_built_name(prefix: str) -> None:
    script = (
        f"PREFIX={prefix}\n"
        'azure network vnet create "${PREFIX}vnet" --location "West US"\n'
        'azure vm create --ssh 22 --virtual-network-name "${PREFIX}vnet" -b Subnet-1 "${PREFIX}1" img core\n'
        'azure vm create --ssh 22 --virtual-network-name "${PREFIX}vnet" -b Subnet-1 "${PREFIX}2" img core\n'
    )
    created, joined = _created_and_joined(script, "startAzure.sh")
    assert created == ["<virtual network name, startAzure.sh:2:27>"]
    assert joined == created * 2


def test_a_name_built_after_the_variable_is_set_again_is_another_network() -> None:
    script = (
        'PREFIX="$1"\n'
        'azure network vnet create "${PREFIX}vnet" --location "West US"\n'
        'PREFIX="$2"\n'
        'azure vm create --ssh 22 --virtual-network-name "${PREFIX}vnet" -b Subnet-1 box img core\n'
    )
    created, joined = _created_and_joined(script, "startAzure.sh")
    assert created == ["<virtual network name, startAzure.sh:2:27>"]
    assert joined == ["<virtual network name, startAzure.sh:4:49>"]


def test_random_written_twice_is_two_values_and_so_two_networks() -> None:
    script = (
        'azure network vnet create "net-$RANDOM" --location "West US"\n'
        'azure vm create --ssh 22 --virtual-network-name "net-$RANDOM" -b Subnet-1 box img core\n'
    )
    created, joined = _created_and_joined(script, "startAzure.sh")
    assert created == ["<virtual network name, startAzure.sh:1:27>"]
    assert joined == ["<virtual network name, startAzure.sh:2:49>"]


@pytest.mark.parametrize("built", ['"$($prefix)vnet"', '($prefix + "vnet")', '"${prefix}vnet"'])
def test_powershell_vms_given_a_network_name_built_alike_are_in_one_network(built: str) -> None:
    quick_vm = "New-AzureQuickVM -Windows -ImageName img -AdminUsername ops -Password x -Location 'West US'"
    script = (
        '$prefix = "arango-$(Get-Random)-"\n'
        f'{quick_vm} -ServiceName "svc1" -Name "vm1" -VNetName {built} -SubnetNames "Subnet-1"\n'
        f'{quick_vm} -ServiceName "svc2" -Name "vm2" -VNetName ($prefix + "vnet") -SubnetNames "Subnet-1"\n'
    )
    _, joined = _created_and_joined(script, "deploy.ps1")
    assert len(joined) == 2 and joined[0] == joined[1], joined


PS_VM_CHANGED_BY_ITS_BUILT_NAME = """\
$prefix = $args[0]
$config = New-AzureVMConfig -Name "${prefix}vm" -InstanceSize Small -ImageName img -MediaLocation "https://shopdisks.blob.core.windows.net/vhds/web01.vhd"
$config = $config | Set-AzureSubnet -SubnetNames "web"
New-AzureVM -ServiceName "shop" -VMs $config -VNetName "shopnet" -Location "West US"

Get-AzureVM -ServiceName "shop" -Name {name} | Set-AzureStaticVNetIP -IPAddress 10.0.0.5 | Update-AzureVM
"""


@pytest.mark.parametrize("name", ['"${prefix}vm"', '($prefix + "vm")'])
def test_a_powershell_vm_changed_by_the_name_built_alike_is_the_vm_the_script_made(name: str) -> None:
    resources = script_resources(PS_VM_CHANGED_BY_ITS_BUILT_NAME.replace("{name}", name), "a.ps1")
    (deployment,) = [r for r in resources if isinstance(r, Deployment)]
    (vm,) = deployment.roles
    assert vm.name == "<VM name, a.ps1:2>"
    assert [ip.name for ip in vm.static_ips] == ["10.0.0.5"]


def test_a_powershell_vm_changed_by_a_name_built_otherwise_is_another_vm() -> None:
    script = PS_VM_CHANGED_BY_ITS_BUILT_NAME.replace("{name}", '"${prefix}old"')
    (deployment,) = [r for r in script_resources(script, "a.ps1") if isinstance(r, Deployment)]
    assert sorted(vm.name for vm in deployment.roles) == ["<VM name, a.ps1:2>", "<VM name, a.ps1:6>"]


def test_a_powershell_vm_whose_blob_is_in_the_account_created_under_the_built_name_is_in_that_account(
    tmp_path, monkeypatch
) -> None:
    script = (
        "$prefix = $args[0]\n"
        'New-AzureStorageAccount -StorageAccountName "${prefix}store" -Location "West US"\n'
        "New-AzureVMConfig -Name web01 -InstanceSize Small -ImageName img -MediaLocation "
        '"https://${prefix}store.blob.core.windows.net/vhds/web01.vhd" | New-AzureVM -ServiceName shop -Location "West US"\n'
    )
    result = lint_files(tmp_path, monkeypatch, {"d.ps1": script}, dedent=False)
    steps = [s for sub in build_plan(result).subscriptions for s in sub.steps if s.id.startswith("storage:")]
    assert [s.id for s in steps] == ["storage:<storage account name, d.ps1:2:45>"]
