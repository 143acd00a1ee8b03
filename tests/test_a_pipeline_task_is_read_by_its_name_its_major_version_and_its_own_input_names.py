"""An Azure Pipelines task is read by its name and its major version, with the input names and aliases its
task.json gives: `AzureCloudPowerShellDeployment@1` deploys a classic cloud service, `@2` deploys Cloud
Services (extended support) through Resource Manager and is nothing classic, nor is a version not known;
`slotName` is the `Slot` input's alias; PowerShell@1 holds its inline script in `inlineScript`."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import Deployment, Script

CLOUD_DEPLOYMENT = """\
steps:
- task: AzureCloudPowerShellDeployment@{version}
  inputs:
    ARMConnectedServiceName: contoso-arm
    ResourceGroupName: contoso-rg
    ARMStorageAccount: contosostore
    ServiceName: contoso-cses
    ServiceLocation: westeurope
    CsCfg: ServiceConfiguration.Cloud.cscfg
    CsDef: ServiceDefinition.csdef
    CsPkg: Contoso.cspkg
{more}"""


def _pipeline(tmp_path, monkeypatch, text: str, *codes: str):
    result = lint_files(tmp_path, monkeypatch, {"azure-pipelines.yml": text}, *codes, dedent=False)
    document = next(d for d in result.documents if d.path == "azure-pipelines.yml")
    return result, document.resources


@pytest.mark.parametrize("version", ["2", "3", ""])
def test_the_extended_support_deployment_task_deploys_nothing_classic(tmp_path, monkeypatch, version):
    called = f"AzureCloudPowerShellDeployment@{version}" if version else "AzureCloudPowerShellDeployment"
    text = CLOUD_DEPLOYMENT.format(version="1", more="").replace("AzureCloudPowerShellDeployment@1", called)
    result, resources = _pipeline(tmp_path, monkeypatch, text)
    # Nothing classic: at most the retirement of the service of extended support it deploys (MIG101).
    said = [f for f in result.findings if "runs on Cloud Services (extended support)" in f.message]
    assert (
        where(result.findings)
        == where(said)
        == (["MIG101 azure-pipelines.yml:2:9"] if version == "2" else [])
    )
    assert not [r for r in resources if isinstance(r, Deployment | Script)]


def test_the_classic_deployment_task_deploys_its_cloud_service(tmp_path, monkeypatch):
    text = CLOUD_DEPLOYMENT.format(version="1", more="")
    result, resources = _pipeline(tmp_path, monkeypatch, text, "MIG601")
    assert where(result.findings) == ["MIG601 azure-pipelines.yml:2:9"]
    assert [(r.service_name, r.slot) for r in resources if isinstance(r, Deployment)] == [
        ("contoso-cses", "Production")
    ]


@pytest.mark.parametrize("slot_input", ["slotName", "Slot", "SLOTNAME"])
def test_the_classic_deployment_task_deploys_to_the_slot_its_input_or_alias_names(
    tmp_path, monkeypatch, slot_input
):
    text = CLOUD_DEPLOYMENT.format(version="1", more=f"    {slot_input}: Staging\n")
    _, resources = _pipeline(tmp_path, monkeypatch, text, "MIG601")
    assert [(r.service_name, r.slot) for r in resources if isinstance(r, Deployment)] == [
        ("contoso-cses", "Staging")
    ]


def test_a_powershell_1_task_s_inline_script_is_read(tmp_path, monkeypatch):
    text = (
        "steps:\n- task: PowerShell@1\n  inputs:\n    scriptType: inlineScript\n"
        "    inlineScript: |\n      New-AzureService -ServiceName mysvc -Location 'West US'\n"
    )
    result, _ = _pipeline(tmp_path, monkeypatch, text, "MIG601")
    assert where(result.findings) == ["MIG601 azure-pipelines.yml:6:7"]
