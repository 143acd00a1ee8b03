"""`Get-AzureStorageAccount legacystore` names the account by position, as `-StorageAccountName legacystore`
does: a disk built of its blob endpoint (`.Endpoints[0]`) is one of the account another script creates
by name, where the plan had a second account standing in for an unstated name."""

from __future__ import annotations

import pytest

DEPLOY = """\
$disk = (Get-AzureStorageAccount {name}).Endpoints[0] + "vhds/web01.vhd"
New-AzureVMConfig -Name "web01" -InstanceSize Small -MediaLocation $disk -ImageName "img" |
  New-AzureVM -ServiceName "websvc"
"""
CREATE = 'New-AzureStorageAccount -StorageAccountName "legacystore" -Location "West Europe"\n'


@pytest.mark.parametrize(
    "name", ["legacystore", "-StorageAccountName legacystore", "-ServiceName legacystore"]
)
def test_the_account_is_one_step(plan_of, name) -> None:
    plan = plan_of({"deploy.ps1": DEPLOY.format(name=name), "create.ps1": CREATE})
    accounts = [step.id for step in plan.steps if step.id.startswith("storage:")]
    assert accounts == ["storage:legacystore"]
