"""The readiness summary and the plan tell one story. A deployment runbook uploads its package to a storage
account it names by a parameter (`-StorageAccountName $StorageAccount`), with no disk in it; another account
holds nothing the files show. Their plan steps are NOT READY: the first's name is to be filled in, and both
come after every step that moves VMs, one of which fails (a VM with an endpoint ACL). Their rows read
"Validation passed". Now a row named by a stand-in is "Not decided", whatever kind of resource it is (a
cloud service, a reserved IP, a storage account), and an account the plan orders after failing steps says
so, as one holding a VM's disk does."""

from __future__ import annotations

import json

import pytest
from lint_support import run_cli as run

# A VM in no network whose endpoint has an ACL (MIG201: its cloud service fails), an account named by a
# value the runbook does not state, and one it names outright, neither holding a disk of the files.
RUNBOOK = """\
param([string]$StorageAccount, [string]$Service)
$acl = New-AzureAclConfig
Set-AzureAclConfig -AddRule -ACL $acl -Action Permit -RemoteSubnet 10.0.0.0/8 -Order 1
$vm = New-AzureVMConfig -Name web1 -InstanceSize Small -ImageName img -MediaLocation "https://shopdisks.blob.core.windows.net/vhds/web1.vhd"
$vm = Add-AzureProvisioningConfig -VM $vm -Windows -AdminUsername a -Password p
$vm = Add-AzureEndpoint -VM $vm -Name http -Protocol tcp -LocalPort 80 -PublicPort 80 -ACL $acl
New-AzureVM -ServiceName shop -Location "West Europe" -VMs $vm
New-AzureStorageAccount -StorageAccountName $StorageAccount -Location "West Europe"
New-AzureStorageAccount -StorageAccountName shopdeploystd -Location "West Europe"
"""

# A cloud service and a reserved IP a Python script names by values it does not state.
UNNAMED_SERVICE = """\
import sys
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk

sms = ServiceManagementService("sub", "cert.pem")
service, ip = sys.argv[1], sys.argv[2]
sms.create_reserved_ip_address(ip, location="West Europe")
config = LinuxConfigurationSet("web1", "azureuser", "p", True)
disk = OSVirtualHardDisk("img", "https://shopdisks.blob.core.windows.net/vhds/web1.vhd")
sms.create_virtual_machine_deployment(service, service, "production", "web1", "web1", config, disk)
"""


def _rows(out: str) -> dict[str, str]:
    """Each readiness row's name and verdict, a verdict on the line below its description too."""
    lines = out.split("Readiness by migration scope:")[1].split("\n\n")[0].splitlines()
    rows, last = {}, ""
    for line in lines:
        if line.startswith(" " * 8):  # the verdict of the row above, in its column
            rows[last] = line.strip()
        elif "  " in line.strip():
            description, verdict = line.strip().split("  ", 1)
            rows[description] = verdict.strip()
        last = line.strip()
    return rows


def _items(report: dict) -> dict[str, dict]:
    return {i["name"]: i for s in report["subscriptions"] for sc in s["scopes"] for i in sc["items"]}


def _steps(plan: dict) -> dict[str, dict]:
    return {step["name"]: step for s in plan["subscriptions"] for step in s["steps"]}


def test_an_upload_account_named_by_a_parameter_is_not_decided(tmp_path, monkeypatch, capsys):
    (tmp_path / "Deploy.ps1").write_text(RUNBOOK, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    rows = _rows(run(capsys, "check", ".")[1])
    [unstated] = [name for name in rows if name.startswith("<storage account name, Deploy.ps1:8")]
    assert rows[unstated] == (
        "Not decided: the files do not state which account it is; after shop, which fails"
    )
    assert rows["shopdeploystd (the files name no disk or image in it)"] == (
        "Validation passed; after shop, which fails"
    )
    steps = _steps(json.loads(run(capsys, "plan", ".", "--format", "json")[1]))
    account = steps[unstated.split(" (")[0]]
    assert account["name_unstated"] and not account["ready"]
    assert steps["shopdeploystd"]["waits_on"] and not steps["shopdeploystd"]["ready"]
    report = _items(json.loads(run(capsys, "check", ".", "--format", "report-json")[1]))
    assert report[account["name"]]["verdict"] == "Not decided: the files do not state which account it is"


@pytest.mark.parametrize("kind", ["service", "unattached"])
def test_a_service_or_reserved_ip_named_by_a_value_not_stated_is_not_decided(
    kind, tmp_path, monkeypatch, capsys
):
    (tmp_path / "deploy.py").write_text(UNNAMED_SERVICE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    plan = _steps(json.loads(run(capsys, "plan", ".", "--format", "json")[1]))
    [step] = [s for s in plan.values() if s["kind"] == kind]
    assert step["name_unstated"] and not step["blockers"] and not step["ready"]
    report = _items(json.loads(run(capsys, "check", ".", "--format", "report-json")[1]))
    assert (
        report[step["name"].split("/")[0]]["verdict"] == "Not decided: the files do not state which one it is"
    )
