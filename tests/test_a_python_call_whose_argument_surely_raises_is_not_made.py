"""A call whose arguments hold a call that surely raises (one the SDK refuses: `create_hosted_service` given
neither a location nor an affinity group; or a call of one of the script's functions whose body makes one)
is not made: Python evaluates the arguments before it makes the call, so the VM deployment a
`create_virtual_machine_deployment(create('svc1'), ...)` would create is not created. Before, only what
came after the statement was cut, and the call around the raising one was read as made (a MIG105). A call
made before the raising one, in the arguments beside it, is still made."""

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


disk = OSVirtualHardDisk("img", "https://acct1.blob.core.windows.net/vhds/web1.vhd")
system = LinuxConfigurationSet("web1", "azureuser", "secret", False)
{statement}
"""


def _deployments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, statement: str) -> int:
    script = SCRIPT.format(statement=statement)
    return len(lint_files(tmp_path, monkeypatch, {"deploy.py": script}, "MIG105", dedent=False).findings)


@pytest.mark.parametrize(
    "statement",
    [
        'sms.create_virtual_machine_deployment(create("svc1"), "svc1", "production", "web1", "web1", system, disk)',
        'sms.create_virtual_machine_deployment(str(create("svc1")), "d", "production", "web1", "web1", system, disk)',
        'sms.create_virtual_machine_deployment(\n    "svc1",\n    "svc1",\n    "production",\n    "web1",\n'
        '    "web1" if sms.create_hosted_service("svc1", "svc1") else "web",\n    system,\n    disk,\n)',
        'result = sms.create_virtual_machine_deployment(\n    "svc1", "svc1", "production", "web1", "web1", system,'
        ' disk, role_size=create("svc1")\n)',
    ],
    ids=[
        "raising-call-an-argument",
        "raising-call-in-an-argument-s-call",
        "sdk-refusal-in-an-argument",
        "keyword",
    ],
)
def test_the_call_around_the_raising_one_is_not_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, statement: str
) -> None:
    assert _deployments(tmp_path, monkeypatch, statement) == 0


@pytest.mark.parametrize(
    "statement",
    [
        'print(sms.create_virtual_machine_deployment("svc1", "svc1", "production", "web1", "web1", system, disk),'
        ' create("svc1"))',
        'print(sms.create_virtual_machine_deployment("svc1", "svc1", "production", "web1", "web1", system, disk),'
        ' sms.create_hosted_service("svc1", "svc1"))',
    ],
    ids=["raising-call-after-it", "sdk-refusal-after-it"],
)
def test_a_call_made_before_the_raising_one_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, statement: str
) -> None:
    assert _deployments(tmp_path, monkeypatch, statement) == 1
