"""Cases the platform's migration documents describe (each unsupported feature or configuration, limitation and
pre-step of the reference's overview, errors, deep dive, planning guide and gateway migration pages), each
written in a format that can state it: a network configuration, a .csdef and .cscfg, REST bodies and GET
responses, Export-AzureVM files, PowerShell, Python and classic CLI scripts, a Bicep file, a Terraform
configuration and inventory exports. Each gives the findings of the rules it is about, with their line,
column and whole message, and no others of those rules."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from lint_support import lint_files


@dataclass(frozen=True)
class Case:
    """What the documents say (`source`), the files that state it, and the findings of `codes` it gives:
    `CODE path:line:column message`."""

    source: str
    files: dict[str, str]
    codes: tuple[str, ...]
    expect: tuple[str, ...]


CASES = {
    "python_vm_with_two_subnet_names": Case(
        "Compute: multiple subnets associated with a VM (a Python ConfigurationSet)",
        {
            "create.py": """\
from azure.servicemanagement import ServiceManagementService, ConfigurationSet, ConfigurationSetInputEndpoint, OSVirtualHardDisk

sms = ServiceManagementService("00000000-0000-0000-0000-000000000000", "mgmt.pem")
net = ConfigurationSet()
net.configuration_set_type = "NetworkConfiguration"
net.subnet_names.append("web")
net.subnet_names.append("data")
disk = OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/web01.vhd")
sms.create_virtual_machine_deployment("svc", "svc", "production", "svc", "web01", None, disk, net, virtual_network_name="prod-vnet")
""",
        },
        ("MIG202",),
        ("MIG202 create.py:7:25 VM 'web01' of cloud service 'svc' is in 2 subnets (web, data)",),
    ),
    "classic_cli_vm_in_a_network_without_a_subnet": Case(
        "Compute: a VM in a virtual network without an explicit subnet (azure vm create --virtual-network-name)",
        {
            "vm.sh": """\
#!/bin/bash
azure vm create svc1 img-name azureuser 'P@ssw0rd!' --vm-name web01 --virtual-network-name prod-vnet --location "West Europe"
""",
        },
        ("MIG203",),
        (
            "MIG203 vm.sh:2:1 VM 'web01' of cloud service 'svc1' is in virtual network 'prod-vnet' but has no subnet",
        ),
    ),
    "powershell_endpoint_given_an_acl": Case(
        "Network: endpoint ACLs (Set-AzureEndpoint -ACL)",
        {
            "acl.ps1": """\
$acl = New-AzureAclConfig
Set-AzureAclConfig -AddRule -ACL $acl -Order 100 -Action Permit -RemoteSubnet "203.0.113.0/24" -Description "office"
Get-AzureVM -ServiceName "svc" -Name "web01" | Set-AzureEndpoint -Name "HTTP" -Protocol tcp -LocalPort 80 -PublicPort 80 -ACL $acl | Update-AzureVM
""",
        },
        ("MIG201",),
        (
            "MIG201 acl.ps1:3:127 endpoint 'HTTP' of VM 'web01' in cloud service 'svc' has an access control list (1 rule)",
        ),
    ),
    "classic_cli_acl_rule_on_an_endpoint": Case(
        "Network: endpoint ACLs (azure vm endpoint acl-rule create)",
        {
            "acl.sh": """\
#!/bin/bash
azure vm endpoint acl-rule create web01 HTTP 100 permit 203.0.113.0/24
""",
        },
        ("MIG201",),
        (
            "MIG201 acl.sh:2:41 endpoint 'HTTP' of VM 'web01' in cloud service '<cloud service name, acl.sh:2>' has an access control list",
        ),
    ),
    "powershell_bginfo_1_on_a_vm_in_no_network": Case(
        "Compute: XML VM extensions, BGInfo 1.*; a VM not in a virtual network is stopped, deallocated and restarted",
        {
            "vm.ps1": """\
$vm = New-AzureVMConfig -Name "dev01" -InstanceSize Small -ImageName $img |
    Set-AzureVMBGInfoExtension -Version "1.*"
New-AzureVM -ServiceName "dev" -VMs $vm -Location "West Europe"
""",
        },
        (
            "MIG204",
            "MIG105",
        ),
        (
            "MIG204 vm.ps1:2:41 VM 'dev01' has the XML extension BGInfo 1.* (Microsoft.Compute), which Azure Resource Manager does not support and the migration does not carry over",
            "MIG105 vm.ps1:3:1 deployment 'dev' of cloud service 'dev' is in no virtual network: migration stops, deallocates and restarts 'dev01', whose internal IP addresses change; it has no input endpoint, so its VIP is not migrated and it gets no public address",
        ),
    ),
    "export_with_remote_debugging_of_a_later_release": Case(
        "Compute: XML VM extensions, Remote Debugging (RemoteDebugVS2019: the family, not a closed list)",
        {
            "web01.xml": """\
<PersistentVM xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <RoleName>web01</RoleName>
  <ResourceExtensionReferences>
    <ResourceExtensionReference>
      <ReferenceName>RemoteDebug</ReferenceName>
      <Publisher>Microsoft.VisualStudio.WindowsAzure.RemoteDebug</Publisher>
      <Name>RemoteDebugVS2019</Name>
      <Version>1.*</Version>
      <State>Enable</State>
    </ResourceExtensionReference>
  </ResourceExtensionReferences>
