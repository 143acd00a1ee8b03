"""Blob addresses that start with one value the script does not state, which holds the host (`$container =
"http://" + $account + ".blob.core.windows.net/vhds/"`), are in the one account that value names, however many
variables and joins come between: `$base = $container + "vm1-data-"` then `$base + "0.vhd"` (or `"$base$i.vhd"`)
is a blob of the same account as `$container + "vm1-os.vhd"`, where each variable built on `$container` was an
account of its own (one step and one name to fill in per variable, for one account)."""

from __future__ import annotations

import pytest

DEPLOY = """\
param([string]$account = $(Read-Host -prompt "Storage account"))
$container = "http://" + $account + ".blob.core.windows.net/vhds/"
{bases}
$vm = New-AzureVMConfig -Name "vm1" -InstanceSize "Small" -ImageName "img" -MediaLocation ($container + "vm1-os.vhd")
Add-AzureProvisioningConfig -VM $vm -Windows -AdminUsername "u" -Password "p"
Add-AzureDataDisk -CreateNew -DiskSizeInGB 10 -LUN 0 -MediaLocation {data} -DiskLabel "d" -VM $vm
New-AzureVM -ServiceName "svc1" -VMs $vm -Location "West US"
"""


@pytest.mark.parametrize(
    ("bases", "data"),
    [
        ('$dataBase = $container + "vm1-data-"', '($dataBase + "0.vhd")'),
        ('$dataBase = $container + "vm1-data-"', '"${dataBase}0.vhd"'),
        ('$b1 = $container + "vm1"; $b2 = $b1 + "-data-"; $b3 = "$b2" + "x"', '($b3 + "0.vhd")'),
    ],
)
def test_every_disk_is_in_the_one_account(plan_of, bases: str, data: str) -> None:
    plan = plan_of({"deploy.ps1": DEPLOY.format(bases=bases, data=data)})
    accounts = [step.id for step in plan.steps if step.id.startswith("storage:")]
    assert accounts == ["storage:<storage account name, deploy.ps1:4:91>"]
