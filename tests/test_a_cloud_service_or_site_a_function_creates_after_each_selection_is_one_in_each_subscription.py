"""A function that creates a cloud service (`New-AzureService -Location`, `azure service create
--location`) or a local network gateway (`New-AzureLocalNetworkGateway`), written above a script's
selections and called after each, creates it in the subscription selected where it is called: its region
and site are one in each subscription, where both were of the subscription of the line the function is
written on (none: above the first selection)."""

from __future__ import annotations

import pytest

from migcheck.model import LocalNetworkSite, ServiceRegion
from migcheck.readers import read_document
from migcheck.subscriptions import split_subscriptions

A = "aaaaaaaa-0000-4000-8000-000000000001"
B = "bbbbbbbb-0000-4000-8000-000000000002"

SCRIPTS = {
    "powershell": (
        "deploy.ps1",
        "function New-Site {\n"
        '    New-AzureService -ServiceName web -Location "West Europe"\n'
        '    New-AzureLocalNetworkGateway -GatewayName onprem -AddressSpace @("10.9.0.0/16") -IpAddress 1.2.3.4\n'
        "}\n"
        f"Select-AzureSubscription -SubscriptionId {A}\n"
        "New-Site\n"
        f"Select-AzureSubscription -SubscriptionId {B}\n"
        "New-Site\n",
        ["LocalNetworkSite", "ServiceRegion"],
    ),
    "classic cli": (
        "deploy.sh",
        "#!/bin/bash\n"
        "new_site() {\n"
        "  azure service create web --location 'West Europe'\n"
        "}\n"
        f"azure account set {A}\n"
        "new_site\n"
        f"azure account set {B}\n"
        "new_site\n",
        ["ServiceRegion"],
    ),
}


def kinds_by_subscription(path: str, script: str) -> dict[str, list[str]]:
    document = read_document(path, script.encode(), explicit=True)
    assert document is not None
    shown = (ServiceRegion, LocalNetworkSite)
    found = {
        name: sorted(type(r).__name__ for d in docs for r in d.resources if isinstance(r, shown))
        for name, docs in split_subscriptions((document,), {})
    }
    return {name: made for name, made in found.items() if made}


@pytest.mark.parametrize("language", SCRIPTS)
def test_what_the_function_creates_is_one_in_each_subscription_selected_before_it_is_called(language):
    path, script, kinds = SCRIPTS[language]
    assert kinds_by_subscription(path, script) == {A: kinds, B: kinds}


@pytest.mark.parametrize("language", SCRIPTS)
def test_called_after_the_second_selection_only_it_is_of_that_subscription_only(language):
    path, script, kinds = SCRIPTS[language]
    call = script.rpartition("\n")[0].rpartition("\n")[2] + "\n"  # the last line: the function's call
    first = script.index(call)
    once = script[:first] + script[first + len(call) :]
    assert kinds_by_subscription(path, once) == {B: kinds}
