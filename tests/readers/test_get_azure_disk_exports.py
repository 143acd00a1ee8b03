"""`Get-AzureDisk | ConvertTo-Json`: the way to export classic disks (Resource Graph lists none). Each
`DiskContext` is read as a REST `Disks` list's `Disk` is: a disk attached to no VM (`AttachedTo` null) is
MIG402, and one attached to a VM whose blob has a `/` in its name is MIG401, at the blob."""

from __future__ import annotations

import json

from lint_support import lint_files, where

from migcheck.model import Disk, Mark
from migcheck.readers import inventory


def _disk(name: str, media_link: object, attached_to: object = None, **more: object) -> dict:
    """A `DiskContext` as ConvertTo-Json writes it (Microsoft.WindowsAzure.Commands.ServiceManagement.Model)."""
    return {
        "AffinityGroup": None,
        "AttachedTo": attached_to,
        "IsCorrupted": False,
        "Label": "",
        "Location": "West Europe",
        "DiskSizeInGB": 127,
        "MediaLink": media_link,
        "DiskName": name,
        "SourceImageName": None,
        "OS": "Windows",
        "IOType": "Standard",
        "OperationDescription": "Get-AzureDisk",
        "OperationId": "5e3b9d8c-7a61-4f1e-9c2d-0b4a6e8f1d3c",
        "OperationStatus": "Succeeded",
    } | more


ATTACHED = {"DeploymentName": "app", "HostedServiceName": "app", "RoleName": "app01"}
ORPHAN = _disk("orphan", "https://acct.blob.core.windows.net/vhds/orphan.vhd")
# Windows PowerShell writes a System.Uri as an object of its parts.
URI = {
    "AbsolutePath": "/vhds/app01/data0.vhd",
    "AbsoluteUri": "https://contosoapp.blob.core.windows.net/vhds/app01/data0.vhd",
    "OriginalString": "https://contosoapp.blob.core.windows.net/vhds/app01/data0.vhd",
}


def test_a_folder_walk_reads_the_export_and_an_unattached_disk_is_mig402(tmp_path, monkeypatch):
    files = {"disks.json": json.dumps([ORPHAN], indent=4)}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert where(result.findings) == ["MIG402 disks.json:2:5"]
    assert "disk 'orphan' is attached to no VM" in result.findings[0].message
    assert "storage account 'acct'" in result.findings[0].message


def test_the_disk_is_read_as_a_rest_disk_is(tmp_path):
    data = json.dumps(_disk("app01-data0", URI["AbsoluteUri"], ATTACHED, IOType="Provisioned")).encode()
    assert inventory.sniff(data)
    [disk] = inventory.read("disks.json", data).resources
    assert disk == Disk(
        "app01-data0", URI["AbsoluteUri"], "Provisioned", "app01", Mark("disks.json", 1, column=1)
    )


def test_an_attached_disk_is_not_mig402_and_its_blob_is_checked_by_mig401(tmp_path, monkeypatch):
    text = json.dumps([_disk("app01-data0", URI, ATTACHED)], indent=4)
    result = lint_files(tmp_path, monkeypatch, {"disks.json": text}, dedent=False)
    # At the blob's address, inside the Uri object Windows PowerShell writes.
    at = text.index(f'"{URI["AbsoluteUri"]}"')
    line, column = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
    assert where(result.findings) == [f"MIG401 disks.json:{line}:{column}"]
    assert "VM 'app01' has disk 'app01-data0' whose blob name 'app01/data0.vhd'" in result.findings[0].message


def test_an_attachment_cut_short_is_an_attachment(tmp_path, monkeypatch):
    """`AttachedTo` written as a string (ConvertTo-Json without enough `-Depth`) still says the disk is
    attached: not MIG402."""
    cut = _disk("app01-os", "https://acct.blob.core.windows.net/vhds/app01-os.vhd", "@{RoleName=app01}")
    result = lint_files(tmp_path, monkeypatch, {"disks.json": json.dumps([cut])}, "MIG402", dedent=False)
    assert result.findings == []


def test_a_disk_the_vm_export_describes_too_is_one_disk(tmp_path, monkeypatch):
    """The disks of a Get-AzureVM export and of a Get-AzureDisk export join by blob: the OS disk is the
    VM's, the orphan alone is MIG402."""
    os_disk = _disk(
        "vm1-os", "https://acct.blob.core.windows.net/vhds/vm1.vhd", ATTACHED | {"RoleName": "vm1"}
    )
    vm = {
        "AvailabilitySetName": None,
        "DeploymentName": "cs1",
        "InstanceStatus": "ReadyRole",
        "Name": "vm1",
        "ServiceName": "cs1",
        "VM": {
            "RoleName": "vm1",
            "OSVirtualHardDisk": {
                "DiskName": "vm1-os",
                "MediaLink": "https://acct.blob.core.windows.net/vhds/vm1.vhd",
            },
        },
    }
    files = {"vms.json": json.dumps([vm], indent=4), "disks.json": json.dumps([os_disk, ORPHAN], indent=4)}
    result = lint_files(tmp_path, monkeypatch, files, "MIG402", dedent=False)
    assert [f.message.split(" is ")[0] for f in result.findings] == ["disk 'orphan'"]
    assert len(result.estate.disks) == 2
