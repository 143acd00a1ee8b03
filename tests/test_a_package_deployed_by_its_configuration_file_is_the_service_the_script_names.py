"""A script that deploys a cloud project's package by naming one of the project's configuration files
(`New-AzureDeployment -ServiceName ILL-demo -Configuration .\\Web\\bin\\Release\\app.publish\\...cscfg`,
`create_deployment(..., b64encode(open(path).read()))`) deploys that project: the service is the one the
script names, and the project's name (its .csdef's and .cscfg's) is the project's, not the service's. One
cloud service, whose web role is reported once, at the .csdef, under the script's name."""

from __future__ import annotations

from lint_support import lint_files, run_cli, where

DEFINITION = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceDefinition name="{name}" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="DemoApplication" vmsize="Small">
    <Endpoints><InputEndpoint name="Http" protocol="http" port="80" /></Endpoints>
  </WebRole>
</ServiceDefinition>
"""

CONFIGURATION = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="{name}" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="DemoApplication"><Instances count="1" /></Role>
</ServiceConfiguration>
"""


def project(name: str) -> dict[str, str]:
    return {
        f"{name}/ServiceDefinition.csdef": DEFINITION.format(name=name),
        f"{name}/ServiceConfiguration.Cloud.cscfg": CONFIGURATION.format(name=name),
    }


PUBLISHED = r"CloudServiceWithLB\bin\Release\app.publish"
DEPLOY_PS1 = f"""\
$serviceName = "ILL-demo"
New-AzureService -ServiceName $serviceName -Location "South Central US"
New-AzureDeployment -ServiceName $serviceName -Slot production `
    -Package (Resolve-Path .\\{PUBLISHED}\\CloudServiceWithLB.cspkg) `
    -Configuration (Resolve-Path .\\{PUBLISHED}\\ServiceConfiguration.Cloud.cscfg)
"""
DIAGNOSTICS_PS1 = """\
Set-AzureServiceDiagnosticsExtension -DiagnosticsConfigurationPath .\\wad.xml -ServiceName "ILL-demo" -Slot Production
"""


def web_roles(tmp_path, monkeypatch, files):
    return lint_files(tmp_path, monkeypatch, files, "MIG101", dedent=False).findings


def test_the_published_configuration_a_script_deploys_makes_the_project_the_script_s_service(
    tmp_path, monkeypatch, capsys
):
    files = {**project("CloudServiceWithLB"), "deploy.ps1": DEPLOY_PS1, "EnableWAD.ps1": DIAGNOSTICS_PS1}
    found = web_roles(tmp_path, monkeypatch, files)
    assert where(found) == ["MIG101 CloudServiceWithLB/ServiceDefinition.csdef:3:3"]
    assert "cloud service 'ILL-demo' has a WebRole 'DemoApplication'" in found[0].message
    _, out, _ = run_cli(capsys, "plan", ".")
    assert out.count("Cloud service with web/worker roles") == 1
    assert "Cloud service with web/worker roles (not migrated by this process): ILL-demo" in out


def test_a_path_from_the_script_s_own_folder_names_the_project(tmp_path, monkeypatch):
    script = """\
New-AzureDeployment -ServiceName "contoso-web" -Slot Production -Package "$PSScriptRoot\\..\\pkg\\Shop.cspkg" `
    -Configuration "$PSScriptRoot\\..\\Shop\\ServiceConfiguration.Cloud.cscfg"
Set-AzureDeployment -Upgrade -ServiceName "contoso-web" -Slot Production -Package .\\Shop.cspkg `
    -Configuration (Join-Path $PSScriptRoot '..\\Shop\\ServiceConfiguration.Cloud.cscfg')
"""
    files = {**project("Shop"), **project("Other"), "scripts/deploy.ps1": script}
    found = web_roles(tmp_path, monkeypatch, files)
    assert where(found) == [
        "MIG101 Other/ServiceDefinition.csdef:3:3",
        "MIG101 Shop/ServiceDefinition.csdef:3:3",
    ]
    assert "cloud service 'contoso-web'" in found[1].message
    assert "cloud service 'Other'" in found[0].message  # a project no script deploys keeps its name


