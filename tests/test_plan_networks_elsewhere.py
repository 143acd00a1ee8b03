"""The readiness summary and the plan keep another subscription's network apart from this subscription's
network of the same name (a peering, a service in it, an authorization link that names it); and a network
that a script's or an export's circuit link connects to ExpressRoute waits for its circuit, as one whose
configuration connects it does."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import LintResult, lint
from migcheck.plan import Plan, Step, StepKind, build_plan
from migcheck.plugins import load_rules
from migcheck.report.readiness import ScopeKind, readiness

RULES = load_rules(entry_points=False)
OURS = "3f1d2c4b-8a7e-4c1d-9b2a-5e6f7a8b9c0d"
HUB = "22222222-3333-4444-8555-666666666666"
OTHER = "44444444-5555-4666-8777-888888888888"

NETCFG = """\
<?xml version="1.0" encoding="utf-8"?>
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="prod-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="FrontEnd"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def classic_vnet(subscription: str, name: str = "prod-vnet") -> str:
    return (
        f"/subscriptions/{subscription}/resourceGroups/Default-Networking/providers/"
        f"Microsoft.ClassicNetwork/virtualNetworks/{name}"
    )


def hub_peered_with(*remotes: tuple[str, str]) -> dict:
    """A Resource Manager network of subscription HUB peered with the classic networks `remotes`
    ((peering name, network id)): one row, so one position for every peering."""
    peerings = [
        {"name": name, "properties": {"peeringState": "Connected", "remoteVirtualNetwork": {"id": remote}}}
        for name, remote in remotes
    ]
    return {
        "id": f"/subscriptions/{HUB}/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/hub-b",
        "name": "hub-b",
        "type": "microsoft.network/virtualnetworks",
        "subscriptionId": HUB,
        "properties": {"virtualNetworkPeerings": peerings},
    }


def ase_in(subscription: str, name: str) -> dict:
    """An App Service Environment of `subscription`, in its classic network prod-vnet."""
    return {
        "id": f"/subscriptions/{subscription}/resourceGroups/web/providers/Microsoft.Web/hostingEnvironments/{name}",
        "name": name,
        "type": "microsoft.web/hostingenvironments",
        "subscriptionId": subscription,
        "properties": {"virtualNetwork": {"id": classic_vnet(subscription), "subnet": "ase"}},
    }


@pytest.fixture
def checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """`checked(files)`: `files` (path -> text) written under a temporary folder that declares subscription
    OURS, and checked from there as `migcheck check .` does."""
    monkeypatch.chdir(tmp_path)

    def run(files: dict[str, str]) -> LintResult:
        files = {"pyproject.toml": f'[tool.migcheck.inventory]\nsubscription = "{OURS}"\n', **files}
        for path, text in files.items():
            (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / path).write_text(textwrap.dedent(text), encoding="utf-8")
        return lint(["."], Config(), RULES)

    return run


def export(*rows: dict) -> str:
    return json.dumps({"count": len(rows), "data": list(rows), "skip_token": None}, indent=2)


def networks(result: LintResult) -> list:
    (subscription,) = readiness(result)
    (in_vnet,) = [summary for summary in subscription.scopes if summary.scope is ScopeKind.IN_VNET]
    return list(in_vnet.items)


def network_item(result: LintResult, name: str = "prod-vnet"):
    (item,) = [i for i in networks(result) if i.name == name]
    return item


def steps(plan: Plan) -> dict[str, Step]:
    return {step.id: step for step in plan.steps}


def peering_names(findings) -> list[str]:
    return sorted(f.resource_name for f in findings if f.code == "MIG313")


# --- records of another subscription's network of the same name ------------------------------------------


