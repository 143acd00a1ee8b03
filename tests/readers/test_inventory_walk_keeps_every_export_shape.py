"""A folder walk keeps every export the inventory reader reads: the walk's byte test (`inventory.sniff`)
accepts an export of each resource type the reader has a builder for (`BUILDERS`) and of each classic
cmdlet, or classic Azure CLI command, whose objects it reads (`CMDLET_OBJECTS`), in each envelope (`az graph query`, its 1.x bare array,
Search-AzGraph with and without Windows PowerShell's `{"value", "Count"}`, a list call's `{"value"}`, one
object), in each encoding the tools write (UTF-8 with and without a byte order mark, UTF-16 as Windows
PowerShell 5's `Out-File` writes it, with a BOM and without). A walk reads each as the command line does.

The case found: `Get-AzureVM | Select-Object ... | ConvertTo-Json` writes no `PersistentVMRole` (the VM's
`RoleType` was not selected), and the byte test looked for that word: the export, read when named (MIG208),
was skipped by a walk of its folder ("Nothing checked").

The catalogues below are checked against the reader's own lists, so that a shape added to the reader
without a sample here fails, rather than being skipped by walks unnoticed."""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable

import pytest
from lint_support import RULES, graph_network, graph_reserved_ip, graph_vm, lint_files, where
from test_inventory_not_claimed import APPLICATION_GATEWAY

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.inventory_model import ExportPage
from migcheck.model import Document
from migcheck.readers import inventory, read_document
from migcheck.readers.inventory_shapes import BUILDERS, CMDLET_OBJECTS, cmdlet_of

SUB = "8f3c2a71-5d4e-4b9a-9c1f-2e6d7a8b9c0d"
CLASSIC_VNET = (
    f"/subscriptions/{SUB}/resourceGroups/Default-Networking/providers/"
    "Microsoft.ClassicNetwork/virtualNetworks/prod-vnet"
)
CLASSIC_SUBNET = f"{CLASSIC_VNET}/subnets/app"
CLASSIC_SERVICE = (
    f"/subscriptions/{SUB}/resourceGroups/shop/providers/Microsoft.ClassicCompute/domainNames/shop"
)
CLASSIC_VM_CONTRIBUTOR = "d73bb868-a0df-4d4d-bd69-98a00b01fccb"
MODEL = "Microsoft.WindowsAzure.Commands.ServiceManagement.Model"


def _arm_id(group: str, rtype: str, name: str) -> str:
    return f"/subscriptions/{SUB}/resourceGroups/{group}/providers/{rtype}/{name}"


def _row(rtype: str, name: str, properties: dict, group: str = "ops") -> dict:
    """A row as Resource Graph writes it (`project id, name, type, ..., properties`)."""
    return {
        "id": _arm_id(group, rtype, name),
        "name": name,
        "type": rtype.lower(),
        "location": "westeurope",
        "resourceGroup": group,
        "subscriptionId": SUB,
        "properties": properties,
    }


_PEERING = {
    "name": "to-classic",
    "properties": {"peeringState": "Connected", "remoteVirtualNetwork": {"id": CLASSIC_VNET}},
}
_CLASSIC_METRIC = {"odata.type": "Microsoft.Azure.Management.Insights.Models.RuleMetricDataSource"}

