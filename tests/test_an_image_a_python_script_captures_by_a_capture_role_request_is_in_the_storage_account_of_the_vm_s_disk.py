"""A Capture Role request a Python script sends itself (a `CaptureRoleOperation` body POSTed to the VM's
`.../roleinstances/<vm>/Operations`) captures the VM as an OS image, a copy of its disks that the platform puts
in the storage account of its OS disk, as `capture_role` does: the image moves with that account's step.
Before, the image such a request captured was in no account, and the account's step moved its disks alone.
What the files do not tell (a VM the script does not describe, a disk whose account it does not state) leaves
the image in no account, as `capture_role` leaves it."""

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
disk2 = OSVirtualHardDisk("img", "https://acct2.blob.core.windows.net/vhds/web2.vhd")
sms.add_role("shop", "shop", "web2", config, disk2)
body = '<CaptureRoleOperation xmlns="http://schemas.microsoft.com/windowsazure"><OperationType>CaptureRoleOperation\\
</OperationType><PostCaptureAction>{action}</PostCaptureAction><TargetImageName>golden</TargetImageName>\\
<TargetImageLabel>golden image</TargetImageLabel></CaptureRoleOperation>'
sms.perform_post("/sub/services/hostedservices/shop/deployments/shop/roleinstances/{vm}/Operations", body)
"""


def _accounts(tmp_path, monkeypatch, action: str, vm: str) -> list[str]:
    """What the plan's storage account steps move."""
    script = SCRIPT.replace("{action}", action).replace("{vm}", vm)
    result = lint_files(tmp_path, monkeypatch, {"cap.py": script})
    data = json.loads(render_plan(build_plan(result), "json"))
    moves = [move for sub in data["subscriptions"] for step in sub["steps"] for move in step["moves"]]
    return sorted(move for move in moves if move.startswith("storage account"))


@pytest.mark.parametrize(
    ("action", "left"), [("Reprovision", "1 disk, 1 image"), ("Delete", "1 image")], ids=["kept", "deleted"]
)
def test_the_image_is_in_the_account_of_the_captured_vm_s_os_disk(
    tmp_path, monkeypatch, action, left
) -> None:
    """The VM a capture of PostCaptureAction `Delete` deletes takes its disk out of the plan; the image stays."""
    assert _accounts(tmp_path, monkeypatch, action, "web2") == [
        "storage account 'acct1' (1 disk)",
        f"storage account 'acct2' ({left})",
    ]


def test_a_vm_the_script_does_not_describe_leaves_the_image_in_no_account(tmp_path, monkeypatch) -> None:
    assert _accounts(tmp_path, monkeypatch, "Reprovision", "web9") == [
        "storage account 'acct1' (1 disk)",
        "storage account 'acct2' (1 disk)",
    ]


VM_IMAGE_BODY = (
    'body = \'<CaptureRoleAsVMImageOperation xmlns="http://schemas.microsoft.com/windowsazure">'
    "<OperationType>CaptureRoleAsVMImageOperation</OperationType><OSState>Generalized</OSState>"
    "<VMImageName>golden</VMImageName><VMImageLabel>golden image</VMImageLabel>"
    "</CaptureRoleAsVMImageOperation>'\n"
)


def test_a_capture_vm_image_request_puts_its_vm_image_there_too(tmp_path, monkeypatch) -> None:
    """Capture VM Image (`CaptureRoleAsVMImageOperation`) leaves the VM as it was, as capture_vm_image does."""
    script = SCRIPT.replace("{vm}", "web2")
    head, _, rest = script.partition("body = ")
    script = head + VM_IMAGE_BODY + rest.split("\n", 3)[3]
    result = lint_files(tmp_path, monkeypatch, {"cap.py": script})
    data = json.loads(render_plan(build_plan(result), "json"))
    moves = [move for sub in data["subscriptions"] for step in sub["steps"] for move in step["moves"]]
    assert "storage account 'acct2' (1 disk, 1 image)" in moves, moves
