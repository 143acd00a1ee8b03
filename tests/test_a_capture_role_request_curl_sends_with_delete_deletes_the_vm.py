"""A Capture Role request (a `CaptureRoleOperation` body POSTed to the VM's `.../roleinstances/<vm>/Operations`)
whose PostCaptureAction is `Delete` has the platform delete the VM once it is captured, whoever sends it: a
shell script's `curl`, its body written inline or fed from a here-document, deletes it as PowerShell's
`Invoke-RestMethod` and Python's `capture_role` do, so the plan moves no such VM and no finding is about it;
with `Reprovision` the VM stays. Before, the VM a curl request captured and deleted was still moved."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

CREATE = """\
azure vm create shop img u 'P@ssw0rd1' --vm-name web1 --location "West US"
azure vm create shop img u 'P@ssw0rd1' --vm-name web2 --connect
"""
BODY = (
    '<CaptureRoleOperation xmlns="http://schemas.microsoft.com/windowsazure">'
    "<OperationType>CaptureRoleOperation</OperationType><PostCaptureAction>{action}</PostCaptureAction>"
    "<TargetImageName>golden</TargetImageName><TargetImageLabel>golden image</TargetImageLabel>"
    "</CaptureRoleOperation>"
)
URL = '"https://management.core.windows.net/$SUB/services/hostedservices/shop/deployments/shop/roleinstances/web2/Operations"'
SENDS = {
    "inline": "curl -X POST -E cert.pem -H 'x-ms-version: 2015-04-01' -H 'Content-Type: application/xml' "
    f"-d '{BODY}' {URL}\n",
    "here-document": "curl -X POST -E cert.pem -H 'x-ms-version: 2015-04-01' -H 'Content-Type: application/xml' "
    f"--data-binary @- {URL} <<EOF\n{BODY}\nEOF\n",
}


def _plan(tmp_path, monkeypatch, action: str, send: str) -> list[str]:
    """What the plan's steps move."""
    script = CREATE + SENDS[send].replace("{action}", action)
    result = lint_files(tmp_path, monkeypatch, {"capture.sh": script}, dedent=False)
    data = json.loads(render_plan(build_plan(result), "json"))
    return [move for sub in data["subscriptions"] for step in sub["steps"] for move in step["moves"]]


@pytest.mark.parametrize("send", list(SENDS))
def test_a_capture_that_deletes_the_vm_leaves_it_out_of_the_plan(tmp_path, monkeypatch, send):
    moves = _plan(tmp_path, monkeypatch, "Delete", send)
    assert any(
        "cloud service 'shop'" in move and "VMs web1" in move and "web2" not in move for move in moves
    ), moves


@pytest.mark.parametrize("send", list(SENDS))
def test_a_capture_that_reprovisions_keeps_the_vm(tmp_path, monkeypatch, send):
    moves = _plan(tmp_path, monkeypatch, "Reprovision", send)
    assert any("cloud service 'shop'" in move and "VMs web1, web2" in move for move in moves), moves
