"""A Capture Role body a shell script sends from a file it names through a folder it holds in a word
(`curl -d @"$PWD/capture.xml"`, `-d @"$(dirname "$0")/capture.xml"`, `--data-binary @"$HERE/body.xml"` after
`HERE=$(cd "$(dirname "$0")" && pwd)`) is read as one named by a literal path is: the folder is found as a
sourced file's is, so a Delete capture leaves the VM out of the plan and its image in the VM's account.
Before, a body file named so was not read, and the VM stayed in the plan with its image in no account."""

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
  <PostCaptureAction>Delete</PostCaptureAction>
  <TargetImageName>golden</TargetImageName>
  <TargetImageLabel>golden image</TargetImageLabel>
</CaptureRoleOperation>
"""
URL = '"https://management.core.windows.net/$SUB/services/hostedservices/shop/deployments/shop/roleinstances/web2/Operations"'
SENDS = {
    "$PWD": ("capture.xml", f'curl -X POST -E cert.pem -d @"$PWD/capture.xml" {URL}\n'),
    "dirname": ("capture.xml", f'curl -E cert.pem -d @"$(dirname "$0")/capture.xml" {URL}\n'),
    "folder variable": (
        "bodies/body.xml",
        f'HERE=$(cd "$(dirname "$0")" && pwd)\ncurl -E cert.pem --data-binary @"$HERE/bodies/body.xml" {URL}\n',
    ),
    "unquoted": ("body.xml", f'HERE="$(dirname "$0")"\ncurl -E cert.pem -d @$HERE/body.xml {URL}\n'),
    "wget": ("body.xml", f'wget --certificate=cert.pem --post-file "$(dirname "$0")/body.xml" {URL}\n'),
}


@pytest.mark.parametrize("send", list(SENDS))
def test_a_capture_from_a_file_named_through_a_folder_leaves_the_vm_out_of_the_plan(
    tmp_path, monkeypatch, send
):
    body_at, line = SENDS[send]
    files = {"ops/capture.sh": CREATE + line, f"ops/{body_at}": BODY}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    data = json.loads(render_plan(build_plan(result), "json"))
    moves = [move for sub in data["subscriptions"] for step in sub["steps"] for move in step["moves"]]
    assert "cloud service 'shop', deployment 'shop': VMs web1" in moves, moves
    assert "storage account 'acct1' (1 disk, 1 image)" in moves, moves
    [image] = [f for f in result.findings if f.code == "MIG402"]
    assert where([image]) == [f"MIG402 ops/{body_at}:4:3"]


def test_a_capture_from_a_file_of_a_folder_the_script_does_not_hold_says_nothing_of_the_vm(
    tmp_path, monkeypatch
):
    line = f'curl -E cert.pem -d @"$BODIES/capture.xml" {URL}\n'
    files = {"ops/capture.sh": CREATE + line, "ops/capture.xml": BODY}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    data = json.loads(render_plan(build_plan(result), "json"))
    moves = [move for sub in data["subscriptions"] for step in sub["steps"] for move in step["moves"]]
    assert "cloud service 'shop', deployment 'shop': VMs web1, web2" in moves, moves
