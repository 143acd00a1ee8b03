"""Rules read the reserved IPs an inventory export shows as the plan and the readiness summary do
(`Estate.exported_reserved_ips`): those of the estate's subscription, from its inventory, where rows that
name no subscription are of the one the files are joined to. An export of several subscriptions gives each
an estate of its own, and the files' estate holds only its own subscription's IPs."""

from __future__ import annotations

import json

from lint_support import graph_page, graph_reserved_ip, graph_vm, lint_files, where

FIRST = "11111111-1111-4111-8111-111111111111"
SECOND = "22222222-2222-4222-8222-222222222222"

MOVES_BOTH = """\
Move-AzureReservedIP -Validate -ReservedIPName "ip-a"
Move-AzureReservedIP -Prepare -ReservedIPName "ip-a"
Move-AzureReservedIP -Validate -ReservedIPName "ip-b"
Move-AzureReservedIP -Prepare -ReservedIPName "ip-b"
"""


def declared(subscription: str) -> str:
    return f'[inventory]\nsubscription = "{subscription}"\n'


def two_subscriptions() -> str:
    """An export of two subscriptions, each with a cloud service whose VIP one of its reserved IPs is."""
    return graph_page(
        graph_vm(FIRST, "svca", "vma01", vnet="net-a"),
        graph_reserved_ip(FIRST, "ip-a", "svca"),
        graph_vm(SECOND, "svcb", "vmb01", vnet="net-b"),
        graph_reserved_ip(SECOND, "ip-b", "svcb"),
        indent=2,
    )


def test_a_runbook_of_the_second_subscription_moves_its_associated_reserved_ip(tmp_path, monkeypatch):
    files = {"classic.json": two_subscriptions(), "inventory.toml": declared(SECOND), "move.ps1": MOVES_BOTH}
    result = lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False)
    assert where(result.findings) == ["MIG602 move.ps1:3:1"]
    assert "reserved IP 'ip-b' on its own, but cloud service 'svcb' uses it" in result.findings[0].message


def test_a_reserved_ip_of_another_subscription_of_the_same_name_is_not_the_one_moved(tmp_path, monkeypatch):
    """The runbook of the first subscription moves its own free 'ip-b'; the second's 'ip-b' is in use."""
    free = graph_reserved_ip(FIRST, "ip-b", "unused")
    del free["properties"]["attachedTo"]
    export = graph_page(
        graph_vm(FIRST, "svca", "vma01", vnet="net-a"),
        free,
        graph_vm(SECOND, "svcb", "vmb01", vnet="net-b"),
        graph_reserved_ip(SECOND, "ip-b", "svcb"),
        indent=2,
    )
    script = 'Move-AzureReservedIP -Validate -ReservedIPName "ip-b"\nMove-AzureReservedIP -Prepare -ReservedIPName "ip-b"\n'
    files = {"classic.json": export, "inventory.toml": declared(FIRST), "move.ps1": script}
    result = lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False)
    assert result.findings == []


CLASSIC_ROLE = "d73bb868-a0df-4d4d-bd69-98a00b01fccb"  # Classic Virtual Machine Contributor
ASSIGNMENT = "5d0e7c1a-2b3f-4a6d-8e9f-0a1b2c3d4e5f"


def test_a_reserved_ip_row_that_names_no_subscription_is_of_the_declared_one(tmp_path, monkeypatch):
    """A classic-only role on the subscription is reported when the subscription holds a classic resource:
    here only a reserved IP, whose row names no subscription; the declaration says which it is of."""
    assignment = {
        "RoleAssignmentName": ASSIGNMENT,
        "RoleAssignmentId": f"/subscriptions/{FIRST}/providers/Microsoft.Authorization/roleAssignments/{ASSIGNMENT}",
        "Scope": f"/subscriptions/{FIRST}",
        "DisplayName": "SQL DBAs",
        "RoleDefinitionName": "Classic Virtual Machine Contributor",
        "RoleDefinitionId": CLASSIC_ROLE,
        "ObjectId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
        "ObjectType": "Group",
    }
    row = {
        "id": "/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/reservedIps/free-ip",
        "name": "free-ip",
        "type": "microsoft.classicnetwork/reservedips",
        "location": "westeurope",
        "properties": {"ipAddress": "40.113.9.9", "inUse": False},
    }
    files = {
        "rbac.json": json.dumps([assignment], indent=2),
        "reserved.json": graph_page(row, indent=2),
        "inventory.toml": declared(FIRST),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG501", dedent=False)
    assert where(result.findings) == ["MIG501 rbac.json:8:25"]  # the classic role
