"""A parent runbook whose only Automation call starts a child runbook (`Start-AzAutomationRunbook`,
`Start-AzureRmAutomationRunbook`, a Python runbook's `automation_client.job.create`) calls no classic
cmdlet itself, but the child it starts may: a start the files cannot follow (no file beside the parent
defines the runbook, or the start is a Python one) is said as a part not read (runbook-not-followed), as in
a parent that also calls a classic cmdlet, never dropped with the script as holding nothing classic."""

from __future__ import annotations

import pytest
from lint_support import lint_files
from test_a_child_runbook_a_parent_starts_or_calls_by_name_runs_with_the_values_it_passes import (
    STARTERS,
    starts,
)
from test_a_python_runbook_that_starts_a_child_through_the_automation_sdk_says_the_start_not_read import (
    PARENT as PYTHON_PARENT,
)

from migcheck.model import RUNBOOK_NOT_FOLLOWED, Script


def not_followed(tmp_path, monkeypatch, files: dict[str, str]) -> dict[str, list[int]]:
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    return {
        d.path: [m.line for m in r.unread if m.tag == RUNBOOK_NOT_FOLLOWED]
        for estate in result.estates
        for d in estate.documents
        for r in d.resources
        if isinstance(r, Script)
    }


@pytest.mark.parametrize(("starter", "extra"), STARTERS)
def test_a_powershell_parent_that_only_starts_a_child_not_beside_it_says_so(
    tmp_path, monkeypatch, starter, extra
):
    files = {"New-Estate.ps1": starts(starter, extra)}
    assert not_followed(tmp_path, monkeypatch, files) == {"New-Estate.ps1": [7, 9]}


def test_a_python_parent_that_only_starts_a_child_says_so(tmp_path, monkeypatch):
    parent = "\n".join(line for line in PYTHON_PARENT.splitlines() if "ServiceManagementService" not in line)
    parent = parent.replace('sms.create_hosted_service("shop-svc", "shop", location="West US")\n', "")
    assert "sms" not in parent
    assert not_followed(tmp_path, monkeypatch, {"new_estate.py": parent}) == {"new_estate.py": [12]}
