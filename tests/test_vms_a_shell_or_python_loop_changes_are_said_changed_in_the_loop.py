"""A loop over a list the files do not hold whose item names the VM each round changes (the classic CLI's
`while read svc vm; do azure vm endpoint create "$vm" …; done < vms.txt`, `for vm in $(cat vms)`; the
Python SDK's `update_role` in `for row in csv.DictReader(f)`, or an Update Role request
(`requests.put(f"…/roles/{vm}", data=ROLE)`) in `for line in open("vms.txt")`; a Python script running the
CLI in `for vm in sys.argv[1:]`) changes VMs that exist, one per item: one description stands for them, and the readiness
summary and the plan say them, and their cloud services, changed in the loop, as for PowerShell's
`foreach ($r in Import-Csv vms.csv) { Get-AzureVM … | Set-AzureEndpoint … | Update-AzureVM }`. The shell
reader described no VM at all, and the Python one a single VM. A PowerShell script running the CLI in
`foreach ($vm in Get-Content vms.txt)`, whose loops the CLI's reader was not told of, is read alike, and the
services it creates there are one per item too; so is a PowerShell Update Role request (`Invoke-RestMethod
-Method Put -Uri ".../roles/$($r.Vm)"`) in a loop, which was one VM."""

from __future__ import annotations

import pytest
from lint_support import run_cli

SHELL_WHILE = """\
#!/bin/bash
while read svc vm; do
  azure vm endpoint create "$vm" 80 80 -n HTTP
done < vms.txt
"""
SHELL_FOR = """\
#!/bin/bash
for vm in $(cat vms); do
  azure vm endpoint create "$vm" 80 80 -n HTTP
done
"""
PYTHON_SDK = """\
import csv
from azure.servicemanagement import ConfigurationSet, ConfigurationSetInputEndpoint, ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
with open("vms.csv") as f:
    for row in csv.DictReader(f):
        network = ConfigurationSet()
        network.input_endpoints.input_endpoints.append(ConfigurationSetInputEndpoint("HTTP", "tcp", "80", "80"))
        sms.update_role(row["svc"], row["svc"], row["vm"], network_config=network)
"""
PYTHON_CLI = """\
import subprocess
import sys

for vm in sys.argv[1:]:
    subprocess.run(["azure", "vm", "endpoint", "create", vm, "80", "80", "-n", "HTTP"], check=True)
"""

PYTHON_REST = """\
import requests

BASE = "https://management.core.windows.net/sub"
ROLE = (
    "<PersistentVMRole xmlns='http://schemas.microsoft.com/windowsazure'><RoleName>x</RoleName>"
    "<ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>"
    "<InputEndpoints><InputEndpoint><LocalPort>80</LocalPort><Name>HTTP</Name><Port>80</Port>"
    "<Protocol>tcp</Protocol></InputEndpoint></InputEndpoints></ConfigurationSet></ConfigurationSets>"
    "</PersistentVMRole>"
)
for line in open("vms.txt"):
    svc, vm = line.split()
    requests.put(f"{BASE}/services/hostedservices/{svc}/deployments/{svc}/roles/{vm}", data=ROLE, cert="c.pem")
"""
POWERSHELL_REST = """\
$role = "<PersistentVMRole xmlns='http://schemas.microsoft.com/windowsazure'><RoleName>x</RoleName>" +
    "<ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>" +
    "<InputEndpoints><InputEndpoint><LocalPort>80</LocalPort><Name>HTTP</Name><Port>80</Port>" +
    "<Protocol>tcp</Protocol></InputEndpoint></InputEndpoints></ConfigurationSet></ConfigurationSets>" +
    "</PersistentVMRole>"
foreach ($r in Import-Csv vms.csv) {
    $uri = "https://management.core.windows.net/sub/services/hostedservices/$($r.Svc)/deployments/$($r.Svc)/roles/$($r.Vm)"
    Invoke-RestMethod -Method Put -Uri $uri -Body $role -Certificate $cert
}
"""
POWERSHELL_CLI = """\
foreach ($vm in Get-Content vms.txt) {
    azure vm endpoint create $vm 80 80 -n HTTP
}
"""


def reports(tmp_path, monkeypatch, capsys, name: str, script: str) -> tuple[str, str]:
    """The readiness summary and the plan of a folder holding `script` alone, as `name`."""
    (tmp_path / name).write_text(script, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    summary = run_cli(capsys, "check", ".")[1]
    return summary, run_cli(capsys, "plan", ".")[1]


@pytest.mark.parametrize(
    ("name", "script", "listed"),
    [
        ("endpoints.sh", SHELL_WHILE, "the turns of `while read svc vm`"),
        ("endpoints.sh", SHELL_FOR, "$(cat vms)"),
        ("endpoints.py", PYTHON_SDK, "csv.DictReader(f)"),
        ("endpoints.py", PYTHON_CLI, "sys.argv[1:]"),
        ("endpoints.ps1", POWERSHELL_CLI, "Get-Content vms.txt"),
        ("endpoints.py", PYTHON_REST, "open('vms.txt')"),
        ("endpoints.ps1", POWERSHELL_REST, "Import-Csv vms.csv"),
    ],
    ids=[
        "shell while read",
        "shell for over a command",
        "python sdk update_role",
        "python running the cli",
        "powershell running the cli",
        "python update role request",
        "powershell update role request",
    ],
)
def test_vms_a_loop_changes_are_one_per_item_said_changed(
    tmp_path, monkeypatch, capsys, name, script, listed
):
    summary, plan = reports(tmp_path, monkeypatch, capsys, name, script)
    assert f"cloud services changed in a loop over {listed} (<cloud service name, {name}:" in summary
    assert "1 or more), each with 1 VM\n" in summary
    assert f"VMs changed in a loop over {listed} (" in plan
    assert "created in a loop" not in summary + plan


def test_an_endpoint_acl_a_shell_loop_adds_to_each_vm_blocks_their_migration(tmp_path, monkeypatch, capsys):
    script = 'for vm in $(cat vms); do\n  azure vm endpoint acl-rule create "$vm" HTTP 100 permit 10.0.0.0/8\ndone\n'
    summary, _ = reports(tmp_path, monkeypatch, capsys, "acl.sh", script)
    assert "MIG201 [error] endpoint 'HTTP' of VM '<VM name, acl.sh:2>'" in summary
    assert "cloud services changed in a loop over $(cat vms)" in summary


def test_a_python_script_running_the_cli_creates_one_service_per_item_of_its_loop(
    tmp_path, monkeypatch, capsys
):
    script = PYTHON_CLI.replace(
        '"endpoint", "create", vm, "80", "80", "-n", "HTTP"', '"create", vm, "img", "u", "p"'
    )
    summary, _ = reports(tmp_path, monkeypatch, capsys, "create.py", script)
    assert "cloud services created in a loop over sys.argv[1:] (<DNS name, create.py:5>, 1 or more)" in (
        summary
    )
    assert "each with 1 VM\n" in summary


def test_a_powershell_script_running_the_cli_creates_one_service_per_item_of_its_loop(
    tmp_path, monkeypatch, capsys
):
    script = (
        'foreach ($svc in Get-Content services.txt) {\n    azure vm create $svc img u p -l "West US"\n}\n'
    )
    summary, _ = reports(tmp_path, monkeypatch, capsys, "create.ps1", script)
    listed = "cloud services created in a loop over Get-Content services.txt (<DNS name, create.ps1:2>"
    assert listed in summary
    assert "each with 1 VM\n" in summary
