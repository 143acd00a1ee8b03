"""What replaces each classic (Service Management) API call in Resource Manager: the Az PowerShell cmdlet or
the `azure-mgmt-*` Python client method a script moves to once its resources are migrated. Domain data for
the automation rules (MIG6xx); readers only record which classic calls a script makes.

Only replacements that exist are named. A call with no entry gets generic advice instead of an invented
cmdlet name.

Also what a request a script sends to the Service Management API itself says (`management_url`,
`request_name`, `migration_step`): whether its URL is on the API's host, how the script's calls list it,
and the migration step it runs."""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Callable, Iterable
from typing import AnyStr, NamedTuple

from migcheck.model import ENDPOINT_SUFFIXES, EVERY_NETWORK, blob_host_account
from migcheck.retirements import (
    APPLICATION_GATEWAY_V1,
    BASIC_SKU,
    EXTENDED_SUPPORT_RETIRES,
    MEDIA_SERVICES,
    NON_ZONAL_GATEWAY_SKUS,
    REMOTEAPP,
    SCHEDULER,
    STORSIMPLE,
)

# Web/worker roles have no Resource Manager form of their own any more: Cloud Services (extended support),
# the one in-place successor, retires on 2027-03-31.
# Resource Manager still accepts SKUs that are retired: the advice names the ones to choose.
_AZ_GATEWAY_SKU_PS = f"-GatewaySku VpnGw1AZ or a higher AZ SKU (the non-zonal VpnGw1-5 SKUs retired on {NON_ZONAL_GATEWAY_SKUS})"
_APPLICATION_GATEWAY_V2 = f"with a Standard_v2 or WAF_v2 SKU (v1 retired on {APPLICATION_GATEWAY_V1})"
_PAAS_PS = "New-AzWebApp (App Service), New-AzContainerApp or New-AzAksCluster, depending on the new platform"
# Scaling a role: what sets the number of instances on each platform the roles may be rebuilt on.
_PAAS_SCALE_PS = (
    "Set-AzAppServicePlan -NumberofWorkers (App Service), Update-AzContainerApp (its scale rules), "
    "Update-AzAksNodePool -NodeCount or Update-AzVmss -SkuCapacity (a scale set), depending on the new platform"
)
_PAAS_REMOVE_PS = "Remove-AzWebApp (App Service), Remove-AzContainerApp or Remove-AzAksCluster, depending on the new platform"
_NO_REMOTE_DESKTOP = "App Service, Container Apps and AKS give their instances no remote desktop"
_PAAS_PY = (
    "azure-mgmt-web, azure-mgmt-appcontainers or azure-mgmt-containerservice, depending on the new platform"
)

# Resource Manager has no affinity groups: a resource takes its region, and a proximity placement group
# keeps VMs close where that was what the group was for.
_AFFINITY_PS = (
    "New-AzProximityPlacementGroup, where the group kept VMs close (Resource Manager has no affinity groups)"
)
_AFFINITY_CLI = "az ppg create, where the group kept VMs close (Resource Manager has no affinity groups)"
# A cloud service's certificates move into a key vault: `az keyvault certificate <verb>`.
_KEY_VAULT_CLI = "az keyvault certificate {} (service certificates move into a key vault)"
_AFFINITY_PY = (
    "ComputeManagementClient.proximity_placement_groups.create_or_update, where the group kept VMs close "
    "(Resource Manager has no affinity groups)"
)

# Resource Manager signs in with Microsoft Entra ID (azure-identity), never with a management certificate.
_NO_MANAGEMENT_CERTIFICATES_PY = (
    "an azure.identity credential (Resource Manager has no management certificates)"
)
_KEY_VAULT_PY = "azure-keyvault-certificates' CertificateClient"
_POLLER_PY = "the poller a begin_* call of the azure-mgmt-* clients returns (its result() or wait())"

