"""What the other classic `Get-Azure*` cmdlets write through ConvertTo-Json is not read as a resource it is
not: the inventory reader tells the cmdlet objects it reads (Application Gateways, circuit links, link
authorizations, gateway connections' states, reserved IPs, Get-AzureVM's VMs) by properties only their
classes have, so a deployment with a virtual network and virtual IPs is not an Application Gateway, and a
network site or a reserved IP with an `Id` (a GUID) is not a resource row. The objects it does read are
still read.

The objects are built from the classes the cmdlets write (Azure/azure-powershell, `src/ServiceManagement/`):
every public property, as Windows PowerShell 5.1's ConvertTo-Json writes it (separator `":  "`; objects
nested deeper than `-Depth` as their .NET type name). `Compute/Commands.ServiceManagement/Model/`:
DeploymentInfoContext, HostedServiceDetailedContext, RoleContext, RoleInstanceContext,
VirtualNetworkSiteContext, ReservedIPContext, PSStorageService (StorageServicePropertiesOperationContext),
DiskContext, OSImageContext, VMImageContext, InputEndpointContext, NetworkAclRule, LocationsContext,
InternalLoadBalancerContext; `Network/Commands.Network/`: Gateway/Model/VirtualNetworkGatewayContext,
Gateway/Model/GatewayConnectionContext, NetworkSecurityGroup/Model/NetworkSecurityGroupWithRules,
ApplicationGateway/Model/ApplicationGateway; the ExpressRoute models as the ExpressRoute cmdlets' tests
fill them; PSAzureSubscription of the Service Management profile."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, where

from migcheck.inventory_model import ApplicationGateway, CircuitLink, ClassicReservedIp, LinkAuthorization
from migcheck.model import ConnectionState, Deployment, FileKind, Mark, Severity
from migcheck.readers import inventory, read_document
from migcheck.readers.inventory_shapes import is_record, records

MODEL = "Microsoft.WindowsAzure.Commands.ServiceManagement.Model"
OPERATION = {
    "OperationDescription": "Get-AzureDeployment",
    "OperationId": "5e3b9d8c-7a61-4f1e-9c2d-0b4a6e8f1d3c",
    "OperationStatus": "Succeeded",
}


def _operation(cmdlet: str) -> dict:
    return OPERATION | {"OperationDescription": cmdlet}


def _written(value: object) -> str:
    """`value` as Windows PowerShell's ConvertTo-Json lays it out."""
    return json.dumps(value, indent=4, separators=(",", ":  "))


_CONFIGURATION = (
    '<ServiceConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration" '
    'serviceName="shop" osVersion="*" osFamily="6">\r\n  <Role name="web">\r\n    <Instances count="2" />\r\n'
    "  </Role>\r\n</ServiceConfiguration>"
)

# Get-AzureDeployment: a cloud service's deployment, in a virtual network, with its virtual IPs.
DEPLOYMENT = {
    "SdkVersion": "2.9.8899.26",
    "RollbackAllowed": False,
    "Slot": "Production",
    "Name": "shop-prod",
    "DeploymentName": "shop-prod",
    "Url": "http://shop.cloudapp.net/",
    "Status": "Running",
    "CurrentUpgradeDomain": 0,
    "CurrentUpgradeDomainState": None,
    "UpgradeType": None,
    "RoleInstanceList": ["Microsoft.WindowsAzure.Management.Compute.Models.RoleInstance"] * 2,
    "Configuration": _CONFIGURATION,
    "DeploymentId": "9f0c2a7b3e5d4c1a8b6e2f4d0a9c7e5b",
    "Label": "shop-prod",
    "VNetName": "prod-vnet",
    "DnsSettings": None,
    "OSVersion": "*",
    "RolesConfiguration": {"web": f"{MODEL}.RoleConfiguration"},
    "VirtualIPs": [f"{MODEL}.VirtualIP"],
    "ReservedIPName": None,
    "CreatedTime": "2016-05-01T10:00:00Z",
    "LastModifiedTime": "2016-05-01T10:00:00Z",
    "Locked": False,
    "InternalLoadBalancerName": None,
    "LoadBalancers": None,
    "ExtensionConfiguration": None,
    "ServiceName": "shop",
} | _operation("Get-AzureDeployment")

