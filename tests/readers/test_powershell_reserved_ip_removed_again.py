"""A reserved IP a PowerShell script creates and then removes (`Remove-AzureReservedIP -ReservedIPName`) is gone
when the script ends: no plan step moves it. Only when the removal surely runs after the creation and names it
as the creation does: by the name the script states, or by the very value it does not state. A removal that
may not run, of another name, or of one a deployment holds (the platform refuses it) leaves it."""

from __future__ import annotations

import pytest

from migcheck.plan import Plan

HEAD = "param([string] $IpName, [string] $Other)\n"
STATED = 'New-AzureReservedIP -ReservedIPName "rip1" -Location "West Europe"\n'
UNSTATED = 'New-AzureReservedIP -ReservedIPName $IpName -Location "West Europe"\n'
STAND_IN = "unattached:ReservedIP:<reserved IP name, deploy.ps1:2>"


def _unattached(plan: Plan) -> list[str]:
    return [step.id for step in plan.steps if step.id.startswith("unattached:")]


@pytest.mark.parametrize(
    "script",
    [
        STATED + 'Remove-AzureReservedIP -ReservedIPName "rip1" -Force\n',
        STATED + "Remove-AzureReservedIP -ReservedIPName 'RIP1 ' -Force\n",
        STATED + '$n = "rip1"\nRemove-AzureReservedIP -ReservedIPName $n -Force\n',
        UNSTATED + "Remove-AzureReservedIP -ReservedIPName $IpName -Force\n",
        "function Clean { param($n) Remove-AzureReservedIP -ReservedIPName $n -Force }\n"
        + STATED
        + 'Clean "rip1"\n',
    ],
)
def test_a_reserved_ip_created_and_removed_again_is_not_moved(plan_of, script: str):
    assert _unattached(plan_of({"deploy.ps1": HEAD + script})) == []


VM = (
    'New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img" |\n'
    '    New-AzureVM -ServiceName "svc1" -Location "West Europe" -ReservedIPName "rip1"\n'
)


@pytest.mark.parametrize(
    ("script", "left"),
    [
        # Near misses: another name, a removal that may not run, one in a catch, in a function never called,
        # before the creation, and another value the script does not state.
        (STATED + 'Remove-AzureReservedIP -ReservedIPName "rip2" -Force\n', "rip1"),
        (STATED + 'if ($Other) { Remove-AzureReservedIP -ReservedIPName "rip1" -Force }\n', "rip1"),
        (
            STATED + 'try { Get-Date } catch { Remove-AzureReservedIP -ReservedIPName "rip1" -Force }\n',
            "rip1",
        ),
        (STATED + 'function Clean { Remove-AzureReservedIP -ReservedIPName "rip1" -Force }\n', "rip1"),
        ('Remove-AzureReservedIP -ReservedIPName "rip1" -Force\n' + STATED, "rip1"),
        (STATED + "Remove-AzureReservedIP -ReservedIPName $Other -Force\n", "rip1"),
        (UNSTATED + "Remove-AzureReservedIP -ReservedIPName $Other -Force\n", "stand-in"),
        (UNSTATED + 'Remove-AzureReservedIP -ReservedIPName "rip1" -Force\n', "stand-in"),
        (UNSTATED + "if ($Other) { Remove-AzureReservedIP -ReservedIPName $IpName -Force }\n", "stand-in"),
    ],
)
def test_a_reserved_ip_the_script_may_leave_is_moved(plan_of, script: str, left: str):
    expected = STAND_IN if left == "stand-in" else f"unattached:ReservedIP:{left}"
    assert _unattached(plan_of({"deploy.ps1": HEAD + script})) == [expected]


def test_one_a_deployment_holds_is_not_taken_away(plan_of):
    script = HEAD + STATED + VM + 'Remove-AzureReservedIP -ReservedIPName "rip1" -Force\n'
    plan = plan_of({"deploy.ps1": script})
    assert _unattached(plan) == []
    # It moves with the deployment that holds it, which says so.
    assert any("'rip1'" in step.downtime for step in plan.steps)


def test_one_a_deployment_may_hold_is_not_taken_away(plan_of):
    vm = VM.replace(' -ReservedIPName "rip1"', "")
    maybe = 'if ($Other) { Set-AzureReservedIPAssociation -ReservedIPName "rip1" -ServiceName "svc1" }\n'
    script = HEAD + STATED + vm + maybe + 'Remove-AzureReservedIP -ReservedIPName "rip1" -Force\n'
    notes = [note for step in plan_of({"deploy.ps1": script}).steps for note in step.notes]
    assert any("Reserved IP 'rip1' may be this deployment's VIP" in str(note) for note in notes)


@pytest.mark.parametrize("create", [STATED, UNSTATED])
def test_one_created_again_after_the_removal_is_moved(plan_of, create: str):
    removal = create.replace("New-AzureReservedIP", "Remove-AzureReservedIP").replace(
        ' -Location "West Europe"', ""
    )
    plan = plan_of({"deploy.ps1": HEAD + create + removal + create})
    expected = "unattached:ReservedIP:rip1" if create is STATED else STAND_IN.replace(":2>", ":4>")
    assert _unattached(plan) == [expected]
