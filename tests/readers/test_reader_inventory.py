"""Inventory exports (JSON) and declarations (TOML): every envelope the export commands write, records at
the `{` of their object, types and ids in any case, broken and foreign JSON, declarations at their line, and
a large export read in linear time."""

from __future__ import annotations

import functools
import json
import textwrap
from pathlib import Path

import pytest
from growth import assert_linear

from migcheck.config import Config, ConfigError, parse_settings
from migcheck.engine import lint
from migcheck.inventory_model import (
    AlertRule,
    ApplicationGateway,
    AutoscaleSetting,
    CircuitLink,
    ClassicNetwork,
    ClassicStorageAccount,
    ClassicVm,
    DeclaredSubscription,
    ExportPage,
    ExpressRouteCircuit,
    LinkAuthorization,
    ListPage,
    RoleAssignment,
    ServiceInVnet,
    ServiceKind,
    UncheckedResource,
    VnetPeering,
    own_type,
    parse_id,
)
from migcheck.model import FileKind, Mark, RoleType
from migcheck.plugins import load_rules
from migcheck.readers import inventory as inventory_reader
from migcheck.readers import read_document

RULES = load_rules(entry_points=False)
SUB = "3f1d2c4b-8a7e-4c1d-9b2a-5e6f7a8b9c0d"
VNET_ID = f"/subscriptions/{SUB}/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks/prod-vnet"


def _bytes(text: str) -> bytes:
    return textwrap.dedent(text).lstrip("\n").encode("utf-8")


def _read(path: str, text: str, *, explicit: bool = False):
    document = read_document(path, _bytes(text), explicit=explicit)
    assert document is not None
    return document


def _lint(tmp_path: Path, monkeypatch, files: dict[str, str | bytes], *paths: str):
    for name, content in files.items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else _bytes(content))
    monkeypatch.chdir(tmp_path)
    return lint(list(paths) or ["."], Config(), RULES)


def _where(findings) -> list[str]:
    return [f"{f.code} {f.location.path}:{f.location.line}:{f.location.column}" for f in findings]


GRAPH_PAGE = f"""
{{
  "count": 2,
  "data": [
    {{
      "id": "{VNET_ID}",
      "name": "prod-vnet",
      "type": "microsoft.classicnetwork/virtualnetworks",
      "subscriptionId": "{SUB}",
      "properties": {{
        "addressSpace": {{"addressPrefixes": ["10.1.0.0/16"]}},
        "dhcpOptions": {{"dnsServers": ["10.1.2.4"]}},
        "subnets": [{{"name": "FrontEnd", "addressPrefix": "10.1.1.0/24"}}]
      }}
    }},
    {{"id": "/subscriptions/{SUB}/resourceGroups/Default-Storage-WestEurope/providers/Microsoft.ClassicStorage/storageAccounts/prodprem", "type": "microsoft.classicstorage/storageaccounts", "properties": {{"accountType": "Premium-LRS"}}}}
  ],
  "skip_token": null,
  "total_records": 2
}}
"""


# --- envelopes ------------------------------------------------------------------------------------------


def test_az_graph_query_page():
    doc = _read("inventory/classic.json", GRAPH_PAGE)
    assert doc.kind is FileKind.INVENTORY and doc.problem is None and doc.root == "data"
    network, account = doc.resources
    assert isinstance(network, ClassicNetwork)
    assert network.mark == Mark("inventory/classic.json", 4, column=5)
    assert network.subscription == SUB
    assert network.network is not None
    assert [p.text for p in network.network.address_space] == ["10.1.0.0/16"]
    assert [(s.name, s.prefix.text if s.prefix else "") for s in network.network.subnets] == [
        ("FrontEnd", "10.1.1.0/24")
    ]
    assert [d.address for d in network.network.inline_dns_servers] == ["10.1.2.4"]
    assert account == ClassicStorageAccount(
        "prodprem", Mark("inventory/classic.json", 15, column=5), "Premium-LRS", SUB
    )
    assert account.premium


def test_a_bare_array_of_the_older_extension():
    doc = _read(
        "classic.json",
        f"""
        [
          {{"id": "{VNET_ID}", "type": "microsoft.classicnetwork/virtualnetworks", "properties": {{}}}}
        ]
        """,
    )
    [network] = doc.resources
    assert network == ClassicNetwork("prod-vnet", Mark("classic.json", 2, column=3), None, SUB)


def test_pages_of_one_query_in_one_folder_are_one_inventory(tmp_path, monkeypatch):
    row = lambda n: (  # noqa: E731
        f'{{"id": "/subscriptions/{SUB}/resourceGroups/x/providers/Microsoft.ApiManagement/service/apim{n}", '
        f'"type": "microsoft.apimanagement/service", "properties": {{"virtualNetworkConfiguration": '
        f'{{"subnetResourceId": "{VNET_ID}/subnets/apim"}}}}}}'
    )
    page1 = f'{{"count": 2, "data": [{row(1)}, {row(2)}], "skip_token": "ew0KICAiJGlkIjogIjEiLA0K", "total_records": 3}}'
    page2 = f'{{"count": 1, "data": [{row(3)}, {row(2)}], "skip_token": null, "total_records": 3}}'
    result = _lint(tmp_path, monkeypatch, {"export/page-1.json": page1, "export/page-2.json": page2})
    services = result.estate.inventory.services_in_vnets
    assert [s.name for s in services] == ["apim1", "apim2", "apim3"]  # apim2 twice in the pages: once
    assert [f.code for f in result.findings] == ["MIG319"] * 3


