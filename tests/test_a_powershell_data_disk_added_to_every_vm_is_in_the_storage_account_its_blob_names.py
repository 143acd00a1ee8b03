"""A data disk added to every VM Get-AzureVM lists (`Get-AzureVM | Add-AzureDataDisk -CreateNew -MediaLocation
"https://acct1.blob.core.windows.net/vhds/d.vhd" | Update-AzureVM`) is written in the account its blob names:
acct1 has a storage step, after the VMs of a cloud service the files do not state (which VMs the call changes
they cannot tell), as when Get-AzureVM gets them by a service name they do not state. It was in no account,
and acct1 had no row nor step."""

from __future__ import annotations

import pytest

ADD = (
    '{get} | Add-AzureDataDisk -CreateNew -DiskSizeInGB 10 -DiskLabel "d" -LUN 1 '
    '-MediaLocation "https://acct1.blob.core.windows.net/vhds/d.vhd" | Update-AzureVM\n'
)


@pytest.mark.parametrize("get", ["Get-AzureVM", "Get-AzureVM -ServiceName $args[0]"])
def test_the_named_account_has_a_step_after_the_vms(plan_of, get: str) -> None:
    plan = plan_of({"add-disks.ps1": ADD.format(get=get)})
    ids = [step.id for step in plan.steps]
    accounts = [i for i in ids if i.startswith("storage:")]
    assert accounts == ["storage:acct1"]
    (service,) = [i for i in ids if i.startswith("service:")]
    assert ids.index(service) < ids.index("storage:acct1")


def test_a_disk_left_to_the_current_account_names_none(plan_of) -> None:
    text = (
        'Get-AzureVM | Add-AzureDataDisk -CreateNew -DiskSizeInGB 10 -DiskLabel "d" -LUN 1 | Update-AzureVM\n'
    )
    plan = plan_of({"add-disks.ps1": text})
    assert not [step.id for step in plan.steps if step.id.startswith(("storage:", "service:"))]
