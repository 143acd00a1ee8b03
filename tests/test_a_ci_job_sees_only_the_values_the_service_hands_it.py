"""A CI job sees a value another job hands on only where the CI service hands it: GitLab CI gives a job the
dotenv report of a job it needs unless its `needs:` item says `artifacts: false`, and none under `needs: []`
or `dependencies: []`; GitHub Actions gives `needs.<job>.outputs` only of the jobs a job's `needs:` names
itself, not of those they need; Azure Pipelines names a deployment job's output variables by its strategy
(`<job>.<step>.<name>` for runOnce, `<hook>_<increment>.<step>.<name>` for canary, `<hook>_<resource>.`
for a resource the environment names), in a later job of its stage (`dependencies.`) or stage
(`stageDependencies.`)."""

from __future__ import annotations

import pytest
from lint_support import lint_files

CLI_STEPS = """\
azure config mode asm
azure network vnet validate-migration {reference}
azure network vnet commit-migration {reference}
azure network vnet prepare-migration {reference}
"""


def _block(reference: str, indent: int, item: str = "") -> str:
    lines = CLI_STEPS.format(reference=reference).splitlines()
    return "".join(" " * indent + item + line + "\n" for line in lines)


def _networks_committed_first(tmp_path, monkeypatch, name: str, text: str) -> list[str]:
    """The networks named in quotes (stated) that a MIG602 finding says are committed before a Prepare."""
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG602", dedent=False)
    said = [
        f.message.partition("virtual network '")[2]
        for f in result.findings
        if "before any Prepare" in f.message
    ]
    return sorted(name.partition("'")[0] for name in said if name)


GITLAB = """\
stages: [pick, move]
pick:
  stage: pick
  script:
    - echo "VNET=spoke-vnet" >> build.env
  artifacts:
    reports:
      dotenv: build.env
move:
  stage: move
{given}  script:
"""


@pytest.mark.parametrize(
    ("given", "found"),
    [
        ("  needs: [pick]\n", ["spoke-vnet"]),
        ("  needs:\n    - job: pick\n", ["spoke-vnet"]),
        ("  needs:\n    - job: pick\n      artifacts: true\n", ["spoke-vnet"]),
        ("  needs:\n    - job: pick\n      artifacts: false\n", []),
        ("  needs: [{job: pick, artifacts: False}]\n", []),
        ("  needs: []\n", []),
        ("  dependencies: []\n", []),
        ("  dependencies: [pick]\n", ["spoke-vnet"]),
        ("  needs:\n    - project: other/group\n      job: pick\n      ref: main\n", []),
    ],
    ids=[
        "needs",
        "needs-job",
        "artifacts-true",
        "artifacts-false",
        "artifacts-false-flow",
        "needs-none",
        "dependencies-none",
        "dependencies",
        "another-project-s-job",
    ],
)
def test_a_gitlab_job_sees_a_dotenv_report_only_of_the_jobs_whose_artifacts_it_downloads(
    tmp_path, monkeypatch, given, found
):
    text = GITLAB.format(given=given) + _block("$VNET", 4, "- ")
    assert _networks_committed_first(tmp_path, monkeypatch, ".gitlab-ci.yml", text) == found


GITHUB_CHAIN = """\
on: workflow_dispatch
jobs:
  pick:
    runs-on: ubuntu-latest
    outputs:
      vnet: ${{{{ steps.choose.outputs.vnet }}}}
    steps:
      - id: choose
        run: echo "vnet=spoke-vnet" >> "$GITHUB_OUTPUT"
  check:
    runs-on: ubuntu-latest
    needs: pick
    steps:
      - run: echo checked
  move:
    runs-on: ubuntu-latest
    needs: {needs}
    steps:
      - run: |
"""


