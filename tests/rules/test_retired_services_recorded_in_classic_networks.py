"""App Service Environment v1, Azure RemoteApp and Microsoft Entra Domain Services in classic networks were
retired years ago: a record of one in a classic network is most likely stale, or a leftover to delete, and
MIG314, MIG317 and MIG318 all say so alike, with the retirement date, what to check and what to delete.
Their severities stay: the overviews list App Service environments (2023) and RemoteApp (2018) among the
unsupported configurations, and networks with Domain Services among the supported ones (2023)."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

from migcheck import retirements
from migcheck.model import Severity
from migcheck.plugins import load_rules

RULE = {rule.code: rule for rule in load_rules(entry_points=False)}
SUB = "8c3f2a1e-5b7d-4e9a-a1c2-3d4e5f6a7b8c"
VNET = f"/subscriptions/{SUB}/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks/vnet1"

ROWS = {
    "MIG314": (
        "Microsoft.Web/hostingEnvironments",
        "ase1",
        {"virtualNetwork": {"id": VNET, "subnet": "ase"}},
    ),
    "MIG317": ("Microsoft.AAD/domainServices", "contoso.com", {"subnetId": f"{VNET}/subnets/FrontEnd"}),
    "MIG318": ("Microsoft.RemoteApp/collections", "ra1", {"vnet": {"subnet": f"{VNET}/subnets/Desktops"}}),
}
RETIRED = {
    "MIG314": retirements.APP_SERVICE_ENVIRONMENT_V1_V2,
    "MIG317": retirements.CLASSIC_DOMAIN_SERVICES,
    "MIG318": retirements.REMOTEAPP,
}


def _message(tmp_path, monkeypatch, code: str) -> str:
    type_, name, properties = ROWS[code]
    provider, _, kind = type_.partition("/")
    row = {
        "id": f"/subscriptions/{SUB}/resourceGroups/platform/providers/{provider}/{kind}/{name}",
        "name": name,
        "type": type_.lower(),
        "subscriptionId": SUB,
        "properties": properties,
    }
    [finding] = lint_files(tmp_path, monkeypatch, {"dependents.json": json.dumps([row])}, code).findings
    assert finding.severity is RULE[code].severity
    return finding.message


@pytest.mark.parametrize("code", sorted(ROWS))
def test_the_message_says_when_it_retired_and_that_the_record_is_most_likely_stale(
    tmp_path, monkeypatch, code
):
    message = _message(tmp_path, monkeypatch, code)
    assert " is recorded in classic virtual network 'vnet1'" in message
    assert f"retired on {RETIRED[code]}" in message
    assert "most likely a stale record" in message and "check " in message
    assert RETIRED[code] in RULE[code].summary + RULE[code].consequence
    assert RETIRED[code] in RULE[code].fix_hint or code == "MIG317"


@pytest.mark.parametrize("code", ["MIG314", "MIG318"])
def test_a_leftover_still_there_stops_the_network_s_migration(tmp_path, monkeypatch, code):
    message = _message(tmp_path, monkeypatch, code)
    assert "a leftover to delete" in message and "delete it" in message
    assert message.endswith("the network cannot be migrated while it holds it")
    assert "deployed in" not in RULE[code].summary and "recorded in" in RULE[code].summary


def test_the_severities_are_those_the_overviews_give():
    assert [RULE[code].severity for code in sorted(ROWS)] == [
        Severity.ERROR,
        Severity.WARNING,
        Severity.ERROR,
    ]


def test_a_service_not_retired_is_still_said_to_be_in_the_network(tmp_path, monkeypatch):
    row = {
        "id": f"/subscriptions/{SUB}/resourceGroups/platform/providers/Microsoft.ApiManagement/service/apim1",
        "name": "apim1",
        "type": "microsoft.apimanagement/service",
        "subscriptionId": SUB,
        "properties": {"virtualNetworkConfiguration": {"subnetResourceId": f"{VNET}/subnets/Apim"}},
    }
    [finding] = lint_files(tmp_path, monkeypatch, {"dependents.json": json.dumps([row])}, "MIG319").findings
    assert finding.message == (
        "API Management service 'apim1' is in classic virtual network 'vnet1', subnet 'Apim': the network "
        "cannot be migrated while it holds it"
    )
