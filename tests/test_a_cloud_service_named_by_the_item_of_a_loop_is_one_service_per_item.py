"""A script that creates a VM in each turn of a loop over a list the files do not hold, in a cloud service
the loop's item names (`foreach ($vm in $vmList) { New-AzureQuickVM -ServiceName $vm.vmName -Name
$vm.vmName … }`, `for n in $NAMES; do azure vm create "$n" …; done`, Python's `for row in csv.reader(f):
….create_virtual_machine_deployment(row[0], …)`), creates one cloud service per item. The readiness summary
showed one service holding "1 or more VMs" and the plan one service to move; both now say the services of
the loop, one per item, each with its VM, and the plan's step says it stands for each. A service named by a
value from outside the loop is one service, as before."""

from __future__ import annotations

import pytest
from lint_support import run_cli, script_resources

from migcheck.model import Deployment

POWERSHELL = """\
param([string] $Single)
$vmList = Import-Csv .\\virtualMachines.csv
foreach ($vm in $vmList) {
    New-AzureQuickVM -Windows -ServiceName {service} -Name $vm.vmName -ImageName img -Location "North Europe"
}
"""
SHELL = """\
SINGLE=$1
for n in $NAMES; do
  azure vm create {service} img user pass -n "$n" -l "North Europe"
done
"""
PYTHON = """\
import csv
import sys
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk

sms = ServiceManagementService(sys.argv[1], 'c.pem')
single = sys.argv[3]
with open(sys.argv[2]) as f:
    for row in csv.reader(f):
        sms.create_virtual_machine_deployment({service}, {service}, 'production', row[0], row[0],
            LinuxConfigurationSet(row[0], 'u', 'p'), OSVirtualHardDisk('img', 'http://a.blob.core.windows.net/v/x.vhd'))
"""
CASES = [
    ("deploy.ps1", POWERSHELL, "$vm.vmName", "$Single", "$vmList"),
    ("deploy.sh", SHELL, '"$n"', '"$SINGLE"', "$NAMES"),
    ("deploy.py", PYTHON, "row[0]", "single", "csv.reader(f)"),
]


def _looped(text: str, path: str) -> list[str]:
    return [d.service_looped_over for d in script_resources(text, path) if isinstance(d, Deployment)]


@pytest.mark.parametrize(("path", "script", "item", "outside", "listed"), CASES)
def test_a_service_named_by_the_loop_s_item_stands_for_one_service_per_item(
    path: str, script: str, item: str, outside: str, listed: str
) -> None:
    assert _looped(script.replace("{service}", item), path) == [listed]


@pytest.mark.parametrize(("path", "script", "item", "outside", "listed"), CASES)
def test_a_service_named_by_a_value_from_outside_the_loop_is_one_service(
    path: str, script: str, item: str, outside: str, listed: str
) -> None:
    assert _looped(script.replace("{service}", outside), path) == [""]


@pytest.mark.parametrize(("path", "script", "item", "outside", "listed"), CASES)
def test_the_summary_and_the_plan_say_the_loop_makes_one_service_per_item(
    tmp_path, monkeypatch, capsys, path: str, script: str, item: str, outside: str, listed: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / path).write_text(script.replace("{service}", item))
    _, out, _ = run_cli(capsys, "check", ".")
    line = {"deploy.ps1": 4, "deploy.sh": 3, "deploy.py": 9}[path]
    services = (
        f"cloud services created in a loop over {listed} (<cloud service name, {path}:{line}>, 1 or more)"
    )
    assert f"{services}, each with 1 VM" in out
    _, out, _ = run_cli(capsys, "plan", ".")
    assert f"moves: {services}, each with its VMs: VMs <VM name, {path}:{line}>" in out
    assert "note: One step for each: the script creates a cloud service in each round of its loop over" in out
    assert (
        f"Take this step once for each of them, with its name in place of '<cloud service name, {path}:{line}>'"
        in out
    )
