"""A service an export places in two subnets of one classic network (an HDInsight cluster whose roles
sit in two subnets, an API Management service and its additional location, an App Service Environment
whose row names its subnet twice) is one record per subnet, as one declaration per subnet says it: every
subnet is named, each where the row writes it; one subnet alone is placed where the network is written."""

from __future__ import annotations

import json

from migcheck.inventory_model import ServiceInVnet
from migcheck.readers import inventory

VNET = "/subscriptions/0000/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks/prod-vnet"


def _records(kind: str, props: dict) -> list[ServiceInVnet]:
    row = {
        "id": f"/subscriptions/0000/resourceGroups/rg/providers/{kind}/x1",
        "name": "x1",
        "type": kind.lower(),
        "subscriptionId": "0000",
        "properties": props,
    }
    data = json.dumps({"data": [row]}, indent=2).encode()
    found = inventory.read("dependents.json", data).resources
    return [r for r in found if isinstance(r, ServiceInVnet)]


def _role(name: str, subnet: str) -> dict:
    return {"name": name, "virtualNetworkProfile": {"id": VNET, "subnet": subnet}}


def test_each_subnet_of_an_hdinsight_cluster_s_roles_is_named_where_written():
    roles = [_role("headnode", VNET + "/subnets/front"), _role("workernode", VNET + "/subnets/back")]
    roles.append(_role("zookeepernode", "back"))  # the same subnet again, by its name: once
    found = _records("Microsoft.HDInsight/clusters", {"computeProfile": {"roles": roles}})
    assert [(r.vnet, r.subnet) for r in found] == [("prod-vnet", "front"), ("prod-vnet", "back")]
    assert found[0].mark.line < found[1].mark.line


def test_api_management_s_additional_location_in_another_subnet_is_named():
    props = {
        "virtualNetworkType": "External",
        "virtualNetworkConfiguration": {"subnetResourceId": VNET + "/subnets/front"},
        "additionalLocations": [
            {"virtualNetworkConfiguration": {"subnetResourceId": VNET + "/subnets/back"}}
        ],
    }
    found = _records("Microsoft.ApiManagement/service", props)
    assert [r.subnet for r in found] == ["front", "back"]


def test_one_subnet_alone_is_placed_where_the_network_is_written():
    roles = [_role("headnode", VNET + "/subnets/front"), _role("workernode", "front")]
    (found,) = _records("Microsoft.HDInsight/clusters", {"computeProfile": {"roles": roles}})
    assert found.subnet == "front" and found.mark.line == 14  # the first role's network id


def test_a_network_with_no_subnet_stated_is_one_record():
    found = _records("Microsoft.HDInsight/clusters", {"computeProfile": {"roles": [_role("headnode", "")]}})
    assert [(r.vnet, r.subnet) for r in found] == [("prod-vnet", "")]


def test_an_ase_row_naming_its_subnet_twice_is_one_record_and_two_names_two():
    once = {"virtualNetwork": {"id": VNET, "subnet": VNET + "/subnets/front"}, "vnetSubnetName": "front"}
    assert [r.subnet for r in _records("Microsoft.Web/hostingEnvironments", once)] == ["front"]
    twice = {"virtualNetwork": {"id": VNET, "subnet": "front"}, "vnetSubnetName": "back"}
    assert [r.subnet for r in _records("Microsoft.Web/hostingEnvironments", twice)] == ["front", "back"]
