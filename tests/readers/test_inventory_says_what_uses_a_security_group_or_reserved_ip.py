"""What an inventory export says uses a classic network security group (the subnets its row writes, the VMs
or network interfaces it names) or a reserved IP (`inUse`, `attachedTo`), in every shape the reader reads:
a Resource Graph page, a list call's `{"value": [...]}`, a row that writes its properties at its top.
What a row does not write is not read as "nothing uses it"."""

from __future__ import annotations

import json

from migcheck.inventory_model import ClassicNetworkSecurityGroup, ClassicReservedIp, ListPage
from migcheck.readers import read_document

SUB = "11111111-2222-3333-4444-555555555555"
NETWORKING = f"/subscriptions/{SUB}/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork"
SUBNET = f"{NETWORKING}/virtualNetworks/appvnet/subnets/app"
VM = f"/subscriptions/{SUB}/resourceGroups/web/providers/Microsoft.ClassicCompute/virtualMachines/web1"
_UNSET = object()


def _row(kind: str, name: str, properties: object = _UNSET, **top: object) -> dict:
    row = {"id": f"{NETWORKING}/{kind}/{name}", "name": name, "type": f"Microsoft.ClassicNetwork/{kind}"}
    return {**row, **top} if properties is _UNSET else {**row, "properties": properties, **top}


def _read(text: str) -> list[object]:
    document = read_document("classic.json", text.encode(), explicit=True)
    assert document is not None and document.problem is None
    return [r for r in document.resources if not isinstance(r, ListPage)]  # a list call's page is one too


def _graph(*rows: dict) -> str:
    return json.dumps(
        {"count": len(rows), "data": list(rows), "skip_token": None, "total_records": len(rows)}
    )


def test_the_subnets_a_security_group_row_writes_are_read_by_network_and_subnet():
    [group] = _read(
        _graph(_row("networkSecurityGroups", "nsg-app", {"rules": [], "subnets": [{"id": SUBNET}]}))
    )
    assert isinstance(group, ClassicNetworkSecurityGroup)
    assert (group.subnets, group.other_users, group.use_unknown) == ((("appvnet", "app"),), (), False)


def test_a_list_calls_value_and_a_row_with_its_properties_at_its_top_say_the_same():
    listed = json.dumps({"value": [_row("networkSecurityGroups", "nsg-app", {"subnets": [SUBNET]})]})
    flattened = json.dumps([_row("networkSecurityGroups", "nsg-app", subnets=[{"id": SUBNET}])])
    for text in (listed, flattened):
        [group] = _read(text)
        assert isinstance(group, ClassicNetworkSecurityGroup)
        assert group.subnets == (("appvnet", "app"),)


def test_a_security_group_whose_row_writes_no_subnets_is_not_known_to_be_unattached():
    rows = [
        _row("networkSecurityGroups", "rules-only", {"rules": []}),
        _row("networkSecurityGroups", "null-properties", None),
        _row("networkSecurityGroups", "no-column"),
        _row("networkSecurityGroups", "cut-short", {"subnets": "System.Object[]"}),
    ]
    groups = _read(json.dumps(rows))
    assert [g.name for g in groups if isinstance(g, ClassicNetworkSecurityGroup) and g.use_unknown] == [
        "rules-only",
        "null-properties",
        "no-column",
        "cut-short",
    ]


def test_a_security_group_whose_row_writes_no_subnet_is_unattached():
    [group] = _read(_graph(_row("networkSecurityGroups", "spare", {"rules": [], "subnets": []})))
    assert isinstance(group, ClassicNetworkSecurityGroup)
    assert (group.subnets, group.other_users, group.use_unknown) == ((), (), False)


def test_the_vms_and_network_interfaces_a_security_group_row_names_use_it():
    nic = f"{VM}/networkInterfaces/nic2"
    properties = {"subnets": [], "virtualMachines": [{"id": VM}], "networkInterfaces": [nic]}
    [group] = _read(_graph(_row("networkSecurityGroups", "vm-nsg", properties)))
    assert isinstance(group, ClassicNetworkSecurityGroup)
    assert group.other_users == (VM, nic) and not group.use_unknown


def test_a_reserved_ip_in_use_by_what_the_export_does_not_name_as_a_cloud_service_is_not_free():
    service = f"/subscriptions/{SUB}/resourceGroups/web/providers/Microsoft.ClassicCompute/domainNames/web"
    rows = [
        _row("reservedIps", "in-use", {"ipAddress": "40.1.1.1", "inUse": True}),
        _row("reservedIps", "on-vm", {"ipAddress": "40.1.1.2", "attachedTo": {"id": VM}}),
        _row(
            "reservedIps",
            "on-service",
            {"ipAddress": "40.1.1.3", "inUse": True, "attachedTo": {"id": service}},
        ),
        _row("reservedIps", "free", {"ipAddress": "40.1.1.4", "inUse": False}),
    ]
    ips = [ip for ip in _read(_graph(*rows)) if isinstance(ip, ClassicReservedIp)]
    assert [(ip.name, ip.service, ip.in_use) for ip in ips] == [
        ("in-use", "", True),
        ("on-vm", "", True),
        ("on-service", "web", False),
        ("free", "", False),
    ]
