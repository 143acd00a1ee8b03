"""A reserved IP a Python script creates in one function and deletes in another (a helper that creates it
called before the delete at the module's level, or a helper that deletes it called after the creation) is
gone when the script ends: no plan step moves it. Only when the delete surely runs after the creation; a
delete that may not run, one before the creation, of another name, or a creation again afterwards leaves it."""

from __future__ import annotations

import pytest

from migcheck.plan import Plan

HEAD = (
    "import sys\n"
    "from azure.servicemanagement import ServiceManagementService\n"
    "sms = ServiceManagementService('s', 'c.pem')\n"
)
SETUP = "def setup(name='rip1'):\n    sms.create_reserved_ip_address(name, location='West US')\n"
TEARDOWN = "def teardown(name='rip1'):\n    sms.delete_reserved_ip_address(name)\n"
CREATE = "sms.create_reserved_ip_address('rip1', location='West US')\n"
DELETE = "sms.delete_reserved_ip_address('rip1')\n"


def _unattached(plan: Plan) -> list[str]:
    return [step.name for step in plan.steps if step.id.startswith("unattached:")]


def _with_helpers(script: str) -> str:
    """The script with the helpers it calls written above it: the delete's first, to be read first."""
    helpers = (TEARDOWN if "teardown(" in script else "") + (SETUP if "setup(" in script else "")
    return HEAD + helpers + script


@pytest.mark.parametrize(
    "script",
    [
        "setup()\n" + DELETE,
        "setup('rip1')\n" + DELETE,
        CREATE + "teardown()\n",
        "setup()\nteardown()\n",
        "def main():\n    setup()\n    teardown('RIP1')\nmain()\n",
        "def main():\n    setup()\nmain()\nteardown()\n",
        "for _ in (1, 2):\n    setup()\n    teardown()\n",
    ],
)
def test_a_reserved_ip_created_and_deleted_in_other_functions_is_not_moved(plan_of, script: str):
    assert _unattached(plan_of({"rip.py": _with_helpers(script)})) == []


@pytest.mark.parametrize(
    "script",
    [
        # Near misses: a delete that may not run, one before the creation, of another reserved IP, in a
        # function no one calls, and a creation again after the delete.
        "setup()\nif sys.argv[1:]:\n    teardown()\n",
        "setup()\nif sys.argv[1:]:\n    " + DELETE,
        CREATE + "if sys.argv[1:]:\n    teardown()\n",
        "teardown()\nsetup()\n",
        DELETE + "setup()\n",
        "setup()\nteardown('rip2')\n",
        "setup()\ndef cleanup():\n    teardown()\n",
        "setup()\nteardown()\nsetup()\n",
        "def main():\n    setup()\n    if sys.argv[1:]:\n        return\n    teardown()\nmain()\n",
    ],
)
def test_a_reserved_ip_the_script_may_leave_is_moved(plan_of, script: str):
    assert _unattached(plan_of({"rip.py": _with_helpers(script)})) == ["rip1"]
