"""What replaces each classic (Service Management) API call in Resource Manager: the Az PowerShell cmdlet or
the `azure-mgmt-*` Python client method a script moves to once its resources are migrated. Domain data for
the automation rules (MIG6xx); readers only record which classic calls a script makes.

Only replacements that exist are named. A call with no entry gets generic advice instead of an invented
cmdlet name."""

from __future__ import annotations

# Web/worker roles have no Resource Manager form of their own any more: Cloud Services (extended support),
# the one in-place successor, retires on 2027-03-31.
_PAAS_PS = "New-AzWebApp (App Service), New-AzContainerApp or New-AzAksCluster, depending on the new platform"
_PAAS_PY = (
    "azure-mgmt-web, azure-mgmt-appcontainers or azure-mgmt-containerservice, depending on the new platform"
)

POWERSHELL: dict[str, str] = {
    # session
    "Add-AzureAccount": "Connect-AzAccount",
    "Import-AzurePublishSettingsFile": "Connect-AzAccount",
    "Select-AzureSubscription": "Set-AzContext",
    "Set-AzureSubscription": "Set-AzContext",
    "Get-AzureSubscription": "Get-AzSubscription",
    # virtual machines
    "New-AzureVM": "New-AzVM",
    "New-AzureQuickVM": "New-AzVM",
    "New-AzureVMConfig": "New-AzVMConfig",
    "Add-AzureProvisioningConfig": "Set-AzVMOperatingSystem",
    "Get-AzureVM": "Get-AzVM",
    "Update-AzureVM": "Update-AzVM",
    "Remove-AzureVM": "Remove-AzVM",
    "Start-AzureVM": "Start-AzVM",
    "Stop-AzureVM": "Stop-AzVM",
    "Restart-AzureVM": "Restart-AzVM",
    "Set-AzureVMSize": "Update-AzVM with a new HardwareProfile.VmSize",
    "Add-AzureDataDisk": "Add-AzVMDataDisk",
    "Set-AzureDataDisk": "Set-AzVMDataDisk",
    "Remove-AzureDataDisk": "Remove-AzVMDataDisk",
    "Set-AzureOSDisk": "Set-AzVMOSDisk",
    "Add-AzureDisk": "New-AzDisk",
    "Update-AzureDisk": "Update-AzDisk",
    "Add-AzureVhd": "Add-AzVhd",
    "Add-AzureVMImage": "New-AzImage",
    "Save-AzureVMImage": "New-AzImage",
    "Set-AzureAvailabilitySet": "New-AzAvailabilitySet (a VM's availability set is chosen when it is created)",
    "Set-AzureVMExtension": "Set-AzVMExtension",
    "Set-AzureVMCustomScriptExtension": "Set-AzVMCustomScriptExtension",
    "Set-AzureVMBGInfoExtension": "Set-AzVMBginfoExtension",
    "Set-AzureVMAccessExtension": "Set-AzVMAccessExtension",
    "Set-AzureVMDiagnosticsExtension": "Set-AzVMDiagnosticsExtension",
    "Set-AzureVMDscExtension": "Set-AzVMDscExtension",
    "Set-AzureVMChefExtension": "Set-AzVMChefExtension",
    "Set-AzureVMSqlServerExtension": "Set-AzVMSqlServerExtension",
    "Set-AzureVMBootDiagnostics": "Set-AzVMBootDiagnostic",
    "Get-AzureRemoteDesktopFile": "Get-AzRemoteDesktopFile",
    # cloud services
    "New-AzureService": "New-AzResourceGroup (a VM's cloud service becomes a resource group)",
    "Set-AzureService": "Set-AzResourceGroup",
    "New-AzureDeployment": _PAAS_PS,
    "Set-AzureDeployment": _PAAS_PS,
    "Publish-AzureServiceProject": _PAAS_PS,
    # networking
    "Add-AzureEndpoint": "New-AzLoadBalancer rules or New-AzNetworkSecurityRuleConfig",
    "Set-AzureEndpoint": "Set-AzLoadBalancerRuleConfig or Set-AzNetworkSecurityRuleConfig",
    "Remove-AzureEndpoint": "Remove-AzLoadBalancerRuleConfig or Remove-AzNetworkSecurityRuleConfig",
    "Set-AzureLoadBalancedEndpoint": "Set-AzLoadBalancerRuleConfig",
    "New-AzureAclConfig": "New-AzNetworkSecurityGroup",
    "Set-AzureAclConfig": "Add-AzNetworkSecurityRuleConfig",
    "Set-AzureSubnet": "New-AzNetworkInterface -SubnetId",
    "Add-AzureNetworkInterfaceConfig": "New-AzNetworkInterface and Add-AzVMNetworkInterface",
    "Set-AzureStaticVNetIP": "Set-AzNetworkInterfaceIpConfig -PrivateIpAddress",
    "Set-AzurePublicIP": "New-AzPublicIpAddress",
    "Add-AzureInternalLoadBalancer": "New-AzLoadBalancer with a private frontend IP",
    "Get-AzureVNetConfig": "Get-AzVirtualNetwork",
    "Get-AzureVNetSite": "Get-AzVirtualNetwork",
    "Set-AzureVNetConfig": (
        "New-AzVirtualNetwork and Add-AzVirtualNetworkSubnetConfig for networks and subnets, "
        "New-AzLocalNetworkGateway for local network sites, and a network's DhcpOptions.DnsServers "
        "(Set-AzVirtualNetwork) for its DNS servers"
    ),
    "Remove-AzureVNetConfig": "Remove-AzVirtualNetwork",
    "New-AzureVNetGateway": "New-AzVirtualNetworkGateway",
    "Get-AzureVNetGateway": "Get-AzVirtualNetworkGateway",
    "Remove-AzureVNetGateway": "Remove-AzVirtualNetworkGateway",
    "Resize-AzureVNetGateway": "Resize-AzVirtualNetworkGateway",
    "Reset-AzureVNetGateway": "Reset-AzVirtualNetworkGateway",
    "Set-AzureVNetGateway": "New-AzVirtualNetworkGatewayConnection",
    "Get-AzureVNetConnection": "Get-AzVirtualNetworkGatewayConnection",
    "Get-AzureVNetGatewayKey": "Get-AzVirtualNetworkGatewayConnectionSharedKey",
    "Set-AzureVNetGatewayKey": "Set-AzVirtualNetworkGatewayConnectionSharedKey",
    "New-AzureVirtualNetworkGateway": "New-AzVirtualNetworkGateway",
    "Get-AzureVirtualNetworkGateway": "Get-AzVirtualNetworkGateway",
    "Remove-AzureVirtualNetworkGateway": "Remove-AzVirtualNetworkGateway",
    "Resize-AzureVirtualNetworkGateway": "Resize-AzVirtualNetworkGateway",
    "Reset-AzureVirtualNetworkGateway": "Reset-AzVirtualNetworkGateway",
    "New-AzureVirtualNetworkGatewayConnection": "New-AzVirtualNetworkGatewayConnection",
    "Get-AzureVirtualNetworkGatewayConnection": "Get-AzVirtualNetworkGatewayConnection",
    "Remove-AzureVirtualNetworkGatewayConnection": "Remove-AzVirtualNetworkGatewayConnection",
    "New-AzureLocalNetworkGateway": "New-AzLocalNetworkGateway",
    "Get-AzureLocalNetworkGateway": "Get-AzLocalNetworkGateway",
    "Remove-AzureLocalNetworkGateway": "Remove-AzLocalNetworkGateway",
    "New-AzureReservedIP": "New-AzPublicIpAddress -AllocationMethod Static -Sku Standard",
    "Get-AzureReservedIP": "Get-AzPublicIpAddress",
    "Remove-AzureReservedIP": "Remove-AzPublicIpAddress",
    # A reserved IP is associated with a cloud service's VIP, which migrates to a load balancer's frontend.
    "Set-AzureReservedIPAssociation": "Set-AzLoadBalancerFrontendIpConfig -PublicIpAddress",
    "Remove-AzureReservedIPAssociation": "Set-AzLoadBalancerFrontendIpConfig with another public IP",
    "New-AzureNetworkSecurityGroup": "New-AzNetworkSecurityGroup",
    "Set-AzureNetworkSecurityRule": "Add-AzNetworkSecurityRuleConfig",
    "Set-AzureNetworkSecurityGroupAssociation": "Set-AzNetworkInterface with a NetworkSecurityGroup",
    "Set-AzureNetworkSecurityGroupToSubnet": "Set-AzVirtualNetworkSubnetConfig -NetworkSecurityGroup",
    "New-AzureRouteTable": "New-AzRouteTable",
    "Set-AzureRoute": "Add-AzRouteConfig",
    "Set-AzureSubnetRouteTable": "Set-AzVirtualNetworkSubnetConfig -RouteTable",
    "New-AzureApplicationGateway": "New-AzApplicationGateway",
    # storage
    "New-AzureStorageAccount": "New-AzStorageAccount",
    "Set-AzureStorageAccount": "Set-AzStorageAccount",
    "Get-AzureStorageAccount": "Get-AzStorageAccount",
    "Remove-AzureStorageAccount": "Remove-AzStorageAccount",
    "Get-AzureStorageKey": "Get-AzStorageAccountKey",
    "New-AzureStorageKey": "New-AzStorageAccountKey",
}

