"""A deployment created with a reserved IP named by a value the script does not state (PowerShell's
`New-AzureVM -ReservedIPName $VIP` or `New-AzureQuickVM -ReservedIPName $VIP`, $VIP read with Read-Host or
a parameter of the script or of a function; Python's `create_virtual_machine_deployment(...,
reserved_ip_name=sys.argv[1])`; the classic CLI's `azure vm create -R "$1"`, or a variable the script sets from
a parameter or with `read`) uses a reserved IP all the same, as under a name the script states: the
call fails unless that reserved IP exists. MIG105 says its VIP is that reserved IP, shown by a stand-in
(`<reserved IP name, a.ps1:3>`), and is kept, where it said the VIP changes unless it is a reserved IP and
the plan said to reserve it. A variable nothing assigns (which may be $null, or empty: the environment's in
a shell script), or a value that may be None (`settings.get('rip')`, with or without a default of None), still leaves whether
it is reserved unknown."""

from __future__ import annotations

import pytest
from lint_support import run_cli

POWERSHELL = """\
{before}
$vm = New-AzureVMConfig -Name web1 -InstanceSize Small -ImageName img | Add-AzureProvisioningConfig -Windows -Password $p -AdminUsername $u
New-AzureVM -ServiceName svc1 -VMs $vm -ReservedIPName {name} -Location "West US"
{after}
"""
QUICK = """\
{before}
New-AzureQuickVM -Windows -ServiceName svc1 -Name web1 -ImageName img -Location "West US" -AdminUsername a -Password p -ReservedIPName {name}
{after}
"""
PYTHON = """\
import json
import sys
from azure.servicemanagement import ConfigurationSet, ConfigurationSetInputEndpoint, ServiceManagementService
sms = ServiceManagementService('s', 'c.pem')
net = ConfigurationSet()
net.input_endpoints.input_endpoints.append(ConfigurationSetInputEndpoint('SSH', 'tcp', '22', '22'))
{before}
sms.create_virtual_machine_deployment('svc1', 'svc1', 'production', 'svc1', 'web1', None, None, net, reserved_ip_name={name})
{after}
"""
SHELL = """\
{before}
azure vm create svc1 img user pass -R {name} -l "West US" -e 22
{after}
"""
KEPT = [
    ("a.ps1", POWERSHELL, "$VIP = Read-Host -Prompt 'Reserved VIP Name:'", "$VIP", "", 3),
    ("a.ps1", POWERSHELL, "param([string] $VIP)", "$VIP", "", 3),
    ("a.ps1", QUICK, "param([Parameter(Mandatory = $true)] [string] $VIP)", "$VIP", "", 2),
    ("a.ps1", POWERSHELL, "function Deploy($VIP) {", "$VIP", "}\nDeploy $args[0]", 3),
    ("a.py", PYTHON, "", "sys.argv[1]", "", 8),
    ("a.py", PYTHON, "def deploy(rip):", "rip", "deploy(sys.argv[1])", 8),
    ("a.sh", SHELL, "", '"$1"', "", 2),
    ("a.sh", SHELL, "RIP=$1", '"$RIP"', "", 2),
    ("a.sh", SHELL, "read -r RIP", '"$RIP"', "", 2),
]
UNKNOWN = [
    (
        "a.ps1",
        POWERSHELL,
        "",
        "$VIP",
        "",
    ),  # nothing assigns it: $null, unless the session that runs it sets it
    ("a.ps1", QUICK, "", "$VIP", ""),
    ("a.py", PYTHON, "settings = json.load(open('settings.json'))", "settings.get('rip', None)", ""),
    # `.get` without a default is None as well where the settings lack the key
    ("a.py", PYTHON, "settings = json.load(open('settings.json'))", "settings.get('reserved_ip')", ""),
    ("a.sh", SHELL, "", '"$RIP"', ""),  # the environment's, which may be empty
]


def _mig105(tmp_path, monkeypatch, capsys, path: str, script: str) -> str:
    monkeypatch.chdir(tmp_path)
    (tmp_path / path).write_text(script)
    _, out, _ = run_cli(capsys, "check", ".", "--select", "MIG105")
    (line,) = [line for line in out.splitlines() if "MIG105" in line]
    return line


@pytest.mark.parametrize(("path", "template", "before", "name", "after", "line"), KEPT)
def test_a_deployment_given_a_reserved_ip_by_a_name_the_script_does_not_state_keeps_its_vip(
    tmp_path, monkeypatch, capsys, path, template, before, name, after, line
) -> None:
    if template is PYTHON and before:
        template = template.replace("sms.create", "    sms.create")
    script = template.format(before=before, name=name, after=after)
    found = _mig105(tmp_path, monkeypatch, capsys, path, script)
    assert f"its VIP is reserved IP '<reserved IP name, {path}:{line}>' and is kept" in found
    monkeypatch.chdir(tmp_path)
    _, plan, _ = run_cli(capsys, "plan", ".")
    assert "reserve the VIP" not in plan


@pytest.mark.parametrize(("path", "template", "before", "name", "after"), UNKNOWN)
def test_a_name_that_may_be_nothing_leaves_whether_the_vip_is_reserved_unknown(
    tmp_path, monkeypatch, capsys, path, template, before, name, after
) -> None:
    script = template.format(before=before, name=name, after=after)
    found = _mig105(tmp_path, monkeypatch, capsys, path, script)
    assert "its VIP changes unless it is a reserved IP (the files do not say whether it is)" in found
