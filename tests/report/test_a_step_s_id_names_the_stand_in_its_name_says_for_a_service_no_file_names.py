"""A cloud service a script names by a value it does not state is known by a stand-in (`<cloud service name,
make.py:8>`), which the step's name says. Its id says the same stand-in (`service:<cloud service name,
make.py:8>`), where it said the deployment's (`service:<deployment name, make.py:8>`), the key the estate
files the service under: the id and the name named two things. Alike in each language that leaves the
name to run time (Python's azure-servicemanagement, PowerShell), and in the ids other steps wait for."""

from __future__ import annotations

import pytest

PYTHON = """\
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")


def make(service_name, deployment_name):
    sms.create_virtual_machine_deployment(
        service_name, deployment_name, "production", "web", "web1", None, None, role_size="Small"
    )
"""
POWERSHELL = """\
Import-Csv vms.csv | ForEach-Object {
    $vm = Get-AzureVM -ServiceName $_.ServiceName -Name $_.VMName
    $vm | Set-AzureEndpoint -Name 'http' -Protocol tcp -LocalPort 80 -PublicPort 80 | Update-AzureVM
}
"""


@pytest.mark.parametrize(("path", "text"), [("make.py", PYTHON), ("acl.ps1", POWERSHELL)])
def test_the_step_s_id_names_what_its_name_says(plan_of, path, text):
    (subscription,) = plan_of({path: text}).subscriptions
    (step,) = [step for step in subscription.steps if step.id.startswith("service:")]
    assert step.name.startswith("<cloud service name, ")
    assert step.id == f"service:{step.name}"
    waiting = [after for other in subscription.steps for after in other.after if after.startswith("service:")]
    assert set(waiting) <= {step.id}
