"""`Get-AzureService | Select-Object ServiceName, Location, OperationDescription | ConvertTo-Json` keeps a cloud
service's name and region and leaves out the dates the whole object is told by: it is read for the region it
keeps (step 0's quotas and the reserved IP's `-Location`), as the whole export is, and so is an object that
keeps one of the dates. The first used to be said to be a classic export that migcheck does not read."""

from __future__ import annotations

import json

import pytest
from lint_support import run_cli
from test_plan_commands_follow_the_migration_walkthroughs import deployment

NAMED_BY_ITS_CMDLET = {
    "ServiceName": "svc1",
    "Location": "West Europe",
    "OperationDescription": "Get-AzureService",
}
WITH_A_DATE = {"ServiceName": "svc1", "Location": "West Europe", "DateCreated": "2015-06-01T10:00:00Z"}


@pytest.mark.parametrize("service", [NAMED_BY_ITS_CMDLET, WITH_A_DATE], ids=["cmdlet", "date"])
def test_the_region_a_cut_down_export_keeps_is_the_service_s(plan_of, service):
    plan = plan_of({"svc1.xml": deployment("svc1", "vm1"), "exports/services.json": json.dumps([service])})
    [subscription] = plan.subscriptions  # type: ignore[attr-defined]
    assert "Get-AzVMUsage -Location 'westeurope'; Get-AzNetworkUsage -Location 'westeurope'" in (
        subscription.preamble.powershell
    )
    [step] = [s for s in plan.steps if s.name.startswith("svc1/")]  # type: ignore[attr-defined]
    assert "New-AzureReservedIP -ReservedIPName '<name>' -Location 'West Europe' -ServiceName 'svc1'" in (
        step.downtime
    )


def test_a_name_and_a_region_alone_are_no_classic_service(plan_of):
    """Without a date or the cmdlet's name, nothing says the object is a classic cloud service's."""
    service = {"ServiceName": "svc1", "Location": "West Europe"}
    plan = plan_of({"svc1.xml": deployment("svc1", "vm1"), "exports/services.json": json.dumps([service])})
    [step] = [s for s in plan.steps if s.name.startswith("svc1/")]  # type: ignore[attr-defined]
    assert "-Location '<region>' -ServiceName 'svc1'" in step.downtime


def test_the_cut_down_export_is_not_said_to_be_unread(tmp_path, monkeypatch, capsys):
    (tmp_path / "services.json").write_text(json.dumps([NAMED_BY_ITS_CMDLET], indent=2))
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(capsys, "check", ".")
    assert code == 0
    assert "MIG001" not in out
    assert "does not read" not in out