# For each resource type the reader builds records from, a row whose properties give one.
ROWS: dict[str, dict] = {
    "microsoft.classiccompute/virtualmachines": graph_vm(SUB, "shop", "web01"),
    "microsoft.classicnetwork/virtualnetworks": graph_network(SUB, "prod-vnet"),
    "microsoft.classicstorage/storageaccounts": _row(
        "Microsoft.ClassicStorage/storageAccounts",
        "shopdisks",
        {"accountType": "Premium-LRS"},
        "Default-Storage",
    ),
    "microsoft.classicnetwork/reservedips": graph_reserved_ip(SUB, "shop-ip", "shop"),
    "microsoft.classicnetwork/networksecuritygroups": _row(
        "Microsoft.ClassicNetwork/networkSecurityGroups", "web-nsg", {}, "Default-Networking"
    ),
    "microsoft.network/virtualnetworks": _row(
        "Microsoft.Network/virtualNetworks", "hub", {"virtualNetworkPeerings": [_PEERING]}
    ),
    "microsoft.network/virtualnetworks/virtualnetworkpeerings": _row(
        "Microsoft.Network/virtualNetworks", "hub/virtualNetworkPeerings/to-classic", _PEERING["properties"]
    )
    | {"type": "Microsoft.Network/virtualNetworks/virtualNetworkPeerings"},
    "microsoft.network/expressroutecircuits": _row(
        "Microsoft.Network/expressRouteCircuits",
        "er-ams",
        {"serviceKey": "0c7b2a4e-3f1d-4e8a-9b6c-5d2e1f0a9b8c", "allowClassicOperations": True},
    ),
    "microsoft.apimanagement/service": _row(
        "Microsoft.ApiManagement/service",
        "shop-apim",
        {
            "virtualNetworkType": "External",
            "virtualNetworkConfiguration": {"subnetResourceId": CLASSIC_SUBNET},
        },
    ),
    "microsoft.hdinsight/clusters": _row(
        "Microsoft.HDInsight/clusters",
        "logs",
        {
            "computeProfile": {
                "roles": [{"virtualNetworkProfile": {"id": CLASSIC_VNET, "subnet": CLASSIC_SUBNET}}]
            }
        },
    ),
    "microsoft.aad/domainservices": _row(
        "Microsoft.AAD/domainServices", "contoso.example", {"subnetId": CLASSIC_SUBNET}
    ),
    "microsoft.web/hostingenvironments": _row(
        "Microsoft.Web/hostingEnvironments", "ase1", {"virtualNetwork": {"id": CLASSIC_VNET, "subnet": "app"}}
    )
    | {"kind": "ASEV1"},
    "microsoft.remoteapp/collections": _row(
        "Microsoft.RemoteApp/collections", "desk", {"vnet": {"subnetId": CLASSIC_SUBNET}}
    ),
    "microsoft.compute/cloudservices": _row(
        "Microsoft.Compute/cloudServices", "shop", {"roleProfile": {"roles": [{"name": "Web"}]}}
    ),
    "microsoft.authorization/roleassignments": {
        "id": f"/subscriptions/{SUB}/providers/Microsoft.Authorization/roleAssignments/4a9e",
        "name": "4a9e",
        "type": "microsoft.authorization/roleassignments",
        "subscriptionId": SUB,
        "properties": {
            "scope": f"/subscriptions/{SUB}",
            "roleDefinitionId": f"/subscriptions/{SUB}/providers/Microsoft.Authorization/roleDefinitions/"
            f"{CLASSIC_VM_CONTRIBUTOR}",
            "principalId": "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b",
            "principalType": "User",
        },
    },
    "microsoft.security/pricings": {
        "id": f"/subscriptions/{SUB}/providers/Microsoft.Security/pricings/VirtualMachines",
        "name": "VirtualMachines",
        "type": "microsoft.security/pricings",
        "subscriptionId": SUB,
        "properties": {"pricingTier": "Standard"},
    },
    "microsoft.insights/alertrules": _row(
        "microsoft.insights/alertrules",
        "cpu-high",
        {
            "name": "cpu-high",
            "isEnabled": True,
            "condition": {
                "dataSource": _CLASSIC_METRIC | {"resourceUri": CLASSIC_SERVICE, "metricName": "CPU"}
            },
        },
    ),
    "microsoft.insights/metricalerts": _row(
        "Microsoft.Insights/metricAlerts", "cpu", {"scopes": [CLASSIC_SERVICE], "enabled": True}
    ),
    "microsoft.insights/activitylogalerts": _row(
        "Microsoft.Insights/activityLogAlerts", "changes", {"scopes": [CLASSIC_SERVICE], "enabled": True}
    ),
    "microsoft.insights/autoscalesettings": _row(
        "Microsoft.Insights/autoscalesettings",
        "web-scale",
        {"enabled": True, "targetResourceUri": f"{CLASSIC_SERVICE}/slots/Production/roles/web"},
    ),
}

