"""What the PowerShell reader knows about the classic `Azure` module (Service Management): which cmdlets
are classic, the documented parameters of those whose arguments it reads, which run a migration step, and
the cmdlets that send a request of the script's own (to the Service Management API, a classic call), write a
file, or run a script block with arguments (Start-Job, Invoke-Command).

Sources: `CmdletsToExport` of the module manifest (Azure/azure-powershell,
`src/ServiceManagement/Services/Commands.Utilities/Azure.psd1`, module 4.3.1) and the cmdlet reference
(MicrosoftDocs/azure-docs-powershell, `azuresmps-4.0.0/Azure/<cmdlet>.md`) for parameters, positions,
aliases and switches; the sources of the classic `ExpressRoute` module, installed beside it, for its
cmdlets. Data only: `readers/powershell.py` interprets it."""

from __future__ import annotations

from dataclasses import field

from migcheck.model import record

# --- which cmdlets are classic ----------------------------------------------------------------------

# Every cmdlet of the classic module, as the manifest spells it; the Windows Azure Pack (`*-WAPack*`)
# cmdlets of the same module target Azure Pack, not Azure, and are left out.
_CLASSIC = """
Get-AzureAutomationCertificate Get-AzureAutomationConnection New-AzureAutomationConnection
Remove-AzureAutomationConnection Remove-AzureAutomationConnectionType Set-AzureAutomationConnectionFieldValue
Set-AzureAutomationCertificate New-AzureAutomationCertificate Remove-AzureAutomationAccount
New-AzureAutomationAccount Get-AzureAutomationAccount Get-AzureAutomationRunbookDefinition
Get-AzureAutomationScheduledRunbook Register-AzureAutomationScheduledRunbook Remove-AzureAutomationCertificate
Set-AzureAutomationRunbook Publish-AzureAutomationRunbook Remove-AzureAutomationRunbook New-AzureAutomationRunbook
Get-AzureAutomationJobOutput Get-AzureAutomationVariable Get-AzureAutomationCredential Get-AzureAutomationJob
Get-AzureAutomationModule New-AzureAutomationCredential New-AzureAutomationModule Remove-AzureAutomationCredential
Remove-AzureAutomationModule Get-AzureAutomationRunbook New-AzureAutomationVariable Remove-AzureAutomationVariable
Set-AzureAutomationVariable Remove-AzureAutomationSchedule Get-AzureAutomationSchedule
Set-AzureAutomationRunbookDefinition New-AzureAutomationSchedule Resume-AzureAutomationJob
Set-AzureAutomationCredential Set-AzureAutomationModule Set-AzureAutomationSchedule Start-AzureAutomationRunbook
Stop-AzureAutomationJob Suspend-AzureAutomationJob Unregister-AzureAutomationScheduledRunbook
Add-AzureCertificate Get-AzureCertificate Remove-AzureCertificate Move-AzureStorageAccount Add-AzureVhd
Get-AzureStorageAccount Get-AzureStorageKey New-AzureStorageAccount New-AzureStorageKey Remove-AzureStorageAccount
Save-AzureVhd Set-AzureStorageAccount Get-AzureDeploymentEvent Move-AzureService Get-AzureRoleSize
Get-AzureDeployment Get-AzureOSVersion Get-AzureLocation Get-AzureRole Get-AzureService Move-AzureDeployment
New-AzureDeployment New-AzureService Remove-AzureDeployment Reset-AzureRoleInstance Set-AzureDeployment
Set-AzureRole Set-AzureService Set-AzureWalkUpgradeDomain Get-AzureServiceADDomainExtension
New-AzureServiceADDomainExtensionConfig Remove-AzureServiceADDomainExtension Set-AzureServiceADDomainExtension
Get-AzureServiceAvailableExtension Get-AzureServiceExtension Set-AzureServiceExtension
New-AzureServiceExtensionConfig Remove-AzureServiceExtension Get-AzureServiceAntimalwareConfig
Remove-AzureServiceAntimalwareExtension Set-AzureServiceAntimalwareExtension Get-AzureServiceDiagnosticsExtension
Get-AzureServiceRemoteDesktopExtension New-AzureServiceDiagnosticsExtensionConfig
New-AzureServiceRemoteDesktopExtensionConfig Remove-AzureServiceDiagnosticsExtension
Remove-AzureServiceRemoteDesktopExtension Set-AzureServiceDiagnosticsExtension
Set-AzureServiceRemoteDesktopExtension Get-AzureAffinityGroup New-AzureAffinityGroup Remove-AzureAffinityGroup
Set-AzureAffinityGroup Get-AzureVMImageDiskConfigSet Remove-AzureVMImageDataDiskConfig
Remove-AzureVMImageOSDiskConfig Set-AzureVMImageOSDiskConfig Set-AzureVMImageDataDiskConfig
New-AzureVMImageDiskConfigSet Get-AzureInternalLoadBalancer New-AzureInternalLoadBalancerConfig
Remove-AzureInternalLoadBalancer Add-AzureInternalLoadBalancer Remove-AzureNetworkSecurityGroupConfig
Remove-AzurePublicIP Get-AzurePublicIP Remove-AzureReservedIPAssociation Remove-AzureVirtualIP
Set-AzureInternalLoadBalancer Set-AzureNetworkSecurityGroupConfig Set-AzurePublicIP
Set-AzureReservedIPAssociation Set-AzureVMBootDiagnostics Get-AzureReservedIP New-AzureReservedIP New-AzureIPTag
Remove-AzureReservedIP Remove-AzureStaticVNetIP Set-AzureStaticVNetIP Test-AzureStaticVNetIP
New-AzureCertificateSetting New-AzureSSHKey Add-AzureDisk Get-AzureDisk Remove-AzureDisk Update-AzureDisk
Add-AzureDataDisk Remove-AzureDataDisk Set-AzureDataDisk Set-AzureOSDisk Get-AzureVNetConfig Get-AzureVNetSite
Remove-AzureVNetConfig Set-AzureSubnet Set-AzureVNetConfig Add-AzureProvisioningConfig Export-AzureVM
Get-AzureVM Get-AzureWinRMUri Import-AzureVM New-AzureVMConfig Remove-AzureVM Restart-AzureVM Save-AzureVMImage
Set-AzureVMSize Start-AzureVM Stop-AzureVM Update-AzureVM Add-AzureEndpoint Get-AzureAclConfig Get-AzureEndpoint
New-AzureAclConfig Remove-AzureAclConfig Remove-AzureEndpoint Set-AzureAclConfig Set-AzureEndpoint
Set-AzureLoadBalancedEndpoint Get-AzureDataDisk Add-AzureVMImage Get-AzureVMImage Remove-AzureVMImage
Update-AzureVMImage Get-AzureStaticVNetIP Get-AzureDns Get-AzureSubnet Get-AzureOSDisk Get-AzureRemoteDesktopFile
New-AzureQuickVM New-AzureVM Remove-AzureAvailabilitySet Set-AzureAvailabilitySet Add-AzureVirtualIP
Add-AzureDns Add-AzureNetworkInterfaceConfig Get-AzureNetworkInterfaceConfig Remove-AzureDns
Remove-AzureNetworkInterfaceConfig Set-AzureDns Set-AzureNetworkInterfaceConfig Move-AzureNetworkSecurityGroup
Move-AzureReservedIP Move-AzureRouteTable Move-AzureVirtualNetwork New-AzureDns
New-AzureVMSqlServerKeyVaultCredentialConfig Get-AzureVMChefExtension Remove-AzureVMChefExtension
Set-AzureVMChefExtension Get-AzureVMDiagnosticsExtension Remove-AzureVMDiagnosticsExtension
Set-AzureVMDiagnosticsExtension Get-AzureVMDscExtensionStatus Remove-AzureVMDscExtension Get-AzureVMDscExtension
Set-AzureVMDscExtension Get-AzureVMSqlServerExtension New-AzureVMSqlServerAutoBackupConfig
New-AzureVMSqlServerAutoPatchingConfig Remove-AzureVMSqlServerExtension Set-AzureVMSqlServerExtension
Get-AzureVMBGInfoExtension Remove-AzureVMBGInfoExtension Set-AzureVMBGInfoExtension Get-AzureVMExtension
Remove-AzureVMExtension Set-AzureVMExtension Get-AzureVMAvailableExtension Get-AzureVMPuppetExtension
Remove-AzureVMPuppetExtension Set-AzureVMPuppetExtension Get-AzureVMCustomScriptExtension
Remove-AzureVMCustomScriptExtension Set-AzureVMCustomScriptExtension Get-AzureVMAccessExtension
Remove-AzureVMAccessExtension Set-AzureVMAccessExtension Get-AzureVMMicrosoftAntimalwareExtension
Remove-AzureVMMicrosoftAntimalwareExtension Set-AzureVMMicrosoftAntimalwareExtension
Publish-AzureVMDscConfiguration Set-AzureHDInsightClusterSize Add-AzureHDInsightConfigValues
Add-AzureHDInsightMetastore Add-AzureHDInsightScriptAction Add-AzureHDInsightStorage Grant-AzureHDInsightRdpAccess
Get-AzureHDInsightCluster Get-AzureHDInsightJob Get-AzureHDInsightJobOutput Get-AzureHDInsightProperties
Grant-AzureHDInsightHttpServicesAccess Invoke-AzureHDInsightHiveJob New-AzureHDInsightCluster
New-AzureHDInsightClusterConfig New-AzureHDInsightHiveJobDefinition New-AzureHDInsightMapReduceJobDefinition
New-AzureHDInsightPigJobDefinition New-AzureHDInsightSqoopJobDefinition
New-AzureHDInsightStreamingMapReduceJobDefinition Remove-AzureHDInsightCluster Revoke-AzureHDInsightRdpAccess
Revoke-AzureHDInsightHttpServicesAccess Set-AzureHDInsightDefaultStorage Start-AzureHDInsightJob
Stop-AzureHDInsightJob Use-AzureHDInsightCluster Wait-AzureHDInsightJob Get-AzureNetworkSecurityGroupConfig
Get-AzureNetworkSecurityGroup New-AzureNetworkSecurityGroup Remove-AzureNetworkSecurityGroup
Remove-AzureNetworkSecurityRule Set-AzureNetworkSecurityRule Remove-AzureNetworkSecurityGroupAssociation
Set-AzureNetworkSecurityGroupToSubnet Get-AzureNetworkSecurityGroupForSubnet
Remove-AzureNetworkSecurityGroupFromSubnet Set-AzureNetworkSecurityGroupAssociation
Get-AzureNetworkSecurityGroupAssociation Get-AzureEffectiveRouteTable Get-AzureRouteTable
Get-AzureSubnetRouteTable New-AzureRouteTable Remove-AzureRoute Remove-AzureRouteTable
Remove-AzureSubnetRouteTable Set-AzureRoute Set-AzureSubnetRouteTable Get-AzureIPForwarding Set-AzureIPForwarding
Get-AzureVirtualNetworkGatewayConnection Get-AzureVirtualNetworkGatewayDiagnostics
Get-AzureVirtualNetworkGatewayIPsecParameters Get-AzureVirtualNetworkGatewayKey Get-AzureVNetConnection
Get-AzureVNetGateway Get-AzureVNetGatewayDiagnostics Get-AzureVNetGatewayIPsecParameters Get-AzureVNetGatewayKey
New-AzureVirtualNetworkGateway New-AzureVirtualNetworkGatewayConnection New-AzureVNetGateway
Remove-AzureVNetGateway Remove-AzureVNetGatewayDefaultSite Reset-AzureVirtualNetworkGatewayKey
Reset-AzureVNetGateway Resize-AzureVNetGateway Set-AzureVirtualNetworkGatewayIPsecParameters
Set-AzureVirtualNetworkGatewayKey Set-AzureVNetGateway Set-AzureVNetGatewayDefaultSite
Set-AzureVNetGatewayIPsecParameters Set-AzureVNetGatewayKey Start-AzureVirtualNetworkGatewayDiagnostics
Start-AzureVNetGatewayDiagnostics Stop-AzureVirtualNetworkGatewayDiagnostics Stop-AzureVNetGatewayDiagnostics
Get-AzureLocalNetworkGateway Get-AzureVirtualNetworkGateway New-AzureLocalNetworkGateway
Remove-AzureLocalNetworkGateway Remove-AzureVirtualNetworkGateway Remove-AzureVirtualNetworkGatewayConnection
Reset-AzureVirtualNetworkGateway Resize-AzureVirtualNetworkGateway Reset-AzureLocalNetworkGateway
Reset-AzureVirtualNetworkGatewayConnection Add-AzureApplicationGatewaySslCertificate Get-AzureApplicationGateway
Get-AzureApplicationGatewaySslCertificate Get-AzureApplicationGatewayConfig New-AzureApplicationGateway
Remove-AzureApplicationGateway Remove-AzureApplicationGatewaySslCertificate Set-AzureApplicationGatewayConfig
Start-AzureApplicationGateway Stop-AzureApplicationGateway Update-AzureApplicationGateway
Get-AzureSiteRecoveryVault New-AzureSiteRecoverySite Get-AzureSiteRecoverySite Set-AzureSiteRecoveryVM
Start-AzureSiteRecoveryProtectionProfileAssociationJob New-AzureSiteRecoveryProtectionProfileObject
New-AzureSiteRecoveryVault Get-AzureSiteRecoveryStorage Get-AzureSiteRecoveryStorageMapping
New-AzureSiteRecoveryStorageMapping Remove-AzureSiteRecoveryStorageMapping Remove-AzureSiteRecoveryNetworkMapping
New-AzureSiteRecoveryNetworkMapping Get-AzureSiteRecoveryNetworkMapping Get-AzureSiteRecoveryNetwork
New-AzureSiteRecoveryRecoveryPlan Get-AzureSiteRecoveryRecoveryPlanFile Get-AzureSiteRecoveryVaultSettingsFile
Remove-AzureSiteRecoveryRecoveryPlan Get-AzureSiteRecoveryProtectionEntity Restart-AzureSiteRecoveryJob
Resume-AzureSiteRecoveryJob Set-AzureSiteRecoveryProtectionEntity Start-AzureSiteRecoveryCommitFailoverJob
Start-AzureSiteRecoveryPlannedFailoverJob Start-AzureSiteRecoveryProtectionProfileDissociationJob
Start-AzureSiteRecoveryTestFailoverJob Start-AzureSiteRecoveryUnplannedFailoverJob Stop-AzureSiteRecoveryJob
Update-AzureSiteRecoveryProtectionDirection Update-AzureSiteRecoveryRecoveryPlan Get-AzureSiteRecoveryJob
Get-AzureSiteRecoveryProtectionContainer Get-AzureSiteRecoveryRecoveryPlan Get-AzureSiteRecoveryServer
Get-AzureSiteRecoveryVaultSettings Get-AzureSiteRecoveryVM Import-AzureSiteRecoveryVaultSettingsFile
Update-AzureSiteRecoveryProtectionEntity Get-AzureRemoteAppPlan Get-AzureRemoteAppCollectionUsageDetails
Get-AzureRemoteAppCollectionUsageSummary Get-AzureRemoteAppCollection Get-AzureRemoteAppLocation
New-AzureRemoteAppCollection Remove-AzureRemoteAppCollection Set-AzureRemoteAppCollection
Update-AzureRemoteAppCollection Get-AzureRemoteAppOperationResult Get-AzureRemoteAppProgram
Get-AzureRemoteAppStartMenuProgram Publish-AzureRemoteAppProgram Unpublish-AzureRemoteAppProgram
Add-AzureRemoteAppUser Remove-AzureRemoteAppUser Send-AzureRemoteAppSessionMessage Disconnect-AzureRemoteAppSession
Invoke-AzureRemoteAppSessionLogoff Get-AzureRemoteAppTemplateImage Get-AzureRemoteAppSession Get-AzureRemoteAppUser
Export-AzureRemoteAppTemplateImage New-AzureRemoteAppTemplateImage Remove-AzureRemoteAppTemplateImage
Rename-AzureRemoteAppTemplateImage Copy-AzureRemoteAppUserDisk Export-AzureRemoteAppUserDisk
Remove-AzureRemoteAppUserDisk Clear-AzureRemoteAppVmStaleAdObject Get-AzureRemoteAppVM
Get-AzureRemoteAppVmStaleAdObject Restart-AzureRemoteAppVM Get-AzureRemoteAppVNet
Get-AzureRemoteAppVpnDeviceConfigScript Get-AzureRemoteAppVpnDevice New-AzureRemoteAppVNet Remove-AzureRemoteAppVNet
Reset-AzureRemoteAppVpnSharedKey Set-AzureRemoteAppVNet Get-AzureRemoteAppWorkspace Set-AzureRemoteAppWorkspace
Get-AzureWebsiteMetric Publish-AzureWebsiteProject Update-AzureWebsiteRepository Switch-AzureWebsiteSlot
Disable-AzureWebsiteApplicationDiagnostic Enable-AzureWebsiteDebug Disable-AzureWebsiteDebug
Enable-AzureWebsiteApplicationDiagnostic Get-AzureWebsite Get-AzureWebsiteDeployment Get-AzureWebsiteLocation
Get-AzureWebsiteLog New-AzureWebsite Remove-AzureWebsite Restart-AzureWebsite Restore-AzureWebsiteDeployment
Save-AzureWebsiteLog Set-AzureWebsite Show-AzurePortal Show-AzureWebsite Start-AzureWebsite Stop-AzureWebsite
Get-AzureWebsiteJobHistory Stop-AzureWebsiteJob Start-AzureWebsiteJob Remove-AzureWebsiteJob New-AzureWebsiteJob
Get-AzureWebsiteJob Get-AzureWebHostingPlanMetric Get-AzureWebHostingPlan Get-AzureStoreAddOn New-AzureStoreAddOn
Remove-AzureStoreAddOn Set-AzureStoreAddOn Get-AzureSBAuthorizationRule Remove-AzureSBAuthorizationRule
Set-AzureSBAuthorizationRule New-AzureSBAuthorizationRule Get-AzureSBLocation Get-AzureSBNamespace
New-AzureSBNamespace Remove-AzureSBNamespace Get-AzureSchedulerJobCollection Get-AzureSchedulerJob
Get-AzureSchedulerJobHistory Get-AzureSchedulerLocation New-AzureSchedulerHttpJob New-AzureSchedulerJobCollection
New-AzureSchedulerStorageQueueJob Remove-AzureSchedulerJobCollection Remove-AzureSchedulerJob
Set-AzureSchedulerHttpJob Set-AzureSchedulerJobCollection Set-AzureSchedulerStorageQueueJob
Get-AzureMediaServicesAccount New-AzureMediaServicesAccount New-AzureMediaServicesKey
Remove-AzureMediaServicesAccount Publish-AzureServiceProject Remove-AzureService Start-AzureService
Stop-AzureService Test-AzureName Disable-AzureServiceProjectRemoteDesktop Enable-AzureServiceProjectRemoteDesktop
Get-AzureServiceProjectRoleRuntime Save-AzureServiceProjectPackage Set-AzureServiceProject
Set-AzureServiceProjectRole Start-AzureEmulator Stop-AzureEmulator Add-AzureNodeWebRole Add-AzureNodeWorkerRole
Add-AzurePHPWebRole Add-AzurePHPWorkerRole Add-AzureWebRole Add-AzureWorkerRole New-AzureRoleTemplate
New-AzureServiceProject Add-AzureEnvironment Remove-AzureEnvironment Set-AzureEnvironment Get-AzureEnvironment
Enable-AzureDataCollection Disable-AzureDataCollection Select-AzureProfile New-AzureProfile Clear-AzureProfile
Add-AzureAccount Remove-AzureSubscription Get-AzureAccount Remove-AzureAccount Get-AzurePublishSettingsFile
Get-AzureSubscription Import-AzurePublishSettingsFile Select-AzureSubscription Set-AzureSubscription
Get-AzureSqlDatabaseServer Get-AzureSqlDatabaseServerQuota New-AzureSqlDatabaseServer Remove-AzureSqlDatabaseServer
Set-AzureSqlDatabaseServer Set-AzureSqlDatabaseServerFirewallRule Get-AzureSqlDatabaseServerFirewallRule
New-AzureSqlDatabaseServerFirewallRule Remove-AzureSqlDatabaseServerFirewallRule Get-AzureSqlDatabaseUsages
Get-AzureSqlRecoverableDatabase Get-AzureSqlDatabaseImportExportStatus Start-AzureSqlDatabaseImport
Start-AzureSqlDatabaseExport Get-AzureSqlDatabaseServiceObjective Get-AzureSqlDatabaseCopy
Start-AzureSqlDatabaseCopy Stop-AzureSqlDatabaseCopy Start-AzureSqlDatabaseRestore Start-AzureSqlDatabaseRecovery
Remove-AzureSqlDatabase Get-AzureSqlDatabase Get-AzureSqlDatabaseOperation New-AzureSqlDatabase
New-AzureSqlDatabaseServerContext Set-AzureSqlDatabase Get-AzureStorSimpleDeviceBackupPolicy
New-AzureStorSimpleDeviceBackupPolicy New-AzureStorSimpleDeviceBackupScheduleAddConfig
New-AzureStorSimpleDeviceBackupScheduleUpdateConfig Remove-AzureStorSimpleDeviceBackupPolicy
Set-AzureStorSimpleDeviceBackupPolicy Get-AzureStorSimpleDeviceBackup Remove-AzureStorSimpleDeviceBackup
Start-AzureStorSimpleBackupCloneJob Start-AzureStorSimpleDeviceBackupJob Start-AzureStorSimpleDeviceBackupRestoreJob
Get-AzureStorSimpleDeviceVolumeContainer New-AzureStorSimpleDeviceVolumeContainer
Remove-AzureStorSimpleDeviceVolumeContainer Set-AzureStorSimpleVirtualDevice Set-AzureStorSimpleDevice
New-AzureStorSimpleNetworkConfig Get-AzureStorSimpleJob Stop-AzureStorSimpleJob
Get-AzureStorSimpleFailoverVolumeContainers Start-AzureStorSimpleDeviceFailoverJob Get-AzureStorSimpleDevice
Get-AzureStorSimpleDeviceConnectedInitiator Get-AzureStorSimpleResource Get-AzureStorSimpleResourceContext
Get-AzureStorSimpleTask Confirm-AzureStorSimpleLegacyVolumeContainerStatus
Get-AzureStorSimpleLegacyVolumeContainerConfirmStatus Get-AzureStorSimpleLegacyVolumeContainerStatus
Import-AzureStorSimpleLegacyVolumeContainer Get-AzureStorSimpleLegacyVolumeContainerMigrationPlan
Start-AzureStorSimpleLegacyVolumeContainerMigrationPlan Import-AzureStorSimpleLegacyApplianceConfig
Get-AzureStorSimpleStorageAccountCredential New-AzureStorSimpleAccessControlRecord Select-AzureStorSimpleResource
Get-AzureStorSimpleAccessControlRecord New-AzureStorSimpleInlineStorageAccountCredential
New-AzureStorSimpleStorageAccountCredential Remove-AzureStorSimpleAccessControlRecord
Remove-AzureStorSimpleStorageAccountCredential Set-AzureStorSimpleAccessControlRecord
Set-AzureStorSimpleStorageAccountCredential New-AzureStorSimpleVirtualDevice Get-AzureStorSimpleDeviceVolume
Remove-AzureStorSimpleDeviceVolume Set-AzureStorSimpleDeviceVolume New-AzureStorSimpleDeviceVolume
Test-AzureTrafficManagerDomainName Disable-AzureTrafficManagerProfile Enable-AzureTrafficManagerProfile
Get-AzureTrafficManagerProfile New-AzureTrafficManagerProfile Remove-AzureTrafficManagerProfile
Set-AzureTrafficManagerProfile Add-AzureTrafficManagerEndpoint Set-AzureTrafficManagerEndpoint
Remove-AzureTrafficManagerEndpoint Test-AzureRecoveryServicesVaultUpgrade Invoke-AzureRecoveryServicesVaultUpgrade
"""

