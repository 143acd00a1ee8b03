"""A variable a PowerShell script writes alone in double quotes (`-ServiceName "$AzureServiceName"`,
`"${name}"`, `"$($name)"`) is the string the variable holds: one value wherever it is read, as the variable
written bare is. So a script parameter that names the cloud service of two calls names one service, whose
VMs, reserved IP and deployments are all that one service's, where each call named a service of its own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import lint_files, run_cli, script_resources

from migcheck.model import Deployment

QUOTED = ['"$Svc"', '"${Svc}"', '"$($Svc)"']
CONFIG = "New-AzureVMConfig -Name {vm} -InstanceSize Small -ImageName img | Add-AzureProvisioningConfig -Windows -AdminUsername u -Password p"


@pytest.mark.parametrize("svc", QUOTED)
def test_a_package_deployed_then_upgraded_in_the_service_a_quoted_parameter_names_is_one_service(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, svc: str
) -> None:
    script = (
        "param([string]$Svc)\n"
        f'New-AzureDeployment -Slot Production -Package "a.cspkg" -Configuration "a.cscfg" -ServiceName {svc}\n'
        f'Set-AzureDeployment -Upgrade -Slot Production -Package "a.cspkg" -Configuration "a.cscfg" -ServiceName {svc} -Force\n'
    )
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG101")
    assert [f.location.line for f in result.findings if f.location] == [2]


@pytest.mark.parametrize("svc", QUOTED)
@pytest.mark.parametrize("net", ['"$Net"', "$Net"])
def test_two_vms_created_in_the_service_and_network_quoted_parameters_name_share_both(
    svc: str, net: str
) -> None:
    script = (
        "param([string]$Svc, [string]$Net)\n"
        f"$c = {CONFIG.format(vm='vm1')} | Set-AzureSubnet -SubnetNames web\n"
        f"New-AzureVM -ServiceName {svc} -VNetName {net} -VMs $c\n"
        f"$d = {CONFIG.format(vm='vm2')} | Set-AzureSubnet -SubnetNames web\n"
        f"New-AzureVM -ServiceName $Svc -VNetName {net} -VMs $d\n"
    )
    deployments = [r for r in script_resources(script, "a.ps1") if isinstance(r, Deployment)]
    assert len({d.name for d in deployments}) == 1, deployments
    assert len({d.virtual_network.name for d in deployments if d.virtual_network}) == 1


@pytest.mark.parametrize("svc", QUOTED)
def test_the_reserved_ip_given_to_the_service_a_quoted_parameter_names_is_its_vip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, svc: str
) -> None:
    script = (
        "param([string]$Svc)\n"
        f"$c = {CONFIG.format(vm='vm1')}\n"
        f'New-AzureVM -ServiceName {svc} -Location "West US" -VMs $c\n'
        f"Add-AzureEndpoint -Name web -Protocol tcp -LocalPort 80 -PublicPort 80 -VM (Get-AzureVM -ServiceName {svc} -Name vm1) | Update-AzureVM\n"
        f'New-AzureReservedIP -ReservedIPName rip1 -Location "West US" -ServiceName {svc}\n'
    )
    result = lint_files(tmp_path, monkeypatch, {"a.ps1": script}, "MIG105")
    messages = [f.message for f in result.findings]
    assert len(messages) == 1 and "its VIP is reserved IP 'rip1'" in messages[0], messages


def test_the_storage_account_reserved_ip_and_vm_quoted_parameters_name_are_each_one(
    capsys, tmp_path, monkeypatch
):
    script = (
        "param([string]$Svc, [string]$Sa, [string]$Rip, [string]$Vm)\n"
        'New-AzureStorageAccount -StorageAccountName "$Sa" -Location "West US" -Type Premium_LRS\n'
        'New-AzureReservedIP -ReservedIPName "$Rip" -Location "West US"\n'
        '$c = New-AzureVMConfig -Name "$Vm" -InstanceSize Small -ImageName img '
        '-MediaLocation "https://$Sa.blob.core.windows.net/vhds/a.vhd" '
        "| Add-AzureProvisioningConfig -Windows -AdminUsername u -Password p\n"
        'New-AzureVM -ServiceName "$Svc" -Location "West US" -VMs $c -ReservedIPName $Rip\n'
        'Get-AzureVM -ServiceName $Svc -Name "$Vm" | Set-AzureVMSize -InstanceSize Large | Update-AzureVM\n'
    )
    (tmp_path / "a.ps1").write_text(script, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", "a.ps1", "--format", "json")
    steps = [step for s in json.loads(out)["subscriptions"] for step in s["steps"]]
    assert [step["kind"] for step in steps] == ["service", "storage"], steps
    assert steps[0]["moves"] == [
        "cloud service '<cloud service name, -Svc of the script, a.ps1:5>': VMs <VM name, a.ps1:4>",
        "reserved IP '<reserved IP name, a.ps1:5>'",
    ]
    deployment = next(r for r in script_resources(script, "a.ps1") if isinstance(r, Deployment))
    assert [role.size for role in deployment.roles] == ["Large"]


def test_every_vm_of_the_subscription_in_double_quotes_is_a_string_which_removes_no_vm() -> None:
    # PowerShell makes one string of the VMs there: a string has no Name, and the filter passes nothing on.
    script = (
        f'New-AzureVM -ServiceName svc1 -Location "West US" -VMs ({CONFIG.format(vm="vm1")})\n'
        "$all = Get-AzureVM\n"
        '"$all" | Where-Object { $_.Name -eq "vm1" } | Remove-AzureVM\n'
    )
    deployments = [r for r in script_resources(script, "a.ps1") if isinstance(r, Deployment)]
    assert [[role.name for role in d.roles] for d in deployments] == [["vm1"]]
