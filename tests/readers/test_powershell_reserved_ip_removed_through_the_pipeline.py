"""A reserved IP a PowerShell script creates and then removes by piping it to the removal
(`Get-AzureReservedIP -ReservedIPName r | Remove-AzureReservedIP`) is gone, as one removed by
`Remove-AzureReservedIP -ReservedIPName r` is: under the same conditions (the removal surely runs after the
creation, the name is the one created, no deployment holds it)."""

from __future__ import annotations

import pytest

from tests.readers.test_powershell_reserved_ip_removed_again import (
    HEAD,
    STAND_IN,
    STATED,
    UNSTATED,
    VM,
    _unattached,
)


@pytest.mark.parametrize(
    "script",
    [
        STATED + 'Get-AzureReservedIP -ReservedIPName "rip1" | Remove-AzureReservedIP\n',
        STATED + 'Get-AzureReservedIP -ReservedIPName "rip1" | Remove-AzureReservedIP -Force\n',
        STATED + '$r = Get-AzureReservedIP -ReservedIPName "RIP1"\n$r | Remove-AzureReservedIP -Force\n',
        UNSTATED + "Get-AzureReservedIP -ReservedIPName $IpName | Remove-AzureReservedIP -Force\n",
    ],
)
def test_a_reserved_ip_piped_to_its_removal_is_not_moved(plan_of, script: str):
    assert _unattached(plan_of({"deploy.ps1": HEAD + script})) == []


@pytest.mark.parametrize(
    ("script", "left"),
    [
        # Near misses: another name, a removal that may not run, before the creation, every reserved IP
        # listed (not followed), what New-AzureReservedIP outputs (an operation, not the reserved IP), and
        # another value the script does not state.
        (STATED + 'Get-AzureReservedIP -ReservedIPName "rip2" | Remove-AzureReservedIP -Force\n', "rip1"),
        (
            STATED + 'if ($Other) { Get-AzureReservedIP -ReservedIPName "rip1" | Remove-AzureReservedIP }\n',
            "rip1",
        ),
        ('Get-AzureReservedIP -ReservedIPName "rip1" | Remove-AzureReservedIP -Force\n' + STATED, "rip1"),
        (STATED + "Get-AzureReservedIP | Remove-AzureReservedIP -Force\n", "rip1"),
        (STATED.rstrip("\n") + " | Remove-AzureReservedIP -Force\n", "rip1"),
        (STATED + "Get-AzureReservedIP -ReservedIPName $Other | Remove-AzureReservedIP -Force\n", "rip1"),
        (
            UNSTATED + "Get-AzureReservedIP -ReservedIPName $Other | Remove-AzureReservedIP -Force\n",
            "stand-in",
        ),
    ],
)
def test_a_reserved_ip_the_script_may_leave_is_moved(plan_of, script: str, left: str):
    expected = STAND_IN if left == "stand-in" else f"unattached:ReservedIP:{left}"
    assert _unattached(plan_of({"deploy.ps1": HEAD + script})) == [expected]


def test_one_a_deployment_holds_is_not_taken_away(plan_of):
    script = (
        HEAD + STATED + VM + 'Get-AzureReservedIP -ReservedIPName "rip1" | Remove-AzureReservedIP -Force\n'
    )
    plan = plan_of({"deploy.ps1": script})
    assert _unattached(plan) == []
    assert any("'rip1'" in step.downtime for step in plan.steps)
