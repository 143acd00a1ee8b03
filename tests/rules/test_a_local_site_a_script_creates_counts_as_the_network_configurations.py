"""A local network site the classic CLI creates (`azure network local-network create`) is an element of the
subscription's network configuration (the CLI writes it there), so a gateway connection to it, the network
configuration's or a script's, reaches what its ranges say as a connection to a site the network
configuration defines does: MIG305 sees the transit a connection to a site that holds another network's
range and on-premises addresses makes, and the plan names a connection to a site that stands for another
network VNet-to-VNet, where each was a connection to a site no file described."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where
from test_plan_documents import steps_by_id

# hub (10.1.0.0/16) reaches the office; spoke (10.2.0.0/16). No site of the configuration stands for the
# hub; `{spoke}` is the spoke's Gateway element, or nothing.
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
      <VirtualNetworkSite name="hub" Location="West Europe">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="office"/></ConnectionsToLocalNetwork></Gateway>
      </VirtualNetworkSite>
      <VirtualNetworkSite name="spoke" Location="West Europe">
        <AddressSpace><AddressPrefix>10.2.0.0/16</AddressPrefix></AddressSpace>{spoke}
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

# The sites a script creates, and no network: the hub and the office (transit), the hub alone (VNet-to-VNet).
SITES = """\
azure network local-network create hub-and-office -a 10.1.0.0/16,192.168.0.0/16 -w 198.51.100.20
azure network local-network create hub-only -a 10.1.0.0/16 -w 198.51.100.20
"""

TRANSIT = (
    "virtual network 'spoke' reaches on-premises through another virtual network's gateway (local network "
    "site 'hub-and-office' holds that network's range and on-premises addresses): migration drops such "
    "transit, and the network loses on-premises connectivity"
)


def _netcfg(spoke_site: str = "") -> str:
    gateway = (
        "\n        <Gateway><ConnectionsToLocalNetwork>"
        f'<LocalNetworkSiteRef name="{spoke_site}"/></ConnectionsToLocalNetwork></Gateway>'
    )
    return NETCFG.format(spoke=gateway if spoke_site else "")


def test_a_scripted_connection_to_a_transit_site_a_script_creates_is_reported_at_the_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        "NetworkConfig.netcfg": _netcfg(),
        "sites.sh": SITES,
        "connect.sh": "azure network vnet local-network add spoke hub-and-office\n",
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG305", dedent=False)
    assert where(result.findings) == ["MIG305 connect.sh:1:1"]
    assert [f.message for f in result.findings] == [TRANSIT]


def test_a_configured_connection_to_a_transit_site_a_script_creates_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"NetworkConfig.netcfg": _netcfg("hub-and-office"), "sites.sh": SITES}
    result = lint_files(tmp_path, monkeypatch, files, "MIG305", dedent=False)
    assert [f.message for f in result.findings] == [TRANSIT]


def test_a_configuration_that_names_a_site_only_a_script_creates_still_does_not_define_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The configuration is refused as it is written (Set-AzureVNetConfig sets the whole configuration),
    though its connection reaches the site the script made."""
    files = {"NetworkConfig.netcfg": _netcfg("hub-and-office"), "sites.sh": SITES}
    result = lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False)
    assert [f.message for f in result.findings] == [
        "the gateway of virtual network 'spoke' connects to local network site 'hub-and-office', which the "
        "network configuration does not define"
    ]


def test_a_connection_to_a_site_a_script_creates_with_no_transit_is_no_transit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        "NetworkConfig.netcfg": _netcfg(),
        "sites.sh": SITES,
        "connect.sh": "azure network vnet local-network add spoke hub-only\n",
    }
    assert lint_files(tmp_path, monkeypatch, files, "MIG305", dedent=False).findings == []


def test_the_plan_names_a_connection_to_a_site_a_script_creates_by_what_it_stands_for(plan_of) -> None:
    plan = plan_of(
        {
            "NetworkConfig.netcfg": _netcfg(),
            "sites.sh": SITES,
            "connect.sh": "azure network vnet local-network add spoke hub-only\n",
        }
    )
    step = steps_by_id(plan)["network:spoke"]
    assert (
        "its VNet-to-VNet connection to virtual network 'hub' (local network site 'hub-only')" in step.moves
    )
    assert not any("site-to-site" in move for move in step.moves)


def test_a_site_a_script_creates_at_other_ranges_than_the_configuration_s_is_described_differently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One site of the subscription's network configuration, which the two describe at other ranges: the
    configuration's is the one a connection reaches (it comes first)."""
    files = {
        "NetworkConfig.netcfg": _netcfg(),
        "sites.sh": "azure network local-network create office -a 10.9.0.0/16 -w 203.0.113.10\n",
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False)
    assert where(result.findings) == ["MIG004 sites.sh:1:1"]
    assert [f.message for f in result.findings] == [
        "local network site 'office' is described differently here than at NetworkConfig.netcfg:4: address "
        "space ['10.9.0.0/16'] / ['192.168.0.0/16'] (here / there)"
    ]