# The classic ExpressRoute cmdlets: a module of their own (`ExpressRoute`, Azure/azure-powershell
# `src/ServiceManagement/ExpressRoute/Commands.ExpressRoute`, whose manifest exports every cmdlet of the
# assembly), installed with the classic one. Named after the `[Cmdlet]` attributes of its sources.
_EXPRESSROUTE = """
Get-AzureAuthorizedDedicatedCircuit Get-AzureBGPPeering New-AzureBGPPeering Remove-AzureBGPPeering
Set-AzureBGPPeering Get-AzureCrossConnection New-AzureCrossConnection Set-AzureCrossConnection
Set-AzureDedicatedCircuitBandwidth New-AzureDedicatedCircuitLinkAuthorizationMicrosoftIds
Remove-AzureDedicatedCircuitLinkAuthorizationMicrosoftIds Get-AzureDedicatedCircuitLinkAuthorization
New-AzureDedicatedCircuitLinkAuthorization Remove-AzureDedicatedCircuitLinkAuthorization
Set-AzureDedicatedCircuitLinkAuthorization Get-AzureDedicatedCircuitLink New-AzureDedicatedCircuitLink
Remove-AzureDedicatedCircuitLink Set-AzureDedicatedCircuitProperties Get-AzureDedicatedCircuitServiceProvider
Get-AzureDedicatedCircuitPeeringArpInfo Get-AzureDedicatedCircuitPeeringRouteTableInfo
Get-AzureDedicatedCircuitPeeringRouteTableSummary Get-AzureDedicatedCircuitStats Get-AzureDedicatedCircuit
New-AzureDedicatedCircuit Remove-AzureDedicatedCircuit
"""