# The ways a list of rows is written to a file.
ENVELOPES: dict[str, Callable[[list[dict]], object]] = {
    "az graph query": lambda rows: {
        "count": len(rows),
        "data": rows,
        "skip_token": None,
        "total_records": len(rows),
    },
    "az graph query 1.x": lambda rows: rows,
    "Search-AzGraph": lambda rows: {"Data": rows, "SkipToken": None},
    "Search-AzGraph, Windows PowerShell": lambda rows: {
        "Data": {"value": rows, "Count": len(rows)},
        "SkipToken": None,
    },
    "list call": lambda rows: {"value": rows},
    "one row": lambda rows: rows[0],
}


def _ps5(value: object) -> str:
    """`value` as Windows PowerShell 5.1's ConvertTo-Json lays it out."""
    return json.dumps(value, indent=4, separators=(",", ":  "))


# The bytes each tool writes for a text: az and PowerShell 7 (UTF-8), Windows PowerShell's `Out-File
# -Encoding UTF8` (with a BOM) and its plain `Out-File` and `>` (UTF-16 with a BOM), and UTF-16 without a
# BOM or big-endian, which the reader reads too.
ENCODINGS: dict[str, Callable[[str], bytes]] = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8 with BOM": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16 (Out-File)": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16 without BOM": lambda text: text.encode("utf-16-le"),
    "utf-16 big-endian": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
}


def _kept_as_named(path: str, text: str) -> None:
    """In each encoding: the reader reads the export (records, or a problem that says what it cannot
    check), and a walk keeps it and reads the same."""
    for encoding, encode in ENCODINGS.items():
        data = encode(text)
        named = read_document(path, data, explicit=True)
        assert named is not None and named.kind is not None, (encoding, named)
        assert _records(named) or named.problem is not None, encoding
        assert inventory.sniff(data), f"a walk skips {path} written as {encoding}"
        walked = read_document(path, data, explicit=False)
        assert walked is not None and walked.resources == named.resources, encoding
        assert walked.problem == named.problem, encoding


def _records(document: Document) -> list[object]:
    return [r for r in document.resources if not isinstance(r, ExportPage)]


# --- resource rows -------------------------------------------------------------------------------------


def test_there_is_a_row_of_each_type_the_reader_reads():
    assert set(ROWS) == set(BUILDERS)


@pytest.mark.parametrize("rtype", sorted(ROWS))
def test_a_row_of_each_type_is_kept_in_each_envelope(rtype: str):
    row = ROWS[rtype]
    for envelope, wrap in ENVELOPES.items():
        text = json.dumps(wrap([row]), indent=2)
        assert _records(read_document("x.json", text.encode(), explicit=True)), (rtype, envelope)
        _kept_as_named(f"{envelope}.json", text)


@pytest.mark.parametrize("rtype", sorted(ROWS))
def test_a_resource_list_of_each_type_without_properties_is_kept(rtype: str):
    """`az resource list` and `Get-AzResource` write `properties` as null: such an export says which
    resources exist, and (but for a type whose reader reads none of its properties) that nothing more of
    them can be checked. A walk keeps it, so that the warning is not lost with the file."""
    row = ROWS[rtype]
    az = {k: row[k] for k in ("id", "name", "type", "location") if k in row} | {"properties": None}
    get_azresource = {
        "Name": row["name"],
        "ResourceGroupName": "ops",
        "ResourceType": row["type"],
        "Location": "westeurope",
        "ResourceId": row["id"],
        "Properties": None,
    }
    _kept_as_named("resources.json", json.dumps([az], indent=2))
    _kept_as_named("resources.json", _ps5([get_azresource]))


