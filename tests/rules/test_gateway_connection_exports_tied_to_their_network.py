"""MIG307 on a `Get-AzureVNetConnection | ConvertTo-Json` export, whose objects name no network: the file's
name (`<network>-connections.json`, as docs/inventory.md has it saved) ties it to a network the files describe,
else the one network whose gateway connects to that local site; the finding then names the network and
its fix gives `-VNetName` and `-LocalNetworkSiteName`. Untied, it says how to tie it."""

from __future__ import annotations

import json

from lint_support import lint_files, where

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="onprem">
        <AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>1.2.3.4</VPNGatewayAddress>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="Vnet1" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="GatewaySubnet"><AddressPrefix>10.0.1.0/29</AddressPrefix></Subnet></Subnets>
        {gateway}
      </VirtualNetworkSite>
      <VirtualNetworkSite name="vnet2" Location="West Europe">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
GATEWAY = (
    '<Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="onprem"><Connection type="IPsec" />'
    "</LocalNetworkSiteRef></ConnectionsToLocalNetwork></Gateway>"
)
# What Get-AzureVNetConnection writes (a GatewayConnectionContext): no network's name in it.
CONNECTION = {
    "ConnectivityState": "Disconnected",
    "EgressBytesTransferred": 0,
    "IngressBytesTransferred": 0,
    "LastConnectionEstablished": "1/1/2020",
    "LastEventID": "23005",
    "LastEventMessage": "The connectivity state for the local network site 'onprem' changed.",
    "LastEventTimeStamp": "1/1/2020",
    "LocalNetworkSiteName": "onprem",
    "OperationDescription": "Get-AzureVNetConnection",
    "OperationId": "x",
    "OperationStatus": "Succeeded",
}
EXPORT = json.dumps([CONNECTION], indent=4)
TIED_FIX = "Set-AzureVNetGateway -Connect -VNetName 'Vnet1' -LocalNetworkSiteName 'onprem'"


def _lint(tmp_path, monkeypatch, export_name: str, gateway: str = ""):
    files = {"NetworkConfig.netcfg": NETCFG.format(gateway=gateway), export_name: EXPORT}
    return lint_files(tmp_path, monkeypatch, files, "MIG307", dedent=False)


def test_the_file_name_ties_the_export_to_its_network_whatever_the_case(tmp_path, monkeypatch):
    """`vnet1-connections.json` names the network the configuration calls `Vnet1`: Azure compares network
    names without regard to case, and so does the estate."""
    result = _lint(tmp_path, monkeypatch, "vnet1-connections.json")
    assert where(result.findings) == ["MIG307 vnet1-connections.json:2:5"]
    [finding] = result.findings
    assert "the gateway of virtual network 'Vnet1' to local network site 'onprem' is Disconnected" in (
        finding.message
    )
    assert TIED_FIX in finding.fix and "Get-AzureVNetConnection -VNetName 'Vnet1'" in finding.fix


def test_the_only_network_whose_gateway_connects_to_the_site_ties_it(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, "connections.json", gateway=GATEWAY)
    [finding] = result.findings
    assert "virtual network 'Vnet1'" in finding.message and TIED_FIX in finding.fix


def test_the_file_name_wins_over_the_gateway_that_connects_to_the_site(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, "vnet2-connections.json", gateway=GATEWAY)
    [finding] = result.findings
    assert "virtual network 'vnet2'" in finding.message
    assert "-VNetName 'vnet2' -LocalNetworkSiteName 'onprem'" in finding.fix


def test_an_export_nothing_ties_says_how_to_tie_it(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, "connections.json")
    [finding] = result.findings
    assert finding.message.startswith(
        "the gateway's connection to local network site 'onprem' is Disconnected"
    )
    assert (
        "name the file `<network>-connections.json` for migcheck to tie it to its network" in finding.message
    )
    assert "-VNetName" not in finding.fix


def test_a_file_named_after_a_network_no_file_describes_says_so(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, "vnet9-connections.json")
    [finding] = result.findings
    assert "the file's name names virtual network 'vnet9', which no file checked describes" in finding.message
    assert "-VNetName" not in finding.fix
