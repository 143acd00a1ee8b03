"""A data disk body on its own (root `DataVirtualHardDisk`: an Add Data Disk or Update Data Disk request, a
Get Data Disk response) is a disk of the VM its request's URI names: the disk rules see its blob (MIG401),
and it is never a disk attached to none (MIG402)."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import VM_OF_REQUEST_URI

ADD_DATA_DISK = """\
<DataVirtualHardDisk xmlns="{namespace}" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
  <HostCaching>None</HostCaching>
  <DiskLabel>archive</DiskLabel>
  <Lun>1</Lun>
  <LogicalDiskSizeInGB>200</LogicalDiskSizeInGB>
  <MediaLink>https://contoso.blob.core.windows.net/vhds/archive/jump01-data1.vhd</MediaLink>
</DataVirtualHardDisk>
"""

ATTACH_BY_NAME = """\
<DataVirtualHardDisk xmlns="http://schemas.microsoft.com/windowsazure">
  <HostCaching>ReadOnly</HostCaching>
  <DiskName>spare-data</DiskName>
  <Lun>2</Lun>
</DataVirtualHardDisk>
"""

DISKS = """\
<Disks xmlns="http://schemas.microsoft.com/windowsazure">
  <Disk>
    <MediaLink>https://contoso.blob.core.windows.net/vhds/spare-data.vhd</MediaLink>
    <Name>spare-data</Name>
  </Disk>
</Disks>
"""


@pytest.mark.parametrize(
    "namespace", ["http://schemas.microsoft.com/windowsazure", "https://schemas.microsoft.com/windowsazure"]
)
def test_a_data_disk_body_blob_name_with_a_slash_is_mig401_at_its_media_link(
    tmp_path, monkeypatch, namespace
):
    files = {"add-data-disk.xml": ADD_DATA_DISK.format(namespace=namespace)}
    (finding,) = lint_files(tmp_path, monkeypatch, files, "MIG401", "MIG402", dedent=False).findings
    assert where([finding]) == ["MIG401 add-data-disk.xml:6:3"]
    assert finding.message.startswith(
        "the VM named in the request's URI has its data disk at LUN 1 "
        "(https://contoso.blob.core.windows.net/vhds/archive/jump01-data1.vhd) whose blob name "
        "'archive/jump01-data1.vhd' contains '/'"
    )


def test_a_data_disk_body_is_attached_to_its_vm(tmp_path, monkeypatch):
    files = {"add-data-disk.xml": ADD_DATA_DISK.format(namespace="http://schemas.microsoft.com/windowsazure")}
    result = lint_files(tmp_path, monkeypatch, files, "MIG402", dedent=False)
    assert result.findings == []
    (disk,) = result.estate.disks
    assert disk.attached_to == VM_OF_REQUEST_URI and disk.lun == "1"


def test_a_listed_disk_a_data_disk_body_attaches_by_name_is_not_unattached(tmp_path, monkeypatch):
    files = {"disks.xml": DISKS, "attach.xml": ATTACH_BY_NAME}
    assert lint_files(tmp_path, monkeypatch, files, "MIG402", dedent=False).findings == []
    (tmp_path / "attach.xml").unlink()
    found = lint_files(tmp_path, monkeypatch, {}, "MIG402", dedent=False).findings
    assert where(found) == ["MIG402 disks.xml:2:3"]
