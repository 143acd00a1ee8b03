"""A network whose name is its file's own (a placeholder such as '<vnet-name>', a pipeline token) is a
network of that file alone (`join_key`): the connections another file's script makes from a gateway it names
alike are that script's network's, in the plan as in the link (`Network.scripted_connections`), where the
plan gave them to every network of the name."""

from __future__ import annotations

from test_plan_documents import steps_by_id

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="office">
        <AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>203.0.113.10</VPNGatewayAddress>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="&lt;vnet-name&gt;" Location="West Europe">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <Gateway/>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
CONNECT = 'Set-AzureVNetGateway -Connect -VNetName "<vnet-name>" -LocalNetworkSiteName office\n'
DISCONNECT = 'Set-AzureVNetGateway -Disconnect -VNetName "<vnet-name>" -LocalNetworkSiteName office\n'
CONNECTION = "its site-to-site VPN connection to local network site 'office'"


def _network_steps(plan_of, script: str) -> list:
    plan = plan_of({"NetworkConfig.netcfg": NETCFG, "connect.ps1": script})
    return [step for name, step in steps_by_id(plan).items() if name.startswith("network:")]


def test_another_file_s_connection_of_a_placeholder_network_is_not_the_configured_network_s(plan_of) -> None:
    configured, scripted = sorted(_network_steps(plan_of, CONNECT), key=lambda s: s.network_undefined)
    assert not configured.network_undefined
    assert CONNECTION not in configured.moves
    assert CONNECTION in scripted.moves


def test_another_file_s_disconnection_of_a_placeholder_network_is_not_the_configured_network_s(
    plan_of,
) -> None:
    [configured] = _network_steps(plan_of, DISCONNECT)
    assert not configured.network_undefined
    assert CONNECTION not in configured.moves
