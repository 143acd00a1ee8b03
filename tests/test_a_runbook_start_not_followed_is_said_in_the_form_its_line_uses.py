"""A runbook start migcheck does not follow (runbook-not-followed) is said in the form its own line uses: a
PowerShell script's by the cmdlets that start runbooks, with what to write so that the runbook is followed,
never by the Python Automation SDK's call; a Python runbook's by `automation_client.job.create`, never by
PowerShell's cmdlets and their -Parameters."""

from __future__ import annotations

from lint_support import lint_files
from test_a_python_runbook_that_starts_a_child_through_the_automation_sdk_says_the_start_not_read import (
    PARENT as PYTHON_PARENT,
)

from migcheck.model import RUNBOOK_NOT_FOLLOWED, Script
from migcheck.report.unread import why

POWERSHELL_PARENT = """\
New-AzureService -ServiceName shop-svc -Location "West US"
Start-AzureAutomationRunbook -AutomationAccountName ops -Name New-AppVM -Parameters @{ServiceName = "shop-svc"}
"""


def said(tmp_path, monkeypatch, name: str, text: str) -> str:
    result = lint_files(tmp_path, monkeypatch, {name: text}, dedent=False)
    [mark] = [
        m
        for estate in result.estates
        for d in estate.documents
        for r in d.resources
        if isinstance(r, Script)
        for m in r.unread
        if m.tag == RUNBOOK_NOT_FOLLOWED
    ]
    return why(mark)


def test_a_powershell_start_is_said_by_the_cmdlets(tmp_path, monkeypatch):
    text = said(tmp_path, monkeypatch, "New-Estate.ps1", POWERSHELL_PARENT)
    assert text.startswith("this line starts a runbook (Start-AzureAutomationRunbook, ")
    assert "-Parameters @{ServiceName = $name}" in text
    assert "job.create" not in text
    assert "Python" not in text


def test_a_python_start_is_said_by_the_automation_sdk_s_call(tmp_path, monkeypatch):
    text = said(tmp_path, monkeypatch, "new_estate.py", PYTHON_PARENT)
    assert text.startswith(
        "this line starts a runbook through the Automation SDK (automation_client.job.create)"
    )
    assert "Start-AzureAutomationRunbook" not in text
    assert "-Parameters" not in text
