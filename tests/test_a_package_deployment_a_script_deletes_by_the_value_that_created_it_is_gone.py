"""A cloud service package a script deploys (`create_deployment`, New-AzureDeployment) to a service it names
by a value it does not state (`svc = sys.argv[1]`, `$svc = $args[0]`), then deletes by that same value, is
gone at the end, as it is when the script writes the service's name out: its web/worker roles are no
MIG101. A deletion of another service's deployment deletes nothing the script created."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

PY = """\
import sys
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
svc = {service}
other = sys.argv[2]
sms.create_deployment(svc, "staging", "v2", "https://acct.blob.core.windows.net/p/app.cspkg", "v2", "PD94bWw+")
{delete}
"""

PS = """\
$svc = {service}
$other = $args[1]
New-AzureDeployment -ServiceName $svc -Slot Staging -Package "https://acct.blob.core.windows.net/p/app.cspkg" -Configuration "app.cscfg" -Label "v2"
{delete}
"""

GONE = {
    "delete_deployment, service from argv": (
        "deploy.py",
        PY,
        "sys.argv[1]",
        'sms.delete_deployment(svc, "v2")',
    ),
    "delete_deployment, service written out": ("deploy.py", PY, '"shop"', 'sms.delete_deployment(svc, "v2")'),
    "delete_hosted_service, service from argv": (
        "deploy.py",
        PY,
        "sys.argv[1]",
        "sms.delete_hosted_service(svc, complete=True)",
    ),
    "Remove-AzureDeployment, service from args": (
        "deploy.ps1",
        PS,
        "$args[0]",
        "Remove-AzureDeployment -ServiceName $svc -Slot Staging -Force",
    ),
}
KEPT = {
    "delete_deployment of another service": (
        "deploy.py",
        PY,
        "sys.argv[1]",
        'sms.delete_deployment(other, "v2")',
    ),
    "Remove-AzureDeployment of another service": (
        "deploy.ps1",
        PS,
        "$args[0]",
        "Remove-AzureDeployment -ServiceName $other -Slot Staging -Force",
    ),
}


def _roles_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: tuple[str, str, str, str]
) -> list[str]:
    name, template, service, delete = case
    script = template.format(service=service, delete=delete)
    return [f.code for f in lint_files(tmp_path, monkeypatch, {name: script}, "MIG101").findings]


@pytest.mark.parametrize("case", GONE.values(), ids=GONE.keys())
def test_a_package_deployment_deleted_by_the_value_that_created_it_has_no_roles_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: tuple[str, str, str, str]
) -> None:
    assert _roles_said(tmp_path, monkeypatch, case) == []


@pytest.mark.parametrize("case", KEPT.values(), ids=KEPT.keys())
def test_a_delete_of_another_service_leaves_the_package_s_roles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: tuple[str, str, str, str]
) -> None:
    assert _roles_said(tmp_path, monkeypatch, case) == ["MIG101"]
