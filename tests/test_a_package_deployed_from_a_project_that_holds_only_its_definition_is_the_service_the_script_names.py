"""A script that deploys a cloud project's published package and configuration
(`New-AzureDeployment -Package .\\Proj\\bin\\Release\\app.publish\\Proj.cspkg -Configuration
.\\Proj\\bin\\Release\\app.publish\\ServiceConfiguration.Cloud.cscfg`, the Python SDK's `create_deployment` of
that file) from a project folder that holds only its .csdef (the build output, and the configuration with
it, not committed) deploys that project: one cloud service, under the script's name, with the project's
roles, where the project and the script's deployment were two services."""

from __future__ import annotations

from lint_support import lint_files, where

DEFINITION = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceDefinition name="{name}" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="MvcMusicStore" vmsize="Small">
    <Endpoints><InputEndpoint name="Http" protocol="http" port="80" /></Endpoints>
  </WebRole>
</ServiceDefinition>
"""

PUBLISHED = r"AzureCloudService\bin\Release\app.publish"
DEPLOY_PS1 = f"""\
$serviceName = "MusicStore"
New-AzureService -ServiceName $serviceName -Location "South Central US"
New-AzureDeployment -ServiceName $serviceName -Slot production `
    -Package (Resolve-Path .\\{PUBLISHED}\\AzureCloudService.cspkg) `
    -Configuration (Resolve-Path .\\{PUBLISHED}\\ServiceConfiguration.Cloud.cscfg)
"""

DEPLOY_PY = """\
import base64
import os

from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
here = os.path.dirname(__file__)
path = os.path.join(here, "AzureCloudService", "bin", "Release", "app.publish", "ServiceConfiguration.Cloud.cscfg")
configuration = base64.b64encode(open(path).read())
sms.create_deployment("MusicStore", "production", "store1", "https://a.blob.core.windows.net/p/store.cspkg",
                      "store", configuration)
"""


def _web_roles(tmp_path, monkeypatch, script: str, body: str):
    files = {
        "AzureCloudService/ServiceDefinition.csdef": DEFINITION.format(name="AzureCloudService"),
        script: body,
    }
    return lint_files(tmp_path, monkeypatch, files, "MIG101", dedent=False).findings


def test_a_powershell_deployment_of_the_published_package_is_the_project_s_service(tmp_path, monkeypatch):
    found = _web_roles(tmp_path, monkeypatch, "deploy.ps1", DEPLOY_PS1)
    assert where(found) == ["MIG101 AzureCloudService/ServiceDefinition.csdef:3:3"]
    assert "cloud service 'MusicStore' has a WebRole 'MvcMusicStore'" in found[0].message


def test_a_python_deployment_of_the_published_configuration_is_the_project_s_service(tmp_path, monkeypatch):
    found = _web_roles(tmp_path, monkeypatch, "deploy.py", DEPLOY_PY)
    assert where(found) == ["MIG101 AzureCloudService/ServiceDefinition.csdef:3:3"]
    assert "cloud service 'MusicStore' has a WebRole 'MvcMusicStore'" in found[0].message
