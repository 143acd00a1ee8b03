"""A cloud service has one deployment per slot: a PowerShell script that runs New-AzureDeployment once with
`-Slot Staging` and once with `-Slot Production` (or no `-Slot`) for one service describes both deployments,
as `create_deployment` of two deployment names does in Python, where the second took the first's place and
the Staging one was lost before the plan saw it. A swap (`Move-AzureDeployment`) moves each to the other
slot, and `Remove-AzureDeployment -Slot Staging` removes the one in Staging, not the Production one."""

from __future__ import annotations

import pytest

from migcheck.model import Deployment
from migcheck.readers import read_document


def _deploy(slot: str, configuration: str) -> str:
    slot_argument = f" -Slot {slot}" if slot else ""
    return (
        f"New-AzureDeployment -ServiceName bothsvc{slot_argument} -Package pool.cspkg "
        f"-Configuration {configuration}.cscfg\n"
    )


BOTH = _deploy("Staging", "next") + _deploy("Production", "live")


def _slots(script: str) -> list[tuple[str, str]]:
    """Each deployment of bothsvc the script describes: its slot and its configuration file."""
    document = read_document("deploy/both.ps1", script.encode("utf-8"), explicit=False)
    assert document is not None
    deployments = [r for r in document.resources if isinstance(r, Deployment) and r.service_name == "bothsvc"]
    return sorted((d.slot, d.configuration_file) for d in deployments)


def _not_moved(plan: object) -> list[str]:
    return [n for step in plan.steps for n in step.notes if n.startswith("Not moved")]  # type: ignore[attr-defined]


def test_the_plan_says_both_slots(plan_of):
    assert _not_moved(plan_of({"both.ps1": BOTH})) == [
        "Not moved: cloud service 'bothsvc': web/worker roles the files do not name, deployed to its Production "
        "and Staging slots."
    ]


@pytest.mark.parametrize("production", ["Production", ""], ids=["stated", "by default"])
def test_each_slot_keeps_its_deployment(production):
    script = _deploy("Staging", "next") + _deploy(production, "live")
    assert _slots(script) == [("Production", "live.cscfg"), ("Staging", "next.cscfg")]


def test_an_upgrade_of_the_same_slot_is_the_same_deployment():
    script = _deploy("Staging", "next") + _deploy("Staging", "next")
    assert _slots(script) == [("Staging", "next.cscfg")]


def test_a_swap_moves_each_to_the_other_slot():
    script = BOTH + "Move-AzureDeployment -ServiceName bothsvc\n"
    assert _slots(script) == [("Production", "next.cscfg"), ("Staging", "live.cscfg")]


def test_a_swap_that_may_not_run_leaves_both_slots_unknown():
    script = BOTH + "if ($args[0]) { Move-AzureDeployment -ServiceName bothsvc }\n"
    assert _slots(script) == [("", "live.cscfg"), ("", "next.cscfg")]


@pytest.mark.parametrize(
    ("removed", "kept"),
    [("Staging", [("Production", "live.cscfg")]), ("Production", [("Staging", "next.cscfg")])],
)
def test_a_removal_of_one_slot_keeps_the_other(removed, kept):
    script = BOTH + f"Remove-AzureDeployment -ServiceName bothsvc -Slot {removed} -Force\n"
    assert _slots(script) == kept


def test_a_removal_of_the_staging_slot_after_a_swap_removes_what_was_in_production():
    script = BOTH + "Move-AzureDeployment -ServiceName bothsvc\n"
    script += "Remove-AzureDeployment -ServiceName bothsvc -Slot Staging -Force\n"
    assert _slots(script) == [("Production", "next.cscfg")]


def test_a_removal_of_the_service_removes_both():
    script = BOTH + "Remove-AzureService -ServiceName bothsvc -Force\n"
    assert _slots(script) == []
