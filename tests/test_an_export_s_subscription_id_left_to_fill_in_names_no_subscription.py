"""An export whose `subscriptionId` (and the ids' `/subscriptions/` segment) is one left to fill in (`<sub id>`,
`{subscription}`, the empty GUID) names no subscription: its rows are of the subscription of the files beside
them, as rows that write none are. It was keyed as a subscription of its own: the network one export defines
was another subscription's than the VMs another export places in it, the VM's subnet was not looked for in
it, and the plan had a step 0 that selected `<subscription id of <sub id>>`."""

from __future__ import annotations

import pytest
from lint_support import graph_network, graph_page, graph_vm, lint_files

from migcheck.plan import build_plan

SUBSCRIPTION = "11111111-2222-3333-4444-555555555555"


@pytest.mark.parametrize("written", ["<sub id>", "{subscription}", "00000000-0000-0000-0000-000000000000"])
def test_a_network_exported_under_a_placeholder_subscription_is_the_one_its_vms_are_in(
    tmp_path, monkeypatch, written: str
) -> None:
    files = {
        "vms.json": graph_page(
            graph_vm(SUBSCRIPTION, "shop", "web1", vnet="app-vnet", subnet="db"), indent=2
        ),
        "networks.json": graph_page(graph_network(written, "app-vnet", "web"), indent=2),
    }
    result = lint_files(tmp_path, monkeypatch, files)
    assert [(f.code, f.message) for f in result.findings] == [
        ("MIG003", "subnet 'db' is not a subnet of virtual network 'app-vnet'")
    ]
    plan = build_plan(result)
    assert [s.preamble.subscription_id for s in plan.subscriptions if s.preamble] == [SUBSCRIPTION]
