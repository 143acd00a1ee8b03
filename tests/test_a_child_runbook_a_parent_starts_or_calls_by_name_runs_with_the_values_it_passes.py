"""The runbooks of one Automation account, kept as files of one folder: a parent runbook starts a child
(`Start-AzureAutomationRunbook -Name New-AppVM -Parameters @{…}`, AzureRM's and Az's alike, and Azure
Automation's own `Start-AutomationRunbook`, which binds the runbook's name by position too) or, as a
workflow, calls one inline by its name (`New-AppVM -ServiceName …`). The child is the workflow a file of the
folder defines, found by the file's name or by the workflow's, and runs at each start with the values the
parent passes, as a dot-sourced file's function runs at each call: two starts into one cloud service with
two availability sets are MIG102. A start the files cannot follow (no file defines the runbook, or its
parameters are not a table the script states) is said as a part not read, never dropped in silence; a child
no file starts is still read on its own."""

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
STARTS = """\
workflow New-Estate
{
    param ([Parameter(Mandatory=$true)] [string]$ProjectName)
    InlineScript {
        $ProjectName = $Using:ProjectName
        $params = @{ ServiceName = 'shop-svc'; VMName = 'SQLVM' }
        $job = START -Name New-AppVM -Parameters $params EXTRA
        $params = @{ ServiceName = 'shop-svc'; VMName = 'Client' }
        $job = START -Name New-AppVM -Parameters $params EXTRA
    }
}
"""
INLINE = """\
workflow New-Estate
{
    New-AppVM -ServiceName 'shop-svc' -VMName 'SQLVM'
    New-AppVM -ServiceName 'shop-svc' -VMName 'Client'
}
"""
STARTERS = [
    ("Start-AzureAutomationRunbook", "-AutomationAccountName ops"),
    ("Start-AzureRmAutomationRunbook", "-AutomationAccountName ops -ResourceGroupName rg"),
    ("Start-AzAutomationRunbook", "-AutomationAccountName ops -ResourceGroupName rg"),
    ("Start-AutomationRunbook", ""),  # Azure Automation's own, in the runbook's account
]


def starts(starter: str, extra: str) -> str:
    return STARTS.replace("START", starter).replace("EXTRA", extra)


def findings(tmp_path, monkeypatch, files: dict[str, str]) -> list[tuple[str, str]]:
    result = lint_files(tmp_path, monkeypatch, files, "MIG102", dedent=False)
    return [(f.code, f.location.path) for f in result.findings if f.location]


def not_read(tmp_path, monkeypatch, files: dict[str, str]) -> dict[str, list[tuple[int, str]]]:
    result = lint_files(tmp_path, monkeypatch, files, "MIG102", dedent=False)
    return {
        d.path: [(m.line, m.tag) for m in r.unread]
        for estate in result.estates
        for d in estate.documents
        for r in d.resources
        if isinstance(r, Script) and r.unread
    }


def services(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, files, "MIG102", dedent=False)
    return sorted(s.name for estate in result.estates for s in estate.cloud_services)


@pytest.mark.parametrize(("starter", "extra"), STARTERS)
def test_two_starts_of_a_child_into_one_service_with_two_availability_sets_are_mig102(
    tmp_path, monkeypatch, starter, extra
):
    files = {"New-Estate.ps1": starts(starter, extra), "Workflow New-AppVM.ps1": CHILD}
    assert findings(tmp_path, monkeypatch, files) == [("MIG102", "Workflow New-AppVM.ps1")]


def test_azure_automation_s_own_start_binds_the_runbook_s_name_at_position_0(tmp_path, monkeypatch):
    # `Start-AutomationRunbook [-Name] <string> [-Parameters <IDictionary>] …`, as Automation documents it
    parent = starts("Start-AutomationRunbook", "").replace("-Name New-AppVM", "New-AppVM")
    files = {"New-Estate.ps1": parent, "Workflow New-AppVM.ps1": CHILD}
    assert findings(tmp_path, monkeypatch, files) == [("MIG102", "Workflow New-AppVM.ps1")]
    assert not_read(tmp_path, monkeypatch, files) == {}


@pytest.mark.parametrize("child", ["New-AppVM.ps1", "Workflow New-AppVM.ps1", "vm-runbook.ps1"])
def test_a_workflow_calling_a_child_by_name_runs_it_so_too(tmp_path, monkeypatch, child):
    files = {"New-Estate.ps1": INLINE, child: CHILD}
    assert findings(tmp_path, monkeypatch, files) == [("MIG102", child)]


def test_the_child_s_reading_on_its_own_is_left_out_when_a_file_starts_it(tmp_path, monkeypatch):
    files = {"New-Estate.ps1": starts(*STARTERS[0]), "Workflow New-AppVM.ps1": CHILD}
    assert services(tmp_path, monkeypatch, files) == ["shop-svc"]


def test_a_child_no_file_starts_is_read_on_its_own(tmp_path, monkeypatch):
    # read once with values it does not know: a service the files do not name, shown as a stand-in there
    [service] = services(tmp_path, monkeypatch, {"Workflow New-AppVM.ps1": CHILD})
    assert service.startswith("<") and "Workflow New-AppVM.ps1:" in service


@pytest.mark.parametrize(("starter", "extra"), STARTERS)
def test_a_child_in_another_folder_is_not_followed_and_its_start_is_said_not_read(
    tmp_path, monkeypatch, starter, extra
):
    files = {"parent/New-Estate.ps1": starts(starter, extra), "children/New-AppVM.ps1": CHILD}
    assert not_read(tmp_path, monkeypatch, files) == {
        "parent/New-Estate.ps1": [(7, RUNBOOK_NOT_FOLLOWED), (9, RUNBOOK_NOT_FOLLOWED)]
    }


@pytest.mark.parametrize(
    "parameters",
    [
        "(Get-AutomationVariable -Name params)",  # a table the script does not state
        "$PSBoundParameters",
    ],
)
def test_parameters_the_script_does_not_state_are_said_not_read(tmp_path, monkeypatch, parameters):
    parent = starts(*STARTERS[0]).replace("-Parameters $params", f"-Parameters {parameters}")
    files = {"New-Estate.ps1": parent, "Workflow New-AppVM.ps1": CHILD}
    assert not_read(tmp_path, monkeypatch, files) == {
        "New-Estate.ps1": [(7, RUNBOOK_NOT_FOLLOWED), (9, RUNBOOK_NOT_FOLLOWED)]
    }
    assert findings(tmp_path, monkeypatch, files) == []


def test_a_runbook_name_the_script_does_not_state_is_said_not_read(tmp_path, monkeypatch):
    parent = starts(*STARTERS[0]).replace("-Name New-AppVM", "-Name $Using:ProjectName")
    files = {"New-Estate.ps1": parent, "Workflow New-AppVM.ps1": CHILD}
    assert not_read(tmp_path, monkeypatch, files) == {
        "New-Estate.ps1": [(7, RUNBOOK_NOT_FOLLOWED), (9, RUNBOOK_NOT_FOLLOWED)]
    }
