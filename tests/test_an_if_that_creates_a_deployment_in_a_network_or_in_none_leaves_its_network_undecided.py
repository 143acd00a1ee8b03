"""A script whose `if` creates a cloud service's deployment in a virtual network it takes as a parameter
and whose `else` creates it with no network (`if ($VNetName) { New-AzureVM -VNetName $VNetName ... } else {
New-AzureVM ... }`, the same in the classic CLI and the Python SDK) puts it in that network or in none, and
the files do not say which path runs. Neither path is kept alone: the network is not decided, the VM's lack
of a subnet and its move out of no network are each said to hold on their path (MIG203 and MIG105
warnings), and the plan step says both ways to move it. New-AzureVM without -Location counts as well: on
that path the service has its deployment made in none, or joined, in a network no file states."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, run_cli, where

from migcheck.model import Severity

PS_VM = """\
param([string]$VNetName)
$vm = New-AzureVMConfig -Name web1 -InstanceSize Small -ImageName img |
    Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password p
"""
PS_IN_NET = "New-AzureVM -ServiceName svc1 {location}-VNetName $VNetName -VMs $vm"
PS_IN_NONE = "New-AzureVM -ServiceName svc1 {location}-VMs $vm"

SH_HEAD = '#!/bin/bash\nVNET="$1"\n'
SH_IN_NET = 'azure vm create svc1 img ops Passw0rd --vm-name web1 {location}--virtual-network-name "$VNET"'
SH_IN_NONE = "azure vm create svc1 img ops Passw0rd --vm-name web1 {location}"

PY_HEAD = """\
import sys
from azure.servicemanagement import LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService

sms = ServiceManagementService(sys.argv[1], sys.argv[2])
vnet = sys.argv[3] if len(sys.argv) > 3 else None
config = LinuxConfigurationSet("web1", "ops", "Passw0rd", True)
disk = OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/web1.vhd")
"""
PY_CREATE = (
    'sms.create_virtual_machine_deployment("svc1", "svc1", "production", "svc1", "web1", config, disk{})'
)


def _powershell(location: str, network_first: bool = True) -> str:
    net, none = (form.format(location=location) for form in (PS_IN_NET, PS_IN_NONE))
    first, second = (net, none) if network_first else (none, net)
    test = "$VNetName" if network_first else "-not $VNetName"
    return PS_VM + f"if ({test}) {{ {first} }}\nelse {{ {second} }}\n"


def _shell(location: str, network_first: bool = True) -> str:
    net, none = (form.format(location=location) for form in (SH_IN_NET, SH_IN_NONE))
    first, second = (net, none) if network_first else (none, net)
    test = "-n" if network_first else "-z"
    return SH_HEAD + f'if [ {test} "$VNET" ]; then\n  {first}\nelse\n  {second}\nfi\n'


def _python(network_first: bool = True) -> str:
    net, none = PY_CREATE.format(", virtual_network_name=vnet"), PY_CREATE.format("")
    first, second = (net, none) if network_first else (none, net)
    return PY_HEAD + f"if vnet:\n    {first}\nelse:\n    {second}\n"


def _in_a_function(script: str) -> str:
    """The script's `if` in a function nothing in the file calls, read once for all its calls."""
    body = script.replace("param([string]$VNetName)\n", "")
    return "function New-Web {\n    param([string]$VNetName)\n" + body + "}\n"


def _in_a_runbook(script: str) -> str:
    """The script's `if` in a workflow's InlineScript, given the workflow's parameter by `$Using:`."""
    body = script.replace("param([string]$VNetName)\n", "").replace("$VNetName", "$Using:VNetName")
    return "workflow New-Web {\n    param([string]$VNetName)\n    InlineScript {\n" + body + "    }\n}\n"


SCRIPTS = {
    "powershell, in a function nothing calls": ("deploy.ps1", _in_a_function(_powershell(""))),
    "powershell, in a runbook's InlineScript": ("deploy.ps1", _in_a_runbook(_powershell(""))),
    "powershell, no -Location": ("deploy.ps1", _powershell("")),
    "powershell, no -Location, none first": ("deploy.ps1", _powershell("", network_first=False)),
    "powershell, -Location": ("deploy.ps1", _powershell('-Location "West US" ')),
    "classic CLI, no --location": ("deploy.sh", _shell("")),
    "classic CLI, none first": ("deploy.sh", _shell("", network_first=False)),
    "classic CLI, --location": ("deploy.sh", _shell('--location "West US" ')),
    "python": ("deploy.py", _python()),
    "python, none first": ("deploy.py", _python(network_first=False)),
}


@pytest.mark.parametrize("case", sorted(SCRIPTS))
def test_each_path_s_finding_says_it_holds_on_that_path_only(tmp_path, monkeypatch, case):
    name, script = SCRIPTS[case]
    findings = lint_files(tmp_path, monkeypatch, {name: script}, "MIG105", "MIG203", dedent=False).findings
    assert sorted(f.code for f in findings) == ["MIG105", "MIG203"]
    assert all(f.severity is Severity.WARNING for f in findings)
    by_code = {f.code: f.message for f in findings}
    assert "may be in no virtual network" in by_code["MIG105"]
    assert "may be in a virtual network" in by_code["MIG203"]


@pytest.mark.parametrize("case", sorted(SCRIPTS))
def test_the_plan_step_says_both_ways_to_move_it(tmp_path, monkeypatch, capsys, case):
    name, script = SCRIPTS[case]
    (tmp_path / name).write_text(script)
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    steps = json.loads(out)["subscriptions"][0]["steps"]
    [step] = [step for step in steps if step["kind"] != "storage"]  # Python's disk names its account
    assert step["kind"] == "unknown_network" and step["network_unknown"] is True
    commands = json.dumps(step)
    assert "Move-AzureService" in commands and "Move-AzureVirtualNetwork" in commands


def test_the_mig105_is_at_the_call_with_no_network(tmp_path, monkeypatch):
    files = {"deploy.ps1": _powershell("")}
    findings = lint_files(tmp_path, monkeypatch, files, "MIG105", dedent=False).findings
    assert where(findings) == ["MIG105 deploy.ps1:5:8"]  # the else branch's New-AzureVM
