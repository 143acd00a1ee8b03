"""A connection a script makes from the gateway of a network the network configuration defines to a local site
it defines (`Set-AzureVNetGateway -Connect`, `azure network vnet local-network add`, the `UpdateConnection`
request either sends, or `Set-AzureVNetGatewayKey`, as only such a connection has a key) is a connection of
that gateway as the configuration's `LocalNetworkSiteRef` would be: the configuration the classic CLI
writes holds it so, and the platform migrates it so (gateway migration: "the classic model of two VPN
gateways, two local sites, and two connections between them is transformed to ... two connections of type
Vnet2Vnet"; "the transit scenario loses on-premises connectivity").

MIG305 sees the transit a scripted connection makes, on the spoke's side (the finding points at the
script's call) or the hub's; MIG301 and MIG210 say a scripted connection to a site that stands for another
network of the files as VNet-to-VNet; the plan names it VNet-to-VNet or transit as it does a configured
one."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where
from test_plan_documents import steps_by_id

# hub (10.1.0.0/16) reaches the office; the sites: the office, the hub and the office (transit), the hub
# alone (VNet-to-VNet). `{hub}` and `{spoke}` are each network's Gateway element, or nothing.
NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="office">
        <AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>203.0.113.10</VPNGatewayAddress>
      </LocalNetworkSite>
      <LocalNetworkSite name="hub-and-office">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>198.51.100.20</VPNGatewayAddress>
      </LocalNetworkSite>
      <LocalNetworkSite name="hub-only">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>198.51.100.20</VPNGatewayAddress>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="hub" Location="West Europe">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>{hub}
      </VirtualNetworkSite>
      <VirtualNetworkSite name="spoke" Location="West Europe">
        <AddressSpace><AddressPrefix>10.2.0.0/16</AddressPrefix></AddressSpace>{spoke}
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def _gateway(site: str) -> str:
    return (
        "\n        <Gateway><ConnectionsToLocalNetwork>"
        f'<LocalNetworkSiteRef name="{site}"/></ConnectionsToLocalNetwork></Gateway>'
    )


def _netcfg(hub: str = "office", spoke: str = "") -> str:
    return NETCFG.format(hub=_gateway(hub) if hub else "", spoke=_gateway(spoke) if spoke else "")


_PYTHON_CONNECT = """\
from azure.servicemanagement import ServiceManagementService

