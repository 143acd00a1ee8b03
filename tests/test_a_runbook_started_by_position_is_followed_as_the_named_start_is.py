"""A parent runbook that names the child it starts without `-Name`, as the cmdlets bind by position: the
classic Start-AzureAutomationRunbook takes the Automation account at position 0 and the runbook at 1,
AzureRM's and Az's the resource group at 0, the account at 1 and the runbook at 2, each counting only the
parameters not named. Such a start runs the child as `-Name` does (two starts into one service with two
availability sets are MIG102), where it was said not read (runbook-not-followed). A word the cmdlet binds
to another parameter (Az's resource group, when it is not named) names no runbook: still not read."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import RUNBOOK_NOT_FOLLOWED, Script

CHILD = """\
workflow New-AppVM
{
    param (
        [Parameter(Mandatory=$true)] [string]$ServiceName,
        [Parameter(Mandatory=$true)] [string]$VMName
    )
    $AvailabilitySetName = $VMName + 'AvailSet'
    InlineScript {
        $vm = New-AzureVMConfig -Name $Using:VMName -InstanceSize Small -ImageName img |
            Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password x |
            Set-AzureAvailabilitySet -AvailabilitySetName $Using:AvailabilitySetName
        New-AzureVM -ServiceName $Using:ServiceName -VMs $vm
    }
}
"""
PARENT = """\
workflow New-Estate
{
    InlineScript {
        START -Parameters @{ ServiceName = 'shop-svc'; VMName = 'SQLVM' }
        START -Parameters @{ ServiceName = 'shop-svc'; VMName = 'Client' }
    }
}
"""
FOLLOWED = [
    "Start-AzureAutomationRunbook New-AppVM -AutomationAccountName ops",
    "Start-AzureAutomationRunbook ops New-AppVM",
    "Start-AzureAutomationRunbook -RunbookName New-AppVM -AutomationAccountName ops",
    "Start-AzureRmAutomationRunbook New-AppVM -AutomationAccountName ops -ResourceGroupName rg",
    "Start-AzAutomationRunbook rg ops New-AppVM",
    "Start-AzAutomationRunbook -ResourceGroupName rg New-AppVM -AutomationAccountName ops",
]
NOT_FOLLOWED = [
    "Start-AzAutomationRunbook New-AppVM -AutomationAccountName ops",  # New-AppVM is the resource group
    "Start-AzureAutomationRunbook New-AppVM",  # New-AppVM is the account
]


def result_of(tmp_path, monkeypatch, start: str):
    files = {"New-Estate.ps1": PARENT.replace("START", start), "New-AppVM.ps1": CHILD}
    return lint_files(tmp_path, monkeypatch, files, "MIG102", dedent=False)


def not_read(result) -> list[tuple[int, str]]:
    return [
        (m.line, m.tag)
        for estate in result.estates
        for d in estate.documents
        for r in d.resources
        if isinstance(r, Script)
        for m in r.unread
    ]


@pytest.mark.parametrize("start", FOLLOWED)
def test_a_start_naming_the_runbook_by_position_runs_it(tmp_path, monkeypatch, start):
    result = result_of(tmp_path, monkeypatch, start)
    assert [(f.code, f.location.path) for f in result.findings if f.location] == [("MIG102", "New-AppVM.ps1")]
    assert not_read(result) == []


@pytest.mark.parametrize("start", NOT_FOLLOWED)
def test_a_word_bound_to_another_parameter_names_no_runbook(tmp_path, monkeypatch, start):
    assert result_of(tmp_path, monkeypatch, start).findings == []


def test_the_classic_start_of_a_word_bound_to_the_account_is_said_not_read(tmp_path, monkeypatch):
    result = result_of(tmp_path, monkeypatch, NOT_FOLLOWED[1])
    assert not_read(result) == [(4, RUNBOOK_NOT_FOLLOWED), (5, RUNBOOK_NOT_FOLLOWED)]