def words(text: str) -> list[str]:
    """The names listed in a block of text, one or more a line."""
    return text.split()


CLASSIC: dict[str, str] = {name.casefold(): name for name in words(_CLASSIC + _EXPRESSROUTE)}

# Session and environment cmdlets that the 0.8-0.9 module shared between its Service Management and its
# Resource Manager mode (`Switch-AzureMode`): signing in and choosing a subscription say nothing about
# which kind of resources a script manages. They are listed among a script's classic calls only when it
# makes some other classic call.
NEUTRAL = frozenset(
    name.casefold()
    for name in words(
        """
    Add-AzureAccount Get-AzureAccount Remove-AzureAccount Get-AzureSubscription Select-AzureSubscription
    Set-AzureSubscription Remove-AzureSubscription Import-AzurePublishSettingsFile Get-AzurePublishSettingsFile
    Add-AzureEnvironment Get-AzureEnvironment Set-AzureEnvironment Remove-AzureEnvironment Get-AzureLocation
    Enable-AzureDataCollection Disable-AzureDataCollection Select-AzureProfile New-AzureProfile Clear-AzureProfile
    """
    )
)


# Cmdlets of the Resource Manager mode of the 0.8-0.9 module (`Switch-AzureMode AzureResourceManager`) that
# the classic module has no cmdlet of the same name for: a script that calls one runs in that mode, and
# so do its calls of the names the two modes share (`Get-AzureVM`, `Stop-AzureVM`). Sources: the module
# pages of MicrosoftDocs/azure-docs-powershell for v0.9.8 (`azureps-cmdlets-docs/ResourceManager/
# AzureRM.Network/v0.9.8/AzureRM.Network.md`, `AzureRM.Compute/v0.9.8/`) and the resource group cmdlets
# of Azure/azure-powershell 0.9 (`[Cmdlet(VerbsCommon.Get, "AzureResourceGroup")]`, ...), less every
# name of `CLASSIC`.
RESOURCE_MANAGER_ONLY = frozenset(
    name.casefold()
    for name in words(
        """
    Add-AzureApplicationGatewayBackendAddressPool Add-AzureApplicationGatewayBackendHttpSettings
    Add-AzureApplicationGatewayFrontendIPConfig Add-AzureApplicationGatewayFrontendPort
    Add-AzureApplicationGatewayHttpListener Add-AzureApplicationGatewayIPConfiguration
    Add-AzureApplicationGatewayRequestRoutingRule Add-AzureLoadBalancerBackendAddressPoolConfig
    Add-AzureLoadBalancerFrontendIpConfig Add-AzureLoadBalancerInboundNatRuleConfig Add-AzureLoadBalancerProbeConfig
    Add-AzureLoadBalancerRuleConfig Add-AzureNetworkSecurityRuleConfig Add-AzureRouteConfig
    Add-AzureVirtualNetworkSubnetConfig Add-AzureVMAdditionalUnattendContent Add-AzureVMDataDisk
    Add-AzureVMNetworkInterface Add-AzureVMSecret Add-AzureVMSshPublicKey
    Get-AzureApplicationGatewayBackendAddressPool Get-AzureApplicationGatewayBackendHttpSettings
    Get-AzureApplicationGatewayFrontendIPConfig Get-AzureApplicationGatewayFrontendPort
    Get-AzureApplicationGatewayHttpListener Get-AzureApplicationGatewayIPConfiguration
    Get-AzureApplicationGatewayRequestRoutingRule Get-AzureApplicationGatewaySku Get-AzureAvailabilitySet
    Get-AzureLoadBalancer Get-AzureLoadBalancerBackendAddressPoolConfig Get-AzureLoadBalancerFrontendIpConfig
    Get-AzureLoadBalancerInboundNatRuleConfig Get-AzureLoadBalancerProbeConfig Get-AzureLoadBalancerRuleConfig
    Get-AzureNetworkInterface Get-AzureNetworkSecurityRuleConfig Get-AzurePublicIpAddress Get-AzureResourceGroup
    Get-AzureResourceGroupDeployment Get-AzureResourceGroupLog Get-AzureRouteConfig Get-AzureVirtualNetwork
    Get-AzureVirtualNetworkGatewayConnectionSharedKey Get-AzureVirtualNetworkSubnetConfig Get-AzureVMExtensionImage
    Get-AzureVMExtensionImageType Get-AzureVMImageOffer Get-AzureVMImagePublisher Get-AzureVMImageSku
    Get-AzureVMSize Get-AzureVMUsage New-AzureApplicationGatewayBackendAddressPool
    New-AzureApplicationGatewayBackendHttpSettings New-AzureApplicationGatewayFrontendIPConfig
    New-AzureApplicationGatewayFrontendPort New-AzureApplicationGatewayHttpListener
    New-AzureApplicationGatewayIPConfiguration New-AzureApplicationGatewayRequestRoutingRule
    New-AzureApplicationGatewaySku New-AzureApplicationGatewaySslCertificate New-AzureAvailabilitySet
    New-AzureLoadBalancer New-AzureLoadBalancerBackendAddressPoolConfig New-AzureLoadBalancerFrontendIpConfig
    New-AzureLoadBalancerInboundNatRuleConfig New-AzureLoadBalancerProbeConfig New-AzureLoadBalancerRuleConfig
    New-AzureNetworkInterface New-AzureNetworkSecurityRuleConfig New-AzurePublicIpAddress New-AzureResourceGroup
    New-AzureResourceGroupDeployment New-AzureRouteConfig New-AzureVirtualNetwork
    New-AzureVirtualNetworkGatewayIpConfig New-AzureVirtualNetworkSubnetConfig
    Remove-AzureApplicationGatewayBackendAddressPool Remove-AzureApplicationGatewayBackendHttpSettings
    Remove-AzureApplicationGatewayFrontendIPConfig Remove-AzureApplicationGatewayFrontendPort
    Remove-AzureApplicationGatewayHttpListener Remove-AzureApplicationGatewayIPConfiguration
    Remove-AzureApplicationGatewayRequestRoutingRule Remove-AzureLoadBalancer
    Remove-AzureLoadBalancerBackendAddressPoolConfig Remove-AzureLoadBalancerFrontendIpConfig
    Remove-AzureLoadBalancerInboundNatRuleConfig Remove-AzureLoadBalancerProbeConfig
    Remove-AzureLoadBalancerRuleConfig Remove-AzureNetworkInterface Remove-AzureNetworkSecurityRuleConfig
    Remove-AzurePublicIpAddress Remove-AzureResourceGroup Remove-AzureResourceGroupDeployment
    Remove-AzureRouteConfig Remove-AzureVirtualNetwork Remove-AzureVirtualNetworkSubnetConfig Remove-AzureVMDataDisk
    Remove-AzureVMNetworkInterface Reset-AzureVirtualNetworkGatewayConnectionSharedKey Set-AzureApplicationGateway
    Set-AzureApplicationGatewayBackendAddressPool Set-AzureApplicationGatewayBackendHttpSettings
    Set-AzureApplicationGatewayFrontendIPConfig Set-AzureApplicationGatewayFrontendPort
    Set-AzureApplicationGatewayHttpListener Set-AzureApplicationGatewayIPConfiguration
    Set-AzureApplicationGatewayRequestRoutingRule Set-AzureApplicationGatewaySku
    Set-AzureApplicationGatewaySslCertificate Set-AzureLoadBalancer Set-AzureLoadBalancerFrontendIpConfig
    Set-AzureLoadBalancerInboundNatRuleConfig Set-AzureLoadBalancerProbeConfig Set-AzureLoadBalancerRuleConfig
    Set-AzureLocalNetworkGateway Set-AzureNetworkInterface Set-AzureNetworkSecurityGroup
    Set-AzureNetworkSecurityRuleConfig Set-AzurePublicIpAddress Set-AzureResourceGroup Set-AzureRouteConfig
    Set-AzureRouteTable Set-AzureVirtualNetwork Set-AzureVirtualNetworkGatewayConnection
    Set-AzureVirtualNetworkGatewayConnectionSharedKey Set-AzureVirtualNetworkSubnetConfig Set-AzureVM
    Set-AzureVMOperatingSystem Set-AzureVMOSDisk Set-AzureVMSourceImage Stop-AzureResourceGroupDeployment
    Test-AzureDnsAvailability Test-AzureResourceGroupTemplate
    """
    )
)

