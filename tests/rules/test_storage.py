"""MIG401 and MIG402 beyond their examples: one finding per VHD across files, gallery images skipped,
and the findings on the sample estates."""

from __future__ import annotations

from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import Disk, Mark
from migcheck.plugins import load_rules

RULES = load_rules(entry_points=False)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

DEPLOYMENT = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>app</Name>
  <RoleList>
    <Role>
      <RoleName>app01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <OSVirtualHardDisk>
        <DiskName>app01-os</DiskName>
        <MediaLink>https://contosoapp.blob.core.windows.net/vhds/2015/app01-os.vhd</MediaLink>
      </OSVirtualHardDisk>
    </Role>
  </RoleList>
</Deployment>
"""
DISKS = """\
<Disks xmlns="http://schemas.microsoft.com/windowsazure">
  <Disk>
    <AttachedTo><HostedServiceName>app</HostedServiceName><RoleName>app01</RoleName></AttachedTo>
    <MediaLink>https://contosoapp.blob.core.windows.net/vhds/2015/app01-os.vhd</MediaLink>
    <Name>app01-os</Name>
  </Disk>
  <Disk>
    <MediaLink>https://contosoapp.blob.core.windows.net/vhds/spare.vhd</MediaLink>
    <Name>spare</Name>
  </Disk>
</Disks>
"""


def _lint(tmp_path: Path, monkeypatch, files: dict[str, str], select: str):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return lint(["."], Config(select=(select,)), RULES).findings


def test_a_disk_listed_and_attached_is_reported_once_on_its_vm(tmp_path, monkeypatch):
    files = {"deployment.xml": DEPLOYMENT, "disks.xml": DISKS}
    findings = _lint(tmp_path, monkeypatch, files, "MIG401")
    assert [(f.location.path, f.location.line) for f in findings] == [("deployment.xml", 9)]
    # The body names no hosted service: the VM's service is named by its deployment, and says so.
    assert findings[0].message.startswith("VM 'app01' in deployment 'app' has disk 'app01-os'")
    assert "'2015/app01-os.vhd'" in findings[0].message


def test_the_listed_disk_is_reported_when_the_vm_is_not_among_the_files(tmp_path, monkeypatch):
    findings = _lint(tmp_path, monkeypatch, {"disks.xml": DISKS}, "MIG401")
    assert [(f.location.line, f.resource_name) for f in findings] == [(4, "app01-os")]


def test_only_the_unattached_disk_is_info(tmp_path, monkeypatch):
    findings = _lint(tmp_path, monkeypatch, {"disks.xml": DISKS}, "MIG402")
    assert [(f.location.line, f.resource_name, str(f.severity)) for f in findings] == [(7, "spare", "info")]
    assert "storage account 'contosoapp'" in findings[0].message


def test_gallery_images_are_not_yours(tmp_path, monkeypatch):
    images = """\
<VMImages xmlns="http://schemas.microsoft.com/windowsazure">
  <VMImage><Name>gallery</Name><Category>Public</Category></VMImage>
  <VMImage>
    <Name>captured</Name>
    <Category>User</Category>
    <OSDiskConfiguration><MediaLink>https://img.blob.core.windows.net/vhds/captured.vhd</MediaLink></OSDiskConfiguration>
  </VMImage>
</VMImages>
"""
    findings = _lint(tmp_path, monkeypatch, {"vmimages.xml": images}, "MIG402")
    assert [(f.location.line, f.resource_type, f.resource_name) for f in findings] == [
        (3, "Image", "captured")
    ]


def test_contoso_storage_findings():
    findings = lint([str(EXAMPLES / "contoso")], Config(select=("MIG4",)), RULES).findings
    assert [(f.code, Path(f.location.path).name, f.location.line) for f in findings] == [
        ("MIG401", "contoso-jump.hostedservice.xml", 132),
    ]


def test_ready_estate_has_no_storage_findings():
    assert lint([str(EXAMPLES / "ready")], Config(select=("MIG4",)), RULES).findings == []


def test_storage_advice_is_dated():
    """Classic VMs and classic storage accounts are past their retirement dates: the docs say so."""
    rules = {r.code: r for r in RULES}
    assert "2023-09-06" in rules["MIG401"].docs.why
    assert "2024-08-31" in rules["MIG402"].docs.why
    assert "managed disk" in rules["MIG402"].docs.fix


def test_blob_name_coverage_says_when_there_is_nothing_to_check():
    from migcheck.coverage import OTHER_SOURCES

    entry = next(c for c in OTHER_SOURCES if c.codes == ("MIG401",))
    assert "MediaLink" in entry.note


@pytest.mark.parametrize(
    ("media_link", "blob"),
    [
        ("https://acct.blob.core.windows.net/vhds/vm1.vhd", "vm1.vhd"),
        ("https://acct.blob.core.windows.net/vhds/os/vm1.vhd", "os/vm1.vhd"),
        ("https://acct.blob.core.windows.net/vhds/vm1.vhd?sv=2015-04-05&sig=a/b", "vm1.vhd"),
        ("https://acct.blob.core.windows.net/vhds/vm1.vhd#part/two", "vm1.vhd"),
        ("https://acct.blob.core.windows.net/vhds/os%2Fvm1.vhd", "os/vm1.vhd"),
        ("https://acct.blob.core.windows.net/vhds", ""),
    ],
)
def test_the_blob_name_is_the_path_inside_the_container_as_the_service_reads_it(media_link: str, blob: str):
    disk = Disk("d", media_link, "", "vm1", Mark("x.xml", 1))
    assert disk.blob_name == blob
