"""A script that deploys a package by its path (`New-AzureDeployment -Package .\\Proj\\bin\\Release\\app.publish\\
Proj.cspkg`) with a configuration it does not state (`-Configuration $cfg`, a parameter) deploys the project
the package is published from: Visual Studio publishes a cloud project's package into its own
`bin/<configuration>/app.publish`. The deployment is that project's service, under the name the script gives
it, with the project's roles, as where the script names the configuration file; it was a second service of
roles the files do not name beside the project's."""

from __future__ import annotations

import pytest
from lint_support import lint_files

DEFINITION = """\
<ServiceDefinition name="Proj" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="WebRole1" vmsize="Small">
    <Endpoints><InputEndpoint name="Http" protocol="http" port="80" /></Endpoints>
  </WebRole>
</ServiceDefinition>
"""

CONFIGURATION = """\
<ServiceConfiguration serviceName="Proj" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="WebRole1"><Instances count="1" /></Role>
</ServiceConfiguration>
"""

PROJECT = {"Proj/ServiceDefinition.csdef": DEFINITION, "Proj/ServiceConfiguration.Cloud.cscfg": CONFIGURATION}


def _services(tmp_path, monkeypatch: pytest.MonkeyPatch, script: str) -> list[tuple[str, list[str]]]:
    result = lint_files(tmp_path, monkeypatch, {**PROJECT, "deploy.ps1": script}, "MIG101", dedent=False)
    services = [s for estate in result.estates for s in estate.cloud_services]
    return sorted((s.name, sorted(r.name for r in s.roles)) for s in services)


@pytest.mark.parametrize(
    "call",
    [
        "New-AzureDeployment -ServiceName shop -Slot Production -Package {package} -Configuration $cfg",
        "Set-AzureDeployment -Upgrade -ServiceName shop -Slot Production -Package {package} -Configuration $cfg",
        "New-AzureDeployment -ServiceName shop -Package (Join-Path $PSScriptRoot '{package}') -Configuration $cfg",
    ],
)
def test_the_deployment_is_the_project_s_service_under_the_script_s_name(
    tmp_path, monkeypatch: pytest.MonkeyPatch, call: str
) -> None:
    package = r".\Proj\bin\Release\app.publish\Proj.cspkg"
    script = "param($cfg)\n" + call.format(package=package) + "\n"
    assert _services(tmp_path, monkeypatch, script) == [("shop", ["WebRole1"])]


def test_a_package_from_a_folder_of_no_project_leaves_the_project_alone(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = "param($cfg)\nNew-AzureDeployment -ServiceName shop -Package .\\out\\Other.cspkg -Configuration $cfg\n"
    services = _services(tmp_path, monkeypatch, script)
    assert [name for name, _ in services] == ["Proj", "shop"]
    assert dict(services)["Proj"] == ["WebRole1"]
