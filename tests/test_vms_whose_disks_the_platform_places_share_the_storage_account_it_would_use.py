"""The storage accounts of VM disks no file places are as many as the platform would use. PowerShell's
New-AzureVMConfig and New-AzureQuickVM without -MediaLocation put every such VM's OS disk in the
subscription's current storage account: one account, one readiness row and one plan step for them all. The
classic CLI's `vm create` without `-u` takes the first storage account of the VM's location the subscription
lists (or makes one there): one per location. A blob passed as a value may name another account for each VM:
one each, named where the value is passed. A VM made from a registered disk (-DiskName) is in that disk's
account, to be looked up with Get-AzureDisk. An export whose rows all leave storageProfile out has one
stand-in for the accounts of all its VMs' disks."""

from __future__ import annotations

import json

from lint_support import graph_page, graph_vm, lint_files

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


PS_VM = (
    "$vm = New-AzureVMConfig -Name {vm} -InstanceSize Small -ImageName img |\n"
    "  Add-AzureProvisioningConfig -Windows -AdminUsername u -Password p\n"
    "New-AzureVM -ServiceName {vm} -Location 'West US' -VMs $vm\n"
)


def test_powershell_vms_made_without_a_blob_share_the_subscriptions_current_account(tmp_path, monkeypatch):
    quick = "New-AzureQuickVM -Windows -ServiceName web03 -Name web03 -ImageName img -AdminUsername u -Password p\n"
    files = {"deploy.ps1": PS_VM.format(vm="web01") + PS_VM.format(vm="web02"), "more.ps1": quick}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert _accounts(result) == {
        "<current storage account of the subscription, deploy.ps1:1>": ["web01", "web02", "web03"]
    }
    (step,) = _storage_steps(result)
    assert len(step["after"]) == 3 and step["name_unstated"]
    assert any(
        "CurrentStorageAccountName" in note and "one account for them all" in note for note in step["notes"]
    )


CLI = "azure config mode asm\n" + "".join(
    f"azure vm create {vm} img u p -n {vm} -l '{location}'\n"
    for vm, location in (("web01", "West US"), ("web02", "West US"), ("web03", "East US"))
)


def test_classic_cli_vms_made_without_a_blob_url_share_an_account_per_location(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": CLI}, dedent=False)
    assert _accounts(result) == {
        "<storage account azure vm create picks in West US, deploy.sh:2>": ["web01", "web02"],
        "<storage account azure vm create picks in East US, deploy.sh:4>": ["web03"],
    }
    notes = [note for step in _storage_steps(result) for note in step["notes"]]
    assert any("first storage account the subscription lists in West US" in note for note in notes)


PS_FUNCTION = """\
function New-Web($Name, $Disk) {
    $vm = New-AzureVMConfig -Name $Name -InstanceSize Small -ImageName img `
        -MediaLocation $Disk
    New-AzureVM -ServiceName $Name -Location 'West US' -VMs $vm
}
if ($args[0]) { $web01 = "https://a.blob.core.windows.net/vhds/web01.vhd" }
else { $web01 = "https://b.blob.core.windows.net/vhds/web01.vhd" }
if ($args[1]) { $web02 = "https://c.blob.core.windows.net/vhds/web02.vhd" }
else { $web02 = "https://d.blob.core.windows.net/vhds/web02.vhd" }
New-Web web01 $web01
New-Web web02 $web02
"""


def test_vms_given_blobs_by_one_parameter_have_an_account_each_named_where_the_blob_is_passed(
    tmp_path, monkeypatch
):
    # Each VM's blob is one of two addresses the script states, chosen apart from the other VM's: no one
    # account, so each VM's disks are in an account of their own, named where the blob is passed.
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": PS_FUNCTION}, dedent=False)
    assert _accounts(result) == {
        "<storage account of the disks of VM web01, deploy.ps1:3>": ["web01"],
        "<storage account of the disks of VM web02, deploy.ps1:3>": ["web02"],
    }


def test_a_rest_body_placeholder_blob_names_the_account_at_its_media_link(tmp_path, monkeypatch):
    body = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>shop</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <RoleList>
    <Role>
      <RoleName>web01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <OSVirtualHardDisk>
        <MediaLink>{{media_link}}</MediaLink>
      </OSVirtualHardDisk>
    </Role>
  </RoleList>
</Deployment>
"""
    result = lint_files(tmp_path, monkeypatch, {"shop.xml": body}, dedent=False)
    assert list(_accounts(result)) == ["<storage account of the disks of VM web01, shop.xml:9>"]


REGISTERED = (
    "$vm = New-AzureVMConfig -Name web01 -InstanceSize Small -DiskName 'web01-os'\n"
    "New-AzureVM -ServiceName shop -Location 'West US' -VMs $vm\n"
)


def test_a_vm_made_from_a_registered_disk_no_file_places_is_in_that_disks_account(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": REGISTERED}, dedent=False)
    assert _accounts(result) == {"<storage account of disk web01-os, deploy.ps1:1>": ["web01"]}
    (step,) = _storage_steps(result)
    (note,) = [note for note in step["notes"] if "registered disk" in note]
    assert "Get-AzureDisk -DiskName 'web01-os'" in note and "State the blob" not in note


def test_a_vm_made_from_a_disk_the_script_registers_has_no_unstated_account(tmp_path, monkeypatch):
    register = (
        "Add-AzureDisk -DiskName 'web01-os' -OS Windows "
        "-MediaLocation https://shopdisks.blob.core.windows.net/vhds/web01.vhd\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": register + REGISTERED}, dedent=False)
    assert _accounts(result) == {}


def _row(vm: str, with_disk: bool = False) -> dict:
    row = graph_vm("sub1", vm, vm, vnet="", subnet="")
    row["properties"].pop("networkProfile")
    if with_disk:
        blob = f"https://shopdisks.blob.core.windows.net/vhds/{vm}.vhd"
        row["properties"]["storageProfile"] = {"operatingSystemDisk": {"diskName": "d", "vhdUri": blob}}
    return row


def test_an_export_whose_rows_all_leave_the_disks_out_has_one_stand_in_for_their_accounts(
    tmp_path, monkeypatch
):
    export = graph_page(_row("web01"), _row("web02"), indent=2)
    result = lint_files(tmp_path, monkeypatch, {"vms.json": export}, dedent=False)
    assert _accounts(result) == {"<storage accounts of the disks of the VMs of vms.json>": ["web01", "web02"]}
    (step,) = _storage_steps(result)
    assert step["name_unstated"] and any("storageProfile" in note for note in step["notes"])


def test_a_row_that_leaves_the_disks_out_beside_one_that_states_them_has_an_account_of_its_own(
    tmp_path, monkeypatch
):
    export = graph_page(_row("web01"), _row("web02", with_disk=True), indent=2)
    result = lint_files(tmp_path, monkeypatch, {"vms.json": export}, dedent=False)
    (name,) = _accounts(result)
    assert name.startswith("<storage account of the disks of VM web01, vms.json:")
