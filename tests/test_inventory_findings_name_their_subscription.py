"""What the classic cmdlets export of a network (an Application Gateway's `VnetName`, a circuit link's) names
no subscription. When the exports span several subscriptions, the findings about them say which one the
network is in, as the other inventory findings do: the one whose exported classic network (or VMs in it)
bears the name."""

from __future__ import annotations

import json

from lint_support import CMDLET_APP_GATEWAY, graph_network, graph_page, lint_files

A = "aaaaaaaa-0000-0000-0000-00000000000a"
B = "bbbbbbbb-0000-0000-0000-00000000000b"


GATEWAY = CMDLET_APP_GATEWAY
LINK = {"State": "Provisioned", "VnetName": "erp-vnet"}
AUTHORIZATION = {
    "Description": "analytics",
    "Limit": 2,
    "LinkAuthorizationId": "0b1c2d3e4f5a46b7c8d9e0f1a2b3c4d5",
    "MicrosoftIds": "netops@contoso.example",
    "Used": 1,
}


def _messages(tmp_path, monkeypatch, *rows: dict) -> dict[str, str]:
    files = {
        "classic.json": graph_page(*rows),
        "appgw.json": json.dumps([GATEWAY]),
        "links.json": json.dumps([LINK]),
        "auths.json": json.dumps([AUTHORIZATION]),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG302", "MIG311", "MIG312", dedent=False)
    return {f.code: f.message for f in result.findings}


def test_a_multi_subscription_export_names_the_subscription_of_each_network(tmp_path, monkeypatch):
    messages = _messages(tmp_path, monkeypatch, graph_network(A, "web-vnet"), graph_network(B, "erp-vnet"))
    assert messages["MIG312"] == (
        f"classic Application Gateway 'web-appgw' is in virtual network 'web-vnet' (subnet AppGw; subscription "
        f"{A}): the network cannot be migrated while it holds it"
    )
    assert messages["MIG302"].startswith(
        f"virtual network 'erp-vnet' (subscription {B}) is linked to a classic"
    )
    assert messages["MIG311"].endswith(f"networks linked to the circuit here: erp-vnet (subscription {B})")


def test_a_network_name_two_subscriptions_hold_is_said_not_known(tmp_path, monkeypatch):
    rows = (graph_network(A, "web-vnet"), graph_network(B, "web-vnet"), graph_network(B, "erp-vnet"))
    messages = _messages(tmp_path, monkeypatch, *rows)
    assert (
        f"'web-vnet' (subnet AppGw; subscription not known: each of {A}, {B} has a classic network of that "
        "name)"
    ) in messages["MIG312"]


def test_a_network_no_export_shows_is_said_not_known(tmp_path, monkeypatch):
    messages = _messages(tmp_path, monkeypatch, graph_network(A, "web-vnet"), graph_network(B, "hr-vnet"))
    assert messages["MIG302"].startswith(
        f"virtual network 'erp-vnet' (subscription not known: none of the exports' subscriptions, {A}, {B}, "
        "shows a classic network of that name) is linked"
    )


def test_an_export_of_one_subscription_says_none(tmp_path, monkeypatch):
    messages = _messages(tmp_path, monkeypatch, graph_network(A, "web-vnet"), graph_network(A, "erp-vnet"))
    assert "subscription" not in messages["MIG312"] and "subscription" not in messages["MIG302"]
    assert messages["MIG311"].endswith("networks linked to the circuit here: erp-vnet")
