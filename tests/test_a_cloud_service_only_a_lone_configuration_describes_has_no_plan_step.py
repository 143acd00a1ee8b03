"""A cloud service that only a configuration describes, with no definition beside it and no deployment
(an emulator's ServiceConfiguration.Local.cscfg on its own), has nothing for a migration step to move: the
plan makes no step of it, where making one not decided looked up a deployment the service does not have
and the plan stopped with an IndexError."""

from __future__ import annotations

from collections.abc import Callable

from migcheck.plan import Plan
from migcheck.report.plan_format import render_plan

LOCAL_CONFIGURATION = """\
    <?xml version="1.0" encoding="utf-8"?>
    <ServiceConfiguration serviceName="shop"
        xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration" osFamily="6" osVersion="*">
      <Role name="Web"><Instances count="2"/></Role>
    </ServiceConfiguration>
"""


def test_a_lone_local_configuration_makes_no_step(plan_of: Callable[[dict[str, str]], object]) -> None:
    plan = plan_of({"shop/ServiceConfiguration.Local.cscfg": LOCAL_CONFIGURATION})
    assert isinstance(plan, Plan)
    assert [step for subscription in plan.subscriptions for step in subscription.steps] == []
    for form in ("text", "markdown", "html", "json"):
        assert render_plan(plan, form)
