"""MIG304 of a local network site the classic CLI creates (`azure network local-network create`): the CLI
writes the site into the subscription's network configuration, so it is a site of that configuration like a
netcfg's. No gateway connecting to it, its loose prefix is a warning, as a netcfg's is; a script that
connects a gateway to it (`vpn-gateway shared-key set -t`) keeps it an error. The local network gateway
PowerShell creates beside ExpressRoute (`New-AzureLocalNetworkGateway`) is made for a connection and stays an
error."""

from __future__ import annotations

from lint_support import lint_files, where

from migcheck.model import Severity

SITE = "azure config mode asm\nazure network local-network create office -a 192.168.1.1/24 -w 203.0.113.10\n"


def test_a_site_the_cli_creates_and_nothing_connects_to_is_a_warning(tmp_path, monkeypatch):
    [finding] = lint_files(tmp_path, monkeypatch, {"ln.sh": SITE}, "MIG304").findings
    assert where([finding]) == ["MIG304 ln.sh:2:46"]
    assert finding.severity is Severity.WARNING
    assert "no virtual network's gateway connects to the site" in finding.message
    assert "'192.168.1.1/24', an address prefix of local network site 'office'" in finding.message


def test_a_site_the_cli_creates_and_the_script_connects_a_gateway_to_stays_an_error(tmp_path, monkeypatch):
    script = SITE + "azure network vpn-gateway shared-key set vnet1 -t office -k secret\n"
    [finding] = lint_files(tmp_path, monkeypatch, {"ln.sh": script}, "MIG304").findings
    assert where([finding]) == ["MIG304 ln.sh:2:46"]
    assert finding.severity is Severity.ERROR


def test_a_local_network_gateway_powershell_creates_stays_an_error(tmp_path, monkeypatch):
    script = 'New-AzureLocalNetworkGateway -GatewayName "office" -IpAddress 203.0.113.10 -AddressSpace 192.168.1.1/24\n'
    [finding] = lint_files(tmp_path, monkeypatch, {"coexist.ps1": script}, "MIG304").findings
    assert finding.severity is Severity.ERROR