def test_one_page_of_several_is_reported_at_its_skip_token(tmp_path, monkeypatch):
    """A page with a skip token and more rows to come: the run said nothing of the rows not exported."""
    row = f'{{"id": "{VNET_ID}", "type": "microsoft.classicnetwork/virtualnetworks", "properties": {{}}}}'
    page = (
        f'{{"count": 1, "data": [{row}],\n "skip_token": "ew0KICAiJGlkIjogIjEiLA0K", "total_records": 2400}}'
    )
    result = _lint(tmp_path, monkeypatch, {"export/page-1.json": page})
    assert _where(result.findings) == ["MIG003 export/page-1.json:2:16"]  # the token
    message = result.findings[0].message
    assert "one page of a paged Resource Graph query: the pages checked hold 1 of its 2400 rows" in message
    assert "--first 1000 --skip-token <skip_token>" in message and "Search-AzGraph -First 1000" in message
    assert result.findings[0].fix.startswith("Export every page of the query")  # not a name to correct
    # The REST API's names; the next page among the files checked completes the query.
    rest = page.replace('"skip_token"', '"$skipToken"').replace("total_records", "totalRecords")
    assert _where(_lint(tmp_path, monkeypatch, {"export/page-1.json": rest}).findings) == [
        "MIG003 export/page-1.json:2:16"
    ]
    last = f'{{"count": 2399, "data": [{row}], "$skipToken": null, "totalRecords": 2400}}'
    files = {"export/page-1.json": rest.replace("2400", "2"), "export/page-2.json": last.replace("2400", "2")}
    assert _lint(tmp_path, monkeypatch, files).findings == []
    # Pages that carry the same token (some tools write one token on every page) are still each a page.
    middle = rest.replace("2400", "3")
    files = {f"export/page-{k}.json": middle for k in (1, 2)} | {
        "export/page-3.json": last.replace("2400", "3")
    }
    assert _lint(tmp_path, monkeypatch, files).findings == []
    # With every row present, nothing is claimed.
    whole = page.replace("2400", "1")
    assert _lint(tmp_path / "whole", monkeypatch, {"export/page-1.json": whole}).findings == []


def test_a_page_s_skip_token_is_marked_where_it_is_written_before_or_after_the_rows():
    """The walk's line count goes on from the last row to a token written after the rows; one written
    before them is counted from the start."""
    row = {"id": VNET_ID, "type": "microsoft.classicnetwork/virtualnetworks", "properties": {}}
    rows = json.dumps([row, row], indent=2)
    after = f'{{"count": 2,\n "data": {rows},\n  "skip_token": "ew0K", "total_records": 9}}'
    before = f'{{"count": 2,\n   "skip_token": "ew0K",\n "data": {rows}, "total_records": 9}}'
    for text, line, column in ((after, rows.count("\n") + 3, 17), (before, 2, 18)):
        document = inventory_reader.read("p.json", text.encode())
        [page] = [r for r in document.resources if isinstance(r, ExportPage)]
        assert (page.mark.line, page.mark.column) == (line, column)


def test_search_azgraph_pages_are_complete_once_the_last_is_checked(tmp_path, monkeypatch):
    """Search-AzGraph states no total: its pages are one query's, all of them, once the last page (whose
    SkipToken is null) is among them."""
    row = f'{{"id": "{VNET_ID}", "type": "microsoft.classicnetwork/virtualnetworks", "properties": {{}}}}'
    first = f'{{"SkipToken": "ew0KICAiJGlkIjogIjEiLA0K", "Data": [{row}]}}'
    result = _lint(tmp_path, monkeypatch, {"export/page-1.json": first})
    assert _where(result.findings) == ["MIG003 export/page-1.json:1:15"]  # the token
    assert "the pages checked hold 1 row and none is its last" in result.findings[0].message
    last = f'{{"SkipToken": null, "Data": [{row}]}}'
    files = {"export/page-1.json": first, "export/page-2.json": last}
    assert _lint(tmp_path, monkeypatch, files).findings == []


ARM = f"/subscriptions/{SUB}/providers/Microsoft.Network/virtualNetworks"


def _arm_vnet(name: str, group: str = "hub") -> dict:
    """A Resource Manager network peered with classic network prod-vnet, as its list call writes it."""
    network = (
        f"/subscriptions/{SUB}/resourceGroups/{group}/providers/Microsoft.Network/virtualNetworks/{name}"
    )
    peering = {
        "id": f"{network}/virtualNetworkPeerings/to-classic",
        "name": "to-classic",
        "properties": {"peeringState": "Connected", "remoteVirtualNetwork": {"id": VNET_ID}},
    }
    return {
        "id": network,
        "name": name,
        "type": "Microsoft.Network/virtualNetworks",
        "properties": {"virtualNetworkPeerings": [peering]},
    }


def _list_page(*rows: dict, link: str | None = None, key: str = "nextLink") -> str:
    """A page of a Resource Manager list call as `az rest` writes it: `value`, then the next page's link."""
    page: dict[str, object] = {"value": list(rows)}
    if link is not None:
        page[key] = f"https://management.azure.com{link}?api-version=2023-09-01&$skipToken={len(rows)}"
    return json.dumps(page, indent=2)


def test_a_resource_manager_list_page_whose_next_page_is_not_checked_is_reported_at_its_link(
    tmp_path, monkeypatch
):
    """`az rest` writes one page of a list and does not follow its `nextLink`: what the pages after it hold
    (here, a second peering with the classic network) is not checked, and the run says so at the link."""
    page = _list_page(_arm_vnet("spoke1"), link=ARM)
    result = _lint(tmp_path, monkeypatch, {"arm/page-1.json": page})
    assert _where(result.findings) == ["MIG313 arm/page-1.json:15:23", "MIG003 arm/page-1.json:23:15"]
    message, fix = result.findings[1].message, result.findings[1].fix
    assert f"one page of a Resource Manager list ('{ARM.lower()}')" in message
    assert "`az rest --method get --url '<nextLink>'`" in message and "az ... list" in message
    assert fix.startswith("Export every page of the list")
    # OData's name for the link; a link of null is a last page.
    odata = _list_page(_arm_vnet("spoke1"), link=ARM, key="@odata.nextLink")
    assert [f.code for f in _lint(tmp_path / "odata", monkeypatch, {"p.json": odata}).findings] == [
        "MIG313",
        "MIG003",
    ]
    last = json.dumps({"value": [_arm_vnet("spoke1")], "nextLink": None})
    assert [f.code for f in _lint(tmp_path / "null", monkeypatch, {"p.json": last}).findings] == ["MIG313"]


