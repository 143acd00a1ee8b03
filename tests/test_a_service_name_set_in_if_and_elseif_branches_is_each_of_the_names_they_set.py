"""A cloud service name a script sets in if/elseif branches (`$service = $null`, then `$service =
"chalkablestaging"` in one branch and `"chalkableqa"` in another) and deploys a package to
(`Set-AzureDeployment -Upgrade -ServiceName $service`, in the script or in a function it passes the name
to; the SDK's `upgrade_deployment(service, ...)`) is each of those names: MIG101 is said of each service,
never of a stand-in for a name the files would not state."""

from __future__ import annotations

import pytest
from lint_support import lint_files

PS_BRANCHES = """\
param($branch)
$service = $null
if ($branch -eq 'staging') { $service = "chalkablestaging" } elseif ($branch -eq 'qa') { $service = "chalkableqa" }
"""
PS_UPGRADE = (
    'Set-AzureDeployment -Upgrade -Slot Production -Package "p.cspkg" -Configuration "c.cscfg" '
    "-ServiceName $service -Force"
)
PS_IN_SCRIPT = PS_BRANCHES + "if ($service -ne $null) {\n  " + PS_UPGRADE + "\n}\n"
PS_IN_FUNCTION = (
    "Function Upgrade-Deployment($service) {\n  "
    + PS_UPGRADE
    + "\n}\n"
    + PS_BRANCHES
    + "if ($service -ne $null) { Upgrade-Deployment -service $service }\n"
)
PY_BRANCHES = """\
import sys
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService("sub", "cert.pem")
service = None
if sys.argv[1] == "staging":
    service = "chalkablestaging"
elif sys.argv[1] == "qa":
    service = "chalkableqa"
if service is not None:
    sms.upgrade_deployment(service, "dep", "auto", "https://a.blob.core.windows.net/p/p.cspkg", "c", "l", True)
"""


@pytest.mark.parametrize(
    ("name", "script"),
    [("publish.ps1", PS_IN_SCRIPT), ("publish.ps1", PS_IN_FUNCTION), ("publish.py", PY_BRANCHES)],
)
def test_each_name_the_branches_set_is_a_service_with_web_or_worker_roles(
    tmp_path, monkeypatch, name, script
):
    found = lint_files(tmp_path, monkeypatch, {name: script}, "MIG101", dedent=False).findings
    services = sorted(f.message.split("'")[1] for f in found)
    assert services == ["chalkableqa", "chalkablestaging"], [f.message for f in found]


def test_a_name_set_on_one_branch_and_built_on_another_is_still_not_stated(tmp_path, monkeypatch):
    script = PS_IN_SCRIPT.replace('$service = "chalkableqa"', "$service = Read-Host 'service'")
    found = lint_files(tmp_path, monkeypatch, {"publish.ps1": script}, "MIG101", dedent=False).findings
    assert [f.message.split("'")[1] for f in found] == ["<cloud service name, publish.ps1:5>"]
