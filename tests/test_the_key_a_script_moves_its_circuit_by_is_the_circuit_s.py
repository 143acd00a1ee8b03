"""A script that moves a classic ExpressRoute circuit by a service key it states (Move-AzExpressRouteCircuit or
AzureRM's Move-AzureRmExpressRouteCircuit -ServiceKey, azure-mgmt-network's express_route_circuits.
begin_create_or_update given a `service_key`), where no script links a network by a key, states the key of
the one circuit the networks are linked to: the plan's circuit step is named by it and moves by it (ready),
and the network's unlink command is given it, where both held `<service key>` and the step read NOT READY.
A script that only moves the circuit is read for it too. Two circuits, or two keys moved, say not which key
is whose: the step still asks for the key."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, run_cli
from test_plan_documents import netcfg, network

KEY = "6f3c8a2e-0d1b-4c5e-9f7a-1b2c3d4e5f60"
OTHER_KEY = "0a1b2c3d-0000-4c5e-9f7a-1b2c3d4e5f60"
NETWORKS = netcfg("", network("er-vnet", "10.1.0.0/16", ("dc-ams", "Dedicated")))
TWO_CIRCUITS = netcfg(
    "",
    network("er-vnet", "10.1.0.0/16", ("dc-ams", "Dedicated"))
    + network("er-vnet2", "10.2.0.0/16", ("dc-fra", "Dedicated")),
)
PREPARE = "Move-AzureVirtualNetwork -Prepare -VirtualNetworkName er-vnet\n"


def _ps_move(cmdlet: str, key: str) -> str:
    return f'{cmdlet} -Name er -ResourceGroupName rg -Location "West Europe" -ServiceKey "{key}"\n'


PY_MOVE = f"""\
from azure.identity import DefaultAzureCredential
from azure.mgmt.network import NetworkManagementClient

network = NetworkManagementClient(DefaultAzureCredential(), "sub")
circuit = {{"location": "westeurope", "service_key": "{KEY}"}}
network.express_route_circuits.begin_create_or_update("rg", "er", circuit).result()
"""

MOVED = {
    "Move-AzExpressRouteCircuit, then the network": {
        "move.ps1": _ps_move("Move-AzExpressRouteCircuit", KEY) + PREPARE
    },
    "AzureRM's move alone": {"move.ps1": _ps_move("Move-AzureRmExpressRouteCircuit", KEY)},
    "azure-mgmt-network alone": {"move.py": PY_MOVE},
}


def _plan(tmp_path, monkeypatch, capsys, files: dict[str, str]) -> list[dict]:
    lint_files(tmp_path, monkeypatch, files, dedent=False)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    (subscription,) = json.loads(out)["subscriptions"]
    return subscription["steps"]


def _commands(step: dict) -> str:
    return "\n".join(line for part in step["commands"]["powershell"].values() for line in part)


@pytest.mark.parametrize("scripts", MOVED.values(), ids=MOVED)
def test_the_moved_key_names_and_moves_the_circuit(tmp_path, monkeypatch, capsys, scripts):
    steps = _plan(tmp_path, monkeypatch, capsys, {"NetworkConfig.netcfg": NETWORKS, **scripts})
    (circuit,) = [step for step in steps if step["kind"] == "circuit"]
    assert circuit["name"] == KEY
    assert f"-ServiceKey '{KEY}'" in _commands(circuit)
    assert (circuit["ready"], "name_unstated" in circuit) == (True, False)
    assert any(
        f"is the one move.p{'y' if 'move.py' in scripts else 's1'}:" in note for note in circuit["notes"]
    )
    (vnet,) = [step for step in steps if step["kind"] == "network"]
    assert f"Remove-AzureDedicatedCircuitLink -ServiceKey '{KEY}' -VNetName 'er-vnet'" in _commands(vnet)


NOT_TOLD = {
    "two keys moved": (
        NETWORKS,
        _ps_move("Move-AzExpressRouteCircuit", KEY) + _ps_move("Move-AzExpressRouteCircuit", OTHER_KEY),
    ),
    "two circuits": (TWO_CIRCUITS, _ps_move("Move-AzExpressRouteCircuit", KEY)),
}


@pytest.mark.parametrize(("configuration", "script"), NOT_TOLD.values(), ids=NOT_TOLD)
def test_which_key_is_whose_the_files_do_not_say(tmp_path, monkeypatch, capsys, configuration, script):
    files = {"NetworkConfig.netcfg": configuration, "move.ps1": script}
    steps = _plan(tmp_path, monkeypatch, capsys, files)
    for circuit in (step for step in steps if step["kind"] == "circuit"):
        assert "-ServiceKey '<service key>'" in _commands(circuit)
        assert (circuit["ready"], circuit.get("name_unstated")) == (False, True)
