"""A CI pipeline that runs the migration a stage or a job at a time (validate, then prepare, then commit) is
judged as one run in the order its jobs run: GitLab CI's `stages:` and `needs:`, GitHub Actions' `needs:`,
Azure Pipelines' stages in order (or `dependsOn:`) and its jobs' `dependsOn:`. A pipeline that commits
before it prepares is out of order, at the Commit's own line; jobs that may run at once are not judged
against each other."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.rule import Severity

GITLAB_JOB = "{name}:\n  stage: {stage}\n{extra}  script:\n    - azure config mode asm\n    - {command}\n"
GITLAB_COMMANDS = {
    "validate": "azure network vnet validate-migration hub-vnet",
    "prepare": "azure network vnet prepare-migration hub-vnet",
    "commit": "azure network vnet commit-migration hub-vnet",
}
PS_COMMANDS = {
    "validate": "Move-AzureVirtualNetwork -Validate -VirtualNetworkName hub-vnet",
    "prepare": "Move-AzureVirtualNetwork -Prepare -VirtualNetworkName hub-vnet",
    "commit": "Move-AzureVirtualNetwork -Commit -VirtualNetworkName hub-vnet",
}


def _gitlab(stages: str, jobs: list[tuple[str, str, str]]) -> str:
    """A `.gitlab-ci.yml` of `stages`, and jobs (name, stage, extra keys) each running its name's step."""
    text = f"stages: [{stages}]\n"
    for name, stage, extra in jobs:
        text += GITLAB_JOB.format(name=name, stage=stage, extra=extra, command=GITLAB_COMMANDS[name])
    return text


def _github(needs: dict[str, str]) -> str:
    """A workflow of the three jobs, each after the job `needs` gives it (none where it gives none)."""
    text = "on: workflow_dispatch\njobs:\n"
    for name in ("validate", "prepare", "commit"):
        text += f"  {name}:\n    runs-on: windows-latest\n"
        if name in needs:
            text += f"    needs: {needs[name]}\n"
        text += f"    steps:\n      - run: {PS_COMMANDS[name]}\n"
    return text


def _mig602(tmp_path, monkeypatch, name: str, text: str) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG602", dedent=False)
    return where(result.findings)


def test_gitlab_stages_in_the_migration_s_order_are_clean(tmp_path, monkeypatch):
    text = _gitlab(
        "validate, prepare, commit",
        [("commit", "commit", ""), ("validate", "validate", ""), ("prepare", "prepare", "")],
    )
    assert _mig602(tmp_path, monkeypatch, ".gitlab-ci.yml", text) == []


def test_a_gitlab_commit_stage_before_the_prepare_stage_is_out_of_order(tmp_path, monkeypatch):
    text = _gitlab(
        "commit, validate, prepare",
        [("validate", "validate", ""), ("prepare", "prepare", ""), ("commit", "commit", "")],
    )
    assert _mig602(tmp_path, monkeypatch, ".gitlab-ci.yml", text) == ["MIG602 .gitlab-ci.yml:16:7"]


def test_a_gitlab_job_that_needs_the_commit_job_prepares_after_it(tmp_path, monkeypatch):
    # in one stage the jobs run at once, but `needs:` runs prepare after commit
    jobs = [
        ("validate", "validate", ""),
        ("commit", "migrate", "  needs: [validate]\n"),
        ("prepare", "migrate", "  needs: [{job: commit}]\n"),
    ]
    text = _gitlab("validate, migrate", jobs)
    assert _mig602(tmp_path, monkeypatch, ".gitlab-ci.yml", text) == ["MIG602 .gitlab-ci.yml:12:7"]


def test_gitlab_jobs_of_one_stage_are_not_judged_against_each_other(tmp_path, monkeypatch):
    text = _gitlab(
        "migrate",
        [("validate", "migrate", ""), ("commit", "migrate", ""), ("prepare", "migrate", "")],
    )
    assert _mig602(tmp_path, monkeypatch, ".gitlab-ci.yml", text) == []


def test_a_manual_gitlab_job_of_an_earlier_stage_is_not_waited_for(tmp_path, monkeypatch):
    # a manual job lets later stages run: the commit may run before the prepare, or without it
    text = _gitlab(
        "validate, prepare, commit",
        [("validate", "validate", ""), ("prepare", "prepare", "  when: manual\n"), ("commit", "commit", "")],
    )
    assert _mig602(tmp_path, monkeypatch, ".gitlab-ci.yml", text) == []


@pytest.mark.parametrize(
    ("needs", "found"),
    [
        ({"prepare": "validate", "commit": "[prepare]"}, []),
        ({"commit": "validate", "prepare": "commit"}, ["MIG602 .github/workflows/m.yml:16:14"]),
        ({}, []),  # no needs: the three jobs run at once
    ],
    ids=["in-order", "commit-needed-by-prepare", "parallel"],
)
def test_github_jobs_are_judged_in_the_order_their_needs_run_them(tmp_path, monkeypatch, needs, found):
    assert _mig602(tmp_path, monkeypatch, ".github/workflows/m.yml", _github(needs)) == found


def _azure_stages(order: list[str], depends: dict[str, str] | None = None) -> str:
    """An Azure Pipelines file of one stage per step, listed in `order`, each with its `dependsOn:`."""
    text = "stages:\n"
    for name in order:
        text += f"- stage: {name}\n"
        if depends and name in depends:
            text += f"  dependsOn: {depends[name]}\n"
        text += "  jobs:\n  - job: run\n    pool:\n      vmImage: windows-latest\n"
        text += f"    steps:\n    - powershell: {PS_COMMANDS[name]}\n"
    return text


