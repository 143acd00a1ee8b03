"""A script that creates an ExpressRoute circuit (`$circuit = New-AzureDedicatedCircuit -CircuitName x`) and
links a network by the service key that call outputs (`-ServiceKey $circuit.ServiceKey`) names the circuit:
the plan's circuit step is that circuit's, in this subscription, its commands find its key by its name and
move the circuit by it (the step is ready: there is no key to fill in), and neither step sends the reader
to another subscription. A link by a key the script does not get so is still
a circuit the files do not identify."""

from __future__ import annotations

from lint_support import CONTOSO_NETCFG as NETCFG
from lint_support import run_cli

from migcheck.plan import StepKind

CREATED = """\
$circuit = New-AzureDedicatedCircuit -CircuitName contoso-er -ServiceProviderName "Equinix" -Bandwidth 1000 -Location "Amsterdam" -Sku Standard
New-AzureVNetGateway -VNetName contoso-vnet -GatewayType DynamicRouting -GatewaySKU HighPerformance
New-AzureDedicatedCircuitLink -ServiceKey $circuit.ServiceKey -VNetName contoso-vnet
"""


def steps(plan, kind: StepKind) -> list:
    return [step for s in plan.subscriptions for step in s.steps if step.kind is kind]


def test_the_circuit_step_is_the_created_circuit_s(plan_of) -> None:
    plan = plan_of({"NetworkConfig.netcfg": NETCFG, "er.ps1": CREATED})
    (circuit,) = steps(plan, StepKind.CIRCUIT)
    assert circuit.name == "contoso-er"
    assert circuit.moves[0].startswith("the ExpressRoute circuit 'contoso-er', which ")
    assert "creates circuit 'contoso-er' in this subscription" in circuit.notes[0]
    assert not any("another subscription" in note for note in circuit.notes)
    commands = "\n".join((*circuit.powershell.before, *circuit.powershell.prepare))
    assert "Where-Object { $_.CircuitName -eq 'contoso-er' }" in commands
    assert "Move-AzExpressRouteCircuit -Name 'contoso-er'" in commands
    (network,) = steps(plan, StepKind.NETWORK)
    assert not any("Remove-AzureDedicatedCircuitLink" in line for line in network.powershell.before)


def test_the_created_circuit_moves_by_the_key_its_name_finds_and_is_ready(plan_of) -> None:
    plan = plan_of({"NetworkConfig.netcfg": NETCFG, "er.ps1": CREATED})
    (circuit,) = steps(plan, StepKind.CIRCUIT)
    found = "$serviceKey = (Get-AzureDedicatedCircuit | Where-Object { $_.CircuitName -eq 'contoso-er' }).ServiceKey"
    assert found in circuit.powershell.before
    (move,) = [line for line in circuit.powershell.prepare if line.startswith("Move-AzExpressRouteCircuit")]
    assert move.endswith("-ServiceKey $serviceKey")
    assert circuit.name_unstated == ""


def test_the_created_circuit_s_step_reads_ready(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "NetworkConfig.netcfg").write_text(NETCFG, encoding="utf-8")
    (tmp_path / "er.ps1").write_text(CREATED, encoding="utf-8")
    _, out, _ = run_cli(capsys, "plan", ".")
    assert "1. ExpressRoute circuit: contoso-er [wave 1] — ready" in out
    assert "Overview: 2 steps: all ready." in out


def test_a_key_the_script_does_not_get_from_its_circuit_names_none(plan_of) -> None:
    unknown = CREATED.replace("$circuit.ServiceKey", "$key")
    plan = plan_of({"NetworkConfig.netcfg": NETCFG, "er.ps1": unknown})
    (circuit,) = steps(plan, StepKind.CIRCUIT)
    assert circuit.name == "<circuit linked to contoso-vnet>"
    assert any("another subscription" in note for note in circuit.notes)
    (network,) = steps(plan, StepKind.NETWORK)
    assert any("Remove-AzureDedicatedCircuitLink" in line for line in network.powershell.before)


def test_the_readiness_summary_names_the_created_circuit(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "NetworkConfig.netcfg").write_text(NETCFG, encoding="utf-8")
    (tmp_path / "er.ps1").write_text(CREATED, encoding="utf-8")
    _, out, _ = run_cli(capsys, "check", ".")
    assert "    contoso-er (linked to contoso-vnet)" in out


def test_the_created_circuit_s_key_kept_in_a_variable_still_names_it(plan_of) -> None:
    kept = CREATED.replace("-ServiceKey $circuit.ServiceKey", "-ServiceKey $key").replace(
        "New-AzureVNetGateway", "$key = $circuit.ServiceKey\nNew-AzureVNetGateway"
    )
    plan = plan_of({"NetworkConfig.netcfg": NETCFG, "er.ps1": kept})
    (circuit,) = steps(plan, StepKind.CIRCUIT)
    assert circuit.name == "contoso-er"
    assert circuit.name_unstated == ""
