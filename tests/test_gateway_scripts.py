"""What PowerShell scripts say of the gateways of the classic networks they name (`VnetGatewayFact`): a circuit
link (`New-AzureDedicatedCircuitLink`), a site-to-site gateway beside ExpressRoute
(`New-AzureVirtualNetworkGateway`) or a site-to-site connection (`Set-AzureVNetGateway -Connect`), and how
MIG301 and MIG302 read it beside the networks' own gateways, in any combination of files."""

from __future__ import annotations

import textwrap
from dataclasses import replace

import pytest
from growth import assert_linear
from lint_support import lint_files, where

from migcheck.estate import Grouping, link
from migcheck.model import EXPRESSROUTE, GATEWAY, VPN, FileKind, Mark, VnetGatewayFact, resource_types
from migcheck.plugins import load_rules
from migcheck.readers import read_document
from migcheck.rule import Rule

PATH = "net/gateways.ps1"
RULES = {rule.code: rule for rule in load_rules(entry_points=False)}


def _facts(script: str, path: str = PATH) -> list[VnetGatewayFact]:
    document = read_document(path, textwrap.dedent(script).lstrip("\n").encode(), explicit=True)
    assert document is not None and document.problem is None
    return [r for r in document.resources if isinstance(r, VnetGatewayFact)]


def _fact(vnet: str, side: str, how: str, line: int, column: int = 1, site: str = "") -> VnetGatewayFact:
    return VnetGatewayFact(vnet, side, how, Mark(PATH, line, column=column), site)


def _netcfg(*sites: tuple[str, str]) -> str:
    """A network configuration of networks (name, the `Connection` types of its gateway, comma-separated:
    "Dedicated", "IPsec", "Dedicated,IPsec", or "" for a network without a gateway)."""
    body = ""
    for name, types in sites:
        refs = "".join(
            f'<LocalNetworkSiteRef name="site-{kind.lower()}"><Connection type="{kind}"/></LocalNetworkSiteRef>'
            for kind in types.split(",")
            if kind
        )
        gateway = (
            f"<Gateway><ConnectionsToLocalNetwork>{refs}</ConnectionsToLocalNetwork></Gateway>"
            if refs
            else ""
        )
        body += f'      <VirtualNetworkSite name="{name}" Location="West Europe">\n        {gateway}\n      </VirtualNetworkSite>\n'
    return (
        '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">\n'
        "  <VirtualNetworkConfiguration>\n    <VirtualNetworkSites>\n"
        f"{body}"
        "    </VirtualNetworkSites>\n  </VirtualNetworkConfiguration>\n</NetworkConfiguration>\n"
    )


LINK = 'New-AzureDedicatedCircuitLink -ServiceKey $ServiceKey -VNetName "{}"\n'
VPN_GATEWAY = (
    'New-AzureVirtualNetworkGateway -VNetName "{}" -GatewayName S2SVPN -GatewayType DynamicRouting\n'
)
CONNECT = 'Set-AzureVNetGateway -Connect -VNetName "{}" -LocalNetworkSiteName "branch"\n'


def _found(tmp_path, monkeypatch, files: dict[str, str], *codes: str) -> list[str]:
    return where(lint_files(tmp_path, monkeypatch, files, *codes, dedent=False).findings)


# --- the reader --------------------------------------------------------------------------------------------


def test_each_gateway_call_states_its_side_at_the_call():
    script = """
    param([string] $ServiceKey)
    New-AzureVNetGateway -VNetName MyAzureVNET -GatewayType DynamicRouting -GatewaySKU HighPerformance
    New-AzureDedicatedCircuitLink -ServiceKey $ServiceKey -VNetName MyAzureVNET
      New-AzureVirtualNetworkGateway -VNetName MyAzureVNET -GatewayName S2SVPN -GatewayType DynamicRouting
    Set-AzureVNetGateway -Connect -VNetName "MyAzureVNET" -LocalNetworkSiteName "office"
    """
    assert _facts(script) == [
        replace(
            _fact("MyAzureVNET", GATEWAY, "New-AzureVNetGateway", 2),
            gateway_type="DynamicRouting",
            sku="HighPerformance",
        ),
        _fact("MyAzureVNET", EXPRESSROUTE, "New-AzureDedicatedCircuitLink", 3),
        _fact("MyAzureVNET", VPN, "New-AzureVirtualNetworkGateway", 4, column=3),
        _fact("MyAzureVNET", VPN, "Set-AzureVNetGateway -Connect", 5, site="office"),
    ]


