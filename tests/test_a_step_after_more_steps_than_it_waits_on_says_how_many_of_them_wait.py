"""A storage account's step comes after every step of the VMs whose disks it holds, and waits on those
that are not ready. Past three, the verdict counts them: it says how many of the steps it comes after are
the ones it waits on, so that the count agrees with the `after` list beside it (`after step 1, ..., step 5`
— `waits on 4 of the 5 steps it comes after`), where it said `waits on 4 steps` beside a list of five."""

from __future__ import annotations

from test_plan_commands_follow_the_migration_walkthroughs import deployment

from migcheck.plan import StepKind
from migcheck.report.plan_format import render_plan

# Two VMs in two availability sets of one deployment: a blocker of that service's step.
BLOCKED = ("as1", "as2")


def _plan(plan_of, blocked: int, services: int = 5):
    files = {
        f"svc{n}.xml": deployment(f"svc{n}", f"vm{n}a", f"vm{n}b", sets=BLOCKED if n <= blocked else ())
        for n in range(1, services + 1)
    }
    return plan_of(files)


def _account(plan):
    (account,) = (step for step in plan.steps if step.kind is StepKind.STORAGE)
    return account


def test_the_count_says_of_how_many_steps_it_comes_after(plan_of) -> None:
    plan = _plan(plan_of, blocked=4)
    account = _account(plan)
    assert len(account.after) == 5 and len(account.waits_on) == 4
    text = render_plan(plan, "text")
    assert "NOT READY (waits on 4 of the 5 steps it comes after)" in text
    assert "⛔ not ready (waits on 4 of the 5 steps it comes after)" in render_plan(plan, "markdown")


def test_waiting_on_every_step_it_comes_after_says_all(plan_of) -> None:
    plan = _plan(plan_of, blocked=5)
    assert "NOT READY (waits on all 5 steps it comes after)" in render_plan(plan, "text")


def test_up_to_three_the_steps_are_listed(plan_of) -> None:
    plan = _plan(plan_of, blocked=3)
    account = _account(plan)
    listed = " and ".join([", ".join(f"{n}" for n in account.waits_on[:-1]), f"{account.waits_on[-1]}"])
    assert f"NOT READY (waits on steps {listed})" in render_plan(plan, "text")
