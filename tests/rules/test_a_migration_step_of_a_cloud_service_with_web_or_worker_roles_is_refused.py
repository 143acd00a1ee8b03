"""A runbook that takes a cloud service with web or worker roles through the migration: the platform migrates
the deployments of VMs only, and refuses such a deployment at Validate ("Migration isn't supported for
Deployment ... because it's a PaaS deployment (Web/Worker)"). MIG602 says so at the service's first step, in
every format that runs the steps, however the files show the roles."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

CSDEF = """\
<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web" vmsize="Small">
    <Endpoints><InputEndpoint name="HttpIn" protocol="http" port="80"/></Endpoints>
  </WebRole>
  <WorkerRole name="Jobs" vmsize="Small"/>
</ServiceDefinition>
"""
CSCFG = """\
<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="2"/></Role>
  <Role name="Jobs"><Instances count="1"/></Role>
  {network}
</ServiceConfiguration>
"""
PACKAGE = {
    "shop/ServiceDefinition.csdef": CSDEF,
    "shop/ServiceConfiguration.Cloud.cscfg": CSCFG.format(network=""),
}
POWERSHELL = """\
Move-AzureService -Validate -ServiceName shop -DeploymentName shop -CreateNewVirtualNetwork
Move-AzureService -Prepare -ServiceName shop -DeploymentName shop -CreateNewVirtualNetwork
Move-AzureService -Commit -ServiceName shop -DeploymentName shop
"""
SHELL = """\
#!/bin/sh
azure service deployment validate-migration shop shop new "" "" ""
azure service deployment prepare-migration shop shop new "" "" ""
azure service deployment commit-migration shop shop
"""
PYTHON = """\
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService("8c3f2a1e-5b7d-4e9a-a1c2-3d4e5f6a7b8c", "mgmt.pem")
base = "8c3f2a1e-5b7d-4e9a-a1c2-3d4e5f6a7b8c/services/hostedservices/shop/deployments/shop/migration"
sms.perform_post(base + "?comp=validate", "<PrepareDeploymentMigration/>")
sms.perform_post(base + "?comp=prepare", "<PrepareDeploymentMigration/>")
sms.perform_post(base + "?comp=commit", "")
"""
STEPS = {"migrate.ps1": (POWERSHELL, "1:1"), "migrate.sh": (SHELL, "2:1"), "migrate.py": (PYTHON, "4:5")}


def _mig602(tmp_path, monkeypatch, files: dict[str, str]):
    return lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False).findings


@pytest.mark.parametrize("script", sorted(STEPS))
def test_each_format_s_first_step_of_the_service_is_refused(tmp_path, monkeypatch, script):
    text, at = STEPS[script]
    found = _mig602(tmp_path, monkeypatch, {**PACKAGE, script: text})
    assert where(found) == [f"MIG602 {script}:{at}"]
    assert "takes cloud service 'shop', which has web or worker roles 'Web', 'Jobs'" in found[0].message
    assert "refuses one with web or worker roles as a PaaS deployment" in found[0].message
    assert found[0].fix.startswith("Take the steps of cloud service 'shop' out of the script")


def test_roles_an_export_shows_are_refused_alike_and_named(tmp_path, monkeypatch):
    export = """[
  {"ServiceName": "shop", "Slot": "Production", "DeploymentName": "shop-prod", "SdkVersion": "2.9.6",
   "RoleInstanceList": [{"RoleName": "Web", "InstanceName": "Web_IN_0", "InstanceStatus": "ReadyRole"}],
   "OperationDescription": "Get-AzureDeployment"}
]
"""
    found = _mig602(tmp_path, monkeypatch, {"deployments.json": export, "migrate.ps1": POWERSHELL})
    assert where(found) == ["MIG602 migrate.ps1:1:1"]
    assert "which has web or worker role 'Web':" in found[0].message


def test_roles_a_script_deploys_without_naming_them_are_not_named(tmp_path, monkeypatch):
    deploy = (
        "New-AzureDeployment -ServiceName shop -Slot Production -Package shop.cspkg -Configuration c.cscfg\n"
    )
    found = _mig602(tmp_path, monkeypatch, {"deploy.ps1": deploy, "migrate.ps1": POWERSHELL})
    assert where(found) == ["MIG602 migrate.ps1:1:1"]
    assert "which has web or worker roles: the platform" in found[0].message


def test_in_a_virtual_network_the_roles_are_said_not_the_network(tmp_path, monkeypatch):
    network = '<NetworkConfiguration><VirtualNetworkSite name="prod-vnet"/></NetworkConfiguration>'
    files = {**PACKAGE, "shop/ServiceConfiguration.Cloud.cscfg": CSCFG.format(network=network)}
    found = _mig602(tmp_path, monkeypatch, {**files, "migrate.ps1": POWERSHELL})
    assert where(found) == ["MIG602 migrate.ps1:1:1"]
    assert "PaaS deployment" in found[0].message and "on its own" not in found[0].message


def test_a_service_of_vms_and_one_a_deployment_body_names_are_not_reported(tmp_path, monkeypatch):
    vms = """[
  {"ServiceName": "shop", "DeploymentName": "shop", "Name": "shop01", "InstanceStatus": "ReadyRole",
   "VM": {"RoleName": "shop01", "RoleType": "PersistentVMRole", "ConfigurationSets": []},
   "OperationDescription": "Get-AzureVM"}
]
"""
    assert _mig602(tmp_path / "vms", monkeypatch, {"vms.json": vms, "migrate.ps1": POWERSHELL}) == []
    # a REST deployment body names its deployment, not the cloud service a script's steps name
    body = """<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>shop</Name>
  <RoleList><Role><RoleName>Web</RoleName><RoleType>WebRole</RoleType></Role></RoleList>
</Deployment>
"""
    assert _mig602(tmp_path / "body", monkeypatch, {"shop.xml": body, "migrate.ps1": POWERSHELL}) == []


def test_a_service_of_extended_support_has_no_classic_migration_to_refuse(tmp_path, monkeypatch):
    create = "az cloud-service create -g rg -n shop --roles Web:Standard_D1_v2:2:Standard\n"
    files = {**PACKAGE, "create.sh": create, "migrate.ps1": POWERSHELL}
    assert _mig602(tmp_path, monkeypatch, files) == []
