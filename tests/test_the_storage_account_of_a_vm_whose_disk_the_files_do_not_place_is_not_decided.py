"""A VM whose OS disk the files do not place (its blob's address is passed and not stated, or the storage
account the platform puts it in is not stated) is in a storage account no file names. Validate of its cloud
service does not depend on that account (the disk errors it reports are of a VHD that is gone and of a blob
name with "/", neither of which a disk the platform names has), so the service's verdict is as before; the
account migrates after the VM, so the readiness summary has a storage account row for it, not decided, and
the plan a storage account step after the VM's, not ready until its name is filled in. A VM whose blob is
stated has no such row or step."""

from __future__ import annotations

import json

import pytest
from lint_support import graph_page, graph_vm, lint_files, run_cli

from migcheck.plan import build_plan
from migcheck.report.badge import status
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


VM_OWN = "<storage account of the disks of VM web01, "
CURRENT = "<current storage account of the subscription, "
# Each case, the stand-in of the account (placed where the blob, or the image the platform places, is
# written) and how its step says to state or find it.
UNPLACED = {
    "powershell-config-current-account-unstated": (
        "deploy.ps1",
        PS_CONFIG.format(media=""),
        f"{CURRENT}deploy.ps1:2>",
        "CurrentStorageAccountName",
    ),
    "powershell-quick-vm-current-account-unstated": (
        "deploy.ps1",
        PS_QUICK.format(current=""),
        f"{CURRENT}deploy.ps1:1>",
        "CurrentStorageAccountName",
    ),
    "shell-no-blob-url": (
        "deploy.sh",
        SH.format(blob=""),
        "<storage account azure vm create picks in West Europe, deploy.sh:2>",
        "azure storage account list",
    ),
    "shell-blob-url-naming-no-account": (
        "deploy.sh",
        SH.format(blob='-u "https://$HOST/vhds/web01.vhd"'),
        f"{VM_OWN}deploy.sh:2>",
        "azure vm create's blob URL",
    ),
    "rest-placeholder": ("shop.xml", REST.format(link="{{media_link}}"), f"{VM_OWN}shop.xml:8>", "MediaLink"),
    "export-without-storage-profile": (
        "vms.json",
        _export(with_disk=False),
        f"{VM_OWN}vms.json:1>",
        "MediaLink",
    ),
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


def _items(result, kind: str) -> list:
    (summary,) = readiness(result)
    return [i for i in summary.items if i.type == kind]


def _steps(result) -> list[dict]:
    data = json.loads(render_plan(build_plan(result), "json"))
    return [step for sub in data["subscriptions"] for step in sub["steps"]]


@pytest.mark.parametrize("case", UNPLACED)
def test_the_account_of_a_vm_whose_os_disk_is_not_placed_is_not_decided(tmp_path, monkeypatch, case):
    name, text, stand_in, how = UNPLACED[case]
    result = lint_files(tmp_path, monkeypatch, {name: text}, dedent=False)
    (shop,) = [i for i in _items(result, "CloudService") if "shop" in i.name]
    # A deployment body that names no service is of a service whose name its plan step asks for first.
    assert shop.verdict in (Verdict.PASSED, Verdict.WARNINGS, Verdict.NAME_NOT_STATED)
    (account,) = _items(result, "StorageAccount")
    assert account.name == stand_in
    assert account.verdict is Verdict.ACCOUNT_NOT_STATED
    steps = _steps(result)
    (service,) = [s for s in steps if "shop" in s["id"] and s["kind"] != "storage"]
    (storage,) = [s for s in steps if s["kind"] == "storage"]
    assert storage["after"] == [service["id"]] and storage["wave"] > service["wave"]
    assert storage["ready"] is False and storage["name_unstated"]
    assert any("OS disk of VM 'web01'" in note and how in note for note in storage["notes"])


@pytest.mark.parametrize("case", PLACED)
def test_a_vm_whose_os_disk_is_placed_has_its_account_named(tmp_path, monkeypatch, case):
    name, text = PLACED[case]
    result = lint_files(tmp_path, monkeypatch, {name: text}, dedent=False)
    assert not [i for i in _items(result, "StorageAccount") if i.verdict is Verdict.ACCOUNT_NOT_STATED]
    assert not [s for s in _steps(result) if "storage account of the disks" in s["name"]]


def test_the_badge_reads_as_for_an_account_a_script_names_by_a_stand_in(tmp_path, monkeypatch):
    unplaced = lint_files(
        tmp_path / "a", monkeypatch, {"deploy.py": PY.format(link="sys.argv[1]")}, dedent=False
    )
    stand_in = "'https://' + sys.argv[2] + '.blob.core.windows.net/vhds/web01.vhd'"
    named_later = lint_files(
        tmp_path / "b", monkeypatch, {"deploy.py": PY.format(link=stand_in)}, dedent=False
    )
    assert [s["ready"] for s in _steps(named_later) if s["kind"] == "storage"] == [False]
    assert status(unplaced).message == status(named_later).message


def test_the_text_summary_says_why(tmp_path, monkeypatch, capsys):
    (tmp_path / "deploy.sh").write_text(SH.format(blob='-u "https://$HOST/vhds/web01.vhd"'), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".")
    assert "(the OS disk of VM web01)" in out
    assert "Not decided: the files do not state which account it is" in out


NAMED_BY_AN_UNSTATED_VALUE = {
    "python": ("deploy.py", PY.format(link="'https://' + sys.argv[2] + '.blob.core.windows.net/vhds/w.vhd'")),
    "powershell": (
        "deploy.ps1",
        PS_CONFIG.format(media='-MediaLocation "https://$Disk.blob.core.windows.net/v/w.vhd"'),
    ),
    "shell": ("deploy.sh", SH.format(blob='-u "https://$1.blob.core.windows.net/vhds/web01.vhd"')),
}


@pytest.mark.parametrize("case", NAMED_BY_AN_UNSTATED_VALUE)
def test_an_account_a_script_names_by_a_value_it_does_not_state_is_not_decided(tmp_path, monkeypatch, case):
    """Its plan step waits for its name to be filled in; the summary does not say Validate passes for it."""
    name, text = NAMED_BY_AN_UNSTATED_VALUE[case]
    result = lint_files(tmp_path, monkeypatch, {name: text}, dedent=False)
    (account,) = _items(result, "StorageAccount")
    assert account.verdict is Verdict.ACCOUNT_NOT_STATED
    (storage,) = [s for s in _steps(result) if s["kind"] == "storage"]
    assert storage["ready"] is False and storage["name_unstated"]