def _flat(row: dict) -> dict:
    """The row as the az CLI's `list` commands write it: its properties at its top."""
    return {k: v for k, v in row.items() if k != "properties"} | row["properties"]


@pytest.mark.parametrize(
    ("command", "rtype"),
    [
        ("az network vnet list", "microsoft.network/virtualnetworks"),
        ("az network vnet peering list", "microsoft.network/virtualnetworks/virtualnetworkpeerings"),
        ("az network express-route list", "microsoft.network/expressroutecircuits"),
        ("az role assignment list", "microsoft.authorization/roleassignments"),
        ("az security pricing list", "microsoft.security/pricings"),
    ],
)
def test_the_az_cli_lists_are_kept(command: str, rtype: str):
    _kept_as_named(command.replace(" ", "-") + ".json", json.dumps([_flat(ROWS[rtype])], indent=2))


def test_rows_cut_short_by_convertto_json_are_kept():
    """`Search-AzGraph ... | ConvertTo-Json` without `-Depth` writes the peerings of a Resource Manager
    network as `System.Object[]`: the classic network they name is gone from the file, which is MIG001
    when named; a walk keeps it too."""
    vnet = ROWS["microsoft.network/virtualnetworks"] | {
        "properties": {"virtualNetworkPeerings": "System.Object[]"}
    }
    _kept_as_named("dependents.json", _ps5([vnet, vnet | {"name": "spoke"}]))


# --- the classic cmdlets' objects ----------------------------------------------------------------------


def _vm_in_full() -> dict:
    """A `PersistentVMRoleContext` with every property `Get-AzureVM | ConvertTo-Json -Depth 10` writes."""
    network = {
        "ConfigurationSetType": "NetworkConfiguration",
        "InputEndpoints": [
            {
                "Name": "RDP",
                "Port": 50001,
                "LocalPort": 3389,
                "Protocol": "tcp",
                "EndpointAccessControlList": None,
            }
        ],
        "SubnetNames": ["app"],
        "StaticVirtualNetworkIPAddress": None,
        "PublicIPs": None,
        "NetworkInterfaces": None,
        "NetworkSecurityGroup": None,
    }
    return {
        "DeploymentName": "shop",
        "ServiceName": "shop",
        "Name": "web01",
        "HostName": "web01",
        "AvailabilitySetName": "web-as",
        "DNSName": "http://shop.cloudapp.net/",
        "Status": "ReadyRole",
        "IpAddress": "10.0.1.4",
        "InstanceStatus": "ReadyRole",
        "PowerState": "Started",
        "InstanceSize": "Small",
        "GuestAgentStatus": {"Status": "Ready", "GuestAgentVersion": "2.7.41491.1102"},
        "ResourceExtensionStatusList": [],
        "VirtualNetworkName": "prod-vnet",
        "VM": {
            "AvailabilitySetName": "web-as",
            "ConfigurationSets": [network],
            "DataVirtualHardDisks": [],
            "OSVirtualHardDisk": {
                "DiskName": "web01-os",
                "MediaLink": "https://shopdisks.blob.core.windows.net/vhds/web01-os.vhd",
                "IOType": "Standard",
            },
            "RoleName": "web01",
            "RoleSize": "Small",
            "RoleType": "PersistentVMRole",
            "ProvisionGuestAgent": True,
            "ResourceExtensionReferences": [],
            "DebugSettings": None,
        },
        "OperationDescription": "Get-AzureVM",
        "OperationId": "5e3b9d8c-7a61-4f1e-9c2d-0b4a6e8f1d3c",
        "OperationStatus": "Succeeded",
    }