def test_a_path_from_the_folder_the_script_is_run_from_names_the_project_whose_path_ends_so(
    tmp_path, monkeypatch
):
    script = f"""\
New-AzureDeployment -ServiceName "ILL-demo" -Slot Production -Package .\\Shop.cspkg `
    -Configuration .\\{PUBLISHED}\\ServiceConfiguration.Cloud.cscfg
"""
    files = {**project("CloudServiceWithLB"), **project("Other"), "scripts/deploy.ps1": script}
    found = web_roles(tmp_path, monkeypatch, files)
    assert where(found) == [
        "MIG101 CloudServiceWithLB/ServiceDefinition.csdef:3:3",
        "MIG101 Other/ServiceDefinition.csdef:3:3",
    ]
    assert "cloud service 'ILL-demo'" in found[0].message


def test_a_script_that_does_not_state_the_service_s_name_deploys_the_project_all_the_same(
    tmp_path, monkeypatch
):
    script = """\
param($serviceName)
New-AzureDeployment -ServiceName $serviceName -Slot Production -Package .\\Shop.cspkg `
    -Configuration .\\Shop\\ServiceConfiguration.Cloud.cscfg
"""
    found = web_roles(tmp_path, monkeypatch, {**project("Shop"), "deploy.ps1": script})
    assert where(found) == ["MIG101 Shop/ServiceDefinition.csdef:3:3"]
    assert (
        "cloud service '<cloud service name, -serviceName of the script, deploy.ps1:2>'" in found[0].message
    )


def test_a_python_deployment_of_a_configuration_it_reads_from_the_project(tmp_path, monkeypatch):
    script = """\
import base64
import os

from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
here = os.path.dirname(__file__)
path = os.path.join(here, "..", "Shop", "ServiceConfiguration.Cloud.cscfg")
configuration = base64.b64encode(open(path).read())
sms.create_deployment("contoso-shop", "production", "shop1", "https://a.blob.core.windows.net/p/Shop.cspkg",
                      "shop", configuration)
"""
    found = web_roles(tmp_path, monkeypatch, {**project("Shop"), "tools/deploy.py": script})
    assert where(found) == ["MIG101 Shop/ServiceDefinition.csdef:3:3"]
    assert "cloud service 'contoso-shop'" in found[0].message


def test_a_configuration_named_by_its_file_name_alone_is_the_one_checked_file_of_that_name(
    tmp_path, monkeypatch
):
    script = """\
New-AzureDeployment -ServiceName "contoso-web" -Slot Production -Package C:\\build\\Shop.cspkg `
    -Configuration C:\\build\\ServiceConfiguration.Cloud.cscfg
"""
    found = web_roles(tmp_path, monkeypatch, {**project("Shop"), "deploy.ps1": script})
    assert where(found) == ["MIG101 Shop/ServiceDefinition.csdef:3:3"]
    assert "cloud service 'contoso-web'" in found[0].message


def test_a_file_name_two_projects_give_their_configurations_names_neither(tmp_path, monkeypatch):
    script = """\
New-AzureDeployment -ServiceName "contoso-web" -Slot Production -Package C:\\build\\Shop.cspkg `
    -Configuration C:\\build\\ServiceConfiguration.Cloud.cscfg
"""
    files = {**project("Shop"), **project("Other"), "deploy.ps1": script}
    found = web_roles(tmp_path, monkeypatch, files)
    assert where(found) == [
        "MIG101 Other/ServiceDefinition.csdef:3:3",
        "MIG101 Shop/ServiceDefinition.csdef:3:3",
        "MIG101 deploy.ps1:1:1",
    ]
    assert "cloud service 'contoso-web'" in found[2].message
