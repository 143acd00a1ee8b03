"""A Python script's `capture_role(service, deployment, role, "Delete", image, label)` (or the Capture Role
request it sends itself, a `CaptureRoleOperation` body of PostCaptureAction `Delete` POSTed to the VM's
`.../roleinstances/<vm>/Operations`) captures the VM as an OS
image and has the platform delete it (PostCaptureAction Delete "causes the virtual machine to be deleted after
the image has been captured"), as the classic CLI's `azure vm capture -t` does: the plan moves no such VM, and
no finding is about it; the image is a copy of the VM's disks in the storage account they are in, whose step
moves it. "Reprovision" keeps the VM. Before, the VM captured and deleted was still moved and reported, and the
image was in no account."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

SCRIPT = """\
from azure.servicemanagement import LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService
sms = ServiceManagementService("sub", "cert.pem")
config = LinuxConfigurationSet("vm", "azureuser", "Passw0rd!", False)
disk1 = OSVirtualHardDisk("img", "https://acct1.blob.core.windows.net/vhds/web1.vhd")
sms.create_virtual_machine_deployment("shop", "shop", "production", "shop", "web1", config, disk1)
disk2 = OSVirtualHardDisk("img", "https://acct1.blob.core.windows.net/vhds/web2.vhd")
sms.add_role("shop", "shop", "web2", config, disk2)
sms.capture_role("shop", "shop", "web2", "{action}", "golden", "golden image")
"""


REST = """\
body = '<CaptureRoleOperation xmlns="http://schemas.microsoft.com/windowsazure"><OperationType>CaptureRoleOperation\\
</OperationType><PostCaptureAction>{action}</PostCaptureAction><TargetImageName>golden</TargetImageName>\\
<TargetImageLabel>golden image</TargetImageLabel></CaptureRoleOperation>'
sms.perform_post("/sub/services/hostedservices/shop/deployments/shop/roleinstances/web2/Operations", body)
"""
CAPTURES = {"sdk": SCRIPT, "rest": SCRIPT.rsplit("sms.capture_role", 1)[0] + REST}


def _plan(tmp_path, monkeypatch, action: str, how: str = "sdk") -> tuple[str, list[str]]:
    """The findings' messages, and what the plan's steps move."""
    result = lint_files(tmp_path, monkeypatch, {"cap.py": CAPTURES[how].replace("{action}", action)})
    data = json.loads(render_plan(build_plan(result), "json"))
    moves = [move for sub in data["subscriptions"] for step in sub["steps"] for move in step["moves"]]
    return "\n".join(f.message for f in result.findings), moves


@pytest.mark.parametrize("how", list(CAPTURES))
@pytest.mark.parametrize("action", ["Delete", "delete"])
def test_a_capture_that_deletes_the_vm_leaves_it_out_of_the_plan(
    tmp_path, monkeypatch, action: str, how: str
) -> None:
    messages, moves = _plan(tmp_path, monkeypatch, action, how)
    assert "cloud service 'shop', deployment 'shop': VMs web1" in moves, moves
    assert "'web2'" not in messages


def test_the_image_moves_with_the_storage_account_of_the_vm_s_disk(tmp_path, monkeypatch) -> None:
    _, moves = _plan(tmp_path, monkeypatch, "Delete")
    assert "storage account 'acct1' (1 disk, 1 image)" in moves, moves


@pytest.mark.parametrize("how", list(CAPTURES))
def test_a_capture_that_reprovisions_keeps_the_vm(tmp_path, monkeypatch, how: str) -> None:
    messages, moves = _plan(tmp_path, monkeypatch, "Reprovision", how)
    assert "cloud service 'shop', deployment 'shop': VMs web1, web2" in moves, moves
    assert "'web2'" in messages