def _vm_selected() -> dict:
    """`Get-AzureVM | Select-Object ServiceName, Name, DeploymentName, AvailabilitySetName, InstanceStatus,
    GuestAgentStatus, ResourceExtensionStatusList, VirtualNetworkName, @{n='VM'; e={$_.VM | Select-Object
    RoleName, AvailabilitySetName, ConfigurationSets, ResourceExtensionReferences}}`: no `RoleType`, no
    .NET type name, nothing that says `PersistentVM`."""
    vm = _vm_in_full()
    kept = (
        "ServiceName",
        "Name",
        "DeploymentName",
        "AvailabilitySetName",
        "InstanceStatus",
        "GuestAgentStatus",
    )
    selected = {k: vm[k] for k in kept} | {
        "ResourceExtensionStatusList": [
            {"HandlerName": "Microsoft.Compute.CustomScriptExtension", "Version": "1.9", "Status": "NotReady"}
        ],
        "VirtualNetworkName": "prod-vnet",
    }
    inner = ("RoleName", "AvailabilitySetName", "ConfigurationSets")
    extension = {
        "ReferenceName": "CustomScriptExtension",
        "Publisher": "Microsoft.Compute",
        "State": "Enable",
    }
    selected["VM"] = {k: vm["VM"][k] for k in inner} | {"ResourceExtensionReferences": [extension]}
    return selected


def _vm_cut_short() -> dict:
    """An array of VMs through ConvertTo-Json without `-Depth`: the `VM` is its .NET type name."""
    return _vm_in_full() | {"VM": f"{MODEL}.PersistentVM", "GuestAgentStatus": f"{MODEL}.GuestAgentStatus"}


def _vm_expanded_cut_short() -> dict:
    """`Get-AzureVM -ServiceName shop -Name web01 | Select-Object -ExpandProperty VM | ConvertTo-Json`: the
    items of the VM's lists are their .NET type names."""
    vm = _vm_in_full()["VM"]
    return vm | {
        "ConfigurationSets": [f"{MODEL}.NetworkConfigurationSet"],
        "ResourceExtensionReferences": [],
    }


