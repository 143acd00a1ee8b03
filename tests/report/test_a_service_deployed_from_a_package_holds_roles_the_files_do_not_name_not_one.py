"""A cloud service a script deploys from a package whole holds however many roles the package has, and the
files name none of them. The readiness row counted the one stand-in that holds their place: "svc (1
web/worker role)" of a package that may hold several. It says they are roles the files do not name, in
every format that deploys a package without naming its roles; a role a file does name is still counted."""

from __future__ import annotations

import pytest
from lint_support import lint_files, run_cli

POWERSHELL = (
    "New-AzureDeployment -ServiceName 'svc' -Slot Production -Package a.cspkg -Configuration a.cscfg\n"
)
PYTHON = """\
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
sms.create_deployment("svc", "production", "d1", "https://acct.blob.core.windows.net/p/a.cspkg", "d1", "eA==")
"""
PIPELINE = """\
steps:
- task: AzureCloudPowerShellDeployment@1
  inputs:
    azureClassicSubscription: 'classic'
    StorageAccount: 'store'
    ServiceName: 'svc'
    ServiceLocation: 'West US'
    CsPkg: 'a.cspkg'
    CsCfg: 'a.cscfg'
"""


@pytest.mark.parametrize(
    "files",
    [{"deploy.ps1": POWERSHELL}, {"deploy.py": PYTHON}, {"azure-pipelines.yml": PIPELINE}],
    ids=["powershell", "python", "pipeline"],
)
def test_the_row_says_the_roles_are_not_named(tmp_path, monkeypatch, capsys, files):
    lint_files(tmp_path, monkeypatch, files, dedent=False)
    _, out, _ = run_cli(capsys, "check", ".")
    assert "svc (web/worker roles the files do not name)" in out
    assert "1 web/worker role" not in out


DEFINITION = """\
<ServiceDefinition name="svc" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web" />
  <WorkerRole name="Worker" />
</ServiceDefinition>
"""


def test_roles_a_definition_names_are_counted(tmp_path, monkeypatch, capsys):
    lint_files(tmp_path, monkeypatch, {"ServiceDefinition.csdef": DEFINITION}, dedent=False)
    _, out, _ = run_cli(capsys, "check", ".")
    assert "svc (2 web/worker roles)" in out
