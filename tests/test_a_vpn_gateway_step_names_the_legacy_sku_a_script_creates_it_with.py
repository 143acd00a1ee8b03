"""A network's step whose VPN gateway a script creates with a legacy SKU (`New-AzureVNetGateway -GatewaySKU
HighPerformance`, `azure network vpn-gateway create -k Standard`) says that SKU, where the call sets it, that
it was retired (on the date retirements.py holds), and to resize the gateway to a current SKU after Commit,
where it only said in general that legacy SKUs were retired. A gateway of the Default SKU, or of no SKU the
script states, is said as before."""

from __future__ import annotations

import pytest
from lint_support import run_cli

from migcheck.retirements import LEGACY_GATEWAY_SKUS, VPN_GATEWAY_SKU

# A network whose gateway connects to site `hq` by IPsec: a VPN gateway.
NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites><LocalNetworkSite name="hq"><AddressSpace><AddressPrefix>172.16.0.0/16</AddressPrefix>
    </AddressSpace><VPNGatewayAddress>131.1.1.1</VPNGatewayAddress></LocalNetworkSite></LocalNetworkSites>
    <VirtualNetworkSites><VirtualNetworkSite name="vpn-vnet" Location="West Europe">
      <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
      <Subnets><Subnet name="GatewaySubnet"><AddressPrefix>10.1.255.0/29</AddressPrefix></Subnet></Subnets>
      <Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="hq"><Connection type="IPsec" />
      </LocalNetworkSiteRef></ConnectionsToLocalNetwork></Gateway>
    </VirtualNetworkSite></VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def _downtime(tmp_path, monkeypatch, capsys, script: str, text: str) -> str:
    (tmp_path / "network.netcfg").write_text(NETCFG, encoding="utf-8")
    (tmp_path / script).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".")
    [downtime] = [
        line for line in out.splitlines() if line.strip().startswith("downtime:") and "gateway" in line
    ]
    return downtime


@pytest.mark.parametrize(
    ("script", "text", "sku"),
    [
        (
            "gw.ps1",
            "New-AzureVNetGateway -VNetName 'vpn-vnet' -GatewayType DynamicRouting -GatewaySKU HighPerformance\n",
            "HighPerformance",
        ),
        ("gw.sh", "azure network vpn-gateway create vpn-vnet -t DynamicRouting -k Standard\n", "Standard"),
    ],
    ids=["powershell", "classic-cli"],
)
def test_the_step_says_the_gateway_s_legacy_sku_and_to_resize_it(
    tmp_path, monkeypatch, capsys, script, text, sku
):
    downtime = _downtime(tmp_path, monkeypatch, capsys, script, text)
    assert (
        f"keeps its SKU, {sku} ({script}:1), a legacy VPN gateway SKU retired on {LEGACY_GATEWAY_SKUS}"
    ) in downtime, downtime
    assert f"After Commit, resize the gateway to {VPN_GATEWAY_SKU} with a Standard SKU public IP." in downtime


def test_a_gateway_of_the_default_sku_is_said_as_before(tmp_path, monkeypatch, capsys):
    text = "New-AzureVNetGateway -VNetName 'vpn-vnet' -GatewayType DynamicRouting -GatewaySKU Default\n"
    downtime = _downtime(tmp_path, monkeypatch, capsys, "gw.ps1", text)
    assert "keeps its SKU and its public IP address" in downtime, downtime
    assert "a legacy VPN gateway SKU" not in downtime
