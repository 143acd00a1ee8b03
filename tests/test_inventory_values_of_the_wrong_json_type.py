"""A field an export writes with a value of the wrong JSON type says nothing: a reserved IP's `attachedTo`
that is no object with a string id leaves its use unknown, as a row with neither `attachedTo` nor `inUse`
does, and a VM's `powerState` written as a boolean or a number is no state. Ports and LUNs, which exports
write as numbers or strings, are read either way."""

from __future__ import annotations

import json

import pytest

from migcheck.inventory_model import ClassicReservedIp, ClassicVm
from migcheck.readers import read_document

SUB = "11111111-2222-3333-4444-555555555555"
PROVIDERS = f"/subscriptions/{SUB}/resourceGroups/Default-Networking/providers"


def _records(*rows: dict) -> tuple[object, ...]:
    text = json.dumps({"count": len(rows), "data": list(rows), "skip_token": None}, indent=2)
    document = read_document("inventory/classic.json", text.encode(), explicit=True)
    assert document is not None and document.problem is None
    return document.resources


def _reserved_ip(attached: object) -> ClassicReservedIp:
    row = {
        "id": f"{PROVIDERS}/Microsoft.ClassicNetwork/reservedIps/ip1",
        "name": "ip1",
        "type": "microsoft.classicnetwork/reservedips",
        "subscriptionId": SUB,
        "properties": {"ipAddress": "40.1.1.1", "attachedTo": attached},
    }
    [ip] = [r for r in _records(row) if isinstance(r, ClassicReservedIp)]
    return ip


@pytest.mark.parametrize("attached", [{"id": 5}, {"id": True}, {"id": ["x"]}, 5, [], True, "svc"])
def test_an_attachment_of_the_wrong_type_leaves_the_use_unknown(attached):
    ip = _reserved_ip(attached)
    assert (ip.service, ip.in_use, ip.use_known, ip.attachment_unknown) == ("", False, False, True)


def test_an_attachment_to_a_cloud_service_names_it():
    service = f"/subscriptions/{SUB}/resourceGroups/svc/providers/Microsoft.ClassicCompute/domainNames/svc"
    ip = _reserved_ip({"id": service})
    assert (ip.service, ip.use_known) == ("svc", True)


def _vm(view: dict, endpoint: dict | None = None) -> ClassicVm:
    row = {
        "id": f"/subscriptions/{SUB}/resourceGroups/svc/providers/Microsoft.ClassicCompute/virtualMachines/vm1",
        "name": "vm1",
        "type": "microsoft.classiccompute/virtualmachines",
        "subscriptionId": SUB,
        "properties": {
            "domainName": {"name": "svc"},
            "instanceView": view,
            "networkProfile": {"inputEndpoints": [endpoint] if endpoint else []},
            "storageProfile": {"dataDisks": [{"diskName": "d0", "lun": 3, "vhdUri": "https://a/v/d0.vhd"}]},
        },
    }
    [vm] = [r for r in _records(row) if isinstance(r, ClassicVm)]
    return vm


@pytest.mark.parametrize("state", [True, False, 1e308, 7, ["Started"], {"code": "Started"}])
def test_a_power_state_that_is_not_a_string_is_no_state(state):
    assert _vm({"powerState": state}).instance is None


def test_a_power_state_written_as_a_string_is_read():
    instance = _vm({"powerState": "Starting"}).instance
    assert instance is not None and instance.status == "Starting"


def test_ports_and_luns_are_read_as_numbers_or_strings_but_not_as_booleans():
    numbers = _vm({}, {"endpointName": "web", "protocol": "tcp", "publicPort": 80, "privatePort": "8080"})
    [endpoint] = numbers.role.endpoints
    assert (endpoint.port, endpoint.local_port) == ("80", "8080")
    assert [d.lun for d in numbers.role.disks] == ["3"]
    flags = _vm({}, {"endpointName": "web", "protocol": True, "publicPort": True, "privatePort": 1.5})
    [endpoint] = flags.role.endpoints
    assert (endpoint.protocol, endpoint.port, endpoint.local_port) == ("", "", "")
