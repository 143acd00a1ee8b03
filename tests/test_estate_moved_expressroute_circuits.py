"""An ExpressRoute circuit an inventory export shows in Resource Manager (a `microsoft.network/
expressroutecircuits` row) is known to the estate by its service key: a network that scripts link only to
circuits so shown, with classic operations allowed, has its circuits moved already. A circuit export is
an inventory export even though it names nothing classic."""

from __future__ import annotations

import json

from lint_support import lint_files

SUB = "11111111-2222-3333-4444-555555555555"
KEY = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"
OTHER_KEY = "99999999-4f50-6172-8394-a5b6c7d8e9f0"


def _circuit(service_key: str = KEY, allowed: bool | None = True) -> str:
    props: dict = {"serviceKey": service_key, "authorizations": [], "peerings": []}
    if allowed is not None:
        props["allowClassicOperations"] = allowed
    row = {
        "id": f"/subscriptions/{SUB}/resourceGroups/er-rg/providers/Microsoft.Network/expressRouteCircuits/fab-er",
        "name": "fab-er",
        "type": "microsoft.network/expressroutecircuits",
        "subscriptionId": SUB,
        "properties": props,
    }
    return json.dumps({"count": 1, "data": [row], "skip_token": None, "total_records": 1}, indent=2)


def _link(*keys: str) -> str:
    lines = [f'New-AzureDedicatedCircuitLink -ServiceKey "{k}" -VNetName "er-vnet"' for k in keys]
    return "\n".join(lines) + "\n"


def test_a_circuit_export_alone_is_read_as_an_inventory_export(tmp_path, monkeypatch):
    estate = lint_files(tmp_path, monkeypatch, {"dependents.json": _circuit()}, dedent=False).estate
    (circuit,) = estate.inventory.circuits
    assert (circuit.name, circuit.service_key, circuit.allow_classic_operations) == ("fab-er", KEY, True)
    assert estate.circuit_in_resource_manager(KEY.upper()) == circuit
    assert estate.circuit_in_resource_manager("") is None


def test_a_network_linked_to_a_circuit_moved_with_classic_operations_allowed(tmp_path, monkeypatch):
    files = {"link.ps1": _link(KEY), "dependents.json": _circuit()}
    estate = lint_files(tmp_path, monkeypatch, files, dedent=False).estate
    assert [c.name for c in estate.moved_circuits("ER-VNET")] == ["fab-er"]


def test_a_circuit_not_shown_moved_or_without_classic_operations_is_not_moved(tmp_path, monkeypatch):
    cases = [
        (_link(KEY), _circuit(allowed=False)),  # moved, but classic networks may not use it
        (_link(KEY), _circuit(allowed=None)),  # the export does not say
        (_link(KEY, OTHER_KEY), _circuit()),  # one of its circuits is not shown moved
        ('New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName "er-vnet"\n', _circuit()),  # no key stated
    ]
    for n, (script, export) in enumerate(cases):
        files = {f"{n}/link.ps1": script, f"{n}/dependents.json": export}
        estate = lint_files(tmp_path / str(n), monkeypatch, files, dedent=False).estate
        assert estate.moved_circuits("er-vnet") == (), n


def test_one_circuit_is_moved_by_its_service_key_as_the_plan_asks(tmp_path, monkeypatch):
    # The plan asks of each key a script links by: one test, the estate's, for a network and for a key.
    for n, (allowed, moved) in enumerate([(True, True), (False, False), (None, False)]):
        estate = lint_files(
            tmp_path / str(n), monkeypatch, {"c.json": _circuit(allowed=allowed)}, dedent=False
        ).estate
        assert (estate.moved_circuit(KEY.upper()) is not None) is moved, n
        assert estate.moved_circuit(OTHER_KEY) is None and estate.moved_circuit("") is None
