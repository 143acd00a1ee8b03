"""A file an Azure Pipelines task names from the folder the service checks the repository out to
(`$(Build.SourcesDirectory)`, `$(System.DefaultWorkingDirectory)`, `$(Build.Repository.LocalPath)`) is the
repository's file, as a relative path names it (a script's `$GITHUB_WORKSPACE/...`, `$CI_PROJECT_DIR/...`
name it by the path's end). So the configuration the cloud deployment task deploys is that file: its web
role's network holds the pipeline's VM too (MIG104). The agent's workspace is the folder above the checkout."""

from __future__ import annotations

import pytest
from lint_support import lint_files

CSDEF = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceDefinition name="portal" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="PortalWeb" vmsize="Small" />
</ServiceDefinition>
"""
LOCAL_CSCFG = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="portal" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="PortalWeb"><Instances count="2" /></Role>
  <NetworkConfiguration>
    <VirtualNetworkSite name="shared-vnet" />
    <AddressAssignments>
      <InstanceAddress roleName="PortalWeb"><Subnets><Subnet name="web" /></Subnets></InstanceAddress>
    </AddressAssignments>
  </NetworkConfiguration>
</ServiceConfiguration>
"""
VM = (
    'New-AzureQuickVM -Windows -ServiceName "portal-sql" -Name "sql01" -ImageName $img -AdminUsername dba '
    '-Password $pw -VNetName "shared-vnet" -SubnetNames "data" -Location "West Europe"'
)
AZURE = f"""\
steps:
- powershell: '{VM}'
- task: AzureCloudPowerShellDeployment@1
  inputs:
    azureClassicSubscription: classic-conn
    ServiceName: portal
    CsPkg: portal.cspkg
    CsCfg: {{path}}
"""


def _holds_roles_and_vms(tmp_path, monkeypatch, pipeline_path: str, pipeline: str) -> bool:
    files = {
        "pkg/ServiceDefinition.csdef": CSDEF,
        "pkg/ServiceConfiguration.Local.cscfg": LOCAL_CSCFG,
        pipeline_path: pipeline,
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG104", dedent=False)
    return any("shared-vnet" in f.message for f in result.findings)


@pytest.mark.parametrize(
    "root",
    ["$(Build.SourcesDirectory)/", "$(System.DefaultWorkingDirectory)/", "$(build.repository.localpath)\\\\"],
)
def test_an_azure_pipelines_checkout_variable_is_the_repository_s_root(tmp_path, monkeypatch, root):
    pipeline = AZURE.format(path=f"{root}pkg/ServiceConfiguration.Local.cscfg")
    assert _holds_roles_and_vms(tmp_path, monkeypatch, "azure-pipelines.yml", pipeline)


def test_the_agent_s_workspace_is_not_the_checkout(tmp_path, monkeypatch):
    pipeline = AZURE.format(path="$(Pipeline.Workspace)/pkg/ServiceConfiguration.Local.cscfg")
    assert not _holds_roles_and_vms(tmp_path, monkeypatch, "azure-pipelines.yml", pipeline)
