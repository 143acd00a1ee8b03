"""A network a script's uploaded configuration names in part by a value the script does not state
(`<VirtualNetworkSite name="$($Prefix)vNet1">`), whose gateway the configuration connects to a local site,
and whose gateway the script then creates (`New-AzureVNetGateway -VNetName "$($Prefix)vNet1"`), is that
network: the gateway is a VPN gateway the files show connected, so MIG302 says nothing of it and the plan
moves its site-to-site connection, never a gateway "ExpressRoute or VPN", as for a network named outright."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, run_cli

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="site2">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>1.1.1.1</VPNGatewayAddress>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="{name}" Location="West US">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="GatewaySubnet"><AddressPrefix>10.0.1.0/29</AddressPrefix></Subnet></Subnets>
        <Gateway>
          <ConnectionsToLocalNetwork>
            <LocalNetworkSiteRef name="site2"><Connection type="IPsec" /></LocalNetworkSiteRef>
          </ConnectionsToLocalNetwork>
        </Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def _script(name: str) -> str:
    return (
        "Param([String]$Prefix)\n"
        f'$NetCfg = @"\n{NETCFG.format(name=name)}"@\n'
        'Set-Content -Value $NetCfg -Path "C:\\temp\\net.netcfg"\n'
        'Set-AzureVNetConfig -ConfigurationPath "C:\\temp\\net.netcfg"\n'
        f'$vNetName1 = "{name}"\n'
        "New-AzureVNetGateway -VNetName $vNetName1 -GatewayType DynamicRouting\n"
    )


NAMES = {"named by a stand-in": "$($Prefix)vNet1", "named outright": "prod-vNet1"}


@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES)
def test_the_gateway_is_not_said_to_be_maybe_expressroute(tmp_path, monkeypatch, name):
    result = lint_files(tmp_path, monkeypatch, {"net.ps1": _script(name)}, "MIG302", dedent=False)
    assert result.findings == []


@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES)
def test_the_plan_moves_the_gateway_s_site_to_site_connection_and_nothing_unknown(
    tmp_path, monkeypatch, capsys, name
):
    lint_files(tmp_path, monkeypatch, {"net.ps1": _script(name)}, dedent=False)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    (subscription,) = json.loads(out)["subscriptions"]
    (step,) = subscription["steps"]
    assert "its site-to-site VPN connection to local network site 'site2'" in step["moves"]
    assert "ExpressRoute or VPN" not in out
