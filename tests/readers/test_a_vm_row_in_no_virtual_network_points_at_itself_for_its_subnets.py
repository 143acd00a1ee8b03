"""A classic VM's row that names no virtual network writes no subnets of its own: a finding about its subnets
points at the row, and the row is not searched for a `subnetNames` key (a quarter of a large export's VMs,
each searched to its end in any case of the key). A row in a network that writes `"subnetNames": []` is
marked there, as before."""

from __future__ import annotations

import json

from migcheck.inventory_model import ClassicVm
from migcheck.readers import inventory

SUBSCRIPTION = "00000001-8a7e-4c1d-9b2a-5e6f7a8b9c0d"


def _vm(name: str, network: dict[str, object], **tags: str) -> dict[str, object]:
    return {
        "id": f"/subscriptions/{SUBSCRIPTION}/resourceGroups/svc/providers/Microsoft.ClassicCompute/"
        f"virtualMachines/{name}",
        "name": name,
        "type": "microsoft.classiccompute/virtualmachines",
        "tags": tags,
        "properties": {"hardwareProfile": {"size": "Small"}, "networkProfile": network},
    }


def _vms(*rows: dict[str, object]) -> list[ClassicVm]:
    export = json.dumps({"count": len(rows), "data": list(rows)}, indent=2).encode()
    return [r for r in inventory.read("export.json", export).resources if isinstance(r, ClassicVm)]


def test_a_vm_in_no_network_has_its_subnets_at_its_row() -> None:
    # A key of the same name that is no subnet list of the VM's network, which the row was searched for.
    [vm] = _vms(_vm("vm1", {"inputEndpoints": []}, subnetNames="web"))
    assert vm.role.subnets == ()
    assert "subnets" not in vm.role.unknown
    assert vm.role.subnets_mark is None  # a finding about it points at the VM's row


def test_a_vm_in_a_network_without_subnets_is_marked_at_its_empty_list() -> None:
    network = {"inputEndpoints": [], "virtualNetwork": {"name": "vnet1", "subnetNames": []}}
    [vm] = _vms(_vm("vm1", network))
    assert vm.role.subnets_mark is not None
    assert (vm.role.subnets_mark.line, vm.role.subnets_mark.column) == (17, 28)  # the `[]`
