"""`Get-AzureVNetConfig | ConvertTo-Json` writes the subscription's network configuration as one string,
`XMLConfiguration`. It is read as the .netcfg it holds: its networks are checked as a .netcfg's are, and a
finding points into the string, at the element's `<` as the export writes it (PowerShell 7 writes `<`,
Windows PowerShell `\\u003c`); the export itself is never edited by a fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import lint_files, run_cli, where

from migcheck.model import NetworkConfiguration
from migcheck.readers import read_document


def _netcfg(prefix: str = "10.0.0.0/16", gateway: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\r\n<NetworkConfiguration '
        'xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
        'xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">'
        "<VirtualNetworkConfiguration><LocalNetworkSites>"
        '<LocalNetworkSite name="office"><AddressSpace><AddressPrefix>192.168.1.0/24</AddressPrefix>'
        "</AddressSpace><VPNGatewayAddress>203.0.113.8</VPNGatewayAddress></LocalNetworkSite>"
        "</LocalNetworkSites><VirtualNetworkSites>"
        '<VirtualNetworkSite name="prodnet" Location="West Europe">'
        f"<AddressSpace><AddressPrefix>{prefix}</AddressPrefix></AddressSpace>"
        '<Subnets><Subnet name="FrontEnd"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet></Subnets>'
        f"{gateway}</VirtualNetworkSite></VirtualNetworkSites></VirtualNetworkConfiguration>"
        "</NetworkConfiguration>"
    )


def _export(xml: str, *, escaped: bool = False) -> str:
    """The export as ConvertTo-Json writes it: PowerShell 7's, or Windows PowerShell's (`escaped`), which
    writes `<` and `>` as `\\u003c` and `\\u003e`."""
    written = json.dumps(
        {
            "XMLConfiguration": xml,
            "OperationDescription": "Get-AzureVNetConfig",
            "OperationId": "x",
            "OperationStatus": "Succeeded",
        },
        indent=2,
    )
    return written.replace("<", "\\u003c").replace(">", "\\u003e") if escaped else written


@pytest.mark.parametrize("escaped", [False, True], ids=["pwsh", "windows-powershell"])
def test_a_prefix_with_a_leading_zero_is_mig304_at_its_element_in_the_string(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, escaped: bool
) -> None:
    text = _export(_netcfg("10.0.0.00/16"), escaped=escaped)
    result = lint_files(tmp_path, monkeypatch, {"vnetconfig.json": text}, "MIG304", dedent=False)
    [finding] = result.findings
    assert finding.location is not None and finding.location.line == 2
    line = text.splitlines()[1]
    opening = "\\u003c" if escaped else "<"
    closing = "\\u003e" if escaped else ">"
    assert line[finding.location.column - 1 :].startswith(f"{opening}AddressPrefix{closing}10.0.0.00/16")


def test_a_strict_prefix_is_not_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = _export(_netcfg("10.0.0.0/16"))
    assert lint_files(tmp_path, monkeypatch, {"vnetconfig.json": text}, "MIG304", dedent=False).findings == []


def test_the_networks_are_read_with_their_subnets() -> None:
    document = read_document("vnetconfig.json", _export(_netcfg()).encode(), explicit=True)
    assert document is not None and document.problem is None
    [config] = [r for r in document.resources if isinstance(r, NetworkConfiguration)]
    [network] = config.virtual_networks
    assert (network.name, [s.name for s in network.subnets]) == ("prodnet", ["FrontEnd"])


def test_its_gateway_beside_an_export_of_circuit_links_is_mig301(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ipsec = (
        '<Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="office">'
        '<Connection type="IPsec" /></LocalNetworkSiteRef></ConnectionsToLocalNetwork></Gateway>'
    )
    files = {
        "vnetconfig.json": _export(_netcfg(gateway=ipsec)),
        "links.json": json.dumps([{"State": "Provisioned", "VnetName": "prodnet"}], indent=2),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG301", dedent=False)
    assert where(result.findings) == ["MIG301 links.json:2:3"]
    assert "site-to-site VPN to 'office', in vnetconfig.json" in result.findings[0].message


def test_a_fix_leaves_the_export_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _export(_netcfg("10.0.0.00/16"))
    (tmp_path / "vnetconfig.json").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(capsys, "check", ".", "--select", "MIG304", "--fix", "--unsafe-fixes")
    assert code == 1 and "MIG304" in out
    assert (tmp_path / "vnetconfig.json").read_text(encoding="utf-8") == text


@pytest.mark.parametrize("xml", ["", "not xml", "<ServiceConfiguration/>"])
def test_a_string_that_is_no_network_configuration_describes_no_network(xml: str) -> None:
    document = read_document("vnetconfig.json", _export(xml).encode(), explicit=True)
    assert document is not None
    assert not [r for r in document.resources if isinstance(r, NetworkConfiguration)]
