"""A CI pipeline's steps that run the classic CLI or the classic cmdlets (GitHub Actions, Azure Pipelines,
GitLab CI, Travis CI, AppVeyor, Bitbucket Pipelines, CircleCI) are read as the scripts they are, each call
shown where the pipeline's YAML writes it; a pipeline of Resource Manager commands describes nothing."""

from __future__ import annotations

import pytest
from lint_support import lint_files, run_cli, where

from migcheck.model import Deployment

SERVICE = "azure service create mysvc --location 'West US'"
PS_SERVICE = "New-AzureService -ServiceName mysvc -Location 'West US'"
# Each pipeline, and where its classic call is written (line, column).
PIPELINES = {
    "azure-pipelines.yml": (f"steps:\n  - script: |\n      azure config mode asm\n      {SERVICE}\n", "4:7"),
    ".travis.yml": (f"script:\n  - azure config mode asm\n  - {SERVICE}\n", "3:5"),
    ".gitlab-ci.yml": (f"deploy:\n  script:\n    - azure config mode asm\n    - {SERVICE}\n", "4:7"),
    "bitbucket-pipelines.yml": (
        f"pipelines:\n  default:\n    - step:\n        script:\n          - azure config mode asm\n          - {SERVICE}\n",
        "6:13",
    ),
    ".circleci/config.yml": (
        f"jobs:\n  d:\n    steps:\n      - run:\n          command: |\n            azure config mode asm\n            {SERVICE}\n",
        "7:13",
    ),
    "appveyor.yml": (f"build_script:\n  - ps: {PS_SERVICE}\n", "2:9"),
    ".github/workflows/deploy.yml": (
        f"jobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          azure config mode asm\n          {SERVICE}\n",
        "7:11",
    ),
    ".github/workflows/windows.yml": (
        f"jobs:\n  d:\n    runs-on: windows-latest\n    steps:\n      - run: {PS_SERVICE}\n",
        "5:14",
    ),
    "pipelines/azure-pipelines.yml": (
        f"steps:\n  - task: AzurePowerShell@5\n    inputs:\n      ScriptType: InlineScript\n      Inline: |\n        {PS_SERVICE}\n",
        "6:9",
    ),
}


@pytest.mark.parametrize("name", sorted(PIPELINES))
def test_a_classic_call_in_a_step_is_found_where_the_pipeline_writes_it(tmp_path, monkeypatch, name):
    text, at = PIPELINES[name]
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG601", dedent=False)
    assert where(result.findings) == [f"MIG601 {name}:{at}"]
    assert "CI pipeline" in result.findings[0].message


def test_a_step_s_env_states_the_script_s_variable(tmp_path, monkeypatch):
    workflow = """\
        jobs:
          d:
            steps:
              - env:
                  SVC: envsvc
                run: |
                  azure config mode asm
                  azure service create $SVC --location 'West US'
              - run: azure service create ${{ secrets.NAME }} --location 'West US'
        """
    result = lint_files(tmp_path, monkeypatch, {".github/workflows/d.yml": workflow}, "MIG601")
    assert where(result.findings) == ["MIG601 .github/workflows/d.yml:8:11"]
    document = next(d for d in result.documents if d.path.endswith("d.yml"))
    services = [r.service for r in document.resources if type(r).__name__ == "ServiceRegion"]
    assert services == ["envsvc"]  # the other's name is the secret the service fills in


def test_the_cloud_service_deployment_task_deploys_the_configuration_it_names(tmp_path, monkeypatch):
    pipeline = """\
        steps:
          - task: AzureCloudPowerShellDeployment@1
            inputs:
              azureClassicSubscription: classic
              ServiceName: shopsvc
              StorageAccount: shopstore
              CsPkg: 'Shop/bin/Shop.cspkg'
              CsCfg: 'Shop/ServiceConfiguration.Cloud.cscfg'
              Slot: Staging
        """
    result = lint_files(tmp_path, monkeypatch, {"azure-pipelines.yml": pipeline}, "MIG601")
    assert where(result.findings) == ["MIG601 azure-pipelines.yml:2:11"]
    document = next(d for d in result.documents if d.path == "azure-pipelines.yml")
    deployments = [r for r in document.resources if isinstance(r, Deployment)]
    assert [(d.service_name, d.slot, d.configuration_file) for d in deployments] == [
        ("shopsvc", "Staging", "Shop/ServiceConfiguration.Cloud.cscfg")
    ]


def test_a_pipeline_of_resource_manager_commands_describes_nothing(tmp_path, monkeypatch, capsys):
    pipeline = "steps:\n  - script: az group create -n rg -l westus\n  - pwsh: New-AzResourceGroup -Name rg -Location westus\n"
    (tmp_path / "azure-pipelines.yml").write_text(pipeline)
    monkeypatch.chdir(tmp_path)
    _, out, err = run_cli(capsys, "check", "-v", ".")
    assert "MIG" not in out
    assert "1 CI pipeline file read for the scripts of its steps (azure-pipelines.yml)" in err
    assert "1 file read holds nothing classic" in err


def test_other_yaml_with_nothing_classic_still_holds_nothing_classic(tmp_path, monkeypatch, capsys):
    (tmp_path / "site.yml").write_text("- hosts: all\n  tasks:\n    - command: echo hello\n")
    monkeypatch.chdir(tmp_path)
    _, _, err = run_cli(capsys, "check", "-v", "site.yml")
    assert "1 file read holds nothing classic" in err and "CI pipeline" not in err
