"""A call of one of the script's functions that surely raises (its body makes a call the SDK refuses:
`create_hosted_service` given neither a location nor an affinity group) ends the script where it is made
inside another call's arguments (`logging.info('%s', create('svc1'))`, `sms.wait_for_operation_status(
create('svc1').request_id)`) or an `if`'s test, as it does where it is the statement: the VM created after it
is not made. Before, only a statement that was the call itself was asked whether it raises, and the VM after
a nested one was read as made (a MIG105). A call an expression may skip (the right of `or`, a lambda's
body) or one in a `try` body still ends nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

SCRIPT = """\
import logging
from azure.servicemanagement import LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")


def create(name):
    sms.create_hosted_service(name, name)
    return name


{statement}
disk = OSVirtualHardDisk("img", "https://acct1.blob.core.windows.net/vhds/web1.vhd")
system = LinuxConfigurationSet("web1", "azureuser", "secret", False)
sms.create_virtual_machine_deployment("svc1", "svc1", "production", "web1", "web1", system, disk)
"""


def _deployments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, statement: str) -> int:
    script = SCRIPT.format(statement=statement)
    return len(lint_files(tmp_path, monkeypatch, {"deploy.py": script}, "MIG105", dedent=False).findings)


@pytest.mark.parametrize(
    "statement",
    [
        'create("svc1")',
        'logging.info("created %s", create("svc1"))',
        'sms.wait_for_operation_status(create("svc1").request_id)',
        'if create("svc1"):\n    logging.info("created")',
    ],
    ids=["the-statement", "in-an-argument", "in-an-sdk-call-s-argument", "in-an-if-test"],
)
def test_the_vm_after_the_raising_call_is_not_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, statement: str
) -> None:
    assert _deployments(tmp_path, monkeypatch, statement) == 0


@pytest.mark.parametrize(
    "statement",
    [
        'logging.info("created %s", logging.disable() or create("svc1"))',
        'later = lambda: create("svc1")',
        'try:\n    logging.info("created %s", create("svc1"))\nexcept ValueError:\n    pass',
    ],
    ids=["right-of-or", "in-a-lambda", "in-a-try-body"],
)
def test_a_call_that_may_not_run_or_is_caught_ends_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, statement: str
) -> None:
    assert _deployments(tmp_path, monkeypatch, statement) == 1
