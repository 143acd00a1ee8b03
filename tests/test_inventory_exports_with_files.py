"""What inventory exports add to the files they are checked with: the subscription the files describe when
the exports name only one, by whatever row names it; one finding for a service both declared and exported;
a network created in the portal, named `Group <resource group> <name>` in its network configuration, as
one network with its Resource Graph row; circuit links that are deprovisioned; and where MIG208 points."""

from __future__ import annotations

import json

from lint_support import lint_files, where

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plan import build_plan, subscription_id
from migcheck.plugins import load_rules
from migcheck.report.readiness import ScopeKind, readiness

SUB = "11111111-2222-3333-4444-555555555555"
OTHER = "bbbbbbbb-0000-0000-0000-00000000000b"
RULES = load_rules(entry_points=False)

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="{name}" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="FrontEnd"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

DEPLOYMENT = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>contoso-app</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <RoleList>
    <Role>
      <RoleName>app01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
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


def _classic_vnet(name: str = "prod-vnet", subscription: str = SUB, group: str = "Default-Networking") -> str:
    return (
        f"/subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.ClassicNetwork/"
        f"virtualNetworks/{name}"
    )


def _apim(name: str = "apim1", vnet: str = "", subscription: str = SUB) -> dict:
    subnet = f"{vnet or _classic_vnet(subscription=subscription)}/subnets/Apim"
    return {
        "id": f"/subscriptions/{subscription}/resourceGroups/api/providers/Microsoft.ApiManagement/service/{name}",
        "name": name,
        "type": "microsoft.apimanagement/service",
        "subscriptionId": subscription,
        "properties": {
            "virtualNetworkType": "External",
            "virtualNetworkConfiguration": {"subnetResourceId": subnet},
        },
    }


def _peering(remote: str) -> dict:
    hub = f"/subscriptions/{SUB}/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/hub-vnet"
    return {
        "id": hub,
        "name": "hub-vnet",
        "type": "microsoft.network/virtualnetworks",
        "subscriptionId": SUB,
        "properties": {
            "virtualNetworkPeerings": [
                {
                    "name": "hub-to-prod",
                    "properties": {"remoteVirtualNetwork": {"id": remote}, "peeringState": "Connected"},
                }
            ]
        },
    }


def _classic_network_row(name: str, subscription: str = SUB, group: str = "Default-Networking") -> dict:
    return {
        "id": _classic_vnet(name, subscription, group),
        "name": name,
        "type": "microsoft.classicnetwork/virtualnetworks",
        "resourceGroup": group,
        "subscriptionId": subscription,
        "properties": {
            "addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
            "subnets": [{"name": "FrontEnd", "addressPrefix": "10.0.1.0/24"}],
        },
    }


def _page(*rows: dict) -> str:
    return json.dumps({"count": len(rows), "data": list(rows), "skip_token": None}, indent=1)


def _steps(result) -> dict[str, object]:
    [plan] = [s for s in build_plan(result).subscriptions if s.steps]
    return {step.id: step for step in plan.steps}


# --- the files' subscription, named by any row of the exports -------------------------------------------


