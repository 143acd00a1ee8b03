"""The Python SDK deletes a reserved IP asynchronously (`delete_reserved_ip_address` sends the request as an
asynchronous operation and returns its request id; the REST reference says to poll Get Operation Status):
the next call may still find the reserved IP, so an association or deployment naming it right after is not
said to be refused (no MIG003), as after a deletion run in the background. Once the script waits on the
delete's request id (`wait_for_operation_status(result.request_id)`, or `get_operation_status` polled in a
`while` loop), the reserved IP is gone, and a call after the wait naming it is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

SCRIPT = """\
import time
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
sms.create_reserved_ip_address("rip-old", location="West Europe")
other = sms.create_reserved_ip_address("rip-other", location="West Europe")
result = sms.delete_reserved_ip_address("rip-old")
{wait}
sms.associate_reserved_ip_address("rip-old", "web", "web")
"""
WAITED = {
    "wait_for_operation_status": "sms.wait_for_operation_status(result.request_id)",
    "a get_operation_status loop": (
        "while sms.get_operation_status(result.request_id).status == 'InProgress':\n    time.sleep(5)"
    ),
}
NOT_WAITED = {
    "no wait": "",
    "one status read": "status = sms.get_operation_status(result.request_id)",
    "a wait on another request": "sms.wait_for_operation_status(other.request_id)",
    "a wait on a path that may not run": "if time.time() > 0:\n    sms.wait_for_operation_status(result.request_id)",
}


def refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, wait: str) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, {"rip.py": SCRIPT.format(wait=wait)})
    return [f.message for f in result.findings if f.code == "MIG003"]


@pytest.mark.parametrize("wait", NOT_WAITED)
def test_a_call_after_a_delete_not_waited_for_is_not_said_to_be_refused(tmp_path, monkeypatch, wait):
    assert refused(tmp_path, monkeypatch, NOT_WAITED[wait]) == []


@pytest.mark.parametrize("wait", WAITED)
def test_a_call_after_the_script_waits_for_the_delete_is_refused(tmp_path, monkeypatch, wait):
    [message] = refused(tmp_path, monkeypatch, WAITED[wait])
    assert "reserved IP 'rip-old', which the file deletes before it, at line 7" in message
