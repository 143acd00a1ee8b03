"""What migcheck covers of the platform's published limits: every row of the unsupported-features and
unsupported-configurations tables of the migration overview (2017, 2018 and 2023 versions), and the
validation errors and gateway limits that rules come from, each mapped to the rule that checks it and the
inputs that feed it — files, an inventory export of the subscription, or declarations — or marked honestly
as something no input shows.

This tuple is the one source for docs/coverage.md and for the test that every reference row is mapped."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from migcheck.retirements import (
    CLASSIC_DOMAIN_SERVICES,
    CLOUD_SERVICES_CLASSIC,
    EXTENDED_SUPPORT_DEPRECATED,
    EXTENDED_SUPPORT_RETIRES,
)


class Status(str, enum.Enum):
    CHECKED = "checked"
    PARTIAL = "partly checked"
    FROM_INVENTORY = "checked from an inventory"  # an export of the subscription, or a declaration, feeds it
    INVENTORY = "not checkable from files"  # neither files nor any inventory export show it
    NOT_YET = "not checked yet"  # files could show it, but no rule exists yet
    RUNTIME = "runtime only"  # a state of the platform during migration, not a configuration

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Coverage:
    """One limit of the migration. `rows` are the reference's wordings of it (a row's second column, in
    every version it appears in), so that each version's table can be matched against this data."""

    service: str
    limit: str  # our short wording, shown in the table
    codes: tuple[str, ...]  # rule codes, or reserved ranges like MIG31x
    status: Status
    sources: tuple[str, ...]  # which reference documents list it
    rows: tuple[str, ...] = ()
    note: str = ""


OVERVIEW_2017 = "overview 2017"
OVERVIEW_2018 = "overview 2018"
OVERVIEW_2023 = "overview 2023"
ALL_OVERVIEWS = (OVERVIEW_2017, OVERVIEW_2018, OVERVIEW_2023)
ERRORS = "validation errors"
GATEWAYS = "gateway migration"
DEEP_DIVE = "technical deep dive"
# What feeds the inventory rules, for the notes.
GRAPH = "a Resource Graph export (`az graph query`, `Search-AzGraph`)"
DECLARED = "declarations (`[tool.migcheck.inventory]` or an inventory.toml)"

