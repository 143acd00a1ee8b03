"""MIG301 to MIG304 beyond their examples: prefix checking case by case, messages and fixes, and the
findings on the sample estates."""

from __future__ import annotations

from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules
from migcheck.rules.networking import prefix_problem

RULES = load_rules(entry_points=False)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _lint(tmp_path: Path, monkeypatch, files: dict[str, str], select: str):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return lint(["."], Config(select=(select,)), RULES).findings


@pytest.mark.parametrize(
    "text", ["10.0.0.0/8", "192.168.0.0/24", "10.1.255.0/27", "0.0.0.0/0", "10.0.0.5/32"]
)
def test_strict_prefixes_pass(text):
    assert prefix_problem(text) is None


@pytest.mark.parametrize(
    ("text", "reason", "corrected"),
    [
        ("192.168.0.00/24", "leading zeros (00)", "192.168.0.0/24"),
        ("10.3.0.00/24", "leading zeros (00)", "10.3.0.0/24"),
        ("10.0.0.0/024", "leading zeros (024)", "10.0.0.0/24"),
        ("010.0.0.1/8", "leading zeros (010)", "10.0.0.0/8"),
        ("10.0.0.1/24", "host bits are set", "10.0.0.0/24"),
        ("10.1.2.0/16", "host bits are set", "10.1.0.0/16"),
        ("10.0.0.0/33", "greater than 32", ""),
        ("10.0.0.256/24", "greater than 255", ""),
        ("10.0.0.0", "no prefix length", ""),
        ("10.0.0/24", "not an IPv4 address", ""),
        ("", "no prefix length", ""),
    ],
)
def test_loose_prefixes_are_explained(text, reason, corrected):
    problem = prefix_problem(text)
    assert problem is not None and reason in problem.reason
    assert problem.corrected == corrected


NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="office">
        <AddressSpace><AddressPrefix>192.168.1.1/24</AddressPrefix></AddressSpace>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="prod" Location="West Europe">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <Gateway>
          <VPNClientAddressPool><AddressPrefix>172.16.0.1/24</AddressPrefix></VPNClientAddressPool>
          <ConnectionsToLocalNetwork>
            <LocalNetworkSiteRef name="office"/>
          </ConnectionsToLocalNetwork>
        </Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def test_local_site_and_client_pool_prefixes_are_checked_with_a_fix(tmp_path, monkeypatch):
    findings = _lint(tmp_path, monkeypatch, {"NetworkConfig.netcfg": NETCFG}, "MIG304")
    assert [(f.location.line, f.resource_type, f.resource_name) for f in findings] == [
        (5, "LocalNetworkSite", "office"),
        (12, "VirtualNetwork", "prod"),
    ]
    assert findings[0].fix == "Write 192.168.1.0/24 instead of 192.168.1.1/24."
    assert "VPN client address pool of virtual network 'prod'" in findings[1].message


def test_a_site_reference_without_connection_is_a_vpn(tmp_path, monkeypatch):
    """`LocalNetworkSiteRef` with no `Connection` is site-to-site: no ExpressRoute finding."""
    files = {"NetworkConfig.netcfg": NETCFG}
    assert _lint(tmp_path, monkeypatch, files, "MIG301") == []
    assert _lint(tmp_path, monkeypatch, files, "MIG302") == []


def test_contoso_network_findings():
    findings = lint([str(EXAMPLES / "contoso" / "network")], Config(select=("MIG3",)), RULES).findings
    assert [(f.code, f.location.line, f.location.column) for f in findings] == [
        ("MIG303", 68, 7),
        ("MIG304", 74, 13),
        ("MIG301", 98, 9),
        ("MIG302", 102, 15),
    ]
    assert "contoso-er-vnet" in findings[2].message and "contoso-hq-amsterdam" in findings[2].message
    assert findings[1].fix == "Write 10.3.0.0/24 instead of 10.3.0.00/24."


def test_ready_estate_has_no_network_findings():
    assert lint([str(EXAMPLES / "ready")], Config(select=("MIG3",)), RULES).findings == []
