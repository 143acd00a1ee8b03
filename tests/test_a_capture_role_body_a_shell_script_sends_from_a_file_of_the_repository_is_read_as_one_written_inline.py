"""A Capture Role body a shell script sends from a file (`curl -d @capture.xml`, `--data-binary
@capture.xml`, `wget --post-file=capture.xml`) that the repository holds, by a path from the folder the
script runs in (its own, or one it has moved to with `cd`), is read as a body written inline is: with
PostCaptureAction Delete the platform deletes the VM, so the plan moves it no more, and the image is in the
storage account of the VM's OS disk, which the plan's step moves it with. A file the repository does not
hold (an absolute path) says nothing of the VM. Before, a body sent from a file left the VM in the plan
and its image in no account."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, where

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

CREATE = """\
azure vm create shop img u 'P@ssw0rd1' --vm-name web1 --location "West US" -u https://acct1.blob.core.windows.net/vhds/web1.vhd
azure vm create shop img u 'P@ssw0rd1' --vm-name web2 --connect -u https://acct1.blob.core.windows.net/vhds/web2.vhd
"""
BODY = """\
<CaptureRoleOperation xmlns="http://schemas.microsoft.com/windowsazure">
  <OperationType>CaptureRoleOperation</OperationType>
  <PostCaptureAction>{action}</PostCaptureAction>
  <TargetImageName>golden</TargetImageName>
  <TargetImageLabel>golden image</TargetImageLabel>
</CaptureRoleOperation>
"""
URL = '"https://management.core.windows.net/$SUB/services/hostedservices/shop/deployments/shop/roleinstances/web2/Operations"'
SENDS = {
    "curl -d": (
        "capture.xml",
        f"curl -X POST -E cert.pem -H 'x-ms-version: 2015-04-01' -d @capture.xml {URL}\n",
    ),
    "curl --data-binary": ("capture.xml", f"curl -E cert.pem --data-binary @capture.xml {URL}\n"),
    "wget": ("capture.xml", f"wget --certificate=cert.pem --post-file=capture.xml {URL}\n"),
    "after cd": ("bodies/capture.xml", f"cd bodies\ncurl -X POST -E cert.pem -d @capture.xml {URL}\n"),
}


def _lint(tmp_path, monkeypatch, action: str, body_at: str, send: str):
    files = {"ops/capture.sh": CREATE + send, f"ops/{body_at}": BODY.replace("{action}", action)}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    data = json.loads(render_plan(build_plan(result), "json"))
    moves = [move for sub in data["subscriptions"] for step in sub["steps"] for move in step["moves"]]
    return result, moves


@pytest.mark.parametrize("send", list(SENDS))
def test_a_capture_from_a_file_that_deletes_the_vm_leaves_it_out_of_the_plan(tmp_path, monkeypatch, send):
    body_at, line = SENDS[send]
    result, moves = _lint(tmp_path, monkeypatch, "Delete", body_at, line)
    assert "cloud service 'shop', deployment 'shop': VMs web1" in moves, moves
    assert "storage account 'acct1' (1 disk, 1 image)" in moves, moves
    [image] = [f for f in result.findings if f.code == "MIG402"]
    assert where([image]) == [f"MIG402 ops/{body_at}:4:3"]
    assert "image 'golden' is not migrated as an image: its VHD moves with storage account 'acct1'" in (
        image.message
    )


def test_a_capture_from_a_file_that_reprovisions_keeps_the_vm(tmp_path, monkeypatch):
    _, moves = _lint(tmp_path, monkeypatch, "Reprovision", *SENDS["curl -d"])
    assert "cloud service 'shop', deployment 'shop': VMs web1, web2" in moves, moves
    assert "storage account 'acct1' (2 disks, 1 image)" in moves, moves


def test_a_capture_from_a_file_outside_the_repository_says_nothing_of_the_vm(tmp_path, monkeypatch):
    send = f"curl -X POST -E cert.pem -d @/etc/azure/capture.xml {URL}\n"
    _, moves = _lint(tmp_path, monkeypatch, "Delete", "capture.xml", send)
    assert "cloud service 'shop', deployment 'shop': VMs web1, web2" in moves, moves
