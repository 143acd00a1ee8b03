"""One deployment that a script describes on two branches, or in two calls, under one name it does not
state: `add_role(**record)` if the deployment exists, else `create_virtual_machine_deployment(**record)`.

The name is a stand-in for where the script writes the value (`<deployment name, vm.py:8>`), so both calls
name one deployment: its cloud service migrates once, in one step, under one scope of the summary. Where
either call may be the one that runs, the deployment's network is what both say: adding to a deployment
that exists states none, so it is not known, and since the other call creates it in none, its VMs may be in
none (MIG105 says so where that call is), as the PowerShell reader says of New-AzureVM without and with
-Location. Where the creation surely runs first, the call after it adds VMs to what it created."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.plan import StepKind, build_plan
from migcheck.report.readiness import readiness

HEAD = """\
import sys
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService(sys.argv[1], sys.argv[2])
service = sys.argv[3]
record = {
    'service_name': service,
    'deployment_name': service,
    'role_name': 'web01',
    'system_config': None,
    'os_virtual_hard_disk': None,
}
"""

ADDED_OR_CREATED = (
    HEAD
    + """\
if sms.get_hosted_service_properties(service, embed_detail=True).deployments:
    sms.add_role(**record)
else:
    sms.create_virtual_machine_deployment(deployment_slot='production', label=service, **record)
"""
)

# The same choice in a method that may run more than once: the reader does not tell its branches apart.
ADDED_OR_CREATED_IN_A_METHOD = """\
from azure.servicemanagement import ServiceManagementService


class Instance:
    def __init__(self, subscription, certificate):
        self.service = ServiceManagementService(subscription, certificate)

    def create_instance(self, cloud_service_name, host_name, deployment_exists):
        record = {
            'deployment_name': cloud_service_name,
            'service_name': cloud_service_name,
            'role_name': host_name,
            'system_config': None,
            'os_virtual_hard_disk': None,
        }
        if deployment_exists:
            self.service.add_role(**record)
        else:
            record['deployment_slot'] = 'production'
            self.service.create_virtual_machine_deployment(label=cloud_service_name, **record)
"""

NEW_OR_EXISTING_SERVICE_PS1 = """\
param($ServiceName, $Exists)
$vm = New-AzureVMConfig -Name 'web01' -InstanceSize Small -ImageName 'img'
if ($Exists) {
    New-AzureVM -ServiceName $ServiceName -VMs $vm
} else {
    New-AzureVM -ServiceName $ServiceName -Location 'West Europe' -VMs $vm
}
"""


def _only_placement(result):
    (service,) = result.estate.cloud_services
    (placement,) = service.placements
    return service, placement


@pytest.mark.parametrize("script", [ADDED_OR_CREATED, ADDED_OR_CREATED_IN_A_METHOD], ids=["if", "method"])
def test_adding_to_a_deployment_or_creating_it_is_one_deployment_whose_network_is_not_known(
    tmp_path, monkeypatch, script
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"vm.py": script}, dedent=False)
    _, placement = _only_placement(result)
    assert not placement.network_known and placement.virtual_network is None
    (vm,) = placement.vms
    created_at = script.count("\n", 0, script.index("create_virtual_machine_deployment")) + 1
    assert vm.name == "web01" or vm.name.startswith("<VM name")
    assert vm.absent_on_some_path("virtual_network").line == created_at
    assert not result.estate.conflicts
    (step,) = build_plan(result).subscriptions[0].steps
    assert step.kind is StepKind.UNKNOWN_NETWORK
    (mig105,) = [f for f in result.findings if f.code == "MIG105"]
    assert "may be in no virtual network" in mig105.message
    assert mig105.location.line == created_at


def test_the_powershell_form_reads_alike(tmp_path, monkeypatch) -> None:
    python = lint_files(tmp_path / "py", monkeypatch, {"vm.py": ADDED_OR_CREATED}, dedent=False)
    powershell = lint_files(
        tmp_path / "ps", monkeypatch, {"vm.ps1": NEW_OR_EXISTING_SERVICE_PS1}, dedent=False
    )
    read = []
    for result in (python, powershell):
        _, placement = _only_placement(result)
        (vm,) = placement.vms
        (mig105,) = [f for f in result.findings if f.code == "MIG105"]
        read.append(
            (
                placement.network_known,
                placement.virtual_network,
                vm.name,
                vm.absent_on_some_path("virtual_network") is not None,
                mig105.message.split(">' ", 1)[1].split(":")[0],
            )
        )
    assert read[0] == read[1] == (False, None, "web01", True, "may be in no virtual network")


def test_the_readiness_summary_lists_the_service_once(tmp_path, monkeypatch) -> None:
    result = lint_files(tmp_path, monkeypatch, {"vm.py": ADDED_OR_CREATED}, dedent=False)
    (subscription,) = readiness(result)
    listed = [item for scope in subscription.scopes for item in scope.items if item.type == "CloudService"]
    assert len(listed) == 1


def test_a_creation_that_surely_runs_first_says_the_network_of_the_vms_added_after(
    tmp_path, monkeypatch
) -> None:
    script = HEAD + (
        "sms.create_virtual_machine_deployment(deployment_slot='production', label=service, **record)\n"
        "record['role_name'] = 'web02'\n"
        "sms.add_role(**record)\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"vm.py": script}, dedent=False)
    _, placement = _only_placement(result)
    assert placement.network_known and placement.virtual_network is None
    assert [vm.name for vm in placement.vms] == ["web01", "web02"]
    assert not any(vm.absent_on_some_paths for vm in placement.vms)
    (mig105,) = [f for f in result.findings if f.code == "MIG105"]
    assert "is in no virtual network" in mig105.message


def test_creations_on_two_branches_keep_the_network_one_names(tmp_path, monkeypatch) -> None:
    script = HEAD + (
        "if len(sys.argv) > 4:\n"
        "    sms.create_virtual_machine_deployment(\n"
        "        deployment_slot='production', label=service, virtual_network_name='prod-vnet', **record\n"
        "    )\n"
        "else:\n"
        "    sms.create_virtual_machine_deployment(deployment_slot='production', label=service, **record)\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"vm.py": script}, dedent=False)
    _, placement = _only_placement(result)
    assert placement.network_known and placement.virtual_network.name == "prod-vnet"
    (vm,) = placement.vms
    assert vm.absent_on_some_path("virtual_network").line == script.count("\n")
    assert not result.estate.conflicts


def test_deployments_of_one_stand_in_in_two_files_stay_apart(tmp_path, monkeypatch) -> None:
    result = lint_files(
        tmp_path, monkeypatch, {"a/vm.py": ADDED_OR_CREATED, "b/vm.py": ADDED_OR_CREATED}, dedent=False
    )
    assert len(result.estate.cloud_services) == 2
