"""A string a template builds of parts some of which it does not state (`concat(parameters('p'), '-web')`,
Bicep's `'${p}-web'`, `concat('disks', uniqueString(...))`) is not known, and its stand-in says what is
stated of it (`<storage account name, …-web (… from parameter 'p'), azuredeploy.json:9:15>`, `disks…`): it is no longer taken for
the value of the parameter it starts with, which named another resource the same."""

from __future__ import annotations

import json

from migcheck.inventory_model import ClassicNetwork, ClassicStorageAccount, ClassicVm
from migcheck.readers import bicep, inventory

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"


def _account(name: str) -> dict:
    return {
        "type": "Microsoft.ClassicStorage/storageAccounts",
        "apiVersion": "2016-11-01",
        "name": name,
        "properties": {"accountType": "Standard-LRS"},
    }


def _names(records) -> list[str]:
    return [r.name for r in records if isinstance(r, ClassicStorageAccount)]


def test_json_strings_partly_stated():
    template = {
        "$schema": SCHEMA,
        "parameters": {"p": {"type": "string"}},
        "resources": [
            _account("[parameters('p')]"),
            _account("[concat(parameters('p'), '-web')]"),
            _account("[concat('disks', uniqueString(resourceGroup().id), '-', parameters('p'))]"),
        ],
    }
    document = inventory.read("azuredeploy.json", json.dumps(template, indent=2).encode())
    assert _names(document.resources) == [
        "<value of parameter 'p', azuredeploy.json:4:5>",
        "<storage account name, …-web (… from parameter 'p'), azuredeploy.json:20:15>",
        "<storage account name, disks…-… (… from parameter 'p'), azuredeploy.json:28:15>",
    ]


def test_bicep_strings_partly_stated():
    text = """\
param p string
resource plain 'Microsoft.ClassicStorage/storageAccounts@2016-11-01' = {
  name: p
  properties: { accountType: 'Standard-LRS' }
}
resource web 'Microsoft.ClassicStorage/storageAccounts@2016-11-01' = {
  name: '${p}-web'
  properties: { accountType: 'Standard-LRS' }
}
resource disks 'Microsoft.ClassicStorage/storageAccounts@2016-11-01' = [for n in ['a', 'b']: {
  name: concat(n, uniqueString(resourceGroup().id))
  properties: { accountType: 'Standard-LRS' }
}]
"""
    document = bicep.read("main.bicep", text.encode())
    assert _names(document.resources) == [
        "<value of parameter 'p', main.bicep:1:7>",
        "<storage account name, …-web (… from parameter 'p'), main.bicep:7:9>",
        "<storage account name, a…, main.bicep:11:9>",
        "<storage account name, b…, main.bicep:11:9>",
    ]


def test_a_vm_in_a_network_named_after_a_parameter_with_a_suffix_is_not_in_the_parameter_s_network():
    template = {
        "$schema": SCHEMA,
        "parameters": {"name": {"type": "string"}},
        "resources": [
            {
                "type": "Microsoft.ClassicNetwork/virtualNetworks",
                "apiVersion": "2016-11-01",
                "name": "[parameters('name')]",
                "properties": {
                    "addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
                    "subnets": [{"name": "front", "addressPrefix": "10.0.1.0/24"}],
                },
            },
            {
                "type": "Microsoft.ClassicCompute/virtualMachines",
                "apiVersion": "2017-04-01",
                "name": "web",
                "properties": {
                    "domainName": {"name": "shop"},
                    "hardwareProfile": {"size": "Small"},
                    "networkProfile": {
                        "virtualNetwork": {
                            "name": "[concat(parameters('name'), '-vnet')]",
                            "subnetNames": ["front"],
                        }
                    },
                },
            },
        ],
    }
    document = inventory.read("azuredeploy.json", json.dumps(template, indent=2).encode())
    (network,) = [r for r in document.resources if isinstance(r, ClassicNetwork)]
    (vm,) = [r for r in document.resources if isinstance(r, ClassicVm)]
    # The VM's network is not the one the template declares: its name only starts with the same value.
    assert network.name == "<value of parameter 'name', azuredeploy.json:4:5>"
    assert (
        vm.virtual_network
        == "<virtual network name, …-vnet (… from parameter 'name'), azuredeploy.json:40:21>"
    )
