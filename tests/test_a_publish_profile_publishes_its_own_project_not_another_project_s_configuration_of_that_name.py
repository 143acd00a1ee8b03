"""A Visual Studio publish profile (`<project>/Profiles/*.azurePubxml`) publishes the configuration of its own
project, `<project>/ServiceConfiguration.Cloud.cscfg`: a path from its own folder, not from a folder a script
may be run in. Where that file is not read (kept out of the repository, or not well-formed: a placeholder
`value="<your_key>"`), the profile is still its project's, whose definition is in that folder; another
project's configuration of the same name is not it. It was: the profile's cloud service took the other
project's roles, and its own project kept the definition's name."""

from __future__ import annotations

from lint_support import lint_files

CSDEF = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceDefinition name="PoolMonitoring" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="PoolWeb" vmsize="Small" />
</ServiceDefinition>
"""
BROKEN_CSCFG = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="PoolMonitoring" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="PoolWeb"><Instances count="1" /><ConfigurationSettings><Setting name="c" value="<your_key>" />
  </ConfigurationSettings></Role>
</ServiceConfiguration>
"""
PROFILE = """\
<?xml version="1.0" encoding="utf-8"?>
<Project ToolsVersion="12.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup>
    <AzureSlot>Production</AzureSlot>
    <AzureHostedServiceName>poolmon-prod</AzureHostedServiceName>
    <AzureServiceConfiguration>Cloud</AzureServiceConfiguration>
  </PropertyGroup>
</Project>
"""
OTHER_CSDEF = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceDefinition name="PythonRole" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WorkerRole name="Worker" vmsize="Small" />
</ServiceDefinition>
"""
OTHER_CSCFG = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="PythonRole" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Worker"><Instances count="1" /></Role>
</ServiceConfiguration>
"""


def _services_of_roles(files: dict[str, str], tmp_path, monkeypatch) -> list[tuple[str, int, str]]:
    result = lint_files(tmp_path, monkeypatch, files, "MIG101")
    mig101 = [f for f in result.findings if f.code == "MIG101"]
    return sorted((f.location.path, f.location.line, f.message.split("'")[1]) for f in mig101)


def test_a_profile_whose_configuration_does_not_parse_publishes_its_own_project(tmp_path, monkeypatch):
    files = {
        "pool/ServiceDefinition.csdef": CSDEF,
        "pool/ServiceConfiguration.Cloud.cscfg": BROKEN_CSCFG,
        "pool/Profiles/prod.azurePubxml": PROFILE,
        "python/ServiceDefinition.csdef": OTHER_CSDEF,
        "python/ServiceConfiguration.Cloud.cscfg": OTHER_CSCFG,
    }
    assert _services_of_roles(files, tmp_path, monkeypatch) == [
        ("pool/ServiceDefinition.csdef", 3, "poolmon-prod"),
        ("python/ServiceDefinition.csdef", 3, "PythonRole"),
    ]


def test_a_profile_whose_configuration_is_not_committed_publishes_its_own_project(tmp_path, monkeypatch):
    files = {
        "pool/ServiceDefinition.csdef": CSDEF,
        "pool/Profiles/prod.azurePubxml": PROFILE,
        "python/ServiceDefinition.csdef": OTHER_CSDEF,
        "python/ServiceConfiguration.Cloud.cscfg": OTHER_CSCFG,
    }
    assert _services_of_roles(files, tmp_path, monkeypatch) == [
        ("pool/ServiceDefinition.csdef", 3, "poolmon-prod"),
        ("python/ServiceDefinition.csdef", 3, "PythonRole"),
    ]


SLOT = """\
resource slot 'Microsoft.ClassicCompute/domainNames/slots@2016-11-01' = {
  name: 'poolmon-prod/Production'
  properties: {
    packageLink: { uri: 'https://acct.blob.core.windows.net/pkg/pool.cspkg' }
    configuration: loadTextContent('ServiceConfiguration.Cloud.cscfg')
  }
}
"""


def test_a_template_slot_whose_loaded_configuration_does_not_parse_deploys_its_own_project(
    tmp_path, monkeypatch
):
    files = {
        "pool/ServiceDefinition.csdef": CSDEF,
        "pool/ServiceConfiguration.Cloud.cscfg": BROKEN_CSCFG,
        "pool/main.bicep": SLOT,
        "python/ServiceDefinition.csdef": OTHER_CSDEF,
        "python/ServiceConfiguration.Cloud.cscfg": OTHER_CSCFG,
    }
    assert _services_of_roles(files, tmp_path, monkeypatch) == [
        ("pool/ServiceDefinition.csdef", 3, "poolmon-prod"),
        ("python/ServiceDefinition.csdef", 3, "PythonRole"),
    ]
