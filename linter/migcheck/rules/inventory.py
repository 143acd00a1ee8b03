"""Rules about what only the subscription's inventory shows: services and features that live in a
classic virtual network but are configured outside any classic file (MIG31x), and management settings the
migration does not carry over (MIG5xx). They read the records of inventory exports and declarations
(`migcheck.inventory_model`), linked into `estate.inventory`."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import ClassVar

from migcheck.estate import Estate, key
from migcheck.inventory_model import (
    AlertRule,
    ApplicationGateway,
    AutoscaleSetting,
    CircuitLink,
    Inventory,
    LinkAuthorization,
    ResourceId,
    RoleAssignment,
    ServiceInVnet,
    ServiceKind,
    VnetPeering,
    parse_id,
)
from migcheck.model import FileKind, Finding, Severity, is_stand_in
from migcheck.quoting import ps_quoted, sh_quoted
from migcheck.retirements import (
    APP_SERVICE_ENVIRONMENT_V1_V2,
    APPLICATION_GATEWAY_V1,
    CLASSIC_ALERTS,
    CLASSIC_ALERTS_SOVEREIGN,
    CLASSIC_DOMAIN_SERVICES,
    REMOTEAPP,
)
from migcheck.rule import Docs, Example, Rule, Scope, listed
from migcheck.rules.extensions import CLASSIC_VM_ROW, EXAMPLE_SUBSCRIPTION, files_subscription
from migcheck.wording import Tool, command_word

SUBSCRIPTION = EXAMPLE_SUBSCRIPTION
CLASSIC_VNET = (
    f"/subscriptions/{SUBSCRIPTION}/resourceGroups/Default-Networking/providers/"
    "Microsoft.ClassicNetwork/virtualNetworks/prod-vnet"
)


def network_subscription(estate: Estate, vnet: str, subscription: str = "") -> str:
    """Words saying which subscription classic network `vnet` is in, for a finding about what the classic
    cmdlets' exports place in it (an Application Gateway, a circuit link), which name no subscription:
    said when the exports span several subscriptions, as the other inventory findings say it (` (subscription
    <id>)`); the one whose exported network, or VMs, bear the name, else the files' own when they define
    it; "" when the exports span one subscription or none. `subscription` is the record's own, where the
    exports beside it tell it (see `estate._subscribe_cmdlet_records`)."""
    words = _network_subscription_words(estate, vnet, subscription)
    return f" ({words})" if words else ""


def _network_subscription_words(estate: Estate, vnet: str, subscription: str = "") -> str:
    inventory = estate.inventory
    spanned = inventory.classic_subscriptions
    if len(spanned) < 2:
        return ""
    holders = (subscription,) if subscription else inventory.subscriptions_of_network(vnet)
    network = estate.virtual_network(vnet)
    if not holders and inventory.subscription and network is not None and network.defined:
        holders = (inventory.subscription,)
    if len(holders) == 1:
        return f"subscription {holders[0]}"
    if holders:
        return f"subscription not known: each of {', '.join(holders)} has a classic network of that name"
    return (
        f"subscription not known: none of the exports' subscriptions, {', '.join(sorted(spanned))}, shows a "
        "classic network of that name"
    )


def _in_other_subscription(record: ServiceInVnet | VnetPeering, estate: Estate) -> str:
    """Words saying which subscription the classic network is in, where that is another than the one the
    files describe, or where the exports show a classic network of its name in several subscriptions (a
    name is unique only within one)."""
    held = record.vnet_subscription
    joined = estate.inventory.subscription
    if held and (
        (joined and held != joined) or len(estate.inventory.subscriptions_of_network(record.vnet)) > 1
    ):
        return f" (subscription {held})"
    return ""


# --- MIG31x: what a classic virtual network holds that no classic file shows ----------------------------


class ExpressRouteAuthorizationLink(Rule):
    code = "MIG311"
    name = "expressroute-authorization-link"
    severity = Severity.ERROR
    scope = Scope.VIRTUAL_NETWORKS
    looks_at = frozenset({LinkAuthorization})
    summary = "An ExpressRoute circuit is shared with other subscriptions through authorization links."
    fix_hint = (
        "Remove the links that use the authorization (Remove-AzureDedicatedCircuitLink in the subscriptions "
        "that own the networks) and the authorization itself before migrating; link the migrated networks "
        "again through Resource Manager authorizations afterwards."
    )
    source = (
        "Unsupported features — Network: ExpressRoute with authorization links (see FAQ), Application "
        "Gateway (overview, 2017). FAQ: ExpressRoute circuits which use cross-subscription authorization "
        "links cannot be migrated automatically without downtime."
    )
    docs = Docs(
        what="Classic ExpressRoute link authorizations that are in use: the objects "
        "`Get-AzureDedicatedCircuitLinkAuthorization -ServiceKey <key> | ConvertTo-Json` writes, whose "
        "`Used` count is above zero (an authorization nobody uses is not reported), and the links declared "
        "in `expressroute-authorization-links`. The cmdlet's output does not name its circuit: declare the "
        "circuit when you want findings to name it. An authorization a PowerShell script creates "
        "(`New-AzureDedicatedCircuitLinkAuthorization`) is made for other subscriptions' links: it is "
        "reported at the call, naming the circuit by the service key the script gives, unless the script "
        "surely removes it again (`Remove-AzureDedicatedCircuitLinkAuthorization` with the id the creating "
        "call returned, `$auth.LinkAuthorizationId`). Networks the export of "
        "`Get-AzureDedicatedCircuitLink` lists are named in the message, each with its subscription when the "
        "exports span several (the classic cmdlets' output names none: it is the one whose exported classic "
        "network, or VMs in it, bear the network's name). Resource Manager circuits' own "
        "authorizations (`authorizations[]` of `microsoft.network/expressroutecircuits`) serve Resource "
        "Manager connections and are not reported.",
        why="A circuit shared across subscriptions through authorization links cannot be migrated with its "
        "networks without downtime: the links from the other subscriptions' networks have to be removed "
        "before those networks migrate, which cuts their on-premises connectivity until they are linked "
        "again.",
        fix="List the links that use each authorization, and plan a window for each network behind them. "
        "Move the circuit to Resource Manager first (without downtime, with classic operations allowed). "
        "In each subscription that links a network through an authorization, remove the link "
        "(`Remove-AzureDedicatedCircuitLink -ServiceKey <key> -VNetName <name>`), migrate the network, and "
        "connect its migrated gateway to the circuit with a Resource Manager authorization "
        "(`Add-AzExpressRouteCircuitAuthorization`, then a connection that redeems it). Remove the unused "
        "classic authorization (`Remove-AzureDedicatedCircuitLinkAuthorization`).",
    )
    invalid = (
        Example(
            {
                "inventory/er-authorizations.json": """
                [
                  {
                    "Description": "Contoso analytics subscription",
                    "Limit": 2,
                    "LinkAuthorizationId": "f4c8a2d0e1b34c7a9e5d6b7a8c9d0e1f",
                    "MicrosoftIds": "netops@contoso.example",
                    "Used": 1
                  },
                  {
                    "Description": "spare",
                    "Limit": 1,
                    "LinkAuthorizationId": "0b1c2d3e4f5a46b7c8d9e0f1a2b3c4d5",
                    "MicrosoftIds": "netops@contoso.example",
                    "Used": 0
                  }
                ]
                """
            },
            expect=("inventory/er-authorizations.json:7:13",),
        ),
        Example(
            {
                "inventory.toml": """
                [[expressroute-authorization-links]]
                circuit = "contoso-er-frankfurt"
                vnet = "analytics-vnet"
                """
            },
            expect=("inventory.toml:1:1",),
            note="A declaration, for teams whose classic cmdlets are gone.",
        ),
    )
    valid = (
        Example(
            {
                "inventory/er-authorizations.json": """
                {
                  "Description": "spare",
                  "Limit": 1,
                  "LinkAuthorizationId": "0b1c2d3e4f5a46b7c8d9e0f1a2b3c4d5",
                  "MicrosoftIds": "netops@contoso.example",
                  "Used": 0
                }
                """
            },
            note="An authorization no link uses shares nothing yet.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        links = estate.inventory.circuit_links
        for auth in estate.inventory.link_authorizations:
            if auth.in_use:
                yield self.finding(
                    auth, _authorization_words(auth) + _linked_here(estate, auth, links), at=auth.used_mark
                )


def _linked_here(estate: Estate, auth: LinkAuthorization, links: Sequence[CircuitLink]) -> str:
    """The networks the exports list as linked to a circuit, each with its subscription when the exports
    span several: those of the authorization's subscription, where the exports beside both tell it."""
    named: dict[tuple[str, str], str] = {}
    for link in links:
        if link.vnet and _may_be_of(link.subscription, auth.subscription):
            words = network_subscription(estate, link.vnet, link.subscription)
            named.setdefault((key(link.vnet), link.subscription), f"{link.vnet}{words}")
    listed = [named[k] for k in sorted(named)]
    return f"; networks linked to the circuit here: {', '.join(listed)}" if listed else ""


def _may_be_of(a: str, b: str) -> bool:
    """Whether two records may be of one subscription: either's is unknown, or they are the same."""
    return not (a and b) or a == b


def _authorization_words(auth: LinkAuthorization) -> str:
    if auth.declared:
        through = f" by virtual network '{auth.vnet}'" if auth.vnet else ""
        return (
            f"ExpressRoute circuit '{auth.circuit}' is reached through an authorization link{_which(auth)}"
            f"{through}: networks linked across subscriptions cannot migrate without downtime"
        )
    described = f", '{auth.description}'," if auth.description and auth.description != auth.name else ""
    of_limit = f" of the {auth.limit} it allows" if auth.limit is not None else ""
    if auth.used == 1:
        used = f"1 link{of_limit}, from another subscription's network: that network cannot"
    else:
        used = f"{auth.used} links{of_limit}, from other subscriptions' networks: those networks cannot"
    return (
        f"ExpressRoute link authorization '{auth.name}'{described} is used by {used} migrate without downtime"
    )


def _which(auth: LinkAuthorization) -> str:
    """Which authorization a declared one is, as far as it says (one a script creates states its description,
    limit and Microsoft IDs), so that two of one circuit read apart: ` (authorization 'Dev', limit 2, for
    dev@contoso.com)`; "" when it says none of these."""
    said = [
        f"authorization '{auth.description}'" if auth.description else "",
        f"limit {auth.limit}" if auth.limit is not None else "",
        f"for {auth.microsoft_ids}" if auth.microsoft_ids else "",
    ]
    words = ", ".join(word for word in said if word)
    return f" ({words})" if words else ""


