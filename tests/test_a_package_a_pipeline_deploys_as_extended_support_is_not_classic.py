"""A package an Azure Pipelines file deploys with `AzureCloudPowerShellDeployment@2` (Cloud Services (extended
support), through Resource Manager) is that service's extended-support configuration, not a classic cloud
service: MIG101 says it retires, and no classic network waits for it. One the pipeline also deploys with the
classic task (`@1`) stays classic."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.model import Severity

CSDEF = """\
    <?xml version="1.0" encoding="utf-8"?>
    <ServiceDefinition name="{name}" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
      <WebRole name="{role}" vmsize="Small" />
    </ServiceDefinition>
    """
CSCFG = """\
    <?xml version="1.0" encoding="utf-8"?>
    <ServiceConfiguration serviceName="{name}" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
      <Role name="{role}"><Instances count="2" /></Role>
      <NetworkConfiguration>
        <VirtualNetworkSite name="portal-vnet" />
        <AddressAssignments>
          <InstanceAddress roleName="{role}"><Subnets><Subnet name="web" /></Subnets></InstanceAddress>
        </AddressAssignments>
      </NetworkConfiguration>
    </ServiceConfiguration>
    """
EXTENDED = """\
    pool: {vmImage: windows-latest}
    steps:
    - task: AzureCloudPowerShellDeployment@2
      inputs:
        ConnectedServiceName: arm-conn
        ResourceGroupName: portal-rg
        ARMStorageAccount: portalpkgs
        ServiceName: portal-es
        ServiceLocation: westeurope
        CsPkg: portal/portal.cspkg
        CsCfg: portal/ServiceConfiguration.Cloud.cscfg
        CsDef: portal/ServiceDefinition.csdef
    """
CLASSIC = """\
    - task: AzureCloudPowerShellDeployment@1
      inputs:
        ConnectedServiceName: classic
        ServiceName: portal
        CsPkg: portal/portal.cspkg
        CsCfg: portal/ServiceConfiguration.Cloud.cscfg
    """


def _files(pipeline: str) -> dict[str, str]:
    return {
        "portal/ServiceDefinition.csdef": CSDEF.format(name="portal", role="PortalWeb"),
        "portal/ServiceConfiguration.Cloud.cscfg": CSCFG.format(name="portal", role="PortalWeb"),
        "shop/ServiceDefinition.csdef": CSDEF.format(name="shop", role="ShopWeb"),
        "shop/ServiceConfiguration.Cloud.cscfg": CSCFG.format(name="shop", role="ShopWeb"),
        "azure-pipelines.yml": pipeline,
    }


def test_the_package_the_extended_support_task_deploys_is_not_a_classic_service(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, _files(EXTENDED), "MIG101")
    by_path = {f.location.path: f for f in result.findings if f.location}
    portal = by_path["portal/ServiceDefinition.csdef"]
    assert "deployed as Cloud Services (extended support)" in portal.message
    assert "azure-pipelines.yml:3 deploys it with the AzureCloudPowerShellDeployment@2 task" in portal.message
    assert portal.severity is Severity.WARNING
    # the other package, in a folder the task does not name, is a classic service still
    assert "has a WebRole 'ShopWeb'" in by_path["shop/ServiceDefinition.csdef"].message
    assert [s.name for e in result.estates for s in e.cloud_services] == ["shop"]


def test_a_package_the_classic_task_deploys_too_stays_classic(tmp_path, monkeypatch):
    pipeline = EXTENDED.rstrip(" ") + CLASSIC
    result = lint_files(tmp_path, monkeypatch, _files(pipeline), "MIG101")
    by_path = {f.location.path: f.message for f in result.findings if f.location}
    assert "has a WebRole 'PortalWeb'" in by_path["portal/ServiceDefinition.csdef"]
    assert not [e for estate in result.estates for e in estate.extended_support]


def test_an_extended_support_task_that_never_runs_is_no_evidence(tmp_path, monkeypatch):
    pipeline = EXTENDED.replace("- task:", "- condition: false\n      task:", 1)
    result = lint_files(tmp_path, monkeypatch, _files(pipeline), "MIG101")
    assert not [e for estate in result.estates for e in estate.extended_support]


def test_the_service_appveyor_s_extended_support_provider_deploys_is_not_classic(tmp_path, monkeypatch):
    files = _files("")
    del files["azure-pipelines.yml"]
    files["appveyor.yml"] = """\
    deploy:
      provider: AzureCSExtended
      service: portal
      artifact: portal.cspkg
    """
    result = lint_files(tmp_path, monkeypatch, files, "MIG101", "MIG201")
    by_path = {f.location.path: f for f in result.findings if f.location}
    portal = by_path["portal/ServiceDefinition.csdef"]
    assert "appveyor.yml:2 deploys it with AppVeyor's AzureCSExtended provider" in portal.message
    assert portal.severity is Severity.WARNING
    assert [s.name for e in result.estates for s in e.cloud_services] == ["shop"]