SUB = "00000000-0000-0000-0000-000000000000"
sms = ServiceManagementService(SUB, "cert.pem")
BODY = "<UpdateConnection xmlns='http://schemas.microsoft.com/windowsazure'><Operation>Connect</Operation></UpdateConnection>"
sms.perform_put("/" + SUB + "/services/networking/{network}/gateway/connection/{site}", BODY)
"""

# Each way a script connects `{network}`'s gateway to `{site}`: (file name, text, where the finding is).
CONNECTS = {
    "PowerShell": (
        "connect.ps1",
        "Set-AzureVNetGateway -Connect -VNetName {network} -LocalNetworkSiteName {site}\n",
        "connect.ps1:1:1",
    ),
    "shared key": (
        "connect.ps1",
        "Set-AzureVNetGatewayKey -VNetName {network} -LocalNetworkSiteName {site} -SharedKey abc123\n",
        "connect.ps1:1:1",
    ),
    "classic CLI": (
        "connect.sh",
        "azure network vnet local-network add {network} {site}\n",
        "connect.sh:1:1",
    ),
    "Python request": ("connect.py", _PYTHON_CONNECT, "connect.py:6:5"),
    "PowerShell request": (
        "connect.ps1",
        '$u = "https://management.core.windows.net/$sub/services/networking/{network}/gateway/connection/{site}"\n'
        'Invoke-RestMethod -Method PUT -Uri $u -Body "<UpdateConnection><Operation>Connect</Operation>'
        '</UpdateConnection>"\n',
        "connect.ps1:2:1",
    ),
}

TRANSIT = (
    "virtual network 'spoke' reaches on-premises through another virtual network's gateway (local network "
    "site 'hub-and-office' holds that network's range and on-premises addresses): migration drops such "
    "transit, and the network loses on-premises connectivity"
)


def _script(how: str, network: str, site: str) -> dict[str, str]:
    name, text, _ = CONNECTS[how]
    return {name: text.format(network=network, site=site)}


@pytest.mark.parametrize("how", list(CONNECTS))
def test_a_spoke_a_script_connects_to_a_transit_site_is_reported_at_the_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    files = {"NetworkConfig.netcfg": _netcfg(), **_script(how, "spoke", "hub-and-office")}
    result = lint_files(tmp_path, monkeypatch, files, "MIG305", dedent=False)
    assert where(result.findings) == [f"MIG305 {CONNECTS[how][2]}"]
    assert [f.message for f in result.findings] == [TRANSIT]


def test_a_spoke_with_a_gateway_of_its_own_a_script_connects_to_a_transit_site_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    netcfg = _netcfg().replace(
        "<AddressPrefix>10.2.0.0/16</AddressPrefix></AddressSpace>",
        "<AddressPrefix>10.2.0.0/16</AddressPrefix></AddressSpace><Gateway/>",
    )
    files = {"NetworkConfig.netcfg": netcfg, **_script("PowerShell", "spoke", "hub-and-office")}
    result = lint_files(tmp_path, monkeypatch, files, "MIG305", dedent=False)
    assert where(result.findings) == ["MIG305 connect.ps1:1:1"]


def test_a_hub_whose_connection_to_the_office_a_script_makes_carries_the_spoke_s_transit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        "NetworkConfig.netcfg": _netcfg(hub="", spoke="hub-and-office"),
        **_script("classic CLI", "hub", "office"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG305", dedent=False)
    assert where(result.findings) == ["MIG305 NetworkConfig.netcfg:23:45"]


@pytest.mark.parametrize("site", ["hub-only", "office", "somewhere-else"])
def test_a_scripted_connection_to_no_transit_site_is_no_transit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, site: str
) -> None:
    """VNet-to-VNet, direct to the office, or to a site the files do not define: nothing is lost."""
    files = {"NetworkConfig.netcfg": _netcfg(), **_script("PowerShell", "spoke", site)}
    assert lint_files(tmp_path, monkeypatch, files, "MIG305", dedent=False).findings == []


# An ExpressRoute network (er-vnet, 10.4.0.0/16) beside vnet-b (10.5.0.0/16), which vnet-b-site stands for.
ER_NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <Dns><DnsServers><DnsServer name="dc01" IPAddress="10.5.0.4"/></DnsServers></Dns>
    <LocalNetworkSites>
      <LocalNetworkSite name="dc-frankfurt">
        <AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
      </LocalNetworkSite>
      <LocalNetworkSite name="vnet-b-site">
        <AddressSpace><AddressPrefix>10.5.0.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>203.0.113.7</VPNGatewayAddress>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="er-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.4.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="app"><AddressPrefix>10.4.1.0/24</AddressPrefix></Subnet></Subnets>
        <DnsServersRef><DnsServerRef name="dc01"/></DnsServersRef>
        <Gateway>
          <ConnectionsToLocalNetwork>
            <LocalNetworkSiteRef name="dc-frankfurt"><Connection type="Dedicated"/></LocalNetworkSiteRef>
          </ConnectionsToLocalNetwork>
        </Gateway>
      </VirtualNetworkSite>
      <VirtualNetworkSite name="vnet-b" Location="West Europe">
        <AddressSpace><AddressPrefix>10.5.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="dc"><AddressPrefix>10.5.0.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
DEPLOYMENT = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>app</Name>
  <RoleList>
    <Role>
      <RoleName>app01</RoleName><RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
        <SubnetNames><SubnetName>app</SubnetName></SubnetNames></ConfigurationSet></ConfigurationSets>
      <ResourceExtensionReferences><ResourceExtensionReference><Publisher>Microsoft.Compute</Publisher>
        <Name>CustomScriptExtension</Name><Version>1.*</Version></ResourceExtensionReference></ResourceExtensionReferences>
    </Role>
  </RoleList>
  <VirtualNetworkName>er-vnet</VirtualNetworkName>
</Deployment>
"""


@pytest.mark.parametrize(
    ("how", "words"),
    [
        (
            "PowerShell",
            "a VNet-to-VNet VPN connection through local network site 'vnet-b-site' by "
            "Set-AzureVNetGateway -Connect at connect.ps1:1",
        ),
        (
            "shared key",
            "the shared key of a VNet-to-VNet VPN connection through local network site "
            "'vnet-b-site' by Set-AzureVNetGatewayKey at connect.ps1:1",
        ),
        (
            "classic CLI",
            "a VNet-to-VNet VPN connection through local network site 'vnet-b-site' by azure "
            "network vnet local-network add at connect.sh:1",
        ),
        (
            "PowerShell request",
            "a VNet-to-VNet VPN connection through local network site 'vnet-b-site' by a PUT to "
            ".../gateway/connection/<site> at connect.ps1:2",
        ),
        (
            "Python request",
            "a VNet-to-VNet VPN connection through local network site 'vnet-b-site' by a PUT to "
            ".../gateway/connection/<site> at connect.py:6",
        ),
    ],
)
def test_a_scripted_vnet_to_vnet_connection_beside_expressroute_is_said_as_such(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str, words: str
) -> None:
    files = {"NetworkConfig.netcfg": ER_NETCFG, **_script(how, "er-vnet", "vnet-b-site")}
    [found] = lint_files(tmp_path, monkeypatch, files, "MIG301", dedent=False).findings
    assert where([found]) == [f"MIG301 {CONNECTS[how][2]}"]
    assert found.message == (
        "virtual network 'er-vnet' has ExpressRoute (to 'dc-frankfurt', in NetworkConfig.netcfg) and also a "
        f"VPN ({words}): the platform does not migrate a gateway where ExpressRoute and a VPN coexist"
    )


