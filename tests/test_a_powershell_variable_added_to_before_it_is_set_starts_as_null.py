"""`$x += $y` where nothing assigned `$x` before adds to $null, and `$null + $y` is `$y` (about_Assignment_
Operators: `+=` is `$x = $x + $y`): `$name += "web"` makes the string `web`, and `$vms += $vm` the VM itself,
not an array. A VM configuration (PersistentVM) has no `+`, so a second `$vms += $vm2` fails the statement
("Method invocation failed because [...] does not contain a method named 'op_Addition'", as scripts that
build a list with `+=` and no `@()` first report, e.g. microsoftgraph/powershell-intune-samples issue 236)
and `$vms` is still the first VM: a loop that adds three VMs so passes New-AzureVM only the first. With
`$vms = @()` first, `+=` builds the array of all three."""

from __future__ import annotations

import pytest
from lint_support import script_resources, unread_marks

from migcheck.model import Deployment, ServiceRegion

LOOP = """\
New-AzureService -ServiceName svc -Location "West US"
foreach ($n in @("vm1", "vm2", "vm3")) {
    $vm = New-AzureVMConfig -Name $n -InstanceSize Small -ImageName img |
        Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password x
    $vms += $vm
}
New-AzureVM -ServiceName svc -VMs $vms
"""


def _roles(script: str) -> list[str]:
    resources = script_resources(script, "deploy.ps1")
    assert unread_marks(resources) == []
    return [role.name for r in resources if isinstance(r, Deployment) for role in r.roles]


@pytest.mark.parametrize(
    ("before", "roles"),
    [("", ["vm1"]), ("$vms = @()\n", ["vm1", "vm2", "vm3"])],
    ids=["never set: the first VM, the others fail", "an empty array first: every VM"],
)
def test_vms_added_in_a_loop(before: str, roles: list[str]) -> None:
    assert _roles(before + LOOP) == roles


def test_a_string_added_to_nothing_is_the_string() -> None:
    script = '$name += "web"\n$name += "-prod"\nNew-AzureService -ServiceName $name -Location "West US"\n'
    resources = script_resources(script, "deploy.ps1")
    assert [r.service for r in resources if isinstance(r, ServiceRegion)] == ["web-prod"]