# The same with `-Depth 100`: the virtual IPs, an internal load balancer and the role instances written out.
DEPLOYMENT_IN_FULL = DEPLOYMENT | {
    "RoleInstanceList": [
        {
            "RoleName": "web",
            "InstanceName": f"web_IN_{n}",
            "InstanceStatus": "ReadyRole",
            "InstanceUpgradeDomain": n,
            "InstanceFaultDomain": n,
            "InstanceSize": "Small",
            "InstanceStateDetails": "",
            "InstanceErrorCode": "",
            "IPAddress": f"10.0.1.{4 + n}",
            "InstanceEndpoints": [],
            "PowerState": "Started",
            "HostName": f"RD00155D{n}",
            "RemoteAccessCertificateThumbprint": None,
            "GuestAgentStatus": None,
            "ResourceExtensionStatusList": [],
            "PublicIPs": [],
            "NetworkInterfaces": [],
        }
        for n in range(2)
    ],
    "RolesConfiguration": {"web": {"Name": "web", "InstanceCount": 2, "Settings": {}, "Certificates": []}},
    "VirtualIPs": [
        {
            "Address": "40.112.0.20",
            "IsDnsProgrammed": True,
            "Name": "shopContractContract",
            "ReservedIPName": None,
        }
    ],
    "InternalLoadBalancerName": "shop-ilb",
    "LoadBalancers": [
        {
            "Name": "shop-ilb",
            "FrontEndIpConfiguration": {
                "Type": "Private",
                "SubnetName": "backend",
                "StaticVirtualNetworkIPAddress": "10.0.2.10",
            },
        }
    ],
}

# Get-AzureRole, and Get-AzureRole -InstanceDetails.
ROLES = [
    {
        "RoleName": "web",
        "InstanceCount": 2,
        "DeploymentID": "9f0c2a7b3e5d4c1a8b6e2f4d0a9c7e5b",
        "OSVersion": "*",
    }
    | {"ServiceName": "shop"}
    | _operation("Get-AzureRole"),
    {
        "RoleName": "worker",
        "InstanceCount": 1,
        "DeploymentID": "9f0c2a7b3e5d4c1a8b6e2f4d0a9c7e5b",
        "OSVersion": "*",
    }
    | {"ServiceName": "shop"}
    | _operation("Get-AzureRole"),
]
ROLE_INSTANCES = [
    {
        "InstanceEndpoints": [f"{MODEL}.InstanceEndpoint"],
        "InstanceErrorCode": None,
        "InstanceFaultDomain": n,
        "InstanceName": f"web_IN_{n}",
        "InstanceSize": "Small",
        "InstanceStateDetails": None,
        "InstanceStatus": "ReadyRole",
        "InstanceUpgradeDomain": n,
        "RoleName": "web",
        "DeploymentID": "9f0c2a7b3e5d4c1a8b6e2f4d0a9c7e5b",
        "IPAddress": f"10.0.1.{4 + n}",
        "PublicIPAddress": None,
        "PublicIPName": None,
        "PublicIPIdleTimeoutInMinutes": None,
        "PublicIPDomainNameLabel": None,
        "PublicIPFqdns": [],
        "ServiceName": "shop",
    }
    | _operation("Get-AzureRole")
    for n in range(2)
]

# Get-AzureVNetSite: a classic network, its `Id` a GUID, its subnets and state.
VNET_SITE = {
    "AddressSpacePrefixes": ["10.0.0.0/16"],
    "Location": "West Europe",
    "AffinityGroup": None,
    "DnsServers": [{"Name": "dc1", "Address": "10.0.0.4"}],
    "GatewayProfile": None,
    "GatewaySites": None,
    "Id": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    "InUse": True,
    "Label": None,
    "MigrationState": None,
    "Name": "prod-vnet",
    "State": "Created",
    "Subnets": [
        {"Name": "frontend", "AddressPrefix": "10.0.1.0/24", "NetworkSecurityGroup": None},
        {"Name": "backend", "AddressPrefix": "10.0.2.0/24", "NetworkSecurityGroup": None},
    ],
} | _operation("Get-AzureVNetSite")

# Get-AzureVNetGateway and Get-AzureVNetConnection.
VNET_GATEWAY = {
    "LastEventData": None,
    "LastEventTimeStamp": "2016-05-01T10:00:00Z",
    "LastEventMessage": "Successfully configured the gateway.",
    "LastEventID": 23005,
    "State": "Provisioned",
    "VIPAddress": "40.112.0.30",
    "DefaultSite": None,
    "GatewaySKU": "Default",
} | _operation("Get-AzureVNetGateway")
VNET_CONNECTIONS = [
    {
        "ConnectivityState": "Connected",
        "EgressBytesTransferred": 1024,
        "IngressBytesTransferred": 2048,
        "LastConnectionEstablished": "5/1/2016 10:00:00 AM",
        "LastEventID": "24401",
        "LastEventMessage": "The connectivity state for the local network site 'office' changed.",
        "LastEventTimeStamp": "5/1/2016 10:00:00 AM",
        "LocalNetworkSiteName": "office",
    }
    | _operation("Get-AzureVNetConnection")
]