POWERSHELL: dict[str, str] = {
    # session
    "Add-AzureAccount": "Connect-AzAccount",
    "Import-AzurePublishSettingsFile": "Connect-AzAccount",
    "Select-AzureSubscription": "Set-AzContext",
    # It does three jobs, by its parameters: choose the subscription, set the storage account new disks go to
    # (-CurrentStorageAccountName), and sign in with a management certificate (-Certificate), which Resource
    # Manager does not take: a service principal's certificate does that job there.
    "Set-AzureSubscription": (
        "Set-AzContext (to choose the subscription), Set-AzCurrentStorageAccount (for its "
        "-CurrentStorageAccountName) or Connect-AzAccount -ServicePrincipal -CertificateThumbprint (for its "
        "-Certificate: Resource Manager takes no management certificate)"
    ),
    "Get-AzureSubscription": "Get-AzSubscription",
    "Get-AzureAccount": "Get-AzContext",
    "Remove-AzureAccount": "Disconnect-AzAccount",
    "Remove-AzureSubscription": "Remove-AzContext",
    # Resource Manager signs in with Microsoft Entra ID: there is no publish settings file to download.
    "Get-AzurePublishSettingsFile": "Connect-AzAccount (Resource Manager has no publish settings files)",
    "Get-AzureEnvironment": "Get-AzEnvironment",
    "Add-AzureEnvironment": "Add-AzEnvironment",
    "Set-AzureEnvironment": "Set-AzEnvironment",
    "Remove-AzureEnvironment": "Remove-AzEnvironment",
    # virtual machines
    "New-AzureVM": "New-AzVM",
    "New-AzureQuickVM": "New-AzVM",
    "New-AzureVMConfig": "New-AzVMConfig",
    "Add-AzureProvisioningConfig": "Set-AzVMOperatingSystem",
    "Get-AzureVM": "Get-AzVM",
    "Get-AzureDeployment": "Get-AzVM -ResourceGroupName (a migrated deployment's VMs are in its resource group)",
    # A deployment's roles and their instances: of VMs, the VMs of the migrated deployment's resource group.
    "Get-AzureRole": "Get-AzVM -ResourceGroupName (a migrated deployment's VMs are in its resource group)",
    "Get-AzureService": "Get-AzResourceGroup",
    "Get-AzureRoleSize": "Get-AzVMSize",
    "Get-AzureLocation": "Get-AzLocation",
    "Get-AzureVMImage": "Get-AzVMImage (Marketplace images) or Get-AzImage (images of your own)",
    "Get-AzureDisk": "Get-AzDisk",
    "Get-AzureVMExtension": "Get-AzVMExtension",
    "Publish-AzureVMDscConfiguration": "Publish-AzVMDscConfiguration",
    "Remove-AzureNetworkInterfaceConfig": "Remove-AzVMNetworkInterface",
    "Remove-AzureStaticVNetIP": "Set-AzNetworkInterface, its IP configuration's PrivateIpAllocationMethod set to Dynamic",
    "Set-AzureIPForwarding": "Set-AzNetworkInterface with EnableIPForwarding set",
    "Get-AzureEndpoint": "Get-AzLoadBalancerRuleConfig or Get-AzNetworkSecurityRuleConfig",
    "Get-AzureAclConfig": "Get-AzNetworkSecurityRuleConfig",
    "Remove-AzureAclConfig": "Remove-AzNetworkSecurityRuleConfig",
    "Get-AzureInternalLoadBalancer": "Get-AzLoadBalancer",
    "Set-AzureInternalLoadBalancer": "Set-AzLoadBalancer",
    "Set-AzureVNetGatewayDefaultSite": "Set-AzVirtualNetworkGatewayDefaultSite",
    "Add-AzureCertificate": "Import-AzKeyVaultCertificate (service certificates move into a key vault)",
    "Get-AzureCertificate": "Get-AzKeyVaultCertificate",
    "Remove-AzureCertificate": "Remove-AzKeyVaultCertificate",
    "Test-AzureName": "Test-AzDnsAvailability (a DNS name) or Get-AzStorageAccountNameAvailability (a storage account)",
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
    "Get-AzureWinRMUri": "Get-AzPublicIpAddress (the VM's public address, where its WinRM listener is reached)",
    "Get-AzureDataDisk": "Get-AzVM (its StorageProfile.DataDisks)",
    "Get-AzureOSDisk": "Get-AzVM (its StorageProfile.OsDisk)",
    "Remove-AzureDisk": "Remove-AzDisk",
    "Remove-AzureVMImage": "Remove-AzImage",
    "Update-AzureVMImage": "Update-AzImage",
    "Remove-AzureVMExtension": "Remove-AzVMExtension",
    "Remove-AzureAvailabilitySet": "Remove-AzAvailabilitySet",
    # A deployment's DNS servers: a Resource Manager network's, or a network interface's of its own.
    "New-AzureDns": (
        "the DNS servers of a network (New-AzVirtualNetwork -DnsServer) or of a network interface "
        "(New-AzNetworkInterface -DnsServer)"
    ),
    "Get-AzureSubnet": "Get-AzNetworkInterface (its IpConfigurations' Subnet)",
    "Save-AzureVhd": "Save-AzVhd",
    "Export-AzureVM": "Export-AzResourceGroup (the resource group's template, its VMs with it)",
    "Import-AzureVM": "New-AzResourceGroupDeployment (of an exported template)",
    "New-AzureSSHKey": "Add-AzVMSshPublicKey",
    "New-AzureCertificateSetting": "Add-AzVMSecret (a certificate of a key vault)",
    "Get-AzureNetworkInterfaceConfig": "Get-AzNetworkInterface",
    "Set-AzureNetworkInterfaceConfig": "Set-AzNetworkInterface",
    "Get-AzureIPForwarding": "Get-AzNetworkInterface (its EnableIPForwarding)",
    "Test-AzureStaticVNetIP": "Test-AzPrivateIPAddressAvailability",
    # A VM image's disk configuration: a managed image's, made with New-AzImageConfig.
    "New-AzureVMImageDiskConfigSet": "New-AzImageConfig",
    "Get-AzureVMImageDiskConfigSet": "Get-AzImage (its StorageProfile)",
    "Set-AzureVMImageOSDiskConfig": "Set-AzImageOsDisk",
    "Set-AzureVMImageDataDiskConfig": "Add-AzImageDataDisk",
    "Remove-AzureVMImageDataDiskConfig": "Remove-AzImageDataDisk",
    "Remove-AzureVMImageOSDiskConfig": "Set-AzImageOsDisk (an image has one OS disk)",
    # The VM extensions' own cmdlets: Az.Compute has most under the same noun, the rest by their publisher's
    # extension type through the generic extension cmdlets.
    "Get-AzureVMAvailableExtension": "Get-AzVMExtensionImage",
    "Get-AzureVMSqlServerExtension": "Get-AzVMSqlServerExtension",
    "Remove-AzureVMSqlServerExtension": "Remove-AzVMSqlServerExtension",
    "New-AzureVMSqlServerAutoBackupConfig": "New-AzVMSqlServerAutoBackupConfig",
    "New-AzureVMSqlServerAutoPatchingConfig": "New-AzVMSqlServerAutoPatchingConfig",
    "New-AzureVMSqlServerKeyVaultCredentialConfig": "New-AzVMSqlServerKeyVaultCredentialConfig",
    "Get-AzureVMCustomScriptExtension": "Get-AzVMCustomScriptExtension",
    "Remove-AzureVMCustomScriptExtension": "Remove-AzVMCustomScriptExtension",
    "Get-AzureVMAccessExtension": "Get-AzVMAccessExtension",
    "Remove-AzureVMAccessExtension": "Remove-AzVMAccessExtension",
    "Get-AzureVMDiagnosticsExtension": "Get-AzVMDiagnosticsExtension",
    "Remove-AzureVMDiagnosticsExtension": "Remove-AzVMDiagnosticsExtension",
    "Get-AzureVMDscExtension": "Get-AzVMDscExtension",
    "Get-AzureVMDscExtensionStatus": "Get-AzVMDscExtensionStatus",
    "Remove-AzureVMDscExtension": "Remove-AzVMDscExtension",
    "Get-AzureVMChefExtension": "Get-AzVMChefExtension",
    "Remove-AzureVMChefExtension": "Remove-AzVMChefExtension",
    "Get-AzureVMBGInfoExtension": "Get-AzVMExtension (the BGInfo extension)",
    "Remove-AzureVMBGInfoExtension": "Remove-AzVMExtension (the BGInfo extension)",
    "Get-AzureVMPuppetExtension": "Get-AzVMExtension (the Puppet agent extension)",
    "Set-AzureVMPuppetExtension": "Set-AzVMExtension (the Puppet agent extension)",
    "Remove-AzureVMPuppetExtension": "Remove-AzVMExtension (the Puppet agent extension)",
    "Get-AzureVMMicrosoftAntimalwareExtension": "Get-AzVMExtension (the IaaSAntimalware extension)",
    "Set-AzureVMMicrosoftAntimalwareExtension": "Set-AzVMExtension (the IaaSAntimalware extension)",
    "Remove-AzureVMMicrosoftAntimalwareExtension": "Remove-AzVMExtension (the IaaSAntimalware extension)",
    "Get-AzureStaticVNetIP": "Get-AzNetworkInterface (its IpConfigurations' PrivateIpAddress)",
    # cloud services
    "New-AzureService": (
        "New-AzResourceGroup for a cloud service of VMs (it becomes a resource group), or for web/worker roles "
        f"{_PAAS_PS}"
    ),
    "Set-AzureService": "Set-AzResourceGroup",
    "New-AzureDeployment": _PAAS_PS,
    # It changes a deployment that exists (its status, package or configuration): the new platform's
    # commands for an app that exists, not those that create one.
    "Set-AzureDeployment": (
        "Set-AzWebApp, Start-AzWebApp or Stop-AzWebApp (App Service), Update-AzContainerApp, or the AKS "
        "cluster's own deployments, depending on the new platform"
    ),
    "Publish-AzureServiceProject": _PAAS_PS,
    # As the SDK's `delete_deployment` and `delete_hosted_service` are: a deployment of VMs became the VMs of
    # a resource group, and a cloud service of VMs the group; web/worker roles live on as the new platform's app.
    "Remove-AzureDeployment": (
        "Remove-AzVM for a deployment of VMs (a migrated deployment's VMs are in its resource group), or for "
        f"web/worker roles {_PAAS_REMOVE_PS}"
    ),
    "Remove-AzureService": (
        "Remove-AzResourceGroup for a cloud service of VMs (it became a resource group), or for web/worker roles "
        f"{_PAAS_REMOVE_PS}"
    ),
    # A deployment's status, as the SDK's `update_deployment_status` sets it: of a package's roles.
    "Start-AzureService": "Start-AzWebApp (App Service) or Start-AzAksCluster, depending on the new platform",
    "Stop-AzureService": "Stop-AzWebApp (App Service) or Stop-AzAksCluster, depending on the new platform",
    # What manages a deployed package's roles (`MANAGES_RETIRED_ROLES`), and the companions that build an
    # extension's configuration for one: each by what does that job on the platforms the roles are rebuilt
    # on, since none of Az.Compute, Az.Network, Az.Storage or Az.Resources does it.
    "Set-AzureRole": _PAAS_SCALE_PS,
    "Reset-AzureRoleInstance": (
        "Restart-AzWebApp (App Service), Restart-AzContainerAppRevision, a rollout restart of the AKS "
        "deployment, or Set-AzVmss -Reimage (a scale set), depending on the new platform"
    ),
    "Move-AzureDeployment": (
        "Switch-AzWebAppSlot (App Service's deployment slots), or the new platform's own revisions (Container "
        "Apps) or deployments (AKS): a Resource Manager app has no staging slot of a cloud service"
    ),
    "Set-AzureWalkUpgradeDomain": (
        "nothing to call: App Service, Container Apps and AKS roll an update out by themselves, and a scale set "
        "by its upgrade policy (Update-AzVmss -UpgradePolicyMode)"
    ),
    **dict.fromkeys(
        ("Set-AzureServiceDiagnosticsExtension", "New-AzureServiceDiagnosticsExtensionConfig"),
        "New-AzDiagnosticSetting (Azure Monitor) on the app or cluster (App Service, Container Apps, AKS), or "
        "Add-AzVmssDiagnosticsExtension (a scale set), depending on the new platform",
    ),
    "Remove-AzureServiceDiagnosticsExtension": (
        "Remove-AzDiagnosticSetting, or Remove-AzVmssDiagnosticsExtension (a scale set), depending on the new "
        "platform"
    ),
    **dict.fromkeys(
        ("Set-AzureServiceRemoteDesktopExtension", "New-AzureServiceRemoteDesktopExtensionConfig"),
        f"New-AzBastion for a scale set's instances; {_NO_REMOTE_DESKTOP}",
    ),
    "Remove-AzureServiceRemoteDesktopExtension": (
        f"Remove-AzBastion where a scale set's instances are reached through Azure Bastion; {_NO_REMOTE_DESKTOP}"
    ),
    "Set-AzureServiceAntimalwareExtension": (
        "Set-AzSecurityPricing (a Microsoft Defender for Cloud plan for App Service, containers or servers), or "
        "Add-AzVmssExtension with the IaaSAntimalware extension (a scale set), depending on the new platform"
    ),
    "Remove-AzureServiceAntimalwareExtension": (
        "Remove-AzVmssExtension (the IaaSAntimalware extension) for a scale set, or Set-AzSecurityPricing "
        "-PricingTier Free to turn a Defender plan off"
    ),
    **dict.fromkeys(
        ("Set-AzureServiceADDomainExtension", "New-AzureServiceADDomainExtensionConfig"),
        "Add-AzVmssExtension with the JsonADDomainExtension extension (a scale set); App Service, Container "
        "Apps and AKS join no domain: they authenticate with Microsoft Entra ID",
    ),
    "Remove-AzureServiceADDomainExtension": "Remove-AzVmssExtension (the JsonADDomainExtension extension) for a scale set",
    **dict.fromkeys(
        ("Set-AzureServiceExtension", "New-AzureServiceExtensionConfig"),
        "Add-AzVmssExtension (a scale set); App Service, Container Apps and AKS take no VM extension: their own "
        "settings do what it did",
    ),
    "Remove-AzureServiceExtension": "Remove-AzVmssExtension (a scale set)",
    # networking
    "Add-AzureEndpoint": "Add-AzLoadBalancerRuleConfig or Add-AzNetworkSecurityRuleConfig",
    "Set-AzureEndpoint": "Set-AzLoadBalancerRuleConfig or Set-AzNetworkSecurityRuleConfig",
    "Remove-AzureEndpoint": "Remove-AzLoadBalancerRuleConfig or Remove-AzNetworkSecurityRuleConfig",
    "Set-AzureLoadBalancedEndpoint": "Set-AzLoadBalancerRuleConfig",
    "New-AzureAclConfig": "New-AzNetworkSecurityGroup",
    "Set-AzureAclConfig": "Add-AzNetworkSecurityRuleConfig",
    "Set-AzureSubnet": "New-AzNetworkInterface -SubnetId",
    "Add-AzureNetworkInterfaceConfig": "New-AzNetworkInterface and Add-AzVMNetworkInterface",
    "Set-AzureStaticVNetIP": "Set-AzNetworkInterfaceIpConfig -PrivateIpAddress",
    "Set-AzurePublicIP": f"New-AzPublicIpAddress -Sku Standard (Basic SKU retired on {BASIC_SKU})",
    "Add-AzureInternalLoadBalancer": "New-AzLoadBalancer -Sku Standard with a private frontend IP",
    "Get-AzureVNetConfig": "Get-AzVirtualNetwork",
    # A deployment's DNS servers, which a Resource Manager network holds (DhcpOptions.DnsServers).
    "Get-AzureDns": "Get-AzVirtualNetwork (its DhcpOptions.DnsServers)",
    "Add-AzureDns": "Set-AzVirtualNetwork with its DhcpOptions.DnsServers changed",
    "Set-AzureDns": "Set-AzVirtualNetwork with its DhcpOptions.DnsServers changed",
    "Remove-AzureDns": "Set-AzVirtualNetwork with its DhcpOptions.DnsServers changed",
    "Get-AzurePublicIP": "Get-AzPublicIpAddress",
    "Remove-AzurePublicIP": "Remove-AzPublicIpAddress",
    "New-AzureIPTag": "New-AzPublicIpTag",
    "Add-AzureVirtualIP": "Add-AzLoadBalancerFrontendIpConfig",
    "Remove-AzureVirtualIP": "Remove-AzLoadBalancerFrontendIpConfig",
    "New-AzureInternalLoadBalancerConfig": "New-AzLoadBalancerFrontendIpConfig -PrivateIpAddress",
    "Remove-AzureInternalLoadBalancer": "Remove-AzLoadBalancer",
    "Get-AzureNetworkSecurityGroup": "Get-AzNetworkSecurityGroup",
    "Remove-AzureNetworkSecurityGroup": "Remove-AzNetworkSecurityGroup",
    "Remove-AzureNetworkSecurityRule": "Remove-AzNetworkSecurityRuleConfig",
    "Get-AzureNetworkSecurityGroupConfig": "Get-AzNetworkInterface (its NetworkSecurityGroup)",
    "Set-AzureNetworkSecurityGroupConfig": "Set-AzNetworkInterface with a NetworkSecurityGroup",
    "Remove-AzureNetworkSecurityGroupConfig": "Set-AzNetworkInterface with no NetworkSecurityGroup",
    "Get-AzureNetworkSecurityGroupAssociation": "Get-AzNetworkInterface (its NetworkSecurityGroup)",
    "Remove-AzureNetworkSecurityGroupAssociation": "Set-AzNetworkInterface with no NetworkSecurityGroup",
    "Get-AzureNetworkSecurityGroupForSubnet": "Get-AzVirtualNetworkSubnetConfig (its NetworkSecurityGroup)",
    "Remove-AzureNetworkSecurityGroupFromSubnet": "Set-AzVirtualNetworkSubnetConfig with no NetworkSecurityGroup",
    "Remove-AzureRoute": "Remove-AzRouteConfig",
    "Get-AzureRouteTable": "Get-AzRouteTable",
    "Remove-AzureRouteTable": "Remove-AzRouteTable",
    "Get-AzureSubnetRouteTable": "Get-AzVirtualNetworkSubnetConfig (its RouteTable)",
    "Remove-AzureSubnetRouteTable": "Set-AzVirtualNetworkSubnetConfig with no RouteTable",
    "Start-AzureVNetGatewayDiagnostics": "Start-AzVirtualNetworkGatewayPacketCapture",
    "Stop-AzureVNetGatewayDiagnostics": "Stop-AzVirtualNetworkGatewayPacketCapture",
    "Start-AzureVirtualNetworkGatewayDiagnostics": "Start-AzVirtualNetworkGatewayPacketCapture",
    "Stop-AzureVirtualNetworkGatewayDiagnostics": "Stop-AzVirtualNetworkGatewayPacketCapture",
    "Get-AzureVirtualNetworkGatewayKey": "Get-AzVirtualNetworkGatewayConnectionSharedKey",
    "Set-AzureVirtualNetworkGatewayKey": "Set-AzVirtualNetworkGatewayConnectionSharedKey",
    "Reset-AzureVirtualNetworkGatewayKey": "Reset-AzVirtualNetworkGatewayConnectionSharedKey",
    "Remove-AzureVNetGatewayDefaultSite": "Remove-AzVirtualNetworkGatewayDefaultSite",
    # A connection's IPsec parameters: its IPsec policy (New-AzIpsecPolicy).
    "Get-AzureVNetGatewayIPsecParameters": "Get-AzVirtualNetworkGatewayConnection (its IpsecPolicies)",
    "Set-AzureVNetGatewayIPsecParameters": "Set-AzVirtualNetworkGatewayConnection -IpsecPolicies",
    "Get-AzureVirtualNetworkGatewayIPsecParameters": "Get-AzVirtualNetworkGatewayConnection (its IpsecPolicies)",
    "Set-AzureVirtualNetworkGatewayIPsecParameters": "Set-AzVirtualNetworkGatewayConnection -IpsecPolicies",
    "Get-AzureVNetSite": "Get-AzVirtualNetwork",
    "Set-AzureVNetConfig": (
        "New-AzVirtualNetwork and Add-AzVirtualNetworkSubnetConfig for networks and subnets, "
        "New-AzLocalNetworkGateway for local network sites, and a network's DhcpOptions.DnsServers "
        "(Set-AzVirtualNetwork) for its DNS servers"
    ),
    "Remove-AzureVNetConfig": "Remove-AzVirtualNetwork",
    "New-AzureVNetGateway": f"New-AzVirtualNetworkGateway {_AZ_GATEWAY_SKU_PS}",
    "Get-AzureVNetGateway": "Get-AzVirtualNetworkGateway",
    "Remove-AzureVNetGateway": "Remove-AzVirtualNetworkGateway",
    "Resize-AzureVNetGateway": f"Resize-AzVirtualNetworkGateway {_AZ_GATEWAY_SKU_PS}",
    "Reset-AzureVNetGateway": "Reset-AzVirtualNetworkGateway",
    "Set-AzureVNetGateway": "New-AzVirtualNetworkGatewayConnection",
    "Get-AzureVNetConnection": "Get-AzVirtualNetworkGatewayConnection",
    "Get-AzureVNetGatewayKey": "Get-AzVirtualNetworkGatewayConnectionSharedKey",
    "Set-AzureVNetGatewayKey": "Set-AzVirtualNetworkGatewayConnectionSharedKey",
    "New-AzureVirtualNetworkGateway": "New-AzVirtualNetworkGateway",
    "Get-AzureVirtualNetworkGateway": "Get-AzVirtualNetworkGateway",
    "Remove-AzureVirtualNetworkGateway": "Remove-AzVirtualNetworkGateway",
    "Resize-AzureVirtualNetworkGateway": f"Resize-AzVirtualNetworkGateway {_AZ_GATEWAY_SKU_PS}",
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
    "New-AzureApplicationGateway": f"New-AzApplicationGateway {_APPLICATION_GATEWAY_V2}",
    # ExpressRoute: a classic circuit is moved to Resource Manager before the networks linked to it migrate.
    "New-AzureDedicatedCircuit": (
        "New-AzExpressRouteCircuit (a classic circuit moves with Move-AzExpressRouteCircuit, before the "
        "networks it links migrate)"
    ),
    "Get-AzureDedicatedCircuit": "Get-AzExpressRouteCircuit",
    "Remove-AzureDedicatedCircuit": "Remove-AzExpressRouteCircuit",
    "Set-AzureDedicatedCircuitBandwidth": "Set-AzExpressRouteCircuit",
    "Set-AzureDedicatedCircuitProperties": "Set-AzExpressRouteCircuit",
    "Get-AzureDedicatedCircuitServiceProvider": "Get-AzExpressRouteServiceProvider",
    "Get-AzureDedicatedCircuitStats": "Get-AzExpressRouteCircuitStats",
    "Get-AzureDedicatedCircuitPeeringArpInfo": "Get-AzExpressRouteCircuitARPTable",
    "Get-AzureDedicatedCircuitPeeringRouteTableInfo": "Get-AzExpressRouteCircuitRouteTable",
    "Get-AzureDedicatedCircuitPeeringRouteTableSummary": "Get-AzExpressRouteCircuitRouteTableSummary",
    "New-AzureDedicatedCircuitLink": "New-AzVirtualNetworkGatewayConnection -ConnectionType ExpressRoute",
    "Get-AzureDedicatedCircuitLink": "Get-AzVirtualNetworkGatewayConnection",
    "Remove-AzureDedicatedCircuitLink": "Remove-AzVirtualNetworkGatewayConnection",
    "New-AzureDedicatedCircuitLinkAuthorization": "Add-AzExpressRouteCircuitAuthorization",
    "Get-AzureDedicatedCircuitLinkAuthorization": "Get-AzExpressRouteCircuitAuthorization",
    "Remove-AzureDedicatedCircuitLinkAuthorization": "Remove-AzExpressRouteCircuitAuthorization",
    "Get-AzureBGPPeering": "Get-AzExpressRouteCircuitPeeringConfig",
    "New-AzureBGPPeering": "Add-AzExpressRouteCircuitPeeringConfig",
    "Set-AzureBGPPeering": "Set-AzExpressRouteCircuitPeeringConfig",
    "Remove-AzureBGPPeering": "Remove-AzExpressRouteCircuitPeeringConfig",
    # storage
    "New-AzureStorageAccount": "New-AzStorageAccount",
    "New-AzureAffinityGroup": _AFFINITY_PS,
    "Set-AzureAffinityGroup": _AFFINITY_PS,
    "Get-AzureAffinityGroup": _AFFINITY_PS.replace("New-", "Get-", 1),
    "Remove-AzureAffinityGroup": _AFFINITY_PS.replace("New-", "Remove-", 1),
    "Set-AzureStorageAccount": "Set-AzStorageAccount",
    "Get-AzureStorageAccount": "Get-AzStorageAccount",
    "Remove-AzureStorageAccount": "Remove-AzStorageAccount",
    "Get-AzureStorageKey": "Get-AzStorageAccountKey",
    "New-AzureStorageKey": "New-AzStorageAccountKey",
}

