"""The local site of a site-to-site connection beside ExpressRoute, which the coexistence guide says no network
configuration can hold: `New-AzureLocalNetworkGateway -AddressSpace` creates it and
`Reset-AzureLocalNetworkGateway` rewrites its address space. Its prefixes are checked as a network
configuration's local site's are (MIG304): an invalid CIDR range leaves it in a failed state."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import LocalNetworkSite

PATH = "deploy/coexist.ps1"


def _sites(read, script: str) -> list[LocalNetworkSite]:
    return [r for r in read(PATH, script).resources if isinstance(r, LocalNetworkSite)]


def test_the_gateway_a_script_creates_is_a_local_site_with_the_prefixes_it_states(read):
    (site,) = _sites(
        read,
        """
        New-AzureLocalNetworkGateway -GatewayName hq -IpAddress 203.0.113.10 -AddressSpace 192.168.1.0/24, $more
        """,
    )
    assert (site.name, site.vpn_gateway_address) == ("hq", "203.0.113.10")
    assert [p.text for p in site.address_space] == ["192.168.1.0/24"]
    assert site.address_space[0].mark.column == 84 and not site.address_space_known


def test_positional_arguments_and_an_array_in_a_variable(read):
    (site,) = _sites(
        read,
        """
        $space = "192.168.1.0/24", "10.50.0.0/16"
        New-AzureLocalNetworkGateway hq 203.0.113.10 $space
        """,
    )
    assert [p.text for p in site.address_space] == ["192.168.1.0/24", "10.50.0.0/16"]
    assert site.address_space_known


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (
            "New-AzureLocalNetworkGateway -GatewayName hq -IpAddress 203.0.113.10 "
            "-AddressSpace 192.168.1.10/24, 10.50.0.0/16\n",
            ["MIG304 coexist.ps1:1:84"],
        ),
        (
            '$space = @("10.50.0.0/16", "192.168.01.0/24")\n'
            "New-AzureLocalNetworkGateway -GatewayName hq -IpAddress 203.0.113.10 -AddressSpace $space\n",
            ["MIG304 coexist.ps1:1:28"],
        ),
        (
            "Reset-AzureLocalNetworkGateway -GatewayId $id -AddressSpace 10.60.1.1/16\n",
            ["MIG304 coexist.ps1:1:61"],
        ),
        (
            "New-AzureLocalNetworkGateway -GatewayName hq -IpAddress 203.0.113.10 -AddressSpace 192.168.1.0/24\n",
            [],
        ),
    ],
    ids=["host-bits", "leading-zero-in-a-variable", "reset", "valid"],
)
def test_mig304_an_invalid_prefix_of_the_local_network_gateway(tmp_path, monkeypatch, script, expected):
    result = lint_files(tmp_path, monkeypatch, {"coexist.ps1": script}, "MIG304", dedent=False)
    assert where(result.findings) == expected


def test_mig304_names_the_gateway_or_a_stand_in(tmp_path, monkeypatch):
    script = (
        "New-AzureLocalNetworkGateway -GatewayName hq -IpAddress 203.0.113.10 -AddressSpace 192.168.1.10/24\n"
        "Reset-AzureLocalNetworkGateway -GatewayId $id -AddressSpace 10.60.1.1/16\n"
    )
    findings = lint_files(tmp_path, monkeypatch, {"coexist.ps1": script}, "MIG304", dedent=False).findings
    assert [f.message.split(", is not")[0] for f in findings] == [
        "'192.168.1.10/24', an address prefix of local network site 'hq'",
        "'10.60.1.1/16', an address prefix of local network site '<local network gateway name, coexist.ps1:2>'",
    ]
