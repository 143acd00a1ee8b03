"""A local network site or a subnet a script's uploaded configuration names in part by a value the script does
not state (`<LocalNetworkSite name="$($Prefix)Local">`, `<Subnet name="$Prefix-sub">` in a PowerShell here-string
it writes out and uploads, `name="{prefix}Local"` in a Python f-string it PUTs) is named by a stand-in where the
configuration names it, as such a network is: a gateway's connection to the site is to that stand-in, and a call
given a string built alike (`-LocalNetworkSiteName "$($Prefix)Local"`) names the same site. Never
`'<not stated in the script>Local'`, which the plan would write as a name that runs."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, run_cli

from migcheck.model import NetworkConfiguration
from migcheck.readers import read_document

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="{site}">
        <AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>1.2.3.4</VPNGatewayAddress>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="vNet1" Location="West US">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets>
          <Subnet name="{subnet}"><AddressPrefix>10.0.0.0/24</AddressPrefix></Subnet>
          <Subnet name="GatewaySubnet"><AddressPrefix>10.0.1.0/29</AddressPrefix></Subnet>
        </Subnets>
        {gateway}
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
GATEWAY = (
    '<Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="{site}">'
    '<Connection type="IPsec" /></LocalNetworkSiteRef></ConnectionsToLocalNetwork></Gateway>'
)


def _powershell(gateway: str = GATEWAY, calls: str = "") -> str:
    netcfg = NETCFG.format(site="$($P)Local", subnet="$P-sub", gateway=gateway.format(site="$($P)Local"))
    return (
        "Param([String]$P)\n"
        f'$NetCfg = @"\n{netcfg}"@\n'
        'Set-Content -Value $NetCfg -Path "C:\\temp\\net.netcfg"\n'
        'Set-AzureVNetConfig -ConfigurationPath "C:\\temp\\net.netcfg"\n' + calls
    )


PYTHON = (
    "import sys\n"
    "from azure.servicemanagement import ServiceManagementService\n"
    'sms = ServiceManagementService("subscription-id", "management.pem")\n'
    "prefix = sys.argv[1]\n"
    'NETCFG = f"""'
    + NETCFG.format(site="{prefix}Local", subnet="{prefix}-sub", gateway=GATEWAY.format(site="{prefix}Local"))
    + '"""\n'
    'sms.perform_put("/subscription-id/services/networking/media", NETCFG)\n'
)

SCRIPTS = {
    "a PowerShell here-string": ("net.ps1", _powershell(), "net.ps1:6:7", "net.ps1:15:11"),
    "a Python f-string": ("net.py", PYTHON, "net.py:8:7", "net.py:17:11"),
}


@pytest.mark.parametrize(("path", "script", "site", "subnet"), SCRIPTS.values(), ids=SCRIPTS)
def test_the_site_and_the_subnet_are_stand_ins_where_the_configuration_names_them(path, script, site, subnet):
    document = read_document(path, script.encode(), explicit=True)
    assert document is not None
    (configuration,) = [r for r in document.resources if isinstance(r, NetworkConfiguration)]
    (local,) = configuration.local_sites
    (network,) = configuration.virtual_networks
    assert local.name == f"<local site name, {site}>"
    assert [s.name for s in network.subnets] == [f"<subnet name, {subnet}>", "GatewaySubnet"]
    assert network.gateway is not None
    assert [c.local_site for c in network.gateway.connections] == [local.name]


@pytest.mark.parametrize(("path", "script", "site", "subnet"), SCRIPTS.values(), ids=SCRIPTS)
def test_the_plan_names_the_site_by_its_stand_in(tmp_path, monkeypatch, capsys, path, script, site, subnet):
    lint_files(tmp_path, monkeypatch, {path: script}, dedent=False)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    (subscription,) = json.loads(out)["subscriptions"]
    (step,) = subscription["steps"]
    assert (
        f"its site-to-site VPN connection to local network site '<local site name, {site}>'" in step["moves"]
    )
    assert "not stated in the script" not in out


@pytest.mark.parametrize(
    "call",
    [
        'Set-AzureVNetGatewayKey -VNetName vNet1 -LocalNetworkSiteName "$($P)Local" -SharedKey abc',
        'Set-AzureVNetGateway -Connect -VNetName vNet1 -LocalNetworkSiteName "$($P)Local"',
    ],
    ids=["key", "connect"],
)
def test_a_call_given_the_name_built_alike_connects_to_that_site(tmp_path, monkeypatch, capsys, call):
    lint_files(tmp_path, monkeypatch, {"net.ps1": _powershell(gateway="", calls=call + "\n")}, dedent=False)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    (subscription,) = json.loads(out)["subscriptions"]
    (step,) = subscription["steps"]
    assert (
        "its site-to-site VPN connection to local network site '<local site name, net.ps1:6:7>'"
        in step["moves"]
    )
