"""The fix of an export's MIG001 for rows left unchecked (properties null, left out, or `{}`) gave one Resource
Graph query, `resources | where type startswith 'microsoft.classic'`, whatever the rows were: for a Resource
Manager network, role assignment or Defender plan that query lists none of them. The fix now names, beside
it where classic rows are left unchecked too, a query of the table that holds the Resource Manager types
(`resources`, `authorizationresources`, `securityresources`), and the `az rest` call for classic alert
rules, which Resource Graph does not hold; an export of classic rows alone keeps its fix as it was."""

from __future__ import annotations

import json

from lint_support import graph_page, lint_files

SUB = "11111111-2222-3333-4444-555555555555"
IDS = f"/subscriptions/{SUB}/resourceGroups/rg1/providers"
CLASSIC = "startswith 'microsoft.classic'"


def _row(rtype: str, properties: object, name: str = "x") -> dict:
    return {"id": f"{IDS}/{rtype}/{name}", "name": name, "type": rtype, "properties": properties}


def _fix(tmp_path, monkeypatch, *rows: dict) -> str:
    result = lint_files(tmp_path, monkeypatch, {"export.json": graph_page(*rows)}, "MIG001", dedent=False)
    [finding] = result.findings
    return finding.fix


def test_a_network_row_stating_nothing_is_to_be_listed_from_resources(tmp_path, monkeypatch):
    fix = _fix(tmp_path, monkeypatch, _row("Microsoft.Network/virtualNetworks", {}))
    assert "resources | where type in~ ('microsoft.network/virtualnetworks') | project " in fix
    assert CLASSIC not in fix


def test_role_assignments_and_plans_are_listed_from_their_own_tables(tmp_path, monkeypatch):
    fix = _fix(
        tmp_path,
        monkeypatch,
        _row("Microsoft.Authorization/roleAssignments", None),
        _row("Microsoft.Security/pricings", None, name="VirtualMachines"),
    )
    assert "authorizationresources | where type in~ ('microsoft.authorization/roleassignments')" in fix
    assert "securityresources | where type in~ ('microsoft.security/pricings')" in fix
    assert CLASSIC not in fix


def test_classic_alert_rules_are_listed_through_az_rest(tmp_path, monkeypatch):
    fix = _fix(tmp_path, monkeypatch, _row("Microsoft.Insights/alertRules", {}))
    assert "az rest --method get --url" in fix and "alertrules?api-version=2016-03-01" in fix


def test_classic_and_resource_manager_rows_name_both_queries(tmp_path, monkeypatch):
    vm = {**_row("Microsoft.ClassicCompute/virtualMachines", None, name="web01")}
    fix = _fix(tmp_path, monkeypatch, vm, _row("Microsoft.Network/virtualNetworks", None))
    assert CLASSIC in fix and "('microsoft.network/virtualnetworks')" in fix


def test_classic_rows_alone_keep_the_classic_query(tmp_path, monkeypatch):
    rows = [_row("Microsoft.ClassicCompute/virtualMachines", None, name="web01")]
    result = lint_files(tmp_path, monkeypatch, {"export.json": json.dumps(rows)}, "MIG001", dedent=False)
    [finding] = result.findings
    assert finding.fix.startswith("Export the resources with their properties from Azure Resource Graph: ")
    assert CLASSIC in finding.fix