class ClassicApplicationGateway(Rule):
    code = "MIG312"
    name = "classic-application-gateway"
    severity = Severity.ERROR
    scope = Scope.VIRTUAL_NETWORKS
    looks_at = frozenset({ApplicationGateway})
    summary = (
        f"A classic Application Gateway, a v1 gateway retired on {APPLICATION_GATEWAY_V1}, sits in the "
        "virtual network."
    )
    fix_hint = (
        "Build its replacement first, a v2 gateway in Resource Manager, and move the traffic to it; then "
        "remove the classic gateway (Remove-AzureApplicationGateway) before migrating the network."
    )
    source = (
        "Unsupported features — Network: Application Gateway. Remove the Application Gateway before beginning "
        "migration and then recreate the Application Gateway once migration is complete. Validation error: "
        "Migration is not supported for Virtual Network {vnet-name} because it has non-gateway PaaS "
        "deployments."
    )
    docs = Docs(
        what="Classic Application Gateways: the objects `Get-AzureApplicationGateway | ConvertTo-Json` "
        "writes (told apart from other cmdlets' objects, such as `Get-AzureDeployment`'s, by `VnetName` with "
        "`GatewaySize`, which only the gateway's class has), the Service Management REST bodies of a "
        "gateway (a Create Application Gateway request or a Get response, with the same two elements, alone "
        "or in a list), gateways declared in `application-gateways`, and those a PowerShell script creates "
        "(`New-AzureApplicationGateway`, or the classic CLI's `azure network application-gateway create`, "
        "reported at the call unless the script removes the gateway again with "
        "`Remove-AzureApplicationGateway` or `azure network application-gateway delete`), a shell script creates "
        "with that command, or a PowerShell or Python script sends as a Create Application Gateway body of "
        "its own (`Invoke-RestMethod`, `requests.post`, the legacy SDK's `perform_post`, reported at the "
        "body). The finding names the gateway's network and subnets, and, "
        "when the exports span several subscriptions, the network's: the cmdlet's output names none, so it "
        "is the one whose exported classic network, or VMs in it, bear that name (or the files' own, when "
        "they define the network).",
        why="A classic Application Gateway is a deployment of its own inside the virtual network; the "
        "platform refuses to migrate a network that holds one (it reports non-gateway PaaS deployments), "
        "and there is no migration for the gateway itself. Its sizes (`Small`, `Medium`, `Large`) are those "
        f"of the v1 SKU, which was retired on {APPLICATION_GATEWAY_V1}: the gateway runs without support, if "
        "at all, so what to plan is its replacement, not a window around it.",
        fix="Export the gateway's configuration (`Get-AzureApplicationGatewayConfig -Name <name> "
        "-ExportToFile <file>`) so its listeners, rules and backend pools can be rebuilt. Build a Resource "
        "Manager Application Gateway on the v2 SKU (`Standard_v2` or `WAF_v2`) in a Resource Manager "
        "network that reaches the backends, and move the traffic to it (DNS, clients). Then remove the "
        "classic gateway (`Stop-AzureApplicationGateway`, `Remove-AzureApplicationGateway`; with the classic "
        "CLI, `azure network application-gateway delete <name>`) and migrate the "
        "network; the v2 gateway can be rebuilt in the migrated network later if it belongs there.",
    )
    invalid = (
        Example(
            {
                "inventory/appgw.json": """
                {
                  "Name": "contoso-appgw",
                  "Description": "",
                  "VnetName": "contoso-web-vnet",
                  "Subnets": ["AppGw"],
                  "InstanceCount": 2,
                  "GatewaySize": "Medium",
                  "State": "Running",
                  "VirtualIPs": ["203.0.113.40"],
                  "DnsName": "contoso-appgw.cloudapp.net"
                }
                """
            },
            expect=("inventory/appgw.json:1:1",),
        ),
    )
    valid = (
        Example(
            {
                "inventory/links.json": """
                [
                  {"State": "Provisioned", "VnetName": "contoso-er-vnet"}
                ]
                """
            },
            note="A circuit link has `VnetName` and `State` too, and is not a gateway.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for gateway in estate.inventory.application_gateways:
            subnets = f"subnet{'s' if len(gateway.subnets) > 1 else ''} {', '.join(gateway.subnets)}"
            said = [
                subnets if gateway.subnets else "",
                _network_subscription_words(estate, gateway.vnet, gateway.subscription),
            ]
            where = "; ".join(words for words in said if words)
            yield self.finding(
                gateway,
                f"classic Application Gateway '{gateway.name}' is in virtual network '{gateway.vnet}'"
                f"{f' ({where})' if where else ''}: the network cannot be migrated while it holds it",
                fix_in={Tool.CLASSIC_CLI: _cli_application_gateway_fix(gateway.name)},
            )


def _cli_application_gateway_fix(name: str) -> str:
    """MIG312's fix for a gateway the classic CLI makes: its user removes it with the CLI's own command,
    which names the gateway, not with a cmdlet it may not have."""
    return (
        "Build its replacement first, a v2 gateway in Resource Manager, and move the traffic to it; then "
        f"remove the classic gateway (`azure network application-gateway delete {command_word(name, '<gateway>')}`)"
        " before migrating the network."
    )


class VnetPeeringRule(Rule):
    code = "MIG313"
    name = "vnet-peering"
    severity = Severity.ERROR
    scope = Scope.VIRTUAL_NETWORKS
    looks_at = frozenset({VnetPeering})
    summary = "A classic virtual network is peered with a Resource Manager network."
    fix_hint = (
        "Delete the peering (on the Resource Manager network: Remove-AzVirtualNetworkPeering or `az network "
        "vnet peering delete`), migrate the classic network, then peer the two Resource Manager networks again."
    )
    source = (
        "Unsupported features — Network: Virtual networks using VNet Peering. Migrate Virtual Network to "
        "Resource Manager, then peer."
    )
    docs = Docs(
        what="Peerings of Resource Manager networks (`microsoft.network/virtualnetworks`) whose "
        "`virtualNetworkPeerings[].properties.remoteVirtualNetwork.id` is a classic network "
        "(`.../Microsoft.ClassicNetwork/virtualNetworks/<name>`), peerings exported on their own (rows typed "
        '`microsoft.network/virtualnetworks/virtualnetworkpeerings`, in a `{"value": [...]}` list or as '
        "`az network vnet peering list` writes them), and peerings declared in `vnet-peerings`. "
        "So are the peerings a script adds whose remote network is a classic network's id the script writes "
        "out, reported at the id: PowerShell's `Add-AzVirtualNetworkPeering` (`Add-AzureRmVirtualNetworkPeering`) "
        "`-RemoteVirtualNetworkId`, a shell script's `az network vnet peering create --remote-vnet`, and "
        "Python's azure-mgmt-network `virtual_network_peerings.begin_create_or_update` (`create_or_update`) "
        "given `remote_virtual_network` with that `id` (a dict or the `SubResource` model). These are "
        "Resource Manager calls: they do not make the script one that uses the classic API (MIG601). "
        "A peering is configured on the Resource Manager side only, so it is visible only when the export "
        "covers the subscription of the Resource Manager network: export every subscription that may peer "
        "with yours (`--management-groups`). The finding points at the Resource Manager network's row, or "
        "at a peering's `remoteVirtualNetwork` when the peering is a row of its own.",
        why="The platform does not migrate a virtual network that is peered: the peering would have to change "
        "from a classic-to-Resource Manager peering to one between two Resource Manager networks, which the "
        "migration does not do.",
        fix="Note the peering's settings (forwarded traffic, gateway transit, remote gateways). Delete it from "
        "the Resource Manager network (`Remove-AzVirtualNetworkPeering` or `az network vnet peering delete`, "
        "which the finding's fix writes out with the peering's and the network's names, and the network's "
        "resource group where the export, declaration, script or configuration states it), migrate the classic "
        "network, then peer the two networks again in both directions (`Add-AzVirtualNetworkPeering` or `az "
        "network vnet peering create`) with the same settings. Traffic between the two networks stops from the deletion until the new peering is "
        "connected: plan the window.",
    )
    invalid = (
        Example(
            {
                "inventory/dependents.json": f"""
                {{
                  "count": 1,
                  "data": [
                    {{
                      "id": "/subscriptions/{SUBSCRIPTION}/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/hub-vnet",
                      "name": "hub-vnet",
                      "type": "microsoft.network/virtualnetworks",
                      "subscriptionId": "{SUBSCRIPTION}",
                      "properties": {{
                        "virtualNetworkPeerings": [
                          {{
                            "name": "hub-to-prod",
                            "properties": {{
                              "peeringState": "Connected",
                              "remoteVirtualNetwork": {{"id": "{CLASSIC_VNET}"}}
                            }}
                          }}
                        ]
                      }}
                    }}
                  ],
                  "skip_token": null,
                  "total_records": 1
                }}
                """
            },
            expect=("inventory/dependents.json:15:46",),
        ),
        Example(
            {
                "network/peer.ps1": f"""
                $hub = Get-AzVirtualNetwork -Name "hub-vnet" -ResourceGroupName "hub"
                Add-AzVirtualNetworkPeering -Name "hub-to-prod" -VirtualNetwork $hub -RemoteVirtualNetworkId "{CLASSIC_VNET}"
                """
            },
            expect=("network/peer.ps1:2:94",),
            note="A script that peers a Resource Manager network with a classic one.",
        ),
    )
    valid = (
        Example(
            {
                "inventory/dependents.json": f"""
                [
                  {{
                    "id": "/subscriptions/{SUBSCRIPTION}/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/hub-vnet",
                    "name": "hub-vnet",
                    "type": "microsoft.network/virtualnetworks",
                    "properties": {{
                      "virtualNetworkPeerings": [
                        {{
                          "name": "hub-to-spoke",
                          "properties": {{
                            "remoteVirtualNetwork": {{"id": "/subscriptions/{SUBSCRIPTION}/resourceGroups/spoke/providers/Microsoft.Network/virtualNetworks/spoke-vnet"}},
                            "description": "not Microsoft.ClassicNetwork"
                          }}
                        }}
                      ]
                    }}
                  }}
                ]
                """
            },
            note="A peering between two Resource Manager networks is none of the migration's business.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for peering in estate.inventory.peerings:
            yield self.finding(
                peering,
                f"classic virtual network '{peering.vnet}'{_in_other_subscription(peering, estate)} is peered "
                f"with Resource Manager network '{peering.peer}' ({_peering_words(peering)}): a peered "
                "network cannot be migrated",
                fix=_peering_fix(peering),
            )


def _peering_fix(peering: VnetPeering) -> str:
    """MIG313's fix for one peering: the commands that delete it from its Resource Manager network, in
    PowerShell and in the Azure CLI (a script that made it with either may have only that one), with the
    names the files state and blanks for the rest: the network's resource group as the file states it (the
    id a declaration gives, the export's row, the script's or configuration's group), else to fill in; one
    a reader leaves to fill in, saying which (`<resource group main.json is deployed to>`), as written."""
    network = parse_id(peering.peer)  # a declaration may give the network's id
    name = network.names[-1] if network.names else peering.peer
    group = network.resource_group or peering.peer_group
    known = not is_stand_in(name) and bool(name)
    vnet_ps, vnet_sh = (ps_quoted(name), sh_quoted(name)) if known else ("<network>", "<network>")
    peer_ps, peer_sh = (
        (ps_quoted(peering.name), sh_quoted(peering.name)) if peering.named else ("<peering>", "<peering>")
    )
    group_ps, group_sh = (
        ((ps_quoted(group), sh_quoted(group)) if not is_stand_in(group) else (group, group))
        if group
        else ("<resource group>", "<resource group>")
    )
    on = f"Resource Manager network '{name}'" if known else "the Resource Manager network"
    return (
        f"Delete the peering from {on} (`Remove-AzVirtualNetworkPeering -Name {peer_ps} -VirtualNetworkName "
        f"{vnet_ps} -ResourceGroupName {group_ps}` or `az network vnet peering delete -n {peer_sh} --vnet-name "
        f"{vnet_sh} -g {group_sh}`), migrate the classic network, then peer the two Resource Manager networks "
        "again, in both directions (`Add-AzVirtualNetworkPeering` or `az network vnet peering create`)."
    )


def _peering_words(peering: VnetPeering) -> str:
    """Which peering it is, in a message: its name and state; a declared one that states no name is said
    to be declared (its stand-in name only repeats the two networks)."""
    if not peering.named:
        return "declared"
    state = f", {peering.state}" if peering.state else ""
    return f"peering '{peering.name}'{state}"


class _ServiceInVnetRule(Rule):
    """A rule for one kind of service deployed into a classic network (one row of the platform's table)."""

    service: ClassVar[ServiceKind]
    consequence: ClassVar[str] = "the network cannot be migrated while it holds it"
    # How the message places it: a service retired years ago is only "recorded" in the network, since
    # what the export or declaration says of it may be older than its removal (a file that creates it is
    # told `created_consequence` instead).
    placed: ClassVar[str] = "is in"
    # What a file that creates the service is told instead (`ServiceInVnet.created`: a script's call, a
    # template, a Terraform resource): there is no record to drop, the creation itself fails today. ""
    # where the rule words a creation and a record alike.
    created_consequence: ClassVar[str] = ""
    created_fix: ClassVar[str] = ""
    # What a command that updates the service to sit there is told (`ServiceInVnet.updated`: `az resource
    # update`, `Set-AzResource`): the update fails, and the service as it stands is not a new one.
    updated_consequence: ClassVar[str] = ""
    updated_fix: ClassVar[str] = ""
    severity = Severity.ERROR
    scope = Scope.VIRTUAL_NETWORKS
    looks_at = frozenset({ServiceInVnet})

    def check(self, estate: Estate) -> Iterator[Finding]:
        for record in estate.inventory.services_in_vnets:
            if record.service is self.service:
                placed, consequence, fix = self._wording(record)
                subnet = f", subnet '{record.subnet}'" if record.subnet else ""
                yield self.finding(
                    record,
                    f"{_service_words(record)} {placed} classic virtual network "
                    f"'{record.vnet}'{_in_other_subscription(record, estate)}{subnet}: {consequence}",
                    fix=fix,
                )

    def _wording(self, record: ServiceInVnet) -> tuple[str, str, str]:
        """How the message places the service, what follows and the fix (the rule's own when ""): a record,
        a creation, or an update that puts an existing service there."""
        if record.created and record.updated and self.updated_consequence:
            return "is updated to sit in", self.updated_consequence, self.updated_fix
        if record.created and self.created_consequence:
            return "is created in", self.created_consequence, self.created_fix
        return self.placed, self.consequence, ""


def _service_words(record: ServiceInVnet) -> str:
    """The service, in a message: its kind and name, `(declared)` when declared; a declared one that states
    no name by its kind alone (its stand-in name only repeats its kind and network)."""
    if not record.named:
        return f"a declared {record.service.label} without a name"
    return f"{record.service.label} '{record.name}'{' (declared)' if record.declared else ''}"


def _arm_row(type_: str, name: str, properties: str) -> str:
    """One Resource Graph row of a Resource Manager resource, for the examples."""
    provider, _, kind = type_.partition("/")
    return (
        "[\n"
        "  {\n"
        f'    "id": "/subscriptions/{SUBSCRIPTION}/resourceGroups/platform/providers/{provider}/{kind}/{name}",\n'
        f'    "name": "{name}",\n'
        f'    "type": "{type_.lower()}",\n'
        f'    "subscriptionId": "{SUBSCRIPTION}",\n'
        f'    "properties": {properties}\n'
        "  }\n"
        "]\n"
    )


class AppServiceEnvironmentInVnet(_ServiceInVnetRule):
    code = "MIG314"
    name = "app-service-environment-in-vnet"
    service = ServiceKind.APP_SERVICE_ENVIRONMENT
    placed = "is recorded in"
    # An error still: the 2023 overview lists these networks among the unsupported configurations, so an
    # environment left in one (retired, or only recorded) stops the network's migration until deleted.
    consequence = (
        f"App Service Environment v1 was retired on {APP_SERVICE_ENVIRONMENT_V1_V2}, so this is most likely a "
        "stale record or a leftover to delete: check whether the environment still exists, and delete it "
        "(moving any app still on it to an App Service Environment v3 first); the network cannot be migrated "
        "while it holds it"
    )
    created_consequence = (
        f"App Service Environment v1, the only one a classic network could hold, was retired on "
        f"{APP_SERVICE_ENVIRONMENT_V1_V2}, so creating an environment there fails today"
    )
    created_fix = (
        "Create the environment (an App Service Environment v3) in a subnet of a Resource Manager network "
        "instead (change the subnet id the file gives it), or remove it."
    )
    updated_consequence = (
        f"App Service Environment v1, the only one a classic network could hold, was retired on "
        f"{APP_SERVICE_ENVIRONMENT_V1_V2}, so the update fails today"
    )
    updated_fix = (
        "Point the update at a subnet of a Resource Manager network instead (an App Service Environment v3 "
        "there), or remove the update; an environment v1 still recorded in the classic network is one to "
        "delete."
    )
    summary = (
        f"An App Service Environment (v1, retired on {APP_SERVICE_ENVIRONMENT_V1_V2}) is recorded in the "
        "classic virtual network."
    )
    fix_hint = (
        f"App Service Environment v1 was retired on {APP_SERVICE_ENVIRONMENT_V1_V2}: check whether the "
        "environment still exists; delete it (moving any app still on it to an App Service Environment v3 in "
        "a Resource Manager network first) or drop the stale record, then migrate the classic network."
    )
    source = (
        "Unsupported configurations — Azure App Service: Virtual networks that contain App Service "
        "environments. This is currently not supported."
    )
    docs = Docs(
        what="App Service Environments (`microsoft.web/hostingenvironments`) whose "
        "`properties.virtualNetwork.id` is a classic network: App Service Environment v1 could be deployed "
        "into one. That the id is written in its classic form there is inferred from the templates that "
        "created such environments. Also environments declared in `vnet-services` with service "
        "`app-service-environment`, and those a deployment template, a Bicep file or a Terraform `azurerm` "
        "resource creates.",
        why="The platform does not migrate a network that an App Service Environment lives in, and the "
        "environment cannot be moved to another network. Only v1 could be deployed into a classic network, "
        f"and App Service Environment v1 and v2 were retired on {APP_SERVICE_ENVIRONMENT_V1_V2}: an "
        "environment recorded in one today is most likely a stale record (an old export, a stale "
        "declaration) or a leftover that was never deleted. It stays an error: while the network holds an "
        "environment, its migration fails. A file that creates one in a classic network holds no record: "
        "the creation itself fails today, and the finding says so.",
        fix="Check whether the environment still exists (`Get-AzResource -ResourceType "
        "Microsoft.Web/hostingEnvironments`). If it does not, drop the record: export the inventory again, or "
        "take the `vnet-services` declaration out. If it does, there is nothing to migrate it to but a new "
        "environment: create an App Service Environment v3 in a Resource Manager network, move any app still "
        "on it, with its settings, custom domains and certificates, switch traffic, and delete the old "
        "environment. Then migrate the classic network. A file that creates an environment in a classic "
        "network: create an App Service Environment v3 in a subnet of a Resource Manager network instead "
        "(change the subnet id the file gives it), or remove it.",
    )
    invalid = (
        Example(
            {
                "inventory/dependents.json": _arm_row(
                    "Microsoft.Web/hostingEnvironments",
                    "contoso-ase",
                    f'{{"virtualNetwork": {{"id": "{CLASSIC_VNET}", "subnet": "ase"}}}}',
                )
            },
            expect=("inventory/dependents.json:7:45",),
        ),
    )
    valid = (
        Example(
            {
                "inventory/dependents.json": _arm_row(
                    "Microsoft.Web/hostingEnvironments",
                    "contoso-ase3",
                    f'{{"virtualNetwork": {{"id": "/subscriptions/{SUBSCRIPTION}/resourceGroups/platform/'
                    'providers/Microsoft.Network/virtualNetworks/apps-vnet/subnets/ase"}, '
                    '"note": "Microsoft.ClassicNetwork is not its network"}',
                )
            },
            note="An environment in a Resource Manager network.",
        ),
    )


class HdinsightInVnet(_ServiceInVnetRule):
    code = "MIG315"
    name = "hdinsight-in-vnet"
    service = ServiceKind.HDINSIGHT
    summary = "An HDInsight cluster is deployed in the classic virtual network."
    fix_hint = (
        "Recreate the cluster in a Resource Manager network (its data stays in its storage), delete the old "
        "one, then migrate the classic network."
    )
    source = (
        "Unsupported configurations — Azure HDInsight: Virtual networks that contain HDInsight services. This "
        "is currently not supported."
    )
    docs = Docs(
        what="HDInsight clusters (`microsoft.hdinsight/clusters`) whose "
        "`computeProfile.roles[].virtualNetworkProfile` names a classic network, by its `id` or by a "
        "classic `subnet` id (the documented path; the classic form of the values is inferred), and "
        "clusters declared in `vnet-services` with service `hdinsight`.",
        why="The platform does not migrate a network that holds HDInsight nodes, and a cluster cannot be "
        "moved to another network.",
        fix="HDInsight clusters keep their data in their storage accounts: create a new cluster on a current "
        "HDInsight version in a Resource Manager network, attached to the same storage (and the same "
        "external metastores), check the jobs on it, and delete the old cluster. Then migrate the classic "
        "network.",
    )
    invalid = (
        Example(
            {
                "inventory/dependents.json": _arm_row(
                    "Microsoft.HDInsight/clusters",
                    "contoso-hadoop",
                    '{"computeProfile": {"roles": [{"name": "workernode", "virtualNetworkProfile": '
                    f'{{"id": "{CLASSIC_VNET}", "subnet": "{CLASSIC_VNET}/subnets/Data"}}}}]}}}}',
                )
            },
            expect=("inventory/dependents.json:7:104",),
        ),
    )
    valid = (
        Example(
            {
                "inventory/dependents.json": _arm_row(
                    "Microsoft.HDInsight/clusters",
                    "contoso-spark",
                    '{"computeProfile": {"roles": [{"name": "workernode"}]}, '
                    '"note": "Microsoft.ClassicNetwork is not its network"}',
                )
            },
            note="A cluster in no virtual network.",
        ),
    )


class DynamicsLcsInVnet(_ServiceInVnetRule):
    code = "MIG316"
    name = "dynamics-lcs-in-vnet"
    service = ServiceKind.DYNAMICS_LCS
    # Known from a declaration only: no resource a script or configuration creates says it is managed so.
    never_stated_in = frozenset({FileKind.POWERSHELL, FileKind.PYTHON, FileKind.SHELL})
    summary = "VMs managed by Dynamics Lifecycle Services are in the classic virtual network (declared)."
    fix_hint = (
        "Redeploy the Lifecycle Services environment on Resource Manager through Lifecycle Services and "
        "remove the classic one, then migrate the classic network."
    )
    source = (
        "Unsupported configurations — Microsoft Dynamics Lifecycle Services: Virtual networks that contain "
        "virtual machines that are managed by Dynamics Lifecycle Services. This is currently not supported."
    )
    docs = Docs(
        what="Lifecycle Services deployments declared in `vnet-services` with service `dynamics-lcs`. No "
        "export marks a VM as managed by Lifecycle Services (its VMs look like any other classic VM), so "
        "this limit is known only from a declaration: ask the team that runs the Dynamics environments.",
        why="Lifecycle Services manages its VMs itself; the platform does not migrate a network that holds "
        "them, since the migration would take them away from the service that manages them.",
        fix="Deploy a new environment through Lifecycle Services on Resource Manager (its current deployment "
        "model), move the workload and data to it as Lifecycle Services prescribes, and delete the classic "
        "environment from Lifecycle Services. Then migrate the classic network.",
    )
    invalid = (
        Example(
            {
                "pyproject.toml": """
                [tool.migcheck]
                fail-on = "error"

                [[tool.migcheck.inventory.vnet-services]]
                vnet = "contoso-erp-vnet"
                service = "dynamics-lcs"
                name = "contoso-ax-prod"
                """
            },
            expect=("pyproject.toml:4:1",),
        ),
    )
    valid = (
        Example(
            {
                "pyproject.toml": """
                [[tool.migcheck.inventory.vnet-services]]
                vnet = "contoso-erp-vnet"
                service = "api-management"
                """
            },
            note="Another service declared in the network is another rule's.",
        ),
    )


class AadDomainServicesInVnet(_ServiceInVnetRule):
    code = "MIG317"
    name = "aad-domain-services-in-vnet"
    service = ServiceKind.AAD_DOMAIN_SERVICES
    placed = "is recorded in"
    # A warning: the 2023 overview lists these networks among the supported configurations, and managed
    # domains in classic networks were removed after their retirement, so one found here is a stale record
    # (or an export older than the removal), not a blocker of the platform's.
    severity = Severity.WARNING
    consequence = (
        f"managed domains in classic networks were retired on {CLASSIC_DOMAIN_SERVICES} and then removed, so "
        "this is most likely a stale record: check that the domain is gone and that nothing still uses it "
        "(DNS servers, sign-in), then drop the record"
    )
    created_consequence = (
        f"managed domains in classic networks were retired on {CLASSIC_DOMAIN_SERVICES}, so creating one "
        "there fails today"
    )
    created_fix = (
        "Create the managed domain in a subnet of a Resource Manager network instead (change the subnet id "
        "the file gives it, its replica set's), or remove it."
    )
    updated_consequence = (
        f"managed domains in classic networks were retired on {CLASSIC_DOMAIN_SERVICES}, so the update fails "
        "today"
    )
    updated_fix = (
        "Point the update at a subnet of a Resource Manager network instead (the subnet id it gives the "
        "replica set), or remove the update."
    )
    summary = (
        "A Microsoft Entra Domain Services (formerly Azure AD Domain Services) managed domain is recorded in the classic virtual network, where such "
        "domains were removed at their retirement."
    )
    fix_hint = (
        "Check that the domain is gone and drop the record; point the network's DNS servers away from its "
        "old addresses, and create a new managed domain in a Resource Manager network if one is still needed."
    )
    source = (
        "Unsupported configurations — Azure AD Domain Services: Virtual networks that contain Azure AD Domain "
        "services. This is currently not supported (overview, 2018); the 2023 overview lists these networks "
        "among the supported configurations."
    )
    docs = Docs(
        what="Microsoft Entra Domain Services managed domains (`microsoft.aad/domainservices`, called Azure AD "
        "Domain Services until 2023) whose `subnetId`, or a `replicaSets[].subnetId` in newer API versions, is a "
        "classic subnet, domains declared in `vnet-services` with service `aad-domain-services`, and those "
        "a deployment template, a Bicep file or a Terraform `azurerm` resource creates. The "
        "`vnetSiteId` property (thought to be the classic network's site id) is not used.",
        why="Managed domains in classic networks had a migration of their own, which ended with their "
        f"retirement on {CLASSIC_DOMAIN_SERVICES}; the domains left there were then removed, and whatever "
        "authenticated against them stopped working. So a domain recorded in a classic network is a record "
        "older than that (an old export, a stale declaration), and the network does not hold it any more: "
        "the 2023 overview lists such networks among the supported configurations. It is a warning, because "
        "VMs of the network may still point at the domain's addresses for DNS or sign-in. A file that "
        "creates a managed domain in a classic network holds no record: the creation itself fails today, "
        "and the finding says so.",
        fix="Check that the domain is gone (`Get-AzResource -ResourceType Microsoft.AAD/domainServices`) "
        "and drop the record: export the inventory again, or take the `vnet-services` declaration out. If "
        "the network's DNS servers are the domain's old addresses, replace them before migrating. If the "
        "directory still needs a managed domain, create a new one in a Resource Manager network and join "
        "the VMs to it once they are migrated. A file that creates a managed domain in a classic network: "
        "create it in a subnet of a Resource Manager network instead (change the subnet id the file gives "
        "it, its replica set's), or remove it.",
    )
    invalid = (
        Example(
            {
                "inventory/dependents.json": _arm_row(
                    "Microsoft.AAD/domainServices",
                    "contoso.example",
                    f'{{"domainName": "contoso.example", "subnetId": "{CLASSIC_VNET}/subnets/Identity"}}',
                )
            },
            expect=("inventory/dependents.json:7:65",),
        ),
    )
    valid = (
        Example(
            {
                "inventory/dependents.json": _arm_row(
                    "Microsoft.AAD/domainServices",
                    "contoso.example",
                    '{"replicaSets": [{"subnetId": "/subscriptions/'
                    f"{SUBSCRIPTION}/resourceGroups/identity/providers/Microsoft.Network/virtualNetworks/"
                    'identity-vnet/subnets/aadds"}], "note": "moved out of Microsoft.ClassicNetwork"}',
                )
            },
            note="A managed domain already moved to a Resource Manager network.",
        ),
    )


class RemoteAppInVnet(_ServiceInVnetRule):
    code = "MIG318"
    name = "remoteapp-in-vnet"
    service = ServiceKind.REMOTEAPP
    placed = "is recorded in"
    # An error still: no overview lists these networks among the supported configurations (the 2018 one
    # lists them among the unsupported), so a collection left in one stops the migration until deleted.
    consequence = (
        f"Azure RemoteApp was retired on {REMOTEAPP}, so this is most likely a stale record or a leftover to "
        "delete: check whether the collection still exists, and delete it (or ask support to remove what is "
        "left of it); the network cannot be migrated while it holds it"
    )
    created_consequence = f"Azure RemoteApp was retired on {REMOTEAPP}, so creating a collection fails today"
    created_fix = (
        "Remove it: no RemoteApp collection can be created any more, in any network (Azure Virtual Desktop "
        "took its place)."
    )
    updated_consequence = f"Azure RemoteApp was retired on {REMOTEAPP}, so the update fails today, as any change to a collection does"
    updated_fix = (
        "Remove the update: no RemoteApp collection can be changed any more, in any network (Azure Virtual "
        "Desktop took its place)."
    )
    summary = (
        f"An Azure RemoteApp collection (a service retired on {REMOTEAPP}) is recorded in the classic virtual "
        "network."
    )
    fix_hint = (
        f"Azure RemoteApp was retired on {REMOTEAPP}: check whether the collection still exists; delete it (or "
        "ask support to remove what is left of it) or drop the stale record, then migrate the classic network."
    )
    source = (
        "Unsupported configurations — Azure RemoteApp: Virtual networks that contain Azure RemoteApp "
        "deployments. This is currently not supported."
    )
    docs = Docs(
        what="RemoteApp collections (`microsoft.remoteapp/collections`) that name a classic network or subnet "
        "id anywhere in their properties (the shape of those properties was never documented, so any "
        "value is looked at), collections declared in `vnet-services` with service `remoteapp`, and those "
        "a deployment template or a Bicep file creates.",
        why="The platform does not migrate a network that holds a RemoteApp deployment. Azure RemoteApp was "
        f"retired on {REMOTEAPP}: a collection recorded in a network today is most likely a stale record (an "
        "old export, a stale declaration) or a leftover that was never deleted. It stays an error: while the "
        "network holds a collection, its migration fails. A file that creates a collection holds no "
        "record: the creation itself fails today, and the finding says so.",
        fix="Check whether the collection still exists (`Get-AzResource -ResourceType "
        "Microsoft.RemoteApp/collections`). If it does not, drop the record: export the inventory again, or "
        "take the `vnet-services` declaration out. If it does, delete it (or ask support to remove what is "
        "left of it; its users moved to Azure Virtual Desktop long ago, or should now), then migrate the "
        "classic network. A file that creates a collection: remove it.",
    )
    invalid = (
        Example(
            {
                "pyproject.toml": """
                [[tool.migcheck.inventory.vnet-services]]
                vnet = "contoso-desktops-vnet"
                service = "remoteapp"
                name = "contoso-office-apps"
                """
            },
            expect=("pyproject.toml:1:1",),
        ),
        Example(
            {
                "inventory/dependents.json": _arm_row(
                    "Microsoft.RemoteApp/collections",
                    "contoso-office-apps",
                    f'{{"vnet": {{"subnet": "{CLASSIC_VNET}/subnets/Desktops"}}}}',
                )
            },
            expect=("inventory/dependents.json:7:39",),
        ),
    )
    valid = (
        Example(
            {
                "inventory/dependents.json": _arm_row(
                    "Microsoft.RemoteApp/collections",
                    "contoso-cloud-apps",
                    '{"mode": "cloud", "note": "no Microsoft.ClassicNetwork id"}',
                )
            },
            note="A cloud collection, in no virtual network of yours.",
        ),
    )


class ApiManagementInVnet(_ServiceInVnetRule):
    code = "MIG319"
    name = "api-management-in-vnet"
    service = ServiceKind.API_MANAGEMENT
    summary = "An API Management service is deployed in the classic virtual network."
    fix_hint = (
        "Move the API Management service to a subnet of a Resource Manager network (a change of its network "
        "settings, without downtime), then migrate the classic network."
    )
    source = (
        "Unsupported configurations — Azure API Management: Virtual networks that contain Azure API "
        "Management deployments. To migrate the IaaS VNET, change the VNET of the API Management deployment, "
        "which is a no downtime operation. Validation error: non-gateway PaaS deployments."
    )
    docs = Docs(
        what="API Management services (`microsoft.apimanagement/service`) whose "
        "`virtualNetworkConfiguration.subnetResourceId`, or that of one of their `additionalLocations`, is "
        "a classic subnet (`.../Microsoft.ClassicNetwork/virtualNetworks/<name>/subnets/<subnet>`), unless "
        "`virtualNetworkType` is `None`; and services declared in `vnet-services` with service "
        "`api-management`.",
        why="The platform does not migrate a network that an API Management service is deployed in (it "
        "reports non-gateway PaaS deployments).",
        fix="Change the service's virtual network to a subnet of a Resource Manager network (in the portal's "
        "Network settings, or by updating `virtualNetworkConfiguration`): the documented way out, and it "
        "causes no downtime. Give the new subnet the network security group rules API Management needs, "
        "and keep backends reachable from it (peer the networks, or migrate them first). Then migrate the "
        "classic network. A service on the retired stv1 compute platform has to be migrated to stv2 anyway, "
        "which moves it to a Resource Manager subnet in the same step.",
    )
    invalid = (
        Example(
            {
                "inventory/dependents.json": _arm_row(
                    "Microsoft.ApiManagement/service",
                    "contoso-apim",
                    '{"virtualNetworkType": "External", "virtualNetworkConfiguration": '
                    f'{{"subnetResourceId": "{CLASSIC_VNET}/subnets/Apim"}}}}',
                )
            },
            expect=("inventory/dependents.json:7:106",),
        ),
        Example(
            {
                "inventory.toml": """
                # API Management runs in the production network
                [[vnet-services]]
                vnet = "prod-vnet"
                service = "api-management"
                name = "contoso-apim"
                """
            },
            expect=("inventory.toml:2:1",),
        ),
    )
    valid = (
        Example(
            {
                "inventory/dependents.json": _arm_row(
                    "Microsoft.ApiManagement/service",
                    "contoso-apim",
                    '{"virtualNetworkType": "None", "virtualNetworkConfiguration": '
                    f'{{"subnetResourceId": "{CLASSIC_VNET}/subnets/Apim"}}}}',
                )
            },
            note="`virtualNetworkType` None: the service is in no network, whatever configuration is left.",
        ),
    )


# --- MIG5xx: management settings the migration does not carry over ---------------------------------------

_CLASSIC_TYPES = {
    "microsoft.classiccompute/domainnames": "cloud service",
    "microsoft.classiccompute/virtualmachines": "VM",
    "microsoft.classicnetwork/virtualnetworks": "virtual network",
    "microsoft.classicnetwork/reservedips": "reserved IP",
    "microsoft.classicnetwork/networksecuritygroups": "network security group",
    "microsoft.classicstorage/storageaccounts": "storage account",
}

# Built-in roles by definition id, and what to assign on the migrated resource instead.
_ROLES = {
    "8e3af657-a8ff-443c-a75c-2fe8c4bcb635": ("Owner", "Owner"),
    "b24988ac-6180-42a0-ab88-20f7382dd24c": ("Contributor", "Contributor"),
    "acdd72a7-3385-48ef-bd42-f606fba81ae7": ("Reader", "Reader"),
    "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9": ("User Access Administrator", "User Access Administrator"),
    "d73bb868-a0df-4d4d-bd69-98a00b01fccb": (
        "Classic Virtual Machine Contributor",
        "Virtual Machine Contributor",
    ),
    "b34d265f-36f7-4a0d-a4d4-e158ca92e90f": ("Classic Network Contributor", "Network Contributor"),
    "86e8f5dc-a6e9-4c67-9d15-de283e8eac25": (
        "Classic Storage Account Contributor",
        "Storage Account Contributor",
    ),
    "985d6b00-f706-48f5-a6fe-d0ca12fb668d": (
        "Classic Storage Account Key Operator Service Role",
        "Storage Account Key Operator Service Role",
    ),
    # Roles of Resource Manager that are assigned on classic resources too: the same after migration.
    **{
        definition: (name, name)
        for definition, name in (
            ("4d97b98b-1d4f-4787-a291-c67834d212e7", "Network Contributor"),
            ("9980e02c-c2be-4d73-94e8-173b1dc7cf3c", "Virtual Machine Contributor"),
            ("17d1049b-9a84-46fb-8f53-869881c3d3ab", "Storage Account Contributor"),
            ("ba92f5b4-2d11-453d-a403-e96b0029c9fe", "Storage Blob Data Contributor"),
            ("2a2b9908-6ea1-4ae2-8e65-a410df84e7d1", "Storage Blob Data Reader"),
            ("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Storage Blob Data Owner"),
            ("749f88d5-cbae-40b8-bcfc-e573ddc772fa", "Monitoring Contributor"),
            ("43d0d8ad-25c7-4714-9337-8ba259a9fe05", "Monitoring Reader"),
        )
    },
}


# The same roles by their names, without regard to case, as `--role`, `-RoleDefinitionName` and Terraform's
# `role_definition_name` name them.
_ROLES_BY_NAME = {name.casefold(): definition for definition, (name, _) in _ROLES.items()}


def built_in_role(name: str) -> str:
    """The definition id of the built-in role named `name`; "" for a role not among `_ROLES`."""
    return _ROLES_BY_NAME.get(name.strip().casefold(), "")


def _is_classic_only(definition: str) -> bool:
    """Whether the role manages classic resources only: its Resource Manager counterpart is another."""
    known = _ROLES.get(definition)
    return known is not None and known[0] != known[1]


def _is_storage_account(scope: ResourceId) -> bool:
    return scope.type == "microsoft.classicstorage/storageaccounts" and len(scope.names) == 1


def _role_words(definition: str) -> tuple[str, str]:
    """How messages name an assigned role, and the one to assign after migration: built-in roles by
    name; any other by its definition id, said as such (`-RoleDefinitionId` takes it, `-RoleDefinitionName`
    does not)."""
    known = _ROLES.get(definition)
    if known is not None:
        return f"role '{known[0]}'", f"the role '{known[1]}'"
    return f"the role of definition id '{definition}'", f"the role of definition id '{definition}'"


def _is_role_of_service(target: ResourceId) -> bool:
    """Whether `target` is a role of a cloud service (`.../domainNames/<service>/slots/<slot>/roles/<role>`):
    a web or worker role, or a VM of the service's deployment."""
    return target.top_type == "microsoft.classiccompute/domainnames" and target.type.split("/")[-1] == "roles"


def _web_or_worker_roles(estate: Estate) -> set[tuple[str, str]]:
    """(cloud service, role) of every web or worker role the files show, by key: a role id of that shape
    (`.../domainNames/<service>/.../roles/<role>`) is one of them, or a VM, which migrates."""
    return {
        (key(service.name), key(role.name)) for service in estate.cloud_services for role in service.roles
    }


def _described(target: ResourceId) -> str:
    """A classic resource id in words: `VM 'sql01'`, `role 'Web' of cloud service 'shop'`."""
    if _is_role_of_service(target):
        return f"role '{target.names[-1]}' of cloud service '{target.name}'"
    what = _CLASSIC_TYPES.get(target.top_type, target.top_type or "resource")
    return f"{what} '{target.name}'"


def _subscription_as_written(scope: ResourceId) -> str:
    """The subscription of a classic id, as the file writes it: an id of zeros, which names no subscription
    (`scope.subscription` is then ""), is still the one a team put in its export and reads back; an id
    with no subscription in it (a template's `Microsoft.ClassicCompute/virtualMachines/web01`) is to fill
    in. One a reader leaves to fill in, saying which (`<subscription main.json is deployed to>`, `<subscription
    az is logged into>`), is said as it wrote it, in the message as in the commands that take the id whole."""
    if scope.subscription:
        return scope.subscription
    parts = [part for part in scope.text.strip().split("/") if part]
    folded = [part.casefold() for part in parts]
    if "subscriptions" in folded[:-1]:
        written = parts[folded.index("subscriptions") + 1]
        if "<" not in written or (written.startswith("<") and written.endswith(">")):
            return written
    return "<subscription id>"


# A finding of these rules may come from an export, a script (PowerShell, Python, shell, a CI step), a
# template or a Terraform configuration: the file it points at states the setting, whichever it is, and the
# setting is read back in the words of both command lines, since an az user may have no cmdlets and a
# PowerShell user no az.
_KEEP_FILE = "or keep this file, which states it"


def _assignment_record(scope: ResourceId) -> str:
    """How to record a role assignment on a classic resource before it migrates: its scope read back with
    PowerShell and with the Azure CLI, or the file that states it."""
    scope_id = _full_id(scope)
    return f"`Get-AzRoleAssignment -Scope {scope_id}` or `az role assignment list --scope {scope_id}`, {_KEEP_FILE}"


def _full_id(scope: ResourceId) -> str:
    """A classic id as a command takes it: as written, or, for one a template writes from its provider on
    (`Microsoft.ClassicCompute/virtualMachines/web01`, the resource group it is deployed to), with the
    subscription and resource group to fill in."""
    written = scope.text.strip()
    if written.casefold().startswith("/subscriptions/"):
        return written
    return f"/subscriptions/<subscription id>/resourceGroups/<resource group>/{written.lstrip('/')}"


def migrated_id(scope: ResourceId, service: str = "") -> str:
    """The id a classic resource will have after migration, "" when it cannot be told. The migration puts
    a cloud service's resources in a resource group `<cloud service>-Migrated` and a virtual network in
    `<network>-Migrated`; a storage account is assumed to go to `<account>-Migrated` likewise. `service` is
    a VM's cloud service when an export says it (else the VM's resource group, which classic VMs share
    with their cloud service)."""
    base = f"/subscriptions/{_subscription_as_written(scope)}/resourceGroups"
    if len(scope.names) != 1:
        return ""
    name = scope.name
    if scope.type == "microsoft.classiccompute/domainnames":
        return f"{base}/{name}-Migrated"
    if scope.type == "microsoft.classiccompute/virtualmachines":
        group = service or scope.resource_group
        return f"{base}/{group}-Migrated/providers/Microsoft.Compute/virtualMachines/{name}" if group else ""
    if scope.type == "microsoft.classicnetwork/virtualnetworks":
        return f"{base}/{name}-Migrated/providers/Microsoft.Network/virtualNetworks/{name}"
    if scope.type == "microsoft.classicstorage/storageaccounts":
        return f"{base}/{name}-Migrated/providers/Microsoft.Storage/storageAccounts/{name}"
    return ""


_SUBSCRIPTION_ASSIGNMENT = f"""
[
  {{
    "id": "/subscriptions/{SUBSCRIPTION}/providers/Microsoft.Authorization/roleAssignments/2b3c4d5e-0000-4000-8000-000000000002",
    "name": "2b3c4d5e-0000-4000-8000-000000000002",
    "type": "microsoft.authorization/roleassignments",
    "properties": {{
      "scope": "/subscriptions/{SUBSCRIPTION}",
      "roleDefinitionId": "/providers/Microsoft.Authorization/roleDefinitions/d73bb868-a0df-4d4d-bd69-98a00b01fccb",
      "principalId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
      "principalType": "Group"
    }}
  }}
]
"""


# How an alert of the classic `alertrules` list is named (`AlertRule.source`).
CLASSIC_ALERT_RULE = "classic alert rule"


class ClassicRoleAssignment(Rule):
    code = "MIG501"
    name = "classic-role-assignment"
    severity = Severity.WARNING
    scope = Scope.CLOUD_SERVICES
    looks_at = frozenset({RoleAssignment})
    summary = (
        "A role assignment is scoped to a classic resource, whose id changes when it migrates, or assigns a "
        "classic-only role that manages none of the migrated resources."
    )
    fix_hint = (
        "Before migrating, record the assignment (the file that states it, `Get-AzRoleAssignment` or `az role "
        "assignment list`); after "
        "migration, assign the same principal the Resource Manager role on the migrated resource's id, and "
        "remove the classic assignment. A classic-only role on a subscription or management group: assign "
        "its Resource Manager counterpart on the same scope before migrating; on a resource group: on the "
        "`-Migrated` groups the migration creates, or on the subscription."
    )
    source = (
        "Unsupported configurations — Resource Manager: Role Based Access Control (RBAC) for classic "
        "resources. Because the URI of the resources is modified after migration, it is recommended that you "
        "plan the RBAC policy updates that need to happen after migration."
    )
    docs = Docs(
        what="Role assignments (`microsoft.authorization/roleassignments`, from Resource Graph's "
        "`authorizationresources` table, with or without a `type` column: an assignment's `id` ends with "
        "`/providers/Microsoft.Authorization/roleAssignments/<id>`; from `az role assignment list`, its "
        "properties at the row's top; or from `Get-AzRoleAssignment | ConvertTo-Json`, whose objects have no "
        "type and are told by `RoleAssignmentId`, `Scope`, `RoleDefinitionId` and `ObjectId`, in UTF-16 too, "
        "as Windows PowerShell writes it) whose scope is a classic resource "
        "(`/providers/Microsoft.Classic...`). The message names the role (built-in roles by name), the "
        "principal, and the id the resource will have after migration: `<cloud service>-Migrated` "
        "resource groups for cloud services and their VMs and `<network>-Migrated` for virtual networks, "
        "as the platform documents; `<account>-Migrated` for storage accounts is assumed by analogy. Where "
        "no id can be told (reserved IPs, network security groups), it says so. Also assignments of the "
        "built-in roles that manage classic resources only (Classic Virtual Machine Contributor, Classic "
        "Network Contributor, Classic Storage Account Contributor, Classic Storage Account Key Operator "
        "Service Role, told by their definition ids) on a subscription, a resource group or a management "
        "group, from an export of every assignment (`az graph query` on `authorizationresources` without the "
        "filter on classic scopes, or `az role assignment list --all`), when the files checked hold a "
        "classic resource of that subscription (of any kind, described by any file or named by id, as an "
        "assignment on a classic resource names one; for a management group, of any subscription); the "
        "message names the Resource Manager role to grant there instead. Other roles on such scopes cover "
        "the migrated resources too, and are not reported. The principal is named by its name beside its id "
        "when the export gives it (`principalName`, as `az role assignment list` writes it; `SignInName`, else "
        "`DisplayName`, from `Get-AzRoleAssignment`).",
        why="Migration gives every resource a new Resource Manager id, and assignments on the old id do not "
        "follow it: whoever managed a classic VM through a role assignment loses that access once it "
        "migrates, and classic roles (Classic Virtual Machine Contributor...) mean nothing on Resource "
        "Manager resources. The migration goes through; the access has to be granted again. A classic "
        "storage account is the exception: its migration keeps the assignments scoped to it (the storage "
        "team's FAQ on migrating classic storage accounts says so; the IaaS migration's pages do not cover "
        "storage-only migrations), so only a "
        "classic role there is reported (it is kept too, and grants nothing on the migrated account).",
        fix="Before migrating, record the assignments (this rule's findings are that list; keep the files that "
        "state them, or read them again with `Get-AzRoleAssignment -Scope <classic id>` or `az role assignment "
        "list --scope <classic id>`). After the commit, "
        "assign each principal the Resource Manager role on the new id (`az role assignment create` or "
        "`New-AzRoleAssignment -ObjectId "
        "<principal> -RoleDefinitionName <role> -Scope <new id>`): Virtual Machine Contributor for Classic "
        "Virtual Machine Contributor, Network Contributor for Classic Network Contributor, Storage Account "
        "Contributor for Classic Storage Account Contributor, Storage Account Key Operator Service Role for "
        "Classic Storage Account Key Operator Service Role. Then remove the classic assignments. Prefer "
        "assigning on the `-Migrated` resource group when several resources share one principal. A classic "
        "role on a subscription or management group keeps its scope: assign the Resource Manager role on "
        "that same scope (before the migration, so that the principals can manage the resources as soon as "
        "they are migrated), and remove the classic assignment once no classic resource is left under it. "
        "On a resource group it does not: the migration moves the group's classic resources into resource "
        "groups of its own making (`<cloud service>-Migrated`, `<network>-Migrated`), so the Resource Manager "
        "role is assigned there once Prepare has created them, or on the subscription; the finding names the "
        "groups of the cloud services named like the group (classic VMs share their cloud service's group).",
    )
    invalid = (
        Example(
            {
                "inventory/rbac.json": f"""
                {{
                  "count": 1,
                  "data": [
                    {{
                      "id": "/subscriptions/{SUBSCRIPTION}/resourceGroups/contoso-jump/providers/Microsoft.ClassicCompute/virtualMachines/contoso-jump01/providers/Microsoft.Authorization/roleAssignments/5d0e7c1a-2b3f-4a6d-8e9f-0a1b2c3d4e5f",
                      "name": "5d0e7c1a-2b3f-4a6d-8e9f-0a1b2c3d4e5f",
                      "type": "microsoft.authorization/roleassignments",
                      "subscriptionId": "{SUBSCRIPTION}",
                      "properties": {{
                        "scope": "/subscriptions/{SUBSCRIPTION}/resourceGroups/contoso-jump/providers/Microsoft.ClassicCompute/virtualMachines/contoso-jump01",
                        "roleDefinitionId": "/subscriptions/{SUBSCRIPTION}/providers/Microsoft.Authorization/roleDefinitions/d73bb868-a0df-4d4d-bd69-98a00b01fccb",
                        "principalId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                        "principalType": "Group"
                      }}
                    }}
                  ],
                  "skip_token": null,
                  "total_records": 1
                }}
                """
            },
            expect=("inventory/rbac.json:10:18",),
        ),
        Example(
            {"inventory/classic.json": CLASSIC_VM_ROW, "inventory/rbac.json": _SUBSCRIPTION_ASSIGNMENT},
            expect=("inventory/rbac.json:8:27",),
            note="Classic Virtual Machine Contributor on the whole subscription, which holds the classic VM "
            "app03, manages none of the migrated VMs.",
        ),
        Example(
            {
                "inventory/rbac.json": f"""
                [
                    {{
                        "RoleAssignmentName":  "5d0e7c1a-2b3f-4a6d-8e9f-0a1b2c3d4e5f",
                        "RoleAssignmentId":  "/subscriptions/{SUBSCRIPTION}/resourceGroups/contoso-sql/providers/Microsoft.ClassicCompute/virtualMachines/sql01/providers/Microsoft.Authorization/roleAssignments/5d0e7c1a-2b3f-4a6d-8e9f-0a1b2c3d4e5f",
                        "Scope":  "/subscriptions/{SUBSCRIPTION}/resourceGroups/contoso-sql/providers/Microsoft.ClassicCompute/virtualMachines/sql01",
                        "DisplayName":  "SQL DBAs",
                        "SignInName":  null,
                        "RoleDefinitionName":  "Classic Virtual Machine Contributor",
                        "RoleDefinitionId":  "d73bb868-a0df-4d4d-bd69-98a00b01fccb",
                        "ObjectId":  "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                        "ObjectType":  "Group",
                        "CanDelegate":  false,
                        "Description":  null,
                        "ConditionVersion":  null,
                        "Condition":  null
                    }}
                ]
                """
            },
            expect=("inventory/rbac.json:5:19",),
            note="`Get-AzRoleAssignment | ConvertTo-Json`: the same assignment, as PowerShell writes it.",
        ),
    )
    valid = (
        Example(
            {
                "inventory/rbac.json": f"""
                [
                  {{
                    "id": "/subscriptions/{SUBSCRIPTION}/providers/Microsoft.Authorization/roleAssignments/1a2b3c4d-0000-4000-8000-000000000001",
                    "name": "1a2b3c4d-0000-4000-8000-000000000001",
                    "type": "microsoft.authorization/roleassignments",
                    "properties": {{
                      "scope": "/subscriptions/{SUBSCRIPTION}",
                      "roleDefinitionId": "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7",
                      "principalId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                      "note": "not on a Microsoft.ClassicCompute resource"
                    }}
                  }}
                ]
                """
            },
            note="An assignment on the whole subscription covers the migrated resources too.",
        ),
        Example(
            {"inventory/rbac.json": _SUBSCRIPTION_ASSIGNMENT},
            note="A classic-only role on the subscription, with nothing classic among the files checked: "
            "nothing says that the subscription holds a resource to migrate.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        assignments = estate.inventory.role_assignments
        if not assignments:  # what follows walks every cloud service's roles
            return
        classic = _subscriptions_with_classic(estate, [a for a in assignments if not a.scope.is_classic])
        web_roles = _web_or_worker_roles(estate)
        for assignment in assignments:
            scope = assignment.scope
            if not scope.is_classic:  # a classic-only role on a subscription, group or management group
                if _holds_classic(scope, classic):
                    yield self._classic_role(assignment, estate)
                continue
            role, replacement = _role_words(assignment.role_definition)
            who = _principal(assignment)
            record = f"Before migrating, record this assignment ({_assignment_record(scope)})"
            if _is_role_of_service(scope) and (key(scope.name), key(scope.names[-1])) in web_roles:
                yield self.finding(
                    assignment,
                    f"{role} is assigned to {who} on classic {_described(scope)}, which the migration does not "
                    "move (web/worker roles are not migrated, MIG101)",
                    at=assignment.scope_mark,
                    fix=f"{record}; once the role's code is rebuilt on its new service, grant {who} {replacement} "
                    "or the access it needs there, then remove this assignment.",
                )
                continue
            if _is_storage_account(scope):
                if _is_classic_only(assignment.role_definition):  # another role is kept as it is
                    yield self._on_storage_account(assignment, role, replacement, who)
                continue
            service = estate.inventory.service_of_vm(scope.subscription, scope.name)
            new_id = migrated_id(scope, service)
            after = (
                f"after migration it is {new_id}"
                if new_id
                else "its Resource Manager id is known only after migration"
            )
            yield self.finding(
                assignment,
                f"{role} is assigned to {who} on classic {_described(scope)}; {after}",
                at=assignment.scope_mark,
                fix=f"{record}; after migration, assign {who} {replacement} on "
                f"{new_id or 'the migrated resource'}, then remove this assignment.",
            )

    def _on_storage_account(
        self, assignment: RoleAssignment, role: str, replacement: str, who: str
    ) -> Finding:
        """A classic-only role on a classic storage account: the account's migration keeps the assignment
        (storage FAQ: assignments scoped to the classic account are maintained), but the role then manages
        nothing of the account."""
        scope = assignment.scope
        new_id = migrated_id(scope)
        return self.finding(
            assignment,
            f"{role} is assigned to {who} on classic {_described(scope)}; the account's migration keeps the "
            "assignment, but a classic role grants nothing on the migrated account",
            at=assignment.scope_mark,
            fix=f"After migration, assign {who} {replacement} on {new_id or 'the migrated account'}, then "
            "remove this assignment.",
        )

    def _classic_role(self, assignment: RoleAssignment, estate: Estate) -> Finding:
        role, replacement = _ROLES[assignment.role_definition]
        who = _principal(assignment)
        where = _scope_words(assignment.scope)
        granted = "only, so after migration this assignment lets the principal manage none of the migrated resources"
        if not assignment.scope.resource_group or assignment.scope.names:
            return self.finding(
                assignment,
                f"role '{role}' is assigned to {who} on {where}: the role grants rights on classic resources "
                f"{granted}",
                at=assignment.role_mark,
                fix=(
                    f"Assign {who} the role '{replacement}' on {where} before migrating "
                    f"({_assign_command(assignment, replacement, assignment.scope.text.strip())}), and "
                    "remove this assignment once no classic resource is left there."
                ),
            )
        return self._classic_role_on_group(
            assignment,
            estate,
            f"role '{role}' is assigned to {who} on "
            f"{where}: the role grants rights on classic resources {granted}",
        )

    def _classic_role_on_group(self, assignment: RoleAssignment, estate: Estate, said: str) -> Finding:
        """A classic-only role on a resource group: the migration moves the group's classic resources into
        groups of its own making, so the Resource Manager role goes there (or on the subscription)."""
        _, replacement = _ROLES[assignment.role_definition]
        who = _principal(assignment)
        scope = assignment.scope
        subscription = f"/subscriptions/{_subscription_as_written(scope)}"
        groups = _migrated_groups(estate, scope)
        remove = f"remove this assignment once no classic resource is left in resource group '{scope.resource_group}'."
        if groups:
            named = listed((g for g, _ in groups), quote="'")
            held = listed((what for _, what in groups), quote="")
            plural = "s" if len(groups) != 1 else ""
            commands = "; ".join(
                _assign_command(assignment, replacement, f"{subscription}/resourceGroups/{g}")
                for g, _ in groups
            )
            return self.finding(
                assignment,
                f"{said}, and the migration moves {held} out of the group, into resource group{plural} "
                f"{named}, which it creates for {'them' if plural else 'it'}",
                at=assignment.role_mark,
                fix=(
                    f"Assign {who} the role '{replacement}' on resource group{plural} {named} (the migrated "
                    f"{held}) once Prepare has created {'them' if plural else 'it'} ({commands}), or on "
                    f"subscription {_subscription_as_written(scope)} ({_assign_command(assignment, replacement, subscription)}); "
                    f"{remove}"
                ),
            )
        return self.finding(
            assignment,
            f"{said}, and the migration moves the group's classic resources into new resource groups "
            "(`<cloud service>-Migrated`, `<network>-Migrated`)",
            at=assignment.role_mark,
            fix=(
                f"Assign {who} the role '{replacement}' on the resource groups the migration puts the group's "
                "classic resources in, named after them (`<cloud service>-Migrated`, `<network>-Migrated`), "
                "once Prepare has created them "
                f"({_assign_command(assignment, replacement, f'{subscription}/resourceGroups/<name>-Migrated')}), "
                f"or on subscription {_subscription_as_written(scope)} "
                f"({_assign_command(assignment, replacement, subscription)}); {remove}"
            ),
        )


def _assign_command(assignment: RoleAssignment, role: str, scope: str) -> str:
    """The commands that assign the principal `role` on `scope`, in PowerShell and in the Azure CLI (a script
    that made the classic assignment with either may have only that one), naming the principal as the files
    do: by object id, else by sign-in name, else a blank to fill in."""
    if assignment.principal_id:
        ps_who, sh_who = f"-ObjectId {assignment.principal_id}", f"--assignee {assignment.principal_id}"
    elif "@" in assignment.principal_name:
        name = assignment.principal_name
        ps_who, sh_who = f"-SignInName {ps_quoted(name)}", f"--assignee {sh_quoted(name)}"
    else:
        ps_who, sh_who = "-ObjectId <principal>", "--assignee <principal>"
    return (
        f"`New-AzRoleAssignment {ps_who} -RoleDefinitionName {ps_quoted(role)} -Scope {scope}` or "
        f"`az role assignment create {sh_who} --role {sh_quoted(role)} --scope {scope}`"
    )


def _migrated_groups(estate: Estate, scope: ResourceId) -> list[tuple[str, str]]:
    """The resource groups the migration creates for the classic resources of a resource group, with what
    each holds (`rs-Migrated`, `cloud service 'rs'`), named as the plan names them. The files tell a cloud
    service's group only by its name: classic VMs and their cloud service share a resource group named
    after the cloud service (as `migrated_id` reads it), so a group of that name holds it. Networks and
    storage accounts say nothing of their group."""
    from migcheck.plan import service_name  # the plan's `becomes:` names the group the same way

    group = key(scope.resource_group)
    found: dict[str, str] = {}
    for service in estate.cloud_services:
        if key(service.name) == group and service.vms and service.named_by != "deployment":
            found.setdefault(f"{service_name(service)}-Migrated", f"cloud service '{service.name}'")
    for vm in estate.inventory.vms:
        if key(vm.service) == group and vm.subscription in ("", scope.subscription):
            found.setdefault(f"{vm.service}-Migrated", f"cloud service '{vm.service}'")
    return list(found.items())


def _principal(assignment: RoleAssignment) -> str:
    """The principal in words: its type, then its name with its id (`User ops@contoso.com (5f6e...)`) when
    the export gives the name, else its id."""
    kind = assignment.principal_type or "principal"
    if assignment.principal_name and assignment.principal_id:
        return f"{kind} {assignment.principal_name} ({assignment.principal_id})"
    return " ".join(p for p in (kind, assignment.principal_name or assignment.principal_id) if p)


def _subscriptions_with_classic(estate: Estate, broad: list[RoleAssignment]) -> set[str]:
    """The subscriptions that hold a classic resource among the files checked, when `broad` (assignments of
    classic-only roles on subscriptions, resource groups and management groups) are to be weighed: those of
    the classic resources the exports list, of any kind, or name by id, and the one the files' own are of
    (`files_subscription`, as MIG207 tells it), or with no export naming one, each subscription `broad` names;
    "" for resources of a subscription not known."""
    if not broad:
        return set()
    inventory = estate.inventory
    found = {vm.subscription for vm in inventory.vms}
    found |= {network.subscription for network in inventory.networks}
    found |= {account.subscription for account in inventory.storage_accounts}
    found |= {ip.subscription for ip in inventory.reserved_ips}
    found |= {subscription for subscription in _named_classic(inventory) if subscription}
    if _describes_classic(estate):
        weighed = {a.scope.subscription for a in broad} - {""}
        own = files_subscription(estate, weighed)
        found.add(own or "")
        if own is None and not found - {""}:  # no export says where the files' own are: any weighed may
            found |= weighed
    return found


def _named_classic(inventory: Inventory) -> Iterator[str]:
    """The subscriptions of the classic resources the exports name by id: those role assignments are scoped
    to, those alert rules and autoscale settings watch, and the networks peerings and services reach into."""
    yield from (a.scope.subscription for a in inventory.role_assignments if a.scope.is_classic)
    yield from (target.subscription for rule in inventory.alert_rules for target in rule.targets)
    for setting in inventory.autoscale_settings:
        yield from (t.subscription for t in (setting.target, *setting.metric_sources) if t is not None)
    yield from (peering.vnet_subscription for peering in inventory.peerings)
    yield from (service.vnet_subscription for service in inventory.services_in_vnets)


def _describes_classic(estate: Estate) -> bool:
    """Whether the files describe a classic resource: a cloud service (VMs an export lists joined to it), a
    network defined, a local network site, a reserved IP, a disk, an image, a security group or a route
    table. (A network only named, by a peering or a service placed in it, is not: the subscription its id
    names is the one that holds it, `_named_classic`.)"""
    return bool(
        estate.cloud_services
        or any(network.defined for network in estate.virtual_networks)
        or estate.local_sites
        or estate.reserved_ips
        or estate.disks
        or estate.images
        or estate.network_security_groups
        or estate.route_tables
    )


def _holds_classic(scope: ResourceId, subscriptions: set[str]) -> bool:
    """Whether a subscription, resource group or management group scope may hold a classic resource among
    the files checked (`subscriptions`, see `_subscriptions_with_classic`): a classic resource of its
    subscription; any classic resource, for a management group, whose subscriptions no export lists."""
    if scope.type == "microsoft.management/managementgroups":
        return bool(subscriptions)
    return scope.subscription in subscriptions


def _scope_words(scope: ResourceId) -> str:
    """A subscription, resource group or management group scope in words."""
    if scope.type == "microsoft.management/managementgroups":
        return f"management group '{scope.name}'"
    if scope.resource_group:
        return f"resource group '{scope.resource_group}' of subscription {_subscription_as_written(scope)}"
    return f"subscription {_subscription_as_written(scope)}"


class ClassicAlertRule(Rule):
    code = "MIG502"
    name = "classic-alert-rule"
    severity = Severity.WARNING
    scope = Scope.CLOUD_SERVICES
    looks_at = frozenset({AlertRule})
    summary = (
        "An alert rule watches a classic resource: the migration drops it, and a classic alert rule has not "
        "fired since classic alerts were retired."
    )
    fix_hint = (
        "Before migrating, record the alert's definition (the file that states it, `az monitor metrics alert "
        "show` or `Get-AzMetricAlertRuleV2`); after migration, recreate it on the migrated resource, a metric "
        "alert as a metric alert, an activity log alert as an activity log alert."
    )
    source = (
        "Unsupported configurations — Compute: Virtual machines that have alerts, Autoscale policies. The "
        "migration goes through and these settings are dropped. ... you can reconfigure the alert settings "
        "after migration is complete."
    )
    docs = Docs(
        what="Alert rules whose target is a classic resource: classic alert rules (the `alertrules` list, "
        '`{"value": [...]}`) whose `condition.dataSource.resourceUri` is a classic id, and metric alerts '
        "(`microsoft.insights/metricalerts`) or activity log alerts whose `scopes` (or a `resourceId` "
        "condition) name classic resources; for the latter two the classic scopes are inferred, not seen. "
        "The message lists what each alert watches and its metric, so that it can be recreated.",
        why="The migration goes through, and the alert settings of the migrated VMs are dropped: a metric "
        "or activity log alert on a classic id stops firing without anyone being told. A classic alert rule "
        "stopped long before: classic alerts were retired in the public cloud (in limited use until "
        f"{CLASSIC_ALERTS}) and in Azure Government and Azure operated by 21Vianet on "
        f"{CLASSIC_ALERTS_SOVEREIGN}, so such a rule is a record of monitoring the resource no longer has.",
        fix="Before migrating, record each alert's definition — its metric, threshold, window and action "
        "group: keep the file the finding points at (an export, or the script, template or configuration "
        "that creates it), or read it again (`az monitor metrics alert show` or `Get-AzMetricAlertRuleV2`, "
        "`az monitor activity-log alert show` or `Get-AzActivityLogAlert`, in the alert's resource group, "
        "which the finding's commands name where the file states it) — since the migration drops it. "
        "After migration, recreate each alert on the migrated resource, a metric alert or a classic rule as a "
        "metric alert (`Add-AzMetricAlertRuleV2`, `az monitor metrics alert create` or the portal), an activity "
        "log alert as an activity log alert (`New-AzActivityLogAlert`, `az monitor activity-log alert create`), "
        "then delete the old rule; an alert on a web/worker role is recreated for the roles' new home once "
        "they are rebuilt (they are not migrated, MIG101). A classic alert rule is rebuilt the same way, "
        "now rather than after migrating: it is a record to rebuild from, not something that still fires.",
    )
    invalid = (
        Example(
            {
                "inventory/alertrules.json": f"""
                {{
                  "value": [
                    {{
                      "id": "/subscriptions/{SUBSCRIPTION}/resourceGroups/contoso-monitoring/providers/microsoft.insights/alertrules/jump01-cpu",
                      "name": "jump01-cpu",
                      "type": "Microsoft.Insights/alertRules",
                      "location": "westeurope",
                      "properties": {{
                        "name": "jump01-cpu",
                        "isEnabled": true,
                        "condition": {{
                          "odata.type": "Microsoft.Azure.Management.Insights.Models.ThresholdRuleCondition",
                          "dataSource": {{
                            "odata.type": "Microsoft.Azure.Management.Insights.Models.RuleMetricDataSource",
                            "resourceUri": "/subscriptions/{SUBSCRIPTION}/resourceGroups/contoso-jump/providers/Microsoft.ClassicCompute/virtualMachines/contoso-jump01",
                            "metricName": "Percentage CPU"
                          }},
                          "operator": "GreaterThan",
                          "threshold": 90,
                          "windowSize": "PT15M"
                        }}
                      }}
                    }}
                  ]
                }}
                """
            },
            expect=("inventory/alertrules.json:15:28",),
        ),
    )
    valid = (
        Example(
            {
                "inventory/alertrules.json": f"""
                {{
                  "value": [
                    {{
                      "id": "/subscriptions/{SUBSCRIPTION}/resourceGroups/apps/providers/microsoft.insights/alertrules/web-cpu",
                      "name": "web-cpu",
                      "type": "Microsoft.Insights/alertRules",
                      "properties": {{
                        "condition": {{
                          "dataSource": {{
                            "resourceUri": "/subscriptions/{SUBSCRIPTION}/resourceGroups/apps/providers/Microsoft.Web/sites/web",
                            "metricName": "CpuTime"
                          }}
                        }},
                        "description": "not on Microsoft.ClassicCompute"
                      }}
                    }}
                  ]
                }}
                """
            },
            note="An alert on a Resource Manager resource.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for alert in estate.inventory.alert_rules:
            # An alert names a resource in its scopes and again in a condition on its id: each said once.
            once: dict[str, ResourceId] = {}
            for target in alert.targets:
                once.setdefault(key(target.text), target)
            targets = tuple(once.values())
            watched = listed((_described(t) for t in targets), quote="")
            metric = f" (metric '{alert.metric}')" if alert.metric else ""
            disabled = ", disabled" if alert.enabled is False else ""
            where = _recreated_where(alert.targets, estate)
            fate = (
                f"classic alerts are retired (in the public cloud, after limited use, on {CLASSIC_ALERTS}; in Azure "
                f"Government and Azure operated by 21Vianet on {CLASSIC_ALERTS_SOVEREIGN}), so it no "
                "longer fires, and the migration does not carry it over"
                if alert.source == CLASSIC_ALERT_RULE
                else "the migration drops it"
            )
            yield self.finding(
                alert,
                f"{alert.source} '{alert.name}'{disabled} watches classic {watched}{metric}: {fate}",
                fix=_alert_fix(alert, where),
            )


def _alert_fix(alert: AlertRule, where: str) -> str:
    """MIG502's fix: what to record of the alert and how to make it again. An activity log alert watches
    operations, with conditions and no metric, and is made again as one; a metric alert, and a classic rule
    (a metric's threshold), as a metric alert."""
    if alert.source == "activity log alert":
        what, again = "its conditions and actions", "an activity log alert"
        tools = "`New-AzActivityLogAlert`, `az monitor activity-log alert create`"
    else:
        what, again = "its metric, threshold, window and actions", "a metric alert"
        tools = "`Add-AzMetricAlertRuleV2`, `az monitor metrics alert create`"
    return (
        f"Before migrating, record {alert.source} '{alert.name}' with {what} ({_alert_record(alert)}); then "
        f"recreate it as {again} {where} ({tools} or the portal), and delete the old rule."
    )


def _alert_record(alert: AlertRule) -> str:
    """Where an alert's definition can be read before the migration: the file that states it, and for the
    alerts Resource Manager still serves, their commands in the Azure CLI and in PowerShell."""
    group, ps_group = _group_option(alert.resource_group), _ps_group_option(alert.resource_group)
    commands = {
        "metric alert": f"`az monitor metrics alert show -n {sh_quoted(alert.name)} {group}` or "
        f"`Get-AzMetricAlertRuleV2 -Name {ps_quoted(alert.name)} {ps_group}`",
        "activity log alert": f"`az monitor activity-log alert show -n {sh_quoted(alert.name)} {group}` or "
        f"`Get-AzActivityLogAlert -Name {ps_quoted(alert.name)} {ps_group}`",
    }
    command = commands.get(alert.source)
    return f"{command}, {_KEEP_FILE}" if command else _KEEP_FILE.removeprefix("or ")


def _group_option(group: str) -> str:
    """`-g 'monitoring'`: the resource group of the export's row, which its id states, or the one the script,
    template or configuration that creates it states (`-g`, `-ResourceGroupName`, `resource_group_name`); a
    blank to fill in (`-g <resource group>`) only where the file states none; one a reader leaves to fill in,
    saying which (`<resource group main.json is deployed to>`), as written."""
    return f"-g {group if is_stand_in(group) else sh_quoted(group)}" if group else "-g <resource group>"


def _ps_group_option(group: str) -> str:
    """`-ResourceGroupName 'monitoring'`, the PowerShell twin of `_group_option`."""
    return (
        f"-ResourceGroupName {group if is_stand_in(group) else ps_quoted(group)}"
        if group
        else "-ResourceGroupName <resource group>"
    )


def _web_worker_role(target: ResourceId, estate: Estate) -> bool:
    """Whether `target` is a web/worker role of a cloud service, which the migration does not move (MIG101):
    a role of a `domainNames` id that the files do not describe as a VM of that cloud service."""
    if target.top_type != "microsoft.classiccompute/domainnames" or target.type.split("/")[-1] != "roles":
        return False
    vms = {key(vm.name) for s in estate.cloud_services if key(s.name) == key(target.name) for vm in s.vms}
    return key(target.names[-1]) not in vms


# Where a setting is recreated: on what the migration makes of its resource, or, for a web/worker role,
# wherever the roles are rebuilt (they are not migrated: MIG101).
_ON_MIGRATED = "on the migrated resource after migration"
_ROLES_REBUILT = "for the roles' new home once they are rebuilt (web/worker roles are not migrated, MIG101)"


def _repointed(setting: AutoscaleSetting) -> tuple[str, str]:
    """(message, fix) for a setting that scales no classic resource but reads a classic one's metrics:
    the setting stays, and its rules keep an id that stops existing when that resource migrates."""
    sources = listed((_described(s) for s in setting.metric_sources), quote="")
    group, ps_group = _group_option(setting.resource_group), _ps_group_option(setting.resource_group)
    disabled = ", disabled" if setting.enabled is False else ""
    message = (
        f"autoscale setting '{setting.name}'{disabled} reads the metrics of classic {sources}: the setting "
        "stays, but its rules keep the classic id, which no longer exists once that is migrated"
    )
    fix = (
        f"Before migrating, record the rules of autoscale setting '{setting.name}' that read {sources} "
        f"(`az monitor autoscale rule list --autoscale-name {sh_quoted(setting.name)} {group}` or "
        f"`Get-AzAutoscaleSetting -Name {ps_quoted(setting.name)} {ps_group}`); after "
        "migration, change their metric source to the migrated resource's id."
    )
    return message, fix


def _recreated_where(targets: tuple[ResourceId, ...], estate: Estate) -> str:
    """Where a setting on `targets` is recreated after the migration, in words."""
    roles = [_web_worker_role(target, estate) for target in targets]
    if roles and all(roles):
        return _ROLES_REBUILT
    return f"{_ON_MIGRATED}, and {_ROLES_REBUILT}" if any(roles) else _ON_MIGRATED


class ClassicAutoscaleSetting(Rule):
    code = "MIG503"
    name = "classic-autoscale-setting"
    severity = Severity.WARNING
    scope = Scope.CLOUD_SERVICES
    looks_at = frozenset({AutoscaleSetting})
    summary = "An autoscale setting scales a classic resource or reads its metrics; the migration drops it."
    fix_hint = (
        "Before migrating, record the autoscale setting with its profiles and rules (the file that states it, "
        "`az monitor autoscale show` or `Get-AzAutoscaleSetting`); after migration, recreate it on the "
        "migrated resource."
    )
    source = (
        "Unsupported configurations — Compute: Virtual machines that have alerts, Autoscale policies. The "
        "migration goes through and these settings are dropped."
    )
    docs = Docs(
        what="Autoscale settings (`microsoft.insights/autoscalesettings`) whose `targetResourceUri` is a "
        "classic resource (a cloud service role, `.../domainNames/<service>/slots/Production/roles/<role>`), "
        "or whose rules read a classic resource's metrics "
        "(`profiles[].rules[].metricTrigger.metricResourceUri`, a classic storage queue for instance). How "
        "an autoscale setting names classic VMs (an availability set) is not documented; any classic "
        "target is reported.",
        why="The migration goes through and the autoscale settings of what it migrates are dropped; a setting "
        "whose metric source migrates keeps pointing at an id that no longer exists.",
        fix="Before migrating, record each setting with its profiles and rules (keep the file the finding "
        "points at, an export or the script, template or configuration that creates it, or read it again with "
        "`az monitor autoscale show` or `Get-AzAutoscaleSetting`, in the setting's resource group, which the "
        "finding's commands name where the file states it), since the migration drops it. After migration, recreate the scaling on the migrated resource: classic VMs scaled by turning VMs of an "
        "availability set on and off become a virtual machine scale set or a scheduled job in Resource "
        "Manager, and a rule reading a classic queue is pointed at the migrated storage account. Web/worker "
        "roles are not migrated (MIG101): their scaling moves with whatever replaces them. A setting that "
        "scales a Resource Manager resource but reads a classic one's metrics is not dropped: its rules are "
        "pointed at the migrated resource.",
    )
    invalid = (
        Example(
            {
                "inventory/dependents.json": f"""
                [
                  {{
                    "id": "/subscriptions/{SUBSCRIPTION}/resourceGroups/contoso-monitoring/providers/microsoft.insights/autoscalesettings/orders-scale",
                    "name": "orders-scale",
                    "type": "microsoft.insights/autoscalesettings",
                    "properties": {{
                      "enabled": true,
                      "targetResourceUri": "/subscriptions/{SUBSCRIPTION}/resourceGroups/contoso-webshop/providers/Microsoft.ClassicCompute/domainNames/contoso-webshop/slots/Production/roles/OrderProcessor",
                      "profiles": [
                        {{
                          "name": "default",
                          "capacity": {{"minimum": "2", "maximum": "6", "default": "2"}},
                          "rules": []
                        }}
                      ]
                    }}
                  }}
                ]
                """
            },
            expect=("inventory/dependents.json:8:28",),
        ),
    )
    valid = (
        Example(
            {
                "inventory/dependents.json": f"""
                [
                  {{
                    "id": "/subscriptions/{SUBSCRIPTION}/resourceGroups/apps/providers/microsoft.insights/autoscalesettings/web-scale",
                    "name": "web-scale",
                    "type": "microsoft.insights/autoscalesettings",
                    "properties": {{
                      "targetResourceUri": "/subscriptions/{SUBSCRIPTION}/resourceGroups/apps/providers/Microsoft.Web/serverfarms/web-plan",
                      "note": "not a Microsoft.ClassicCompute target"
                    }}
                  }}
                ]
                """
            },
            note="Autoscale of a Resource Manager App Service plan.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for setting in estate.inventory.autoscale_settings:
            if setting.target is None:
                yield self._reads_classic(setting)
                continue
            disabled = ", disabled" if setting.enabled is False else ""
            where = _recreated_where((setting.target,), estate)  # what it scales decides where
            scales = _scales(setting.target, setting.metric_sources)
            group, ps_group = _group_option(setting.resource_group), _ps_group_option(setting.resource_group)
            yield self.finding(
                setting,
                f"autoscale setting '{setting.name}'{disabled} {scales}: the migration drops it",
                fix=(
                    f"Before migrating, record autoscale setting '{setting.name}' with its profiles and rules "
                    f"(`az monitor autoscale show -n {sh_quoted(setting.name)} {group}` or "
                    f"`Get-AzAutoscaleSetting -Name {ps_quoted(setting.name)} {ps_group}`, {_KEEP_FILE}); "
                    f"then recreate the scaling {where}."
                ),
            )

    def _reads_classic(self, setting: AutoscaleSetting) -> Finding:
        message, fix = _repointed(setting)
        return self.finding(setting, message, fix=fix)


def _scales(target: ResourceId, sources: tuple[ResourceId, ...]) -> str:
    """What an autoscale setting scales, and by the metrics of which classic resources: its target once,
    `by its own metrics` when it reads the target's (the usual rule), other resources by name."""
    others = [s for s in sources if key(s.text) != key(target.text)]
    own = " by its own metrics" if len(others) < len(sources) else ""
    words = f"scales classic {_described(target)}{own}"
    if others:
        also = " also" if own else ""
        words += (
            f" and{also} reads the metrics of classic {listed((_described(s) for s in others), quote='')}"
        )
    return words
