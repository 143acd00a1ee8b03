"""A reserved IP bound to a cloud service that no file describes (a script's `New-AzureReservedIP
-ServiceName`, an inventory export's reserved IP attached to a service) moves with that service's migration,
which the files do not show: the readiness summary lists it apart, and the plan gives it a step that says so
and what to check, with no Move-AzureReservedIP of its own (that is for unassociated reserved IPs only)."""

from __future__ import annotations

import json

from lint_support import lint_files

from migcheck.plan import StepKind, build_plan
from migcheck.report.readiness import ScopeKind, readiness

SUBSCRIPTION = "11111111-2222-3333-4444-555555555555"

RESERVE = (
    'Import-Module Azure\nNew-AzureReservedIP -ReservedIPName ip1 -Location "West US" -ServiceName svcX\n'
)


def _export(service: str) -> str:
    """A Resource Graph export of reserved IP 'fab-ip', attached to `service` ("" for none)."""
    properties: dict[str, object] = {"ipAddress": "40.113.9.9", "inUse": bool(service)}
    if service:
        properties["attachedTo"] = {
            "id": f"/subscriptions/{SUBSCRIPTION}/resourceGroups/{service}/providers/"
            f"Microsoft.ClassicCompute/domainNames/{service}/slots/Production"
        }
    row = {
        "id": f"/subscriptions/{SUBSCRIPTION}/resourceGroups/Default-Networking/providers/"
        "Microsoft.ClassicNetwork/reservedIps/fab-ip",
        "name": "fab-ip",
        "type": "microsoft.classicnetwork/reservedips",
        "location": "westeurope",
        "resourceGroup": "default-networking",
        "subscriptionId": SUBSCRIPTION,
        "properties": properties,
    }
    return json.dumps({"count": 1, "data": [row], "skip_token": None, "total_records": 1}, indent=4)


def _bound(result) -> list[tuple[str, dict]]:
    [summary] = readiness(result)
    [scope] = [s for s in summary.scopes if s.scope is ScopeKind.RESERVED_FOR_UNDESCRIBED]
    return [(item.name, dict(item.migrates)) for item in scope.items]


def _steps(result) -> dict:
    return {step.id: step for step in build_plan(result).steps}


def test_a_script_s_reservation_for_an_undescribed_service_is_in_the_summary(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"reserve.ps1": RESERVE}, dedent=False)
    assert _bound(result) == [("ip1", {"address": "", "service": "svcX"})]


def test_its_plan_step_says_it_moves_with_the_service_and_what_to_check(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"reserve.ps1": RESERVE}, dedent=False)
    steps = _steps(result)
    assert list(steps) == ["reserved-ip:ip1"]
    step = steps["reserved-ip:ip1"]
    assert step.kind is StepKind.RESERVED_FOR_UNDESCRIBED
    assert "with cloud service 'svcX'" in step.moves[0] and "no file checked describes" in step.moves[0]
    # Moved with its service, not by a command of its own: the note says what to check, and when it is
    # unassociated after all, how to move it alone.
    assert step.powershell is None and step.cli is None
    [check] = step.notes
    assert "Get-AzureReservedIP -ReservedIPName 'ip1'" in check
    assert "Get-AzureDeployment -ServiceName 'svcX'" in check
    assert "Move-AzureReservedIP" in check and "InUse False" in check


def test_an_export_s_reserved_ip_of_an_undescribed_service_is_listed_and_planned(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"classic.json": _export("svcX")}, dedent=False)
    assert _bound(result) == [("fab-ip", {"address": "40.113.9.9", "service": "svcX"})]
    step = _steps(result)["reserved-ip:fab-ip"]
    assert "classic.json binds it to that service" in step.moves[0]


def test_an_export_s_unattached_reserved_ip_is_still_unattached(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"classic.json": _export("")}, dedent=False)
    assert _bound(result) == []
    assert list(_steps(result)) == ["unattached:ReservedIP:fab-ip"]


def test_a_reserved_ip_of_a_described_service_is_not_listed_apart(tmp_path, monkeypatch):
    creates = RESERVE + (
        '$vm = New-AzureVMConfig -Name "web01" -InstanceSize Small -ImageName $img\n'
        "New-AzureVM -ServiceName svcX -VMs $vm -ReservedIPName ip1\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"reserve.ps1": creates}, dedent=False)
    assert _bound(result) == []
    assert not any(step.kind is StepKind.RESERVED_FOR_UNDESCRIBED for step in build_plan(result).steps)


def test_the_cli_plan_and_summary_name_it(tmp_path, monkeypatch, capsys):
    from migcheck.cli import main

    (tmp_path / "reserve.ps1").write_text(RESERVE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["plan", "."])
    plan = capsys.readouterr().out
    assert "No step to plan" not in plan
    assert "Reserved IP of a cloud service the files do not describe: ip1" in plan
    main(["check", "."])
    summary = capsys.readouterr().out
    assert "Reserved IPs of cloud services the files do not describe" in summary
    assert "ip1 (reserved IP of cloud service 'svcX')" in summary


def test_every_plan_format_renders_its_step(tmp_path, monkeypatch):
    from migcheck.report.plan_format import render_plan

    plan = build_plan(lint_files(tmp_path, monkeypatch, {"reserve.ps1": RESERVE}, dedent=False))
    for form in ("text", "markdown", "html", "json"):
        assert "ip1" in render_plan(plan, form)
