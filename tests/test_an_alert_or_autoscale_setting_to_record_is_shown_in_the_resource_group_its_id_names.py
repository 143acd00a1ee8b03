"""What the migration drops is recorded before it (MIG502, MIG503), with the command that reads it: the
command names the alert's or setting's resource group as the export row's id gives it
(`/subscriptions/.../resourceGroups/mon/providers/...`), so it can be run as written; a row without an id
leaves the group a blank to fill in."""

from __future__ import annotations

import pytest
from lint_support import graph_page
from lint_support import lint_files as lint

SUBSCRIPTION = "00000000-0000-0000-0000-0000000000aa"
CLASSIC = f"/subscriptions/{SUBSCRIPTION}/resourceGroups/app/providers/Microsoft.ClassicCompute"
VM = f"{CLASSIC}/virtualMachines/app01"
ROLE = f"{CLASSIC}/domainNames/shop/slots/Production/roles/Web"
QUEUE = (
    f"/subscriptions/{SUBSCRIPTION}/resourceGroups/data/providers/Microsoft.ClassicStorage/storageAccounts/q1"
)
PLAN = f"/subscriptions/{SUBSCRIPTION}/resourceGroups/web/providers/Microsoft.Web/serverfarms/plan"


def _row(type_: str, name: str, properties: dict, group: str | None = "Monitoring-RG") -> dict:
    row = {"name": name, "type": type_, "properties": properties}
    if group is not None:
        row["id"] = f"/subscriptions/{SUBSCRIPTION}/resourceGroups/{group}/providers/{type_}/{name}"
    return row


def _metric_alert(group: str | None = "Monitoring-RG") -> dict:
    return _row("microsoft.insights/metricalerts", "cpu", {"scopes": [VM]}, group)


def _activity_log_alert(group: str | None = "Monitoring-RG") -> dict:
    return _row("microsoft.insights/activitylogalerts", "restarts", {"scopes": [VM]}, group)


def _scaling(group: str | None = "Monitoring-RG") -> dict:
    return _row("microsoft.insights/autoscalesettings", "web-scale", {"targetResourceUri": ROLE}, group)


def _reading_a_queue(group: str | None = "Monitoring-RG") -> dict:
    trigger = {"metricTrigger": {"metricResourceUri": QUEUE}}
    properties = {"targetResourceUri": PLAN, "profiles": [{"rules": [trigger]}]}
    return _row("microsoft.insights/autoscalesettings", "plan-scale", properties, group)


CASES = [
    (_metric_alert, "MIG502", "`az monitor metrics alert show -n 'cpu' {group}`"),
    (_activity_log_alert, "MIG502", "`az monitor activity-log alert show -n 'restarts' {group}`"),
    (_scaling, "MIG503", "`az monitor autoscale show -n 'web-scale' {group}`"),
    (_reading_a_queue, "MIG503", "`az monitor autoscale rule list --autoscale-name 'plan-scale' {group}`"),
]


@pytest.mark.parametrize(("row", "code", "command"), CASES)
def test_the_command_names_the_group_of_the_row_s_id(tmp_path, monkeypatch, row, code, command):
    result = lint(tmp_path, monkeypatch, {"inventory/monitoring.json": graph_page(row())}, code)
    (finding,) = result.findings
    assert command.format(group="-g 'Monitoring-RG'") in finding.fix
    assert "<resource group>" not in finding.fix


@pytest.mark.parametrize(("row", "code", "command"), CASES)
def test_a_row_without_an_id_leaves_the_group_to_fill_in(tmp_path, monkeypatch, row, code, command):
    result = lint(tmp_path, monkeypatch, {"inventory/monitoring.json": graph_page(row(None))}, code)
    (finding,) = result.findings
    assert command.format(group="-g <resource group>") in finding.fix


def test_each_row_names_its_own_group(tmp_path, monkeypatch):
    page = graph_page(_metric_alert("alerts-east"), _scaling("scale-west"))
    result = lint(tmp_path, monkeypatch, {"inventory/monitoring.json": page}, "MIG502", "MIG503")
    fixes = {finding.code: finding.fix for finding in result.findings}
    assert "-n 'cpu' -g 'alerts-east'`" in fixes["MIG502"]
    assert "-n 'web-scale' -g 'scale-west'`" in fixes["MIG503"]