# Get-AzureReservedIP: a reserved IP, its `Id` a GUID, in use by a cloud service.
RESERVED_IP = {
    "ReservedIPName": "shop-ip",
    "Address": "40.112.0.20",
    "Id": "7c6b5a49-3827-4615-a4b3-c2d1e0f9a8b7",
    "Label": None,
    "Location": "West Europe",
    "State": "Created",
    "InUse": True,
    "ServiceName": "shop",
    "DeploymentName": "shop-prod",
    "VirtualIPName": None,
} | _operation("Get-AzureReservedIP")

# Get-AzureDisk is read: see test_get_azure_disk_exports.py; Get-AzureVMImage too: see
# test_a_get_azurevmimage_export_names_the_images_of_your_storage_accounts.py; Get-AzureStorageAccount and
# Get-AzureService too: see test_inventory_walk_keeps_every_export_shape.py.
ENDPOINTS = [
    {
        "LBSetName": None,
        "LocalPort": 3389,
        "Name": "RDP",
        "Port": 50001,
        "Protocol": "tcp",
        "Vip": "40.112.0.20",
        "ProbePath": None,
        "ProbePort": 0,
        "ProbeProtocol": None,
        "ProbeIntervalInSeconds": None,
        "ProbeTimeoutInSeconds": None,
        "EnableDirectServerReturn": False,
        "Acl": [{"RuleId": 0, "Order": 100, "Action": "permit", "RemoteSubnet": "203.0.113.0/24"}],
        "InternalLoadBalancerName": None,
        "IdleTimeoutInMinutes": 4,
        "LoadBalancerDistribution": None,
        "VipName": None,
    }
]
ACL_RULES = [
    {
        "RuleId": 0,
        "Order": 100,
        "Action": "permit",
        "RemoteSubnet": "203.0.113.0/24",
        "Description": "office",
    },
    {"RuleId": 1, "Order": 200, "Action": "deny", "RemoteSubnet": "0.0.0.0/0", "Description": "the rest"},
]

# Get-AzureDedicatedCircuit: a circuit, its service key.
CIRCUIT = {
    "Bandwidth": 200,
    "BillingType": "MeteredData",
    "CircuitName": "contoso-er",
    "Location": "Amsterdam",
    "ServiceKey": "aa28cd19-b10a-41ff-981b-53c6bbf15ead",
    "ServiceProviderName": "Equinix",
    "ServiceProviderProvisioningState": "Provisioned",
    "Sku": "Standard",
    "Status": "Enabled",
}

# Get-AzureSubscription: its accounts are objects with an `Id` and a `Type` of their own.
SUBSCRIPTION = {
    "SubscriptionId": "3f1d2c4b-8a7e-4c1d-9b2a-5e6f7a8b9c0d",
    "SubscriptionName": "Contoso Production",
    "Environment": "AzureCloud",
    "DefaultAccount": "ops@contoso.example",
    "Accounts": [
        {
            "Id": "ops@contoso.example",
            "Type": "User",
            "Properties": {"Subscriptions": "3f1d2c4b-8a7e-4c1d-9b2a-5e6f7a8b9c0d", "Tenants": "contoso"},
        }
    ],
    "IsDefault": True,
    "IsCurrent": True,
    "CurrentStorageAccountName": "contosoapp",
    "TenantId": "8d2e4f6a-0b1c-4d3e-9f5a-7b6c8d0e2f4a",
}

# Get-AzureLocation, Get-AzureNetworkSecurityGroup -Detailed (Get-AzureInternalLoadBalancer is read: see
# test_a_get_azure_deployment_or_internal_load_balancer_export_places_the_deployment_s_load_balancer.py).
LOCATIONS = [
    {
        "DisplayName": name,
        "Name": name,
        "AvailableServices": ["Compute", "Storage", "PersistentVMRole", "HighMemory"],
        "WebWorkerRoleSizes": ["A5", "Small"],
        "VirtualMachineRoleSizes": ["Basic_A0", "Standard_D1"],
        "StorageAccountTypes": ["Standard_LRS", "Premium_LRS"],
    }
    | _operation("Get-AzureLocation")
    for name in ("West Europe", "North Europe")
]
NETWORK_SECURITY_GROUP = {
    "Rules": [
        {
            "Action": "Allow",
            "DestinationAddressPrefix": "VIRTUAL_NETWORK",
            "DestinationPortRange": "*",
            "IsDefault": True,
            "Name": "ALLOW VNET INBOUND",
            "Priority": 65000,
            "Protocol": "*",
            "SourceAddressPrefix": "VIRTUAL_NETWORK",
            "SourcePortRange": "*",
            "State": "Active",
            "Type": "Inbound",
        }
    ],
    "Name": "backend-nsg",
    "Location": "West Europe",
    "Label": None,
}