# The classic CLI's commands (`azure`, ASM mode), in any script that runs them: the Azure CLI (`az`)
# command that does the same in Resource Manager.
XPLAT: dict[str, str] = {
    "azure vm create": "az vm create",
    "azure vm docker create": "az vm create",
    "azure vm create-from": "az vm create",
    "azure vm delete": "az vm delete",
    "azure vm start": "az vm start",
    "azure vm shutdown": "az vm deallocate",
    "azure vm restart": "az vm restart",
    "azure vm show": "az vm show",
    "azure vm list": "az vm list",
    "azure vm capture": "az image create",
    "azure vm endpoint create": "az network lb rule create or az network nsg rule create",
    "azure vm endpoint create-multiple": "az network lb rule create or az network nsg rule create",
    "azure vm endpoint delete": "az network lb rule delete or az network nsg rule delete",
    "azure vm endpoint acl-rule create": "az network nsg rule create",
    "azure vm endpoint acl-rule delete": "az network nsg rule delete",
    "azure vm extension set": "az vm extension set",
    "azure vm static-ip set": "az network nic ip-config update --private-ip-address",
    "azure vm disk attach-new": "az vm disk attach --new",
    "azure vm disk attach": "az vm disk attach",
    "azure service create": "az group create",
    "azure service delete": "az group delete",
    "azure storage account create": "az storage account create",
    "azure account affinity-group create": _AFFINITY_CLI,
    "azure account affinity-group set": _AFFINITY_CLI,
    "azure storage account delete": "az storage account delete",
    "azure network vnet create": "az network vnet create",
    "azure network vnet delete": "az network vnet delete",
    "azure network vnet subnet create": "az network vnet subnet create",
    "azure network vnet subnet set": "az network vnet subnet update",
    "azure network vnet subnet delete": "az network vnet subnet delete",
    "azure network import": "az network vnet create and az network vnet subnet create",
    "azure network reserved-ip create": "az network public-ip create --allocation-method Static --sku Standard",
    "azure network reserved-ip delete": "az network public-ip delete",
    "azure network vpn-gateway create": (
        f"az network vnet-gateway create --sku VpnGw1AZ or a higher AZ SKU (the non-zonal VpnGw1-5 SKUs retired on "
        f"{NON_ZONAL_GATEWAY_SKUS})"
    ),
    "azure network nsg create": "az network nsg create",
    "azure network nsg delete": "az network nsg delete",
    "azure network nsg rule create": "az network nsg rule create",
    "azure network nsg rule set": "az network nsg rule update",
    "azure network nsg rule delete": "az network nsg rule delete",
    "azure network nsg subnet add": "az network vnet subnet update --network-security-group",
    "azure network nsg subnet remove": "az network vnet subnet update --remove networkSecurityGroup",
    "azure network route-table create": "az network route-table create",
    "azure network route-table delete": "az network route-table delete",
    "azure network vnet subnet route-table add": "az network vnet subnet update --route-table",
    "azure network vnet subnet route-table delete": "az network vnet subnet update --remove routeTable",
    "azure network local-network create": "az network local-gateway create",
    "azure network local-network set": "az network local-gateway update",
    "azure network local-network delete": "az network local-gateway delete",
    "azure network vnet local-network add": "az network vpn-connection create",
    "azure network vnet local-network remove": "az network vpn-connection delete",
    "azure network application-gateway create": (
        f"az network application-gateway create --sku Standard_v2 or WAF_v2 (v1 retired on {APPLICATION_GATEWAY_V1})"
    ),
    "azure network application-gateway delete": "az network application-gateway delete",
    "azure vm disk create": "az disk create",
    "azure vm disk delete": "az disk delete",
    "azure vm image create": "az image create",
    "azure vm image delete": "az image delete",
    # What scripts look up before they act, and the rest of the groups above.
    "azure vm image list": "az vm image list (Marketplace images) or az image list (images of your own)",
    "azure vm image show": "az vm image show (a Marketplace image) or az image show (one of your own)",
    "azure vm disk list": "az disk list",
    "azure vm disk show": "az disk show",
    "azure vm disk detach": "az vm disk detach",
    "azure vm endpoint list": "az network lb rule list or az network nsg rule list",
    "azure vm endpoint show": "az network lb rule show or az network nsg rule show",
    "azure vm endpoint set": "az network lb rule update or az network nsg rule update",
    "azure vm location list": "az account list-locations",
    "azure vm extension get": "az vm extension show",
    "azure vm extension list": "az vm extension image list",
    "azure vm static-ip show": "az network nic ip-config show",
    "azure service list": "az group list",
    "azure service show": "az group show",
    "azure service cert list": _KEY_VAULT_CLI.format("list"),
    "azure service cert create": _KEY_VAULT_CLI.format("import"),
    "azure service cert delete": _KEY_VAULT_CLI.format("delete"),
    "azure network vnet list": "az network vnet list",
    "azure network vnet show": "az network vnet show",
    "azure network vnet subnet list": "az network vnet subnet list",
    "azure network vnet subnet show": "az network vnet subnet show",
    "azure network export": "az network vnet show for each network (Resource Manager has no network configuration file)",
    "azure network reserved-ip list": "az network public-ip list",
    "azure network reserved-ip show": "az network public-ip show",
    "azure network nsg list": "az network nsg list",
    "azure network nsg show": "az network nsg show",
    "azure network local-network list": "az network local-gateway list",
    "azure network local-network show": "az network local-gateway show",
    "azure network route-table list": "az network route-table list",
    "azure network route-table show": "az network route-table show",
    "azure network dns-server list": "az network vnet show (its dhcpOptions.dnsServers)",
    "azure network dns-server register": "az network vnet update --dns-servers",
    "azure network dns-server unregister": "az network vnet update --dns-servers",
    "azure storage account list": "az storage account list",
    "azure storage account show": "az storage account show",
    "azure storage account set": "az storage account update",
    "azure storage account keys list": "az storage account keys list",
    "azure storage account keys renew": "az storage account keys renew",
    "azure storage account connectionstring show": "az storage account show-connection-string",
    "azure account affinity-group list": _AFFINITY_CLI.replace("create", "list", 1),
    "azure account affinity-group show": _AFFINITY_CLI.replace("create", "show", 1),
    "azure account affinity-group delete": _AFFINITY_CLI.replace("create", "delete", 1),
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
    "get_deployment_by_name": (
        "ComputeManagementClient.virtual_machines.list (a migrated deployment's VMs are in its resource group)"
    ),
    "get_deployment_by_slot": (
        "ComputeManagementClient.virtual_machines.list (a migrated deployment's VMs are in its resource group)"
    ),
    "create_deployment": _PAAS_PY,
    "upgrade_deployment": _PAAS_PY,
    "change_deployment_configuration": _PAAS_PY,
    "swap_deployment": _PAAS_PY,
    "create_storage_account": "StorageManagementClient.storage_accounts.begin_create",
    "create_affinity_group": _AFFINITY_PY,
    "update_affinity_group": _AFFINITY_PY,
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
    "list_role_sizes": "ComputeManagementClient.resource_skus.list",
    "list_locations": "SubscriptionClient.subscriptions.list_locations",
    "list_subscriptions": "SubscriptionClient.subscriptions.list",
    "get_subscription": "SubscriptionClient.subscriptions.get",
    "list_subscription_operations": "MonitorManagementClient.activity_logs.list",
    # The SDK's calls return a request id to poll; azure-mgmt-*'s long operations return a poller.
    "get_operation_status": _POLLER_PY,
    "wait_for_operation_status": _POLLER_PY,
    "update_hosted_service": "ResourceManagementClient.resource_groups.update",
    "check_hosted_service_name_availability": "NetworkManagementClient.check_dns_name_availability",
    "delete_deployment": (
        "ComputeManagementClient.virtual_machines.begin_delete for a deployment of VMs (a migrated deployment's "
        f"VMs are in its resource group), or for web/worker roles {_PAAS_PY}"
    ),
    "update_deployment_status": _PAAS_PY,
    "walk_upgrade_domain": _PAAS_PY,
    "rollback_update_or_upgrade": _PAAS_PY,
    "reimage_role_instance": _PAAS_PY,
    "rebuild_role_instance": _PAAS_PY,
    "reboot_role_instance": "ComputeManagementClient.virtual_machines.begin_restart",
    "delete_role_instances": "ComputeManagementClient.virtual_machines.begin_delete",
    # A guest OS family is a web/worker role's: the platform the roles are rebuilt on has its own.
    "list_operating_systems": _PAAS_PY,
    "list_operating_system_families": _PAAS_PY,
    "list_service_certificates": f"{_KEY_VAULT_PY}.list_properties_of_certificates",
    "get_service_certificate": f"{_KEY_VAULT_PY}.get_certificate",
    "add_service_certificate": f"{_KEY_VAULT_PY}.import_certificate (service certificates move into a key vault)",
    "delete_service_certificate": f"{_KEY_VAULT_PY}.begin_delete_certificate",
    "list_management_certificates": _NO_MANAGEMENT_CERTIFICATES_PY,
    "get_management_certificate": _NO_MANAGEMENT_CERTIFICATES_PY,
    "add_management_certificate": _NO_MANAGEMENT_CERTIFICATES_PY,
    "delete_management_certificate": _NO_MANAGEMENT_CERTIFICATES_PY,
    "list_affinity_groups": _AFFINITY_PY.replace(".create_or_update", ".list_by_subscription", 1),
    "get_affinity_group_properties": _AFFINITY_PY.replace(".create_or_update", ".get", 1),
    "delete_affinity_group": _AFFINITY_PY.replace(".create_or_update", ".delete", 1),
    "get_storage_account_properties": "StorageManagementClient.storage_accounts.get_properties",
    "check_storage_account_name_availability": "StorageManagementClient.storage_accounts.check_name_availability",
    "get_reserved_ip_address": "NetworkManagementClient.public_ip_addresses.get",
    "list_reserved_ip_addresses": "NetworkManagementClient.public_ip_addresses.list_all",
    "update_dns_server": "NetworkManagementClient.virtual_networks.begin_create_or_update (dhcp_options)",
    "delete_dns_server": "NetworkManagementClient.virtual_networks.begin_create_or_update (dhcp_options)",
    "list_resource_extensions": "ComputeManagementClient.virtual_machine_extension_images.list_types",
    "list_resource_extension_versions": "ComputeManagementClient.virtual_machine_extension_images.list_versions",
    "create_vm_image": "ComputeManagementClient.images.begin_create_or_update",
    "update_vm_image": "ComputeManagementClient.images.begin_update",
    "delete_vm_image": "ComputeManagementClient.images.begin_delete",
    # Copies of an image in other regions, and its sharing: an Azure Compute Gallery's.
    "replicate_vm_image": (
        "ComputeManagementClient.gallery_image_versions.begin_create_or_update (a gallery image version's "
        "target regions)"
    ),
    "unreplicate_vm_image": "ComputeManagementClient.gallery_image_versions.begin_update (its target regions)",
    "share_vm_image": "ComputeManagementClient.galleries.begin_update (its sharing profile)",
    "get_os_image": "ComputeManagementClient.images.get",
    "get_os_image_details": "ComputeManagementClient.images.get",
    "add_os_image": "ComputeManagementClient.images.begin_create_or_update",
    "update_os_image": "ComputeManagementClient.images.begin_update",
    "update_os_image_from_image_reference": "ComputeManagementClient.images.begin_update",
    "delete_os_image": "ComputeManagementClient.images.begin_delete",
    "get_data_disk": "ComputeManagementClient.disks.get",
    "list_disks": "ComputeManagementClient.disks.list",
    "get_disk": "ComputeManagementClient.disks.get",
    "update_disk": "ComputeManagementClient.disks.begin_update",
    "perform_get": "the matching azure-mgmt-* client, or a Resource Manager REST call",
    "perform_put": "the matching azure-mgmt-* client, or a Resource Manager REST call",
    "perform_post": "the matching azure-mgmt-* client, or a Resource Manager REST call",
    "perform_delete": "the matching azure-mgmt-* client, or a Resource Manager REST call",
}

