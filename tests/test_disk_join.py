"""One disk from every description of it: by its blob, whatever scheme the address is written with, and a
disk a file names without its blob by the blob of that name the same file, else the only file, gives."""

from __future__ import annotations

from lint_support import lint_files

EXPORTED_VM = """\
<PersistentVM xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
  <DataVirtualHardDisks>
    <DataVirtualHardDisk>
      <DiskName>archive-data</DiskName>
      <Lun>0</Lun>
      <MediaLink>https://contosovhds.blob.core.windows.net/vhds/archive-data.vhd</MediaLink>
    </DataVirtualHardDisk>
  </DataVirtualHardDisks>
  <RoleName>arch01</RoleName>
</PersistentVM>
"""

REGISTER_AND_ATTACH = """\
Add-AzureDisk -DiskName "sql-data" -MediaLocation "https://{account}.blob.core.windows.net/vhds/sql-data.vhd"
New-AzureVMConfig -Name "sql01" -InstanceSize Large -ImageName $image |
    Add-AzureDataDisk -Import -DiskName "sql-data" -LUN 0 |
    New-AzureVM -ServiceName "contoso-sql-{stage}" -Location "West Europe"
"""


def test_a_blob_written_with_http_is_the_blob_the_platform_writes_with_https(tmp_path, monkeypatch):
    # Microsoft's Add-AzureDisk examples write http://; the VM's description says https://.
    register = 'Add-AzureDisk -DiskName "archive-data" -MediaLocation "{}://contosovhds.blob.core.windows.net/vhds/archive-data.vhd"\n'
    files = {"arch01.xml": EXPORTED_VM, "disks.ps1": register.format("http")}
    assert lint_files(tmp_path, monkeypatch, files, "MIG402", dedent=False).findings == []
    files["disks.ps1"] = register.format("http").replace("archive-data.vhd", "other.vhd")
    found = lint_files(tmp_path, monkeypatch, files, "MIG402", dedent=False).findings
    assert [(f.code, f.mark.path) for f in found] == [("MIG402", "disks.ps1")]


def test_a_disk_named_in_a_file_is_the_one_that_file_registers(tmp_path, monkeypatch):
    # Two folders each register a disk of one name in their own account and attach it: neither is left
    # unattached, whichever sorts first.
    files = {
        "dev/deploy.ps1": REGISTER_AND_ATTACH.format(account="contosodev", stage="dev"),
        "prod/deploy.ps1": REGISTER_AND_ATTACH.format(account="contosoprod", stage="prod"),
    }
    assert lint_files(tmp_path, monkeypatch, files, "MIG402", dedent=False).findings == []


def test_an_image_a_body_lists_and_a_script_registers_is_one_image(tmp_path, monkeypatch):
    files = {
        "images.xml": """\
<Images xmlns="http://schemas.microsoft.com/windowsazure">
  <OSImage>
    <Category>User</Category>
    <MediaLink>https://contosovhds.blob.core.windows.net/vhds/web-golden.vhd</MediaLink>
    <Name>web-golden</Name>
    <OS>Windows</OS>
  </OSImage>
</Images>
""",
        "img.ps1": 'Add-AzureVMImage -ImageName "web-golden" -MediaLocation '
        '"https://contosovhds.blob.core.windows.net/vhds/web-golden.vhd" -OS Windows\n',
    }
    found = lint_files(tmp_path, monkeypatch, files, "MIG402", dedent=False).findings
    assert [(f.code, f.mark.path) for f in found] == [("MIG402", "images.xml")]