def _azure_jobs(order: list[str], depends: dict[str, str]) -> str:
    """An Azure Pipelines file of one stage, one job per step listed in `order`, each with its
    `dependsOn:`."""
    text = "jobs:\n"
    for name in order:
        text += f"- job: {name}\n"
        if name in depends:
            text += f"  dependsOn: {depends[name]}\n"
        text += f"  pool:\n    vmImage: windows-latest\n  steps:\n  - powershell: {PS_COMMANDS[name]}\n"
    return text


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (_azure_stages(["validate", "prepare", "commit"]), []),
        (_azure_stages(["validate", "commit", "prepare"]), ["MIG602 azure-pipelines.yml:15:19"]),
        # dependsOn runs commit last, whatever the order the stages are listed in
        (_azure_stages(["validate", "commit", "prepare"], {"commit": "prepare", "prepare": "validate"}), []),
        (_azure_jobs(["validate", "prepare", "commit"], {"prepare": "validate", "commit": "prepare"}), []),
        (
            _azure_jobs(["validate", "commit", "prepare"], {"commit": "validate", "prepare": "commit"}),
            ["MIG602 azure-pipelines.yml:12:17"],
        ),
        (_azure_jobs(["validate", "commit", "prepare"], {}), []),  # a stage's jobs run at once
    ],
    ids=["stages-in-order", "commit-stage-first", "depends-on", "jobs-in-order", "jobs-reversed", "parallel"],
)
def test_azure_pipelines_stages_and_jobs_are_judged_in_the_order_they_run(tmp_path, monkeypatch, text, found):
    assert _mig602(tmp_path, monkeypatch, "azure-pipelines.yml", text) == found


def _messages(tmp_path, monkeypatch, name: str, text: str) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG602", dedent=False)
    return [f.message for f in result.findings]


def test_a_commit_before_another_job_s_prepare_names_that_job(tmp_path, monkeypatch):
    text = _gitlab(
        "commit, validate, prepare",
        [("validate", "validate", ""), ("prepare", "prepare", ""), ("commit", "commit", "")],
    )
    [message] = _messages(tmp_path, monkeypatch, ".gitlab-ci.yml", text)
    assert message.endswith(
        "azure network vnet commit-migration comes before any Prepare of virtual network 'hub-vnet' in this pipeline's run "
        "(job 'prepare', which runs after it)"
    )


def test_a_commit_before_a_prepare_of_its_own_job_names_no_job(tmp_path, monkeypatch):
    text = (
        "stages: [validate, migrate]\n"
        + GITLAB_JOB.format(name="validate", stage="validate", extra="", command=GITLAB_COMMANDS["validate"])
        + "migrate:\n  stage: migrate\n  script:\n    - azure config mode asm\n"
        + f"    - {GITLAB_COMMANDS['commit']}\n    - {GITLAB_COMMANDS['prepare']}\n"
    )
    [message] = _messages(tmp_path, monkeypatch, ".gitlab-ci.yml", text)
    assert message.endswith(
        "azure network vnet commit-migration comes before any Prepare of virtual network 'hub-vnet' in this pipeline's run"
    )


def test_a_script_s_commit_before_its_prepare_is_said_of_the_script(tmp_path, monkeypatch):
    script = f"azure config mode asm\n{GITLAB_COMMANDS['commit']}\n{GITLAB_COMMANDS['prepare']}\n"
    [message] = _messages(tmp_path, monkeypatch, "migrate.sh", script)
    assert message.endswith(
        "azure network vnet commit-migration comes before any Prepare of virtual network 'hub-vnet' in this script"
    )


def _github_jobs(jobs: list[tuple[str, str, str]]) -> str:
    """A workflow of jobs (name, the job its `needs:` names or "", its PowerShell script's one line)."""
    text = "on: workflow_dispatch\njobs:\n"
    for name, needs, command in jobs:
        text += f"  {name}:\n    runs-on: windows-latest\n"
        text += f"    needs: {needs}\n" if needs else ""
        text += f"    steps:\n      - run: {command}\n"
    return text


UPLOAD = r"Set-AzureVNetConfig -ConfigurationPath .\NetworkConfig.netcfg"


@pytest.mark.parametrize(
    ("change_needs", "commit_needs", "found"),
    [
        ("prepare", "change", ["MIG602 .github/workflows/m.yml:11:14"]),  # between Prepare and Commit
        ("commit", "prepare", []),  # after the Commit
        ("", "prepare", []),  # may run at any time: no order to judge
    ],
    ids=["between", "after-commit", "parallel"],
)
def test_a_job_that_changes_what_an_earlier_job_prepared_is_out_of_order(
    tmp_path, monkeypatch, change_needs, commit_needs, found
):
    jobs = [
        ("prepare", "", PS_COMMANDS["prepare"]),
        ("change", change_needs, UPLOAD),
        ("commit", commit_needs, PS_COMMANDS["commit"]),
    ]
    assert _mig602(tmp_path, monkeypatch, ".github/workflows/m.yml", _github_jobs(jobs)) == found


def test_another_job_s_end_of_a_migration_is_no_walkthrough_s_alternative(tmp_path, monkeypatch):
    # an Abort in the job after the one that commits: the run that reaches it committed, so an error
    abort = PS_COMMANDS["commit"].replace("-Commit", "-Abort")
    jobs = [
        ("prepare", "", PS_COMMANDS["prepare"]),
        ("commit", "prepare", PS_COMMANDS["commit"]),
        ("abort", "commit", abort),
    ]
    result = lint_files(
        tmp_path, monkeypatch, {".github/workflows/m.yml": _github_jobs(jobs)}, "MIG602", dedent=False
    )
    assert [(f.mark.line, f.severity) for f in result.findings] == [(16, Severity.ERROR)]