_TABLES: tuple[Coverage, ...] = (
    Coverage(
        "Compute",
        "Disks attached to no VM",
        ("MIG402",),
        Status.CHECKED,
        ALL_OVERVIEWS,
        ("Unassociated virtual machine disks.",),
        "REST `Disks` lists and `Disk` bodies, and `Get-AzureDisk` through `ConvertTo-Json` (`AttachedTo` "
        "null).",
    ),
    Coverage(
        "Compute",
        "Virtual machine images",
        ("MIG402",),
        Status.CHECKED,
        ALL_OVERVIEWS,
        ("Virtual machine images.",),
        "Your own images in REST `Images`/`VMImages` bodies; publishers' gallery images are skipped.",
    ),
    Coverage(
        "Network",
        "Endpoint ACLs",
        ("MIG201",),
        Status.CHECKED,
        ALL_OVERVIEWS,
        ("Endpoint ACLs.",),
    ),
    Coverage(
        "Network",
        "ExpressRoute with authorization links; Application Gateway",
        ("MIG302", "MIG311", "MIG312"),
        Status.FROM_INVENTORY,
        (OVERVIEW_2017,),
        ("ExpressRoute with authorization links (see FAQ), Application Gateway",),
        "MIG302 flags every ExpressRoute connection in the files. MIG311 reads link authorizations in use "
        "from `Get-AzureDedicatedCircuitLinkAuthorization` output (ConvertTo-Json) or "
        f"{DECLARED}; MIG312 classic Application Gateways from `Get-AzureApplicationGateway` output, "
        "declarations, REST bodies of a gateway, and the PowerShell scripts checked that create one "
        "(`New-AzureApplicationGateway -VnetName`).",
    ),
    Coverage(
        "Network",
        "Application Gateway",
        ("MIG312",),
        Status.CHECKED,
        (OVERVIEW_2018, OVERVIEW_2023),
        ("Application Gateway",),
        f"From `Get-AzureApplicationGateway` output (ConvertTo-Json), {DECLARED}, REST bodies of a gateway "
        "(a Create Application Gateway request, a Get response) and the PowerShell scripts checked that "
        "create one (`New-AzureApplicationGateway -VnetName`): no export of Resource Manager lists classic "
        "gateways.",
    ),
    Coverage(
        "Network",
        "Virtual networks using VNet peering",
        ("MIG313",),
        Status.FROM_INVENTORY,
        ALL_OVERVIEWS,
        ("Virtual networks using VNet Peering.",),
        f"Peering is configured on the Resource Manager side: read from {GRAPH} of "
        "`microsoft.network/virtualnetworks` (export every subscription that may peer with yours), or "
        "declarations.",
    ),
    Coverage(
        "Resource Manager",
        "Role-based access control on classic resources",
        ("MIG501",),
        Status.FROM_INVENTORY,
        ALL_OVERVIEWS,
        (
            "Role Based Access Control (RBAC) for classic resources",
            "Role-Based Access Control (RBAC) for classic resources",
        ),
        f"From {GRAPH} of the `authorizationresources` table; each finding gives the id the resource will "
        "have after migration.",
    ),
    Coverage(
        "Compute",
        "A VM in more than one subnet",
        ("MIG202",),
        Status.CHECKED,
        ALL_OVERVIEWS,
        ("Multiple subnets associated with a VM",),
        "The subnets of a VM's primary configuration and of its secondary network interfaces, and of a "
        "role's instance addresses.",
    ),
    Coverage(
        "Compute",
        "A VM in a virtual network without an explicit subnet",
        ("MIG203",),
        Status.CHECKED,
        ALL_OVERVIEWS,
        ("Virtual machines that belong to a virtual network but don't have an explicit subnet assigned",),
    ),
    Coverage(
        "Compute",
        "Alerts and autoscale policies on VMs",
        ("MIG502", "MIG503"),
        Status.FROM_INVENTORY,
        ALL_OVERVIEWS,
        ("Virtual machines that have alerts, Autoscale policies",),
        'Classic alert rules from the `alertrules` list call (`{"value": [...]}`); metric and activity log '
        f"alerts and autoscale settings from {GRAPH}.",
    ),
    Coverage(
        "Compute",
        "XML VM extensions (BGInfo 1.*, Visual Studio Debugger, Web Deploy, Remote Debugging)",
        ("MIG204",),
        Status.CHECKED,
        ALL_OVERVIEWS,
        ("XML VM extensions (BGInfo 1.*, Visual Studio Debugger, Web Deploy, and Remote Debugging)",),
    ),
    Coverage(
        "Compute",
        "Boot diagnostics with Premium storage",
        ("MIG205",),
        Status.CHECKED,
        ALL_OVERVIEWS,
        ("Boot diagnostics with Premium storage",),
        "Premium storage is recognised from a disk's `IOType` (`Provisioned`), which GET responses and "
        "Export-AzureVM files record. A request body says it only through the disk's storage account being a "
        f"Premium one: {GRAPH} of classic storage accounts (`accountType` `Premium-LRS`) supplies that, and "
        "an export of classic VMs their boot diagnostics and disks when the files leave them out.",
    ),
    Coverage(
        "Compute",
        "Cloud services with web/worker roles",
        ("MIG101",),
        Status.CHECKED,
        (OVERVIEW_2017, OVERVIEW_2018),
        ("Cloud services that contain web/worker roles",),
        "The 2023 overview points such services to their own migration, to Cloud Services (extended "
        f"support); that service was deprecated on {EXTENDED_SUPPORT_DEPRECATED} and retires on "
        f"{EXTENDED_SUPPORT_RETIRES}, so it is no destination to aim for. Cloud Services (classic) itself "
        f"was retired on {CLOUD_SERVICES_CLASSIC}.",
    ),
    Coverage(
        "Network",
        "A virtual network holding both VMs and web/worker roles",
        ("MIG104",),
        Status.CHECKED,
        ALL_OVERVIEWS,
        ("Virtual networks that contain virtual machines and web/worker roles",),
    ),
    Coverage(
        "Azure App Service",
        "App Service environments in the virtual network",
        ("MIG314",),
        Status.FROM_INVENTORY,
        ALL_OVERVIEWS,
        ("Virtual networks that contain App Service environments",),
        f"From {GRAPH} of `microsoft.web/hostingenvironments`, or declarations; also the environments a "
        "template, Bicep file, Terraform configuration or script creates, which are told that creating one in a "
        "classic network fails today.",
    ),
    Coverage(
        "Azure HDInsight",
        "HDInsight in the virtual network",
        ("MIG315",),
        Status.FROM_INVENTORY,
        ALL_OVERVIEWS,
        ("Virtual networks that contain HDInsight services",),
        f"From {GRAPH} of `microsoft.hdinsight/clusters`, or declarations.",
    ),
    Coverage(
        "Compute",
        "Defender for Cloud (Security Center) extensions where the VNet has a transit VPN or ExpressRoute "
        "with on-premises DNS",
        ("MIG207",),
        Status.PARTIAL,
        (OVERVIEW_2017,),
        (
            "Azure Security Center extensions with a VNET that has a VPN gateway in transit connectivity or "
            "ExpressRoute gateway with on-prem DNS server",
        ),
        "A warning that says so when the VM's network is defined in the files checked. Transit is recognised as classic "
        "transit is written (a local site aggregating a gateway network and on-premises ranges); a DNS server "
        "counts as on-premises when its address is in no virtual network of the files and is in a local network "
        "site or, the network being on ExpressRoute (whose routes no site has to list), private (RFC 1918, RFC "
        "6598); a public address no site lists is not taken as on-premises. VMs whose network is not known get "
        "the finding of the next row.",
    ),
    Coverage(
        "Compute",
        "VMs with the Defender for Cloud (formerly Security Center) extension",
        ("MIG207",),
        Status.PARTIAL,
        (OVERVIEW_2018, OVERVIEW_2023),
        ("VM with Azure Security Center extension", "VM with Microsoft Defender for Cloud extension"),
        "A warning on every VM with the Security Center monitoring agent (`Microsoft.Azure.Security.Monitoring`). "
        "An agent Defender for Cloud provisioned under another publisher, such as the Log Analytics agent "
        "(`Microsoft.EnterpriseCloud.Monitoring`), is not reported: teams install it on purpose too, and no "
        "file says who installed it.",
    ),
    Coverage(
        "Compute",
        "More than one availability set, or VMs in and out of one, in a cloud service",
        ("MIG102", "MIG103"),
        Status.CHECKED,
        (OVERVIEW_2018, OVERVIEW_2023, ERRORS),
        ("Cloud services that contain more than one availability set or multiple availability sets.",),
    ),
    Coverage(
        "Compute",
        "VMs with the backup (snapshot) extension",
        ("MIG206",),
        Status.CHECKED,
        (OVERVIEW_2018, OVERVIEW_2023, ERRORS),
        ("VM with backup or snapshot extension",),
    ),
    Coverage(
        "Compute",
        "VMs with the Site Recovery extension",
        ("MIG209",),
        Status.CHECKED,
        (OVERVIEW_2023,),
        ("VM with Azure Site Recovery extension",),
        "By publisher (`Microsoft.Azure.RecoveryServices.SiteRecovery`, `...SiteRecovery2`): the ones Site "
        "Recovery's extension has on Resource Manager VMs, assumed the same on classic VMs.",
    ),
    Coverage(
        "Network",
        "Classic ExpressRoute circuits",
        ("MIG302",),
        Status.CHECKED,
        (OVERVIEW_2018, OVERVIEW_2023),
        ("Classic Express Route circuits",),
        "Files show the ExpressRoute connection, not the circuit's deployment model: MIG302 warns on each.",
    ),
    Coverage(
        "Microsoft Dynamics Lifecycle Services",
        "VMs managed by Dynamics Lifecycle Services in the virtual network",
        ("MIG316",),
        Status.FROM_INVENTORY,
        (OVERVIEW_2018, OVERVIEW_2023),
        ("Virtual networks that contain virtual machines that are managed by Dynamics Lifecycle Services",),
        f"From {DECLARED} only: no export marks a VM as managed by Lifecycle Services.",
    ),
    Coverage(
        "Microsoft Entra Domain Services (Azure AD Domain Services)",
        "Microsoft Entra Domain Services in the virtual network",
        ("MIG317",),
        Status.FROM_INVENTORY,
        (OVERVIEW_2018,),
        ("Virtual networks that contain Azure AD Domain services",),
        f"From {GRAPH} of `microsoft.aad/domainservices`, or declarations. Listed as supported in 2023; "
        f"managed domains in classic networks were retired on {CLASSIC_DOMAIN_SERVICES} and then removed, so "
        "a domain an export or declaration records there is a stale record (a warning); a template, Bicep "
        "file, Terraform configuration or script that creates one there is told that the creation fails today, "
        "and to create it in a Resource Manager subnet or remove it.",
    ),
    Coverage(
        "Azure RemoteApp",
        "RemoteApp deployments in the virtual network",
        ("MIG318",),
        Status.FROM_INVENTORY,
        (OVERVIEW_2018,),
        ("Virtual networks that contain Azure RemoteApp deployments",),
        f"From {GRAPH} of `microsoft.remoteapp/collections` (any classic network id in its undocumented "
        "properties), or declarations; a template or Bicep file that creates a collection is told that the "
        "creation fails today (the service was retired).",
    ),
    Coverage(
        "Azure API Management",
        "API Management deployments in the virtual network",
        ("MIG319",),
        Status.FROM_INVENTORY,
        (OVERVIEW_2018, OVERVIEW_2023, ERRORS),
        ("Virtual networks that contain Azure API Management deployments",),
        f"From {GRAPH} of `microsoft.apimanagement/service`, or declarations.",
    ),
)