# Resource Manager's own types of classic resources (the Microsoft.Classic* providers), by their names without
# case: creating one through Resource Manager's generic calls (`New-AzResource -ResourceType ...`, `az
# resource create --resource-type ...`, azure-mgmt-resource's `resources.create_or_update`) creates the
# classic resource, as the classic API does, and fails where that does. Each with its name as documented,
# the Resource Manager type to create instead, and the kind of retired resource it is (see
# `CREATES_RETIRED`), "" for one whose creation is not retired.
CLASSIC_RESOURCE_TYPES = {
    written.casefold(): (written, instead, kind)
    for written, instead, kind in (
        (
            "Microsoft.ClassicCompute/domainNames",
            # Not Cloud Services (extended support), Microsoft.Compute/cloudServices: it retires too.
            "Microsoft.Compute/virtualMachines behind a Microsoft.Network/loadBalancers (Standard SKU) for VMs; "
            "App Service, Container Apps or AKS for web/worker roles (not Cloud Services (extended support), "
            f"which retires on {EXTENDED_SUPPORT_RETIRES})",
            "cloud services",
        ),
        ("Microsoft.ClassicCompute/virtualMachines", "Microsoft.Compute/virtualMachines", "VMs"),
        ("Microsoft.ClassicStorage/storageAccounts", "Microsoft.Storage/storageAccounts", "storage accounts"),
        ("Microsoft.ClassicNetwork/reservedIps", "Microsoft.Network/publicIPAddresses (Standard SKU)", ""),
        ("Microsoft.ClassicNetwork/virtualNetworks", "Microsoft.Network/virtualNetworks", ""),
        ("Microsoft.ClassicNetwork/networkSecurityGroups", "Microsoft.Network/networkSecurityGroups", ""),
    )
}
# The generic calls that create a resource of any type, by language, as a call of a classic type is named.
RESOURCE_CREATES = {
    "PowerShell": ("New-AzResource", "New-AzureRmResource"),
    "Shell": ("az resource create",),
    "Python": ("resources.create_or_update", "resources.begin_create_or_update"),
}


def classic_type_call(command: str, resource_type: str) -> str | None:
    """The name of a classic call that the generic call `command` of a classic resource type makes
    (`New-AzResource Microsoft.ClassicCompute/domainNames`); None for a type not classic."""
    known = CLASSIC_RESOURCE_TYPES.get(resource_type.strip().casefold())
    return f"{command} {known[0]}" if known is not None else None


def resource_id_type(resource_id: str) -> str:
    """The type a Resource Manager resource ID names (`.../providers/Microsoft.ClassicCompute/domainNames/
    web` -> `Microsoft.ClassicCompute/domainNames`), "" for one that names none."""
    _, found, rest = resource_id.casefold().rpartition("/providers/")
    if not found:
        return ""
    start = len(resource_id) - len(rest)
    parts = resource_id[start:].split("/")
    return "/".join(parts[:2]) if len(parts) >= 2 else ""


def _classic_type_calls() -> dict[str, tuple[str, str]]:
    """Every name `classic_type_call` gives, with what replaces it and the kind of retired resource it
    creates ("" for none)."""
    return {
        f"{command} {written}": (f"{command} {instead}", kind)
        for commands in RESOURCE_CREATES.values()
        for command in commands
        for written, instead, kind in CLASSIC_RESOURCE_TYPES.values()
    }


CLASSIC_TYPE_CALLS = _classic_type_calls()


# What manages IaaS resources in Resource Manager: the Az module's and the Python SDK's.
IAAS_MODULES = {
    "PowerShell": ("Az.Compute", "Az.Network", "Az.Storage", "Az.Resources"),
    "Shell": ("az vm", "az network", "az storage", "az group"),
    "Python": ("azure-mgmt-compute", "azure-mgmt-network", "azure-mgmt-storage", "azure-mgmt-resource"),
}


def modules_for(language: str, names: Iterable[str]) -> str:
    """The Resource Manager modules (PowerShell) or client packages (Python) that manage what a script's
    classic calls `names` manage: the IaaS ones, and those of `OTHER_SERVICES` it calls."""
    others, iaas = services_of(language, names)
    own = [s.module if language == "PowerShell" else s.package for s in others]
    modules = [*(IAAS_MODULES[language] if iaas else ()), *filter(None, own)]
    if language == "Shell":
        return f"the Azure CLI ({', '.join(IAAS_MODULES[language])})"
    if not modules:  # only services retired with nothing in Azure to replace them
        return ""
    if language == "PowerShell":
        return f"the Az module ({', '.join(modules)})"
    return (
        f"the {', '.join(modules[:-1])} and {modules[-1]} clients"
        if len(modules) > 1
        else f"the {modules[0]} client"
    )


class OtherService(NamedTuple):
    """A classic service that the classic module and SDK manage too, but that the migration of IaaS
    resources does not move, and what manages it in Resource Manager instead of the IaaS modules; for a
    service since retired (`retired`, its date), what replaced it (`successor`, "" for nothing in Azure),
    whose module and package are then the successor's ("" for none)."""

    what: str
    nouns: tuple[str, ...]  # the prefixes of its cmdlets' nouns
    client: str  # the SDK's client class ("" for none)
    module: str  # Az PowerShell
    package: str  # Python
    retired: str = ""
    successor: str = ""


OTHER_SERVICES = (
    OtherService(
        "SQL Database",
        ("AzureSqlDatabase", "AzureSqlRecoverableDatabase"),
        "SqlDatabaseManagementService",
        "Az.Sql",
        "azure-mgmt-sql",
    ),
    OtherService(
        "App Service (websites)",
        ("AzureWebsite", "AzureWebHostingPlan"),
        "WebsiteManagementService",
        "Az.Websites",
        "azure-mgmt-web",
    ),
    OtherService(
        "Service Bus", ("AzureSB",), "ServiceBusManagementService", "Az.ServiceBus", "azure-mgmt-servicebus"
    ),
    OtherService("Azure Automation", ("AzureAutomation",), "", "Az.Automation", "azure-mgmt-automation"),
    OtherService(
        "Azure Site Recovery",
        ("AzureSiteRecovery",),
        "",
        "Az.RecoveryServices",
        "azure-mgmt-recoveryservicessiterecovery",
    ),
    OtherService("HDInsight", ("AzureHDInsight",), "", "Az.HDInsight", "azure-mgmt-hdinsight"),
    OtherService(
        "Traffic Manager", ("AzureTrafficManager",), "", "Az.TrafficManager", "azure-mgmt-trafficmanager"
    ),
    OtherService(
        "Azure Scheduler",
        ("AzureScheduler",),
        "SchedulerManagementService",
        "Az.LogicApp",
        "azure-mgmt-logic",
        retired=SCHEDULER,
        successor="Azure Logic Apps",
    ),
    OtherService(
        "Azure RemoteApp",
        ("AzureRemoteApp",),
        "",
        "Az.DesktopVirtualization",
        "azure-mgmt-desktopvirtualization",
        retired=REMOTEAPP,
        successor="Azure Virtual Desktop",
    ),
    OtherService(
        "StorSimple (8000 series)",
        ("AzureStorSimple",),
        "",
        "Az.StorageSync",
        "azure-mgmt-storagesync",
        retired=STORSIMPLE,
        successor="Azure File Sync",
    ),
    OtherService("Azure Media Services", ("AzureMediaServices",), "", "", "", retired=MEDIA_SERVICES),
)


def retired_services(services: Iterable[OtherService]) -> str:
    """What became of those of `services` that were retired, in words: `Azure Scheduler was retired on
    2022-01-31, so its calls fail today (Azure Logic Apps replaces it)`; "" where none was."""
    retired = [s for s in services if s.retired]
    if not retired:
        return ""
    dates = [f"{s.what}{' was retired' if not i else ''} on {s.retired}" for i, s in enumerate(retired)]
    if len(retired) == 1:
        [service] = retired
        return f"{dates[0]}, so its calls fail today ({service.successor or 'nothing in Azure'} replaces it)"
    successors = "; ".join(f"{s.successor or 'nothing in Azure'} replaces {s.what}" for s in retired)
    return f"{', '.join(dates[:-1])} and {dates[-1]}, so their calls fail today ({successors})"