OTHER_OUTPUTS: dict[str, object] = {
    "Get-AzureRole": ROLES,
    "Get-AzureRole -InstanceDetails": ROLE_INSTANCES,
    "Get-AzureVNetSite": VNET_SITE,
    "Get-AzureVNetSite (several)": [VNET_SITE, VNET_SITE | {"Name": "dev-vnet"}],
    "Get-AzureVNetGateway": VNET_GATEWAY,
    "Get-AzureEndpoint": ENDPOINTS,
    "Get-AzureAclConfig": ACL_RULES,
    "Get-AzureDedicatedCircuit": CIRCUIT,
    "Get-AzureSubscription": SUBSCRIPTION,
    "Get-AzureLocation": LOCATIONS,
    "Get-AzureNetworkSecurityGroup -Detailed": NETWORK_SECURITY_GROUP,
}

# What the cmdlets migcheck reads write: an Application Gateway (ApplicationGateway.cs, every property),
# a circuit's links and its link authorizations.
APPLICATION_GATEWAY = {
    "Name": "shop-appgw",
    "Description": None,
    "VnetName": "prod-vnet",
    "Subnets": ["appgw"],
    "InstanceCount": 2,
    "GatewaySize": "Medium",
    "State": "Running",
    "VirtualIPs": ["40.112.0.40"],
    "DnsName": "shop-appgw.cloudapp.net",
}
CIRCUIT_LINKS = [
    {"VnetName": "prod-vnet", "State": "Provisioned"},
    {"VnetName": "dev-vnet", "State": "Provisioned"},
]
LINK_AUTHORIZATIONS = [
    {
        "Description": "analytics subscription",
        "Limit": 2,
        "LinkAuthorizationId": "f4c8a2d0e1b34c7a9e5d6b7a8c9d0e1f",
        "MicrosoftIds": "netops@contoso.example",
        "Used": 1,
    }
]


def _objects(output: object) -> list[object]:
    return output if isinstance(output, list) else [output]


def _file_name(cmdlet: str) -> str:
    return "".join(c for c in cmdlet.lower() if c.isalnum() or c == "-") + ".json"


@pytest.mark.parametrize("cmdlet", OTHER_OUTPUTS)
def test_another_cmdlets_objects_are_neither_resources_nor_records(cmdlet):
    for obj in _objects(OTHER_OUTPUTS[cmdlet]):
        assert not is_record(obj)
        assert records(obj, Mark("x.json", 1, column=1)) == ()


def _names_its_cmdlet(output: object) -> bool:
    """Whether the objects are contexts of a classic cmdlet, which name it in `OperationDescription`."""
    return all(isinstance(o, dict) and "OperationDescription" in o for o in _objects(output))


@pytest.mark.parametrize(
    "cmdlet", [c for c, output in OTHER_OUTPUTS.items() if not _names_its_cmdlet(output)]
)
def test_another_cmdlets_export_is_not_read_as_an_inventory_export(cmdlet):
    """Skipped in a folder walk; named on the command line, said not to be an export (MIG002), as any JSON
    that is not one."""
    data = _written(OTHER_OUTPUTS[cmdlet]).encode("utf-8")
    assert not inventory.sniff(data)
    assert read_document(_file_name(cmdlet), data, explicit=False) is None
    document = read_document(_file_name(cmdlet), data, explicit=True)
    assert document is not None and document.resources == ()
    assert document.kind is not FileKind.INVENTORY
    assert document.problem is not None and document.problem.kind == "root"


