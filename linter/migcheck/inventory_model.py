"""What only a subscription's inventory shows: resources and settings that live in Azure Resource Manager
or in the platform rather than in any classic file (peerings, services placed in a classic virtual network,
role assignments, alerts, autoscale settings, ExpressRoute link authorizations, classic Application
Gateways), and the runtime facts of classic resources (a VM's state, its guest agent, a storage account's
kind). The inventory reader (`readers/inventory.py`) and the declarations reader
(`readers/declarations.py`) produce these records; the link stage joins them into the estate; the rules in
`rules/inventory.py` read them.

Like `model.py`, nothing here knows a file format: every record has `kind` (the resource type shown in
findings), `name` and `mark`. Resource ids are kept parsed (`ResourceId`) and compared without regard to
case, as Azure compares them.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable
from dataclasses import field, replace
from typing import ClassVar

from migcheck.model import Mark, Role, RoleInstance, VirtualNetwork, is_placeholder_subscription, record

CLASSIC = "microsoft.classic"  # the start of every classic resource type, lower-cased
CLASSIC_NETWORK = "microsoft.classicnetwork/virtualnetworks"
# The Resource Manager types whose resources may reach into classic ones, lower-cased: a service in a classic
# network's subnet, a network peered with a classic one, a classic alert rule, a metric or activity log alert,
# an autoscale setting or a role assignment on a classic resource, a subscription's Defender for Cloud plan
# (on its Standard tier it installs its monitoring extension on the classic VMs too). An export's rows of these
# types are read for what they say of classic resources, and so is a deployment template's resource of one.
DEFENDER_PRICINGS = "microsoft.security/pricings"
REACHING_INTO_CLASSIC = (
    "microsoft.network/virtualnetworks",
    "microsoft.network/virtualnetworks/virtualnetworkpeerings",
    "microsoft.apimanagement/service",
    "microsoft.hdinsight/clusters",
    "microsoft.aad/domainservices",
    "microsoft.web/hostingenvironments",
    "microsoft.remoteapp/collections",
    "microsoft.authorization/roleassignments",
    "microsoft.insights/alertrules",
    "microsoft.insights/metricalerts",
    "microsoft.insights/activitylogalerts",
    "microsoft.insights/autoscalesettings",
    DEFENDER_PRICINGS,
)
# The built-in roles that manage classic resources only, by definition id: Classic Virtual Machine
# Contributor, Classic Network Contributor, Classic Storage Account Contributor and Classic Storage Account
# Key Operator Service Role. Their actions are on `Microsoft.Classic*` types (beside reading, alert rules,
# deployments and support tickets): whatever their scope, they grant nothing on a Resource Manager VM,
# network or storage account.
CLASSIC_ROLES = frozenset(
    {
        "d73bb868-a0df-4d4d-bd69-98a00b01fccb",
        "b34d265f-36f7-4a0d-a4d4-e158ca92e90f",
        "86e8f5dc-a6e9-4c67-9d15-de283e8eac25",
        "985d6b00-f706-48f5-a6fe-d0ca12fb668d",
    }
)


def key(text: str) -> str:
    """Names, types and ids compare as Azure compares them: without regard to case or outer spaces."""
    return text.strip().casefold()


# An export names a few subscriptions in each of its many thousand rows and ids.
@functools.lru_cache(maxsize=1024)
def subscription_key(written: str) -> str:
    """The subscription an export's `subscriptionId` (or an id's `/subscriptions/` segment) names, as
    `key` compares it; "" where it is one left to fill in (`<sub id>`, `{subscription}`, zeros, x's: see
    `is_placeholder_subscription`), which names no subscription: the row is of the subscription its
    files are, as one that writes none."""
    return "" if is_placeholder_subscription(written) else key(written)


@record
class ResourceId:
    """A resource id taken apart: `/subscriptions/{s}/resourceGroups/{g}/providers/{ns}/{type}/{name}`,
    with child types and names after it (`.../virtualNetworks/v/subnets/s`). `type` is lower-cased with
    its child types joined (`microsoft.classicnetwork/virtualnetworks/subnets`); `names` are as written.
    An id that is not one (a name, a GUID) parses to empty parts and keeps its text."""

    text: str
    subscription: str = ""  # lower-cased
    resource_group: str = ""
    type: str = ""
    names: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The top-level resource's name (the network of a subnet id)."""
        return self.names[0] if self.names else ""

    @property
    def child(self) -> str:
        """The last child's name (the subnet of a subnet id), "" for a top-level resource."""
        return self.names[-1] if len(self.names) > 1 else ""

    @property
    def top_type(self) -> str:
        """The top-level resource's type: `microsoft.classicnetwork/virtualnetworks` for a subnet id."""
        parts = self.type.split("/")
        return "/".join(parts[:2])

    @property
    def is_classic(self) -> bool:
        return self.type.startswith(CLASSIC)

    @property
    def is_classic_network(self) -> bool:
        return self.top_type == CLASSIC_NETWORK


