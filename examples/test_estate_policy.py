"""Contoso's own migration policy, written as tests over what migcheck read.

Run with `pytest --migcheck examples/` (or from inside examples/): the fixtures need the flag, and
without it these tests are skipped. migcheck's own items check each file against each rule; these
assert what only this team knows."""

from __future__ import annotations

from migcheck.estate import Estate
from migcheck.model import Finding, Severity

PRODUCTION_VNET = "contoso-prod-vnet"
# Reserved for the VPN gateway: Azure refuses to place VMs there after the migration.
GATEWAY_SUBNET = "GatewaySubnet"
# Blockers in the network configuration the network team has planned a change for (ticket NET-412).
PLANNED_NETWORK_FIXES = {"MIG301", "MIG304"}


def test_no_production_vm_sits_in_the_gateway_subnet(migcheck_estates: dict[str, Estate]) -> None:
    # Each example folder is a subscription of its own: find the one that defines the production network.
    found = [
        (estate, vnet)
        for estate in migcheck_estates.values()
        if (vnet := estate.virtual_network(PRODUCTION_VNET)) is not None and vnet.defined
    ]
    assert len(found) == 1, f"{PRODUCTION_VNET} is defined by {len(found)} netcfg files, not one"
    [(estate, vnet)] = found
    vms = [vm for service in estate.members(vnet) for vm in service.vms]
    assert vms, f"no VM is placed in {PRODUCTION_VNET}"
    misplaced = [vm.name for vm in vms if any(s.name == GATEWAY_SUBNET for s in vm.subnets)]
    assert not misplaced, f"VMs in {GATEWAY_SUBNET}: {misplaced}"


def test_network_blockers_are_all_planned(migcheck_findings: list[Finding]) -> None:
    network_errors = {
        f.code
        for f in migcheck_findings
        if f.severity is Severity.ERROR and f.mark.path.endswith("contoso/network/NetworkConfig.netcfg")
    }
    unplanned = network_errors - PLANNED_NETWORK_FIXES
    assert not unplanned, f"blockers in the netcfg with no planned fix: {sorted(unplanned)}"