def unreplaced_services(services: Iterable[OtherService]) -> list[str]:
    """Those of `services` that were retired with nothing in Azure to replace them: their calls go."""
    return [s.what for s in services if s.retired and not s.successor]


# Signing in, choosing a subscription and looking up what it offers (regions, sizes): of every script,
# whatever it manages.
_ACCOUNT_NOUNS = (
    "AzureAccount",
    "AzureSubscription",
    "AzurePublishSettingsFile",
    "AzureEnvironment",
    "AzureLocation",
    "AzureRoleSize",
)


def services_of(language: str, names: Iterable[str]) -> tuple[list[OtherService], bool]:
    """The `OTHER_SERVICES` a script's classic calls `names` manage, and whether any other call manages
    IaaS resources (VMs, cloud services, networks, storage), which the migration moves."""
    names = list(names)
    if language == "Shell":  # the classic CLI's commands this reads manage IaaS resources only
        return [], True
    if language == "Python":
        others = [s for s in OTHER_SERVICES if s.client and s.client in names]
        clients = {s.client for s in others}
        iaas = (
            not others
            or "ServiceManagementService" in names
            or any(n not in clients and n in PYTHON for n in names)
        )
        return others, iaas
    nouns = [name.partition("-")[2] for name in names]
    found = [next((s for s in OTHER_SERVICES if noun.startswith(s.nouns)), None) for noun in nouns]
    others = list(dict.fromkeys(s for s in found if s is not None))
    iaas = any(
        s is None and not noun.startswith(_ACCOUNT_NOUNS) for s, noun in zip(found, nouns, strict=True)
    )
    return others, iaas or not others


# The classic `azure` module of Ansible (up to 2.x), which creates a VM (its cloud service, endpoints and disk)
# through the Service Management API, as its calls are named; `state: absent` deletes the VM.
ANSIBLE_VM = "azure (Ansible module)"
ANSIBLE_VM_ABSENT = "azure (Ansible module, state: absent)"
ANSIBLE_REPLACEMENT = "azure.azcollection.azure_rm_virtualmachine"

# The classic `azure` provider of Terraform (hashicorp/terraform-provider-azure, before azurerm), which makes
# its resources through the Service Management API. The Terraform reader reads each resource as the classic
# CLI's commands that make it (`TERRAFORM_COMMANDS`), which the link stage and the plan know; a message names
# each call by the resource type that makes it (`terraform_call`), replaced by what is named here.
TERRAFORM = " (Terraform)"
TERRAFORM_LANGUAGE = "Terraform"  # a configuration's `Script.written_in`
# Deployment templates that declare resources of the classic types (`CLASSIC_RESOURCE_TYPES`): what such a
# template's `Script.written_in` names, and what its messages call it.
TEMPLATE_LANGUAGE = "ARM template"
BICEP_LANGUAGE = "Bicep file"
# A Terraform configuration's resources of the azapi provider, each a template's resource (`terraform_azapi`).
AZAPI_LANGUAGE = "Terraform azapi configuration"
TEMPLATE_LANGUAGES = frozenset({TEMPLATE_LANGUAGE, BICEP_LANGUAGE, AZAPI_LANGUAGE})
TERRAFORM_COMMANDS = {
    "azure account set": 'provider "azure"',
    "azure account affinity-group create": "azure_affinity_group",
    "azure storage account create": "azure_storage_service",
    "azure service create": "azure_hosted_service",
    "azure network nsg create": "azure_security_group",
    "azure network nsg rule create": "azure_security_group_rule",
    "azure network local-network create": "azure_local_network_connection",
    "azure network vnet create": "azure_virtual_network",
    "azure network vnet subnet create": "azure_virtual_network",
    "azure network nsg subnet add": "azure_virtual_network",
    "azure vm create": "azure_instance",
    "azure vm endpoint create": "azure_instance",
    "azure vm disk attach": "azure_data_disk",
    "azure vm disk attach-new": "azure_data_disk",
}
TERRAFORM_REPLACEMENTS = {
    'provider "azure"': 'provider "azurerm" (its subscription_id)',
    "azure_instance": "azurerm_linux_virtual_machine or azurerm_windows_virtual_machine",
    "azure_hosted_service": "azurerm_resource_group (a Resource Manager VM is in no cloud service)",
    "azure_virtual_network": "azurerm_virtual_network and azurerm_subnet",
    "azure_security_group": "azurerm_network_security_group",
    "azure_security_group_rule": "azurerm_network_security_rule",
    "azure_storage_service": "azurerm_storage_account",
    "azure_data_disk": "azurerm_managed_disk and azurerm_virtual_machine_data_disk_attachment",
    "azure_local_network_connection": "azurerm_local_network_gateway",
    "azure_affinity_group": "the `location` of each resource (Resource Manager has no affinity groups)",
    "azure_dns_server": "the `dns_servers` of azurerm_virtual_network",
    "azure_storage_container": "azurerm_storage_container",
    "azure_storage_blob": "azurerm_storage_blob",
    "azure_storage_queue": "azurerm_storage_queue",
    "azure_sql_database_server": "azurerm_mssql_server",
    "azure_sql_database_server_firewall_rule": "azurerm_mssql_firewall_rule",
    "azure_sql_database_service": "azurerm_mssql_database",
}
# The resources of the provider whose creation the platform refuses since their retirement.
TERRAFORM_CREATES = {
    "azure_instance": "VMs",
    "azure_hosted_service": "cloud services",
    "azure_storage_service": "storage accounts",
}


def terraform_call(command: str) -> str:
    """The name a message gives a call a Terraform configuration makes as the classic CLI's `command`: the
    resource type that makes it (`azure_instance (Terraform)`)."""
    return TERRAFORM_COMMANDS.get(command, command) + TERRAFORM


# Calls that create what the platform no longer lets anyone create: IaaS VMs (classic) since their
# retirement (2023-09-06; the FAQ's NewClassicVMCreationNotAllowedForSubscription), cloud service
# deployments and classic storage accounts since theirs (2024-08-31). A script making them fails today,
# whatever is migrated. The classic CLI's commands that create them, in a shell or PowerShell script alike.
_XPLAT_CREATES = frozenset(
    {
        "azure vm create",
        "azure vm docker create",
        "azure vm create-from",
        "azure service create",
        "azure storage account create",
    }
)
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
        | _XPLAT_CREATES
    ),
    "Shell": _XPLAT_CREATES | {ANSIBLE_VM} | {kind + TERRAFORM for kind in TERRAFORM_CREATES},
    "Python": frozenset(
        {
            "create_virtual_machine_deployment",
            "add_role",
            "create_hosted_service",
            "create_deployment",
            "create_storage_account",
        }
        | _XPLAT_CREATES  # the classic CLI's commands a Python script runs
    ),
}
# The calls that manage what a classic cloud service's web/worker roles run (upgrade a deployment's package,
# change its configuration or status, swap its slots, scale or reimage its roles), by language: they manage
# Cloud Services (classic), retired on `CLOUD_SERVICES_CLASSIC`, so they fail today as creating one does.
# Not those a deployment of VMs takes too (Remove-AzureDeployment, `delete_deployment`,
# `reboot_role_instance`): IaaS VMs (classic) have their own date. The classic CLI has no such command.
MANAGES_RETIRED_ROLES = {
    "PowerShell": frozenset(
        {
            "Set-AzureDeployment",
            "Move-AzureDeployment",
            "Set-AzureRole",
            "Reset-AzureRoleInstance",
            "Set-AzureWalkUpgradeDomain",
            # A cloud service's extensions are its roles' (a VM's are Set-AzureVMExtension's).
            *(
                f"{verb}-AzureService{kind}Extension"
                for verb in ("Set", "Remove")
                for kind in ("", "Diagnostics", "RemoteDesktop", "Antimalware", "ADDomain")
            ),
        }
    ),
    "Shell": frozenset(),
    "Python": frozenset(
        {
            "upgrade_deployment",
            "change_deployment_configuration",
            "update_deployment_status",
            "swap_deployment",
            "walk_upgrade_domain",
            "rollback_update_or_upgrade",
            "reimage_role_instance",
            "rebuild_role_instance",
        }
    ),
}
# The calls that start or restart classic VMs, by language: Microsoft deallocated the classic VMs not
# migrated when it retired them on `CLASSIC_VMS`, and such a VM starts again only once migrated
# (`retirements.VMS_START_ONLY_MIGRATED`), so they fail today as creating one does.
STARTS_RETIRED_VMS = {
    "PowerShell": frozenset({"Start-AzureVM", "Restart-AzureVM"}),
    "Shell": frozenset({"azure vm start", "azure vm restart"}),
    "Python": frozenset({"start_role", "start_roles", "restart_role", "azure vm start", "azure vm restart"}),
}
# And Resource Manager's generic calls of a classic type whose creation is retired, in every language.
CREATES_RETIRED = {
    language: names | {name for name, (_, kind) in CLASSIC_TYPE_CALLS.items() if kind}
    for language, names in CREATES_RETIRED.items()
}


# The calls that deploy or manage a service package, whose deployment runs web/worker roles: in a script
# that makes one, a query of a deployment asks after those roles, which no migration moves.
_DEPLOYS_PACKAGES = frozenset(
    {"New-AzureDeployment", "Publish-AzureServiceProject", "create_deployment"}
    | MANAGES_RETIRED_ROLES["PowerShell"]
    | MANAGES_RETIRED_ROLES["Python"]
)
# A query of a deployment in such a script, and what replaces it on the platforms the roles are rebuilt on.
_PACKAGE_QUERIES = {
    "Get-AzureDeployment": (
        "Get-AzWebApp (App Service), Get-AzContainerApp or Get-AzAksCluster, depending on the new platform "
        "(the roles its package deploys are rebuilt there)"
    ),
    "get_deployment_by_name": (
        "WebSiteManagementClient.web_apps.get, ContainerAppsAPIClient.container_apps.get or "
        "ContainerServiceClient.managed_clusters.get, depending on the new platform (the roles its package "
        "deploys are rebuilt there)"
    ),
}
_PACKAGE_QUERIES["get_deployment_by_slot"] = _PACKAGE_QUERIES["get_deployment_by_name"]
# Get-AzureRole -InstanceDetails, as a deploying script waits for its roles to be ready (ReadyRole).
_PACKAGE_QUERIES["Get-AzureRole"] = _PACKAGE_QUERIES["Get-AzureDeployment"]
# The queries of a deployment, whose cloud service a call records (`ClassicCall.service`).
DEPLOYMENT_QUERIES = frozenset(_PACKAGE_QUERIES)


# The cmdlets that build an extension's configuration for a deployment of web/worker roles (passed to
# New-AzureDeployment or Set-AzureDeployment -ExtensionConfiguration): of those roles alone, as the calls
# that set such an extension on a deployed service are (`MANAGES_RETIRED_ROLES`).
_ROLE_EXTENSION_CONFIGS = frozenset(
    f"New-AzureService{kind}ExtensionConfig" for kind in ("", "Diagnostics", "RemoteDesktop", "ADDomain")
)


def serves_roles_only(language: str, names: Iterable[str]) -> bool:
    """Whether every classic call `names` of a script, but those that sign in or choose a subscription,
    deploys or manages the web/worker roles of a service package (`_DEPLOYS_PACKAGES`, their extensions'
    configurations, the requests that send what those send, and in a script that deploys a package its
    queries of a deployment): no migration moves such roles, so the script is rewritten for the platform they
    are rebuilt on, never kept until they are migrated."""
    acting = [name for name in names if not _signs_in(language, name)]
    # In a script that deploys a package, a query of a deployment asks after its roles (`_PACKAGE_QUERIES`).
    packages = deploys_packages(acting)
    return bool(acting) and all(
        name in _DEPLOYS_PACKAGES
        or name in _ROLE_EXTENSION_CONFIGS
        or manages_roles_by_request(name)
        or (packages and name in _PACKAGE_QUERIES)
        for name in acting
    )


def _signs_in(language: str, name: str) -> bool:
    """Whether a classic call signs in, chooses a subscription or looks up what it offers (`_ACCOUNT_NOUNS`;
    the SDK's client, which a Python script makes to call anything)."""
    if language == "Python":
        return name == "ServiceManagementService"
    return language == "PowerShell" and name.partition("-")[2].startswith(_ACCOUNT_NOUNS)


