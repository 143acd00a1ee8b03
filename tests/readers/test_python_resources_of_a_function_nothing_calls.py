"""A Python function nothing in the file calls may still run (another module imports it, a runbook starts
it): what it creates is listed, as one of the script's resources, whatever it creates. A reserved IP it creates
under a name it is given (a parameter) is listed under a stand-in named where the name is passed, as a storage
account it creates so is; one called with a stated name is listed under that name alone."""

from __future__ import annotations

from migcheck.plan import Plan

HEAD = "from azure.servicemanagement import ServiceManagementService\nsms = ServiceManagementService('s', 'c.pem')\n"
MAKE_IP = "def make_ip(name):\n    sms.create_reserved_ip_address(name, location='West US')\n"
MAKE_ACCOUNT = (
    "def make_account(name):\n"
    "    sms.create_storage_account(name, 'd', 'l', location='West US', account_type='Standard_LRS')\n"
)


def _steps(plan: Plan, kind: str) -> list[str]:
    return [step.id for step in plan.steps if step.id.startswith(kind)]


def test_a_reserved_ip_a_function_nothing_calls_creates_is_listed_under_a_stand_in(plan_of):
    plan = plan_of({"rip.py": HEAD + MAKE_IP})
    assert _steps(plan, "unattached:") == ["unattached:ReservedIP:<reserved IP name, rip.py:4>"]


def test_so_is_a_storage_account_a_function_nothing_calls_creates(plan_of):
    plan = plan_of({"rip.py": HEAD + MAKE_IP + MAKE_ACCOUNT})
    assert len(_steps(plan, "unattached:")) == 1
    accounts = [step.id for step in plan.steps if step.id.startswith("storage:")]
    assert len(accounts) == 1 and "<storage account name, " in accounts[0]


def test_one_called_with_a_stated_name_is_listed_under_that_name_alone(plan_of):
    plan = plan_of({"rip.py": HEAD + MAKE_IP + "make_ip('rip1')\n"})
    assert _steps(plan, "unattached:") == ["unattached:ReservedIP:rip1"]
