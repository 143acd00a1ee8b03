"""What Prepare does to each VM of a deployment in no virtual network, by the state a file states for it:
a running VM is stopped, deallocated and started again; one stopped and not deallocated (`StoppedVM`) is
deallocated and not started; one stopped (deallocated) already moves as it is. A VM whose state no file
states is taken to run, as a script's VMs do once made."""

from __future__ import annotations

from migcheck.estate import Placement, link
from migcheck.readers import read_document
from migcheck.rules.virtual_machines import prepare_downtime, prepare_fates, prepare_moves


def _placement(*states: str) -> Placement:
    """A REST deployment in no virtual network with one VM per state, `vm<n>` ("" writes no state)."""
    roles = "".join(
        f"<Role><RoleName>vm{n}</RoleName><RoleType>PersistentVMRole</RoleType></Role>"
        for n in range(len(states))
    )
    instances = "".join(
        f"<RoleInstance><RoleName>vm{n}</RoleName><InstanceName>vm{n}</InstanceName>"
        f"<InstanceStatus>{state}</InstanceStatus></RoleInstance>"
        for n, state in enumerate(states)
        if state
    )
    body = (
        '<Deployment xmlns="http://schemas.microsoft.com/windowsazure"><Name>svc</Name>'
        f"<RoleInstanceList>{instances}</RoleInstanceList><RoleList>{roles}</RoleList></Deployment>"
    )
    document = read_document("svc.deployment.xml", body.encode(), explicit=True)
    assert document is not None
    (estate,) = link([document])
    (service,) = estate.cloud_services
    (placement,) = service.placements
    return placement


def test_a_stopped_vm_is_deallocated_and_not_started():
    placement = _placement("StoppedVM")
    assert prepare_fates(placement) == ([], ["vm0"], [])
    said = prepare_moves(placement)
    assert said == "deallocates 'vm0', stopped, without starting it; the VM's internal IP address changes"
    assert "restart" not in said
    downtime = prepare_downtime(placement)
    assert downtime.startswith("'vm0', stopped, is deallocated during Prepare and not started")
    assert "started again" not in downtime


def test_the_portals_stopped_is_stopped_and_not_deallocated():
    assert prepare_fates(_placement("Stopped")) == ([], ["vm0"], [])


def test_each_vm_is_said_by_its_own_state():
    placement = _placement("ReadyRole", "StoppedVM", "StoppedDeallocated", "")
    assert prepare_fates(placement) == (["vm0", "vm3"], ["vm1"], ["vm2"])
    assert prepare_moves(placement) == (
        "stops, deallocates and restarts 'vm0', 'vm3'; deallocates 'vm1', stopped, without starting it; "
        "moves 'vm2', stopped (deallocated) already, into one; the VMs' internal IP addresses change"
    )
    assert prepare_downtime(placement) == (
        "'vm0', 'vm3' are stopped, deallocated and started again during Prepare; 'vm1', stopped, is "
        "deallocated during Prepare and not started; 'vm2', stopped (deallocated) already, moves so: start in "
        "Resource Manager after Commit those that should run; their private addresses change."
    )


def test_running_vms_and_vms_whose_state_no_file_states_are_restarted_as_before():
    placement = _placement("ReadyRole", "")
    assert (
        prepare_moves(placement)
        == "stops, deallocates and restarts 'vm0', 'vm1', whose internal IP addresses change"
    )
    assert prepare_downtime(placement).startswith("Running VMs are stopped, deallocated and started again")


def test_vms_all_deallocated_move_as_they_are_as_before():
    placement = _placement("StoppedDeallocated", "StoppedDeallocated")
    assert prepare_moves(placement).startswith("moves 'vm0', 'vm1', stopped (deallocated), into one")
    assert prepare_downtime(placement).startswith("The VMs are stopped (deallocated) already and move so")
