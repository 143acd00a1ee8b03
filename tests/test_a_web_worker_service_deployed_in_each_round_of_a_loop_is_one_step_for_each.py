"""A cloud service of web/worker roles a script deploys in each round of a loop over a list the files do
not hold, named by the loop's item (PowerShell's New-AzureDeployment -ServiceName $svc.Name in a foreach,
the Python SDK's create_deployment(row[0], ...) in a for loop), is one per item: its step, which moves
nothing, says it stands for each of them, as the step of VMs created so does. It said nothing of the loop,
and the Python SDK's service was not read as one per item at all."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.plan import StepKind, build_plan

SCRIPTS = {
    "deploy.ps1": """\
$services = Import-Csv services.csv
foreach ($svc in $services) {
    New-AzureDeployment -ServiceName $svc.Name -Package "$PSScriptRoot\\app.cspkg" `
        -Configuration "$PSScriptRoot\\ServiceConfiguration.Cloud.cscfg" -Slot Production
}
""",
    "deploy.py": """\
import csv
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
for row in csv.reader(open("services.csv")):
    sms.create_deployment(row[0], "production", "v1", "https://acct.blob.core.windows.net/p/app.cspkg",
                          "label", open("ServiceConfiguration.Cloud.cscfg").read())
""",
}


@pytest.mark.parametrize("name", SCRIPTS)
def test_the_step_of_a_looped_web_worker_service_stands_for_each(tmp_path, monkeypatch, name):
    result = lint_files(tmp_path, monkeypatch, {name: SCRIPTS[name]}, dedent=False)
    (step,) = [step for step in build_plan(result).steps if step.kind is StepKind.WEB_WORKER]
    (note,) = [note for note in step.notes if note.startswith("One step for each")]
    assert f"in each round of its loop over {'$services' if name.endswith('.ps1') else 'csv.reader'}" in note
    assert f"(at {name}:" in note
    assert "rebuild the roles of each" in note
