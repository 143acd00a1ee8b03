"""The values an export repeats from record to record (a VM's size, an endpoint's protocol, an extension's
publisher) are one string in the records, however many rows write them: the JSON decoder makes a string per
occurrence, and a large export's records held them all."""

from __future__ import annotations

import json

from migcheck.inventory_model import ClassicVm
from migcheck.readers import inventory

SUBSCRIPTION = "00000001-8a7e-4c1d-9b2a-5e6f7a8b9c0d"


def _vm(name: str) -> dict[str, object]:
    return {
        "id": f"/subscriptions/{SUBSCRIPTION}/resourceGroups/svc/providers/Microsoft.ClassicCompute/"
        f"virtualMachines/{name}",
        "name": name,
        "type": "microsoft.classiccompute/virtualmachines",
        "properties": {
            "hardwareProfile": {"size": "Standard_D2", "availabilitySet": ""},
            "networkProfile": {
                "inputEndpoints": [
                    {"endpointName": "rdp", "privatePort": 3389, "publicPort": 3389, "protocol": "tcp"}
                ]
            },
            "storageProfile": {
                "operatingSystemDisk": {
                    "diskName": f"{name}-os",
                    "vhdUri": f"https://disks00.blob.core.windows.net/vhds/{name}-os.vhd",
                    "storageAccount": {"name": "Disks00"},
                }
            },
            "extensions": [{"publisher": "Microsoft.Compute", "extension": "BGInfo", "version": "2.*"}],
        },
    }


def test_a_value_written_in_every_row_is_one_string_in_the_records() -> None:
    export = json.dumps({"count": 2, "data": [_vm("vm1"), _vm("vm2")]}, indent=2).encode()
    document = inventory.read("export.json", export)
    first, second = (r for r in document.resources if isinstance(r, ClassicVm))
    assert first.role.size == "Standard_D2"
    assert first.role.size is second.role.size
    assert first.role.endpoints[0].protocol is second.role.endpoints[0].protocol
    assert first.role.extensions[0].publisher is second.role.extensions[0].publisher


def test_a_port_an_account_and_the_facts_left_unknown_are_one_object_in_the_records() -> None:
    """Ports are written as numbers, the account's name is compared lower-cased, and the facts a row leaves
    out (none, mostly) are a set: each made anew for every row before, 9 MB of a 50 MB export's
    records."""
    export = json.dumps({"count": 2, "data": [_vm("vm1"), _vm("vm2")]}, indent=2).encode()
    document = inventory.read("export.json", export)
    first, second = (r for r in document.resources if isinstance(r, ClassicVm))
    assert first.role.endpoints[0].port == "3389"
    assert first.role.endpoints[0].port is second.role.endpoints[0].port
    assert first.role.endpoints[0].local_port is second.role.endpoints[0].local_port
    assert first.disk_accounts == ("disks00",)
    assert first.disk_accounts[0] is second.disk_accounts[0]
    assert first.role.unknown == frozenset()  # a row without a virtual network is in none
    assert first.role.unknown is second.role.unknown
