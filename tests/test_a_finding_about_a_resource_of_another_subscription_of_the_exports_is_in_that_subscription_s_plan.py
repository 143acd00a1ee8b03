"""One Resource Graph export of several subscriptions (as `az graph query --management-groups` gives it) checks
the classic resources of each as an estate of its own. A finding about what the export places in one of them, a
Resource Manager hub of one subscription peered with a classic network of another, or a Defender plan of one
subscription, is that subscription's: its network's step and readiness show it, where it was filed under a
subscription 'default' that no file or export names, and the peered network's step said "ready"."""

from __future__ import annotations

import pytest
from lint_support import graph_network, graph_page, graph_vm, hub_peered_with_classic, lint_files

from migcheck.plan import build_plan
from migcheck.report.readiness import Verdict, readiness

FIRST = "aaaaaaaa-0000-0000-0000-000000000001"
SECOND = "bbbbbbbb-0000-0000-0000-000000000002"


def hub_of_second_peered_with_first(remote_id_case: str) -> dict:
    """The Resource Manager hub of SECOND peered with FIRST's classic 'SharedNet', the remote network's id
    written in the casing given ("" as Resource Graph writes it, "upper" in capitals)."""
    hub = hub_peered_with_classic(SECOND, "SharedNet")
    peering = hub["properties"]["virtualNetworkPeerings"][0]["properties"]
    remote = peering["remoteVirtualNetwork"]["id"].replace(SECOND, FIRST)
    peering["remoteVirtualNetwork"]["id"] = remote.upper() if remote_id_case == "upper" else remote
    return hub


def hdinsight_of_second_in_first_s_network() -> dict:
    """An HDInsight cluster of SECOND whose workers are in FIRST's classic 'SharedNet'."""
    network = (
        f"/subscriptions/{FIRST}/resourceGroups/Default-Networking/providers/"
        "Microsoft.ClassicNetwork/virtualNetworks/SharedNet"
    )
    profile = {"id": network, "subnet": f"{network}/subnets/app"}
    return {
        "id": f"/subscriptions/{SECOND}/resourceGroups/data/providers/Microsoft.HDInsight/clusters/hadoop",
        "name": "hadoop",
        "type": "microsoft.hdinsight/clusters",
        "subscriptionId": SECOND,
        "properties": {
            "computeProfile": {"roles": [{"name": "workernode", "virtualNetworkProfile": profile}]}
        },
    }


@pytest.mark.parametrize(
    ("reaching", "code"),
    [
        (hub_of_second_peered_with_first(""), "MIG313"),
        (hub_of_second_peered_with_first("upper"), "MIG313"),
        (hdinsight_of_second_in_first_s_network(), "MIG315"),
    ],
    ids=["peering", "peering-id-in-capitals", "service-in-network"],
)
def test_a_network_another_subscription_s_resource_reaches_into_fails_in_its_own_subscription(
    tmp_path, monkeypatch, reaching: dict, code: str
) -> None:
    rows = [
        graph_network(FIRST, "SharedNet", "app"),
        graph_network(FIRST, "OtherNet", "app"),  # the export's file is not SharedNet's alone
        graph_network(SECOND, "SharedNet", "app"),
        reaching,
    ]
    result = lint_files(tmp_path, monkeypatch, {"classic.json": graph_page(*rows, indent=2)})
    assert [f.code for f in result.findings] == [code]
    verdicts = {
        summary.subscription: [(item.name, item.verdict) for item in summary.items]
        for summary in readiness(result)
        if any(summary.items)
    }
    assert verdicts == {
        FIRST: [("SharedNet", Verdict.FAILED), ("OtherNet", Verdict.PASSED)],
        SECOND: [("SharedNet", Verdict.PASSED)],
    }
    steps = {
        s.subscription: [(step.name, step.ready) for step in s.steps]
        for s in build_plan(result).subscriptions
    }
    assert sorted(steps[FIRST]) == [("OtherNet", True), ("SharedNet", False)]
    assert steps[SECOND] == [("SharedNet", True)]


def defender_plan(subscription: str, tier: str) -> dict:
    return {
        "id": f"/subscriptions/{subscription}/providers/Microsoft.Security/pricings/VirtualMachines",
        "name": "VirtualMachines",
        "type": "microsoft.security/pricings",
        "subscriptionId": subscription,
        "properties": {"pricingTier": tier},
    }


def test_a_defender_plan_of_one_subscription_is_a_note_of_that_subscription_s_plan(
    tmp_path, monkeypatch
) -> None:
    files = {
        "classic.json": graph_page(
            graph_vm(FIRST, "svc-a", "vma"), graph_vm(SECOND, "svc-b", "vmb"), indent=2
        ),
        "defender.json": graph_page(
            defender_plan(FIRST, "Standard"), defender_plan(SECOND, "Free"), indent=2
        ),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG207")
    [finding] = result.findings
    assert finding.code == "MIG207"
    holding = [
        summary.subscription
        for summary in readiness(result)
        if any(finding in item.findings for item in summary.items)
    ]
    assert holding == [FIRST]
    noted = [
        s.subscription
        for s in build_plan(result).subscriptions
        if any(n.finding.mark == finding.mark for n in s.other_notes)
    ]
    assert noted == [FIRST]