# For each cmdlet whose objects the reader reads, the ways its export writes them.
CMDLET_EXPORTS: dict[str, dict[str, dict]] = {
    "Get-AzureVM": {"in full": _vm_in_full(), "selected": _vm_selected(), "cut short": _vm_cut_short()},
    "Get-AzureVM | Select-Object -ExpandProperty VM": {
        "in full": _vm_in_full()["VM"],
        "cut short": _vm_expanded_cut_short(),
    },
    "Get-AzureDisk": {
        "attached to none": {
            "AffinityGroup": None,
            "AttachedTo": None,
            "IsCorrupted": False,
            "Label": "",
            "Location": "West Europe",
            "DiskSizeInGB": 127,
            "MediaLink": "https://shopdisks.blob.core.windows.net/vhds/orphan.vhd",
            "DiskName": "orphan",
            "SourceImageName": None,
            "OS": "Windows",
            "IOType": "Standard",
        }
    },
    "Get-AzRoleAssignment": {
        "classic role": {
            "RoleAssignmentName": "4a9e",
            "RoleAssignmentId": f"/subscriptions/{SUB}/providers/Microsoft.Authorization/roleAssignments/4a9e",
            "Scope": f"/subscriptions/{SUB}",
            "DisplayName": "Ops",
            "SignInName": "ops@contoso.example",
            "RoleDefinitionName": "Classic Virtual Machine Contributor",
            "RoleDefinitionId": CLASSIC_VM_CONTRIBUTOR,
            "ObjectId": "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b",
            "ObjectType": "User",
            "CanDelegate": False,
        }
    },
    "Get-AzureDedicatedCircuitLinkAuthorization": {
        "in use": {
            "Description": "analytics subscription",
            "Limit": 2,
            "LinkAuthorizationId": "f4c8a2d0e1b34c7a9e5d6b7a8c9d0e1f",
            "MicrosoftIds": "netops@contoso.example",
            "Used": 1,
        }
    },
    "Get-AzureDedicatedCircuitLink": {"provisioned": {"VnetName": "prod-vnet", "State": "Provisioned"}},
    "Get-AzureApplicationGateway": {"running": APPLICATION_GATEWAY},
    "Get-AzureVNetConnection": {
        "connected": {
            "ConnectivityState": "Connected",
            "EgressBytesTransferred": 1024,
            "IngressBytesTransferred": 2048,
            "LastConnectionEstablished": "2026-11-30T08:00:00Z",
            "LastEventID": "23401",
            "LastEventMessage": "The connection was established.",
            "LastEventTimeStamp": "2026-11-30T08:00:00Z",
            "LocalNetworkSiteName": "office",
        }
    },
    "Get-AzureVNetConfig": {
        "one network": {
            "XMLConfiguration": '<?xml version="1.0" encoding="utf-8"?>\r\n<NetworkConfiguration '
            'xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">'
            "<VirtualNetworkConfiguration><VirtualNetworkSites>"
            '<VirtualNetworkSite name="prod-vnet" Location="West Europe">'
            "<AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>"
            "</VirtualNetworkSite></VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>",
            "OperationDescription": "Get-AzureVNetConfig",
            "OperationId": "3f2e1d0c-b9a8-7654-3210-fedcba987654",
            "OperationStatus": "Succeeded",
        }
    },
    "Get-AzureDeployment": {
        "in a network": {
            "Slot": "Production",
            "Name": "shop",
            "DeploymentName": "shop",
            "Status": "Running",
            "RoleInstanceList": [
                {"RoleName": "web01", "InstanceName": "web01", "InstanceStatus": "ReadyRole"}
            ],
            "VNetName": "prod-vnet",
            "ReservedIPName": "shop-ip",
            "Locked": False,
            "LoadBalancers": [{"Name": "ilb", "FrontEndIpConfiguration": {"SubnetName": "back"}}],
            "ServiceName": "shop",
            "OperationDescription": "Get-AzureDeployment",
            "OperationId": "5e3b9d8c-7a61-4f1e-9c2d-0b4a6e8f1d3c",
            "OperationStatus": "Succeeded",
        },
    },
    "Get-AzureInternalLoadBalancer": {
        "in a subnet": {
            "InternalLoadBalancerName": "ilb",
            "ServiceName": "shop",
            "DeploymentName": "shop",
            "SubnetName": "back",
            "IPAddress": "10.0.2.9",
            "OperationDescription": "Get-AzureInternalLoadBalancer",
            "OperationId": "5e3b9d8c-7a61-4f1e-9c2d-0b4a6e8f1d3c",
            "OperationStatus": "Succeeded",
        },
    },
    "Get-AzureReservedIP": {
        "in use": {
            "ReservedIPName": "shop-ip",
            "Address": "203.0.113.7",
            "Id": "0e1f2a3b-4c5d-6e7f-8091-a2b3c4d5e6f7",
            "Label": None,
            "Location": "West Europe",
            "State": "Created",
            "InUse": True,
            "ServiceName": "shop",
            "DeploymentName": "shop",
            "VirtualIPName": None,
            "OperationDescription": "Get-AzureReservedIP",
            "OperationId": "3f2e1d0c-b9a8-7654-3210-fedcba987654",
            "OperationStatus": "Succeeded",
        }
    },
    "Get-AzureStorageAccount": {
        "Premium": {
            "Context": "Microsoft.WindowsAzure.Commands.Common.Storage.LazyAzureStorageContext",
            "ExtendedProperties": {},
            "StorageAccountDescription": None,
            "AffinityGroup": None,
            "Location": "West Europe",
            "GeoPrimaryLocation": "West Europe",
            "GeoSecondaryLocation": "North Europe",
            "Label": "contosoapp",
            "StorageAccountStatus": "Created",
            "StatusOfPrimary": "Available",
            "StatusOfSecondary": "Available",
            "Endpoints": [
                "https://contosoapp.blob.core.windows.net/",
                "https://contosoapp.queue.core.windows.net/",
            ],
            "AccountType": "Premium_LRS",
            "LastGeoFailoverTime": None,
            "MigrationState": None,
            "StorageAccountName": "contosoapp",
            "OperationDescription": "Get-AzureStorageAccount",
            "OperationId": "3f2e1d0c-b9a8-7654-3210-fedcba987654",
            "OperationStatus": "Succeeded",
        }
    },
    "Get-AzureService": {
        "in a region": {
            "Label": "shop",
            "Description": None,
            "AffinityGroup": None,
            "Location": "West Europe",
            "Status": "Created",
            "ExtendedProperties": {"ResourceGroup": "shop", "ResourceLocation": "West Europe"},
            "WebWorkerRoleSizes": ["A5", "A6", "ExtraSmall", "Small"],
            "VirtualMachineRoleSizes": ["Basic_A0", "Standard_D1"],
            "DateModified": "2016-05-01T10:00:00Z",
            "DateCreated": "2015-03-01T10:00:00Z",
            "ReverseDnsFqdn": None,
            "Url": "https://management.core.windows.net/sub/services/hostedservices/shop",
            "ServiceName": "shop",
            "OperationDescription": "Get-AzureService",
            "OperationId": "3f2e1d0c-b9a8-7654-3210-fedcba987654",
            "OperationStatus": "Succeeded",
        }
    },
    "Get-AzureAffinityGroup": {
        "a group": {
            "Name": "shop-group",
            "Label": "shop-group",
            "Description": None,
            "Location": "West Europe",
            "HostedServices": [],
            "StorageServices": [],
            "Capabilities": ["PersistentVMRole", "HighMemory"],
            "VirtualMachineRoleSizes": ["Basic_A0", "Standard_D1"],
            "WebWorkerRoleSizes": ["A5", "A6", "ExtraSmall", "Small"],
            "OperationDescription": "Get-AzureAffinityGroup",
            "OperationId": "3f2e1d0c-b9a8-7654-3210-fedcba987654",
            "OperationStatus": "Succeeded",
        }
    },
    "Get-AzureVMImage": {
        "an OS image": {
            "ImageName": "web-base-2016",
            "OS": "Windows",
            "MediaLink": "https://contosoimages.blob.core.windows.net/vhds/web-base-2016.vhd",
            "LogicalSizeInGB": 127,
            "AffinityGroup": None,
            "Category": "User",
            "Location": "West Europe",
            "Label": "web-base-2016",
            "OperationDescription": "Get-AzureVMImage",
            "OperationId": "3f2e1d0c-b9a8-7654-3210-fedcba987654",
            "OperationStatus": "Succeeded",
        },
        "a VM image": {
            "ImageName": "sql-golden",
            "Category": "User",
            "OSDiskConfiguration": {
                "Name": "sql-golden-os",
                "OS": "Windows",
                "MediaLink": "https://goldimages.blob.core.windows.net/vhds/sql-golden-os.vhd",
            },
            "DataDiskConfigurations": [],
            "ServiceName": None,
            "DeploymentName": None,
            "RoleName": None,
            "OperationDescription": "Get-AzureVMImage",
        },
    },
    "azure vm list --json": {
        "CLI 0.7": {
            "DNSName": "shop.cloudapp.net",
            "VMName": "web01",
            "IPAddress": "10.0.1.4",
            "InstanceStatus": "ReadyRole",
            "InstanceSize": "Small",
            "DataDisks": [],
            "Network": {
                "Endpoints": [{"LocalPort": "3389", "Name": "RDP", "Port": "50001", "Protocol": "tcp"}]
            },
        },
        "later, with an OS disk": {
            "DNSName": "shop.cloudapp.net",
            "Location": "West Europe",
            "VMName": "web02",
            "InstanceStatus": "StoppedVM",
            "InstanceSize": "Small",
            "OSDisk": {
                "name": "shop-web02-0-201409091200",
                "mediaLink": "https://shopdisks.blob.core.windows.net/vhds/web02-os.vhd",
            },
            "DataDisks": [],
            "Network": {},
        },
    },
}