# Aliases the classic module defines for its cmdlets (`AzureAliases.psm1` of the module, "Compute aliases";
# its other aliases are of the Windows Azure Pack, web site, Service Bus, HDInsight and StorSimple cmdlets,
# none of which the reader follows). PowerShell runs an alias before a function or cmdlet of its name.
ALIASES: dict[str, str] = {
    "new-azurednsconfig": "New-AzureDns",
    "set-azurebootdiagnostics": "Set-AzureVMBootDiagnostics",
}


def canonical(name: str) -> str:
    """The cmdlet as the manifest spells it, or "" when `name` is not a classic cmdlet."""
    return CLASSIC.get(name.casefold(), "")


# PowerShell names a command by its module too: `Azure\Get-AzureVM` is the cmdlet of the module named
# `Azure`, the classic one, even where a function of the same name is defined. Other modules' names are
# other commands (`MyModule\Get-AzureVM` is someone's own function).
_CLASSIC_MODULE = "azure\\"


def module_cmdlet(name: str) -> str:
    """The cmdlet a name qualified by the classic module names (`Azure\\Get-AzureVM`: "Get-AzureVM", as
    written), or "" when `name` is no such name: unqualified, another module's, or not a cmdlet the reader
    knows of that module."""
    if name[: len(_CLASSIC_MODULE)].casefold() != _CLASSIC_MODULE:
        return ""
    cmdlet = name[len(_CLASSIC_MODULE) :]
    return cmdlet if canonical(cmdlet) or cmdlet.casefold() in SPECS else ""  # SPECS: `Switch-AzureMode`


# --- parameters ---------------------------------------------------------------------------------------


@record
class Spec:
    """The documented parameters of one cmdlet: which are switches, which bind by position (in order),
    and their aliases. `positional_by_switch` gives another position order for a parameter set chosen by
    a switch (`Set-AzureDeployment -Config`). A `loose` spec lists only what the reader needs: another
    parameter is taken to have a value when one follows it."""

    switches: frozenset[str]
    values: frozenset[str]
    positional: tuple[str, ...] = ()
    aliases: dict[str, str] = field(default_factory=dict)
    positional_by_switch: dict[str, tuple[str, ...]] = field(default_factory=dict)
    loose: bool = False
    # Whether the cmdlet binds by position more than the spec lists (a position whose parameter depends
    # on a parameter set the call does not choose): a value past those listed is not refused.
    positions_partial: bool = False

    @property
    def most_positional(self) -> int:
        """How many values the cmdlet binds by position at most, in any of its parameter sets; 0 where
        the spec lists none or not all (`positions_partial`), and the reader cannot tell."""
        if self.positions_partial:
            return 0
        return max(
            (len(order) for order in (self.positional, *self.positional_by_switch.values())), default=0
        )

    @property
    def names(self) -> frozenset[str]:
        return self.switches | self.values


_COMMON_SWITCHES = "Verbose Debug WhatIf Confirm"
_COMMON_VALUES = (
    "ErrorAction ErrorVariable WarningAction WarningVariable InformationAction InformationVariable OutVariable "
    "OutBuffer PipelineVariable Profile"
)
_COMMON_ALIASES = {
    "vb": "Verbose",
    "db": "Debug",
    "wi": "WhatIf",
    "cf": "Confirm",
    "ea": "ErrorAction",
    "ev": "ErrorVariable",
    "wa": "WarningAction",
    "wv": "WarningVariable",
    "infa": "InformationAction",
    "iv": "InformationVariable",
    "ov": "OutVariable",
    "ob": "OutBuffer",
    "pv": "PipelineVariable",
}


def _spec(
    params: str,
    *,
    aliases: dict[str, str] | None = None,
    by_switch: dict[str, str] | None = None,
    loose: bool = False,
    positions_partial: bool = False,
) -> Spec:
    """A spec from a compact list: `Name:0` binds by position 0, `Flag!` is a switch, `Other` a named
    parameter with a value."""
    switches, values, positions = set(_COMMON_SWITCHES.split()), set(_COMMON_VALUES.split()), []
    for word in params.split():
        if word.endswith("!"):
            switches.add(word[:-1])
            continue
        name, _, position = word.partition(":")
        values.add(name)
        if position:
            positions.append((int(position), name))
    return Spec(
        frozenset(switches),
        frozenset(values),
        tuple(name for _, name in sorted(positions)),
        {**_COMMON_ALIASES, **(aliases or {})},
        {switch: tuple(order.split()) for switch, order in (by_switch or {}).items()},
        loose,
        positions_partial,
    )


_VM = {"InputObject": "VM"}  # every cmdlet that takes a VM object accepts it as -InputObject too
_MOVE = "Validate! Prepare! Commit! Abort!"