# Ids recur: every VM of a network names its network's id, every disk its storage account's. A record is
# not changed once made, so the same text may give the same record.
@functools.lru_cache(maxsize=256)
def parse_id(text: str) -> ResourceId:
    """Take a resource id apart (see `ResourceId`). Only the first `providers` segment is read: what follows
    a second one (`.../providers/Microsoft.Authorization/roleAssignments/x`) is another resource's id."""
    parts = [p for p in text.strip().split("/") if p]
    folded = [p.casefold() for p in parts]
    found: dict[str, str] = {}
    at = 0
    while at + 1 < len(parts) and folded[at] in ("subscriptions", "resourcegroups"):
        found[folded[at]] = parts[at + 1]
        at += 2
    if at + 2 >= len(parts) or folded[at] != "providers":
        return ResourceId(
            text, subscription_key(found.get("subscriptions", "")), found.get("resourcegroups", "")
        )
    types, names = [folded[at + 1]], []
    for index in range(at + 2, len(parts) - 1, 2):
        if folded[index] == "providers":
            break
        types.append(folded[index])
        names.append(parts[index + 1])
    return ResourceId(
        text,
        subscription_key(found.get("subscriptions", "")),
        found.get("resourcegroups", ""),
        "/".join(types),
        tuple(names),
    )


def own_type(text: str) -> str:
    """The type of the resource an id is the id of, lower-cased: after its last `providers` segment, as an
    extension resource's id (`<scope>/providers/Microsoft.Authorization/roleAssignments/x`) is that of a
    role assignment, not of its scope. "" when the id names no provider's resource."""
    folded = [p.casefold() for p in text.strip().split("/") if p]
    at = folded.index("providers") if "providers" in folded else -1
    if at < 0 or at + 3 > len(folded):
        return ""
    # After `providers/{namespace}`, the id goes on in (type, name) pairs: a `providers` in a type's place
    # starts the extension resource's own part; one in a name's place is a name.
    start = at
    for index in range(at + 2, len(folded) - 2, 2):
        if folded[index] == "providers":
            start = index
    return "/".join([folded[start + 1], *folded[start + 2 : len(folded) - 1 : 2]])


# --- services placed in a classic virtual network --------------------------------------------------------


class ServiceKind(str, enum.Enum):
    """A service the platform's tables name as blocking the migration of the virtual network it is in.
    The value is how declarations spell it."""

    APP_SERVICE_ENVIRONMENT = "app-service-environment"
    HDINSIGHT = "hdinsight"
    DYNAMICS_LCS = "dynamics-lcs"
    AAD_DOMAIN_SERVICES = "aad-domain-services"
    REMOTEAPP = "remoteapp"
    API_MANAGEMENT = "api-management"

    def __str__(self) -> str:
        return self.value

    @property
    def label(self) -> str:
        """How messages name the service."""
        return _SERVICE_LABELS[self][0]

    @property
    def resource_type(self) -> str:
        """The resource type shown in findings."""
        return _SERVICE_LABELS[self][1]


_SERVICE_LABELS = {
    ServiceKind.APP_SERVICE_ENVIRONMENT: ("App Service Environment", "AppServiceEnvironment"),
    ServiceKind.HDINSIGHT: ("HDInsight cluster", "HDInsightCluster"),
    ServiceKind.DYNAMICS_LCS: ("Dynamics Lifecycle Services deployment", "DynamicsLcsDeployment"),
    ServiceKind.AAD_DOMAIN_SERVICES: ("Microsoft Entra Domain Services managed domain", "DomainServices"),
    ServiceKind.REMOTEAPP: ("RemoteApp collection", "RemoteAppCollection"),
    ServiceKind.API_MANAGEMENT: ("API Management service", "ApiManagement"),
}


