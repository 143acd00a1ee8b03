"""A disk a PowerShell script registers (`Add-AzureDisk`) by a name it does not state is still a disk of
the repository: attached to no VM (MIG402) unless a VM may be given it, shown by a stand-in where its name
is passed, and gone again when the script surely removes it by the same value."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

BLOB = "https://contosovhds.blob.core.windows.net/vhds"
ADD = f'param([string] $DiskName)\nAdd-AzureDisk -DiskName $DiskName -MediaLocation "{BLOB}/spare.vhd" -OS Linux\n'


def _findings(tmp_path, monkeypatch, files, *codes):
    return lint_files(tmp_path, monkeypatch, files, *codes).findings


def test_a_disk_registered_by_an_unstated_name_is_attached_to_no_vm(tmp_path, monkeypatch):
    findings = _findings(tmp_path, monkeypatch, {"disks.ps1": ADD}, "MIG402")
    assert where(findings) == ["MIG402 disks.ps1:2:1"]
    assert findings[0].message.startswith("disk '<disk name, disks.ps1:2>' is attached to no VM")
    assert "storage account 'contosovhds'" in findings[0].message


def test_a_disk_with_neither_name_nor_blob_stated_is_still_reported(tmp_path, monkeypatch):
    script = "param($DiskName, $Uri)\nAdd-AzureDisk -DiskName $DiskName -MediaLocation $Uri -OS Linux\n"
    assert where(_findings(tmp_path, monkeypatch, {"disks.ps1": script}, "MIG402")) == [
        "MIG402 disks.ps1:2:1"
    ]


@pytest.mark.parametrize(
    "use",
    [
        "Remove-AzureDisk -DiskName $DiskName\n",
        'New-AzureVMConfig -Name "vm1" -InstanceSize Small -DiskName $DiskName | New-AzureVM -ServiceName "a"\n',
        'New-AzureVMConfig -Name "vm1" -InstanceSize Small -DiskName "vm1-os" | New-AzureVM -ServiceName "a"\n',
        f'New-AzureVMConfig -Name "vm1" -InstanceSize Small -MediaLocation "{BLOB}/spare.vhd" -ImageName img |'
        ' New-AzureVM -ServiceName "a"\n',
    ],
    ids=["removed-by-the-same-value", "given-by-the-same-value", "a-vm-given-a-stated-name", "its-blob"],
)
def test_a_disk_a_vm_may_take_or_the_script_removes_is_not_reported(tmp_path, monkeypatch, use):
    assert _findings(tmp_path, monkeypatch, {"disks.ps1": ADD + use}, "MIG402") == []


def test_a_removal_by_another_value_or_that_may_not_run_leaves_it(tmp_path, monkeypatch):
    other = ADD.replace("$DiskName)", "$DiskName, $Other)") + "Remove-AzureDisk -DiskName $Other\n"
    maybe = ADD + "if ($args) { Remove-AzureDisk -DiskName $DiskName }\n"
    for script in (other, maybe):
        assert where(_findings(tmp_path, monkeypatch, {"disks.ps1": script}, "MIG402")) == [
            "MIG402 disks.ps1:2:1"
        ]
