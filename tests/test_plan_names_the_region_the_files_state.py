"""The plan's commands name the region where the files state it instead of `<region>`: a REST body's
`Location` (a HostedService's properties, a Create Cloud Service body) and an inventory export's `location`
of a classic VM place its cloud service (`ServiceRegion`), as a network configuration places its networks.
Step 0 checks the quotas of every such region (as Resource Manager names it: `westeurope`); the reserved IP
that keeps a VIP is created in the service's region as the classic API names it (`West Europe`), a
placeholder where only an export's Resource Manager name is known; a circuit's resource group is created in
the region of the networks linked to it."""

from __future__ import annotations

from lint_support import graph_page, graph_vm
from test_plan_commands_follow_the_migration_walkthroughs import REST, deployment

from migcheck.model import ServiceRegion
from migcheck.readers import read_document

SUB = "11111111-2222-3333-4444-555555555555"


def _located(body: str, where: str) -> str:
    """`body`, a HostedService, with its properties' `Location`."""
    properties = f"<HostedServiceProperties><Location>{where}</Location></HostedServiceProperties>"
    return body.replace("</ServiceName>", f"</ServiceName>{properties}", 1)


def _step0(plan: object) -> tuple[str, ...]:
    [subscription] = plan.subscriptions  # type: ignore[attr-defined]
    return subscription.preamble.powershell


def _service_step(plan: object, name: str) -> object:
    [step] = [s for s in plan.steps if s.name.startswith(f"{name}/")]  # type: ignore[attr-defined]
    return step


def test_a_hosted_service_body_states_its_service_s_region():
    body = _located(deployment("svc1", "vm1"), "West Europe")
    document = read_document("svc1.xml", body.encode(), explicit=True)
    assert document is not None
    [region] = [r for r in document.resources if isinstance(r, ServiceRegion)]
    assert (region.service, region.location, region.mark.line) == ("svc1", "West Europe", 1)


def test_step_0_and_the_reserved_ip_use_the_region_of_a_hosted_service_body(plan_of):
    plan = plan_of({"svc1.xml": _located(deployment("svc1", "vm1"), "West Europe")})
    assert "Get-AzVMUsage -Location 'westeurope'; Get-AzNetworkUsage -Location 'westeurope'" in _step0(plan)
    step = _service_step(plan, "svc1")
    assert "New-AzureReservedIP -ReservedIPName '<name>' -Location 'West Europe' -ServiceName 'svc1'" in (
        step.downtime
    )


def test_a_create_cloud_service_body_places_the_service_its_deployment_joins(plan_of):
    create = (
        f"<CreateHostedService {REST}><ServiceName>svc2</ServiceName><Label>c3ZjMg==</Label>"
        "<Location>North Europe</Location></CreateHostedService>\n"
    )
    plan = plan_of({"create.xml": create, "svc2.xml": deployment("svc2", "vm2")})
    assert "Get-AzVMUsage -Location 'northeurope'; Get-AzNetworkUsage -Location 'northeurope'" in _step0(plan)
    assert "-Location 'North Europe' -ServiceName 'svc2'" in _service_step(plan, "svc2").downtime


def test_an_export_s_location_is_a_region_for_the_quotas_not_for_a_classic_cmdlet(plan_of):
    vm = graph_vm(SUB, "cs1", "vm1")
    vm["location"] = "westeurope"
    rdp = {"endpointName": "RDP", "privatePort": 3389, "publicPort": 3389, "protocol": "tcp"}
    vm["properties"]["networkProfile"] = {"inputEndpoints": [rdp]}  # in no virtual network
    plan = plan_of({"inventory/classic.json": graph_page(vm)})
    assert "Get-AzVMUsage -Location 'westeurope'; Get-AzNetworkUsage -Location 'westeurope'" in _step0(plan)
    # The classic API names it West Europe: an export's Resource Manager name is no value for -Location.
    assert "-Location '<region>' -ServiceName 'cs1'" in _service_step(plan, "cs1").downtime


def test_no_region_stated_keeps_the_placeholders(plan_of):
    plan = plan_of({"svc1.xml": deployment("svc1", "vm1")})
    assert "Get-AzVMUsage -Location '<region>'; Get-AzNetworkUsage -Location '<region>'" in _step0(plan)
    assert "-Location '<region>' -ServiceName 'svc1'" in _service_step(plan, "svc1").downtime


def test_two_regions_for_one_service_keep_the_placeholder(plan_of):
    create = (
        f"<CreateHostedService {REST}><ServiceName>svc1</ServiceName><Location>North Europe</Location>"
        "</CreateHostedService>\n"
    )
    plan = plan_of({"create.xml": create, "svc1.xml": _located(deployment("svc1", "vm1"), "West Europe")})
    assert "Get-AzVMUsage -Location 'northeurope'; Get-AzNetworkUsage -Location 'northeurope'" in _step0(plan)
    assert "Get-AzVMUsage -Location 'westeurope'; Get-AzNetworkUsage -Location 'westeurope'" in _step0(plan)
    assert "-Location '<region>' -ServiceName 'svc1'" in _service_step(plan, "svc1").downtime


def test_a_template_s_field_is_no_region(plan_of):
    plan = plan_of({"svc1.xml": _located(deployment("svc1", "vm1"), "{3}")})
    assert "Get-AzVMUsage -Location '<region>'; Get-AzNetworkUsage -Location '<region>'" in _step0(plan)
    assert "-Location '<region>' -ServiceName 'svc1'" in _service_step(plan, "svc1").downtime


def test_letters_no_azure_region_is_written_in_are_no_region(plan_of):
    """Quoted, they were safe; but `Wést Éurope` or a fullwidth `WestUS` is a region no Azure has."""
    for written in ("Wést Éurope", "\uff37\uff45\uff53\uff54\uff35\uff33"):
        plan = plan_of({"svc1.xml": _located(deployment("svc1", "vm1"), written)})
        assert "Get-AzVMUsage -Location '<region>'; Get-AzNetworkUsage -Location '<region>'" in _step0(plan)
