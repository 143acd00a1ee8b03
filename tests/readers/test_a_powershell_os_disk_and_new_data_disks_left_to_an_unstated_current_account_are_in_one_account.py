"""A VM whose OS disk is left to the subscription's current storage account (New-AzureVMConfig from an image,
no `-MediaLocation`) and a new data disk `Add-AzureDataDisk -CreateNew` adds without `-MediaLocation`, on that
VM or another, are in one account, the one the script does not state: one stand-in for the subscription, named
where the first disk is left to it, in the plan and in the readiness rows, where the OS disk's account and the
data disks' were two accounts of one name."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.readiness import readiness

LEFT = (
    "New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img | "
    "Add-AzureProvisioningConfig -Windows -AdminUsername a -Password $pw | "
    "New-AzureVM -ServiceName vm1svc -Location 'West US'\n"
)
NAMED = (
    "New-AzureVMConfig -Name vm2 -InstanceSize Small -ImageName img "
    "-MediaLocation 'https://osstore.blob.core.windows.net/vhds/vm2-os.vhd' | "
    "Add-AzureDataDisk -CreateNew -DiskLabel 'data' -DiskSizeInGB 100 -LUN 0 | "
    "New-AzureVM -ServiceName vm2svc -Location 'West US'\n"
)
ORDERS = {"the os disk first": (LEFT + NAMED, 1), "the data disk first": (NAMED + LEFT, 2)}


def _account(line: int) -> str:
    return f"<current storage account of the subscription, deploy.ps1:{line}>"


@pytest.mark.parametrize(("script", "line"), ORDERS.values(), ids=ORDERS)
def test_the_plan_has_one_step_for_the_account(tmp_path, monkeypatch, script, line) -> None:
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, dedent=False)
    (plan,) = [s for s in build_plan(result).subscriptions if s.steps]
    accounts = [step.name for step in plan.steps if "current storage account" in step.name]
    assert accounts == [_account(line)]


@pytest.mark.parametrize(("script", "line"), ORDERS.values(), ids=ORDERS)
def test_the_readiness_has_one_row_for_the_account(tmp_path, monkeypatch, script, line) -> None:
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, dedent=False)
    rows = [item for subscription in readiness(result) for item in subscription.items]
    accounts = [item for item in rows if "current storage account" in item.name]
    assert [item.name for item in accounts] == [_account(line)]
    assert accounts[0].migrates["os_disks_of"] == ["vm1"] and len(accounts[0].migrates["disks"]) == 1
