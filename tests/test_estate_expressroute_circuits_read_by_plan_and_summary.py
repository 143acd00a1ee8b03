"""The ExpressRoute circuits a subscription's networks are linked to (`Estate.circuits`) are facts of the
estate, found once: each with the networks linked to it, the service keys scripts link them with and the
link authorizations that are its (`Estate.circuit_of`). The plan's circuit steps and the readiness
summary's circuit rows both read them, so the summary is built without the plan."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from lint_support import lint_files

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plan import StepKind, build_plan
from migcheck.plugins import load_rules

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
KEY = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"

LINKS = f"""\
New-AzureDedicatedCircuitLink -ServiceKey "{KEY}" -VNetName "er-vnet"
New-AzureDedicatedCircuitLink -VNetName "other-vnet"
"""

AUTHORIZATIONS = f"""\
[[expressroute-authorization-links]]
circuit = "{KEY.upper()}"
vnet = "partner-vnet"

[[expressroute-authorization-links]]
circuit = "no-such-circuit"
vnet = "partner-vnet"
"""


def _contoso(monkeypatch):
    monkeypatch.chdir(EXAMPLES.parent)
    return lint(["examples/contoso"], Config(), load_rules(entry_points=False))


def test_the_circuit_of_a_dedicated_connection_with_its_authorizations(monkeypatch):
    estate = _contoso(monkeypatch).estate
    [circuit] = estate.circuits()
    assert [network.name for network in circuit.networks] == ["contoso-er-vnet"]
    assert circuit.service_keys == ()  # no file states its key: named by what it is linked to
    assert circuit.listed_name == "<circuit linked to contoso-er-vnet>"
    files = {a.mark.path for a in circuit.authorizations}
    assert (len(circuit.authorizations), files) == (2, {"examples/contoso/inventory/er-authorizations.json"})
    # The export names no circuit: its authorizations are the subscription's only circuit's.
    assert all(estate.circuit_of(a) is circuit for a in estate.inventory.link_authorizations)


def test_the_circuits_are_found_once(monkeypatch):
    estate = _contoso(monkeypatch).estate
    assert estate.circuits() is estate.circuits()


def test_circuits_scripts_link_with_and_without_a_key(tmp_path, monkeypatch):
    estate = lint_files(tmp_path, monkeypatch, {"link.ps1": LINKS}, dedent=False).estate
    keyed, unkeyed = estate.circuits()
    assert (keyed.name, keyed.listed_name, keyed.service_keys) == (KEY, KEY, ((KEY, "link.ps1:1"),))
    assert [network.name for network in keyed.networks] == ["er-vnet"]
    assert (unkeyed.name, unkeyed.listed_name, unkeyed.service_keys) == (
        "link.ps1",
        "<circuit linked to other-vnet>",
        (),
    )
    assert estate.circuit_of(None) is None


def test_an_authorization_is_the_circuit_s_it_names_and_none_of_another(tmp_path, monkeypatch):
    files = {"link.ps1": LINKS, "inventory.toml": AUTHORIZATIONS}
    estate = lint_files(tmp_path, monkeypatch, files, dedent=False).estate
    named, unknown = estate.inventory.link_authorizations
    keyed, unkeyed = estate.circuits()
    assert (keyed.authorizations, unkeyed.authorizations) == ((named,), ())
    assert (estate.circuit_of(named), estate.circuit_of(unknown)) == (keyed, None)


def test_the_plan_names_its_circuit_steps_as_the_estate_does(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"link.ps1": LINKS}, dedent=False)
    steps = [step for step in build_plan(result).steps if step.kind is StepKind.CIRCUIT]
    assert [step.name for step in steps] == [c.listed_name for c in result.estate.circuits()]
    assert [step.id for step in steps] == [f"circuit:{KEY}", "circuit:link.ps1"]


def test_the_readiness_summary_is_built_without_the_plan():
    # In a process of its own: another test may have imported the plan in this one.
    script = textwrap.dedent(
        """
        import os, sys
        from migcheck.config import Config
        from migcheck.engine import lint
        from migcheck.plugins import load_rules
        from migcheck.report.readiness import ScopeKind, readiness

        os.chdir(sys.argv[1])
        result = lint(["examples/contoso"], Config(), load_rules(entry_points=False))
        [summary] = readiness(result)
        [circuits] = [scope for scope in summary.scopes if scope.scope is ScopeKind.CIRCUITS]
        print([item.name for item in circuits.items], "migcheck.plan" in sys.modules)
        """
    )
    run = subprocess.run(
        [sys.executable, "-c", script, str(EXAMPLES.parent)], capture_output=True, text=True, check=True
    )
    assert run.stdout.strip() == "['<circuit linked to contoso-er-vnet>'] False"