@record
class ServiceInVnet:
    """A service deployed into a classic virtual network: from a Resource Manager resource whose subnet or
    network id is a classic one, or declared. `vnet_subscription` is the network's subscription when an id
    says it ("" when declared); `vnet_group` its resource group, when the id files it under one a network
    created in the Azure portal may be in (see `readers.inventory_shapes.portal_group`)."""

    service: ServiceKind
    name: str
    vnet: str
    mark: Mark
    subnet: str = ""
    vnet_subscription: str = ""
    vnet_group: str = ""
    subscription: str = ""  # the service's own subscription, when known
    declared: bool = False
    # Made from a file that creates the service (a script's call, a template, a Terraform resource), not
    # from one that lists what exists: there is no record to drop, and the creation is what fails.
    created: bool = field(default=False, compare=False)
    # Of those, made from a command that updates a service that exists (`az resource update`,
    # `Set-AzResource`): what fails is the update, not a creation (see `as_updates`).
    updated: bool = field(default=False, compare=False)

    @property
    def kind(self) -> str:
        return self.service.resource_type

    @property
    def named(self) -> bool:
        """False for a declaration that does not name the service (its name is then `unnamed_service`)."""
        return not (self.declared and self.name == unnamed_service(self.service, self.vnet))


def as_updates(records: Iterable[object]) -> tuple[object, ...]:
    """The records a command that updates an existing resource gives (`az resource update`, `Set-AzResource`),
    as a file that creates the resource gives them: a service it puts in a classic network is one the
    update puts there, so what fails is the update."""
    return tuple(
        replace(each, updated=True) if isinstance(each, ServiceInVnet) and each.created else each
        for each in records
    )


def unnamed_service(service: ServiceKind, vnet: str) -> str:
    """The name of a declared service that states none: what it is, and where."""
    return f"{service.label} in {vnet}"


# --- network features only the platform records ----------------------------------------------------------


@record
class VnetPeering:
    """A peering between a Resource Manager virtual network (`peer`) and a classic one (`vnet`), read
    from the Resource Manager network's `virtualNetworkPeerings`, or declared."""

    kind: ClassVar[str] = "VirtualNetworkPeering"
    name: str
    vnet: str  # the classic network
    peer: str  # the Resource Manager network: its name, or its id when declared so
    mark: Mark
    state: str = ""
    vnet_subscription: str = ""
    vnet_group: str = ""  # as `ServiceInVnet.vnet_group`
    # The Resource Manager network's resource group, where the file states it: not part of what the peering
    # is, so that an export and a script that state it differently still describe one peering.
    peer_group: str = field(default="", compare=False)
    declared: bool = False

    @property
    def named(self) -> bool:
        """False for a declaration that does not name the peering (its name is then `unnamed_peering`)."""
        return not (self.declared and self.name == unnamed_peering(self.vnet, self.peer))


def unnamed_peering(vnet: str, peer: str) -> str:
    """The name of a declared peering that states none: the two networks it joins."""
    return f"{vnet} to {peer}"


@record
class ApplicationGateway:
    """A classic Application Gateway (`Get-AzureApplicationGateway`), or a declared one."""

    kind: ClassVar[str] = "ApplicationGateway"
    name: str
    vnet: str
    mark: Mark
    subnets: tuple[str, ...] = ()
    state: str = ""
    declared: bool = False
    subscription: str = ""  # its network's, where the exports beside it tell it (see `estate`)
    # Where the file writes the network's name and each subnet's (a REST body's `VnetName` and `Subnet`
    # elements, an export's values, a script's arguments), for a finding about either name; None (or no
    # mark) where the reader cannot tell.
    vnet_mark: Mark | None = field(default=None, compare=False)
    subnet_marks: tuple[Mark, ...] = field(default=(), compare=False)

    def subnet_mark(self, at: int) -> Mark:
        """Where the file writes the subnet `subnets[at]`: its own mark, else the gateway's."""
        return self.subnet_marks[at] if at < len(self.subnet_marks) else self.mark


