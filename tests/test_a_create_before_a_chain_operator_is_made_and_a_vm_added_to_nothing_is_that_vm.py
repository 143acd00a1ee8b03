"""A create followed by a chain operator (PowerShell 7's `New-AzureService web && exit 0`, the classic CLI's
`azure service create web || exit 1`) runs either way: the service is made, in the region it states, as by
the create alone. And `$vms += $vm` on a `$vms` nothing set is `$null + $vm`, which PowerShell makes the VM
configuration itself; a second `+=` then fails (a VM configuration has no `+`: "does not contain a method
named 'op_Addition'"), so New-AzureVM -VMs $vms creates the first VM only."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import ClassicCall, Deployment, Script, ServiceRegion

CHAINS = [
    ("s.ps1", 'New-AzureService web -Location "West Europe"{chain}\n', " && exit 0", "New-AzureService"),
    ("s.ps1", 'New-AzureService web -Location "West Europe"{chain}\n', " || exit 1", "New-AzureService"),
    (
        "s.sh",
        'azure config mode asm\nazure service create web --location "West Europe"{chain}\n',
        " || exit 1",
        "azure service create",
    ),
    (
        "s.sh",
        'azure config mode asm\nazure service create web --location "West Europe"{chain}\n',
        " && exit 0",
        "azure service create",
    ),
]


def _made(path: str, text: str, command: str) -> tuple[list[str], list[tuple[str, str]]]:
    """How surely each `command` runs, and the regions of the services the script makes."""
    resources = script_resources(text, path)
    calls = [c for r in resources if isinstance(r, Script) for c in r.calls if isinstance(c, ClassicCall)]
    regions = [(r.service, r.location) for r in resources if isinstance(r, ServiceRegion)]
    return [c.runs for c in calls if c.name == command], regions


@pytest.mark.parametrize(("path", "script", "chain", "command"), CHAINS)
def test_a_service_created_before_a_chain_operator_is_made_as_by_the_create_alone(
    path: str, script: str, chain: str, command: str
) -> None:
    alone = _made(path, script.format(chain=""), command)
    assert alone == ([""], [("web", "West Europe")])
    assert _made(path, script.format(chain=chain), command) == alone


def _vms(text: str) -> list[str]:
    deployments = [r for r in script_resources(text, "vms.ps1") if isinstance(r, Deployment)]
    return [role.name for d in deployments for role in d.roles]


CONFIGS = """\
$vm1 = New-AzureVMConfig -Name web1 -InstanceSize Small -ImageName img
$vm2 = New-AzureVMConfig -Name web2 -InstanceSize Small -ImageName img
"""
CREATE = 'New-AzureVM -ServiceName websvc -Location "West Europe" -VMs $vms\n'


def test_a_vm_added_to_a_variable_nothing_set_is_that_vm() -> None:
    assert _vms(CONFIGS + "$vms += $vm1\n" + CREATE) == ["web1"]
    assert _vms(CONFIGS + "$vms = $null\n$vms += $vm1\n" + CREATE) == ["web1"]


def test_a_second_vm_added_to_one_vm_fails_and_leaves_the_first() -> None:
    assert _vms(CONFIGS + "$vms += $vm1\n$vms += $vm2\n" + CREATE) == ["web1"]


def test_vms_added_to_an_empty_array_are_all_created() -> None:
    assert sorted(_vms(CONFIGS + "$vms = @()\n$vms += $vm1\n$vms += $vm2\n" + CREATE)) == ["web1", "web2"]
