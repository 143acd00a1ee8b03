"""A PowerShell script that reads a network configuration file into an `[xml]` document and loops over its
network sites (`foreach ($v in $cfg.NetworkConfiguration.VirtualNetworkConfiguration.VirtualNetworkSites.
VirtualNetworkSite) { New-AzureVNetGateway -VNetName $v.name … }`) gives the gateway, and the connections
it makes there, to each network that file defines: the configuration checked under that name, beside the
script. No file of that name checked, the gateway is said to be of each network of that file, not of a
network of its own. The sites piped to `ForEach-Object` (`… .VirtualNetworkSite | ForEach-Object { … $_.name
… }`) are read as that `foreach` reads them, where `$_` was a network the script does not name."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.cli import main

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="hub" Location="West US">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="GatewaySubnet"><AddressPrefix>10.0.1.0/29</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
      <VirtualNetworkSite name="spoke" Location="West US">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="GatewaySubnet"><AddressPrefix>10.1.1.0/29</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

SITES = "$cfg.NetworkConfiguration.VirtualNetworkConfiguration.VirtualNetworkSites.VirtualNetworkSite"
LOCAL_SITES = "$cfg.NetworkConfiguration.VirtualNetworkConfiguration.LocalNetworkSites.LocalNetworkSite"
READ = '[xml]$cfg = Get-Content "$PSScriptRoot\\net.netcfg"\n'
CREATE = 'New-AzureVNetGateway -VNetName $v.name -GatewayType "DynamicRouting" -GatewaySKU "Default"\n'
CONNECT = (
    f"foreach ($s in {LOCAL_SITES}) "
    "{ Set-AzureVNetGateway -Connect -VNetName $v.name -LocalNetworkSiteName $s.name }\n"
)


def _script(read: str = READ, connect: str = CONNECT) -> str:
    return read + f"foreach ($v in {SITES}) {{\n" + CREATE + connect + "}\n"


def _plan(tmp_path, monkeypatch, capsys, files: dict[str, str]) -> str:
    lint_files(tmp_path, monkeypatch, files, "MIG302", dedent=False)
    main(["plan", "."])
    return capsys.readouterr().out


def _step(out: str, network: str) -> str:
    return out.partition(f"Virtual network: {network} ")[2].partition("\n\n")[0]


@pytest.mark.parametrize(
    "read",
    [
        READ,
        '$cfg = [xml](Get-Content -Path "$PSScriptRoot\\net.netcfg" -Raw)\n',
        "[System.Xml.XmlDocument]$cfg = gc (Join-Path $PSScriptRoot 'net.netcfg')\n",
    ],
    ids=["typed-variable", "cast", "alias"],
)
def test_each_network_of_the_configuration_gets_the_gateway_and_its_connection(
    tmp_path, monkeypatch, capsys, read
):
    out = _plan(tmp_path, monkeypatch, capsys, {"net.netcfg": NETCFG, "gateways.ps1": _script(read)})
    for network in ("hub", "spoke"):
        step = _step(out, network)
        assert f"moves: the gateway of '{network}'\n" in step
        assert (
            "moves: its site-to-site VPN connection to local network site '<local site name, gateways.ps1:"
            in step
        )
    assert "<virtual network name" not in out
    assert "<each virtual network" not in out


def test_each_network_of_the_configuration_has_an_unconnected_gateway_mig302(tmp_path, monkeypatch):
    files = {"net.netcfg": NETCFG, "gateways.ps1": _script(connect="")}
    found = lint_files(tmp_path, monkeypatch, files, "MIG302", dedent=False).findings
    assert sorted(f.message.split("'")[1] for f in found) == ["hub", "spoke"]


def test_connected_in_the_loop_no_network_of_the_configuration_is_mig302(tmp_path, monkeypatch):
    files = {"net.netcfg": NETCFG, "gateways.ps1": _script()}
    assert not lint_files(tmp_path, monkeypatch, files, "MIG302", dedent=False).findings


def test_the_configuration_beside_the_script_is_the_one_it_reads(tmp_path, monkeypatch, capsys):
    other = NETCFG.replace('"hub"', '"other-hub"').replace('"spoke"', '"other-spoke"')
    files = {"a/net.netcfg": NETCFG, "a/gateways.ps1": _script(), "b/net.netcfg": other}
    out = _plan(tmp_path, monkeypatch, capsys, files)
    assert "moves: the gateway of 'hub'\n" in _step(out, "hub")
    assert "gateway" not in _step(out, "other-hub")


def test_with_no_such_file_checked_the_gateway_is_of_each_network_of_that_file(tmp_path, monkeypatch, capsys):
    out = _plan(tmp_path, monkeypatch, capsys, {"gateways.ps1": _script()})
    step = _step(out, "<each virtual network of net.netcfg, gateways.ps1:3:1>")
    assert "moves: the gateway of '<each virtual network of net.netcfg, gateways.ps1:3:1>'\n" in step
    assert "<virtual network name" not in out


def test_a_loop_over_a_file_the_script_writes_first_is_not_over_the_checked_one(
    tmp_path, monkeypatch, capsys
):
    written = "Set-Content -Path net.netcfg -Value $generated\n" + _script(
        read="[xml]$cfg = Get-Content net.netcfg\n"
    )
    out = _plan(tmp_path, monkeypatch, capsys, {"net.netcfg": NETCFG, "gateways.ps1": written})
    assert "gateway" not in _step(out, "hub")


def test_the_sites_piped_to_for_each_object_each_get_the_gateway_and_its_connection(
    tmp_path, monkeypatch, capsys
):
    connect = f"{LOCAL_SITES} | % {{ Set-AzureVNetGateway -Connect -VNetName $v.name -LocalNetworkSiteName $_.name }}\n"
    piped = READ + f"{SITES} | ForEach-Object {{\n$v = $_\n" + CREATE + connect + "}\n"
    out = _plan(tmp_path, monkeypatch, capsys, {"net.netcfg": NETCFG, "gateways.ps1": piped})
    for network in ("hub", "spoke"):
        step = _step(out, network)
        assert f"moves: the gateway of '{network}'\n" in step
        assert (
            "moves: its site-to-site VPN connection to local network site '<local site name, gateways.ps1:"
            in step
        )
    assert "<virtual network name" not in out