@pytest.mark.parametrize(
    "link",
    [ARM, f"/subscriptions/{SUB}/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks"],
    ids=["subscription", "resource-group"],
)
def test_the_pages_of_a_resource_manager_list_are_whole_once_its_last_page_is_checked(
    tmp_path, monkeypatch, link
):
    """The last page (no `nextLink`) is told by its rows: resources of the list the links ask for. The
    pages in between are not told apart (the link's token is not written on the page it asks for)."""
    files = {
        "arm/page-1.json": _list_page(_arm_vnet("spoke1"), link=link),
        "arm/page-2.json": _list_page(_arm_vnet("spoke2"), link=link),
        "arm/page-3.json": _list_page(_arm_vnet("spoke3")),
    }
    result = _lint(tmp_path, monkeypatch, files)
    assert [f.code for f in result.findings] == ["MIG313"] * 3
    # The last page of another list does not complete this one.
    files["arm/page-3.json"] = _list_page({**_arm_vnet("other"), "id": VNET_ID})
    result = _lint(tmp_path / "other", monkeypatch, files)
    assert [f.code for f in result.findings if f.code == "MIG003"] == ["MIG003"] * 2
    # A last page with no rows names no list: it is the last of those whose pages are in its folder (named
    # on the command line: a folder walk passes over a page of nothing, which names no classic resource).
    files["arm/page-3.json"] = _list_page()
    result = _lint(tmp_path / "empty", monkeypatch, files, *files)
    assert "MIG003" not in [f.code for f in result.findings]
    files["elsewhere/page-3.json"] = files.pop("arm/page-3.json")
    result = _lint(tmp_path / "elsewhere", monkeypatch, files, *files)
    assert [f.code for f in result.findings if f.code == "MIG003"] == ["MIG003"] * 2


def test_a_network_s_peerings_and_a_subscription_s_resources_are_lists_of_their_own(tmp_path, monkeypatch):
    """A network's `virtualNetworkPeerings` call and the `resources` call, which lists every type."""
    peerings = [dict(p, type="Microsoft.Network/virtualNetworks/virtualNetworkPeerings") for p in _peerings()]
    network = _arm_vnet("spoke1")["id"]
    files = {
        "p1.json": _list_page(peerings[0], link=f"{network}/virtualNetworkPeerings"),
        "p2.json": _list_page(dict(peerings[0], name="second")),
    }
    assert [f.code for f in _lint(tmp_path, monkeypatch, files).findings] == ["MIG313"]
    files = {
        "r1.json": _list_page(_arm_vnet("spoke1"), link=f"/subscriptions/{SUB}/resources"),
        "r2.json": _list_page(_arm_vnet("spoke2", group="other")),
    }
    assert [f.code for f in _lint(tmp_path / "resources", monkeypatch, files).findings] == ["MIG313"] * 2


def _peerings() -> list[dict]:
    return _arm_vnet("spoke1")["properties"]["virtualNetworkPeerings"]


def test_search_azgraph_data_property_in_powershell_case():
    doc = _read(
        "graph.json",
        f"""
        {{
            "Data":  [
                         {{
                             "ResourceId":  "/subscriptions/{SUB}/resourceGroups/contoso-jump/providers/Microsoft.ClassicCompute/virtualMachines/jump01",
                             "Name":  "jump01",
                             "ResourceType":  "Microsoft.ClassicCompute/virtualMachines",
                             "SubscriptionId":  "{SUB.upper()}",
                             "Properties":  {{
                                                "DomainName":  {{"Name":  "contoso-jump"}},
                                                "InstanceView":  {{"Status":  "RoleStateUnknown", "GuestAgentStatus": {{"Status": "NotReady"}}}}
                                            }}
                         }}
                     ],
            "SkipToken":  null
        }}
        """,
    )
    [vm] = [r for r in doc.resources if not isinstance(r, ExportPage)]  # and the last page itself
    assert isinstance(vm, ClassicVm)
    assert (vm.name, vm.service, vm.deployment, vm.subscription) == (
        "jump01",
        "contoso-jump",
        "",  # no `hardwareProfile.deploymentName`: the deployment's name is not known
        SUB,
    )
    assert vm.mark == Mark("graph.json", 3, column=18)
    assert vm.instance is not None and (vm.instance.status, vm.instance.guest_agent_status) == (
        "RoleStateUnknown",
        "NotReady",
    )
    assert vm.role.type is RoleType.PERSISTENT_VM
    # No network, availability set or extensions stated: unknown, so no rule reads them as "none".
    assert {"subnets", "availability_set", "extensions"} <= vm.role.unknown and not vm.network_known


def test_windows_powershell_writes_data_as_value_and_count():
    doc = _read(
        "graph.json",
        f'{{"Data": {{"value": [{{"id": "{VNET_ID}", "type": "Microsoft.ClassicNetwork/virtualNetworks", '
        '"properties": {"inUse": true}}], "Count": 1}, "SkipToken": null}',
    )
    # The page itself is a record too: the last page (its SkipToken is null) of a Search-AzGraph query.
    assert [r.name for r in doc.resources if not isinstance(r, ExportPage)] == ["prod-vnet"]
    assert doc.resources[0].mark.column == 21