def test_arguments_bind_by_position_prefix_and_splatting():
    """New-AzureVirtualNetworkGateway takes the network at position 0; Set-AzureVNetGateway at position 1,
    the switches at 0 binding no argument."""
    script = """
    New-AzureVirtualNetworkGateway vnet-a S2SVPN DynamicRouting
    Set-AzureVNetGateway -Connect vnet-b office
    $link = @{ ServiceKey = $key; VNetName = "vnet-c" }
    New-AzureDedicatedCircuitLink @link
    new-azurededicatedcircuitlink -servicekey $key -vnet "vnet-d"
    """
    assert [(f.vnet, f.side, f.local_site) for f in _facts(script)] == [
        ("vnet-a", VPN, ""),
        ("vnet-b", VPN, "office"),
        ("vnet-c", EXPRESSROUTE, ""),
        ("vnet-d", EXPRESSROUTE, ""),
    ]


def test_a_name_the_script_states_through_constants_counts_an_unknown_one_does_not():
    script = """
    param([string] $Other)
    $vnet = "hub-vnet"
    function Link([string] $name) { New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName $name }
    Link $vnet
    Link $vnet
    New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName $Other
    New-AzureVirtualNetworkGateway -VNetName $env:VNET -GatewayName S2SVPN
    Set-AzureVNetGateway -Connect -VNetName "$Other-vnet" -LocalNetworkSiteName "office"
    """
    # The function runs at both calls, with the same values: one fact.
    assert _facts(script) == [_fact("hub-vnet", EXPRESSROUTE, "New-AzureDedicatedCircuitLink", 3, column=33)]


def test_disconnecting_a_site_states_nothing():
    script = """
    Set-AzureVNetGateway -Disconnect -VNetName "hub-vnet" -LocalNetworkSiteName "office"
    Set-AzureVNetGateway -VNetName "hub-vnet" -LocalNetworkSiteName "office"
    Set-AzureVNetGateway -Connect:$connect -VNetName "hub-vnet" -LocalNetworkSiteName "office"
    """
    assert _facts(script) == []


def test_a_removal_that_surely_runs_after_the_link_cancels_it():
    script = """
    New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName "gone-vnet"
    Remove-AzureDedicatedCircuitLink -ServiceKey $key -VNetName "GONE-VNET" -Force
    New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName "maybe-vnet"
    if ($env:CLEAN) { Remove-AzureDedicatedCircuitLink -ServiceKey $key -VNetName "maybe-vnet" -Force }
    Remove-AzureDedicatedCircuitLink -ServiceKey $key -VNetName "later-vnet" -Force
    New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName "later-vnet"
    New-AzureDedicatedCircuitLink -ServiceKey $key -VNetName "kept-vnet"
    Remove-AzureDedicatedCircuitLink -ServiceKey $key -VNetName $other -Force
    New-AzureVirtualNetworkGateway -VNetName "gone-vnet" -GatewayName S2SVPN
    Remove-AzureDedicatedCircuitLink -ServiceKey $key -VNetName "gone-vnet" -Force
    """
    assert [(f.vnet, f.side) for f in _facts(script)] == [
        ("maybe-vnet", EXPRESSROUTE),  # the removal may not run
        ("later-vnet", EXPRESSROUTE),  # removed before it was made
        ("kept-vnet", EXPRESSROUTE),  # the removal names a network the script does not state
        ("gone-vnet", VPN),  # a circuit link's removal leaves the VPN gateway
    ]


@pytest.mark.parametrize(
    "script",
    [
        'Switch-AzureMode AzureResourceManager\nNew-AzureVirtualNetworkGateway -VNetName "v" -GatewayName g\n',
        'New-AzureVirtualNetworkGateway -ResourceGroupName rg -VNetName "v" -GatewayName g\n',
        'New-AzureDedicatedCircuitLink -ServiceKey $k -VNetName "v" -ResourceGroupName rg\n',
        "New-AzVirtualNetworkGateway -Name g -ResourceGroupName rg -Location l -GatewayType Vpn\n",
        "New-AzureRmVirtualNetworkGateway -Name g -ResourceGroupName rg -Location l -GatewayType Vpn\n",
        "New-AzVirtualNetworkGatewayConnection -Name c -ResourceGroupName rg -ConnectionType IPsec\n",
    ],
    ids=["arm-mode", "resource-group", "resource-group-link", "az", "azurerm", "az-connection"],
)
def test_resource_manager_calls_state_nothing(script):
    assert _facts(script) == []


