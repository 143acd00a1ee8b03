"""A classic Application Gateway written as a Service Management REST body (MIG312), as its PowerShell
objects already are: told apart by its network with its size."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="vnet1" Location="West Europe">
      <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
      <Subnets><Subnet name="Subnet-2"><AddressPrefix>10.1.2.0/24</AddressPrefix></Subnet></Subnets>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

GATEWAY = """\
  <{root} xmlns="http://schemas.microsoft.com/windowsazure">
    <Name>appgw1</Name>
    <VnetName>vnet1</VnetName>
    <Subnets><Subnet>Subnet-2</Subnet></Subnets>
    <InstanceCount>2</InstanceCount>
    {size}
  </{root}>
"""


@pytest.mark.parametrize("root", ["ApplicationGateway", "CreateApplicationGatewayParameters"])
def test_a_gateway_body_is_a_classic_application_gateway(tmp_path, monkeypatch, root):
    body = GATEWAY.format(root=root, size="<GatewaySize>Medium</GatewaySize>").replace("  <", "<", 1)
    result = lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": NETCFG, "appgw.xml": body}, "MIG312")
    assert where(result.findings) == ["MIG312 appgw.xml:1:1"]
    assert "'appgw1' is in virtual network 'vnet1' (subnet Subnet-2)" in result.findings[0].message


def test_each_gateway_of_a_list_is_reported_at_its_own_element(tmp_path, monkeypatch):
    one = GATEWAY.format(root="ApplicationGateway", size="<GatewaySize>Small</GatewaySize>")
    body = f'<ApplicationGateways xmlns="http://schemas.microsoft.com/windowsazure">\n{one}{one.replace("appgw1", "appgw2")}</ApplicationGateways>\n'
    result = lint_files(tmp_path, monkeypatch, {"gateways.xml": body}, "MIG312")
    assert where(result.findings) == ["MIG312 gateways.xml:2:3", "MIG312 gateways.xml:9:3"]


def test_a_body_with_a_network_but_no_gateway_size_is_not_a_gateway(tmp_path, monkeypatch):
    body = GATEWAY.format(root="ApplicationGateway", size="").replace("  <", "<", 1)
    assert not lint_files(tmp_path, monkeypatch, {"appgw.xml": body}, "MIG312").findings