def test_a_bare_array_in_powershell_case_from_get_azresource():
    doc = _read(
        "resources.json",
        f"""
        [
            {{
                "Name":  "prodprem",
                "ResourceGroupName":  "Default-Storage-WestEurope",
                "ResourceType":  "Microsoft.ClassicStorage/StorageAccounts",
                "ResourceId":  "/subscriptions/{SUB}/resourceGroups/Default-Storage-WestEurope/providers/Microsoft.ClassicStorage/StorageAccounts/prodprem",
                "Properties":  {{"AccountType":  "Premium-LRS"}}
            }}
        ]
        """,
    )
    [account] = doc.resources
    assert (account.name, account.account_type, account.mark.line) == ("prodprem", "Premium-LRS", 2)


def test_az_resource_list_says_only_what_exists():
    doc = _read(
        "resources.json",
        f"""
        [
          {{"id": "{VNET_ID}", "name": "prod-vnet", "type": "Microsoft.ClassicNetwork/virtualNetworks", "properties": null}},
          {{"id": "/subscriptions/{SUB}/resourceGroups/cs/providers/Microsoft.ClassicCompute/virtualMachines/vm1", "type": "Microsoft.ClassicCompute/virtualMachines", "properties": null}},
          {{"id": "/subscriptions/{SUB}/resourceGroups/cs/providers/Microsoft.ClassicStorage/storageAccounts/st1", "type": "Microsoft.ClassicStorage/storageAccounts", "properties": null}}
        ]
        """,
    )
    # An export, with nothing in it any rule reads: no record is built for a resource that only exists (it
    # is named, unchecked, for the plan), and the file says once that none of them is checked (the run
    # said "All clear"), and how to export.
    assert doc.kind is FileKind.INVENTORY
    assert [(type(r), r.name) for r in doc.resources] == [
        (UncheckedResource, "prod-vnet"),
        (UncheckedResource, "vm1"),
        (UncheckedResource, "st1"),
    ]
    assert doc.problem is not None and doc.problem.kind == "syntax"
    first = _bytes(doc.text).decode().split("\n")[1]
    assert (doc.problem.mark.line, doc.problem.mark.column) == (2, first.index('"properties"') + 1)
    assert "'properties' is null" in doc.problem.message
    assert "3 resources were not checked" in doc.problem.message
    assert "az graph query --first 1000" in doc.problem.fix and "Search-AzGraph" in doc.problem.fix


def test_a_resource_list_is_reported_once_and_rows_with_properties_still_read(tmp_path, monkeypatch):
    rows = [
        {"id": VNET_ID, "type": "microsoft.classicnetwork/virtualnetworks", "properties": None},
        {"id": VNET_ID.replace("prod-vnet", "dev-vnet"), "type": "microsoft.classicnetwork/virtualnetworks"},
        {
            "id": VNET_ID.replace("prod-vnet", "test-vnet"),
            "type": "microsoft.classicnetwork/virtualnetworks",
            "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.00/16"]}, "subnets": []},
        },
    ]
    text = json.dumps(rows)
    result = _lint(tmp_path, monkeypatch, {"resources.json": text})
    assert [(f.code, f.location.line, f.location.column) for f in result.findings if f.location] == [
        ("MIG001", 1, text.index('"properties"') + 1),
        ("MIG304", 1, text.index('"10.0.0.00/16"') + 1),
    ]
    assert "2 resources were not checked" in result.findings[0].message
    # A well-formed list that says too little to be checked: a warning, not a broken file.
    assert str(result.findings[0].severity) == "warning"


def test_arm_list_of_classic_alert_rules():
    doc = _read(
        "alertrules.json",
        f"""
        {{"value": [
          {{
            "id": "/subscriptions/{SUB}/resourceGroups/mon/providers/microsoft.insights/alertrules/cpu",
            "name": "cpu",
            "type": "Microsoft.Insights/alertRules",
            "properties": {{
              "name": "jump01 CPU",
              "isEnabled": false,
              "condition": {{"dataSource": {{"resourceUri": "/subscriptions/{SUB}/resourceGroups/cs/providers/Microsoft.ClassicCompute/virtualMachines/jump01", "metricName": "Percentage CPU"}}}}
            }}
          }}
        ]}}
        """,
    )
    [alert] = [r for r in doc.resources if not isinstance(r, ListPage)]  # and the (last) page itself
    assert isinstance(alert, AlertRule)
    assert (alert.name, alert.source, alert.metric, alert.enabled) == (
        "jump01 CPU",
        "classic alert rule",
        "Percentage CPU",
        False,
    )
    assert [t.name for t in alert.targets] == ["jump01"] and alert.mark == Mark(
        "alertrules.json", 9, column=51
    )  # at the classic resource it watches


def test_link_authorizations_links_and_gateways_from_the_classic_cmdlets():
    authorizations = _read(
        "auth.json",
        """
        [
            {"Description": "analytics", "Limit": 2, "LinkAuthorizationId": "abc", "MicrosoftIds": "a@example.com", "Used": "1"},
            {"Description": "spare", "Limit": 1, "LinkAuthorizationId": "def", "MicrosoftIds": "a@example.com", "Used": 0}
        ]
        """,
    ).resources
    assert [(a.name, a.used, a.limit, a.in_use) for a in authorizations] == [
        ("abc", 1, 2, True),
        ("def", 0, 1, False),
    ]
    assert all(isinstance(a, LinkAuthorization) for a in authorizations)
    [link] = _read("links.json", '{"State": "Provisioned", "VnetName": "er-vnet"}').resources
    assert link == CircuitLink("er-vnet", "Provisioned", Mark("links.json", 1, column=1))
    [gateway] = _read(
        "appgw.json",
        '{"Name": "gw", "VnetName": "web-vnet", "Subnets": "AppGw", "State": "Running", "GatewaySize": "Small"}',
    ).resources
    assert gateway == ApplicationGateway(
        "gw", "web-vnet", Mark("appgw.json", 1, column=1), subnets=("AppGw",), state="Running"
    )


