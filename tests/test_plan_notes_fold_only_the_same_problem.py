"""A plan folds the warnings of one rule and fix into one note only when they say the same of different
resources: "(and 1 more like it)" never hides a different problem. One migration runbook (the case found,
JackStromberg/Azure-ASMARM `MigrateClassicToARM.ps1`) has two MIG602 findings at one call, a Prepare with no
Validate before it and a storage account prepared before the cloud service whose disks it may hold (the
one the platform refuses); the plan showed only the first.

A runbook checked on its own names what it migrates without describing it: the plan's closing line names
those resources and what to add to plan their steps, not that the files describe nothing."""

from __future__ import annotations

import textwrap

from lint_support import run_cli as run

RUNBOOK = """\
$storageAccountName = "myStorageAccount"
Move-AzureStorageAccount -Prepare -StorageAccountName $storageAccountName
Move-AzureStorageAccount -Commit -StorageAccountName $storageAccountName

$serviceName = "myCloudService"
$validate = Move-AzureService -Validate -ServiceName $serviceName -DeploymentName $serviceName -CreateNewVirtualNetwork
Move-AzureService -Prepare -ServiceName $serviceName -DeploymentName $serviceName -CreateNewVirtualNetwork
Move-AzureService -Commit -ServiceName $serviceName -DeploymentName $serviceName
"""

# Two storage accounts prepared without a Validate, after the cloud service: the same problem twice.
TWO_ACCOUNTS = """\
Move-AzureService -Validate -ServiceName 'shop' -DeploymentName 'shop' -CreateNewVirtualNetwork
Move-AzureService -Prepare -ServiceName 'shop' -DeploymentName 'shop' -CreateNewVirtualNetwork
Move-AzureService -Commit -ServiceName 'shop' -DeploymentName 'shop'
Move-AzureStorageAccount -Prepare -StorageAccountName 'shopdisks'
Move-AzureStorageAccount -Commit -StorageAccountName 'shopdisks'
Move-AzureStorageAccount -Prepare -StorageAccountName 'shoplogs'
Move-AzureStorageAccount -Commit -StorageAccountName 'shoplogs'
"""

PYTHON_RUNBOOK = """\
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService("sub", "cert.pem")
sms.perform_post("/sub/services/networking/virtualnetwork/prod-vnet/migration?comp=Commit", "")
sms.perform_post("/sub/services/networking/virtualnetwork/prod-vnet/migration?comp=Validate", "")
sms.perform_post("/sub/services/networking/virtualnetwork/prod-vnet/migration?comp=Prepare", "")
"""


def _plan(tmp_path, monkeypatch, capsys, name: str, text: str) -> str:
    (tmp_path / name).write_text(textwrap.dedent(text), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return run(capsys, "plan", ".")[1]


def _mig602_notes(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.lstrip().startswith("note:") and "MIG602" in line]


def test_two_different_problems_at_one_call_are_each_a_note(tmp_path, monkeypatch, capsys):
    out = _plan(tmp_path, monkeypatch, capsys, "MigrateClassicToARM.ps1", RUNBOOK)
    notes = _mig602_notes(out)
    assert len(notes) == 2 and "more like it" not in out
    assert "is not preceded by a Validate" in notes[0]
    assert "comes before the Prepare of cloud service 'myCloudService'" in notes[1]


def test_the_same_problem_of_two_resources_is_still_one_note(tmp_path, monkeypatch, capsys):
    out = _plan(tmp_path, monkeypatch, capsys, "accounts.ps1", TWO_ACCOUNTS)
    [note] = _mig602_notes(out)
    assert "storage account 'shopdisks'" in note and "(and 1 more like it)" in note


def test_a_runbook_alone_is_said_to_migrate_what_it_names(tmp_path, monkeypatch, capsys):
    out = _plan(tmp_path, monkeypatch, capsys, "MigrateClassicToARM.ps1", RUNBOOK)
    last = out.rstrip().splitlines()[-1]
    assert "describe no classic resource" not in out
    assert last.startswith(
        "No step to plan: the scripts checked migrate storage account 'myStorageAccount' and cloud service "
        "'myCloudService', but no file checked describes cloud service 'myCloudService', or shows what storage "
        "account 'myStorageAccount' holds: add an inventory export"
    )


def test_a_python_runbook_alone_is_said_to_migrate_what_it_names(tmp_path, monkeypatch, capsys):
    out = _plan(tmp_path, monkeypatch, capsys, "m.py", PYTHON_RUNBOOK)
    last = out.rstrip().splitlines()[-1]
    assert last.startswith("No step to plan: the scripts checked migrate virtual network 'prod-vnet', but")
    assert last.endswith("Until then, this plan holds only what the blockers above are about.")
