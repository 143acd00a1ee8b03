"""A classic circuit link (`Get-AzureDedicatedCircuitLink | ConvertTo-Json`) writes a network and a state and
nothing else. Other classic objects write a network and a state too: an Application Gateway, and rows trimmed
to a few of their properties (`Get-AzureApplicationGateway | Select-Object Name, VnetName, State`). Such an
object is no circuit link: no network is said to be linked to an ExpressRoute circuit (MIG302, MIG311's
networks) and the plan moves no circuit because of it."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, where

from migcheck.inventory_model import CircuitLink
from migcheck.readers import read_document

TRIMMED = [
    {"Name": "web-appgw", "VnetName": "web-vnet", "State": "Running"},
    {"VnetName": "web-vnet", "State": "Running", "DnsName": "web-appgw.cloudapp.net"},
    {"VnetName": "web-vnet", "State": "Running", "Description": None},
    {"VnetName": "web-vnet", "vnetname": "web-vnet", "State": "Running"},
]


@pytest.mark.parametrize("row", TRIMMED, ids=lambda row: "+".join(row))
def test_a_row_with_another_property_is_no_circuit_link(row):
    document = read_document("appgw.json", json.dumps([row]).encode(), explicit=True)
    assert document is not None
    assert not any(isinstance(r, CircuitLink) for r in document.resources)


@pytest.mark.parametrize("row", TRIMMED, ids=lambda row: "+".join(row))
def test_a_trimmed_application_gateway_export_says_nothing_of_expressroute(tmp_path, monkeypatch, row):
    export = json.dumps([row])
    result = lint_files(tmp_path, monkeypatch, {"appgw.json": export}, "MIG302", "MIG311", dedent=False)
    assert where(result.findings) == []


@pytest.mark.parametrize(
    "row",
    [{"State": "Provisioned", "VnetName": "hub-vnet"}, {"state": "Provisioned", "vnetName": "hub-vnet"}],
    ids=["as-written", "other-case"],
)
def test_a_network_and_a_state_alone_are_a_circuit_link(tmp_path, monkeypatch, row):
    result = lint_files(tmp_path, monkeypatch, {"links.json": json.dumps([row])}, "MIG302", dedent=False)
    assert where(result.findings) == ["MIG302 links.json:1:2"]