def test_resource_manager_resources_that_reach_into_classic_networks():
    rows = [
        (
            "Microsoft.Network/virtualNetworks",
            "hub",
            {
                "virtualNetworkPeerings": [
                    {
                        "name": "p",
                        "properties": {"peeringState": "Connected", "remoteVirtualNetwork": {"id": VNET_ID}},
                    }
                ]
            },
        ),
        (
            "Microsoft.Network/expressRouteCircuits",
            "er",
            {
                "serviceKey": "k",
                "allowClassicOperations": True,
                "authorizations": [{"properties": {"authorizationUseStatus": "InUse"}}],
            },
        ),
        (
            "Microsoft.HDInsight/clusters",
            "hdi",
            {
                "computeProfile": {
                    "roles": [{"virtualNetworkProfile": {"id": VNET_ID, "subnet": f"{VNET_ID}/subnets/Data"}}]
                }
            },
        ),
        (
            "Microsoft.AAD/domainServices",
            "aadds",
            {"replicaSets": [{"subnetId": f"{VNET_ID}/subnets/Identity"}]},
        ),
        ("Microsoft.Web/hostingEnvironments", "ase", {"virtualNetwork": {"id": VNET_ID}}),
        ("Microsoft.RemoteApp/collections", "ra", {"deep": [{"x": f"{VNET_ID}/subnets/Desk"}]}),
        (
            "Microsoft.ApiManagement/service",
            "apim",
            {
                "additionalLocations": [
                    {"virtualNetworkConfiguration": {"subnetResourceId": f"{VNET_ID}/subnets/Apim"}}
                ]
            },
        ),
        (
            "Microsoft.Authorization/roleAssignments",
            "ra1",
            {
                "scope": VNET_ID,
                "roleDefinitionId": "/providers/Microsoft.Authorization/roleDefinitions/B34D265F-36F7-4A0D-A4D4-E158CA92E90F",
                "principalId": "p",
            },
        ),
        ("Microsoft.Insights/metricAlerts", "ma", {"scopes": [VNET_ID], "enabled": True}),
        (
            "Microsoft.Insights/autoscaleSettings",
            "as",
            {
                "targetResourceUri": f"/subscriptions/{SUB}/resourceGroups/shop/providers/Microsoft.ClassicCompute/domainNames/shop/slots/Production/roles/Web"
            },
        ),
        ("Microsoft.Storage/storageAccounts", "other", {"note": "Microsoft.ClassicNetwork is not read here"}),
    ]
    data = [
        {"id": f"/subscriptions/{SUB}/resourceGroups/rg/providers/{t}/{n}", "type": t, "properties": p}
        for t, n, p in rows
    ]
    records = _read("dependents.json", json.dumps(data)).resources
    kinds = [type(r).__name__ for r in records]
    assert kinds == [
        "VnetPeering",
        "ExpressRouteCircuit",
        "ServiceInVnet",
        "ServiceInVnet",
        "ServiceInVnet",
        "ServiceInVnet",
        "ServiceInVnet",
        "RoleAssignment",
        "AlertRule",
        "AutoscaleSetting",
    ]
    peering, circuit, *services, assignment, alert, scale = records
    assert isinstance(peering, VnetPeering) and (peering.vnet, peering.peer, peering.state) == (
        "prod-vnet",
        "hub",
        "Connected",
    )
    assert isinstance(circuit, ExpressRouteCircuit) and circuit.authorizations_in_use == 1
    assert [(s.service, s.vnet, s.subnet) for s in services] == [
        (ServiceKind.HDINSIGHT, "prod-vnet", "Data"),
        (ServiceKind.AAD_DOMAIN_SERVICES, "prod-vnet", "Identity"),
        (ServiceKind.APP_SERVICE_ENVIRONMENT, "prod-vnet", ""),
        (ServiceKind.REMOTEAPP, "prod-vnet", "Desk"),
        (ServiceKind.API_MANAGEMENT, "prod-vnet", "Apim"),
    ]
    assert all(isinstance(s, ServiceInVnet) and s.vnet_subscription == SUB for s in services)
    assert (
        isinstance(assignment, RoleAssignment)
        and assignment.role_definition == "b34d265f-36f7-4a0d-a4d4-e158ca92e90f"
    )
    assert isinstance(alert, AlertRule) and alert.source == "metric alert"
    assert (
        isinstance(scale, AutoscaleSetting) and scale.target is not None and scale.target.names[-1] == "Web"
    )


def test_types_and_ids_in_any_case():
    doc = _read(
        "x.json",
        f"""
        [
          {{"ID": "/SUBSCRIPTIONS/{SUB.upper()}/RESOURCEGROUPS/rg/PROVIDERS/MICROSOFT.APIMANAGEMENT/SERVICE/apim",
            "TYPE": "MICROSOFT.APIMANAGEMENT/SERVICE",
            "PROPERTIES": {{"VirtualNetworkConfiguration": {{"SubnetResourceId": "/Subscriptions/{SUB}/ResourceGroups/Default-Networking/Providers/MICROSOFT.CLASSICNETWORK/VIRTUALNETWORKS/Prod-VNet/Subnets/apim"}}}}}}
        ]
        """,
    )
    [service] = doc.resources
    assert (service.name, service.vnet, service.subnet, service.subscription) == (
        "apim",
        "Prod-VNet",
        "apim",
        SUB,
    )


