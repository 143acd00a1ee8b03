"""A Get-AzureDeployment export lists its deployment's role instances, not whether each role is a VM or a web
or worker role: the service is not decided (a web or worker role would be MIG101), its roles are named as of
a kind the export does not say, and its `Locked` true is said as the deployment locked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan
from migcheck.report.readiness import Verdict, readiness


def _deployment(locked: bool = False) -> dict[str, str]:
    context = {
        "ServiceName": "shop",
        "DeploymentName": "shop-prod",
        "Slot": "Production",
        "Status": "Running",
        "Locked": locked,
        "VNetName": None,
        "RoleInstanceList": [{"RoleName": "app01", "InstanceName": "app01", "InstanceStatus": "ReadyRole"}],
    }
    return {"deployments.json": json.dumps([context], indent=2)}


def _shop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, locked: bool = False):
    result = lint_files(tmp_path, monkeypatch, _deployment(locked), dedent=False)
    [item] = [i for sub in readiness(result) for s in sub.scopes for i in s.items if i.name == "shop"]
    return result, item


def test_a_deployment_export_alone_is_not_decided_and_names_its_role(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result, item = _shop(tmp_path, monkeypatch)
    assert item.verdict is Verdict.NOT_DECIDED
    assert item.migrates["roles_of_unsaid_kind"] == ["app01"]
    assert (item.migrates["vms"], item.migrates["roles"]) == ([], [])
    assert not [f for f in result.findings if f.code == "MIG101"]


def test_a_locked_deployment_export_says_it_may_be_prepared_already(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, item = _shop(tmp_path, monkeypatch, locked=True)
    assert item.migrates["migration_state"] == "deploymentLocked"
    _, unlocked = _shop(tmp_path / "unlocked", monkeypatch)
    assert "migration_state" not in unlocked.migrates


def test_the_plan_moves_the_network_s_service_by_its_role_of_unsaid_kind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _deployment()
    context = json.loads(files["deployments.json"])
    context[0]["VNetName"] = "app-vnet"
    files["deployments.json"] = json.dumps(context, indent=2)
    plan = render_plan(build_plan(lint_files(tmp_path, monkeypatch, files, dedent=False)), "text")
    assert "moves: cloud service 'shop': role app01, of a kind the export does not say" in plan
    assert "An export lists role app01 of cloud service 'shop' without saying their kind" in plan


def test_the_plan_moves_a_service_in_no_network_by_its_role_of_unsaid_kind_not_decided(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = build_plan(lint_files(tmp_path, monkeypatch, _deployment(locked=True), dedent=False))
    [step] = [s for s in plan.steps if s.name == "shop/shop-prod"]
    assert not step.ready
    assert step.partly_described
    assert step.migration_state == "deploymentLocked"
    assert (
        step.moves[0]
        == "cloud service 'shop', deployment 'shop-prod': role app01, of a kind the export does not say"
    )
    assert "may be prepared already" in render_plan(plan, "text")
