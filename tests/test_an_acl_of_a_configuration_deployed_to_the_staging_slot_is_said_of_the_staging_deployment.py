"""A project's configuration that a publish profile (`AzureSlot` Staging) or a script
(`New-AzureDeployment -Slot Staging -Configuration ...`, `create_deployment(service, 'staging', ...)`)
deploys to the Staging slot configures the staging deployment: MIG201 on an endpoint ACL it holds says so,
where a user reading the service's name looks at its production deployment first."""

from __future__ import annotations

import pytest
from lint_support import lint_files

CSDEF = """\
<ServiceDefinition name="ContosoApi" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="ApiWeb" vmsize="Small"><Endpoints><InputEndpoint name="Http" protocol="http" port="80" /></Endpoints></WebRole>
</ServiceDefinition>
"""
CSCFG = """\
<ServiceConfiguration serviceName="ContosoApi" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="ApiWeb"><Instances count="1" /></Role>
  <NetworkConfiguration>
    <AccessControls><AccessControl name="testers">
      <Rule action="permit" description="testers" order="1" remoteSubnet="10.0.0.0/8" />
    </AccessControl></AccessControls>
    <EndpointAcls><EndpointAcl role="ApiWeb" endPoint="Http" accessControl="testers" /></EndpointAcls>
  </NetworkConfiguration>
</ServiceConfiguration>
"""


def profile(slot: str) -> str:
    return f"""\
<Project ToolsVersion="12.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup>
    <AzureSlot>{slot}</AzureSlot>
    <AzureHostedServiceName>contoso-api</AzureHostedServiceName>
    <AzureServiceConfiguration>Staging</AzureServiceConfiguration>
  </PropertyGroup>
</Project>
"""


def powershell(slot: str) -> str:
    return (
        f"New-AzureDeployment -ServiceName 'contoso-api' -Slot {slot} -Package .\\Api.cspkg "
        "-Configuration .\\Api\\ServiceConfiguration.Staging.cscfg\n"
    )


def python(slot: str) -> str:
    return f"""\
import base64
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
configuration = base64.b64encode(open("Api/ServiceConfiguration.Staging.cscfg").read())
sms.create_deployment("contoso-api", "{slot.lower()}", "api1", "https://a.blob.core.windows.net/p/Api.cspkg", "api", configuration)
"""


DEPLOYMENTS = {
    "publish profile": ("Api/Profiles/staging.azurePubxml", profile),
    "powershell": ("deploy.ps1", powershell),
    "python sdk": ("deploy.py", python),
}


def _acl_message(tmp_path, monkeypatch, case: str, slot: str) -> str:
    path, deployment = DEPLOYMENTS[case]
    files = {
        "Api/ServiceDefinition.csdef": CSDEF,
        "Api/ServiceConfiguration.Staging.cscfg": CSCFG,
        path: deployment(slot),
    }
    (finding,) = lint_files(tmp_path, monkeypatch, files, "MIG201", dedent=False).findings
    return finding.message


@pytest.mark.parametrize("case", DEPLOYMENTS)
def test_an_acl_of_the_staging_deployment_says_so(tmp_path, monkeypatch, case):
    message = _acl_message(tmp_path, monkeypatch, case, "Staging")
    assert message.startswith(
        "endpoint 'Http' of WebRole 'ApiWeb' in the staging deployment of cloud service 'contoso-api' has "
        "access control list 'testers'"
    )


@pytest.mark.parametrize("case", DEPLOYMENTS)
def test_an_acl_of_the_production_deployment_names_the_service_alone(tmp_path, monkeypatch, case):
    message = _acl_message(tmp_path, monkeypatch, case, "Production")
    assert message.startswith("endpoint 'Http' of WebRole 'ApiWeb' in cloud service 'contoso-api' has")


def test_a_production_and_a_staging_profile_say_the_acl_of_each_deployment(tmp_path, monkeypatch):
    files = {
        "Api/ServiceDefinition.csdef": CSDEF,
        "Api/ServiceConfiguration.Staging.cscfg": CSCFG,
        "Api/Profiles/production.azurePubxml": profile("Production"),
        "Api/Profiles/staging.azurePubxml": profile("Staging"),
    }
    findings = lint_files(tmp_path, monkeypatch, files, "MIG201", dedent=False).findings
    assert sorted(f.message.split(" has ")[0] for f in findings) == [
        "endpoint 'Http' of WebRole 'ApiWeb' in cloud service 'contoso-api'",
        "endpoint 'Http' of WebRole 'ApiWeb' in the staging deployment of cloud service 'contoso-api'",
    ]
