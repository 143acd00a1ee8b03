"""What `Get-AzureVMImage | ConvertTo-Json` writes is read as a REST `Images` or `VMImages` list is: each of your
images (category `User`) is one whose VHDs move with their storage accounts, whose migration may fail while it
is registered (MIG402), at its name; a gallery image (a publisher's category) is none of yours. The export was
a note that migcheck does not read it."""

from __future__ import annotations

import json

from lint_support import lint_files, where

from migcheck.model import Image
from migcheck.readers import inventory

OS_IMAGE = {
    "ImageName": "web-base-2016",
    "OS": "Windows",
    "MediaLink": "https://contosoimages.blob.core.windows.net/vhds/web-base-2016.vhd",
    "LogicalSizeInGB": 127,
    "AffinityGroup": None,
    "Category": "User",
    "Location": "West Europe",
    "Label": "web-base-2016",
    "OperationDescription": "Get-AzureVMImage",
    "OperationId": "1d3e5f70-0000-4000-8000-000000000001",
    "OperationStatus": "Succeeded",
}
GALLERY_IMAGE = {
    "ImageName": "a699494373c04fc0bc8f2bb1389d6106__Windows-Server-2012-R2-20200212-en.us-127GB.vhd",
    "OS": "Windows",
    "MediaLink": None,
    "Category": "Public",
    "OperationDescription": "Get-AzureVMImage",
}
VM_IMAGE = {
    "ImageName": "sql-golden",
    "Category": "User",
    "OSDiskConfiguration": {
        "Name": "sql-golden-os",
        "OS": "Windows",
        "MediaLink": "https://goldimages.blob.core.windows.net/vhds/sql-golden-os.vhd",
    },
    "DataDiskConfigurations": [
        {
            "Name": "sql-golden-data",
            "Lun": 0,
            "MediaLink": "https://golddata.blob.core.windows.net/vhds/sql-golden-data.vhd",
        }
    ],
    "ServiceName": None,
    "DeploymentName": None,
    "RoleName": None,
    "OperationDescription": "Get-AzureVMImage",
}


def test_your_os_and_vm_images_are_reported_at_their_names_and_gallery_images_are_not(
    tmp_path, monkeypatch
) -> None:
    export = json.dumps([OS_IMAGE, GALLERY_IMAGE, VM_IMAGE], indent=4)
    result = lint_files(tmp_path, monkeypatch, {"images.json": export}, dedent=False)
    assert where(result.findings) == ["MIG402 images.json:3:22", "MIG402 images.json:23:22"]
    assert "storage account 'contosoimages'" in result.findings[0].message
    assert "storage account 'goldimages'" in result.findings[1].message


def test_a_vm_image_s_data_disks_are_in_the_accounts_that_hold_its_images() -> None:
    document = inventory.read("image.json", json.dumps(VM_IMAGE, indent=4).encode())
    [image] = document.resources
    assert isinstance(image, Image)
    assert image.storage_accounts == ("goldimages", "golddata")
    assert [(d.name, d.lun, d.data) for d in image.data_disks] == [("sql-golden-data", "0", True)]
