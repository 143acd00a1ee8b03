"""The classic CLI puts the OS disk of every VM `azure vm create` makes without `-u` in one location into one
storage account of its picking there. When one such VM is captured and deleted (`vm capture --delete`, a
Capture Role request with PostCaptureAction Delete) and another VM of that location keeps its disk, the image
and that disk are in that one account: one plan step, named where the script first leaves a disk to the pick
in that location, whose one line says both, and MIG402 names the same account. Before, the image was in a
stand-in named for the captured VM's `vm create` and the kept VM's disk in another named for its own, two steps
for one account; and the one step said the image and the disk in two lines, each naming the account."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

ACCOUNT = "<storage account azure vm create picks in West US, cap.sh:1>"
CREATE = """\
azure vm create shop img u 'P@ssw0rd1' --vm-name web1 -l "West US"
azure vm create shop2 img u 'P@ssw0rd1' --vm-name web2 -l "West US"
"""
BODY = (
    '<CaptureRoleOperation xmlns="http://schemas.microsoft.com/windowsazure">'
    "<OperationType>CaptureRoleOperation</OperationType><PostCaptureAction>Delete</PostCaptureAction>"
    "<TargetImageName>golden</TargetImageName><TargetImageLabel>golden</TargetImageLabel>"
    "</CaptureRoleOperation>"
)
URL = '"https://management.core.windows.net/$SUB/services/hostedservices/shop/deployments/shop/roleinstances/web1/Operations"'
CAPTURES = {
    "vm capture --delete": "azure vm capture web1 golden --delete\n",
    "capture role request": f"curl -X POST -E cert.pem -d '{BODY}' {URL}\n",
}


@pytest.mark.parametrize("capture", list(CAPTURES))
def test_the_image_and_the_kept_vm_s_disk_are_in_one_account(tmp_path, monkeypatch, capture):
    result = lint_files(tmp_path, monkeypatch, {"cap.sh": CREATE + CAPTURES[capture]}, dedent=False)
    data = json.loads(render_plan(build_plan(result), "json"))
    steps = [s for sub in data["subscriptions"] for s in sub["steps"] if s["kind"] == "storage"]
    assert [s["name"] for s in steps] == [ACCOUNT]
    assert steps[0]["moves"] == [f"storage account '{ACCOUNT}' (1 image, the OS disk of VM 'web2')"]
    [image] = [f for f in result.findings if f.code == "MIG402"]
    assert f"image 'golden' is not migrated as an image: its VHD moves with storage account '{ACCOUNT}'" in (
        image.message
    )
