"""An `azurerm_virtual_network_peering` whose `virtual_network_name` references the Resource Manager network's
block (`azurerm_virtual_network.hub.name`, an instance's `azurerm_virtual_network.spoke[0].name`, a data source's
`data.azurerm_virtual_network.hub.name`, in `.tf.json` too) is a peering of the network that block names
(MIG313); one the configuration does not state (a variable of no value) is a stand-in where the peering names it,
as the script readers name one: never a network named ''."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import lint_files

VNET = (
    "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/Default-Networking/providers/"
    "Microsoft.ClassicNetwork/virtualNetworks/vnet1"
)

CONFIGURATION = f"""\
variable "hub" {{}}

resource "azurerm_virtual_network" "hub" {{
  name                = "hub-vnet"
  resource_group_name = "hub-rg"
  location            = "westeurope"
  address_space       = ["10.1.0.0/16"]
}}

resource "azurerm_virtual_network" "spoke" {{
  count               = 2
  name                = "spoke-${{count.index}}"
  resource_group_name = "hub-rg"
  location            = "westeurope"
  address_space       = ["10.2.0.0/16"]
}}

resource "azurerm_virtual_network_peering" "hub" {{
  name                      = "hub-to-classic"
  resource_group_name       = "hub-rg"
  virtual_network_name      = azurerm_virtual_network.hub.name
  remote_virtual_network_id = "{VNET}"
}}

resource "azurerm_virtual_network_peering" "spoke" {{
  name                      = "spoke-to-classic"
  resource_group_name       = "hub-rg"
  virtual_network_name      = azurerm_virtual_network.spoke[1].name
  remote_virtual_network_id = "{VNET}"
}}

resource "azurerm_virtual_network_peering" "given" {{
  name                      = "given-to-classic"
  resource_group_name       = "hub-rg"
  virtual_network_name      = var.hub
  remote_virtual_network_id = "{VNET}"
}}
"""


def test_each_peering_names_its_resource_manager_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"main.tf": CONFIGURATION}, "MIG313", dedent=False)
    said = sorted(
        f.message.split(" (peering")[0].split("Resource Manager network ")[1] for f in result.findings
    )
    assert said == ["'<Resource Manager network, main.tf:35>'", "'hub-vnet'", "'spoke-1'"]


DATA_SOURCE = {
    "data": {"azurerm_virtual_network": {"hub": {"name": "hub-vnet", "resource_group_name": "hub-rg"}}},
    "resource": {
        "azurerm_virtual_network": {"hub": {"name": "another-vnet", "resource_group_name": "hub-rg"}},
        "azurerm_virtual_network_peering": {
            "hub": {
                "name": "hub-to-classic",
                "virtual_network_name": "${data.azurerm_virtual_network.hub.name}",
                "remote_virtual_network_id": VNET,
            }
        },
    },
}


def test_a_data_source_s_network_is_the_name_it_looks_up_in_json_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"main.tf.json": json.dumps(DATA_SOURCE, indent=2)}
    [found] = lint_files(tmp_path, monkeypatch, files, "MIG313", dedent=False).findings
    assert "peered with Resource Manager network 'hub-vnet' (peering 'hub-to-classic')" in found.message