@pytest.mark.parametrize("cmdlet", [c for c, output in OTHER_OUTPUTS.items() if _names_its_cmdlet(output)])
def test_a_classic_cmdlets_export_the_rules_do_not_read_is_said_to_be_one(cmdlet):
    """A context object of a classic cmdlet names its cmdlet (`OperationDescription`): its export is read in
    a folder walk too, for a note that names the cmdlet and says nothing in it is checked, and gives no
    resource."""
    data = _written(OTHER_OUTPUTS[cmdlet]).encode("utf-8")
    assert inventory.sniff(data)
    for explicit in (False, True):
        document = read_document(_file_name(cmdlet), data, explicit=explicit)
        assert document is not None and document.resources == ()
        assert document.kind is FileKind.INVENTORY
        problem = document.problem
        assert problem is not None and problem.severity is Severity.INFO
        named = _objects(OTHER_OUTPUTS[cmdlet])[0]["OperationDescription"]
        assert f"a classic export that migcheck does not read: {len(_objects(OTHER_OUTPUTS[cmdlet]))} " in (
            problem.message
        )
        assert f" of {named} written by ConvertTo-Json" in problem.message


def test_a_deployment_in_a_network_is_not_an_application_gateway(tmp_path, monkeypatch):
    """The case found: a deployment's `VNetName` and `VirtualIPs` were read as a classic Application Gateway
    in that network, and MIG312 reported it. It is the deployment (Get-AzureDeployment is read), and no
    gateway of any kind."""
    files = {"deployment.json": _written(DEPLOYMENT), "deployment-full.json": _written(DEPLOYMENT_IN_FULL)}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert not [f for f in result.findings if f.code in ("MIG312", "MIG001")]
    read = [r for d in result.documents for r in d.resources]
    assert read and all(isinstance(r, Deployment) for r in read)


def test_the_application_gateway_output_is_still_read(tmp_path, monkeypatch):
    [gateway] = read_document("appgw.json", _written(APPLICATION_GATEWAY).encode(), explicit=False).resources
    assert gateway == ApplicationGateway(
        "shop-appgw", "prod-vnet", Mark("appgw.json", 1, column=1), subnets=("appgw",), state="Running"
    )
    files = {f"{_file_name(cmdlet)}": _written(output) for cmdlet, output in OTHER_OUTPUTS.items()}
    files["appgw.json"] = _written([APPLICATION_GATEWAY, APPLICATION_GATEWAY | {"Name": "jobs-appgw"}])
    result = lint_files(tmp_path, monkeypatch, files, "MIG312", dedent=False)
    assert where(f for f in result.findings if f.code == "MIG312") == [
        "MIG312 appgw.json:2:5",
        "MIG312 appgw.json:17:5",
    ]
    assert [d.path for d in result.documents if d.resources] == ["appgw.json"]


def test_reserved_ips_are_read_as_reserved_ips_not_resource_rows():
    several = [RESERVED_IP, RESERVED_IP | {"ReservedIPName": "spare", "InUse": False, "ServiceName": None}]
    read = read_document("rips.json", _written(several).encode(), explicit=False).resources
    assert [(ip.name, ip.service, ip.attachment_unknown) for ip in read] == [
        ("shop-ip", "shop", False),
        ("spare", "", False),
    ]
    assert all(isinstance(ip, ClassicReservedIp) for ip in read)


def test_circuit_links_and_link_authorizations_are_still_read():
    links = read_document("links.json", _written(CIRCUIT_LINKS).encode(), explicit=False).resources
    assert links == (
        CircuitLink("prod-vnet", "Provisioned", Mark("links.json", 2, column=5)),
        CircuitLink("dev-vnet", "Provisioned", Mark("links.json", 6, column=5)),
    )
    data = _written(LINK_AUTHORIZATIONS).encode()
    [authorization] = read_document("auth.json", data, explicit=False).resources
    assert isinstance(authorization, LinkAuthorization) and (authorization.used, authorization.limit) == (
        1,
        2,
    )


def test_a_circuit_link_is_only_a_network_and_a_state():
    """An object with a network, a state and an Application Gateway's other properties is not a link, even
    written without the gateway's size."""
    partial = {k: v for k, v in APPLICATION_GATEWAY.items() if k != "GatewaySize"}
    assert not any(isinstance(r, CircuitLink) for r in records(partial, Mark("x.json", 1, column=1)))


def test_gateway_connection_states_are_read():
    """Get-AzureVNetConnection's objects are a local network site with its state, which only they have
    (MIG307 reads them); a gateway's own object is not one."""
    data = _written(VNET_CONNECTIONS).encode()
    assert inventory.sniff(data)
    [state] = read_document("connections.json", data, explicit=False).resources
    assert state == ConnectionState("office", "Connected", Mark("connections.json", 2, column=5))
    assert records(VNET_GATEWAY, Mark("x.json", 1, column=1)) == ()
