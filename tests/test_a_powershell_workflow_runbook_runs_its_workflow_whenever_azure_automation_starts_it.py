"""A PowerShell Workflow runbook holds one workflow at its top level, which nothing in the file calls: Azure
Automation starts it when the runbook runs. Its body is read as the script's own code, not as a function
nothing calls: a create in it fails whenever the runbook runs, even in a runbook that migrates (where
a create in a function nothing calls runs no more than its dead code does), and a call under a condition or
in a loop in it runs on some paths only."""

from __future__ import annotations

from lint_support import lint_files, where

MIGRATES = """\
workflow Move-Shop
{
    New-AzureService -ServiceName 'shop' -Location 'West US'
    Move-AzureService -Validate -ServiceName 'shop' -DeploymentName 'shop' -CreateNewVirtualNetwork
    Move-AzureService -Prepare -ServiceName 'shop' -DeploymentName 'shop' -CreateNewVirtualNetwork
    Move-AzureService -Commit -ServiceName 'shop' -DeploymentName 'shop'
}
"""

TOGGLES = """\
workflow Switch-Vms
{
    param ([String] $ServiceName)
    foreach ($vm in Get-AzureVM -ServiceName $ServiceName)
    {
        if ($vm.PowerState -ne 'Started')
        {
            Start-AzureVM -Name $vm.Name -ServiceName $vm.ServiceName
        }
    }
}
"""


def test_a_create_in_a_migrating_workflow_runbook_fails_when_it_runs(tmp_path, monkeypatch):
    findings = lint_files(tmp_path, monkeypatch, {"Move-Shop.ps1": MIGRATES}, "MIG601").findings
    assert where(findings) == ["MIG601 Move-Shop.ps1:3:5"]
    assert "(New-AzureService) fail today, since" in findings[0].message


def test_a_start_under_a_condition_in_a_workflow_runbook_may_not_run(tmp_path, monkeypatch):
    findings = lint_files(tmp_path, monkeypatch, {"Switch-Vms.ps1": TOGGLES}, "MIG601").findings
    assert where(findings) == ["MIG601 Switch-Vms.ps1:4:21"]
    assert "(Start-AzureVM) fail today whenever they run (they may not:" in findings[0].message
