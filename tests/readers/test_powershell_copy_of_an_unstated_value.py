"""A variable a PowerShell script copies whole from another (`$same = $IpName`) holds the very value that one
holds, even when the script does not state it: a removal given the copy removes what the script made under
the original. A copy of another value, one that may not be made, or the original given a new value after the
copy, is not the same value."""

from __future__ import annotations

import pytest

from migcheck.plan import Plan

HEAD = "param([string] $IpName, [string] $Other)\n"
UNSTATED = 'New-AzureReservedIP -ReservedIPName $IpName -Location "West Europe"\n'
STAND_IN = "unattached:ReservedIP:<reserved IP name, deploy.ps1:2>"
REMOVE_SAME = "Remove-AzureReservedIP -ReservedIPName $same -Force\n"


def _unattached(plan: Plan) -> list[str]:
    return [step.id for step in plan.steps if step.id.startswith("unattached:")]


@pytest.mark.parametrize(
    "script",
    [
        UNSTATED + "$same = $IpName\n" + REMOVE_SAME,
        UNSTATED + "$copy = $IpName\n$same = $copy\n" + REMOVE_SAME,
        "$same = $IpName\n" + UNSTATED + REMOVE_SAME,
        UNSTATED
        + "$same = $IpName\n"
        + "Get-AzureReservedIP -ReservedIPName $same | Remove-AzureReservedIP\n",
    ],
)
def test_a_copy_of_the_unstated_name_removes_the_reserved_ip(plan_of, script: str):
    assert _unattached(plan_of({"deploy.ps1": HEAD + script})) == []


@pytest.mark.parametrize(
    "script",
    [
        # Near misses: a copy of another value, a copy that may not be made, the original given another
        # value before the copy, and a value built from it rather than copied.
        UNSTATED + "$same = $Other\n" + REMOVE_SAME,
        UNSTATED + "if ($Other) { $same = $IpName }\n" + REMOVE_SAME,
        UNSTATED + "$IpName = $Other\n$same = $IpName\n" + REMOVE_SAME,
        UNSTATED + "$same = $IpName + '-old'\n" + REMOVE_SAME,
    ],
)
def test_a_value_that_may_be_another_leaves_the_reserved_ip(plan_of, script: str):
    assert _unattached(plan_of({"deploy.ps1": HEAD + script})) == [STAND_IN]


def test_a_copy_names_the_service_the_script_created_under_the_original(plan_of):
    script = (
        "param([string] $Svc)\n"
        'New-AzureService -ServiceName $Svc -Location "West Europe"\n'
        "$same = $Svc\n"
        'New-AzureQuickVM -Windows -ServiceName $same -Name "vm1" -ImageName "img" -Password "p"\n'
        "Remove-AzureService -ServiceName $Svc -Force -DeleteAll\n"
    )
    steps = [step.id for step in plan_of({"deploy.ps1": script}).steps]
    assert steps == []
