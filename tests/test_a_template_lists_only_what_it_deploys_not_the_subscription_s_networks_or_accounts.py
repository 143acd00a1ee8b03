"""A deployment template (ARM JSON or Bicep) declares the classic networks and storage accounts it deploys,
not the subscription's: a VM another file places in a network the template does not declare, or whose disk
is in an account it does not declare, names nothing missing (no MIG003), as a Terraform configuration's
resources name nothing missing. A network configuration or a Resource Graph export of the subscription is
still the list, with the template's own resources added to it."""

from __future__ import annotations

import json

from lint_support import lint_files, where

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
SUB = "8c3f2a1e-5b7d-4e9a-a1c2-3d4e5f6a7b8c"

TEMPLATE = {
    "$schema": SCHEMA,
    "contentVersion": "1.0.0.0",
    "resources": [
        {
            "type": "Microsoft.ClassicNetwork/virtualNetworks",
            "apiVersion": "2016-11-01",
            "name": "prod-vnet",
            "location": "West Europe",
            "properties": {
                "addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
                "subnets": [{"name": "FrontEnd", "addressPrefix": "10.0.0.0/24"}],
            },
        },
        {
            "type": "Microsoft.ClassicStorage/storageAccounts",
            "apiVersion": "2016-11-01",
            "name": "logsacct",
            "location": "West Europe",
            "properties": {"accountType": "Standard-LRS"},
        },
    ],
}

BICEP = """\
resource vnet 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = {
  name: 'prod-vnet'
  location: 'westeurope'
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.0.0.0/16'
      ]
    }
    subnets: [
      {
        name: 'FrontEnd'
        addressPrefix: '10.0.0.0/24'
      }
    ]
  }
}

resource logs 'Microsoft.ClassicStorage/storageAccounts@2016-11-01' = {
  name: 'logsacct'
  location: 'westeurope'
  properties: {
    accountType: 'Standard-LRS'
  }
}
"""

# A VM of another network, whose disk is in another account: a Get-AzureVM export of it.
EXPORTED_VM = [
    {
        "ServiceName": "websvc",
        "DeploymentName": "websvc",
        "Name": "web01",
        "InstanceStatus": "ReadyRole",
        "VirtualNetworkName": "legacy-vnet",
        "VM": {
            "RoleName": "web01",
            "RoleType": "PersistentVMRole",
            "ConfigurationSets": [
                {"ConfigurationSetType": "NetworkConfiguration", "SubnetNames": ["Web"], "InputEndpoints": []}
            ],
            "OSVirtualHardDisk": {
                "DiskName": "web01-os",
                "MediaLink": "https://contosostd.blob.core.windows.net/vhds/web01-os.vhd",
            },
            "ResourceExtensionReferences": [],
            "AvailabilitySetName": None,
        },
        "OperationDescription": "Get-AzureVM",
    }
]


def _mig003(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    return where(lint_files(tmp_path, monkeypatch, files, "MIG003").findings)


def test_a_json_template_s_network_and_account_are_no_list_of_the_subscription_s(tmp_path, monkeypatch):
    files = {
        "templates/azuredeploy.json": json.dumps(TEMPLATE, indent=2),
        "vms.json": json.dumps(EXPORTED_VM),
    }
    assert _mig003(tmp_path, monkeypatch, files) == []


def test_a_bicep_file_s_network_and_account_are_no_list_of_the_subscription_s(tmp_path, monkeypatch):
    files = {"main.bicep": BICEP, "vms.json": json.dumps(EXPORTED_VM)}
    assert _mig003(tmp_path, monkeypatch, files) == []


def test_a_resource_graph_export_beside_a_template_is_still_the_list(tmp_path, monkeypatch):
    """The export lists the subscription's networks and accounts; the template's are the subscription's
    too. The exported VM's network and account are in neither: both are MIG003, at the export."""
    rows = [
        {
            "id": f"/subscriptions/{SUB}/resourceGroups/Default-Storage/providers/"
            "Microsoft.ClassicStorage/storageAccounts/otheracct",
            "name": "otheracct",
            "type": "microsoft.classicstorage/storageaccounts",
            "subscriptionId": SUB,
            "properties": {"accountType": "Standard-LRS"},
        },
        {
            "id": f"/subscriptions/{SUB}/resourceGroups/Default-Networking/providers/"
            "Microsoft.ClassicNetwork/virtualNetworks/other-vnet",
            "name": "other-vnet",
            "type": "microsoft.classicnetwork/virtualnetworks",
            "subscriptionId": SUB,
            "properties": {
                "addressSpace": {"addressPrefixes": ["10.9.0.0/16"]},
                "subnets": [{"name": "Web", "addressPrefix": "10.9.0.0/24"}],
            },
        },
    ]
    graph = json.dumps({"count": 2, "data": rows, "skip_token": None, "total_records": 2}, indent=1)
    files = {
        "templates/azuredeploy.json": json.dumps(TEMPLATE, indent=2),
        "classic.json": graph,
        "vms.json": json.dumps(EXPORTED_VM, indent=1),
    }
    found = _mig003(tmp_path, monkeypatch, files)
    assert [f.split(":")[0] for f in found] == ["MIG003 vms.json", "MIG003 vms.json"]
