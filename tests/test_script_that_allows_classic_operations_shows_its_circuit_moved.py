"""A script that allows classic operations on a Resource Manager ExpressRoute circuit
(`$ckt.AllowClassicOperations = $true` saved by `Set-AzExpressRouteCircuit`, or AzureRM's) and links one
classic network to a circuit in the same run shows the circuit it links in Resource Manager, whatever key it
links it by: MIG302 asks only to empty the network's ConnectionsToLocalNetwork, as for a circuit an export
shows moved, and the plan has no circuit step. Without that evidence the advice stays to move the circuit."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.model import VnetGatewayFact
from migcheck.plan import build_plan
from migcheck.readers import read_document

ALLOW = """\
$ckt = Get-AzureRmExpressRouteCircuit -Name $cktName -ResourceGroupName $rgName
$ckt.AllowClassicOperations = $true
Set-AzureRmExpressRouteCircuit -ExpressRouteCircuit $ckt
"""
LINK = """\
$auth = Get-AzureAuthorizedDedicatedCircuit
New-AzureDedicatedCircuitLink -ServiceKey $auth.ServiceKey -VNetName 'classic-vnet'
"""
MOVE = "Move the ExpressRoute circuit to Resource Manager"  # what the help says to do


def _run(tmp_path, monkeypatch, script: str):
    result = lint_files(tmp_path, monkeypatch, {"link.ps1": script}, dedent=False)
    (finding,) = [f for f in result.findings if f.code == "MIG302"]
    (plan,) = [s for s in build_plan(result).subscriptions if s.steps]
    return finding, [step.id for step in plan.steps]


def _link_fact(script: str) -> VnetGatewayFact:
    doc = read_document("link.ps1", script.encode(), explicit=True)
    assert doc is not None
    (fact,) = [r for r in doc.resources if isinstance(r, VnetGatewayFact)]
    return fact


def test_the_script_shows_the_circuit_it_links_in_resource_manager():
    shown = _link_fact(ALLOW + LINK).circuit_in_resource_manager
    assert shown is not None
    assert (shown.name, shown.mark.line) == ("<circuit name, link.ps1:3>", 3)


def test_mig302_asks_only_to_empty_the_connections_and_the_plan_moves_no_circuit(tmp_path, monkeypatch):
    finding, steps = _run(tmp_path, monkeypatch, ALLOW + LINK)
    assert MOVE not in finding.fix
    assert "(circuit '<circuit name, link.ps1:3>', which link.ps1 shows in Resource Manager already" in (
        finding.message
    )
    assert finding.message.endswith("still holds the connection, with which the platform does not migrate it")
    assert finding.fix.startswith("Empty the network's ConnectionsToLocalNetwork")
    assert not [s for s in steps if s.startswith("circuit:")]
    assert "network:classic-vnet" in steps


def test_the_az_module_shows_it_too(tmp_path, monkeypatch):
    az = ALLOW.replace("AzureRm", "Az")
    finding, steps = _run(tmp_path, monkeypatch, az + LINK)
    assert MOVE not in finding.fix
    assert not [s for s in steps if s.startswith("circuit:")]


def test_without_such_evidence_the_advice_stays(tmp_path, monkeypatch):
    unsaved = ALLOW.replace("Set-AzureRmExpressRouteCircuit -ExpressRouteCircuit $ckt\n", "")
    two_links = LINK + "New-AzureDedicatedCircuitLink -ServiceKey $auth.ServiceKey -VNetName 'other-vnet'\n"
    for script in (LINK, unsaved + LINK, ALLOW.replace("$true", "$false") + LINK):
        finding, steps = _run(tmp_path, monkeypatch, script)
        assert MOVE in finding.fix and "Prepare fails while it is classic" in finding.message
        assert [s for s in steps if s.startswith("circuit:")]
    doc = read_document("link.ps1", (ALLOW + two_links).encode(), explicit=True)
    assert doc is not None
    facts = [r for r in doc.resources if isinstance(r, VnetGatewayFact)]
    assert len(facts) == 2
    assert all(f.circuit_in_resource_manager is None for f in facts)


def test_the_help_does_not_ask_to_move_a_circuit_shown_moved(tmp_path, monkeypatch):
    moved, _ = _run(tmp_path / "moved", monkeypatch, ALLOW + LINK)
    assert (
        moved.fix.startswith("Empty the network's ConnectionsToLocalNetwork") and "Move the" not in moved.fix
    )
    unmoved, _ = _run(tmp_path / "unmoved", monkeypatch, LINK)
    assert unmoved.fix.startswith("Move the ExpressRoute circuit to Resource Manager")
