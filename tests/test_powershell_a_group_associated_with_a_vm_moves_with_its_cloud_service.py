"""`Set-AzureNetworkSecurityGroupAssociation -Name g -VM $vm -ServiceName svc` (the cmdlet's VM parameter
set) associates the group with the VM there and then, as Set-AzureNetworkSecurityGroupConfig followed by
Update-AzureVM does: the cloud service's step says the VM's group is cloned with it. Associating a group
never makes it disappear from the plan. Reference, vm-migration-deep-dive (NSGs): "Network security groups
associated with a virtual machine or subnet are cloned as part of the migration"; unassociated ones move
on their own with Move-AzureNetworkSecurityGroup."""

from __future__ import annotations

import json

import pytest
from lint_support import run_cli

GROUP = """\
New-AzureNetworkSecurityGroup -Name "web-nsg" -Location "East US"
Get-AzureNetworkSecurityGroup -Name "web-nsg" | Set-AzureNetworkSecurityRule -Name r1 -Action Allow -Protocol TCP -Type Inbound -Priority 200 -SourceAddressPrefix INTERNET -SourcePortRange * -DestinationAddressPrefix * -DestinationPortRange 80
"""

EXISTING_VM = (
    GROUP
    + """\
$vm = Get-AzureVM -ServiceName "Test7611" -Name "web1"
Set-AzureNetworkSecurityGroupAssociation -Name "web-nsg" -VM $vm -ServiceName "Test7611"
"""
)

CREATED_VM = (
    GROUP
    + """\
$vm = New-AzureVMConfig -Name "web1" -InstanceSize Small -ImageName img | Add-AzureProvisioningConfig -Windows -AdminUsername u -Password p
New-AzureVM -ServiceName "Test7611" -Location "East US" -VMs $vm
Set-AzureNetworkSecurityGroupAssociation -Name "web-nsg" -VM (Get-AzureVM -ServiceName "Test7611" -Name "web1") -ServiceName "Test7611"
"""
)

CONFIG_FORM = (
    GROUP
    + """\
Get-AzureVM -ServiceName "Test7611" -Name "web1" | Set-AzureNetworkSecurityGroupConfig -NetworkSecurityGroupName "web-nsg" | Update-AzureVM
"""
)

EVERY_VM_OF_A_SERVICE = """\
$ServiceName = "Test7611"
$VMs = Get-AzureVM -ServiceName $ServiceName
foreach ($vm in $VMs) {
    $nsgName = $vm.Name + "-NSG"
    $nsg = New-AzureNetworkSecurityGroup -Name $nsgName -Location "East US"
    Set-AzureNetworkSecurityGroupAssociation -Name $nsgName -VM $vm -ServiceName $ServiceName
}
"""


def _steps(tmp_path, monkeypatch, capsys, script: str) -> list[dict]:
    (tmp_path / "fix.ps1").write_text(script, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    # Not the storage account of a created VM's disks, which the script leaves to the platform.
    return [
        s
        for s in json.loads(out)["subscriptions"][0]["steps"]
        if s["kind"] not in ("prerequisites", "storage")
    ]


@pytest.mark.parametrize("script", [EXISTING_VM, CREATED_VM, CONFIG_FORM], ids=["get", "new", "config"])
def test_the_group_of_a_vm_is_cloned_in_its_cloud_service_step(tmp_path, monkeypatch, capsys, script):
    steps = _steps(tmp_path, monkeypatch, capsys, script)
    assert len(steps) == 1
    assert any(
        move.startswith("network security group 'web-nsg' of VM 'web1', cloned") for move in steps[0]["moves"]
    )


def test_a_group_associated_with_every_vm_of_a_service_is_still_planned(tmp_path, monkeypatch, capsys):
    steps = _steps(tmp_path, monkeypatch, capsys, EVERY_VM_OF_A_SERVICE)
    moves = [move for step in steps for move in step["moves"]]
    assert any(move.startswith("network security group '") for move in moves)


def test_a_group_associated_with_nothing_moves_on_its_own(tmp_path, monkeypatch, capsys):
    steps = _steps(tmp_path, monkeypatch, capsys, GROUP)
    assert [s["moves"] for s in steps] == [["network security group 'web-nsg'"]]