SPECS: dict[str, Spec] = {
    "set-azurevnetconfig": _spec("ConfigurationPath:0"),
    "get-azurevnetconfig": _spec("ExportToFile"),
    "new-azurevmconfig": _spec(
        "Name:0 InstanceSize:1 HostCaching:2 AvailabilitySetName:3 Label:4 ImageName:5 MediaLocation:6 "
        "DiskLabel:7 DiskName DisableBootDiagnostics! LicenseType"
    ),
    "add-azureprovisioningconfig": _spec(
        "VM DisableGuestAgent! CustomDataFile Windows! AdminUsername Password ResetPasswordOnFirstLogon! "
        "DisableAutomaticUpdates! NoRDPEndpoint! TimeZone Certificates EnableWinRMHttp! DisableWinRMHttps! "
        "WinRMCertificate X509Certificates NoExportPrivateKey! NoWinRMEndpoint! Linux! LinuxUser DisableSSH! "
        "NoSSHEndpoint! NoSSHPassword! SSHPublicKeys SSHKeyPairs WindowsDomain! JoinDomain Domain DomainUserName "
        "DomainPassword MachineObjectOU",
        aliases=_VM,
    ),
    "set-azuresubnet": _spec("SubnetNames:0 VM", aliases=_VM),
    "add-azureendpoint": _spec(
        "Name:0 Protocol:1 LocalPort:2 PublicPort DirectServerReturn ACL InternalLoadBalancerName "
        "IdleTimeoutInMinutes LoadBalancerDistribution VirtualIPName VM LBSetName NoProbe! DefaultProbe! "
        "ProbePort ProbeProtocol ProbePath ProbeIntervalInSeconds ProbeTimeoutInSeconds",
        aliases={**_VM, "LoadBalancedEndpointSetName": "LBSetName"},
    ),
    "set-azureendpoint": _spec(
        "Name:0 Protocol:1 LocalPort:2 PublicPort DirectServerReturn ACL InternalLoadBalancerName "
        "IdleTimeoutInMinutes LoadBalancerDistribution VirtualIPName VM",
        aliases=_VM,
    ),
    "remove-azureendpoint": _spec("Name:0 VM", aliases=_VM, loose=True),
    # Every endpoint of a load-balanced set, on whichever VMs of the service have one.
    "set-azureloadbalancedendpoint": _spec(
        "ServiceName:0 LBSetName Protocol LocalPort PublicPort DirectServerReturn ACL ProbeProtocolTCP! "
        "ProbeProtocolHTTP! ProbePath ProbePort ProbeIntervalInSeconds ProbeTimeoutInSeconds "
        "InternalLoadBalancerName IdleTimeoutInMinutes LoadBalancerDistribution VirtualIPName"
    ),
    # Azure Backup for a VM (Az.RecoveryServices docs): `-ServiceName` is the classic VM's parameter set
    # (AzureVMClassicComputeEnableProtection). Position 2 is `-ServiceName` there, `-ResourceGroupName` in
    # the default set: a third positional value tells neither, and is bound to none.
    **dict.fromkeys(
        ("enable-azrecoveryservicesbackupprotection", "enable-azurermrecoveryservicesbackupprotection"),
        _spec(
            "Policy:0 Name:1 ServiceName ResourceGroupName StorageAccountName ProtectableItem Item "
            "InclusionDisksList ExclusionDisksList ExcludeAllDataDisks! ResetExclusionSettings! VaultId "
            "ContainerSubscriptionId Token AccessType IsSystemAssignedIdentity! UserAssignedIdentityArmUrl Force! "
            "DefaultProfile",
            positions_partial=True,
        ),
    ),
    # A peering of a Resource Manager network (Az.Network, AzureRM.Network docs: every parameter named).
    **dict.fromkeys(
        ("add-azvirtualnetworkpeering", "add-azurermvirtualnetworkpeering"),
        _spec(
            "Name VirtualNetwork RemoteVirtualNetworkId PeerCompleteVnets LocalSubnetNames RemoteSubnetNames "
            "EnableOnlyIPv6Peering BlockVirtualNetworkAccess! AllowForwardedTraffic! AllowGatewayTransit! "
            "UseRemoteGateways! AsJob! DefaultProfile AcquirePolicyToken! ChangeReference"
        ),
    ),
    # A Resource Manager network, whose name a peering added to it names (Az.Network docs).
    **dict.fromkeys(
        ("get-azvirtualnetwork", "get-azurermvirtualnetwork"),
        _spec("Name ResourceGroupName ResourceId ExpandResource DefaultProfile"),
    ),
    **dict.fromkeys(
        ("new-azvirtualnetwork", "new-azurermvirtualnetwork"),
        _spec(
            "Name ResourceGroupName Location AddressPrefix DnsServer FlowTimeout Subnet BgpCommunity "
            "EncryptionEnforcementPolicy Tag EnableEncryption DdosProtectionPlanId IpAllocation EdgeZone "
            "PrivateEndpointVNetPolicies IpamPoolPrefixAllocation EnableDdosProtection! Force! AsJob! DefaultProfile"
        ),
    ),
    # Resource Manager resources that may be put on classic ones (Az.Resources, Az.Monitor, Az.ApiManagement
    # docs): read as their export rows (`Interpreter._reaching_into_classic`).
    # The cmdlets that select the subscription the Az modules work in (`Interpreter._AZ_CONTEXT_SETS`): only
    # the subscription is read. `Set-AzContext <name or id>` binds it by position (a context object given so
    # is a value the script does not state, which selects none known).
    **dict.fromkeys(
        ("set-azcontext", "select-azsubscription", "set-azurermcontext", "select-azurermsubscription"),
        _spec(
            "Subscription:0 Context SubscriptionObject Tenant Name Force! Scope ExtendedProperty DefaultProfile",
            aliases={"SubscriptionId": "Subscription", "SubscriptionName": "Subscription"},
            loose=True,
        ),
    ),
    **dict.fromkeys(
        (
            "connect-azaccount",
            "login-azaccount",
            "add-azaccount",
            "add-azurermaccount",
            "login-azurermaccount",
            "connect-azurermaccount",
        ),
        _spec(
            "Environment Tenant Subscription AccountId Credential ServicePrincipal! Identity! AccessToken "
            "CertificateThumbprint ApplicationId Scope ContextName Force! SkipContextPopulation! "
            "UseDeviceAuthentication! DefaultProfile",
            aliases={
                "SubscriptionId": "Subscription",
                "SubscriptionName": "Subscription",
                "TenantId": "Tenant",
            },
            loose=True,
        ),
    ),
    # An API Management service's regions, changed on the service object `-ApiManagement` passes.
    **dict.fromkeys(
        (
            "add-azapimanagementregion",
            "update-azapimanagementregion",
            "add-azurermapimanagementregion",
            "update-azurermapimanagementregion",
        ),
        _spec(
            "ApiManagement:0 Location:1 Sku:2 Capacity:3 VirtualNetwork:4 Zone:5 DisableGateway:6 "
            "PublicIpAddressId:7 DefaultProfile",
            loose=True,
        ),
    ),
    **dict.fromkeys(
        ("new-azroleassignment", "new-azurermroleassignment"),
        _spec(
            "ObjectId SignInName ApplicationId ResourceGroupName ResourceName ResourceType ParentResource Scope "
            "RoleDefinitionName RoleDefinitionId Description Condition ConditionVersion ObjectType InputFile "
            "AllowDelegation! SkipClientSideScopeValidation! DefaultProfile",
            aliases={
                "Id": "ObjectId",
                "PrincipalId": "ObjectId",
                "Email": "SignInName",
                "UserPrincipalName": "SignInName",
            },
        ),
    ),
    # A classic alert rule (Az.Monitor and AzureRM.Insights docs), retired with classic alerts.
    **dict.fromkeys(
        ("add-azmetricalertrule", "add-azurermmetricalertrule"),
        _spec(
            "Name ResourceGroupName Location TargetResourceId MetricName Operator Threshold WindowSize "
            "TimeAggregationOperator Actions Description DisableRule! DefaultProfile"
        ),
    ),
    "add-azmetricalertrulev2": _spec(
        "Name ResourceGroupName WindowSize Frequency TargetResourceId TargetResourceScope TargetResourceType "
        "TargetResourceRegion Condition AutoMitigate ActionGroup ActionGroupId Description Severity "
        "DisableRule! DefaultProfile"
    ),
    "new-azautoscalesetting": _spec(
        "Name ResourceGroupName SubscriptionId Location Profile Notification "
        "PredictiveAutoscalePolicyScaleLookAheadTime PredictiveAutoscalePolicyScaleMode PropertiesName Tag "
        "TargetResourceLocation TargetResourceUri InputObject Parameter Enabled! AsJob! NoWait! DefaultProfile"
    ),
    **dict.fromkeys(
        ("add-azautoscalesetting", "add-azurermautoscalesetting"),
        _spec(
            "Location Name ResourceGroupName AutoscaleProfile TargetResourceId Notification InputObject "
            "DisableSetting! DefaultProfile"
        ),
    ),
    **dict.fromkeys(
        ("new-azapimanagementvirtualnetwork", "new-azurermapimanagementvirtualnetwork"),
        _spec("Location SubnetResourceId DefaultProfile"),
    ),
    # A managed domain's replica set and the managed domain given it (Az.ADDomainServices docs), an HDInsight
    # cluster (Az.HDInsight docs), read as their export rows too.
    **dict.fromkeys(
        ("new-azaddomainservicereplicasetobject", "new-azaddomainservicereplicaset"),
        _spec("Location SubnetId"),
    ),
    "new-azaddomainservice": _spec(
        "Name ResourceGroupName SubscriptionId DomainName ReplicaSet DomainConfigurationType DomainSecuritySetting "
        "FilteredSync LdapSettingExternalAccess LdapSettingLdaps NotificationSettingAdditionalRecipient "
        "NotificationSettingNotifyDcAdmin NotificationSettingNotifyGlobalAdmin Sku Tag "
        "LdapSettingPfxCertificate LdapSettingPfxCertificatePassword AsJob! NoWait! DefaultProfile"
    ),
    **dict.fromkeys(
        ("new-azhdinsightcluster", "new-azurermhdinsightcluster"),
        _spec(
            "Location:0 ResourceGroupName:1 ClusterName:2 ClusterSizeInNodes:3 HttpCredential:4 "
            "StorageAccountResourceId:5 StorageAccountKey:6 StorageAccountType EnableSecureChannel Config "
            "OozieMetastore HiveMetastore AmbariDatabase AdditionalStorageAccounts Configurations ScriptActions "
            "StorageContainer StorageRootPath StorageFileSystem Version HeadNodeSize WorkerNodeSize EdgeNodeSize "
            "KafkaManagementNodeSize ZookeeperNodeSize ClusterType ComponentVersion VirtualNetworkId SubnetName "
            "OSType ClusterTier SshCredential SshPublicKey RdpCredential RdpAccessExpiry ObjectId ApplicationId "
            "CertificateFilePath CertificateFileContents CertificatePassword AadTenantId SecurityProfile "
            "DisksPerWorkerNode MinSupportedTlsVersion AssignedIdentity EncryptionAlgorithm EncryptionKeyName "
            "EncryptionKeyVersion EncryptionVaultUri PublicNetworkAccessType OutboundDependenciesManagedType "
            "EncryptionInTransit EncryptionAtHost AutoscaleConfiguration ComputeIsolationHostSku "
            "ResourceProviderConnection PrivateLink PrivateLinkConfiguration Zone KafkaClientGroupId "
            "KafkaClientGroupName StorageAccountManagedIdentity EnableIDBroker! EnableComputeIsolation! "
            "DefaultProfile"
        ),
    ),
    **dict.fromkeys(
        ("new-azapimanagement", "new-azurermapimanagement"),
        _spec(
            "ResourceGroupName Name Location Organization AdminEmail Sku Capacity VpnType VirtualNetwork Tag "
            "AdditionalRegions CustomHostnameConfiguration SystemCertificateConfiguration SslSetting "
            "UserAssignedIdentity Zone MinimalControlPlaneApiVersion PublicNetworkAccess PublicIpAddressId "
            "DisableGateway! EnableClientCertificate! SystemAssignedIdentity! DefaultProfile"
        ),
    ),
    # An internal load balancer, added to a service or configured for New-AzureVM (azuresmps-4.0.0 docs).
    "add-azureinternalloadbalancer": _spec(
        "InternalLoadBalancerName:0 ServiceName:1 SubnetName:2 StaticVNetIPAddress:3"
    ),
    "set-azureinternalloadbalancer": _spec(
        "InternalLoadBalancerName:0 ServiceName:1 SubnetName:2 StaticVNetIPAddress:3"
    ),
    "remove-azureinternalloadbalancer": _spec("ServiceName:0"),
    "new-azureinternalloadbalancerconfig": _spec(
        "InternalLoadBalancerName:0 SubnetName:1 StaticVNetIPAddress:2"
    ),
    "new-azureaclconfig": _spec(""),
    "set-azureaclconfig": _spec(
        "AddRule! RemoveRule! SetRule! Action:0 RemoteSubnet:1 Order:2 Description:3 RuleId ACL",
        by_switch={"RemoveRule": "RuleId", "SetRule": "RuleId Action RemoteSubnet Order Description"},
    ),
    "get-azureaclconfig": _spec("EndpointName VM", aliases=_VM, loose=True),
    "remove-azureaclconfig": _spec("EndpointName VM", aliases=_VM, loose=True),
    "set-azurevmextension": _spec(
        "ExtensionName:1 Publisher:2 Version:3 ReferenceName:4 PublicConfiguration:5 PrivateConfiguration:6 "
        "PublicConfigPath PrivateConfigPath Disable! Uninstall! PublicConfigKey:9 PrivateConfigKey:10 "
        "ForceUpdate! VM",
        aliases=_VM,
    ),
    "set-azurevmbginfoextension": _spec("Disable! Uninstall! ReferenceName:2 Version:3 VM", aliases=_VM),
    # The other named wrappers (see NAMED_EXTENSIONS): positions only where every parameter set agrees.
    "set-azurevmcustomscriptextension": _spec(
        "ReferenceName:0 Version:1 Disable! Uninstall! ContainerName FileName StorageAccountName "
        "StorageEndpointSuffix StorageAccountKey FileUri Run Argument ForceUpdate! VM",
        aliases={**_VM, "RunFile": "Run", "Command": "Run"},
    ),
    "set-azurevmaccessextension": _spec(
        "UserName:1 Password:2 ReferenceName:3 Version:4 Disable! Uninstall! ForceUpdate! VM",
        aliases=_VM,
        by_switch={"Disable": "ReferenceName Version", "Uninstall": "ReferenceName Version"},
    ),
    "set-azurevmdiagnosticsextension": _spec(
        "DiagnosticsConfigurationPath:0 StorageContext:1 Version:2 ReferenceName:4 Disable! VM", aliases=_VM
    ),
    "set-azurevmmicrosoftantimalwareextension": _spec(
        "AntimalwareConfigFile:1 Version:2 Monitoring:3 StorageContext:4 AntimalwareConfiguration Disable! "
        "Uninstall! NoConfig! VM",
        aliases=_VM,
    ),
    "set-azurevmdscextension": _spec(
        "ConfigurationArchive:1 ReferenceName ConfigurationArgument ConfigurationDataPath ConfigurationName "
        "ContainerName Force! StorageContext Version StorageEndpointSuffix WmfVersion DataCollection VM",
        aliases=_VM,
    ),
    "set-azurevmchefextension": _spec(
        "Version ValidationPem ClientRb BootstrapOptions RunList ChefServerUrl ValidationClientName "
        "OrganizationName AutoUpdateChefClient! DeleteChefConfig! BootstrapVersion UninstallChefClient! "
        "Linux! Windows! VM",
        aliases=_VM,
    ),
    "set-azurevmpuppetextension": _spec(
        "PuppetMasterServer:1 Version:2 ReferenceName:6 Disable! VM", aliases=_VM
    ),
    "set-azurevmsqlserverextension": _spec(
        "ReferenceName:0 Version:1 Disable! Uninstall! AutoPatchingSettings AutoBackupSettings "
        "KeyVaultCredentialSettings VM",
        aliases=_VM,
    ),
    # By name and publisher, both at once, or by reference name alone (one positional is that name).
    "remove-azurevmextension": _spec("ExtensionName:1 Publisher:2 ReferenceName RemoveAll! VM", aliases=_VM),
    "remove-azurevmbginfoextension": _spec("ReferenceName Version VM", aliases=_VM),
    "set-azurevmbootdiagnostics": _spec("Enable! Disable! VM", aliases=_VM),
    # Three parameter sets: a new disk (the default), one from the disk repository (-Import), one from a
    # blob (-ImportFrom). -MediaLocation is the VHD's blob in the first and the last.
    "add-azuredatadisk": _spec(
        "CreateNew! Import! ImportFrom! DiskSizeInGB:1 DiskLabel:2 LUN:3 DiskName MediaLocation HostCaching VM",
        aliases=_VM,
        by_switch={"Import": "DiskName LUN", "ImportFrom": "DiskLabel LUN"},
    ),
    "remove-azuredatadisk": _spec("LUN:0 DeleteVHD! VM", aliases=_VM),
    "set-azureavailabilityset": _spec("AvailabilitySetName:0 VM", aliases=_VM),
    "remove-azureavailabilityset": _spec("VM", aliases=_VM),
    # The private address the VM's primary network interface asks for in its virtual network.
    "set-azurestaticvnetip": _spec("IPAddress:0 VM", aliases=_VM),
    "remove-azurestaticvnetip": _spec("VM", aliases=_VM),
    # The VM's own public IP (the module's SetAzurePublicIPCommand, RemoveAzurePublicIPCommand).
    "set-azurepublicip": _spec("PublicIPName:1 IdleTimeoutInMinutes:2 DomainNameLabel:3 VM", aliases=_VM),
    "remove-azurepublicip": _spec("PublicIPName:1 VM", aliases=_VM),
    "add-azurenetworkinterfaceconfig": _spec(
        "Name:1 SubnetName:2 StaticVNetIPAddress:3 NetworkSecurityGroup:4 IPForwarding:5 VM", aliases=_VM
    ),
    "remove-azurenetworkinterfaceconfig": _spec("Name:1 VM", aliases=_VM),
    "remove-azurevm": _spec("ServiceName:0 Name:1 DeleteVHD! VM", aliases=_VM),
    # Power: Stop-AzureVM deallocates a VM unless given -StayProvisioned (see `Interpreter._power`).
    "stop-azurevm": _spec("ServiceName:0 Name:1 StayProvisioned! Force! VM", aliases=_VM),
    "start-azurevm": _spec("ServiceName:0 Name:1 VM", aliases=_VM),
    "restart-azurevm": _spec("ServiceName:0 Name:1 VM", aliases=_VM),
    "remove-azuredeployment": _spec("ServiceName:0 Slot:1 DeleteVHD! Force!"),
    "move-azuredeployment": _spec("ServiceName:0"),
    "remove-azureservice": _spec("ServiceName:0 Force! DeleteAll!"),
    "new-azurevm": _spec(
        "ServiceName Location AffinityGroup ServiceLabel ReverseDnsFqdn ServiceDescription DeploymentLabel "
        "DeploymentName VNetName DnsSettings InternalLoadBalancerConfig VMs WaitForBoot! ReservedIPName"
    ),
    "new-azurequickvm": _spec(
        "Windows! Linux! ServiceName Name ImageName Password ReverseDnsFqdn Location AffinityGroup AdminUsername "
        "Certificates WaitForBoot! DisableWinRMHttps! EnableWinRMHttp! WinRMCertificate X509Certificates "
        "NoExportPrivateKey! NoWinRMEndpoint! LinuxUser SSHPublicKeys SSHKeyPairs VNetName SubnetNames "
        "DnsSettings HostCaching AvailabilitySetName InstanceSize MediaLocation DisableGuestAgent! CustomDataFile "
        "ReservedIPName"
    ),
    # The subscription whose current storage account a VM created without `-MediaLocation` has its OS disk
    # put in (`-CurrentStorageAccount`, as older modules' examples write it, is a prefix of the name).
    "set-azuresubscription": _spec(
        "SubscriptionName:0 SubscriptionId CurrentStorageAccountName Certificate ServiceEndpoint "
        "ResourceManagerEndpoint Context Environment PassThru! SubscriptionDataFile",
        loose=True,
    ),
    "select-azuresubscription": _spec(
        "SubscriptionName:0 SubscriptionId Account Current! Default! NoCurrent! NoDefault! PassThru! "
        "SubscriptionDataFile",
        aliases={"Name": "SubscriptionName", "Id": "SubscriptionId"},
        loose=True,
    ),
    "get-azurevm": _spec("ServiceName:0 Name:1"),
    "import-azurevm": _spec("Path:0"),
    "update-azurevm": _spec("ServiceName:0 Name:1 VM", aliases=_VM),
    "new-azureaffinitygroup": _spec("Name:0 Label:1 Description:2 Location:3"),
    "new-azureservice": _spec(
        "ServiceName:0 Location:1 AffinityGroup Label:2 Description:3 ReverseDnsFqdn:4",
    ),
    "new-azuredeployment": _spec(
        "ServiceName:0 Package:1 Configuration:2 Slot:3 Label:4 Name:5 DoNotStart! TreatWarningsAsError! "
        "ExtensionConfiguration",
        aliases={"DeploymentName": "Name"},
    ),
    "set-azuredeployment": _spec(
        "Upgrade! Config! Status! ServiceName:1 Package:2 Configuration:3 Slot:4 Mode:5 Label:6 RoleName:7 "
        "Force! ExtensionConfiguration:9 NewStatus",
        by_switch={
            "Config": "ServiceName Configuration Slot ExtensionConfiguration",
            "Status": "ServiceName Slot NewStatus",
        },
    ),
    "publish-azureserviceproject": _spec(
        "ServiceName StorageAccountName Location Slot Launch! AffinityGroup DeploymentName ForceUpgrade! Package "
        "Configuration",
        aliases={
            "sv": "ServiceName",
            "st": "StorageAccountName",
            "l": "Location",
            "sl": "Slot",
            "ln": "Launch",
            "ag": "AffinityGroup",
            "dn": "DeploymentName",
            "f": "ForceUpgrade",
            "sp": "Package",
            "cc": "Configuration",
        },
    ),
    # The extensions of a cloud service's web and worker roles, on the roles -Role names (every role without
    # it): positions of the default parameter set. -X509Certificate and -CertificateThumbprint share
    # position 3 in sets of their own; a positional argument there is taken as the first.
    "set-azureservicediagnosticsextension": _spec(
        "ServiceName:0 Slot:1 Role:2 X509Certificate:3 CertificateThumbprint ThumbprintAlgorithm:4 "
        "StorageAccountName:5 StorageAccountKey:6 StorageAccountEndpoint:7 StorageContext:8 "
        "DiagnosticsConfigurationPath:9 Version:10 ExtensionId:11 DiagnosticsConfiguration"
    ),
    "remove-azureservicediagnosticsextension": _spec("ServiceName:0 Slot:1 Role:2 UninstallConfiguration!"),
    "set-azureserviceextension": _spec(
        "ServiceName:0 Slot:1 Role:2 X509Certificate:3 CertificateThumbprint ThumbprintAlgorithm:4 "
        "ExtensionName:5 ProviderNamespace:6 PublicConfiguration:7 PrivateConfiguration:8 Version:9 "
        "ExtensionId:10"
    ),
    "set-azureserviceremotedesktopextension": _spec(
        "ServiceName:0 Slot:1 Role:2 X509Certificate:3 CertificateThumbprint ThumbprintAlgorithm:4 "
        "Credential:5 Expiration:6 Version:7 ExtensionId:8"
    ),
    # A service certificate uploaded to a cloud service (Add-AzureCertificate's help: -ServiceName at 0,
    # -CertToDeploy at 1, -Password named).
    "add-azurecertificate": _spec("ServiceName:0 CertToDeploy:1 Password Profile"),
    "new-azurereservedip": _spec("ReservedIPName:0 Label:1 Location:2 ServiceName:3 VirtualIPName:4 Slot:5"),
    "set-azurereservedipassociation": _spec("ReservedIPName:0 ServiceName:1 VirtualIPName:2 Slot:3"),
    "remove-azurereservedipassociation": _spec(
        "ReservedIPName:0 ServiceName:1 VirtualIPName:2 Slot:3 Force!"
    ),
    # A virtual IP added to a cloud service, or taken off it (their help: -VirtualIPName at 0, -ServiceName
    # at 1).
    "add-azurevirtualip": _spec("VirtualIPName:0 ServiceName:1"),
    "remove-azurevirtualip": _spec("VirtualIPName:0 ServiceName:1 Force!"),
    "move-azureservice": _spec(
        f"{_MOVE} ServiceName:1 DeploymentName:2 CreateNewVirtualNetwork! UseExistingVirtualNetwork! "
        "VirtualNetworkResourceGroupName:4 VirtualNetworkName:5 SubnetName:6"
    ),
    "move-azurevirtualnetwork": _spec(f"{_MOVE} VirtualNetworkName:1"),
    "move-azurestorageaccount": _spec(f"{_MOVE} StorageAccountName:1"),
    "move-azurereservedip": _spec(f"{_MOVE} ReservedIPName:1"),
    "move-azurenetworksecuritygroup": _spec(f"{_MOVE} NetworkSecurityGroupName:1"),
    "move-azureroutetable": _spec(f"{_MOVE} RouteTableName:1"),
    # Gateways and ExpressRoute links (see `Interpreter._gateway_fact`). The ExpressRoute cmdlets bind nothing
    # by position; the gateway cmdlets of the classic module do, from their sources (the reference pages
    # list every parameter as named). Set-AzureVNetGateway's switches sit at position 0, which no argument
    # binds: the first positional argument is the network.
    "get-azurededicatedcircuit": _spec("ServiceKey"),
    "new-azurededicatedcircuitlink": _spec("ServiceKey VNetName"),
    "remove-azurededicatedcircuitlink": _spec("ServiceKey VNetName Force! PassThru!"),
    "new-azurevirtualnetworkgateway": _spec(
        "VNetName:0 GatewayName:1 GatewayType:2 GatewaySKU:3 Location:4 VnetId:5 Asn:6 PeerWeight:7 Force!"
    ),
    "set-azurevnetgateway": _spec("Connect! Disconnect! VNetName:1 LocalNetworkSiteName:2"),
    "set-azurevnetgatewaykey": _spec("VNetName:0 LocalNetworkSiteName:1 SharedKey:2"),
    "new-azurevnetgateway": _spec("VNetName:0 GatewayType:1 GatewaySKU:2"),
    # The coexistence guide's local site (see `Interpreter._local_gateway`), from the module's source.
    "new-azurelocalnetworkgateway": _spec(
        "GatewayName:0 IpAddress:1 AddressSpace:2 Asn:3 BgpPeeringAddress:4 PeerWeight:5"
    ),
    "reset-azurelocalnetworkgateway": _spec("GatewayId:0 AddressSpace:1"),
    # What the script creates or registers outside any deployment (see `Interpreter._add_disk` and the
    # handlers beside it). Add-AzureVMImage's parameter sets bind position 1 to -MediaLocation (an OS image)
    # or -DiskConfig (a VM image): the first is listed.
    "new-azurestorageaccount": _spec(
        "StorageAccountName:0 Label Description AffinityGroup Location Type",
        aliases={"ServiceName": "StorageAccountName"},
    ),
    "remove-azurestorageaccount": _spec(
        "StorageAccountName:0", aliases={"ServiceName": "StorageAccountName"}
    ),
    # `Get-AzureStorageAccount x` names the account by position, as `-StorageAccountName x` does.
    "get-azurestorageaccount": _spec("StorageAccountName:0", aliases={"ServiceName": "StorageAccountName"}),
    # `Get-AzureService x` gets the service by position, as `-ServiceName x` does.
    "get-azureservice": _spec("ServiceName:0"),
    "add-azuredisk": _spec("DiskName:0 MediaLocation:1 Label OS"),
    "remove-azuredisk": _spec("DiskName:0 DeleteVHD!"),
    "add-azurevmimage": _spec(
        "ImageName:0 MediaLocation:1 OS:2 Label:3 Eula:4 Description:5 ImageFamily:6 PublishedDate:7 "
        "PrivacyUri:8 RecommendedVMSize:9 IconName:10 SmallIconName:11 ShowInGui! DiskConfig",
        aliases={"IconUri": "IconName", "SmallIconUri": "SmallIconName"},
    ),
    "save-azurevmimage": _spec(
        "ServiceName:0 Name:1 ImageName:2 ImageLabel:3 OSState:4",
        aliases={"NewImageName": "ImageName", "NewImageLabel": "ImageLabel"},
    ),
    "remove-azurevmimage": _spec("ImageName:0 DeleteVHD!"),
    # Network security groups and route tables (see `Interpreter._to_subnet`): every parameter is named.
    # The association cmdlets of a group take a subnet, or a VM or role (not read).
    "new-azurenetworksecuritygroup": _spec("Name Location Label"),
    "remove-azurenetworksecuritygroup": _spec("Name Force! PassThru!"),
    "set-azurenetworksecuritygrouptosubnet": _spec("Name VirtualNetworkName SubnetName Force! PassThru!"),
    "remove-azurenetworksecuritygroupfromsubnet": _spec(
        "Name VirtualNetworkName SubnetName Force! PassThru!"
    ),
    "set-azurenetworksecuritygroupassociation": _spec(
        "Name VirtualNetworkName SubnetName VM ServiceName RoleName NetworkInterfaceName Slot Force! PassThru!"
    ),
    "remove-azurenetworksecuritygroupassociation": _spec(
        "Name VirtualNetworkName SubnetName VM ServiceName RoleName NetworkInterfaceName Slot Force! PassThru!"
    ),
    "set-azurenetworksecuritygroupconfig": _spec("NetworkSecurityGroupName VM", aliases=_VM, loose=True),
    "set-azurenetworksecurityrule": _spec(
        "Name Type Priority Action SourceAddressPrefix SourcePortRange DestinationAddressPrefix "
        "DestinationPortRange Protocol NetworkSecurityGroup"
    ),
    "remove-azurenetworksecurityrule": _spec("Name NetworkSecurityGroup Force!"),
    "new-azureroutetable": _spec("Name Location Label"),
    "remove-azureroutetable": _spec("Name Force! PassThru!"),
    "set-azuresubnetroutetable": _spec("VirtualNetworkName SubnetName RouteTableName PassThru!"),
    "remove-azuresubnetroutetable": _spec("VirtualNetworkName SubnetName Force! PassThru!"),
    "new-azureapplicationgateway": _spec("Name VnetName Subnets InstanceCount GatewaySize Description"),
    "remove-azureapplicationgateway": _spec("Name"),
    "new-azurededicatedcircuitlinkauthorization": _spec("ServiceKey Description Limit MicrosoftIds"),
    "remove-azurededicatedcircuitlinkauthorization": _spec(
        "ServiceKey AuthorizationId Force! PassThru!", aliases={"AuthId": "AuthorizationId"}
    ),
    # Azure PowerShell 0.8-0.9 only (removed in 1.0): the mode switch between the two stacks.
    "switch-azuremode": _spec("Name:0 Global!"),
}

