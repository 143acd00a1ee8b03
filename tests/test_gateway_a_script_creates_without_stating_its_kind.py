"""A network's gateway a PowerShell script creates (`New-AzureVNetGateway`) without anything stating what it
serves: the model records it with the type and SKU the call states, whatever else states the same
network's gateway (a script's circuit link or site connection, a network configuration, an export of
circuit links) joins with it, MIG302 says it may be an ExpressRoute gateway only when nothing does, MIG301
never counts it as a VPN, and the plan moves it with its network."""

from __future__ import annotations

import json
import textwrap

import pytest
from lint_support import lint_files, where

from migcheck.cli import main
from migcheck.model import GATEWAY, Mark, VnetGatewayFact
from migcheck.readers import read_document

CREATE = 'New-AzureVNetGateway -VNetName "hub-vnet" -GatewayType DynamicRouting -GatewaySKU HighPerformance\n'
LINK = 'New-AzureDedicatedCircuitLink -ServiceKey $ServiceKey -VNetName "hub-vnet"\n'
CONNECT = 'Set-AzureVNetGateway -Connect -VNetName "hub-vnet" -LocalNetworkSiteName "branch-office"\n'


def _netcfg(gateway: str) -> str:
    return (
        '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">\n'
        "  <VirtualNetworkConfiguration>\n    <VirtualNetworkSites>\n"
        '      <VirtualNetworkSite name="hub-vnet" Location="West Europe">\n'
        "        <AddressSpace><AddressPrefix>10.4.0.0/16</AddressPrefix></AddressSpace>\n"
        f"        {gateway}\n"
        "      </VirtualNetworkSite>\n"
        "    </VirtualNetworkSites>\n  </VirtualNetworkConfiguration>\n</NetworkConfiguration>\n"
    )


def _facts(script: str) -> list[VnetGatewayFact]:
    document = read_document("gw.ps1", textwrap.dedent(script).encode(), explicit=True)
    assert document is not None and document.problem is None
    return [r for r in document.resources if isinstance(r, VnetGatewayFact)]


def test_the_reader_records_the_gateway_with_its_type_and_sku():
    [fact] = _facts(CREATE)
    assert fact == VnetGatewayFact(
        "hub-vnet",
        GATEWAY,
        "New-AzureVNetGateway",
        Mark("gw.ps1", 1, column=1),
        gateway_type="DynamicRouting",
        sku="HighPerformance",
    )
    assert fact.creates_gateway and not fact.is_expressroute and not fact.is_vpn


def test_the_cmdlet_binds_network_type_and_sku_by_position():
    [fact] = _facts("New-AzureVNetGateway 'hub-vnet' StaticRouting Default\n")
    assert (fact.vnet, fact.gateway_type, fact.sku) == ("hub-vnet", "StaticRouting", "Default")


def test_a_type_or_sku_the_script_does_not_state_is_left_empty():
    [fact] = _facts('param($Sku)\nNew-AzureVNetGateway -VNetName "hub-vnet" -GatewaySKU $Sku\n')
    assert (fact.gateway_type, fact.sku) == ("", "")


