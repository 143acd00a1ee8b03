"""A Service Management SDK create in the body of a loop over items the script writes out (`for i in
range(2, 9):`, `for name in ["web", "app"]:`) runs at each of them: it fails today, as the classic CLI's and
a shell script's do, where it was said to fail "whenever it runs (it may not: ... in a loop that may run no
times)". A loop over no items never runs it; one over items the script does not state may run no turn."""

from __future__ import annotations

import pytest
from lint_support import lint_files

HEAD = """\
import sys
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
sms.list_hosted_services()

"""

MAKE = """\
def make(name):
    sms.create_hosted_service(name, name, location="West US")

"""

SURELY = {
    "a range written out": 'for i in range(2, 9):\n    sms.create_hosted_service("web%d" % i, "web", location="West US")\n',
    "a list written out": 'for name in ["web", "app"]:\n    sms.create_hosted_service(name, name, location="West US")\n',
    "a function called in a loop over a tuple written out": MAKE
    + 'for name in ("web", "app"):\n    make(name)\n',
}

MAYBE = {
    "the script's arguments": 'for name in sys.argv[1:]:\n    sms.create_hosted_service(name, name, location="West US")\n',
    "a list written out, under a test in the body": (
        MAKE + 'for name in ["web", "app"]:\n    if len(sys.argv) > 1:\n        make(name)\n'
    ),
}

NEVER = {
    "an empty range": 'for i in range(0):\n    sms.create_hosted_service("web", "web", location="West US")\n',
    "an empty list": MAKE + "for name in []:\n    make(name)\n",
}


def _mig601(tmp_path, monkeypatch, tail: str) -> str:
    (finding,) = lint_files(tmp_path, monkeypatch, {"deploy.py": HEAD + tail}, "MIG601").findings
    return finding.message


@pytest.mark.parametrize("case", SURELY)
def test_a_create_in_a_loop_over_items_written_out_fails_today(tmp_path, monkeypatch, case: str) -> None:
    message = _mig601(tmp_path, monkeypatch, SURELY[case])
    assert "(create_hosted_service) fail today, since Cloud Services (classic) was retired" in message


@pytest.mark.parametrize("case", MAYBE)
def test_a_create_that_may_run_no_turn_fails_whenever_it_runs(tmp_path, monkeypatch, case: str) -> None:
    message = _mig601(tmp_path, monkeypatch, MAYBE[case])
    assert "(create_hosted_service) fail today whenever they run (they may not:" in message


@pytest.mark.parametrize("case", NEVER)
def test_a_create_in_a_loop_over_no_items_fails_nothing(tmp_path, monkeypatch, case: str) -> None:
    message = _mig601(tmp_path, monkeypatch, NEVER[case])
    assert "fail today" not in message
    assert "stops working once the classic resources it manages are migrated" in message
