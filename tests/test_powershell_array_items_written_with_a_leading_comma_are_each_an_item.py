"""An array written one item a line with the comma leading the next (`@( @{…}` then `, @{…}` on each line,
a style of lab scripts): each line after the first is a statement of its own, `,x`, the array of one item,
which `@( … )` takes as that item. Each item is in the list, where all but the first were dropped, and a VM
given its data disks from such a list of tables by splatting (`Add-AzureDataDisk @DataDisk`) had one."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import Deployment, ServiceRegion

VM = (
    "$vm = New-AzureVMConfig -Name 'vm1' -InstanceSize Small -ImageName 'img' "
    "-MediaLocation 'https://acct1.blob.core.windows.net/vhds/vm1.vhd'\n"
)


def _disk(lun: int) -> str:
    return (
        f"@{{ CreateNew = $true; DiskSizeInGB = 100; DiskLabel = 'd{lun}'; LUN = {lun}; "
        f"MediaLocation = 'https://acct1.blob.core.windows.net/vhds/d{lun}.vhd' }}"
    )


def _disks(listed: str) -> list[str]:
    script = (
        f"{VM}$Disks = @(\n{listed}\n)\n"
        "foreach ($DataDisk in $Disks) {\n    $vm | Add-AzureDataDisk @DataDisk\n}\n"
        "New-AzureVM -ServiceName 'svc1' -Location 'West US' -VMs $vm\n"
    )
    (deployment,) = [r for r in script_resources(script, "lab.ps1") if isinstance(r, Deployment)]
    (role,) = deployment.roles
    return sorted(disk.media_link.rsplit("/", 1)[-1] for disk in role.disks)


@pytest.mark.parametrize(
    "listed",
    [
        f"    {_disk(0)}\n    , {_disk(1)}\n    , {_disk(2)}",
        f"    {_disk(0)},\n    {_disk(1)},\n    {_disk(2)}",
        f"    {_disk(0)}\n    {_disk(1)}\n    {_disk(2)}",
    ],
    ids=["leading commas", "trailing commas", "one a line"],
)
def test_each_table_of_the_list_is_a_data_disk_of_the_vm(listed):
    assert _disks(listed) == ["d0.vhd", "d1.vhd", "d2.vhd", "vm1.vhd"]


def test_a_list_of_names_with_leading_commas_runs_a_loop_once_per_name():
    script = (
        "$names = @(\n    'svc1'\n    , 'svc2'\n)\n"
        "foreach ($name in $names) { New-AzureService -ServiceName $name -Location 'West US' }\n"
    )
    services = [r.service for r in script_resources(script, "lab.ps1") if isinstance(r, ServiceRegion)]
    assert services == ["svc1", "svc2"]


def test_a_one_item_array_is_looped_over_as_its_item():
    script = "$names = ,'svc1'\nforeach ($name in $names) { New-AzureService -ServiceName $name -Location 'West US' }\n"
    services = [r.service for r in script_resources(script, "lab.ps1") if isinstance(r, ServiceRegion)]
    assert services == ["svc1"]
