"""A script that gets its storage account by filtering every account of the subscription by name
(`Get-AzureStorageAccount | ? {$_.StorageAccountName -eq $name} | select -first 1`, `Where-Object
StorageAccountName -eq $name`, `Select-Object -First 1`), creating and getting it when the filter found none,
gets account $name whichever way it goes: a disk whose blob is `$account.Endpoints[0] + "vhds/" + $blob`
is in it. So is a disk whose blob address the script builds in a loop, or in an `if`, before it registers
the disk (`foreach ($d in $disks) { if (…) { $os = $target + $d.Name } }`), and each disk of an array of
such addresses a loop builds (`$blobs += $target + $d.Name`, then `foreach ($b in $blobs) { Add-AzureDisk
-MediaLocation $b }`). The disk's account was a
stand-in for an account no file states where the script names it by a parameter's default."""

from __future__ import annotations

import pytest
from lint_support import lint_files

HEAD = """\
param([string] $DestStorageAccountName = "telingastorage")
{get}
if ($destStorageAccount -eq $null)
{{
    New-AzureStorageAccount -StorageAccountName $DestStorageAccountName -Location "China North"
    $destStorageAccount = Get-AzureStorageAccount -StorageAccountName $DestStorageAccountName
}}
"""

PICKS = [
    "$destStorageAccount = Get-AzureStorageAccount | ? {$_.StorageAccountName -eq $DestStorageAccountName} | select -first 1",
    "$destStorageAccount = Get-AzureStorageAccount | Where-Object StorageAccountName -eq $DestStorageAccountName | Select-Object -First 1",
    "$destStorageAccount = Get-AzureStorageAccount | Where-Object { $DestStorageAccountName -eq $_.StorageAccountName }",
]

REGISTERS = {
    "directly": 'Add-AzureDisk -OS Windows -DiskName osdisk -MediaLocation ($destStorageAccount.Endpoints[0] + "vhds/" + $blobName)\n',
    "in a loop and an if": """\
foreach ($disk in $allDisks)
{
    $targetBlob = $destStorageAccount.Endpoints[0] + "vhds/"
    if ($disk -eq $sourceOSDisk)
    {
        $destOSDisk = $targetBlob + $disk.MediaLink.Segments[2]
    }
}
Add-AzureDisk -OS Windows -DiskName osdisk -MediaLocation $destOSDisk
""",
}


@pytest.mark.parametrize("get", PICKS)
@pytest.mark.parametrize("registers", REGISTERS)
def test_the_disk_is_in_the_account_the_filter_picks(tmp_path, monkeypatch, get, registers):
    script = HEAD.format(get=get) + REGISTERS[registers]
    result = lint_files(tmp_path, monkeypatch, {"migrate.ps1": script}, dedent=False)
    (estate,) = result.estates
    assert [(disk.name, disk.storage_account) for disk in estate.disks] == [("osdisk", "telingastorage")]


DATA_DISKS = """\
$destDataDisks = @()
foreach ($disk in $allDisks)
{
    $targetBlob = $destStorageAccount.Endpoints[0] + "vhds/"
    if ($disk -ne $sourceOSDisk)
    {
        $destDataDisks += $targetBlob + $disk.MediaLink.Segments[2]
    }
}
foreach ($dataDisk in $destDataDisks)
{
    Add-AzureDisk -DiskName $disk.DiskName -MediaLocation $dataDisk
}
"""


@pytest.mark.parametrize("get", PICKS)
def test_the_disks_of_an_array_a_loop_builds_are_in_the_account_the_filter_picks(tmp_path, monkeypatch, get):
    script = HEAD.format(get=get) + DATA_DISKS
    result = lint_files(tmp_path, monkeypatch, {"migrate.ps1": script}, dedent=False)
    (estate,) = result.estates
    assert [disk.storage_account for disk in estate.disks] == ["telingastorage"]


def test_a_filter_on_another_property_picks_no_account_the_script_names(tmp_path, monkeypatch):
    get = "$destStorageAccount = Get-AzureStorageAccount | ? {$_.Label -eq $DestStorageAccountName} | select -first 1"
    script = f"{get}\n" + REGISTERS["directly"]
    result = lint_files(tmp_path, monkeypatch, {"migrate.ps1": script}, dedent=False)
    (estate,) = result.estates
    assert [disk.storage_account for disk in estate.disks if disk.storage_account == "telingastorage"] == []
