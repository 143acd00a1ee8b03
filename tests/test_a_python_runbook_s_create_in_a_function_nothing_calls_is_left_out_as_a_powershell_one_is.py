"""An Azure Automation runbook written in Python has no main guard: its top level is the runbook, and a
function of it that nothing calls never runs when the runbook does. A create of the Service Management SDK
in such a function of a runbook that migrates (MIG602 checks its steps) is dead code and fails nothing, as
one in a PowerShell or shell runbook's function nothing calls is, where MIG601 said it fails today as if it
surely ran. Called from the runbook's body, it fails today; in a script that migrates nothing (a library
of functions another file calls), it still fails today."""

from __future__ import annotations

from lint_support import lint_files

HEAD = """\
from azure.servicemanagement import OSVirtualHardDisk, ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
BASE = "/sub/services/networking/virtualnetwork/app-vnet/migration?comp="


def build_lab():
    disk = OSVirtualHardDisk("img", "https://a.blob.core.windows.net/v/a.vhd")
    sms.create_virtual_machine_deployment("lab", "d", "production", "d", "vm1", None, disk)


"""
MIGRATE = 'sms.perform_post(BASE + "validate", "")\nsms.perform_post(BASE + "prepare", "")\n'


def _mig601(tmp_path, monkeypatch, text: str) -> list[str]:
    return [f.message for f in lint_files(tmp_path, monkeypatch, {"runbook.py": text}, "MIG601").findings]


def test_a_create_in_a_runbook_s_function_nothing_calls_is_left_out(tmp_path, monkeypatch) -> None:
    assert _mig601(tmp_path, monkeypatch, HEAD + MIGRATE) == []


def test_one_the_runbook_calls_fails_today(tmp_path, monkeypatch) -> None:
    (message,) = _mig601(tmp_path, monkeypatch, HEAD + "build_lab()\n" + MIGRATE)
    assert "runs the migration (MIG602 checks its steps)" in message
    assert "(create_virtual_machine_deployment) fail today, since IaaS VMs (classic) were retired" in message


def test_one_in_a_script_that_migrates_nothing_fails_today(tmp_path, monkeypatch) -> None:
    (message,) = _mig601(tmp_path, monkeypatch, HEAD)
    assert "(create_virtual_machine_deployment) fail today, since IaaS VMs (classic) were retired" in message