PYTHON: dict[str, str] = {
    "ServiceManagementService": "azure.identity.DefaultAzureCredential with the azure-mgmt-* clients",
    "create_virtual_machine_deployment": "ComputeManagementClient.virtual_machines.begin_create_or_update",
    "add_role": "ComputeManagementClient.virtual_machines.begin_create_or_update",
    "update_role": "ComputeManagementClient.virtual_machines.begin_update",
    "delete_role": "ComputeManagementClient.virtual_machines.begin_delete",
    "get_role": "ComputeManagementClient.virtual_machines.get",
    "start_role": "ComputeManagementClient.virtual_machines.begin_start",
    "start_roles": "ComputeManagementClient.virtual_machines.begin_start",
    "restart_role": "ComputeManagementClient.virtual_machines.begin_restart",
    "shutdown_role": "ComputeManagementClient.virtual_machines.begin_deallocate",
    "shutdown_roles": "ComputeManagementClient.virtual_machines.begin_deallocate",
    "capture_role": "ComputeManagementClient.images.begin_create_or_update",
    "capture_vm_image": "ComputeManagementClient.images.begin_create_or_update",
    "add_data_disk": "ComputeManagementClient.disks.begin_create_or_update and the VM's storage_profile",
    "update_data_disk": "ComputeManagementClient.disks.begin_update",
    "delete_data_disk": "ComputeManagementClient.disks.begin_delete",
    "add_disk": "ComputeManagementClient.disks.begin_create_or_update",
    "delete_disk": "ComputeManagementClient.disks.begin_delete",
    "create_hosted_service": "ResourceManagementClient.resource_groups.create_or_update",
    "delete_hosted_service": "ResourceManagementClient.resource_groups.begin_delete",
    "get_hosted_service_properties": "ResourceManagementClient.resources.list_by_resource_group",
    "list_hosted_services": "ResourceManagementClient.resource_groups.list",
    "create_deployment": _PAAS_PY,
    "upgrade_deployment": _PAAS_PY,
    "change_deployment_configuration": _PAAS_PY,
    "swap_deployment": _PAAS_PY,
    "create_storage_account": "StorageManagementClient.storage_accounts.begin_create",
    "update_storage_account": "StorageManagementClient.storage_accounts.update",
    "delete_storage_account": "StorageManagementClient.storage_accounts.delete",
    "get_storage_account_keys": "StorageManagementClient.storage_accounts.list_keys",
    "regenerate_storage_account_keys": "StorageManagementClient.storage_accounts.regenerate_key",
    "list_storage_accounts": "StorageManagementClient.storage_accounts.list",
    "create_reserved_ip_address": "NetworkManagementClient.public_ip_addresses.begin_create_or_update (Standard SKU)",
    "delete_reserved_ip_address": "NetworkManagementClient.public_ip_addresses.begin_delete",
    "associate_reserved_ip_address": (
        "NetworkManagementClient.load_balancers.begin_create_or_update (the frontend IP configuration)"
    ),
    "disassociate_reserved_ip_address": (
        "NetworkManagementClient.load_balancers.begin_create_or_update (another frontend public IP)"
    ),
    "list_virtual_network_sites": "NetworkManagementClient.virtual_networks.list",
    "add_dns_server": "NetworkManagementClient.virtual_networks.begin_create_or_update (dhcp_options)",
    "list_os_images": "ComputeManagementClient.virtual_machine_images.list",
    "list_vm_images": "ComputeManagementClient.images.list",
    "perform_get": "the matching azure-mgmt-* client, or a Resource Manager REST call",
    "perform_put": "the matching azure-mgmt-* client, or a Resource Manager REST call",
    "perform_post": "the matching azure-mgmt-* client, or a Resource Manager REST call",
    "perform_delete": "the matching azure-mgmt-* client, or a Resource Manager REST call",
}

GENERIC = {
    "PowerShell": "the Az module (Az.Compute, Az.Network, Az.Storage, Az.Resources)",
    "Python": "the azure-mgmt-compute, azure-mgmt-network, azure-mgmt-storage and azure-mgmt-resource clients",
}


# Calls that create what the platform no longer lets anyone create: IaaS VMs (classic) since their
# retirement (2023-09-06; the FAQ's NewClassicVMCreationNotAllowedForSubscription), cloud service
# deployments and classic storage accounts since theirs (2024-08-31). A script making them fails today,
# whatever is migrated.
CREATES_RETIRED = {
    "PowerShell": frozenset(
        {
            "New-AzureVM",
            "New-AzureQuickVM",
            "New-AzureService",
            "New-AzureDeployment",
            "Publish-AzureServiceProject",
            "New-AzureStorageAccount",
        }
    ),
    "Python": frozenset(
        {
            "create_virtual_machine_deployment",
            "add_role",
            "create_hosted_service",
            "create_deployment",
            "create_storage_account",
        }
    ),
}


def replacement(language: str, call: str) -> str:
    """What replaces one classic call, or "" when there is no one-to-one replacement to name."""
    table = POWERSHELL if language == "PowerShell" else PYTHON
    return table.get(call, "")
