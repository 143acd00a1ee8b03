"""The usual staging deployment of a cloud service the script names by a parameter, `New-AzureDeployment
-ServiceName $Svc -Slot Staging`, then the VIP swap `Move-AzureDeployment -ServiceName $Svc`, then
`Remove-AzureDeployment -ServiceName $Svc -Slot Staging` (the old production), keeps the new deployment's web
and worker roles, as it does for a service the script states: the swap is of the service the same value
names, so the removal takes the old production deployment, not the new one. Python's `swap_deployment` of a
service named by `sys.argv[1]` is of the deployment `create_deployment` made under the same value, one cloud
service, not a second one of its own. (The classic CLI has no command that swaps a cloud service's slots.)"""

from __future__ import annotations

import textwrap

import pytest
from lint_support import lint_files, where

from migcheck.model import Deployment
from migcheck.readers.powershell import read

PACKAGE = '-Package "https://pkgs.blob.core.windows.net/p/shop.cspkg" -Configuration shop.cscfg'


def _staging_swap(service: str) -> str:
    return (
        f"New-AzureDeployment -ServiceName {service} -Slot Staging {PACKAGE}\n"
        f"Move-AzureDeployment -ServiceName {service}\n"
        f"Remove-AzureDeployment -ServiceName {service} -Slot Staging -Force\n"
    )


PARAMETER = "Param([Parameter(Mandatory=$True)][string]$Svc)\n"


@pytest.mark.parametrize(
    ("script", "service"),
    [
        (_staging_swap("shop"), "cloud service 'shop'"),
        (
            PARAMETER + _staging_swap("$Svc"),
            "cloud service '<cloud service name, -Svc of the script, deploy.ps1:2>'",
        ),
    ],
    ids=["stated", "a parameter"],
)
def test_the_deployment_swapped_into_production_keeps_its_web_and_worker_roles(
    tmp_path, monkeypatch, script, service
) -> None:
    found = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG101", dedent=False).findings
    line = 2 if script.startswith("Param") else 1
    assert where(found) == [f"MIG101 deploy.ps1:{line}:1"]
    assert found[0].message.startswith(service)


def test_the_swap_puts_the_new_deployment_in_production() -> None:
    script = PARAMETER + _staging_swap("$Svc").rsplit("Remove", 1)[0]
    document = read("deploy.ps1", script.encode())
    slots = [r.slot for r in document.resources if isinstance(r, Deployment)]
    assert slots == ["Production"]


def test_a_stop_of_a_vm_of_a_service_named_by_a_parameter_is_of_the_vm_the_script_creates() -> None:
    script = textwrap.dedent(
        """\
        param($svc)
        New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img | Add-AzureProvisioningConfig -Windows -AdminUsername a -Password p | New-AzureVM -ServiceName $svc -Location "West US"
        Stop-AzureVM -ServiceName $svc -Name vm1 -Force
        """
    )
    document = read("deploy.ps1", script.encode())
    deployment = next(r for r in document.resources if isinstance(r, Deployment))
    assert {i.name: i.status for i in deployment.instances} == {"vm1": "StoppedDeallocated"}


PYTHON = """\
import sys
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
svc = sys.argv[1]
sms.create_deployment(svc, "staging", "v2", "https://pkgs.blob.core.windows.net/p/shop.cspkg", "v2", "PGE+")
sms.swap_deployment(svc, "v1", "v2")
sms.delete_deployment(svc, "v1")
"""


def test_a_python_swap_is_of_the_deployment_made_under_the_same_value(tmp_path, monkeypatch, plan_of) -> None:
    found = lint_files(tmp_path, monkeypatch, {"deploy.py": PYTHON}, "MIG101", dedent=False).findings
    assert where(found) == ["MIG101 deploy.py:6:5"]
    services = [step.id for step in plan_of({"deploy.py": PYTHON}).steps]
    assert len(services) == 1, services
