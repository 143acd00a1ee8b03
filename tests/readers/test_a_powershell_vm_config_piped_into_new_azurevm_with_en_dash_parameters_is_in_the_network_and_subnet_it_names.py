"""Scripts copied from the web often carry an en dash (U+2013) where PowerShell's parameter dash belongs,
which PowerShell accepts as the dash, and pipe the finished VM configuration into New-AzureVM (`$vm | New-AzureVM`)
rather than passing it as -VMs. Both forms make the same deployment: the VM of the configuration, in the network
`-VNetName` names (any prefix PowerShell accepts, `-VnetName`), in the subnet Set-AzureSubnet gives it in the
configuration's pipeline, so no subnet is missing (MIG203) and the VM is not outside a network (MIG105)."""

from __future__ import annotations

import pytest
from lint_support import lint_files, script_resources

from migcheck.model import Deployment

PIPED = """\
$vm = New-AzureVMConfig \u2013Name "app1" \u2013ImageName "img" \u2013InstanceSize Small |
    Add-AzureProvisioningConfig \u2013Windows \u2013AdminUsername "ops" \u2013Password "p" |
    Set-AzureSubnet \u2013SubnetNames "app"
$vm | New-AzureVM \u2013ServiceName "shop" \u2013VnetName "corp-vnet" -AffinityGroup "corp-ag"
"""

PASSED = PIPED.replace("$vm | New-AzureVM", "New-AzureVM -VMs $vm")


def _deployments(script: str) -> list[tuple[str, str | None, tuple[tuple[str, tuple[str, ...]], ...]]]:
    return [
        (
            d.service_name,
            d.virtual_network.name if d.virtual_network else None,
            tuple((r.name, tuple(s.name for s in r.subnets)) for r in d.roles),
        )
        for d in script_resources(script, "deploy.ps1")
        if isinstance(d, Deployment)
    ]


@pytest.mark.parametrize("script", [PIPED, PASSED], ids=["piped", "passed-as-vms"])
def test_the_vm_is_in_the_named_network_and_subnet(script: str):
    assert _deployments(script) == [("shop", "corp-vnet", (("app1", ("app",)),))]


def test_no_subnet_or_network_finding_is_reported(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": PIPED}, "MIG105", "MIG203")
    assert result.findings == []
