"""A network connected to ExpressRoute waits for its circuit's step: its downtime points at that step by the
number every plan format gives it (`(step 2)`), as "after step 2" does, never by the step's id."""

from __future__ import annotations

import json

import pytest

from migcheck.cli import main


def netcfg() -> str:
    """Networks `red` on circuit `dc1`, `blue` on circuit `dc2`, `both` on the two and `plain` on none."""
    sites = "".join(
        f'<LocalNetworkSite name="{site}"><AddressSpace><AddressPrefix>{prefix}</AddressPrefix></AddressSpace>'
        "</LocalNetworkSite>"
        for site, prefix in (("dc1", "192.168.0.0/16"), ("dc2", "172.16.0.0/12"))
    )
    networks = []
    for n, (name, circuits) in enumerate(
        (("plain", ()), ("red", ("dc1",)), ("blue", ("dc2",)), ("both", ("dc1", "dc2")))
    ):
        refs = "".join(
            f'<LocalNetworkSiteRef name="{c}"><Connection type="Dedicated"/></LocalNetworkSiteRef>'
            for c in circuits
        )
        gateway = (
            f"<Gateway><ConnectionsToLocalNetwork>{refs}</ConnectionsToLocalNetwork></Gateway>"
            if refs
            else ""
        )
        networks.append(
            f'<VirtualNetworkSite name="{name}" Location="West Europe">'
            f"<AddressSpace><AddressPrefix>10.{n}.0.0/16</AddressPrefix></AddressSpace>"
            f'<Subnets><Subnet name="A"><AddressPrefix>10.{n}.0.0/24</AddressPrefix></Subnet></Subnets>{gateway}'
            "</VirtualNetworkSite>"
        )
    return (
        f"<NetworkConfiguration><VirtualNetworkConfiguration><LocalNetworkSites>{sites}</LocalNetworkSites>"
        f"<VirtualNetworkSites>{''.join(networks)}</VirtualNetworkSites></VirtualNetworkConfiguration>"
        "</NetworkConfiguration>\n"
    )


@pytest.fixture
def circuits(plan_of):
    return plan_of({"net/NetworkConfig.netcfg": netcfg()})


def numbered(plan) -> dict[str, tuple[int, object]]:
    return {step.id: (n, step) for n, step in enumerate(plan.subscriptions[0].steps, 1)}


def test_each_network_names_the_steps_of_its_circuits_by_their_numbers(circuits):
    steps = numbered(circuits)
    first, second = steps["circuit:dc1"][0], steps["circuit:dc2"][0]
    assert {first, second} == {1, 2}
    assert f"must already be in Resource Manager (step {first})." in steps["network:red"][1].downtime
    assert f"must already be in Resource Manager (step {second})." in steps["network:blue"][1].downtime
    both = steps["network:both"][1]
    assert f"must already be in Resource Manager (step {first}, step {second})." in both.downtime
    assert both.after == ("circuit:dc1", "circuit:dc2")  # ids stay what tools follow
    assert "ExpressRoute" not in steps["network:plain"][1].downtime


@pytest.mark.parametrize("form", ["text", "markdown", "html", "json"])
def test_no_format_shows_a_steps_id_in_its_text(circuits, capsys, form):
    capsys.readouterr()
    assert main(["plan", ".", "--format", form]) == 0
    out = capsys.readouterr().out
    assert "(step 1)" in out and "(step 2)" in out and "(step 1, step 2)" in out
    if form == "json":
        steps = json.loads(out)["subscriptions"][0]["steps"]
        assert "circuit:" not in " ".join(step["downtime"] for step in steps)
        assert [step["after"] for step in steps if step["id"] == "network:both"] == [
            ["circuit:dc1", "circuit:dc2"]
        ]
    else:
        assert "step circuit:" not in out and "after circuit:" not in out
