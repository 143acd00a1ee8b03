"""A reserved IP a Python script creates and then deletes (`delete_reserved_ip_address`, as a test of the
SDK does) is gone when the script ends: no plan step moves it. Only when the delete surely runs after the
creation, and names it as the creation does: by the name the script states, or by the same value."""

from __future__ import annotations

import pytest

from migcheck.plan import Plan

HEAD = (
    "import sys\n"
    "from azure.servicemanagement import ServiceManagementService\n"
    "sms = ServiceManagementService('s', 'c.pem')\n"
)


def _unattached(plan: Plan) -> list[str]:
    return [step.name for step in plan.steps if step.id.startswith("unattached:")]


@pytest.mark.parametrize(
    "script",
    [
        "sms.create_reserved_ip_address('rip1', location='West US')\nsms.delete_reserved_ip_address('rip1')\n",
        "sms.create_reserved_ip_address('rip1', location='West US')\nsms.delete_reserved_ip_address(name='RIP1')\n",
        "def run():\n"
        "    sms.create_reserved_ip_address('rip1', location='West US')\n"
        "    sms.delete_reserved_ip_address('rip1')\n"
        "run()\n",
    ],
)
def test_a_reserved_ip_created_and_deleted_again_is_not_moved(plan_of, script: str):
    assert _unattached(plan_of({"rip.py": HEAD + script})) == []


@pytest.mark.parametrize(
    "script",
    [
        # Near misses: another reserved IP deleted, a delete that may not run, a delete before the creation.
        "sms.create_reserved_ip_address('rip1', location='West US')\nsms.delete_reserved_ip_address('rip2')\n",
        "sms.create_reserved_ip_address('rip1', location='West US')\n"
        "if sys.argv[1:]:\n    sms.delete_reserved_ip_address('rip1')\n",
        "sms.delete_reserved_ip_address('rip1')\nsms.create_reserved_ip_address('rip1', location='West US')\n",
        "sms.create_reserved_ip_address('rip1', location='West US')\nsms.delete_reserved_ip_address(sys.argv[1])\n",
    ],
)
def test_a_reserved_ip_the_script_may_leave_is_moved(plan_of, script: str):
    assert _unattached(plan_of({"rip.py": HEAD + script})) == ["rip1"]
