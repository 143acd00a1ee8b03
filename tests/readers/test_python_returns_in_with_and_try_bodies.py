"""A `return`, a `raise` or a `sys.exit()` in the body of a `with` or a `try` may end the path through the
function as one under an `if` does: a deployment created after it, in that body, may not exist when a call
later in the script adds a VM to it, and a reserved IP associated after it may not be the VIP of the
deployment created before it. What such a statement raises may be caught, but that makes it no less an
end the call may not get past."""

from __future__ import annotations

import pytest
from lint_support import PY_RESERVED_IP_ASSOCIATE as ASSOCIATE
from lint_support import PY_RESERVED_IP_DEPLOYMENT as CREATE
from lint_support import lint_files

from migcheck.model import ReservedIp

HEAD = """\
import os
import sys
from azure.servicemanagement import LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService


def create(sms, service):
    sms.create_virtual_machine_deployment(
        service, service, "production", service, "web",
        LinuxConfigurationSet("web", "user", "pw", True),
        OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/a.vhd"),
        role_size="Small",
    )


def main():
"""
TAIL = """

SMS = ServiceManagementService("sub", "cert.pem")
main()
SMS.add_role("front", "front", "web2", LinuxConfigurationSet("web2", "user", "pw", True),
             OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/w2.vhd"), role_size="Small")
"""
ENDS = {
    "return": "return",
    "raise": 'raise SystemExit("dry run")',
    "sys.exit()": "sys.exit(0)",
}
BODIES = {
    "with": ('    with open("cert.pem"):\n', ""),
    "try and finally": ("    try:\n", '    finally:\n        print("done")\n'),
}


def _main(opening: str, closing: str, end: str | None) -> str:
    ending = f'        if os.environ.get("DRY"):\n            {end}\n' if end else ""
    return HEAD + opening + ending + '        create(SMS, "front")\n' + closing + TAIL


def _in_none(result) -> str:
    [message] = [f.message for f in result.findings if f.code == "MIG105"]
    return message.split(": ", 1)[0].split("' ")[-1]


@pytest.mark.parametrize("end", ENDS.values(), ids=ENDS.keys())
@pytest.mark.parametrize(("opening", "closing"), BODIES.values(), ids=BODIES.keys())
def test_a_creation_after_an_end_that_may_run_may_not_exist_for_add_role(
    tmp_path, monkeypatch, opening, closing, end
) -> None:
    script = _main(opening, closing, end)
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": script}, "MIG105", dedent=False)
    assert _in_none(result) == "may be in no virtual network"
    [placement] = result.estate.cloud_services[0].placements
    assert not placement.network_known


@pytest.mark.parametrize(("opening", "closing"), BODIES.values(), ids=BODIES.keys())
def test_a_creation_with_no_end_before_it_surely_exists_for_add_role(
    tmp_path, monkeypatch, opening, closing
) -> None:
    script = _main(opening, closing, None)
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": script}, "MIG105", dedent=False)
    assert _in_none(result) == "is in no virtual network"


def _in_a_with(body: str, end: str) -> str:
    """The script's calls in a function's `with` body, a conditional `end` before the association."""
    head, _, calls = body.partition('sms = ServiceManagementService("sub", "cert.pem")\n')
    inner = "".join(f"        {line}\n" if line else "\n" for line in calls.splitlines())
    ending = f'        if os.environ.get("DRY"):\n            {end}\n' if end else ""
    return (
        f'{head}import sys\n\n\ndef main():\n    sms = ServiceManagementService("sub", "cert.pem")\n'
        f'    with open("cert.pem"):\n{inner}{ending}        {ASSOCIATE}\n\nmain()\n'
    )


@pytest.mark.parametrize("end", ENDS.values(), ids=ENDS.keys())
def test_an_association_after_an_end_that_may_run_leaves_the_reserved_ip_maybe_the_vip(
    tmp_path, monkeypatch, end
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": _in_a_with(CREATE, end)}, dedent=False)
    [ip] = [r for doc in result.documents for r in doc.resources if isinstance(r, ReservedIp)]
    assert (ip.maybe_service, ip.maybe_deployment) == ("TestService", "TestService")
    [placement] = result.estate.cloud_services[0].placements
    assert not placement.reserved_ips and not placement.reserved_ips_known
    assert not [f for f in result.findings if f.code == "MIG106"]


def test_an_association_with_no_end_before_it_is_made(tmp_path, monkeypatch) -> None:
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": _in_a_with(CREATE, "")}, dedent=False)
    [placement] = result.estate.cloud_services[0].placements
    assert [ip.name for ip in placement.reserved_ips] == ["MyReservedIP"]
    assert [f.code for f in result.findings if f.code == "MIG106"] == ["MIG106"]
