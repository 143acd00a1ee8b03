"""The plan and readiness summary read what an inventory export says uses a classic network security group:
one its row says a subnet uses moves with that subnet's network, as one a script associates does; one whose
row does not say is not planned as unattached without saying so; a reserved IP the export says is in use by
what it does not name is not either."""

from __future__ import annotations

import json

from lint_support import lint_files

from migcheck.plan import build_plan

SUB = "00000000-0000-0000-0000-000000000001"
NETWORKING = f"/subscriptions/{SUB}/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork"
NETWORK = {
    "id": f"{NETWORKING}/virtualNetworks/appvnet",
    "name": "appvnet",
    "type": "microsoft.classicnetwork/virtualnetworks",
    "subscriptionId": SUB,
    "properties": {
        "addressSpace": {"addressPrefixes": ["10.1.0.0/16"]},
        "subnets": [{"name": "app", "addressPrefix": "10.1.1.0/24"}],
    },
}


def _group(name: str, properties: object) -> dict:
    return {
        "id": f"{NETWORKING}/networkSecurityGroups/{name}",
        "name": name,
        "type": "microsoft.classicnetwork/networksecuritygroups",
        "subscriptionId": SUB,
        "properties": properties,
    }


def _steps(tmp_path, monkeypatch, *rows: dict) -> dict[str, object]:
    text = json.dumps(
        {"count": len(rows), "data": list(rows), "skip_token": None, "total_records": len(rows)}
    )
    result = lint_files(tmp_path, monkeypatch, {"classic.json": text}, dedent=False)
    return {s.id: s for sub in build_plan(result).subscriptions for s in sub.steps}


def test_a_security_group_the_export_says_a_subnet_uses_moves_with_its_network(tmp_path, monkeypatch):
    used = _group(
        "nsg-app", {"rules": [], "subnets": [{"id": f"{NETWORKING}/virtualNetworks/appvnet/subnets/app"}]}
    )
    steps = _steps(tmp_path, monkeypatch, NETWORK, used, _group("nsg-spare", {"rules": [], "subnets": []}))
    assert (
        "network security group 'nsg-app' of subnet 'app', cloned: the classic one stays, to delete once "
        "nothing classic uses it"
    ) in steps["network:appvnet"].moves
    assert [s for s in steps if s.startswith("unattached:")] == ["unattached:NetworkSecurityGroup:nsg-spare"]
    assert steps["unattached:NetworkSecurityGroup:nsg-spare"].downtime == "None: nothing uses it."


def test_a_security_group_whose_row_does_not_say_what_uses_it_is_not_called_unattached(tmp_path, monkeypatch):
    step = _steps(tmp_path, monkeypatch, NETWORK, _group("nsg-x", {"rules": []}))[
        "unattached:NetworkSecurityGroup:nsg-x"
    ]
    assert step.moves == ("network security group 'nsg-x', if nothing uses it",)
    assert step.downtime == "None if nothing uses it."
    assert step.notes[0].startswith(
        "Unattached if no subnet or VM uses it: check with Get-AzureNetworkSecurityGroupForSubnet "
    )


def test_a_security_group_the_export_says_a_vm_uses_is_not_moved_on_its_own(tmp_path, monkeypatch):
    vm = f"/subscriptions/{SUB}/resourceGroups/web/providers/Microsoft.ClassicCompute/virtualMachines/web1"
    steps = _steps(tmp_path, monkeypatch, NETWORK, _group("vm-nsg", {"subnets": [], "virtualMachines": [vm]}))
    assert not [s for s in steps if s.startswith("unattached:")]


def test_a_reserved_ip_in_use_by_what_the_export_does_not_name_says_so(tmp_path, monkeypatch):
    ip = {
        "id": f"{NETWORKING}/reservedIps/rip1",
        "name": "rip1",
        "type": "microsoft.classicnetwork/reservedips",
        "subscriptionId": SUB,
        "properties": {"ipAddress": "40.1.2.3", "inUse": True},
    }
    step = _steps(tmp_path, monkeypatch, NETWORK, ip)["unattached:ReservedIP:rip1"]
    assert step.downtime == "None if nothing uses it."
    assert "Get-AzureReservedIP -ReservedIPName 'rip1'" in step.notes[0]
