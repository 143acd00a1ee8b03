"""MIG101 of the package a CI pipeline's step deploys itself (the AzureCloudPowerShellDeployment@1 task,
AppVeyor's AzureCS provider) says the roles were deployed by that step, not by New-AzureDeployment: the cmdlet
of the script the step is read as, which the pipeline file does not contain and its reader would look for in
vain. A New-AzureDeployment the pipeline's own inline script calls is still named."""

from __future__ import annotations

import pytest
from lint_support import lint_files

TASK = """\
steps:
- task: AzureCloudPowerShellDeployment@1
  inputs:
    azureClassicSubscription: classic-conn
    StorageAccount: shopstore
    ServiceName: shop
    ServiceLocation: West US
    CsPkg: '**/*.cspkg'
    CsCfg: '**/ServiceConfiguration.Cloud.cscfg'
    slotName: Production
"""
APPVEYOR = """\
-
  branches:
    only:
      - master
  build:
    publish_azure: true
  deploy:
    provider: AzureCS
    storage_account_name: shopstore
    service: shop
    slot: production
    artifact: Shop.cspkg
-
  configuration: Debug
"""
INLINE = """\
steps:
- task: AzurePowerShell@2
  inputs:
    azureSubscription: classic-conn
    ScriptType: InlineScript
    Inline: New-AzureDeployment -ServiceName shop -Slot Production -Package shop.cspkg -Configuration c.cscfg
"""


def _mig101(tmp_path, monkeypatch, files):
    result = lint_files(tmp_path, monkeypatch, files, "MIG101", dedent=False)
    (finding,) = result.findings
    return finding


@pytest.mark.parametrize(
    ("name", "text", "step", "at"),
    [
        ("azure-pipelines.yml", TASK, "the AzureCloudPowerShellDeployment@1 task", (2, 9)),
        ("appveyor.yml", APPVEYOR, "AppVeyor's AzureCS deployment provider", (8, 15)),
    ],
)
def test_the_step_that_deploys_the_package_is_named(tmp_path, monkeypatch, name, text, step, at):
    finding = _mig101(tmp_path, monkeypatch, {name: text})
    assert f"(deployed from a service package by {step}, and packages hold web and worker roles only)" in (
        finding.message
    )
    assert "New-AzureDeployment" not in finding.message
    assert (finding.location.line, finding.location.column) == at


def test_a_new_azuredeployment_the_pipeline_s_script_calls_is_named(tmp_path, monkeypatch):
    finding = _mig101(tmp_path, monkeypatch, {"azure-pipelines.yml": INLINE})
    assert "deployed from a service package by New-AzureDeployment" in finding.message
