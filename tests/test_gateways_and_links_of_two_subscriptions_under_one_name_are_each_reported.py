"""What the classic cmdlets export of an Application Gateway, a circuit link or a link authorization names no
subscription. Two subscriptions, each exported to a folder of its own, may each have a gateway of one name in
a network of one name: each gateway is its subscription's, told by the exports beside it, and reported, where
the second was taken for another export of the first and dropped."""

from __future__ import annotations

import json

from lint_support import CMDLET_APP_GATEWAY, graph_network, graph_page, lint_files

FIRST = "11111111-1111-1111-1111-111111111111"
SECOND = "22222222-2222-2222-2222-222222222222"

GATEWAY = CMDLET_APP_GATEWAY
LINK = {"State": "Provisioned", "VnetName": "web-vnet"}
AUTHORIZATION = {
    "Description": "analytics",
    "Limit": 2,
    "LinkAuthorizationId": "",
    "MicrosoftIds": "netops@contoso.example",
    "Used": 1,
}


def _folders(*exports: tuple[str, object]) -> dict[str, str]:
    """For each subscription, a folder holding its classic network 'web-vnet' and `exports` (file, object)."""
    files = {}
    for folder, subscription in (("first", FIRST), ("second", SECOND)):
        files[f"{folder}/classic.json"] = graph_page(graph_network(subscription, "web-vnet"))
        files.update({f"{folder}/{name}": json.dumps(value) for name, value in exports})
    return files


def test_each_subscription_s_gateway_of_one_name_is_reported(tmp_path, monkeypatch) -> None:
    result = lint_files(tmp_path, monkeypatch, _folders(("appgw.json", [GATEWAY])), "MIG312", dedent=False)
    found = sorted((f.location.path, f.message) for f in result.findings if f.location)
    assert [path for path, _ in found] == ["first/appgw.json", "second/appgw.json"]
    assert f"subscription {FIRST}" in found[0][1]
    assert f"subscription {SECOND}" in found[1][1]


def test_each_subscription_s_authorization_of_one_description_is_reported(tmp_path, monkeypatch) -> None:
    files = _folders(("auth.json", [AUTHORIZATION]), ("links.json", [LINK]))
    result = lint_files(tmp_path, monkeypatch, files, "MIG311", dedent=False)
    found = sorted((f.location.path, f.message) for f in result.findings if f.location)
    assert [path for path, _ in found] == ["first/auth.json", "second/auth.json"]
    assert f"web-vnet (subscription {FIRST})" in found[0][1]
    assert f"web-vnet (subscription {SECOND})" in found[1][1]


def test_one_subscription_s_gateway_exported_twice_is_one(tmp_path, monkeypatch) -> None:
    files = {
        "classic.json": graph_page(graph_network(FIRST, "web-vnet")),
        "appgw.json": json.dumps([GATEWAY]),
        "again/appgw.json": json.dumps(GATEWAY),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG312", dedent=False)
    assert len(result.findings) == 1


def test_each_subscription_s_network_linked_to_a_circuit_is_reported(tmp_path, monkeypatch) -> None:
    result = lint_files(tmp_path, monkeypatch, _folders(("links.json", [LINK])), "MIG302", dedent=False)
    found = sorted((f.location.path, f.message) for f in result.findings if f.location)
    assert [path for path, _ in found] == ["first/links.json", "second/links.json"]
    assert f"'web-vnet' (subscription {FIRST})" in found[0][1]
    assert f"'web-vnet' (subscription {SECOND})" in found[1][1]
