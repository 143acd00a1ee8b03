"""A create the legacy SDK makes in a function whose only call is in code that never runs (`if False:
make_vm("web1")`) was said to fail today, where the same function running the classic CLI creates nothing:
it fails nothing now. A create under a condition the reader cannot decide (`if len(sys.argv) > 2:`) fails today whenever it runs, as the classic CLI path says, where it was
said to fail today outright. A function the script does not call itself is a library's: its creates fail
today whenever what imports it calls it, as before."""

from __future__ import annotations

import pytest
from lint_support import lint_files

HEAD = """\
import sys
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk

sms = ServiceManagementService("sub", "cert.pem")

def make_vm(name):
    disk = OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/" + name + ".vhd")
    sms.add_role("shop", "shop", name, LinuxConfigurationSet(name, "ops", "pw"), disk)

"""

NEVER = {
    "if False": 'if False:\n    make_vm("web1")\nsms.list_hosted_services()\n',
    "in a function called under if False": (
        'def main():\n    if False:\n        make_vm("web1")\n\nmain()\nsms.list_hosted_services()\n'
    ),
}

MAYBE = {
    "under an undecided if": 'if len(sys.argv) > 2:\n    make_vm("web1")\n',
    "written under an undecided if, the function's never called": (
        'if False:\n    make_vm("web1")\nif len(sys.argv) > 2:\n    sms.add_role("shop", "shop", "web2", LinuxConfigurationSet("web2", "o", "p"),'
        ' OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/web2.vhd"))\n'
    ),
    "on either branch of an undecided if, one in the function": (
        'if len(sys.argv) > 2:\n    make_vm("web1")\nelif len(sys.argv) > 1:\n    sms.add_role("shop", "shop", "web2", LinuxConfigurationSet("web2", "o", "p"),'
        ' OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/web2.vhd"))\n'
    ),
}

SURELY = {
    "in a function nothing calls, which what imports it runs": "",
    "at the top level": 'make_vm("web1")\n',
    "from two calls": 'make_vm("web1")\nmake_vm("web2")\n',
    "one of two calls under an undecided if": 'make_vm("web1")\nif len(sys.argv) > 2:\n    make_vm("web2")\n',
}


def _mig601(tmp_path, monkeypatch, tail: str) -> str:
    (finding,) = lint_files(tmp_path, monkeypatch, {"deploy.py": HEAD + tail}, "MIG601").findings
    return finding.message


@pytest.mark.parametrize("case", NEVER)
def test_a_create_that_never_runs_fails_nothing(tmp_path, monkeypatch, case: str) -> None:
    message = _mig601(tmp_path, monkeypatch, NEVER[case])
    assert "fail today" not in message
    assert "stops working once the classic resources it manages are migrated" in message


@pytest.mark.parametrize("case", MAYBE)
def test_a_create_that_may_not_run_fails_whenever_it_runs(tmp_path, monkeypatch, case: str) -> None:
    message = _mig601(tmp_path, monkeypatch, MAYBE[case])
    assert "(add_role) fail today whenever they run (they may not: they run only on some paths" in message


@pytest.mark.parametrize("case", SURELY)
def test_a_create_that_surely_runs_fails_today(tmp_path, monkeypatch, case: str) -> None:
    message = _mig601(tmp_path, monkeypatch, SURELY[case])
    assert "(add_role) fail today, since IaaS VMs (classic) were retired" in message
