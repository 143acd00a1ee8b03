"""A function that uploads a network configuration, creates a network security group or sets a rule of one
through the Python client it is given (`def up(sms): sms.perform_put(".../networking/media", NETCFG)`,
called with the client of subscription A and again with B's), or with the classic CLI after each selection
(`azure network nsg rule create`, `Set-AzureNetworkSecurityRule`, in a function called after selecting A and
again after B), makes
one in each subscription: a group's name, and so its rules', is unique within its subscription only. Each
was of the subscription of the line the function is written on (the last client made above it, or none), and the
CLI's rule one across both."""

from __future__ import annotations

import pytest

from migcheck.model import NetworkConfiguration, NetworkSecurityGroup, SecurityRule
from migcheck.readers import read_document
from migcheck.subscriptions import split_subscriptions

A = "aaaaaaaa-0000-4000-8000-000000000001"
B = "bbbbbbbb-0000-4000-8000-000000000002"

NETCFG = (
    "\"<NetworkConfiguration xmlns='http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration'>"
    "<VirtualNetworkConfiguration><VirtualNetworkSites>"
    "<VirtualNetworkSite name='app-vnet' Location='West Europe'><AddressSpace>"
    "<AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace><Subnets><Subnet name='web'>"
    "<AddressPrefix>10.1.0.0/24</AddressPrefix></Subnet></Subnets></VirtualNetworkSite>"
    '</VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>"'
)
GROUP = (
    "\"<NetworkSecurityGroup xmlns='http://schemas.microsoft.com/windowsazure'>"
    '<Name>web-nsg</Name><Label>web</Label><Location>West Europe</Location></NetworkSecurityGroup>"'
)
RULE = (
    "\"<Rule xmlns='http://schemas.microsoft.com/windowsazure'><Name>deny-out</Name><Type>Outbound</Type>"
    "<Priority>100</Priority><Action>Deny</Action><SourceAddressPrefix>*</SourceAddressPrefix>"
    "<SourcePortRange>*</SourcePortRange><DestinationAddressPrefix>*</DestinationAddressPrefix>"
    '<DestinationPortRange>*</DestinationPortRange><Protocol>*</Protocol></Rule>"'
)
PYTHON = f"""\
from azure.servicemanagement import ServiceManagementService

prod = ServiceManagementService('{A}', 'prod.pem')
test = ServiceManagementService('{B}', 'test.pem')


def up(sms):
    sms.perform_put('/services/networking/media', {NETCFG})
    sms.perform_post('/services/networking/networksecuritygroups', {GROUP})
    sms.perform_put('/services/networking/networksecuritygroups/web-nsg/rules/deny-out', {RULE})


up(prod)
up(test)
"""
CLASSIC_CLI = f"""\
#!/bin/bash
deny_out() {{
  azure network nsg create web-nsg westeurope
  azure network nsg rule create web-nsg deny-out -r Outbound -y 100 -c Deny
}}
azure account set {A}
deny_out
azure account set {B}
deny_out
"""
POWERSHELL = f"""\
function Deny-Out {{
    New-AzureNetworkSecurityGroup -Name web-nsg -Location "West Europe"
    Get-AzureNetworkSecurityGroup -Name web-nsg |
        Set-AzureNetworkSecurityRule -Name deny-out -Type Outbound -Priority 100 -Action Deny `
            -SourceAddressPrefix '*' -SourcePortRange '*' -DestinationAddressPrefix '*' `
            -DestinationPortRange '*' -Protocol '*'
}}
Select-AzureSubscription -SubscriptionId {A}
Deny-Out
Select-AzureSubscription -SubscriptionId {B}
Deny-Out
"""
SCRIPTS = {
    "python": ("up.py", PYTHON, ["NetworkConfiguration", "NetworkSecurityGroup", "SecurityRule"]),
    "classic cli": ("up.sh", CLASSIC_CLI, ["NetworkSecurityGroup", "SecurityRule"]),
    "powershell": ("up.ps1", POWERSHELL, ["NetworkSecurityGroup", "SecurityRule"]),
}


def kinds_by_subscription(path: str, script: str) -> dict[str, list[str]]:
    document = read_document(path, script.encode(), explicit=True)
    assert document is not None
    shown = (NetworkConfiguration, NetworkSecurityGroup, SecurityRule)
    found = {
        name: sorted(type(r).__name__ for d in docs for r in d.resources if isinstance(r, shown))
        for name, docs in split_subscriptions((document,), {})
    }
    return {name: made for name, made in found.items() if made}


@pytest.mark.parametrize("language", SCRIPTS)
def test_what_the_function_makes_through_each_subscription_is_one_in_each(language):
    path, script, kinds = SCRIPTS[language]
    assert kinds_by_subscription(path, script) == {A: kinds, B: kinds}


ONCE = {
    "python, through A's client only": ("python", "up(test)\n", "", A),
    "classic cli, after selecting B only": ("classic cli", f"{A}\ndeny_out\n", f"{A}\n", B),
    "powershell, after selecting B only": ("powershell", f"{A}\nDeny-Out\n", f"{A}\n", B),
}


@pytest.mark.parametrize("case", ONCE)
def test_made_in_one_subscription_only_it_is_of_that_one_only(case):
    language, call, left, subscription = ONCE[case]
    path, script, kinds = SCRIPTS[language]
    assert kinds_by_subscription(path, script.replace(call, left)) == {subscription: kinds}