def test_a_gateway_nothing_shows_connected_may_be_expressroute(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"gw.ps1": CREATE}, "MIG301", "MIG302")
    assert where(result.findings) == ["MIG302 gw.ps1:1:1"]
    [finding] = result.findings
    assert "may be an ExpressRoute gateway" in finding.message
    assert "New-AzureVNetGateway, DynamicRouting, SKU HighPerformance" in finding.message
    assert "Get-AzureVNetGateway -VNetName 'hub-vnet'" in finding.message
    assert "Get-AzureVNetConfig -ExportToFile" in finding.fix


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # The usual ExpressRoute setup: the gateway, then the circuit link. Not a VPN (no MIG301), and
        # the link's own MIG302 finding says it all.
        ({"gw.ps1": CREATE + LINK}, ["MIG302 gw.ps1:2:1"]),
        # Connected to a site by VPN: a VPN gateway, nothing to say.
        ({"gw.ps1": CREATE + CONNECT}, []),
        # The link in another script of the same network.
        ({"gw.ps1": CREATE, "link.ps1": LINK}, ["MIG302 link.ps1:1:1"]),
        # The network configuration states the connection.
        (
            {
                "gw.ps1": CREATE,
                "NetworkConfig.netcfg": _netcfg(
                    '<Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="office">'
                    '<Connection type="IPsec"/></LocalNetworkSiteRef></ConnectionsToLocalNetwork></Gateway>'
                ),
            },
            [],
        ),
        (
            {
                "gw.ps1": CREATE,
                "NetworkConfig.netcfg": _netcfg(
                    '<Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="er">'
                    '<Connection type="Dedicated"/></LocalNetworkSiteRef></ConnectionsToLocalNetwork></Gateway>'
                ),
            },
            ["MIG302 NetworkConfig.netcfg:6:76"],
        ),
        # An emptied ConnectionsToLocalNetwork (as the ExpressRoute migration prepares it) states nothing.
        (
            {
                "gw.ps1": CREATE,
                "NetworkConfig.netcfg": _netcfg("<Gateway><ConnectionsToLocalNetwork/></Gateway>"),
            },
            ["MIG302 gw.ps1:1:1"],
        ),
        # A network configuration without a gateway: the script's is the network's.
        ({"gw.ps1": CREATE, "NetworkConfig.netcfg": _netcfg("")}, ["MIG302 gw.ps1:1:1"]),
    ],
    ids=[
        "circuit-link",
        "vpn-connect",
        "link-elsewhere",
        "netcfg-ipsec",
        "netcfg-dedicated",
        "emptied",
        "no-gw",
    ],
)
def test_what_else_states_the_gateway_joins_with_it(tmp_path, monkeypatch, files, expected):
    result = lint_files(tmp_path, monkeypatch, files, "MIG301", "MIG302", dedent=False)
    assert where(result.findings) == expected
    # Only the created gateway's own finding says "may".
    maybe = [f for f in result.findings if "may be an ExpressRoute gateway" in f.message]
    assert where(maybe) == [w for w in expected if w == "MIG302 gw.ps1:1:1"]


def test_an_export_of_circuit_links_states_it_expressroute(tmp_path, monkeypatch):
    links = json.dumps([{"State": "Provisioned", "VnetName": "hub-vnet"}])
    result = lint_files(
        tmp_path, monkeypatch, {"gw.ps1": CREATE, "links.json": links}, "MIG302", dedent=False
    )
    assert not any("may be an ExpressRoute gateway" in f.message for f in result.findings)
    assert [f.location.path for f in result.findings if f.location] == ["links.json"]


def test_the_plan_moves_the_gateway_and_says_what_to_check(tmp_path, monkeypatch, capsys):
    (tmp_path / "gw.ps1").write_text(CREATE)
    monkeypatch.chdir(tmp_path)
    main(["plan", "."])
    out = capsys.readouterr().out
    assert "1. Virtual network: hub-vnet" in out
    assert (
        "moves: the gateway of 'hub-vnet' (created by New-AzureVNetGateway, DynamicRouting, SKU "
        "HighPerformance; gw.ps1:1), ExpressRoute or VPN: the files do not show what connects to it"
    ) in out
    assert "becomes: a virtual network gateway with the same properties, SKU and public IP address" in out
    assert "keeps its SKU, HighPerformance (as a VPN gateway's, a legacy SKU retired on 2025-09-30)" in out
    assert "before Validate, check with Get-AzureVNetGateway -VNetName 'hub-vnet'" in out
    # The downtime says what MIG302 says: no note repeats it.
    assert "note: gw.ps1:1:1: MIG302" not in out and "may be an ExpressRoute gateway" not in out


def test_the_plan_dates_no_default_sku(tmp_path, monkeypatch, capsys):
    """Neither the reference nor the retirement dates say anything of the cmdlet's Default SKU."""
    (tmp_path / "gw.ps1").write_text('New-AzureVNetGateway -VNetName "hub-vnet" -GatewaySKU Default\n')
    monkeypatch.chdir(tmp_path)
    main(["plan", "."])
    [downtime] = [line for line in capsys.readouterr().out.splitlines() if "downtime:" in line]
    assert "keeps its SKU, Default, and its public IP address" in downtime
    assert "legacy SKU" not in downtime


def test_the_plan_of_the_usual_expressroute_setup_is_unchanged_by_the_gateway(tmp_path, monkeypatch, capsys):
    (tmp_path / "gw.ps1").write_text(CREATE + LINK)
    monkeypatch.chdir(tmp_path)
    main(["plan", "."])
    out = capsys.readouterr().out
    assert "moves: the ExpressRoute gateway of 'hub-vnet'" in out
    assert "ExpressRoute or VPN" not in out
