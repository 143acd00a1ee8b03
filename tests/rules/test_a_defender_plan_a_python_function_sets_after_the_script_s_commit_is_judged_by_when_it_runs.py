"""The planning guide has Defender for Cloud's policy enabled again once the VMs are in Resource Manager, so a
plan a script puts on Standard after its first migration Commit is not the one its migration meets (MIG207
says nothing of it). A Python script's plan was judged by where the file writes it: one set in a function
written above the Commit but called after it (`restore()` at the end of the script) was taken as set before,
a false MIG207, and one set in a function written below the Commit but called before it was not reported. It
is now judged by when it runs, as the script's migration steps and changes are (`ClassicCall.after`)."""

from __future__ import annotations

import pytest
from lint_support import graph_page, graph_vm, lint_files, where

SUBSCRIPTION = "00000000-0000-0000-0000-000000000001"
CLASSIC = {"classic.json": graph_page(graph_vm(SUBSCRIPTION, "shop", "web01"))}

HEAD = """\
from azure.mgmt.security import SecurityCenter
from azure.mgmt.security.models import Pricing
from azure.servicemanagement import ServiceManagementService

security = SecurityCenter(credential, "sub", "")
sms = ServiceManagementService("sub", "cert.pem")
base = "/sub/services/hostedservices/shop/deployments/shop/migration?comp="
"""
PLAN = """
def plan(tier):
    security.pricings.update("VirtualMachines", Pricing(pricing_tier=tier))
"""
MIGRATE = """
def migrate():
    sms.perform_post(base + "prepare", "")
    sms.perform_post(base + "commit", "")
"""


def _mig207(tmp_path, monkeypatch, script: str) -> list[str]:
    files = {**CLASSIC, "migrate.py": script}
    return where(lint_files(tmp_path, monkeypatch, files, "MIG207", dedent=False).findings)


@pytest.mark.parametrize("functions", [PLAN + MIGRATE, MIGRATE + PLAN], ids=["plan-written-first", "last"])
def test_a_plan_set_on_standard_after_the_commit_runs_is_not_reported(tmp_path, monkeypatch, functions):
    script = HEAD + functions + "\nmigrate()\nplan('Standard')\n"
    assert _mig207(tmp_path, monkeypatch, script) == []


@pytest.mark.parametrize(
    ("functions", "at"),
    [(PLAN + MIGRATE, "10:5"), (MIGRATE + PLAN, "14:5")],
    ids=["plan-written-first", "last"],
)
def test_a_plan_left_on_standard_before_the_commit_runs_is_reported(tmp_path, monkeypatch, functions, at):
    script = HEAD + functions + "\nplan('Standard')\nmigrate()\n"
    assert _mig207(tmp_path, monkeypatch, script) == [f"MIG207 migrate.py:{at}"]


CLI_MIGRATE = """
import subprocess
sms.perform_post(base + "validate", "")
subprocess.check_call(["azure", "network", "vnet", "prepare-migration", "hub"])
subprocess.check_call(["azure", "network", "vnet", "commit-migration", "hub"])
security.pricings.update("VirtualMachines", Pricing(pricing_tier="Standard"))
"""


def test_a_plan_set_after_a_commit_the_script_runs_through_the_classic_cli_is_not_reported(
    tmp_path, monkeypatch
):
    """The CLI's steps are not among those the SDK's reading counts: the plan is judged by its place in the file,
    after the CLI's Commit, as before."""
    assert _mig207(tmp_path, monkeypatch, HEAD + CLI_MIGRATE) == []