def deploys_packages(names: Iterable[str]) -> bool:
    """Whether a script's classic calls `names` deploy or manage a service package (web/worker roles): a
    cmdlet or SDK call of `_DEPLOYS_PACKAGES`, or a request of its own that sends what such a call sends
    (`manages_roles_by_request`: a POST `?comp=upgrade`, as Set-AzureDeployment -Upgrade)."""
    return any(name in _DEPLOYS_PACKAGES or manages_roles_by_request(name) for name in names)


# The classic calls that create a virtual network's gateway, and what replaces each where the network is
# linked to an ExpressRoute circuit: that gateway is the ExpressRoute one (the coexistence walkthrough creates
# it so, then links the circuit), whose Resource Manager form is an ExpressRoute gateway, not a VPN SKU.
EXPRESSROUTE_GATEWAY_CREATES = {
    "New-AzureVNetGateway": "New-AzVirtualNetworkGateway -GatewayType ExpressRoute with an ExpressRoute SKU",
    "azure network vpn-gateway create": "az network vnet-gateway create --gateway-type ExpressRoute with an "
    "ExpressRoute SKU",
}


def replacement(language: str, call: str, packages: bool = False) -> str:
    """What replaces one classic call, or "" when there is no one-to-one replacement to name; in a script
    that deploys `packages` (see `deploys_packages`), a query of a deployment is one of web/worker roles."""
    if packages and call in _PACKAGE_QUERIES:
        return _PACKAGE_QUERIES[call]
    if call in (ANSIBLE_VM, ANSIBLE_VM_ABSENT):
        return ANSIBLE_REPLACEMENT
    if call.endswith(TERRAFORM):
        return TERRAFORM_REPLACEMENTS.get(call.removesuffix(TERRAFORM), "")
    if call in CLASSIC_TYPE_CALLS:
        return CLASSIC_TYPE_CALLS[call][0]
    if call.startswith("azure "):
        return XPLAT.get(call, "")
    if language == "PowerShell":
        return POWERSHELL.get(call, "") or _automation_replacement(call)
    return PYTHON.get(call, "")


def replacements_markdown() -> str:
    """Every replacement `replacement` names, as the Markdown section `migcheck rule MIG601` ends with:
    a finding maps the few calls nearest it, and points here for the rest."""
    lists = "\n\n".join(
        f"{title}:\n\n" + "\n".join(f"- `{call}` → {instead}" for call, instead in table.items())
        for title, table in (
            ("PowerShell (the classic `Azure` module → Az)", POWERSHELL),
            ("The classic CLI (`azure`, ASM mode) → the Azure CLI (`az`)", XPLAT),
            ("Python (the Service Management SDK → the `azure-mgmt-*` clients)", PYTHON),
        )
    )
    automation = (
        "The classic module's Azure Automation cmdlets (`Start-AzureAutomationRunbook`, ...) → the same verb "
        "and noun in Az.Automation (`Start-AzAutomationRunbook`), in a resource group; "
        + "; ".join(f"`{call}` → {instead}" for call, instead in _AUTOMATION_EXCEPTIONS.items())
        + "."
    )
    return f"### Replacements\n\n{lists}\n\n{automation}"


# The classic module's Azure Automation cmdlets (`Start-AzureAutomationRunbook`): Az.Automation has each
# under the same verb and noun, in a resource group; the one exception is named.
_AUTOMATION = "-AzureAutomation"
_AUTOMATION_EXCEPTIONS = {"Get-AzureAutomationRunbookDefinition": "Export-AzAutomationRunbook"}


def _automation_replacement(call: str) -> str:
    verb, found, noun = call.partition(_AUTOMATION)
    if not found or not verb or not noun:
        return ""
    named = _AUTOMATION_EXCEPTIONS.get(call) or f"{verb}-AzAutomation{noun}"
    return named


# --- requests a script sends to the Service Management API itself ------------------------------------------

# The hosts of the Service Management API, in Azure's public and national clouds.
MANAGEMENT_HOSTS = tuple(f"management.{suffix}" for suffix in ENDPOINT_SUFFIXES)
HOLE = "\x00"  # a piece of a URL the script does not state


def url_joined(base: str, url: str) -> str | None:
    """What `urllib.parse.urljoin(base, url)` gives for the plain cases, as .NET's `Uri(baseUri, relativeUri)`
    does too (Python's `urljoin`, PowerShell's `[uri]::new($base, $relative)`); None for the others. A piece the script does not state (a HOLE) at the start of `url` is read as a relative one, as
    joining to a base is for (`urljoin(HOST, subscription + '/services/...')`)."""
    if not url:
        return base
    scheme, colon, _ = url.partition(":")
    if colon and scheme.isalpha() and HOLE not in scheme:
        return url  # an absolute URL
    if url.startswith(("//", "?", "#")) or ".." in url.split("/") or "." in url.split("/"):
        return None
    scheme, sep, after = base.partition("://")
    if not sep or not scheme.isalpha():
        return None
    host, slash, path = after.partition("/")
    origin = f"{scheme}://{host}"
    if HOLE in origin:
        return None
    if url.startswith("/"):
        return origin + url
    return origin + slash + path[: path.rfind("/") + 1] + url if slash else f"{origin}/{url}"


def stated_blob_account(shape: str, hole: str = HOLE) -> str:
    """The storage account a blob address whose text is `shape` (`hole` for each piece the script does not
    state) names where the script states it (`https://acct.blob.core.windows.net/vhds/` + a name it does
    not state, or a cloud's endpoint suffix it does not state): the host's first label, whatever the
    path; "" where the script does not state the account, or the host is no cloud's blob endpoint."""
    account = blob_host_account(shape.rpartition("://")[2].split("/", 1)[0], hole)
    return "" if hole in account else account


def deployed_file(shape: str) -> str:
    """The file a script names by a path whose text is `shape` (HOLE for each piece it does not state), for
    `Deployment.configuration_file`: a path relative to the script's folder (`.\\pkg\\x.cscfg`, or after
    a first piece it does not state, `$PSScriptRoot` or `os.path.dirname(__file__)`), `/`-separated; else
    the file's name, where the script states it; else ""."""
    written = shape.replace("\\", "/").strip()
    if written.startswith(HOLE + "/"):  # the script's folder, or a folder it does not state
        written = written.removeprefix(HOLE).lstrip("/")
    last = written.rpartition("/")[2]
    if HOLE in last or last in ("", ".", ".."):
        return ""
    if HOLE in written or written.startswith("/") or ":" in written:
        return last
    return posixpath.normpath(written)


def _compiled_when_used(pattern: AnyStr, flags: int = 0) -> Callable[[], re.Pattern[AnyStr]]:
    """`re.compile(pattern, flags)`, compiled at its first use and kept: compiling this module's patterns
    was three quarters of importing it, and every check imports it (the rules do), most of them with no
    script or request path to match."""
    return functools.cache(lambda: re.compile(pattern, flags))


_MANAGEMENT_HOST = "|".join(re.escape(host) for host in MANAGEMENT_HOSTS)
# A URL on one of them: the host, then nothing, a port, a path, or a piece the script does not state.
_MANAGEMENT_URL = _compiled_when_used(
    rf"(?:https?://)?({_MANAGEMENT_HOST})(?::\d+)?([/{HOLE}].*)?", re.IGNORECASE | re.DOTALL
)
# The paths that make the host an audience of sign-in tokens (`resource=` or `scopes=`), not a request.
_TOKEN_SCOPES = frozenset({"", ".default", "user_impersonation"})
# No real URL is longer: a longer string is looked at no further.
_LONGEST_URL = 4096
# How long a request's name may be, as the calls of a script list it (MIG601 shows a few of them).
_LONGEST_CALL = 200

# The Service Management API's migration requests, all POSTs: `<subscription>/services/hostedservices/
# <service>/deployments/<deployment>/migration?comp=prepare`, and the same of
# `networking/virtualnetwork/<vnet>` and `storageservices/<account>` (the classic SDK for .NET,
# Microsoft.WindowsAzure.Management.Compute, .Network and .Storage, which the Move-Azure* cmdlets call).
# Each names the resource MIG602 orders the steps of: for a deployment, the cloud service, as
# Move-AzureService names it.
_MIGRATION_PATH = _compiled_when_used(
    r"/services/(?:hostedservices/(?P<service>[^/?#]+)/deployments/[^/?#]+"
    r"|networking/virtualnetwork/(?P<vnet>[^/?#]+)|storageservices/(?P<account>[^/?#]+))"
    r"/migration/?\?(?:[^#]*&)?comp=(?P<step>[A-Za-z]+)(?=$|[&#])",
    re.IGNORECASE,
)
_MIGRATION_SCOPES = {"service": "cloud-service", "vnet": "virtual-network", "account": "storage-account"}
_MIGRATION_STEPS = frozenset({"validate", "prepare", "commit", "abort"})
MIGRATION_API = "Service Management API"  # what runs the steps a request runs, as MIG602 names it


def mentions_management_host(text: str) -> bool:
    """Whether a text names one of the API's hosts anywhere (any case)."""
    return _MANAGEMENT_HOST_IN_TEXT().search(text) is not None


_MANAGEMENT_HOST_IN_TEXT = _compiled_when_used(_MANAGEMENT_HOST, re.IGNORECASE)


def may_name_management_host(data: bytes) -> bool:
    """Whether a file's bytes may name one of the API's hosts (`management.core.` of any cloud), in any case:
    a host is the same in any case (`https://Management.Core.Windows.Net/...`). The readers' cheap test
    that a file may send a request to the API itself."""
    return _MANAGEMENT_HOST_IN_BYTES().search(data) is not None


_MANAGEMENT_HOST_IN_BYTES = _compiled_when_used(rb"management\.core\.", re.IGNORECASE)


def management_host(text: str) -> str | None:
    """The API's host a connection is opened to (`HTTPSConnection('management.core.windows.net')`), in lower
    case; None for any other text, or one with a path."""
    found = _MANAGEMENT_URL().fullmatch(text[:_LONGEST_URL])
    return found.group(1).lower() if found is not None and not found.group(2) else None


def states_host(url: str) -> bool:
    """Whether a URL built in part from what the script does not state (`HOLE`) states its host whole
    before the first such piece (`https://management.azure.com/subscriptions/<HOLE>`): one whose host is
    not the Service Management API's is decided not to go to it, whatever words it holds."""
    _, scheme, rest = url.partition(HOLE)[0].partition("://")
    return bool(scheme) and "/" in rest


def names_the_api(data: bytes) -> bool:
    """Whether a file names the Service Management API or a classic tool anywhere: one of the API's hosts (in
    every cloud), the classic SDK, a publish settings file, a classic REST body's namespace, a classic cmdlet
    (`New-AzureService`, not `New-AzureRm*` nor `*-AzureAD*`) or a command of the classic CLI (`azure vm`).
    A client certificate alone is no sign of the API (mutual TLS to any service sends one), nor is the word
    Azure (`AzureCLI@2`, `azure/login`, a comment): a request with one to a URL the file does not state may
    go to the API only in such a file."""
    lowered = data.lower()
    return any(sign in lowered for sign in _CLASSIC_SIGNS) or _CLASSIC_COMMAND().search(lowered) is not None


# What names the API in a file, lowered: its hosts, the classic SDK, a publish settings file (which holds a
# management certificate), a classic REST body's namespace.
_CLASSIC_SIGNS = (
    b"management.core.",
    b"servicemanagement",
    b"publishsettings",
    b"schemas.microsoft.com/windowsazure",
)
# A classic cmdlet, or a command of a classic CLI's groups (`xplat.CLASSIC_GROUPS`, with the account and
# storage commands and `azure config mode`), lowered.
_CLASSIC_COMMAND = _compiled_when_used(
    rb"[a-z]-azure(?!rm|ad)[a-z]|\bazure(?:\.cmd)?[ \t]+(?:vm|service|network|storage|account|config|login)\b"
)


def may_be_api_path(url: str) -> bool:
    """Whether a URL built in part from what the script does not state (`HOLE` for each such piece) may be one
    to the Service Management API by the path it states: every path of the API is `/<subscription-id>`, then
    one of its collections (`services/hostedservices/...`, `operations/...`), so a URL whose stated path
    names none of them (`<HOLE>/v1/auth/cert/login`, `<HOLE>/hosts`) is another service's. The pieces next to
    a `HOLE` may be any part of a collection's name, so only whole stated segments count."""
    _, hole, after = url.partition(HOLE)
    if not hole:
        return True
    path = after.partition("?")[0].partition("#")[0]
    # The first piece joins the one not stated (`$HOST.example.com`): only whole stated segments count.
    stated = [segment for segment in path.split("/")[1:] if segment and HOLE not in segment]
    return not stated or any(segment.casefold() in _API_SEGMENTS for segment in stated)


