"""A storage account name a script defaults where none is given (`if (!$account) { $account = ... }`) holds one
value after the `if`, whichever path ran: the account New-AzureStorageAccount creates under it, the one
Set-AzureSubscription makes current under it and the one holding the OS disk of a VM made with no
-MediaLocation are one account, where the current one was a second stand-in of its own."""

from __future__ import annotations

import pytest

DEPLOY = """\
param([string]$Project, [string]$account)
{test} {{
    $account = $Project.ToLower()
}}
New-AzureStorageAccount -StorageAccountName $account -Location "West US"
Set-AzureSubscription -SubscriptionName "s" -CurrentStorageAccountName $account
New-AzureQuickVM -Windows -ServiceName "svc1" -Name "vm1" -ImageName "img" -Password "p" -AdminUsername "u" -Location "West US"
"""


@pytest.mark.parametrize(
    "test",
    ["if (!$account)", "if (-not $account)", "if ([string]::IsNullOrEmpty($account))"],
)
def test_the_account_created_is_the_current_one(plan_of, test: str) -> None:
    plan = plan_of({"deploy.ps1": DEPLOY.format(test=test)})
    accounts = [step.id for step in plan.steps if step.id.startswith("storage:")]
    assert accounts == ["storage:<storage account name, deploy.ps1:5:45>"]
