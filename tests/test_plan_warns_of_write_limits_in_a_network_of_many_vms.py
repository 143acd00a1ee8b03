"""A network of more than 400 VMs: the planning guidance warns that a migration that large may hit Resource
Manager's limits on writes in the subscription. Its step says so, and what to do before Prepare, without
quoting the limit of 2020 as today's."""

from __future__ import annotations

from migcheck.plan import Plan, Step, StepKind

NOTE = (
    "This network holds {vms} VMs: with more than 400 VMs in one network, its migration may hit Resource "
    "Manager's limits on writes in the subscription. Before Prepare, check the subscription's current write "
    "limits, keep other writes to the subscription (other steps' Prepare, deployments, scripts) out of the "
    "hours it runs, and ask Azure support to raise the limits if they are short."
)


def deployment(service: int, vms: int) -> str:
    roles = "".join(
        f"<Role><RoleName>s{service}vm{n:02}</RoleName><RoleType>PersistentVMRole</RoleType>"
        "<ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>"
        "<SubnetNames><SubnetName>FrontEnd</SubnetName></SubnetNames></ConfigurationSet></ConfigurationSets>"
        "</Role>"
        for n in range(vms)
    )
    return (
        '<Deployment xmlns="http://schemas.microsoft.com/windowsazure">'
        f"<Name>svc{service}</Name><Url>http://svc{service}.cloudapp.net/</Url><RoleList>{roles}</RoleList>"
        "<VirtualNetworkName>vnet1</VirtualNetworkName></Deployment>"
    )


def estate(*sizes: int) -> dict[str, str]:
    """One deployment body per size, all in `vnet1`."""
    return {f"svc{n}.xml": deployment(n, size) for n, size in enumerate(sizes)}


def network_step(plan: Plan) -> Step:
    (step,) = [s for s in plan.steps if s.kind is StepKind.NETWORK]
    return step


def test_a_network_of_more_than_400_vms_notes_the_write_limits(plan_of):
    step = network_step(plan_of(estate(45, 45, 45, 45, 45, 45, 45, 45, 45)))
    assert NOTE.format(vms=405) in step.notes
    assert not any("1200" in note or "1,200" in note for note in step.notes)


def test_400_vms_are_not_more_than_400(plan_of):
    step = network_step(plan_of(estate(50, 50, 50, 50, 50, 50, 50, 50)))
    assert not any("limits on writes" in note for note in step.notes)
