"""MIG601 of a CI pipeline whose step deploys a classic cloud service itself (the AzureCloudPowerShellDeployment@1
task, AppVeyor's AzureCS provider) names that step, not the cmdlets its deployment script runs, which the file
does not contain, and tells that neither the task's version 2 nor the AzureCSExtended provider is where to go:
they deploy Cloud Services (extended support), which retires too. The calls of the scripts the file writes are
said after it, as any script's."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.retirements import CLOUD_SERVICES_CLASSIC, EXTENDED_SUPPORT_DEPRECATED, EXTENDED_SUPPORT_RETIRES

TASK = """\
steps:
- task: AzureCloudPowerShellDeployment@1
  inputs:
    azureClassicSubscription: classic-conn
    ServiceName: shop
    ServiceLocation: North Europe
    CsPkg: $(Build.ArtifactStagingDirectory)/Shop.cspkg
    CsCfg: Shop/ServiceConfiguration.Cloud.cscfg
    slotName: Staging
    AllowUpgrade: true
"""
INLINE = """\
- task: AzurePowerShell@2
  inputs:
    azureSubscription: classic-conn
    ScriptType: InlineScript
    Inline: New-AzureVM -ServiceName jump -VMs $vm
"""
APPVEYOR = """\
deploy:
  provider: AzureCS
  service: shop
  slot: Staging
  artifact: Shop.cspkg
  recreate_deployment: true
"""


def _mig601(tmp_path, monkeypatch, files):
    result = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False)
    (finding,) = result.findings
    return finding


def test_the_classic_cloud_deployment_task_is_named_and_not_its_cmdlets(tmp_path, monkeypatch):
    finding = _mig601(tmp_path, monkeypatch, {"azure-pipelines.yml": TASK})
    assert finding.message == (
        "CI pipeline 'azure-pipelines.yml' deploys classic cloud services with the "
        "AzureCloudPowerShellDeployment@1 task: it fails today, since Cloud Services (classic) was retired on "
        f"{CLOUD_SERVICES_CLASSIC}"
    )
    assert (finding.location.line, finding.location.column) == (2, 9)
    assert "AzureCloudPowerShellDeployment@2" in finding.fix
    assert (
        f"deprecated on {EXTENDED_SUPPORT_DEPRECATED} and retires on {EXTENDED_SUPPORT_RETIRES}"
        in finding.fix
    )
    assert "Azure App Service, Azure Kubernetes Service (AKS) or Virtual Machine Scale Sets" in finding.fix
    assert "Set-Azure" not in finding.fix + finding.message


def test_appveyor_s_azurecs_provider_is_named_and_the_extended_support_one_is_no_destination(
    tmp_path, monkeypatch
):
    finding = _mig601(tmp_path, monkeypatch, {"appveyor.yml": APPVEYOR})
    assert finding.message.startswith(
        "CI pipeline 'appveyor.yml' deploys classic cloud services with AppVeyor's AzureCS deployment provider: "
        "it fails today"
    )
    assert "Remove-AzureDeployment" not in finding.message
    assert (
        "Nor is AppVeyor's AzureCSExtended provider, which deploys Cloud Services (extended support)"
        in finding.fix
    )


def test_a_deployment_under_a_branch_condition_fails_whenever_it_runs(tmp_path, monkeypatch):
    finding = _mig601(tmp_path, monkeypatch, {"appveyor.yml": APPVEYOR + "  on:\n    branch: main\n"})
    assert "it fails today whenever it runs (it may not: it runs under a condition)" in finding.message


def test_the_calls_a_pipeline_s_own_script_makes_are_said_after_the_task(tmp_path, monkeypatch):
    finding = _mig601(tmp_path, monkeypatch, {"azure-pipelines.yml": TASK + INLINE})
    assert finding.message.startswith(
        "CI pipeline 'azure-pipelines.yml' deploys classic cloud services with the "
        "AzureCloudPowerShellDeployment@1 task: it fails today"
    )
    assert "; it also uses the classic Azure PowerShell module (New-AzureVM)" in finding.message
    assert "New-AzureDeployment" not in finding.message
    assert "New-AzureVM → New-AzVM" in finding.fix