# The names of the Service Management API's collections and operations a request path holds, from its REST
# reference: one of them in a URL's stated path may make it the API's.
_API_SEGMENTS = frozenset(
    [
        "services",
        "hostedservices",
        "storageservices",
        "networking",
        "deployments",
        "deploymentslots",
        "roles",
        "roleinstances",
        "images",
        "vmimages",
        "osimages",
        "disks",
        "extensions",
        "operations",
        "locations",
        "affinitygroups",
        "certificates",
        "rolesizes",
        "media",
        "virtualnetwork",
        "gateway",
        "gateways",
        "reservedips",
        "migration",
        "webspaces",
        "sqlservers",
        "servicebus",
        "mobileservices",
        "subscriptionoperations",
        "publishxml",
        "capabilities",
    ]
)


def management_url(url: str) -> tuple[str, str] | None:
    """(host, path) of a URL on the Service Management API's host (`HOLE` for each piece the script does not
    state), with a path of its own; None for any other. The host alone (`https://management.core.windows.net/`)
    and its scopes (`/.default`, `/user_impersonation`) are the audience Resource Manager's sign-in tokens are
    asked for, not a request to the API."""
    found = _MANAGEMENT_URL().fullmatch(url[:_LONGEST_URL])
    if found is None:
        return None
    path = found.group(2) or ""
    if path.strip("/") in _TOKEN_SCOPES:
        return None
    return found.group(1).lower(), path


# The API's host in a cloud a script does not state: what a value that is one cloud's host on one path and
# another's on another is (`if (…) { $h = "management.core.chinacloudapi.cn" } else { $h = "management.core.
# windows.net" }`).
HOST_IN_A_CLOUD = f"management.core.{HOLE}"


def management_url_in_a_cloud(url: str) -> tuple[str, str] | None:
    """(`UNSTATED_HOST`, path) of a URL on the API's host whose cloud the script does not state
    (`HOST_IN_A_CLOUD`, with or without its scheme, then a path the API has); None for any other."""
    for start in ("https://" + HOST_IN_A_CLOUD, HOST_IN_A_CLOUD):
        if url.startswith(start) and url[len(start) : len(start) + 1] == "/":
            found = management_url(MANAGEMENT_HOSTS[0] + url[len(start) :])
            return (UNSTATED_HOST, found[1]) if found is not None else None
    return None


# The collections of the Service Management API a request path starts with, after the subscription: those
# whose requests `automation` reads (cloud services and their deployments and roles, storage accounts,
# networking: the network configuration, gateways, reserved IPs, security groups, circuit links). A string
# that holds one of them, whole, as a path (`services/networking/media`, `"$sub/services/hostedservices/$svc"`)
# is a request path; a URL on the API's host is read where it is sent (the readers' own requests).
REQUEST_COLLECTIONS = ("services/hostedservices", "services/storageservices", "services/networking")
_PATH_ENDS = ("", "/", "?")
LONGEST_PATH = 1024
PATH_REQUEST = "a request to"  # how a path's request is listed, its method not known
UNSTATED_HOST = "management.core.<...>"  # the API's host, in a cloud the script does not say


def written_request_path(text: str) -> str | None:
    """The path of a Service Management API request a script's string states without the API's host (its
    client, in another file, holds the host), as a URL's path is read (`/<subscription>/services/networking/
    media`, each piece the script does not state a `HOLE`, the subscription one when the string does not hold
    it); None for any other string. A path holds no blank, quote or markup. The PowerShell and Python readers
    read their strings by it."""
    lowered = text[:LONGEST_PATH].casefold()
    if "services/" not in lowered or len(text) > LONGEST_PATH or "://" in lowered:
        return None  # a URL names its host: the API's is read where it is sent, another is not the API
    if any(c.isspace() or c in "<>\"'" for c in text):
        return None
    for collection in REQUEST_COLLECTIONS:
        at = 0 if lowered.startswith(collection) else lowered.find("/" + collection) + 1
        if at == 0 and not lowered.startswith(collection):  # not in the text
            continue
        if lowered[at + len(collection) : at + len(collection) + 1] not in _PATH_ENDS:
            continue
        subscription = text[:at].strip("/") or HOLE
        return f"/{subscription}/{text[at:]}"
    return None


def request_name(verb: str, host: str, path: str) -> str:
    """How a request to the API is listed among a script's classic calls: its method and URL as the REST
    reference writes it (`PUT management.core.windows.net/<subscription-id>/services/networking/media`),
    with what the script does not state shown as `<...>`. Its query stays: `?comp=upgrade` tells a request
    that manages a deployment from the one that creates it (`created_by_request`)."""
    path, mark, query = path.partition("?")
    segments = path.split("/")
    if path.startswith("/") and len(segments) > 1 and segments[1]:
        segments[1] = "<subscription-id>"
    shown = ("/".join(segments) + mark + query).replace(HOLE, "<...>")
    name = f"{verb} {host}{shown if shown.startswith('/') else '/' + shown}"
    return name if len(name) <= _LONGEST_CALL else name[: _LONGEST_CALL - 1] + "…"


def path_request_name(path: str) -> str:
    """How a request path a script writes without the host (`written_request_path`) is listed among its
    classic calls: a request to the API's host, in a cloud the script does not say, its method not known."""
    return request_name(PATH_REQUEST, UNSTATED_HOST, path)


def requested_address(name: str) -> str:
    """The address a listed request names after the host (`/<subscription-id>/services/...`)."""
    return name.removeprefix(f"{PATH_REQUEST} {UNSTATED_HOST}")


def migration_step(path: str) -> tuple[str, str, str] | None:
    """The migration step a POST to `path` runs (`.../migration?comp=prepare`), as (step, scope, target):
    the target is "" when the script does not state it. None for any other path."""
    found = _MIGRATION_PATH().search(path)
    if found is None or found.group("step").casefold() not in _MIGRATION_STEPS:
        return None
    for group, scope in _MIGRATION_SCOPES.items():
        name = found.group(group)
        if name is not None:
            return found.group("step").casefold(), scope, "" if HOLE in name else name
    return None


def migration_target_hole(text: str) -> int | None:
    """Of a request to a migration path whose target is one value the script does not state
    (`.../virtualnetwork/$VNET/migration?comp=commit`), written as `text` with a HOLE for each such value:
    which of them names the target, counted from 0; None for any other text."""
    found = _MIGRATION_PATH().search(text)
    if found is None:
        return None
    group = next((name for name in _MIGRATION_SCOPES if found.group(name) is not None), None)
    if group is None or found.group(group) != HOLE:
        return None
    return text.count(HOLE, 0, found.start(group))


# --- requests that create what can no longer be created ------------------------------------------------------

# The Service Management API's requests that create a classic resource, all POSTs, by their path after
# `<subscription>/services/` (`*` for a name): Create Cloud Service, Create Virtual Machine Deployment, Create
# Deployment (of a package, to a slot), Add Role, Create Storage Account; and the kind of resource each creates,
# as MIG601 names it (`_RETIRED`). Their creation is retired, so each fails today, as the SDK's call does.
# A request to the same path with a `comp` operation manages what is there: `?comp=upgrade` (Upgrade
# Deployment), `?comp=config` (Change Deployment Configuration), `?comp=status` (Update Deployment Status),
# and the others; it creates nothing.
_CREATE_REQUESTS = {
    ("hostedservices",): "cloud services",
    ("hostedservices", "*", "deployments"): "VMs",
    ("hostedservices", "*", "deploymentslots", "*"): "cloud services",
    ("hostedservices", "*", "deployments", "*", "roles"): "VMs",
    ("storageservices",): "storage accounts",
}


def created_by_request(name: str) -> str:
    """The kind of classic resource a listed request (`request_name`) creates: "VMs", "cloud services" or
    "storage accounts" for a POST of `_CREATE_REQUESTS`; "" for any other call, or a request whose method the
    script does not state."""
    verb, _, address = name.partition(" ")
    if verb != "POST":
        return ""
    path, _, query = address.partition("?")
    _, found, under = path.rstrip("/").partition("/services/")
    if not found or _names_operation(query):
        return ""
    segments = under.split("/")
    for shape, kind in _CREATE_REQUESTS.items():
        if len(shape) == len(segments) and all(
            want == "*" or want == got.casefold() for want, got in zip(shape, segments, strict=True)
        ):
            return kind
    return ""


def _operation(query: str) -> str | None:
    """The operation a request's query names on what its path names (`upgrade` for `comp=upgrade`), "" when
    the script does not state it; None for a query that names none."""
    for part in query.split("&"):
        key, _, value = part.partition("=")
        if key.strip().casefold() == "comp":
            return "" if HOLE in value else value.strip().casefold()
    return None


def _names_operation(query: str) -> bool:
    """Whether a request's query names an operation on what its path names (`comp=upgrade`)."""
    return _operation(query) is not None


# The Service Management API's requests that manage the roles a classic cloud service runs, as the SDK's
# calls of `MANAGES_RETIRED_ROLES` send them, all POSTs: by the shape of their path after `services/` (`*`
# for a name), the operations their `comp` names (None for a request with no `comp`). On a deployment, by
# slot or by name: Upgrade Deployment, Change Deployment Configuration, Update Deployment Status, Walk
# Upgrade Domain, Rollback Update Or Upgrade; on a role instance: Reimage and Rebuild (not Reboot, which a
# VM takes too); on the cloud service: Swap Deployment (a POST with no `comp`).
_DEPLOYMENT_OPERATIONS = frozenset({"upgrade", "config", "status", "walkupgradedomain", "rollback"})
_ROLE_REQUESTS: dict[tuple[str, ...], frozenset[str | None]] = {
    ("hostedservices", "*"): frozenset({None}),
    ("hostedservices", "*", "deploymentslots", "*"): _DEPLOYMENT_OPERATIONS,
    ("hostedservices", "*", "deployments", "*"): _DEPLOYMENT_OPERATIONS,
    ("hostedservices", "*", "deploymentslots", "*", "roleinstances", "*"): frozenset({"reimage", "rebuild"}),
    ("hostedservices", "*", "deployments", "*", "roleinstances", "*"): frozenset({"reimage", "rebuild"}),
}


def manages_roles_by_request(name: str) -> bool:
    """Whether a listed request (`request_name`) manages the roles a classic cloud service runs, as the
    SDK's `upgrade_deployment` and the others of `MANAGES_RETIRED_ROLES` do (`_ROLE_REQUESTS`)."""
    verb, _, address = name.partition(" ")
    if verb != "POST":
        return False
    path, _, query = address.partition("?")
    _, found, under = path.rstrip("/").partition("/services/")
    operations = _ROLE_REQUESTS.get(_shape(under.split("/"))) if found else None
    return operations is not None and _operation(query) in operations


def _shape(segments: list[str]) -> tuple[str, ...]:
    """The shape of a path's segments after `services/`, its names `*` (`hostedservices/*/deployments`):
    the collections' names are the odd segments."""
    return tuple(segment.casefold() if at % 2 == 0 else "*" for at, segment in enumerate(segments))


# --- requests that change what a Prepare locks --------------------------------------------------------------

# The paths of the Service Management API's requests that change a cloud service (its deployments, VMs, role
# instances, certificates), a storage account (its keys, properties), a virtual network (its gateway, its
# subnets' associations, an ExpressRoute link to it), a network security group or route table (its rules,
# routes, the group or table itself), or every network of the subscription at once (Set Network
# Configuration, a PUT to `.../services/networking/media`), when sent with a method that changes (PUT, POST,
# DELETE, MERGE, PATCH).
_CHANGED_PATH = _compiled_when_used(
    r"/services/(?:hostedservices/(?P<service>[^/?#]+)|storageservices/(?P<account>[^/?#]+)"
    r"|networking/(?:(?P<media>media)(?=$|[/?#])|virtualnetwork/(?P<vnet>[^/?#]+)/"
    r"|dedicatedcircuits/[^/?#]+/vnets/(?P<linked>[^/?#]+)|networksecuritygroups/(?P<group>[^/?#]+)"
    r"|routetables/(?P<table>[^/?#]+)|(?P<gateway>[^/?#]+)/gateway(?=$|[/?#])))",
    re.IGNORECASE,
)
_CHANGED_SCOPES = {
    "service": "cloud-service",
    "account": "storage-account",
    "vnet": "virtual-network",
    "linked": "virtual-network",
    "group": "network-security-group",
    "table": "route-table",
    "gateway": "virtual-network",
}
_CHANGING_METHODS = frozenset({"PUT", "POST", "DELETE", "MERGE", "PATCH"})
# Path segments under `/services/networking/` that are collections, not the name of a network.
_NETWORKING_COLLECTIONS = frozenset(
    {"media", "reservedips", "virtualnetwork", "dedicatedcircuits", "networksecuritygroups", "routetables"}
)


