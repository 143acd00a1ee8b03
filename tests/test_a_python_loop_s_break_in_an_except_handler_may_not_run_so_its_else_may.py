"""A `break` in an `except` handler of a `for` loop's body runs only when the `try` body raises, so the
loop may run to its end and its `else` may run: the VM the `else` creates is read as one the script may
create (MIG105). Before, the handler's `break` was read as running at the first turn, as a `break` under an
`if` whose test holds is, and the `else` as never running. A `break` under such an `if` still ends it."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

SCRIPT = """\
from azure.servicemanagement import LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
for name in ("svc1", "svc2"):
{body}
else:
    disk = OSVirtualHardDisk("img", "https://acct1.blob.core.windows.net/vhds/web1.vhd")
    system = LinuxConfigurationSet("web1", "azureuser", "secret", False)
    sms.create_virtual_machine_deployment("svc3", "svc3", "production", "web1", "web1", system, disk)
"""


def _deployments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> int:
    script = SCRIPT.format(body=body)
    return len(lint_files(tmp_path, monkeypatch, {"deploy.py": script}, "MIG105", dedent=False).findings)


def test_a_break_in_a_handler_leaves_the_else_to_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    body = "    try:\n        sms.get_hosted_service_properties(name)\n    except Exception:\n        break"
    assert _deployments(tmp_path, monkeypatch, body) == 1


def test_a_break_under_a_test_that_holds_keeps_the_else_from_running(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = '    if name == "svc1":\n        break'
    assert _deployments(tmp_path, monkeypatch, body) == 0
