"""A PowerShell settings file that leaves its values for the user to fill in (`$VNet = ""`, `$VNet = $null`
under "set these before running"), or to the environment (`$VNet = $env:VNET_NAME`), dot-sourced by two
scripts beside it, is filled in once: every script that loads it is given the same value. The network and
the cloud service both scripts name by such a value are one each, their stand-ins named where the settings
file leaves them, where each script named one of its own where it passed the value (and a network passed
as "" was not known at all). A value the file assigns again, or in a function, is no such blank."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

SCRIPT = """\
. "$PSScriptRoot\\config.ps1"
$vm = New-AzureVMConfig -Name "{vm}" -InstanceSize Small -ImageName img | Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password x
$vm = $vm | Set-AzureSubnet -SubnetNames "Front"
New-AzureVM -ServiceName $ServiceName -VMs $vm -VNetName $VNet -Location "West Europe"
"""


def files(left: str) -> dict[str, str]:
    return {
        "config.ps1": f"# Set these before running the scripts\n$ServiceName = {left}\n$VNet = {left}\n",
        "init.ps1": SCRIPT.format(vm="web1"),
        "add.ps1": SCRIPT.format(vm="web2"),
    }


@pytest.mark.parametrize("left", ['""', "''", "$null", "$env:VNET_NAME"])
def test_both_scripts_place_their_vms_in_one_network_and_one_cloud_service(plan_of, left):
    plan = plan_of(files(left))
    [network] = [step for step in plan.steps if step.id.startswith("network:")]
    assert network.name == "<virtual network name, config.ps1:3:1>"
    assert network.moves[1:] == ("cloud service '<cloud service name, config.ps1:2:1>': VMs web2, web1",)


def test_a_value_the_settings_file_assigns_again_is_no_blank(plan_of):
    assigned_again = files('""')
    assigned_again["config.ps1"] += 'if ($env:PROD) { $VNet = "prod-vnet" }\n'
    plan = plan_of(assigned_again)
    assert not any("config.ps1:3" in step.name for step in plan.steps)
    moved = [move for step in plan.steps for move in step.moves if move.startswith("cloud service")]
    assert moved == ["cloud service '<cloud service name, config.ps1:2:1>': VMs web2, web1"]


def test_a_finding_about_each_vm_points_where_its_script_configures_it(tmp_path, monkeypatch):
    no_subnet = {
        name: text.replace('$vm = $vm | Set-AzureSubnet -SubnetNames "Front"\n', "")
        for name, text in files('""').items()
    }
    result = lint_files(tmp_path, monkeypatch, no_subnet, "MIG203", dedent=False)
    assert where(result.findings) == ["MIG203 add.ps1:2:7", "MIG203 init.ps1:2:7"]
    assert {f.message.partition(" is in ")[2] for f in result.findings} == {
        "virtual network '<virtual network name, config.ps1:3:1>' but has no subnet"
    }
