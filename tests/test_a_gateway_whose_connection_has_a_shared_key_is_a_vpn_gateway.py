"""A pre-shared key exists only for an IPsec connection of a gateway to a local network site: a script that
sets or resets one (Set-AzureVNetGatewayKey, the classic CLI's `network vpn-gateway shared-key set|reset`,
or the `.../gateway/connection/<site>/sharedkey` request it sends itself, from PowerShell or Python) shows
the network's gateway is a VPN gateway. Its gateway is then no unknown one that may be ExpressRoute
(MIG302), and with a circuit linked to the same network, ExpressRoute and a VPN coexist (MIG301)."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

URL = "https://management.core.windows.net/sub/services/networking"

# What creates the gateway of network VNetA, and what sets the key of its connection to SiteB, by format.
CREATES = {
    "ps1": 'New-AzureVNetGateway -VNetName "VNetA" -GatewayType DynamicRouting\n',
    "sh": "azure network vpn-gateway create VNetA -t DynamicRouting\n",
}
KEYS = {
    "ps1": 'Set-AzureVNetGatewayKey -VNetName "VNetA" -LocalNetworkSiteName "SiteB" -SharedKey abc\n',
    "ps1 by position": "Set-AzureVNetGatewayKey VNetA SiteB abc\n",
    "ps1 request": (
        f'Invoke-RestMethod -Method POST -Uri "{URL}/VNetA/gateway/connection/SiteB/sharedkey" '
        '-Certificate $cert -Body "<SharedKey><Value>abc</Value></SharedKey>" -ContentType "application/xml"\n'
    ),
    "sh": "azure network vpn-gateway shared-key set VNetA abc -t SiteB\n",
    "sh reset": "azure network vpn-gateway shared-key reset VNetA 32 -t SiteB\n",
}
LINKS = {
    "ps1": 'New-AzureDedicatedCircuitLink -ServiceKey "abc" -VNetName "VNetA"\n',
    "sh": "",  # the classic CLI has no command that links a circuit
}
PYTHON_LINK = f'requests.put("{URL}/dedicatedcircuits/abc/vnets/VNetA", cert="c.pem")\n'
PYTHON_KEYS = {
    "set": (
        f'requests.post("{URL}/VNetA/gateway/connection/SiteB/sharedkey", '
        'data="<SharedKey><Value>abc</Value></SharedKey>", cert="c.pem")\n'
    ),
    "reset": (
        f'requests.put("{URL}/VNetA/gateway/connection/SiteB/sharedkey?operation=reset", '
        'data="<ResetSharedKey><KeyLength>32</KeyLength></ResetSharedKey>", cert="c.pem")\n'
    ),
}


def _ext(case: str) -> str:
    return case.split()[0]


@pytest.mark.parametrize("case", sorted(KEYS))
def test_a_created_gateway_whose_connection_gets_a_key_is_no_unknown_gateway(
    tmp_path, monkeypatch, case
) -> None:
    ext = _ext(case)
    script = CREATES[ext] + KEYS[case]
    assert where(lint_files(tmp_path, monkeypatch, {f"gw.{ext}": script}, "MIG302").findings) == []


@pytest.mark.parametrize("ext", sorted(CREATES))
def test_a_created_gateway_no_call_connects_may_still_be_expressroute(tmp_path, monkeypatch, ext) -> None:
    found = where(lint_files(tmp_path, monkeypatch, {f"gw.{ext}": CREATES[ext]}, "MIG302").findings)
    assert found == [f"MIG302 gw.{ext}:1:1"]


@pytest.mark.parametrize("case", ["ps1", "ps1 by position", "ps1 request"])
def test_a_linked_circuit_and_a_shared_key_on_one_network_are_both_gateways(
    tmp_path, monkeypatch, case
) -> None:
    script = LINKS["ps1"] + KEYS[case]
    result = lint_files(tmp_path, monkeypatch, {"gw.ps1": script}, "MIG301")
    assert where(result.findings) == ["MIG301 gw.ps1:2:1"]
    assert "shared key of a site-to-site VPN connection to 'SiteB'" in result.findings[0].message


@pytest.mark.parametrize("kind", sorted(PYTHON_KEYS))
def test_a_python_request_that_sets_a_key_beside_a_circuit_link_is_mig301(
    tmp_path, monkeypatch, kind
) -> None:
    script = "import requests\n\n" + PYTHON_LINK + PYTHON_KEYS[kind]
    result = lint_files(tmp_path, monkeypatch, {"gw.py": script}, "MIG301")
    assert where(result.findings) == ["MIG301 gw.py:4:10"]


def test_reading_the_key_shows_no_connection(tmp_path, monkeypatch) -> None:
    read = f'requests.get("{URL}/VNetA/gateway/connection/SiteB/sharedkey", cert="c.pem")\n'
    script = "import requests\n\n" + PYTHON_LINK + read
    assert lint_files(tmp_path, monkeypatch, {"gw.py": script}, "MIG301").findings == []
