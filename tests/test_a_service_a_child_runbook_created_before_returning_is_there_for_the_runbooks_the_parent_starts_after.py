"""A runbook set as Azure Automation users write one (a parent workflow, New-AzureEnvironment, that calls a
child runbook inline to create the cloud service, New-CloudService, then starts another child once per VM
from an InlineScript, `Start-AzureAutomationRunbook -Name New-AvailabilityGroupVM -Parameters $params`):
the service the first child created is there, empty, before each start, since that child returned before
the parent went on. So the VM child's New-AzureVM creates the deployment, in no network where it is given
none (MIG105 says so plainly, and no MIG203 says its VMs may be in one without a subnet). A child that may
not have been called (under an `if` the reader cannot decide) leaves it undecided, as before."""

from __future__ import annotations

import pytest
from lint_support import lint_files

PARENT = """\
workflow New-AzureEnvironment
{
    param (
        [Parameter(Mandatory=$true)] [string]$ProjectName,
        [Parameter(Mandatory=$true)] [string]$Location,
        [Parameter(Mandatory=$false)] [bool]$Fresh
    )
    $AutomationAccountName = 'ops'
    CREATE
    InlineScript {
        $params = @{ ServiceName = $Using:ProjectName; VMName = 'SQLVM' }
        Start-AzureAutomationRunbook -AutomationAccountName $Using:AutomationAccountName -Name New-AvailabilityGroupVM -Parameters $params
        $params = @{ ServiceName = $Using:ProjectName; VMName = 'ClientVM' }
        Start-AzureAutomationRunbook -AutomationAccountName $Using:AutomationAccountName -Name New-AvailabilityGroupVM -Parameters $params
    }
}
"""
CLOUD_SERVICE = """\
workflow New-CloudService
{
    param (
        [Parameter(Mandatory=$true)] [string]$ServiceName,
        [Parameter(Mandatory=$true)] [string]$Location
    )
    $existing = InlineScript { Get-AzureService -ServiceName $Using:ServiceName -ErrorAction SilentlyContinue }
    New-AzureService -ServiceName $ServiceName -Location $Location
    Write-Output "Created $ServiceName"
}
"""
VM = """\
workflow New-AvailabilityGroupVM
{
    param (
        [Parameter(Mandatory=$true)] [string]$ServiceName,
        [Parameter(Mandatory=$true)] [string]$VMName,
        [Parameter(Mandatory=$false)] [string]$VNetName
    )
    InlineScript {
        $vm = New-AzureVMConfig -Name $Using:VMName -InstanceSize Small -ImageName img |
            Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password x |
            Set-AzureAvailabilitySet -AvailabilitySetName 'sqlset'
        if ($Using:VNetName) {
            New-AzureVM -ServiceName $Using:ServiceName -VNetName $Using:VNetName -VMs $vm
        } else {
            New-AzureVM -ServiceName $Using:ServiceName -VMs $vm
        }
    }
}
"""
CALLED = "New-CloudService -ServiceName $ProjectName -Location $Location"


def runbook_set(create: str) -> dict[str, str]:
    return {
        "New-AzureEnvironment.ps1": PARENT.replace("CREATE", create),
        "New-CloudService.ps1": CLOUD_SERVICE,
        "New-AvailabilityGroupVM.ps1": VM,
    }


def network_findings(tmp_path, monkeypatch, files: dict[str, str]) -> list[tuple[str, bool]]:
    """Each finding on the service's network, and whether it is hedged ("may be")."""
    result = lint_files(tmp_path, monkeypatch, files, "MIG105", "MIG203", dedent=False)
    return sorted((f.code, "may be" in f.message) for f in result.findings)


@pytest.mark.parametrize(
    "create",
    [
        CALLED,
        f"$created = {CALLED}",  # its output kept, as the runbooks that log it do
        f"if (-not $Fresh) {{ Write-Output 'reusing' }}\n    {CALLED}",  # an if before it, the call after
    ],
)
def test_the_vms_children_create_the_deployment_in_no_network(tmp_path, monkeypatch, create):
    assert network_findings(tmp_path, monkeypatch, runbook_set(create)) == [("MIG105", False)]


def test_a_service_child_called_under_an_undecided_if_leaves_the_network_undecided(tmp_path, monkeypatch):
    files = runbook_set(f"if ($Fresh) {{ {CALLED} }}")
    assert network_findings(tmp_path, monkeypatch, files) == [
        ("MIG105", True),
        ("MIG203", True),
        ("MIG203", True),
    ]
