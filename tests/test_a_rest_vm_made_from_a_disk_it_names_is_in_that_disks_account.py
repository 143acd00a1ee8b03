"""A VM a REST body or an Export-AzureVM file makes from a registered disk, given by `<DiskName>` with no
`<MediaLink>`, has its OS disk in that disk's storage account, which no file states: a readiness row and a
plan step of its own, as PowerShell's `New-AzureVMConfig -DiskName` gets. A template's placeholder is no
name to look up, and names one disk for every VM it is written for. A Disks list, a Get-AzureDisk export or
a script that registers the disk with its blob places it in that blob's account."""

from __future__ import annotations

import json

from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan
from migcheck.report.readiness import Verdict, readiness


def _accounts(result) -> dict[str, list[str]]:
    """The storage accounts no file states, each with the VMs whose OS disks it holds."""
    (summary,) = readiness(result)
    return {
        i.name: i.migrates["os_disks_of"]
        for i in summary.items
        if i.type == "StorageAccount" and i.verdict is Verdict.ACCOUNT_NOT_STATED
    }


def _storage_steps(result) -> list[dict]:
    data = json.loads(render_plan(build_plan(result), "json"))
    return [s for sub in data["subscriptions"] for s in sub["steps"] if s["kind"] == "storage"]


def _role(vm: str, disk: str) -> str:
    return f"""\
    <Role>
      <RoleName>{vm}</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <OSVirtualHardDisk>
        <DiskName>{disk}</DiskName>
      </OSVirtualHardDisk>
    </Role>
"""


def _deployment(*roles: str) -> str:
    return (
        '<Deployment xmlns="http://schemas.microsoft.com/windowsazure">\n'
        "  <Name>shop</Name>\n  <DeploymentSlot>Production</DeploymentSlot>\n  <RoleList>\n"
        + "".join(roles)
        + "  </RoleList>\n</Deployment>\n"
    )


def test_a_deployment_body_vm_made_from_a_named_disk_is_in_that_disks_account(tmp_path, monkeypatch):
    result = lint_files(
        tmp_path, monkeypatch, {"shop.xml": _deployment(_role("web01", "web01-os"))}, dedent=False
    )
    assert _accounts(result) == {"<storage account of disk web01-os, shop.xml:8>": ["web01"]}
    (step,) = _storage_steps(result)
    (note,) = [note for note in step["notes"] if "registered disk" in note]
    assert step["name_unstated"] and "Get-AzureDisk -DiskName 'web01-os'" in note


def test_vms_given_one_placeholder_disk_name_share_its_account_with_nothing_to_look_up(tmp_path, monkeypatch):
    body = _deployment(
        _role("web01", "{{disk_name}}"), _role("web02", "{{disk_name}}"), _role("web03", "{{other}}")
    )
    result = lint_files(tmp_path, monkeypatch, {"shop.xml": body}, dedent=False)
    assert _accounts(result) == {
        "<storage account of the registered disk of a VM, shop.xml:8>": ["web01", "web02"],
        "<storage account of the registered disk of a VM, shop.xml:22>": ["web03"],
    }
    notes = [n for step in _storage_steps(result) for n in step["notes"] if "whose blob no file states" in n]
    assert len(notes) == 2 and all("Get-AzureDisk (DiskName, AttachedTo)" in note for note in notes)


DISKS = """\
<Disks xmlns="http://schemas.microsoft.com/windowsazure">
  <Disk>
    <Name>web02-os</Name>
    <MediaLink>https://listeddisks.blob.core.windows.net/vhds/web02.vhd</MediaLink>
    <OS>Windows</OS>
  </Disk>
</Disks>
"""
REGISTER = (
    "Add-AzureDisk -DiskName 'web01-os' -OS Windows "
    "-MediaLocation https://shopdisks.blob.core.windows.net/vhds/web01.vhd\n"
)


def test_a_disk_a_disks_list_or_a_script_gives_the_blob_of_is_in_that_blobs_account(tmp_path, monkeypatch):
    files = {
        "shop.xml": _deployment(_role("web01", "web01-os"), _role("web02", "web02-os")),
        "disks.xml": DISKS,
        "register.ps1": REGISTER,
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert _accounts(result) == {}
    assert sorted(step["name"] for step in _storage_steps(result)) == ["listeddisks", "shopdisks"]


EXPORT = """\
<?xml version="1.0" encoding="utf-8"?>
<PersistentVM xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <OSVirtualHardDisk>
    <HostCaching>ReadWrite</HostCaching>
    <DiskName>sql-sql01-os-1463048025123</DiskName>
    <OS>Windows</OS>
  </OSVirtualHardDisk>
  <RoleName>sql01</RoleName>
  <RoleSize>Standard_D13</RoleSize>
  <RoleType>PersistentVMRole</RoleType>
</PersistentVM>
"""


def test_an_export_azurevm_file_s_vm_is_in_the_account_of_its_os_disk(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"sql01.xml": EXPORT}, dedent=False)
    assert _accounts(result) == {
        "<storage account of disk sql-sql01-os-1463048025123, sql01.xml:3>": ["sql01"]
    }
