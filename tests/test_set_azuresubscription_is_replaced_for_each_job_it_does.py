"""MIG601: Set-AzureSubscription does three jobs by its parameters (choose the subscription, set the storage
account new VM disks go to, sign in with a management certificate), and its replacement names what does each
in Resource Manager, where it named Set-AzContext alone: a script rewritten so lost its current storage
account, and a runbook signing in with a management certificate its sign-in."""

from __future__ import annotations

import pytest
from lint_support import lint_files


@pytest.mark.parametrize(
    ("text", "replaced"),
    [
        (
            # In the shape of a lab's connect script: the storage account the next scripts' disks go to.
            'Set-AzureSubscription -SubscriptionName "lab" -CurrentStorageAccountName "illdemo"\n'
            'New-AzureVM -ServiceName "lab" -Location "West US" -VMs $vm\n',
            "Set-AzCurrentStorageAccount (for its -CurrentStorageAccountName)",
        ),
        (
            # In the shape of a runbook that signs in with an Automation certificate asset.
            "$cert = Get-AutomationCertificate -Name $certificateName\n"
            "Set-AzureSubscription -SubscriptionName $name -SubscriptionId $id -Certificate $cert\n"
            'Start-AzureVM -ServiceName "svc" -Name "vm"\n',
            "Connect-AzAccount -ServicePrincipal -CertificateThumbprint (for its -Certificate",
        ),
    ],
)
def test_each_job_of_set_azuresubscription_has_its_replacement(tmp_path, monkeypatch, text, replaced) -> None:
    [finding] = lint_files(tmp_path, monkeypatch, {"connect.ps1": text}, "MIG601").findings
    assert "Set-AzureSubscription → Set-AzContext (to choose the subscription)" in finding.fix
    assert replaced in finding.fix