def test_resource_ids_taken_apart():
    rid = parse_id(f"{VNET_ID}/subnets/FrontEnd")
    assert (rid.subscription, rid.resource_group, rid.type, rid.names) == (
        SUB,
        "Default-Networking",
        "microsoft.classicnetwork/virtualnetworks/subnets",
        ("prod-vnet", "FrontEnd"),
    )
    assert rid.is_classic_network and rid.child == "FrontEnd"
    nested = parse_id(f"{VNET_ID}/providers/Microsoft.Authorization/roleAssignments/x")
    assert nested.type == "microsoft.classicnetwork/virtualnetworks" and nested.names == ("prod-vnet",)
    assert parse_id("not an id").type == "" and parse_id("").name == ""


def test_an_export_written_by_windows_powershell_in_utf16():
    text = f'[{{"id": "{VNET_ID}", "type": "Microsoft.ClassicNetwork/virtualNetworks", "properties": {{}}}}]'
    for data in (b"\xff\xfe" + text.encode("utf-16-le"), text.encode("utf-16-le")):
        assert inventory_reader.sniff(data)
        doc = read_document("x.json", data, explicit=False)
        assert doc is not None and [r.name for r in doc.resources] == ["prod-vnet"]


# --- broken and foreign JSON ---------------------------------------------------------------------------


def test_malformed_json_is_mig001_at_its_position(tmp_path, monkeypatch):
    broken = f'{{"count": 1, "data": [\n  {{"id": "{VNET_ID}", "type": "x"\n  ,]\n}}\n'
    result = _lint(tmp_path, monkeypatch, {"inventory/classic.json": broken})
    assert _where(result.findings) == ["MIG001 inventory/classic.json:3:4"]
    assert result.findings[0].message.startswith("not valid JSON: ")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('[{"type": "microsoft.classiccompute/virtualmachines"}] trailing', "1:56"),
        ('{"data": [1, 2}', "1:15"),
        ("[" * 100_000 + "]" * 100_000, "1:1"),
        ('[{"type": "microsoft.classic/x", "n": ' + "9" * 5000 + "}]", "1:1"),
        (b"[\xff]", "1:2"),
    ],
)
def test_broken_json_never_raises(text, where):
    data = text if isinstance(text, bytes) else text.encode()
    doc = read_document("x.json", data, explicit=True)
    assert doc is not None and doc.problem is not None and doc.problem.kind == "syntax"
    if where != "1:1":
        assert f"{doc.problem.mark.line}:{doc.problem.mark.column}" == where


def test_json_that_is_not_an_export_is_ignored_in_a_walk(tmp_path, monkeypatch):
    files = {
        "package.json": '{"name": "web", "dependencies": {}}',
        "azuredeploy.json": '{"$schema": "https://schema.management.azure.com/x#", "resources": '
        '[{"type": "Microsoft.ClassicCompute/domainNames", "name": "x"}]}',
        "settings.json": '{"vnetName": "x", "note": "mentions microsoft.classicnetwork"}',
    }
    result = _lint(tmp_path, monkeypatch, files)
    assert result.findings == [] and result.documents == ()
    assert not inventory_reader.sniff(_bytes(files["package.json"]))
    assert not inventory_reader.sniff(_bytes(files["azuredeploy.json"]))


def test_json_that_is_not_an_export_named_explicitly_is_mig002(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, {"package.json": '{"name": "web"}'}, "package.json")
    assert _where(result.findings) == ["MIG002 package.json:1:1"]
    assert "not an inventory export" in result.findings[0].message


def test_an_empty_page_is_an_export_of_nothing():
    for text in ("[]", '{"count": 0, "data": [], "skip_token": null, "total_records": 0}'):
        doc = read_document("x.json", text.encode(), explicit=True)
        assert (
            doc is not None and doc.kind is FileKind.INVENTORY and doc.problem is None and not doc.resources
        )


# --- a large export ------------------------------------------------------------------------------------


def _export(count: int) -> bytes:
    """`count` classic storage accounts, their type told by their id (as `az graph query` projects them
    when `type` is left out), small enough that 100,000 fit in one file under the size limit."""
    row = (
        '{"id":"/subscriptions/s/resourceGroups/r/providers/Microsoft.ClassicStorage/storageAccounts/a%d",'
        '"properties":{"accountType":"Standard-GRS"}}'
    )
    return ("[\n" + ",\n".join(row % n for n in range(count)) + "\n]\n").encode()


def test_100000_resources_are_read_in_linear_time():
    full = _export(100_000)
    assert len(full) < 16 * 1024 * 1024  # within the size limit every file is read under
    doc = inventory_reader.read("big.json", full)
    assert len(doc.resources) == 100_000
    assert doc.resources[-1].mark == Mark("big.json", 100_001, column=1)
    # Twice the resources cost about twice the time: a per-item rescan of the file would cost four times.
    assert_linear(lambda n: functools.partial(_read_cleanly, _export(n)), 25_000)


def _read_cleanly(data: bytes) -> None:
    assert inventory_reader.read("big.json", data).problem is None


# --- declarations --------------------------------------------------------------------------------------

PYPROJECT = """
[project]
name = "estate"

[tool.migcheck]
fail-on = "warning"

[tool.migcheck.inventory]
subscription = "3F1D2C4B-8A7E-4C1D-9B2A-5E6F7A8B9C0D"

[[tool.migcheck.inventory.vnet-services]]
vnet = "prod-vnet"
service = "api-management"
name = "contoso-apim"

  [[ tool.migcheck.inventory."vnet-services" ]]
  vnet = "erp-vnet"
  service = "dynamics-lcs"

[[tool.migcheck.inventory.vnet-peerings]]
vnet = "prod-vnet"
peer = "hub-vnet"

[[tool.migcheck.inventory.application-gateways]]
name = "appgw"
vnet = "web-vnet"
subnets = ["AppGw"]

[[tool.migcheck.inventory.expressroute-authorization-links]]
circuit = "er-frankfurt"
vnet = "er-vnet"
"""