def test_a_scripted_connection_to_a_site_of_no_network_of_the_files_is_still_site_to_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    netcfg = ER_NETCFG.replace(
        "<AddressPrefix>10.5.0.0/16</AddressPrefix></AddressSpace>\n        <Subnets>",
        "<AddressPrefix>10.6.0.0/16</AddressPrefix></AddressSpace>\n        <Subnets>",
    )
    files = {"NetworkConfig.netcfg": netcfg, **_script("PowerShell", "er-vnet", "vnet-b-site")}
    [found] = lint_files(tmp_path, monkeypatch, files, "MIG301", dedent=False).findings
    assert (
        "also a VPN (a site-to-site VPN connection to 'vnet-b-site' by Set-AzureVNetGateway" in found.message
    )


def test_a_dns_server_reached_through_a_scripted_vnet_to_vnet_connection_is_cut_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        "NetworkConfig.netcfg": ER_NETCFG,
        "app.deployment.xml": DEPLOYMENT,
        **_script("PowerShell", "er-vnet", "vnet-b-site"),
    }
    [found] = lint_files(tmp_path, monkeypatch, files, "MIG210", dedent=False).findings
    assert (
        "'er-vnet' is linked to ExpressRoute and uses DNS server 'dc01' (10.5.0.4) of another virtual network "
        "through its VNet-to-VNet VPN to local network site 'vnet-b-site' (the migration of a network linked to "
        "ExpressRoute removes its gateway's connections), which migration cuts off"
    ) in found.message


@pytest.mark.parametrize("spoke", ["", "<Gateway/>"])
@pytest.mark.parametrize("how", ["PowerShell", "classic CLI"])
def test_the_plan_names_a_scripted_connection_by_what_its_site_stands_for(
    plan_of, how: str, spoke: str
) -> None:
    netcfg = _netcfg().replace(
        "<AddressPrefix>10.2.0.0/16</AddressPrefix></AddressSpace>",
        f"<AddressPrefix>10.2.0.0/16</AddressPrefix></AddressSpace>{spoke}",
    )
    to_hub = plan_of({"NetworkConfig.netcfg": netcfg, **_script(how, "spoke", "hub-only")})
    step = steps_by_id(to_hub)["network:spoke"]
    assert (
        "its VNet-to-VNet connection to virtual network 'hub' (local network site 'hub-only')" in step.moves
    )
    assert any(
        b.startswith("a connection of type Vnet2Vnet to 'hub', without a local network gateway")
        for b in step.becomes
    )
    assert "the gateway of 'spoke'" in step.moves
    assert not any("site-to-site" in move for move in step.moves)

    transit = plan_of({"NetworkConfig.netcfg": netcfg, **_script(how, "spoke", "hub-and-office")})
    step = steps_by_id(transit)["network:spoke"]
    assert any("'hub-and-office', which holds the range of virtual network 'hub'" in m for m in step.moves)
    assert "route to on-premises through another network" in step.downtime


def test_the_plan_adds_the_connections_a_script_makes_to_those_of_a_configured_gateway(plan_of) -> None:
    """To a site the files define (the office, site-to-site by its ranges) and to one they do not."""
    script = (
        "Set-AzureVNetGateway -Connect -VNetName spoke -LocalNetworkSiteName office\n"
        "Set-AzureVNetGateway -Connect -VNetName spoke -LocalNetworkSiteName branch\n"
    )
    plan = plan_of({"NetworkConfig.netcfg": _netcfg(spoke="hub-only"), "connect.ps1": script})
    step = steps_by_id(plan)["network:spoke"]
    assert list(step.moves[2:]) == [
        "its VNet-to-VNet connection to virtual network 'hub' (local network site 'hub-only')",
        "its site-to-site VPN connection to local network site 'office'",
        "its site-to-site VPN connection to local network site 'branch'",
    ]
