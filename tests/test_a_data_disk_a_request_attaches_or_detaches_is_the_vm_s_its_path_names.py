"""A script that attaches a data disk by sending the request itself (Add Data Disk: a `DataVirtualHardDisk`
body POSTed to `.../deployments/<d>/roles/<vm>/DataDisks`) gives the VM its path names that disk, as
add_data_disk and Add-AzureDataDisk do; one that detaches it (Delete Data Disk: DELETE `.../roles/<vm>/
DataDisks/<lun>`) takes the disk at that LUN off the VM, as delete_data_disk and Remove-AzureDataDisk do.
From Python (requests, the SDK's perform_post and perform_delete) and PowerShell (Invoke-RestMethod).
Reference, migration errors: "VM {vm-name} ... contains Disk with MediaLink {vhd-uri} which has blob name
{vhd-blob-name} that isn't supported"; deep dive: "Only disks that are attached to a VM are currently
supported"."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

SERVICE = "https://management.core.windows.net/sub1/services/hostedservices/app-svc"
DEPLOYMENT = (
    '<Deployment xmlns="http://schemas.microsoft.com/windowsazure"><Name>app-svc</Name>'
    "<DeploymentSlot>Production</DeploymentSlot><RoleList><Role><RoleName>app01</RoleName>"
    "<RoleType>PersistentVMRole</RoleType>{disks}<OSVirtualHardDisk>"
    "<MediaLink>https://appsa.blob.core.windows.net/vhds/a1.vhd</MediaLink></OSVirtualHardDisk></Role>"
    "</RoleList></Deployment>"
)
SLASHED = "https://appsa.blob.core.windows.net/vhds/data/a1-d0.vhd"
DISK = (
    '<DataVirtualHardDisk xmlns="http://schemas.microsoft.com/windowsazure"><Lun>0</Lun>'
    "<LogicalDiskSizeInGB>10</LogicalDiskSizeInGB><MediaLink>{blob}</MediaLink></DataVirtualHardDisk>"
)
ATTACHED = (
    "<DataVirtualHardDisks><DataVirtualHardDisk><Lun>0</Lun><MediaLink>"
    f"{SLASHED}</MediaLink></DataVirtualHardDisk></DataVirtualHardDisks>"
)
ADD = f"{SERVICE}/deployments/app-svc/roles/app01/DataDisks"
DELETE = f"{ADD}/0"


def python_add(blob: str = SLASHED) -> str:
    return (
        "import requests\n"
        'H = {"x-ms-version": "2015-04-01"}\n'
        f'requests.post("{SERVICE}/deployments", data=\'{DEPLOYMENT.format(disks="")}\', headers=H, cert="m.pem")\n'
        f'requests.post("{ADD}", data=\'{DISK.format(blob=blob)}\', headers=H, cert="m.pem")\n'
    )


def powershell_add(blob: str = SLASHED) -> str:
    return (
        '$h = @{"x-ms-version"="2015-04-01"}\n'
        f"Invoke-RestMethod -Method Post -Uri \"{SERVICE}/deployments\" -Body '{DEPLOYMENT.format(disks='')}' -Headers $h -Certificate $c\n"
        f"Invoke-RestMethod -Method Post -Uri \"{ADD}\" -Body '{DISK.format(blob=blob)}' -Headers $h -Certificate $c\n"
    )


SDK_ADD = (
    "from azure.servicemanagement import ServiceManagementService\n"
    'sms = ServiceManagementService("sub1", "m.pem")\n'
    f"sms.perform_post(\"/sub1/services/hostedservices/app-svc/deployments\", '{DEPLOYMENT.format(disks='')}')\n"
    f"sms.perform_post(\"/sub1/services/hostedservices/app-svc/deployments/app-svc/roles/app01/DataDisks\", '{DISK.format(blob=SLASHED)}')\n"
)


def python_delete(guard: str = "") -> str:
    delete = f'requests.delete("{DELETE}", headers=H, cert="m.pem")'
    return (
        "import requests\n"
        'H = {"x-ms-version": "2015-04-01"}\n'
        f'requests.post("{SERVICE}/deployments", data=\'{DEPLOYMENT.format(disks=ATTACHED)}\', headers=H, cert="m.pem")\n'
        + (f"if {guard}:\n    {delete}\n" if guard else f"{delete}\n")
    )


def powershell_delete(guard: str = "") -> str:
    delete = f'Invoke-RestMethod -Method Delete -Uri "{DELETE}" -Headers $h -Certificate $c'
    return (
        '$h = @{"x-ms-version"="2015-04-01"}\n'
        f"Invoke-RestMethod -Method Post -Uri \"{SERVICE}/deployments\" -Body '{DEPLOYMENT.format(disks=ATTACHED)}' -Headers $h -Certificate $c\n"
        + (f"if ({guard}) {{ {delete} }}\n" if guard else f"{delete}\n")
    )


SDK_DELETE = (
    "from azure.servicemanagement import ServiceManagementService\n"
    'sms = ServiceManagementService("sub1", "m.pem")\n'
    f"sms.perform_post(\"/sub1/services/hostedservices/app-svc/deployments\", '{DEPLOYMENT.format(disks=ATTACHED)}')\n"
    'sms.perform_delete("/sub1/services/hostedservices/app-svc/deployments/app-svc/roles/app01/DataDisks/0")\n'
)


@pytest.mark.parametrize(
    ("name", "script", "line"),
    [("disk.py", python_add(), 4), ("disk.ps1", powershell_add(), 3), ("disk.py", SDK_ADD, 4)],
    ids=["py-requests", "ps1-irm", "py-perform-post"],
)
def test_an_added_data_disk_whose_blob_name_has_a_slash_is_mig401(tmp_path, monkeypatch, name, script, line):
    result = lint_files(tmp_path, monkeypatch, {name: script}, "MIG401")
    assert [w.rsplit(":", 1)[0] for w in where(result.findings)] == [f"MIG401 {name}:{line}"]
    assert "VM 'app01'" in result.findings[0].message and "LUN 0" in result.findings[0].message


@pytest.mark.parametrize(
    ("name", "script"),
    [
        ("disk.py", python_add(SLASHED.replace("data/", ""))),
        ("disk.ps1", powershell_add(SLASHED.replace("data/", ""))),
    ],
    ids=["py", "ps1"],
)
def test_an_added_data_disk_in_the_container_itself_is_fine(tmp_path, monkeypatch, name, script):
    assert lint_files(tmp_path, monkeypatch, {name: script}, "MIG401").findings == []


@pytest.mark.parametrize(
    ("name", "script"),
    [("vm.py", python_delete()), ("vm.ps1", powershell_delete()), ("vm.py", SDK_DELETE)],
    ids=["py-requests", "ps1-irm", "py-perform-delete"],
)
def test_a_deleted_data_disk_is_no_longer_the_vm_s(tmp_path, monkeypatch, name, script):
    assert lint_files(tmp_path, monkeypatch, {name: script}, "MIG401").findings == []


@pytest.mark.parametrize(
    ("name", "script"),
    [("vm.py", python_delete(guard="cleanup")), ("vm.ps1", powershell_delete(guard="$cleanup"))],
    ids=["py", "ps1"],
)
def test_a_delete_that_may_not_run_leaves_the_disk(tmp_path, monkeypatch, name, script):
    assert [f.code for f in lint_files(tmp_path, monkeypatch, {name: script}, "MIG401").findings] == [
        "MIG401"
    ]
