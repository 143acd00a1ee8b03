"""Where findings on inventory exports count and point: MIG307 on a `Get-AzureVNetConnection` export
tied to its network (by the file's name) counts against that network in the readiness summary, as does a
script's disconnection of a network's gateway; MIG203 on a Resource Graph row points at its
`"subnetNames": []`, not at the row."""

from __future__ import annotations

import json

from lint_support import lint_files, where

from migcheck.report.readiness import ScopeKind, readiness

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
      <VirtualNetworkSite name="vnet1" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
CONNECTION = {
    "ConnectivityState": "Disconnected",
    "LocalNetworkSiteName": "onprem",
    "OperationDescription": "Get-AzureVNetConnection",
}


def _network_item(result):
    [subscription] = readiness(result)
    [network] = [i for s in subscription.scopes if s.scope is ScopeKind.IN_VNET for i in s.items]
    return network


def test_an_exported_connection_state_counts_against_its_network(tmp_path, monkeypatch):
    files = {"NetworkConfig.netcfg": NETCFG, "vnet1-connections.json": json.dumps([CONNECTION], indent=4)}
    result = lint_files(tmp_path, monkeypatch, files, "MIG307", dedent=False)
    assert where(result.findings) == ["MIG307 vnet1-connections.json:2:5"]
    network = _network_item(result)
    assert network.name == "vnet1" and [f.code for f in network.findings] == ["MIG307"]


def test_a_scripts_disconnection_counts_against_its_network(tmp_path, monkeypatch):
    script = 'Set-AzureVNetGateway -Disconnect -VNetName "vnet1" -LocalNetworkSiteName "onprem"\n'
    files = {"NetworkConfig.netcfg": NETCFG, "maintenance.ps1": script}
    result = lint_files(tmp_path, monkeypatch, files, "MIG307", dedent=False)
    assert [f.code for f in _network_item(result).findings] == ["MIG307"]


def test_mig203_points_at_the_empty_subnet_list_of_a_resource_graph_row(tmp_path, monkeypatch):
    row = {
        "id": "/subscriptions/1/resourceGroups/cs1/providers/Microsoft.ClassicCompute/virtualMachines/vm1",
        "name": "vm1",
        "type": "microsoft.classiccompute/virtualmachines",
        "properties": {
            "domainName": {"name": "cs1"},
            "networkProfile": {"inputEndpoints": [], "virtualNetwork": {"name": "vnet1", "subnetNames": []}},
        },
    }
    text = json.dumps({"data": [row]}, indent=2)
    result = lint_files(tmp_path, monkeypatch, {"classic.json": text}, "MIG203", dedent=False)
    at = text.index("[]", text.index('"subnetNames"'))  # the empty list, not its key
    line, column = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
    assert where(result.findings) == [f"MIG203 classic.json:{line}:{column}"]
