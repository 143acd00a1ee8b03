"""A reserved IP a Python script creates under a name it does not state
(`sms.create_reserved_ip_address(name, ...)`) is created all the same: `migcheck plan` moves it on its own under
a stand-in named where the name is passed, unless a deployment is given it by the same value."""

from __future__ import annotations

from migcheck.plan import Plan

HEAD = "import sys\nfrom azure.servicemanagement import ServiceManagementService\nsms = ServiceManagementService('s', 'c.pem')\n"


def _unattached(plan: Plan) -> list[str]:
    return [step.id for step in plan.steps if step.id.startswith("unattached:")]


def test_a_reserved_ip_of_an_unstated_name_is_moved_on_its_own(plan_of):
    script = HEAD + "sms.create_reserved_ip_address(sys.argv[1], location='West US')\n"
    assert _unattached(plan_of({"rip.py": script})) == ["unattached:ReservedIP:<reserved IP name, rip.py:4>"]


def test_one_a_deployment_is_given_by_the_same_value_is_not(plan_of):
    script = (
        HEAD
        + "name = sys.argv[1]\n"
        + "sms.create_reserved_ip_address(name, location='West US')\n"
        + "sms.associate_reserved_ip_address(name, 'svc', 'dep')\n"
    )
    assert _unattached(plan_of({"rip.py": script})) == []
