"""A Capture Role body file a script names to a function of a sourced file that sends it (`source ./lib.sh;
post capture.xml` with `post() { curl -d @"$1" ...; }`) is read as one the script sends itself: the request is
the sourced file's (its own check lists it), but the file it sends is the one the script names, which that
check cannot know. Before, the body was dropped with the request, and the captured VM stayed in the plan. A
body the sourced function writes itself is that file's, read once."""

from __future__ import annotations

import json

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
LIBRARY = f'post() {{\n    curl -X POST -E cert.pem -d @"$1" {URL}\n}}\n'


def _moves(result) -> list[str]:
    data = json.loads(render_plan(build_plan(result), "json"))
    return [move for sub in data["subscriptions"] for step in sub["steps"] for move in step["moves"]]


def test_a_body_file_the_script_gives_a_sourced_function_to_send_is_read(tmp_path, monkeypatch):
    files = {
        "lib.sh": LIBRARY,
        "capture.sh": CREATE + "source ./lib.sh\npost capture.xml\n",
        "capture.xml": BODY,
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert "cloud service 'shop', deployment 'shop': VMs web1" in _moves(result)
    images = [f for f in result.findings if f.code == "MIG402"]
    assert where(images) == ["MIG402 capture.xml:4:3"]
    # the request itself stays the sourced file's
    assert where(f for f in result.findings if f.code == "MIG601" and "curl" in f.message) == []


def test_a_body_the_sourced_function_writes_itself_is_read_once(tmp_path, monkeypatch):
    body = BODY.replace("\n", " ").replace("'", "")
    library = f"post() {{\n    curl -X POST -E cert.pem -d '{body}' {URL}\n}}\n"
    files = {"lib.sh": library, "capture.sh": CREATE + "source ./lib.sh\npost\n"}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    images = [f for f in result.findings if f.code == "MIG402"]
    assert where(images) == ["MIG402 lib.sh:2:211"]
