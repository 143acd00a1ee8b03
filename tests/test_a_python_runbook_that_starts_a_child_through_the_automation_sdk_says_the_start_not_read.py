"""A Python runbook (Azure Automation's Python 3 runbooks) that creates a cloud service and then starts a
child runbook as a job through the Automation SDK (`automation_client.job.create(group, account, job_id,
JobCreateParameters(runbook=RunbookAssociationProperty(name=...), parameters={...}))`): the child is not
followed from Python, so its start is said as a part not read (runbook-not-followed), as a PowerShell start
the files cannot follow is, never dropped in silence."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.model import RUNBOOK_NOT_FOLLOWED, Script
from migcheck.report.unread import why

PARENT = """\
import uuid

from azure.mgmt.automation import AutomationClient
from azure.mgmt.automation.models import JobCreateParameters, RunbookAssociationProperty
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("sub-id", "mgmt.pem")
sms.create_hosted_service("shop-svc", "shop", location="West US")

automation_client = AutomationClient(credential, "sub-id")
job = JobCreateParameters(
    runbook=RunbookAssociationProperty(name="New-AppVM"),
    parameters={"ServiceName": "shop-svc", "VMName": "SQLVM"},
)
automation_client.job.create("ops-rg", "ops", str(uuid.uuid4()), job)
"""


def not_read(tmp_path, monkeypatch, files: dict[str, str]):
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    return [
        m
        for estate in result.estates
        for d in estate.documents
        for r in d.resources
        if isinstance(r, Script)
        for m in r.unread
    ]


def test_the_start_of_a_child_runbook_is_said_not_read(tmp_path, monkeypatch):
    [mark] = not_read(tmp_path, monkeypatch, {"new_estate.py": PARENT})
    assert (mark.line, mark.tag) == (15, RUNBOOK_NOT_FOLLOWED)
    assert "job.create" in why(mark)


def test_a_create_of_another_client_s_operations_is_no_start(tmp_path, monkeypatch):
    parent = PARENT.replace("automation_client.job.create", "automation_client.runbook.create")
    assert not_read(tmp_path, monkeypatch, {"new_estate.py": parent}) == []
