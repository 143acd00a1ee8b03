"""Resource Manager's commands still accept SKUs that are retired (Basic public IPs and load balancers,
the non-zonal VPN gateway SKUs, Application Gateway v1), so MIG601's advice for a classic call that makes a
gateway, a public IP or a load balancer names the SKU to choose, with the date the others retired; and what
the plan says becomes a Basic SKU public IP says when Basic SKU retired."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.automation import replacement
from migcheck.plan import build_plan
from migcheck.retirements import APPLICATION_GATEWAY_V1, BASIC_SKU, NON_ZONAL_GATEWAY_SKUS


@pytest.mark.parametrize(
    ("language", "call", "names"),
    [
        ("PowerShell", "New-AzureVNetGateway", ("VpnGw1AZ", NON_ZONAL_GATEWAY_SKUS)),
        ("PowerShell", "Resize-AzureVNetGateway", ("VpnGw1AZ", NON_ZONAL_GATEWAY_SKUS)),
        ("PowerShell", "Resize-AzureVirtualNetworkGateway", ("VpnGw1AZ", NON_ZONAL_GATEWAY_SKUS)),
        ("PowerShell", "New-AzureApplicationGateway", ("Standard_v2", APPLICATION_GATEWAY_V1)),
        ("PowerShell", "Set-AzurePublicIP", ("-Sku Standard", BASIC_SKU)),
        ("PowerShell", "Add-AzureInternalLoadBalancer", ("-Sku Standard",)),
        ("Shell", "azure network vpn-gateway create", ("--sku VpnGw1AZ", NON_ZONAL_GATEWAY_SKUS)),
        ("Shell", "azure network application-gateway create", ("--sku Standard_v2", APPLICATION_GATEWAY_V1)),
    ],
)
def test_the_replacement_names_a_sku_that_is_not_retired(language, call, names):
    advice = replacement(language, call)
    for name in names:
        assert name in advice


GATEWAY_SCRIPT = """\
New-AzureVNetGateway -VNetName hub -GatewayType DynamicRouting
Set-AzurePublicIP -PublicIPName web-pip -VM (Get-AzureVM -ServiceName svc -Name web) | Update-AzureVM
"""


def test_mig601_on_a_gateway_script_says_which_sku_to_pick(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"gateway.ps1": GATEWAY_SCRIPT})
    [automation] = [f for f in result.findings if f.code == "MIG601"]
    text = automation.message + " " + (automation.fix or "")
    assert "-GatewaySku VpnGw1AZ" in text, text


def test_an_unattached_reserved_ip_becomes_a_basic_sku_ip_retired_on_its_date(tmp_path, monkeypatch):
    script = "New-AzureReservedIP -ReservedIPName spare-ip -Location 'West Europe'\n"
    result = lint_files(tmp_path, monkeypatch, {"ip.ps1": script})
    plan = build_plan(result)
    [step] = [s for sub in plan.subscriptions for s in sub.steps if s.name == "spare-ip"]
    assert f"Basic SKU public IP, retired on {BASIC_SKU}" in " ".join(step.becomes)


@pytest.mark.parametrize(
    ("call", "named"),
    [
        ("Get-AzureVMImage", "Get-AzVMImage"),
        ("Publish-AzureVMDscConfiguration", "Publish-AzVMDscConfiguration"),
        ("Get-AzureDisk", "Get-AzDisk"),
        ("Get-AzureService", "Get-AzResourceGroup"),
        ("Remove-AzureAclConfig", "Remove-AzNetworkSecurityRuleConfig"),
        ("Add-AzureCertificate", "Import-AzKeyVaultCertificate"),
        ("Set-AzureVNetGatewayDefaultSite", "Set-AzVirtualNetworkGatewayDefaultSite"),
    ],
)
def test_classic_cmdlets_real_scripts_call_are_each_given_their_replacement(call, named):
    assert replacement("PowerShell", call).startswith(named)
