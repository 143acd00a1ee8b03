"""Each job of a CI pipeline runs on a runner of its own, so its steps are read as a script of their own:
`azure config mode arm` in one job leaves another job's classic CLI in its own mode, and a PowerShell step
PowerShell would refuse in one job leaves another job's steps read (GitHub Actions, GitLab CI, CircleCI,
Travis CI, Bitbucket Pipelines, Azure Pipelines jobs in a stage or not)."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

ARM = "azure config mode arm"
SERVICE = "azure service create mysvc --location 'West US'"
PS_BROKEN = "New-AzureService -ServiceName ("
PS_SERVICE = "New-AzureService -ServiceName mysvc -Location 'West US'"
# Each pipeline of two jobs, the first running {first}, the second {second}; where {second} is written.
PIPELINES = {
    ".github/workflows/deploy.yml": (
        "jobs:\n  arm:\n    runs-on: ubuntu-latest\n    steps:\n      - run: {first}\n"
        "  classic:\n    runs-on: ubuntu-latest\n    steps:\n      - run: {second}\n",
        "9:14",
    ),
    ".gitlab-ci.yml": ("arm:\n  script:\n    - {first}\nclassic:\n  script:\n    - {second}\n", "6:7"),
    ".circleci/config.yml": (
        "jobs:\n  arm:\n    steps:\n      - run: {first}\n  classic:\n    steps:\n      - run: {second}\n",
        "7:14",
    ),
    ".travis.yml": (
        "jobs:\n  include:\n    - script:\n        - {first}\n    - script:\n        - {second}\n",
        "6:11",
    ),
    "bitbucket-pipelines.yml": (
        "pipelines:\n  default:\n    - step:\n        script:\n          - {first}\n"
        "    - step:\n        script:\n          - {second}\n",
        "8:13",
    ),
    "azure-pipelines.yml": (
        "jobs:\n- job: arm\n  steps:\n  - script: {first}\n- job: classic\n  steps:\n  - script: {second}\n",
        "7:13",
    ),
    "pipelines/azure-pipelines.yml": (
        "stages:\n- stage: one\n  jobs:\n  - job: arm\n    steps:\n    - script: {first}\n"
        "- stage: two\n  jobs:\n  - job: classic\n    steps:\n    - script: {second}\n",
        "11:15",
    ),
}


@pytest.mark.parametrize("name", sorted(PIPELINES))
def test_resource_manager_mode_in_one_job_leaves_another_job_s_classic_cli_classic(
    tmp_path, monkeypatch, name
):
    text, at = PIPELINES[name]
    pipeline = text.format(first=ARM, second=SERVICE)
    result = lint_files(tmp_path, monkeypatch, {name: pipeline}, "MIG601", dedent=False)
    assert where(result.findings) == [f"MIG601 {name}:{at}"]


def test_resource_manager_mode_holds_for_the_steps_after_it_in_its_own_job(tmp_path, monkeypatch):
    pipeline = f"arm:\n  script:\n    - {ARM}\n    - {SERVICE}\n"
    result = lint_files(tmp_path, monkeypatch, {".gitlab-ci.yml": pipeline}, "MIG601", dedent=False)
    assert where(result.findings) == []


def test_a_powershell_step_refused_in_one_job_leaves_another_job_s_steps_read(tmp_path, monkeypatch):
    pipeline = (
        "jobs:\n- job: broken\n  steps:\n  - pwsh: " + PS_BROKEN + "\n"
        "- job: classic\n  steps:\n  - pwsh: " + PS_SERVICE + "\n"
    )
    result = lint_files(
        tmp_path, monkeypatch, {"azure-pipelines.yml": pipeline}, "MIG001", "MIG601", dedent=False
    )
    assert sorted(where(result.findings)) == [
        "MIG001 azure-pipelines.yml:4:41",
        "MIG601 azure-pipelines.yml:7:11",
    ]
