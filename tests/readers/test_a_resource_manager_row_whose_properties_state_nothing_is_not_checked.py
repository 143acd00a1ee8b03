"""A Resource Manager row whose `properties` is `{}` (or holds only its `provisioningState`) says nothing of
what the rules read of it: a network's peerings, a circuit's classic operations, the network a service is
deployed in, a role assignment's scope, a Defender plan's tier, what an alert or autoscale setting watches.
Each was read as a fact all the same (a network with no classic peering, a plan not on Standard, a service in
no classic network), so a blocker it may hold passed unseen. Each is now left unchecked, as a row whose
properties are null is: named in the export's one MIG001 with what is not stated of it. A Cloud Services
(extended support) row with `{}` still says the service exists, which is all its finding needs, and a
template's resource with `{}` is still one the file creates."""

from __future__ import annotations

import json

import pytest
from lint_support import graph_page, lint_files, where

SUB = "11111111-2222-3333-4444-555555555555"
IDS = f"/subscriptions/{SUB}/resourceGroups/rg1/providers"

# By type: the row's name and what MIG001 says is not stated of it.
UNSTATED = {
    "Microsoft.Network/virtualNetworks": "virtual network 'x' (peerings with classic networks)",
    "Microsoft.Network/virtualNetworks/virtualNetworkPeerings": (
        "virtual network peering 'x' (the network it peers with, its state)"
    ),
    "Microsoft.Network/expressRouteCircuits": (
        "ExpressRoute circuit 'x' (whether classic operations are allowed, service key, authorizations)"
    ),
    "Microsoft.ApiManagement/service": "API Management service 'x' (the network it is deployed in)",
    "Microsoft.HDInsight/clusters": "HDInsight cluster 'x' (the network it is deployed in)",
    "Microsoft.AAD/domainServices": "(the network it is deployed in)",
    "Microsoft.Web/hostingEnvironments": "(the network it is deployed in)",
    "Microsoft.RemoteApp/collections": "(the network it is deployed in)",
    "Microsoft.Authorization/roleAssignments": "role assignment 'x' (role, scope)",
    "Microsoft.Security/pricings": "Defender for Cloud plan 'x' (pricing tier)",
    "Microsoft.Insights/alertRules": "classic alert rule 'x' (the resource it watches)",
    "Microsoft.Insights/metricAlerts": "metric alert 'x' (the resources it watches)",
    "Microsoft.Insights/activityLogAlerts": "activity log alert 'x' (the resources it watches)",
    "Microsoft.Insights/autoscaleSettings": (
        "autoscale setting 'x' (the resource it scales, the metrics it reads)"
    ),
}


def _row(rtype: str, properties: object, name: str = "x") -> dict:
    return {
        "id": f"{IDS}/{rtype}/{name}",
        "name": name,
        "type": rtype,
        "subscriptionId": SUB,
        "properties": properties,
    }


@pytest.mark.parametrize("rtype", sorted(UNSTATED))
@pytest.mark.parametrize("properties", [{}, {"provisioningState": "Succeeded"}], ids=["empty", "state only"])
def test_a_row_stating_nothing_the_rules_read_is_named_in_mig001(rtype, properties, tmp_path, monkeypatch):
    export = graph_page(_row(rtype, properties))
    result = lint_files(tmp_path, monkeypatch, {"dependents.json": export}, dedent=False)
    at = export.index('"properties"') + 1
    assert where(result.findings) == [f"MIG001 dependents.json:1:{at}"]
    [finding] = result.findings
    assert finding.message.startswith("the export has properties that hold nothing the rules read")
    assert finding.message.endswith(UNSTATED[rtype])


def test_a_network_row_stating_its_peerings_is_read(tmp_path, monkeypatch):
    row = _row("Microsoft.Network/virtualNetworks", {"virtualNetworkPeerings": []})
    result = lint_files(tmp_path, monkeypatch, {"dependents.json": json.dumps([row])}, "MIG001", dedent=False)
    assert result.findings == []


def test_an_extended_support_row_with_empty_properties_still_names_the_service(tmp_path, monkeypatch):
    row = _row("Microsoft.Compute/cloudServices", {}, name="shop")
    result = lint_files(tmp_path, monkeypatch, {"services.json": json.dumps([row])}, dedent=False)
    assert [f.code for f in result.findings if f.code == "MIG001"] == []
    assert any("shop" in f.message for f in result.findings)


def test_a_template_s_network_with_empty_properties_is_one_it_creates(tmp_path, monkeypatch):
    template = {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        "contentVersion": "1.0.0.0",
        "resources": [
            {
                "type": "Microsoft.Network/virtualNetworks",
                "apiVersion": "2020-05-01",
                "name": "hub",
                "properties": {},
            }
        ],
    }
    result = lint_files(tmp_path, monkeypatch, {"azuredeploy.json": json.dumps(template)}, dedent=False)
    assert result.findings == []