</PersistentVM>
""",
        },
        ("MIG204",),
        (
            "MIG204 web01.xml:4:5 VM 'web01' has the XML extension RemoteDebugVS2019 1.* (Microsoft.VisualStudio.WindowsAzure.RemoteDebug), which Azure Resource Manager does not support and the migration does not carry over",
        ),
    ),
    "resource_graph_vm_with_the_snapshot_extension": Case(
        "Compute: VM with backup or snapshot extension (VMSnapshot)",
        {
            "vms.json": """\
{"data": [
 {"id": "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/svc/providers/Microsoft.ClassicCompute/virtualMachines/app01",
  "name": "app01", "type": "microsoft.classiccompute/virtualmachines", "location": "westeurope",
  "subscriptionId": "00000000-0000-0000-0000-000000000001",
  "properties": {"domainName": {"name": "svc"}, "hardwareProfile": {"size": "Small", "availabilitySet": "as1"},
    "extensions": [{"extension": "VMSnapshot", "publisher": "Microsoft.Azure.RecoveryServices", "version": "1.0", "state": "Enable"}]}}
]}
""",
        },
        ("MIG206",),
        (
            "MIG206 vms.json:6:34 VM 'app01' has the Azure Backup extension VMSnapshot, with which the platform does not migrate a VM",
        ),
    ),
    "get_response_of_a_vm_in_provisioning_timeout": Case(
        "Planning: a VM whose status is provisioning timed out",
        {
            "get.xml": """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>svc</Name>
  <RoleInstanceList>
    <RoleInstance><RoleName>app01</RoleName><InstanceName>app01</InstanceName><InstanceStatus>ProvisioningTimeout</InstanceStatus></RoleInstance>
  </RoleInstanceList>
  <RoleList>
    <Role><RoleName>app01</RoleName><RoleType>PersistentVMRole</RoleType></Role>
  </RoleList>
</Deployment>
""",
        },
        ("MIG208",),
        (
            "MIG208 get.xml:4:5 VM 'app01' of deployment 'svc' is in state ProvisioningTimeout: the platform migrates VMs only when running, stopped or stopped (deallocated)",
        ),
    ),
    "classic_cli_network_in_an_affinity_group": Case(
        "a virtual network bound to an affinity group (azure network vnet create --affinity-group)",
        {
            "vnet.sh": """\
#!/bin/bash
azure network vnet create legacy-vnet --affinity-group legacy-ag --address-space 10.3.0.0 --cidr 16
""",
        },
        ("MIG303",),
        (
            "MIG303 vnet.sh:2:56 virtual network 'legacy-vnet' is bound to affinity group 'legacy-ag', not to a region: Resource Manager knows regions only",
        ),
    ),
    "local_site_prefix_with_host_bits": Case(
        "Gateway migration: CIDR validation is stricter; a local site with an invalid range fails",
        {
            "NetworkConfig.netcfg": """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="office">
        <AddressSpace><AddressPrefix>192.168.1.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>203.0.113.9</VPNGatewayAddress>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="v" Location="West Europe">
        <AddressSpace><AddressPrefix>10.3.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="s"><AddressPrefix>10.3.0.0/24</AddressPrefix></Subnet></Subnets>
        <Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="office"><Connection type="IPsec"/></LocalNetworkSiteRef></ConnectionsToLocalNetwork></Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
""",
        },
        ("MIG304",),
        (
            "MIG304 NetworkConfig.netcfg:5:23 '192.168.1.0/16', an address prefix of local network site 'office', is not a strict CIDR range: host bits are set: the network of 192.168.1.0/16 is 192.168.0.0/16",
        ),
    ),
    "python_disk_registered_on_no_vm": Case(
        "Compute: unassociated virtual machine disks (add_disk)",
        {
            "disk.py": """\
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("00000000-0000-0000-0000-000000000000", "mgmt.pem")
sms.add_disk(False, "data disk", "https://acct.blob.core.windows.net/vhds/2016/data01.vhd", "data01", "Windows")
""",
        },
        ("MIG402",),
        (
            "MIG402 disk.py:4:5 disk 'data01' is attached to no VM: it is not migrated as a disk; its VHD moves with storage account 'acct', whose migration may fail while the classic disk is registered",
        ),
    ),
    "powershell_image_registered": Case(
        "Compute: virtual machine images (Add-AzureVMImage)",
        {
            "image.ps1": """\
Add-AzureVMImage -ImageName "golden" -MediaLocation "https://acct.blob.core.windows.net/images/golden.vhd" -OS Windows
""",
        },
        ("MIG402",),
        (
            "MIG402 image.ps1:1:1 image 'golden' is not migrated as an image: its VHD moves with storage account 'acct', whose migration may fail while the classic image is registered",
        ),
    ),
    "worker_role_with_an_acl_in_a_network_of_vms": Case(
        "Cloud services with web/worker roles; a network with VMs and web/worker roles; endpoint ACLs in a .cscfg",
        {
            "ServiceConfiguration.Cloud.cscfg": """\
<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Queue"><Instances count="2"/></Role>
  <NetworkConfiguration>
    <AccessControls>
      <AccessControl name="office"><Rule order="100" action="permit" remoteSubnet="203.0.113.0/24" description="office"/></AccessControl>
    </AccessControls>
    <EndpointAcls><EndpointAcl role="Queue" endpoint="http" accessControl="office"/></EndpointAcls>
    <VirtualNetworkSite name="shared-vnet"/>
    <AddressAssignments>
      <InstanceAddress roleName="Queue"><Subnets><Subnet name="roles"/></Subnets></InstanceAddress>
      <ReservedIPs><ReservedIP name="shop-ip"/></ReservedIPs>
    </AddressAssignments>
  </NetworkConfiguration>
</ServiceConfiguration>
""",
            "ServiceDefinition.csdef": """\
<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WorkerRole name="Queue" vmsize="Small">
    <Endpoints><InputEndpoint name="http" protocol="http" port="80"/></Endpoints>
  </WorkerRole>
</ServiceDefinition>
""",
            "vms.ps1": """\
