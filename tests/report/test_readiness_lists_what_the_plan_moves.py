"""The readiness summary and the plan list the same resources: a storage account with no disk or image in
it (a Resource Graph export's, one a script creates) and a reserved IP an export shows attached to nothing
are items of the summary, as they are steps of the plan; and an unattached resource's row says what it is
in words, as the plan's steps do."""

from __future__ import annotations

import json

from lint_support import lint_files

from migcheck.engine import LintResult
from migcheck.plan import StepKind, build_plan
from migcheck.report import render
from migcheck.report.readiness import ScopeKind, readiness

SUB = "3f0c2a5e-8d1b-4c7e-9a6f-2b4d6e8f0a1c"
MOVED_ON_THEIR_OWN = (StepKind.STORAGE, StepKind.UNATTACHED)


def _row(provider: str, kind: str, name: str, properties: dict) -> dict:
    return {
        "id": f"/subscriptions/{SUB}/resourceGroups/Default/providers/{provider}/{kind}/{name}",
        "name": name,
        "type": f"{provider}/{kind}".lower(),
        "subscriptionId": SUB,
        "properties": properties,
    }


def _export(*rows: dict) -> str:
    return json.dumps(
        {"count": len(rows), "data": list(rows), "skip_token": None, "total_records": len(rows)}
    )


STORAGE = _row("Microsoft.ClassicStorage", "storageAccounts", "archive", {"accountType": "Standard-GRS"})
RESERVED_IP = _row("Microsoft.ClassicNetwork", "reservedIps", "spare-rip", {"ipAddress": "40.68.10.20"})
GROUP = _row("Microsoft.ClassicNetwork", "networkSecurityGroups", "spare-nsg", {"rules": []})

PYTHON = """\
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("3f0c2a5e-8d1b-4c7e-9a6f-2b4d6e8f0a1c", "mgmt.pem")
sms.create_storage_account("archive", "archive", "archive", location="West Europe", account_type="Standard_GRS")
"""


def _listed(result: LintResult) -> dict[str, list[str]]:
    """The names the summary's storage and unattached scopes list, and those the plan's steps of these
    kinds move."""
    listed = [
        item.name
        for summary in readiness(result)
        for scope in summary.scopes
        if scope.scope in (ScopeKind.STORAGE, ScopeKind.UNATTACHED)
        for item in scope.items
    ]
    planned = [
        step.name
        for subscription in build_plan(result).subscriptions
        for step in subscription.steps
        if step.kind in MOVED_ON_THEIR_OWN
    ]
    return {"summary": sorted(listed), "plan": sorted(planned)}


def test_an_exported_storage_account_with_nothing_in_it_is_in_the_summary_as_in_the_plan(
    tmp_path, monkeypatch
):
    result = lint_files(tmp_path, monkeypatch, {"classic.json": _export(STORAGE)}, dedent=False)
    assert _listed(result) == {"summary": ["archive"], "plan": ["archive"]}
    assert "    archive (the files name no disk or image in it)  Validation passed\n" in render(
        result, "text"
    )


def test_a_storage_account_a_python_script_creates_is_in_the_summary_as_in_the_plan(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"storage.py": PYTHON}, dedent=False)
    assert _listed(result) == {"summary": ["archive"], "plan": ["archive"]}


def test_an_exported_reserved_ip_and_security_group_nothing_uses_are_in_the_summary_as_in_the_plan(
    tmp_path, monkeypatch
):
    result = lint_files(tmp_path, monkeypatch, {"classic.json": _export(RESERVED_IP, GROUP)}, dedent=False)
    assert _listed(result) == {"summary": ["spare-nsg", "spare-rip"], "plan": ["spare-nsg", "spare-rip"]}
    text = render(result, "text")
    # Neither row says what uses it (no `inUse` or `attachedTo`, no subnets): each may be attached.
    unsaid = "may be attached: the export does not say whether anything uses it"
    assert f"    spare-rip (reserved IP; {unsaid})" in text
    assert f"    spare-nsg (network security group; {unsaid})" in text


def test_a_scripted_reserved_ip_is_called_a_reserved_ip_beside_the_other_unattached_resources(
    tmp_path, monkeypatch
):
    script = (
        'New-AzureReservedIP -ReservedIPName "spare-rip" -Location "West Europe"\n'
        'New-AzureRouteTable -Name "spare-rt" -Location "West Europe" -Label "spare"\n'
    )
    result = lint_files(tmp_path, monkeypatch, {"New-Spare.ps1": script}, dedent=False)
    assert _listed(result) == {"summary": ["spare-rip", "spare-rt"], "plan": ["spare-rip", "spare-rt"]}
    text = render(result, "text")
    assert "spare-rip (reserved IP)" in text and "spare-rt (route table)" in text
    assert "ReservedIP)" not in text