@record
class LinkAuthorization:
    """A classic ExpressRoute link authorization (`Get-AzureDedicatedCircuitLinkAuthorization`): it lets
    virtual networks of other subscriptions link to the circuit. `used` is how many links use it (None
    when not said). A declared one names the circuit and, when known, the network linked through it."""

    kind: ClassVar[str] = "ExpressRouteLinkAuthorization"
    name: str  # the authorization's id, else its description
    mark: Mark
    description: str = ""
    used: int | None = None
    limit: int | None = None
    microsoft_ids: str = ""
    circuit: str = ""
    vnet: str = ""
    declared: bool = False
    used_mark: Mark | None = field(default=None, compare=False)  # where an export writes `Used`
    subscription: str = ""  # its circuit's, where the exports beside it tell it (see `estate`)

    @property
    def in_use(self) -> bool:
        return self.declared or bool(self.used)


# The states of a circuit link that links nothing (`Get-AzureDedicatedCircuitLink`'s `State`): one being
# removed, removed, or never made.
UNLINKED_STATES = frozenset({"deprovisioned", "deprovisioning", "notprovisioned"})


@record
class CircuitLink:
    """A classic virtual network's link to an ExpressRoute circuit (`Get-AzureDedicatedCircuitLink`)."""

    kind: ClassVar[str] = "ExpressRouteLink"
    vnet: str
    state: str
    mark: Mark
    subscription: str = ""  # its network's, where the exports beside it tell it (see `estate`)

    @property
    def name(self) -> str:
        return self.vnet

    @property
    def linked(self) -> bool:
        """Whether the link is one: not in a state that links nothing. A state not written as a name (a
        number) may be any, and counts as linked."""
        return key(str(self.state)) not in UNLINKED_STATES


@record
class ExpressRouteCircuit:
    """A circuit in Resource Manager (moved from classic, or created there): whether classic networks may
    still use it, and how many of its authorizations are in use."""

    kind: ClassVar[str] = "ExpressRouteCircuit"
    name: str
    mark: Mark
    service_key: str = ""
    allow_classic_operations: bool | None = None
    authorizations_in_use: int = 0
    subscription: str = ""


# --- management settings ---------------------------------------------------------------------------------


@record
class RoleAssignment:
    """A role assignment whose scope is a classic resource, or one of a built-in role that grants rights on
    classic resources only (Classic Virtual Machine Contributor...) whose scope is a subscription, a
    resource group or a management group (`scope.is_classic` tells them apart)."""

    kind: ClassVar[str] = "RoleAssignment"
    name: str  # the assignment's GUID
    scope: ResourceId
    mark: Mark
    role_definition: str = ""  # the role definition's GUID, lower-cased
    principal_id: str = ""
    principal_type: str = ""
    principal_name: str = ""  # when the export gives it (`principalName` of `az role assignment list`)
    # Where the export writes the scope and the role definition: a finding points at what causes it.
    scope_mark: Mark | None = field(default=None, compare=False)
    role_mark: Mark | None = field(default=None, compare=False)


@record
class AlertRule:
    """An alert rule that watches classic resources: a classic alert rule (`alertrules`), a metric alert
    or an activity log alert whose scopes name them. `targets` are the classic resources it watches."""

    kind: ClassVar[str] = "AlertRule"
    name: str
    source: str  # "classic alert rule", "metric alert", "activity log alert"
    targets: tuple[ResourceId, ...]
    mark: Mark
    metric: str = ""
    enabled: bool | None = None
    resource_group: str = ""  # the alert's own, from the row's id or the file that creates it; "" if unstated


@record
class AutoscaleSetting:
    """An autoscale setting that scales a classic resource (`target`), or whose rules read the metrics of
    classic resources (`metric_sources`, a classic storage queue for instance)."""

    kind: ClassVar[str] = "AutoscaleSetting"
    name: str
    target: ResourceId | None
    metric_sources: tuple[ResourceId, ...]
    mark: Mark
    enabled: bool | None = None
    resource_group: str = ""  # as `AlertRule.resource_group`


@record
class DefenderPlan:
    """A Microsoft Defender for Cloud plan of a subscription that covers its VMs (`microsoft.security/pricings`,
    from Resource Graph's `securityresources` table): `VirtualMachines` (Defender for Servers), or `default`,
    the subscription's one tier in the service's first API versions. On the Standard tier, Defender for
    Cloud installs its monitoring extension on the subscription's VMs by itself."""

    kind: ClassVar[str] = "DefenderPlan"
    name: str  # the plan's name as written
    mark: Mark
    tier: str = ""  # `Free` or `Standard`, as written
    subscription: str = ""
    # Of a plan a script sets: how many of the script's migration steps run before it (as `ClassicCall.after`),
    # where its reader counts them in the order the script runs (a Python script's, whose functions may run
    # in another order than they are written); None where it is judged by its place in the file.
    after: int | None = field(default=None, compare=False)

    @property
    def standard(self) -> bool:
        return key(self.tier) == "standard"