def test_there_is_an_export_of_each_cmdlet_the_reader_reads():
    assert set(CMDLET_EXPORTS) == set(CMDLET_OBJECTS)
    for cmdlet, exports in CMDLET_EXPORTS.items():
        assert {cmdlet_of(obj) for obj in exports.values()} == {cmdlet}


@pytest.mark.parametrize(
    ("cmdlet", "variant"),
    [(cmdlet, variant) for cmdlet, exports in CMDLET_EXPORTS.items() for variant in exports],
)
def test_each_cmdlets_export_is_kept_as_one_object_and_as_an_array(cmdlet: str, variant: str):
    """ConvertTo-Json writes one object for a cmdlet that returned one, an array for several."""
    obj = CMDLET_EXPORTS[cmdlet][variant]
    _kept_as_named("export.json", _ps5(obj))
    _kept_as_named("export.json", _ps5([obj, obj]))
    _kept_as_named("export.json", json.dumps([obj], indent=2))  # PowerShell 7's layout


def test_a_walk_reads_a_get_azurevm_export_trimmed_with_select_object(tmp_path, monkeypatch):
    """The case found, as a user meets it: the same finding (MIG208 at the extension's handler) in a walk
    of the folder as with the file named."""
    text = _ps5([_vm_selected()])
    walked = lint_files(tmp_path, monkeypatch, {"vmstatus.json": text}, "MIG208", dedent=False)
    named = lint(["vmstatus.json"], Config(select=("MIG208",)), RULES)
    assert where(walked.findings) == where(named.findings) == ["MIG208 vmstatus.json:14:33"]


