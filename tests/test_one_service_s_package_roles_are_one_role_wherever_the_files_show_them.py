"""A cloud service deployed from a package by one file and swapped, upgraded or configured by another has the
package's web and worker roles once: one MIG101, one role in the summary and one plan step, wherever the
evidence is written. Each file's stand-in for the roles it does not name was a role of its own: "svc (2
web/worker roles)", two MIG101 errors for one service."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, run_cli

DEPLOY_PS = (
    "New-AzureDeployment -ServiceName 'svc' -Slot Staging -Package 'a.cspkg' -Configuration 'a.cscfg'\n"
)
SWAP_PS = "Move-AzureDeployment -ServiceName 'svc'\n"
UPGRADE_PS = "Set-AzureDeployment -Upgrade -ServiceName 'svc' -Slot Production -Package a.cspkg -Configuration a.cscfg\n"
SWAP_PY = """\
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
sms.swap_deployment("svc", "prod-dep", "stage-dep")
"""


@pytest.mark.parametrize(
    "files",
    [
        {"deploy.ps1": DEPLOY_PS, "swap.ps1": SWAP_PS},
        {"deploy.ps1": DEPLOY_PS, "upgrade.ps1": UPGRADE_PS},
        {"deploy.ps1": DEPLOY_PS, "swap.py": SWAP_PY},
    ],
)
def test_one_mig101_for_the_service(tmp_path, monkeypatch, files):
    result = lint_files(tmp_path, monkeypatch, files, "MIG101", dedent=False)
    assert [f.location.path for f in result.findings if f.location] == ["deploy.ps1"]
    assert "cloud service 'svc' has web or worker roles the files do not name" in result.findings[0].message


def test_the_summary_counts_one_role_and_the_plan_one_step(tmp_path, monkeypatch, capsys):
    lint_files(tmp_path, monkeypatch, {"deploy.ps1": DEPLOY_PS, "swap.ps1": SWAP_PS}, dedent=False)
    _, out, _ = run_cli(capsys, "check", ".")
    assert "svc (web/worker roles the files do not name)" in out
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    (subscription,) = json.loads(out)["subscriptions"]
    assert [(s["id"], len(s["blockers"])) for s in subscription["steps"]] == [("web-worker:svc", 1)]


SWAP_VIP_PS = """\
param ([string] $ServiceName = $(throw "-ServiceName is required."), [string] $IncludeConfiguration = $false)
if ($IncludeConfiguration) {
    $stagingTask = { Set-AzureDeployment -ServiceName $args[0] -Slot Staging -Config -Configuration $args[1] }
} else {
    $stagingTask = { Write-Host "Skipping the staging configuration" }
}
Move-AzureDeployment -ServiceName $ServiceName
$job = Start-Job -ScriptBlock $stagingTask -ArgumentList $ServiceName, "$env:TEMP\\\\production.cscfg"
"""


def test_a_swap_script_that_configures_the_slots_in_jobs_is_one_service(tmp_path, monkeypatch, capsys):
    # The jobs' blocks take the service from their $args: the one the script is given, which it swaps.
    lint_files(tmp_path, monkeypatch, {"Swap-VIP.ps1": SWAP_VIP_PS}, dedent=False)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    (subscription,) = json.loads(out)["subscriptions"]
    assert [(s["kind"], len(s["blockers"])) for s in subscription["steps"]] == [("web_worker", 1)]
