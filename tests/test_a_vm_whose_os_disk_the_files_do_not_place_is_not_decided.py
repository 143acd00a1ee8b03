"""A VM whose OS disk the files do not place (its blob's address is passed and not stated, or the storage
account the platform puts it in is not stated) is in a storage account no file names: Validate checks the
disk's blob name, and the account migrates after the VM. Its cloud service's readiness verdict is "Not
decided: a VM's disks are not in the files", never "Validation passed", and the plan's step is not ready and
says which disk. A VM whose blob is stated passes as before."""

from __future__ import annotations

import json

import pytest
from lint_support import graph_page, graph_vm, lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan
from migcheck.report.readiness import Verdict, readiness

PY = (
    "import sys\n"
    "from azure.servicemanagement import OSVirtualHardDisk, ServiceManagementService\n"
    "sms = ServiceManagementService('sub', 'cert.pem')\n"
    "disk = OSVirtualHardDisk('img', {link})\n"
    "sms.create_virtual_machine_deployment('shop', 'shop', 'production', 'shop', 'web01', None, disk)\n"
)
PS_CONFIG = (
    "param($Disk)\n"
    "$vm = New-AzureVMConfig -Name web01 -InstanceSize Small -ImageName img {media} |\n"
    "  Add-AzureProvisioningConfig -Windows -AdminUsername u -Password p\n"
    "New-AzureVM -ServiceName shop -Location 'West Europe' -VMs $vm\n"
)
PS_QUICK = (
    "{current}New-AzureQuickVM -Windows -ServiceName shop -Name web01 -ImageName img -AdminUsername u "
    "-Password p -Location 'West Europe'\n"
)
SH = "azure config mode asm\nazure vm create shop img u p -l 'West Europe' -n web01 {blob}\n"
REST = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>shop</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <RoleList>
    <Role>
      <RoleName>web01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <OSVirtualHardDisk><MediaLink>{link}</MediaLink><SourceImageName>img</SourceImageName></OSVirtualHardDisk>
    </Role>
  </RoleList>
</Deployment>
"""
BLOB = "https://shopdisks.blob.core.windows.net/vhds/web01.vhd"


def _export(with_disk: bool) -> str:
    row = graph_vm("sub1", "shop", "web01", vnet="", subnet="")
    row["properties"].pop("networkProfile")
    if with_disk:
        row["properties"]["storageProfile"] = {"operatingSystemDisk": {"diskName": "d", "vhdUri": BLOB}}
    return graph_page(row)


UNPLACED = {
    "python-argv": ("deploy.py", PY.format(link="sys.argv[1]")),
    "powershell-media-location-parameter": ("deploy.ps1", PS_CONFIG.format(media="-MediaLocation $Disk")),
    "powershell-config-current-account-unstated": ("deploy.ps1", PS_CONFIG.format(media="")),
    "powershell-quick-vm-current-account-unstated": ("deploy.ps1", PS_QUICK.format(current="")),
    "shell-no-blob-url": ("deploy.sh", SH.format(blob="")),
    "shell-blob-url-naming-no-account": ("deploy.sh", SH.format(blob='-u "$BASE/vhds/web01.vhd"')),
    "rest-placeholder": ("shop.xml", REST.format(link="{{media_link}}")),
    "export-without-storage-profile": ("vms.json", _export(with_disk=False)),
}

PLACED = {
    "python": ("deploy.py", PY.format(link=repr(BLOB))),
    "powershell-media-location": ("deploy.ps1", PS_CONFIG.format(media=f"-MediaLocation {BLOB}")),
    "powershell-quick-vm-current-account": (
        "deploy.ps1",
        PS_QUICK.format(
            current="Set-AzureSubscription -SubscriptionName s -CurrentStorageAccountName disks\n"
        ),
    ),
    "shell": ("deploy.sh", SH.format(blob=f"-u {BLOB}")),
    "rest": ("shop.xml", REST.format(link=BLOB)),
    "export": ("vms.json", _export(with_disk=True)),
}


def _shop_verdict(result) -> Verdict:
    (summary,) = readiness(result)
    (item,) = [i for i in summary.items if i.type == "CloudService" and "shop" in i.name]
    return item.verdict


@pytest.mark.parametrize("case", UNPLACED)
def test_a_vm_whose_os_disk_is_not_placed_is_not_decided(tmp_path, monkeypatch, case):
    name, text = UNPLACED[case]
    result = lint_files(tmp_path, monkeypatch, {name: text}, dedent=False)
    assert _shop_verdict(result) is Verdict.DISKS_NOT_DECIDED
    data = json.loads(render_plan(build_plan(result), "json"))
    (step,) = [s for sub in data["subscriptions"] for s in sub["steps"] if "shop" in s["id"]]
    assert step["ready"] is False and step["disks_unknown"] is True
    assert any("OS disk of VM" in str(note) and "storage account" in str(note) for note in step["notes"])


@pytest.mark.parametrize("case", PLACED)
def test_a_vm_whose_os_disk_is_placed_passes_as_before(tmp_path, monkeypatch, case):
    name, text = PLACED[case]
    result = lint_files(tmp_path, monkeypatch, {name: text}, dedent=False)
    assert _shop_verdict(result) in (Verdict.PASSED, Verdict.WARNINGS)


def test_the_text_summary_says_why(tmp_path, monkeypatch, capsys):
    from lint_support import run_cli

    (tmp_path / "deploy.py").write_text(PY.format(link="sys.argv[1]"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".")
    assert "shop (1 VM)" in out and "Not decided: a VM's disks are not in the files" in out