$vm = New-AzureVMConfig -Name "db01" -InstanceSize Small -ImageName $img | Set-AzureSubnet -SubnetNames "data"
New-AzureVM -ServiceName "shop-db" -VMs $vm -VNetName "shared-vnet"
""",
        },
        (
            "MIG101",
            "MIG104",
            "MIG201",
        ),
        (
            "MIG201 ServiceConfiguration.Cloud.cscfg:7:19 endpoint 'http' of WorkerRole 'Queue' in cloud service 'shop' has access control list 'office' (1 rule)",
            "MIG104 ServiceConfiguration.Cloud.cscfg:8:5 virtual network 'shared-vnet' holds web/worker roles of cloud service 'shop' ('Queue') and VMs of 'shop-db'",
            "MIG101 ServiceDefinition.csdef:2:3 cloud service 'shop' has a WorkerRole 'Queue': the VM migration does not move web/worker roles; Cloud Services (classic) was retired on 2024-08-31, and Cloud Services (extended support), the one platform they could migrate to in place, was deprecated on 2025-03-31 and retires on 2027-03-31",
        ),
    ),
    "python_vms_in_two_sets_and_none": Case(
        "more than one availability set, and VMs in none, in one cloud service (add_role)",
        {
            "twosets.py": """\
from azure.servicemanagement import ServiceManagementService, ConfigurationSet, OSVirtualHardDisk

