"""A public method of a module of functions (`ASM.create_vm`, its only caller in the module a loop over a
count it does not state) runs whenever a file that imports the module calls it: its create fails today, as
one in a function nothing calls does, where it was said to run only on some paths. A script that runs its
functions itself (a call under a test at its top level) and a private helper (`_create_vm`) are read by
their callers, as before."""

from __future__ import annotations

import pytest
from lint_support import lint_files

MODULE = """\
'''Classic VMs for a cluster.'''
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")


class ASM:
    def {name}(self, name):
        sms.create_hosted_service(name, name, location="West US")

    def create_cluster(self, count):
        for _ in range(count):
            self.{name}("node")
"""

SURELY = {"a public method": "create_vm"}
MAYBE = {"a private method": "_create_vm"}

SCRIPT_TAIL = "\nimport sys\nif len(sys.argv) > 1:\n    ASM().create_cluster(int(sys.argv[1]))\n"


def _mig601(tmp_path, monkeypatch, text: str) -> str:
    (finding,) = lint_files(tmp_path, monkeypatch, {"cluster.py": text}, "MIG601").findings
    return finding.message


@pytest.mark.parametrize("case", SURELY)
def test_a_create_a_module_offers_fails_today(tmp_path, monkeypatch, case: str) -> None:
    message = _mig601(tmp_path, monkeypatch, MODULE.format(name=SURELY[case]))
    assert "(create_hosted_service) fail today, since Cloud Services (classic) was retired" in message


@pytest.mark.parametrize("case", MAYBE)
def test_a_create_in_a_private_method_runs_where_its_callers_do(tmp_path, monkeypatch, case: str) -> None:
    message = _mig601(tmp_path, monkeypatch, MODULE.format(name=MAYBE[case]))
    assert "(create_hosted_service) fail today whenever they run (they may not:" in message


def test_a_create_in_a_script_that_runs_its_functions_runs_where_its_callers_do(
    tmp_path, monkeypatch
) -> None:
    message = _mig601(tmp_path, monkeypatch, MODULE.format(name="create_vm") + SCRIPT_TAIL)
    assert "(create_hosted_service) fail today whenever they run (they may not:" in message