def changed_by_request(verb: str | None, path: str) -> tuple[str, str] | None:
    """What a request of method `verb` to `path` changes that a Prepare locks, as (scope, name) with the
    scopes of `MigrationStep` (`EVERY_NETWORK` for a network configuration upload); None for a request that
    reads, runs a migration step, or names what it changes with a piece the script does not state."""
    if verb is None or verb.upper() not in _CHANGING_METHODS or migration_step(path) is not None:
        return None
    found = _CHANGED_PATH().search(path)
    if found is None:
        return None
    if found.group("media") is not None:
        return ("virtual-network", EVERY_NETWORK) if verb.upper() == "PUT" else None
    for group, scope in _CHANGED_SCOPES.items():
        name = found.group(group)
        if name is not None:
            stated = HOLE not in name and name.casefold() not in _NETWORKING_COLLECTIONS
            return (scope, name) if stated and name.strip() else None
    return None


# What a classic call deletes, by its name as `ClassicCall.name` spells it, lowered: a VM, a deployment (all
# its VMs), or the resource a Prepare locks whole. A Prepare locks each of them "for any update/delete
# operation" (errors 2023), so MIG602 tells a delete from other changes by it.
_DELETES = {
    "remove-azurevm": "VM",
    "delete_role": "VM",
    "azure vm delete": "VM",
    "remove-azuredeployment": "deployment",
    "delete_deployment": "deployment",
    "remove-azureservice": "cloud service",
    "delete_hosted_service": "cloud service",
    "azure service delete": "cloud service",
    "remove-azurestorageaccount": "storage account",
    "delete_storage_account": "storage account",
    "azure storage account delete": "storage account",
    "azure network vnet delete": "virtual network",
    "remove-azurenetworksecuritygroup": "network security group",
    "azure network nsg delete": "network security group",
    "remove-azureroutetable": "route table",
    "azure network route-table delete": "route table",
}
# The same of a DELETE request (Delete Role, Delete Deployment, Delete Cloud Service, Delete Storage Account),
# by the shape of its path after `services/` (`_shape`); a DELETE of anything else (a disk, a certificate, a
# group's rule) changes what holds it.
_DELETE_REQUESTS = {
    ("hostedservices", "*", "deployments", "*", "roles", "*"): "VM",
    ("hostedservices", "*", "deployments", "*"): "deployment",
    ("hostedservices", "*", "deploymentslots", "*"): "deployment",
    ("hostedservices", "*"): "cloud service",
    ("storageservices", "*"): "storage account",
    ("networking", "networksecuritygroups", "*"): "network security group",
    ("networking", "routetables", "*"): "route table",
}


def deleted_by(name: str) -> str:
    """What a classic call named `name` (a cmdlet, CLI command, SDK method, or `request_name`) deletes:
    "VM", "deployment", "cloud service", "storage account", "virtual network", "network security group" or
    "route table"; "" for a call that deletes none of them whole (or whose request path it does not say)."""
    verb, _, address = name.partition(" ")
    if verb != "DELETE":
        return _DELETES.get(name.casefold(), "")
    _, found, under = address.partition("?")[0].rstrip("/").partition("/services/")
    segments = under.split("/")
    if not found or any(HOLE in segment or "<...>" in segment for segment in segments[::2]):
        return ""
    if segments[0].casefold() == "networking":  # its collections follow one segment further
        return _DELETE_REQUESTS.get(("networking", *_shape(segments[1:])), "")
    return _DELETE_REQUESTS.get(_shape(segments), "")


# --- deployments created from a body file ---------------------------------------------------------------------

# Create Deployment (POST `<subscription>/services/hostedservices/<service>/deploymentslots/<slot>`) and Create
# Virtual Machine Deployment (POST `.../hostedservices/<service>/deployments`): the service the deployment is
# created in, as the path writes it. A query (`?comp=upgrade`) or a longer path is another operation.
_DEPLOYMENT_CREATED_PATH = _compiled_when_used(
    r"/services/hostedservices/(?P<service>[^/?#]+)/(?:deployments|deploymentslots/[^/?#]+)/?$", re.IGNORECASE
)


def deployment_created_in(verb: str | None, path: str) -> str | None:
    """The cloud service a request of method `verb` to `path` creates a deployment in (Create Deployment,
    Create Virtual Machine Deployment), "" where the path does not state it; None for any other request."""
    if (verb or "").upper() != "POST":
        return None
    found = _DEPLOYMENT_CREATED_PATH().search(path[:_LONGEST_URL])
    if found is None:
        return None
    service = found.group("service")
    if "%" in service:  # percent-decoded only where it is encoded: urllib.parse stays off the start-up path
        from urllib.parse import unquote

        service = unquote(service)
    service = service.strip()
    return "" if HOLE in service else service


# Swap Deployment (POST `<subscription>/services/hostedservices/<service>`, with no `comp` and nothing after the
# service's name): the service whose staging and production deployments it swaps.
_SWAP_PATH = _compiled_when_used(r"/services/hostedservices/(?P<service>[^/?#]+)/?$", re.IGNORECASE)


def swapped_in(verb: str | None, path: str) -> str | None:
    """The cloud service a request of method `verb` to `path` swaps the deployments of (Swap Deployment), ""
    where the path does not state it; None for any other request."""
    if (verb or "").upper() != "POST":
        return None
    found = _SWAP_PATH().search(path[:_LONGEST_URL])
    service = found.group("service").strip() if found is not None else None
    return None if service is None else "" if HOLE in service else service


def body_service(verb: str | None, path: str) -> str | None:
    """The cloud service a request's body describes a deployment of: one it creates (`deployment_created_in`)
    or swaps into production (`swapped_in`); None for any other request."""
    created = deployment_created_in(verb, path)
    return created if created is not None else swapped_in(verb, path)


# --- ExpressRoute circuit links ------------------------------------------------------------------------------

# The classic ExpressRoute API's link of a virtual network to a dedicated circuit (`New-` and
# `Remove-AzureDedicatedCircuitLink` send these): `<subscription>/services/networking/dedicatedcircuits/
# <service-key>/vnets/<network>`, which a PUT creates and a DELETE removes (the links of a circuit are listed
# by a GET to `.../dedicatedcircuits/<service-key>/vnets`).
_CIRCUIT_LINK_PATH = _compiled_when_used(
    r"/services/networking/dedicatedcircuits/(?P<key>[^/?#]+)/vnets/(?P<network>[^/?#]+)/?(?=$|[?#])",
    re.IGNORECASE,
)
CIRCUIT_LINK_REQUEST = "a PUT to .../dedicatedcircuits/<service-key>/vnets/<network>"


def circuit_link(verb: str | None, path: str) -> tuple[str, str, str] | None:
    """("link" or "unlink", network, service key) of a request of method `verb` to `path` that links a
    virtual network to an ExpressRoute circuit (PUT) or removes the link (DELETE), each name with a `HOLE`
    where the script does not state it; None for any other request."""
    kind = {"PUT": "link", "DELETE": "unlink"}.get((verb or "").upper())
    found = _CIRCUIT_LINK_PATH().search(path[:_LONGEST_URL]) if kind is not None else None
    return (kind, found.group("network"), found.group("key")) if kind and found is not None else None


# --- gateway connections ------------------------------------------------------------------------------------

# The request that connects a virtual network's gateway to a local network site, disconnects it or tests it
# (Service Management's "Connect to, Disconnect from, or Test your Connection to a Local Network": a PUT to
# `<subscription>/services/networking/<network>/gateway/connection/<site>` whose `UpdateConnection` body's
# `Operation` says which). The network and the site as the path writes them.
_GATEWAY_CONNECTION_PATH = _compiled_when_used(
    r"/services/networking/(?P<network>[^/?#]+)/gateway/connection/(?P<site>[^/?#]+)/?(?=$|[?#])",
    re.IGNORECASE,
)


# How a script's request that connects a gateway to a local network site is named (`VnetGatewayFact.how`).
GATEWAY_CONNECT_REQUEST = "a PUT to .../gateway/connection/<site>"
# The script calls that connect a network's gateway to a local network site by VPN: PowerShell's cmdlet, the
# classic CLI's command (which writes the site's reference, of type IPsec, into the network configuration),
# and the request either sends itself, in Python or PowerShell.
SITE_CONNECTS = frozenset(
    {"Set-AzureVNetGateway -Connect", "azure network vnet local-network add", GATEWAY_CONNECT_REQUEST}
)
# The calls that set or reset the pre-shared key of a gateway's connection to a local network site: such a
# key exists only for an IPsec (site-to-site or VNet-to-VNet) connection, so each shows the connection as
# surely as a connect does (a dedicated ExpressRoute connection has no key).
SHARED_KEY_CMDLET = "Set-AzureVNetGatewayKey"
SHARED_KEY_COMMANDS = (
    "azure network vpn-gateway shared-key set",
    "azure network vpn-gateway shared-key reset",
)
SHARED_KEY_REQUEST = "a request to .../gateway/connection/<site>/sharedkey"
SITE_KEYS = frozenset({SHARED_KEY_CMDLET, *SHARED_KEY_COMMANDS, SHARED_KEY_REQUEST})
# What shows a network's gateway connected to a local network site by VPN.
VPN_SITE_EVIDENCE = SITE_CONNECTS | SITE_KEYS


def gateway_connection(verb: str | None, path: str) -> tuple[str, str] | None:
    """(network, site) of a request of method `verb` to `path` that connects, disconnects or tests a
    gateway's connection to a local network site, each with a `HOLE` where the script does not state it;
    None for any other request. Only a PUT is that operation."""
    spans = gateway_connection_spans(verb, path)
    return (path[slice(*spans[0])], path[slice(*spans[1])]) if spans is not None else None


def gateway_connection_spans(verb: str | None, path: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Where the network and the site are in `path` (start, end), as `gateway_connection` reads them: a
    reader that knows which value each `HOLE` of the path is tells the values that name them."""
    if verb is None or verb.upper() != "PUT":
        return None
    found = _GATEWAY_CONNECTION_PATH().search(path[:_LONGEST_URL])
    return (found.span("network"), found.span("site")) if found is not None else None


# The request that sets (POST) or resets (PUT, `?operation=reset`) the pre-shared key of a gateway's
# connection to a local network site: `.../services/networking/<network>/gateway/connection/<site>/sharedkey`.
_SHARED_KEY_PATH = _compiled_when_used(
    r"/services/networking/(?P<network>[^/?#]+)/gateway/connection/(?P<site>[^/?#]+)/sharedkey/?(?=$|[?#])",
    re.IGNORECASE,
)


def gateway_shared_key(verb: str | None, path: str) -> tuple[str, str] | None:
    """(network, site) of a request of method `verb` to `path` that sets or resets the shared key of a
    gateway's connection to a local network site, each with a `HOLE` where the script does not state it;
    None for any other request (a GET only reads the key)."""
    if verb is None or verb.upper() not in ("PUT", "POST"):
        return None
    found = _SHARED_KEY_PATH().search(path[:_LONGEST_URL])
    return (found.group("network"), found.group("site")) if found is not None else None


def connection_operation(body: str) -> str:
    """The `Operation` of an `UpdateConnection` body (connect, disconnect, test), in lower case; "" for a
    body that is not one, or that states no single operation."""
    if "UpdateConnection" not in body:
        return ""
    from migcheck.readers.xml import Unreadable, local_name, parse

    try:
        root = parse(body.encode("utf-8"), body)
    except (Unreadable, ValueError):
        return ""
    if local_name(root) != "UpdateConnection":
        return ""
    stated = [(child.text or "").strip().casefold() for child in root if local_name(child) == "Operation"]
    return stated[0] if len(stated) == 1 else ""
