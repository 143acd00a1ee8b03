"""A Python script that creates a classic Application Gateway with a request of its own (Create Application
Gateway: a POST of an `<ApplicationGateway>` body to `.../services/networking/ApplicationGateways`), through
`requests` or the legacy SDK's `perform_post`, puts the gateway in the network its body names: MIG312, as
the same body saved as a file or sent by PowerShell is."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import APP_VNET_NETCFG, lint_files, where

GATEWAY_BODY = (
    '<ApplicationGateway xmlns="http://schemas.microsoft.com/windowsazure">'
    "<Name>shop-agw</Name><VnetName>app-vnet</VnetName>"
    "<Subnets><Subnet>web</Subnet></Subnets>"
    "<InstanceCount>2</InstanceCount><GatewaySize>Medium</GatewaySize>"
    "</ApplicationGateway>"
)
GATEWAYS = "/services/networking/ApplicationGateways"

REQUESTS = f"""\
import requests

SUB = "11111111-2222-3333-4444-555555555555"
BODY = '{GATEWAY_BODY}'
requests.post(f"https://management.core.windows.net/{{SUB}}{GATEWAYS}", data=BODY, cert="mgmt.pem")
"""

PERFORM_POST = f"""\
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("11111111-2222-3333-4444-555555555555", "mgmt.pem")
body = '{GATEWAY_BODY}'
sms.perform_post("11111111-2222-3333-4444-555555555555{GATEWAYS}", body)
"""


@pytest.mark.parametrize("script", [REQUESTS, PERFORM_POST], ids=["requests", "perform_post"])
def test_a_gateway_body_the_script_posts_is_a_gateway_in_the_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str
) -> None:
    files = {"NetworkConfig.netcfg": APP_VNET_NETCFG, "appgw.py": script}
    result = lint_files(tmp_path, monkeypatch, files, "MIG312")
    assert where(result.findings) == ["MIG312 appgw.py:4:9"]
    assert "'shop-agw' is in virtual network 'app-vnet' (subnet web)" in result.findings[0].message


def test_a_script_that_only_lists_the_gateways_creates_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = REQUESTS.replace('requests.post(f"', 'requests.get(f"').replace(", data=BODY", "")
    files = {"NetworkConfig.netcfg": APP_VNET_NETCFG, "appgw.py": script}
    assert lint_files(tmp_path, monkeypatch, files, "MIG312").findings == []


def test_a_gateway_whose_name_the_script_does_not_state_is_shown_by_a_stand_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = (
        REQUESTS.replace("BODY = '", "def create(name):\n    BODY = f'")
        .replace("<Name>shop-agw</Name>", "<Name>{name}</Name>")
        .replace("requests.post", "    requests.post")
    )
    files = {"NetworkConfig.netcfg": APP_VNET_NETCFG, "appgw.py": script}
    result = lint_files(tmp_path, monkeypatch, files, "MIG312")
    assert [f.code for f in result.findings] == ["MIG312"]
    assert "'<Application Gateway name, appgw.py:" in result.findings[0].message
