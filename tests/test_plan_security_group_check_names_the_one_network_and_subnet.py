"""An exported security group whose row does not say what uses it is moved on its own only "if nothing uses
it", and its step says how to check each subnet: with the network and subnet the files state when they know
exactly one of each (an export of one network with one subnet), with placeholders when they know several
or none."""

from __future__ import annotations

from lint_support import graph_network, graph_page, graph_vm

SUB = "11111111-2222-3333-4444-555555555555"
NSG = {
    "id": f"/subscriptions/{SUB}/resourceGroups/Default-Networking/providers/"
    "Microsoft.ClassicNetwork/networkSecurityGroups/nsg1",
    "name": "nsg1",
    "type": "microsoft.classicnetwork/networksecuritygroups",
    "subscriptionId": SUB,
    "properties": {"rules": []},
}


def _check(plan: object) -> str:
    [step] = [s for s in plan.steps if s.id.startswith("unattached:")]  # type: ignore[attr-defined]
    [note] = [n for n in step.notes if n.startswith("Unattached if no subnet or VM uses it")]
    return note


def test_one_network_with_one_subnet_is_named(plan_of):
    rows = graph_page(
        graph_network(SUB, "vnet1", "Sub1"), graph_vm(SUB, "cs1", "vm1", vnet="vnet1", subnet="Sub1"), NSG
    )
    note = _check(plan_of({"inventory/classic.json": rows}))
    assert (
        "Get-AzureNetworkSecurityGroupForSubnet -VirtualNetworkName 'vnet1' -SubnetName 'Sub1' (the one subnet "
        "the files show; any other likewise)"
    ) in note


def test_several_networks_or_none_keep_the_placeholders(plan_of):
    for rows in (graph_page(graph_network(SUB, "vnet1"), graph_network(SUB, "vnet2"), NSG), graph_page(NSG)):
        note = _check(plan_of({"inventory/classic.json": rows}))
        assert "-VirtualNetworkName '<network>' -SubnetName '<subnet>' for each subnet" in note


def test_one_network_with_several_subnets_names_the_network_only(plan_of):
    network = graph_network(SUB, "vnet1")
    network["properties"]["subnets"].append({"name": "Sub2", "addressPrefix": "10.0.1.0/24"})
    note = _check(plan_of({"inventory/classic.json": graph_page(network, NSG)}))
    assert "-VirtualNetworkName 'vnet1' -SubnetName '<subnet>' for each subnet" in note
