"""MIG601's advice for a query of a deployment (Get-AzureDeployment, `get_deployment_by_slot`) in a script that
upgrades a package by a request of its own (a POST `.../deploymentslots/production/?comp=upgrade`, Upgrade
Deployment, from PowerShell or Python) is the platform the package's web/worker roles are rebuilt on, as
beside Set-AzureDeployment -Upgrade or `upgrade_deployment`: a VM query would find nothing there. A request a
deployment of VMs takes too (Reboot Role Instance) deploys no package, and the query stays a VM query."""

from __future__ import annotations

import pytest
from lint_support import lint_files

SLOT = "https://management.core.windows.net/sub/services/hostedservices/shop/deploymentslots/production"
SCRIPTS = {
    "up.ps1": (
        f'Invoke-RestMethod -Method Post -Uri "{SLOT}/?comp=upgrade" -Body $xml -Certificate $cert\n'
        "Get-AzureDeployment -ServiceName shop -Slot Production\n",
        "Get-AzureDeployment → Get-AzWebApp (App Service)",
    ),
    "up.py": (
        "import requests\n"
        "from azure.servicemanagement import ServiceManagementService\n"
        'sms = ServiceManagementService("sub", "c.pem")\n'
        f'requests.post("{SLOT}/?comp=upgrade", data=body, cert="c.pem")\n'
        'sms.get_deployment_by_slot("shop", "production")\n',
        "get_deployment_by_slot → WebSiteManagementClient.web_apps.get",
    ),
}


def _fix(tmp_path, monkeypatch, name: str, text: str) -> str:
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG601", dedent=False)
    (finding,) = result.findings
    return finding.fix or ""


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_a_query_beside_an_upgrade_request_moves_to_the_roles_platform(tmp_path, monkeypatch, name):
    text, replaced = SCRIPTS[name]
    fix = _fix(tmp_path, monkeypatch, name, text)
    assert replaced in fix
    assert "a migrated deployment's VMs" not in fix


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_a_query_beside_a_reboot_request_stays_a_vm_query(tmp_path, monkeypatch, name):
    text = SCRIPTS[name][0].replace("/?comp=upgrade", "/roleinstances/web1?comp=reboot")
    fix = _fix(tmp_path, monkeypatch, name, text)
    assert "a migrated deployment's VMs are in its resource group" in fix
