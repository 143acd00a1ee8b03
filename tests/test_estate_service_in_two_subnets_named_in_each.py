"""A service an export places in two subnets of one classic network is reported in each (MIG315 per
subnet), as two declarations of it, one per subnet, are: the estate keeps a record per subnet."""

from __future__ import annotations

import json

from tests.lint_support import lint_files

VNET = "/subscriptions/0000/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks/prod-vnet"


def test_an_hdinsight_cluster_in_two_subnets_is_reported_in_each(tmp_path, monkeypatch):
    roles = [
        {"name": role, "virtualNetworkProfile": {"id": VNET, "subnet": f"{VNET}/subnets/{subnet}"}}
        for role, subnet in (("headnode", "front"), ("workernode", "back"))
    ]
    row = {
        "id": "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.HDInsight/clusters/x1",
        "name": "x1",
        "type": "microsoft.hdinsight/clusters",
        "subscriptionId": "0000",
        "properties": {"computeProfile": {"roles": roles}},
    }
    files = {"dependents.json": json.dumps({"data": [row]}, indent=2)}
    found = lint_files(tmp_path, monkeypatch, files, "MIG315").findings
    assert sorted(f.message.split(", ")[-1].split(":")[0] for f in found) == [
        "subnet 'back'",
        "subnet 'front'",
    ]
