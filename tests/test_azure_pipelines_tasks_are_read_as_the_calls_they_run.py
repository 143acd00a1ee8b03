"""Azure Pipelines' tasks are read as what their service runs: an `AzureCLI@N` task's `inlineScript:` as the
shell or PowerShell script its `scriptType` says (`bash`, `batch`: the shell's; `ps`, `pscore`: PowerShell),
and `AzureCloudPowerShellDeployment@1` as the calls of its Publish-AzureCloudDeployment.ps1: `New-AzureService`
where the service is missing, given a `ServiceLocation` or a `NewServiceAffinityGroup`; the package uploaded to
its classic `StorageAccount`, which must exist (a storage account with a step of its own); a new deployment
where the slot holds none, else `Set-AzureDeployment -Upgrade` (`AllowUpgrade`, true unless given false), or
`Remove-AzureDeployment` and a new one."""

from __future__ import annotations

import pytest
from lint_support import lint_files, run_cli, where

from migcheck.model import Deployment, Script, ServiceRegion, StorageAccountType

SERVICE = "azure service create clisvc --location 'West US'"
PS_SERVICE = "New-AzureService -ServiceName clisvc -Location 'West US'"
CLI_TASK = """\
steps:
  - task: AzureCLI@{version}
    inputs:
      azureSubscription: classic
{script_type}      scriptLocation: inlineScript
      inlineScript: |
        {script}
"""


@pytest.mark.parametrize(
    ("version", "script_type", "script", "language"),
    [
        (1, "", SERVICE, "classic Azure CLI"),
        (2, "bash", SERVICE, "classic Azure CLI"),
        (2, "batch", SERVICE, "classic Azure CLI"),
        (2, "ps", PS_SERVICE, "classic Azure PowerShell module"),
        (2, "pscore", PS_SERVICE, "classic Azure PowerShell module"),
    ],
)
def test_an_azure_cli_task_s_inline_script_is_read_in_its_script_type(
    tmp_path, monkeypatch, version, script_type, script, language
):
    typed = f"      scriptType: {script_type}\n" if script_type else ""
    pipeline = CLI_TASK.format(version=version, script_type=typed, script=script)
    result = lint_files(tmp_path, monkeypatch, {"azure-pipelines.yml": pipeline}, "MIG601", dedent=False)
    line = 8 if script_type else 7
    assert where(result.findings) == [f"MIG601 azure-pipelines.yml:{line}:9"]
    assert language in result.findings[0].message
    document = next(d for d in result.documents if d.path == "azure-pipelines.yml")
    assert [r.service for r in document.resources if isinstance(r, ServiceRegion)] == ["clisvc"]


DEPLOYMENT = """\
    variables:
      service: shopsvc
    steps:
      - task: AzureCloudPowerShellDeployment@1
        inputs:
          azureClassicSubscription: classic
          ServiceName: $(service)
          StorageAccount: shopstore
          CsPkg: Shop/bin/Shop.cspkg
          CsCfg: Shop/ServiceConfiguration.Cloud.cscfg
    """


def _read(tmp_path, monkeypatch, more: str = ""):
    result = lint_files(
        tmp_path, monkeypatch, {"azure-pipelines.yml": DEPLOYMENT.rstrip(" ") + more}, "MIG601"
    )
    document = next(d for d in result.documents if d.path == "azure-pipelines.yml")
    calls = [c.name for r in document.resources if isinstance(r, Script) for c in r.calls]
    return document.resources, calls


def test_the_cloud_deployment_task_upgrades_the_deployment_the_slot_holds(tmp_path, monkeypatch):
    resources, calls = _read(tmp_path, monkeypatch)
    assert calls == ["Get-AzureDeployment", "New-AzureDeployment", "Set-AzureDeployment"]
    deployments = [r for r in resources if isinstance(r, Deployment)]
    assert {(d.service_name, d.slot) for d in deployments} == {("shopsvc", "Production")}
    assert not [r for r in resources if isinstance(r, ServiceRegion)]  # no location: it creates no service


def test_the_cloud_deployment_task_without_upgrades_removes_the_deployment_and_makes_it_anew(
    tmp_path, monkeypatch
):
    _, calls = _read(tmp_path, monkeypatch, "          AllowUpgrade: false\n")
    assert calls == [
        "Get-AzureDeployment",
        "New-AzureDeployment",
        "Remove-AzureDeployment",
        "New-AzureDeployment",
    ]


@pytest.mark.parametrize(
    ("inputs", "location"),
    [
        ("          ServiceLocation: West Europe\n", "West Europe"),
        ("          ServiceLocation: West Europe\n          NewServiceAffinityGroup: shop-group\n", None),
    ],
)
def test_the_cloud_deployment_task_creates_the_service_where_it_is_missing(
    tmp_path, monkeypatch, inputs, location
):
    resources, calls = _read(tmp_path, monkeypatch, inputs)
    assert calls[:2] == ["Get-AzureService", "New-AzureService"]
    regions = [(r.service, r.location) for r in resources if isinstance(r, ServiceRegion)]
    if location is not None:
        assert regions == [("shopsvc", location)]
    else:  # the affinity group is taken over the location
        assert ("shopsvc", "West Europe") not in regions


def test_the_cloud_deployment_task_s_storage_account_is_one_to_migrate(tmp_path, monkeypatch, capsys):
    resources, _ = _read(tmp_path, monkeypatch)
    accounts = [(r.name, r.mark.line, r.mark.column) for r in resources if isinstance(r, StorageAccountType)]
    assert accounts == [("shopstore", 8, 23)]
    _, out, _ = run_cli(capsys, "plan", ".")
    assert "shopstore" in out


def test_the_cloud_deployment_task_s_resource_manager_storage_account_is_none_to_migrate(
    tmp_path, monkeypatch
):
    resources, _ = _read(tmp_path, monkeypatch, "          EnableAdvancedStorageOptions: true\n")
    assert not [r for r in resources if isinstance(r, StorageAccountType)]
