"""MIG304 of a local network site's prefix that is not a strict CIDR range, where no network configuration
connects a gateway to the site but a script does: `Set-AzureVNetGateway -Connect`, or the pre-shared key of
the connection (`Set-AzureVNetGatewayKey`, the classic CLI's `network vpn-gateway shared-key set -t`, the
REST `.../gateway/connection/<site>/sharedkey`), which only a site the gateway connects to has. The site then
moves with that network's migration as the local network gateway of the connection, and fails there ("VNet
or local sites with invalid CIDR ranges when migrated result in a failed state", the gateway migration
guide): an error, where a site nothing connects to is a warning."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import Severity

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="office">
        <AddressSpace><AddressPrefix>192.168.1.1/24</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>203.0.113.10</VPNGatewayAddress>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="app-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets>
          <Subnet name="app"><AddressPrefix>10.0.0.0/24</AddressPrefix></Subnet>
          <Subnet name="GatewaySubnet"><AddressPrefix>10.0.9.0/27</AddressPrefix></Subnet>
        </Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

SUB = "11111111-2222-3333-4444-555555555555"
SHARED_KEY_URI = f"https://management.core.windows.net/{SUB}/services/networking/app-vnet/gateway/connection/office/sharedkey"

CONNECTING_SCRIPTS = {
    "connect": (
        "gateway.ps1",
        "Set-AzureVNetGateway -Connect -VNetName app-vnet -LocalNetworkSiteName office\n",
    ),
    "shared key": (
        "gateway.ps1",
        "New-AzureVNetGateway -VNetName app-vnet -GatewayType DynamicRouting\n"
        "Set-AzureVNetGatewayKey -VNetName app-vnet -LocalNetworkSiteName office -SharedKey s3cret\n",
    ),
    "classic cli": (
        "gateway.sh",
        "azure config mode asm\n"
        "azure network vpn-gateway create app-vnet -t DynamicRouting\n"
        "azure network vpn-gateway shared-key set app-vnet -t office -k s3cret\n",
    ),
    "rest": (
        "gateway.ps1",
        f"Invoke-RestMethod -Method Post -Uri '{SHARED_KEY_URI}' -Certificate $cert "
        "-Headers @{'x-ms-version'='2015-04-01'} "
        "-Body '<SharedKey xmlns=\"http://schemas.microsoft.com/windowsazure\"><Value>s3cret</Value></SharedKey>'\n",
    ),
}


def _mig304(tmp_path, monkeypatch, *scripts: tuple[str, str]):
    files = {"NetworkConfig.netcfg": NETCFG, **dict(scripts)}
    return lint_files(tmp_path, monkeypatch, files, "MIG304", dedent=False).findings


@pytest.mark.parametrize("how", CONNECTING_SCRIPTS)
def test_a_site_a_script_connects_a_gateway_to_is_an_error(tmp_path, monkeypatch, how):
    [finding] = _mig304(tmp_path, monkeypatch, CONNECTING_SCRIPTS[how])
    assert where([finding]) == ["MIG304 NetworkConfig.netcfg:5:23"]
    assert finding.severity is Severity.ERROR
    assert "no virtual network's gateway connects" not in finding.message


def test_a_site_a_script_only_disconnects_stays_a_warning(tmp_path, monkeypatch):
    script = (
        "gateway.ps1",
        "Set-AzureVNetGateway -Disconnect -VNetName app-vnet -LocalNetworkSiteName office\n",
    )
    [finding] = _mig304(tmp_path, monkeypatch, script)
    assert finding.severity is Severity.WARNING


def test_a_script_that_creates_the_gateway_only_connects_no_site(tmp_path, monkeypatch):
    script = ("gateway.ps1", "New-AzureVNetGateway -VNetName app-vnet -GatewayType DynamicRouting\n")
    [finding] = _mig304(tmp_path, monkeypatch, script)
    assert finding.severity is Severity.WARNING