# Limits that come from the validation errors and the gateway migration guide rather than the overview.
_OTHER: tuple[Coverage, ...] = (
    Coverage(
        "Compute",
        "XML extensions must be uninstalled before migration",
        ("MIG204",),
        Status.CHECKED,
        (ERRORS,),
        note="The 2023 errors page; earlier documents, the 2023 overview included, say the platform drops "
        "or uninstalls them itself.",
    ),
    Coverage(
        "Network",
        "A virtual network with both an ExpressRoute gateway and a VPN gateway",
        ("MIG301",),
        Status.PARTIAL,
        (GATEWAYS,),
        note="A VPN on the network's gateway (IPsec connections, a client address pool) is checked. A "
        "site-to-site gateway set up beside ExpressRoute with the coexistence cmdlets "
        "(`New-AzureVirtualNetworkGateway`) is not written in the network configuration: it is seen in the "
        "PowerShell scripts checked that create it on a network they name, not when it was set up by hand or "
        "by a script not checked.",
    ),
    Coverage(
        "Network",
        "A virtual network that reaches on-premises through another one's VPN gateway (transit) loses that "
        "connectivity",
        ("MIG305", "MIG207", "MIG210"),
        Status.CHECKED,
        (GATEWAYS,),
        note="From the local network sites of a network configuration or a REST `VirtualNetworkSites` body; "
        "a network whose own site-to-site connections reach every on-premises range of the transit site loses "
        "nothing and is not reported; MIG207 adds what it means for the Defender for Cloud extension, MIG210 for the VMs' other extensions.",
    ),
    Coverage(
        "Compute",
        "Extensions on running VMs whose DNS connectivity or outbound internet access is lost during migration",
        ("MIG210",),
        Status.CHECKED,
        (ERRORS,),
        note="A VM's network that migration cuts off from on-premises (transit, or ExpressRoute with an "
        "on-premises DNS server), and a network security group on the VM or its subnet that denies outbound "
        "internet access, with its rules as the files state them (`Set-AzureNetworkSecurityRule`, a Python "
        "script's PUT of a `<Rule>`, a REST body of the group with its rules); the rules of a group no file "
        "states are not known.",
    ),
    Coverage(
        "Network",
        "Conflicting private IPs between stop-deallocated VMs in the same virtual network",
        ("MIG306",),
        Status.CHECKED,
        (DEEP_DIVE,),
        note="A check the platform's Validate does not make. Static addresses as REST bodies and "
        "Export-AzureVM files write them (`StaticVirtualNetworkIPAddress`).",
    ),
    Coverage(
        "Network",
        "A virtual network gateway connection in a disconnected state",
        ("MIG307",),
        Status.PARTIAL,
        (DEEP_DIVE,),
        note="A check the platform's Validate does not make. A state is runtime: it is seen in a List "
        "Connections response or `Get-AzureVNetConnection` output saved to a file, as it was when read; "
        "and in a PowerShell script that disconnects a connection (`Set-AzureVNetGateway -Disconnect`) "
        "and does not connect it again on every path after, or a PowerShell, Python or shell script or CI step "
        "that sends the `UpdateConnection` Disconnect request itself (Invoke-RestMethod, requests, curl, wget).",
    ),
    Coverage(
        "Network",
        "Address ranges that are not strict CIDR",
        ("MIG304",),
        Status.CHECKED,
        (GATEWAYS,),
    ),
    Coverage(
        "Network",
        "Deployments not in the regional scope",
        ("MIG303",),
        Status.PARTIAL,
        (ERRORS,),
        note="MIG303 finds affinity-group virtual networks; whether a deployment has moved to the regional "
        "scope is known only to the platform.",
    ),
    Coverage(
        "Compute",
        "A disk whose blob name contains '/'",
        ("MIG401",),
        Status.CHECKED,
        (ERRORS,),
        note="Wherever a disk's `MediaLink` is written; Export-AzureVM files usually leave it out, and then "
        "there is nothing to check.",
    ),
    Coverage(
        "Compute",
        "VMs in RoleStateUnknown, provisioning timed out, or with the guest agent not ready",
        ("MIG208",),
        Status.CHECKED,
        (ERRORS,),
        note="GET responses saved to files record runtime state, and so do the exports of classic VMs: "
        f"{GRAPH} (`instanceView.status`, `guestAgentStatus`), `Get-AzureVM` through `ConvertTo-Json` "
        "(`InstanceStatus`, `GuestAgentStatus`, `ResourceExtensionStatusList`), and the classic Azure CLI's "
        "`azure vm list --json` or `azure vm show --json`, which write the VM's state alone "
        "(`InstanceStatus`).",
    ),
    Coverage(
        "Network",
        "A virtual network name that does not exist",
        ("MIG003",),
        Status.CHECKED,
        (ERRORS,),
        note="When the files define the subscription's networks (a network configuration holds them all): a "
        "deployment's network and its VMs' subnets, the network a migration call names "
        "(`Move-AzureVirtualNetwork`, the classic CLI, a POST to `.../virtualnetwork/<name>/migration`), the "
        "network whose gateway a script creates, links to a circuit, connects or disconnects, the network and "
        "subnet a script associates a security group or route table with, an Application Gateway's "
        "network and subnets, and the network and subnet of a service or peering the inventory declarations "
        "place in one. A short name of a network created in the Azure portal is given its full "
        "`Group <resource group> <name>`.",
    ),
    Coverage(
        "Network",
        "Non-gateway PaaS deployments (Application Gateway, API Management) in the virtual network",
        ("MIG312", "MIG319"),
        Status.FROM_INVENTORY,
        (ERRORS,),
        note="From the inputs of those two rules: MIG312's Application Gateways from exports, declarations, "
        "REST bodies and the scripts that create one; MIG319's API Management services from the inventory.",
    ),
    Coverage(
        "Compute",
        "VMs outside a virtual network are stopped, deallocated and restarted",
        ("MIG105",),
        Status.CHECKED,
        (OVERVIEW_2018,),
    ),
    Coverage(
        "Compute",
        "Data disk blob size differs from its logical size; VHD not accessible",
        (),
        Status.INVENTORY,
        (ERRORS,),
        note="Needs the blobs themselves: no inventory export lists blob sizes or their reachability. A disk "
        "that does not exist at all is the next row.",
    ),
    Coverage(
        "Compute",
        "A VM disk that does not exist (its storage account or its name is not the subscription's)",
        ("MIG003",),
        Status.PARTIAL,
        (ERRORS,),
        note="When the files list the subscription's storage accounts (the API's `StorageServices`, "
        f"{GRAPH} of classic storage accounts) or its disks (the API's `Disks`, a `Get-AzureDisk` export); a "
        "deleted blob in an account that exists needs the blobs themselves.",
    ),
)

REFERENCE_TABLES = _TABLES
OTHER_SOURCES = _OTHER
COVERAGE = (*_TABLES, *_OTHER)


def normalise(text: str) -> str:
    """A reference row's wording, compared without regard to case, spacing or a trailing full stop."""
    return re.sub(r"\s+", " ", text).strip().rstrip(".").casefold()


def entry_for(row: str) -> Coverage | None:
    """The coverage entry for a reference table row (its second column), or None when it is not mapped."""
    wanted = normalise(row)
    return next((c for c in COVERAGE if any(normalise(r) == wanted for r in c.rows)), None)
