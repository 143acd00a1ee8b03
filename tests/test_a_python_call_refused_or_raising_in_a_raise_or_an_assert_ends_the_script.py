"""A call the SDK refuses (`create_hosted_service` given neither a location nor an affinity group), or a call
of one of the script's functions that surely raises because its body makes one, ends the script where it is
made in the exception a `raise` raises (`raise KeyError(sms.create_hosted_service(...))`, which an `except
KeyError` does not catch) or in an `assert`'s test: Python evaluates them whenever the statement runs, and
the VM created after it is not made. Before, a `raise` and an `assert` were read as evaluating nothing first,
and the VM after them was read as made (a MIG105). An `assert`'s message, evaluated only when its test fails,
still ends nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

SCRIPT = """\
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
        'try:\n    raise KeyError(sms.create_hosted_service("svc1", "svc1"))\nexcept KeyError:\n    pass',
        'assert sms.create_hosted_service("svc1", "svc1")',
        'assert create("svc1")',
        'assert create("svc1") is not None, "not created"',
    ],
    ids=[
        "sdk-refusal-in-a-raise",
        "sdk-refusal-in-an-assert",
        "raising-call-in-an-assert",
        "in-a-comparison",
    ],
)
def test_the_vm_after_the_refused_call_is_not_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, statement: str
) -> None:
    assert _deployments(tmp_path, monkeypatch, statement) == 0


@pytest.mark.parametrize(
    "statement",
    [
        'assert True, sms.create_hosted_service("svc1", "svc1")',
        'assert True, create("svc1")',
    ],
    ids=["sdk-refusal-in-a-message", "raising-call-in-a-message"],
)
def test_an_assert_s_message_ends_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, statement: str
) -> None:
    assert _deployments(tmp_path, monkeypatch, statement) == 1
