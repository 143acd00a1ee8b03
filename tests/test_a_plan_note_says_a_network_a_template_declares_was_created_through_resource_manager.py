"""The step of a classic network an ARM template, Bicep file or azapi resource declares in a resource group
it names is moved by its `Group <resource group> <name>` name, as one created in the Azure portal is; its note
says the network was created through Resource Manager by that file, where it said "created in the Azure
portal", which no file showed. A network an export files under a group of its own is still said to have been
created in the Azure portal."""

from __future__ import annotations

import json

from test_a_classic_network_a_template_deploys_to_a_group_it_names_is_moved_by_its_classic_name import (
    AZAPI,
    MAIN_BICEP,
    NET_BICEP,
    _nested_in,
)

EXPORTED = {
    "id": "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/net-rg/providers/"
    "Microsoft.ClassicNetwork/virtualNetworks/vnet1",
    "name": "vnet1",
    "type": "microsoft.classicnetwork/virtualnetworks",
    "location": "westeurope",
    "subscriptionId": "00000000-0000-0000-0000-000000000001",
    "properties": {
        "addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
        "subnets": [{"name": "Sub1", "addressPrefix": "10.0.0.0/24"}],
    },
}


def _created(plan) -> str:
    [step] = [step for step in plan.steps if step.id.startswith("network:")]
    [note] = [n for n in step.notes if isinstance(n, str) and n.startswith("This network was created")]
    assert "its classic name, the one the commands take, is 'Group <resource group> <name>'" in note
    return note.split(":", 1)[0]


def test_a_template_s_network(plan_of):
    created = _created(plan_of({"azuredeploy.json": _nested_in("net-rg")}))
    assert (
        created == "This network was created through Resource Manager by the ARM template 'azuredeploy.json'"
    )


def test_a_bicep_file_s_network(plan_of):
    created = _created(plan_of({"main.bicep": MAIN_BICEP, "net.bicep": NET_BICEP}))
    assert created.startswith("This network was created through Resource Manager by the Bicep")
    assert "Azure portal" not in created


def test_an_azapi_resource_s_network(plan_of):
    created = _created(plan_of({"main.tf": AZAPI}))
    assert created.startswith("This network was created through Resource Manager by the ")
    assert "Azure portal" not in created


def test_an_exported_network_filed_under_a_group_of_its_own(plan_of):
    created = _created(plan_of({"networks.json": json.dumps({"data": [EXPORTED]})}))
    assert created == "This network was created in the Azure portal"
