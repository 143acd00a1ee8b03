"""Two exports of one classic network, reserved IP or storage account (two Resource Graph exports, two
`Get-AzureReservedIP` exports) that disagree on what both state (a network's address space or subnets, a
reserved IP's address or what it is attached to, a storage account's type) are a conflict (MIG004) at the
later, naming the first: the platform holds one of each, and the first one's values were kept silently."""

from __future__ import annotations

import json

from lint_support import graph_network, graph_page, graph_reserved_ip, lint_files

SUB = "11111111-1111-1111-1111-111111111111"


def _conflicts(tmp_path, monkeypatch, first: object, later: object) -> list[tuple[str, str]]:
    files = {"a/export.json": json.dumps(first), "b/export.json": json.dumps(later)}
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False)
    return [(f.location.path, f.message) for f in result.findings if f.location]


def _storage(account_type: str) -> dict:
    return {
        "id": f"/subscriptions/{SUB}/resourceGroups/Default-Storage/providers/"
        "Microsoft.ClassicStorage/storageAccounts/disks1",
        "name": "disks1",
        "type": "microsoft.classicstorage/storageaccounts",
        "subscriptionId": SUB,
        "properties": {"accountType": account_type},
    }


def _get_azure_reserved_ip(address: str, in_use: bool, service: str | None) -> dict:
    return {
        "ReservedIPName": "rip1",
        "Address": address,
        "Location": "West Europe",
        "State": "Created",
        "InUse": in_use,
        "ServiceName": service,
        "DeploymentName": service,
        "OperationDescription": "Get-AzureReservedIP",
    }


def test_a_network_exported_with_other_subnets(tmp_path, monkeypatch) -> None:
    first = graph_page(graph_network(SUB, "prod-vnet", "web"))
    later = graph_page(graph_network(SUB, "prod-vnet", "data"))
    found = _conflicts(tmp_path, monkeypatch, json.loads(first), json.loads(later))
    assert len(found) == 1
    path, message = found[0]
    assert path == "b/export.json"
    assert "virtual network 'prod-vnet' is described differently here than at a/export.json:" in message
    assert "subnets" in message


def test_a_network_exported_twice_alike_is_no_conflict(tmp_path, monkeypatch) -> None:
    row = json.loads(graph_page(graph_network(SUB, "prod-vnet", "web")))
    assert _conflicts(tmp_path, monkeypatch, row, row) == []


def test_a_storage_account_exported_with_another_type(tmp_path, monkeypatch) -> None:
    found = _conflicts(tmp_path, monkeypatch, [_storage("Standard-GRS")], [_storage("Premium-LRS")])
    assert [message.split(" (here")[0] for _, message in found] == [
        "storage account 'disks1' is described differently here than at a/export.json:1: account type "
        "Premium-LRS / Standard-GRS"
    ]


def test_one_storage_type_spelt_two_ways_is_no_conflict(tmp_path, monkeypatch) -> None:
    assert _conflicts(tmp_path, monkeypatch, [_storage("Standard-GRS")], [_storage("Standard_GRS")]) == []


def test_a_reserved_ip_exported_with_another_address_and_service(tmp_path, monkeypatch) -> None:
    first = graph_reserved_ip(SUB, "rip1", "svc")
    later = {**first, "properties": {"ipAddress": "40.113.9.10", "inUse": False}}
    found = _conflicts(tmp_path, monkeypatch, [first], [later])
    assert len(found) == 1
    assert "reserved IP 'rip1'" in found[0][1]
    assert "address 40.113.9.10 / 40.113.9.9; attached to nothing / cloud service 'svc'" in found[0][1]


def test_get_azure_reserved_ip_exports_that_disagree_on_its_service(tmp_path, monkeypatch) -> None:
    first = _get_azure_reserved_ip("203.0.113.4", True, "svc")
    later = _get_azure_reserved_ip("203.0.113.4", True, "shop")
    found = _conflicts(tmp_path, monkeypatch, [first], [later])
    assert len(found) == 1
    assert "attached to cloud service 'shop' / cloud service 'svc'" in found[0][1]


def test_an_address_said_in_use_and_one_said_used_by_a_service_agree(tmp_path, monkeypatch) -> None:
    first = _get_azure_reserved_ip("203.0.113.4", True, "svc")
    later = _get_azure_reserved_ip("203.0.113.4", True, None)
    assert _conflicts(tmp_path, monkeypatch, [first], [later]) == []
