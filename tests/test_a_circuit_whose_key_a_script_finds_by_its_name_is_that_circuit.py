"""A script that links a network by the service key it finds by the circuit's name (`$key =
(Get-AzureDedicatedCircuit | Where-Object { $_.CircuitName -eq 'x' }).ServiceKey`, in the simplified form
`Where-Object CircuitName -eq 'x'` or by the `?` alias) names that circuit, one of this subscription (the
cmdlet lists its circuits only): the plan's circuit step is circuit 'x', its commands find the key by the
name and move the circuit by it, and it is ready, as for a circuit the script creates, where it read NOT
READY (fill in the circuit's service key first). A filter on anything but the name picks no circuit."""

from __future__ import annotations

import pytest
from lint_support import CONTOSO_NETCFG as NETCFG
from lint_support import run_cli

from migcheck.plan import StepKind

LINK = """\
New-AzureVNetGateway -VNetName contoso-vnet -GatewayType DynamicRouting -GatewaySKU HighPerformance
New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName contoso-vnet
"""
FOUND = {
    "a script block": '$key = (Get-AzureDedicatedCircuit | Where-Object {$_.CircuitName -eq "contoso-er"}).ServiceKey\n',
    "the simplified form": "$key = (Get-AzureDedicatedCircuit | Where-Object CircuitName -eq 'contoso-er').ServiceKey\n",
    "the ? alias and a name variable": (
        "$name = 'contoso-er'\n$key = (Get-AzureDedicatedCircuit | ? { $_.CircuitName -eq $name }).ServiceKey\n"
    ),
    "the circuit kept first": (
        "$circuit = Get-AzureDedicatedCircuit | Where-Object { $PSItem.CircuitName -eq 'contoso-er' }\n"
        "$key = $circuit.ServiceKey\n"
    ),
}


def _circuit(plan):
    (circuit,) = [step for s in plan.subscriptions for step in s.steps if step.kind is StepKind.CIRCUIT]
    return circuit


@pytest.mark.parametrize("lookup", FOUND.values(), ids=FOUND)
def test_the_circuit_step_is_the_circuit_the_key_is_found_by(plan_of, lookup) -> None:
    circuit = _circuit(plan_of({"NetworkConfig.netcfg": NETCFG, "er.ps1": lookup + LINK}))
    assert circuit.name == "contoso-er"
    assert circuit.name_unstated == ""
    assert "er.ps1 links the network by the service key of circuit 'contoso-er'" in circuit.notes[0]
    assert not any("another subscription" in note for note in circuit.notes)
    found = "$serviceKey = (Get-AzureDedicatedCircuit | Where-Object { $_.CircuitName -eq 'contoso-er' }).ServiceKey"
    assert found in circuit.powershell.before
    assert any(
        line.startswith("Move-AzExpressRouteCircuit -Name 'contoso-er'")
        and line.endswith("-ServiceKey $serviceKey")
        for line in circuit.powershell.prepare
    )


def test_the_found_circuit_s_step_reads_ready_and_the_summary_names_it(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "NetworkConfig.netcfg").write_text(NETCFG, encoding="utf-8")
    (tmp_path / "er.ps1").write_text(FOUND["a script block"] + LINK, encoding="utf-8")
    _, out, _ = run_cli(capsys, "plan", ".")
    assert "1. ExpressRoute circuit: contoso-er [wave 1] — ready" in out
    _, out, _ = run_cli(capsys, "check", ".")
    assert "    contoso-er (linked to contoso-vnet)" in out


def test_a_key_found_by_another_property_names_no_circuit(plan_of) -> None:
    lookup = "$key = (Get-AzureDedicatedCircuit | Where-Object { $_.Location -eq 'Amsterdam' }).ServiceKey\n"
    circuit = _circuit(plan_of({"NetworkConfig.netcfg": NETCFG, "er.ps1": lookup + LINK}))
    assert circuit.name == "<circuit linked to contoso-vnet>"
    assert circuit.name_unstated == "circuit's service key"
