"""A lab script tidies up each region with `Remove-Variable -Name VMConfig,NewVMConfig,SccmDataDiskList`
once it has used them: from there each is $null, as after `$x = $null`, and what they held before is read
as it was, where naming a variable in such a command made it one something may change unseen anywhere in
the script, and the loop over the four data disk tables added none to the VM."""

from __future__ import annotations

from lint_support import script_resources

from migcheck.model import Deployment, ServiceRegion

LAB = """\
$NewVMConfig = New-AzureVMConfig -Name 'sccm01' -InstanceSize Large -ImageName 'img' -MediaLocation 'https://acct1.blob.core.windows.net/vhds/sccm01-os.vhd'
$SccmDataDiskList = @(
    @{ CreateNew = $true; DiskSizeInGB = 100; DiskLabel = 'd0'; LUN = 0; MediaLocation = 'https://acct1.blob.core.windows.net/vhds/d0.vhd' }
    , @{ CreateNew = $true; DiskSizeInGB = 100; DiskLabel = 'd1'; LUN = 1; MediaLocation = 'https://acct1.blob.core.windows.net/vhds/d1.vhd' }
    )
foreach ($DataDisk in $SccmDataDiskList) {
    $NewVMConfig | Add-AzureDataDisk @DataDisk;
}
$VMList = @()
$VMList += $NewVMConfig
Remove-Variable -Name VMConfig,NewVMConfig,SccmDataDiskList;
New-AzureVM -ServiceName 'svc1' -Location 'West US' -VMs $VMList
"""


def test_a_list_removed_after_its_loop_gave_each_of_its_disks():
    (deployment,) = [r for r in script_resources(LAB, "lab.ps1") if isinstance(r, Deployment)]
    (role,) = deployment.roles
    assert sorted(d.media_link.rsplit("/", 1)[-1] for d in role.disks) == [
        "d0.vhd",
        "d1.vhd",
        "sccm01-os.vhd",
    ]


def test_a_removed_variable_is_null_after_the_removal():
    script = (
        "$name = 'svc1'\nNew-AzureService -ServiceName $name -Location 'West US'\nRemove-Variable name\n"
        "if ($name) { New-AzureService -ServiceName 'svc2' -Location 'West US' }\n"
    )
    services = [r.service for r in script_resources(script, "lab.ps1") if isinstance(r, ServiceRegion)]
    assert services == ["svc1"]
