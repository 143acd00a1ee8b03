"""What a disk body says of a disk's blob and of whether a VM has it: a data disk's `SourceMediaLink` is the
blob a disk is registered from and attached (its `MediaLink` is then ignored), an Update Data Disk body names
the disk a VM has already, and an Update Disk body (`ResizedSizeInGB`, or no blob and no VM) changes a disk
that exists without saying whether a VM has it."""

from __future__ import annotations

from lint_support import lint_files, where

from migcheck.model import VM_OF_REQUEST_URI

NS = "http://schemas.microsoft.com/windowsazure"

FROM_BLOB = f"""\
<DataVirtualHardDisk xmlns="{NS}">
  <HostCaching>ReadOnly</HostCaching>
  <DiskLabel>archive</DiskLabel>
  <Lun>1</Lun>
  <MediaLink>https://contoso.blob.core.windows.net/vhds/ignored/new.vhd</MediaLink>
  <SourceMediaLink>https://contoso.blob.core.windows.net/vhds/old/archive.vhd</SourceMediaLink>
</DataVirtualHardDisk>
"""

FROM_PLAIN_BLOB = f"""\
<DataVirtualHardDisk xmlns="{NS}">
  <Lun>1</Lun>
  <MediaLink>https://contoso.blob.core.windows.net/vhds/ignored/new.vhd</MediaLink>
  <SourceMediaLink>https://contoso.blob.core.windows.net/vhds/archive.vhd</SourceMediaLink>
</DataVirtualHardDisk>
"""

LISTED = f"""\
<Disks xmlns="{NS}">
  <Disk>
    <MediaLink>https://contoso.blob.core.windows.net/vhds/archive.vhd</MediaLink>
    <Name>archive</Name>
  </Disk>
</Disks>
"""


def _role(disks: str) -> str:
    return f"""\
<PersistentVMRole xmlns="{NS}">
  <RoleName>jump01</RoleName>
  <RoleType>PersistentVMRole</RoleType>
  <DataVirtualHardDisks>
{disks}
  </DataVirtualHardDisks>
</PersistentVMRole>
"""


def test_a_data_disk_registered_from_a_blob_has_that_blob(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"add.xml": FROM_BLOB}, "MIG401", "MIG402", dedent=False)
    (finding,) = result.findings
    assert where([finding]) == ["MIG401 add.xml:6:3"]
    assert "'old/archive.vhd'" in finding.message
    (disk,) = result.estate.disks
    assert disk.media_link.endswith("/vhds/old/archive.vhd") and disk.attached_to == VM_OF_REQUEST_URI


def test_the_ignored_media_link_of_a_disk_from_a_blob_is_not_checked(tmp_path, monkeypatch):
    files = {"add.xml": FROM_PLAIN_BLOB}
    assert lint_files(tmp_path, monkeypatch, files, "MIG401", dedent=False).findings == []


def test_a_listed_disk_whose_blob_a_data_disk_is_registered_from_is_attached(tmp_path, monkeypatch):
    files = {"disks.xml": LISTED, "add.xml": FROM_PLAIN_BLOB}
    assert lint_files(tmp_path, monkeypatch, files, "MIG402", dedent=False).findings == []


def test_a_role_data_disk_from_a_blob_is_checked_at_its_source_media_link(tmp_path, monkeypatch):
    disk = """\
    <DataVirtualHardDisk>
      <Lun>0</Lun>
      <SourceMediaLink>https://contoso.blob.core.windows.net/vhds/old/jump01-data.vhd</SourceMediaLink>
    </DataVirtualHardDisk>"""
    files = {"role.xml": _role(disk)}
    found = lint_files(tmp_path, monkeypatch, files, "MIG401", dedent=False).findings
    assert where(found) == ["MIG401 role.xml:7:7"]


