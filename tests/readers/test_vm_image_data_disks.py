"""A VM image (`VMImage`, in a List VM Images or Get VM Image response, or a Create VM Image request) has
data disks besides its OS disk (`DataDiskConfigurations/DataDiskConfiguration`): each is a VHD blob, read
as a VM's data disk is. Their storage accounts hold the image as its OS disk's does: each account's
migration may fail while the image is registered."""

from __future__ import annotations

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import Image, Mark
from migcheck.plan import build_plan
from migcheck.plugins import load_rules

PATH = "rest/vmimages.xml"
BODY = """\
<VMImages xmlns="http://schemas.microsoft.com/windowsazure" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
  <VMImage>
    <Name>sql-base</Name>
    <Category>User</Category>
    <OSDiskConfiguration>
      <Name>sql-base-os</Name>
      <HostCaching>ReadWrite</HostCaching>
      <OSState>Generalized</OSState>
      <OS>Windows</OS>
      <MediaLink>https://contosoimg.blob.core.windows.net/vhds/sql-base-os.vhd</MediaLink>
    </OSDiskConfiguration>
    <DataDiskConfigurations>
      <DataDiskConfiguration>
        <Name>sql-base-data0</Name>
        <HostCaching>ReadOnly</HostCaching>
        <Lun>00</Lun>
        <MediaLink>https://contosodata.blob.core.windows.net/vhds/sql-base-data0.vhd</MediaLink>
        <LogicalDiskSizeInGB>128</LogicalDiskSizeInGB>
        <IOType>Provisioned</IOType>
      </DataDiskConfiguration>
    </DataDiskConfigurations>
  </VMImage>
</VMImages>
"""


def test_a_vm_images_data_disks_are_read_as_a_vms_are(read):
    [image] = [r for r in read(PATH, BODY).resources if isinstance(r, Image)]
    [data] = image.data_disks
    assert (data.name, data.blob_name, data.lun, data.premium) == (
        "sql-base-data0",
        "sql-base-data0.vhd",
        "0",
        True,
    )
    assert (data.mark, data.media_link_mark) == (
        Mark(PATH, 13, "DataDiskConfiguration"),
        Mark(PATH, 17, "MediaLink"),
    )
    assert image.storage_accounts == ("contosoimg", "contosodata")


def test_every_storage_account_of_the_image_holds_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "vmimages.xml").write_text(BODY)
    result = lint(["."], Config(), load_rules(entry_points=False))
    accounts = {
        account.name: [i.name for i in account.images] for account in result.estates[0].storage_accounts
    }
    assert accounts == {"contosodata": ["sql-base"], "contosoimg": ["sql-base"]}
    # The image's data disks are not disks of their own: no VM has them, and they are not registered.
    assert result.estates[0].disks == ()
    assert [f.code for f in result.findings] == ["MIG402"]
    steps = {step.name: step for step in build_plan(result).steps}
    assert steps["contosodata"].powershell.before == ("Remove-AzureVMImage -ImageName 'sql-base'",)
