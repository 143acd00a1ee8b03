"""A script that connects a network's gateway to a local site (`Set-AzureVNetGateway -Connect`) makes a
connection MIG305 reads, as the network configuration's `LocalNetworkSiteRef` is: with `--migcheck` the
script has a MIG305 item, failed by the transit it makes (at the script's call) and passed by a connection
that makes none, where a script that states nothing else of the networks had no such item unless it failed."""

from __future__ import annotations

import pytest
from plugin_support import QUIET, outcomes

pytest_plugins = ["pytester"]

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="office">
        <AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
      </LocalNetworkSite>
      <LocalNetworkSite name="hub-and-office">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="hub" Location="West Europe">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="office"/></ConnectionsToLocalNetwork></Gateway>
      </VirtualNetworkSite>
      <VirtualNetworkSite name="spoke" Location="West Europe">
        <AddressSpace><AddressPrefix>10.2.0.0/16</AddressPrefix></AddressSpace>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
CONNECT = "Set-AzureVNetGateway -Connect -VNetName spoke -LocalNetworkSiteName {site}\n"


@pytest.mark.parametrize(("site", "outcome"), [("hub-and-office", "failed"), ("office", "passed")])
def test_a_script_that_connects_a_gateway_to_a_site_has_a_mig305_item(
    pytester: pytest.Pytester, site: str, outcome: str
) -> None:
    pytester.path.joinpath("NetworkConfig.netcfg").write_text(NETCFG, encoding="utf-8")
    pytester.path.joinpath("connect.ps1").write_text(CONNECT.format(site=site), encoding="utf-8")
    reprec = pytester.inline_run(
        "--migcheck", "--migcheck-select=MIG305", "--migcheck-fail-on=warning", *QUIET
    )
    assert outcomes(reprec) == {"NetworkConfig.netcfg::MIG305": "passed", "connect.ps1::MIG305": outcome}