def test_an_export_data_disk_from_a_blob_is_checked(tmp_path, monkeypatch):
    export = """\
<PersistentVM xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <RoleName>jump01</RoleName>
  <DataVirtualHardDisks>
    <DataVirtualHardDisk>
      <Lun>0</Lun>
      <SourceMediaLink>https://contoso.blob.core.windows.net/vhds/old/jump01-data.vhd</SourceMediaLink>
    </DataVirtualHardDisk>
  </DataVirtualHardDisks>
</PersistentVM>
"""
    found = lint_files(tmp_path, monkeypatch, {"jump01.xml": export}, "MIG401", dedent=False).findings
    assert where(found) == ["MIG401 jump01.xml:6:7"]


def test_an_update_data_disk_body_is_the_disk_the_vm_has_already(tmp_path, monkeypatch):
    disk = """\
    <DataVirtualHardDisk>
      <DiskName>jump01-data</DiskName>
      <Lun>1</Lun>
      <MediaLink>https://contoso.blob.core.windows.net/vhds/old/jump01-data.vhd</MediaLink>
    </DataVirtualHardDisk>"""
    update = f"""\
<DataVirtualHardDisk xmlns="{NS}">
  <HostCaching>None</HostCaching>
  <DiskName>jump01-data</DiskName>
  <Lun>1</Lun>
  <MediaLink>https://contoso.blob.core.windows.net/vhds/old/jump01-data.vhd</MediaLink>
</DataVirtualHardDisk>
"""
    files = {"role.xml": _role(disk), "update.xml": update}
    result = lint_files(tmp_path, monkeypatch, files, "MIG401", "MIG402", dedent=False)
    assert where(result.findings) == ["MIG401 role.xml:8:7"]
    assert result.findings[0].message.startswith("VM 'jump01'")
    (disk_read,) = result.estate.disks
    assert disk_read.attached_to == "jump01"


UPDATE_DISK = f"""\
<Disk xmlns="{NS}">
  <Name>archive</Name>
  <Label>archive of 2014</Label>
  <ResizedSizeInGB>256</ResizedSizeInGB>
</Disk>
"""

RELABEL_DISK = f"""\
<Disk xmlns="{NS}">
  <Name>archive</Name>
  <Label>archive of 2014</Label>
</Disk>
"""


def test_an_update_disk_body_is_no_disk_attached_to_none(tmp_path, monkeypatch):
    for body in (UPDATE_DISK, RELABEL_DISK):
        result = lint_files(tmp_path, monkeypatch, {"update-disk.xml": body}, "MIG402", dedent=False)
        assert result.findings == []
        assert result.estate.disks == ()


def test_an_update_disk_body_leaves_the_disk_it_names_as_other_files_describe_it(tmp_path, monkeypatch):
    attached = f"""\
<Disks xmlns="{NS}">
  <Disk>
    <AttachedTo><HostedServiceName>app</HostedServiceName><RoleName>jump01</RoleName></AttachedTo>
    <MediaLink>https://contoso.blob.core.windows.net/vhds/archive.vhd</MediaLink>
    <Name>archive</Name>
  </Disk>
</Disks>
"""
    files = {"disks.xml": attached, "update-disk.xml": UPDATE_DISK}
    result = lint_files(tmp_path, monkeypatch, files, "MIG402", dedent=False)
    assert result.findings == []
    (disk,) = result.estate.disks
    assert [m.path for m in disk.described_at] == ["disks.xml"]


def test_an_add_disk_body_still_registers_a_disk_attached_to_none(tmp_path, monkeypatch):
    add = f"""\
<Disk xmlns="{NS}">
  <OS>Windows</OS>
  <Label>spare</Label>
  <MediaLink>https://contoso.blob.core.windows.net/vhds/spare.vhd</MediaLink>
  <Name>spare</Name>
</Disk>
"""
    found = lint_files(tmp_path, monkeypatch, {"add-disk.xml": add}, "MIG402", dedent=False).findings
    assert where(found) == ["MIG402 add-disk.xml:1:1"]