def test_the_circuit_link_cmdlets_are_classic_calls():
    document = read_document(PATH, LINK.format("v").encode(), explicit=True)
    assert document is not None
    (script,) = [r for r in document.resources if type(r).__name__ == "Script"]
    assert [c.name for c in script.calls] == ["New-AzureDedicatedCircuitLink"]


def test_the_rules_look_at_scripts_that_state_a_gateway_fact():
    """Their pytest items and `--select` read the scripts (the file kinds follow from `looks_at`)."""
    document = read_document(PATH, LINK.format("v").encode(), explicit=True)
    assert document is not None
    held = resource_types(document)
    for code in ("MIG301", "MIG302"):
        rule: Rule = RULES[code]
        assert FileKind.POWERSHELL in rule.file_kinds() and rule.has_case(held)
    # MIG303 reads a network configuration a script uploads, not a gateway fact.
    assert not RULES["MIG303"].has_case(held)


# --- MIG301 --------------------------------------------------------------------------------------------------


def test_expressroute_in_the_configuration_and_a_vpn_gateway_in_a_script(tmp_path, monkeypatch):
    files = {
        "NetworkConfig.netcfg": _netcfg(("MyAzureVNET", "Dedicated")),
        "coexist.ps1": "# coexistence\n"
        + LINK.format("MyAzureVNET")
        + "  "
        + VPN_GATEWAY.format("myazurevnet"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG301", dedent=False)
    assert where(result.findings) == ["MIG301 coexist.ps1:3:3"]
    (finding,) = result.findings
    assert (finding.resource_type, finding.resource_name) == ("VirtualNetwork", "MyAzureVNET")
    assert finding.message == (
        "virtual network 'MyAzureVNET' has ExpressRoute (to 'site-dedicated', in NetworkConfig.netcfg; a "
        "circuit link by New-AzureDedicatedCircuitLink at coexist.ps1:2) and also a VPN (a site-to-site VPN "
        "gateway by New-AzureVirtualNetworkGateway at coexist.ps1:3): the platform does not migrate a gateway where ExpressRoute "
        "and a VPN coexist"
    )
    assert "Remove-AzureVirtualNetworkGateway" in finding.fix


def test_a_vpn_in_the_configuration_and_a_circuit_link_in_a_script(tmp_path, monkeypatch):
    files = {
        "NetworkConfig.netcfg": _netcfg(("hub", "IPsec")),
        "link.ps1": CONNECT.format("hub")
        + LINK.format("hub")
        + LINK.format("hub").replace("$ServiceKey", "$k2"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG301", dedent=False)
    assert where(result.findings) == ["MIG301 link.ps1:2:1"]  # the side the configuration lacks
    (finding,) = result.findings
    assert "site-to-site VPN to 'site-ipsec', in NetworkConfig.netcfg" in finding.message
    assert "a circuit link by New-AzureDedicatedCircuitLink at link.ps1:2 and 1 more call" in finding.message
    assert finding.fix == RULES["MIG301"].fix_hint  # the VPN to take off is the configuration's


def test_both_sides_in_the_configuration_are_reported_at_the_gateway_once(tmp_path, monkeypatch):
    files = {
        "NetworkConfig.netcfg": _netcfg(("hub", "Dedicated,IPsec")),
        "more.ps1": LINK.format("hub") + VPN_GATEWAY.format("hub"),
    }
    assert _found(tmp_path, monkeypatch, files, "MIG301") == ["MIG301 NetworkConfig.netcfg:5:9"]


def test_a_script_alone_is_reported_at_its_vpn_call(tmp_path, monkeypatch):
    files = {"coexist.ps1": VPN_GATEWAY.format("hub") + LINK.format("hub") + CONNECT.format("hub")}
    assert _found(tmp_path, monkeypatch, files, "MIG301") == ["MIG301 coexist.ps1:1:1"]


def test_the_sides_may_come_from_two_scripts(tmp_path, monkeypatch):
    files = {"a/link.ps1": LINK.format("hub"), "b/vpn.ps1": "\n" + CONNECT.format("HUB")}
    assert _found(tmp_path, monkeypatch, files, "MIG301") == ["MIG301 b/vpn.ps1:2:1"]


def test_a_network_placed_by_a_deployment_is_matched_by_name(tmp_path, monkeypatch):
    deploy = 'New-AzureQuickVM -Windows -ServiceName "app" -Name "vm1" -ImageName $i -Location "l" -VNetName "Hub"\n'
    files = {"deploy.ps1": deploy, "gateways.ps1": LINK.format("hub") + VPN_GATEWAY.format("hub")}
    result = lint_files(tmp_path, monkeypatch, files, "MIG301", dedent=False)
    assert where(result.findings) == ["MIG301 gateways.ps1:2:1"]
    assert result.findings[0].resource_name == "Hub"  # the network as the estate knows it


@pytest.mark.parametrize(
    "files",
    [
        # two networks, each with one side
        {
            "NetworkConfig.netcfg": _netcfg(("er", "Dedicated"), ("vpn", "IPsec")),
            "s.ps1": VPN_GATEWAY.format("other"),
        },
        {"s.ps1": LINK.format("er-vnet") + VPN_GATEWAY.format("vpn-vnet") + CONNECT.format("vpn-vnet")},
        {"NetworkConfig.netcfg": _netcfg(("er", "Dedicated")), "s.ps1": LINK.format("er")},
        # near misses: the VPN call states nothing
        {"s.ps1": LINK.format("hub") + CONNECT.format("hub").replace("-Connect", "-Disconnect")},
        {
            "s.ps1": LINK.format("hub")
            + "New-AzureVirtualNetworkGateway -VNetName $vnet -GatewayName S2SVPN\n"
        },
        {
            "s.ps1": LINK.format("hub")
            + 'New-AzureVirtualNetworkGateway -VNetName "hub" -GatewayName S2SVPN -ResourceGroupName rg\n'
        },
        {
            "s.ps1": LINK.format("hub")
            + "New-AzVirtualNetworkGateway -Name hub -ResourceGroupName rg -Location l\n"
        },
        {"s.ps1": VPN_GATEWAY.format("hub") + "Switch-AzureMode AzureResourceManager\n" + LINK.format("hub")},
        # the circuit link is removed after it is made
        {
            "NetworkConfig.netcfg": _netcfg(("hub", "IPsec")),
            "s.ps1": LINK.format("hub")
            + 'Remove-AzureDedicatedCircuitLink -ServiceKey $k -VNetName "hub" -Force\n',
        },
    ],
    ids=[
        "two-networks",
        "two-networks-script",
        "expressroute-only",
        "disconnect",
        "unknown-name",
        "resource-group",
        "az",
        "arm-mode",
        "removed",
    ],
)
def test_no_network_with_both_sides(tmp_path, monkeypatch, files):
    assert _found(tmp_path, monkeypatch, files, "MIG301") == []


def test_subscriptions_are_kept_apart(tmp_path, monkeypatch):
    """Each folder with a network configuration is a subscription: a network of one name in each is two."""
    files = {
        "a/NetworkConfig.netcfg": _netcfg(("hub", "Dedicated")),
        "b/NetworkConfig.netcfg": _netcfg(("spoke", "")),
        "b/vpn.ps1": VPN_GATEWAY.format("hub"),
    }
    assert _found(tmp_path, monkeypatch, files, "MIG301") == []
    files["a/vpn.ps1"] = VPN_GATEWAY.format("hub")
    assert _found(tmp_path, monkeypatch, files, "MIG301") == ["MIG301 a/vpn.ps1:1:1"]


def test_the_estate_groups_facts_by_network_name_in_file_order():
    documents = [
        read_document(name, text.encode(), explicit=True)
        for name, text in (
            ("a.ps1", LINK.format("Hub") + CONNECT.format("x")),
            ("b.ps1", VPN_GATEWAY.format(" hub")),
        )
    ]
    (estate,) = link([d for d in documents if d is not None], Grouping())
    assert [(g.name, [(f.mark.path, f.side) for f in g.facts]) for g in estate.scripted_gateways] == [
        ("Hub", [("a.ps1", EXPRESSROUTE), ("b.ps1", VPN)]),
        ("x", [("a.ps1", VPN)]),
    ]
    assert estate.scripted_gateway("HUB") is estate.scripted_gateways[0]
    assert estate.scripted_gateway("nowhere") is None


# --- MIG302 --------------------------------------------------------------------------------------------------


def test_a_circuit_link_is_reported_once_per_script_without_a_dedicated_connection(tmp_path, monkeypatch):
    files = {
        "NetworkConfig.netcfg": _netcfg(("hub", "IPsec"), ("er", "Dedicated")),
        "a.ps1": "\n" + LINK.format("hub") + LINK.format("HUB").replace("$ServiceKey", "$k2"),
        "b.ps1": LINK.format("hub") + LINK.format("er") + LINK.format("nowhere"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG302", "MIG003", dedent=False)
    # 'nowhere' is no network the configuration defines: the platform refuses the link, and MIG003 alone
    # reports the name.
    assert where(f for f in result.findings if f.code == "MIG302") == [
        "MIG302 NetworkConfig.netcfg:8:88",
        "MIG302 a.ps1:2:1",
        "MIG302 b.ps1:1:1",
    ]
    assert [f.resource_name for f in result.findings if f.location and f.location.path == "b.ps1"] == [
        "hub",
        "nowhere",
    ]
    by_place = {f"{f.location.path}:{f.location.line}": f for f in result.findings}
    assert by_place["a.ps1:2"].message == (
        "virtual network 'hub' is linked to an ExpressRoute circuit by New-AzureDedicatedCircuitLink: a network "
        "linked to ExpressRoute migrates only once its circuit is in Resource Manager, which the files do not "
        "show, and Prepare fails while it is classic"
    )
    assert "Remove-AzureDedicatedCircuitLink" in by_place["a.ps1:2"].fix
    assert by_place["b.ps1:3"].code == "MIG003" and by_place["b.ps1:3"].resource_name == "nowhere"


@pytest.mark.parametrize(
    "script",
    [
        LINK.format("hub") + 'Remove-AzureDedicatedCircuitLink -ServiceKey $k -VNetName "hub" -Force\n',
        "New-AzureDedicatedCircuitLink -ServiceKey $k -VNetName $vnet\n",
        'New-AzureDedicatedCircuitLink -ServiceKey $k -VNetName "hub" -ResourceGroupName rg\n',
        VPN_GATEWAY.format("hub") + CONNECT.format("hub"),
    ],
    ids=["removed", "unknown-name", "resource-group", "vpn-only"],
)
def test_no_circuit_link(tmp_path, monkeypatch, script):
    assert _found(tmp_path, monkeypatch, {"s.ps1": script}, "MIG302") == []


# --- cost ----------------------------------------------------------------------------------------------------


def test_reading_links_and_removals_is_linear():
    """A removal takes away the links of its network only, found by name: a script of many links and
    removals reads in linear time (a removal that looked at every link made so far would not)."""

    def make(n: int):
        pairs = (
            f"New-AzureDedicatedCircuitLink -VN v{i}\nRemove-AzureDedicatedCircuitLink -VN v0\n"
            for i in range(n)
        )
        data = "".join(pairs).encode()
        return lambda: read_document(PATH, data, explicit=True)

    assert_linear(make, 1500)  # 4n such lines stay under the reader's size cap


def test_checking_many_scripted_gateways_is_linear():
    """The estate groups the facts by network once: linking and checking many networks, each with facts of
    its own, costs linear time (looking each network's facts up among all of them would not)."""

    def make(n: int):
        netcfg = _netcfg(*((f"v{i}", "Dedicated") for i in range(n)), *((f"x{i}", "") for i in range(n)))
        script = "".join(
            f"New-AzureVirtualNetworkGateway -VNetName v{i}\nNew-AzureDedicatedCircuitLink -VNetName x{i}\n"
            for i in range(n)
        )  # short lines: 4n of them stay under the reader's size cap
        documents = [
            read_document("NetworkConfig.netcfg", netcfg.encode(), explicit=True),
            read_document("gateways.ps1", script.encode(), explicit=True),
        ]
        rules = (RULES["MIG301"], RULES["MIG302"])

        def work():
            (estate,) = link([d for d in documents if d is not None], Grouping())
            return [finding for rule in rules for finding in rule.check(estate)]

        assert len(work()) == 3 * n  # MIG301 and MIG302 on each v, MIG302 on each x
        return work

    assert_linear(make, 1000)


def test_messages_name_the_network_as_its_configuration_spells_it(tmp_path, monkeypatch):
    files = {"NetworkConfig.netcfg": _netcfg(("Hub-VNet", "IPsec")), "link.ps1": LINK.format("hub-vnet")}
    result = lint_files(tmp_path, monkeypatch, files, "MIG301", "MIG302", dedent=False)
    assert [f.code for f in result.findings] == ["MIG301", "MIG302"]
    assert all(f.message.startswith("virtual network 'Hub-VNet' ") for f in result.findings)


def test_connecting_a_site_the_configuration_makes_expressroute_adds_no_vpn(tmp_path, monkeypatch):
    # Set-AzureVNetGateway -Connect connects a site as the network configuration types it.
    connect = 'Set-AzureVNetGateway -Connect -VNetName "er" -LocalNetworkSiteName "site-dedicated"\n'
    files = {"NetworkConfig.netcfg": _netcfg(("er", "Dedicated")), "connect.ps1": connect}
    assert _found(tmp_path, monkeypatch, files, "MIG301") == []
    files["connect.ps1"] = CONNECT.format("er")
    assert _found(tmp_path, monkeypatch, files, "MIG301") == ["MIG301 connect.ps1:1:1"]
