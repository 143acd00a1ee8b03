"""A cloud service project two scripts deploy, each under a service name it does not state (a parameter), is
two services, each made of the project's roles: the second is reported at the project's role as the first
is. The second stayed apart, a service whose web or worker roles the files do not name."""

from __future__ import annotations

from lint_support import lint_files

CSDEF = """\
<ServiceDefinition name="WebProj" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Frontend" vmsize="Small">
    <Endpoints><InputEndpoint name="http" protocol="http" port="80" /></Endpoints>
  </WebRole>
</ServiceDefinition>
"""
CSCFG = """\
<ServiceConfiguration serviceName="WebProj"
    xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Frontend"><Instances count="2" /></Role>
</ServiceConfiguration>
"""
DEPLOY = """\
param([string] ${name})
New-AzureDeployment -ServiceName ${name} -Slot Production -Package .\\Web\\WebProj.cspkg `
  -Configuration .\\Web\\ServiceConfiguration.Cloud.cscfg
"""
FILES = {
    "Web/ServiceDefinition.csdef": CSDEF,
    "Web/ServiceConfiguration.Cloud.cscfg": CSCFG,
    "deploy-a.ps1": DEPLOY.replace("{name}", "ServiceName"),
    "deploy-b.ps1": DEPLOY.replace("{name}", "QaService"),
}


def test_each_service_has_the_project_s_role(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, FILES, "MIG101", dedent=False)
    said = sorted((f.mark.path, f.message.split("'")[1]) for f in result.findings if f.code == "MIG101")
    assert said == [
        ("Web/ServiceDefinition.csdef", "<cloud service name, -QaService of the script, deploy-b.ps1:2>"),
        ("Web/ServiceDefinition.csdef", "<cloud service name, -ServiceName of the script, deploy-a.ps1:2>"),
    ]


def test_one_script_deploying_it_to_two_slots_under_one_value_is_one_service(tmp_path, monkeypatch):
    staging = DEPLOY.replace("{name}", "ServiceName").replace("Production", "Staging")
    files = {**FILES, "deploy-b.ps1": staging + DEPLOY.replace("{name}", "ServiceName").split("\n", 1)[1]}
    result = lint_files(tmp_path, monkeypatch, files, "MIG101", dedent=False)
    services = {f.message.split("'")[1] for f in result.findings if f.code == "MIG101"}
    assert services == {
        "<cloud service name, -ServiceName of the script, deploy-a.ps1:2>",
        "<cloud service name, -ServiceName of the script, deploy-b.ps1:2>",
    }