def test_a_peering_to_another_subscriptions_network_of_the_same_name_is_not_this_ones(checked):
    # One Resource Manager network peered with prod-vnet of OURS and prod-vnet of OTHER: the row's position
    # is both peerings', and the networks share their name.
    result = checked(
        {
            "NetworkConfig.netcfg": NETCFG,
            "dependents.json": export(
                hub_peered_with(("to-ours", classic_vnet(OURS)), ("to-other", classic_vnet(OTHER)))
            ),
        }
    )
    assert peering_names(network_item(result).findings) == ["to-ours"]
    plan = build_plan(result)
    assert peering_names(steps(plan)["network:prod-vnet"].blockers) == ["to-ours"]
    (subscription,) = plan.subscriptions
    assert peering_names(subscription.other_blockers) == ["to-other"]


def test_another_subscriptions_peering_alone_leaves_the_network_ready(checked):
    result = checked(
        {
            "NetworkConfig.netcfg": NETCFG,
            "dependents.json": export(hub_peered_with(("to-other", classic_vnet(OTHER)))),
        }
    )
    assert not network_item(result).findings
    step = steps(build_plan(result))["network:prod-vnet"]
    assert step.ready and not step.blockers


def test_a_service_in_another_subscriptions_network_is_not_given_to_the_network_owning_the_rest_of_its_file(
    checked,
):
    # The export's file holds a service in OURS's prod-vnet too: a finding the estate does not place goes to
    # the one item that owns the rest of its file, but one about another subscription's network must not.
    result = checked(
        {
            "NetworkConfig.netcfg": NETCFG,
            "dependents.json": export(ase_in(OURS, "ase-ours"), ase_in(OTHER, "ase-other")),
        }
    )
    names = sorted(f.resource_name for f in network_item(result).findings if f.code == "MIG314")
    assert names == ["ase-ours"]
    (subscription,) = build_plan(result).subscriptions
    assert [f.resource_name for f in subscription.other_blockers if f.code == "MIG314"] == ["ase-other"]


# --- circuit links that no network configuration shows ---------------------------------------------------

LINKS = """\
[
    {"State": "Provisioned", "VnetName": "contoso-er-vnet"},
    {"State": "Provisioned", "VnetName": "contoso-app-vnet"}
]
"""
AUTHORIZATION = """\
{
    "Description": "Fabrikam analytics",
    "Limit": 2,
    "LinkAuthorizationId": "f4c8a2d0e1b34c7a9e5d6b7a8c9d0e1f",
    "MicrosoftIds": "netops@fabrikam.example",
    "Used": 1
}
"""


def utf16(text: str) -> bytes:
    return text.encode("utf-16")


def test_an_exports_circuit_links_make_a_circuit_step_the_networks_wait_for(tmp_path, monkeypatch):
    # As PowerShell 5 writes them: UTF-16, with a byte order mark.
    (tmp_path / "er-links.json").write_bytes(utf16(LINKS))
    (tmp_path / "er-authorizations.json").write_bytes(utf16(AUTHORIZATION))
    monkeypatch.chdir(tmp_path)
    plan = build_plan(lint(["."], Config(), RULES))
    by_id = steps(plan)
    (circuit,) = [step for step in plan.steps if step.kind is StepKind.CIRCUIT]
    assert "er-links.json" in circuit.moves[0] and "'contoso-er-vnet', 'contoso-app-vnet'" in circuit.moves[0]
    # The authorization of the one circuit of the subscription is that circuit's blocker.
    assert [b.code for b in circuit.blockers] == ["MIG311"]
    for name in ("contoso-er-vnet", "contoso-app-vnet"):
        step = by_id[f"network:{name}"]
        assert step.after == (circuit.id,) and step.wave == 2
        assert any("ConnectionsToLocalNetwork" in line for line in step.powershell.before)
        assert any(f"-VNetName '{name}'" in line for line in step.powershell.before)
        assert "circuit must already be in Resource Manager" in step.downtime
        assert f"the ExpressRoute gateway of '{name}'" in step.moves
    (subscription,) = plan.subscriptions
    assert not subscription.other_blockers