def test_declarations_in_pyproject_at_their_lines():
    doc = _read("pyproject.toml", PYPROJECT)
    assert doc.kind is FileKind.INVENTORY and doc.problem is None
    subscription, apim, lcs, peering, gateway, link = doc.resources
    assert subscription == DeclaredSubscription(SUB, Mark("pyproject.toml", 8, column=1))
    assert (apim.service, apim.name, apim.vnet, apim.declared) == (
        ServiceKind.API_MANAGEMENT,
        "contoso-apim",
        "prod-vnet",
        True,
    )
    assert apim.mark == Mark("pyproject.toml", 10, column=1)
    assert (
        lcs.mark == Mark("pyproject.toml", 15, column=3)
        and lcs.name == "Dynamics Lifecycle Services deployment in erp-vnet"
    )
    assert (peering.vnet, peering.peer, peering.mark.line) == ("prod-vnet", "hub-vnet", 19)
    assert (gateway.name, gateway.subnets, gateway.mark.line) == ("appgw", ("AppGw",), 23)
    assert (link.circuit, link.vnet, link.in_use, link.mark.line) == ("er-frankfurt", "er-vnet", True, 28)


def test_declarations_in_migcheck_toml_and_inventory_toml():
    [service] = _read(
        "migcheck.toml", '[[inventory.vnet-services]]\nvnet = "a"\nservice = "hdinsight"\n'
    ).resources
    assert service.mark == Mark("migcheck.toml", 1, column=1)
    doc = _read(
        "inventory.toml",
        '# written by hand\nvnet-services = [\n  {vnet = "a", service = "remoteapp"},\n  {vnet = "b", service = "hdinsight"},\n]\n',
    )
    assert [(s.vnet, s.mark.line, s.mark.column) for s in doc.resources] == [
        ("a", 3, 3),
        ("b", 4, 3),
    ]  # its `{`


def test_a_header_inside_a_multiline_string_is_not_a_declaration():
    text = 'note = """\n[[vnet-services]]\n"""\n[[vnet-services]]\nvnet = "a"\nservice = "hdinsight"\n'
    [service] = _read("inventory.toml", text).resources
    assert service.mark.line == 4


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        (
            '[[vnet-services]]\nvnet = "a"\nservice = "hdinsight"\n[[vnet-services]]\nvnett = "b"\n',
            "unknown key `vnett` (did you mean `vnet`?)",
            5,
        ),
        ('[[vnet-services]]\nvnet = "a"\nservice = "cosmos"\n', "`service` must be one of", 3),
        ('[[vnet-peerings]]\nvnet = "a"\n', "`peer` is missing", 1),
        ('[[vnet-services]]\nvnet = "a\n', "not valid TOML", 2),
    ],
)
def test_a_bad_declaration_is_mig001_at_its_line(text, message, line):
    doc = _read("inventory.toml", text)
    assert doc.problem is not None and doc.problem.kind == "syntax"
    assert message in doc.problem.message and doc.problem.mark.line == line


def test_toml_without_declarations_is_ignored_in_a_walk(tmp_path, monkeypatch):
    files = {
        "pyproject.toml": '[project]\nname = "x"\n[tool.migcheck]\nselect = ["ALL"]\n',
        "Cargo.toml": "[package]\n",
    }
    result = _lint(tmp_path, monkeypatch, files)
    assert result.documents == () and result.findings == []


def test_the_config_accepts_declarations_and_rejects_bad_ones(tmp_path):
    good = {"vnet-services": [{"vnet": "a", "service": "hdinsight"}], "subscription": SUB}
    assert parse_settings({"inventory": good}, str(tmp_path / "pyproject.toml")).inventory == good
    with pytest.raises(ConfigError, match="unknown key `vnet-service`"):
        parse_settings({"inventory": {"vnet-service": []}}, str(tmp_path / "pyproject.toml"))