# Cmdlets that take a VM configuration object (`-VM`, or from the pipeline) and pass it on. Those with
# a spec above change what the reader records; the others change nothing it reads (a disk's caching,
# other extensions), so only their `-VM` argument is looked at.
VM_FILTERS = frozenset(
    name.casefold()
    for name in words(
        """
    Add-AzureProvisioningConfig Set-AzureSubnet Add-AzureEndpoint Set-AzureEndpoint Remove-AzureEndpoint
    Remove-AzureAclConfig Set-AzureVMExtension Set-AzureVMBGInfoExtension Set-AzureVMBootDiagnostics
    Set-AzureAvailabilitySet Remove-AzureAvailabilitySet Add-AzureNetworkInterfaceConfig
    Set-AzureNetworkInterfaceConfig Remove-AzureNetworkInterfaceConfig Set-AzureStaticVNetIP
    Remove-AzureStaticVNetIP Add-AzureDataDisk Set-AzureDataDisk Remove-AzureDataDisk Set-AzureOSDisk
    Set-AzureVMSize Set-AzurePublicIP Remove-AzurePublicIP Set-AzureNetworkSecurityGroupConfig
    Remove-AzureNetworkSecurityGroupConfig Remove-AzureVMExtension Remove-AzureVMBGInfoExtension
    Set-AzureVMCustomScriptExtension Remove-AzureVMCustomScriptExtension Set-AzureVMAccessExtension
    Remove-AzureVMAccessExtension Set-AzureVMDiagnosticsExtension Remove-AzureVMDiagnosticsExtension
    Set-AzureVMDscExtension Remove-AzureVMDscExtension Set-AzureVMChefExtension Remove-AzureVMChefExtension
    Set-AzureVMPuppetExtension Remove-AzureVMPuppetExtension Set-AzureVMMicrosoftAntimalwareExtension
    Remove-AzureVMMicrosoftAntimalwareExtension Set-AzureVMSqlServerExtension Remove-AzureVMSqlServerExtension
    """
    )
)
FILTER_SPEC = _spec("VM", aliases=_VM, loose=True)

