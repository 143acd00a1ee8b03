"""`azure service create shop` makes an empty cloud service: a `vm create --connect shop` (`-c`) the script
runs after it, whenever the service creation ran (next to it, in the same arm of an `if`, in a loop after
it), makes the service's deployment rather than joining one that may exist, as `New-AzureService` then
`New-AzureVM -ServiceName` does in PowerShell and `create_hosted_service` then
`create_virtual_machine_deployment` in Python: the service is decided (in no virtual network, or in the one
`-w` names), its step is ready, and the plan gives only the commands for where it is. It read as a service
that may already have VMs in a network the files do not state: "Not decided", NOT READY, and commands both
ways. A service the script may not have created (in an `if` the VM is not in, or after the VM) stays not
decided."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

from migcheck.engine import LintResult
from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan
from migcheck.report.readiness import ScopeItem, Verdict, readiness

LOCATION = '--location "South Central US"'

MAKES_THE_DEPLOYMENT = {
    "next to it": f"azure service create {LOCATION} shop\nazure vm create --connect shop {LOCATION} img user\n",
    "short option": f"azure service create shop {LOCATION}\nazure vm create -c shop img user -n web1 -e 22\n",
    # The shape of a launch script: both in the arm its first argument chooses, more VMs in a loop after.
    "in one arm, with a loop after": f"""\
        if [ "$1" == launch ]; then
          service_name=$2
          azure service create {LOCATION} $service_name
          azure vm create --connect $service_name {LOCATION} --ssh 22 img user
          for i in $(seq 1 $3); do
            azure vm create --connect $service_name {LOCATION} --ssh $((40 + i)) -n "slave$i" img user
          done
        fi
        """,
}

PYTHON_RUNS_THE_CLI = """\
import subprocess, sys
svc = sys.argv[1]
subprocess.check_call(["azure", "service", "create", "--location", "South Central US", svc])
subprocess.check_call(["azure", "vm", "create", "--connect", svc, "img", "user"])
"""

TWINS = {
    "deploy.ps1": """\
        New-AzureService -ServiceName shop -Location 'South Central US'
        $vm = New-AzureVMConfig -Name web1 -InstanceSize Small -ImageName img |
          Add-AzureProvisioningConfig -Linux -LinuxUser u -Password p
        New-AzureVM -ServiceName shop -VMs $vm
        """,
    "deploy.py": """\
        from azure.servicemanagement import ServiceManagementService
        sms = ServiceManagementService('s', 'c.pem')
        sms.create_hosted_service('shop', 'shop', location='South Central US')
        sms.create_virtual_machine_deployment('shop', 'shop', 'production', 'shop', 'web1', None, None)
        """,
}

MAY_JOIN = {
    "service made in an if the vm is not in": f"""\
        if [ -n "$NEW" ]; then
          azure service create {LOCATION} shop
        fi
        azure vm create --connect shop img user
        """,
    "service made after the vm": f"azure vm create -c shop img user\nazure service create shop {LOCATION}\n",
    "another service made": f"azure service create {LOCATION} other\nazure vm create -c shop img user\n",
}


def _service(result: LintResult) -> ScopeItem:
    (summary,) = readiness(result)
    (item,) = [i for i in summary.items if i.type == "CloudService"]
    return item


def _step(result: LintResult) -> dict:
    data = json.loads(render_plan(build_plan(result), "json"))
    (step,) = [s for sub in data["subscriptions"] for s in sub["steps"] if s["kind"] != "storage"]
    return step


def _decided_in_no_network(result: LintResult) -> None:
    item = _service(result)
    # Named by a value the script does not state, it waits for its name alone: no VM is left undescribed.
    decided = (Verdict.PASSED, Verdict.WARNINGS, Verdict.NAME_NOT_STATED)
    assert item.verdict in decided, item.verdict
    plan = render_plan(build_plan(result), "text")
    assert "VMs not in a virtual network" in plan
    assert "Move-AzureVirtualNetwork" not in plan
    assert "may not hold every VM" not in plan
    assert "partly_described" not in _step(result)


@pytest.mark.parametrize("script", MAKES_THE_DEPLOYMENT)
def test_a_vm_connected_to_the_service_the_script_made_makes_its_deployment(tmp_path, monkeypatch, script):
    result = lint_files(tmp_path, monkeypatch, {"launch.sh": MAKES_THE_DEPLOYMENT[script]})
    _decided_in_no_network(result)
    if "$" not in MAKES_THE_DEPLOYMENT[script]:  # a service the script names: nothing to fill in
        assert _step(result)["ready"] is True


def test_a_python_script_running_the_cli_so_is_decided_too(tmp_path, monkeypatch):
    _decided_in_no_network(lint_files(tmp_path, monkeypatch, {"launch.py": PYTHON_RUNS_THE_CLI}))


@pytest.mark.parametrize("twin", TWINS)
def test_as_its_powershell_and_sdk_twins_are(tmp_path, monkeypatch, twin):
    result = lint_files(tmp_path, monkeypatch, {twin: TWINS[twin]})
    _decided_in_no_network(result)
    assert _step(result)["ready"] is True


def test_a_connected_vm_that_names_a_network_puts_the_deployment_in_it(tmp_path, monkeypatch):
    script = f"azure service create {LOCATION} shop\nazure vm create -c shop img user -w app-vnet -b web\n"
    result = lint_files(tmp_path, monkeypatch, {"launch.sh": script})
    (summary,) = readiness(result)
    accounts = ("File", "StorageAccount")  # the CLI picks the account of its disks: not the network's
    assert [(i.type, i.name) for i in summary.items if i.type not in accounts] == [
        ("VirtualNetwork", "app-vnet")
    ]
    assert "may not hold every VM" not in render_plan(build_plan(result), "text")


@pytest.mark.parametrize("script", MAY_JOIN)
def test_a_service_the_script_may_not_have_made_empty_is_still_not_decided(tmp_path, monkeypatch, script):
    result = lint_files(tmp_path, monkeypatch, {"launch.sh": MAY_JOIN[script]})
    item = [i for i in readiness(result)[0].items if i.type == "CloudService" and i.name == "shop"]
    assert [i.verdict for i in item] == [Verdict.NOT_DECIDED]
    assert _step(result)["partly_described"] is True
