"""The readiness summary's row of a storage account holding a disk of a VM no file describes says a VM the
files describe without naming it (the one an Add Data Disk body's request URI names) in those words, not as
`VM <words>`."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.report.readiness import readiness
from migcheck.report.readiness_text import readiness_summary

NS = 'xmlns="http://schemas.microsoft.com/windowsazure"'
DATA_DISK = f"""\
<DataVirtualHardDisk {NS}>
  <Lun>1</Lun>
  <MediaLink>https://contosostd.blob.core.windows.net/vhds/data1.vhd</MediaLink>
</DataVirtualHardDisk>
"""
DISKS = f"""\
<Disks {NS}>
  <Disk>
    <AttachedTo><RoleName>other01</RoleName></AttachedTo>
    <MediaLink>https://contosostd.blob.core.windows.net/vhds/other01-os.vhd</MediaLink>
    <Name>other01-os</Name>
  </Disk>
</Disks>
"""


def test_the_row_says_the_vm_in_its_words(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"add-data-disk.xml": DATA_DISK}, dedent=False)
    text = readiness_summary(result)
    assert "contosostd (1 disk; after the VM its request URI names, which no file checked describes)" in text


def test_named_vms_come_first_with_their_noun(tmp_path, monkeypatch):
    files = {"add-data-disk.xml": DATA_DISK, "disks.xml": DISKS}
    text = readiness_summary(lint_files(tmp_path, monkeypatch, files, dedent=False))
    assert "after VM other01, the VM its request URI names, which no file checked describes" in text


def test_the_report_gives_no_description_as_a_name(tmp_path, monkeypatch):
    """`migrates.vms_first` holds names: a VM described without one is "" there, its words beside it."""
    files = {"add-data-disk.xml": DATA_DISK, "disks.xml": DISKS}
    (account,) = [
        item
        for subscription in readiness(lint_files(tmp_path, monkeypatch, files, dedent=False))
        for item in subscription.items
        if item.name == "contosostd"
    ]
    assert account.migrates["vms_first"] == ["", "other01"]
    assert account.migrates["vms_first_described"] == ["the VM its request URI names", ""]