# Cmdlets that take a VM configuration (`-VM`, or from the pipeline) and pass none on: Set-AzureAclConfig
# changes the ACL object it is given and outputs nothing; the others output the part of the VM they read (an
# endpoint, a subnet, a disk, an extension). A VM configuration pipeline that ends in one gives its variable
# no VM, and New-AzureVM given that creates none. (Get-AzureAclConfig outputs the ACL the reader follows.)
PASS_NO_VM_ON = frozenset(
    name.casefold()
    for name in words(
        """
    Set-AzureAclConfig Get-AzureEndpoint Get-AzureSubnet Get-AzureDataDisk Get-AzureOSDisk Get-AzureStaticVNetIP
    Get-AzurePublicIP Get-AzureNetworkInterfaceConfig Get-AzureVMExtension Get-AzureVMBGInfoExtension
    Get-AzureVMCustomScriptExtension Get-AzureVMAccessExtension Get-AzureVMDiagnosticsExtension
    Get-AzureVMDscExtension Get-AzureVMDscExtensionStatus Get-AzureVMChefExtension Get-AzureVMPuppetExtension
    Get-AzureVMMicrosoftAntimalwareExtension Get-AzureVMSqlServerExtension
    """
    )
)

# The one named extension wrapper whose publisher and name the reader records: BGInfo. In the source read
# its default version is 2.*, a JSON extension that migrates, so only an explicit -Version 1.* makes it an
# XML extension (the wrappers' defaults of older modules are not verified).
BGINFO = ("Microsoft.Compute", "BGInfo")

# What each named wrapper of the classic module installs (Set-) or removes (Remove-): one extension, its
# publisher and name fixed by the cmdlet (the module's source: the ExtensionDefaultPublisher and
# ExtensionDefaultName constants of each wrapper's base class, or their like). Chef's is ChefClient on
# Windows, LinuxChefClient with -Linux (CHEF_LINUX). The Set- wrappers take `-Disable`, some `-Uninstall`
# too, as Set-AzureVMExtension does.
_NAMED = {
    "BGInfo": BGINFO,
    "CustomScript": ("Microsoft.Compute", "CustomScriptExtension"),
    "Access": ("Microsoft.Compute", "VMAccessAgent"),
    "Diagnostics": ("Microsoft.Azure.Diagnostics", "IaaSDiagnostics"),
    "MicrosoftAntimalware": ("Microsoft.Azure.Security", "IaaSAntimalware"),
    "Dsc": ("Microsoft.Powershell", "DSC"),
    "Chef": ("Chef.Bootstrap.WindowsAzure", "ChefClient"),
    "Puppet": ("PuppetLabs", "PuppetEnterpriseAgent"),
    "SqlServer": ("Microsoft.SqlServer.Management", "SqlIaaSAgent"),
}
NAMED_EXTENSIONS = {f"set-azurevm{noun.casefold()}extension": pair for noun, pair in _NAMED.items()}
NAMED_REMOVALS = {f"remove-azurevm{noun.casefold()}extension": pair for noun, pair in _NAMED.items()}
CHEF_LINUX = ("Chef.Bootstrap.WindowsAzure", "LinuxChefClient")

# Add-AzureProvisioningConfig and New-AzureQuickVM add these endpoints unless told not to (the module's
# source: NetworkConfigurationBuilder.AddRdpEndpoint/AddWinRmEndpoint/AddSshEndpoint, NewQuickVM): name,
# local port. The public port is chosen by the platform.
RDP_ENDPOINT = ("RemoteDesktop", "3389")
WINRM_ENDPOINT = ("PowerShell", "5986")
SSH_ENDPOINT = ("SSH", "22")

# --- requests a script sends itself -------------------------------------------------------------------

