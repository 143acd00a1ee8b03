"""An Azure Pipelines file is known by its keys, whatever its name (a pipeline is created from any YAML path:
`pipelines/network-migration.yml`, `.azuredevops/ci.yml`): a top mapping of the pipeline's keys alone
(`trigger`, `pool`, `variables`, `parameters`...) with its steps, jobs or stages. A steps template is one
too; where a pipeline read includes it, it is read there, with the parameters it is given, and not again on
its own. A YAML of other keys is no Azure Pipelines file."""

from __future__ import annotations

from lint_support import lint_files, run_cli

MIGRATION = """\
trigger: none
pool:
  vmImage: windows-latest
steps:
- powershell: |
    Move-AzureVirtualNetwork -Validate -VirtualNetworkName "${{ parameters.vnet }}"
    Move-AzureVirtualNetwork -Commit -VirtualNetworkName "${{ parameters.vnet }}"
    Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "${{ parameters.vnet }}"
"""
TEMPLATE = """\
parameters:
- name: vnet
  default: hub-vnet
steps:
- powershell: |
    Move-AzureVirtualNetwork -Validate -VirtualNetworkName "${{ parameters.vnet }}"
    Move-AzureVirtualNetwork -Commit -VirtualNetworkName "${{ parameters.vnet }}"
    Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "${{ parameters.vnet }}"
"""
CALLER = """\
trigger: none
stages:
- stage: move
  jobs:
  - job: spoke
    steps:
    - template: ../templates/move-steps.yml
      parameters:
        vnet: spoke-vnet
"""


def _found(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False)
    return sorted(
        f"{f.location.path}:{f.location.line} {f.message.split(chr(39))[1]}" for f in result.findings
    )


def test_a_pipeline_of_another_name_is_read_by_its_keys(tmp_path, monkeypatch):
    pipeline = "parameters:\n- name: vnet\n  default: hub-vnet\n" + MIGRATION
    found = _found(tmp_path, monkeypatch, {"pipelines/network-migration.yml": pipeline})
    assert found == ["pipelines/network-migration.yml:10 hub-vnet"]


def test_a_steps_template_on_its_own_is_read_with_its_defaults(tmp_path, monkeypatch):
    found = _found(tmp_path, monkeypatch, {"templates/move-steps.yml": TEMPLATE})
    assert found == ["templates/move-steps.yml:7 hub-vnet"]


def test_a_template_a_pipeline_includes_is_read_where_it_is_included_only(tmp_path, monkeypatch):
    files = {"templates/move-steps.yml": TEMPLATE, "pipelines/spoke.yml": CALLER}
    assert _found(tmp_path, monkeypatch, files) == ["templates/move-steps.yml:7 spoke-vnet"]


def test_a_yaml_of_other_keys_is_no_azure_pipelines_file(tmp_path, monkeypatch):
    workflow = MIGRATION.replace("trigger: none\npool:\n  vmImage: windows-latest\n", "on: push\n")
    workflow = workflow.replace("${{ parameters.vnet }}", "hub-vnet")
    assert _found(tmp_path, monkeypatch, {"ci/move.yml": workflow}) == []


def test_verbose_lists_a_pipeline_known_by_its_keys_among_the_ci_pipeline_files_read(
    tmp_path, monkeypatch, capsys
):
    pipeline = "parameters:\n- name: vnet\n  default: hub-vnet\n" + MIGRATION
    resource_manager = (
        "trigger: none\nsteps:\n- task: AzureCLI@2\n  inputs:\n    inlineScript: az group list\n"
    )
    (tmp_path / "pipelines").mkdir()
    (tmp_path / "pipelines" / "network-migration.yml").write_text(pipeline)
    (tmp_path / "pipelines" / "deploy.yml").write_text(resource_manager)
    (tmp_path / "site.yml").write_text("- hosts: all\n  tasks:\n    - command: azure account list\n")
    monkeypatch.chdir(tmp_path)
    _, _, err = run_cli(capsys, "check", "-v", ".")
    assert (
        "2 CI pipeline files read for the scripts of their steps "
        "(pipelines/deploy.yml, pipelines/network-migration.yml)"
    ) in err
