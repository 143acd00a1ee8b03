"""Rules about VM extensions: the XML extensions, the backup extension and Security Center's, which the
migration drops, refuses or trips over."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Iterator

from migcheck.estate import Estate, Network, Placement
from migcheck.model import (
    AddressPrefix,
    DnsServer,
    Extension,
    Finding,
    Severity,
    VirtualNetwork,
)
from migcheck.rule import Docs, Example, Rule, Scope


class XmlExtension(Rule):
    code = "MIG204"
    name = "xml-extension"
    severity = Severity.WARNING
    scope = Scope.CLOUD_SERVICES
    looks_at = frozenset({Extension})
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
                for ext in vm.installed_extensions():
                    if ext.is_xml:
                        version = f" {ext.version}" if ext.version else ""
                        yield self.finding(
                            ext,
                            f"VM '{vm.name}' has the XML extension {ext.name}{version} ({ext.publisher}), "
                            "which Azure Resource Manager does not support: uninstall it before migrating",
                        )


class BackupExtension(Rule):
    code = "MIG206"
    name = "backup-extension"
    severity = Severity.ERROR
    scope = Scope.CLOUD_SERVICES
    looks_at = frozenset({Extension})
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
                for ext in vm.installed_extensions():
                    if ext.is_backup:
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
    looks_at = frozenset({Extension, VirtualNetwork})
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
        reach = _Reach(estate)
        for network in estate.virtual_networks:
            for _, placement in network.members:
                monitored = [
                    (vm, ext)
                    for vm in placement.vms
                    for ext in vm.installed_extensions()
                    if ext.is_security_monitoring
                ]
                reason = reach.cut(network, placement) if monitored else ""
                for vm, ext in monitored if reason else ():
                    yield self.finding(
                        ext,
                        f"VM '{vm.name}' has the Security Center extension {ext.name} and its virtual "
                        f"network '{network.name}' {reason}: disable the Security Center policy before "
                        "migrating",
                    )


class _Reach:
    """What cuts a network's VMs off from on-premises during migration. The address ranges of every local
    site and virtual network are computed once per estate, so the rule stays linear in its size."""

    def __init__(self, estate: Estate) -> None:
        self.sites = [net for site in estate.local_sites for net in _networks(site.address_space)]
        self.vnets = [net for v in estate.virtual_networks for net in _networks(v.address_space)]
        self.hubs = [(v, _networks(v.address_space)) for v in estate.virtual_networks if v.gateway]

    def cut(self, network: Network, placement: Placement) -> str:
        """Why the VMs of `placement` in `network` lose their way to on-premises, or "" when the files do
        not show that they would."""
        gateway = network.gateway
        if gateway is None:
            return ""
        if gateway.has_expressroute:
            dns = self._on_premises_dns((*placement.dns_servers, *network.dns_servers))
            if dns is not None:
                return f"has an ExpressRoute gateway and uses on-premises DNS server '{dns.name}' ({dns.address})"
        site = self._transit_site(network)
        return (
            f"has a VPN gateway in transit connectivity through local network site '{site}'" if site else ""
        )

    def _on_premises_dns(self, servers: Iterable[DnsServer]) -> DnsServer | None:
        """The first DNS server whose address is in a local network site and in no virtual network."""
        for server in servers:
            address = _address(server.address)
            if (
                address
                and any(address in n for n in self.sites)
                and not any(address in n for n in self.vnets)
            ):
                return server
        return None

    def _transit_site(self, network: Network) -> str:
        """The local network site through which `network` reaches on-premises via another virtual network.

        Classic transit is written as a site-to-site connection to a local site whose prefixes aggregate a
        hub network (one with a gateway of its own) and on-premises addresses (outside every virtual
        network)."""
        hubs = [net for hub, nets in self.hubs if hub is not network for net in nets]
        for site in network.vpn_sites:
            prefixes = _networks(site.address_space)
            via_hub = any(p.overlaps(h) for p in prefixes for h in hubs)
            on_premises = any(not any(p.subnet_of(v) for v in self.vnets) for p in prefixes)
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