sms = ServiceManagementService("00000000-0000-0000-0000-000000000000", "mgmt.pem")
net = ConfigurationSet()
net.configuration_set_type = "NetworkConfiguration"
net.subnet_names.append("web")
sms.create_virtual_machine_deployment("svc", "svc", "production", "svc", "web01", None, OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/a.vhd"), net, availability_set_name="set-a", virtual_network_name="v")
sms.add_role("svc", "svc", "web02", None, OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/b.vhd"), net, availability_set_name="set-b")
sms.add_role("svc", "svc", "web03", None, OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/c.vhd"), net)
""",
        },
        (
            "MIG102",
            "MIG103",
        ),
        (
            "MIG102 twosets.py:8:145 cloud service 'svc' has 2 availability sets ('set-a', 'set-b'); 'set-b' holds 'web02'",
            "MIG103 twosets.py:9:5 VM 'web03' is in no availability set, but other VMs of cloud service 'svc' are in 'set-a', 'set-b'",
        ),
    ),
    "powershell_reserved_ip_on_a_deployment_without_endpoints": Case(
        "Deep dive: a VIP can only be migrated if there is an input endpoint assigned to it",
        {
            "rip.ps1": """\
New-AzureReservedIP -ReservedIPName "app-ip" -Location "West Europe"
$vm = New-AzureVMConfig -Name "app01" -InstanceSize Small -ImageName $img | Set-AzureSubnet -SubnetNames "app"
New-AzureVM -ServiceName "app" -VMs $vm -VNetName "v" -ReservedIPName "app-ip"
""",
        },
        ("MIG106",),
        (
            "MIG106 rip.ps1:3:71 reserved IP 'app-ip' of cloud service 'app' is on a deployment with no input endpoint on its public VIP, so it cannot be migrated with it",
        ),
    ),
    "powershell_boot_diagnostics_on_premium_disks": Case(
        "Compute: boot diagnostics with Premium storage (Set-AzureBootDiagnostics)",
        {
            "accounts.ps1": """\
New-AzureStorageAccount -StorageAccountName "premacct" -Location "West Europe" -Type "Premium_LRS"
""",
            "boot.ps1": """\
$vm = New-AzureVMConfig -Name "sql01" -InstanceSize Standard_DS3 -ImageName $img -MediaLocation "https://premacct.blob.core.windows.net/vhds/sql01.vhd" |
    Set-AzureSubnet -SubnetNames "data" |
    Set-AzureBootDiagnostics -Enable
New-AzureVM -ServiceName "sql" -VMs $vm -VNetName "v"
""",
        },
        ("MIG205",),
        (
            "MIG205 boot.ps1:3:5 VM 'sql01' has boot diagnostics enabled and Premium storage disks (sql01.vhd): the platform does not migrate a VM with both",
        ),
    ),
    "resource_graph_vm_with_site_recovery": Case(
        "Compute: VM with Azure Site Recovery extension",
        {
            "asc.json": """\
{"data": [
 {"id": "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/svc/providers/Microsoft.ClassicCompute/virtualMachines/app01",
  "name": "app01", "type": "microsoft.classiccompute/virtualmachines", "location": "westeurope",
  "subscriptionId": "00000000-0000-0000-0000-000000000001",
  "properties": {"domainName": {"name": "svc"}, "networkProfile": {"virtualNetwork": {"name": "v", "subnetNames": ["s"]}},
    "extensions": [{"extension": "SiteRecovery", "publisher": "Microsoft.Azure.RecoveryServices.SiteRecovery", "version": "1.0", "state": "Enable"}]}}
]}
""",
        },
        ("MIG209",),
        (
            "MIG209 asc.json:6:34 VM 'app01' has the Azure Site Recovery extension SiteRecovery 1.0 (Microsoft.Azure.RecoveryServices.SiteRecovery): its replication is disrupted by the migration; disable and enable replication again once its storage account is migrated",
        ),
    ),
    "classic_cli_vpn_beside_a_dedicated_connection": Case(
        "a VNet with both an ExpressRoute gateway and a VPN gateway; an ExpressRoute circuit to move first",
        {
            "NetworkConfig.netcfg": """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="er-site"><AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace></LocalNetworkSite>
      <LocalNetworkSite name="office"><AddressSpace><AddressPrefix>172.20.0.0/16</AddressPrefix></AddressSpace><VPNGatewayAddress>203.0.113.9</VPNGatewayAddress></LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="er-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.3.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="s"><AddressPrefix>10.3.0.0/24</AddressPrefix></Subnet></Subnets>
        <Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="er-site"><Connection type="Dedicated"/></LocalNetworkSiteRef></ConnectionsToLocalNetwork></Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
""",
            "gw.sh": """\
#!/bin/bash
azure network vpn-gateway create er-vnet --type DynamicRouting
azure network vnet local-network add er-vnet office
""",
        },
        (
            "MIG301",
            "MIG302",
        ),
        (
            "MIG302 NetworkConfig.netcfg:11:81 virtual network 'er-vnet' is connected to ExpressRoute through 'er-site': a network linked to ExpressRoute migrates only once its circuit is in Resource Manager, which the files do not show, and Prepare fails while it is classic",
            "MIG301 gw.sh:3:1 virtual network 'er-vnet' has ExpressRoute (to 'er-site', in NetworkConfig.netcfg) and also a VPN (a site-to-site VPN connection to 'office' by azure network vnet local-network add at gw.sh:3): the platform does not migrate a gateway where ExpressRoute and a VPN coexist",
        ),
    ),
    "resource_graph_network_with_a_leading_zero": Case(
        "CIDR validation: a VNet range with leading zeros",
        {
            "vnets.json": """\
{"data": [
 {"id": "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/net/providers/Microsoft.ClassicNetwork/virtualNetworks/v",
  "name": "v", "type": "microsoft.classicnetwork/virtualnetworks", "location": "westeurope",
  "subscriptionId": "00000000-0000-0000-0000-000000000001",
  "properties": {"addressSpace": {"addressPrefixes": ["10.1.0.00/16"]}, "subnets": [{"name": "s", "addressPrefix": "10.1.0.0/24"}]}}
]}
""",
        },
        ("MIG304",),
        (
            "MIG304 vnets.json:5:55 '10.1.0.00/16', an address space prefix of virtual network 'v', is not a strict CIDR range: leading zeros (00) are not allowed",
        ),
    ),
    "peering_of_an_arm_network_with_a_classic_one": Case(
        "Network: virtual networks using VNet peering",
        {
            "peer.json": """\
{"data": [
 {"id": "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/arm/providers/Microsoft.Network/virtualNetworks/hub/virtualNetworkPeerings/to-classic",
  "name": "to-classic", "type": "microsoft.network/virtualnetworks/virtualnetworkpeerings",
  "subscriptionId": "00000000-0000-0000-0000-000000000001",
  "properties": {"remoteVirtualNetwork": {"id": "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/net/providers/Microsoft.ClassicNetwork/virtualNetworks/v"}, "peeringState": "Connected"}}
]}
""",
        },
        ("MIG313",),
        (
            "MIG313 peer.json:5:49 classic virtual network 'v' is peered with Resource Manager network 'hub' (peering 'to-classic', Connected): a peered network cannot be migrated",
        ),
    ),
    "get_response_of_agent_not_ready_and_role_state_unknown": Case(
        "Errors: guest agent Not Ready with extensions; RoleStateUnknown",
        {
            "get.xml": """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>svc</Name>
  <RoleInstanceList>
    <RoleInstance><RoleName>app01</RoleName><InstanceName>app01</InstanceName><InstanceStatus>ReadyRole</InstanceStatus>
      <GuestAgentStatus><Status>NotReady</Status></GuestAgentStatus></RoleInstance>
    <RoleInstance><RoleName>app02</RoleName><InstanceName>app02</InstanceName><InstanceStatus>RoleStateUnknown</InstanceStatus></RoleInstance>
  </RoleInstanceList>
  <RoleList>
    <Role><RoleName>app01</RoleName><RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType><SubnetNames><SubnetName>s</SubnetName></SubnetNames></ConfigurationSet></ConfigurationSets>
      <ResourceExtensionReferences><ResourceExtensionReference><Publisher>Microsoft.Compute</Publisher><Name>CustomScriptExtension</Name><Version>1.*</Version></ResourceExtensionReference></ResourceExtensionReferences>
    </Role>
    <Role><RoleName>app02</RoleName><RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType><SubnetNames><SubnetName>s</SubnetName></SubnetNames></ConfigurationSet></ConfigurationSets>
    </Role>
  </RoleList>
  <VirtualNetworkName>v</VirtualNetworkName>
</Deployment>
""",
        },
        ("MIG208",),
        (
            "MIG208 get.xml:5:7 VM 'app01' of deployment 'svc' reports guest agent status NotReady while it has extensions to migrate (CustomScriptExtension): the agent must be ready to report their status",
            "MIG208 get.xml:6:5 VM 'app02' of deployment 'svc' is in state RoleStateUnknown: the platform migrates VMs only when running, stopped or stopped (deallocated)",
        ),
    ),
    "export_azurevm_acl_and_two_subnets": Case(
        "endpoint ACLs and multiple subnets in an Export-AzureVM file",
        {
            "web/web01.xml": """\
<PersistentVM xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <RoleName>web01</RoleName>
  <ConfigurationSets>
    <ConfigurationSet xsi:type="NetworkConfigurationSet">
      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <InputEndpoints>
        <InputEndpoint>
          <LocalPort>443</LocalPort><Name>HTTPS</Name><Port>443</Port><Protocol>tcp</Protocol>
          <EndpointAccessControlList>
            <Rules>
              <AccessControlListRule><Order>0</Order><Action>permit</Action><RemoteSubnet>198.51.100.0/24</RemoteSubnet></AccessControlListRule>
            </Rules>
          </EndpointAccessControlList>
        </InputEndpoint>
      </InputEndpoints>
      <SubnetNames><string>web</string><string>mgmt</string></SubnetNames>
    </ConfigurationSet>
  </ConfigurationSets>
</PersistentVM>
""",
        },
        (
            "MIG201",
            "MIG202",
        ),
        (
            "MIG201 web/web01.xml:9:11 endpoint 'HTTPS' of VM 'web01' in cloud service 'web' (named after its folder) has an access control list (1 rule)",
            "MIG202 web/web01.xml:16:48 VM 'web01' of cloud service 'web' (named after its folder) is in 2 subnets (web, mgmt)",
        ),
    ),
    "terraform_azapi_vm_in_two_subnets": Case(
        "multiple subnets associated with a VM (azapi_resource of a classic VM)",
        {
            "main.tf": """\
resource "azapi_resource" "vm" {
  type      = "Microsoft.ClassicCompute/virtualMachines@2017-04-01"
  name      = "legacy01"
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/legacy"
  location  = "westeurope"
  body = {
    properties = {
      hardwareProfile = { size = "Small", deploymentName = "legacy01", platformGuestAgent = true }
      networkProfile = {
        virtualNetwork = { id = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/net/providers/Microsoft.ClassicNetwork/virtualNetworks/v", subnetNames = ["a", "b"] }
      }
    }
  }
}
""",
        },
        ("MIG202",),
        (
            "MIG202 main.tf:10:180 VM 'legacy01' of a cloud service the files do not name is in 2 subnets (a, b)",
        ),
    ),
    "bicep_vm_with_bginfo_1": Case(
        "XML VM extensions (a Bicep classic VM's extensions)",
        {
            "main.bicep": """\
resource vm 'Microsoft.ClassicCompute/virtualMachines@2017-04-01' = {
  name: 'legacy02'
  location: 'westeurope'
  properties: {
    hardwareProfile: { size: 'Small', deploymentName: 'legacy02', platformGuestAgent: true }
    extensions: [
      { extension: 'BGInfo', publisher: 'Microsoft.Compute', version: '1.*', state: 'Enable' }
    ]
  }
}
""",
        },
        (
            "MIG204",
            "MIG105",
        ),
        (
            "MIG105 main.bicep:1:1 a cloud service the files do not name is in no virtual network: migration stops, deallocates and restarts 'legacy02', whose internal IP addresses change; it has no input endpoint, so its VIP is not migrated and it gets no public address",
            "MIG204 main.bicep:7:20 VM 'legacy02' has the XML extension BGInfo 1.* (Microsoft.Compute), which Azure Resource Manager does not support and the migration does not carry over",
        ),
    ),
    "rest_deployment_of_a_web_role": Case(
        "Errors: a PaaS deployment (Web/Worker)",
        {
            "deploy.xml": """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>mixed</Name>
  <RoleList>
    <Role><RoleName>WebRole1</RoleName><RoleType>WebRole</RoleType></Role>
  </RoleList>
</Deployment>
""",
        },
        ("MIG101",),
        (
            "MIG101 deploy.xml:4:5 deployment 'mixed' has a WebRole 'WebRole1': the VM migration does not move web/worker roles; Cloud Services (classic) was retired on 2024-08-31, and Cloud Services (extended support), the one platform they could migrate to in place, was deprecated on 2025-03-31 and retires on 2027-03-31",
        ),
    ),
    "classic_alert_on_a_classic_vm": Case(
        "Compute: virtual machines that have alerts",
        {
            "alerts.json": """\
{"value": [
 {"id": "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/svc/providers/microsoft.insights/alertrules/cpu-high",
  "name": "cpu-high", "type": "Microsoft.Insights/alertRules", "location": "westeurope",
  "properties": {"name": "cpu-high", "isEnabled": true,
    "condition": {"odata.type": "Microsoft.Azure.Management.Insights.Models.ThresholdRuleCondition",
      "dataSource": {"odata.type": "Microsoft.Azure.Management.Insights.Models.RuleMetricDataSource",
        "resourceUri": "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/svc/providers/Microsoft.ClassicCompute/virtualMachines/app01",
        "metricName": "Percentage CPU"}, "operator": "GreaterThan", "threshold": 90, "windowSize": "PT5M"}}}
]}
""",
        },
        ("MIG502",),
        (
            "MIG502 alerts.json:7:24 classic alert rule 'cpu-high' watches classic VM 'app01' (metric 'Percentage CPU'): classic alerts are retired (in the public cloud, after limited use, on 2021-05-31; in Azure Government and Azure operated by 21Vianet on 2024-02-29), so it no longer fires, and the migration does not carry it over",
        ),
    ),
    "portal_network_named_without_its_group": Case(
        "Errors: the virtual network does not exist (portal networks are 'Group <RG> <VNet>')",
        {
            "NetworkConfig.netcfg": """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="Group rg1 vnet1" Location="West Europe">
        <AddressSpace><AddressPrefix>10.3.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="s"><AddressPrefix>10.3.0.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
""",
            "vm.ps1": """\
$vm = New-AzureVMConfig -Name "app01" -InstanceSize Small -ImageName $img | Set-AzureSubnet -SubnetNames "s"
New-AzureVM -ServiceName "app" -VMs $vm -VNetName "vnet1"
""",
        },
        ("MIG003",),
        (
            "MIG003 vm.ps1:2:51 cloud service 'app' is placed in virtual network 'vnet1', which no network configuration checked here defines; 'Group rg1 vnet1' is a network created in the Azure portal, whose classic name is 'Group <resource group> <name>': refer to it by that full name",
        ),
    ),
    "stopped_vms_asking_for_one_private_ip": Case(
        "Deep dive: conflicting private IPs between stop-deallocated VMs in one virtual network",
        {
            "get.xml": """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>svc</Name>
  <RoleInstanceList>
    <RoleInstance><RoleName>a</RoleName><InstanceName>a</InstanceName><InstanceStatus>StoppedDeallocated</InstanceStatus><IpAddress>10.3.0.4</IpAddress></RoleInstance>
  </RoleInstanceList>
  <RoleList>
    <Role><RoleName>a</RoleName><RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType><SubnetNames><SubnetName>s</SubnetName></SubnetNames><StaticVirtualNetworkIPAddress>10.3.0.4</StaticVirtualNetworkIPAddress></ConfigurationSet></ConfigurationSets>
    </Role>
  </RoleList>
  <VirtualNetworkName>v</VirtualNetworkName>
</Deployment>
""",
            "get2.xml": """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>svc2</Name>
  <RoleInstanceList>
    <RoleInstance><RoleName>b</RoleName><InstanceName>b</InstanceName><InstanceStatus>StoppedDeallocated</InstanceStatus><IpAddress>10.3.0.4</IpAddress></RoleInstance>
  </RoleInstanceList>
  <RoleList>
    <Role><RoleName>b</RoleName><RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType><SubnetNames><SubnetName>s</SubnetName></SubnetNames><StaticVirtualNetworkIPAddress>10.3.0.4</StaticVirtualNetworkIPAddress></ConfigurationSet></ConfigurationSets>
    </Role>
  </RoleList>
  <VirtualNetworkName>v</VirtualNetworkName>
</Deployment>
""",
        },
        ("MIG306",),
        (
            "MIG306 get2.xml:8:162 VM 'b' of deployment 'svc2' asks for private IP 10.3.0.4, which VM 'a' of deployment 'svc' asks for too, in virtual network 'v': Prepare fails on it, and Validate does not check it",
        ),
    ),
    "rest_role_without_a_type_whose_os_disk_blob_has_a_slash": Case(
        "a role with an OS disk is a VM; a blob name with '/' is not supported",
        {
            "deploy.xml": """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>inferred</Name>
  <RoleList>
    <Role><RoleName>vm1</RoleName>
      <ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType></ConfigurationSet></ConfigurationSets>
      <OSVirtualHardDisk><MediaLink>https://acct.blob.core.windows.net/vhds/os/vm1.vhd</MediaLink></OSVirtualHardDisk>
    </Role>
  </RoleList>
  <VirtualNetworkName>v</VirtualNetworkName>
</Deployment>
""",
        },
        (
            "MIG203",
            "MIG401",
        ),
        (
            "MIG203 deploy.xml:4:5 VM 'vm1' of deployment 'inferred' is in virtual network 'v' but has no subnet",
            "MIG401 deploy.xml:6:26 VM 'vm1' in deployment 'inferred' has its OS disk (https://acct.blob.core.windows.net/vhds/os/vm1.vhd) whose blob name 'os/vm1.vhd' contains '/', which Resource Manager does not support",
        ),
    ),
    "netcfg_network_in_an_affinity_group_with_a_33_bit_prefix": Case(
        "an affinity-group network; a prefix length above 32",
        {
            "NetworkConfig.netcfg": """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="ag-vnet" AffinityGroup="ag-west">
        <AddressSpace><AddressPrefix>10.3.0.0/33</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="s"><AddressPrefix>10.3.0.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
""",
        },
        (
            "MIG303",
            "MIG304",
        ),
        (
            "MIG303 NetworkConfig.netcfg:4:57 virtual network 'ag-vnet' is bound to affinity group 'ag-west', not to a region: Resource Manager knows regions only",
            "MIG304 NetworkConfig.netcfg:5:23 '10.3.0.0/33', an address space prefix of virtual network 'ag-vnet', is not a strict CIDR range: the prefix length 33 is greater than 32",
        ),
    ),
    "vm_in_no_network_with_a_reserved_vip": Case(
        "Deep dive: VMs not in a virtual network are stopped and deallocated; a reserved VIP is kept",
        {
            "vm.ps1": """\
New-AzureReservedIP -ReservedIPName "jump-ip" -Location "West Europe"
$vm = New-AzureVMConfig -Name "jump01" -InstanceSize Small -ImageName $img |
    Add-AzureEndpoint -Name "RDP" -Protocol tcp -LocalPort 3389 -PublicPort 3389
New-AzureVM -ServiceName "jump" -VMs $vm -Location "West Europe" -ReservedIPName "jump-ip"
""",
        },
        ("MIG105",),
        (
            "MIG105 vm.ps1:4:1 deployment 'jump' of cloud service 'jump' is in no virtual network: migration stops, deallocates and restarts 'jump01', whose internal IP addresses change; its VIP is reserved IP 'jump-ip' and is kept, as a Basic SKU public IP (Basic SKU was retired on 2025-09-30: upgrade it to Standard)",
        ),
    ),
    "vm_in_no_network_without_a_reserved_vip": Case(
        "Deep dive: reserve the VIP before Prepare, else it changes",
        {
            "vm.ps1": """\
$vm = New-AzureVMConfig -Name "jump02" -InstanceSize Small -ImageName $img |
    Add-AzureEndpoint -Name "RDP" -Protocol tcp -LocalPort 3389 -PublicPort 3389
New-AzureVM -ServiceName "jump2" -VMs $vm -Location "West Europe"
""",
        },
        ("MIG105",),
        (
            "MIG105 vm.ps1:3:1 deployment 'jump2' of cloud service 'jump2' is in no virtual network: migration stops, deallocates and restarts 'jump02', whose internal IP addresses change; its VIP is not reserved and will change",
        ),
    ),
    "expressroute_authorization_used_by_another_subscription": Case(
        "FAQ: circuits with cross-subscription authorization links cannot migrate without downtime",
        {
            "links.json": """\
[
  {"AuthorizedSubscription": "11111111-1111-1111-1111-111111111111", "Description": "team-b", "Limit": 5, "LinkAuthorizationId": "aaaa", "Used": 1}
]
""",
        },
        ("MIG311",),
        (
            "MIG311 links.json:2:146 ExpressRoute link authorization 'aaaa', 'team-b', is used by 1 link of the 5 it allows, from another subscription's network: that network cannot migrate without downtime",
        ),
    ),
    "classic_cli_web_deploy_extension": Case(
        "XML VM extensions: Web Deploy",
        {
            "ext.sh": """\
#!/bin/bash
azure vm extension set web01 WebDeployForVSDevTest Microsoft.VisualStudio.WindowsAzure.DevTest 1.*
""",
        },
        ("MIG204",),
        (
            "MIG204 ext.sh:2:30 VM 'web01' has the XML extension WebDeployForVSDevTest 1.* (Microsoft.VisualStudio.WindowsAzure.DevTest), which Azure Resource Manager does not support and the migration does not carry over",
        ),
    ),
    "powershell_snapshot_extension_for_linux": Case(
        "VM with backup extension (VMSnapshotLinux)",
        {
            "backup.ps1": """\
Get-AzureVM -ServiceName "lnx" -Name "lnx01" |
    Set-AzureVMExtension -ExtensionName "VMSnapshotLinux" -Publisher "Microsoft.Azure.RecoveryServices" -Version "1.0" |
    Update-AzureVM
""",
        },
        ("MIG206",),
        (
            "MIG206 backup.ps1:2:41 VM 'lnx01' has the Azure Backup extension VMSnapshotLinux, with which the platform does not migrate a VM",
        ),
    ),
    "python_visual_studio_debugger_2017": Case(
        "XML VM extensions: Visual Studio Debugger",
        {
            "debug.py": """\
from azure.servicemanagement import ResourceExtensionReference, ServiceManagementService

sms = ServiceManagementService("00000000-0000-0000-0000-000000000000", "mgmt.pem")
dbg = ResourceExtensionReference("dbg", "Microsoft.VisualStudio.Azure.RemoteDebug", "VS2017Debugger", "1.*")
sms.update_role("svc", "svc", "web01", resource_extension_references=[dbg])
""",
        },
        ("MIG204",),
        (
            "MIG204 debug.py:4:85 VM 'web01' has the XML extension VS2017Debugger 1.* (Microsoft.VisualStudio.Azure.RemoteDebug), which Azure Resource Manager does not support and the migration does not carry over",
        ),
    ),
    "rest_premium_disk_with_boot_diagnostics_and_a_reserved_ip": Case(
        "boot diagnostics with Premium storage; a reserved IP without an input endpoint",
        {
            "deploy.xml": """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>premium</Name>
  <RoleList>
    <Role><RoleName>sql01</RoleName><RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType><SubnetNames><SubnetName>s</SubnetName></SubnetNames></ConfigurationSet></ConfigurationSets>
      <OSVirtualHardDisk><MediaLink>https://prem.blob.core.windows.net/vhds/sql01.vhd</MediaLink><IOType>Provisioned</IOType></OSVirtualHardDisk>
      <DebugSettings><BootDiagnosticsEnabled>true</BootDiagnosticsEnabled></DebugSettings>
    </Role>
  </RoleList>
  <VirtualNetworkName>v</VirtualNetworkName>
  <ReservedIPName>premium-ip</ReservedIPName>
</Deployment>
""",
        },
        (
            "MIG205",
            "MIG106",
        ),
        (
            "MIG205 deploy.xml:7:7 VM 'sql01' has boot diagnostics enabled and Premium storage disks (sql01.vhd): the platform does not migrate a VM with both",
            "MIG106 deploy.xml:11:19 reserved IP 'premium-ip' of deployment 'premium' is on a deployment with no input endpoint on its public VIP, so it cannot be migrated with it",
        ),
    ),
    "rest_network_body_in_an_affinity_group": Case(
        "an affinity-group network (a REST VirtualNetworkSites body)",
        {
            "vnet.xml": """\
<VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">
  <VirtualNetworkSite>
    <Name>old-vnet</Name>
    <AffinityGroup>old-ag</AffinityGroup>
    <AddressSpace><AddressPrefixes><AddressPrefix>10.7.0.0/16</AddressPrefix></AddressPrefixes></AddressSpace>
    <Subnets><Subnet><Name>s</Name><AddressPrefix>10.7.0.0/24</AddressPrefix></Subnet></Subnets>
  </VirtualNetworkSite>
</VirtualNetworkSites>
""",
        },
        ("MIG303",),
        (
            "MIG303 vnet.xml:4:5 virtual network 'old-vnet' is bound to affinity group 'old-ag', not to a region: Resource Manager knows regions only",
        ),
    ),
    "python_vm_in_a_network_without_a_subnet": Case(
        "a VM in a virtual network without an explicit subnet (Python)",
        {
            "create.py": """\
from azure.servicemanagement import ServiceManagementService, ConfigurationSet, OSVirtualHardDisk

sms = ServiceManagementService("00000000-0000-0000-0000-000000000000", "mgmt.pem")
net = ConfigurationSet()
net.configuration_set_type = "NetworkConfiguration"
disk = OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/app01.vhd")
sms.create_virtual_machine_deployment("app", "app", "production", "app", "app01", None, disk, net, virtual_network_name="v")
""",
        },
        ("MIG203",),
        (
            "MIG203 create.py:7:5 VM 'app01' of cloud service 'app' is in virtual network 'v' but has no subnet",
        ),
    ),
    "resource_graph_vms_in_two_sets": Case(
        "more than one availability set in one cloud service (an inventory export)",
        {
            "vms.json": """\
{"data": [
 {"id": "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/svc/providers/Microsoft.ClassicCompute/virtualMachines/a1",
  "name": "a1", "type": "microsoft.classiccompute/virtualmachines", "location": "westeurope", "subscriptionId": "00000000-0000-0000-0000-000000000001",
  "properties": {"domainName": {"name": "svc"}, "hardwareProfile": {"size": "Small", "availabilitySet": "as1"}, "networkProfile": {"virtualNetwork": {"name": "v", "subnetNames": ["s"]}}}},
 {"id": "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/svc/providers/Microsoft.ClassicCompute/virtualMachines/a2",
  "name": "a2", "type": "microsoft.classiccompute/virtualmachines", "location": "westeurope", "subscriptionId": "00000000-0000-0000-0000-000000000001",
  "properties": {"domainName": {"name": "svc"}, "hardwareProfile": {"size": "Small", "availabilitySet": "as2"}, "networkProfile": {"virtualNetwork": {"name": "v", "subnetNames": ["s"]}}}}
]}
""",
        },
        ("MIG102",),
        (
            "MIG102 vms.json:7:105 cloud service 'svc' has 2 availability sets ('as1', 'as2'); 'as2' holds 'a2'",
        ),
    ),
    "powershell_secondary_nic_in_another_subnet": Case(
        "Compute: multiple subnets; this may require removing a secondary NIC (Add-AzureNetworkInterfaceConfig)",
        {
            "nic.ps1": """\
$vm = New-AzureVMConfig -Name "fw01" -InstanceSize Large -ImageName $img |
    Set-AzureSubnet -SubnetNames "front" |
    Add-AzureNetworkInterfaceConfig -Name "nic2" -SubnetName "back"
New-AzureVM -ServiceName "fw" -VMs $vm -VNetName "v"
""",
        },
        ("MIG202",),
        ("MIG202 nic.ps1:3:62 VM 'fw01' of cloud service 'fw' is in 2 subnets (front, back)",),
    ),
    "classic_cli_vm_given_two_subnets": Case(
        "Compute: multiple subnets associated with a VM (azure vm create --subnet-names)",
        {
            "nic.sh": """\
#!/bin/bash
azure vm create fw img azureuser 'P@ssw0rd!' --vm-name fw02 --virtual-network-name v --subnet-names front,back
""",
        },
        ("MIG202",),
        ("MIG202 nic.sh:2:107 VM 'fw02' of cloud service 'fw' is in 2 subnets (front, back)",),
    ),
    "rest_vm_with_a_second_interface_in_another_subnet": Case(
        "Deep dive: multiple network interfaces; a VM in more than one subnet",
        {
            "get.xml": """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>fw</Name>
  <RoleList>
    <Role><RoleName>fw03</RoleName><RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
        <SubnetNames><SubnetName>front</SubnetName></SubnetNames>
        <NetworkInterfaces><NetworkInterface><Name>nic2</Name><IPConfigurations><IPConfiguration><SubnetName>back</SubnetName></IPConfiguration></IPConfigurations></NetworkInterface></NetworkInterfaces>
      </ConfigurationSet></ConfigurationSets>
    </Role>
  </RoleList>
  <VirtualNetworkName>v</VirtualNetworkName>
</Deployment>
""",
        },
        ("MIG202",),
        ("MIG202 get.xml:7:110 VM 'fw03' of deployment 'fw' is in 2 subnets (front, back)",),
    ),
    "python_network_configuration_in_an_affinity_group": Case(
        "an affinity-group network in a Set Network Configuration body a Python script sends",
        {
            "vnet.py": '''\
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("00000000-0000-0000-0000-000000000000", "mgmt.pem")
body = """<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration"><VirtualNetworkConfiguration><VirtualNetworkSites><VirtualNetworkSite name="ag-net" AffinityGroup="ag1"><AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace></VirtualNetworkSite></VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>"""
sms.perform_put("/00000000-0000-0000-0000-000000000000/services/networking/media", body)
''',
        },
        ("MIG303",),
        (
            "MIG303 vnet.py:4:213 virtual network 'ag-net' is bound to affinity group 'ag1', not to a region: Resource Manager knows regions only",
        ),
    ),
    "security_center_extension_behind_a_transit_vpn": Case(
        "Compute (2017): Security Center extensions with a VNet that has a VPN gateway in transit connectivity",
        {
            "NetworkConfig.netcfg": """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="office"><AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace><VPNGatewayAddress>203.0.113.10</VPNGatewayAddress></LocalNetworkSite>
      <LocalNetworkSite name="hub-and-office"><AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace><VPNGatewayAddress>198.51.100.20</VPNGatewayAddress></LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="hub" Location="West Europe">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="office"/></ConnectionsToLocalNetwork></Gateway>
      </VirtualNetworkSite>
      <VirtualNetworkSite name="spoke" Location="West Europe">
        <AddressSpace><AddressPrefix>10.2.0.0/16</AddressPrefix></AddressSpace><Subnets><Subnet name="web"><AddressPrefix>10.2.1.0/24</AddressPrefix></Subnet></Subnets><Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="hub-and-office"/></ConnectionsToLocalNetwork></Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
""",
            "web.xml": """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>web</Name>
  <RoleList>
    <Role><RoleName>web01</RoleName><RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType><SubnetNames><SubnetName>web</SubnetName></SubnetNames></ConfigurationSet></ConfigurationSets>
      <ResourceExtensionReferences><ResourceExtensionReference><Publisher>Microsoft.Azure.Security.Monitoring</Publisher><Name>AzureSecurityWindowsAgent</Name><Version>1.*</Version></ResourceExtensionReference></ResourceExtensionReferences>
    </Role>
  </RoleList>
  <VirtualNetworkName>spoke</VirtualNetworkName>
</Deployment>
""",
        },
        (
            "MIG305",
            "MIG207",
        ),
        (
            "MIG305 NetworkConfig.netcfg:13:205 virtual network 'spoke' reaches on-premises through another virtual network's gateway (local network site 'hub-and-office' holds that network's range and on-premises addresses): migration drops such transit, and the network loses on-premises connectivity",
            "MIG207 web.xml:6:36 VM 'web01' has the Defender for Cloud monitoring extension AzureSecurityWindowsAgent and its virtual network 'spoke' has a VPN gateway in transit connectivity through local network site 'hub-and-office': migration cuts the VM off, so its agent cannot report the extension's status and the migration does not go on at Commit",
        ),
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_the_case_gives_the_findings_the_documents_call_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: Case
) -> None:
    result = lint_files(tmp_path, monkeypatch, case.files, *case.codes, dedent=False)
    found = [
        f"{f.code} {f.location.path}:{f.location.line}:{f.location.column} {f.message}"
        for f in result.findings
        if f.location
    ]
    assert sorted(found) == sorted(case.expect)
