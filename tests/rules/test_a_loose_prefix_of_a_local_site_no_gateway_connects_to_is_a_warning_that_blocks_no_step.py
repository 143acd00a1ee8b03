"""MIG304 of a local network site's prefix that is not a strict CIDR range: a local site migrates only as
the local network gateway of a connection, with the network whose gateway connects to it; the migration
guide says sites with such ranges fail "when migrated". A site no gateway connects to goes with no
network's migration, and Validate looks at the network or cloud service selected: a warning, a note outside
the plan's steps, not a blocker to fix first. A site a gateway connects to stays an error."""

from __future__ import annotations

import json

from lint_support import lint_files, run_cli, where

from migcheck.model import Severity

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="onprem">
        <AddressSpace><AddressPrefix>10.1.0.00/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>203.0.113.10</VPNGatewayAddress>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="app-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="app"><AddressPrefix>10.0.0.0/24</AddressPrefix></Subnet></Subnets>
{gateway}      </VirtualNetworkSite>
      <VirtualNetworkSite name="data-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.2.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="data"><AddressPrefix>10.2.0.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

GATEWAY = """\
        <Gateway>
          <ConnectionsToLocalNetwork>
            <LocalNetworkSiteRef name="onprem"><Connection type="IPsec" /></LocalNetworkSiteRef>
          </ConnectionsToLocalNetwork>
        </Gateway>
"""


def _mig304(tmp_path, monkeypatch, gateway: str):
    files = {"NetworkConfig.netcfg": NETCFG.format(gateway=gateway)}
    return lint_files(tmp_path, monkeypatch, files, "MIG304", dedent=False).findings


def test_a_site_no_gateway_connects_to_is_a_warning(tmp_path, monkeypatch):
    [finding] = _mig304(tmp_path, monkeypatch, "")
    assert where([finding]) == ["MIG304 NetworkConfig.netcfg:5:23"]
    assert finding.severity is Severity.WARNING
    assert finding.message == (
        "'10.1.0.00/16', an address prefix of local network site 'onprem', is not a strict CIDR range: leading"
        " zeros (00) are not allowed; no virtual network's gateway connects to the site, so no network's"
        " migration takes it, but a network connected to it later would fail to migrate"
    )


def test_the_plan_says_it_as_a_note_not_a_blocker_to_fix_first(tmp_path, monkeypatch, capsys):
    _mig304(tmp_path, monkeypatch, "")
    overview = json.loads(run_cli(capsys, "plan", ".", "--format", "json")[1])["subscriptions"][0]["overview"]
    assert overview["outside_blockers"] == 0
    text = run_cli(capsys, "plan", ".")[1]
    assert "fix it first" not in text
    assert "note: NetworkConfig.netcfg:5:23: MIG304 '10.1.0.00/16'" in text


def test_a_site_a_gateway_connects_to_stays_an_error(tmp_path, monkeypatch):
    [finding] = _mig304(tmp_path, monkeypatch, GATEWAY)
    assert where([finding]) == ["MIG304 NetworkConfig.netcfg:5:23"]
    assert finding.severity is Severity.ERROR
    assert "no virtual network's gateway connects" not in finding.message
