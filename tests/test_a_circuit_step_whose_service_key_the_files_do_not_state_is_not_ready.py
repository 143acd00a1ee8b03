"""An ExpressRoute circuit's step moves it by its service key (Move-AzExpressRouteCircuit -ServiceKey). Where
the files state none (a script links and moves the circuit by a key it gets only when it runs, in
PowerShell or by a REST request from Python; a network configuration alone), or several, the commands hold
`<service key>`, which no command runs with: the step is NOT READY (fill in the circuit's service key
first), `"name_unstated": true` in JSON, as a step whose name is a stand-in, where it read "ready"."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, run_cli
from test_plan_documents import netcfg, network

KEY = "6f3c8a2e-0d1b-4c5e-9f7a-1b2c3d4e5f60"
OTHER_KEY = "0a1b2c3d-0000-4c5e-9f7a-1b2c3d4e5f60"
NETWORKS = netcfg("", network("er-vnet", "10.1.0.0/16", ("dc-ams", "Dedicated")))
PS_MOVE = (
    "param($key)\n"
    "Import-Module Azure\n"
    'New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName "er-vnet"\n'
    "Move-AzExpressRouteCircuit -Name er -ResourceGroupName rg -Location 'West Europe' -ServiceKey $key\n"
)
PY_LINK = (
    "import sys\n"
    "import requests\n"
    "key = sys.argv[1]\n"
    'URL = "https://management.core.windows.net/sub/services/networking"\n'
    'requests.put(f"{URL}/dedicatedcircuits/{key}/vnets/er-vnet", cert="c.pem")\n'
)


def _ps_link(key: str) -> str:
    return f'Import-Module Azure\nNew-AzureDedicatedCircuitLink -ServiceKey "{key}" -VNetName "er-vnet"\n'


UNSTATED = {
    "a PowerShell variable": {"move.ps1": PS_MOVE},
    "a Python request's variable": {"link.py": PY_LINK},
    "no script": {},
    "two keys": {"a.ps1": _ps_link(KEY), "b.ps1": _ps_link(OTHER_KEY)},
}


def _circuit_step(out: str) -> dict:
    (subscription,) = json.loads(out)["subscriptions"]
    (step,) = [step for step in subscription["steps"] if step["kind"] == "circuit"]
    return step


@pytest.mark.parametrize("scripts", UNSTATED.values(), ids=UNSTATED)
def test_a_key_to_fill_in_keeps_the_circuit_step_from_being_ready(tmp_path, monkeypatch, capsys, scripts):
    lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": NETWORKS, **scripts}, dedent=False)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    step = _circuit_step(out)
    assert "-ServiceKey '<service key>'" in " ".join(step["commands"]["powershell"]["prepare"])
    assert (step["ready"], step.get("name_unstated")) == (False, True)
    _, out, _ = run_cli(capsys, "plan", ".")
    assert f"{step['name']} [wave 1] — NOT READY (fill in the circuit's service key first)" in out
    assert (
        "Overview: 2 steps: none ready, 1 with a name or key to fill in, 1 only waiting on steps before them."
        in out
    )


def test_the_one_key_a_script_states_keeps_it_ready(tmp_path, monkeypatch, capsys):
    lint_files(
        tmp_path, monkeypatch, {"NetworkConfig.netcfg": NETWORKS, "a.ps1": _ps_link(KEY)}, dedent=False
    )
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    step = _circuit_step(out)
    assert f"-ServiceKey '{KEY}'" in " ".join(step["commands"]["powershell"]["prepare"])
    assert (step["ready"], "name_unstated" in step) == (True, False)