def test_services_in_a_network_of_the_only_subscription_block_the_files_network(tmp_path, monkeypatch):
    """The export holds no classic row, only Resource Manager rows placed in the network the netcfg
    defines: the one subscription they name is the files' own."""
    files = {
        "NetworkConfig.netcfg": NETCFG.format(name="prod-vnet"),
        "dependents.json": _page(_peering(_classic_vnet()), _apim()),
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    plan = build_plan(result)
    [subscription] = [s for s in plan.subscriptions if s.steps]
    assert subscription.preamble.subscription_id == SUB
    [step] = subscription.steps
    assert sorted(f.code for f in step.blockers) == ["MIG313", "MIG319"]
    assert subscription.other_blockers == ()
    [summary] = readiness(result)
    [scope] = [s for s in summary.scopes if s.scope is ScopeKind.IN_VNET]
    [network] = scope.items
    assert sorted(f.code for f in network.findings) == ["MIG313", "MIG319"]


def test_an_alert_rule_names_the_subscription_of_the_files(tmp_path, monkeypatch):
    vm = f"/subscriptions/{SUB}/resourceGroups/contoso-app/providers/Microsoft.ClassicCompute/virtualMachines/app01"
    rule = {
        "id": f"/subscriptions/{SUB}/resourceGroups/mon/providers/microsoft.insights/alertrules/app01-cpu",
        "name": "app01-cpu",
        "type": "microsoft.insights/alertrules",
        "properties": {
            "name": "app01-cpu",
            "isEnabled": True,
            "condition": {
                "odata.type": "Microsoft.Azure.Management.Insights.Models.ThresholdRuleCondition",
                "dataSource": {
                    "odata.type": "Microsoft.Azure.Management.Insights.Models.RuleMetricDataSource",
                    "resourceUri": vm,
                    "metricName": "Percentage CPU",
                },
            },
        },
    }
    files = {"contoso-app.deployment.xml": DEPLOYMENT, "alertrules.json": json.dumps({"value": [rule]})}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert [f.code for f in result.findings if f.code == "MIG502"] == ["MIG502"]
    [subscription] = [s for s in build_plan(result).subscriptions if s.steps]
    assert subscription.preamble.subscription_id == SUB


def _get_azure_vm() -> str:
    """`Get-AzureVM | ConvertTo-Json`: no row names its subscription."""
    return json.dumps(
        [
            {
                "ServiceName": "contoso-web",
                "Name": "web01",
                "DeploymentName": "contoso-web",
                "InstanceStatus": "ReadyRole",
                "VM": {"RoleName": "web01", "RoleType": "PersistentVMRole", "RoleSize": "Small"},
            }
        ],
        indent=1,
    )


def test_rows_naming_no_subscription_are_of_the_declared_one(tmp_path, monkeypatch):
    files = {
        "vms.json": _get_azure_vm(),
        "migcheck.toml": f'[inventory]\nsubscription = "{SUB}"\n',
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert [e.subscription for e in result.estates] == ["default"]
    [service] = result.estate.cloud_services
    assert service.name == "contoso-web"
    assert subscription_id(result.estate) == SUB


def test_rows_naming_no_subscription_are_of_the_only_one_other_rows_name(tmp_path, monkeypatch):
    files = {"vms.json": _get_azure_vm(), "dependents.json": _page(_apim())}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert [e.subscription for e in result.estates] == ["default"]
    assert result.estate.inventory.subscription == SUB


def test_exports_of_several_subscriptions_say_the_files_subscription_is_not_known(tmp_path, monkeypatch):
    files = {
        "NetworkConfig.netcfg": NETCFG.format(name="prod-vnet"),
        "classic.json": _page(_classic_network_row("prod-vnet"), _classic_network_row("prod-vnet", OTHER)),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False)
    [finding] = result.findings
    assert where([finding]) == ["MIG003 NetworkConfig.netcfg:1:1"]
    assert f"the inventory exports name several ({SUB}, {OTHER})" in finding.message
    assert "`[tool.migcheck.subscriptions]`" in finding.message
    assert 'subscription = "<id>"' in finding.message
    assert finding.fix.startswith("Declare the subscription the files describe")  # not a name to correct


def test_a_group_named_after_a_subscription_the_exports_name_is_that_subscription(tmp_path, monkeypatch):
    files = {
        "NetworkConfig.netcfg": NETCFG.format(name="prod-vnet"),
        "classic.json": _page(_classic_network_row("prod-vnet"), _classic_network_row("prod-vnet", OTHER)),
    }
    lint_files(tmp_path, monkeypatch, files, dedent=False)
    result = lint(["."], Config(subscriptions={SUB: ("*",)}), RULES)
    assert [f for f in result.findings if f.code == "MIG003"] == []
    [files_estate, other] = result.estates
    assert files_estate.inventory.subscription == SUB
    assert [n.name for n in files_estate.virtual_networks] == ["prod-vnet"]
    assert other.subscription == f"{SUB}: {OTHER}"


def test_exports_alone_of_several_subscriptions_need_no_subscription_said(tmp_path, monkeypatch):
    files = {
        "classic.json": _page(_classic_network_row("prod-vnet"), _classic_network_row("prod-vnet", OTHER))
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False)
    assert result.findings == []


# --- a service declared and exported is one service -----------------------------------------------------

SERVICES_DECLARED = """\
{subscription}
[[vnet-services]]
vnet = "prod-vnet"
service = "api-management"
name = "apim1"

[[vnet-services]]
vnet = "prod-vnet"
service = "api-management"

[[vnet-services]]
vnet = "other-vnet"
service = "api-management"
name = "apim1"
"""


def _declared_and_exported(tmp_path, monkeypatch, subscription: str = ""):
    files = {
        "NetworkConfig.netcfg": NETCFG.format(name="prod-vnet"),
        "dependents.json": _page(_apim("apim1"), _apim("apim2")),
        "inventory.toml": SERVICES_DECLARED.format(subscription=subscription),
    }
    return lint_files(tmp_path, monkeypatch, files, "MIG319", dedent=False)


def test_a_service_declared_and_exported_is_reported_once_at_the_export(tmp_path, monkeypatch):
    """The declaration states no subscription, the export does: apim1 is one service, and so is the APIM a
    declaration places in prod-vnet without naming it. The one declared in a network the configuration
    does not define is in no network: MIG003 reports the name, and nothing is reported of the service."""
    result = _declared_and_exported(tmp_path, monkeypatch)
    assert sorted(where(result.findings)) == [
        "MIG319 dependents.json:12:26",
        "MIG319 dependents.json:24:26",
    ]
    # The declaration of apim1 in prod-vnet is the exported service: reported there, as exported.
    assert not [f for f in result.findings if "declared" in f.message]


def test_a_declared_subscription_does_not_make_a_declared_service_another_one(tmp_path, monkeypatch):
    result = _declared_and_exported(tmp_path, monkeypatch, f'subscription = "{SUB}"')
    steps = _steps(result)
    assert len(steps["network:prod-vnet"].blockers) == 2


# --- a network created in the portal: `Group <resource group> <name>` -----------------------------------

PORTAL = "Group contoso-rg prod-vnet"


def _vm_row(vnet_id: str) -> dict:
    return {
        "id": f"/subscriptions/{SUB}/resourceGroups/contoso-web/providers/Microsoft.ClassicCompute/virtualMachines/web01",
        "name": "web01",
        "type": "microsoft.classiccompute/virtualmachines",
        "subscriptionId": SUB,
        "properties": {
            "domainName": {"name": "contoso-web"},
            "hardwareProfile": {"deploymentName": "contoso-web"},
            "networkProfile": {
                "virtualNetwork": {"id": vnet_id, "name": "prod-vnet", "subnetNames": ["FrontEnd"]}
            },
        },
    }


def test_a_portal_network_is_one_network_with_what_names_it_by_its_id(tmp_path, monkeypatch):
    portal_id = _classic_vnet(group="contoso-rg")
    files = {
        "NetworkConfig.netcfg": NETCFG.format(name=PORTAL),
        "classic.json": _page(_classic_network_row("prod-vnet", group="contoso-rg"), _vm_row(portal_id)),
        "dependents.json": _page(_peering(portal_id), _apim(vnet=portal_id)),
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert [n.name for n in result.estate.virtual_networks] == [PORTAL]
    assert sorted(f.code for f in result.findings) == ["MIG313", "MIG319"]
    assert all(f"'{PORTAL}'" in f.message for f in result.findings)
    step = _steps(result)[f"network:{PORTAL}"]
    assert sorted(f.code for f in step.blockers) == ["MIG313", "MIG319"]
    assert step.powershell.validate[0] == (
        f"(Move-AzureVirtualNetwork -Validate -VirtualNetworkName '{PORTAL}').ValidationMessages"
    )
    [member] = step.members
    assert member.vms == ("web01",)


def test_a_network_of_another_group_or_name_is_not_the_portal_one(tmp_path, monkeypatch):
    """Only the group and the name together make the portal network: the same name in Default-Networking
    (a network configuration's network) is another network."""
    files = {
        "NetworkConfig.netcfg": NETCFG.format(name=PORTAL),
        "dependents.json": _page(_peering(_classic_vnet())),
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert [n.name for n in result.estate.virtual_networks] == [PORTAL, "prod-vnet"]


# --- a deprovisioned circuit link links nothing ---------------------------------------------------------

AUTHORIZATION = {
    "Description": "Analytics subscription",
    "Limit": 2,
    "LinkAuthorizationId": "f4c8a2d0e1b34c7a9e5d6b7a8c9d0e1f",
    "MicrosoftIds": "netops@contoso.example",
    "Used": 1,
}


def _links(*links: tuple[str, object]) -> str:
    return json.dumps([{"State": state, "VnetName": vnet} for vnet, state in links], indent=1)


def test_a_deprovisioned_link_is_no_network_linked_here(tmp_path, monkeypatch):
    files = {
        "er-auth.json": json.dumps(AUTHORIZATION),
        "er-links.json": _links(("prod-vnet", "Provisioned"), ("old-vnet", "Deprovisioned")),
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    [mig311] = [f for f in result.findings if f.code == "MIG311"]
    assert mig311.message.endswith("; networks linked to the circuit here: prod-vnet")
    assert [n.name for n in result.estate.virtual_networks] == ["prod-vnet"]
    # The provisioned link makes a circuit step before its network; the deprovisioned one, nothing.
    assert list(_steps(result)) == ["circuit:er-links.json", "network:prod-vnet"]


def test_a_link_in_a_state_not_named_still_links(tmp_path, monkeypatch):
    """Windows PowerShell writes an enum as its number: which state it is is not known."""
    files = {
        "er-auth.json": json.dumps(AUTHORIZATION),
        "er-links.json": _links(
            ("prod-vnet", 3), ("old-vnet", "deprovisioning"), ("new-vnet", "NotProvisioned")
        ),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG311", dedent=False)
    [mig311] = result.findings
    assert mig311.message.endswith("; networks linked to the circuit here: prod-vnet")


# --- MIG208 points at what is not as it should be -------------------------------------------------------


def _graph_vm(name: str, status: str, agent: str) -> dict:
    return {
        "id": f"/subscriptions/{SUB}/resourceGroups/contoso-web/providers/Microsoft.ClassicCompute/virtualMachines/{name}",
        "name": name,
        "type": "microsoft.classiccompute/virtualmachines",
        "subscriptionId": SUB,
        "properties": {
            "domainName": {"name": "contoso-web"},
            "hardwareProfile": {"deploymentName": "contoso-web"},
            "extensions": [
                {"publisher": "Microsoft.Compute", "extension": "VMAccessAgent", "version": "2.*"}
            ],
            "instanceView": {
                "status": status,
                "powerState": "Started",
                "guestAgentStatus": {"guestAgentVersion": "2.7.41491.971", "status": agent},
            },
        },
    }


def _line_column(text: str, needle: str, after: str) -> str:
    at = text.index(needle, text.index(after))
    return f"{text.count(chr(10), 0, at) + 1}:{at - text.rfind(chr(10), 0, at)}"


def test_mig208_for_a_guest_agent_points_at_its_status_in_a_resource_graph_row(tmp_path, monkeypatch):
    page = _page(
        _graph_vm("web01", "ReadyRole", "NotReady"), _graph_vm("web02", "RoleStateUnknown", "NotReady")
    )
    result = lint_files(tmp_path, monkeypatch, {"classic.json": page}, "MIG208", dedent=False)
    agent = _line_column(page, '"NotReady"', '"web01"')
    state = _line_column(page, '"RoleStateUnknown"', '"web02"')
    assert where(result.findings) == [f"MIG208 classic.json:{agent}", f"MIG208 classic.json:{state}"]
    assert "guest agent status NotReady" in result.findings[0].message


def test_mig208_for_a_guest_agent_points_at_its_status_in_get_azure_vm(tmp_path, monkeypatch):
    vm = {
        "ServiceName": "contoso-web",
        "Name": "web01",
        "DeploymentName": "contoso-web",
        "GuestAgentStatus": {"GuestAgentVersion": "2.7.41491.971", "Status": "NotReady"},
        "InstanceStatus": "ReadyRole",
        "VM": {
            "RoleName": "web01",
            "RoleType": "PersistentVMRole",
            "ResourceExtensionReferences": [
                {
                    "Publisher": "Microsoft.Compute",
                    "Name": "VMAccessAgent",
                    "Version": "2.*",
                    "State": "Enable",
                }
            ],
        },
    }
    text = json.dumps([vm], indent=4)
    result = lint_files(tmp_path, monkeypatch, {"vms.json": text}, "MIG208", dedent=False)
    agent = _line_column(text, '"NotReady"', '"GuestAgentStatus"')
    assert where(result.findings) == [f"MIG208 vms.json:{agent}"]


def test_a_service_in_another_subscriptions_network_of_the_same_name_is_not_the_declared_one(
    tmp_path, monkeypatch
):
    """The declaration is of the files' prod-vnet (SUB); the exported APIM sits in OTHER's prod-vnet."""
    files = {
        "NetworkConfig.netcfg": NETCFG.format(name="prod-vnet"),
        "classic.json": _page(_classic_network_row("prod-vnet"), _classic_network_row("prod-vnet", OTHER)),
        "dependents.json": _page(_apim("apim1", subscription=OTHER)),
        "inventory.toml": SERVICES_DECLARED.format(subscription=f'subscription = "{SUB}"'),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG319", dedent=False)
    declared = [f for f in result.findings if f.location.path == "inventory.toml"]
    # Every declaration in prod-vnet stands: none of them is the APIM of the other subscription's network.
    # (The one in other-vnet, which the configuration does not define, is in no network: MIG003's.)
    assert sorted(f.message.split(" is in ")[0] for f in declared) == [
        "API Management service 'apim1' (declared)",
        "a declared API Management service without a name",
    ]


def test_the_readiness_header_gives_the_files_subscription_its_declared_id(tmp_path, monkeypatch):
    from migcheck.report.readiness_text import readiness_summary

    files = {
        "NetworkConfig.netcfg": NETCFG.format(name="prod-vnet"),
        "classic.json": _page(_classic_network_row("prod-vnet"), _classic_network_row("prod-vnet", OTHER)),
        "inventory.toml": SERVICES_DECLARED.format(subscription=f'subscription = "{SUB}"'),
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    headers = [line for line in readiness_summary(result).splitlines() if line.startswith("Readiness")]
    assert f"Readiness by migration scope, subscription 'default' ({SUB}):" in headers
    assert f"Readiness by migration scope, subscription '{OTHER}':" in headers
