"""Rules whose condition an `Export-AzureVM` file can write, each found in that format where no other test
pinned it: two exports in one cloud service's folder, one in an availability set and one in none (MIG103),
an exported VM's Site Recovery extension (MIG209), and an exported data disk whose blob name holds a `/`
(MIG401)."""

from __future__ import annotations

from lint_support import lint_files, where


def _export(name: str, inside: str = "") -> str:
    """A VM as `Export-AzureVM` writes it, named `name`, with `inside` (elements of `PersistentVM`)."""
    return f"""\
        <?xml version="1.0" encoding="utf-8"?>
        <PersistentVM xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
        {inside}
          <RoleName>{name}</RoleName>
          <RoleType>PersistentVMRole</RoleType>
          <RoleSize>Small</RoleSize>
        </PersistentVM>
        """


def test_an_export_in_no_availability_set_beside_one_in_a_set_is_mig103(tmp_path, monkeypatch):
    files = {
        "shop/web01.xml": _export("web01", "  <AvailabilitySetName>as1</AvailabilitySetName>"),
        "shop/web02.xml": _export("web02"),
    }
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG103").findings
    assert finding.message.startswith(
        "VM 'web02' is in no availability set, but other VMs of cloud service 'shop' (named after its "
        "folder) are in 'as1'"
    )
    assert where([finding]) == ["MIG103 shop/web02.xml:2:1"]


SITE_RECOVERY = """\
  <ResourceExtensionReferences>
            <ResourceExtensionReference>
              <ReferenceName>SiteRecovery</ReferenceName>
              <Publisher>Microsoft.Azure.RecoveryServices.SiteRecovery</Publisher>
              <Name>VMSnapshot</Name>
              <Version>1.0</Version>
              <State>Enable</State>
            </ResourceExtensionReference>
          </ResourceExtensionReferences>"""


def test_an_exported_vm_with_the_site_recovery_extension_is_mig209(tmp_path, monkeypatch):
    files = {"shop/web01.xml": _export("web01", SITE_RECOVERY)}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG209").findings
    assert finding.message.startswith(
        "VM 'web01' has the Azure Site Recovery extension VMSnapshot 1.0 "
        "(Microsoft.Azure.RecoveryServices.SiteRecovery)"
    )
    assert where([finding]) == ["MIG209 shop/web01.xml:4:5"]  # its ResourceExtensionReference


DATA_DISK = """\
  <DataVirtualHardDisks>
            <DataVirtualHardDisk>
              <DiskName>web01-data</DiskName>
              <Lun>0</Lun>
              <MediaLink>https://acct.blob.core.windows.net/vhds/data/web01-data.vhd</MediaLink>
            </DataVirtualHardDisk>
          </DataVirtualHardDisks>"""


def test_an_exported_data_disk_whose_blob_name_holds_a_slash_is_mig401(tmp_path, monkeypatch):
    files = {"shop/web01.xml": _export("web01", DATA_DISK)}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG401").findings
    assert finding.message.startswith(
        "VM 'web01' in cloud service 'shop' (named after its folder) has disk 'web01-data' whose blob name "
        "'data/web01-data.vhd' contains '/'"
    )
    assert where([finding]) == ["MIG401 shop/web01.xml:7:7"]  # its MediaLink
