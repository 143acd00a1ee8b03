"""A VM made from a registered disk the script names by a value it does not state (`New-AzureVMConfig
-DiskName $Disk`, `OSVirtualHardDisk(disk_name=sys.argv[2])`) has its OS disk in that disk's storage
account, which no file states: a readiness row and a plan step of its own, as a disk named in full gets,
one for every VM given the same value. A value a disk the script registers with its blob is named by is
that disk, in the account its blob names."""

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


def _vm(name: str, disk: str) -> str:
    return (
        f"${name} = New-AzureVMConfig -Name {name} -InstanceSize Small -DiskName {disk}\n"
        f"New-AzureVM -ServiceName {name} -Location 'West US' -VMs ${name}\n"
    )


def test_vms_given_one_unstated_disk_name_share_its_account_and_another_value_has_its_own(
    tmp_path, monkeypatch
):
    script = "param($Disk, $Other)\n" + _vm("web01", "$Disk") + _vm("web02", "$Disk") + _vm("web03", "$Other")
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, dedent=False)
    assert _accounts(result) == {
        "<storage account of the registered disk of a VM, deploy.ps1:2>": ["web01", "web02"],
        "<storage account of the registered disk of a VM, deploy.ps1:6>": ["web03"],
    }
    steps = _storage_steps(result)
    assert [step["name_unstated"] for step in steps] == [True, True]
    notes = [note for step in steps for note in step["notes"] if "whose blob no file states" in note]
    # No name to look up: the disks are found by the VMs they are attached to.
    assert len(notes) == 2 and all("Get-AzureDisk (DiskName, AttachedTo)" in note for note in notes)


def test_a_disk_name_the_script_registers_with_its_blob_is_in_that_blobs_account(tmp_path, monkeypatch):
    register = (
        "param($Disk)\n"
        "Add-AzureDisk -DiskName $Disk -OS Windows "
        "-MediaLocation https://shopdisks.blob.core.windows.net/vhds/web01.vhd\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": register + _vm("web01", "$Disk")}, dedent=False)
    assert _accounts(result) == {}
    assert [step["name"] for step in _storage_steps(result)] == ["shopdisks"]


PYTHON = """\
import sys
from azure.servicemanagement import OSVirtualHardDisk, ServiceManagementService

sms = ServiceManagementService(sys.argv[1], "cert.pem")
os_disk = OSVirtualHardDisk(disk_name=sys.argv[2])
sms.create_virtual_machine_deployment(
    service_name="shop", deployment_name="shop", deployment_slot="production", label="shop",
    role_name="web01", system_config=None, os_virtual_hard_disk=os_disk, role_size="Small")
"""


def test_a_python_vm_made_from_a_disk_named_by_an_argument_is_in_that_disks_account(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": PYTHON}, dedent=False)
    assert _accounts(result) == {"<storage account of the registered disk of a VM, deploy.py:5>": ["web01"]}
