"""The classic App Service deployment task (AzureWebPowerShellDeployment@1, "Azure App Service Classic") of an
Azure Pipelines file runs the classic module's website cmdlets through a classic service connection
(Get-AzureWebsite and New-AzureWebsite where given a location, then Publish-AzureWebsiteProject): MIG601 says
so by the task, as it says a script's calls of those cmdlets, and names the Resource Manager tasks that deploy
a website, not the cmdlets, which the file does not contain. Beside the classic cloud deployment task both are
said."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.retirements import CLOUD_SERVICES_CLASSIC

SITE = """\
steps:
- task: AzureWebPowerShellDeployment@1
  inputs:
    ConnectedServiceName: classic-conn
    WebSiteLocation: West US
    WebSiteName: shopsite
    Package: $(Build.ArtifactStagingDirectory)/site.zip
"""
SITE_NO_LOCATION = """\
steps:
- task: AzureWebPowerShellDeployment@1
  inputs:
    ConnectedServiceName: classic-conn
    WebSiteName: shopsite
    Slot: staging
    Package: site.zip
"""
BOTH = """\
steps:
- task: AzureCloudPowerShellDeployment@1
  inputs:
    azureClassicSubscription: classic-conn
    ServiceName: shop
    CsPkg: Shop.cspkg
    CsCfg: ServiceConfiguration.Cloud.cscfg
- task: AzureWebPowerShellDeployment@1
  inputs:
    ConnectedServiceName: classic-conn
    WebSiteName: shopsite
    Package: site.zip
"""
WEBSITES = (
    "deploys App Service (websites) with the AzureWebPowerShellDeployment@1 task, which runs the classic Azure "
    "PowerShell module's website cmdlets through a classic service connection: the migration of IaaS resources "
    "does not move App Service, the classic API is deprecated, and Resource Manager manages these services"
)


def _mig601(tmp_path, monkeypatch, text):
    result = lint_files(tmp_path, monkeypatch, {"azure-pipelines.yml": text}, "MIG601", dedent=False)
    (finding,) = result.findings
    return finding


def test_the_task_is_named_with_the_tasks_that_replace_it(tmp_path, monkeypatch):
    finding = _mig601(tmp_path, monkeypatch, SITE)
    assert finding.message == f"CI pipeline 'azure-pipelines.yml' {WEBSITES}"
    assert (finding.location.line, finding.location.column) == (2, 9)
    assert "AzureWebApp@1" in finding.fix and "AzureRmWebAppDeployment@4" in finding.fix
    assert "Cloud Services" not in finding.message + finding.fix


def test_without_a_location_it_still_publishes_through_the_classic_module(tmp_path, monkeypatch):
    finding = _mig601(tmp_path, monkeypatch, SITE_NO_LOCATION)
    assert WEBSITES in finding.message


def test_beside_the_cloud_deployment_task_both_are_said(tmp_path, monkeypatch):
    finding = _mig601(tmp_path, monkeypatch, BOTH)
    assert finding.message.startswith(
        "CI pipeline 'azure-pipelines.yml' deploys classic cloud services with the "
        f"AzureCloudPowerShellDeployment@1 task: it fails today, since Cloud Services (classic) was retired on "
        f"{CLOUD_SERVICES_CLASSIC}; it also {WEBSITES}"
    )
    assert "AzureCloudPowerShellDeployment@2" in finding.fix and "AzureWebApp@1" in finding.fix
