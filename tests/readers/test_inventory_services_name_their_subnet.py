"""An App Service Environment or HDInsight cluster in a classic network, read from a Resource Graph row,
is placed in the subnet the row states beside the network's id (ASE `virtualNetwork.subnet` or
`vnetSubnetName`, HDInsight `virtualNetworkProfile.subnet` as a name or an id), as a declaration says it."""

from __future__ import annotations

import json

import pytest

from tests.lint_support import lint_files

VNET = "/subscriptions/0000/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks/prod-vnet"


def _row(kind: str, props: dict) -> dict:
    return {
        "id": f"/subscriptions/0000/resourceGroups/rg/providers/{kind}/x1",
        "name": "x1",
        "type": kind.lower(),
        "subscriptionId": "0000",
        "properties": props,
    }


ROWS = {
    "ase subnet id": (
        "Microsoft.Web/hostingEnvironments",
        {"virtualNetwork": {"id": VNET, "subnet": VNET + "/subnets/front"}},
        "MIG314",
    ),
    "ase subnet": (
        "Microsoft.Web/hostingEnvironments",
        {"virtualNetwork": {"id": VNET, "subnet": "front"}},
        "MIG314",
    ),
    "ase vnetSubnetName": (
        "Microsoft.Web/hostingEnvironments",
        {"virtualNetwork": {"id": VNET}, "vnetSubnetName": "front"},
        "MIG314",
    ),
    "hdinsight name": (
        "Microsoft.HDInsight/clusters",
        {"computeProfile": {"roles": [{"virtualNetworkProfile": {"id": VNET, "subnet": "front"}}]}},
        "MIG315",
    ),
    "hdinsight id": (
        "Microsoft.HDInsight/clusters",
        {
            "computeProfile": {
                "roles": [{"virtualNetworkProfile": {"id": VNET, "subnet": VNET + "/subnets/front"}}]
            }
        },
        "MIG315",
    ),
}


@pytest.mark.parametrize("case", ROWS)
def test_the_subnet_the_row_states_is_named(tmp_path, monkeypatch, case):
    kind, props, code = ROWS[case]
    files = {"dependents.json": json.dumps({"data": [_row(kind, props)]})}
    (found,) = lint_files(tmp_path, monkeypatch, files, code).findings
    assert "classic virtual network 'prod-vnet', subnet 'front'" in found.message


def test_a_subnet_id_of_another_network_names_no_subnet(tmp_path, monkeypatch):
    other = VNET.replace("prod-vnet", "other-vnet") + "/subnets/front"
    row = _row("Microsoft.Web/hostingEnvironments", {"virtualNetwork": {"id": VNET, "subnet": other}})
    files = {"dependents.json": json.dumps({"data": [row]})}
    (found,) = lint_files(tmp_path, monkeypatch, files, "MIG314").findings
    assert (
        "classic virtual network 'prod-vnet':" in found.message
        and "subnet" not in found.message.split(":")[0]
    )