# --- runtime facts of classic resources ------------------------------------------------------------------


@record
class ClassicVm:
    """A classic VM as the platform reports it. `role` holds what the export states (facts it leaves out
    are in `role.unknown`); `instance` its runtime state; `network_known` whether the export says which
    virtual network it is in, if any."""

    kind: ClassVar[str] = "VirtualMachine"
    name: str
    mark: Mark
    service: str  # the cloud service (domain name) it belongs to
    deployment: str
    role: Role
    instance: RoleInstance | None = None
    virtual_network: str = ""
    network_known: bool = False
    subscription: str = ""
    # The storage account of each of `role.disks`, in order, from its `storageAccount` ("" when not said):
    # what joins a disk whose blob address the export leaves out to its account.
    disk_accounts: tuple[str, ...] = ()
    # The export's row leaves out what holds the availability set (a projection without `hardwareProfile`):
    # the set is unknown (`role.unknown`) unless another row of the same cloud service in the same export
    # states one, since the rows of one export share a projection (see `settle_availability_sets` in
    # `readers/inventory_shapes.py`).
    availability_set_left_out: bool = False
    # Where the export names the VM's virtual network: what a finding about that name points at.
    virtual_network_mark: Mark | None = None
    virtual_network_group: str = ""  # as `ServiceInVnet.vnet_group`, when the export gives the network's id


@record
class ClassicNetwork:
    """A classic virtual network as the platform reports it; `network` when the export describes its
    address space and subnets in full, None when it says no more than that the network exists."""

    kind: ClassVar[str] = "VirtualNetwork"
    name: str
    mark: Mark
    network: VirtualNetwork | None = None
    subscription: str = ""
    resource_group: str = ""  # as `ServiceInVnet.vnet_group`, from the row's id


@record
class ClassicStorageAccount:
    """A classic storage account and its kind (`Standard-GRS`, `Premium-LRS`, ...)."""

    kind: ClassVar[str] = "StorageAccount"
    name: str
    mark: Mark
    account_type: str = ""
    subscription: str = ""

    @property
    def premium(self) -> bool:
        return key(self.account_type).startswith("premium")


@record
class ClassicReservedIp:
    """A reserved IP (`microsoft.classicnetwork/reservedips`) and the cloud service whose VIP it is
    (`attachedTo.id`, a `domainNames` id; "" when the export names none), with the slot of the deployment
    whose VIP it is when the id names it (`.../domainNames/<service>/slots/Staging`), else ""."""

    kind: ClassVar[str] = "ReservedIP"
    name: str
    mark: Mark
    address: str = ""
    service: str = ""
    subscription: str = ""
    slot: str = ""
    # The deployment whose VIP it is, by name, where the export names it (Get-AzureReservedIP's
    # `DeploymentName`) and not its slot: the slot is that of the deployment of that name the files describe.
    deployment: str = ""
    # The export says it is in use (`inUse` true, or an `attachedTo` that is no cloud service's) but names
    # no cloud service whose VIP it is: it is not known to be unattached.
    in_use: bool = False
    # Whether the export says if it is attached: it writes `inUse` (true or false) or an `attachedTo` id.
    # A row that writes neither (a projection of its address, a body trimmed of them) names no cloud service
    # without saying that nothing uses it.
    use_known: bool = True

    @property
    def attachment_unknown(self) -> bool:
        """Whether the export leaves open whose VIP it is, if anyone's: it names no cloud service, and says
        it is in use or does not say whether it is. Get-AzureReservedIP tells (`ServiceName`, `InUse`)."""
        return not self.service and (self.in_use or not self.use_known)