# --- and nothing else ----------------------------------------------------------------------------------

UNRELATED = {
    "package.json": {"name": "web", "version": "1.0.0", "dependencies": {"express": "^4.19.2"}},
    "tsconfig.json": {"compilerOptions": {"target": "es2022", "strict": True}, "include": ["src"]},
    "azuredeploy.json": {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        "contentVersion": "1.0.0.0",
        "resources": [
            {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-09-01", "name": "hub"},
            {"type": "Microsoft.Authorization/roleAssignments", "apiVersion": "2022-04-01", "name": "ra"},
        ],
    },
    "azuredeploy.parameters.json": {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
        "parameters": {"vnetName": {"value": "hub"}, "serviceName": {"value": "shop"}},
    },
    "policy.json": {
        "properties": {
            "displayName": "Deny classic VNets",
            "policyRule": {"if": {"field": "type", "equals": "Microsoft.ClassicNetwork/virtualNetworks"}},
        }
    },
    "ingress.json": {
        "apiVersion": "extensions/v1beta1",
        "kind": "Ingress",
        "spec": {"backend": {"serviceName": "web", "servicePort": 80}},
    },
    "appsettings.json": {
        "ServiceName": "shop",
        "VM": {"RoleName": "web01"},
        "Logging": {"LogLevel": "Warning"},
    },
}


@pytest.mark.parametrize("name", sorted(UNRELATED))
def test_unrelated_json_is_still_skipped(name: str):
    for encode in ENCODINGS.values():
        data = encode(json.dumps(UNRELATED[name], indent=2))
        assert not inventory.sniff(data)
        assert read_document(name, data, explicit=False) is None


def test_the_byte_test_parses_nothing_that_names_no_shape(monkeypatch):
    """Every `.json` of a repository is byte-tested: one that names none of what marks an export is not
    decoded or walked."""

    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("decoded a file the byte test rules out")

    monkeypatch.setattr(inventory, "_decode", refused)
    for name in ("package.json", "tsconfig.json"):
        for encode in ENCODINGS.values():
            assert not inventory.sniff(encode(json.dumps(UNRELATED[name])))


def test_types_written_with_escaped_slashes_are_kept():
    """.NET's serializers write `/` as `\\/`: `Microsoft.Network\\/virtualNetworks`."""
    row = ROWS["microsoft.network/virtualnetworks"] | {"properties": None}
    text = json.dumps([row], indent=2).replace("/", "\\/")
    assert "Microsoft.Network\\/virtualNetworks" in text
    _kept_as_named("resources.json", text)
