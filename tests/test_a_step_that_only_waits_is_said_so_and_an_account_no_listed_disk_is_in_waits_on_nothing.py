"""What a step waits on, said alike in the plan and the readiness summary.

A step not ready only because steps before it are not (drawn amber in the HTML picture) is `"only_waits":
true` in the JSON plan. A storage account the files show no disk in waited on every failing step that
moves VMs, as one that may hold disks the files do not show; where the subscription's list of every disk
(a Get-AzureDisk export, the API's `Disks` list) is among the files, it holds none: it migrates in the first
wave, after nothing. A network linked to an ExpressRoute circuit that is not ready waits on the circuit's
step, and its row says so, as a storage account's row names the network it waits on."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, run_cli
from test_the_plan_says_up_front_how_many_steps_are_ready_and_where_to_start import (
    ER_NETWORK,
    NETWORK_BEFORE_CIRCUIT,
)

# A VM whose endpoint has an ACL (MIG201: its cloud service fails), its disk in shopdisks, and an account
# no file places a disk in.
RUNBOOK = """\
$acl = New-AzureAclConfig
Set-AzureAclConfig -AddRule -ACL $acl -Action Permit -RemoteSubnet 10.0.0.0/8 -Order 1
$vm = New-AzureVMConfig -Name web1 -InstanceSize Small -DiskName web1-os
$vm = Add-AzureEndpoint -VM $vm -Name http -Protocol tcp -LocalPort 80 -PublicPort 80 -ACL $acl
New-AzureVM -ServiceName shop -Location "West Europe" -VMs $vm
New-AzureStorageAccount -StorageAccountName shopdeploystd -Location "West Europe"
"""

# The subscription's disks, as `Get-AzureDisk | ConvertTo-Json` exports them and as the API lists them.
DISK_EXPORT = """\
[
  {
    "AttachedTo": {"HostedServiceName": "shop", "DeploymentName": "shop", "RoleName": "web1"},
    "MediaLink": "https://shopdisks.blob.core.windows.net/vhds/web1.vhd",
    "DiskName": "web1-os",
    "OS": "Windows",
    "OperationDescription": "Get-AzureDisk"
  }
]
"""
DISKS_BODY = """\
<Disks xmlns="http://schemas.microsoft.com/windowsazure">
  <Disk>
    <AttachedTo><DeploymentName>shop</DeploymentName><HostedServiceName>shop</HostedServiceName>
      <RoleName>web1</RoleName></AttachedTo>
    <OS>Windows</OS>
    <MediaLink>https://shopdisks.blob.core.windows.net/vhds/web1.vhd</MediaLink>
    <Name>web1-os</Name>
  </Disk>
</Disks>
"""
DISK_LISTS = {"disks.json": DISK_EXPORT, "disks.xml": DISKS_BODY}

# A second VM the runbook creates from an image, its disk in the current storage account, which no file
# states: that may be the account the files show no disk in.
UNSTATED_DISK = """\
$vm2 = New-AzureVMConfig -Name web2 -InstanceSize Small -ImageName img
New-AzureVM -ServiceName shop2 -Location "West Europe" -VMs $vm2
"""


def _rows(capsys) -> dict[str, str]:
    """Each readiness row's name and verdict."""
    out = run_cli(capsys, "check", ".")[1]
    lines = out.split("Readiness by migration scope:")[1].split("\n\n")[0].splitlines()
    rows, last = {}, ""
    for line in lines:
        if line.startswith(" " * 8):  # the verdict of the row above, in its column
            rows[last] = line.strip()
        elif "  " in line.strip():
            description, verdict = line.strip().split("  ", 1)
            rows[description.split(" (")[0]] = verdict.strip()
        last = line.strip().split(" (")[0]
    return rows


def _steps(capsys) -> dict[str, dict]:
    plan = json.loads(run_cli(capsys, "plan", ".", "--format", "json")[1])
    return {step["name"]: step for s in plan["subscriptions"] for step in s["steps"]}


def test_a_step_that_only_waits_on_a_failing_step_says_so_in_the_json_plan(tmp_path, monkeypatch, capsys):
    lint_files(tmp_path, monkeypatch, {"Deploy.ps1": RUNBOOK}, dedent=False)
    steps = _steps(capsys)
    account, service = steps["shopdeploystd"], steps["shop/shop"]
    assert account["waits_on"] == [service["id"]] and account["only_waits"] is True
    assert service["blockers"] and service["only_waits"] is False
    # The disk's account, which no file states, waits on the service too, and has its name to fill in.
    [disks] = [s for s in steps.values() if s["name"].startswith("<storage account of disk web1-os")]
    assert disks["waits_on"] == [service["id"]] and disks["only_waits"] is False


def test_a_circuit_with_its_key_to_fill_in_does_not_only_wait_and_its_network_does(
    tmp_path, monkeypatch, capsys
):
    lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": ER_NETWORK}, dedent=False)
    steps = _steps(capsys)
    [circuit] = [s for s in steps.values() if s["kind"] == "circuit"]
    assert not circuit["ready"] and circuit["only_waits"] is False
    assert steps["corp"]["waits_on"] == [circuit["id"]] and steps["corp"]["only_waits"] is True


@pytest.mark.parametrize("listed", DISK_LISTS)
def test_an_account_no_disk_of_the_subscriptions_list_is_in_waits_on_no_vm(
    listed, tmp_path, monkeypatch, capsys
):
    lint_files(tmp_path, monkeypatch, {"Deploy.ps1": RUNBOOK, listed: DISK_LISTS[listed]}, dedent=False)
    assert _rows(capsys)["shopdeploystd"] == "Validation passed"
    step = _steps(capsys)["shopdeploystd"]
    assert step["ready"] and step["wave"] == 1 and step["after"] == []
    assert f"the subscription's list of disks, {listed}:" in step["downtime"]


@pytest.mark.parametrize("listed", DISK_LISTS)
def test_an_account_a_created_vms_disk_may_be_in_still_waits(listed, tmp_path, monkeypatch, capsys):
    files = {"Deploy.ps1": RUNBOOK + UNSTATED_DISK, listed: DISK_LISTS[listed]}
    lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert _rows(capsys)["shopdeploystd"] == "Validation passed; after shop, which fails"
    step = _steps(capsys)["shopdeploystd"]
    assert not step["ready"] and step["only_waits"] and step["wave"] > 1


def test_a_network_row_names_the_circuit_it_waits_on(tmp_path, monkeypatch, capsys):
    lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": ER_NETWORK}, dedent=False)
    assert _rows(capsys)["corp"] == (
        "Validation passed with 1 warning (checked only at Prepare); "
        "after <circuit linked to corp>, which is not decided"
    )


def test_a_network_whose_circuit_is_ready_waits_on_nothing(tmp_path, monkeypatch, capsys):
    files = {"NetworkConfig.netcfg": ER_NETWORK, "link.ps1": NETWORK_BEFORE_CIRCUIT.splitlines()[0] + "\n"}
    lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert "after" not in _rows(capsys)["corp"]
    assert _steps(capsys)["corp"]["ready"]
