"""`migcheck plan`: the step of a virtual network says what the VIP of each cloud service of VMs in it
becomes, as the step of a deployment in no network does: a public IP address on the deployment's load
balancer, with the cloud service's name as its DNS name (deep dive: "The cloud service name becomes a DNS
name that is associated with the public IP address"; "The virtual IP address becomes a public IP address,
and is associated with the load balancer"). Not for a deployment whose VMs have no input endpoint ("A
virtual IP can only be migrated if there is an input endpoint assigned to it"), nor for one whose VIP is a
reserved IP, whose own line says it keeps its address."""

from __future__ import annotations

from test_plan_documents import deployment, netcfg, network, steps_by_id

NETCFG = netcfg("", network("app-vnet", "10.0.0.0/16"))
VIP = (
    "the VIP of cloud service 'web': the cloud service's DNS name on a public IP address of its load balancer "
    "(Basic SKU, retired on 2025-09-30: upgrade it to Standard)"
)


def _becomes(plan_of, **options) -> tuple[str, ...]:
    plan = plan_of(
        {"NetworkConfig.netcfg": NETCFG, "web.xml": deployment("web", "w01", vnet="app-vnet", **options)}
    )
    return steps_by_id(plan)["network:app-vnet"].becomes


def test_the_vip_of_a_service_with_an_input_endpoint_carries_its_dns_name(plan_of):
    assert VIP in _becomes(plan_of)


def test_a_service_without_an_input_endpoint_has_no_vip_to_carry_over(plan_of):
    assert not any("the VIP of" in line for line in _becomes(plan_of, endpoint=False))


def test_a_reserved_ip_says_what_the_vip_becomes_itself(plan_of):
    becomes = _becomes(plan_of, reserved_ip="web-rip")
    assert not any("the VIP of" in line for line in becomes)
    assert any(
        line.startswith("reserved IP 'web-rip': a public IP address with static allocation")
        for line in becomes
    )
