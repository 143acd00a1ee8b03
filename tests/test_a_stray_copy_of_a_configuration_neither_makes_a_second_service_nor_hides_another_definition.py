"""A copy of a project's configuration kept in a folder of its own (`Backup/<project>/ServiceConfiguration.
Cloud.cscfg`) joins the project's service: deployed under the name a publish profile or a script gives the
project's configuration, the copy is deployed with it, not a second service under the project's own name
(each MIG101 once, one plan step). Nor does it hide another folder's definition of the same service name
with no configuration beside it, which joins the project as a copy and is MIG004 where it differs."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.plan import StepKind, build_plan

DEFINITION = """\
<ServiceDefinition name="Farm" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="{role}" vmsize="Small" />
</ServiceDefinition>
"""

CONFIGURATION = """\
<ServiceConfiguration serviceName="Farm" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="ExampleWeb"><Instances count="2" /></Role>
</ServiceConfiguration>
"""

PROFILE = """\
<Project ToolsVersion="4.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup>
    <AzureHostedServiceName>farmprod</AzureHostedServiceName>
  </PropertyGroup>
</Project>
"""

SCRIPT = (
    'New-AzureDeployment -ServiceName "farmprod" -Slot Production -Package "A\\Farm.cspkg" '
    '-Configuration "A\\ServiceConfiguration.Cloud.cscfg"\n'
)

PROJECT = {
    "A/ServiceDefinition.csdef": DEFINITION.format(role="ExampleWeb"),
    "A/ServiceConfiguration.Cloud.cscfg": CONFIGURATION,
}
COPY = {"Backup/A/ServiceConfiguration.Cloud.cscfg": CONFIGURATION}
OLDER = {"B/ServiceDefinition.csdef": DEFINITION.format(role="Web")}


@pytest.mark.parametrize(
    "deploys", [{"A/Profiles/prod.azurePubxml": PROFILE}, {"deploy.ps1": SCRIPT}], ids=["profile", "script"]
)
def test_a_copy_of_a_deployed_configuration_is_deployed_with_it(tmp_path, monkeypatch, deploys) -> None:
    result = lint_files(tmp_path, monkeypatch, {**PROJECT, **COPY, **deploys}, "MIG101", dedent=False)
    assert where(result.findings) == ["MIG101 A/ServiceDefinition.csdef:2:3"]
    assert result.findings[0].message.startswith("cloud service 'farmprod' has a WebRole 'ExampleWeb'")
    assert [s.name for s in result.estate.cloud_services] == ["farmprod"]
    steps = [s for s in build_plan(result).steps if s.kind is StepKind.WEB_WORKER]
    assert [s.name for s in steps] == ["farmprod"]


@pytest.mark.parametrize("copy", [COPY, {}], ids=["with a copy", "without"])
def test_another_folder_s_definition_of_the_name_is_told_beside_a_copy(tmp_path, monkeypatch, copy) -> None:
    result = lint_files(tmp_path, monkeypatch, {**PROJECT, **copy, **OLDER}, "MIG004", "MIG101", dedent=False)
    assert sorted(where(result.findings)) == [
        "MIG004 B/ServiceDefinition.csdef:1:1",
        "MIG101 A/ServiceDefinition.csdef:2:3",
    ]
    found = next(f for f in result.findings if f.code == "MIG004")
    assert found.message.endswith("roles 'Web' / 'ExampleWeb' (here / there)")
