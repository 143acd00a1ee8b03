"""Rules about VMs and role instances: endpoint ACLs, subnets, extensions, disks, runtime state."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Iterator

from migcheck.estate import CloudService, Estate
from migcheck.model import (
    AddressPrefix,
    DnsServer,
    Extension,
    FileKind,
    Finding,
    Role,
    RoleInstance,
    Severity,
    VirtualNetwork,
)
from migcheck.rule import Docs, Example, Rule, Scope
from migcheck.rules.cloud_services import Marked, service_label

VM_FILES = frozenset({FileKind.REST, FileKind.VM_EXPORT})


class EndpointAclRule(Rule):
    code = "MIG201"
    name = "endpoint-acl"
    severity = Severity.ERROR
    scope = Scope.CLOUD_SERVICES
    inspects = frozenset({FileKind.SERVICE_CONFIGURATION, *VM_FILES})
    summary = "An endpoint has an access control list, which blocks migration."
    fix_hint = (
        "Remove the endpoint ACL before migrating; after migration, allow or deny the same addresses with a "
        "network security group."
    )
    source = "Unsupported features — Network: Endpoint ACLs. Remove Endpoint ACLs and retry migration."
    docs = Docs(
        what="Access control lists on input endpoints: `EndpointAcl` bindings in a .cscfg's "
        "`NetworkConfiguration/EndpointAcls`, `EndpointAcl/Rules` on a VM endpoint in a REST body, and "
        "`EndpointAccessControlList/Rules` in an Export-AzureVM file. An ACL element with no rules is not "
        "reported.",
        why="Endpoint ACLs have no equivalent in Azure Resource Manager; validation fails until they are gone.",
        fix="Remove the ACLs (`Remove-AzureAclConfig`, or delete the `EndpointAcl` elements and redeploy), "
        "migrate, then recreate the same permit/deny rules as network security group rules on the subnet or "
        "network interface.",
    )
    invalid = (
        Example(
            {
                "shop/ServiceConfiguration.Cloud.cscfg": """
                <ServiceConfiguration serviceName="shop">
                  <Role name="Web"><Instances count="2"/></Role>
                  <NetworkConfiguration>
                    <AccessControls>
                      <AccessControl name="office">
                        <Rule order="100" action="permit" remoteSubnet="203.0.113.0/24" description="office"/>
                      </AccessControl>
                    </AccessControls>
                    <EndpointAcls>
                      <EndpointAcl role="Web" endPoint="HttpsIn" accessControl="office"/>
                    </EndpointAcls>
                  </NetworkConfiguration>
                </ServiceConfiguration>
                """
            },
            expect=("shop/ServiceConfiguration.Cloud.cscfg:10:7",),
        ),
        Example(
            {
                "vms/sql01.xml": """
                <PersistentVM xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <RoleName>sql01</RoleName>
                  <ConfigurationSets>
                    <ConfigurationSet xsi:type="NetworkConfigurationSet">
                      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
                      <InputEndpoints>
                        <InputEndpoint>
                          <Name>SQL</Name><Port>1433</Port><Protocol>tcp</Protocol><LocalPort>1433</LocalPort>
                          <EndpointAccessControlList>
                            <Rules>
                              <AccessControlListRule>
                                <Order>100</Order><Action>permit</Action><RemoteSubnet>10.0.0.0/8</RemoteSubnet>
                              </AccessControlListRule>
                            </Rules>
                          </EndpointAccessControlList>
                        </InputEndpoint>
                      </InputEndpoints>
                    </ConfigurationSet>
                  </ConfigurationSets>
                  <RoleSize>Standard_D2</RoleSize>
                </PersistentVM>
                """
            },
            expect=("vms/sql01.xml:9:11",),
        ),
    )
    valid = (
        Example(
            {
                "shop/ServiceConfiguration.Local.cscfg": """
                <ServiceConfiguration serviceName="shop">
                  <Role name="Web"><Instances count="1"/></Role>
                  <NetworkConfiguration>
                    <AccessControls><AccessControl name="office"/></AccessControls>
                    <EndpointAcls><EndpointAcl role="Web" endpoint="HttpsIn" accessControl="office"/></EndpointAcls>
                  </NetworkConfiguration>
                </ServiceConfiguration>
                """
            },
            note="The local emulator's configuration is never deployed.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for service in estate.cloud_services:
            for cfg in service.deployed_configurations:
                for acl in cfg.endpoint_acls:
                    yield self.finding(
                        acl,
                        f"endpoint {acl.endpoint!r} of role {acl.role!r} in cloud service '{service.name}' has "
                        f"access control list '{acl.access_control}'",
                    )
            yield from self._vm_acls(service)

    def _vm_acls(self, service: CloudService) -> Iterator[Finding]:
        for vm in service.vms:
            for endpoint in vm.endpoints:
                if endpoint.acl is not None and endpoint.acl.rules:
                    count = len(endpoint.acl.rules)
                    yield self.finding(
                        endpoint.acl,
                        f"endpoint '{endpoint.name}' of VM '{vm.name}' has an access control list "
                        f"({count} rule{'s' if count != 1 else ''})",
                    )


class MultipleSubnets(Rule):
    code = "MIG202"
    name = "multiple-subnets"
    severity = Severity.ERROR
    scope = Scope.CLOUD_SERVICES
    inspects = frozenset({FileKind.SERVICE_CONFIGURATION, *VM_FILES})
    summary = "A VM or role instance is bound to more than one subnet."
    fix_hint = "Keep exactly one subnet per VM or role."
    source = (
        "Unsupported configurations — Compute: Multiple subnets associated with a VM. Update the subnet "
        "configuration to reference only one subnet."
    )
    docs = Docs(
        what="A VM whose `SubnetNames` lists more than one subnet (REST bodies and Export-AzureVM files), and a "
        "cscfg `InstanceAddress` that places a role's instances in more than one subnet. The finding points at "
        "the second subnet named.",
        why="In Azure Resource Manager a network interface lives in exactly one subnet; validation fails for a "
        "VM that is associated with several.",
        fix="Choose the one subnet the VM (or role) should live in and remove the others "
        "(`Set-AzureSubnet -SubnetNames <one>` then `Update-AzureVM`, or edit the `Subnets` of the "
        "`InstanceAddress`). Do it before migration: the VM keeps working in the remaining subnet.",
    )
    invalid = (
        Example(
            {
                "jump.xml": """
                <PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure">
                  <RoleName>jump01</RoleName>
                  <RoleType>PersistentVMRole</RoleType>
                  <ConfigurationSets>
                    <ConfigurationSet>
                      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
                      <SubnetNames>
                        <SubnetName>FrontEnd</SubnetName>
                        <SubnetName>Management</SubnetName>
                      </SubnetNames>
                    </ConfigurationSet>
                  </ConfigurationSets>
                </PersistentVMRole>
                """
            },
            expect=("jump.xml:9:9",),
        ),
        Example(
            {
                "ServiceConfiguration.Cloud.cscfg": """
                <ServiceConfiguration serviceName="shop">
                  <Role name="Web"><Instances count="2"/></Role>
                  <NetworkConfiguration>
                    <VirtualNetworkSite name="prod"/>
                    <AddressAssignments>
                      <InstanceAddress roleName="Web">
                        <Subnets><Subnet name="FrontEnd"/><Subnet name="BackEnd"/></Subnets>
                      </InstanceAddress>
                    </AddressAssignments>
                  </NetworkConfiguration>
                </ServiceConfiguration>
                """
            },
            expect=("ServiceConfiguration.Cloud.cscfg:7:43",),
        ),
    )
    valid = (
        Example(
            {
                "vms/app01.xml": """
                <PersistentVM>
                  <RoleName>app01</RoleName>
                  <ConfigurationSets>
                    <ConfigurationSet>
                      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
                      <SubnetNames><string>FrontEnd</string></SubnetNames>
                    </ConfigurationSet>
                  </ConfigurationSets>
                </PersistentVM>
                """
            }
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for service in estate.cloud_services:
            for vm in service.vms:
                if len(vm.subnets) > 1:
                    yield self.finding(
                        vm,
                        f"VM '{vm.name}' is in {len(vm.subnets)} subnets ({_names(vm.subnets)})",
                        at=vm.subnets[1],
                    )
            for cfg in service.deployed_configurations:
                for address in cfg.instance_addresses:
                    if len(address.subnets) > 1:
                        yield self.finding(
                            address,
                            f"role '{address.role}' of cloud service '{service.name}' is placed in "
                            f"{len(address.subnets)} subnets ({_names(address.subnets)})",
                            at=address.subnets[1],
                        )


def _names(refs) -> str:
    return ", ".join(r.name for r in refs)


class MissingSubnet(Rule):
    code = "MIG203"
    name = "missing-subnet"
    severity = Severity.ERROR
    scope = Scope.CLOUD_SERVICES
    inspects = frozenset({FileKind.REST})
    summary = "A VM is in a virtual network but has no subnet of its own."
    fix_hint = "Recreate the VM in an explicit subnet of the virtual network (keep its disks), or delete it."
    source = (
        "Unsupported configurations — Compute: Virtual machines that belong to a virtual network but don't "
        "have an explicit subnet assigned. You can optionally delete the VM."
    )
    docs = Docs(
        what="A VM of a REST deployment that names a `VirtualNetworkName` when the VM's network configuration "
        "lists no `SubnetNames`. Export-AzureVM files and bare role bodies never say whether the VM is in a "
        "virtual network, so a VM without subnets there is not reported. Web/worker roles of a .cscfg without "
        "an `InstanceAddress` are not reported either: the platform rule is about virtual machines, and "
        "web/worker roles cannot be migrated at all (MIG101).",
        why="In Azure Resource Manager a VM's network interface must sit in a subnet. The platform does not "
        "choose one for a VM that has none, and validation fails.",
        fix="A classic VM's subnet cannot be set after the fact. Delete the VM keeping its disks "
        "(`Remove-AzureVM` without `-DeleteVHD`), recreate it from the same disks with "
        "`Set-AzureSubnet -SubnetNames <subnet>`, then migrate. If the VM is no longer needed, delete it.",
    )
    invalid = (
        Example(
            {
                "jump.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>jump</Name>
                  <RoleList>
                    <Role>
                      <RoleName>jump01</RoleName><RoleType>PersistentVMRole</RoleType>
                      <ConfigurationSets>
                        <ConfigurationSet>
                          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
                          <SubnetNames/>
                        </ConfigurationSet>
                      </ConfigurationSets>
                    </Role>
                  </RoleList>
                  <VirtualNetworkName>prod-vnet</VirtualNetworkName>
                </Deployment>
                """
            },
            expect=("jump.deployment.xml:4:5",),
        ),
    )
    valid = (
        Example(
            {
                "jump.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>jump</Name>
                  <RoleList>
                    <Role>
                      <RoleName>jump01</RoleName><RoleType>PersistentVMRole</RoleType>
                      <ConfigurationSets>
                        <ConfigurationSet>
                          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
                          <SubnetNames><SubnetName>FrontEnd</SubnetName></SubnetNames>
                        </ConfigurationSet>
                      </ConfigurationSets>
                    </Role>
                  </RoleList>
                  <VirtualNetworkName>prod-vnet</VirtualNetworkName>
                </Deployment>
                """
            }
        ),
        Example(
            {"vms/app01.xml": "<PersistentVM>\n  <RoleName>app01</RoleName>\n</PersistentVM>\n"},
            note="An Export-AzureVM file does not say whether the VM is in a virtual network: silent.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for service in estate.cloud_services:
            for deployment in service.deployments:
                if deployment.virtual_network is None:
                    continue
                for vm in deployment.roles:
                    if vm.is_vm and not vm.subnets:
                        yield self.finding(
                            vm,
                            f"VM '{vm.name}' of {service_label(service)} is in virtual network "
                            f"'{deployment.virtual_network.name}' but has no subnet",
                        )


class XmlExtension(Rule):
    code = "MIG204"
    name = "xml-extension"
    severity = Severity.WARNING
    scope = Scope.CLOUD_SERVICES
    inspects = VM_FILES
    summary = "A VM has an XML extension (BGInfo 1.*, Visual Studio Debugger, Web Deploy, Remote Debugging)."
    fix_hint = "Uninstall the extension before migrating; install its Resource Manager successor afterwards if needed."
    source = (
        "Unsupported configurations — Compute: XML VM extensions (BGInfo 1.*, Visual Studio Debugger, Web "
        "Deploy, and Remote Debugging). Validation error (2023): VM {vm-name} in HostedService "
        "{hosted-service-name} contains Extension {extension-name} which isn't supported in Azure Resource "
        "Manager — it is required to uninstall the extension before the migration."
    )
    docs = Docs(
        what="`ResourceExtensionReference`s of VMs (REST bodies and Export-AzureVM files) that are XML "
        "extensions: BGInfo from publisher `Microsoft.Compute` at version 1 (`1.*`, `1.0`, ...), Remote "
        "Debugging (`Microsoft.VisualStudio.WindowsAzure.RemoteDebug`, `RemoteDebugVS2012` to "
        "`RemoteDebugVS2015`), the Visual Studio Debugger (`VS2012Debugger`, `VS2013Debugger`, "
        "`VS14CTPDebugger`) and Web Deploy (`Microsoft.VisualStudio.WindowsAzure.DevTest`, "
        "`WebDeployForVSDevTest`). Names and publishers are compared without regard to case. BGInfo 2.x is "
        "a JSON extension and migrates, so it is not reported; neither is an extension whose `State` is "
        "`Uninstall`.",
        why="Azure Resource Manager has no XML extensions. The platform used to drop them silently during "
        "migration; its current validation asks for them to be uninstalled first. Either way they do not "
        "exist after migration.",
        fix="Uninstall the extension from the VM (`Remove-AzureVMBGInfoExtension` or "
        "`Set-AzureVMExtension -Uninstall`, then `Update-AzureVM`) and migrate. Install BGInfo 2.x or the "
        "current debugging tools in Resource Manager afterwards if they are still wanted.",
    )
    invalid = (
        Example(
            {
                "vms/sql01.xml": """
                <PersistentVM>
                  <RoleName>sql01</RoleName>
                  <ResourceExtensionReferences>
                    <ResourceExtensionReference>
                      <ReferenceName>BGInfo</ReferenceName>
                      <Publisher>Microsoft.Compute</Publisher>
                      <Name>BGInfo</Name>
                      <Version>1.*</Version>
                      <State>Enable</State>
                    </ResourceExtensionReference>
                  </ResourceExtensionReferences>
                </PersistentVM>
                """
            },
            expect=("vms/sql01.xml:4:5",),
        ),
        Example(
            {
                "dev.xml": """
                <PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure">
                  <RoleName>dev01</RoleName>
                  <RoleType>PersistentVMRole</RoleType>
                  <ResourceExtensionReferences>
                    <ResourceExtensionReference>
                      <ReferenceName>RemoteDebug</ReferenceName>
                      <Publisher>Microsoft.VisualStudio.WindowsAzure.RemoteDebug</Publisher>
                      <Name>RemoteDebugVS2013</Name>
                      <Version>1.*</Version>
                    </ResourceExtensionReference>
                  </ResourceExtensionReferences>
                </PersistentVMRole>
                """
            },
            expect=("dev.xml:5:5",),
        ),
    )
    valid = (
        Example(
            {
                "vms/app01.xml": """
                <PersistentVM>
                  <RoleName>app01</RoleName>
                  <ResourceExtensionReferences>
                    <ResourceExtensionReference>
                      <ReferenceName>BGInfo</ReferenceName>
                      <Publisher>Microsoft.Compute</Publisher>
                      <Name>BGInfo</Name>
                      <Version>2.*</Version>
                    </ResourceExtensionReference>
                  </ResourceExtensionReferences>
                </PersistentVM>
                """
            },
            note="BGInfo 2.x is a JSON extension and migrates.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for service in estate.cloud_services:
            for vm in service.vms:
                for ext in _installed(vm):
                    if is_xml_extension(ext):
                        version = f" {ext.version}" if ext.version else ""
                        yield self.finding(
                            ext,
                            f"VM '{vm.name}' has the XML extension {ext.name}{version} ({ext.publisher}), "
                            "which Azure Resource Manager does not support: uninstall it before migrating",
                        )


class BootDiagnosticsPremiumStorage(Rule):
    code = "MIG205"
    name = "boot-diagnostics-premium-storage"
    severity = Severity.ERROR
    scope = Scope.CLOUD_SERVICES
    inspects = VM_FILES
    summary = "A VM with Premium storage disks has boot diagnostics enabled."
    fix_hint = (
        "Disable boot diagnostics on the VM before migrating, delete its screenshot and serial log blobs, and "
        "enable it again in Resource Manager."
    )
    source = (
        "Unsupported configurations — Compute: Boot diagnostics with Premium storage. Disable Boot Diagnostics "
        "feature for the VMs before continuing with migration."
    )
    docs = Docs(
        what="A VM whose `DebugSettings/BootDiagnosticsEnabled` is true while its OS disk or a data disk has "
        "`IOType` `Provisioned` (Premium storage), in REST bodies and Export-AzureVM files. A disk's `IOType` "
        "is the only evidence used: the size of the VM (DS, GS series) allows Premium disks but does not "
        "prove them, and a `MediaLink` does not say what kind of account it points at. The finding points at "
        "`DebugSettings`.",
        why="The platform cannot migrate boot diagnostics of a VM on Premium storage: validation fails until "
        "the feature is off.",
        fix="Turn boot diagnostics off (`Set-AzureBootDiagnostics -Disable`, then `Update-AzureVM`), migrate, "
        "and turn it on again in Resource Manager. Delete the old screenshot and serial log blobs so they "
        "stop being billed.",
    )
    invalid = (
        Example(
            {
                "ops.xml": """
                <PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure">
                  <RoleName>ops01</RoleName>
                  <RoleType>PersistentVMRole</RoleType>
                  <OSVirtualHardDisk>
                    <DiskName>ops01-os</DiskName>
                    <IOType>Provisioned</IOType>
                  </OSVirtualHardDisk>
                  <RoleSize>Standard_DS2_v2</RoleSize>
                  <DebugSettings>
                    <BootDiagnosticsEnabled>true</BootDiagnosticsEnabled>
                  </DebugSettings>
                </PersistentVMRole>
                """
            },
            expect=("ops.xml:9:3",),
        ),
        Example(
            {
                "vms/db01.xml": """
                <PersistentVM>
                  <DataVirtualHardDisks>
                    <DataVirtualHardDisk><DiskName>db01-data</DiskName><IOType>Provisioned</IOType></DataVirtualHardDisk>
                  </DataVirtualHardDisks>
                  <DebugSettings><BootDiagnosticsEnabled>true</BootDiagnosticsEnabled></DebugSettings>
                  <OSVirtualHardDisk><DiskName>db01-os</DiskName><IOType>Standard</IOType></OSVirtualHardDisk>
                  <RoleName>db01</RoleName>
                </PersistentVM>
                """
            },
            expect=("vms/db01.xml:5:3",),
        ),
    )
    valid = (
        Example(
            {
                "ops.xml": """
                <PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure">
                  <RoleName>ops01</RoleName>
                  <RoleType>PersistentVMRole</RoleType>
                  <OSVirtualHardDisk><DiskName>ops01-os</DiskName><IOType>Standard</IOType></OSVirtualHardDisk>
                  <RoleSize>Standard_DS2_v2</RoleSize>
                  <DebugSettings><BootDiagnosticsEnabled>true</BootDiagnosticsEnabled></DebugSettings>
                </PersistentVMRole>
                """
            },
            note="A DS-series size allows Premium disks, but these are Standard.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for service in estate.cloud_services:
            for vm in service.vms:
                premium = [d for d in vm.disks if d.io_type.casefold() == "provisioned"]
                if vm.boot_diagnostics and premium:
                    yield self.finding(
                        vm,
                        f"VM '{vm.name}' has boot diagnostics enabled and Premium storage disks "
                        f"({_names(premium)}): disable boot diagnostics before migrating",
                        at=Marked(vm.boot_diagnostics_mark) if vm.boot_diagnostics_mark else None,
                    )


class BackupExtension(Rule):
    code = "MIG206"
    name = "backup-extension"
    severity = Severity.ERROR
    scope = Scope.CLOUD_SERVICES
    inspects = VM_FILES
    summary = "A VM has the Azure Backup snapshot extension (VMSnapshot, VMSnapshotLinux)."
    fix_hint = (
        "Uninstall the VMSnapshot extension before migrating (backups already taken stay in the vault), then "
        "protect the VM again with Azure Backup in Resource Manager."
    )
    source = (
        "Unsupported configurations — Compute: VM with backup or snapshot extension (2018 and 2023 tables); "
        "validation error: VM {vm-name} in HostedService {hosted-service-name} contains Extension "
        "VMSnapshot/VMSnapshotLinux, which is currently not supported for Migration."
    )
    docs = Docs(
        what="A `ResourceExtensionReference` named `VMSnapshot` or `VMSnapshotLinux` (publisher "
        "`Microsoft.Azure.RecoveryServices`) on a VM, in REST bodies and Export-AzureVM files. The extension "
        "is what Azure Backup installs on a VM it protects. An extension whose `State` is `Uninstall` is not "
        "reported.",
        why="The platform does not migrate VMs that carry the backup snapshot extension: validation fails "
        "until it is removed.",
        fix="Remove the snapshot extension from the VM (`Set-AzureVMExtension -Uninstall`, then "
        "`Update-AzureVM`); the recovery points already in the vault are kept. Migrate, then enable Azure "
        "Backup for the Resource Manager VM.",
    )
    invalid = (
        Example(
            {
                "jump.xml": """
                <PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure">
                  <RoleName>jump01</RoleName>
                  <RoleType>PersistentVMRole</RoleType>
                  <ResourceExtensionReferences>
                    <ResourceExtensionReference>
                      <ReferenceName>VMSnapshot</ReferenceName>
                      <Publisher>Microsoft.Azure.RecoveryServices</Publisher>
                      <Name>VMSnapshot</Name>
                      <Version>1.0</Version>
                      <State>Enable</State>
                    </ResourceExtensionReference>
                  </ResourceExtensionReferences>
                </PersistentVMRole>
                """
            },
            expect=("jump.xml:5:5",),
        ),
        Example(
            {
                "vms/web01.xml": """
                <PersistentVM>
                  <RoleName>web01</RoleName>
                  <ResourceExtensionReferences>
                    <ResourceExtensionReference>
                      <Publisher>Microsoft.Azure.RecoveryServices</Publisher>
                      <Name>VMSnapshotLinux</Name>
                      <Version>1.0</Version>
                    </ResourceExtensionReference>
                  </ResourceExtensionReferences>
                </PersistentVM>
                """
            },
            expect=("vms/web01.xml:4:5",),
        ),
    )
    valid = (
        Example(
            {
                "vms/web01.xml": """
                <PersistentVM>
                  <RoleName>web01</RoleName>
                  <ResourceExtensionReferences>
                    <ResourceExtensionReference>
                      <Publisher>Microsoft.Azure.RecoveryServices</Publisher>
                      <Name>VMSnapshotLinux</Name>
                      <Version>1.0</Version>
                      <State>Uninstall</State>
                    </ResourceExtensionReference>
                  </ResourceExtensionReferences>
                </PersistentVM>
                """
            },
            note="An extension being uninstalled is on its way out.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for service in estate.cloud_services:
            for vm in service.vms:
                for ext in _installed(vm):
                    if is_backup_extension(ext):
                        yield self.finding(
                            ext,
                            f"VM '{vm.name}' has the Azure Backup extension {ext.name}: uninstall it before "
                            "migrating and protect the VM again afterwards",
                        )


class SecurityCenterExtension(Rule):
    code = "MIG207"
    name = "security-center-extension"
    severity = Severity.WARNING
    scope = Scope.CLOUD_SERVICES
    inspects = frozenset({FileKind.REST, FileKind.NETWORK_CONFIGURATION})
    summary = (
        "A VM has the Security Center monitoring extension in a virtual network whose gateway cuts it off "
        "from on-premises during migration (transit VPN, or ExpressRoute with on-premises DNS)."
    )
    fix_hint = (
        "Disable the Azure Security Center policy on the subscription at least 3 hours before migrating, so "
        "that the monitoring extension is removed and not reinstalled."
    )
    source = (
        "Unsupported configurations — Compute: Azure Security Center extensions with a VNET that has a VPN "
        "gateway in transit connectivity or ExpressRoute gateway with on-prem DNS server (2017 table). "
        "Transit: network-gateway-migration, Transit VPN connectivity."
    )
    docs = Docs(
        what="The Azure Security Center monitoring extension (publisher `Microsoft.Azure.Security.Monitoring`, "
        "the extension Security Center installs by itself on monitored VMs) on a VM of a REST deployment whose "
        "`VirtualNetworkName` resolves to a virtual network in a checked network configuration, when that "
        "network's gateway either\n\n"
        "- is in *transit connectivity*: a site-to-site connection to a local network site whose address "
        "space aggregates another virtual network that has a gateway of its own and addresses outside every "
        "virtual network (on-premises), the way classic transit through a hub network is written; or\n"
        "- has an ExpressRoute (`Dedicated`) connection, and the network's DNS servers include one whose "
        "address is in a local network site's address space and in no virtual network: an on-premises DNS "
        "server.\n\n"
        "Other security extensions (for example Microsoft Antimalware, publisher `Microsoft.Azure.Security`) "
        "are not installed by Security Center's policy and are not reported. Nothing is reported where the "
        "VM's network cannot be resolved (Export-AzureVM files, or no network configuration checked).",
        why="Migrating a transit VPN gateway loses the indirect route to on-premises, and an ExpressRoute "
        "gateway cannot stay in place during the migration, so such a VM loses its on-premises DNS. Either "
        "way the guest agent can no longer reach the VM's storage account to report the extension's status, "
        "and the migration stops at commit.",
        fix="Turn off the Security Center policy (automatic provisioning) for the subscription at least three "
        "hours before migrating; that removes the monitoring extension and keeps it from coming back. Enable "
        "it again once the network is in Resource Manager.",
    )
    invalid = (
        Example(
            {
                "network/NetworkConfig.netcfg": """
                <NetworkConfiguration>
                  <VirtualNetworkConfiguration>
                    <Dns><DnsServers><DnsServer name="dc01" IPAddress="192.168.10.4"/></DnsServers></Dns>
                    <LocalNetworkSites>
                      <LocalNetworkSite name="dc-frankfurt">
                        <AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
                      </LocalNetworkSite>
                    </LocalNetworkSites>
                    <VirtualNetworkSites>
                      <VirtualNetworkSite name="er-vnet" Location="West Europe">
                        <AddressSpace><AddressPrefix>10.4.0.0/16</AddressPrefix></AddressSpace>
                        <DnsServersRef><DnsServerRef name="dc01"/></DnsServersRef>
                        <Gateway>
                          <ConnectionsToLocalNetwork>
                            <LocalNetworkSiteRef name="dc-frankfurt"><Connection type="Dedicated"/></LocalNetworkSiteRef>
                          </ConnectionsToLocalNetwork>
                        </Gateway>
                      </VirtualNetworkSite>
                    </VirtualNetworkSites>
                  </VirtualNetworkConfiguration>
                </NetworkConfiguration>
                """,
                "rest/app.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>app</Name>
                  <RoleList>
                    <Role>
                      <RoleName>app01</RoleName><RoleType>PersistentVMRole</RoleType>
                      <ResourceExtensionReferences>
                        <ResourceExtensionReference>
                          <Publisher>Microsoft.Azure.Security.Monitoring</Publisher>
                          <Name>AzureSecurityWindowsAgent</Name>
                          <Version>1.*</Version>
                        </ResourceExtensionReference>
                      </ResourceExtensionReferences>
                    </Role>
                  </RoleList>
                  <VirtualNetworkName>er-vnet</VirtualNetworkName>
                </Deployment>
                """,
            },
            expect=("rest/app.deployment.xml:7:9",),
        ),
    )
    valid = (
        Example(
            {
                "network/NetworkConfig.netcfg": """
                <NetworkConfiguration>
                  <VirtualNetworkConfiguration>
                    <Dns><DnsServers><DnsServer name="azdc01" IPAddress="10.4.2.4"/></DnsServers></Dns>
                    <LocalNetworkSites>
                      <LocalNetworkSite name="dc-frankfurt">
                        <AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
                      </LocalNetworkSite>
                    </LocalNetworkSites>
                    <VirtualNetworkSites>
                      <VirtualNetworkSite name="er-vnet" Location="West Europe">
                        <AddressSpace><AddressPrefix>10.4.0.0/16</AddressPrefix></AddressSpace>
                        <DnsServersRef><DnsServerRef name="azdc01"/></DnsServersRef>
                        <Gateway>
                          <ConnectionsToLocalNetwork>
                            <LocalNetworkSiteRef name="dc-frankfurt"><Connection type="Dedicated"/></LocalNetworkSiteRef>
                          </ConnectionsToLocalNetwork>
                        </Gateway>
                      </VirtualNetworkSite>
                    </VirtualNetworkSites>
                  </VirtualNetworkConfiguration>
                </NetworkConfiguration>
                """,
                "rest/app.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>app</Name>
                  <RoleList>
                    <Role>
                      <RoleName>app01</RoleName><RoleType>PersistentVMRole</RoleType>
                      <ResourceExtensionReferences>
                        <ResourceExtensionReference>
                          <Publisher>Microsoft.Azure.Security.Monitoring</Publisher>
                          <Name>AzureSecurityWindowsAgent</Name>
                          <Version>1.*</Version>
                        </ResourceExtensionReference>
                      </ResourceExtensionReferences>
                    </Role>
                  </RoleList>
                  <VirtualNetworkName>er-vnet</VirtualNetworkName>
                </Deployment>
                """,
            },
            note="The network's DNS server is in Azure, not on-premises.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for service in estate.cloud_services:
            for deployment in service.deployments:
                ref = deployment.virtual_network
                vnet = estate.virtual_network(ref.name) if ref else None
                reason = _on_premises_cut(vnet, estate) if vnet else ""
                if not reason:
                    continue
                for vm in (r for r in deployment.roles if r.is_vm):
                    for ext in _installed(vm):
                        if ext.publisher.casefold() == SECURITY_CENTER_PUBLISHER:
                            yield self.finding(
                                ext,
                                f"VM '{vm.name}' has the Security Center extension {ext.name} and its virtual "
                                f"network '{vnet.name}' {reason}: disable the Security Center policy before "
                                "migrating",
                            )


class VmNotReady(Rule):
    code = "MIG208"
    name = "vm-not-ready"
    severity = Severity.WARNING
    scope = Scope.CLOUD_SERVICES
    inspects = frozenset({FileKind.REST})
    summary = (
        "A VM's runtime state fails validation: RoleStateUnknown, ProvisioningTimeout, or a guest agent "
        "that is not ready on a VM with extensions."
    )
    fix_hint = (
        "Let the operation in progress finish (or restart the VM) and read the state again before migrating."
    )
    source = (
        "Validation errors: Migration isn't allowed for HostedService {hosted-service-name} because it has VM "
        "{vm-name} in State: RoleStateUnknown — allowed only in Running, Stopped, Stopped Deallocated; VM "
        "Agent for VM {vm-name} ... is reporting the overall agent status as Not Ready. Hence, the VM may not "
        "be migrated, if it has a migratable extension."
    )
    docs = Docs(
        what="Role instances of VMs in a REST GET response (`RoleInstanceList/RoleInstance`) whose "
        "`InstanceStatus` is `RoleStateUnknown` or `ProvisioningTimeout`, and running VMs whose "
        "`GuestAgentStatus/Status` is anything but `Ready` while the VM has an extension that migrates (any "
        "extension but the XML and backup extensions, which MIG204 and MIG206 ask to remove). "
        "`StoppedDeallocated` and `StoppedVM` are states the platform accepts, and a stopped VM's agent is not "
        "asked for extension status, so neither is reported. A guest agent that is not ready on a VM without "
        "extensions is not reported either: the agent only has to work to report extension status.",
        why="The platform migrates a VM only when it is Running, Stopped or Stopped (deallocated); an "
        "instance caught in an unknown or timed-out state fails validation. A VM with extensions needs a "
        "working guest agent, which reports the extensions' status through the VM's storage account; "
        "without it the VM cannot be migrated.",
        fix="Wait for the update in progress on the cloud service (reboot, extension install) to finish, or "
        "restart the VM, then read the state again. For a guest agent that is not ready, repair or update "
        "the agent and check that the VM has outbound internet access and working DNS; or uninstall the "
        "extensions before migrating and add them back afterwards. Stopping and deallocating the VM also "
        "avoids the check, at the cost of its VIP unless reserved.",
    )
    invalid = (
        Example(
            {
                "jump.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>jump</Name>
                  <RoleInstanceList>
                    <RoleInstance>
                      <RoleName>ops01</RoleName>
                      <InstanceName>ops01</InstanceName>
                      <InstanceStatus>RoleStateUnknown</InstanceStatus>
                    </RoleInstance>
                  </RoleInstanceList>
                  <RoleList>
                    <Role><RoleName>ops01</RoleName><RoleType>PersistentVMRole</RoleType></Role>
                  </RoleList>
                </Deployment>
                """
            },
            expect=("jump.deployment.xml:4:5",),
        ),
        Example(
            {
                "app.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>app</Name>
                  <RoleInstanceList>
                    <RoleInstance>
                      <RoleName>app01</RoleName>
                      <InstanceName>app01</InstanceName>
                      <InstanceStatus>ReadyRole</InstanceStatus>
                      <GuestAgentStatus><Status>NotReady</Status></GuestAgentStatus>
                    </RoleInstance>
                  </RoleInstanceList>
                  <RoleList>
                    <Role>
                      <RoleName>app01</RoleName><RoleType>PersistentVMRole</RoleType>
                      <ResourceExtensionReferences>
                        <ResourceExtensionReference>
                          <Publisher>Microsoft.OSTCExtensions</Publisher>
                          <Name>CustomScriptForLinux</Name>
                          <Version>1.*</Version>
                        </ResourceExtensionReference>
                      </ResourceExtensionReferences>
                    </Role>
                  </RoleList>
                </Deployment>
                """
            },
            expect=("app.deployment.xml:4:5",),
        ),
    )
    valid = (
        Example(
            {
                "app.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>app</Name>
                  <RoleInstanceList>
                    <RoleInstance>
                      <RoleName>app01</RoleName>
                      <InstanceName>app01</InstanceName>
                      <InstanceStatus>StoppedDeallocated</InstanceStatus>
                    </RoleInstance>
                    <RoleInstance>
                      <RoleName>app02</RoleName>
                      <InstanceName>app02</InstanceName>
                      <InstanceStatus>ReadyRole</InstanceStatus>
                      <GuestAgentStatus><Status>NotReady</Status></GuestAgentStatus>
                    </RoleInstance>
                  </RoleInstanceList>
                  <RoleList>
                    <Role><RoleName>app01</RoleName><RoleType>PersistentVMRole</RoleType></Role>
                    <Role><RoleName>app02</RoleName><RoleType>PersistentVMRole</RoleType></Role>
                  </RoleList>
                </Deployment>
                """
            },
            note="Stopped (deallocated) is an accepted state, and app02 has no extension needing its agent.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for service in estate.cloud_services:
            for deployment in service.deployments:
                vms = {r.name.casefold(): r for r in deployment.roles if r.is_vm}
                for instance in deployment.instances:
                    vm = vms.get(instance.role.casefold())
                    problem = _not_ready(instance, vm) if vm else ""
                    if problem:
                        yield self.finding(instance, f"VM '{vm.name}' of {service_label(service)} {problem}")


# --- extensions --------------------------------------------------------------------------------------

BGINFO = ("microsoft.compute", "bginfo")
REMOTE_DEBUG_PUBLISHER = "microsoft.visualstudio.windowsazure.remotedebug"
REMOTE_DEBUG_NAMES = frozenset(f"remotedebugvs{year}" for year in (2012, 2013, 2014, 2015))
VS_DEBUGGER_NAMES = frozenset({"vs2012debugger", "vs2013debugger", "vs14ctpdebugger"})
WEB_DEPLOY = ("microsoft.visualstudio.windowsazure.devtest", "webdeployforvsdevtest")
BACKUP_PUBLISHER = "microsoft.azure.recoveryservices"
BACKUP_NAMES = frozenset({"vmsnapshot", "vmsnapshotlinux"})
# The monitoring extension Security Center provisions by itself; Antimalware (`Microsoft.Azure.Security`)
# is installed on purpose and is not what the platform's row is about.
SECURITY_CENTER_PUBLISHER = "microsoft.azure.security.monitoring"


def is_xml_extension(ext: Extension) -> bool:
    """BGInfo 1.x, Remote Debugging, the Visual Studio Debugger and Web Deploy: the XML extensions."""
    publisher, name = ext.publisher.casefold(), ext.name.casefold()
    if (publisher, name) == BGINFO:
        # "1.*", "1.0", "1": version 1 is the XML BGInfo; 2.x is JSON, and no version says nothing.
        return ext.version.strip().split(".", 1)[0] == "1"
    if publisher == REMOTE_DEBUG_PUBLISHER and name in REMOTE_DEBUG_NAMES:
        return True
    # The debugger's publisher varies between SDK releases; its names are distinctive enough.
    return name in VS_DEBUGGER_NAMES or (publisher, name) == WEB_DEPLOY


def is_backup_extension(ext: Extension) -> bool:
    """Azure Backup's snapshot extension, for Windows or Linux."""
    publisher = ext.publisher.casefold()
    return ext.name.casefold() in BACKUP_NAMES and publisher in ("", BACKUP_PUBLISHER)


def _installed(vm: Role) -> Iterator[Extension]:
    """The VM's extensions, leaving out those a body asks to uninstall."""
    return (e for e in vm.extensions if e.state.casefold() != "uninstall")


# --- runtime state -----------------------------------------------------------------------------------

UNSETTLED_STATES = frozenset({"rolestateunknown", "provisioningtimeout"})
STOPPED_STATES = frozenset({"stoppedvm", "stoppeddeallocated"})


def _not_ready(instance: RoleInstance, vm: Role) -> str:
    """What keeps this VM instance from validating, or "" when nothing does."""
    status = instance.status.casefold()
    if status in UNSETTLED_STATES:
        return (
            f"is in state {instance.status}: the platform migrates VMs only when running, stopped or "
            "stopped (deallocated)"
        )
    agent = instance.guest_agent_status
    if not agent or agent.casefold() == "ready" or status in STOPPED_STATES:
        return ""
    migrating = [e for e in _installed(vm) if not is_xml_extension(e) and not is_backup_extension(e)]
    if not migrating:
        return ""
    return (
        f"reports guest agent status {agent} while it has extensions to migrate ({_names(migrating)}): "
        "the agent must be ready to report their status"
    )


# --- on-premises reach -------------------------------------------------------------------------------


def _on_premises_cut(vnet: VirtualNetwork, estate: Estate) -> str:
    """Why the VMs of `vnet` lose their way to on-premises during migration, or "" when the files do not
    show that they would."""
    gateway = vnet.gateway
    if gateway is None:
        return ""
    if gateway.has_expressroute:
        dns = _on_premises_dns(vnet, estate)
        if dns is not None:
            return f"has an ExpressRoute gateway and uses on-premises DNS server '{dns.name}' ({dns.address})"
    site = _transit_site(vnet, estate)
    return f"has a VPN gateway in transit connectivity through local network site '{site}'" if site else ""


def _on_premises_dns(vnet: VirtualNetwork, estate: Estate) -> DnsServer | None:
    """The first DNS server of `vnet` whose address is in a local network site and in no virtual network."""
    servers = {s.name.casefold(): s for n in estate.network_configurations for s in n.dns_servers}
    sites = [net for site in estate.local_sites for net in _networks(site.address_space)]
    vnets = [net for v in estate.virtual_networks for net in _networks(v.address_space)]
    for ref in vnet.dns_servers:
        server = servers.get(ref.name.casefold())
        address = _address(server.address) if server else None
        if address and any(address in n for n in sites) and not any(address in n for n in vnets):
            return server
    return None


def _transit_site(vnet: VirtualNetwork, estate: Estate) -> str:
    """The local network site through which `vnet` reaches on-premises via another virtual network.

    Classic transit is written as a site-to-site connection to a local site whose prefixes aggregate a
    hub network (one with a gateway of its own) and on-premises addresses (outside every virtual network)."""
    sites = {s.name.casefold(): s for s in estate.local_sites}
    hubs = [
        net
        for v in estate.virtual_networks
        if v.gateway is not None and v.name.casefold() != vnet.name.casefold()
        for net in _networks(v.address_space)
    ]
    every_vnet = [net for v in estate.virtual_networks for net in _networks(v.address_space)]
    for connection in vnet.gateway.connections if vnet.gateway else ():
        site = sites.get(connection.local_site.casefold())
        if connection.type.casefold() == "dedicated" or site is None:
            continue
        prefixes = _networks(site.address_space)
        via_hub = any(p.overlaps(h) for p in prefixes for h in hubs)
        on_premises = any(not any(p.subnet_of(v) for v in every_vnet) for p in prefixes)
        if via_hub and on_premises:
            return site.name
    return ""


def _networks(prefixes: Iterable[AddressPrefix]) -> list[ipaddress.IPv4Network]:
    """The IPv4 networks among `prefixes`; malformed ones (MIG304's business) are left out."""
    found = []
    for prefix in prefixes:
        try:
            found.append(ipaddress.IPv4Network(prefix.text, strict=False))
        except ValueError:
            continue
    return found


def _address(text: str) -> ipaddress.IPv4Address | None:
    try:
        return ipaddress.IPv4Address(text.strip())
    except ValueError:
        return None
