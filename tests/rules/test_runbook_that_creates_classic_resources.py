"""MIG601 on a migration runbook that also creates classic resources, as a lab script does before migrating
them: the creating calls fail today (the classic models are retired), so the finding names them, at the
first of them, in PowerShell and Python alike; the rest of the script is a runbook, left to MIG602."""

from __future__ import annotations

from lint_support import lint_files, where

LAB = """
Select-AzureSubscription -SubscriptionName "Lab"
New-AzureStorageAccount -StorageAccountName "labdisks" -Location "West Europe"
New-AzureService -ServiceName "lab-app" -Location "West Europe"
$vm = New-AzureVMConfig -Name "app01" -InstanceSize Small -ImageName $image |
    Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password $password
New-AzureVM -ServiceName "lab-app" -VMs $vm
Move-AzureService -Validate -ServiceName "lab-app" -DeploymentName "lab-app" -CreateNewVirtualNetwork
Move-AzureService -Prepare -ServiceName "lab-app" -DeploymentName "lab-app" -CreateNewVirtualNetwork
Move-AzureService -Commit -ServiceName "lab-app" -DeploymentName "lab-app"
"""

LAB_PY = """
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService(subscription_id, "mgmt.pem")
sms.create_hosted_service("lab-app", "lab-app", location="West Europe")
base = f"{subscription_id}/services/hostedservices/lab-app/deployments/lab-app/migration"
sms.perform_post(base + "?comp=Validate", body)
sms.perform_post(base + "?comp=Prepare", body)
sms.perform_post(base + "?comp=Commit", "")
"""

RUNBOOK = """
Get-AzureVM -ServiceName "lab-app"
Move-AzureService -Validate -ServiceName "lab-app" -DeploymentName "lab-app" -CreateNewVirtualNetwork
Move-AzureService -Prepare -ServiceName "lab-app" -DeploymentName "lab-app" -CreateNewVirtualNetwork
Move-AzureService -Commit -ServiceName "lab-app" -DeploymentName "lab-app"
"""


def test_the_creating_calls_of_a_powershell_runbook_are_said_to_fail(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"lab.ps1": LAB}, "MIG601", "MIG602")
    assert where(result.findings) == ["MIG601 lab.ps1:2:1"]  # the first creating call; the steps are in order
    [finding] = result.findings
    assert finding.message == (
        "PowerShell script 'lab.ps1' runs the migration (MIG602 checks its steps), and its calls that create "
        "classic VMs, cloud services and storage accounts (New-AzureStorageAccount, New-AzureService, "
        "New-AzureVM) fail today, since IaaS VMs (classic) were retired on 2023-09-06 and Cloud Services "
        "(classic) and classic storage accounts on 2024-08-31: it can migrate only classic resources that "
        "exist already"
    )
    assert "New-AzureVM → New-AzVM" in finding.fix
    assert "Select-AzureSubscription" not in finding.fix  # the runbook's own calls are MIG602's


def test_the_creating_calls_of_a_python_runbook_are_said_to_fail(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"lab.py": LAB_PY}, "MIG601", "MIG602")
    assert where(result.findings) == ["MIG601 lab.py:4:5"]
    [finding] = result.findings
    assert finding.message.startswith(
        "Python script 'lab.py' runs the migration (MIG602 checks its steps), and its calls that create "
        "classic cloud services (create_hosted_service) fail today, since Cloud Services (classic) was "
        "retired on 2024-08-31"
    )
    assert "create_hosted_service → ResourceManagementClient.resource_groups.create_or_update" in finding.fix


def test_a_runbook_that_creates_nothing_is_left_to_mig602(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"migrate.ps1": RUNBOOK}, "MIG601", "MIG602")
    assert result.findings == []