def test_a_scripts_circuit_links_make_a_circuit_step_per_service_key(plan_of):
    plan = plan_of(
        {
            "link.ps1": """\
                $key = "a1b2c3d4-0000-1111-2222-333344445555"
                New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName "hub"
                New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName "spoke"
                """
        }
    )
    by_id = steps(plan)
    circuit = by_id["circuit:a1b2c3d4-0000-1111-2222-333344445555"]
    assert "(used by 'hub', 'spoke')" in circuit.moves[0]
    for name in ("hub", "spoke"):
        step = by_id[f"network:{name}"]
        assert step.after == (circuit.id,)
        assert (
            f"Remove-AzureDedicatedCircuitLink -ServiceKey 'a1b2c3d4-0000-1111-2222-333344445555' -VNetName '{name}'"
            in step.powershell.before
        )
        # The step's commands and downtime say what MIG302 says: no note repeats it.
        assert not any(
            getattr(note, "finding", None) and note.finding.code == "MIG302" for note in step.notes
        )


def test_a_link_an_export_lists_for_a_network_its_configuration_connects_adds_no_circuit(plan_of):
    netcfg = Path(__file__).resolve().parents[1] / "examples" / "contoso" / "network" / "NetworkConfig.netcfg"
    plan = plan_of(
        {
            "NetworkConfig.netcfg": netcfg.read_text(encoding="utf-8"),
            "er-links.json": '[{"State": "Provisioned", "VnetName": "contoso-er-vnet"}]',
        }
    )
    assert [s.id for s in plan.steps if s.kind is StepKind.CIRCUIT] == ["circuit:contoso-dc-frankfurt"]
    assert steps(plan)["network:contoso-er-vnet"].after == ("circuit:contoso-dc-frankfurt",)


# --- authorization links ---------------------------------------------------------------------------------

AUTHORIZATION_LINK = """\
[[expressroute-authorization-links]]
circuit = "a1b2c3d4-0000-1111-2222-333344445555"
vnet = "{vnet}"
description = "Fabrikam analytics subscription"
"""


def test_a_network_only_an_authorization_link_names_is_not_a_step_here(checked):
    # The file declares a service in prod-vnet too: the item owning the rest of the file is prod-vnet's.
    service = '[[vnet-services]]\nvnet = "prod-vnet"\nservice = "hdinsight"\n\n'
    result = checked(
        {
            "NetworkConfig.netcfg": NETCFG,
            "links.toml": service + AUTHORIZATION_LINK.format(vnet="fabrikam-vnet"),
        }
    )
    assert [i.name for i in networks(result)] == ["prod-vnet"]
    assert [f.code for f in network_item(result).findings] == ["MIG315"]
    plan = build_plan(result)
    assert "network:fabrikam-vnet" not in steps(plan)
    (planned,) = plan.subscriptions
    assert [f.code for f in planned.other_blockers] == ["MIG311"]


def test_the_circuit_step_says_what_to_do_in_the_subscription_of_a_network_linked_through_it(checked):
    result = checked(
        {
            "link.ps1": 'New-AzureDedicatedCircuitLink -ServiceKey "a1b2c3d4-0000-1111-2222-333344445555" '
            '-VNetName "hub"\n',
            "links.toml": AUTHORIZATION_LINK.format(vnet="fabrikam-vnet"),
        }
    )
    by_id = steps(build_plan(result))
    assert "network:fabrikam-vnet" not in by_id
    circuit = by_id["circuit:a1b2c3d4-0000-1111-2222-333344445555"]
    assert [b.code for b in circuit.blockers] == ["MIG311"]
    (said,) = [note for note in circuit.notes if "'fabrikam-vnet'" in note]
    assert "not migrated in this subscription" in said and "Remove-AzureDedicatedCircuitLink" in said


def test_a_network_of_this_subscription_linked_through_an_authorization_is_not_said_to_have_no_downtime(
    checked,
):
    result = checked(
        {
            "NetworkConfig.netcfg": NETCFG,
            "links.toml": AUTHORIZATION_LINK.format(vnet="prod-vnet"),
        }
    )
    step = steps(build_plan(result))["network:prod-vnet"]
    assert [b.code for b in step.blockers] == ["MIG311"]
    assert not step.downtime.startswith("None")
    assert "cannot be migrated without downtime" in step.downtime
