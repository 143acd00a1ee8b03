"""A network configuration is the subscription's: beside the one virtual network it defines it may hold a local
network site that no gateway connects to. That site moves with no network (a network's migration moves the
local sites its gateway connects to, as local network gateways: deep dive, "Local network site"), so a
finding about it (a prefix that is not a strict CIDR range, MIG304) is not the network's: its Validate does
not read the site. It was counted against the file's one network, and its plan step blocked by it, where a
file of two networks kept it apart; it is the file's now, whatever else the file defines."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.readiness import readiness

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="office">
        <AddressSpace><AddressPrefix>192.168.0.0/24</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>203.0.113.10</VPNGatewayAddress>
      </LocalNetworkSite>
      <LocalNetworkSite name="old-branch">
        <AddressSpace><AddressPrefix>10.0.0.00/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>203.0.113.11</VPNGatewayAddress>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="prod" Location="East Asia">
        <AddressSpace><AddressPrefix>172.16.0.0/16</AddressPrefix></AddressSpace>
        <Subnets>
          <Subnet name="web"><AddressPrefix>172.16.0.0/24</AddressPrefix></Subnet>
          <Subnet name="GatewaySubnet"><AddressPrefix>172.16.1.0/29</AddressPrefix></Subnet>
        </Subnets>
        <Gateway>
          <ConnectionsToLocalNetwork>
            <LocalNetworkSiteRef name="office"><Connection type="IPsec" /></LocalNetworkSiteRef>
          </ConnectionsToLocalNetwork>
        </Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def test_the_unconnected_site_s_finding_is_the_file_s_not_the_network_s(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": NETCFG}, "MIG304")
    (finding,) = result.findings
    assert (finding.code, finding.mark.line) == ("MIG304", 9)
    assert "local network site 'old-branch'" in finding.message
    items = [i for sub in readiness(result) for i in sub.items]
    (network,) = [i for i in items if i.type == "VirtualNetwork"]
    assert (network.name, network.findings) == ("prod", ())
    (step,) = [s for s in build_plan(result).steps if s.name == "prod"]
    assert not step.blockers


def test_a_connected_site_s_finding_is_still_its_network_s(tmp_path, monkeypatch):
    netcfg = NETCFG.replace("192.168.0.0/24", "192.168.0.00/24").replace("10.0.0.00/16", "10.0.0.0/16")
    result = lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": netcfg}, "MIG304")
    items = [i for sub in readiness(result) for i in sub.items]
    (network,) = [i for i in items if i.type == "VirtualNetwork"]
    assert [f.mark.line for f in network.findings] == [5]