# The cmdlets that send an HTTP request, by the names and aliases Windows PowerShell 5.1 and PowerShell 7
# give them: one sent to the Service Management API's host is a classic call. Their parameters, from the
# reference of Microsoft.PowerShell.Utility (5.1 and 7.4; 7.4's `ConnectionTimeoutSeconds` is 5.1's
# `TimeoutSec`), so that abbreviations bind as PowerShell binds them; only `-Uri` binds by position.
WEB_REQUESTS = {
    "invoke-restmethod": "Invoke-RestMethod",
    "irm": "Invoke-RestMethod",
    "invoke-webrequest": "Invoke-WebRequest",
    "iwr": "Invoke-WebRequest",
}
WEB_REQUEST_SPEC = _spec(
    "Uri:0 Method CustomMethod HttpVersion WebSession SessionVariable Authentication Credential "
    "CertificateThumbprint Certificate SslProtocol Token UserAgent ConnectionTimeoutSeconds "
    "OperationTimeoutSeconds Headers MaximumRedirection MaximumRetryCount RetryIntervalSec UnixSocket Proxy "
    "ProxyCredential Body Form ContentType TransferEncoding InFile OutFile ResponseHeadersVariable "
    "StatusCodeVariable MaximumFollowRelLink UseBasicParsing! AllowUnencryptedAuthentication! "
    "UseDefaultCredentials! SkipCertificateCheck! DisableKeepAlive! SkipHeaderValidation! "
    "AllowInsecureRedirect! PreserveAuthorizationOnRedirect! PreserveHttpMethodOnRedirect! "
    "ProxyUseDefaultCredentials! NoProxy! PassThru! "
    "Resume! SkipHttpErrorCheck! FollowRelLink!",
    aliases={
        "TimeoutSec": "ConnectionTimeoutSeconds",
        "SV": "SessionVariable",
        "RHV": "ResponseHeadersVariable",
        "FL": "FollowRelLink",
        "ML": "MaximumFollowRelLink",
    },
)

# --- files a script writes -----------------------------------------------------------------------------

# The cmdlets that write a string to a file, by their names and aliases (`sc` is Set-Content's in Windows
# PowerShell only): (the parameter naming the file, the one giving the content, else what is piped). A
# network configuration a script writes out and uploads with `Set-AzureVNetConfig -ConfigurationPath` is
# read from the string it writes. Their parameters, from the reference of Microsoft.PowerShell.Utility and
# Microsoft.PowerShell.Management (5.1 and 7.4), so that abbreviations bind as PowerShell binds them.
FILE_WRITES = {
    "out-file": ("FilePath", "InputObject"),
    "set-content": ("Path", "Value"),
    "sc": ("Path", "Value"),
}
_LITERAL_PATH = {"PSPath": "LiteralPath", "LP": "LiteralPath"}
# Start-Process and its aliases: a program started with the arguments it is given (a string, or an array
# it joins with blanks), which the reader follows when the program is the classic CLI (`azure.cmd`).
PROCESS_STARTERS = frozenset({"start-process", "saps", "start"})
START_PROCESS_SPEC = _spec(
    "FilePath:0 ArgumentList:1 Credential WorkingDirectory LoadUserProfile! NoNewWindow! PassThru! "
    "RedirectStandardError RedirectStandardInput RedirectStandardOutput WindowStyle Wait! UseNewEnvironment! "
    "Verb Environment",
    aliases={"Args": "ArgumentList", "PSPath": "FilePath", "Path": "FilePath"},
)

FILE_WRITE_SPECS = {
    "out-file": _spec(
        "FilePath:0 Encoding:1 LiteralPath Width InputObject Append! Force! NoClobber! NoNewline!",
        aliases={"Path": "FilePath", **_LITERAL_PATH},
    ),
    "set-content": _spec(
        "Path:0 Value:1 LiteralPath Filter Include Exclude Credential Encoding Stream PassThru! Force! "
        "NoNewline! AsByteStream! UseTransaction!",
        aliases={"usetx": "UseTransaction", **_LITERAL_PATH},
    ),
}
FILE_WRITE_SPECS["sc"] = FILE_WRITE_SPECS["set-content"]

# Get-Content and its aliases (`cat` and `type` in Windows PowerShell), whose text `[xml]` makes a document
# of (`[xml]$cfg = Get-Content "$PSScriptRoot\net.netcfg"`). Its parameters, from the reference of
# Microsoft.PowerShell.Management (5.1 and 7.4), so that abbreviations and positions bind as PowerShell binds
# them.
FILE_READ_SPEC = _spec(
    "Path:0 LiteralPath ReadCount TotalCount Tail Filter Include Exclude Force! Credential Delimiter Wait! "
    "Raw! Encoding Stream AsByteStream! UseTransaction!",
    aliases={
        "First": "TotalCount",
        "Head": "TotalCount",
        "Last": "Tail",
        "usetx": "UseTransaction",
        **_LITERAL_PATH,
    },
)
FILE_READS = frozenset({"get-content", "gc", "cat", "type"})

# The cmdlets that put a file in place whose content the reader does not follow (a copy, a move, a rename, a
# download), by their names and aliases: (the parameter naming the file or folder it comes from, the one
# naming where it goes). An upload of a file of the name they write is not known to be of the file checked
# by that name. Their parameters, from the reference of Microsoft.PowerShell.Management and BitsTransfer
# (5.1 and 7.4), so that abbreviations and positions bind as PowerShell binds them.
FILE_COPIES = {
    "copy-item": ("Path", "Destination"),
    "copy": ("Path", "Destination"),
    "cp": ("Path", "Destination"),
    "cpi": ("Path", "Destination"),
    "move-item": ("Path", "Destination"),
    "move": ("Path", "Destination"),
    "mv": ("Path", "Destination"),
    "mi": ("Path", "Destination"),
    "rename-item": ("Path", "NewName"),
    "ren": ("Path", "NewName"),
    "rni": ("Path", "NewName"),
    "start-bitstransfer": ("Source", "Destination"),
}
_COPY_SPEC = _spec(
    "Path:0 Destination:1 LiteralPath Container! Force! Filter Include Exclude Recurse! PassThru! Credential "
    "FromSession ToSession UseTransaction!",
    aliases={**_LITERAL_PATH, "usetx": "UseTransaction"},
)
_MOVE_SPEC = _spec(
    "Path:0 Destination:1 LiteralPath Force! Filter Include Exclude PassThru! Credential UseTransaction!",
    aliases={**_LITERAL_PATH, "usetx": "UseTransaction"},
)
_RENAME_SPEC = _spec(
    "Path:0 NewName:1 LiteralPath Force! PassThru! Credential UseTransaction!",
    aliases={**_LITERAL_PATH, "usetx": "UseTransaction"},
)
_BITS_SPEC = _spec(
    "Source:0 Destination:1 Asynchronous! Authentication Credential Description DisplayName Priority "
    "ProxyAuthentication ProxyBypass ProxyCredential ProxyList ProxyUsage RetryInterval RetryTimeout "
    "TransferPolicy TransferType UseStoredCredential Suspended! Dynamic! CustomHeaders "
    "CustomHeadersWriteOnly! HttpMethod MaxDownloadTime NotifyCmdLine NotifyFlags SecurityFlags",
)
FILE_COPY_SPECS = {
    **dict.fromkeys(("copy-item", "copy", "cp", "cpi"), _COPY_SPEC),
    **dict.fromkeys(("move-item", "move", "mv", "mi"), _MOVE_SPEC),
    **dict.fromkeys(("rename-item", "ren", "rni"), _RENAME_SPEC),
    "start-bitstransfer": _BITS_SPEC,
}

# --- script blocks a script runs elsewhere -----------------------------------------------------------------


@record
class BlockRunner:
    """A cmdlet that runs the script block it is given with the values of `-ArgumentList`, bound to the
    block's parameters in order: its parameters, and whether it always runs the block in a session of its
    own (a background job) rather than, unless told otherwise (`RUN_ELSEWHERE`), here; and whether that
    session is a thread of this process (`thread`), which shares its environment variables, rather than a
    process of its own."""

    spec: Spec
    elsewhere: bool
    thread: bool = False


# Start-Job and Invoke-Command, by their names and aliases, their parameters from the reference of
# Microsoft.PowerShell.Core (5.1 and 7.4). Invoke-Command binds its block at position 0 on this computer and
# at 1 after a computer or session; the reader takes the script block it is given wherever it is.
_START_JOB = BlockRunner(
    _spec(
        "ScriptBlock:0 InitializationScript:1 Name Credential Authentication WorkingDirectory RunAs32! "
        "PSVersion InputObject ArgumentList FilePath LiteralPath DefinitionName DefinitionPath Type",
        aliases={"Command": "ScriptBlock", "Args": "ArgumentList", **_LITERAL_PATH},
    ),
    elsewhere=True,
)
# Start-ThreadJob (the ThreadJob module, PowerShell 7's own): a background job as Start-Job's, run in a thread
# of this process rather than a process of its own.
_START_THREAD_JOB = BlockRunner(
    _spec(
        "ScriptBlock:0 Name InitializationScript InputObject ArgumentList ThrottleLimit StreamingHost FilePath",
        aliases={"Command": "ScriptBlock", "Args": "ArgumentList"},
    ),
    elsewhere=True,
    thread=True,
)
_INVOKE_COMMAND = BlockRunner(
    _spec(
        "ScriptBlock:0 StrictMode NoNewScope! InputObject ArgumentList Session ComputerName Credential Port "
        "UseSSL! ConfigurationName ApplicationName ThrottleLimit AsJob! InDisconnectedSession! SessionName "
        "HideComputerName! JobName SessionOption Authentication EnableNetworkAccess! RemoteDebug! FilePath "
        "CertificateThumbprint ConnectionUri AllowRedirection! VMId VMName ContainerId RunAsAdministrator! "
        "HostName UserName KeyFilePath Subsystem ConnectingTimeout SSHTransport! SSHConnection Options",
        aliases={
            "Command": "ScriptBlock",
            "Args": "ArgumentList",
            "Cn": "ComputerName",
            "URI": "ConnectionUri",
            "CU": "ConnectionUri",
            "PSPath": "FilePath",
            "VMGuid": "VMId",
        },
    ),
    elsewhere=False,
)
BLOCK_RUNNERS = {
    "start-job": _START_JOB,
    "sajb": _START_JOB,
    "start-threadjob": _START_THREAD_JOB,
    "invoke-command": _INVOKE_COMMAND,
    "icm": _INVOKE_COMMAND,
}
# What makes Invoke-Command run the block in a session of its own: another computer, a session, a VM, a
# container, or a job.
RUN_ELSEWHERE = (
    "ComputerName",
    "Session",
    "ConnectionUri",
    "VMId",
    "VMName",
    "ContainerId",
    "HostName",
    "SSHConnection",
    "AsJob",
    "InDisconnectedSession",
)

# --- migration ----------------------------------------------------------------------------------------

STEPS = ("validate", "prepare", "commit", "abort")

# Move-Azure* cmdlets: (scope, the parameter naming what moves). Move-AzureDeployment is not one: it
# swaps a cloud service's staging and production deployments.
MIGRATION: dict[str, tuple[str, str]] = {
    "move-azureservice": ("cloud-service", "ServiceName"),
    "move-azurevirtualnetwork": ("virtual-network", "VirtualNetworkName"),
    "move-azurestorageaccount": ("storage-account", "StorageAccountName"),
    "move-azurereservedip": ("reserved-ip", "ReservedIPName"),
    "move-azurenetworksecuritygroup": ("network-security-group", "NetworkSecurityGroupName"),
    "move-azureroutetable": ("route-table", "RouteTableName"),
}
