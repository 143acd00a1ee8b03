"""REST bodies a PowerShell script sends to the Service Management API that describe a classic Application
Gateway (a Create Application Gateway request): the gateway is the script's, as one New-AzureApplicationGateway
creates, and MIG312 reports it where the body writes it."""

from __future__ import annotations

import warnings

from lint_support import lint_files, where

from migcheck.inventory_model import ApplicationGateway
from migcheck.readers import powershell

BODY = """\
$body = @"
<CreateApplicationGateway xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>appgw1</Name>
  <VnetName>{vnet}</VnetName>
  <Subnets><Subnet>Subnet-2</Subnet></Subnets>
  <GatewaySize>Medium</GatewaySize>
</CreateApplicationGateway>
"@
"""
SEND = (
    'Invoke-RestMethod -Method Post -Uri "https://{host}/$sub/services/networking/ApplicationGateways" '
    "-Body $body -Certificate $cert\n"
)


def _gateways(script: str) -> list[ApplicationGateway]:
    document = powershell.read("appgw.ps1", script.encode())
    assert document.problem is None
    return [r for r in document.resources if isinstance(r, ApplicationGateway)]


def test_a_gateway_body_the_script_posts_is_a_classic_gateway(tmp_path, monkeypatch):
    script = "param($sub)\n" + BODY.format(vnet="vnet1") + SEND.format(host="management.core.windows.net")
    found = lint_files(tmp_path, monkeypatch, {"appgw.ps1": script}, "MIG312", dedent=False).findings
    assert where(found) == ["MIG312 appgw.ps1:3:1"]  # at the element the here-string writes
    assert "'appgw1'" in found[0].message and "'vnet1'" in found[0].message


def test_a_network_the_script_does_not_state_is_a_stand_in():
    script = (
        "param($sub, $vnet)\n" + BODY.format(vnet="$vnet") + SEND.format(host="management.core.windows.net")
    )
    (gateway,) = _gateways(script)
    assert (gateway.name, gateway.vnet, gateway.subnets) == (
        "appgw1",
        "<virtual network name, appgw.ps1:10>",
        ("Subnet-2",),
    )


def test_a_gateway_body_sent_elsewhere_or_removed_afterwards_is_none():
    body = "param($sub)\n" + BODY.format(vnet="vnet1")
    assert _gateways(body + SEND.format(host="management.azure.com")) == []
    removed = (
        body
        + SEND.format(host="management.core.windows.net")
        + "Remove-AzureApplicationGateway -Name appgw1\n"
    )
    assert _gateways(removed) == []


def test_a_body_of_one_empty_element_is_read_once_without_warnings():
    script = "param($sub)\n$body = '<Deployment/>'\n" + SEND.format(host="management.core.windows.net")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert _gateways(script) == []