def test_how_deep_an_export_may_nest_does_not_depend_on_the_caller():
    """Python's JSON decoder counts nesting against the recursion limit from wherever it is called: the
    same export was read from the command line and refused under pytest or in a worker process."""
    import sys

    def export(depth: int) -> bytes:
        tags = "[" * depth + "]" * depth
        row = GRAPH_PAGE.replace('"subscriptionId"', f'"tags": {{"x": {tags}}}, "subscriptionId"', 1)
        return _bytes(row)

    def outcome(depth: int) -> str:
        document = read_document("classic.json", export(depth), explicit=True)
        assert document is not None
        return document.problem.message if document.problem else "read"

    def deep_in_the_stack(frames: int, depth: int) -> str:
        return deep_in_the_stack(frames - 1, depth) if frames else outcome(depth)

    limit = sys.getrecursionlimit()
    for depth in (limit // 2, limit - 100, limit + 100):
        assert deep_in_the_stack(limit // 3, depth) == outcome(depth), depth
    assert outcome(limit // 2) == "read"
    assert "nested too deeply" in outcome(limit + 100)


# --- where each fact is written ------------------------------------------------------------------------------


def _classic_vm_export(disks: list[str], *, indent: int | None = 2) -> bytes:
    vm = {
        "id": "/subscriptions/1/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines/vm1",
        "name": "vm1",
        "type": "microsoft.classiccompute/virtualmachines",
        "properties": {
            "networkProfile": {"virtualNetwork": {"name": "prod", "subnetNames": ["front", "back"]}},
            "storageProfile": {
                "dataDisks": [{"diskName": f"d{n}", "vhdUri": uri} for n, uri in enumerate(disks)],
                "operatingSystemDisk": {
                    "diskName": "os",
                    "vhdUri": "https://acct.blob.core.windows.net/vhds/os.vhd",
                },
            },
            "debugProfile": {"bootDiagnosticsEnabled": True},
        },
    }
    return json.dumps({"data": [vm]}, indent=indent).encode()


def _position(data: bytes, needle: str, nth: int = 0) -> tuple[int, int]:
    text, at = data.decode(), -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    line = text.count("\n", 0, at) + 1
    return line, at - (text.rfind("\n", 0, at) + 1) + 1


def test_facts_of_a_classic_vm_are_marked_where_the_export_writes_them():
    uris = ["https://acct.blob.core.windows.net/vhds/a.vhd", "https://acct.blob.core.windows.net/vhds/a.vhd"]
    data = _classic_vm_export(uris)
    (vm,) = [
        r for r in read_document("export.json", data, explicit=False).resources if isinstance(r, ClassicVm)
    ]
    role = vm.role
    where = {d.name: (d.mark.line, d.mark.column) for d in role.disks}
    # the same blob twice: each disk at its own value, in the order the export writes them
    assert where["d0"] == _position(data, f'"{uris[0]}"') and where["d1"] == _position(
        data, f'"{uris[0]}"', 1
    )
    assert where["os"] == _position(data, '"https://acct.blob.core.windows.net/vhds/os.vhd"')
    assert [(s.mark.line, s.mark.column) for s in role.subnets] == [
        _position(data, '"front"'),
        _position(data, '"back"'),
    ]
    assert role.boot_diagnostics_mark is not None  # at the value that turns it on, not at its key
    written = '"bootDiagnosticsEnabled": '
    line, column = _position(data, written + "true")
    assert (role.boot_diagnostics_mark.line, role.boot_diagnostics_mark.column) == (
        line,
        column + len(written),
    )


def test_values_are_found_however_json_escapes_them_else_the_object_is_marked():
    data = _classic_vm_export(["https://acct.blob.core.windows.net/vhds/a.vhd"]).replace(b"/", b"\\/")
    (vm,) = [
        r for r in read_document("export.json", data, explicit=False).resources if isinstance(r, ClassicVm)
    ]
    (d0,) = [d for d in vm.role.disks if d.name == "d0"]
    assert (d0.mark.line, d0.mark.column) == _position(data, '"https:\\/\\/acct')  # `\/`: found as written
    raw = _classic_vm_export(["https://acct.blob.core.windows.net/vhds/caf\u00e9.vhd"]).replace(
        b"caf\\u00e9", "caf\u00e9".encode()
    )  # written raw, not as \u00e9
    (vm,) = [r for r in read_document("x.json", raw, explicit=False).resources if isinstance(r, ClassicVm)]
    (d0,) = [d for d in vm.role.disks if d.name == "d0"]
    assert (d0.mark.line, d0.mark.column) == _position(raw, '"https://acct.blob.core.windows.net/vhds/caf')
    odd = _classic_vm_export(["https://acct.blob.core.windows.net/vhds/a.vhd"]).replace(
        b"/a.vhd", b"/\\u0061.vhd"
    )
    (vm,) = [r for r in read_document("x.json", odd, explicit=False).resources if isinstance(r, ClassicVm)]
    (d0,) = [d for d in vm.role.disks if d.name == "d0"]
    assert (d0.mark.line, d0.mark.column) == _position(odd, '{\n      "id"')  # not found: the object's `{`


def test_marking_the_disks_of_one_vm_costs_time_linear_in_them():
    def make(n: int):
        data = _classic_vm_export([f"https://acct.blob.core.windows.net/vhds/d{i}.vhd" for i in range(n)])
        return lambda: read_document("export.json", data, explicit=False)

    assert_linear(make, 2000)


def test_marking_values_written_with_escapes_costs_time_linear_in_them():
    """Non-ASCII names written as `\\u` escapes (json.dumps's default): each is found where the last one
    was, not after a search for the raw form to the end of the row."""

    def make(n: int):
        vm = {
            "id": "/subscriptions/1/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines/vm1",
            "name": "vm1",
            "type": "microsoft.classiccompute/virtualmachines",
            "properties": {
                "networkProfile": {
                    "virtualNetwork": {"name": "prod", "subnetNames": [f"süb{i}" for i in range(n)]}
                }
            },
        }
        data = json.dumps({"data": [vm]}).encode()
        return lambda: read_document("export.json", data, explicit=False)

    assert_linear(make, 4000)


def test_a_row_without_a_type_column_is_of_the_type_its_id_ends_with(tmp_path, monkeypatch):
    """The role assignments query (`| project id,name,subscriptionId,properties`) writes no type: an
    assignment's id is its scope's, then `/providers/Microsoft.Authorization/roleAssignments/<id>`."""
    scope = f"/subscriptions/{SUB}/resourceGroups/hr/providers/Microsoft.ClassicCompute/domainNames/hr"
    row = (
        f'{{"id": "{scope}/providers/Microsoft.Authorization/roleAssignments/0b1c", "name": "0b1c", '
        f'"subscriptionId": "{SUB}", "properties": {{"scope": "{scope}", "principalType": "User", '
        '"principalId": "5e6f", "roleDefinitionId": "/subscriptions/x/providers/Microsoft.Authorization/'
        'roleDefinitions/d73bb868-a0df-4d4d-bd69-98a00b01fccb"}}'
    )
    result = _lint(tmp_path, monkeypatch, {"rbac.json": f"[{row}]"})
    assert [f.code for f in result.findings] == ["MIG501"]


def test_the_type_of_an_id_is_that_of_its_last_provider_part():
    base = f"/subscriptions/{SUB}/resourceGroups/g/providers/Microsoft.ClassicCompute"
    assert own_type(f"{base}/virtualMachines/providers") == "microsoft.classiccompute/virtualmachines"
    assert own_type(f"{base}/domainNames/hr/providers/Microsoft.Authorization/roleAssignments/x") == (
        "microsoft.authorization/roleassignments"
    )
    assert own_type(f"/subscriptions/{SUB}/resourceGroups/g") == ""
