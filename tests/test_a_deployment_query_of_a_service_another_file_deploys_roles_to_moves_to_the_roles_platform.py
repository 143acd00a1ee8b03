"""MIG601's advice for a query of a deployment (Get-AzureDeployment, `get_deployment_by_name`) in a script
that deploys no package itself, of a cloud service another file deploys a package of web/worker roles to (a
script that waits for the roles a deploy script published to be ready), is the platform those roles are
rebuilt on, as it is beside a package deploy in the same script: a VM query would find nothing there."""

from __future__ import annotations

import pytest
from lint_support import lint_files

_DEPLOY = 'New-AzureDeployment -ServiceName "contoso-web" -Slot Staging -Package $p -Configuration $c\n'
_VMS = """\
$vm = New-AzureVMConfig -Name 'app01' -InstanceSize Small -ImageName 'win2012r2' |
    Add-AzureProvisioningConfig -Windows -AdminUsername 'opsadmin' -Password 'x'
New-AzureVM -ServiceName 'contoso-web' -Location 'West Europe' -VMs $vm
"""

_QUERIES = {
    "wait.ps1": (
        '$deployment = Get-AzureDeployment -ServiceName "contoso-web" -Slot Staging\n',
        "Get-AzureDeployment → Get-AzWebApp (App Service), Get-AzContainerApp or Get-AzAksCluster",
    ),
    "wait.py": (
        "from azure.servicemanagement import ServiceManagementService\n"
        'sms = ServiceManagementService("sub", "mgmt.pem")\n'
        'sms.get_deployment_by_slot("contoso-web", "staging")\n',
        "get_deployment_by_slot → WebSiteManagementClient.web_apps.get",
    ),
}


def _fix_of(tmp_path, monkeypatch, name: str, deploy: str) -> str:
    files = {"deploy.ps1": deploy, name: _QUERIES[name][0]}
    result = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False)
    (finding,) = [f for f in result.findings if f.mark.path.endswith(name)]
    return finding.fix or ""


@pytest.mark.parametrize("name", sorted(_QUERIES))
def test_a_query_of_a_service_another_file_deploys_a_package_to_moves_to_the_roles_platform(
    tmp_path, monkeypatch, name
):
    fix = _fix_of(tmp_path, monkeypatch, name, _DEPLOY)
    assert _QUERIES[name][1] in fix
    assert "a migrated deployment's VMs" not in fix


@pytest.mark.parametrize("name", sorted(_QUERIES))
def test_a_query_of_a_service_of_vms_moves_to_its_vms(tmp_path, monkeypatch, name):
    fix = _fix_of(tmp_path, monkeypatch, name, _VMS)
    assert "a migrated deployment's VMs are in its resource group" in fix


_VMS_ELSEWHERE = _VMS.replace("contoso-web", "contoso-vms")
_BOTH = {
    "wait.ps1": (
        'Get-AzureDeployment -ServiceName "contoso-vms"\n'
        'Get-AzureDeployment -ServiceName "contoso-web" -Slot Production\n',
        "Get-AzureDeployment of 'contoso-vms' → Get-AzVM -ResourceGroupName",
        "Get-AzureDeployment of 'contoso-web' → Get-AzWebApp (App Service)",
    ),
    "wait.py": (
        "from azure.servicemanagement import ServiceManagementService\n"
        'sms = ServiceManagementService("sub", "mgmt.pem")\n'
        'sms.get_deployment_by_name("contoso-vms", "contoso-vms")\n'
        'sms.get_deployment_by_name("contoso-web", "production")\n',
        "get_deployment_by_name of 'contoso-vms' → ComputeManagementClient.virtual_machines",
        "get_deployment_by_name of 'contoso-web' → WebSiteManagementClient.web_apps.get",
    ),
}


@pytest.mark.parametrize("name", sorted(_BOTH))
def test_a_script_that_waits_for_a_service_of_vms_and_one_of_roles_is_told_both_replacements(
    tmp_path, monkeypatch, name
):
    files = {"deploy.ps1": _DEPLOY, "vms.ps1": _VMS_ELSEWHERE, name: _BOTH[name][0]}
    result = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False)
    (finding,) = [f for f in result.findings if f.mark.path.endswith(name)]
    assert _BOTH[name][1] in (finding.fix or "")
    assert _BOTH[name][2] in (finding.fix or "")


def test_a_script_that_deploys_a_package_and_queries_a_service_of_vms_is_told_the_vm_query(
    tmp_path, monkeypatch
):
    script = _DEPLOY + 'Get-AzureDeployment -ServiceName "contoso-vms"\n'
    files = {"vms.ps1": _VMS_ELSEWHERE, "deploy.ps1": script}
    result = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False)
    (finding,) = [f for f in result.findings if f.mark.path.endswith("deploy.ps1")]
    assert "Get-AzureDeployment → Get-AzVM -ResourceGroupName" in (finding.fix or "")