@pytest.mark.parametrize(
    ("needs", "found"),
    [("check", []), ("[check, pick]", ["spoke-vnet"]), ("[pick]", ["spoke-vnet"])],
    ids=["through-another-job", "listed-too", "listed"],
)
def test_a_github_job_sees_the_outputs_only_of_the_jobs_its_needs_names(tmp_path, monkeypatch, needs, found):
    text = GITHUB_CHAIN.format(needs=needs) + _block("${{ needs.pick.outputs.vnet }}", 10)
    assert _networks_committed_first(tmp_path, monkeypatch, ".github/workflows/m.yml", text) == found


def _deployment(strategy: str, environment: str = "staging", setting: str = "") -> str:
    """A deployment job `pick` of `strategy` (with its `setting:` line) whose step `choose` sets the output
    `vnet` in its `deploy:` hook."""
    return (
        f"  - deployment: pick\n    environment: {environment}\n    strategy:\n      {strategy}:\n"
        + (f"        {setting}\n" if setting else "")
        + "        deploy:\n          steps:\n"
        + '          - bash: echo "##vso[task.setvariable variable=vnet;isOutput=true]spoke-vnet"\n'
        + "            name: choose\n"
    )


AZURE_STAGE = """\
stages:
- stage: one
  jobs:
{deployment}  - job: move
    dependsOn: pick
    variables:
      target: $[ dependencies.pick.outputs['{key}.choose.vnet'] ]
    steps:
    - bash: |
"""


RESOURCE = "{name: staging, resourceType: VirtualMachine, resourceName: vm1}"


@pytest.mark.parametrize(
    ("strategy", "environment", "setting", "key", "found"),
    [
        ("runOnce", "staging", "", "pick", ["spoke-vnet"]),
        ("runOnce", "staging", "", "deploy", []),  # the hook's name names no value of runOnce
        ("runOnce", RESOURCE, "", "deploy_vm1", ["spoke-vnet"]),
        ("canary", "staging", "increments: [10, 20]", "deploy_10", ["spoke-vnet"]),
        ("canary", "staging", "increments: [10, 20]", "deploy_30", []),
        ("canary", "staging", "increments: [10, 20]", "pick", []),
        ("rolling", RESOURCE, "maxParallel: 2", "deploy_vm1", ["spoke-vnet"]),
        ("rolling", "staging", "maxParallel: 2", "deploy_vm1", []),  # its resources are not stated
    ],
    ids=[
        "run-once",
        "run-once-hook",
        "run-once-resource",
        "canary",
        "canary-other-increment",
        "canary-job-name",
        "rolling-resource",
        "rolling-resources-not-stated",
    ],
)
def test_an_azure_deployment_job_s_output_is_named_by_its_strategy(
    tmp_path, monkeypatch, strategy, environment, setting, key, found
):
    deployment = _deployment(strategy, environment, setting)
    text = AZURE_STAGE.format(deployment=deployment, key=key) + _block("$(target)", 8)
    assert _networks_committed_first(tmp_path, monkeypatch, "azure-pipelines.yml", text) == found


def test_an_azure_deployment_job_s_output_is_what_a_later_stage_sees(tmp_path, monkeypatch):
    text = (
        "stages:\n- stage: one\n  jobs:\n"
        + _deployment("runOnce")
        + "- stage: two\n  dependsOn: one\n  jobs:\n  - job: move\n    variables:\n"
        + "      target: $[ stageDependencies.one.pick.outputs['pick.choose.vnet'] ]\n"
        + "    steps:\n    - bash: |\n"
        + _block("$(target)", 8)
    )
    assert _networks_committed_first(tmp_path, monkeypatch, "azure-pipelines.yml", text) == ["spoke-vnet"]


def test_an_azure_deployment_job_s_steps_see_its_outputs_by_the_step_s_name(tmp_path, monkeypatch):
    text = "jobs:\n" + _deployment("runOnce") + "          - bash: |\n" + _block("$(choose.vnet)", 14)
    assert _networks_committed_first(tmp_path, monkeypatch, "azure-pipelines.yml", text) == ["spoke-vnet"]