@record
class ClassicNetworkSecurityGroup:
    """A classic network security group (`microsoft.classicnetwork/networksecuritygroups`). The link stage
    makes those of the files' subscription network security groups of the estate, as a script's
    `New-AzureNetworkSecurityGroup` or a REST body makes them, each of the subnets the export says use it
    (`subnets`), as `Set-AzureNetworkSecurityGroupToSubnet` does: one a subnet or VM uses is cloned with it;
    only one nothing uses is moved on its own. Whether nothing does is known only when the export says which
    subnets use it (`use_known`): a row that does not write them (null properties, a projection without
    them) does not say the group is unattached."""

    kind: ClassVar[str] = "NetworkSecurityGroup"
    name: str
    mark: Mark
    subscription: str = ""
    subnets: tuple[tuple[str, str], ...] = ()  # (virtual network, subnet) of each subnet that uses it
    # What else the export says uses it, by id: VMs, their network interfaces, subnets it names otherwise.
    other_users: tuple[str, ...] = ()
    use_known: bool = False

    @property
    def use_unknown(self) -> bool:
        """Whether the export leaves open if anything uses the group: it names no user, and does not say
        which subnets use it."""
        return not (self.use_known or self.subnets or self.other_users)


@record
class DeclaredSubscription:
    """Declarations: the subscription the checked files describe, for exports that cover several."""

    kind: ClassVar[str] = "Subscription"
    name: str  # the subscription id, lower-cased
    mark: Mark


@record
class ExportPage:
    """A page of a paged Resource Graph query: how many rows it holds, how many the query has
    (`total_records` of `az graph query` and the REST API; -1 where the page does not say, as Search-AzGraph
    writes it) and the token that asks for the next page ("" on the last page). The pages of one query are
    told by their total."""

    kind: ClassVar[str] = "InventoryExport"
    name: str  # the key of the skip token as written (`skip_token`), "" on the last page
    mark: Mark  # at the skip token; on the last page, at the envelope
    rows: int
    total: int
    token: str = ""


@record
class ListPage:
    """A page of a Resource Manager list call's response (`{"value": [...], "nextLink"}`, as `az rest` writes
    one). A page with a `nextLink` names the list it is a page of (`list`, the link's path); the last page
    has none and names no list, so it is told by its rows: `lists` holds each list call whose pages may hold
    one of them (see `readers.inventory._lists_holding`). A list is whole among the files once its last page
    is: the pages before it cannot be told apart (the link's token is not on the page it asks for)."""

    kind: ClassVar[str] = "InventoryExport"
    name: str  # the key of the link as written (`nextLink`), "" on a last page
    mark: Mark  # at the link; on a last page, at the envelope
    list: str = ""  # the path the link asks for, lower-cased (`/subscriptions/<id>/providers/...`)
    lists: frozenset[str] = frozenset()
    rows: int = 0


@record
class UncheckedResource:
    """A resource an export names without what the rules read of it: its `properties` written as null
    (`az resource list`, `Get-AzResource` without `-ExpandProperties`), left out by a query's projection
    (`left_out`), or written as an object that holds none of it (`empty`). The export's one problem (MIG001, a warning) says what is unknown of each; the record is
    kept in the export's document, beside the records of what it does describe, so that a plan with no
    step can name what the export lists and could not check. Nothing is known of it but its name and type:
    no rule reads it, and it is linked into no estate."""

    kind: ClassVar[str] = "UncheckedResource"
    name: str
    mark: Mark  # at its `properties`, or at its `{` when the row has none
    type: str  # the resource type, lower-cased (`microsoft.classiccompute/domainnames`)
    noun: str  # what the resource is called in messages (`cloud service`, `classic VM`)
    left_out: bool = False  # no `properties` key at all (a projection without the column), not null
    # `properties` written as an object that holds nothing the rules read of the type (`{}`, or only its
    # `provisioningState`): as little as null, though no cache wrote it so.
    empty: bool = False

    @property
    def classic(self) -> bool:
        return self.type.startswith(CLASSIC)


INVENTORY_TYPES: frozenset[type] = frozenset(
    {
        ServiceInVnet,
        VnetPeering,
        ApplicationGateway,
        LinkAuthorization,
        CircuitLink,
        ExpressRouteCircuit,
        RoleAssignment,
        AlertRule,
        AutoscaleSetting,
        DefenderPlan,
        ClassicVm,
        ClassicNetwork,
        ClassicStorageAccount,
        ClassicReservedIp,
        ClassicNetworkSecurityGroup,
        DeclaredSubscription,
        ExportPage,
        ListPage,
    }
)


