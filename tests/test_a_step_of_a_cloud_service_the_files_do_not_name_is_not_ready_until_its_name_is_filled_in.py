"""A step whose commands hold a stand-in for its cloud service's name (`<cloud service name, deploy.sh:2>`, a
value the script gets only when it runs) cannot run as written: its note says to fill the name in first, and
its verdict says so too (NOT READY (fill in the cloud service's name first)), in text, Markdown and JSON
(`"name_unstated": true`), where it was "ready". When the files name none of its VMs either, the note says
what else identifies them (the command that makes them, their subnet), where it said only to look for "the
VMs this step moves"."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, run_cli

SHELL = """\
#!/bin/bash
azure vm create "$1" img user 'P@ss1' --vm-name web1 --ssh 22
"""
POWERSHELL = """\
param([string]$ServiceName)
New-AzureQuickVM -Windows -ServiceName $ServiceName -Name web1 -ImageName img -Password p -AdminUsername a
"""
PYTHON = """\
import sys
from azure.servicemanagement import ServiceManagementService, OSVirtualHardDisk

sms = ServiceManagementService("sub", "cert.pem")
sms.create_virtual_machine_deployment(
    service_name=sys.argv[1], deployment_name="dep", deployment_slot="production", label="l",
    role_name="web1", system_config=None, os_virtual_hard_disk=OSVirtualHardDisk("img", "https://a.blob.core.windows.net/v/a.vhd"),
    role_size="Small")
"""
FILL_IN = "fill in the cloud service's name first"


def _verdict(out: str, words: str) -> str:
    """The verdict of the one step said not ready (another reason may come first)."""
    (line,) = [line for line in out.splitlines() if words in line and "Cloud service" in line]
    return line[line.index(words) :]


def _service_step(steps: list[dict]) -> dict:
    (step,) = [s for s in steps if s["id"].startswith("service:")]
    return step


@pytest.mark.parametrize(
    ("name", "text"), [("deploy.sh", SHELL), ("deploy.ps1", POWERSHELL), ("deploy.py", PYTHON)]
)
def test_the_step_is_not_ready_in_every_format(tmp_path, monkeypatch, capsys, name, text):
    lint_files(tmp_path, monkeypatch, {name: text}, dedent=False)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    (subscription,) = json.loads(out)["subscriptions"]
    step = _service_step(subscription["steps"])
    assert (step["ready"], step.get("name_unstated")) == (False, True)
    assert any(note.startswith("Fill in first") for note in step["notes"])
    _, out, _ = run_cli(capsys, "plan", ".")
    assert _verdict(out, "NOT READY (").endswith(f"{FILL_IN})")
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "markdown")
    assert _verdict(out, "not ready (").endswith(f"{FILL_IN})")


def test_a_named_service_has_no_such_verdict(tmp_path, monkeypatch, capsys):
    lint_files(tmp_path, monkeypatch, {"deploy.ps1": POWERSHELL.replace("$ServiceName -Name", "svc1 -Name")})
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    (subscription,) = json.loads(out)["subscriptions"]
    assert "name_unstated" not in _service_step(subscription["steps"])


def test_vms_the_files_do_not_name_are_found_by_their_command_and_subnet(tmp_path, monkeypatch, capsys):
    script = """\
    param([string]$ServiceName, [string]$VmName)
    New-AzureVMConfig -Name $VmName -InstanceSize Small -ImageName img |
        Add-AzureProvisioningConfig -Windows -AdminUsername u -Password p |
        Set-AzureSubnet -SubnetNames web |
        New-AzureVM -ServiceName $ServiceName
    """
    lint_files(tmp_path, monkeypatch, {"deploy.ps1": script})
    _, out, _ = run_cli(capsys, "plan", ".")
    assert (
        "the files name none of its VMs: they are those the command at deploy.ps1:2 acts on, in subnet 'web'"
        in out
    )
    assert "look for the VMs this step moves" not in out
