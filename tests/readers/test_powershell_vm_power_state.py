"""Stop-AzureVM, Start-AzureVM and Restart-AzureVM after a VM's creation that surely run leave the VM in
their state, as a REST body's InstanceStatus says it: Stop-AzureVM deallocates it (StoppedDeallocated),
with -StayProvisioned it stays allocated (StoppedVM), a start or restart runs it again."""

from __future__ import annotations

import textwrap

from migcheck.model import Deployment
from migcheck.readers.powershell import read

CREATE = """\
New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img | Add-AzureProvisioningConfig -Windows -AdminUsername a -Password p | New-AzureVM -ServiceName svc1 -Location "West US"
New-AzureVMConfig -Name vm2 -InstanceSize Small -ImageName img | Add-AzureProvisioningConfig -Windows -AdminUsername a -Password p | New-AzureVM -ServiceName svc1
"""


def _states(text: str) -> dict[str, str]:
    document = read("deploy.ps1", (CREATE + textwrap.dedent(text)).encode())
    assert document.problem is None
    deployment = next(r for r in document.resources if isinstance(r, Deployment))
    return {instance.name: instance.status for instance in deployment.instances}


def test_a_stop_deallocates_and_one_given_stay_provisioned_keeps_the_vm_allocated():
    states = _states(
        """\
        Stop-AzureVM -ServiceName svc1 -Name vm1 -Force
        Stop-AzureVM svc1 vm2 -StayProvisioned
        """
    )
    assert states == {"vm1": "StoppedDeallocated", "vm2": "StoppedVM"}


def test_a_start_or_restart_after_a_stop_runs_the_vm_again():
    states = _states(
        """\
        Stop-AzureVM -ServiceName svc1 -Name vm1, vm2 -Force
        Start-AzureVM -ServiceName svc1 -Name vm1
        Restart-AzureVM -ServiceName svc1 -Name vm2
        """
    )
    assert states == {}


def test_a_wildcard_or_a_vm_piped_in_names_the_vms_it_matches():
    assert _states("Stop-AzureVM -ServiceName svc1 -Name * -StayProvisioned\n") == {
        "vm1": "StoppedVM",
        "vm2": "StoppedVM",
    }
    assert _states("Get-AzureVM -ServiceName svc1 -Name vm2 | Stop-AzureVM -Force\n") == {
        "vm2": "StoppedDeallocated"
    }


def test_a_stop_that_may_not_run_or_names_a_vm_the_script_does_not_state_changes_nothing():
    states = _states(
        """\
        if ($env:STOP) { Stop-AzureVM -ServiceName svc1 -Name vm1 -Force }
        Stop-AzureVM -ServiceName svc1 -Name $env:VM_NAME -Force
        """
    )
    assert states == {}


def test_a_start_that_may_not_run_leaves_the_state_unknown_so_running():
    states = _states(
        """\
        Stop-AzureVM -ServiceName svc1 -Name vm1 -Force
        if ($env:START) { Start-AzureVM -ServiceName svc1 -Name vm1 }
        """
    )
    assert states == {}