# --- the linked view -------------------------------------------------------------------------------------


@record
class Inventory:
    """Every inventory record of one estate, once each (pages that overlap, two exports of one resource):
    what the inventory rules read. `subscription` is the one whose classic resources were joined to the
    files ("" when the exports name none, or several and no declaration chooses)."""

    subscription: str = ""
    services_in_vnets: tuple[ServiceInVnet, ...] = ()
    peerings: tuple[VnetPeering, ...] = ()
    application_gateways: tuple[ApplicationGateway, ...] = ()
    link_authorizations: tuple[LinkAuthorization, ...] = ()
    circuit_links: tuple[CircuitLink, ...] = ()  # those that link their network (`CircuitLink.linked`)
    circuits: tuple[ExpressRouteCircuit, ...] = ()
    role_assignments: tuple[RoleAssignment, ...] = ()
    alert_rules: tuple[AlertRule, ...] = ()
    autoscale_settings: tuple[AutoscaleSetting, ...] = ()
    vms: tuple[ClassicVm, ...] = ()
    networks: tuple[ClassicNetwork, ...] = ()
    storage_accounts: tuple[ClassicStorageAccount, ...] = ()
    reserved_ips: tuple[ClassicReservedIp, ...] = ()
    network_security_groups: tuple[ClassicNetworkSecurityGroup, ...] = ()  # of `subscription`
    # (subscription, VM name) → its cloud service, from the VMs the exports describe
    vm_services: dict[tuple[str, str], str] = field(default_factory=dict, repr=False, compare=False)
    # Worked out at the first question, once: rules ask them per record and per finding.
    _spanned: set[str] = field(default_factory=set, init=False, repr=False, compare=False)
    _by_network: dict[str, tuple[str, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _by_service_key: dict[str, ExpressRouteCircuit] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def security_group_use(self, name: str) -> str:
        """What the exports say uses the network security group `name`: "vms" when they name a VM or
        something else than a subnet that does, "unknown" when no export of it says whether anything does,
        "" otherwise (the subnets they name, if any, hold it in the estate)."""
        exported = [g for g in self.network_security_groups if key(g.name) == key(name)]
        if any(g.other_users for g in exported):
            return "vms"
        return "unknown" if exported and all(g.use_unknown for g in exported) else ""

    def service_of_vm(self, subscription: str, vm: str) -> str:
        """The cloud service a classic VM belongs to, when an export says so; "" otherwise."""
        return self.vm_services.get((key(subscription), key(vm)), "")

    @property
    def classic_subscriptions(self) -> frozenset[str]:
        """The subscriptions whose classic VMs, networks or storage accounts the exports list, or whose
        classic networks their peerings and services reach into."""
        if not self._spanned:
            found = self._spanned
            found |= {vm.subscription for vm in self.vms} | {n.subscription for n in self.networks}
            found |= {account.subscription for account in self.storage_accounts}
            found |= {p.vnet_subscription for p in self.peerings}
            found |= {s.vnet_subscription for s in self.services_in_vnets}
            found.add("")  # worked out, even when there is none
        return frozenset(self._spanned - {""})

    def circuit_of_key(self, service_key: str) -> ExpressRouteCircuit | None:
        """The exported circuit of `service_key` (the first export of it); None for none, or an empty key."""
        if not self._by_service_key:
            for circuit in self.circuits:
                self._by_service_key.setdefault(key(circuit.service_key), circuit)
        return self._by_service_key.get(key(service_key)) if key(service_key) else None

    def subscriptions_of_network(self, vnet: str) -> tuple[str, ...]:
        """The subscriptions (sorted) where the exports show a classic network named `vnet`: its own row,
        or VMs in it. What the classic cmdlets write of a network (an Application Gateway's `VnetName`, a
        circuit link's) names no subscription, and a name is unique only within one."""
        if not self._by_network:
            found: dict[str, set[str]] = {"": set()}  # worked out, even when there is none
            for network in self.networks:
                found.setdefault(key(network.name), set()).add(network.subscription)
            for vm in self.vms:
                found.setdefault(key(vm.virtual_network), set()).add(vm.subscription)
            self._by_network.update((name, tuple(sorted(s - {""}))) for name, s in found.items())
        return self._by_network.get(key(vnet), ()) if key(vnet) else ()
